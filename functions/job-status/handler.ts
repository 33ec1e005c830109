import { jobStore } from '../adapters/job-store.ts';
import { emitJobEvent } from '../adapters/event-queue.ts';
import { publishStatus } from '../adapters/progress-notifier.ts';
import { logger } from '../shared/logger.ts';
import type { MappingResult } from '../core/pipeline-types.ts';
import type { JobError } from '../core/jobs/job.ts';

export type JobStatusEvent =
  | { outcome: 'failed'; tenantId: string; jobId: string; attempt: number; error: { Error?: string; Cause?: string } }
  | { outcome: 'needs_mapping'; tenantId: string; jobId: string; attempt: number; mapping: MappingResult };

/**
 * Turn a Step Functions Catch payload into the job's `{ type, message }`. Lambda puts a
 * JSON `{ errorType, errorMessage, trace }` in Cause; keep the message, never the trace.
 * `noted` is the error the stage itself stored for this attempt.
 */
export function describeFailure(error: { Error?: string; Cause?: string }, noted?: JobError): Pick<JobError, 'type' | 'message'> {
  // A distributed Map reports a failed child only as exceeding its failure threshold; the stage noted what failed.
  if (error.Error === 'States.ExceedToleratedFailureThreshold' && noted) return { type: noted.type, message: noted.message };
  const type = error.Error && error.Error !== 'Error' ? error.Error : 'InternalError';
  let message = error.Cause ?? '';
  try {
    const cause = JSON.parse(message) as { errorMessage?: unknown; errorType?: unknown };
    if (typeof cause.errorMessage === 'string') message = cause.errorMessage;
  } catch {
    // Cause was plain text (States.Timeout and friends); keep it as it is.
  }
  if (type === 'States.Timeout') message = 'The stage took longer than its time limit';
  return { type, message: message.slice(0, 1000) || 'The stage failed without a message' };
}

/** MarkFailed / MarkNeedsMapping: record how the attempt ended and tell subscribers. */
export async function handler(event: JobStatusEvent): Promise<{ recorded: boolean }> {
  const current = await jobStore.get(event.tenantId, event.jobId);
  if (!current) return { recorded: false };
  const { job: finished } =
    event.outcome === 'failed'
      ? await jobStore.finish(event.tenantId, event.jobId, event.attempt, {
          status: 'failed',
          error: { ...describeFailure(event.error, current.lastStageError?.attempt === event.attempt ? current.lastStageError : undefined), stage: current.stage },
        })
      : await jobStore.finish(event.tenantId, event.jobId, event.attempt, { status: 'needs_mapping', mapping: event.mapping });
  // Emit when this attempt stands in the outcome, also on a retry after the commit
  // (at-least-once; the event id is fixed per job, attempt and type).
  const expected = event.outcome === 'failed' ? 'failed' : 'needs_mapping';
  if (!finished || finished.status !== expected || finished.attempt !== event.attempt) return { recorded: false };
  if (finished.status === 'failed') logger.warn('job failed', { jobId: finished.jobId, error: finished.error });
  await emitJobEvent(finished.status === 'failed' ? 'job.failed' : 'job.needs_mapping', finished);
  await publishStatus(finished);
  return { recorded: true };
}
