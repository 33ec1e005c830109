import { jobStore } from '../../adapters/job-store.ts';
import { publishStatus } from '../../adapters/progress-notifier.ts';
import { logger } from '../logger.ts';
import { executionNameFor, type JobRecord } from '../../core/jobs/job.ts';
import type { Stage } from '../../core/pipeline-types.ts';
import { DomainError, TransientError } from '../../core/errors.ts';
import { StaleJobError } from '../../adapters/job-store.ts';
import { maybeInjectFault } from './fault-injection.ts';
import { inSubsegment } from '../tracer.ts';
import { emitMetrics } from '../metrics.ts';
import { DIMENSION, METRIC } from '../metric-names.ts';

/**
 * A failure that is ours, not the file's (a bug, an outage). The job shows a generic
 * message; the detail goes to the log, where the jobId key finds it.
 */
export class InternalError extends Error {
  constructor(stage: Stage, cause: unknown) {
    super(`The ${stage} stage failed unexpectedly; the service logs have the details. Retrying the job may help.`, { cause });
    this.name = 'InternalError';
  }
}

interface StageInput {
  tenantId: string;
  jobId: string;
  attempt: number;
}

/**
 * Run one pipeline stage for a job attempt: tag the logs (correlated by the execution's name)
 * and open the stage's trace subsegment, mark it entered (which also refuses to run for a
 * cancelled job or a superseded attempt), then do the work. Its duration is a StageDuration
 * metric, however it ended (the ending is in the metadata).
 */
export async function runStage<T>(input: StageInput, stage: Stage, work: (job: JobRecord) => Promise<T>): Promise<T> {
  // on every line of the invocation; the handler's observed() middleware clears them after it
  logger.appendKeys({ tenantId: input.tenantId, jobId: input.jobId, attempt: input.attempt, stage });
  logger.setCorrelationId(executionNameFor(input.jobId, input.attempt));
  const started = performance.now();
  let ended = 'error';
  try {
    const result = await inSubsegment(stage, () => runEntered(input, stage, work));
    ended = 'ok';
    return result;
  } catch (err) {
    if (err instanceof Error) ended = err.name;
    throw err;
  } finally {
    emitMetrics(
      { [METRIC.stageDuration]: Math.round(performance.now() - started) },
      { [DIMENSION.stage]: stage },
      { tenantId: input.tenantId, jobId: input.jobId, attempt: input.attempt, ended },
    );
  }
}

async function runEntered<T>(input: StageInput, stage: Stage, work: (job: JobRecord) => Promise<T>): Promise<T> {
  try {
    const { job, first } = await jobStore.enterStage(input.tenantId, input.jobId, input.attempt, stage);
    // One job.status per stage change: the call that set the stage's start tells subscribers;
    // every other Enrich chunk, and a retried Lambda, did not change it.
    if (first) await publishStatus(job);
    maybeInjectFault(stage, input.tenantId);
    const result = await work(job);
    maybeInjectFault(stage, input.tenantId, 'after');
    return result;
  } catch (err) {
    if (err instanceof StaleJobError) throw err;
    const failure = err instanceof DomainError || err instanceof TransientError ? err : new InternalError(stage, err);
    if (failure instanceof InternalError) logger.error('stage failed unexpectedly', { error: err });
    // Noted for MarkFailed, which sees an Enrich chunk's failure only through the distributed
    // Map's threshold error; a transient error is retried, so it is not the reason.
    if (stage === 'enrich' && !(failure instanceof TransientError)) {
      await jobStore.noteStageError(input.tenantId, input.jobId, input.attempt, { type: failure.name, message: failure.message, stage });
    }
    throw failure;
  }
}
