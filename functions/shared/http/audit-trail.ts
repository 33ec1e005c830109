import type middy from '@middy/core';
import { HttpError } from './errors.ts';
import type { HttpEvent, HttpResult } from './responses.ts';
import { principalOf } from './api-key-auth.ts';
import { logger } from '../logger.ts';
import { auditStore } from '../../adapters/audit-store.ts';
import { AUDITED_ROUTES, auditTarget, type AuditedRoute } from '../../core/audit/audited-routes.ts';
import type { Principal } from '../../core/auth/api-keys.ts';

/** Ids this API issues are short; a longer "id" in a refused call is cut before it is kept. */
const MAX_TARGET_LENGTH = 128;

/**
 * One audit record per call of a sensitive route by a known key, refused and failed calls
 * included: middy runs every `onError` whichever step threw, so a refusal by the role,
 * rate-limit or input checks is recorded with its status. A call whose key was not accepted
 * (apiKeyAuth() threw) names no actor and leaves no record.
 */
export const auditTrail = (): middy.MiddlewareObj<HttpEvent, HttpResult> => {
  const record = async (event: HttpEvent, status: number, answer: string | undefined) => {
    const audited = AUDITED_ROUTES[event.routeKey];
    const principal = principalOf(event);
    if (audited && principal) await recordAudit(audited, event, principal, status, answer);
  };
  return {
    after: async ({ event, response }) => {
      await record(event, response?.statusCode ?? 200, typeof response?.body === 'string' ? response.body : undefined);
    },
    onError: async ({ event, error }) => {
      await record(event, error instanceof HttpError ? error.statusCode : 500, undefined);
    },
  };
};

async function recordAudit(audited: AuditedRoute, event: HttpEvent, principal: Principal, status: number, answer: string | undefined): Promise<void> {
  const succeeded = status < 400;
  try {
    await auditStore.record({
      tenantId: principal.tenantId,
      actor: { type: 'apiKey', keyId: principal.keyId, role: principal.role },
      action: audited.action,
      targetId: auditTarget(audited, (event.pathParameters ?? {}) as Record<string, string>, succeeded ? answer : undefined)?.slice(0, MAX_TARGET_LENGTH) ?? null,
      requestId: event.requestContext.requestId ?? null,
      sourceIp: event.requestContext.http?.sourceIp ?? null,
      outcome: succeeded ? 'succeeded' : 'failed',
      status,
    });
  } catch (error) {
    // The action happened (or was refused) and its answer stands: failing it now would make a
    // client retry what is done. A lost record is an error for the operator's alarms instead.
    logger.error('audit record not written', { action: audited.action, error });
  }
}
