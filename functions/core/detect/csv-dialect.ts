import { HeaderNotFoundError } from '../errors.ts';
import { TableAssembler, type AssembledSection, type ParsedRow, type RenamedColumns } from '../parse/table-assembler.ts';
import { MAX_QUOTED_LINE_BREAKS } from '../parse/csv-tokenizer.ts';
import { recognizeHeaderless } from './headerless-layouts.ts';
import { statementDateIn } from './row-shapes.ts';
import { countFilled, describeSection, DISTINCT_NAMES, filledWidth, isBlankCells, isContextLine, isDataLike, isSummaryRow, lineText, looksLikeData, looksLikeHeader } from './row-shapes.ts';

export { isSummaryRow } from './row-shapes.ts';

export type Delimiter = ',' | '\t' | ';' | '|';
export type LineEnding = 'crlf' | 'lf' | 'cr' | 'mixed';

export interface CsvDialect {
  delimiter: Delimiter;
  /** 0-based physical line of the header (lines before it are preamble) */
  headerRow: number;
  /** header cells, trimmed (of the first section, when there are several) */
  headers: string[];
  /**
   * what Parse will emit: every section's columns (by normalised name, first seen first)
   * then the context columns; equal to `headers` for a plain single-table file
   */
  unifiedHeaders: string[];
  /** columns filled from each section's context ("Section", "Account Number"), part of unifiedHeaders */
  contextColumns: string[];
  /** the sections seen in the sample, in file order; `headerLine` is 0-based */
  sections: AssembledSection[];
  lineEnding: LineEnding;
  /** complete data records seen in the sample after the header (blank, summary, header and section lines excluded) */
  sampleDataRows: number;
  /** the first of those records' cells under `unifiedHeaders`, at most `maxSampleRows` */
  sampleRows: string[][];
  /** data records per character of sample text after the header; undefined without data rows */
  rowsPerChar?: number;
  /** characters of the sample covered by the records examined (at most `maxRecords`) */
  sampledChars: number;
  /** columns kept under a new name because an earlier column of their header has theirs */
  renamed: RenamedColumns[];
  /**
   * the file has no header row: `headers` are the documented columns of this layout (see
   * headerless-layouts.ts), `headerRow` is -1 and the first line is data
   */
  impliedHeader?: string;
  /** the statement's date from the lines above the table (see statementDateIn), `YYYY-MM-DD` */
  statementDate?: string;
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
  /** a quote opened in it is never closed: it runs to the end of the sample */
  open?: boolean;
}

/**
 * Detects the delimiter, header row and line endings of delimited text from a sample
 * (the decoded head of the file).
 *
 * The delimiter is the one that splits the most records into the same number (at least
 * two) of columns, quote-aware like the parser: a quote opens a quoted field only at the
 * start of a field, and delimiters and line breaks inside it do not count. The header is
 * the first record, after any preamble (carrier/account/title lines, blank lines), that
 * looks like names (non-empty, mostly not numbers/dates/phones, distinct) and is followed
 * by a record of the same width: of the modal width, or of another width when a data row
 * follows (the first section of a multi-section export may be the smaller one). The
 * records after it are run through the TableAssembler, as Parse will, to find later
 * sections and the unified header. Throws HeaderNotFoundError when no record qualifies.
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
  let headerIndex = findHeader(records, width);
  // a documented export without a header row (Asterisk's Master.csv): its column names stand in
  const implied = headerIndex === -1 ? recognizeHeaderless(records.map((r) => r.cells)) : undefined;
  if (implied !== undefined) {
    records.unshift({ cells: implied.headers, line: -1, end: 0 });
    headerIndex = 0;
  }
  if (headerIndex === -1) {
    const lines = records.length === 0 ? 0 : records[records.length - 1]!.line + 1;
    throw new HeaderNotFoundError(
      width > 1
        ? `No header row found in the first ${lines} lines: expected a line of ${width} ${DELIMITER_NAMES[delimiter]}-separated column names followed by rows of the same width`
        : `No header row found in the first ${lines} lines`,
    );
  }
  const header = records[headerIndex]!;
  const headers = header.cells.map((c) => c.trim());
  const statementDate = statementDateIn(records.slice(0, headerIndex).map((r) => lineText(r.cells)));
  const table = assembleSample(records.slice(0, headerIndex), records.slice(headerIndex), headers, options);
  const last = records[records.length - 1]!;
  const dataChars = last.end - header.end;
  return {
    delimiter,
    headerRow: header.line,
    headers,
    unifiedHeaders: table.headers,
    contextColumns: table.contextColumns,
    sections: table.sections,
    lineEnding: detectLineEnding(sampleText),
    sampleDataRows: table.rows,
    sampleRows: table.sampleRows,
    // a data row after the header ends past it, so dataChars > 0 whenever rows > 0
    ...(table.rows > 0 ? { rowsPerChar: table.rows / dataChars } : {}),
    sampledChars: last.end,
    renamed: table.renamed,
    ...(implied !== undefined ? { impliedHeader: implied.name } : {}),
    ...(statementDate !== undefined ? { statementDate } : {}),
  };
}

export interface SampleTable {
  headers: string[];
  contextColumns: string[];
  /** `headerLine` 0-based, as the records' `line` */
  sections: AssembledSection[];
  rows: number;
  sampleRows: string[][];
  /** columns kept under a new name (see TableAssembler.renamed); `line` 1-based */
  renamed: RenamedColumns[];
}

/**
 * Runs sample records (from the header on) through the TableAssembler as Parse will:
 * the preamble records give the first section's context (account line, title).
 * `lenient` for sources whose rows omit trailing empty cells (XLSX, DOCX, PDF).
 */
export function assembleSample(
  preamble: readonly { cells: string[] }[],
  records: readonly { cells: string[]; line: number; breakBefore?: boolean }[],
  headers: string[],
  options: { maxSampleRows?: number; complete?: boolean; lenient?: boolean } = {},
): SampleTable {
  const context = describeSection(
    // a blank line's text is '', which describeSection passes over
    preamble.map((r) => lineText(r.cells)),
    headers,
    1,
  );
  const emitted: ParsedRow[] = [];
  const max = options.maxSampleRows ?? 50;
  const assembler = new TableAssembler((row) => {
    if (emitted.length < max) emitted.push(row);
  }, { headers, context, lenientWidth: options.lenient === true });
  for (const r of records) assembler.push({ cells: r.cells, line: r.line + 1, ...(r.breakBefore ? { breakBefore: true } : {}) });
  // A cut sample's held lines are undecided; a whole file's are decided now.
  if (options.complete === true) assembler.end();
  const unified = assembler.headers();
  // (a row as wide as the header gets no fill)
  const sampleRows = emitted.map((r) => [...r.cells, ...assembler.fillFor(r.row, r.cells.length)]);
  return {
    headers: unified,
    contextColumns: assembler.contextColumns(),
    sections: assembler.sectionList().map((s) => ({ ...s, headerLine: s.headerLine - 1 })),
    rows: assembler.rowsEmitted,
    sampleRows,
    renamed: assembler.renamed,
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
    if (
      c > count ||
      // Stryker disable next-line EqualityOperator: each width is one key of the map, so on a tie of counts w never equals width and > is >=
      (c === count && w > width)
    ) {
      width = w;
      count = c;
    }
  }
  return { width, count };
}

/** The header record: one of distinct names if there is one (DISTINCT_NAMES), else one with repeated names. */
function findHeader(records: readonly SampleRecord[], width: number): number {
  const found = findHeaderWith(records, width, DISTINCT_NAMES.preferred);
  return found !== -1 ? found : findHeaderWith(records, width, DISTINCT_NAMES.allowed);
}

function findHeaderWith(records: readonly SampleRecord[], width: number, distinct: number): number {
  for (let i = 0; i < records.length; i++) {
    // A blank record is neither header nor data below (no names, no values).
    const cells = records[i]!.cells;
    const w = cells.length;
    if (w === width && looksLikeHeader(cells, distinct)) {
      // A record whose quote never closes is broken data (Parse reports it), not a width.
      const next = records.slice(i + 1).find((r) => !isBlankCells(r.cells) && r.open !== true);
      if (!next || next.cells.length === width) return i;
      continue;
    }
    // A header of another width (one of this width was taken above): the first section of a
    // multi-section export, when data follows.
    if (w >= 2 && looksLikeHeader(cells, distinct) && !cells.some((c) => isDataLike(c))) {
      const next = records.slice(i + 1).find((r) => !isBlankCells(r.cells));
      if (next && next.cells.length === w && !isSummaryRow(next.cells) && looksLikeData(next.cells)) return i;
      continue;
    }
    // A full-width line of values means the data has started without a header (a statement's
    // "<name>,<line number>" line padded to the width is context, not data).
    if (w === width && looksLikeData(cells) && !isContextLine(cells)) return -1;
  }
  return -1;
}

/**
 * The header among rows whose trailing empty cells are left out (XLSX, DOCX tables):
 * the first row with at least two filled cells that looks like names and is followed by
 * data (a row with values in it, or rows as wide as it), after any title or account
 * rows. -1 when a row of values comes first, or none qualifies. Rows of distinct names
 * are preferred (a group row over the header repeats its merged name): see DISTINCT_NAMES.
 */
export function findHeaderRow(records: readonly { cells: readonly string[] }[]): number {
  const nonBlank = records.map((r, i) => ({ cells: r.cells, i })).filter((r) => !isBlankCells(r.cells));
  const found = findHeaderRowWith(nonBlank, DISTINCT_NAMES.preferred);
  return found !== -1 ? found : findHeaderRowWith(nonBlank, DISTINCT_NAMES.allowed);
}

function findHeaderRowWith(nonBlank: readonly { cells: readonly string[]; i: number }[], distinct: number): number {
  for (let k = 0; k < nonBlank.length; k++) {
    const cells = nonBlank[k]!.cells;
    const width = filledWidth(cells);
    const filled = cells.slice(0, width);
    if (countFilled(filled, 2) >= 2 && looksLikeHeader(filled, distinct)) {
      const next = nonBlank[k + 1];
      if (!next) return nonBlank[k]!.i;
      const nextWidth = filledWidth(next.cells);
      const hasValues = next.cells.some((c) => isDataLike(c));
      const sameWidth = nextWidth === width && (nonBlank[k + 2] === undefined || filledWidth(nonBlank[k + 2]!.cells) === width);
      if (nextWidth <= width + 1 && (hasValues || sameWidth) && !isSummaryRow(next.cells)) return nonBlank[k]!.i;
      continue;
    }
    // Rows of values, as wide as the rows after them, before any header: a headerless table.
    const after = nonBlank[k + 1];
    if (countFilled(filled, 3) >= 3 && looksLikeData(filled) && after !== undefined && filledWidth(after.cells) === width) return -1;
  }
  return -1;
}

function detectLineEnding(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) === 0x0d) crlf++; // NaN before the first character
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
    let open = false;
    for (;;) {
      let value = '';
      if (text.charCodeAt(i) === QUOTE) {
        const opened = i;
        const lineAtQuote = line;
        let j = i + 1;
        let closed = false;
        let breaks = 0;
        // Stryker disable next-line EqualityOperator: at j === n indexOf finds no quote and the loop breaks as it would end
        while (j < n) {
          const q = text.indexOf('"', j);
          breaks += countLineBreaks(text, j, q === -1 ? n : q);
          if (q === -1 || breaks > MAX_QUOTED_LINE_BREAKS) break;
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
        // As the tokenizer reads it: a quoted cell over several lines must end at its closing
        // quote, within MAX_QUOTED_LINE_BREAKS; otherwise (or open at the end of a whole file)
        // its quote was never closed, and the record ends with the quote's line.
        let neverClosed = breaks > MAX_QUOTED_LINE_BREAKS || (!closed && complete && breaks > 0);
        if (closed && breaks > 0) {
          let k = j;
          // (past the end charCodeAt is NaN, which stops the scan)
          while ((text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09) && text.charCodeAt(k) !== delim) k++;
          const c = text.charCodeAt(k);
          neverClosed = k < n && c !== delim && c !== LF && c !== CR;
        }
        if (neverClosed) {
          let e = opened + 1;
          // Stryker disable next-line ConditionalExpression,EqualityOperator: a quote read as never closed has a line break after it (breaks > 0), so the scan stops there before n
          while (e < n && text.charCodeAt(e) !== LF && text.charCodeAt(e) !== CR) e++;
          cells.push(text.slice(opened + 1, e));
          i = e + (text.charCodeAt(e) === CR && text.charCodeAt(e + 1) === LF ? 2 : 1);
          line = lineAtQuote + 1;
          open = true;
          terminated = true;
          break;
        }
        line = lineAtQuote + breaks;
        if (!closed) {
          // Unclosed quote: the field runs to the end of the sample.
          cells.push(value + text.slice(j));
          i = n;
          open = true;
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
    // an unterminated record is one the end of the text cut
    if (terminated || complete) records.push({ cells, line: startLine, end: i, ...(open ? { open } : {}) });
  }
  return records;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  // Stryker disable next-line EqualityOperator: the character at `to` is the closing quote, or NaN past the end: no line break either way
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}
