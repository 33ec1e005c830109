import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDurationSeconds } from '../../functions/core/enrich/duration.ts';
import { currencyFractionDigits, parseMoney } from '../../functions/core/enrich/money.ts';

// The oracle is the runtime's ICU (Intl.NumberFormat): amounts and durations printed the way
// each locale prints them must read back to the value that was printed.

const WEEK = 7 * 24 * 3600;
const LOCALES = ['en-US', 'en-GB', 'de-DE', 'de-CH', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'sv-SE', 'pl-PL', 'ru-RU', 'tr-TR', 'ja-JP', 'ko-KR', 'zh-CN', 'en-IN'];

function unit(locale: string, value: number, name: 'hour' | 'minute' | 'second', unitDisplay: 'short' | 'long'): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay, useGrouping: false }).format(value);
}

describe('parseDurationSeconds round trips', () => {
  it('reads a duration printed as a clock, in units of every locale, or as bare seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: WEEK }), fc.constantFrom(...LOCALES), fc.constantFrom('short' as const, 'long' as const), (total, locale, display) => {
        const h = Math.floor(total / 3600);
        const m = Math.floor((total % 3600) / 60);
        const s = total % 60;
        const two = (n: number) => String(n).padStart(2, '0');
        expect(parseDurationSeconds(`${h}:${two(m)}:${two(s)}`)).toEqual({ ok: true, seconds: total });
        expect(parseDurationSeconds(`${h * 60 + m}:${two(s)}`)).toEqual({ ok: true, seconds: total });
        const parts = [h > 0 ? unit(locale, h, 'hour', display) : '', m > 0 ? unit(locale, m, 'minute', display) : '', unit(locale, s, 'second', display)];
        const printed = parts.filter((p) => p !== '').join(' ');
        expect(parseDurationSeconds(printed), printed).toEqual({ ok: true, seconds: total });
        const bare = new Intl.NumberFormat(locale, { useGrouping: false, numberingSystem: 'latn' }).format(total);
        expect(parseDurationSeconds(bare)).toEqual({ ok: true, seconds: total });
      }),
      { numRuns: 300 },
    );
  });

  it('reads minutes with a decimal mark of every locale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: (WEEK / 60) * 10 }), fc.constantFrom(...LOCALES), (tenths, locale) => {
        const printed = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 1, numberingSystem: 'latn' }).format(tenths / 10);
        expect(parseDurationSeconds(printed, 'minutes'), printed).toEqual({ ok: true, seconds: tenths * 6 });
        expect(parseDurationSeconds(unit(locale, tenths / 10, 'minute', 'short')), printed).toEqual({ ok: true, seconds: tenths * 6 });
      }),
      { numRuns: 300 },
    );
  });
});

/** What ICU prints, by the currency's ISO code: every locale's grouping and decimal marks. */
const CODE_LOCALES = ['en-US', 'en-GB', 'de-DE', 'de-CH', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'sv-SE', 'pl-PL', 'ja-JP', 'en-IN'];
const CODES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'SEK', 'PLN', 'BRL', 'INR', 'KWD'];
/** Symbols in the locales where each is the one in use, so reading it back has one answer. */
const SYMBOL_PAIRS: [string, string][] = [
  ['en-US', 'USD'], ['en-GB', 'GBP'], ['de-DE', 'EUR'], ['fr-FR', 'EUR'], ['es-ES', 'EUR'], ['nl-NL', 'EUR'],
  ['pt-BR', 'BRL'], ['sv-SE', 'SEK'], ['pl-PL', 'PLN'], ['de-CH', 'CHF'], ['en-IN', 'INR'], ['tr-TR', 'TRY'], ['ko-KR', 'KRW'],
];

const decimalMark = (locale: string) => new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')!.value;

describe('parseMoney round trips', () => {
  const amount = fc.integer({ min: -99_999_999_999, max: 99_999_999_999 });

  function expectRoundTrip(minor: number, locale: string, currency: string, currencyDisplay: 'code' | 'symbol') {
    const digits = currencyFractionDigits(currency);
    // micros are safe integers up to about 9 billion units; past that the parser refuses the amount
    fc.pre(Math.abs(minor) / 10 ** digits < 9_000_000_000);
    const printed = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).format(minor / 10 ** digits);
    const read = parseMoney(printed, 'USD');
    expect(read, printed).toMatchObject({ ok: true, minor: minor === 0 ? 0 : minor, currency });
  }

  it('reads amounts printed with the ISO code in every locale', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom(...CODE_LOCALES), fc.constantFrom(...CODES), (minor, locale, currency) => {
        // A lone comma before three digits is a thousands separator to the parser ("1,500"), so a
        // three-decimal currency printed with a decimal comma ("KWD 1,500") cannot be told apart
        // (docs/testing.md): those pairs are left out.
        fc.pre(!(currencyFractionDigits(currency) === 3 && decimalMark(locale) === ','));
        expectRoundTrip(minor, locale, currency, 'code');
      }),
      { numRuns: 400 },
    );
  });

  it('reads amounts printed with the symbol of the locale\'s own currency', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom(...SYMBOL_PAIRS), (minor, [locale, currency]) => expectRoundTrip(minor, locale, currency, 'symbol')),
      { numRuns: 300 },
    );
  });
});
