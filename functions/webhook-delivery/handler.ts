import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { setTimeout as sleep } from 'node:timers/promises';
import { webhookStore } from '../adapters/webhook-store.ts';
import { circuitStore } from '../adapters/circuit-store.ts';
import { deliveryMessageSchema, webhookQueue, type DeliveryMessage } from '../adapters/webhook-queue.ts';
import { sendDeliveryAttempt, urlPolicyFromEnv, WEBHOOK_TIMEOUT_MS } from '../adapters/webhook-sender.ts';
import { planHop, planRetry, SQS_MAX_DELAY_SECONDS } from '../core/webhooks/backoff.ts';
import { admit, DEFAULT_COOLDOWN_MS } from '../core/circuit-breaker.ts';
import { optionalEnv } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { byMessageIds, observedHandler } from '../shared/observability.ts';
import { loggable } from '../core/errors.ts';
import { emitMetrics } from '../shared/metrics.ts';
import { METRIC } from '../shared/metric-names.ts';

/*
 * Test knobs, unset in production. An integration test cannot wait 42 hours for eight
 * attempts, so it shrinks the whole schedule (WEBHOOK_RETRY_SCALE=0.0001: 5 s -> 0.5 ms,
 * 24 h -> 8.6 s) and the longest queue hop (WEBHOOK_MAX_QUEUE_DELAY_SECONDS=1), which keeps
 * the shape of production: long waits still travel as several re-queued hops.
 * (Kept here rather than in shared/env-names.ts because no construct ever sets them.)
 */
export const RETRY_SCALE_ENV = 'WEBHOOK_RETRY_SCALE';
export const MAX_QUEUE_DELAY_ENV = 'WEBHOOK_MAX_QUEUE_DELAY_SECONDS';
/** The first cooldown of an endpoint's circuit (production: 60 s; tests: a second or less). */
export const CIRCUIT_COOLDOWN_ENV = 'WEBHOOK_CIRCUIT_COOLDOWN_SECONDS';

function numberFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = optionalEnv(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number in [${min}, ${max}], got ${raw}`);
  return value;
}

// Config once per cold start.
const policy = urlPolicyFromEnv();
const retryScale = numberFromEnv(RETRY_SCALE_ENV, 1, 1e-9, 1);
const maxQueueDelaySeconds = numberFromEnv(MAX_QUEUE_DELAY_ENV, SQS_MAX_DELAY_SECONDS, 1, SQS_MAX_DELAY_SECONDS);
const circuitCooldownMs = numberFromEnv(CIRCUIT_COOLDOWN_ENV, DEFAULT_COOLDOWN_MS / 1000, 0.01, 3600) * 1000;
/** An attempt's claim outlives its longest possible POST, and is shorter than the queue's 2 min visibility timeout. */
const CLAIM_LEASE_MS = WEBHOOK_TIMEOUT_MS + 20_000;

type Verdict = 'done' | 'fail';

function readMessage(body: string): DeliveryMessage | undefined {
  try {
    const parsed = deliveryMessageSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One message = one automatic attempt. Order matters for crash safety: the follow-up message
 * is queued before the attempt is recorded, so a crash in between repeats an attempt (the
 * receiver dedupes on webhook-id) rather than silently ending the retries.
 */
async function processRecord(record: SQSRecord): Promise<Verdict> {
  const msg = readMessage(record.body);
  if (!msg || msg.exhausted) {
    // Failed on purpose, visible again at once: after maxReceiveCount receives SQS moves it
    // to the dead-letter queue, where exhausted deliveries wait for an operator.
    if (!msg) logger.error('unreadable webhook delivery message; sending it to the DLQ', { messageId: record.messageId });
    await webhookQueue.releaseNow(record.receiptHandle);
    return 'fail';
  }
  const hop = planHop(msg.notBefore, Date.now(), maxQueueDelaySeconds);
  if (hop.kind === 'requeue') {
    // Not due yet (a wait longer than one SQS delay): travel another hop.
    await webhookQueue.send(msg, hop.delaySeconds);
    return 'done';
  }
  if (hop.waitMs > 0) await sleep(hop.waitMs);

  const { tenantId, webhookId, deliveryId } = msg;
  const endpoint = await webhookStore.getEndpoint(tenantId, webhookId);
  if (!endpoint || !endpoint.enabled) {
    await webhookStore.closeDelivery(tenantId, webhookId, deliveryId, endpoint ? 'endpoint_disabled' : 'endpoint_deleted');
    return 'done';
  }
  // The endpoint's circuit is open (it failed too often in a row): the delivery waits for it,
  // keeping its attempt, instead of adding to a receiver that is down.
  const gate = admit(endpoint, Date.now());
  if (gate.kind === 'wait' || (gate.kind === 'probe' && !(await circuitStore.claimProbe(webhookStore.circuitOf(tenantId, webhookId), Date.now(), CLAIM_LEASE_MS)))) {
    // behind a probe, look again after a cooldown rather than the probe's whole lease
    const until = Math.min(gate.kind === 'wait' ? gate.until : Infinity, Date.now() + circuitCooldownMs);
    const wait = planHop(until, Date.now(), maxQueueDelaySeconds);
    await webhookQueue.send({ ...msg, notBefore: until }, wait.kind === 'requeue' ? wait.delaySeconds : 0);
    logger.info('webhook endpoint circuit open; delivery waits', { tenantId, webhookId, deliveryId, until: new Date(until).toISOString() });
    return 'done';
  }
  const delivery = await webhookStore.getDelivery(tenantId, webhookId, deliveryId);
  if (!delivery) return 'done';
  // A duplicate message, or a delivery already settled (e.g. delivered by a replay): nothing to do.
  if (!(await webhookStore.claimAutoAttempt(tenantId, webhookId, deliveryId, msg.attempt, CLAIM_LEASE_MS))) return 'done';

  const { attempt, outcome, retryAfter } = await sendDeliveryAttempt(endpoint, delivery, { trigger: 'auto', autoAttempt: msg.attempt, policy });
  const logKeys = { tenantId, webhookId, deliveryId, attempt: msg.attempt, statusCode: attempt.statusCode, latencyMs: attempt.latencyMs };

  if (outcome === 'delivered') {
    if (endpoint.cbFailures !== undefined || endpoint.cbOpenUntil !== undefined) await circuitStore.recordSuccess(webhookStore.circuitOf(tenantId, webhookId));
    await webhookStore.recordAttempt(tenantId, webhookId, deliveryId, attempt, { status: 'delivered' });
    logger.info('webhook delivered', logKeys);
    return 'done';
  }
  if (outcome === 'gone') {
    // 410: the subscriber retired this URL. Stop sending anything to it until someone re-enables it.
    await webhookStore.updateEndpoint(tenantId, webhookId, { enabled: false, disabledReason: 'the endpoint answered 410 Gone' });
    await webhookStore.recordAttempt(tenantId, webhookId, deliveryId, attempt, { status: 'failed', failureReason: 'endpoint_gone' });
    logger.warn('webhook endpoint answered 410 Gone; disabled it', logKeys);
    return 'done';
  }
  await circuitStore.recordFailure(webhookStore.circuitOf(tenantId, webhookId), Date.now(), circuitCooldownMs);
  const plan = planRetry({ failedAttempt: msg.attempt, statusCode: attempt.statusCode, retryAfter, now: Date.now(), scale: retryScale });
  if (plan.kind === 'exhausted') {
    await webhookQueue.send({ ...msg, exhausted: { reason: 'every automatic attempt failed', lastError: attempt.error } });
    await webhookStore.recordAttempt(tenantId, webhookId, deliveryId, attempt, { status: 'failed', failureReason: 'exhausted' });
    logger.warn('webhook delivery exhausted its attempts', { ...logKeys, error: attempt.error });
    emitMetrics({ [METRIC.webhookDeliveriesExhausted]: 1 }, {}, { tenantId, webhookId, deliveryId });
    return 'done';
  }
  const first = planHop(plan.notBefore, Date.now(), maxQueueDelaySeconds);
  await webhookQueue.send({ ...msg, attempt: msg.attempt + 1, notBefore: plan.notBefore }, first.kind === 'requeue' ? first.delaySeconds : 0);
  await webhookStore.recordAttempt(tenantId, webhookId, deliveryId, attempt, { status: 'retrying', nextAttemptAt: new Date(plan.notBefore).toISOString() });
  logger.info('webhook attempt failed; retry scheduled', { ...logKeys, error: attempt.error, retryInMs: plan.delayMs });
  return 'done';
}

/** Webhooks queue consumer: the records of a batch go out in parallel (each POST may take 10 s). */
export const handler = observedHandler(handleBatch, byMessageIds);

async function handleBatch(event: SQSEvent): Promise<SQSBatchResponse> {
  const verdicts = await Promise.all(
    event.Records.map(async (record) => {
      try {
        return await processRecord(record);
      } catch (err) {
        // whatever was thrown (an Error or not), only this record fails: the batch's others stand
        logger.error('webhook delivery failed unexpectedly', { messageId: record.messageId, error: loggable(err) });
        return 'fail' as const;
      }
    }),
  );
  return { batchItemFailures: event.Records.filter((_, i) => verdicts[i] === 'fail').map((r) => ({ itemIdentifier: r.messageId })) };
}
