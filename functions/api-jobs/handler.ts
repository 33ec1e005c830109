import { httpApi, type ApiRequest } from '../shared/http/api.ts';
import { json, noContent } from '../shared/http/responses.ts';
import { parseBody, parseQuery } from '../shared/http/request-input.ts';
import { HttpError, conflict, notFound } from '../shared/http/errors.ts';
import { schemaOr400 } from '../shared/job-request.ts';
import { bulkJobsBody, createJobBody, listJobsQuery, outputPageQuery, outputQuery, statsQuery } from '../shared/contract/jobs.ts';
import { noteJobDeleted } from '../adapters/entity-sync.ts';
import { jobStore } from '../adapters/job-store.ts';
import { uploadStore } from '../adapters/upload-store.ts';
import { objectStore } from '../adapters/object-store.ts';
import { launchJob, resumeJob } from '../adapters/job-launcher.ts';
import { stopPipeline } from '../adapters/pipeline-starter.ts';
import { emitJobEvent } from '../adapters/event-queue.ts';
import { publishStatus } from '../adapters/progress-notifier.ts';
import { downloadUrl } from '../adapters/job-output.ts';
import { ACTION_ALLOWED, jobIdFloor, retryFrom } from '../core/jobs/job-actions.ts';
import { computeJobStats } from '../core/jobs/stats.ts';
import { jobKeys } from '../core/jobs/keys.ts';
import { decodePageCursor, readNdjsonPage } from '../adapters/ndjson-pages.ts';
import { executionNameFor, resumePointFor, toApiJob, type JobRecord } from '../core/jobs/job.ts';
import { refuseExpired } from '../shared/job-expiry.ts';
import { UploadExpiredError } from '../adapters/tenant-retention.ts';
import { countJobOutcome } from '../shared/metrics.ts';

/** The tenant's job, unless it is missing (404, also for another tenant's id, never 403) or its record expired (410). */
async function findJob(tenantId: string, jobId: string): Promise<JobRecord> {
  const job = await jobStore.get(tenantId, jobId);
  if (!job) throw notFound('Job');
  refuseExpired(job, 'record');
  return job;
}

const requireJob = (req: ApiRequest): Promise<JobRecord> => findJob(req.principal.tenantId, req.params.jobId ?? '');

/** A new job over an already uploaded file (e.g. the same file with another schema). */
async function create(req: ApiRequest) {
  const body = parseBody(req.event, createJobBody);
  if (body.schema) await schemaOr400(req.principal.tenantId, body.schema);
  const session = body.sessionId
    ? await uploadStore.get(req.principal.tenantId, body.sessionId)
    : await uploadStore.getByUploadId(req.principal.tenantId, body.uploadId ?? '');
  if (!session) throw notFound('Upload session');
  if (session.status !== 'completed') throw conflict(`Upload session is ${session.status}; complete the upload first`);
  const head = await objectStore.head(session.bucket, session.key);
  // the tenant's upload retention deleted it (or it was never there)
  if (!head) throw new HttpError(410, 'upload_expired', 'The uploaded file is no longer kept; upload it again');
  const job = await launchJob({
    tenantId: req.principal.tenantId,
    schema: body.schema,
    options: body.options,
    source: {
      sessionId: session.sessionId,
      bucket: session.bucket,
      key: session.key,
      filename: session.filename,
      size: head.size,
      contentType: session.contentType,
      sha256: session.sha256,
    },
  }).catch((err: unknown) => {
    // still there, but due for deletion by an earlier job's retention: the sweep may take it any moment
    if (err instanceof UploadExpiredError) throw new HttpError(410, 'upload_expired', err.message);
    throw err;
  });
  return json(202, toApiJob(job));
}

async function list(req: ApiRequest) {
  const q = parseQuery(req.event, listJobsQuery);
  const page = await jobStore.list(req.principal.tenantId, q);
  // the store leaves out records past their retention (see jobStore.list); a job whose files expired is listed with `retention` saying so
  return json(200, { items: page.items.map((job) => toApiJob(job)), nextCursor: page.nextCursor });
}

async function get(req: ApiRequest) {
  return json(200, toApiJob(await requireJob(req)));
}

/** Pages over a finished job's NDJSON output without loading whole files. */
async function pageOutput(req: ApiRequest, which: 'recordsKeys' | 'errorsKeys') {
  const q = parseQuery(req.event, outputPageQuery);
  const job = await requireJob(req);
  if (!job.output) throw conflict(`Job is ${job.status}; output exists once it has succeeded`);
  refuseExpired(job, 'outputs');
  const page = await readNdjsonPage(job.output.bucket, job.output[which], decodePageCursor(q.cursor), q.limit);
  return json(200, page);
}

const conflictFor = (action: string, job: JobRecord) =>
  new HttpError(409, 'conflict', `Cannot ${action} a job that is ${job.status}`, { status: job.status });

/**
 * Cancel: stop the execution, then mark the attempt cancelled (idempotent: cancelling a
 * cancelled job answers it as it is). Stages that are still running find the job no
 * longer running at their next write and stop there.
 */
async function cancelJob(job: JobRecord): Promise<JobRecord> {
  if (job.status === 'cancelled') {
    // Sent again: when the first cancel could not queue it, that cancel answered 500 and the
    // client's retry lands here. Webhook fan-out keeps one delivery per event and endpoint.
    await emitJobEvent('job.cancelled', job);
    return job;
  }
  if (!ACTION_ALLOWED.cancel.includes(job.status)) throw conflictFor('cancel', job);
  const cancelled = await jobStore.cancel(job);
  if (!cancelled) {
    const now = await jobStore.get(job.tenantId, job.jobId);
    if (now?.status === 'cancelled') return now;
    throw conflictFor('cancel', now ?? job);
  }
  countJobOutcome('cancelled', cancelled);
  // By its derived name: a queued job's execution may have started before its name was recorded.
  if (job.status !== 'needs_mapping') await stopPipeline(executionNameFor(job.jobId, job.attempt), 'Cancelled through the API');
  await emitJobEvent('job.cancelled', cancelled);
  await publishStatus(cancelled);
  return cancelled;
}

/** Retry: a new attempt (execution <jobId>-<attempt>) resuming after the last good stage. */
async function retryJob(job: JobRecord): Promise<JobRecord> {
  const from = retryFrom(job);
  if (from.length === 0) throw conflictFor('retry', job);
  // a retry reads the file again, and one that resumes reuses the parsed chunks kept with the outputs
  const resumeFrom = resumePointFor(job);
  refuseExpired(job, 'upload');
  if (resumeFrom) refuseExpired(job, 'outputs');
  const next = await resumeJob(job, from, resumeFrom);
  if (!next) throw conflictFor('retry', (await jobStore.get(job.tenantId, job.jobId)) ?? job);
  return next;
}

/** Delete: the job and everything it wrote to S3; never while it runs. The upload stays. */
async function deleteJob(job: JobRecord): Promise<void> {
  if (!ACTION_ALLOWED.delete.includes(job.status)) throw conflictFor('delete', job);
  // Its records are being merged into the accounts store: deleting now could leave entities
  // whose sources do not say the job is gone. The merge takes seconds.
  if (job.accountsStore?.state === 'pending') {
    throw new HttpError(409, 'conflict', 'Cannot delete a job while its records are merged into the accounts store; try again in a few seconds', { status: job.status, accountsStore: 'pending' });
  }
  await noteJobDeleted(job);
  await objectStore.deletePrefix(job.source.bucket, `${jobKeys.prefix(job.tenantId, job.jobId)}/`);
  if (!(await jobStore.delete(job))) throw conflictFor('delete', (await jobStore.get(job.tenantId, job.jobId)) ?? job);
}

/** One result per id, in request order; a failure of one id never fails the others. */
async function bulk(req: ApiRequest) {
  const { action, jobIds } = parseBody(req.event, bulkJobsBody);
  const unique = [...new Set(jobIds)];
  const results = new Map<string, unknown>();
  const queue = [...unique];
  const worker = async () => {
    for (let jobId = queue.shift(); jobId; jobId = queue.shift()) {
      try {
        const job = await findJob(req.principal.tenantId, jobId);
        if (action === 'delete') {
          await deleteJob(job);
          results.set(jobId, { jobId, ok: true, status: 'deleted' });
        } else {
          const done = action === 'cancel' ? await cancelJob(job) : await retryJob(job);
          results.set(jobId, { jobId, ok: true, status: done.status, attempt: done.attempt });
        }
      } catch (err) {
        const e = err instanceof HttpError ? err : null;
        results.set(jobId, { jobId, ok: false, error: { code: e?.code ?? 'internal_error', message: e?.message ?? 'Something went wrong on our side' } });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(5, unique.length) }, worker));
  return json(200, { action, results: jobIds.map((id) => results.get(id)) });
}

async function output(req: ApiRequest) {
  const { format } = parseQuery(req.event, outputQuery);
  const job = await requireJob(req);
  if (!job.output) throw new HttpError(409, 'conflict', `Job is ${job.status}; output exists once it has succeeded`, { status: job.status });
  refuseExpired(job, 'outputs');
  return json(200, { format, ...(await downloadUrl(job, format)) });
}

const STATS_MAX_JOBS = 5000;

async function stats(req: ApiRequest) {
  const q = parseQuery(req.event, statsQuery);
  const to = q.to ?? new Date().toISOString();
  const from = q.from ?? new Date(Date.parse(to) - 24 * 60 * 60 * 1000).toISOString();
  const jobs = (await jobStore.listSince(req.principal.tenantId, jobIdFloor(from), STATS_MAX_JOBS)).filter((j) => j.createdAt <= to);
  return json(200, { ...computeJobStats(jobs, { from, to }), truncated: jobs.length >= STATS_MAX_JOBS });
}

export const handler = httpApi({
  'POST /v1/jobs': { role: 'member', handle: create },
  'GET /v1/jobs': { role: 'viewer', handle: list },
  'GET /v1/jobs/{jobId}': { role: 'viewer', handle: get },
  'GET /v1/jobs/{jobId}/records': { role: 'viewer', handle: (req) => pageOutput(req, 'recordsKeys') },
  'GET /v1/jobs/{jobId}/errors': { role: 'viewer', handle: (req) => pageOutput(req, 'errorsKeys') },
  'GET /v1/jobs/{jobId}/output': { role: 'viewer', handle: output },
  'POST /v1/jobs/{jobId}/cancel': { role: 'member', handle: async (req) => json(200, toApiJob(await cancelJob(await requireJob(req)))) },
  'POST /v1/jobs/{jobId}/retry': { role: 'member', handle: async (req) => json(202, toApiJob(await retryJob(await requireJob(req)))) },
  'DELETE /v1/jobs/{jobId}': {
    role: 'member',
    handle: async (req) => {
      await deleteJob(await requireJob(req));
      return noContent();
    },
  },
  'POST /v1/jobs/bulk': { role: 'member', handle: bulk },
  'GET /v1/jobs/stats': { role: 'viewer', handle: stats },
});
