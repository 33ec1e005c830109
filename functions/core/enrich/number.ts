import { splitDecimal, takeSign } from './money.ts';
import { EMPTY, fail, isBlankCell, type ParseFailure } from './result.ts';

export type NumberResult = { ok: true; value: number } | ParseFailure;
export type BooleanResult = { ok: true; value: boolean } | ParseFailure;

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, mn: 1e6, b: 1e9, bn: 1e9 };

/**
 * Parse a number as exports print it: thousands separators ("1,234.5", "1.234,5"),
 * a leading currency symbol ("$1.2M"), magnitude suffixes K/M/B ("12K", "1.5bn"),
 * parentheses or a minus for negatives, a trailing "%" (kept as printed: "12%" -> 12).
 * Ranges ("51-200") fail: pick a bound explicitly in a template instead.
 */
export function parseNumber(raw: string): NumberResult {
  if (isBlankCell(raw)) return EMPTY;
  let s = raw.trim();
  // fast path: plain decimal
  if (/^-?\d+(?:\.\d+)?$/.test(s)) return { ok: true, value: Number(s) };

  const signed = takeSign(s, false);
  const negative = signed.negative;
  s = signed.rest;
  s = s.replace(/^(?:[A-Z]{0,3}\$|[€£¥₹])\s*/i, '');
  if (s.endsWith('%')) s = s.slice(0, -1).trim();
  if (s.endsWith('+')) s = s.slice(0, -1).trim(); // "10K+"
  let scale = 1;
  const suffix = /\s*([a-z]{1,2})$/i.exec(s);
  if (suffix !== null) {
    const f = SUFFIX[suffix[1]!.toLowerCase()];
    if (f === undefined) return fail('not a number');
    scale = f;
    s = s.slice(0, s.length - suffix[0].length);
  }
  if (/^\d+\s*[-\u2013]\s*\d+$/.test(s)) return fail('a range, not a number');
  const parts = splitDecimal(s);
  if (parts === null) return fail('not a number');
  const value = Number(`${parts.int || '0'}.${parts.frac || '0'}`) * scale;
  if (!Number.isFinite(value)) return fail('not a number');
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/** {@link parseNumber}, then require a whole number within the safe integer range. */
export function parseInteger(raw: string): NumberResult {
  const n = parseNumber(raw);
  if (!n.ok) return n;
  const rounded = Math.round(n.value);
  // allow float noise from suffixes ("1.1K" = 1100.0000000000002)
  if (Math.abs(rounded - n.value) > 1e-6 || !Number.isSafeInteger(rounded)) return fail('not a whole number');
  return { ok: true, value: rounded };
}

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
