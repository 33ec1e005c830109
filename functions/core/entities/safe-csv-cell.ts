import { neutraliseFormula } from '../jobs/csv-output.ts';

/**
 * One CSV cell that a spreadsheet will not run as a formula, by the same rule as the job
 * output ({@link neutraliseFormula}); quoting follows RFC 4180. Numbers are written as they
 * are (a negative number is data, not a formula).
 */
export function toSafeCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line of safe cells. */
export const toSafeCsvLine = (cells: (string | number | undefined)[]): string => cells.map((c) => toSafeCsvCell(c)).join(',');
