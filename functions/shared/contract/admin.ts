import * as z from 'zod';
import { ROLES } from '../../core/auth/api-keys.ts';
import { AUDIT_ACTIONS } from '../../core/audit/audited-routes.ts';
import { pageQuery } from './common.ts';
import { USAGE_COUNTERS, type UsageCounter } from '../../core/usage/usage.ts';

// Bodies and responses are z.lazy: built on their first parse, not at every cold start (docs/performance.md);
// queries stay eager, as the OpenAPI document reads their shape.

/** API keys (admin). */

export const createApiKeyBody = z.lazy(() =>
  z.object({
    name: z.string().trim().min(1).max(100),
    role: z.enum(ROLES as [string, ...string[]]),
    rateLimitRps: z.number().int().min(1).max(10_000).optional(),
  }),
);

/** The audit trail (admin): a time range, optionally one action or one actor (a key id or "operator"). */
export const auditQuery = pageQuery
  .extend({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    actor: z.string().min(1).max(64).optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { message: 'from must not be after to', path: ['from'] });

export const auditRecordSchema = z.lazy(() => z.object({
  auditId: z.string(),
  tenantId: z.string(),
  at: z.string(),
  actor: z.union([z.object({ type: z.literal('apiKey'), keyId: z.string(), role: z.string() }), z.object({ type: z.literal('operator') })]),
  action: z.enum(AUDIT_ACTIONS),
  targetId: z.string().nullable(),
  requestId: z.string().nullable(),
  sourceIp: z.string().nullable(),
  outcome: z.enum(['succeeded', 'failed']),
  status: z.number().int().optional(),
}));

/** The longest range GET /v1/usage answers for: a year and a day, so a leap year fits. */
export const MAX_USAGE_DAYS = 366;

/** Usage (admin): UTC days, YYYY-MM-DD, both inclusive; absent: the 30 days up to today. */
export const usageQuery = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => !q.from || !q.to || (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_USAGE_DAYS, {
    message: `at most ${MAX_USAGE_DAYS} days at once`,
    path: ['to'],
  });

const usageCountsSchema = () => z.object(Object.fromEntries(USAGE_COUNTERS.map((c) => [c, z.number().int()])) as Record<UsageCounter, z.ZodNumber>);

export const usageReportSchema = z.lazy(() =>
  z.object({
    from: z.string(),
    to: z.string(),
    totals: usageCountsSchema(),
    days: z.array(usageCountsSchema().extend({ day: z.string() })),
  }),
);
