import type middy from '@middy/core';
import { tenantDisabled, unauthorized } from './errors.ts';
import type { HttpEvent, HttpResult } from './responses.ts';
import { apiKeyStore } from '../../adapters/api-key-store.ts';
import { tenantStore } from '../../adapters/tenant-store.ts';
import { bearerToken, type Principal } from '../../core/auth/api-keys.ts';

/*
 * Who is calling, settled once per request by the middleware and read by whatever runs after
 * it. Keyed by the event object, so nothing of one request can reach another.
 */
const principals = new WeakMap<HttpEvent, Principal>();

/** The caller of a request that passed apiKeyAuth(); undefined before it or when it refused. */
export const principalOf = (event: HttpEvent): Principal | undefined => principals.get(event);

/**
 * Bearer API-key authentication: the key must be known (keys are looked up by their hash and
 * cached for 30 s per container) and its tenant active; otherwise a 401 saying which.
 */
export const apiKeyAuth = (): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  before: async ({ event }) => {
    const token = bearerToken(event.headers?.authorization);
    if (!token) throw unauthorized();
    const principal = await apiKeyStore.findByKey(token);
    if (!principal) throw unauthorized();
    if (!(await tenantStore.isActive(principal.tenantId))) throw tenantDisabled();
    principals.set(event, principal);
  },
});
