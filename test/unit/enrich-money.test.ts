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
