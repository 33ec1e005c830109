import { jobStore } from '../adapters/job-store.ts';
import { emitJobEvent } from '../adapters/event-queue.ts';
import { publishStatus } from '../adapters/progress-notifier.ts';
import { logger } from '../shared/logger.ts';
import { sweepAdmissions } from '../adapters/job-admission.ts';
import type { MappingResult } from '../core/pipeline-types.ts';
import { executionNameFor, type JobRecord } from '../core/jobs/job.ts';
import { describeFailure } from '../core/jobs/stage-failure.ts';

// where the state machine's Catch payloads are read (tests and the accounts-store stage use it too)
export { describeFailure };
import { observedHandler } from '../shared/observability.ts';
import { countJobOutcome } from '../shared/metrics.ts';

export type JobStatusEvent =
  | { outcome: 'failed'; tenantId: string; jobId: string; attempt: number; error: { Error?: string; Cause?: string } }
  | { outcome: 'needs_mapping'; tenantId: string; jobId: string; attempt: number; mapping: MappingResult };

/**
 * EventBridge's "Step Functions Execution Status Change" for the pipeline, when an
 * execution ends without succeeding (see the rule in the CDK app).
 */
export interface ExecutionStatusChange {
  source: 'aws.states';
  'detail-type': 'Step Functions Execution Status Change';
  detail: { executionArn: string; name: string; status: string; input?: string | null; error?: string | null; cause?: string | null };
}

const ENDED_WITHOUT_MARK: Readonly<Record<string, { type: string; message: string }>> = {
  ABORTED: { type: 'ExecutionAborted', message: 'The pipeline stopped before the job finished (stopped, or its host went away); retry the job' },
  TIMED_OUT: { type: 'ExecutionTimedOut', message: 'The pipeline ran past its time limit; retry the job' },
  FAILED: { type: 'ExecutionFailed', message: 'The pipeline failed without recording why; retry the job' },
};

/**
 * The watchdog: an execution that ended while its job still stands `running` (the state
 * machine was stopped or timed out, its host died, or MarkFailed itself failed) fails the
 * job, so it can be retried instead of staying stuck. A job that was already marked
 * (failed, cancelled, superseded by a new attempt) is left as it is: finish is conditional.
 */
async function onExecutionEnded(event: ExecutionStatusChange): Promise<{ recorded: boolean }> {
  const ended = ENDED_WITHOUT_MARK[event.detail.status];
  if (ended === undefined) return { recorded: false };
  let input: Partial<{ tenantId: string; jobId: string; attempt: number }>;
  try {
    input = JSON.parse(event.detail.input ?? '{}') as typeof input;
  } catch {
    return { recorded: false };
  }
  if (typeof input.tenantId !== 'string' || typeof input.jobId !== 'string' || typeof input.attempt !== 'number') return { recorded: false };
  const cause = event.detail.error ? `${ended.message} (${event.detail.error}${event.detail.cause ? `: ${event.detail.cause}` : ''})` : ended.message;
  const current = await jobStore.get(input.tenantId, input.jobId);
  if (!current) return { recorded: false };
  if (current.status === 'succeeded') return failPendingAccountsStore(current, input.attempt, { type: ended.type, message: cause });
  return markFailed({ outcome: 'failed', tenantId: input.tenantId, jobId: input.jobId, attempt: input.attempt, error: { Error: ended.type, Cause: cause } }, { onlyIfCommitted: true, current });
}

/**
 * An execution that ended after its job committed but before the accounts store caught up
 * (stopped or timed out in UpdateAccountsStore): the job stands succeeded, and its store run
 * says it failed rather than staying `pending` for good.
 */
async function failPendingAccountsStore(job: JobRecord, attempt: number, error: { type: string; message: string }): Promise<{ recorded: boolean }> {
  if (job.attempt !== attempt || job.accountsStore?.state !== 'pending') return { recorded: false };
  const updated = await jobStore.failAccountsStore(job.tenantId, job.jobId, attempt, error);
  if (updated) logger.warn('accounts store left behind by an ended execution', { jobId: job.jobId, error });
  return { recorded: updated !== undefined };
}

/** EventBridge's schedule (every 5 minutes; the local stack's timer): the admission sweep. */
export interface ScheduledSweep {
  source: 'aws.events';
  'detail-type': 'Scheduled Event';
  /** EventBridge's id of this event */
  id?: string;
}

/**
 * MarkFailed / MarkNeedsMapping: record how the attempt ended and tell subscribers; or the
 * watchdog (above); or, on a schedule, the admission sweep, the other half of "no job stuck":
 * running slots of jobs that ended are given back and queued jobs that now fit are started.
 */
export const handler = observedHandler(recordStatus, correlationIdOf);

/** The execution's name (`<jobId>-<attempt>`, as the stages' lines carry it), or the schedule event's id. */
export function correlationIdOf(event: JobStatusEvent | ExecutionStatusChange | ScheduledSweep): string | undefined {
  if (!('detail-type' in event)) return executionNameFor(event.jobId, event.attempt);
  if (event['detail-type'] === 'Scheduled Event') return event.id;
  return event.detail.name;
}

async function recordStatus(event: JobStatusEvent | ExecutionStatusChange | ScheduledSweep): Promise<{ recorded: boolean }> {
  if ('detail-type' in event && event['detail-type'] === 'Scheduled Event') {
    const swept = await sweepAdmissions();
    if (swept.released > 0 || swept.admitted > 0) logger.info('admission sweep', swept);
    return { recorded: swept.released > 0 };
  }
  if ('detail-type' in event) return onExecutionEnded(event);
  return markFailed(event);
}

/**
 * Record the outcome. The state machine's MarkFailed tells subscribers whenever the attempt
 * stands in that outcome, also on a retry after the commit (at-least-once); the watchdog
 * only when it made the change itself, since every failed execution reaches it too.
 */
async function markFailed(event: JobStatusEvent, opts: { onlyIfCommitted?: boolean; current?: JobRecord } = {}): Promise<{ recorded: boolean }> {
  logger.appendKeys({ tenantId: event.tenantId, jobId: event.jobId, attempt: event.attempt });
  const current = opts.current ?? (await jobStore.get(event.tenantId, event.jobId));
  if (!current) return { recorded: false };
  // The watchdog hears of every failed execution, mostly ones MarkFailed already recorded:
  // only a job still running (or queued) in that attempt can be its to change.
  const open = current.status === 'running' || current.status === 'queued';
  if (opts.onlyIfCommitted && (current.attempt !== event.attempt || !open)) return { recorded: false };
  const { job: finished, committed } =
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
  // counted by the write that made the change: a retried MarkFailed, or the watchdog after it, counts nothing
  if (committed) countJobOutcome(expected, finished);
  if (opts.onlyIfCommitted && !committed) return { recorded: false };
  if (finished.status === 'failed') logger.warn('job failed', { jobId: finished.jobId, error: finished.error });
  await emitJobEvent(finished.status === 'failed' ? 'job.failed' : 'job.needs_mapping', finished);
  await publishStatus(finished);
  return { recorded: true };
}
