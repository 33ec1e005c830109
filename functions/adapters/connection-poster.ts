import { setTimeout as sleep } from 'node:timers/promises';
import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { connectionStore } from './connection-store.ts';
import { withoutSdkCallLogging } from './aws-clients.ts';
import { ENV } from '../shared/env-names.ts';
import { optionalEnv } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { throttleBackoffMs } from '../core/jobs/progress-ticks.ts';

/** Posts in flight at once per call: enough to keep the @connections API busy, few enough not to be throttled at once. */
const POST_CONCURRENCY = 32;
/** Attempts of one post that API Gateway throttles (429), with backoff between them: about 5 s in all. */
const MAX_THROTTLED_ATTEMPTS = 6;
/**
 * A post normally answers in milliseconds; one that hangs costs its subscriber the message,
 * not everyone the fan-out. A reply to the sender of a message may wait longer (the ws
 * function has 10 s): it is that client's own answer, and no one else waits on it.
 */
const FANOUT_POST_TIMEOUT_MS = 3000;
export const REPLY_TIMEOUT_MS = 8000;
/** How long a connection whose post timed out gets no progress (statuses are still tried). */
const STALLED_FOR_MS = 30_000;

/** Connections whose last post timed out, until when they are left out of progress. */
const stalledUntil = new Map<string, number>();

let client: ApiGatewayManagementApiClient | undefined | null;
function managementClient(): ApiGatewayManagementApiClient | null {
  if (client === undefined) {
    // Without a WebSocket API (e.g. a unit test) pushes are simply off.
    const endpoint = optionalEnv(ENV.wsManagementEndpoint);
    // A crowd costs thousands of posts: the SDK's per-call log copy is worth removing here too.
    client = endpoint
      ? withoutSdkCallLogging(new ApiGatewayManagementApiClient({
          endpoint,
          // Throttling is retried below, on our schedule; the SDK's own retries would hide it.
          maxAttempts: 1,
          // Each post is bounded by its own abort signal (postToConnection), not a client-wide timeout.
          requestHandler: {
            httpAgent: { keepAlive: true, maxSockets: POST_CONCURRENCY },
            httpsAgent: { keepAlive: true, maxSockets: POST_CONCURRENCY },
          },
        }))
      : null;
  }
  return client;
}

export type PostOutcome = 'sent' | 'gone' | 'failed';

const isThrottled = (err: unknown) =>
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 429 ||
  ['LimitExceededException', 'TooManyRequestsException', 'ThrottlingException'].includes((err as Error).name);

/**
 * Post one message to one connection: a gone connection (410) is forgotten with its
 * subscriptions, a throttled post (429) is retried with backoff, anything else is logged
 * and given up (a push is best effort). Never throws.
 */
export async function postToConnection(connectionId: string, data: Uint8Array, timeoutMs = FANOUT_POST_TIMEOUT_MS): Promise<PostOutcome> {
  const api = managementClient();
  if (!api) return 'failed';
  for (let attempt = 1; ; attempt++) {
    try {
      await api.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }), { abortSignal: AbortSignal.timeout(timeoutMs) });
      stalledUntil.delete(connectionId);
      return 'sent';
    } catch (err) {
      if (err instanceof GoneException) {
        await connectionStore.removeConnection(connectionId).catch((e: unknown) => logger.warn('gone connection not removed', { connectionId, error: String(e) }));
        return 'gone';
      }
      if (isThrottled(err) && attempt < MAX_THROTTLED_ATTEMPTS) {
        await sleep(throttleBackoffMs(attempt));
        continue;
      }
      if ((err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError') {
        if (stalledUntil.size > 10_000) stalledUntil.clear();
        stalledUntil.set(connectionId, Date.now() + STALLED_FOR_MS);
      }
      logger.warn('push to connection failed', { connectionId, attempt, error: String(err) });
      return 'failed';
    }
  }
}

/**
 * Post one message to many connections, `POST_CONCURRENCY` at a time; what became of each.
 * `skipStalled`: leave out the connections whose post timed out lately (for progress, which
 * the next tick repeats; a status is always tried).
 */
export async function postToConnections(connectionIds: readonly string[], message: object, opts: { skipStalled?: boolean } = {}): Promise<PostOutcome[]> {
  const data = Buffer.from(JSON.stringify(message));
  const outcomes: PostOutcome[] = new Array<PostOutcome>(connectionIds.length);
  const now = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < connectionIds.length) {
      const i = next++;
      const id = connectionIds[i]!;
      outcomes[i] = opts.skipStalled && (stalledUntil.get(id) ?? 0) > now ? 'failed' : await postToConnection(id, data);
    }
  };
  await Promise.all(Array.from({ length: Math.min(POST_CONCURRENCY, connectionIds.length) }, worker));
  return outcomes;
}
