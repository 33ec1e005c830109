import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import { HttpError, badRequest, forbidden, notFound, tenantDisabled, unauthorized } from './http-errors.ts';
import { logger } from './logger.ts';
import { byRequestId, observed } from './observability.ts';
import { apiKeyStore } from '../adapters/api-key-store.ts';
import { tenantStore } from '../adapters/tenant-store.ts';
import { auditStore } from '../adapters/audit-store.ts';
import { AUDITED_ROUTES, auditTarget, type AuditedRoute } from '../core/audit/audited-routes.ts';
import { bearerToken, hasRole, type Principal, type Role } from '../core/auth/api-keys.ts';
import { InvalidCursorError } from '../adapters/page-cursor.ts';
import { takeRequest } from '../adapters/rate-limiter.ts';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

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

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: body === undefined ? '' : JSON.stringify(body),
});

export const noContent = (): HttpResult => ({ statusCode: 204, headers: {}, body: '' });

const errorBody = (code: string, message: string, details?: unknown) => ({ error: { code, message, ...(details === undefined ? {} : { details }) } });

/** Turn a zod failure into the 400 body: each wrong field by its path. */
export function validationDetails(error: z.ZodError) {
  return error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
}

/**
 * The largest JSON body a route reads. On AWS a body over 10 MB is refused by API Gateway
 * (a 413 with only a `message`, which the API cannot shape) and a Lambda event over 6 MB by
 * Lambda (base64 bodies grow by a third), so this sits below both and answers in the API's
 * error shape. The largest legitimate bodies: an inline sample for /templates/suggest (100
 * rows of a wide file: a few MB) and a completion listing 10,000 parts (~560 KB).
 */
export const MAX_JSON_BODY_BYTES = 4 * 1024 * 1024;

/** Parse and validate a JSON body; any problem is a 400 naming the field (413 when it is too large). */
export function parseBody<T extends z.ZodType>(event: HttpEvent, schema: T): z.infer<T> {
  let raw: unknown = {};
  if (event.body) {
    const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_JSON_BODY_BYTES) {
      throw new HttpError(413, 'payload_too_large', `Request body is ${bytes} bytes; the limit is ${MAX_JSON_BODY_BYTES}`, [
        { field: '(body)', message: `at most ${MAX_JSON_BODY_BYTES} bytes` },
      ]);
    }
    try {
      raw = JSON.parse(text);
    } catch {
      throw badRequest('Request body is not valid JSON');
    }
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw badRequest('Request body is invalid', validationDetails(result.error));
  return result.data;
}

/**
 * A request body must be JSON, declared as `application/json` (any case, optional
 * parameters; a charset, if named, must be UTF-8, the only one JSON allows). Anything else
 * is a 415 before a route reads it, so a form post or a text/plain "simple request" from a
 * browser page is never taken for JSON. An empty body needs no type: body-less POSTs
 * (cancel, retry, rotate-secret) are sent without one by curl and most clients.
 */
export function requireJsonBody(event: HttpEvent): void {
  if (!event.body) return;
  const declared = event.headers?.['content-type'];
  if (declared !== undefined && isJsonMediaType(declared)) return;
  const mediaType = declared?.split(';')[0]?.trim().toLowerCase() ?? '';
  const named = /^[\w.+-]+\/[\w.+-]+$/.test(mediaType) ? ` (got ${mediaType})` : '';
  throw new HttpError(415, 'unsupported_media_type', `Request body must be JSON sent as Content-Type: application/json${named}`, [
    { field: 'content-type', message: 'must be application/json (charset utf-8, if given)' },
  ]);
}

function isJsonMediaType(header: string): boolean {
  const [type, ...params] = header.split(';');
  if (type?.trim().toLowerCase() !== 'application/json') return false;
  return params.every((param) => {
    const [name, value] = param.split('=').map((part) => part.trim().toLowerCase());
    return name !== 'charset' || /^"?utf-?8"?$/.test(value ?? '');
  });
}

/** Validate query parameters the same way. */
export function parseQuery<T extends z.ZodType>(event: HttpEvent, schema: T): z.infer<T> {
  const result = schema.safeParse(event.queryStringParameters ?? {});
  if (!result.success) throw badRequest('Query parameters are invalid', validationDetails(result.error));
  return result.data;
}

const PATH_PARAM = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * On every answer, errors included: `nosniff` so a browser never renders a JSON body (which
 * can echo what the caller sent) as HTML or script, and `no-store` so tenant data and keys
 * shown once (API keys, webhook secrets) stay out of browser and proxy caches.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

const securityHeaders = (): middy.MiddlewareObj<HttpEvent, HttpResult> => {
  const addHeaders = async (request: middy.Request<HttpEvent, HttpResult>) => {
    if (request.response) request.response.headers = { ...request.response.headers, ...SECURITY_HEADERS };
  };
  return { after: addHeaders, onError: addHeaders };
};

/**
 * Map any thrown error to the API's error body. Domain/HTTP errors keep their status;
 * anything else is a generic 500 whose detail goes only to the log.
 */
export const errorResponder = (): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  onError: async (request) => {
    const err = request.error;
    if (err instanceof HttpError) {
      request.response = json(err.statusCode, errorBody(err.code, err.message, err.details), err.headers);
      return;
    }
    if (err instanceof InvalidCursorError) {
      request.response = json(400, errorBody('invalid_request', 'Query parameters are invalid', [{ field: 'cursor', message: err.message }]));
      return;
    }
    logger.error('unhandled error', { error: err });
    request.response = json(500, errorBody('internal_error', 'Something went wrong on our side; the request id identifies it in our logs'));
  },
});

/**
 * Build a route-group handler: authenticate (Bearer API key), check the role and the rate
 * limit, refuse a body that is not JSON, dispatch on the API Gateway route key. Middleware
 * first, handler last; errors are shaped by errorResponder, then every answer gets the
 * security headers (middy runs `after`/`onError` in reverse order of `use`); observed() is
 * first, so the request's log keys are cleared after all of that has logged.
 */
export function httpApi(routes: Record<string, Route>) {
  const dispatch = async (event: HttpEvent): Promise<HttpResult> => {
    const route = routes[event.routeKey];
    if (!route) throw notFound(`Route ${event.routeKey}`);
    const token = bearerToken(event.headers?.authorization);
    if (!token) throw unauthorized();
    const principal = await apiKeyStore.findByKey(token);
    if (!principal) throw unauthorized();
    if (!(await tenantStore.isActive(principal.tenantId))) throw tenantDisabled();
    const audited = AUDITED_ROUTES[event.routeKey];
    if (!audited) return authorized(route, event, principal);
    // a sensitive action: one audit record per call, refused and failed calls included
    let status = 500;
    let answer: string | undefined;
    try {
      const result = await authorized(route, event, principal);
      status = result.statusCode ?? 200;
      answer = typeof result.body === 'string' ? result.body : undefined;
      return result;
    } catch (err) {
      if (err instanceof HttpError) status = err.statusCode;
      throw err;
    } finally {
      await recordAudit(audited, event, principal, status, answer);
    }
  };
  return middy<HttpEvent, HttpResult, Error, Context>().use(observed(byRequestId)).use(securityHeaders()).use(errorResponder()).handler(dispatch);
}

/** A known key of an active tenant: check the role and the rate limit, refuse a body that is not JSON, run the route. */
async function authorized(route: Route, event: HttpEvent, principal: Principal): Promise<HttpResult> {
  if (!hasRole(principal.role, route.role)) throw forbidden();
  const { allowed, retryAfterSeconds } = await takeRequest(principal.keyId, principal.rateLimitRps);
  if (!allowed) {
    throw new HttpError(429, 'rate_limited', `Too many requests: this API key may make ${principal.rateLimitRps} per second`, undefined, {
      'retry-after': String(retryAfterSeconds),
    });
  }
  requireJsonBody(event);
  // Every id this API issues is short and URL-safe; anything else names nothing that exists.
  for (const [name, value] of Object.entries(event.pathParameters ?? {})) {
    if (!value || !PATH_PARAM.test(value)) throw notFound(name === 'name' ? 'Schema' : `Resource ${name}`);
  }
  // on every line until the request ends (observed() clears it; the request id is the correlation id)
  logger.appendKeys({ tenantId: principal.tenantId });
  return route.handle({
    event,
    principal,
    params: (event.pathParameters ?? {}) as Record<string, string>,
    query: event.queryStringParameters ?? {},
  });
}

/** Ids this API issues are short; a longer "id" in a refused call is cut before it is kept. */
const MAX_TARGET_LENGTH = 128;

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

/** Same error handling for a route that needs no key (health). */
export function publicHttpHandler(handle: (event: HttpEvent) => Promise<HttpResult>) {
  return middy<HttpEvent, HttpResult, Error, Context>().use(observed(byRequestId)).use(securityHeaders()).use(errorResponder()).handler(handle);
}
