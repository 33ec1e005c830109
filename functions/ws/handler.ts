import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { connectionStore } from '../adapters/connection-store.ts';
import { jobStore } from '../adapters/job-store.ts';
import { tokenStartedJob } from '../adapters/upload-token-jobs.ts';
import { wsPrincipalOf, type WsPrincipal } from '../core/auth/ws-principal.ts';
import { postToConnection, REPLY } from '../adapters/connection-poster.ts';
import { statusMessage } from '../adapters/progress-notifier.ts';
import { logger } from '../shared/logger.ts';
import { byRequestId, observedHandler } from '../shared/observability.ts';

/**
 * $connect carries the query string and headers, which the base event type omits; every event
 * of a connection carries what the ws-authorizer returned for it at $connect.
 */
export type WsEvent = APIGatewayProxyWebsocketEventV2 & {
  queryStringParameters?: Record<string, string | undefined>;
  headers?: Record<string, string | undefined>;
  requestContext: { authorizer?: unknown };
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
 * Whether an upload token may follow the job: only the jobs its uploads started. Checked before
 * the subscription is written, so a token's connection never hears another job of its tenant.
 */
async function tokenMayFollow(principal: WsPrincipal, jobId: string): Promise<boolean> {
  if (principal.kind !== 'upload-token') return true;
  const job = await jobStore.get(principal.tenantId, jobId);
  return job !== undefined && (await tokenStartedJob(principal, job));
}

/**
 * subscribe: only a job the connection's principal may follow; another tenant's job (or, for
 * an upload token, a job it did not start) answers exactly like a missing one. The current
 * status is sent at once, so a late subscriber never waits for the next change to learn
 * where the job is.
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
  // Only a connection the authorizer let in gets here on AWS; an event without its context
  // (a test event, a misconfigured route) is refused rather than trusted.
  const principal = wsPrincipalOf(event.requestContext.authorizer);
  if (!principal) return reply(connectionId, 401, { type: 'error', code: 'unauthorized', message: 'connection is not authenticated', ...echo });
  const { action, jobId } = parsed.data;
  // When API Gateway took the message in: the connection's messages may run in any order, and
  // the store lets the one the client sent last win (connection-store.ts).
  const at = event.requestContext.requestTimeEpoch ?? Date.now();
  if (action === 'unsubscribe') {
    await connectionStore.unsubscribe(connectionId, jobId, at);
    return reply(connectionId, 200, { type: 'unsubscribed', jobId, ...echo });
  }
  const notFound = () => reply(connectionId, 404, { type: 'error', code: 'not_found', jobId, message: 'Job not found', ...echo });
  if (!(await tokenMayFollow(principal, jobId))) return notFound();
  // Subscribed before the job is read: a status published meanwhile is either fanned out to
  // this connection or already in what the read returns, so the final status cannot slip by.
  // The row is keyed by the principal's tenant, so another tenant's job id reaches nothing.
  if (!(await connectionStore.subscribe(connectionId, principal.tenantId, jobId, at))) {
    // The client sent an unsubscribe after this message, and it ran first: that one stands.
    return reply(connectionId, 409, { type: 'error', code: 'superseded', jobId, message: 'a later unsubscribe of this job from the same connection took effect', ...echo });
  }
  const job = await jobStore.get(principal.tenantId, jobId);
  if (!job) {
    await connectionStore.unsubscribe(connectionId, jobId, at);
    return notFound();
  }
  await send(connectionId, { type: 'subscribed', jobId, ...echo });
  await send(connectionId, statusMessage(job));
  return { statusCode: 200 };
}

export async function handle(event: WsEvent): Promise<WsResult> {
  const { routeKey, connectionId } = event.requestContext;
  switch (routeKey) {
    case '$connect':
      // The ws-authorizer has let the client in (API Gateway runs it first); nothing to store:
      // its principal comes with each message, and its first subscribe is its first row.
      return { statusCode: 200 };
    case '$disconnect':
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
