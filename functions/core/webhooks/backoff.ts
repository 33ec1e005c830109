/**
 * When a failed delivery is tried again. Attempt 1 is immediate; after attempt n fails, the
 * next waits RETRY_SCHEDULE_SECONDS[n - 1]: ≈ 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 24 h, so an
 * endpoint that is down for a day still gets the event (the last try is ~42 h after the first).
 */
export const RETRY_SCHEDULE_SECONDS: readonly number[] = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 24 * 3600];
/** Automatic attempts in all: the first plus one per schedule step. */
export const MAX_ATTEMPTS = RETRY_SCHEDULE_SECONDS.length + 1;
/** SQS's per-message DelaySeconds ceiling; longer waits take several hops. */
export const SQS_MAX_DELAY_SECONDS = 900;
/** A receiver's Retry-After is honoured up to the longest step of our own schedule. */
export const MAX_RETRY_AFTER_MS = 24 * 3600 * 1000;
/** Below this a wait is slept in the handler instead of paying another queue hop. */
const SLEEP_THRESHOLD_MS = 1000;

/**
 * Milliseconds to wait after automatic attempt `failedAttempt` failed, or undefined when it
 * was the last one. `scale` shrinks the whole schedule (integration tests see eight attempts
 * in seconds); production runs with 1.
 */
export function retryDelayMs(failedAttempt: number, scale = 1): number | undefined {
  if (!Number.isInteger(failedAttempt) || failedAttempt < 1) throw new RangeError(`attempt must be a positive integer, got ${failedAttempt}`);
  const seconds = RETRY_SCHEDULE_SECONDS[failedAttempt - 1];
  return seconds === undefined ? undefined : Math.round(seconds * 1000 * scale);
}

/**
 * Parse a `Retry-After` header (RFC 9110: delta-seconds or an HTTP-date) into milliseconds
 * from `now`. Undefined when absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, an empty header matches neither the digits nor the letters test below
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only the IMF-fixdate / RFC 850 / asctime forms carry letters; "1.5" or "-3" are invalid.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** What an HTTP answer means for a delivery. */
export type ResponseClass = 'delivered' | 'gone' | 'retry';

/** 2xx delivered; 410 Gone means the endpoint is retired (disable it); anything else (3xx too: redirects are not followed) retries. */
export function classifyResponse(statusCode: number | undefined): ResponseClass {
  // Stryker disable next-line ConditionalExpression: equivalent for false, undefined fails every comparison below and falls through to 'retry'
  if (statusCode === undefined) return 'retry';
  if (statusCode >= 200 && statusCode < 300) return 'delivered';
  if (statusCode === 410) return 'gone';
  return 'retry';
}

export type RetryPlan = { kind: 'retry'; notBefore: number; delayMs: number } | { kind: 'exhausted' };

/**
 * After automatic attempt `failedAttempt` failed: when to try again, or give up. A 429 or 503
 * with a readable Retry-After waits exactly that long (capped at 24 h) instead of the schedule.
 */
export function planRetry(input: { failedAttempt: number; statusCode?: number; retryAfter?: string; now: number; scale?: number }): RetryPlan {
  const scheduled = retryDelayMs(input.failedAttempt, input.scale);
  if (scheduled === undefined) return { kind: 'exhausted' };
  let delayMs = scheduled;
  if (input.statusCode === 429 || input.statusCode === 503) {
    const asked = parseRetryAfter(input.retryAfter, input.now);
    if (asked !== undefined) delayMs = Math.min(asked, MAX_RETRY_AFTER_MS);
  }
  return { kind: 'retry', notBefore: input.now + delayMs, delayMs };
}

export type Hop = { kind: 'due'; waitMs: number } | { kind: 'requeue'; delaySeconds: number };

/**
 * Carry a wait until `notBefore` through SQS, whose delay tops out at 15 minutes: a message
 * that is not yet due goes back on the queue with the longest delay that does not overshoot,
 * and so on until the remainder is under a second, which the handler sleeps. Used both when
 * a retry is queued and whenever its message arrives.
 */
export function planHop(notBefore: number, now: number, maxDelaySeconds = SQS_MAX_DELAY_SECONDS): Hop {
  if (!(maxDelaySeconds >= 1)) throw new RangeError(`maxDelaySeconds must be at least 1, got ${maxDelaySeconds}`);
  const remaining = notBefore - now;
  if (remaining <= SLEEP_THRESHOLD_MS) return { kind: 'due', waitMs: Math.max(0, remaining) };
  return { kind: 'requeue', delaySeconds: Math.min(Math.floor(maxDelaySeconds), Math.floor(remaining / 1000)) };
}
