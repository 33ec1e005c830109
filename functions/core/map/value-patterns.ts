import { readCallCodeAnyLanguage } from './call-code-reading.ts';
import { detectDateTimeShape, type DateTimeShape } from '../enrich/datetime.ts';
import { parseDurationSeconds } from '../enrich/duration.ts';
import { normalizeDomain, normalizeEmail, normalizeUrl } from '../enrich/email-domain.ts';
import { parseMoney } from '../enrich/money.ts';
import { parseBoolean, parseInteger, parseNumber } from '../enrich/number.ts';
import { normalizePhone } from '../enrich/phone.ts';
import { isBlankCell } from '../enrich/result.ts';
import type { FieldDefinition } from '../schemas/schema-types.ts';

/**
 * Sample-value checks for mapping. Two strengths:
 * - `fitsField`: would the record builder accept this value for the field? (used to
 *   confirm or doubt a header match: "Call type" holding "Voice" is not a direction)
 * - `looksLikeField`: is the value distinctive enough to map a column by values alone?
 *   Stricter: "754" parses as a duration, but a bare number proves nothing.
 */

const MONEY_SHAPE = /^\(?-?\s*(?:[$€£¥₹]\s*)?-?\d{1,3}(?:[,.\s]?\d{3})*[.,]\d{2}\)?(?:\s*[€£$])?$|^[$€£¥₹]/;
/** 7-15 digits with the punctuation people print phone numbers with */
const PHONE_SHAPE = /^(?=(?:\D*\d){7,15}\D*$)\+?[\d\s().\-/]+$/;
const CLOCK_DURATION = /^\d{1,3}:\d{2}(?::\d{2})?$/;
const UNIT_DURATION = /^\d+(?:\.\d+)?\s*(?:s|sec|secs|m|mn|min|mins|h|hr|hrs)\b/i;

/**
 * A profile or listing on a social or data site, not a company's own web site: a column of
 * these would give every record the domain "linkedin.com".
 */
export const PROFILE_URL = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?(?:linkedin\.com|facebook\.com|fb\.com|twitter\.com|x\.com|instagram\.com|xing\.com|github\.com|crunchbase\.com|youtube\.com|tiktok\.com|angel\.co|wellfound\.com|vk\.com|t\.me)(?:[/?#]|$)/i;

/** Values that are not a name, a place or a title: dates and times, numbers and amounts, e-mail addresses, links. */
const NOT_WORDS = /^[\d\s.,:/+\-()$€£%]+$|^\d{4}-\d{2}-\d{2}|@|^https?:\/\//;

export interface ValueCheckContext {
  defaultRegion: string;
}

/**
 * Epoch seconds or milliseconds of 2000-01-01 to 2039-12-31 ("1770106023", Cisco CDRs, Unix
 * logs): the builder reads them as times, but shape detection leaves bare numbers out (ids
 * look the same), so they fit a date field only where its header already names the column.
 */
export function isEpochStamp(value: string): boolean {
  const v = value.trim();
  if (!/^\d{10}$|^\d{13}$/.test(v)) return false;
  const seconds = v.length === 13 ? Number(v) / 1000 : Number(v);
  return seconds >= 946_684_800 && seconds < 2_208_988_800;
}

/** True when the builder would accept `value` (non-blank) for `field`. */
export function fitsField(field: FieldDefinition, value: string, ctx: ValueCheckContext): boolean {
  switch (field.type) {
    case 'string':
      // names, companies, places, titles are words: a date, a number, an address or a link is something else
      if (field.kind !== undefined) return !NOT_WORDS.test(value.trim());
      // a code, a place or a line's number is no date (Korean 통화 is both "call" and "currency":
      // `통화일자`, the call's date, is not the currency)
      return detectDateTimeShape(value) === null;
    case 'integer':
      return parseInteger(value).ok;
    case 'number':
      return parseNumber(value).ok;
    case 'boolean':
      return parseBoolean(value).ok;
    case 'date':
    case 'datetime':
      return detectDateTimeShape(value) !== null || isEpochStamp(value);
    case 'phone': {
      const p = normalizePhone(value, ctx.defaultRegion);
      // a national number of another region still fits: the region is a job option a person may set
      return p.ok || p.shortCode !== undefined || PHONE_SHAPE.test(value.trim());
    }
    case 'email':
      return normalizeEmail(value).ok;
    case 'url':
      return normalizeUrl(value).ok;
    case 'domain':
      return normalizeDomain(value).ok && !PROFILE_URL.test(value.trim());
    case 'money':
      return parseMoney(value, 'USD').ok;
    case 'duration':
      return parseDurationSeconds(value).ok;
    case 'enum':
      return enumValue(field, value) !== undefined;
  }
}

/** True when `value` alone says it belongs to a field of this kind. */
export function looksLikeField(field: FieldDefinition, value: string, ctx: ValueCheckContext): boolean {
  const v = value.trim();
  switch (field.type) {
    case 'phone': {
      const p = normalizePhone(v, ctx.defaultRegion);
      return p.ok && /\d{3}\D?\d{4}$/.test(v.replace(/\s*(?:x|ext\.?)\s*\d+$/i, ''));
    }
    case 'date':
      return detectDateTimeShape(v) === 'date';
    case 'datetime': {
      const shape = detectDateTimeShape(v);
      return shape === 'datetime' || shape === 'date';
    }
    case 'duration':
      return (CLOCK_DURATION.test(v) || UNIT_DURATION.test(v)) && parseDurationSeconds(v).ok;
    case 'money':
      return MONEY_SHAPE.test(v) && parseMoney(v, 'USD').ok;
    case 'enum':
      return enumValue(field, v) !== undefined;
    case 'email':
      return normalizeEmail(v).ok;
    case 'url':
      return /^https?:\/\//i.test(v) && normalizeUrl(v).ok;
    case 'domain':
      return /^(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/?$/i.test(v);
    default:
      return false;
  }
}

/** The normalised enum value for `raw`, or undefined. Shared with the record builder. */
export function enumValue(field: FieldDefinition, raw: string): string | undefined {
  // carrier codes in any language of the lexicon (Enrich's table and the added languages')
  if (field.codes === 'call_direction') return readCallCodeAnyLanguage(raw)?.direction;
  if (field.codes === 'call_record_type') return readCallCodeAnyLanguage(raw)?.recordType;
  const key = raw.trim().toLowerCase();
  const alias = field.enumAliases?.[key] ?? field.enumAliases?.[raw.trim()];
  if (alias !== undefined) return alias;
  return field.enumValues?.find((v) => v.toLowerCase() === key);
}

/** Shape of a column's date/time values (majority of non-blank samples), or null. */
export function columnDateTimeShape(values: readonly string[]): DateTimeShape | null {
  const counts = { date: 0, time: 0, datetime: 0 };
  let n = 0;
  for (const v of values) {
    if (isBlankCell(v)) continue;
    n++;
    const s = detectDateTimeShape(v);
    // Stryker disable next-line ConditionalExpression: equivalent for true, counts[null] is a key no line below reads
    if (s !== null) counts[s]++;
  }
  let best: DateTimeShape | null = null;
  let bestCount = 0;
  for (const k of ['datetime', 'date', 'time'] as const) {
    // Stryker disable next-line EqualityOperator: equivalent, of two shapes tied neither has more than half the values, and a zero count never passes the test below
    if (counts[k] > bestCount) {
      best = k;
      bestCount = counts[k];
    }
  }
  return bestCount * 2 > n ? best : null;
}

const CLOCK = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/;

/**
 * Whether a column of h:mm[:ss] values holds durations or clock times, judged on the column
 * as a whole, not one value: hours past 23, most values under an hour with a `0:`/`00:`
 * prefix, or a column with seconds whose hours stay near zero are durations; values that
 * climb through the day in row order, or spread over many hours of the day, are clock times
 * (if they print two-digit hours: "5:03" may be minutes and seconds).
 * Null when the values are not h:mm[:ss] or do not say.
 */
export function timeColumnKind(values: readonly string[]): 'duration' | 'clock' | null {
  const parsed: { h: number; m: number; s: number; zeroPrefix: boolean; padded: boolean; hasSeconds: boolean }[] = [];
  let n = 0;
  for (const v of values) {
    if (isBlankCell(v)) continue;
    n++;
    const m = CLOCK.exec(v.trim());
    if (m === null) continue;
    parsed.push({ h: Number(m[1]), m: Number(m[2]), s: Number(m[3] ?? 0), zeroPrefix: /^0{1,2}:/.test(v.trim()), padded: m[1]!.length === 2, hasSeconds: m[3] !== undefined });
  }
  if (parsed.length * 2 <= n) return null;
  if (parsed.some((p) => p.h >= 24 || p.m >= 60)) return 'duration';
  const zero = parsed.filter((p) => p.zeroPrefix).length / parsed.length;
  const hours = new Set(parsed.map((p) => p.h));
  if (zero >= 0.6) return 'duration';
  // clocks print two-digit hours ("09:15"); "5:03" may as well be minutes and seconds
  if (parsed.filter((p) => p.padded).length < 0.8 * parsed.length) return null;
  const secondsOfDay = parsed.map((p) => p.h * 3600 + p.m * 60 + p.s);
  const increasing = secondsOfDay.every((t, i) => i === 0 || t >= secondsOfDay[i - 1]!);
  // mm:ss lengths ("02:13", "06:31", "11:52", no seconds part) in no order: as clock times
  // most would fall between midnight and 7 a.m., when a business line hardly calls
  const small = parsed.filter((p) => p.h < 7).length;
  if (parsed.every((p) => !p.hasSeconds) && !increasing && parsed.length >= 3 && small / parsed.length >= 0.5) return 'duration';
  if (hours.size >= 3 && (increasing || Math.max(...parsed.map((p) => p.h)) - Math.min(...parsed.map((p) => p.h)) >= 6)) return 'clock';
  if (parsed.length >= 3 && increasing && hours.size >= 2) return 'clock';
  return null;
}

/** Share of the non-blank values passing `test`, and how many there were. */
export function ratio(values: readonly string[], test: (v: string) => boolean): { ratio: number; count: number } {
  let n = 0;
  let hits = 0;
  for (const v of values) {
    if (isBlankCell(v)) continue;
    n++;
    if (test(v)) hits++;
  }
  return { ratio: n === 0 ? 0 : hits / n, count: n };
}
