import { createHash } from 'node:crypto';

export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './event-types.ts';

/** The synthetic ping sent by `POST /v1/webhooks/{id}/test`; never subject to the event filter. */
export const TEST_EVENT_TYPE = 'webhook.test';

/** What goes on the wire as the request body: the completion event exactly as it was emitted. */
export interface WebhookEvent {
  id: string;
  type: string;
  /** when the event happened (ISO 8601): Standard Webhooks' payload field; createdAt holds the same */
  timestamp: string;
  tenantId: string;
  createdAt: string;
  data: unknown;
}

/** True when an endpoint should get this event: it is enabled and its filter names the type. */
export function isSubscribed(endpoint: { enabled: boolean; events: readonly string[] }, eventType: string): boolean {
  return endpoint.enabled && endpoint.events.includes(eventType);
}

/**
 * The Standard Webhooks `webhook-id`: derived from the event and the endpoint only, so it is
 * the same on every retry and replay (receivers dedupe on it) and differs between endpoints.
 */
export function webhookMessageId(webhookId: string, eventId: string): string {
  return `msg_${createHash('sha256').update(`${webhookId}\n${eventId}`).digest('base64url').slice(0, 32)}`;
}

/** The ping event of `test`: shaped like a real event so receivers exercise their real path. */
export function buildTestEvent(input: { tenantId: string; webhookId: string; id: string; now: Date }): WebhookEvent {
  return {
    id: input.id,
    type: TEST_EVENT_TYPE,
    timestamp: input.now.toISOString(),
    tenantId: input.tenantId,
    createdAt: input.now.toISOString(),
    data: { webhookId: input.webhookId, message: 'Test event from ai-file-parser: if you can read this, your endpoint works.' },
  };
}
