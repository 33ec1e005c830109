/**
 * The sensitive actions the audit trail records, and which API route is which. One table for
 * every route: the HTTP layer writes one record per call of a route listed here (whatever its
 * outcome), so a new sensitive route is audited by adding a line, not by remembering to call
 * something in its handler. Operator actions (tenants) are recorded by the CLI.
 */
export const AUDIT_ACTIONS = [
  'api_key.issue',
  'api_key.revoke',
  'upload_token.issue',
  'upload_token.revoke',
  'webhook.create',
  'webhook.update',
  'webhook.delete',
  'webhook.rotate_secret',
  'webhook.replay',
  'template.create',
  'template.update',
  'template.delete',
  'mapping.confirm',
  'schema.create',
  'job.cancel',
  'job.retry',
  'job.delete',
  'job.bulk',
  'account.merge',
  'account.delete',
  'contact.delete',
  'tenant.create',
  'tenant.disable',
  'tenant.enable',
  'tenant.set_quota',
  'tenant.set_retention',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * `target`: where the id of what the action touched is: a path parameter, or (for a create)
 * a field of the JSON answer. Absent for actions on many things at once.
 */
export interface AuditedRoute {
  action: AuditAction;
  target?: { param: string } | { answer: string };
}

export const AUDITED_ROUTES: Readonly<Record<string, AuditedRoute>> = {
  'POST /v1/api-keys': { action: 'api_key.issue', target: { answer: 'keyId' } },
  'DELETE /v1/api-keys/{keyId}': { action: 'api_key.revoke', target: { param: 'keyId' } },
  'POST /v1/upload-tokens': { action: 'upload_token.issue', target: { answer: 'tokenId' } },
  'DELETE /v1/upload-tokens/{tokenId}': { action: 'upload_token.revoke', target: { param: 'tokenId' } },
  'POST /v1/webhooks': { action: 'webhook.create', target: { answer: 'webhookId' } },
  'PATCH /v1/webhooks/{webhookId}': { action: 'webhook.update', target: { param: 'webhookId' } },
  'DELETE /v1/webhooks/{webhookId}': { action: 'webhook.delete', target: { param: 'webhookId' } },
  'POST /v1/webhooks/{webhookId}/rotate-secret': { action: 'webhook.rotate_secret', target: { param: 'webhookId' } },
  'POST /v1/webhooks/{webhookId}/deliveries/{deliveryId}/replay': { action: 'webhook.replay', target: { param: 'deliveryId' } },
  'POST /v1/templates': { action: 'template.create', target: { answer: 'templateId' } },
  'PUT /v1/templates/{templateId}': { action: 'template.update', target: { param: 'templateId' } },
  'DELETE /v1/templates/{templateId}': { action: 'template.delete', target: { param: 'templateId' } },
  'PUT /v1/jobs/{jobId}/mapping': { action: 'mapping.confirm', target: { param: 'jobId' } },
  'POST /v1/schemas': { action: 'schema.create', target: { answer: 'name' } },
  'POST /v1/jobs/{jobId}/cancel': { action: 'job.cancel', target: { param: 'jobId' } },
  'POST /v1/jobs/{jobId}/retry': { action: 'job.retry', target: { param: 'jobId' } },
  'DELETE /v1/jobs/{jobId}': { action: 'job.delete', target: { param: 'jobId' } },
  'POST /v1/jobs/bulk': { action: 'job.bulk' },
  'POST /v1/accounts/{accountId}/merge': { action: 'account.merge', target: { param: 'accountId' } },
  'DELETE /v1/accounts/{accountId}': { action: 'account.delete', target: { param: 'accountId' } },
  'DELETE /v1/contacts/{contactId}': { action: 'contact.delete', target: { param: 'contactId' } },
  'PUT /v1/settings/retention': { action: 'tenant.set_retention', target: { answer: 'tenantId' } },
};

/** Who did it: an API key (its id and role, never the key) or the service operator. */
export type AuditActor = { type: 'apiKey'; keyId: string; role: string } | { type: 'operator' };

export interface AuditRecord {
  tenantId: string;
  /** time-sortable id (ULID): the trail lists newest first and pages by it */
  auditId: string;
  at: string;
  actor: AuditActor;
  action: AuditAction;
  targetId: string | null;
  requestId: string | null;
  sourceIp: string | null;
  outcome: 'succeeded' | 'failed';
  /** the HTTP status the action answered (absent for operator actions) */
  status?: number;
}

/** How long a record is kept unless the deployment says otherwise. */
export const AUDIT_RETENTION_DAYS = 400;

/** The id of what a call touched: its path parameter, or a field of its JSON answer (a created resource). */
export function auditTarget(route: AuditedRoute, params: Readonly<Record<string, string>>, answerBody: string | undefined): string | null {
  const target = route.target;
  if (!target) return null;
  if ('param' in target) return params[target.param] ?? null;
  // Stryker disable next-line ConditionalExpression: equivalent, JSON.parse refuses an empty or absent answer, which the catch reads as null
  if (!answerBody) return null;
  try {
    const value = (JSON.parse(answerBody) as Record<string, unknown>)[target.answer];
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** The actor as the trail's `actor` filter names it: a key id, or "operator". */
export const actorName = (actor: AuditActor): string => (actor.type === 'operator' ? 'operator' : actor.keyId);
