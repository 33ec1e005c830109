import { isCurrencyCode, splitDecimal, takeSign } from './money.ts';
import { EMPTY, fail, isBlankCell, type ParseFailure } from './result.ts';

/** `range`: the value is the midpoint of a range the cell printed ("51-200" -> 125.5). */
export type NumberResult = { ok: true; value: number; range?: true } | ParseFailure;
export type BooleanResult = { ok: true; value: boolean } | ParseFailure;

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, mn: 1e6, b: 1e9, bn: 1e9 };

// "51-200", "1,001 - 5,000", "$1M-$5M", "10K to 50K" (a leading minus is a sign, not a range)
const RANGE = /^\s*([^-\u2013\u2014\s][^\u2013\u2014]*?)\s*(?:-|\u2013|\u2014|\bto\b)\s*(\S.*)$/i;

/**
 * Parse a number as exports print it: thousands separators ("1,234.5", "1.234,5"),
 * a leading currency symbol ("$1.2M"), magnitude suffixes K/M/B ("12K", "1.5bn"),
 * parentheses or a minus for negatives, a trailing "%" (kept as printed: "12%" -> 12).
 * A range counts as its midpoint ("51-200" -> 125.5, "$1M-$5M" -> 3,000,000), flagged
 * `range`; an open range as its bound ("10,001+" -> 10001).
 */
export function parseNumber(raw: string): NumberResult {
  if (isBlankCell(raw)) return EMPTY;
  const s = raw.trim();
  // fast path: plain decimal (309 digits and more overflow to Infinity, which the general path refuses)
  // Stryker disable next-line ConditionalExpression,Regex,BlockStatement: equivalent, the fast path's cells read the same through the general path (-0 as 0)
  if (/^-?\d+(?:\.\d+)?$/.test(s)) {
    const value = Number(s);
    // Stryker disable next-line ConditionalExpression: equivalent for -> false, the general path reads a plain decimal to the same number (-0 as 0)
    if (Number.isFinite(value)) return { ok: true, value: value === 0 ? 0 : value }; // "-0" is 0, as "(0)" is
  }
  const single = parseSingleNumber(s);
  // Stryker disable next-line ConditionalExpression: equivalent, a cell that reads as one number has no dash or 'to' between two numbers (a minus only leads)
  if (single.ok) return single;
  const range = RANGE.exec(s);
  if (range !== null) {
    let lo = parseSingleNumber(range[1]!);
    const hi = parseSingleNumber(range[2]!);
    // "1-5M": the bound without a suffix takes the other's magnitude
    // Stryker disable next-line ConditionalExpression,LogicalOperator,Regex: equivalent, scaling a failed bound fails and one with a suffix gives the same or fails, and either leaves it alone
    if (lo.ok && hi.ok && /\d\s*$/.test(range[1]!) && !/\d\s*$/.test(range[2]!.replace(/[%+]$/, ''))) {
      // Stryker disable next-line MethodExpression: equivalent, RANGE's groups neither start nor end with a space (the cell is trimmed)
    const scaled = parseSingleNumber(range[1]!.trim() + range[2]!.trim().replace(/^.*?\d([a-z]{1,2})\+?$/i, '$1'));
      if (scaled.ok) lo = scaled;
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent for lo.ok && hi.ok -> true or ||, a failed bound has no value and a comparison with undefined is false
    if (lo.ok && hi.ok && hi.value >= lo.value) return { ok: true, value: (lo.value + hi.value) / 2, range: true };
  }
  return single;
}

function parseSingleNumber(raw: string): NumberResult {
  // Stryker disable next-line MethodExpression: equivalent, every caller passes a trimmed cell or a trimmed range bound
  let s = raw.trim();

  const signed = takeSign(s, false);
  const negative = signed.negative;
  s = signed.rest;
  s = withoutCurrency(s);
  if (s.endsWith('%')) s = s.slice(0, -1).trim();
  const myriad = MYRIAD.exec(s);
  if (myriad !== null) {
    // "35億円", "1.2億", "5,000万円", "35억원": the unit is the magnitude, the sign after it the currency
    const f = MYRIAD_UNITS[myriad[1]!]!;
    const n = parseSingleNumber(s.slice(0, myriad.index));
    return n.ok ? { ok: true, value: n.value * f * (negative && n.value !== 0 ? -1 : 1) } : n;
  }
  if (s.endsWith('+')) s = s.slice(0, -1).trim(); // "10K+"
  let scale = 1;
  const suffix = /\s*([a-z]{1,2})$/i.exec(s);
  if (suffix !== null) {
    const f = SUFFIX[suffix[1]!.toLowerCase()];
    // Stryker disable next-line ConditionalExpression: equivalent, an unknown suffix scales by undefined and the NaN fails the finiteness check with the same reason
    if (f === undefined) return fail('not a number');
    scale = f;
    s = s.slice(0, s.length - suffix[0].length);
  }
  const parts = splitDecimal(s);
  if (parts === null) return fail('not a number');
  // Stryker disable next-line StringLiteral: equivalent, Number('.5') and Number('12.') read as 0.5 and 12
  const value = Number(`${parts.int || '0'}.${parts.frac || '0'}`) * scale;
  if (!Number.isFinite(value)) return fail('not a number');
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/**
 * The myriad units Japanese, Chinese and Korean print amounts in (万 ten thousand, 億 a hundred
 * million, 兆 a trillion; 萬/亿, 만/억/조), closing a number, before an optional yen, yuan or won sign.
 */
const MYRIAD_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 만: 1e4, 億: 1e8, 亿: 1e8, 억: 1e8, 兆: 1e12, 조: 1e12 };
const MYRIAD = /\s*([万萬만億亿억兆조])\s*(?:円|元|圓|원)?$/u;

/**
 * Currencies local exports print as letters rather than a symbol (Unicode has no sign for
 * them): Nordic krona/krone, złoty, koruna, forint, leu, lev, rupiah, ringgit, rupee, rouble, soʻm.
 */
const LETTERED_CURRENCY = /^(?:kr|zł|Kč|Ft|lei|лв|Rp|RM|Rs|руб|сум|so['ʻ‘’]m)\.?$/i;

/**
 * The number without the currency printed before or after it: "$1.2M", "US$ 5", "€1,5",
 * "48.500.000,00 €", "1 200 EUR", "EUR 1.200", "45 000 kr", "Rp 15.000". A word that is not
 * a currency stays, so the cell fails as not a number.
 */
function withoutCurrency(s: string): string {
  let t = s.replace(/^(?:[A-Z]{0,3}\$|\p{Sc})\s*/iu, '').replace(/\s*\p{Sc}$/u, '');
  // Stryker disable next-line Regex: equivalent without ^, the cell is trimmed so the first match starts at 0
  const first = /^(\S+)\s+/u.exec(t);
  if (first !== null && isCurrencyWord(first[1]!)) t = t.slice(first[0].length);
  // Stryker disable next-line Regex: equivalent for \s+ -> \s, the spaces left before the cut are trimmed by the reading that follows
  const last = /\s+(\S+)$/u.exec(t);
  if (last !== null && isCurrencyWord(last[1]!)) t = t.slice(0, last.index);
  return t;
}

/** An ISO 4217 code as printed (upper case) or a lettered local currency, a closing dot allowed ("Rs."). */
const isCurrencyWord = (word: string) => isCurrencyCode(word.replace(/\.$/, '')) || LETTERED_CURRENCY.test(word);

/**
 * {@link parseNumber}, then require a whole number within the safe integer range; the
 * midpoint of a range is rounded half up ("51-200" -> 126).
 */
export function parseInteger(raw: string): NumberResult {
  const text = raw.replace(HEAD_COUNTER, '');
  // "5.214" is no whole number read with a decimal point; as a count it is 5,214 the way
  // German, Turkish or Spanish print it (a decimal with exactly three places is no count)
  const n = parseNumber(DOTTED_THOUSANDS.test(text) ? text.replace(/\./g, '') : text);
  if (!n.ok) return n;
  const rounded = Math.round(n.value);
  if (n.range === true && Number.isSafeInteger(rounded)) return { ok: true, value: rounded, range: true };
  // allow float noise from suffixes ("1.1K" = 1100.0000000000002)
  if (Math.abs(rounded - n.value) > 1e-6 || !Number.isSafeInteger(rounded)) return fail('not a whole number');
  return { ok: true, value: rounded };
}

/**
 * The counter word Korean, Chinese and Japanese print after a count of people ("125명",
 * "86人", "40名"; Saramin, Aiqicha, company registers): the count is the number before it.
 */
const HEAD_COUNTER = /(?<=\d)\s*[명人名]$/u;

/** one dot followed by three digits, as a whole count's thousands ("5.214", "-12.480") */
const DOTTED_THOUSANDS = /^\s*[+-]?\d{1,3}\.\d{3}\s*$/;

const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1', 'on', 'x', '\u2713', '\u2714', 'checked', 'active', 'enabled']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0', 'off', 'unchecked', 'inactive', 'disabled']);

/** Parse yes/no style values: true/false, yes/no, y/n, 1/0, on/off, "x"/"✓" for true. */
export function parseBoolean(raw: string): BooleanResult {
  if (isBlankCell(raw)) return EMPTY;
  const key = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(key)) return { ok: true, value: true };
  if (FALSE_WORDS.has(key)) return { ok: true, value: false };
  return fail('not a yes/no value');
}
