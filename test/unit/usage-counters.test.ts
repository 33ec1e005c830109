import { describe, expect, it } from 'vitest';
import { daysBetween, sumUsage, usageOf, USAGE_COUNTERS, zeroUsage } from '../../functions/core/usage/usage.ts';

// What a tenant's usage report adds up: the counters of each stored UTC day.

describe('usage counters', () => {
  it('meters files, bytes, rows, AI calls and tokens, and webhook deliveries', () => {
    expect(USAGE_COUNTERS).toEqual([
      'files', 'bytesUploaded', 'rowsProcessed', 'rowsRejected', 'aiCalls', 'aiInputTokens', 'aiOutputTokens', 'webhookDeliveries', 'webhookDeliveriesFailed',
    ]);
    expect(zeroUsage()).toEqual(Object.fromEntries(USAGE_COUNTERS.map((c) => [c, 0])));
    // a new object each time: a sum never writes into another's zeros
    expect(zeroUsage()).not.toBe(zeroUsage());
  });

  it('reads a stored day, zeros for what it lacks or holds as something other than a number', () => {
    expect(usageOf(undefined)).toEqual(zeroUsage());
    expect(usageOf({ files: 2, bytesUploaded: '9', aiCalls: 0, pk: 'TENANT#t', webhookDeliveriesFailed: 1 })).toEqual({ ...zeroUsage(), files: 2, webhookDeliveriesFailed: 1 });
  });

  it('adds days up counter by counter', () => {
    const a = { ...zeroUsage(), files: 1, rowsProcessed: 10 };
    const b = { ...zeroUsage(), files: 2, rowsRejected: 3 };
    expect(sumUsage([a, b])).toEqual({ ...zeroUsage(), files: 3, rowsProcessed: 10, rowsRejected: 3 });
    expect(sumUsage([])).toEqual(zeroUsage());
  });
});

describe('daysBetween', () => {
  it('lists every UTC day from the first to the last, both included', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysBetween('2026-12-07', '2026-12-07')).toEqual(['2026-12-07']);
    expect(daysBetween('2026-12-08', '2026-12-07')).toEqual([]);
  });
});
