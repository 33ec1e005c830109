import { describe, expect, it } from 'vitest';
import { etagFor, missingVersions, parseIfMatch, planUpdate } from '../../functions/core/templates/versioning.ts';

describe('parseIfMatch', () => {
  it('reads a version from the forms clients send', () => {
    expect(parseIfMatch('3')).toBe(3);
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch(etagFor(7))).toBe(7);
  });

  it('treats absent and * as no precondition, and anything else as a bad request', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
    expect(parseIfMatch('  ')).toBeUndefined();
    expect(parseIfMatch('"0"')).toBeNull();
    expect(parseIfMatch('"3", "4"')).toBeNull();
    expect(parseIfMatch('latest')).toBeNull();
    expect(parseIfMatch('-1')).toBeNull();
  });
});

describe('planUpdate', () => {
  it('writes the next version from the current one', () => {
    expect(planUpdate(4, 4)).toEqual({ ok: true, from: 4, next: 5 });
    expect(planUpdate(4, undefined)).toEqual({ ok: true, from: 4, next: 5 });
  });

  it('refuses an update made from another version, saying which is current', () => {
    const plan = planUpdate(4, 3);
    expect(plan).toMatchObject({ ok: false, current: 4 });
    expect(plan.ok ? '' : plan.reason).toContain('version 4');
    expect(planUpdate(4, 5).ok).toBe(false);
  });
});

describe('missingVersions', () => {
  it('lists the versions without a stored item', () => {
    expect(missingVersions(3, [1, 2, 3])).toEqual([]);
    expect(missingVersions(3, [1, 2])).toEqual([3]);
    expect(missingVersions(1, [])).toEqual([1]);
  });
});
