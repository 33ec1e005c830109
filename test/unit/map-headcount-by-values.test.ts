import { describe, expect, it } from 'vitest';
import { holdsCounts, soleCountColumn } from '../../functions/core/map/headcount-by-values.ts';

describe('holdsCounts', () => {
  it('takes whole numbers that vary, in any order but a rising one', () => {
    expect(holdsCounts(['12', '4', '9', '26', '6'])).toBe(true);
    expect(holdsCounts([' 245', '64', '', '118'])).toBe(true);
    expect(holdsCounts(['0', '3'])).toBe(false); // rising
    expect(holdsCounts(['3', '0'])).toBe(true);
    expect(holdsCounts(['9999999', '12'])).toBe(true);
  });

  it('refuses codes, decimals, thousands, years, row and customer numbers, one width of four digits and too few values', () => {
    expect(holdsCounts(['012', '4', '9'])).toBe(false);
    expect(holdsCounts(['12,5', '4', '9'])).toBe(false);
    expect(holdsCounts(['1.204', '846', '9'])).toBe(false);
    expect(holdsCounts(['12345678', '4', '9'])).toBe(false);
    expect(holdsCounts(['1989', '2004', '1996'])).toBe(false);
    expect(holdsCounts(['1800', '2100', '1900'])).toBe(false);
    expect(holdsCounts(['1799', '2004', '196'])).toBe(true);
    expect(holdsCounts(['2004', '2101', '196'])).toBe(true);
    expect(holdsCounts(['1', '2', '3', '4'])).toBe(false);
    expect(holdsCounts(['1001', '1007', '1032'])).toBe(false);
    expect(holdsCounts(['10431', '54624', '10431'])).toBe(false);
    expect(holdsCounts(['1043', '5462', '1004'])).toBe(false);
    expect(holdsCounts(['104', '546', '100'])).toBe(true);
    expect(holdsCounts(['10431', '5462', '10400'])).toBe(true);
    expect(holdsCounts(['7', '7', '7'])).toBe(false);
    expect(holdsCounts(['7', ''])).toBe(false);
    expect(holdsCounts(['12', 'twelve', '9'])).toBe(false);
  });
});

describe('soleCountColumn', () => {
  const columns = [['Lev Tov Printing Inc.', 'Shefa Foods Co'], ['86', '14'], ['2019', '2021'], ['3', '1']];
  const values = (c: number) => columns[c]!;

  it('is the one column of counts among those given', () => {
    expect(soleCountColumn([0, 1, 2], values)).toBe(1);
    expect(soleCountColumn([0, 2, 3], values)).toBe(3);
  });

  it('is none when none or several hold counts', () => {
    expect(soleCountColumn([0, 2], values)).toBeUndefined();
    expect(soleCountColumn([1, 3], values)).toBeUndefined();
  });
});
