/** What the Uppy test page (pages/uppy-companion.ts) exposes as `window.uploadSelected`, shared with the test. */
export interface UploadOptions {
  companionEndpoint: string;
  /** pause (as closing the page would stop it) once this many parts are uploaded */
  stopAfterParts?: number;
  /** false: one form POST straight to the bucket (Uppy's default for files under 100 MiB) */
  multipart?: boolean;
  /** signRequest: every S3 call presigned by {companionEndpoint}/s3/sign and sent to S3 by Uppy itself */
  mode?: 'companion' | 'signRequest';
}

export interface UploadOutcome {
  /** part numbers this page uploaded, in order */
  partsUploaded: number[];
  /** set when the upload finished: what Uppy reports as the file's response */
  location?: string;
  key?: string;
  error?: string;
}
