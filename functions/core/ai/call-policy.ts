/**
 * How the service calls Claude: a token bucket bounds the request rate per process, and
 * failed calls are retried with exponential backoff and jitter, only when retrying can
 * help. Pure (the clock and the randomness are passed in), so the rules are unit-tested.
 */

export class TokenBucket {
  private tokens: number;
  private last: number;

  /** `capacity` requests at once, refilled at `perSecond`. */
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /**
   * Take a token: 0 when one was free, else the milliseconds to wait before the call (the
   * token is reserved, so concurrent callers queue up rather than all waking at once).
   */
  take(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.perSecond) * 1000);
  }
}

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseMs: 250, maxMs: 4000 };

/**
 * Whether a failed call is worth another try: rate limited (429), overloaded (529), a
 * server error (5xx), a request timeout (408) or no HTTP answer at all (connection reset).
 * A timeout of our own is not retried: a hanging API would only hang again, and the
 * mapping must not wait for it.
 */
export function isRetryable(failure: { status?: number; timedOut?: boolean }): boolean {
  if (failure.timedOut === true) return false;
  if (failure.status === undefined) return true;
  return failure.status === 408 || failure.status === 429 || failure.status >= 500;
}

/**
 * Delay before retry number `retry` (1-based): base x 2^(retry-1), with full jitter, at most
 * maxMs; a server's Retry-After (seconds) is honoured when it asks for longer, still capped.
 */
export function backoffMs(retry: number, policy: RetryPolicy, random: number, retryAfterSeconds?: number): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** (retry - 1));
  const jittered = Math.round(exp / 2 + (exp / 2) * random);
  // Stryker disable next-line ConditionalExpression: Number.isFinite(undefined) is false too; the undefined test narrows the type
  const asked = retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) ? retryAfterSeconds * 1000 : 0;
  return Math.min(policy.maxMs, Math.max(jittered, asked));
}
