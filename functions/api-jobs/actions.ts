import type { ApiRequest } from '../shared/http/api.ts';
import { json, noContent } from '../shared/http/responses.ts';
import { parseBody } from '../shared/http/request-input.ts';
import { HttpError, conflict, notFound } from '../shared/http/errors.ts';
import { schemaOr400 } from '../shared/job-request.ts';
import { bulkJobsBody, createJobBody } from '../shared/contract/jobs.ts';
import { noteJobDeleted } from '../adapters/entity-sync.ts';
import { jobStore } from '../adapters/job-store.ts';
import { uploadStore } from '../adapters/upload-store.ts';
import { objectStore } from '../adapters/object-store.ts';
import { launchJob, resumeJob } from '../adapters/job-launcher.ts';
import { stopPipeline } from '../adapters/pipeline-starter.ts';
import { emitJobEvent } from '../adapters/event-queue.ts';
import { publishStatus } from '../adapters/progress-notifier.ts';
import { ACTION_ALLOWED, retryFrom } from '../core/jobs/job-actions.ts';
import { jobKeys } from '../core/jobs/keys.ts';
import { executionNameFor, resumePointFor, toApiJob, type JobRecord } from '../core/jobs/job.ts';
import { refuseExpired } from '../shared/job-expiry.ts';
import { UploadExpiredError } from '../adapters/tenant-retention.ts';
import { countJobOutcome } from '../shared/metrics.ts';
import { findJob, requireJob } from './find-job.ts';

/**
 * The jobs API's changes (create, cancel, retry, delete, bulk): the body contracts, the schema
 * store, the Step Functions and SQS clients (handler.ts loads this module on their first request).
 */

/** A new job over an already uploaded file (e.g. the same file with another schema). */
export async function createJob(req: ApiRequest) {
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
export async function bulkJobs(req: ApiRequest) {
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

export const cancelJobRoute = async (req: ApiRequest) => json(200, toApiJob(await cancelJob(await requireJob(req))));
export const retryJobRoute = async (req: ApiRequest) => json(202, toApiJob(await retryJob(await requireJob(req))));
export async function deleteJobRoute(req: ApiRequest) {
  await deleteJob(await requireJob(req));
  return noContent();
}
