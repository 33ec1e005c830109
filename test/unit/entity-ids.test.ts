import { randomFillSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeTime, isValid } from 'ulid';
import { newAccountId, newContactId, pooledRandom } from '../../functions/adapters/entity-ids.ts';

describe('pooledRandom', () => {
  it('draws many fractions from one crypto fill, each in [0, 1)', () => {
    let fills = 0;
    const random = pooledRandom(4096, (words) => {
      fills++;
      randomFillSync(words);
    });
    const draws = Array.from({ length: 16 * 1000 }, random);
    // 16 characters for each of 1,000 ids: four fills of the pool, not 16,000 crypto calls.
    expect(fills).toBe(4);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    // uniform enough to pick ULID characters: every one of the 32 buckets is hit
    expect(new Set(draws.map((x) => Math.floor(x * 32))).size).toBe(32);
    expect(new Set(draws).size).toBeGreaterThan(draws.length * 0.99);
  });

  it('maps the largest word below 1', () => {
    const random = pooledRandom(1, (words) => words.fill(0xffffffff));
    expect(random()).toBeLessThan(1);
  });
});

describe('entity ids', () => {
  it('are prefixed ULIDs, unique and in creation order', () => {
    const before = Date.now();
    const ids = Array.from({ length: 5000 }, (_, i) => (i % 2 ? newContactId() : newAccountId()));
    const bare = ids.map((id) => id.slice(4));
    expect(ids.every((id, i) => id.startsWith(i % 2 ? 'con_' : 'acc_'))).toBe(true);
    expect(bare.every((u) => isValid(u))).toBe(true);
    expect(new Set(bare).size).toBe(ids.length);
    expect([...bare].sort()).toEqual(bare);
    expect(decodeTime(bare[0]!)).toBeGreaterThanOrEqual(before);
  });
});
