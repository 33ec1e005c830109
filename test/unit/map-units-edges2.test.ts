import { describe, expect, it } from 'vitest';
import { namesCurrency, parseRange } from '../../functions/core/map/units.ts';

// The edges of parseRange and namesCurrency not reached by map-units-edges.test.ts: unit
// words without their dots, bounds that meet, worded bounds with words before the number
// or a noun after it, thousands grouped by dots, and the currency abbreviations one by one.

describe('parseRange: a band with its unit after the numbers', () => {
  it.each([
    ['50 - 100 Mio EUR', 50e6, 100e6],
    ['3-4 Mrd €', 3e9, 4e9],
    ['10-50 Tsd €', 10e3, 50e3],
    ['1-2 million USD', 1e6, 2e6],
    ['1-2 billion USD', 1e9, 2e9],
    ['1-2 thousand USD', 1e3, 2e3],
    ['1-2 mln EUR', 1e6, 2e6],
    ['1-2 milj kr', 1e6, 2e6],
    ['1-2 mkr', 1e6, 2e6],
    [' 50 - 100 Mio. EUR ', 50e6, 100e6],
    ['10-50employees', 10, 50],
  ])('%j is %d to %d', (raw, lower, upper) => {
    expect(parseRange(raw)).toEqual({ lower, upper });
  });
});

describe('parseRange: bounds written in words', () => {
  it.each([
    ['5 a 10 bi', 5e9, 10e9],
    ['5 a 10 mld', 5e9, 10e9],
    ['5 a 10 mrd', 5e9, 10e9],
    ['5 a 10 miliard', 5e9, 10e9],
    ['5 a 10 miliardy', 5e9, 10e9],
    ['5 a 10 mio', 5e6, 10e6],
    ['5 a 10 mln', 5e6, 10e6],
    ['5 a 10 tis', 5e3, 10e3],
    ['5 a 10 tys', 5e3, 10e3],
    ['5 a 10 tsd', 5e3, 10e3],
    ['10 - 20 bikes', 10, 20],
    ['10 - 20 kohlrabi', 10, 20],
    ['10 - 20 mice', 10, 20],
    ['10 - 20 salami', 10, 20],
    ['10 - 20 kids', 10, 20],
    ['10 - 20 work', 10, 20],
    ['ca. 10 - ca. 20', 10, 20],
    ['De US$10 a US$20', 10, 20],
    ['De 5 a 5', 5, 5],
  ])('%j is %d to %d', (raw, lower, upper) => {
    expect(parseRange(raw)).toEqual({ lower, upper });
  });

  it.each(['about 10 - about 20', 'up to abc', 'De 1x2 a 5'])('%j is no range', (raw) => {
    expect(parseRange(raw)).toBeUndefined();
  });
});

describe('parseRange: plain bounds', () => {
  it.each([
    ['5-5', 5, 5],
    ['1.000 - 1.000', 1000, 1000],
    ['1000 - 1.000', 1000, 1000],
    ['1 - 1.000', 1, 1],
    ['10.000 - 20.000', 10000, 20000],
    ['1.000.000 - 2.000.000', 1e6, 2e6],
    ['1234.567 - 2345.678', 1234.567, 2345.678],
    ['<10', 0, 10],
  ])('%j is %d to %d', (raw, lower, upper) => {
    expect(parseRange(raw)).toEqual({ lower, upper });
  });

  it('reads "over" glued to its number as open-ended', () => {
    expect(parseRange('over5')).toEqual({ lower: 5 });
  });

  it.each(['1.5 - 1.000', 'abc > 10', 'a<5+'])('%j is no range', (raw) => {
    expect(parseRange(raw)).toBeUndefined();
  });
});

describe('namesCurrency: the abbreviations and how a note is written', () => {
  it.each(['zl', 'ft', 'kc', 'tl', 'lei', 'lv', 'rm', 'rp', 'руб', 'лв', 'บาท', 'ريال', 'درهم'])('(%s) is a currency', (word) => {
    expect(namesCurrency(`Amount (${word})`)).toBe(true);
  });

  it('reads a note after a comma without a space, and a bracketed note with spaces around it', () => {
    expect(namesCurrency('Amount,usd')).toBe(true);
    expect(namesCurrency('Amount ( usd )')).toBe(true);
  });

  it('takes only a final dot off a note', () => {
    expect(namesCurrency('Amount (r.s)')).toBe(false);
  });
});
