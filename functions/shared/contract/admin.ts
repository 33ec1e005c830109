import * as z from 'zod';
import { ROLES } from '../../core/auth/api-keys.ts';
import { AUDIT_ACTIONS } from '../../core/audit/audited-routes.ts';
import { pageQuery } from './common.ts';

/** API keys (admin). */

export const createApiKeyBody = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(ROLES as [string, ...string[]]),
  rateLimitRps: z.number().int().min(1).max(10_000).optional(),
});

/** The audit trail (admin): a time range, optionally one action or one actor (a key id or "operator"). */
export const auditQuery = pageQuery
  .extend({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    actor: z.string().min(1).max(64).optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { message: 'from must not be after to', path: ['from'] });

export const auditRecordSchema = z.object({
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
});
