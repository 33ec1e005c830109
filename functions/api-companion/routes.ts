import * as z from 'zod/mini';
import { json } from '../shared/http/responses.ts';
import { parseBody, parseQuery } from '../shared/http/request-input.ts';
import { badRequest, notFound } from '../shared/http/errors.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import type { TokenRequest } from '../shared/http/upload-token-api.ts';
import { ulid } from 'ulid';
import { companionCompleteBody, companionCreateBody, companionKeyQuery, companionParamsQuery, companionSignBody } from '../shared/contract/uploads.ts';
import { abortUploadSession, completeUploadSession, jobUrl, openUploadSession, requireOpen, uploadedParts } from '../shared/upload-flow.ts';
import { objectStore } from '../adapters/object-store.ts';
import { uploadStore, type UploadSession } from '../adapters/upload-store.ts';
import { jobStore } from '../adapters/job-store.ts';
import { toApiJob } from '../core/jobs/job.ts';
import { duplicateIndex } from '../adapters/duplicate-index.ts';
import { presignMultipartCall, type MultipartCall } from '../adapters/s3-signer.ts';
import { MAX_PARTS, MIB } from '../core/uploads/part-size.ts';
import { inboxKey, metadataFor } from '../core/uploads/inbox.ts';
import { tokenOwnsKey, tokenStartedJob } from '../adapters/upload-token-jobs.ts';
import type { UploadTokenPrincipal } from '../core/auth/upload-tokens.ts';
import { sanitizeFilename } from '../core/jobs/keys.ts';
import { refuseExpired } from '../shared/job-expiry.ts';

/*
 * The companion routes' code: handler.ts loads this module on the first request whose upload
 * token passed its checks, and keeps it for the container.
 */

const bucket = requiredEnv(ENV.uploadBucket);

/** The token's own session for an S3 upload id and key; anything else is not found (another token's upload included). */
async function requireSession(req: TokenRequest): Promise<UploadSession> {
  const { key } = parseQuery(req.event, companionKeyQuery);
  const uploadId = req.params.uploadId ?? '';
  const session = uploadId.length <= 1024 ? await uploadStore.getByUploadId(req.token.tenantId, uploadId) : undefined;
  if (!session || session.tokenId !== req.token.tokenId || session.key !== key) throw notFound('Upload');
  return session;
}

/**
 * The highest part number an upload within the token's limit can use: every part but the
 * last holds at least 5 MiB, so part n means at least (n - 1) x 5 MiB before it.
 */
const maxPartNumber = (maxBytes: number) => Math.min(MAX_PARTS, Math.floor(maxBytes / (5 * MIB)) + 1);

/*
 * Uploads that go straight to S3 (a form POST, or every multipart call presigned for Uppy's
 * signRequest mode) land in the tenant's inbox, in a folder of their own named after the
 * token, with the token's settings as object metadata; the bucket's Object Created event
 * then starts the job (functions/inbox).
 */
const tokenFolder = (token: UploadTokenPrincipal) => `${token.tokenId}-${ulid()}`;
const directMetadata = (token: UploadTokenPrincipal) => ({ ...metadataFor(token), 'max-bytes': String(token.maxBytes) });

/** A presigned POST policy for one new object of this token: the size range is S3's to enforce. */
async function formUpload(token: UploadTokenPrincipal, filename: string, type: string) {
  const key = inboxKey(token.tenantId, tokenFolder(token), sanitizeFilename(filename));
  const metadata = Object.entries(directMetadata(token)).map(([name, value]) => [`x-amz-meta-${name}`, value]);
  return objectStore.presignPost(bucket, key, { maxBytes: token.maxBytes, fields: { 'Content-Type': type, ...Object.fromEntries(metadata) } });
}

/** The multipart call an Uppy signRequest names, for a key this token created. */
function multipartCall(token: UploadTokenPrincipal, body: { method: string; uploadId?: string; partNumber?: number }): MultipartCall {
  const uploadId = body.uploadId!;
  if (body.method === 'GET') return { op: 'listParts', uploadId };
  if (body.method === 'POST') return { op: 'complete', uploadId };
  if (body.method === 'DELETE') return { op: 'abort', uploadId };
  const highest = maxPartNumber(token.maxBytes);
  if (body.partNumber === undefined || body.partNumber > highest) {
    throw badRequest('Part number is invalid', [{ field: 'partNumber', message: `must be an integer from 1 to ${highest}` }]);
  }
  return { op: 'uploadPart', uploadId, partNumber: body.partNumber };
}

/** POST …/s3/multipart: a multipart upload session of the token's, and a job of the same bytes if there is one. */
export async function createMultipart(req: TokenRequest) {
  const body = parseBody(req.event, companionCreateBody);
  const session = await openUploadSession({
    tenantId: req.token.tenantId,
    bucket,
    filename: body.filename,
    contentType: body.type,
    sha256: body.metadata?.sha256,
    maxBytes: req.token.maxBytes,
    tokenId: req.token.tokenId,
  });
  const duplicateOf = (session.sha256 && (await duplicateIndex.find(req.token.tenantId, session.sha256))) || null;
  return json(200, { key: session.key, uploadId: session.uploadId, duplicateOf });
}

/** GET …/s3/multipart/{uploadId}/{partNumber}: a presigned URL for one part. */
export async function signPart(req: TokenRequest) {
  const session = await requireSession(req);
  requireOpen(session);
  const highest = maxPartNumber(req.token.maxBytes);
  const n = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(highest)).safeParse(req.params.partNumber);
  if (!n.success) throw badRequest('Part number is invalid', [{ field: 'partNumber', message: `must be an integer from 1 to ${highest}` }]);
  const { url, expiresAt } = await objectStore.signPart(bucket, session.key, session.uploadId, n.data);
  return json(200, { url, expires: expiresAt });
}

/** GET …/s3/multipart/{uploadId}: the parts uploaded so far. */
export async function listParts(req: TokenRequest) {
  return json(200, await uploadedParts(await requireSession(req)));
}

/** POST …/s3/multipart/{uploadId}/complete: the upload joined, its job started. */
export async function completeMultipart(req: TokenRequest) {
  const { parts } = parseBody(req.event, companionCompleteBody);
  const session = await requireSession(req);
  const done = await completeUploadSession(session, parts, { schema: req.token.schema, options: req.token.options });
  return json(200, { location: jobUrl(req.event, done.jobId), key: session.key, ...done });
}

/**
 * GET …/s3/params: a single-request upload, a form POST into the tenant's inbox, whose Object
 * Created event starts the job (functions/inbox) with the token's settings carried as object metadata.
 */
export async function formParams(req: TokenRequest) {
  const { filename, type } = parseQuery(req.event, companionParamsQuery);
  const { url, fields, expiresAt } = await formUpload(req.token, filename, type);
  return json(200, { method: 'POST', url, fields, expires: expiresAt });
}

/** POST …/s3/sign: Uppy's signRequest mode, the one S3 request Uppy is about to make presigned. */
export async function signRequest(req: TokenRequest) {
  const body = parseBody(req.event, companionSignBody);
  if (body.uploadId === undefined) {
    if (body.method === 'PUT') {
      const { url, fields } = await formUpload(req.token, body.key, body.contentType ?? 'application/octet-stream');
      return json(200, { url, fields });
    }
    if (body.method === 'POST') {
      const key = inboxKey(req.token.tenantId, tokenFolder(req.token), sanitizeFilename(body.key));
      return json(200, { ...(await presignMultipartCall(bucket, key, { op: 'create', metadata: directMetadata(req.token) })), key });
    }
    throw badRequest('Only uploads can be signed', [{ field: 'method', message: 'PUT (an object) or POST (a multipart upload), or a call with uploadId' }]);
  }
  if (!tokenOwnsKey(req.token, body.key)) throw notFound('Upload');
  return json(200, await presignMultipartCall(bucket, body.key, multipartCall(req.token, body)));
}

/**
 * GET …/jobs/{jobId}: an importer embedded in a web page holds only the token: it may follow the
 * jobs its own uploads started (multipart ones through their session, direct ones through the
 * token's inbox folder) and nothing else of the tenant's.
 */
export async function getJob(req: TokenRequest) {
  const job = await jobStore.get(req.token.tenantId, req.params.jobId ?? '');
  if (!job) throw notFound('Job');
  if (!(await tokenStartedJob(req.token, job))) throw notFound('Job');
  refuseExpired(job, 'record');
  return json(200, toApiJob(job));
}

/** DELETE …/s3/multipart/{uploadId}: the upload aborted. */
export async function abortMultipart(req: TokenRequest) {
  await abortUploadSession(await requireSession(req));
  return json(200, {});
}
