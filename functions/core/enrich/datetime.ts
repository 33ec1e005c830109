import { Info, type Zone } from 'luxon';
import { BoundedCache } from './bounded-cache.ts';
import { EMPTY, fail, isBlankCell, type ParseFailure } from './result.ts';

/**
 * Dates and times as exports print them, to ISO 8601.
 *
 * Output is always UTC with a `Z` and whole seconds (`2025-11-03T19:05:09Z`): one format
 * for every record, so strings sort in time order. Wall-clock values without an offset are
 * read in the job's time zone (luxon supplies the zone rules); values with `Z`, an offset
 * or a US zone abbreviation keep their instant.
 *
 * Hot path: each cell is scanned once into tokens in preallocated scratch arrays (no
 * regex cascade), ISO values take a direct fast path, parsed date cells are memoised
 * (call logs repeat dates), and zone offsets are memoised per 15-minute bucket.
 */

export type DateTimeResult = { ok: true; iso: string } | ParseFailure;
export type DateResult = { ok: true; iso: string } | ParseFailure;

/** What a cell holds, for mapping by value pattern. */
export type DateTimeShape = 'date' | 'time' | 'datetime';

export interface DateTimeOptions {
  /** IANA zone (or "UTC", "UTC+5") for wall-clock values without an offset */
  timezone: string;
  /** read "03/04/2025" as 3 April (the column's other dates or the region say so); default month-first */
  dayFirst?: boolean;
  /**
   * the date of the statement the rows come from (`YYYY-MM-DD`): a date printed without a
   * year ("01/21", "21.01.") is the last such day on or before it. Without it such a date
   * is refused, not guessed.
   */
  referenceDate?: string;
}

/** Two-digit years below this are 20xx, the rest 19xx ("25" -> 2025, "87" -> 1987). */
export const TWO_DIGIT_YEAR_PIVOT = 50;

// ---------------------------------------------------------------------------
// Parsed value: a plain object so it can be cached and shared (never mutated).

interface Moment {
  hasDate: boolean;
  hasTime: boolean;
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  /** explicit UTC offset in minutes, or null for wall-clock */
  offset: number | null;
  /** true for epoch / spreadsheet-serial numbers (kept out of shape detection) */
  numeric: boolean;
  /** a day and month printed without a year ("01/21"): `y` is a placeholder leap year */
  yearless?: true;
}

/** The year a year-less date is checked against (a leap year, so 02/29 passes). */
const YEARLESS_PLACEHOLDER = 2000;

// ---------------------------------------------------------------------------
// Tokenizer: numbers, lower-case words and single separator chars, into scratch arrays.

const MAX_TOKENS = 40;
const K_NUM = 1;
const K_WORD = 2;
const K_SEP = 3;
const kind = new Uint8Array(MAX_TOKENS);
const num = new Float64Array(MAX_TOKENS); // NUM: value; SEP: char code
const len = new Uint8Array(MAX_TOKENS); // NUM: digit count
// Stryker disable next-line ArrayDeclaration,StringLiteral: equivalent, a word is read only at a token the tokenizer marked as a word, after writing it
const word: string[] = new Array<string>(MAX_TOKENS).fill('');
let count = 0;

const SPACE = 32;

/** Tokenise `s`; false when it has characters no date/time uses or too many tokens. */
function tokenize(s: string): boolean {
  count = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: equivalent, no cell the grammar reads has 40 tokens or a readable first 40, and past the scratch arrays a token reads as none
    if (count >= MAX_TOKENS) return false;
    if (c >= 48 && c <= 57) {
      let v = 0;
      const start = i;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, charCodeAt past the end is NaN, which ends the run as the bound does
      while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
        v = v * 10 + (c - 48);
        i++;
      }
      // Stryker disable next-line EqualityOperator: equivalent, no reading takes a number of 17 digits either
      if (i - start > 17) return false;
      kind[count] = K_NUM;
      num[count] = v;
      len[count] = i - start;
      count++;
    } else if ((c | 0x20) >= 97 && (c | 0x20) <= 122) {
      const start = i;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, charCodeAt past the end is NaN, which ends the run as the bound does; a word that takes in a later character is in no table
      while (i < n && ((c = s.charCodeAt(i) | 0x20) >= 97 && c <= 122)) i++;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, no word the grammar knows has more than 9 letters, so a longer one is refused later anyway
      if (i - start > 12) return false;
      kind[count] = K_WORD;
      word[count] = s.slice(start, i).toLowerCase();
      count++;
    } else if (c === SPACE || c === 9 || c === 160) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, charCodeAt past the end is NaN, which ends the run as the bound does
      while (i < n && ((c = s.charCodeAt(i)) === SPACE || c === 9 || c === 160)) i++;
      kind[count] = K_SEP;
      num[count] = SPACE;
      count++;
    } else if (isSeparatorChar(c)) {
      kind[count] = K_SEP;
      num[count] = c;
      count++;
      i++;
    } else {
      return false;
    }
  }
  return true;
}

// (a separator of any other character would match none the grammar asks for: the ConditionalExpression
// mutant to true is equivalent, left unmarked so the mark does not hide the tested cases of each character)
const isSeparatorChar = (c: number) => c === 47 /* / */ || c === 45 /* - */ || c === 46 /* . */ || c === 58 /* : */ || c === 44 /* , */ || c === 43 /* + */ || c === 64; /* @ */

function isSep(i: number, c: number): boolean {
  return i < count && kind[i] === K_SEP && num[i] === c;
}
function isNum(i: number): boolean {
  return i < count && kind[i] === K_NUM;
}
function isWord(i: number): boolean {
  return i < count && kind[i] === K_WORD;
}
function skipBlanks(i: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, an index past the end reads as the end: no part parser finds a token there, and parseMoment takes any index from the end on as the end
  while (i < count && kind[i] === K_SEP && (num[i] === SPACE || num[i] === 44)) i++;
  return i;
}

const MONTHS = new Map<string, number>();
[
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
].forEach((names, idx) => names.forEach((m) => MONTHS.set(m, idx + 1)));

const WEEKDAYS = new Set([
  'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'weds', 'wednesday', 'thu', 'thur', 'thurs', 'thursday',
  'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday',
]);
const ORDINALS = new Set(['st', 'nd', 'rd', 'th']);

// Zone names exports print after a time. Fixed offsets: "EST" is -05:00 even in July.
const ZONE_ABBR = new Map<string, number>([
  ['z', 0], ['utc', 0], ['gmt', 0], ['ut', 0],
  ['est', -300], ['edt', -240], ['cst', -360], ['cdt', -300], ['mst', -420], ['mdt', -360],
  ['pst', -480], ['pdt', -420], ['akst', -540], ['akdt', -480], ['hst', -600],
  ['bst', 60], ['cet', 60], ['cest', 120], ['eet', 120], ['eest', 180],
]);

// ---------------------------------------------------------------------------
// Grammar over tokens. Each part parser returns the next token index, or -1.

let py = 0;
/** the date part had no year */
// Stryker disable next-line BooleanLiteral: equivalent, parseMoment sets it before each date part
let pyearless = false;
let pmo = 0;
let pd = 0;
let ph = 0;
let pmi = 0;
let ps = 0;
let poff: number | null = null;

/** a Minguo (Republic of China) year plus this is the Gregorian year */
const MINGUO_OFFSET = 1911;

function fullYear(v: number, digits: number): number {
  if (digits === 4) return v;
  if (digits === 2) return v < TWO_DIGIT_YEAR_PIVOT ? 2000 + v : 1900 + v;
  // Stryker disable next-line UnaryOperator: equivalent, checkRanges refuses year 1 as it does -1
  return -1;
}

function parseDatePart(i: number): number {
  if (isWord(i) && WEEKDAYS.has(word[i]!)) {
    i++;
    if (isSep(i, 46)) i++;
    i = skipBlanks(i);
  }
  if (isNum(i)) {
    const a = num[i]!;
    const alen = len[i]!;
    if (alen === 8 && (i + 1 >= count || isSep(i + 1, SPACE) || (isWord(i + 1) && word[i + 1] === 't'))) {
      // 20251103
      py = Math.floor(a / 10000);
      pmo = Math.floor(a / 100) % 100;
      pd = a % 100;
      return i + 1;
    }
    let k = i + 1;
    if (isWord(k) && ORDINALS.has(word[k]!)) k++;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, a separator that ends the cell has no number after it, which every reading below needs
    if (k + 1 >= count) return -1;
    if (kind[k] !== K_SEP) return -1;
    const sep = num[k]!;
    // Stryker disable next-line ConditionalExpression: equivalent for true, after an ordinal the token at i + 2 is the separator at k, so neither use below finds a number there
    const noOrdinal = k === i + 1;
    // Czech, Slovak and Croatian print a space after each dot ("3. 11. 2026")
    const bi = sep === 46 && noOrdinal && isSep(i + 2, SPACE) && isNum(i + 3) ? i + 3 : i + 2;
    if (noOrdinal && isNum(bi)) {
      // numeric: Y-M-D, M/D/Y, D/M/Y, D.M.Y
      if (sep !== 47 && sep !== 45 && sep !== 46) return -1;
      // the year after a dot and a space ("21. 01. 26"); a number before a colon is the hour of a year-less date's time ("21.01. 08:04")
      const spacedYear = isSep(bi + 1, 46) && isSep(bi + 2, SPACE) && isNum(bi + 3) && !isSep(bi + 4, 58);
      // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent for sep === 46, a dot after the second number with another separator before it fails the check below that both separators match
      const ci = sep === 46 && spacedYear ? bi + 3 : bi + 2;
      if (!isSep(bi + 1, sep) || !isNum(ci)) {
        // a statement's "01/21" or "21.01." (the dotted form ends in its dot: "21.01" is a number)
        const end = sep === 46 ? bi + 2 : bi + 1;
        // Stryker disable next-line UnaryOperator: equivalent, index 1 hands the time parser the first number with a separator or a month after it, which no time reads
        if (sep === 45 || (sep === 46 && !isSep(bi + 1, 46)) || alen > 2 || len[bi]! > 2) return -1;
        // Stryker disable next-line UnaryOperator: equivalent, index 1 hands the time parser the first number with a separator or a month after it, which no time reads
        if (end < count && !isSep(end, SPACE)) return -1;
        const dayFirst = sep === 46 ? true : a > 12;
        py = YEARLESS_PLACEHOLDER;
        pyearless = true;
        pmo = dayFirst ? num[bi]! : a;
        pd = dayFirst ? a : num[bi]!;
        return end;
      }
      const b = num[bi]!;
      const c = num[ci]!;
      const clen = len[ci]!;
      // Taiwan's Minguo years ("115/11/03" is 2026-11-03): year 1 is 1912; a first number of five
      // digits or more gives a year past 9999, which checkRanges refuses
      if (alen === 4 || (sep === 47 && a >= 100)) {
        py = alen === 4 ? a : a + MINGUO_OFFSET;
        pmo = b;
        pd = c;
        // Stryker disable next-line UnaryOperator: equivalent, index 1 hands the time parser the first number with a separator or a month after it, which no time reads
        if (clen > 2 || len[bi]! > 2) return -1;
      } else {
        // Stryker disable next-line UnaryOperator: equivalent, index 1 hands the time parser the first number with a separator or a month after it, which no time reads
        if (alen > 2 || len[bi]! > 2) return -1;
        py = fullYear(c, clen);
        // US month-first unless that cannot be a month; dotted dates are European day-first.
        // Stryker disable next-line ConditionalExpression: equivalent for a <= 12 -> true: with both numbers over 12 neither reading is a date
        const dayFirst = sep === 46 ? !(b > 12 && a <= 12) : a > 12;
        pmo = dayFirst ? b : a;
        pd = dayFirst ? a : b;
      }
      // Croatian, Serbian and Hungarian end a dotted date with a dot ("05.11.2026.")
      return sep === 46 && isSep(ci + 1, 46) ? ci + 2 : ci + 1;
    }
    if (isWord(k + 1) && (sep === SPACE || sep === 45 || sep === 47 || sep === 46)) {
      // 03-Nov-2025, 3 Nov 2025, 3rd Nov 2025 (the ordinal is a word glued to the number)
      let j = k + 1;
      const m = MONTHS.get(word[j]!);
      if (m === undefined) return -1;
      j++;
      if (isSep(j, 46)) j++;
      if (isSep(j, SPACE) || isSep(j, 45) || isSep(j, 47) || isSep(j, 44)) j++;
      j = skipBlanks(j);
      // Stryker disable next-line UnaryOperator: equivalent, index 1 hands the time parser the first number with a separator or a month after it, which no time reads
      if (!isNum(j)) return -1;
      py = fullYear(num[j]!, len[j]!);
      pmo = m;
      pd = a;
      // Stryker disable next-line UnaryOperator: equivalent, index 1 hands the time parser the first number with a separator or a month after it, which no time reads
      if (alen > 2) return -1;
      return j + 1;
    }
    // Stryker disable next-line UnaryOperator: equivalent, index 1 leaves a separator (token 1) to the time parser, which needs a number there
    return -1;
  }
  if (isWord(i)) {
    // Nov 3, 2025 / November 3 2025 / Nov-03-2025 / Nov. 3rd, 2025
    const m = MONTHS.get(word[i]!);
    if (m === undefined) return -1;
    let j = i + 1;
    if (isSep(j, 46)) j++;
    if (isSep(j, SPACE) || isSep(j, 45) || isSep(j, 47)) j++;
    if (!isNum(j) || len[j]! > 2) return -1;
    pd = num[j]!;
    j++;
    if (isWord(j) && ORDINALS.has(word[j]!)) j++;
    if (isSep(j, 45) || isSep(j, 47)) j++;
    j = skipBlanks(j);
    if (!isNum(j)) return -1;
    py = fullYear(num[j]!, len[j]!);
    pmo = m;
    return j + 1;
  }
  return -1;
}

/**
 * Time of day, then optional AM/PM and zone; must consume to the end. `afterDate`: the time
 * follows a date in the same cell, where dots may separate its parts ("3.11.2026 8.14.22", as
 * Finnish reports print it; alone, "08.11.22" is a date).
 */
function parseTimePart(i: number, allowCompact: boolean, afterDate = false): number {
  if (!isNum(i)) return -1;
  const hlen = len[i]!;
  let h = num[i]!;
  let mi = 0;
  let s = 0;
  let j = i + 1;
  let colon = false;
  const mark = afterDate && isSep(j, 46) ? 46 : 58;
  const hours = minutesAfterH(j);
  if (isSep(j, mark) && isNum(j + 1) && len[j + 1] === 2) {
    colon = true;
    mi = num[j + 1]!;
    j += 2;
    if (isSep(j, mark) && isNum(j + 1) && len[j + 1] === 2) {
      s = num[j + 1]!;
      j += 2;
      // fractional seconds are dropped: the output has whole seconds
      if ((isSep(j, 46) || isSep(j, 44)) && isNum(j + 1)) j += 2;
    }
  } else if (hours !== -1) {
    colon = true;
    mi = num[hours]!;
    j = hours + 1;
  } else if (hlen > 2) {
    // 1405, 140509 (separate time columns only)
    if (hlen === 3 || hlen === 4) {
      mi = h % 100;
      h = Math.floor(h / 100);
    } else if (hlen === 6) {
      s = h % 100;
      mi = Math.floor(h / 100) % 100;
      h = Math.floor(h / 10000);
    } else return -1;
    colon = true;
  }
  // three digits or more for the hour ("1405", "012:30"): only in a time cell of its own
  if (hlen > 2 && !allowCompact) return -1;
  j = skipSpaceOnly(j);
  // AM/PM: am, pm, a, p, a.m., p.m.
  let meridiem = 0;
  if (isWord(j)) {
    const w = word[j]!;
    if (w === 'am' || w === 'a') meridiem = 1;
    else if (w === 'pm' || w === 'p') meridiem = 2;
    if (meridiem !== 0) {
      j++;
      if ((w === 'a' || w === 'p') && isSep(j, 46) && isWord(j + 1) && word[j + 1] === 'm') {
        j += 2;
        if (isSep(j, 46)) j++;
      }
    }
  }
  if (!colon && meridiem === 0) return -1;
  if (meridiem !== 0) {
    if (h < 1 || h > 12) return -1;
    if (meridiem === 1 && h === 12) h = 0;
    else if (meridiem === 2 && h !== 12) h += 12;
  }
  j = skipSpaceOnly(j);
  poff = null;
  // parseZone's -1 (no zone) is not the end either
  if (j < count) j = parseZone(j);
  if (j !== count) return -1;
  ph = h;
  pmi = mi;
  ps = s;
  return j;
}

/** French Canada's "8 h 14" and "13h52": the index of the two-digit minutes after an "h" at `j`, or -1 (an hour of three digits is refused after). */
function minutesAfterH(j: number): number {
  const h = skipSpaceOnly(j);
  if (!isWord(h) || word[h] !== 'h') return -1;
  const m = skipSpaceOnly(h + 1);
  return isNum(m) && len[m] === 2 ? m : -1;
}

function skipSpaceOnly(i: number): number {
  return isSep(i, SPACE) ? i + 1 : i;
}

function parseZone(j: number): number {
  let off = 0;
  if (isWord(j)) {
    const z = ZONE_ABBR.get(word[j]!);
    // Stryker disable next-line UnaryOperator: equivalent, any index but the end leaves parseTimePart short of the cell's end, which it refuses (a zone follows a time, so the cell has more than one token)
    if (z === undefined) return -1;
    off = z;
    j++;
    if (!(isSep(j, 43) || isSep(j, 45))) {
      poff = off;
      return j;
    }
  }
  if (isSep(j, 43) || isSep(j, 45)) {
    const sign = num[j] === 43 ? 1 : -1;
    // Stryker disable next-line UnaryOperator: equivalent, any index but the end leaves parseTimePart short of the cell's end, which it refuses (a zone follows a time, so the cell has more than one token)
    if (!isNum(j + 1)) return -1;
    const v = num[j + 1]!;
    const l = len[j + 1]!;
    let hh: number;
    let mm = 0;
    j += 2;
    if (l === 4) {
      hh = Math.floor(v / 100);
      mm = v % 100;
    } else if (l <= 2) {
      hh = v;
      if (isSep(j, 58) && isNum(j + 1) && len[j + 1] === 2) {
        mm = num[j + 1]!;
        j += 2;
      }
    } else {
      // Stryker disable next-line UnaryOperator: equivalent, any index but the end leaves parseTimePart short of the cell's end, which it refuses (a zone follows a time, so the cell has more than one token)
      return -1;
    }
    // Stryker disable next-line UnaryOperator: equivalent, any index but the end leaves parseTimePart short of the cell's end, which it refuses (a zone follows a time, so the cell has more than one token)
    if (hh > 14 || mm > 59) return -1;
    poff = off + sign * (hh * 60 + mm);
    return j;
  }
  // Stryker disable next-line UnaryOperator: equivalent, any index but the end leaves parseTimePart short of the cell's end, which it refuses (a zone follows a time, so the cell has more than one token)
  return -1;
}

// ---------------------------------------------------------------------------
// Whole-cell parsers.

/** ISO fast path by character codes: YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH:MM]. */
function parseIsoFast(s: string): Moment | null {
  const n = s.length;
  // a shorter cell has NaN for a character past its end, which digits() refuses
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || mo < 0 || d < 0) return null;
  if (n === 10) return moment(true, false, y, mo, d, 0, 0, 0, null);
  const t = s.charCodeAt(10);
  if ((t !== 84 && t !== 32 && t !== 116) || s.charCodeAt(13) !== 58) return null;
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  if (h < 0 || mi < 0) return null;
  let i = 16;
  let sec = 0;
  // past the end charCodeAt is NaN, which matches no character below
  if (s.charCodeAt(i) === 58) {
    sec = digits(s, 17, 2);
    if (sec < 0) return null;
    i = 19;
    if (s.charCodeAt(i) === 46) {
      i++;
      while (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    }
  }
  if (i === n) return moment(true, true, y, mo, d, h, mi, sec, null);
  const z = s.charCodeAt(i);
  if ((z === 90 || z === 122) && i + 1 === n) return moment(true, true, y, mo, d, h, mi, sec, 0);
  if ((z === 43 || z === 45) && (n - i === 6 || n - i === 5 || n - i === 3)) {
    const oh = digits(s, i + 1, 2);
    const om = n - i === 3 ? 0 : digits(s, n - 2, 2);
    // the bounds parseZone keeps: an offset beyond them is not read as one here either
    if (oh < 0 || om < 0 || oh > 14 || om > 59 || (n - i === 6 && s.charCodeAt(i + 3) !== 58)) return null;
    return moment(true, true, y, mo, d, h, mi, sec, (z === 43 ? 1 : -1) * (oh * 60 + om));
  }
  return null;
}

/**
 * "10/01/2025", "1/5/2025": month first, as parseMoment reads a slashed date whose first
 * number can be a month (tests compare the two). Anything else: null, for parseMoment.
 */
function parseSlashDateFast(s: string): Moment | null {
  const n = s.length;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: equivalent, a shortcut: the positions of the slashes below bound the length to 8-10 as well
  if (n < 8 || n > 10) return null;
  const a = s.indexOf('/');
  const b = s.indexOf('/', a + 1);
  if ((a !== 1 && a !== 2) || b - a > 3 || n - b !== 5) return null;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, an empty day reads as 0, which the bound below or checkRanges refuses
  if (b - a < 2) return null;
  const mo = digits(s, 0, a);
  const d = digits(s, a + 1, b - a - 1);
  const y = digits(s, b + 1, 4);
  // Stryker disable next-line EqualityOperator: equivalent, a cell this path refuses goes to parseMoment, which reads it the same (datetime-fast-paths.test.ts)
  if (mo > 12) return null;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: equivalent, checkRanges refuses month 0, day 0 and year -1 (not digits) after this path too
  if (mo < 1 || d < 1 || y < 0) return null;
  return moment(true, false, y, mo, d, 0, 0, 0, null);
}

/**
 * A time-of-day cell as exports write it: "9:46a", "12:58p", "11:14PM", "13:05",
 * "1:02:03", as parseMoment reads it with compact times allowed (tests compare the two).
 * Anything else: null, for parseMoment.
 */
function parseClockFast(s: string): Moment | null {
  const n = s.length;
  const colon = s.indexOf(':');
  // Stryker disable next-line EqualityOperator: equivalent, a cell this path refuses goes to parseMoment, which reads it the same (datetime-fast-paths.test.ts)
  if ((colon !== 1 && colon !== 2) || colon + 3 > n) return null;
  let h = digits(s, 0, colon);
  const mi = digits(s, colon + 1, 2);
  // Stryker disable next-line EqualityOperator: equivalent, a cell this path refuses goes to parseMoment, which reads it the same (datetime-fast-paths.test.ts)
  if (h < 0 || mi < 0) return null;
  let i = colon + 3;
  let sec = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, charCodeAt past the end is NaN, which is no colon
  if (i < n && s.charCodeAt(i) === 58) {
    // Stryker disable next-line EqualityOperator: equivalent, a cell this path refuses goes to parseMoment, which reads it the same (datetime-fast-paths.test.ts)
    if (i + 3 > n) return null;
    sec = digits(s, i + 1, 2);
    if (sec < 0) return null;
    i += 3;
  }
  if (i < n) {
    const marker = s.charCodeAt(i) | 0x20;
    if (marker !== 97 && marker !== 112) return null; // a / p
    i++;
    if ((s.charCodeAt(i) | 0x20) === 109) i++; // m (past the end, NaN | 0x20 is a space)
    // Stryker disable next-line EqualityOperator: equivalent, a cell this path refuses goes to parseMoment, which reads it the same (datetime-fast-paths.test.ts)
    if (i !== n || h < 1 || h > 12) return null;
    h = marker === 112 ? (h % 12) + 12 : h % 12;
  }
  return moment(false, true, 0, 0, 0, h, mi, sec, null);
}

function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let k = at; k < at + n; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

function moment(
  hasDate: boolean,
  hasTime: boolean,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offset: number | null,
  numeric = false,
): Moment {
  return { hasDate, hasTime, y, mo, d, h, mi, s, offset, numeric };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Any date, time or date+time cell; null when it is none of them or out of range. */
function parseMoment(raw: string, allowCompactTime: boolean): Moment | null {
  const s = raw.trim();
  const fast = parseIsoFast(s);
  if (fast !== null) return checkRanges(fast);
  // Stryker disable next-line ConditionalExpression: equivalent, no token at all reads as neither a date part nor a time part below
  if (!tokenize(s) || count === 0) return null;

  // Numbers alone: epoch seconds/ms, or a spreadsheet serial date (days since 1899-12-30).
  if (isNum(0) && (count === 1 || (count === 3 && isSep(1, 46) && isNum(2)))) {
    const l = len[0]!;
    const v = num[0]!;
    if (count === 1 && (l === 10 || l === 13)) {
      const ms = l === 10 ? v * 1000 : v;
      const dt = new Date(ms);
      return moment(true, true, dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(), dt.getUTCHours(), dt.getUTCMinutes(), dt.getUTCSeconds(), 0, true);
    }
    if (l === 5 && v >= 20000 && v < 80000) {
      const frac = count === 3 ? Number('0.' + String(num[2]).padStart(len[2]!, '0')) : 0;
      const dt = new Date(EXCEL_EPOCH_MS + Math.round((v + frac) * 86400) * 1000);
      const hasTime = frac > 0;
      return moment(true, hasTime, dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate(), dt.getUTCHours(), dt.getUTCMinutes(), dt.getUTCSeconds(), null, true);
    }
    // fall through: "1405" can still be a compact time
  }

  pyearless = false;
  let j = parseDatePart(0);
  // Stryker disable next-line EqualityOperator: equivalent, parseDatePart answers -1 or an index past the token it read, never 0
  if (j >= 0) {
    const y = py;
    const mo = pmo;
    const d = pd;
    const yearless = pyearless;
    // date then time: separated by a space, a comma, "T", "at" or "@"
    j = skipBlanks(j);
    if (isWord(j) && (word[j] === 't' || word[j] === 'at')) j = skipBlanks(j + 1);
    if (isSep(j, 64)) j = skipBlanks(j + 1);
    if (j >= count) return checkRanges(withYearless(moment(true, false, y, mo, d, 0, 0, 0, null), yearless));
    // date with only a zone or a weekday after it is not a time; reject rather than guess
    // Stryker disable next-line EqualityOperator: equivalent, parseTimePart answers -1 or the token count, never 0
    if (parseTimePart(j, false, true) < 0) return null;
    return checkRanges(withYearless(moment(true, true, y, mo, d, ph, pmi, ps, poff), yearless));
  }
  // Stryker disable next-line EqualityOperator: equivalent, parseTimePart answers -1 or the token count, never 0
  if (parseTimePart(0, allowCompactTime) >= 0) return checkRanges(moment(false, true, 0, 0, 0, ph, pmi, ps, poff));
  return null;
}

function withYearless(m: Moment, yearless: boolean): Moment {
  if (yearless) m.yearless = true;
  return m;
}

/**
 * The year of a year-less day: the last such day on or before the statement's date
 * (a January statement's "12/28" is December of the year before).
 */
function yearFor(m: Moment, referenceDate: string | undefined): number | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent, the pattern finds no match in "undefined" either
  const ref = referenceDate === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(referenceDate);
  if (ref === null) return undefined;
  const [ry, rmo, rd] = [Number(ref[1]), Number(ref[2]), Number(ref[3])];
  const year = m.mo < rmo || (m.mo === rmo && m.d <= rd) ? ry : ry - 1;
  // 02/29 in a year without one
  return m.d > daysInMonth(year, m.mo) ? undefined : year;
}

function checkRanges(m: Moment): Moment | null {
  if (m.hasDate) {
    if (m.y < 1000 || m.y > 9999 || m.mo < 1 || m.mo > 12 || m.d < 1) return null;
    if (m.d > daysInMonth(m.y, m.mo)) return null;
  }
  // Stryker disable next-line ConditionalExpression: equivalent for true, a date without a time holds 00:00:00
  if (m.hasTime) {
    if (m.h > 23 || m.mi > 59 || m.s > 59) return null;
  }
  return m;
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

// ---------------------------------------------------------------------------
// Memo and zone math.

// false caches "not a date" (the cache itself uses undefined for a miss)
const momentCache = new BoundedCache<Moment | false>(20_000);

function cachedMoment(raw: string, allowCompactTime: boolean): Moment | null {
  // ISO cells, and the US date and clock cells carrier exports are full of, are parsed
  // directly: cheaper than building and hashing a memo key
  // Stryker disable next-line LogicalOperator: equivalent, with && an ISO cell goes to parseMoment, which reads it by the same fast path
  const fast = parseIsoFast(raw) ?? (allowCompactTime ? parseClockFast(raw) : parseSlashDateFast(raw));
  // Stryker disable next-line ConditionalExpression: equivalent, parseMoment gives the fast paths' answers (datetime-fast-paths.test.ts holds them to it)
  if (fast !== null) return checkRanges(fast);
  const key = allowCompactTime ? 't\u0000' + raw : raw;
  const hit = momentCache.get(key);
  // Stryker disable next-line ConditionalExpression: equivalent for false (no memo, the same answers); a memo hit of false is tested by the refusal reasons
  if (hit !== undefined) return hit === false ? null : hit;
  const m = parseMoment(raw, allowCompactTime);
  // Stryker disable next-line ConditionalExpression: equivalent, Object.freeze(null) is null, which a later read answers as null too
  momentCache.set(key, m === null ? false : Object.freeze(m));
  return m;
}

interface ZoneInfo {
  zone: Zone | null;
  /** offset (minutes) per 15-minute bucket of UTC time: zone transitions fall on such boundaries */
  offsets: Map<number, number>;
}
const zones = new Map<string, ZoneInfo>();

// Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral,ArrowFunction: equivalent, luxon reads each of these names as UTC too; this only saves its zone lookup
const utcName = (upper: string) => upper === 'UTC' || upper === 'ETC/UTC' || upper === 'GMT';

function zoneInfo(name: string): ZoneInfo | null {
  let info = zones.get(name);
  // Stryker disable next-line ConditionalExpression: equivalent, a memo: looked up afresh, or kept without bound, it gives the same answers
  if (info === undefined) {
    const upper = name.toUpperCase();
    if (upper === 'Z' || utcName(upper)) {
      info = { zone: null, offsets: new Map() };
    } else {
      const zone = Info.normalizeZone(name);
      if (!zone.isValid) return null;
      info = { zone, offsets: new Map() };
    }
    zones.set(name, info);
  }
  return info;
}

// Stryker disable next-line ArithmeticOperator: equivalent, the mutants make the buckets finer (250 ms, 0.9 ms), which only makes the memo hit less often
const BUCKET_MS = 15 * 60 * 1000;

function offsetAt(info: ZoneInfo, ts: number): number {
  // Stryker disable next-line ConditionalExpression: equivalent, wallToUtc returns before it asks for a UTC zone's offset
  if (info.zone === null) return 0;
  // Stryker disable next-line ArithmeticOperator: equivalent, a finer key only makes the memo hit less often
  const bucket = Math.floor(ts / BUCKET_MS);
  let o = info.offsets.get(bucket);
  // Stryker disable next-line ConditionalExpression: equivalent, a memo: looked up afresh, or kept without bound, it gives the same answers
  if (o === undefined) {
    o = info.zone.offset(ts);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a memo: looked up afresh, or kept without bound, it gives the same answers
    if (info.offsets.size > 200_000) info.offsets.clear();
    info.offsets.set(bucket, o);
  }
  return o;
}

/**
 * UTC ms for a wall-clock time in a zone. A time in a gap (spring forward) moves forward
 * by the gap, as luxon does. A repeated hour (fall back) takes its first (daylight)
 * occurrence: deterministic, where luxon's choice depends on today's offset.
 *
 * The instant lies within 14 hours before and 12 after the wall clock read as UTC (the
 * widest offsets), so the offsets an hour beyond that window are the two it can have (no
 * zone changes its offset twice in 28 hours); each reading that gives back its own offset
 * is an occurrence of the wall clock.
 */
function wallToUtc(info: ZoneInfo, local: number): number {
  // Stryker disable next-line ConditionalExpression: equivalent, offsetAt answers 0 for UTC, and local minus 0 is local
  if (info.zone === null) return local;
  const early = offsetAt(info, local - EARLIEST_MS);
  const late = offsetAt(info, local + LATEST_MS);
  const first = local - early * 60000;
  // Stryker disable next-line ConditionalExpression: equivalent, a shortcut: with one offset the reading below gives the same instant
  if (early === late) return first;
  const second = local - late * 60000;
  const firstHolds = offsetAt(info, first) === early;
  const secondHolds = offsetAt(info, second) === late;
  if (firstHolds && secondHolds) return Math.min(first, second);
  if (secondHolds) return second;
  // the first reading holds alone; or neither does (a gap): the offset before the change
  // moves the wall clock forward by the gap
  return first;
}

const EARLIEST_MS = 15 * 3600_000;
const LATEST_MS = 13 * 3600_000;

const DAY_MS = 86_400_000;
// "YYYY-MM-DDT" per day number, as character codes: rows of a log share a handful of days
const dayPrefixes = new Map<number, number[]>();
const ZERO = 0x30;
const COLON = 0x3a;

/**
 * `YYYY-MM-DDTHH:mm:ssZ` for a UTC instant (whole seconds, fractions dropped). Made by one
 * String.fromCharCode call: joined with `+`, the pieces would make a chain of V8 cons
 * strings, six objects per value, which the record packer then flattens (another copy)
 * to read them: ~0.06 us more per value.
 */
function isoUtc(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let p = dayPrefixes.get(day);
  // Stryker disable next-line ConditionalExpression: equivalent, a memo: looked up afresh, or kept without bound, it gives the same answers
  if (p === undefined) {
    const text = new Date(day * DAY_MS).toISOString();
    p = Array.from({ length: 11 }, (_, i) => text.charCodeAt(i));
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a memo: looked up afresh, or kept without bound, it gives the same answers
    if (dayPrefixes.size > 50_000) dayPrefixes.clear();
    dayPrefixes.set(day, p);
  }
  const sec = Math.floor((ms - day * DAY_MS) / 1000);
  const h = Math.floor(sec / 3600);
  const m = Math.floor(sec / 60) % 60;
  const s = sec % 60;
  return String.fromCharCode(
    p[0]!, p[1]!, p[2]!, p[3]!, p[4]!, p[5]!, p[6]!, p[7]!, p[8]!, p[9]!, p[10]!,
    ZERO + Math.floor(h / 10), ZERO + (h % 10), COLON,
    ZERO + Math.floor(m / 10), ZERO + (m % 10), COLON,
    ZERO + Math.floor(s / 10), ZERO + (s % 10), 0x5a, // Z
  );
}

// ---------------------------------------------------------------------------
// Public API.

/**
 * Parse a date (and optional separate time cell) to an ISO 8601 UTC instant,
 * `YYYY-MM-DDTHH:mm:ssZ`.
 *
 * Dates: ISO (`2025-11-03`, with time and `Z`/offset), `MM/DD/YYYY`, `M/D/YY`,
 * `YYYY/MM/DD`, `DD.MM.YYYY`, `Nov 3, 2025`, `03-Nov-2025`, weekday prefixes, `20251103`,
 * epoch seconds/ms and spreadsheet serial days. Slashed/dashed dates are US month-first
 * unless the first number exceeds 12; dotted dates are day-first.
 * Times: `2:05 PM`, `2:05PM`, `2:05p`, `14:05`, `14:05:09`, optional zone (`Z`, `+05:30`,
 * `EST`); a separate time cell may also be compact (`1405`).
 *
 * A non-blank `timeRaw` wins over any time inside `dateRaw` (spreadsheets export date
 * cells as midnight). A date with no time is midnight in `opts.timezone`.
 */
export function parseDateTime(dateRaw: string, timeRaw: string | undefined, opts: DateTimeOptions): DateTimeResult {
  if (isBlankCell(dateRaw)) return EMPTY;
  let date = cachedMoment(dateRaw, false);
  if (date === null) return fail('not a recognised date');
  if (!date.hasDate) return fail('time without a date');
  if (opts.dayFirst === true && swapsForDayFirst(date, dateRaw)) date = { ...date, mo: date.d, d: date.mo };
  if (date.yearless === true) {
    const y = yearFor(date, opts.referenceDate);
    if (y === undefined) return fail('a date without a year, and no statement date to take it from');
    date = { ...date, y };
  }

  let h = date.h;
  let mi = date.mi;
  let s = date.s;
  let offset = date.offset;
  // Stryker disable next-line ConditionalExpression: equivalent, isBlankCell answers true for undefined
  if (timeRaw !== undefined && !isBlankCell(timeRaw)) {
    const time = dottedClock(timeRaw) ?? cachedMoment(timeRaw, true);
    if (time === null || !time.hasTime) return fail(`not a recognised time: "${timeRaw.trim()}"`);
    h = time.h;
    mi = time.mi;
    s = time.s;
    if (time.offset !== null) offset = time.offset;
  }

  const local = Date.UTC(date.y, date.mo - 1, date.d, h, mi, s);
  let utc = local - (offset ?? 0) * 60000;
  if (offset === null) {
    const info = zoneInfo(opts.timezone);
    if (info === null) return fail(`unknown time zone "${opts.timezone}"`);
    utc = wallToUtc(info, local);
  }
  // the last hours of 9999 written with a western offset or zone: past what YYYY can hold
  if (utc > LAST_ISO_MS) return fail('after the year 9999 in UTC');
  return { ok: true, iso: isoUtc(utc) };
}

const LAST_ISO_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

/**
 * Parse a calendar date to `YYYY-MM-DD` (any time in the cell is ignored; no zone
 * conversion: the date is taken as written). Accepts the formats of {@link parseDateTime}.
 */
export function parseDate(raw: string, opts: { dayFirst?: boolean; referenceDate?: string } = {}): DateResult {
  if (isBlankCell(raw)) return EMPTY;
  // Stryker disable next-line BooleanLiteral: equivalent, a cell whose time part is compact is refused either way (parseMoment never reads a compact time after a date), and a time alone is no date
  let m = cachedMoment(raw, false);
  if (m === null || !m.hasDate) return fail('not a recognised date');
  const swap = opts.dayFirst === true && swapsForDayFirst(m, raw);
  if (swap) m = { ...m, mo: m.d, d: m.mo };
  if (m.yearless === true) {
    const y = yearFor(m, opts.referenceDate);
    if (y === undefined) return fail('a date without a year, and no statement date to take it from');
    m = { ...m, y };
  }
  return { ok: true, iso: `${m.y}-${pad2(m.mo)}-${pad2(m.d)}` };
}

const DOTTED_CLOCK = /^(\d{1,2})\.(\d{2})(?:\.(\d{2}))?$/;

/**
 * A time of day written with dots, as Nordic and Finnish bills print it in a time column of
 * its own ("08.14.22", "8.05"): read only where a cell is known to be a time (in a date cell
 * "08.11.22" is a date). Null when the cell is not such a time.
 */
function dottedClock(raw: string): Moment | null {
  const m = DOTTED_CLOCK.exec(raw.trim());
  if (m === null) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? 0);
  // Stryker disable next-line BooleanLiteral: equivalent, parseDateTime takes only the clock and offset of a time cell
  return h < 24 && mi < 60 && s < 60 ? moment(false, true, 0, 0, 0, h, mi, s, null) : null;
}

/** True when a separate time cell holds a dotted time of day ({@link parseDateTime} reads it as such). */
export function isDottedClock(raw: string): boolean {
  return dottedClock(raw) !== null;
}

/**
 * What a cell looks like, for suggesting a mapping from sample values: a date, a time of
 * day, both, or null. Bare numbers (epoch, spreadsheet serials, "1405") count as none.
 */
export function detectDateTimeShape(raw: string): DateTimeShape | null {
  // Stryker disable next-line ConditionalExpression: equivalent, a blank cell or a blank marker (-, n/a, null) reads as no date or time either
  if (isBlankCell(raw)) return null;
  const m = cachedMoment(raw, false);
  if (m === null || m.numeric) return null;
  if (m.hasDate) return m.hasTime ? 'datetime' : 'date';
  return m.hasTime ? 'time' : null;
}

/**
 * Whether a day-first column swaps the day and month parsed from `raw` (month-first): a
 * numeric date whose day could be the month ("03/04/2025"); not "13/04/2025" (read day-first
 * already), "04/13/2025", "2025-03-04" or "04.03.2025".
 */
function swapsForDayFirst(m: Moment, raw: string): boolean {
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent, the same day and month swap to themselves
  if (m.mo === m.d) return false;
  return m.d <= 12 && NUMERIC_DATE.test(raw);
}

// a numeric date with the day and month first: "03/04/2025", "3-4-25", "Mon 03/04"
const NUMERIC_DATE = /^\s*(?:[a-z]{3,9}\.?,?\s+)?(\d{1,2})([/-])(\d{1,2})(?:\2\d{2,4}\b|\s*$)/i;

/**
 * The order of a column's numeric dates from its values: day-first when one of them
 * starts with a number over 12 ("13/04/2025"), month-first when one has it second
 * ("04/13/2025"); undefined when every date could be read either way.
 */
export function numericDateOrder(values: Iterable<string>): 'day-first' | 'month-first' | undefined {
  for (const v of values) {
    const m = NUMERIC_DATE.exec(v);
    if (m === null) continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) return 'day-first';
    if (b > 12 && a <= 12) return 'month-first';
  }
  return undefined;
}

// Where numeric dates put the month first (ISO 3166 regions); everywhere else the day comes first.
const MONTH_FIRST_REGIONS = new Set(['US', 'CA', 'PH', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'FM', 'MH', 'PW']);

/** Whether numeric dates of a region's exports are day-first ("03/04/2025" = 3 April in GB, 4 March in the US). */
export function regionDatesDayFirst(region: string): boolean {
  return !MONTH_FIRST_REGIONS.has(region.toUpperCase());
}

/**
 * The fixed UTC offset (minutes) of a zone abbreviation exports print ("UTC", "GMT", "Z",
 * "EST", "CET"), or undefined.
 */
export function zoneAbbreviationOffset(abbr: string): number | undefined {
  return ZONE_ABBR.get(abbr.toLowerCase());
}

/**
 * How well a date column and a time-of-day column make one timestamp together, from
 * sample values: the share of rows where both are filled and each parses cleanly as what
 * it is (a date without a time, a time without a date), 0 when either column holds
 * anything else or fewer than 2 rows have both.
 */
export function dateTimePairFit(dateValues: readonly string[], timeValues: readonly string[]): number {
  let both = 0;
  let clean = 0;
  // Stryker disable next-line MethodExpression: equivalent, a row past the shorter column reads undefined, which counts as blank
  const n = Math.min(dateValues.length, timeValues.length);
  // Stryker disable next-line EqualityOperator: equivalent, row n reads undefined, which counts as blank
  for (let i = 0; i < n; i++) {
    const d = dateValues[i]!;
    const t = timeValues[i]!;
    if (isBlankCell(d) || isBlankCell(t)) continue;
    both++;
    // Stryker disable next-line BooleanLiteral: equivalent, compact times are read only in a cell without a date, which is not clean here either way
    const dm = cachedMoment(d, false);
    const tm = cachedMoment(t, true);
    if (dm !== null && dm.hasDate && !dm.hasTime && !dm.numeric && tm !== null && tm.hasTime && !tm.hasDate) clean++;
  }
  return both < 2 ? 0 : clean / both;
}

/** True when `name` is a time zone luxon can use (IANA name, "UTC", "UTC+5"). */
export function isValidTimeZone(name: string): boolean {
  return zoneInfo(name) !== null;
}

function pad2(v: number): string {
  return v < 10 ? '0' + v : String(v);
}

/** The general parser and its fast paths, for the tests that hold them to the same answers. */
export const momentParsersForTests = { parseMoment, parseIsoFast, parseSlashDateFast, parseClockFast, checkRanges };
