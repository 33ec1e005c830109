import * as z from 'zod/mini';
import '../../core/zod-mini.ts';
import { WEBHOOK_EVENT_TYPES } from '../../core/webhooks/events.ts';

/** Webhook endpoints (zod/mini: the webhooks function validates with these schemas only, zod-mini.ts). */

// Each schema is z.lazy: built on its first parse, so a cold start builds none of them (docs/performance.md).
const eventsField = z.lazy(() => z.pipe(
  z.array(z.enum(WEBHOOK_EVENT_TYPES)).check(z.minLength(1, 'subscribe to at least one event')),
  z.transform((events: (typeof WEBHOOK_EVENT_TYPES)[number][]) => [...new Set(events)]),
));

export const createWebhookBody = z.lazy(() => z.object({
  url: z.string().check(z.minLength(1), z.maxLength(2048)),
  /** default: every event */
  events: z.optional(eventsField),
  description: z.optional(z.string().check(z.maxLength(500))),
  enabled: z.optional(z.boolean()),
}));

export const patchWebhookBody = z.lazy(() => z
  .object({
    url: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
    events: z.optional(eventsField),
    description: z.optional(z.string().check(z.maxLength(500))),
    enabled: z.optional(z.boolean()),
  })
  .check(z.refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one of url, events, description, enabled', path: ['url'] })));
