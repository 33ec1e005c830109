import * as z from 'zod';
import { ROLES } from '../../core/auth/api-keys.ts';
import { AUDIT_ACTIONS } from '../../core/audit/audited-routes.ts';
import { pageQuery } from './common.ts';
import { USAGE_COUNTERS, type UsageCounter } from '../../core/usage/usage.ts';
import { MAX_RETENTION_DAYS } from '../../core/retention/retention.ts';

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

/**
 * Retention settings (GET/PUT /v1/settings/retention). Here, not beside the retention rules in
 * core/retention: that module is in every function that reads a job, most of which validate
 * nothing with zod, and a schema built at module scope would load zod into each (docs/performance.md).
 */
const retentionDays = z.number().int().min(1).max(MAX_RETENTION_DAYS);

/** What an admin may send: any of the three, whole days from 1 to 3650; unknown fields are refused. */
export const retentionOverridesSchema = z
  .strictObject({ uploadsDays: retentionDays.optional(), outputsDays: retentionDays.optional(), jobRecordsDays: retentionDays.optional() })
  .refine((r) => Object.keys(r).length > 0, { message: 'name at least one of uploadsDays, outputsDays, jobRecordsDays' });

/** GET/PUT /v1/settings/retention answer: what applies, the defaults, and the tenant's own overrides. */
const retentionShape = z.strictObject({ uploadsDays: retentionDays, outputsDays: retentionDays, jobRecordsDays: retentionDays });
export const retentionSettingsSchema = z
  .strictObject({ tenantId: z.string(), ...retentionShape.shape, defaults: retentionShape, overrides: retentionShape.partial() })
  .meta({ id: 'Retention' });
