import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import { webhookStore, newDeliveryId } from '../adapters/webhook-store.ts';
import { webhookQueue } from '../adapters/webhook-queue.ts';
import { jobStore } from '../adapters/job-store.ts';
import { isSubscribed, webhookMessageId, WEBHOOK_EVENT_TYPES, type WebhookEvent, type WebhookEventType } from '../core/webhooks/events.ts';
import { readJobEventClaim, refuteJobEventClaim } from '../core/webhooks/job-event-claims.ts';
import type { WebhookDelivery, WebhookEndpoint } from '../core/webhooks/model.ts';
import { logger } from '../shared/logger.ts';
import { releaseEndedAttempt } from '../adapters/job-admission.ts';
import { byMessageIds, observedHandler } from '../shared/observability.ts';
import { loggable } from '../core/errors.ts';

/** A completion event as emitJobEvent puts it on the events queue (zod/mini: classic zod would add ~30 ms to the cold start, docs/performance.md). */
const jobEventSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(512)),
  type: z.string().check(z.minLength(1)),
  /** Standard Webhooks' timestamp; absent on events queued before it was added, which deliver as they were emitted */
  timestamp: z.optional(z.string()),
  tenantId: z.string().check(z.minLength(1)),
  createdAt: z.string(),
  data: z.unknown(),
});

const isWebhookEvent = <T extends { type: string }>(event: T): event is T & { type: WebhookEventType } =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(event.type);

/**
 * One delivery per (event, endpoint), even when the event arrives twice (the events queue is
 * at-least-once): the event marker names the delivery, and the first attempt is only queued
 * by whoever created it, or again if it evidently never got queued.
 */
async function queueDelivery(endpoint: WebhookEndpoint, event: Pick<WebhookEvent, 'id' | 'type'>, payload: string): Promise<void> {
  const { tenantId, webhookId } = endpoint;
  const { deliveryId, created } = await webhookStore.claimEvent(tenantId, webhookId, event.id, newDeliveryId());
  const at = new Date().toISOString();
  const fresh: WebhookDelivery = {
    tenantId,
    webhookId,
    deliveryId,
    eventId: event.id,
    eventType: event.type,
    messageId: webhookMessageId(webhookId, event.id),
    payload,
    status: 'pending',
    autoAttempts: 0,
    attempts: [],
    createdAt: at,
    updatedAt: at,
  };
  let send = created;
  if (created) {
    await webhookStore.createDelivery(fresh);
  } else {
    const existing = await webhookStore.getDelivery(tenantId, webhookId, deliveryId);
    if (!existing) send = await webhookStore.createDelivery(fresh);
    else send = existing.status === 'pending' && existing.autoAttempts === 0;
  }
  if (!send) return;
  await webhookQueue.send({ v: 1, tenantId, webhookId, deliveryId, attempt: 1, notBefore: Date.now() });
  logger.info('webhook delivery queued', { tenantId, webhookId, deliveryId, eventId: event.id, eventType: event.type });
}

/**
 * Why the event must not reach anyone, or undefined. Only the pipeline and the API put
 * events on the queue, but whatever can send to it (a leaked role, a misrouted message)
 * would otherwise have its words signed with the tenant's secret: an event is delivered
 * only when the job it names, of its own tenant, stands in (or reached) the status it
 * claims in the attempt it claims.
 */
async function refuteEvent(event: Pick<WebhookEvent, 'id' | 'tenantId' | 'data'> & { type: WebhookEventType }): Promise<string | undefined> {
  const claim = readJobEventClaim(event);
  if ('invalid' in claim) return claim.invalid;
  return refuteJobEventClaim(event.tenantId, claim, await jobStore.get(event.tenantId, claim.jobId));
}

async function fanOut(record: SQSRecord): Promise<void> {
  // An unreadable message throws: it fails, is retried, and ends in the events DLQ for a look.
  const event = jobEventSchema.parse(JSON.parse(record.body));
  if (!isWebhookEvent(event)) return;
  const refused = await refuteEvent(event);
  if (refused !== undefined) {
    // Dropped, not failed: retrying cannot make it true.
    logger.warn('job event dropped: the job does not bear it out', { messageId: record.messageId, eventId: event.id, eventType: event.type, tenantId: event.tenantId, reason: refused });
    return;
  }
  // A job's attempt ended (a true event, so never a running one's): its running slots go back.
  if (event.type.startsWith('job.')) await releaseEndedAttempt(event);
  // Only this tenant's partition is read: an event can never reach another tenant's endpoint.
  const endpoints = (await webhookStore.listAllEndpoints(event.tenantId)).filter((e) => isSubscribed(e, event.type));
  // The body is the event exactly as emitted; retries and replays send these same bytes.
  await Promise.all(endpoints.map((endpoint) => queueDelivery(endpoint, event, record.body)));
}

/** Events queue consumer: fan each completion event out to the tenant's subscribed, enabled endpoints. */
export const handler = observedHandler(handleBatch, byMessageIds);

async function handleBatch(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await fanOut(record);
    } catch (err) {
      // whatever was thrown (an Error or not), only this record fails: the batch's others stand
      logger.error('job event fan-out failed', { messageId: record.messageId, error: loggable(err) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
