import { describe, expect, it } from 'vitest';
import { headerScale, namesCurrency, parseRange, rangeShare } from '../../functions/core/map/units.ts';

const factor = (header: string): number | undefined => headerScale(header)?.factor;

describe('headerScale: the unit a header states for its numbers', () => {
  it.each([
    ['Revenue (in 000s USD)', 1e3, 'in 000s usd'],
    ['Umsatz (Mio. €)', 1e6, 'mio. €'],
    ['Omsättning (tkr)', 1e3, 'tkr'],
    ['売上高（百万円）', 1e6, '百万円'],
    ['Выручка, млн руб.', 1e6, 'млн руб.'],
    ['Revenue, thousands', 1e3, 'thousands'],
    ['Revenue [000s]', 1e3, '000s'],
    ['Revenue (USD k)', 1e3, 'usd k'],
    ['Revenue (k€)', 1e3, 'k€'],
    ['Sales (in millions)', 1e6, 'in millions'],
    ['Revenue (bn)', 1e9, 'bn'],
    ['Revenue (lakhs)', 1e5, 'lakhs'],
    ['Revenue (crores)', 1e7, 'crores'],
    ['Sales (₹ Cr)', 1e7, '₹ cr'],
    ['Revenue (tỷ đồng)', 1e9, 'ty dong'],
    ['Doanh thu (triệu)', 1e6, 'trieu'],
    ['Revenue (ribu)', 1e3, 'ribu'],
    ['Revenue (milyar)', 1e9, 'milyar'],
    ['Revenue (th USD)', 1e3, 'th usd'],
    ['売上 (千万円)', 1e7, '千万円'],
    ['매출 (억원)', 1e8, '억원'],
    ['売上 (万円)', 1e4, '万円'],
    ['Sales (میلیارد)', 1e9, 'ميليارد'],
  ])('%s is in units of %d (note "%s")', (header, f, note) => {
    expect(headerScale(header)).toEqual({ factor: f, note });
  });

  it('reads the unit as a word of the header itself, and a lone "k" only as its last word', () => {
    expect(headerScale('Umsatz Tsd. EUR')).toEqual({ factor: 1e3, note: 'umsatz tsd. eur' });
    expect(headerScale('Mkr omsättning')).toEqual({ factor: 1e6, note: 'mkr omsattning' });
    expect(headerScale('Revenue k')).toEqual({ factor: 1e3, note: '000s' });
    expect(headerScale('Revenue k ')).toEqual({ factor: 1e3, note: '000s' });
    expect(headerScale('k Revenue')).toBeUndefined();
    expect(headerScale('k')).toBeUndefined();
  });

  it('takes "Cr" for crore only beside the rupee, and "th" only before a currency', () => {
    expect(factor('Credits (Cr)')).toBeUndefined();
    expect(factor('Rs. Cr.')).toBe(1e7);
    expect(factor('Cr INR')).toBe(1e7);
    expect(factor('Cr ₹')).toBe(1e7);
    expect(factor('Revenue th')).toBeUndefined();
  });

  it('states no unit for a header without one, or a unit glued into another word', () => {
    expect(headerScale('Revenue')).toBeUndefined();
    expect(headerScale('Revenue (USD)')).toBeUndefined();
    expect(headerScale('Sales xmillion')).toBeUndefined();
    expect(headerScale('Revenue 000s2')).toBeUndefined();
    expect(headerScale('Revenue (crx)')).toBeUndefined();
  });
});

describe('parseRange: bands of company sizes and revenue', () => {
  it.each([
    ['101-250', 101, 250],
    ['1,001–5,000', 1001, 5000],
    ['$10M to $50M', 10e6, 50e6],
    ['1M-5M', 1e6, 5e6],
    ['1-5k', 1e3, 5e3],
    ['< 10', 0, 10],
    ['under 10', 0, 10],
    ['moins de 10', 0, 10],
    ['500 - 1000 employees', 500, 1000],
    ['50 - 100 Mio. EUR', 50e6, 100e6],
    ['0,5 - 1 Mio. EUR', 0.5e6, 1e6],
    ['10-50 Tsd. €', 10e3, 50e3],
    ['1-2 thousands USD', 1e3, 2e3],
    ['3-4 Mrd. €', 3e9, 4e9],
    ['5 - 10 kr', 5, 10],
    ['1.000 - 4.999', 1000, 4999],
    ['10 t/m 19', 10, 19],
    ['10 až 19', 10, 19],
    ['De 50 a 99', 50, 99],
    ['From 10 to 49', 10, 49],
    ['Von 1 bis 5', 1, 5],
    ['Od 10 do 49 pracowników', 10, 49],
    ['Entre 6 y 10 millones €', 6e6, 10e6],
    ['De R$ 4,8 mi a R$ 30 mi', 4.8e6, 30e6],
    ['5 a 10 mi', 5e6, 10e6],
    ['100 - 199 zaměstnanců', 100, 199],
    ['250 - 500 mil. Kč', 250e6, 500e6],
    ['1 240 500 - 2 000 000 Kč', 1240500, 2e6],
    ['Até R$ 360 mil', 0, 360e3],
    ['Hasta 100', 0, 100],
    ['up to 50', 0, 50],
    ['0 - 0', 0, 0],
  ])('%s is %d to %d', (raw, lower, upper) => {
    expect(parseRange(raw)).toEqual({ lower, upper });
  });

  it.each([
    ['10,001+', 10001],
    ['500 or more', 500],
    ['1000 and above', 1000],
    ['50+ EUR', 50],
    ['> 10,000', 10000],
    ['≥1000', 1000],
    ['Over 1,000', 1000],
    ['more than 5', 5],
    ['plus de 50', 50],
  ])('%s is open-ended from %d', (raw, lower) => {
    expect(parseRange(raw)).toEqual({ lower });
  });

  it('reads a German band whose upper bound alone is grouped by dots in thousands', () => {
    expect(parseRange('500 - 1.000')).toEqual({ lower: 500, upper: 1000 });
    expect(parseRange('250 - 1.000 Mitarbeiter')).toEqual({ lower: 250, upper: 1000 });
    expect(parseRange('5000 - 1.000')).toBeUndefined();
    // the decimal reading stands where it gives a band
    expect(parseRange('1.000 - 49')).toEqual({ lower: 1, upper: 49 });
  });

  it.each(['', '  ', 'hello', '5-1', '5.000 - 1.000', '50 - 10 EUR', 'De 5 a 2', 'abc - 10', '10 - abc', '5 mi a 10', '10 and 49 2', '< abc', '> abc', '10+ abc', 'abc+', '+', '>', 'overtime 5'])(
    '%j is no range',
    (raw) => {
      expect(parseRange(raw)).toBeUndefined();
    },
  );
});

describe('rangeShare', () => {
  it('is the share of non-blank values that are ranges, 0 with none', () => {
    expect(rangeShare([])).toBe(0);
    expect(rangeShare(['', ' '])).toBe(0);
    expect(rangeShare(['1-2', 'x', '', '3+'])).toBeCloseTo(2 / 3);
    expect(rangeShare(['1-2', '10,001+'])).toBe(1);
  });
});

describe('namesCurrency', () => {
  it.each([
    ['Amount (USD)', true],
    ['Amount (usd.)', true],
    ['Amount, EUR', true],
    ['Amount (€)', true],
    ['Amount [kr]', true],
    ['Amount (rs.)', true],
    ['Amount (грн)', true],
    ['Amount, a, usd', true],
    ['Amount (xyz)', false],
    ['Amount', false],
    ['Amount, notes', false],
    ['Amount (USD', false],
  ])('%s: %s', (header, names) => {
    expect(namesCurrency(header)).toBe(names);
  });
});
