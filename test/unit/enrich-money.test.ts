import { describe, expect, it } from 'vitest';
import { currencyFractionDigits, parseMoney } from '../../functions/core/enrich/money.ts';

describe('parseMoney', () => {
  it.each([
    ['$1.25', 125, 'USD'],
    ['1.25', 125, 'USD'],
    ['€1,25', 125, 'EUR'],
    ['1,25 €', 125, 'EUR'],
    ['(0.50)', -50, 'USD'],
    ['-0.50', -50, 'USD'],
    ['0.50-', -50, 'USD'],
    ['$-1.25', -125, 'USD'],
    ['1,234.56', 123456, 'USD'],
    ['1.234,56', 123456, 'USD'],
    ['1 234,56', 123456, 'USD'],
    ['$1,234,567.89', 123456789, 'USD'],
    ['JPY 100', 100, 'JPY'],
    ['¥100', 100, 'JPY'],
    ['12.00 GBP', 1200, 'GBP'],
    ['£3', 300, 'GBP'],
    ['BHD 1.234', 1234, 'BHD'],
    ['Included', 0, 'USD'],
    ['0', 0, 'USD'],
  ])('reads %j as %i minor units of %s', (raw, minor, currency) => {
    expect(parseMoney(raw, 'USD')).toMatchObject({ ok: true, minor, currency });
  });

  it('uses the default currency for bare amounts', () => {
    expect(parseMoney('1.25', 'EUR')).toEqual({ ok: true, minor: 125, micros: 1_250_000, currency: 'EUR' });
    expect(parseMoney('100', 'JPY')).toEqual({ ok: true, minor: 100, micros: 100_000_000, currency: 'JPY' });
  });

  it('rounds extra decimals half away from zero', () => {
    expect(parseMoney('$0.045', 'USD')).toEqual({ ok: true, minor: 5, micros: 45_000, currency: 'USD' });
    expect(parseMoney('-0.045', 'USD')).toEqual({ ok: true, minor: -5, micros: -45_000, currency: 'USD' });
  });

  it('keeps what rounding to cents loses in micros', () => {
    // a per-minute rate as cloud telephony prints it: -1 cent, but not -0.01
    expect(parseMoney('-0.0130', 'USD')).toEqual({ ok: true, minor: -1, micros: -13_000, currency: 'USD' });
    expect(parseMoney('-0.00790', 'USD')).toEqual({ ok: true, minor: -1, micros: -7_900, currency: 'USD' });
    expect(parseMoney('0.004', 'USD')).toEqual({ ok: true, minor: 0, micros: 4_000, currency: 'USD' });
    // past six decimals: half away from zero
    expect(parseMoney('0.0000015', 'USD')).toMatchObject({ micros: 2 });
    expect(parseMoney('-0.0000015', 'USD')).toMatchObject({ micros: -2 });
    // the fast path (plain digits) and the general one agree
    expect(parseMoney('$12.50', 'USD')).toEqual({ ok: true, minor: 1250, micros: 12_500_000, currency: 'USD' });
    expect(parseMoney('BHD 1.234', 'USD')).toEqual({ ok: true, minor: 1234, micros: 1_234_000, currency: 'BHD' });
  });

  it('tells empty from invalid', () => {
    expect(parseMoney('', 'USD')).toMatchObject({ ok: false, empty: true });
    expect(parseMoney('-', 'USD')).toMatchObject({ ok: false, empty: true });
    const bad = parseMoney('abc', 'USD');
    expect(bad.ok).toBe(false);
    expect(bad).not.toHaveProperty('empty');
    expect(parseMoney('1,2,3', 'USD')).toEqual({ ok: false, reason: 'not an amount' });
    expect(parseMoney('$1 €', 'USD')).toEqual({ ok: false, reason: 'two different currencies' });
  });

  it('knows zero- and three-decimal currencies', () => {
    expect(currencyFractionDigits('JPY')).toBe(0);
    expect(currencyFractionDigits('USD')).toBe(2);
    expect(currencyFractionDigits('KWD')).toBe(3);
  });
});

describe('parseMoney boundaries', () => {
  const read = (raw: string, currency = 'USD') => {
    const r = parseMoney(raw, currency);
    return r.ok ? `${r.minor} ${r.currency}` : r.reason;
  };

  it('takes groups of exactly three digits after the first, which holds one to three', () => {
    expect(read('100,000.00')).toBe('10000000 USD');
    expect(read('1,000.00')).toBe('100000 USD');
    expect(read('12,345,678')).toBe('1234567800 USD');
    expect(read('1.234.567,89')).toBe('123456789 USD');
    expect(read('1000,000.00')).toBe('not an amount');
    expect(read('1,0,000.00')).toBe('not an amount');
    expect(read('1,000,00.00')).toBe('not an amount');
    expect(read('1,0000.00')).toBe('not an amount');
  });

  it('reads Indian grouping: pairs of digits before the last three', () => {
    expect(read('₹1,00,000.00')).toBe('10000000 INR');
    expect(read('12,34,567.89')).toBe('123456789 USD');
    expect(read('1,23,45,678')).toBe('1234567800 USD');
    expect(read('123,45,678')).toBe('not an amount');
    expect(read('1,23,4567')).toBe('not an amount');
  });

  it('reads a lone comma followed by other than three digits as the decimal mark', () => {
    expect(read('€1,5')).toBe('150 EUR');
    expect(read('1,5 €')).toBe('150 EUR');
    expect(read('1,2345')).toBe('123 USD');
    expect(read('1,234')).toBe('123400 USD');
    expect(read('0,50')).toBe('50 USD');
  });

  it('reads a lone point as the decimal mark and several points as grouping', () => {
    expect(read('EUR 1.5')).toBe('150 EUR');
    expect(read('1.234.567')).toBe('123456700 USD');
  });

  it('rounds half away from zero at the first dropped digit, down below five', () => {
    expect(read('$0.044')).toBe('4 USD');
    expect(read('$0.045')).toBe('5 USD');
    expect(read('$0.0449')).toBe('4 USD');
    expect(read('-0.044')).toBe('-4 USD');
    expect(read('JPY 100.5')).toBe('101 JPY');
    expect(read('JPY 100.4')).toBe('100 JPY');
  });

  it('refuses an amount whose micros pass the largest safe integer', () => {
    expect(read('9,007,199,254.74')).toBe('900719925474 USD');
    expect(read('9,007,199,254.75')).toBe('amount too large');
    expect(read('99999999999999999')).toBe('amount too large');
  });

  it('names an unknown currency, before or after the amount, or as the default', () => {
    expect(read('ABC 5')).toBe('unknown currency "ABC"');
    expect(read('5 ZZZ')).toBe('unknown currency "ZZZ"');
    expect(read('5,5', 'zzz')).toBe('unknown currency "zzz"');
    expect(read('5,5', 'eur')).toBe('550 EUR');
  });

  it('reads codes in any case and the multi-character symbols', () => {
    expect(read('usd 5')).toBe('500 USD');
    expect(read('5 chf')).toBe('500 CHF');
    expect(read('C$5')).toBe('500 CAD');
    expect(read('US$ 5')).toBe('500 USD');
    expect(read('R$ 5,00')).toBe('500 BRL');
    expect(read('5 zł')).toBe('500 PLN');
    expect(read('5,00 kr')).toBe('500 SEK');
  });

  it('reads an ISO code glued to the digits, and refuses four letters as a code', () => {
    expect(read('CHF12')).toBe('1200 CHF');
    expect(read('USD12.50')).toBe('1250 USD');
    expect(read('gbp-3.20')).toBe('-320 GBP');
    expect(read('12EUR')).toBe('1200 EUR');
    expect(read('USDX12')).toMatch(/^unknown currency/);
  });

  // One row per symbol in the table, before and after the amount: deleting or changing an
  // entry must fail here. Zero-decimal currencies (JPY, KRW, VND) keep whole units.
  const SYMBOL_CURRENCIES: [symbol: string, currency: string, minorOf12: number][] = [
    ['$', 'USD', 1200], ['US$', 'USD', 1200], ['€', 'EUR', 1200], ['£', 'GBP', 1200], ['¥', 'JPY', 12], ['₹', 'INR', 1200],
    ['₩', 'KRW', 12], ['₽', 'RUB', 1200], ['₺', 'TRY', 1200], ['₪', 'ILS', 1200], ['₱', 'PHP', 1200], ['₫', 'VND', 12],
    ['฿', 'THB', 1200], ['₦', 'NGN', 1200], ['C$', 'CAD', 1200], ['CA$', 'CAD', 1200], ['A$', 'AUD', 1200], ['AU$', 'AUD', 1200],
    ['NZ$', 'NZD', 1200], ['HK$', 'HKD', 1200], ['S$', 'SGD', 1200], ['R$', 'BRL', 1200], ['MX$', 'MXN', 1200], ['CHF', 'CHF', 1200],
    ['kr', 'SEK', 1200], ['zł', 'PLN', 1200], ['R', 'ZAR', 1200],
  ];
  it.each(SYMBOL_CURRENCIES)('reads the symbol %s as %s, before and after the amount', (symbol, currency, minor) => {
    expect(read(`${symbol}12`, 'XXX')).toBe(`${minor} ${currency}`);
    expect(read(`12 ${symbol}`, 'XXX')).toBe(`${minor} ${currency}`);
  });

  it('reads signs around the currency: before, after, trailing, minus sign, plus, parentheses', () => {
    expect(read('-$5')).toBe('-500 USD');
    expect(read('$-5')).toBe('-500 USD');
    expect(read('\u22125.00 EUR')).toBe('-500 EUR');
    expect(read('5.00 EUR-')).toBe('-500 EUR');
    expect(read('+5.00')).toBe('500 USD');
    expect(read('($5.00)')).toBe('-500 USD');
    expect(read('(-5.00)')).toBe('500 USD');
    expect(read('-0.00')).toBe('0 USD');
  });

  it('reads words for a zero charge in any case, and refuses other words', () => {
    for (const word of ['Free', 'INCLUDED', 'incl', 'incl.', 'No charge', 'N/C', 'nc']) expect(read(word, 'eur')).toBe('0 EUR');
    expect(read('none')).toBe('not an amount');
  });

  it('reads a plain amount in a lower-case default currency, and names an unknown default however the amount is written', () => {
    expect(parseMoney('5', 'eur')).toEqual({ ok: true, minor: 500, micros: 5_000_000, currency: 'EUR' });
    expect(read('5', 'ZZZ')).toBe('unknown currency "ZZZ"');
    expect(read('5.00', 'ZZZ')).toBe(read('5,00', 'ZZZ'));
  });

  it('trims the cell and the text inside signs and parentheses before it looks for a currency', () => {
    expect(read(' $5 ')).toBe('500 USD');
    expect(read('( $5 )')).toBe('-500 USD');
    expect(read('- $5')).toBe('-500 USD');
    expect(read('5 $ -')).toBe('-500 USD');
    expect(read('+ $5')).toBe('500 USD');
    expect(read('$\u22125')).toBe('-500 USD');
    expect(read('$5 USD')).toBe('500 USD');
  });

  it('needs both parentheses for a negative amount', () => {
    expect(read('(5')).toBe('unknown currency "("');
    expect(read('5)')).toBe('unknown currency ")"');
  });

  it('refuses letters and signs inside the number as not an amount', () => {
    for (const raw of ['1a2', '€ x1', '1+', '12a3']) expect(read(raw)).toBe('not an amount');
  });

  it('never gives a negative zero, and keeps six decimals exactly in micros', () => {
    const zero = parseMoney('-0.00', 'USD');
    expect(zero.ok && Object.is(zero.minor, 0) && Object.is(zero.micros, 0)).toBe(true);
    const tiny = parseMoney('-0,0001 €', 'USD');
    expect(tiny).toEqual({ ok: true, minor: 0, micros: -100, currency: 'EUR' });
    expect(tiny.ok && Object.is(tiny.minor, 0)).toBe(true);
    expect(parseMoney('€1,25', 'USD')).toMatchObject({ micros: 1_250_000 });
    expect(parseMoney('€0,0000001', 'USD')).toMatchObject({ minor: 0, micros: 0 });
    expect(parseMoney('€0,0000005', 'USD')).toMatchObject({ minor: 0, micros: 1 });
  });

  it('reads a bare decimal mark at the start, and refuses a grouped part that holds the other separator', () => {
    expect(read('.5')).toBe('50 USD');
    expect(read(',5')).toBe('50 USD');
    expect(read('1.2,345.67')).toBe('not an amount');
  });

  it('refuses on the fast path what the general path refuses', () => {
    for (const raw of ['$', '5x5', '5.,']) expect(read(raw)).toBe('not an amount');
  });

  it('takes the fast path only for what it can read exactly', () => {
    // 15 characters is the fast path's limit; longer plain amounts take the general path
    expect(parseMoney('123456789012.34', 'USD')).toEqual({ ok: true, minor: 12345678901234, micros: 123456789012_340_000, currency: 'USD' });
    expect(parseMoney('1234567890.12345', 'USD')).toEqual({ ok: true, minor: 123456789012, micros: 1_234_567_890_123_450, currency: 'USD' });
    expect(parseMoney('5.', 'USD')).toEqual({ ok: false, reason: 'not an amount' });
    expect(parseMoney('$5', 'EUR')).toEqual({ ok: true, minor: 500, micros: 5_000_000, currency: 'USD' });
    expect(parseMoney('5', 'JPY')).toEqual({ ok: true, minor: 5, micros: 5_000_000, currency: 'JPY' });
    expect(parseMoney('5.5', 'JPY')).toEqual({ ok: true, minor: 6, micros: 5_500_000, currency: 'JPY' });
    expect(parseMoney('5.5x', 'USD')).toEqual({ ok: false, reason: 'unknown currency "x"' });
  });
});
