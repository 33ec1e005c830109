import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_RETRY, isRetryable, TokenBucket } from '../../functions/core/ai/call-policy.ts';

describe('TokenBucket', () => {
  it('allows a burst, then spaces calls at the refill rate', () => {
    const b = new TokenBucket(2, 4, 0);
    expect(b.take(0)).toBe(0);
    expect(b.take(0)).toBe(0);
    expect(b.take(0)).toBe(250);
    expect(b.take(0)).toBe(500); // queued behind the previous reservation
    expect(b.take(1000)).toBe(0); // refilled
  });

  it('never holds more than its capacity', () => {
    const b = new TokenBucket(1, 1, 0);
    expect(b.take(60_000)).toBe(0);
    expect(b.take(60_000)).toBe(1000);
  });
});

describe('isRetryable', () => {
  it('retries rate limits, overload, server errors and lost connections, not client errors or our own timeout', () => {
    for (const status of [408, 429, 500, 502, 529]) expect(isRetryable({ status })).toBe(true);
    expect(isRetryable({})).toBe(true);
    for (const status of [400, 401, 403, 404, 413]) expect(isRetryable({ status })).toBe(false);
    expect(isRetryable({ timedOut: true })).toBe(false);
  });
});

describe('backoffMs', () => {
  it('grows exponentially with jitter and stays under the cap', () => {
    expect(backoffMs(1, DEFAULT_RETRY, 0)).toBe(125);
    expect(backoffMs(1, DEFAULT_RETRY, 1)).toBe(250);
    expect(backoffMs(2, DEFAULT_RETRY, 1)).toBe(500);
    expect(backoffMs(10, DEFAULT_RETRY, 1)).toBe(DEFAULT_RETRY.maxMs);
  });

  it('honours Retry-After up to the cap', () => {
    expect(backoffMs(1, DEFAULT_RETRY, 0, 2)).toBe(2000);
    expect(backoffMs(1, DEFAULT_RETRY, 0, 60)).toBe(DEFAULT_RETRY.maxMs);
  });
});
