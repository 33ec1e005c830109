import { ulid } from 'ulid';
import { badRequest, conflict, HttpError } from './http/errors.ts';
import type { HttpEvent } from './http/responses.ts';
import { objectStore } from '../adapters/object-store.ts';
import { uploadStore, type UploadSession } from '../adapters/upload-store.ts';
import { launchJob, newJobId, type LaunchRequest } from '../adapters/job-launcher.ts';
import type { JobRecord } from '../core/jobs/job.ts';
import { duplicateIndex, SKIP_FOR, type Duplicate } from '../adapters/duplicate-index.ts';
import { uploadKey } from '../core/jobs/keys.ts';
import { MAX_UPLOAD_BYTES, choosePartSize } from '../core/uploads/part-size.ts';
import type { JobOptions } from '../core/pipeline-types.ts';
import { uploadQuota } from '../adapters/upload-quota.ts';
import { meterUsage } from '../adapters/usage-meter.ts';
import { QuotaExceededError } from '../core/quotas/limits.ts';
import { assertIsError } from '../core/errors.ts';

/*
 * The multipart upload flow behind both front doors: the API-key routes under /v1/uploads and
 * the upload-token routes Uppy calls in companion mode. A session is an S3 multipart upload
 * plus what the client declared; completing it checks the object and starts the job once.
 */

/** An unfinished session is abandoned after a day; the bucket's lifecycle rule cleans up its parts. */
const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

/** What opens a session: the session's own fields a client or an upload token decides. */
export type OpenSessionRequest = Pick<UploadSession, 'tenantId' | 'bucket' | 'filename' | 'contentType' | 'size' | 'sha256' | 'maxBytes' | 'tokenId'>;

export async function openUploadSession(req: OpenSessionRequest): Promise<UploadSession> {
  // A declared size counts against the quotas now, before any byte is sent; an undeclared one at complete.
  if (req.size !== undefined) await admitUpload(req.tenantId, req.size);
  const sessionId = `upl_${ulid()}`;
  const key = uploadKey(req.tenantId, sessionId, req.filename);
  const uploadId = await objectStore.createMultipartUpload(req.bucket, key, req.contentType);
  const expires = new Date(Date.now() + SESSION_TTL_MS);
  const session: UploadSession = {
    tenantId: req.tenantId,
    sessionId,
    uploadId,
    bucket: req.bucket,
    key,
    filename: req.filename,
    contentType: req.contentType,
    ...(req.size === undefined ? {} : { size: req.size }),
    ...(req.sha256 ? { sha256: req.sha256.toLowerCase() } : {}),
    ...(req.maxBytes === undefined ? {} : { maxBytes: req.maxBytes }),
    ...(req.tokenId ? { tokenId: req.tokenId } : {}),
    partSize: choosePartSize(req.size ?? req.maxBytes ?? MAX_UPLOAD_BYTES),
    status: 'open',
    createdAt: new Date().toISOString(),
    expiresAt: expires.toISOString(),
    expiresAtEpoch: Math.floor(expires.getTime() / 1000),
  };
  await uploadStore.create(session);
  return session;
}

/** The parts S3 holds for an open session (what a client resumes from); none once it is closed. */
export async function uploadedParts(session: UploadSession) {
  if (session.status !== 'open') return [];
  const parts = await objectStore.listParts(session.bucket, session.key, session.uploadId);
  return parts.map((p) => ({ PartNumber: p.PartNumber, Size: p.Size, ETag: p.ETag }));
}

export function requireOpen(session: UploadSession) {
  if (session.status !== 'open') throw conflict(`Upload session is ${session.status}`);
}

export interface CompletedPart {
  PartNumber: number;
  ETag: string;
}

export interface Completion {
  jobId: string;
  /** the tenant's earlier job over a file with the same declared SHA-256 */
  duplicateOf?: Duplicate;
  /** options.onDuplicate was "skip" and the earlier job stands for the file: no new job */
  skipped?: true;
}

/**
 * What completing an upload works with: the stores as arguments, so the flow (repeat-safe
 * completion, S3's refusals, the size check that deletes, the race on the session, the job
 * launch) is unit-tested with in-memory stores; the handlers pass nothing and get AWS's.
 */
export interface CompletionPorts {
  objects: Pick<typeof objectStore, 'completeMultipartUpload' | 'head' | 'delete'>;
  uploads: Pick<typeof uploadStore, 'get' | 'transition'>;
  duplicates: Pick<typeof duplicateIndex, 'find'>;
  quota: Pick<typeof uploadQuota, 'admit' | 'noteStored'>;
  launchJob: (req: LaunchRequest) => Promise<Pick<JobRecord, 'jobId'>>;
  newJobId: () => string;
  meterUsage: (tenantId: string, counts: { files: number; bytesUploaded: number }) => Promise<void>;
}

const awsCompletionPorts: CompletionPorts = { objects: objectStore, uploads: uploadStore, duplicates: duplicateIndex, quota: uploadQuota, launchJob, newJobId, meterUsage };

/**
 * Complete the multipart upload, check the object against what was declared (its size, or
 * the token's limit), and start the job, unless the same bytes already have one and the
 * client asked to skip them. Completing again (a client retry, a double click) answers with
 * the same job.
 */
export async function completeUploadSession(
  session: UploadSession,
  parts: CompletedPart[],
  start: { schema?: string; options?: JobOptions },
  ports: CompletionPorts = awsCompletionPorts,
): Promise<Completion> {
  const { objects, uploads, duplicates, quota } = ports;
  const { tenantId, sessionId, bucket } = session;
  if (session.status === 'completed' && session.jobId) return { jobId: session.jobId };
  requireOpen(session);
  const sorted = [...parts].sort((a, b) => a.PartNumber - b.PartNumber);
  if (new Set(sorted.map((p) => p.PartNumber)).size !== sorted.length) {
    throw badRequest('Request body is invalid', [{ field: 'parts', message: 'part numbers must be unique' }]);
  }
  try {
    await objects.completeMultipartUpload(bucket, session.key, session.uploadId, sorted);
  } catch (err) {
    assertIsError(err);
    if (err.name === 'InvalidPart' || err.name === 'InvalidPartOrder' || err.name === 'EntityTooSmall') {
      throw badRequest('The parts do not match what was uploaded', [{ field: 'parts', message: err.message }]);
    }
    if (err.name === 'NoSuchUpload') {
      const again = await uploads.get(tenantId, sessionId);
      if (again?.status === 'completed' && again.jobId) return { jobId: again.jobId };
      throw conflict('The multipart upload no longer exists; start a new upload session');
    }
    throw err;
  }
  const head = await objects.head(bucket, session.key);
  const sizeProblem = sizeMismatch(session, head?.size ?? 0);
  if (!head || sizeProblem) {
    // The object is not what the client declared: delete it rather than ingest a partial file.
    await objects.delete(bucket, session.key);
    await uploads.transition(tenantId, sessionId, 'aborted');
    throw badRequest(sizeProblem?.message ?? 'The uploaded object is missing', [sizeProblem?.detail ?? { field: 'parts', message: 'no object' }]);
  }
  if (session.size === undefined) {
    try {
      await admitUpload(tenantId, head.size, quota);
    } catch (err) {
      // Over a quota with the bytes already sent: they are not kept (the answer says which quota).
      await objects.delete(bucket, session.key);
      await uploads.transition(tenantId, sessionId, 'aborted');
      throw err;
    }
  }
  const duplicateOf = session.sha256 ? await duplicates.find(tenantId, session.sha256) : undefined;
  const skip = duplicateOf && start.options?.onDuplicate === 'skip' && SKIP_FOR.includes(duplicateOf.status);
  const jobId = skip ? duplicateOf.jobId : ports.newJobId();
  if (!(await uploads.transition(tenantId, sessionId, 'completed', { jobId, ...(skip ? {} : { storedBytes: head.size }) }))) {
    const winner = await uploads.get(tenantId, sessionId);
    if (winner?.jobId) return { jobId: winner.jobId };
    throw conflict('Upload session changed while completing');
  }
  await ports.meterUsage(tenantId, { files: 1, bytesUploaded: head.size });
  if (skip) {
    // The earlier job stands for these bytes: a second copy would only take up the tenant's
    // stored bytes with no job to expire it. It is not kept, and never counted.
    await objects.delete(bucket, session.key);
    return { jobId, duplicateOf, skipped: true };
  }
  await quota.noteStored(tenantId, head.size);
  const job = await ports.launchJob({
    tenantId,
    jobId,
    schema: start.schema,
    options: start.options,
    source: { sessionId, bucket, key: session.key, filename: session.filename, size: head.size, contentType: session.contentType, sha256: session.sha256 },
  });
  return { jobId: job.jobId, ...(duplicateOf ? { duplicateOf } : {}) };
}

/** The upload quotas at the HTTP edge: 429 with Retry-After for the daily bytes, 403 for stored bytes. */
async function admitUpload(tenantId: string, bytes: number, quota: CompletionPorts['quota'] = uploadQuota): Promise<void> {
  try {
    await quota.admit(tenantId, bytes);
  } catch (err) {
    if (!(err instanceof QuotaExceededError)) throw err;
    throw err.retryAfterSeconds === undefined
      ? new HttpError(403, err.code, err.message)
      : new HttpError(429, err.code, err.message, undefined, { 'retry-after': String(err.retryAfterSeconds) });
  }
}

function sizeMismatch(session: UploadSession, received: number) {
  if (session.size !== undefined && received !== session.size) {
    return {
      message: 'The uploaded size does not match the declared size',
      detail: { field: 'size', message: `declared ${session.size} bytes, received ${received}` },
    };
  }
  const limit = Math.min(session.maxBytes ?? MAX_UPLOAD_BYTES, MAX_UPLOAD_BYTES);
  if (received > limit) {
    return {
      message: 'The uploaded file is larger than this upload allows',
      detail: { field: 'size', message: `at most ${limit} bytes, received ${received}` },
    };
  }
  return undefined;
}

/** Abort the S3 upload of a session that is not completed; aborting twice is fine. */
export async function abortUploadSession(session: UploadSession): Promise<void> {
  if (session.status === 'completed') throw conflict('Upload session is already completed');
  if (session.status !== 'open') return;
  try {
    await objectStore.abortMultipartUpload(session.bucket, session.key, session.uploadId);
  } catch (err) {
    // Already gone at S3 is the outcome we want.
    if (!(err instanceof Error && err.name === 'NoSuchUpload')) throw err;
  }
  await uploadStore.transition(session.tenantId, session.sessionId, 'aborted');
}

/**
 * The API's own base URL as the caller reached it (API Gateway's domain, or the local
 * gateway's host), for links in answers: a job's URL, an Uppy companion endpoint.
 */
export function apiBaseUrl(event: HttpEvent): string {
  const proto = event.headers?.['x-forwarded-proto'] ?? 'https';
  return `${proto}://${event.requestContext.domainName}`;
}

/** Where a client reads the job an upload started (with its API key): the `location` of a completion. */
export const jobUrl = (event: HttpEvent, jobId: string) => `${apiBaseUrl(event)}/v1/jobs/${jobId}`;
