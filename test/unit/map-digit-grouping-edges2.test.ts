import { describe, expect, it } from 'vitest';
import { dotsGroupThousands } from '../../functions/core/map/digit-grouping.ts';

describe('dotsGroupThousands at its edges', () => {
  it('counts a number of four digits grouped by a space as printed without a dot', () => {
    expect(dotsGroupThousands(['1.250.000', '1 250'])).toBe(false);
    expect(dotsGroupThousands(['1.250.000', "1'250"])).toBe(false);
  });

  it('reads the dong sign right against the number, before or after it', () => {
    expect(dotsGroupThousands(['28.400đ'])).toBe(true);
    expect(dotsGroupThousands(['đ28.400'])).toBe(true);
    expect(dotsGroupThousands(['Đ28.400'])).toBe(true);
  });

  it('takes a decimal comma of four decimals for no plain number of four digits', () => {
    expect(dotsGroupThousands(['1.250', '2.500', '99', '0,1250'])).toBe(true);
  });

  it('refuses a dotted number whose last group is longer than three digits, wherever it is', () => {
    expect(dotsGroupThousands(['1.2500', '2.500', '99'])).toBe(false);
    expect(dotsGroupThousands(['2.500', '99', '1.250.0000'])).toBe(false);
  });

  it('says nothing of a column without a dotted number, whatever its currency', () => {
    expect(dotsGroupThousands(['290', '15'], 'Amount (VND)')).toBe(false);
    expect(dotsGroupThousands(['290 VND', '15 VND'])).toBe(false);
  });

  it('reads a dinar code at the start of the header', () => {
    expect(dotsGroupThousands(['1.250', '2.375', '290'], 'KWD')).toBe(false);
    expect(dotsGroupThousands(['1.250'], 'KWD VND')).toBe(false);
  });

  it('reads the rate headers with the unit written out or cut short', () => {
    for (const header of ['Cost per mins', 'Cost per sec', 'Cost per secs', 'Cost per second', 'Cost/min', 'Cost/sec', 'Price per minute']) {
      expect(dotsGroupThousands(['1.250', '2.375', '290'], header), header).toBe(false);
    }
  });

  it('takes only a whole amount under a thousand for one printed as it is, not one with a decimal comma', () => {
    expect(dotsGroupThousands(['1.250', '2.375', '12,5'])).toBe(false);
    expect(dotsGroupThousands(['1.250', '2.375', '290,00'])).toBe(false);
  });
});
