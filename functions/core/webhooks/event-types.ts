/*
 * The event names alone, with no Node imports: the API contract (functions/shared/contract/)
 * names them, and the web console type-checks against that contract as browser code.
 */

/** The events an endpoint can subscribe to (SPEC §3), and `accounts.updated` after a job changed the accounts store. */
export const WEBHOOK_EVENT_TYPES = ['job.succeeded', 'job.failed', 'job.needs_mapping', 'job.cancelled', 'accounts.updated'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
