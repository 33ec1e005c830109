import { describe, expect, it } from 'vitest';
import { admit, circuitView, cooldownMs, DEFAULT_COOLDOWN_MS, MAX_COOLDOWN_MS } from '../../functions/core/circuit-breaker.ts';

describe('webhook endpoint circuit', () => {
  const now = 1_000_000;

  it('lets attempts through while closed, whatever the failures so far', () => {
    expect(admit({}, now)).toEqual({ kind: 'send' });
    expect(admit({ cbFailures: 4 }, now)).toEqual({ kind: 'send' });
  });

  it('makes attempts wait while open, until the cooldown ends', () => {
    expect(admit({ cbFailures: 5, cbOpenUntil: now + 1 }, now)).toEqual({ kind: 'wait', until: now + 1 });
  });

  it('half-open: one probe; while it runs the others wait for its lease', () => {
    expect(admit({ cbOpenUntil: now }, now)).toEqual({ kind: 'probe' });
    expect(admit({ cbOpenUntil: now - 10, cbProbeUntil: now + 500 }, now)).toEqual({ kind: 'wait', until: now + 500 });
    expect(admit({ cbOpenUntil: now - 10, cbProbeUntil: now }, now)).toEqual({ kind: 'probe' });
  });

  it('doubles the cooldown each time it opens in a row, up to an hour', () => {
    expect(cooldownMs(1)).toBe(DEFAULT_COOLDOWN_MS);
    expect(cooldownMs(2)).toBe(2 * DEFAULT_COOLDOWN_MS);
    expect(cooldownMs(3, 1000)).toBe(4000);
    expect(cooldownMs(40)).toBe(MAX_COOLDOWN_MS);
    expect(cooldownMs(0)).toBe(DEFAULT_COOLDOWN_MS);
  });

  it('shows closed, open and half-open', () => {
    expect(circuitView({}, now)).toEqual({ state: 'closed', consecutiveFailures: 0, openUntil: null });
    expect(circuitView({ cbFailures: 5, cbOpenUntil: now + 1 }, now)).toMatchObject({ state: 'open', consecutiveFailures: 5, openUntil: new Date(now + 1).toISOString() });
    expect(circuitView({ cbFailures: 5, cbOpenUntil: now }, now).state).toBe('half_open');
  });
});
