import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../functions/core/enrich/number.ts';

/*
 * A number field (revenue, a charge read as a number) whose cells carry the currency: exports
 * print it before the number in English and after it in most of Europe, as a symbol, an ISO
 * code or the local letters. The number is what is read; the currency is the mapping's to note.
 */

const value = (cell: string) => {
  const r = parseNumber(cell);
  return r.ok ? r.value : r.reason;
};

describe('parseNumber with a currency around the number', () => {
  it('reads a symbol after the number, as continental exports print it', () => {
    expect(value('48.500.000,00 €')).toBe(48_500_000);
    expect(value('38 450 120 €')).toBe(38_450_120);
    expect(value('1.200,50 ₴')).toBe(1200.5);
    expect(value('-1 200 €')).toBe(-1200);
    expect(value('12 mn €')).toBe(12_000_000);
  });

  it('reads a symbol before the number, any currency sign (not only $ € £ ¥ ₹)', () => {
    for (const [cell, n] of [['€1,5M', 1_500_000], ['₩1,000', 1000], ['₺2.500,75', 2500.75], ['R$ 1.200,50', 1200.5], ['US$ 5', 5], ['$1.2M', 1_200_000]] as const) expect(value(cell), cell).toBe(n);
  });

  it('reads an ISO 4217 code before or after the number, and only a real one', () => {
    expect(value('1 200 EUR')).toBe(1200);
    expect(value('KRW 1,000')).toBe(1000);
    expect(value('USD 3.5bn')).toBe(3_500_000_000);
    expect(value('1.250.000 VND')).toBe(1_250_000);
    expect(value('12 EUR.')).toBe(12);
    expect(value('1 200 XYZ')).toBe('not a number');
    expect(value('1 200 eur')).toBe('not a number');
    expect(value('ABC 12')).toBe('not a number');
  });

  it('reads the currencies local exports write in letters, with or without a dot', () => {
    for (const [cell, n] of [['45 000 kr', 45_000], ['1.200,50 zł', 1200.5], ['2 500 Kč', 2500], ['150 000 Ft', 150_000], ['1 200 lei', 1200], ['Rs. 1,200', 1200], ['1,200 Rs.', 1200], ['RM 3,500', 3500], ['руб 100', 100], ['12 000 so‘m', 12_000]] as const) {
      expect(value(cell), cell).toBe(n);
    }
  });

  it('leaves a word that is no currency in the cell, so it fails as before', () => {
    for (const cell of ['12 apples', 'abc 12', 'about 12', '12 units', 'kr', '€', '12 xkr', '12 krx', 'xkr 12', '12 EURO', '12 EU', '12 EUR 5', '12 kr 5', '12 E.UR', 'EU.R 12']) expect(value(cell), cell).not.toEqual(expect.any(Number));
  });

  it('takes the currency glued to the number or apart from it by any run of spaces', () => {
    for (const [cell, n] of [['12€', 12], ['12 \u20ac', 12], ['EUR  12', 12], ['12  EUR', 12], ['12 \t kr', 12], ['12\u00a0EUR', 12], ['Rs.  1,200', 1200], ['1 200\u202fkr', 1200]] as const) expect(value(cell), JSON.stringify(cell)).toBe(n);
  });

  it('keeps ranges, percentages and open bounds as they were', () => {
    expect(parseNumber('€1M-€5M')).toEqual({ ok: true, value: 3_000_000, range: true });
    expect(parseNumber('1 000 € - 5 000 €')).toEqual({ ok: true, value: 3000, range: true });
    expect(value('12%')).toBe(12);
    expect(value('10K+')).toBe(10_000);
  });
});

describe('parseNumber and a signed zero', () => {
  it('reads "-0" as 0, as it reads "(0)" and "-0.0"', () => {
    for (const cell of ['-0', '(0)', '-0.0', '0']) {
      const r = parseNumber(cell);
      expect(r.ok && Object.is(r.value, 0), cell).toBe(true);
    }
  });
});
