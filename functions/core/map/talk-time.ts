import { parseDurationSeconds } from '../enrich/duration.ts';
import { durationUnitFromHeader } from '../records/column-hints.ts';

/**
 * Whether one call-length column lies within another on every row: each value no longer than
 * the other's, and shorter on at least one of two or more rows where both are printed.
 * Asterisk's `billsec` within `duration`, a PBX's "Talk Time" within its ring-inclusive "Call
 * Time": the shorter is the time talked, what a call log's length means; the longer adds the
 * ringing. Each column is read in the unit its header states (a "(min)" column is minutes).
 */
export function liesWithin(shorter: { header: string; values: readonly string[] }, longer: { header: string; values: readonly string[] }): boolean {
  const shortUnit = durationUnitFromHeader(shorter.header);
  const longUnit = durationUnitFromHeader(longer.header);
  let both = 0;
  let less = 0;
  // Stryker disable next-line EqualityOperator,MethodExpression: equivalent, past the shorter column a value is undefined, read as '', which is no length, so the row is skipped
  for (let i = 0; i < Math.min(shorter.values.length, longer.values.length); i++) {
    // Stryker disable next-line StringLiteral: equivalent, the default is read only past a column's end, and any text that is no length is skipped as '' is
    const a = parseDurationSeconds(shorter.values[i] ?? '', shortUnit);
    // Stryker disable next-line StringLiteral: equivalent, the default is read only past a column's end, and any text that is no length is skipped as '' is
    const b = parseDurationSeconds(longer.values[i] ?? '', longUnit);
    if (!a.ok || !b.ok) continue;
    both++;
    if (a.seconds > b.seconds) return false;
    if (a.seconds < b.seconds) less++;
  }
  return both >= 2 && less > 0;
}
