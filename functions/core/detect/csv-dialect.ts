import { HeaderNotFoundError } from '../errors.ts';

export type Delimiter = ',' | '\t' | ';' | '|';
export type LineEnding = 'crlf' | 'lf' | 'cr' | 'mixed';

export interface CsvDialect {
  delimiter: Delimiter;
  /** 0-based physical line of the header (lines before it are preamble) */
  headerRow: number;
  /** header cells, trimmed */
  headers: string[];
  lineEnding: LineEnding;
  /** complete data records seen in the sample after the header (blank and summary lines excluded) */
  sampleDataRows: number;
  /** the first of those records' cells, at most `maxSampleRows` */
  sampleRows: string[][];
  /** data records per character of sample text after the header; undefined without data rows */
  rowsPerChar?: number;
  /** characters of the sample covered by the records examined (at most `maxRecords`) */
  sampledChars: number;
}

export interface DialectOptions {
  /** the sample is the whole file, so its last line is complete even without a line break */
  complete?: boolean;
  /** records examined at most (default 500) */
  maxRecords?: number;
  /** data rows returned in `sampleRows` at most (default 50) */
  maxSampleRows?: number;
}

const DELIMITERS: readonly Delimiter[] = [',', '\t', ';', '|'];
const DELIMITER_NAMES: Readonly<Record<Delimiter, string>> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };

interface SampleRecord {
  cells: string[];
  /** 0-based physical line where the record starts */
  line: number;
  /** character offset just past the record's line break */
  end: number;
}

/**
 * Detects the delimiter, header row and line endings of delimited text from a sample
 * (the decoded head of the file).
 *
 * The delimiter is the one that splits the most records into the same number (at least
 * two) of columns, quote-aware like the parser: a quote opens a quoted field only at the
 * start of a field, and delimiters and line breaks inside it do not count. The header is
 * the first record, after any preamble (carrier/account/title lines, blank lines), that
 * has that modal width, looks like names (non-empty, mostly not numbers/dates/phones,
 * distinct) and is followed by a record of the same width. Throws HeaderNotFoundError
 * when no record qualifies.
 */
export function detectDialect(sampleText: string, options: DialectOptions = {}): CsvDialect {
  const maxRecords = options.maxRecords ?? 500;
  const candidates = DELIMITERS.map((delimiter) => {
    const records = splitRecords(sampleText, delimiter, maxRecords, options.complete === true);
    return { delimiter, records, ...modalWidth(records) };
  });
  // Most consistent wins; on a tie the wider split, then the order of DELIMITERS.
  const { delimiter, records, width } = candidates.reduce((best, c) =>
    c.count > best.count || (c.count === best.count && c.width > best.width) ? c : best,
  );
  if (records.length === 0 && sampleText.trim().length > 0) {
    throw new HeaderNotFoundError(`No complete line in the first ${sampleText.length} characters: the first line is too long to be a header`);
  }
  const headerIndex = findHeader(records, width);
  if (headerIndex === -1) {
    const lines = records.length === 0 ? 0 : records[records.length - 1]!.line + 1;
    throw new HeaderNotFoundError(
      width > 1
        ? `No header row found in the first ${lines} lines: expected a line of ${width} ${DELIMITER_NAMES[delimiter]}-separated column names followed by rows of the same width`
        : `No header row found in the first ${lines} lines`,
    );
  }
  const header = records[headerIndex]!;
  const dataRecords = records.slice(headerIndex + 1).filter((r) => !isBlankCells(r.cells) && !isSummaryRow(r.cells));
  const last = records[records.length - 1]!;
  const dataChars = last.end - header.end;
  return {
    delimiter,
    headerRow: header.line,
    headers: header.cells.map((c) => c.trim()),
    lineEnding: detectLineEnding(sampleText),
    sampleDataRows: dataRecords.length,
    sampleRows: dataRecords.slice(0, options.maxSampleRows ?? 50).map((r) => r.cells),
    ...(dataRecords.length > 0 && dataChars > 0 ? { rowsPerChar: dataRecords.length / dataChars } : {}),
    sampledChars: last.end,
  };
}

function modalWidth(records: readonly SampleRecord[]): { width: number; count: number } {
  const freq = new Map<number, number>();
  for (const r of records) {
    if (r.cells.length < 2) continue;
    freq.set(r.cells.length, (freq.get(r.cells.length) ?? 0) + 1);
  }
  let width = 1;
  let count = 0;
  for (const [w, c] of freq) {
    if (c > count || (c === count && w > width)) {
      width = w;
      count = c;
    }
  }
  return { width, count };
}

function findHeader(records: readonly SampleRecord[], width: number): number {
  for (let i = 0; i < records.length; i++) {
    const cells = records[i]!.cells;
    if (isBlankCells(cells) || cells.length !== width) continue;
    if (looksLikeHeader(cells)) {
      const next = records.slice(i + 1).find((r) => !isBlankCells(r.cells));
      if (!next || next.cells.length === width) return i;
      continue;
    }
    // A full-width line of values means the data has started without a header.
    if (looksLikeData(cells)) return -1;
  }
  return -1;
}

/** Numbers, money, dates, times, phone numbers, e-mail addresses: values, not column names. */
const DATA_LIKE =
  /^(?:[-+(]?\s*[$€£¥]?\s*\d[\d\s,.:/()'-]*(?:\s*(?:am|pm|%))?|\d{4}-\d{2}-\d{2}[T ]\d.*|[^@\s]+@[^@\s]+\.[a-z]{2,})$/i;

function isDataLike(cell: string): boolean {
  return DATA_LIKE.test(cell);
}

function looksLikeHeader(cells: readonly string[]): boolean {
  const names = cells.map((c) => c.trim()).filter((c) => c.length > 0);
  if (names.length === 0 || names.length * 2 < cells.length) return false;
  if (names.some((n) => n.length > 128)) return false;
  if (names.filter(isDataLike).length * 2 >= names.length) return false;
  if (new Set(names.map((n) => n.toLowerCase())).size < names.length * 0.8) return false;
  return !isSummaryRow(cells);
}

function looksLikeData(cells: readonly string[]): boolean {
  const values = cells.map((c) => c.trim()).filter((c) => c.length > 0);
  return values.length * 2 >= cells.length && values.filter(isDataLike).length * 2 >= values.length;
}

function isBlankCells(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

const SUMMARY_LABEL = /^(?:(?:sub|grand)[\s-]?)?totals?\b|^end of (?:report|file|data|statement)\b|^page \d+(?: of \d+)?$|^\*{2,}\s*end\b/i;

/**
 * True for subtotal/total/footer lines carriers put between data rows: the first
 * non-empty cell is "Subtotal", "Total ...", "Grand Total", "End of report", "Page 2 of 5".
 */
export function isSummaryRow(cells: readonly string[]): boolean {
  for (const cell of cells) {
    let i = 0;
    while (i < cell.length && cell.charCodeAt(i) <= 0x20) i++;
    if (i === cell.length) continue;
    // Cheap first-letter filter: this runs on every data row.
    const c = cell.charCodeAt(i) | 0x20;
    if (c !== 0x73 && c !== 0x74 && c !== 0x67 && c !== 0x65 && c !== 0x70 && cell.charCodeAt(i) !== 0x2a) return false;
    return SUMMARY_LABEL.test(i === 0 ? cell : cell.slice(i));
  }
  return false;
}

function detectLineEnding(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 0x0d) crlf++;
    else lf++;
  }
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 0x0a && i + 1 < text.length) cr++;
  }
  const kinds = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (kinds > 1) return 'mixed';
  if (crlf > 0) return 'crlf';
  if (cr > 0) return 'cr';
  return 'lf';
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Splits text into records the way the parser will (quote-aware). A record left open by
 * the end of the sample (cut line or unclosed quote) is dropped unless `complete`.
 */
function splitRecords(text: string, delimiter: Delimiter, maxRecords: number, complete: boolean): SampleRecord[] {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const records: SampleRecord[] = [];
  let i = 0;
  let line = 0;
  while (i < n && records.length < maxRecords) {
    const startLine = line;
    const cells: string[] = [];
    let terminated = false;
    for (;;) {
      let value = '';
      if (text.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        let closed = false;
        while (j < n) {
          const q = text.indexOf('"', j);
          if (q === -1) break;
          line += countLineBreaks(text, j, q);
          value += text.slice(j, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            j = q + 2;
            continue;
          }
          j = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          // Unclosed quote: the field runs to the end of the sample.
          cells.push(value + text.slice(j));
          i = n;
          break;
        }
        i = j;
      }
      // Unquoted field, or stray text after a closing quote: up to delimiter or line break.
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === delim || c === LF || c === CR) break;
        k++;
      }
      value += text.slice(i, k);
      cells.push(value);
      i = k;
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      terminated = true;
      break;
    }
    if (terminated || (complete && i >= n)) records.push({ cells, line: startLine, end: i });
  }
  return records;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}
