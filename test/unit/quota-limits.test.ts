import { describe, expect, it } from 'vitest';
import { DEFAULT_QUOTAS, resolveQuotas, secondsUntilNextUtcDay, sizeTier, utcDay } from '../../functions/core/quotas/limits.ts';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

describe('resolveQuotas', () => {
  it('gives the defaults, five jobs at once, 50 GiB a day and 500 GiB kept', () => {
    expect(resolveQuotas(undefined)).toEqual({ concurrentJobs: 5, uploadBytesPerDay: 50 * GIB, storedBytes: 500 * GIB });
    expect(resolveQuotas({})).toEqual(DEFAULT_QUOTAS);
  });

  it('takes an operator\'s positive whole overrides, and ignores any other', () => {
    expect(resolveQuotas({ concurrentJobs: 1, storedBytes: 10 })).toEqual({ ...DEFAULT_QUOTAS, concurrentJobs: 1, storedBytes: 10 });
    for (const bad of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '3']) {
      expect(resolveQuotas({ concurrentJobs: bad as number }).concurrentJobs, String(bad)).toBe(5);
    }
  });
});

describe('utcDay and secondsUntilNextUtcDay', () => {
  it('names the UTC day, and counts whole seconds to its end, at least one', () => {
    expect(utcDay(new Date('2026-12-07T23:59:59.999Z'))).toBe('2026-12-07');
    expect(secondsUntilNextUtcDay(new Date('2026-12-07T00:00:00.000Z'))).toBe(86_400);
    expect(secondsUntilNextUtcDay(new Date('2026-12-31T23:00:00.000Z'))).toBe(3600);
    expect(secondsUntilNextUtcDay(new Date('2026-12-07T23:59:58.500Z'))).toBe(2);
    expect(secondsUntilNextUtcDay(new Date('2026-12-07T23:59:59.999Z'))).toBe(1);
  });
});

describe('sizeTier', () => {
  it('puts files up to 10 MiB, 100 MiB and 1 GiB in tiers 0 to 2, and larger ones in 3', () => {
    expect([0, 10 * MIB, 10 * MIB + 1, 100 * MIB, 100 * MIB + 1, GIB, GIB + 1, 5 * GIB].map(sizeTier)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
});
