import { randomUUID } from 'node:crypto';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from './sqs-client.ts';
import { ENV } from '../shared/env-names.ts';
import { optionalEnv } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { computePercent, type JobRecord } from '../core/jobs/job.ts';
import { withLiveProgress, type LiveChunkCounts } from '../core/jobs/live-progress.ts';
import type { ProgressTick } from '../core/jobs/progress-ticks.ts';
import { jobStore } from './job-store.ts';

/*
 * The stages' side of live progress: a stage tells the progress queue, once per tick, what
 * its job's subscribers should hear, and goes on. The progress-fanout function finds the
 * subscribers and posts to them (coalesced, paced, retried): however many watch a job, a
 * stage pays one small SQS message per tick.
 */

export type ProgressMessage = ReturnType<typeof progressMessage>;

/** The job's counts, with those of Enrich chunks still running (see withLiveProgress). */
export function progressMessage(stored: JobRecord) {
  const job = withLiveProgress(stored);
  return {
    type: 'job.progress' as const,
    jobId: job.jobId,
    stage: job.stage ?? null,
    rowsRead: job.progress.rowsRead,
    rowsWritten: job.progress.rowsWritten,
    rowsRejected: job.progress.rowsRejected,
    percent: computePercent(job),
    at: new Date().toISOString(),
  };
}

export function statusMessage(job: JobRecord) {
  return {
    type: 'job.status' as const,
    jobId: job.jobId,
    status: job.status,
    stage: job.stage ?? null,
    attempt: job.attempt,
    rowsRead: job.progress.rowsRead,
    rowsWritten: job.progress.rowsWritten,
    rowsRejected: job.progress.rowsRejected,
    percent: computePercent(job),
    error: job.error ?? null,
    at: new Date().toISOString(),
  };
}

/**
 * Queue a message for the job's subscribers: one FIFO group per job keeps a job's messages in
 * order. Best effort, never throws: a tick that cannot be queued is logged, and the next one
 * (or the status a late subscriber gets at once) carries the state anyway.
 */
async function queueTick(job: JobRecord, message: ProgressTick['message']): Promise<void> {
  const queueUrl = optionalEnv(ENV.progressQueueUrl);
  // Without a progress queue (e.g. a unit test) live progress is simply off.
  if (!queueUrl) return;
  const tick: ProgressTick & { v: 1 } = { v: 1, tenantId: job.tenantId, jobId: job.jobId, message };
  try {
    await sqsClient().send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(tick),
        MessageGroupId: progressGroupId(job.tenantId, job.jobId),
        // every tick is news, even one that repeats the last one's counts
        MessageDeduplicationId: randomUUID(),
      }),
    );
  } catch (err) {
    logger.warn(`${message.type} not queued`, { error: String(err) });
  }
}

/** The FIFO message group of a job's ticks (SQS allows 128 characters: ids are far shorter). */
export const progressGroupId = (tenantId: string, jobId: string) => `${tenantId}#${jobId}`;

export async function publishProgress(job: JobRecord): Promise<void> {
  await queueTick(job, progressMessage(job));
}

export async function publishStatus(job: JobRecord): Promise<void> {
  await queueTick(job, statusMessage(job));
}

/**
 * For one running Enrich chunk: `due()` says when its counts are worth reporting again (every
 * `intervalMs`), `report()` stores them on the job, and queues the job's progress, unless
 * another chunk of the job did just now: at most one tick per interval per job, however
 * many chunks run, and one at least while rows move. Never throws.
 */
export function liveChunkReporter(job: { tenantId: string; jobId: string; attempt: number }, index: number, intervalMs: number) {
  let last = Date.now();
  return {
    due: (): boolean => Date.now() - last >= intervalMs,
    async report(counts: Omit<LiveChunkCounts, 'attempt' | 'index'>): Promise<void> {
      last = Date.now();
      try {
        const updated = await jobStore.reportLiveChunk(job.tenantId, job.jobId, { attempt: job.attempt, index, ...counts }, intervalMs);
        if (updated) await publishProgress(updated);
      } catch (err) {
        logger.warn('live progress report failed', { error: String(err) });
      }
    },
  };
}
