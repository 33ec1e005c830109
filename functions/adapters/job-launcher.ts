import { ulid } from 'ulid';
import { jobStore } from './job-store.ts';
import { admitOrQueue } from './job-admission.ts';
import { emitJobEvent } from './event-queue.ts';
import { duplicateIndex } from './duplicate-index.ts';
import { scheduleExpiry } from './tenant-retention.ts';
import { outcomeKey } from '../core/webhooks/job-event-claims.ts';
import type { JobError, JobRecord } from '../core/jobs/job.ts';
import type { JobOptions, JobStatus, MappingResult, ResumePoint } from '../core/pipeline-types.ts';

export const newJobId = () => `job_${ulid()}`;

export interface LaunchRequest {
  tenantId: string;
  jobId?: string;
  schema?: string;
  options?: JobOptions;
  source: JobRecord['source'];
}

/**
 * Create a queued job and queue its first attempt for admission (job-admission.ts): it starts
 * at once when its tenant and the service have a running slot free. If it can be neither
 * queued nor started the job is marked failed rather than left queued forever.
 */
export async function launchJob(req: LaunchRequest): Promise<JobRecord> {
  const job = await scheduleExpiry(queuedJob(req));
  await jobStore.create(job);
  // the next upload of the same bytes by this tenant is told about this job
  if (job.source.sha256) await duplicateIndex.record(job.tenantId, job.source.sha256, job.jobId);
  return admitOrQueue(job);
}

/** A new job record, queued for its first attempt. */
function queuedJob(req: LaunchRequest): JobRecord {
  const at = new Date().toISOString();
  return {
    tenantId: req.tenantId,
    jobId: req.jobId ?? newJobId(),
    status: 'queued',
    attempt: 1,
    schema: req.schema ?? 'auto',
    options: req.options ?? {},
    source: req.source,
    progress: { rowsRead: 0, rowsWritten: 0, rowsRejected: 0, rowsSkipped: 0, bytesRead: 0 },
    stages: {},
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Record a job that is refused before it can start (a direct upload whose metadata is
 * invalid): it is created failed with `error`, in one write, so no reader ever sees it queued
 * (it never waits for an admission slot), and job.failed goes to webhooks, so the tenant sees
 * why in the job list rather than nothing at all. Its file still expires with the tenant's retention.
 */
export async function recordRejectedJob(req: LaunchRequest, error: Omit<JobError, 'stage'>): Promise<JobRecord> {
  const queued = await scheduleExpiry(queuedJob(req));
  const failed: JobRecord = { ...queued, status: 'failed', error, finishedAt: queued.createdAt, outcomes: new Set([outcomeKey(1, 'failed')]) };
  await jobStore.create(failed);
  await emitJobEvent('job.failed', failed);
  return failed;
}

/**
 * Start the next attempt of a finished job, reusing what earlier stages wrote. Returns
 * undefined when the job is not in one of the allowed statuses (or another request
 * started the attempt first).
 */
export async function resumeJob(
  job: JobRecord,
  allowed: JobStatus[],
  resumeFrom: ResumePoint | undefined,
  patch: { mapping?: MappingResult } = {},
): Promise<JobRecord | undefined> {
  const next = await jobStore.beginAttempt(job, allowed, resumeFrom, patch);
  if (!next) return undefined;
  return admitOrQueue(next, resumeFrom);
}
