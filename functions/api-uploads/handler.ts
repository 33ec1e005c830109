import { z } from 'zod';
import { ulid } from 'ulid';
import { httpApi, json, noContent, parseBody, type ApiRequest } from '../shared/http.ts';
import { badRequest, conflict, notFound } from '../shared/http-errors.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import { jobOptionsSchema, schemaNameSchema, schemaOr400 } from '../shared/job-request.ts';
import { objectStore } from '../adapters/object-store.ts';
import { uploadStore, type UploadSession } from '../adapters/upload-store.ts';
import { launchJob, newJobId } from '../adapters/job-launcher.ts';
import { uploadKey } from '../core/jobs/keys.ts';
import { MAX_PARTS, MAX_UPLOAD_BYTES, choosePartSize, partCount } from '../core/uploads/part-size.ts';

const bucket = requiredEnv(ENV.uploadBucket);
/** An unfinished session is abandoned after a day; the bucket's lifecycle rule cleans up its parts. */
const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

const createBody = z.object({
  filename: z.string().trim().min(1).max(255),
  contentType: z.string().max(255).default('application/octet-stream'),
  size: z.number().int().min(0).max(MAX_UPLOAD_BYTES, `must be at most ${MAX_UPLOAD_BYTES} bytes (5 GiB)`),
  sha256: z.string().regex(/^[a-f0-9]{64}$/i, 'must be a hex SHA-256').optional(),
});

/**
 * Any part number S3 accepts: the client chooses its part size (Uppy's default is 5 MiB, the
 * session's `partSize` is only a recommendation), and S3 itself enforces the rest at complete
 * (parts of at least 5 MiB but the last, at most 5 GiB each); the size is checked there too.
 */
const partNumber = z.coerce.number().int().min(1).max(MAX_PARTS);

const completeBody = z.object({
  parts: z.array(z.object({ PartNumber: partNumber, ETag: z.string().min(1).max(256) })).min(1).max(MAX_PARTS),
  schema: schemaNameSchema.optional(),
  options: jobOptionsSchema.optional(),
});

async function requireSession(req: ApiRequest): Promise<UploadSession> {
  const session = await uploadStore.get(req.principal.tenantId, req.params.sessionId ?? '');
  if (!session) throw notFound('Upload session');
  return session;
}

function requireOpen(session: UploadSession) {
  if (session.status !== 'open') throw conflict(`Upload session is ${session.status}`);
}

const sessionView = (s: UploadSession) => ({
  sessionId: s.sessionId,
  uploadId: s.uploadId,
  key: s.key,
  filename: s.filename,
  contentType: s.contentType,
  size: s.size,
  partSize: s.partSize,
  partCount: partCount(s.size, s.partSize),
  status: s.status,
  jobId: s.jobId ?? null,
  createdAt: s.createdAt,
  expiresAt: s.expiresAt,
});

async function create(req: ApiRequest) {
  const body = parseBody(req.event, createBody);
  const sessionId = `upl_${ulid()}`;
  const key = uploadKey(req.principal.tenantId, sessionId, body.filename);
  const uploadId = await objectStore.createMultipartUpload(bucket, key, body.contentType);
  const expires = new Date(Date.now() + SESSION_TTL_MS);
  const session: UploadSession = {
    tenantId: req.principal.tenantId,
    sessionId,
    uploadId,
    bucket,
    key,
    filename: body.filename,
    contentType: body.contentType,
    size: body.size,
    sha256: body.sha256,
    partSize: choosePartSize(body.size),
    status: 'open',
    createdAt: new Date().toISOString(),
    expiresAt: expires.toISOString(),
    expiresAtEpoch: Math.floor(expires.getTime() / 1000),
  };
  await uploadStore.create(session);
  return json(201, { uploadId, key, sessionId, partSize: session.partSize, partCount: partCount(session.size, session.partSize), expiresAt: session.expiresAt });
}

/** The session and its uploaded parts (from S3 ListParts): what lets Uppy resume. */
async function get(req: ApiRequest) {
  const session = await requireSession(req);
  const parts =
    session.status === 'open'
      ? (await objectStore.listParts(bucket, session.key, session.uploadId)).map((p) => ({ PartNumber: p.PartNumber, Size: p.Size, ETag: p.ETag }))
      : [];
  return json(200, { ...sessionView(session), parts });
}

async function signOne(req: ApiRequest) {
  const session = await requireSession(req);
  requireOpen(session);
  const n = partNumber.safeParse(req.params.partNumber);
  if (!n.success) throw badRequest('Part number is invalid', [{ field: 'partNumber', message: `must be an integer from 1 to ${MAX_PARTS}` }]);
  return json(200, await objectStore.signPart(bucket, session.key, session.uploadId, n.data));
}

async function signBatch(req: ApiRequest) {
  const session = await requireSession(req);
  requireOpen(session);
  const { partNumbers } = parseBody(req.event, z.object({ partNumbers: z.array(partNumber).min(1).max(100) }));
  const signed = await Promise.all(partNumbers.map(async (n) => ({ partNumber: n, ...(await objectStore.signPart(bucket, session.key, session.uploadId, n)) })));
  return json(200, { urls: signed.map(({ partNumber: n, url }) => ({ partNumber: n, url })), expiresAt: signed[0]?.expiresAt });
}

/**
 * Complete the multipart upload, check the object against what was declared, and start
 * the job. Completing again (a client retry) answers with the same job.
 */
async function complete(req: ApiRequest) {
  const body = parseBody(req.event, completeBody);
  if (body.schema) await schemaOr400(req.principal.tenantId, body.schema);
  const session = await requireSession(req);
  const location = `s3://${bucket}/${session.key}`;
  if (session.status === 'completed' && session.jobId) return json(200, { location, jobId: session.jobId });
  requireOpen(session);
  const sorted = [...body.parts].sort((a, b) => a.PartNumber - b.PartNumber);
  if (new Set(sorted.map((p) => p.PartNumber)).size !== sorted.length) {
    throw badRequest('Request body is invalid', [{ field: 'parts', message: 'part numbers must be unique' }]);
  }
  try {
    await objectStore.completeMultipartUpload(bucket, session.key, session.uploadId, sorted);
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'InvalidPart' || name === 'InvalidPartOrder' || name === 'EntityTooSmall') {
      throw badRequest('The parts do not match what was uploaded', [{ field: 'parts', message: (err as Error).message }]);
    }
    if (name === 'NoSuchUpload') {
      const again = await uploadStore.get(req.principal.tenantId, session.sessionId);
      if (again?.status === 'completed' && again.jobId) return json(200, { location, jobId: again.jobId });
      throw conflict('The multipart upload no longer exists; start a new upload session');
    }
    throw err;
  }
  const head = await objectStore.head(bucket, session.key);
  if (!head || head.size !== session.size) {
    // The object is not what the client declared: delete it rather than ingest a partial file.
    await objectStore.delete(bucket, session.key);
    await uploadStore.transition(req.principal.tenantId, session.sessionId, 'aborted');
    throw badRequest('The uploaded size does not match the declared size', [
      { field: 'size', message: `declared ${session.size} bytes, received ${head?.size ?? 0}` },
    ]);
  }
  const jobId = newJobId();
  if (!(await uploadStore.transition(req.principal.tenantId, session.sessionId, 'completed', jobId))) {
    const winner = await uploadStore.get(req.principal.tenantId, session.sessionId);
    if (winner?.jobId) return json(200, { location, jobId: winner.jobId });
    throw conflict('Upload session changed while completing');
  }
  const job = await launchJob({
    tenantId: req.principal.tenantId,
    jobId,
    schema: body.schema,
    options: body.options,
    source: { sessionId: session.sessionId, bucket, key: session.key, filename: session.filename, size: head.size, contentType: session.contentType },
  });
  return json(200, { location, jobId: job.jobId });
}

async function abort(req: ApiRequest) {
  const session = await requireSession(req);
  if (session.status === 'completed') throw conflict('Upload session is already completed');
  if (session.status === 'open') {
    try {
      await objectStore.abortMultipartUpload(bucket, session.key, session.uploadId);
    } catch (err) {
      // Already gone at S3 is the outcome we want.
      if (!(err instanceof Error && err.name === 'NoSuchUpload')) throw err;
    }
    await uploadStore.transition(req.principal.tenantId, session.sessionId, 'aborted');
  }
  return noContent();
}


export const handler = httpApi({
  'POST /v1/uploads': { role: 'member', handle: create },
  'GET /v1/uploads/{sessionId}': { role: 'viewer', handle: get },
  'GET /v1/uploads/{sessionId}/parts/{partNumber}': { role: 'member', handle: signOne },
  'POST /v1/uploads/{sessionId}/parts': { role: 'member', handle: signBatch },
  'POST /v1/uploads/{sessionId}/complete': { role: 'member', handle: complete },
  'DELETE /v1/uploads/{sessionId}': { role: 'member', handle: abort },
});
