import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { apiKeyStore } from '../adapters/api-key-store.ts';
import { uploadTokenStore } from '../adapters/upload-token-store.ts';
import { tenantStore } from '../adapters/tenant-store.ts';
import { isUploadTokenText } from '../core/auth/upload-tokens.ts';
import { wsAuthorizerContext, type WsPrincipal } from '../core/auth/ws-principal.ts';
import { byRequestId, observedHandler } from '../shared/observability.ts';

/*
 * The WebSocket API's Lambda authorizer (REQUEST, on $connect; identity source
 * `route.request.querystring.token`, WS_AUTHORIZER in shared/routes.ts): the credential in
 * ?token= becomes the connection's principal, which API Gateway passes to every later event
 * of the connection. Nothing is written: the first write of a client is its first subscribe.
 *
 * How API Gateway answers the client: an error whose message is `Unauthorized` is a 401, a
 * Deny policy a 403, any other error a 500. A missing ?token= is refused with 401 before
 * this runs.
 */

/** WebSocket APIs send the REST-style REQUEST event without resource, path and method. */
export type WsAuthorizerEvent = Pick<APIGatewayRequestAuthorizerEvent, 'type' | 'methodArn' | 'headers' | 'queryStringParameters'> &
  Partial<Pick<APIGatewayRequestAuthorizerEvent, 'multiValueHeaders' | 'multiValueQueryStringParameters' | 'stageVariables'>> & {
    requestContext: { routeKey?: string; connectionId?: string; requestId?: string };
  };

/** API Gateway's 401: the message must be exactly this. */
class UnauthorizedError extends Error {
  constructor() {
    super('Unauthorized');
    this.name = 'Unauthorized';
  }
}

/** API key or upload token -> principal; undefined for one that is unknown, revoked or expired. */
async function principalOf(credential: string): Promise<WsPrincipal | undefined> {
  if (isUploadTokenText(credential)) {
    const token = await uploadTokenStore.find(credential);
    return token && { kind: 'upload-token', tenantId: token.tenantId, tokenId: token.tokenId };
  }
  const key = await apiKeyStore.findByKey(credential);
  return key && { kind: 'api-key', tenantId: key.tenantId };
}

export async function authorize(event: WsAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const credential = event.queryStringParameters?.token;
  const principal = credential ? await principalOf(credential) : undefined;
  // A disabled tenant's keys and tokens open no connection: 401, as the HTTP API answers them.
  if (!principal || !(await tenantStore.isActive(principal.tenantId))) throw new UnauthorizedError();
  return {
    principalId: principal.tenantId,
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }] },
    context: wsAuthorizerContext(principal),
  };
}

export const handler = observedHandler(authorize, byRequestId);
