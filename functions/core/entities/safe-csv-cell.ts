/**
 * One CSV cell that a spreadsheet will not run as a formula (CSV injection): text that
 * starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, which
 * Excel, LibreOffice and Google Sheets show as text; quoting follows RFC 4180. Numbers
 * are written as they are (a negative number is data, not a formula).
 */
export function toSafeCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line of safe cells. */
export const toSafeCsvLine = (cells: (string | number | undefined)[]): string => cells.map((c) => toSafeCsvCell(c)).join(',');
