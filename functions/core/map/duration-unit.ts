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
const SAMPLE_ROWS = 50;

/**
 * 60 when the column's numbers are minutes by the start and end columns of the same rows (and
 * not seconds by any pair of them), else undefined.
 */
export function durationScaleFromClocks(headers: readonly string[], rows: readonly (readonly string[])[], column: number): 60 | undefined {
  if (headerStatesDurationUnit(headers[column])) return undefined;
  const sample = rows.slice(0, SAMPLE_ROWS);
  const values = sample.map((r) => readNumber(r[column]));
  // a duration printed as 0:05:42 already says its unit
  if (values.every((v) => v === undefined)) return undefined;
  const clocks = headers.map((_, c) => (c === column ? undefined : readClock(sample, c))).map((t, c) => ({ c, t }));
  const timed = clocks.filter((x): x is { c: number; t: (number | undefined)[] } => x.t !== undefined);
  let minutes = false;
  for (const start of timed) {
    for (const end of timed) {
      if (start.c === end.c) continue;
      const agree = { seconds: 0, minutes: 0, compared: 0 };
      sample.forEach((_, i) => {
        const from = start.t[i];
        const to = end.t[i];
        const v = values[i];
        if (from === undefined || to === undefined || v === undefined || to <= from) return;
        const elapsed = (to - from) / 1000;
        agree.compared++;
        if (near(v, elapsed)) agree.seconds++;
        if (near(v * 60, elapsed)) agree.minutes++;
      });
      if (agree.seconds >= MIN_AGREEING_ROWS && agree.seconds >= agree.compared * AGREEING_SHARE) return undefined;
      if (agree.minutes >= MIN_AGREEING_ROWS && agree.minutes >= agree.compared * AGREEING_SHARE) minutes = true;
    }
  }
  return minutes ? 60 : undefined;
}

/** Within two seconds, or 2 % of a long call (clocks printed to the second, minutes to two decimals). */
const near = (value: number, elapsed: number) => Math.abs(value - elapsed) <= Math.max(2, elapsed * 0.02);

function readNumber(cell: string | undefined): number | undefined {
  if (cell === undefined || isBlankCell(cell) || cell.includes(':')) return undefined;
  const n = parseNumber(cell);
  return n.ok && n.range !== true && n.value >= 0 ? n.value : undefined;
}

/** A column's instants (ms), when most of its filled cells are dates with a time of day. */
function readClock(rows: readonly (readonly string[])[], column: number): (number | undefined)[] | undefined {
  let filled = 0;
  const out = rows.map((r) => {
    const cell = r[column];
    if (cell === undefined || isBlankCell(cell)) return undefined;
    filled++;
    // a date and a time in one cell; the zone does not matter for a difference
    if (!/\d:\d\d/.test(cell)) return undefined;
    const t = parseDateTime(cell, undefined, { timezone: 'UTC' });
    return t.ok ? Date.parse(t.iso) : undefined;
  });
  const read = out.filter((t) => t !== undefined).length;
  return filled > 0 && read >= filled * AGREEING_SHARE ? out : undefined;
}
