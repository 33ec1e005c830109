import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { forbidden, notFound, unauthorized } from './errors.ts';
import { errorResponder, securityHeaders, type HttpEvent, type HttpResult } from './responses.ts';
import { requireJsonBody, requireWellFormedPathParameters } from './request-guards.ts';
import { apiKeyAuth, principalOf } from './api-key-auth.ts';
import { auditTrail } from './audit-trail.ts';
import { enforceRateLimit } from './rate-limit.ts';
import { logger } from '../logger.ts';
import { byRequestId, observed } from '../observability.ts';
import { hasRole, type Principal, type Role } from '../../core/auth/api-keys.ts';

/*
 * The HTTP runtime of the API's route-group functions: a middy chain of small middlewares
 * (observability, security headers, error shaping, route lookup, API-key authentication,
 * the audit trail, then the route's own guards), and a dispatcher that calls the route.
 */

export interface ApiRequest {
  event: HttpEvent;
  principal: Principal;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
}

export interface Route {
  /** the least role allowed; every route but health needs a key */
  role: Role;
  handle: (req: ApiRequest) => Promise<HttpResult>;
}

/** An unknown route key is a 404 before anything else (API Gateway only sends the ones it has). */
const knownRoute = (routes: Record<string, Route>): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  before: ({ event }) => {
    if (!routes[event.routeKey]) throw notFound(`Route ${event.routeKey}`);
  },
});

/**
 * What a known key must pass for this route, in this order: its role, its rate limit, a JSON
 * body (415 otherwise), well-formed path ids. Then the tenant goes on every log line.
 */
const routeGuards = (routes: Record<string, Route>): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  before: async ({ event }) => {
    const principal = principalOf(event);
    const route = routes[event.routeKey];
    if (!principal || !route) throw unauthorized();
    if (!hasRole(principal.role, route.role)) throw forbidden();
    await enforceRateLimit(principal.keyId, principal.rateLimitRps, 'API key');
    requireJsonBody(event);
    requireWellFormedPathParameters(event);
    // on every line until the request ends (observed() clears it; the request id is the correlation id)
    logger.appendKeys({ tenantId: principal.tenantId });
  },
});

/**
 * Build a route-group handler. Middleware first, handler last; middy runs `after`/`onError`
 * in reverse order of `use`, so the audit trail sees the route's outcome, errorResponder
 * shapes any error, every answer then gets the security headers, and observed() (first)
 * clears the request's log keys after all of that has logged.
 */
export function httpApi(routes: Record<string, Route>) {
  const dispatch = async (event: HttpEvent): Promise<HttpResult> => {
    const route = routes[event.routeKey];
    const principal = principalOf(event);
    if (!route || !principal) throw unauthorized();
    return route.handle({
      event,
      principal,
      params: (event.pathParameters ?? {}) as Record<string, string>,
      query: event.queryStringParameters ?? {},
    });
  };
  return middy<HttpEvent, HttpResult, Error, Context>()
    .use(observed(byRequestId))
    .use(securityHeaders())
    .use(errorResponder())
    .use(knownRoute(routes))
    .use(apiKeyAuth())
    .use(auditTrail())
    .use(routeGuards(routes))
    .handler(dispatch);
}

/** Same error handling for a route that needs no key (health). */
export function publicHttpHandler(handle: (event: HttpEvent) => Promise<HttpResult>) {
  return middy<HttpEvent, HttpResult, Error, Context>().use(observed(byRequestId)).use(securityHeaders()).use(errorResponder()).handler(handle);
}
