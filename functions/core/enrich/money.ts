import { EMPTY, fail, isBlankCell, type ParseFailure } from './result.ts';

/**
 * `minor`: integer minor units, rounded half away from zero; `micros`: integer millionths
 * of the unit, the amount as printed up to six decimals (a per-second rate of "-0.0130"
 * is -1 cent but -13,000 micros).
 */
export type MoneyResult = { ok: true; minor: number; micros: number; currency: string } | ParseFailure;

const SYMBOLS = new Map<string, string>([
  ['$', 'USD'], ['US$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['₩', 'KRW'],
  ['₽', 'RUB'], ['₺', 'TRY'], ['₪', 'ILS'], ['₱', 'PHP'], ['₫', 'VND'], ['฿', 'THB'], ['₦', 'NGN'],
  ['C$', 'CAD'], ['CA$', 'CAD'], ['A$', 'AUD'], ['AU$', 'AUD'], ['NZ$', 'NZD'], ['HK$', 'HKD'],
  ['S$', 'SGD'], ['R$', 'BRL'], ['MX$', 'MXN'], ['kr', 'SEK'], ['zł', 'PLN'], ['R', 'ZAR'],
]);

// Words exports print for a zero charge.
const ZERO_WORDS = new Set(['free', 'included', 'incl', 'incl.', 'no charge', 'n/c', 'nc']);

let knownCurrencies: Set<string> | undefined;
/** An ISO 4217 code the runtime knows ("EUR", "VND"), upper case as printed. */
export function isCurrencyCode(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

const fractionDigitsCache = new Map<string, number>();
/** ISO 4217 minor-unit digits: USD 2, JPY 0, BHD 3 (from the runtime's ICU data). */
export function currencyFractionDigits(currency: string): number {
  let f = fractionDigitsCache.get(currency);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache miss every time recomputes the same digits
  if (f === undefined) {
    f = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    fractionDigitsCache.set(currency, f);
  }
  return f;
}

/**
 * Parse an amount to integer minor units and an ISO 4217 currency.
 *
 * "$1.25" -> 125 USD; "1.25" -> 125 in `defaultCurrency`; "€1,25" / "1,25 €" -> 125 EUR;
 * "(0.50)" and "-0.50" and "0.50-" -> -50; "1,234.56" / "1.234,56" / "1 234,56" -> 123456; "12,34,567.89" (Indian grouping) -> 123456789;
 * "JPY 100" / "¥100" -> 100 JPY (zero-decimal currencies have no minor digits);
 * "Free" / "Included" -> 0. Amounts with more decimals than the currency has are rounded
 * half away from zero ("$0.045" -> 5). Blank cells and placeholders ("-") fail with
 * `empty: true`, so callers can tell absent from invalid.
 *
 * Separators: when both "," and "." appear the last one is the decimal mark; a lone ","
 * followed by exactly three digits ("1,234") is a thousands separator, otherwise decimal.
 */
export function parseMoney(raw: string, defaultCurrency: string): MoneyResult {
  const quick = parsePlainAmount(raw, defaultCurrency);
  if (quick !== undefined) return quick;
  if (isBlankCell(raw)) return EMPTY;
  let s = raw.trim();
  let currency: string | undefined;

  if (!/\d/.test(s)) {
    return ZERO_WORDS.has(s.toLowerCase()) ? { ok: true, minor: 0, micros: 0, currency: defaultCurrency.toUpperCase() } : fail('not an amount');
  }


  // sign before or after the currency, or trailing ("0.50-", accounting exports)
  const signed = takeSign(s, true);
  let negative = signed.negative;
  s = signed.rest;

  // Currency prefix/suffix: an ISO code (also glued to the digits: "USD12.50") or a symbol
  // (never a sign: "$\u22125" is minus five dollars).
  const lead = /^([A-Za-z]{3}(?![A-Za-z])|[A-Z]{1,3}\$|[^\d\s.,+\u2212-]{1,2})\s*/.exec(s);
  if (lead !== null) {
    const code = resolveCurrency(lead[1]!);
    if (code === undefined) return fail(`unknown currency "${lead[1]}"`);
    currency = code;
    s = s.slice(lead[0].length);
  }
  // Stryker disable next-line Regex: equivalent for [A-Za-z]{3} -> [A-Za-z], the {1,3} non-digit alternative takes the same three letters and four fail either way
  const trail = /\s*([A-Za-z]{3}|[^\d\s.,+\u2212-]{1,3})$/.exec(s);
  if (trail !== null) {
    const code = resolveCurrency(trail[1]!);
    if (code === undefined) return fail(`unknown currency "${trail[1]}"`);
    if (currency !== undefined && currency !== code) return fail('two different currencies');
    currency = code;
    s = s.slice(0, s.length - trail[0].length);
  }
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    // "$-1.25"
    negative = !negative;
    s = s.slice(1);
  }
  if (currency === undefined) {
    currency = defaultCurrency.toUpperCase();
    if (!isCurrencyCode(currency)) return fail(`unknown currency "${defaultCurrency}"`);
  }

  const parts = splitDecimal(s);
  if (parts === null) return fail('not an amount');
  const digits = currencyFractionDigits(currency);
  let frac = parts.frac;
  let roundUp = false;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for true and >=, with no extra digit charCodeAt(digits) is NaN (no round-up) and slice keeps the whole fraction
  if (frac.length > digits) {
    roundUp = frac.charCodeAt(digits) >= 53; // '5'
    frac = frac.slice(0, digits);
  }
  // Stryker disable next-line StringLiteral: equivalent, Number('') is 0 as Number('0') is
  const minorAbs = Number(parts.int || '0') * 10 ** digits + Number(frac.padEnd(digits, '0') || '0') + (roundUp ? 1 : 0);
  const microsAbs = toMicros(parts.int, parts.frac);
  if (!Number.isSafeInteger(minorAbs) || !Number.isSafeInteger(microsAbs)) return fail('amount too large');
  return { ok: true, minor: negative && minorAbs !== 0 ? -minorAbs : minorAbs, micros: negative && microsAbs !== 0 ? -microsAbs : microsAbs, currency };
}

/** Integer millionths from the digit strings of an amount, rounded half away from zero past six decimals. */
function toMicros(int: string, frac: string): number {
  // Stryker disable next-line EqualityOperator: equivalent, six digits sliced to six or padded to six are the same string
  const six = frac.length > 6 ? frac.slice(0, 6) : frac.padEnd(6, '0');
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, without a seventh digit charCodeAt(6) is NaN, so no round-up either way
  const up = frac.length > 6 && frac.charCodeAt(6) >= 53; // '5'
  // Stryker disable next-line StringLiteral: equivalent, Number('') is 0
  return Number(int || '0') * 1_000_000 + Number(six) + (up ? 1 : 0);
}

function resolveCurrency(token: string): string | undefined {
  const sym = SYMBOLS.get(token);
  if (sym !== undefined) return sym;
  const upper = token.toUpperCase();
  return isCurrencyCode(upper) ? upper : undefined; // every ISO 4217 code has three letters
}

/**
 * Accounting parentheses and a leading sign (with `trailingMinus`, also "0.50-"):
 * whether the amount is negative, and the text without them.
 */
export function takeSign(input: string, trailingMinus: boolean): { negative: boolean; rest: string } {
  let s = input;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  // Stryker disable next-line MethodExpression: equivalent for startsWith -> endsWith on the Unicode minus, a leading minus left here is taken by parseMoney's own check after the currency
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (trailingMinus && s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  return { negative, rest: s };
}

/**
 * Split a plain decimal ("1,234.56", "1.234,56", "1 234") into integer and fraction digit
 * strings by the separator rules of {@link parseMoney}; null when it is not a number.
 */
export function splitDecimal(raw: string): { int: string; frac: string } | null {
  // spaces and apostrophes only ever group thousands ("1 234,56", "1'234.50")
  const s = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^[\d.,]*\d[\d.,]*$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal = '';
  // Stryker disable next-line EqualityOperator: equivalent for >= 0 -> > 0 (a separator at index 0 leaves an empty group, refused by every branch) and > -> >= (a dot and a comma never share an index)
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  // Stryker disable next-line ConditionalExpression: equivalent for indexOf === lastComma -> true, with several commas the integer part keeps a comma that the group check refuses
  else if (lastComma >= 0) decimal = s.indexOf(',') === lastComma && s.length - lastComma - 1 !== 3 ? ',' : '';
  else if (lastDot >= 0) decimal = s.indexOf('.') === lastDot ? '.' : '';

  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, lastIndexOf('') is the length, so at comes out the same
  const at = decimal === '' ? s.length : s.lastIndexOf(decimal);
  const int = s.slice(0, at);
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, slicing past the end gives the same empty fraction
  const frac = decimal === '' ? '' : s.slice(at + 1);
  // Stryker disable next-line Regex: equivalent, the fraction follows the last separator, so it holds only digits or is empty
  if (decimal !== '' && !/^\d+$/.test(frac)) return null;
  if (/[.,]/.test(int)) {
    // grouped integer part: one separator kind, groups of three after the first
    // Stryker disable next-line ConditionalExpression: equivalent, the fallback (int.includes(',')) picks the same separator, since the integer part holds only the other separator or none
    const sep = decimal === '.' ? ',' : decimal === ',' ? '.' : int.includes(',') ? ',' : '.';
    const groups = int.split(sep);
    if (!groups.every((g) => /^\d+$/.test(g))) return null;
    const last = groups.length - 1;
    const western = groups.every((g, i) => (i === 0 ? g.length <= 3 : g.length === 3));
    // Indian grouping (lakh, crore: "12,34,567.89"): pairs before the last three digits
    // Stryker disable next-line ConditionalExpression: equivalent for last >= 2 -> true, Indian grouping with two groups is a case of Western grouping, already accepted
    const indian = last >= 2 && groups.every((g, i) => (i === last ? g.length === 3 : i === 0 ? g.length <= 2 : g.length === 2));
    if (!western && !indian) return null;
  }
  return { int: int.replace(/[.,]/g, ''), frac };
}

/**
 * Fast path for the common cell: optional "$", digits, optional "." and exactly the
 * currency's minor digits ("0.00", "$12.50", "3"). Anything else: undefined.
 */
function parsePlainAmount(raw: string, defaultCurrency: string): MoneyResult | undefined {
  const n = raw.length;
  // an empty cell fails the digit check below and goes on to the general path
  if (n > 15) return undefined;
  let i = 0;
  let currency = defaultCurrency;
  // Stryker disable next-line BlockStatement,ConditionalExpression: equivalent, without the fast $ the general path reads '$12.50' to the same USD amount
  if (raw.charCodeAt(0) === 36) {
    // Stryker disable next-line StringLiteral: equivalent, an empty currency is refused on the fast path and the general path reads '$' as USD
    currency = 'USD';
    i = 1;
  }
  const start = i;
  let v = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
    i++;
  }
  if (i === start) return undefined;
  let fracDigits = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, at the end charCodeAt(n) is NaN, not '.', and the cell is handed on
  if (i < n) {
    if (raw.charCodeAt(i) !== 46) return undefined;
    i++;
    while (i < n) {
      const c = raw.charCodeAt(i);
      // Stryker disable next-line EqualityOperator: equivalent, '0' or '9' handed on are read by the general path to the same amount
      if (c < 48 || c > 57) return undefined;
      v = v * 10 + (c - 48);
      fracDigits++;
      i++;
    }
    if (fracDigits === 0) return undefined;
  }
  // Only a known upper-case code: the general path upper-cases the default and names an unknown one.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: equivalent, they only hand a cell to the general path, which reads it the same (the fast-path test pins where it would not)
  if (currency !== 'USD' && !isCurrencyCode(currency)) return undefined;
  const digits = currencyFractionDigits(currency);
  if (fracDigits > digits) return undefined;
  return { ok: true, minor: v * 10 ** (digits - fracDigits), micros: v * 10 ** (6 - fracDigits), currency };
}
