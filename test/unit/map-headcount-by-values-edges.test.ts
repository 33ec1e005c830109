import { describe, expect, it } from 'vitest';
import { holdsCounts } from '../../functions/core/map/headcount-by-values.ts';

describe('holdsCounts at its edges', () => {
  it('takes a column that repeats a number on the way up for counts: only a strictly rising one is numbered', () => {
    expect(holdsCounts(['3', '3', '5'])).toBe(true);
    expect(holdsCounts(['12', '12', '40', '40'])).toBe(true);
    expect(holdsCounts(['3', '4', '5'])).toBe(false);
  });

  it('refuses years at the ends of their range in any order, four digits wide as they are', () => {
    expect(holdsCounts(['2100', '1800', '1950'])).toBe(false);
    expect(holdsCounts(['2100', '1800'])).toBe(false);
    // a year beside a smaller count is not one width
    expect(holdsCounts(['2100', '180'])).toBe(true);
  });

  it('needs two filled values', () => {
    expect(holdsCounts([])).toBe(false);
    expect(holdsCounts(['', ' '])).toBe(false);
    expect(holdsCounts(['12'])).toBe(false);
  });
});
