import { httpApi, type ApiRequest } from '../shared/http/api.ts';
import { json, noContent } from '../shared/http/responses.ts';
import { parseBody } from '../shared/http/request-input.ts';
import { badRequest, notFound } from '../shared/http/errors.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import { schemaOr400 } from '../shared/job-request.ts';
import { completeUploadBody, createUploadBody, partNumberSchema, signPartsBody } from '../shared/contract/uploads.ts';
import { abortUploadSession, completeUploadSession, jobUrl, openUploadSession, requireOpen, uploadedParts } from '../shared/upload-flow.ts';
import { objectStore } from '../adapters/object-store.ts';
import { uploadStore, type UploadSession } from '../adapters/upload-store.ts';
import { duplicateIndex } from '../adapters/duplicate-index.ts';
import { MAX_PARTS, partCount } from '../core/uploads/part-size.ts';
import { uploadTokenRoutes } from './upload-tokens.ts';

const bucket = requiredEnv(ENV.uploadBucket);

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
  const body = parseBody(req.event, createUploadBody);
  const session = await openUploadSession({ tenantId: req.principal.tenantId, bucket, ...body });
  const { uploadId, key, sessionId, partSize, expiresAt } = session;
  const duplicateOf = (session.sha256 && (await duplicateIndex.find(req.principal.tenantId, session.sha256))) || null;
  return json(201, { uploadId, key, sessionId, partSize, partCount: partCount(body.size, partSize), expiresAt, duplicateOf });
}

/** The session and its uploaded parts (from S3 ListParts): what lets Uppy resume. */
async function get(req: ApiRequest) {
  const session = await requireSession(req);
  return json(200, { ...sessionView(session), parts: await uploadedParts(session) });
}

async function signOne(req: ApiRequest) {
  const session = await requireSession(req);
  requireOpen(session);
  const n = partNumberSchema.safeParse(req.params.partNumber);
  if (!n.success) throw badRequest('Part number is invalid', [{ field: 'partNumber', message: `must be an integer from 1 to ${MAX_PARTS}` }]);
  return json(200, await objectStore.signPart(bucket, session.key, session.uploadId, n.data));
}

async function signBatch(req: ApiRequest) {
  const session = await requireSession(req);
  requireOpen(session);
  const { partNumbers } = parseBody(req.event, signPartsBody);
  const signed = await Promise.all(partNumbers.map(async (n) => ({ partNumber: n, ...(await objectStore.signPart(bucket, session.key, session.uploadId, n)) })));
  return json(200, { urls: signed.map(({ partNumber: n, url }) => ({ partNumber: n, url })), expiresAt: signed[0]?.expiresAt });
}

/** Complete the upload and start the job (see completeUploadSession); `location` is the job's URL. */
async function complete(req: ApiRequest) {
  const body = parseBody(req.event, completeUploadBody);
  if (body.schema) await schemaOr400(req.principal.tenantId, body.schema);
  const session = await requireSession(req);
  const done = await completeUploadSession(session, body.parts, { schema: body.schema, options: body.options });
  return json(200, { location: jobUrl(req.event, done.jobId), ...done });
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
