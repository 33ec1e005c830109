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

describe('call policy at its bounds', () => {
  it('waits for the fraction of a token still missing, rounded up to a whole millisecond', () => {
    const b = new TokenBucket(1, 2, 0);
    expect(b.take(0)).toBe(0);
    expect(b.take(250)).toBe(250); // half a token back after 250 ms at 2 a second
    const c = new TokenBucket(1, 3, 0);
    expect(c.take(0)).toBe(0);
    expect(c.take(0)).toBe(334);
  });

  it('retries from 500 up and the two client statuses that say "try again", not their neighbours', () => {
    for (const status of [407, 409, 428, 430, 499]) expect(isRetryable({ status })).toBe(false);
    expect(isRetryable({ status: 500, timedOut: false })).toBe(true);
    expect(isRetryable({ timedOut: false })).toBe(true);
    expect(isRetryable({ status: 503, timedOut: true })).toBe(false);
  });

  it('jitters between half and all of the exponential delay, capped before the jitter', () => {
    expect(backoffMs(1, DEFAULT_RETRY, 0.5)).toBe(188);
    expect(backoffMs(3, DEFAULT_RETRY, 1)).toBe(1000);
    expect(backoffMs(10, DEFAULT_RETRY, 0)).toBe(DEFAULT_RETRY.maxMs / 2);
    expect(backoffMs(2, { attempts: 3, baseMs: 100, maxMs: 10_000 }, 0)).toBe(100);
  });

  it('ignores a Retry-After that is not a number, or asks for less than the backoff', () => {
    expect(backoffMs(1, DEFAULT_RETRY, 0, Number.NaN)).toBe(125);
    expect(backoffMs(1, DEFAULT_RETRY, 0, Number.POSITIVE_INFINITY)).toBe(125);
    expect(backoffMs(1, DEFAULT_RETRY, 1, 0.1)).toBe(250);
    expect(backoffMs(1, DEFAULT_RETRY, 0, 0.2)).toBe(200);
  });
});
