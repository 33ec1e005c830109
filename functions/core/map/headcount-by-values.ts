import { isBlankCell } from '../enrich/result.ts';

/**
 * A company list's headcount under a header in words nobody wrote down ("Fir-obbree",
 * "ארבעטער", "Mba'apoharakuéra"): of the columns left unused, the only one of whole counts
 * (12, 4, 9, 26) is very likely it. Counts here are plain whole numbers that vary, with no
 * leading zero (a code), not years (a founding year), not rising on every row (row and customer
 * numbers) and not all of one width of four digits or more (postcodes). With two
 * such columns (staff beside a rank or a revenue printed as a whole number) nothing is said.
 */

const COUNT = /^(?:0|[1-9]\d{0,6})$/;

/** True when the column's filled values are whole counts as above, at least two of them and not all alike. */
export function holdsCounts(values: readonly string[]): boolean {
  const filled = values.map((v) => v.trim()).filter((v) => !isBlankCell(v));
  // fewer than two values are fewer than two distinct ones
  if (!filled.every((v) => COUNT.test(v)) || new Set(filled).size < 2) return false;
  const n = filled.map(Number);
  // numbers given in order (rows, customers) and codes of one width (postcodes "10431", "54624"; years,
  // 1800 to 2100, are all four digits wide too)
  const inOrder = n.every((x, i) => i === 0 || x > n[i - 1]!);
  const oneWidth = filled[0]!.length >= 4 && filled.every((v) => v.length === filled[0]!.length);
  return !inOrder && !oneWidth;
}

/** The one column among `columns` that holds counts, or undefined when none or several do. */
export function soleCountColumn(columns: readonly number[], columnValues: (c: number) => readonly string[]): number | undefined {
  const counts = columns.filter((c) => holdsCounts(columnValues(c)));
  return counts.length === 1 ? counts[0] : undefined;
}
