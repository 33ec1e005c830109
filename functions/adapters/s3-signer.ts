import { s3 } from './s3.ts';
import { PART_URL_TTL_SECONDS } from './object-store.ts';

/** One multipart call a browser makes straight to S3 with a presigned URL (Uppy's signRequest mode). */
export type MultipartCall =
  | { op: 'create'; contentType?: string; metadata: Record<string, string> }
  | { op: 'uploadPart'; uploadId: string; partNumber: number }
  | { op: 'listParts'; uploadId: string }
  | { op: 'complete'; uploadId: string }
  | { op: 'abort'; uploadId: string };

/**
 * Presign one multipart call for `key`. Metadata is signed as headers the browser must send
 * (returned in `headers`), not moved into the query string: what a create says about the
 * job cannot be changed by the page.
 */
export async function presignMultipartCall(bucket: string, key: string, call: MultipartCall): Promise<{ url: string; headers?: Record<string, string> }> {
  const { client, sdk } = await s3();
  const where = { Bucket: bucket, Key: key };
  const options = { expiresIn: PART_URL_TTL_SECONDS };
  switch (call.op) {
    case 'create': {
      const headers = Object.fromEntries(Object.entries(call.metadata).map(([name, value]) => [`x-amz-meta-${name}`, value]));
      const url = await sdk.getSignedUrl(client, new sdk.CreateMultipartUploadCommand({ ...where, Metadata: call.metadata }), {
        ...options,
        unhoistableHeaders: new Set(Object.keys(headers)),
      });
      return { url, headers };
    }
    case 'uploadPart':
      return { url: await sdk.getSignedUrl(client, new sdk.UploadPartCommand({ ...where, UploadId: call.uploadId, PartNumber: call.partNumber }), options) };
    case 'listParts':
      return { url: await sdk.getSignedUrl(client, new sdk.ListPartsCommand({ ...where, UploadId: call.uploadId }), options) };
    case 'complete':
      return { url: await sdk.getSignedUrl(client, new sdk.CompleteMultipartUploadCommand({ ...where, UploadId: call.uploadId }), options) };
    case 'abort':
      return { url: await sdk.getSignedUrl(client, new sdk.AbortMultipartUploadCommand({ ...where, UploadId: call.uploadId }), options) };
  }
}
