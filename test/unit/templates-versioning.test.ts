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

describe('parseIfMatch at its edges', () => {
  it('reads version 1, the first there is, and a tag with blanks around it', () => {
    expect(parseIfMatch('1')).toBe(1);
    expect(parseIfMatch('W/"1"')).toBe(1);
    expect(parseIfMatch(' "3" ')).toBe(3);
    expect(parseIfMatch('\t7\r\n')).toBe(7);
  });

  it('reads up to nine digits and refuses ten, or a tag with anything before or after it', () => {
    expect(parseIfMatch('"123456789"')).toBe(123_456_789);
    expect(parseIfMatch('"1234567890"')).toBeNull();
    expect(parseIfMatch('x"3"')).toBeNull();
    expect(parseIfMatch('"3"x')).toBeNull();
    expect(parseIfMatch('w/"3"')).toBeNull();
    expect(parseIfMatch('W/')).toBeNull();
    expect(parseIfMatch('""')).toBeNull();
    expect(parseIfMatch('"00"')).toBeNull();
    expect(parseIfMatch('"007"')).toBe(7);
  });
});

describe('planUpdate and missingVersions at their edges', () => {
  it('says which version the request named and which is current', () => {
    const plan = planUpdate(4, 3);
    expect(plan).toEqual({
      ok: false,
      current: 4,
      reason: 'If-Match names version 3, but the template is at version 4; fetch it and apply your change again',
    });
    expect(planUpdate(1, undefined)).toEqual({ ok: true, from: 1, next: 2 });
  });

  it('lists only versions from 1 to the current one, the missing ones in order', () => {
    expect(missingVersions(0, [])).toEqual([]);
    expect(missingVersions(4, [2, 4])).toEqual([1, 3]);
    expect(missingVersions(2, [1, 2, 3])).toEqual([]);
  });
});
