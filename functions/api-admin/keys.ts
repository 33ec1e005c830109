import type { ApiRequest } from '../shared/http/api.ts';
import { json, noContent } from '../shared/http/responses.ts';
import { parseBody } from '../shared/http/request-input.ts';
import { conflict, notFound } from '../shared/http/errors.ts';
import { createApiKeyBody } from '../shared/contract/admin.ts';
import { apiKeyStore } from '../adapters/api-key-store.ts';
import { ROLES } from '../core/auth/api-keys.ts';
import { DEFAULT_RATE_LIMIT_RPS } from '../core/auth/rate-limit.ts';

/* The tenant's API keys: list, issue, revoke (handler.ts loads this module on its first request). */

export async function listKeys(req: ApiRequest) {
  return json(200, { items: await apiKeyStore.list(req.principal.tenantId), nextCursor: null });
}

export async function createKey(req: ApiRequest) {
  const body = parseBody(req.event, createApiKeyBody);
  const { apiKey, keyId } = await apiKeyStore.issue({
    tenantId: req.principal.tenantId,
    role: body.role as (typeof ROLES)[number],
    name: body.name,
    rateLimitRps: body.rateLimitRps,
  });
  // The plaintext is in this answer only; it is stored as a hash.
  return json(201, { apiKey, keyId, name: body.name, role: body.role, rateLimitRps: body.rateLimitRps ?? DEFAULT_RATE_LIMIT_RPS });
}

export async function revokeKey(req: ApiRequest) {
  const keyId = req.params.keyId ?? '';
  // Revoking the key that makes the request would lock the caller out mid-session.
  if (keyId === req.principal.keyId) throw conflict('Cannot revoke the API key used for this request; use another admin key');
  if (!(await apiKeyStore.revoke(req.principal.tenantId, keyId))) throw notFound('API key');
  return noContent();
}
