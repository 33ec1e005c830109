import { jobStore } from './job-store.ts';
import { startPipeline } from './pipeline-starter.ts';
import { logger } from '../shared/logger.ts';
import type { JobRecord } from '../core/jobs/job.ts';
import type { PipelineInput, ResumePoint } from '../core/pipeline-types.ts';
import { countJobOutcome } from '../shared/metrics.ts';
import { loggable } from '../core/errors.ts';

/** Start the execution of the job's current attempt; mark the job failed if that is impossible. */
export async function startAttempt(job: JobRecord, resumeFrom?: ResumePoint): Promise<JobRecord> {
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
    logger.error('could not start the pipeline', { jobId: job.jobId, error: loggable(err) });
    return failUnstarted(job, { type: 'StartExecutionError', message: 'The pipeline could not be started; retry the job' });
  }
}

/** Fail an attempt that never started (a retry starts it again), rather than leave it queued for ever. */
export async function failUnstarted(job: JobRecord, error: { type: string; message: string }): Promise<JobRecord> {
  const { job: failed, committed } = await jobStore.finish(job.tenantId, job.jobId, job.attempt, { status: 'failed', error });
  if (committed) countJobOutcome('failed', job);
  return failed ?? job;
}
