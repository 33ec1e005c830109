import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { connectionStore } from '../adapters/connection-store.ts';
import { postToConnections } from '../adapters/connection-poster.ts';
import { progressGroupId } from '../adapters/progress-notifier.ts';
import { coalesceTicks, ProgressPacer, type ProgressTick } from '../core/jobs/progress-ticks.ts';
import { logger } from '../shared/logger.ts';
import { byMessageIds, observedHandler } from '../shared/observability.ts';

/*
 * Progress queue consumer: delivers the stages' ticks to each job's WebSocket subscribers.
 * The queue is FIFO with one message group per job, so a job's ticks arrive in order and
 * its next batch waits for this one: per job, the subscribers are looked up once per batch
 * (a crowd's list is reused for a second, for progress), progress is coalesced to the newest
 * and paced (one that comes too soon is left out), and every status is posted, in order.
 * A subscriber whose post timed out is skipped for progress for a while (see
 * connection-poster), so one stuck client does not slow every tick.
 */

/** At most one job.progress per job in this long (~3 a second: under 4 even when a post arrives late). */
const PROGRESS_GAP_MS = 300;
/**
 * Progress posts a job may cost per second: past 75 subscribers the gap grows (1,000: one
 * progress every 4 s). Keeps a crowd from eating the account's @connections quota, and the
 * fan-out's work per job bounded whoever watches. Statuses are not counted: they always go.
 */
const PROGRESS_POSTS_PER_SECOND_PER_JOB = 250;
/*
 * No "stale progress" cut-off: a tick that waited in the queue is still the newest state the
 * fan-out knows (a newer one queued in the same batch coalesces it away), and the pacer
 * already bounds what a backlog costs. Cutting ticks by age silenced a job's progress
 * whenever the fan-out ran a second behind.
 */
/**
 * How long a job's subscriber list is reused for progress; a status always reads it afresh,
 * and an empty list is never reused: a client that subscribes right after a lookup found no
 * one must hear the next tick (reusing "no one" for a second silenced a job's progress).
 */
const SUBSCRIBERS_TTL_MS = 1000;

// zod/mini: classic zod would add ~30 ms to the cold start (docs/performance.md)
const tickSchema = z.object({
  v: z.literal(1),
  tenantId: z.string().check(z.minLength(1)),
  jobId: z.string().check(z.minLength(1)),
  message: z.looseObject({ type: z.enum(['job.progress', 'job.status']), jobId: z.string() }),
});

const pacer = new ProgressPacer(PROGRESS_GAP_MS, PROGRESS_POSTS_PER_SECOND_PER_JOB);
const subscriberCache = new Map<string, { ids: string[]; until: number }>();

/** The job's subscribers: a crowd's from the last second's lookup for progress, read afresh for a status or when no one watched. */
async function subscribersOf(tenantId: string, jobId: string, fresh: boolean): Promise<string[]> {
  const key = progressGroupId(tenantId, jobId);
  const cached = subscriberCache.get(key);
  if (!fresh && cached && cached.ids.length > 0 && cached.until > Date.now()) return cached.ids;
  const ids = await connectionStore.subscribers(tenantId, jobId);
  if (subscriberCache.size > 1000) for (const [k, v] of subscriberCache) if (v.until <= Date.now()) subscriberCache.delete(k);
  subscriberCache.set(key, { ids, until: Date.now() + SUBSCRIBERS_TTL_MS });
  return ids;
}

/** Deliver one job's ticks of this batch, in order. */
async function deliver(ticks: ProgressTick[]): Promise<void> {
  const { tenantId, jobId } = ticks[0]!;
  const key = progressGroupId(tenantId, jobId);
  const worthSaying = coalesceTicks(ticks);
  if (worthSaying.length === 0) return;
  const hasStatus = worthSaying.some((t) => t.message.type === 'job.status');
  // A lone progress that the pacer would leave out needs no lookup: judged by the crowd last
  // seen (a lookup of a crowd reads every subscriber's row; a moving job ticks every 250 ms).
  if (!hasStatus && pacer.delayFor(key, Date.now(), subscriberCache.get(key)?.ids.length ?? 0) > 0) return;
  let ids = await subscribersOf(tenantId, jobId, hasStatus);
  if (ids.length === 0) return;
  for (const tick of worthSaying) {
    if (tick.message.type === 'job.progress') {
      // Too soon after the last one: left out, not held (holding would hold the job's next
      // status too). A moving job ticks again within 250 ms, and the status that ends a stage
      // carries the counts, so the newest state still arrives.
      if (pacer.delayFor(key, Date.now(), ids.length) > 0) continue;
      pacer.sent(key, Date.now());
    }
    const isStatus = tick.message.type === 'job.status';
    const outcomes = await postToConnections(ids, tick.message, { skipStalled: !isStatus, retryTimedOut: isStatus });
    if (outcomes.includes('gone')) {
      ids = ids.filter((_, i) => outcomes[i] !== 'gone');
      subscriberCache.set(key, { ids, until: Date.now() + SUBSCRIBERS_TTL_MS });
    }
  }
}

function readTick(record: SQSRecord): ProgressTick | undefined {
  try {
    return tickSchema.parse(JSON.parse(record.body));
  } catch (err) {
    // Only the stages write this queue; retrying an unreadable tick cannot make it readable.
    logger.error('progress tick dropped: unreadable', { messageId: record.messageId, error: err as Error });
    return undefined;
  }
}

export const handler = observedHandler(handleBatch, byMessageIds);

async function handleBatch(event: SQSEvent): Promise<SQSBatchResponse> {
  const byJob = new Map<string, { records: SQSRecord[]; ticks: ProgressTick[] }>();
  for (const record of event.Records) {
    const tick = readTick(record);
    if (!tick) continue;
    const key = progressGroupId(tick.tenantId, tick.jobId);
    const job = byJob.get(key) ?? { records: [], ticks: [] };
    job.records.push(record);
    job.ticks.push(tick);
    byJob.set(key, job);
  }
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  await Promise.all(
    [...byJob.values()].map(async ({ records, ticks }) => {
      try {
        await deliver(ticks);
      } catch (err) {
        // e.g. the subscriber lookup failed. The job's whole share of the batch goes back, so
        // its FIFO group keeps its order, and comes again after the visibility timeout.
        logger.error('progress fan-out failed', { jobId: ticks[0]!.jobId, error: err as Error });
        batchItemFailures.push(...records.map((r) => ({ itemIdentifier: r.messageId })));
      }
    }),
  );
  return { batchItemFailures };
}
