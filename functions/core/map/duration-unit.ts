import { parseDateTime } from '../enrich/datetime.ts';
import { parseNumber } from '../enrich/number.ts';
import { isBlankCell } from '../enrich/result.ts';
import { headerStatesDurationUnit } from '../records/column-hints.ts';

/**
 * The unit of a duration column whose header does not say it, read from the call's own clock:
 * Dialpad's `talk_duration` prints 5.7 for a call connected at 15:04:20 and ended at 15:10:02,
 * which is 342 seconds, so the column is in minutes. Read as seconds, every call would be 60
 * times too short and the job would still succeed. Only a file that prints when calls start
 * and end can say this; without that the column stays in seconds (the header's unit, when it
 * states one, is read where the records are built).
 */

/** Rows whose two clocks and duration agree in a unit before that unit is taken. */
const MIN_AGREEING_ROWS = 3;
/** ...and the share of the compared rows they must be. */
const AGREEING_SHARE = 0.8;

/**
 * 60 when the column's numbers are minutes by a start and an end column of the same rows (and
 * not seconds by any pair of them), else undefined. `rows`: the mapper's sample rows.
 */
export function durationScaleFromClocks(headers: readonly string[], rows: readonly (readonly string[])[], column: number): 60 | undefined {
  if (headerStatesDurationUnit(headers[column])) return undefined;
  const values = rows.map((r) => readNumber(r[column]));
  // the duration column itself reads as no clock (a number, or a time without a date)
  const clocks = headers.map((_, c) => readClock(rows, c)).filter((t) => t !== undefined);
  let minutes = false;
  for (const start of clocks) {
    for (const end of clocks) {
      let seconds = 0;
      let inMinutes = 0;
      let compared = 0;
      values.forEach((v, i) => {
        // NaN (a clock or the duration missing) and calls that did not go forward are not compared
        const elapsed = (end[i]! - start[i]!) / 1000;
        if (!(elapsed > 0) || v === undefined) return;
        compared++;
        if (near(v, elapsed)) seconds++;
        if (near(v * 60, elapsed)) inMinutes++;
      });
      if (agreeing(seconds, compared)) return undefined;
      if (agreeing(inMinutes, compared)) minutes = true;
    }
  }
  return minutes ? 60 : undefined;
}

const agreeing = (rows: number, compared: number) => rows >= MIN_AGREEING_ROWS && rows >= compared * AGREEING_SHARE;

/** Within two seconds, or 2 % of a long call (clocks printed to the second, minutes to two decimals). */
const near = (value: number, elapsed: number) => Math.abs(value - elapsed) <= Math.max(2, elapsed * 0.02);

function readNumber(cell: string | undefined): number | undefined {
  if (cell === undefined || cell.includes(':')) return undefined;
  const n = parseNumber(cell);
  return n.ok && n.range !== true ? n.value : undefined;
}

/** A column's instants (ms; NaN where a cell is none), when most of its filled cells are a date with a time of day. */
function readClock(rows: readonly (readonly string[])[], column: number): number[] | undefined {
  const cells = rows.map((r) => r[column] ?? '').filter((cell) => !isBlankCell(cell));
  const out = rows.map((r) => {
    const cell = r[column] ?? '';
    // a date and a time in one cell; the zone does not matter for a difference
    const t = /\d:\d\d/.test(cell) ? parseDateTime(cell, undefined, { timezone: 'UTC' }) : undefined;
    return t?.ok === true ? Date.parse(t.iso) : NaN;
  });
  const read = out.filter((t) => !Number.isNaN(t)).length;
  return cells.length > 0 && read >= cells.length * AGREEING_SHARE ? out : undefined;
}
