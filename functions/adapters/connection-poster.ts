import { setTimeout as sleep } from 'node:timers/promises';
import { connectionStore } from './connection-store.ts';
import { managementApi, type ManagementApi, type PostAnswer } from './management-api.ts';
import { ENV } from '../shared/env-names.ts';
import { optionalEnv } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { throttleBackoffMs } from '../core/jobs/progress-ticks.ts';

/** Posts in flight at once per call: enough to keep the @connections API busy, few enough not to be throttled at once. */
const POST_CONCURRENCY = 32;
/** Attempts of one post that API Gateway throttles (429), with backoff between them: about 5 s in all. */
const MAX_THROTTLED_ATTEMPTS = 6;
/**
 * How long a post may take and how many go at once, per client. A post normally answers in
 * milliseconds; one that hangs costs its subscriber the message, not everyone the fan-out
 * (3 s). A reply to the sender of a message may wait longer (the ws function has 10 s): it is
 * that client's own answer, and no one else waits on it. The timeout counts from the send,
 * waiting for a free socket included, so the replies' client does not cap its sockets: a
 * reply is bounded by the message it answers, and a container that takes a thousand
 * subscribes at once (one process serving them all) must not make the last ones time out
 * in its own queue.
 */
export interface Poster {
  timeoutMs: number;
  maxSockets: number;
}
const FANOUT: Poster = { timeoutMs: 3000, maxSockets: POST_CONCURRENCY };
export const REPLY: Poster = { timeoutMs: 8000, maxSockets: Infinity };
/**
 * A fan-out post to a connection whose last post timed out: it had its full chance, and a
 * job's next tick waits for this one (its queue group is ordered), so a stuck client must
 * not cost every other subscriber 3 s per status (seven statuses held the final one ~40 s
 * behind the job). A client that answers again is back on FANOUT with its next post.
 */
const STALLED_PROBE: Poster = { timeoutMs: 500, maxSockets: POST_CONCURRENCY };
/** How long a connection whose post timed out gets no progress (statuses are still tried, briefly: STALLED_PROBE). */
const STALLED_FOR_MS = 30_000;

/** Connections whose last post timed out, until when they are left out of progress. */
const stalledUntil = new Map<string, number>();

/** One management API client per poster (the fan-out's, the probe's and the replies'), each with its own timeout and sockets. */
const clients = new Map<Poster, ManagementApi | null>();
function managementClient(poster: Poster): ManagementApi | null {
  let api = clients.get(poster);
  if (api === undefined) {
    // Without a WebSocket API (e.g. a unit test) pushes are simply off.
    const endpoint = optionalEnv(ENV.wsManagementEndpoint);
    api = endpoint
      ? managementApi(endpoint, {
          requestTimeout: poster.timeoutMs,
          throwOnRequestTimeout: true,
          httpAgent: { keepAlive: true, maxSockets: poster.maxSockets },
          httpsAgent: { keepAlive: true, maxSockets: poster.maxSockets },
        })
      : null;
    clients.set(poster, api);
  }
  return api;
}

/** `timed-out`: no answer within the client's timeout (the client may or may not have the message). */
export type PostOutcome = 'sent' | 'gone' | 'failed' | 'timed-out';

/** 429: API Gateway throttled the post (LimitExceededException); worth another try after a pause. */
const isThrottled = (answer: PostAnswer) => answer.statusCode === 429 || answer.errorType === 'LimitExceededException';

/**
 * Post one message to one connection: a gone connection (410) is forgotten with its
 * subscriptions, a throttled post (429) is retried with backoff, anything else is logged
 * and given up (a push is best effort). Never throws.
 */
export async function postToConnection(connectionId: string, data: Uint8Array, poster: Poster = FANOUT): Promise<PostOutcome> {
  const stalled = poster === FANOUT && (stalledUntil.get(connectionId) ?? 0) > Date.now();
  const api = managementClient(stalled ? STALLED_PROBE : poster);
  if (!api) return 'failed';
  for (let attempt = 1; ; attempt++) {
    let answer: PostAnswer;
    try {
      answer = await api.post(connectionId, data);
    } catch (err) {
      const timedOut = (err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError';
      if (timedOut) {
        if (stalledUntil.size > 10_000) stalledUntil.clear();
        stalledUntil.set(connectionId, Date.now() + STALLED_FOR_MS);
      }
      logger.warn('push to connection failed', { connectionId, attempt, error: String(err) });
      return timedOut ? 'timed-out' : 'failed';
    }
    if (answer.statusCode < 300) {
      stalledUntil.delete(connectionId);
      return 'sent';
    }
    if (answer.statusCode === 410) {
      await connectionStore.removeConnection(connectionId).catch((e: unknown) => logger.warn('gone connection not removed', { connectionId, error: String(e) }));
      return 'gone';
    }
    if (isThrottled(answer) && attempt < MAX_THROTTLED_ATTEMPTS) {
      await sleep(throttleBackoffMs(attempt));
      continue;
    }
    logger.warn('push to connection failed', { connectionId, attempt, ...answer });
    return 'failed';
  }
}

/**
 * Post one message to many connections, `POST_CONCURRENCY` at a time; what became of each.
 * `skipStalled`: leave out the connections whose post timed out lately (for progress, which
 * the next tick repeats; a status is always tried). `retryTimedOut`: a post that timed out is
 * tried once more after everyone else had theirs (for a status, which nothing repeats: a
 * busy moment must not cost a subscriber the job's final status; a client that got the
 * first post late may hear the same status twice, which says nothing new).
 */
export async function postToConnections(
  connectionIds: readonly string[],
  message: object,
  opts: { skipStalled?: boolean; retryTimedOut?: boolean } = {},
): Promise<PostOutcome[]> {
  const data = Buffer.from(JSON.stringify(message));
  const outcomes: PostOutcome[] = new Array<PostOutcome>(connectionIds.length);
  const now = Date.now();
  const postAll = async (indices: readonly number[]) => {
    let next = 0;
    const worker = async () => {
      while (next < indices.length) {
        const i = indices[next++]!;
        const id = connectionIds[i]!;
        outcomes[i] = opts.skipStalled && (stalledUntil.get(id) ?? 0) > now ? 'failed' : await postToConnection(id, data);
      }
    };
    await Promise.all(Array.from({ length: Math.min(POST_CONCURRENCY, indices.length) }, worker));
  };
  await postAll(connectionIds.map((_, i) => i));
  if (opts.retryTimedOut) await postAll(outcomes.flatMap((o, i) => (o === 'timed-out' ? [i] : [])));
  return outcomes;
}
