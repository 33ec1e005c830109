import { ulid } from 'ulid';
import { jobStore } from './job-store.ts';
import { startPipeline } from './pipeline-starter.ts';
import { logger } from '../shared/logger.ts';
import { emitJobEvent } from './event-queue.ts';
import { duplicateIndex } from './duplicate-index.ts';
import type { JobError, JobRecord } from '../core/jobs/job.ts';
import type { JobOptions, JobStatus, MappingResult, PipelineInput, ResumePoint } from '../core/pipeline-types.ts';

export const newJobId = () => `job_${ulid()}`;

export interface LaunchRequest {
  tenantId: string;
  jobId?: string;
  schema?: string;
  options?: JobOptions;
  source: JobRecord['source'];
}

/**
 * Create a queued job and start its first execution. If the execution cannot be
 * started the job is marked failed rather than left queued forever.
 */
export async function launchJob(req: LaunchRequest): Promise<JobRecord> {
  const job = queuedJob(req);
  await jobStore.create(job);
  // the next upload of the same bytes by this tenant is told about this job
  if (job.source.sha256) await duplicateIndex.record(job.tenantId, job.source.sha256, job.jobId);
  return startAttempt(job);
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
 * invalid): it is created and failed at once with `error`, and job.failed goes to webhooks,
 * so the tenant sees why in the job list rather than nothing at all.
 */
export async function recordRejectedJob(req: LaunchRequest, error: Omit<JobError, 'stage'>): Promise<JobRecord> {
  const job = queuedJob(req);
  await jobStore.create(job);
  const { job: failed } = await jobStore.finish(job.tenantId, job.jobId, 1, { status: 'failed', error });
  if (failed) await emitJobEvent('job.failed', failed);
  return failed ?? job;
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
  return startAttempt(next, resumeFrom);
}

/** Start the execution of the job's current attempt; mark the job failed if that is impossible. */
async function startAttempt(job: JobRecord, resumeFrom?: ResumePoint): Promise<JobRecord> {
  const input: PipelineInput = {
    tenantId: job.tenantId,
    jobId: job.jobId,
    attempt: job.attempt,
    bucket: job.source.bucket,
    key: job.source.key,
    filename: job.source.filename,
    declaredType: job.source.contentType,
    size: job.source.size,
    ...(job.source.sha256 ? { sha256: job.source.sha256 } : {}),
    schema: job.schema,
    options: job.options,
    ...(resumeFrom ? { resumeFrom, classification: job.classification, parsed: job.parsed, mapping: job.mapping } : {}),
  };
  try {
    const { executionName } = await startPipeline(input);
    await jobStore.setExecution(job.tenantId, job.jobId, executionName);
    return { ...job, executionName };
  } catch (err) {
    logger.error('could not start the pipeline', { jobId: job.jobId, error: err as Error });
    const { job: failed } = await jobStore.finish(job.tenantId, job.jobId, job.attempt, {
      status: 'failed',
      error: { type: 'StartExecutionError', message: 'The pipeline could not be started; retry the job' },
    });
    return failed ?? job;
  }
}
