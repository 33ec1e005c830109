import { describe, expect, it } from 'vitest';
import {
  MAX_ATTEMPTS,
  MAX_RETRY_AFTER_MS,
  RETRY_SCHEDULE_SECONDS,
  classifyResponse,
  parseRetryAfter,
  planHop,
  planRetry,
  retryDelayMs,
} from '../../functions/core/webhooks/backoff.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('retryDelayMs', () => {
  it('follows ≈ 5 s, 5 m, 30 m, 2 h, 5 h, 10 h, 24 h, then gives up', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n))).toEqual([5e3, 300e3, 1800e3, 7200e3, 18000e3, 36000e3, 86400e3]);
    expect(retryDelayMs(8)).toBeUndefined();
    expect(MAX_ATTEMPTS).toBe(8);
    expect(RETRY_SCHEDULE_SECONDS.reduce((a, b) => a + b, 0)).toBeGreaterThan(24 * 3600);
  });

  it('scales the whole schedule for tests', () => {
    expect(retryDelayMs(1, 0.001)).toBe(5);
    expect(retryDelayMs(7, 0.0001)).toBe(8640);
  });

  it('rejects attempt numbers below 1', () => {
    expect(() => retryDelayMs(0)).toThrow(RangeError);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP-date relative to now, and a past date as 0', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:01:30 GMT', NOW)).toBe(90_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    for (const bad of [undefined, '', '1.5', '-3', 'soon', '12abc', 'Mon, 99 Foo 2026']) expect(parseRetryAfter(bad, NOW)).toBeUndefined();
  });
});

describe('classifyResponse', () => {
  it('2xx delivered, 410 gone, everything else (3xx, 4xx, 5xx, no answer) retries', () => {
    expect(classifyResponse(200)).toBe('delivered');
    expect(classifyResponse(204)).toBe('delivered');
    expect(classifyResponse(410)).toBe('gone');
    for (const s of [301, 302, 400, 404, 429, 500, 503, undefined]) expect(classifyResponse(s)).toBe('retry');
  });
});

describe('planRetry', () => {
  it('uses the schedule for a 500, ignoring any Retry-After', () => {
    expect(planRetry({ failedAttempt: 2, statusCode: 500, retryAfter: '1', now: NOW })).toEqual({ kind: 'retry', notBefore: NOW + 300_000, delayMs: 300_000 });
  });

  it('honours Retry-After on 429 and 503, capped at 24 h', () => {
    expect(planRetry({ failedAttempt: 1, statusCode: 429, retryAfter: '3600', now: NOW })).toMatchObject({ delayMs: 3_600_000 });
    expect(planRetry({ failedAttempt: 5, statusCode: 503, retryAfter: '2', now: NOW })).toMatchObject({ delayMs: 2000 });
    expect(planRetry({ failedAttempt: 1, statusCode: 429, retryAfter: String(7 * 24 * 3600), now: NOW })).toMatchObject({ delayMs: MAX_RETRY_AFTER_MS });
  });

  it('falls back to the schedule when a 429 has no usable Retry-After', () => {
    expect(planRetry({ failedAttempt: 1, statusCode: 429, now: NOW })).toMatchObject({ delayMs: 5000 });
  });

  it('is exhausted after the last attempt, whatever the answer', () => {
    expect(planRetry({ failedAttempt: MAX_ATTEMPTS, statusCode: 429, retryAfter: '1', now: NOW })).toEqual({ kind: 'exhausted' });
  });
});

describe('planHop', () => {
  it('sleeps a remainder of up to a second instead of another queue hop', () => {
    expect(planHop(NOW + 400, NOW)).toEqual({ kind: 'due', waitMs: 400 });
    expect(planHop(NOW - 50, NOW)).toEqual({ kind: 'due', waitMs: 0 });
  });

  it('never delays a message past its due time', () => {
    expect(planHop(NOW + 1500, NOW)).toEqual({ kind: 'requeue', delaySeconds: 1 });
    expect(planHop(NOW + 5000, NOW)).toEqual({ kind: 'requeue', delaySeconds: 5 });
  });

  it('carries a 24 h wait in 15-minute hops that end exactly at the due time', () => {
    const notBefore = NOW + 24 * 3600_000 + 123;
    let now = NOW;
    let hops = 0;
    for (;;) {
      const hop = planHop(notBefore, now);
      if (hop.kind === 'due') {
        now += hop.waitMs;
        break;
      }
      expect(hop.delaySeconds).toBeLessThanOrEqual(900);
      now += hop.delaySeconds * 1000;
      hops++;
    }
    expect(hops).toBe(96);
    expect(now).toBe(notBefore);
  });

  it('respects a smaller hop ceiling (the test knob) and rejects one under a second', () => {
    expect(planHop(NOW + 10_000, NOW, 1)).toEqual({ kind: 'requeue', delaySeconds: 1 });
    expect(() => planHop(NOW + 10_000, NOW, 0.5)).toThrow(RangeError);
  });
});

describe('backoff edges', () => {
  it('says what is wrong with a bad attempt number or hop limit', () => {
    expect(() => retryDelayMs(0)).toThrow(/attempt must be a positive integer, got 0/);
    expect(() => planHop(NOW + 5000, NOW, 0)).toThrow(/maxDelaySeconds must be at least 1, got 0/);
  });

  it('delivers on 2xx only: 199 and 300 retry', () => {
    expect(classifyResponse(199)).toBe('retry');
    expect(classifyResponse(200)).toBe('delivered');
    expect(classifyResponse(299)).toBe('delivered');
    expect(classifyResponse(300)).toBe('retry');
  });

  it('sleeps out a remainder of exactly one second rather than queueing it', () => {
    expect(planHop(NOW + 1000, NOW)).toEqual({ kind: 'due', waitMs: 1000 });
    expect(planHop(NOW + 1001, NOW)).toEqual({ kind: 'requeue', delaySeconds: 1 });
  });
});
