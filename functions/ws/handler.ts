import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { apiKeyStore } from '../adapters/api-key-store.ts';
import { connectionStore } from '../adapters/connection-store.ts';
import { tenantStore } from '../adapters/tenant-store.ts';
import { jobStore } from '../adapters/job-store.ts';
import { postToConnection, REPLY } from '../adapters/connection-poster.ts';
import { statusMessage } from '../adapters/progress-notifier.ts';
import { logger } from '../shared/logger.ts';
import { byRequestId, observedHandler } from '../shared/observability.ts';

/** $connect carries the query string and headers, which the base event type omits. */
export type WsEvent = APIGatewayProxyWebsocketEventV2 & {
  queryStringParameters?: Record<string, string | undefined>;
  headers?: Record<string, string | undefined>;
};
type WsResult = { statusCode: number; body?: string };

// zod/mini: the function validates this one message, and classic zod would add ~30 ms to its cold start (docs/performance.md)
const message = z.object({ action: z.enum(['subscribe', 'unsubscribe']), jobId: z.string().check(z.minLength(1), z.maxLength(64)), requestId: z.optional(z.string().check(z.maxLength(128))) });

/** A client's requestId (a string up to 128 characters), read even from a message that is otherwise wrong. */
function requestIdOf(raw: unknown): { requestId?: string } {
  const id = (raw as { requestId?: unknown } | null)?.requestId;
  return typeof id === 'string' && id.length <= 128 ? { requestId: id } : {};
}

/**
 * Answer the sender through @connections rather than a route response: it works the
 * same on AWS (no two-way route to configure) and locally.
 */
async function reply(connectionId: string, statusCode: number, body: object): Promise<WsResult> {
  await send(connectionId, body);
  return { statusCode };
}

const send = (connectionId: string, body: object) => postToConnection(connectionId, Buffer.from(JSON.stringify(body)), REPLY);

/**
 * The tenant of each connection this container has seen: a connection's tenant never
 * changes and its id is never reused, so a client's later messages skip the lookup.
 * Bounded; a forgotten entry costs one GetItem.
 */
const tenants = new Map<string, string>();
const TENANTS_MAX = 10_000;

function rememberTenant(connectionId: string, tenantId: string): void {
  if (tenants.size >= TENANTS_MAX) tenants.delete(tenants.keys().next().value as string);
  tenants.set(connectionId, tenantId);
}

async function tenantOf(connectionId: string): Promise<string | undefined> {
  const known = tenants.get(connectionId);
  if (known) return known;
  const tenantId = await connectionStore.getTenant(connectionId);
  if (tenantId) rememberTenant(connectionId, tenantId);
  return tenantId;
}

/**
 * $connect: the API key comes as ?token= (browsers cannot set headers on a WebSocket). One
 * write: the key lookup is cached (api-key-store), and the connection row is all it stores.
 */
async function connect(event: WsEvent): Promise<WsResult> {
  const token = event.queryStringParameters?.token;
  const principal = token ? await apiKeyStore.findByKey(token) : undefined;
  // a disabled tenant's keys open no connection (API Gateway sends no body on a refused $connect)
  if (!principal || !(await tenantStore.isActive(principal.tenantId))) return { statusCode: 401 };
  await connectionStore.putConnection(event.requestContext.connectionId, principal.tenantId);
  rememberTenant(event.requestContext.connectionId, principal.tenantId);
  return { statusCode: 200 };
}

/**
 * subscribe: only the job's own tenant may follow it; another tenant's job answers
 * exactly like a missing one. The current status is sent at once, so a late
 * subscriber never waits for the next change to learn where the job is.
 */
async function onMessage(event: WsEvent): Promise<WsResult> {
  const connectionId = event.requestContext.connectionId;
  let raw: unknown;
  try {
    raw = JSON.parse(event.body ?? '');
  } catch {
    return reply(connectionId, 400, { type: 'error', code: 'invalid_request', message: 'message must be JSON' });
  }
  // Every reply to a message carries the requestId the client put in it, so a client with
  // several requests in flight can tell the answers apart.
  const echo = requestIdOf(raw);
  const parsed = message.safeParse(raw);
  if (!parsed.success) {
    return reply(connectionId, 400, { type: 'error', code: 'invalid_request', message: 'expected { "action": "subscribe" | "unsubscribe", "jobId": "...", "requestId"?: "..." }', ...echo });
  }
  const tenantId = await tenantOf(connectionId);
  if (!tenantId) return reply(connectionId, 401, { type: 'error', code: 'unauthorized', message: 'connection is not authenticated', ...echo });
  const { action, jobId } = parsed.data;
  if (action === 'unsubscribe') {
    await connectionStore.unsubscribe(connectionId, jobId);
    return reply(connectionId, 200, { type: 'unsubscribed', jobId, ...echo });
  }
  // Subscribed before the job is read: a status published meanwhile is either fanned out to
  // this connection or already in what the read returns, so the final status cannot slip by.
  await connectionStore.subscribe(connectionId, tenantId, jobId);
  const job = await jobStore.get(tenantId, jobId);
  if (!job) {
    await connectionStore.unsubscribe(connectionId, jobId);
    return reply(connectionId, 404, { type: 'error', code: 'not_found', jobId, message: 'Job not found', ...echo });
  }
  await send(connectionId, { type: 'subscribed', jobId, ...echo });
  await send(connectionId, statusMessage(job));
  return { statusCode: 200 };
}

export async function handle(event: WsEvent): Promise<WsResult> {
  const { routeKey, connectionId } = event.requestContext;
  switch (routeKey) {
    case '$connect':
      return connect(event);
    case '$disconnect':
      tenants.delete(connectionId);
      await connectionStore.removeConnection(connectionId);
      return { statusCode: 200 };
    default:
      return onMessage(event);
  }
}

export const handler = observedHandler(async (event: WsEvent): Promise<WsResult> => {
  try {
    return await handle(event);
  } catch (err) {
    logger.error('websocket route failed', { routeKey: event.requestContext.routeKey, error: err as Error });
    return { statusCode: 500 };
  }
}, byRequestId);
