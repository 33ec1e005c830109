import { describe, expect, it } from 'vitest';
import { constrainedDepth } from '../../functions/core/enrich/pattern-depth.ts';

describe('constrainedDepth', () => {
  it.each([
    ['[2-9]\\d{9}', 10, 1],
    ['900[2-9]\\d{6}', 10, 4],
    ['8766060\\d{3}', 10, 7],
    ['(?:268|[58]\\d\\d|900)\\d{7}', 10, 3],
    // only paths that end at the length count: the 7-digit alternative is not a 10-digit number
    ['3\\d{6}|[2-9]\\d{9}', 10, 1],
    ['52(?:3(?:[2-46-9][02-9]\\d|5(?:[02-46-9]\\d|5[0-46-9])))\\d{4}', 10, 6],
    ['1\\d{2,3}5\\d{5,6}', 10, 5],
    ['(?:1)?2\\d{9}', 10, 1],
  ])('%s at length %i looks at %i digits', (pattern, length, depth) => {
    expect(constrainedDepth(pattern, length)).toBe(depth);
  });

  it('counts a prefix pattern wherever it stops', () => {
    expect(constrainedDepth('658|876', 10, { prefix: true })).toBe(3);
    expect(constrainedDepth('8001|8[024]9', 10, { prefix: true })).toBe(4);
  });

  it('gives up on syntax it does not know, which turns the memo off', () => {
    expect(constrainedDepth('\\d+', 10)).toBe(Infinity);
    expect(constrainedDepth('(\\d', 10)).toBe(Infinity);
    expect(constrainedDepth('a\\d', 10)).toBe(Infinity);
  });
});
