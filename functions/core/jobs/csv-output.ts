import Papa from 'papaparse';

/**
 * Turn NDJSON record lines into CSV lines with a fixed column list. Arrays become
 * `;`-joined cells and objects JSON, so every record fits one row. Every text cell (and
 * the header) goes through {@link neutraliseFormula}: the file is meant to be opened in a
 * spreadsheet, and its cells are whatever the uploader's file held.
 */
export function recordsToCsv(lines: string[], columns: string[], withHeader: boolean): string {
  const rows = lines.map((line) => {
    const record = JSON.parse(line) as Record<string, unknown>;
    return columns.map((c) => cell(record[c]));
  });
  return Papa.unparse({ fields: columns.map(neutraliseFormula), data: rows }, { header: withHeader, newline: '\n' }) + '\n';
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  // A JSON number prints as digits, a sign, a point and an exponent: never a formula.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: equivalent, a shortcut: neutraliseFormula leaves a JSON number's or a boolean's text as it is
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return neutraliseFormula(value.map(String).join(';'));
  if (typeof value === 'object') return JSON.stringify(value);
  return neutraliseFormula(String(value));
}

/** What a spreadsheet may read as the start of a formula once it has dropped leading blanks. */
const FORMULA_LEAD = /^[=+\-@]/;
/** Blanks some importers drop before they look (OWASP lists tab and CR; spaces and LF go the same way). */
const LEADING_BLANKS = /^[\t\r\n ]+/;
/** -12.5, +3, 1e-3: a number the spreadsheet shows as that number. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** +15551234567, +1 (555) 123-4567, +44 20 7946 0958: digits and separators, no letters or operators but the lead. */
const PHONE_NUMBER = /^\+\d[\d ().-]*\d$/;

/**
 * Keep a cell from being evaluated as a formula by Excel, LibreOffice or Google Sheets
 * (CSV injection: `=HYPERLINK(...)`, `+cmd|' /C calc'!A0`, `@SUM(...)`, `-2+3+cmd|...`).
 * Following OWASP's guidance, a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (or whose first non-blank character is one of the four) gets a leading
 * `'`, which spreadsheets read as "this is text" and which a person sees for what it is.
 *
 * Two kinds of value are left as they are, because neither can call a function, reach a
 * cell or run a command, and both are common in this product's output: plain numbers
 * (`-12.5`, `+3`, `1e-3`) and phone numbers that are a `+` followed only by digits,
 * spaces, hyphens, dots and parentheses (E.164 `+15551234567`, `+1 (555) 123-4567`).
 * A spreadsheet may compute `+1-555` as a number; it cannot do anything else with it.
 * papaparse's own `escapeFormulae` escapes those too, and its default pattern misses a
 * formula followed by a line break, so the rule is ours.
 */
export function neutraliseFormula(text: string): string {
  const startsBlank = LEADING_BLANKS.test(text);
  const head = startsBlank ? text.replace(LEADING_BLANKS, '') : text;
  const looksLikeFormula = FORMULA_LEAD.test(head) || /^[\t\r]/.test(text);
  if (!looksLikeFormula || PLAIN_NUMBER.test(head) || PHONE_NUMBER.test(head)) return text;
  return `'${text}`;
}
