import { setTimeout as sleep } from 'node:timers/promises';
import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { connectionStore } from './connection-store.ts';
import { ENV } from '../shared/env-names.ts';
import { optionalEnv } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { throttleBackoffMs } from '../core/jobs/progress-ticks.ts';

/** Posts in flight at once per call: enough to keep the @connections API busy, few enough not to be throttled at once. */
const POST_CONCURRENCY = 32;
/** Attempts of one post that API Gateway throttles (429), with backoff between them: about 5 s in all. */
const MAX_THROTTLED_ATTEMPTS = 6;
/** A post normally answers in milliseconds; one that hangs costs its subscriber the message, not everyone the fan-out. */
const POST_TIMEOUT_MS = 1000;

let client: ApiGatewayManagementApiClient | undefined | null;
function managementClient(): ApiGatewayManagementApiClient | null {
  if (client === undefined) {
    // Without a WebSocket API (e.g. a unit test) pushes are simply off.
    const endpoint = optionalEnv(ENV.wsManagementEndpoint);
    client = endpoint
      ? new ApiGatewayManagementApiClient({
          endpoint,
          // Throttling is retried below, on our schedule; the SDK's own retries would hide it.
          maxAttempts: 1,
          requestHandler: {
            requestTimeout: POST_TIMEOUT_MS,
            // without it the handler only logs a warning and the post waits on
            throwOnRequestTimeout: true,
            httpAgent: { keepAlive: true, maxSockets: POST_CONCURRENCY },
            httpsAgent: { keepAlive: true, maxSockets: POST_CONCURRENCY },
          },
        })
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
export async function postToConnection(connectionId: string, data: Uint8Array): Promise<PostOutcome> {
  const api = managementClient();
  if (!api) return 'failed';
  for (let attempt = 1; ; attempt++) {
    try {
      await api.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
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
      logger.warn('push to connection failed', { connectionId, attempt, error: String(err) });
      return 'failed';
    }
  }
}

/** Post one message to many connections, `POST_CONCURRENCY` at a time; what became of each. */
export async function postToConnections(connectionIds: readonly string[], message: object): Promise<PostOutcome[]> {
  const data = Buffer.from(JSON.stringify(message));
  const outcomes: PostOutcome[] = new Array<PostOutcome>(connectionIds.length);
  let next = 0;
  const worker = async () => {
    while (next < connectionIds.length) {
      const i = next++;
      outcomes[i] = await postToConnection(connectionIds[i]!, data);
    }
  };
  await Promise.all(Array.from({ length: Math.min(POST_CONCURRENCY, connectionIds.length) }, worker));
  return outcomes;
}
