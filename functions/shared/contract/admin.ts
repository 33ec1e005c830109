import * as z from 'zod/mini';
import '../../core/zod-mini.ts';
import { ROLES } from '../../core/auth/api-keys.ts';
import { AUDIT_ACTIONS } from '../../core/audit/audited-routes.ts';
import { pageShape } from './paging.ts';
import { USAGE_COUNTERS, type UsageCounter } from '../../core/usage/usage.ts';
import { MAX_RETENTION_DAYS } from '../../core/retention/retention.ts';

// zod/mini: the admin function validates with these schemas only (zod-mini.ts). Bodies and
// responses are z.lazy: built on their first parse, not at every cold start (docs/performance.md);
// queries stay eager, as the OpenAPI document reads their shape.

/** API keys (admin). */

export const createApiKeyBody = z.lazy(() =>
  z.object({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    role: z.enum(ROLES as [string, ...string[]]),
    rateLimitRps: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10_000))),
  }),
);

/** The audit trail (admin): a time range, optionally one action or one actor (a key id or "operator"). */
export const auditQuery = z
  .object({
    ...pageShape(),
    from: z.optional(z.iso.datetime({ offset: true })),
    to: z.optional(z.iso.datetime({ offset: true })),
    action: z.optional(z.enum(AUDIT_ACTIONS)),
    actor: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  })
  .check(z.refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { message: 'from must not be after to', path: ['from'] }));

export const auditRecordSchema = z.lazy(() => z.object({
  auditId: z.string(),
  tenantId: z.string(),
  at: z.string(),
  actor: z.union([z.object({ type: z.literal('apiKey'), keyId: z.string(), role: z.string() }), z.object({ type: z.literal('operator') })]),
  action: z.enum(AUDIT_ACTIONS),
  targetId: z.nullable(z.string()),
  requestId: z.nullable(z.string()),
  sourceIp: z.nullable(z.string()),
  outcome: z.enum(['succeeded', 'failed']),
  status: z.optional(z.number().check(z.int())),
}));

/** The longest range GET /v1/usage answers for: a year and a day, so a leap year fits. */
export const MAX_USAGE_DAYS = 366;

/** Usage (admin): UTC days, YYYY-MM-DD, both inclusive; absent: the 30 days up to today. */
export const usageQuery = z
  .object({
    from: z.optional(z.iso.date()),
    to: z.optional(z.iso.date()),
  })
  .check(
    z.refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] }),
    z.refine((q) => !q.from || !q.to || (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_USAGE_DAYS, {
      message: `at most ${MAX_USAGE_DAYS} days at once`,
      path: ['to'],
    }),
  );

const usageCounts = () => Object.fromEntries(USAGE_COUNTERS.map((c) => [c, z.number().check(z.int())])) as Record<UsageCounter, z.ZodMiniNumber>;

export const usageReportSchema = z.lazy(() =>
  z.object({
    from: z.string(),
    to: z.string(),
    totals: z.object(usageCounts()),
    days: z.array(z.object({ ...usageCounts(), day: z.string() })),
  }),
);

/**
 * Retention settings (GET/PUT /v1/settings/retention). Here, not beside the retention rules in
 * core/retention: that module is in every function that reads a job, most of which validate
 * nothing with zod, and a schema built at module scope would load zod into each (docs/performance.md).
 */
const retentionDays = z.number().check(z.int(), z.minimum(1), z.maximum(MAX_RETENTION_DAYS));

/** What an admin may send: any of the three, whole days from 1 to 3650; unknown fields are refused. */
export const retentionOverridesSchema = z
  .strictObject({ uploadsDays: z.optional(retentionDays), outputsDays: z.optional(retentionDays), jobRecordsDays: z.optional(retentionDays) })
  .check(z.refine((r) => Object.keys(r).length > 0, { message: 'name at least one of uploadsDays, outputsDays, jobRecordsDays' }));

/** GET/PUT /v1/settings/retention answer: what applies, the defaults, and the tenant's own overrides. */
const retentionShape = z.strictObject({ uploadsDays: retentionDays, outputsDays: retentionDays, jobRecordsDays: retentionDays });
export const retentionSettingsSchema = z
  .strictObject({ tenantId: z.string(), ...retentionShape.shape, defaults: retentionShape, overrides: z.partial(retentionShape) })
  .register(z.globalRegistry, { id: 'Retention' });
