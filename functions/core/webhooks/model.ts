import type { SecretState } from './secrets.ts';
import { circuitView, type CircuitFields } from '../circuit-breaker.ts';

/** A subscriber endpoint as stored. The secret fields never leave the service except once, on create and rotate. */
export interface WebhookEndpoint extends SecretState, CircuitFields {
  tenantId: string;
  webhookId: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  /** why the service disabled it (e.g. the endpoint answered 410 Gone); cleared when re-enabled */
  disabledReason?: string;
  secretRotatedAt?: string;
  createdAt: string;
  updatedAt: string;
}

export type AttemptTrigger = 'auto' | 'replay' | 'test';

/** One HTTP attempt of a delivery, as the log keeps it. */
export interface DeliveryAttempt {
  trigger: AttemptTrigger;
  /** automatic attempts are numbered 1..MAX_ATTEMPTS; replays and tests have none */
  autoAttempt?: number;
  at: string;
  statusCode?: number;
  latencyMs: number;
  /** transport problem, refusal by the URL policy, or a non-2xx answer, in words */
  error?: string;
}

/**
 * pending: not tried yet; retrying: failed, another automatic attempt is scheduled;
 * delivered: a 2xx was received (by any attempt); failed: no more automatic attempts
 * (exhausted, 410 Gone, endpoint disabled or deleted, or a failed test).
 */
export type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed';

/** One event for one endpoint, with its whole attempt log. */
export interface WebhookDelivery {
  tenantId: string;
  webhookId: string;
  deliveryId: string;
  eventId: string;
  eventType: string;
  /** the `webhook-id` header: the same for every attempt and replay */
  messageId: string;
  /** the exact body bytes, kept so retries and replays send the same thing */
  payload: string;
  status: DeliveryStatus;
  failureReason?: string;
  /** automatic attempts started so far (claimed), 0..MAX_ATTEMPTS */
  autoAttempts: number;
  attempts: DeliveryAttempt[];
  nextAttemptAt?: string;
  createdAt: string;
  updatedAt: string;
}

/** The API view of an endpoint: an allow-list of fields, so a secret can never slip into a GET. */
export function toApiWebhook(endpoint: WebhookEndpoint, now = Date.now()) {
  return {
    webhookId: endpoint.webhookId,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason ?? null,
    secretRotatedAt: endpoint.secretRotatedAt ?? null,
    previousSecretExpiresAt: endpoint.previousSecretExpiresAt ?? null,
    circuit: circuitView(endpoint, now),
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
  };
}

/** The API view of a delivery: attempts numbered in the order they were made, newest last. */
export function toApiDelivery(delivery: WebhookDelivery) {
  const attempts = delivery.attempts.map((a, i) => ({
    attempt: i + 1,
    trigger: a.trigger,
    autoAttempt: a.autoAttempt ?? null,
    at: a.at,
    statusCode: a.statusCode ?? null,
    latencyMs: a.latencyMs,
    error: a.error ?? null,
  }));
  const last = attempts.at(-1);
  return {
    deliveryId: delivery.deliveryId,
    webhookId: delivery.webhookId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    messageId: delivery.messageId,
    status: delivery.status,
    failureReason: delivery.failureReason ?? null,
    attemptCount: attempts.length,
    lastStatusCode: last?.statusCode ?? null,
    lastAttemptAt: last?.at ?? null,
    nextAttemptAt: delivery.nextAttemptAt ?? null,
    attempts,
    createdAt: delivery.createdAt,
    updatedAt: delivery.updatedAt,
  };
}

/**
 * A delivery's status after a manual attempt: a success delivers it; a failed test ping is
 * simply failed (tests are never retried); a failed replay changes nothing, so a scheduled
 * automatic retry or an earlier success stands.
 */
export function statusAfterManualAttempt(current: DeliveryStatus, succeeded: boolean, trigger: Exclude<AttemptTrigger, 'auto'>): DeliveryStatus {
  if (succeeded) return 'delivered';
  if (trigger === 'test' && current === 'pending') return 'failed';
  return current;
}
