import { z } from 'zod';
import { httpApi, json, noContent, parseBody, type ApiRequest } from '../shared/http.ts';
import { badRequest, notFound } from '../shared/http-errors.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import { jobOptionsSchema, schemaNameSchema, schemaOr400 } from '../shared/job-request.ts';
import { abortUploadSession, completeUploadSession, contentTypeSchema, jobUrl, openUploadSession, requireOpen, uploadedParts } from '../shared/upload-flow.ts';
import { objectStore } from '../adapters/object-store.ts';
import { uploadStore, type UploadSession } from '../adapters/upload-store.ts';
import { MAX_PARTS, MAX_UPLOAD_BYTES, partCount } from '../core/uploads/part-size.ts';
import { uploadTokenRoutes } from './upload-tokens.ts';

const bucket = requiredEnv(ENV.uploadBucket);

const createBody = z.object({
  filename: z.string().trim().min(1).max(255),
  contentType: contentTypeSchema,
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

const sessionView = (s: UploadSession) => ({
  sessionId: s.sessionId,
  uploadId: s.uploadId,
  key: s.key,
  filename: s.filename,
  contentType: s.contentType,
  size: s.size ?? null,
  partSize: s.partSize,
  partCount: s.size === undefined ? null : partCount(s.size, s.partSize),
  status: s.status,
  jobId: s.jobId ?? null,
  createdAt: s.createdAt,
  expiresAt: s.expiresAt,
});

async function create(req: ApiRequest) {
  const body = parseBody(req.event, createBody);
  const session = await openUploadSession({ tenantId: req.principal.tenantId, bucket, ...body });
  const { uploadId, key, sessionId, partSize, expiresAt } = session;
  return json(201, { uploadId, key, sessionId, partSize, partCount: partCount(body.size, partSize), expiresAt });
}

/** The session and its uploaded parts (from S3 ListParts): what lets Uppy resume. */
async function get(req: ApiRequest) {
  const session = await requireSession(req);
  return json(200, { ...sessionView(session), parts: await uploadedParts(session) });
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

/** Complete the upload and start the job (see completeUploadSession); `location` is the job's URL. */
async function complete(req: ApiRequest) {
  const body = parseBody(req.event, completeBody);
  if (body.schema) await schemaOr400(req.principal.tenantId, body.schema);
  const session = await requireSession(req);
  const { jobId } = await completeUploadSession(session, body.parts, { schema: body.schema, options: body.options });
  return json(200, { location: jobUrl(req.event, jobId), jobId });
}

async function abort(req: ApiRequest) {
  await abortUploadSession(await requireSession(req));
  return noContent();
}

export const handler = httpApi({
  'POST /v1/uploads': { role: 'member', handle: create },
  'GET /v1/uploads/{sessionId}': { role: 'viewer', handle: get },
  'GET /v1/uploads/{sessionId}/parts/{partNumber}': { role: 'member', handle: signOne },
  'POST /v1/uploads/{sessionId}/parts': { role: 'member', handle: signBatch },
  'POST /v1/uploads/{sessionId}/complete': { role: 'member', handle: complete },
  'DELETE /v1/uploads/{sessionId}': { role: 'member', handle: abort },
  ...uploadTokenRoutes,
});
