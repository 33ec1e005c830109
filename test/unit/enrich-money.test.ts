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
    expect(parseMoney(raw, 'USD')).toEqual({ ok: true, minor, currency });
  });

  it('uses the default currency for bare amounts', () => {
    expect(parseMoney('1.25', 'EUR')).toEqual({ ok: true, minor: 125, currency: 'EUR' });
    expect(parseMoney('100', 'JPY')).toEqual({ ok: true, minor: 100, currency: 'JPY' });
  });

  it('rounds extra decimals half away from zero', () => {
    expect(parseMoney('$0.045', 'USD')).toEqual({ ok: true, minor: 5, currency: 'USD' });
    expect(parseMoney('-0.045', 'USD')).toEqual({ ok: true, minor: -5, currency: 'USD' });
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
