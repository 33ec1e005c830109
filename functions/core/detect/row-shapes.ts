import { parseDate } from '../enrich/datetime.ts';

/**
 * What a row of cells looks like: a header, data, a blank line, a Subtotal/Total line or a
 * context line (carrier, account, section title). Shared by header detection (Classify)
 * and the table assembler (Parse) so both judge rows the same way.
 */

/** Numbers, money, dates, times, phone numbers, e-mail addresses: values, not column names. */
const DATA_LIKE =
  /^(?:[-+(]?\s*[$€£¥]?\s*\d[\d\s,.:/()'-]*(?:\s*(?:am|pm|a|p|%))?|\d{4}-\d{2}-\d{2}[T ]\d.*|[^@\s]+@[^@\s]+\.[a-z]{2,})$/i;

/**
 * Dates written with a month name ("Feb 24, 2026", "24. Februar 2026", "Jan 21 - Feb 20, 2026"):
 * a statement's "Issue Date,Feb 24, 2026" line is a label and its value, not a header.
 */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DAY_MONTH_YEAR = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?|\\d{1,2}\\.?\\s+${MONTH}(?:\\s+\\d{4})?)`;
const DATE_IN_WORDS = new RegExp(`^${DAY_MONTH_YEAR}(?:\\s*[-–]\\s*${DAY_MONTH_YEAR})?$`, 'i');

export function isDataLike(cell: string): boolean {
  const t = cell.trim();
  return DATA_LIKE.test(t) || (/\d{4}$/.test(t) && DATE_IN_WORDS.test(t));
}

/**
 * How many of a header's names must be distinct: a row of repeated names is more likely a
 * group row over the header (merged cells filled in) than the header, so header searches
 * look for `preferred` first; but exports do repeat column names ("Number" for each party
 * of a call), so a row that is only `allowed` is the header when no row is `preferred`.
 */
export const DISTINCT_NAMES = { preferred: 0.8, allowed: 0.5 } as const;

/** Non-empty, mostly not values, at most 128 characters each, mostly distinct (see DISTINCT_NAMES), not a summary line. */
export function looksLikeHeader(cells: readonly string[], distinct: number = DISTINCT_NAMES.preferred): boolean {
  const names = cells.map((c) => c.trim()).filter((c) => c.length > 0);
  // (no names at all fails the count of values below: 0 * 2 >= 0)
  if (names.length * 2 < cells.length) return false;
  if (names.some((n) => n.length > 128)) return false;
  if (names.filter(isDataLike).length * 2 >= names.length) return false;
  if (new Set(names.map((n) => n.toLowerCase())).size < names.length * distinct) return false;
  return !isSummaryRow(cells);
}

/** At least half the cells filled, and at least half of those are values. */
export function looksLikeData(cells: readonly string[]): boolean {
  const values = cells.map((c) => c.trim()).filter((c) => c.length > 0);
  return values.length * 2 >= cells.length && values.filter(isDataLike).length * 2 >= values.length;
}

/**
 * A cell with more than white space in it. White space is what trim() takes away, a
 * non-breaking space (U+00A0, which spreadsheets export for an empty-looking cell) included.
 */
function isFilledCell(c: string): boolean {
  const ch = c.charCodeAt(0);
  // The common case first, a cell that starts with printable ASCII.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a fast path, narrowed or skipped trim() answers the same (widened to a space, the blank-cell tests fail, but it shares this line)
  if (ch > 0x20 && ch < 0x7f) return true;
  return c.trim() !== '';
}

export function isBlankCells(cells: readonly string[]): boolean {
  for (const c of cells) {
    if (isFilledCell(c)) return false;
  }
  return true;
}

/** Number of non-blank cells, counting no further than `stopAt`. */
export function countFilled(cells: readonly string[], stopAt = Infinity): number {
  let n = 0;
  for (const c of cells) {
    if (isFilledCell(c)) {
      n++;
      if (n >= stopAt) return n;
    }
  }
  return n;
}

/** 1 + index of the last non-blank cell (0 for a blank row). */
export function filledWidth(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) {
    if (isFilledCell(cells[i]!)) return i + 1;
  }
  return 0;
}

/**
 * Labels of subtotal and total lines, in the languages of the bills read here: Subtotal,
 * Grand Total, Summe, Zwischensumme, Gesamt, Summa, Totalt, Totaal, Somme, Sous-total,
 * Suma, Razem, Celkem, Yhteensä, I alt, Toplam, Итого, Всего, 合計, 小計, 합계.
 */
const SUMMARY_LABEL = new RegExp(
  '^(?:(?:sub|grand)[\\s-]?)?totals?\\b|^end of (?:report|file|data|statement)\\b|^page \\d+(?: of \\d+)?$|^\\*{2,}\\s*end\\b|' +
    // the other languages' labels only as the whole cell: "Summa Equity" or "Suma SA" is a name
    '^(?:(?:zwischen|gesamt|end)?summen?|gesamt(?:betrag)?|insgesamt|(?:del)?summa|totalt|(?:sub)?totaa?le?|(?:sous-?)?total|somme|suma|razem|celkem|yhteensä|i alt|toplam|итого|всего|合計|小計|合计|小计|总计|합계|총계)\\s*:?\\s*$',
  'iu',
);
/** First letters of those labels: a cheap filter, since this runs on every data row. */
const SUMMARY_FIRST = new Set('stgepzidrcy*иво合小总합총');

/**
 * True for subtotal/total/footer lines carriers put between data rows: the first
 * non-empty cell is "Subtotal", "Total ...", "Grand Total", "Summe", "End of report",
 * "Page 2 of 5" (see SUMMARY_LABEL).
 */
export function isSummaryRow(cells: readonly string[]): boolean {
  for (const cell of cells) {
    let i = 0;
    while (cell.charCodeAt(i) <= 0x20) i++; // NaN past the end stops it
    if (i === cell.length) continue;
    // Stryker disable next-line ConditionalExpression: a fast path; SUMMARY_LABEL refuses a cell whose first letter is none of these
    if (!SUMMARY_FIRST.has(cell[i]!.toLowerCase())) return false;
    // Stryker disable next-line ConditionalExpression: slice(0) is the cell itself
    return SUMMARY_LABEL.test(i === 0 ? cell : cell.slice(i));
  }
  return false;
}

/** Labels of the customer's account on a statement, in the languages of the bills read here. */
const ACCOUNT_LABEL =
  '(?:account|acct|ban|kundennummer|kunden-?nr\\.?|kontonummer|vertragsnummer|kundnummer|kundenummer|klantnummer|asiakasnumero|' +
  'num[ée]ro (?:de )?(?:compte|client)|n° (?:de )?(?:compte|client)|numero cliente|n[úu]mero de (?:cuenta|cliente)|numer klienta|číslo zákazníka)';
const ACCOUNT = new RegExp(`(?:^|[^\\p{L}])${ACCOUNT_LABEL}(?![\\p{L}])(?:\\s*(?:number|no\\.?|num(?:ber)?|#|id))?\\s*[:#]?\\s*([A-Z0-9][A-Z0-9-]*\\d[A-Z0-9-]*(?: \\d[\\d-]*)*)`, 'iu');
const ACCOUNT_LINE = new RegExp(`^\\s*${ACCOUNT_LABEL}(?![\\p{L}])`, 'iu');

/** The account number of an "Account Number: 287-445-1093" style line, if it is one. */
export function findAccountNumber(text: string): string | undefined {
  return ACCOUNT.exec(text)?.[1];
}

// North American, international (+), and national numbers with a trunk 0 ("0152 28817386", "08-123 456 78")
const PHONE_IN_TEXT = /(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\b\d{3})[\s.-]?\d{3}[\s.-]\d{4}\b|\+\d{1,3}[\s.-]?\d[\d\s.-]{6,14}\d|\b1?\d{10}\b|\b0\d{1,4}[\s/.-]?\d[\d\s.-]{4,12}\d\b/;
/** Words before a number that make it the line the statement is about. */
const LINE_LABEL =
  /(?:^|[^\p{L}])(?:wireless|mobile|cell(?:ular)?|line|phone|subscriber|user|msisdn|mdn|device|service|target|rufnummer|anschluss|mobilnummer|handynummer|telefonnummer|ligne|num[ée]ro de (?:t[ée]l[ée]phone|ligne|mobile)|abonnemang|abonnement|mobilnummer|telefonnummer|nummer|linea|l[íi]nea|n[úu]mero|liittymä|puhelinnumero)(?![\p{L}])[^0-9+]*$|\bfor\s*$/iu;
/** A person's or company's name in capitals or title case, as statements print above a line's usage. */
const NAME_ONLY = /^[A-Za-z][A-Za-z .,'&-]{1,80}$/;
/** Labels of other numbers a statement prints ("Invoice 2145550187", "Account Number: ..."). */
const OTHER_NUMBER = /\b(?:invoice|bill|billing|order|ref|reference|account|acct|customer|page|id|no|number|statement|period|total|date)\b/i;
/** Numbers a statement prints that are not the line: the carrier's own. */
const NOT_A_LINE = /\b(?:customer|support|care|help|fax|call us|toll[\s-]free|questions?|dial)\b/i;

/**
 * The phone line a statement block is about, from one of its context lines:
 * "Wireless Number: 312-404-7781", "Wireless Statement for 214-555-0187 - ...", or a
 * name followed by the number ("JANE DOE,214-662-0187"); undefined otherwise (a
 * customer-service number is not a line).
 */
export function findLineNumber(text: string): string | undefined {
  if (NOT_A_LINE.test(text)) return undefined;
  const m = PHONE_IN_TEXT.exec(text);
  // "01.02.2026" has the shape of a national number too
  if (m === null || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/.test(m[0])) return undefined;
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length).trim();
  const name = before.trim().replace(/[,:;-]\s*$/, '');
  if (LINE_LABEL.test(before) || (NAME_ONLY.test(name) && !OTHER_NUMBER.test(name) && after.length === 0)) return m[0]; // (it starts and ends with no space)
  return undefined;
}

/**
 * A line that is context, not data: one filled cell holding text (a carrier name, an
 * account line, a section title), or an account or line identification however it is
 * split into cells ("Account:,123456789", "JANE DOE,214-662-0187").
 */
export function isContextLine(cells: readonly string[]): boolean {
  const filled = countFilled(cells, 3);
  const text = cells.filter((c) => c.trim().length > 0).join(' ');
  if (filled === 1) return !isDataLike(text) && text.length <= 200;
  if (filled !== 2) return false;
  return (findAccountNumber(text) !== undefined && ACCOUNT_LINE.test(text)) || findLineNumber(text) !== undefined;
}

/** The text of a context line: its filled cells joined by a space. */
export function lineText(cells: readonly string[]): string {
  const parts: string[] = [];
  for (const c of cells) {
    const t = c.trim();
    // A merged cell filled across its columns is one text.
    if (t.length > 0 && t !== parts[parts.length - 1]) parts.push(t);
  }
  return parts.join(' ');
}

const KINDS: readonly [kind: string, pattern: RegExp][] = [
  ['messaging', /\b(?:messag\w*|texts?|texting|sms|mms|msgs?)\b/i],
  ['data', /\b(?:data|internet|kb|mb|gb|kilobytes?|megabytes?|gprs|bytes)\b/i],
  ['voice', /\b(?:voice|calls?|calling|minutes?|mins?|airtime|number called)\b/i],
];

function kindIn(text: string): string | undefined {
  for (const [kind, pattern] of KINDS) if (pattern.test(text)) return kind;
  return undefined;
}

export interface SectionContextInfo {
  kind: string;
  title?: string;
  accountNumber?: string;
  /** the phone line of a statement block ("JANE DOE,214-662-0187"), as printed */
  lineNumber?: string;
}

/**
 * The context of a section from the lines before its header (carrier, account, title)
 * and the header itself: the kind ("voice", "data", "messaging") from the title, else
 * from the column names, else `section <n>`; the account number from an account line.
 */
export function describeSection(contextLines: readonly string[], headers: readonly string[], ordinal: number): SectionContextInfo {
  let accountNumber: string | undefined;
  let lineNumber: string | undefined;
  let title: string | undefined;
  for (const line of contextLines) {
    const account = findAccountNumber(line);
    const phone = findLineNumber(line);
    if (account !== undefined) accountNumber = account;
    // "Account 123456789 - Wireless Number 312-404-7781" names both; a 10-digit account alone is no line
    if (phone !== undefined && (account === undefined || !phone.replace(/\D/g, '').includes(account.replace(/\D/g, '')))) lineNumber = phone;
    else if (account === undefined && line.trim().length > 0) title = line.trim();
  }
  const titled = contextLines.map((l) => kindIn(l)).find((k) => k !== undefined);
  const kind = titled ?? kindIn(headers.join(' | ')) ?? `section ${ordinal}`;
  return {
    kind,
    ...(title !== undefined ? { title: title.slice(0, 200) } : {}),
    ...(accountNumber !== undefined ? { accountNumber } : {}),
    ...(lineNumber !== undefined ? { lineNumber } : {}),
  };
}

const MONTH_WORD = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** Dates with a year as statements print them: 02/20/2026, 28.02.2026, 2026-02-28, Feb 20, 2026, 20 Feb 2026. */
const DATE_WITH_YEAR = new RegExp(
  `\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b${MONTH_WORD}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b|\\b\\d{1,2}\\.?\\s+${MONTH_WORD}\\s+\\d{4}\\b`,
  'gi',
);

/**
 * The statement's date from the lines above its table (its period's end, its issue date:
 * the latest date with a year printed there), as `YYYY-MM-DD`; rows that print only day
 * and month take their year from it. Undefined when the lines print no such date.
 */
export function statementDateIn(lines: readonly string[]): string | undefined {
  let latest: string | undefined;
  for (const line of lines) {
    for (const m of line.matchAll(DATE_WITH_YEAR)) {
      const d = parseDate(m[0]);
      if (
        // Stryker disable next-line ConditionalExpression: a date that does not parse has no iso, which is never later, and at the first leaves latest undefined
        d.ok &&
        // Stryker disable next-line EqualityOperator: an equal date sets latest to the value it has
        (latest === undefined || d.iso > latest)
      ) {
        latest = d.iso;
      }
    }
  }
  return latest;
}
