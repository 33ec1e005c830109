import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { errorResponder, type HttpEvent, type HttpResult } from './responses.ts';
import { notFound, tenantDisabled, unauthorized } from './errors.ts';
import { enforceRateLimit } from './rate-limit.ts';
import { logger } from '../logger.ts';
import { byRequestId, observed } from '../observability.ts';
import { uploadTokenStore } from '../../adapters/upload-token-store.ts';
import { tenantStore } from '../../adapters/tenant-store.ts';
import { looksLikeUploadToken, type UploadTokenPrincipal } from '../../core/auth/upload-tokens.ts';

export interface TokenRequest {
  event: HttpEvent;
  token: UploadTokenPrincipal;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
}

export type TokenRoute = (req: TokenRequest) => Promise<HttpResult>;

/**
 * A route-group handler for the routes a browser calls with an upload token in the path
 * (`{uploadToken}`; Uppy's companion mode sends no Authorization header). The token is the
 * only credential these routes accept: an API key in a header is ignored, an unknown,
 * expired or revoked token is a 401, and each token has a rate limit like a key.
 */
export function uploadTokenApi(routes: Record<string, TokenRoute>) {
  const dispatch = async (event: HttpEvent): Promise<HttpResult> => {
    const route = routes[event.routeKey];
    if (!route) throw notFound(`Route ${event.routeKey}`);
    const raw = event.pathParameters?.uploadToken ?? '';
    const token = looksLikeUploadToken(raw) ? await uploadTokenStore.find(raw) : undefined;
    if (!token) throw unauthorized('Missing, expired or revoked upload token');
    if (!(await tenantStore.isActive(token.tenantId))) throw tenantDisabled();
    await enforceRateLimit(token.tokenId, token.rateLimitRps, 'upload token');
    // on every line until the request ends (observed() clears it; the request id is the correlation id)
    logger.appendKeys({ tenantId: token.tenantId });
    const { uploadToken: _secret, ...params } = (event.pathParameters ?? {}) as Record<string, string>;
    return route({ event, token, params, query: event.queryStringParameters ?? {} });
  };
  return middy<HttpEvent, HttpResult, Error, Context>().use(observed(byRequestId)).use(errorResponder()).handler(dispatch);
}
