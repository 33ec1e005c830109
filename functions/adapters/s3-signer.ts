import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client } from './aws-clients.ts';
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
  const where = { Bucket: bucket, Key: key };
  const options = { expiresIn: PART_URL_TTL_SECONDS };
  switch (call.op) {
    case 'create': {
      const headers = Object.fromEntries(Object.entries(call.metadata).map(([name, value]) => [`x-amz-meta-${name}`, value]));
      const url = await getSignedUrl(s3Client(), new CreateMultipartUploadCommand({ ...where, Metadata: call.metadata }), {
        ...options,
        unhoistableHeaders: new Set(Object.keys(headers)),
      });
      return { url, headers };
    }
    case 'uploadPart':
      return { url: await getSignedUrl(s3Client(), new UploadPartCommand({ ...where, UploadId: call.uploadId, PartNumber: call.partNumber }), options) };
    case 'listParts':
      return { url: await getSignedUrl(s3Client(), new ListPartsCommand({ ...where, UploadId: call.uploadId }), options) };
    case 'complete':
      return { url: await getSignedUrl(s3Client(), new CompleteMultipartUploadCommand({ ...where, UploadId: call.uploadId }), options) };
    case 'abort':
      return { url: await getSignedUrl(s3Client(), new AbortMultipartUploadCommand({ ...where, UploadId: call.uploadId }), options) };
  }
}
