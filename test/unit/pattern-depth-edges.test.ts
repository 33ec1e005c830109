import { describe, expect, it } from 'vitest';
import { constrainedDepth } from '../../functions/core/enrich/pattern-depth.ts';

/*
 * The edges of constrainedDepth: each quantifier's bounds, each class range's ends, the known
 * leading digits of `startsWith`, and every syntax it must refuse. A depth one too small memoises
 * two numbers with different verdicts together (a wrong region or type); one too large only
 * costs memo entries, and Infinity turns the memo off. The last test checks the first claim
 * against the regular expressions themselves, number by number.
 */

describe('constrainedDepth: quantifiers', () => {
  it.each([
    // {n}: exactly n copies; the constrained digit after them is at n + 2
    ['1\\d{2}5\\d{6}', 10, 4],
    ['1\\d{0}5\\d{8}', 10, 2],
    // {n,m}: the deepest constrained position on a path of the right length
    ['\\d{2,4}7\\d{3,5}', 10, 5],
    ['\\d{1,2}7\\d{7}', 10, 3],
    // a bound of two digits
    ['1\\d{9,10}', 10, 1],
    ['\\d{10,12}', 11, 0],
    ['\\d{0,10}7', 10, 10],
    // ? is {0,1}: both the path with and without it
    ['12?\\d{8,9}', 10, 2],
    ['1\\d?2\\d{7}', 10, 3],
    // a quantified group repeats its alternatives
    ['(?:12){2}\\d{6}', 10, 4],
    ['(?:1|23){1,2}\\d{6}', 10, 4],
    ['(?:\\d{2}){2}7\\d{5}', 10, 5],
    // a plain (capturing) group is a group too
    ['(12|3)\\d{8}', 10, 2],
    ['(1)?2\\d{9}', 10, 1],
  ])('%s at length %i looks at %i digits', (pattern, length, depth) => {
    expect(constrainedDepth(pattern, length)).toBe(depth);
  });

  it('gives 0 when no path of the pattern is as long as the number, and counts only those that are', () => {
    expect(constrainedDepth('3\\d{6}', 10)).toBe(0);
    expect(constrainedDepth('\\d{11}', 10)).toBe(0);
    expect(constrainedDepth('12\\d{8}|345', 10)).toBe(2);
    expect(constrainedDepth('12\\d{8}|3\\d{5}7\\d{4}', 10)).toBe(2);
  });

  it('counts a prefix pattern wherever it stops, shorter than the number or not, but not past it', () => {
    expect(constrainedDepth('12\\d{8}|345', 10, { prefix: true })).toBe(3);
    expect(constrainedDepth('1\\d{12}5', 10, { prefix: true })).toBe(0);
    expect(constrainedDepth('1\\d{8}5|2', 10, { prefix: true })).toBe(10);
    expect(constrainedDepth('1\\d{9}5|2', 10, { prefix: true })).toBe(1);
    expect(constrainedDepth('', 10, { prefix: true })).toBe(0);
  });
});

describe('constrainedDepth: classes', () => {
  it('reads a class of single digits and of ranges, including 0 and 9 at either end', () => {
    expect(constrainedDepth('[0]\\d{9}', 10)).toBe(1);
    expect(constrainedDepth('[9]\\d{9}', 10)).toBe(1);
    expect(constrainedDepth('[5-5]\\d{9}', 10)).toBe(1);
    expect(constrainedDepth('\\d[0-9]\\d{8}', 10)).toBe(2);
  });

  it('refuses what is no class of digits', () => {
    for (const pattern of ['[/]\\d{9}', '[:]\\d{9}', '[a]\\d{9}', '[9-2]\\d{9}', '[2-]\\d{9}', '[2-:]\\d{9}', '[12\\d{9}']) {
      expect(constrainedDepth(pattern, 10), pattern).toBe(Infinity);
    }
  });
});

describe('constrainedDepth: known leading digits', () => {
  it('drops the paths that do not start with them, and counts their positions as known', () => {
    // the 1 path is dropped; the 2 path constrains its second digit
    expect(constrainedDepth('1\\d{5}7\\d{3}|2[0-5]\\d{8}', 10, { startsWith: '2' })).toBe(2);
    expect(constrainedDepth('1\\d{5}7\\d{3}|2[0-5]\\d{8}', 10, { startsWith: '1' })).toBe(7);
    // no path starts with them: the known digits are all it looks at
    expect(constrainedDepth('1\\d{5}7\\d{3}|2[0-5]\\d{8}', 10, { startsWith: '9' })).toBe(1);
    // all free after them: still the known digits
    expect(constrainedDepth('\\d{10}', 10, { startsWith: '1234' })).toBe(4);
    expect(constrainedDepth('12\\d{8}', 10, { startsWith: '123' })).toBe(3);
  });

  it('tests a known digit against the class at its position, both ends of each range included', () => {
    const deep = (first: string) => `${first}\\d{5}7\\d{3}|5\\d{9}`;
    // a path whose class rejects the known 5 is dropped; one that accepts it reaches position 7
    expect(constrainedDepth(deep('[2-46-9]'), 10, { startsWith: '5' })).toBe(1);
    expect(constrainedDepth(deep('[2-5]'), 10, { startsWith: '5' })).toBe(7);
    expect(constrainedDepth(deep('[5-8]'), 10, { startsWith: '5' })).toBe(7);
    expect(constrainedDepth(deep('[0-4]'), 10, { startsWith: '5' })).toBe(1);
    expect(constrainedDepth(deep('[6-9]'), 10, { startsWith: '5' })).toBe(1);
    expect(constrainedDepth(deep('[135]'), 10, { startsWith: '5' })).toBe(7);
    expect(constrainedDepth(deep('[134]'), 10, { startsWith: '5' })).toBe(1);
    expect(constrainedDepth(deep('4'), 10, { startsWith: '5' })).toBe(1);
    expect(constrainedDepth(deep('\\d'), 10, { startsWith: '5' })).toBe(7);
    expect(constrainedDepth('9[0-8]\\d{4}7\\d{3}', 10, { startsWith: '99' })).toBe(2);
    expect(constrainedDepth('9[0-9]\\d{4}7\\d{3}', 10, { startsWith: '99' })).toBe(7);
  });

  it('goes on past known digits into a group and a quantifier', () => {
    expect(constrainedDepth('(?:1|2)(?:3|4)\\d{8}', 10, { startsWith: '1' })).toBe(2);
    expect(constrainedDepth('1{2}3\\d{7}', 10, { startsWith: '11' })).toBe(3);
    expect(constrainedDepth('1{2}3\\d{7}', 10, { startsWith: '12' })).toBe(2);
  });
});

describe('constrainedDepth: syntax it does not know', () => {
  it.each(['\\d+', '\\d*', '(\\d', '(?:12', '12)', '\\d)|3', 'a\\d', '\\w\\d{9}', '.\\d{9}', '.d\\d{8}', '\\d{2,}', '[12', '[12\\d{9}'])('gives up on %j', (pattern) => {
    expect(constrainedDepth(pattern, 10)).toBe(Infinity);
  });
});

/** A small random pattern in the metadata's syntax, from a seeded generator. */
function randomPattern(next: () => number, depth = 0): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(next() * 3);
  for (let k = 0; k < n; k++) {
    const r = next();
    let atom: string;
    if (r < 0.3) atom = String(Math.floor(next() * 10));
    else if (r < 0.55) atom = '\\d';
    else if (r < 0.8 || depth >= 2) {
      const a = Math.floor(next() * 10);
      const b = a + Math.floor(next() * (10 - a));
      atom = a === b ? `[${a}]` : `[${a}-${b}]`;
    } else atom = `(?:${randomPattern(next, depth + 1)}|${randomPattern(next, depth + 1)})`;
    const q = next();
    if (q < 0.15) atom += '?';
    else if (q < 0.3) atom += `{${Math.floor(next() * 3)}}`;
    else if (q < 0.4) atom += `{1,${1 + Math.floor(next() * 2)}}`;
    parts.push(atom);
  }
  return parts.join('');
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

describe('constrainedDepth against the patterns themselves', () => {
  it('gives a depth past which no digit changes whether a number matches', () => {
    const next = seeded(20261207);
    let checked = 0;
    for (let t = 0; t < 150; t++) {
      const pattern = randomPattern(next);
      const length = 3 + (t % 2);
      const prefix = t % 3 === 0;
      const startsWith = t % 4 === 1 ? String(Math.floor(next() * 10)) : '';
      const depth = constrainedDepth(pattern, length, { prefix, ...(startsWith !== '' ? { startsWith } : {}) });
      expect(depth, pattern).toBeLessThanOrEqual(length);
      const re = new RegExp(prefix ? `^(?:${pattern})` : `^(?:${pattern})$`);
      // the verdict of every number of the length, by its first `depth` digits
      const verdict = new Map<string, boolean>();
      for (let v = 0; v < 10 ** length; v++) {
        const number = String(v).padStart(length, '0');
        if (!number.startsWith(startsWith)) continue;
        const key = number.slice(0, depth);
        const matches = re.test(number);
        const seen = verdict.get(key);
        if (seen === undefined) verdict.set(key, matches);
        else if (seen !== matches) expect.fail(`${pattern} (length ${length}, prefix ${prefix}, starts ${startsWith}): ${number} and another number starting ${key} differ`);
      }
      checked++;
    }
    expect(checked).toBe(150);
  });
});
