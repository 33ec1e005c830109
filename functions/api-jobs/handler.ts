import { z } from 'zod';
import { httpApi, json, pageQuery, parseBody, parseQuery, type ApiRequest } from '../shared/http.ts';
import { HttpError, conflict, notFound } from '../shared/http-errors.ts';
import { jobOptionsSchema, schemaNameSchema } from '../shared/job-request.ts';
import { jobStore } from '../adapters/job-store.ts';
import { uploadStore } from '../adapters/upload-store.ts';
import { objectStore } from '../adapters/object-store.ts';
import { launchJob } from '../adapters/job-launcher.ts';
import { decodePageCursor, readNdjsonPage } from '../adapters/ndjson-pages.ts';
import { getSchema } from '../core/schemas/index.ts';
import { toApiJob, type JobRecord } from '../core/jobs/job.ts';

const STATUSES = ['queued', 'running', 'needs_mapping', 'succeeded', 'failed', 'cancelled'] as const;

const createBody = z
  .object({
    sessionId: z.string().min(1).max(64).optional(),
    uploadId: z.string().min(1).max(1024).optional(),
    schema: schemaNameSchema.optional(),
    options: jobOptionsSchema.optional(),
  })
  .refine((b) => Boolean(b.sessionId) !== Boolean(b.uploadId), { message: 'give exactly one of sessionId or uploadId', path: ['sessionId'] });

async function requireJob(req: ApiRequest): Promise<JobRecord> {
  // Another tenant's id reads exactly like a missing one: 404, never 403.
  const job = await jobStore.get(req.principal.tenantId, req.params.jobId ?? '');
  if (!job) throw notFound('Job');
  return job;
}

/** A new job over an already uploaded file (e.g. the same file with another schema). */
async function create(req: ApiRequest) {
  const body = parseBody(req.event, createBody);
  if (body.schema) {
    try {
      getSchema(body.schema);
    } catch (err) {
      throw new HttpError(400, 'invalid_request', 'Unknown schema', [{ field: 'schema', message: (err as Error).message }]);
    }
  }
  const session = body.sessionId
    ? await uploadStore.get(req.principal.tenantId, body.sessionId)
    : await uploadStore.getByUploadId(req.principal.tenantId, body.uploadId ?? '');
  if (!session) throw notFound('Upload session');
  if (session.status !== 'completed') throw conflict(`Upload session is ${session.status}; complete the upload first`);
  const head = await objectStore.head(session.bucket, session.key);
  if (!head) throw conflict('The uploaded file no longer exists');
  const job = await launchJob({
    tenantId: req.principal.tenantId,
    schema: body.schema,
    options: body.options,
    source: { sessionId: session.sessionId, bucket: session.bucket, key: session.key, filename: session.filename, size: head.size, contentType: session.contentType },
  });
  return json(202, toApiJob(job));
}

async function list(req: ApiRequest) {
  const q = parseQuery(req.event, pageQuery.extend({ status: z.enum(STATUSES).optional(), schema: schemaNameSchema.optional() }));
  const page = await jobStore.list(req.principal.tenantId, q);
  return json(200, { items: page.items.map(toApiJob), nextCursor: page.nextCursor });
}

async function get(req: ApiRequest) {
  return json(200, toApiJob(await requireJob(req)));
}

/** Pages over a finished job's NDJSON output without loading whole files. */
async function pageOutput(req: ApiRequest, which: 'recordsKeys' | 'errorsKeys') {
  const q = parseQuery(req.event, pageQuery.extend({ limit: z.coerce.number().int().min(1).max(1000).default(100) }));
  const job = await requireJob(req);
  if (!job.output) throw conflict(`Job is ${job.status}; output exists once it has succeeded`);
  const page = await readNdjsonPage(job.output.bucket, job.output[which], decodePageCursor(q.cursor), q.limit);
  return json(200, page);
}

export const handler = httpApi({
  'POST /v1/jobs': { role: 'member', handle: create },
  'GET /v1/jobs': { role: 'viewer', handle: list },
  'GET /v1/jobs/{jobId}': { role: 'viewer', handle: get },
  'GET /v1/jobs/{jobId}/records': { role: 'viewer', handle: (req) => pageOutput(req, 'recordsKeys') },
  'GET /v1/jobs/{jobId}/errors': { role: 'viewer', handle: (req) => pageOutput(req, 'errorsKeys') },
});
