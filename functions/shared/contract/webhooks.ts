import * as z from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../../core/webhooks/events.ts';

/** Webhook endpoints. */

// Each schema is z.lazy: built on its first parse, so a cold start builds none of them (docs/performance.md).
const eventsField = z.lazy(() => z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1, 'subscribe to at least one event')
  .transform((events) => [...new Set(events)]));

export const createWebhookBody = z.lazy(() => z.object({
  url: z.string().min(1).max(2048),
  /** default: every event */
  events: eventsField.optional(),
  description: z.string().max(500).optional(),
  enabled: z.boolean().optional(),
}));

export const patchWebhookBody = z.lazy(() => z
  .object({
    url: z.string().min(1).max(2048).optional(),
    events: eventsField.optional(),
    description: z.string().max(500).optional(),
    enabled: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one of url, events, description, enabled', path: ['url'] }));
