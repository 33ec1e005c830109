/*
 * The page under test: what a web developer writes to upload with Uppy 6 and an upload
 * token, bundled by the test from the real npm packages. It keeps the upload's resume state
 * ({ uploadId, key }, what @uppy/golden-retriever would keep) in localStorage, so a page
 * opened later resumes the same multipart upload.
 */
import Uppy from '@uppy/core';
import AwsS3 from '@uppy/aws-s3';
import type { UploadOptions, UploadOutcome } from '../upload-page-api.ts';

// Name and size: a file chosen again in a new page has a new lastModified in some browsers.
const resumeKey = (file: File) => `afp-upload:${file.name}:${file.size}`;

async function uploadSelected(opts: UploadOptions): Promise<UploadOutcome> {
  const input = document.getElementById('file') as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) throw new Error('no file selected');

  // The whole setup the README shows: an endpoint, and multipart always.
  const shouldUseMultipart = opts.multipart ?? true;
  const uppy =
    opts.mode === 'signRequest'
      ? // each upload gets a folder of its own server-side, so the file's name alone is the key's last segment
        new Uppy().use(AwsS3, { signRequest: signWith(opts.companionEndpoint), shouldUseMultipart, generateObjectKey: (f) => f.name })
      : new Uppy().use(AwsS3, { companionEndpoint: opts.companionEndpoint, shouldUseMultipart });

  const id = uppy.addFile({ name: file.name, type: file.type, data: file });
  const saved = localStorage.getItem(resumeKey(file));
  if (saved) uppy.setFileState(id, { s3Multipart: JSON.parse(saved) as { uploadId: string; key: string } });

  const outcome: UploadOutcome = { partsUploaded: [] };
  return new Promise<UploadOutcome>((resolve) => {
    uppy.on('s3-multipart:part-uploaded', (uploaded, part) => {
      outcome.partsUploaded.push(part.PartNumber);
      const state = uppy.getFile(uploaded.id).s3Multipart;
      if (state) localStorage.setItem(resumeKey(file), JSON.stringify(state));
      if (outcome.partsUploaded.length === opts.stopAfterParts) {
        // Called while the part's event is handled: the next part is never requested.
        uppy.pauseAll();
        resolve(outcome);
      }
    });
    uppy.on('upload-success', (_file, response) => {
      localStorage.removeItem(resumeKey(file));
      const body = response.body as { location?: string; key?: string } | undefined;
      resolve({ ...outcome, location: body?.location, key: body?.key });
    });
    uppy.on('upload-error', (_file, error) => resolve({ ...outcome, error: String(error) }));
    void uppy.upload();
  });
}

/** The README's signRequest variant: the same endpoint presigns each S3 call, Uppy makes it. */
const signWith = (companionEndpoint: string) => async (request: object) => {
  const res = await fetch(`${companionEndpoint}/s3/sign`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  if (!res.ok) throw new Error(`signing failed: ${res.status}`);
  return res.json();
};

(window as unknown as { uploadSelected: typeof uploadSelected }).uploadSelected = uploadSelected;
