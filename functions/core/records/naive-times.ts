import { parseDateTime, type DateTimeOptions } from '../enrich/datetime.ts';
import { WARNING_CODES, type JobWarning } from '../jobs/warnings.ts';
import { regionDefaults, regionZoneExample } from './region-defaults.ts';

/*
 * Clock times that say nothing of their zone ("2026-03-01 14:05", "3/1/26 2:05 PM") are read
 * in the job's `timezone`, else in the zone of the region's exports (a French bill's times
 * are Paris time). A region with several zones (the United States, Canada, Australia…) or
 * none known gives no zone, and such times are stored as if they were UTC: hours off for
 * most of those users, and the job succeeded. The job says so instead, with a count.
 */

/**
 * Whether a job's naive clock times fall back to UTC: it names no `timezone` and its region
 * (named by the job or read from the file) gives none. A header that declares a zone
 * ("(UTC) Time", "Date (EST)") still wins for its own column; the converter checks that.
 */
export function naiveTimesFallBackToUtc(options: { timezone?: string }, region: string): boolean {
  return options.timezone === undefined && regionDefaults(region).timezone === undefined;
}

/**
 * A zone twelve hours from UTC the whole year: a value read there and in UTC gives the same
 * instant only when it carries its own zone or offset.
 */
const PROBE_ZONE = 'UTC+12';

/**
 * Whether a date-time that `parseDateTime` read as `readAsUtc` (with `timezone: 'UTC'`) was
 * a wall-clock value: read again twelve hours away, it lands elsewhere. A date alone in a
 * date-time column is midnight read as UTC, and counts too.
 */
export function isNaiveTime(dateRaw: string, timeRaw: string | undefined, opts: DateTimeOptions, readAsUtc: string): boolean {
  const probe = parseDateTime(dateRaw, timeRaw, { ...opts, timezone: PROBE_ZONE });
  return probe.ok && probe.iso !== readAsUtc;
}

/** Shapes a column remembers; past them, values are probed one by one (a column of free text has many). */
export const MAX_SHAPES = 256;

/** A column's naive-time test: true when the value read as `readAsUtc` was a wall-clock value. */
export interface NaiveTimeProbe {
  (dateRaw: string, timeRaw: string | undefined, readAsUtc: string): boolean;
  /** how many values were read the second time so far (the others' shape was known) */
  readonly readings: number;
}

/**
 * `isNaiveTime` for one column, remembered by the values' shape: their text with every digit
 * a 0. Whether a value carries its zone shows in its letters and signs ("Z", "+01:00", "EST"),
 * never in its digits, and a call log prints its times in one or two shapes, so the second
 * reading (about as slow as the first) runs a few times per column instead of once per row.
 */
export function naiveTimeProbe(opts: DateTimeOptions): NaiveTimeProbe {
  const byShape = new Map<number, boolean>();
  let readings = 0;
  const probe = (dateRaw: string, timeRaw: string | undefined, readAsUtc: string): boolean => {
    const shape = shapeKey(dateRaw, timeRaw);
    let naive = byShape.get(shape);
    if (naive === undefined) {
      readings++;
      naive = isNaiveTime(dateRaw, timeRaw, opts, readAsUtc);
      if (byShape.size < MAX_SHAPES) byShape.set(shape, naive);
    }
    return naive;
  };
  return Object.defineProperty(probe, 'readings', { get: () => readings }) as NaiveTimeProbe;
}

/**
 * The shape of a date cell and its time cell as one number: two 32-bit string hashes (FNV-1a
 * and a multiply-by-31), 53 bits of them, over the text with digits read as 0. Two shapes of
 * one column meet on a key about once in 10^11 columns; building the shape as a string instead
 * cost more than the reading it saves.
 */
function shapeKey(dateRaw: string, timeRaw: string | undefined): number {
  let a = 0x811c9dc5;
  let b = 7;
  for (let i = 0; i < dateRaw.length; i++) {
    const c = digitAsZero(dateRaw.charCodeAt(i));
    a = Math.imul(a ^ c, 0x01000193);
    // Stryker disable next-line ArithmeticOperator: equivalent, minus makes another multiply-by-31 hash, as good at keeping shapes apart
    b = (Math.imul(b, 31) + c) | 0;
  }
  if (timeRaw !== undefined) {
    // a separator no cell holds, so "1/2" + "3" and "1/" + "23" differ
    a = Math.imul(a ^ 0xffff, 0x01000193);
    // Stryker disable next-line ArithmeticOperator: equivalent, minus makes another multiply-by-31 hash, as good at keeping shapes apart
    b = (Math.imul(b, 31) + 0xffff) | 0;
    for (let i = 0; i < timeRaw.length; i++) {
      const c = digitAsZero(timeRaw.charCodeAt(i));
      a = Math.imul(a ^ c, 0x01000193);
      // Stryker disable next-line ArithmeticOperator: equivalent, minus makes another multiply-by-31 hash, as good at keeping shapes apart
      b = (Math.imul(b, 31) + c) | 0;
    }
  }
  // Stryker disable next-line ArithmeticOperator: equivalent for -, which keeps the two parts apart as + does (21 low bits, 53 in all)
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

// Stryker disable next-line EqualityOperator: equivalent for c > 48, the digit 0 is 48 either way
const digitAsZero = (c: number) => (c >= 48 && c <= 57 ? 48 : c);

/** The naive clock times a job read as UTC: how many, the first as printed, and the fields they were read for. */
export class NaiveTimeTally {
  count = 0;
  first: string | undefined;
  readonly fields = new Set<string>();

  /** One more, read for `field` from a date cell and its time cell (when the column has one). */
  add(field: string, dateRaw: string, timeRaw?: string): void {
    this.count++;
    this.first ??= timeRaw === undefined || timeRaw.trim() === '' ? dateRaw.trim() : `${dateRaw.trim()} ${timeRaw.trim()}`;
    this.fields.add(field);
  }
}

/**
 * The `times_read_as_utc` warning for `tally`, or undefined when it counted none: which
 * values, why (no timezone on the job, and the region's several zones or none), and what to
 * set. The message names no count: a job's chunks add their counts up under the first
 * chunk's message.
 */
export function naiveTimesWarning(tally: NaiveTimeTally, region: string): JobWarning | undefined {
  if (tally.count === 0) return undefined;
  const known = regionDefaults(region).currency !== undefined;
  const why = known ? `${region} has several time zones` : `no time zone is known for region ${region}`;
  return {
    code: WARNING_CODES.timesReadAsUtc,
    message:
      `Clock times without a zone or offset were stored as UTC, first "${tally.first}": the job names no timezone and ${why}. ` +
      `If they are local times, set it (e.g. --timezone ${regionZoneExample(region)}, or options.timezone) and run the job again; the count is of such values`,
    count: tally.count,
    fields: [...tally.fields],
  };
}
