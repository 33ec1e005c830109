/** One delimited record, as read. */
export interface TokenizedRecord {
  cells: string[];
  /** 1-based line where the record starts */
  line: number;
  /** characters of the record, its line break included */
  length: number;
  /** line breaks inside its quoted cells */
  innerBreaks: number;
  error?: string;
  /** a quote in it opens a cell and is never closed: the record was cut at the end of that quote's line */
  unclosedQuote?: boolean;
}

export interface TokenizeResult {
  records: TokenizedRecord[];
  /** characters consumed: the rest is the start of an unfinished record */
  consumed: number;
  /** line where the unconsumed rest starts */
  nextLine: number;
}

/**
 * Line breaks a quoted cell may hold before its quote counts as never closed. Cells of
 * notes or addresses hold a few; a quote left open by mistake runs on to the end of the
 * file (or to the next quote), and this bounds how far it is followed before the row is
 * cut back. RowBoundaryScanner applies the same bound, so a split file reads the same.
 */
export const MAX_QUOTED_LINE_BREAKS = 1000;

/** The reason a record cut back at an unclosed quote carries. */
export const UNCLOSED_QUOTE = 'unclosed quote: a cell opens with a quote that is not closed on its line';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * Splits delimited text into records, the way detection's sample splitter does: a quote
 * opens a quoted cell only at the start of a cell and closes at the next quote that is not
 * doubled; text after a closing quote is kept in the cell and marks the record
 * ("malformed quotes"), so a stray quote costs its own line rather than swallowing the
 * lines after it. Line breaks are LF (a CR before it, or ending the text, is dropped from an
 * unquoted last cell, as on the fast path); CRLF inside a quoted cell is kept as written.
 *
 * A quoted cell may hold line breaks, but then its closing quote must end the cell (be
 * followed, after any spaces or tabs, by the delimiter, a line break or the end of the
 * input), and it must close within `maxQuotedBreaks` line breaks. Otherwise (and when the
 * input ends inside it) the quote was never closed: the record is cut at the end of the
 * line on which the quote opened, the rest of that line is the cell, the record is marked
 * `unclosedQuote`, and the lines after it are read as records of their own, so an unclosed
 * quote costs its own row rather than swallowing valid rows after it.
 *
 * Lines without a quote take a fast path (split on the delimiter). Unless `final`, a
 * record not yet ended by a line break is left unconsumed, to be completed by the next
 * piece of text.
 */
export function tokenizeRecords(text: string, delimiter: string, firstLine: number, final: boolean, maxQuotedBreaks = MAX_QUOTED_LINE_BREAKS): TokenizeResult {
  const n = text.length;
  const records: TokenizedRecord[] = [];
  const single = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  let i = 0;
  let line = firstLine;
  // Stryker disable next-line StringLiteral: equivalent, a wrong first look-up only sends lines through the quoted path, which reads a line without quotes to the same cells
  let nextQuote = text.indexOf('"');
  while (i < n) {
    const nl = text.indexOf('\n', i);
    if (nl === -1 && !final) break;
    const lineEnd = nl === -1 ? n : nl;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,StringLiteral: equivalent, a look-up skipped or repeated only sends lines through the quoted path, which reads them the same
    if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent for false and &&, the quoted path reads a line without quotes to the same cells
    if (nextQuote === -1 || nextQuote >= lineEnd) {
      // No quote on this line: a plain split.
      let end = lineEnd;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for end > i -> true or >=, on an empty line the character before is the previous line's LF, not a CR
      if (end > i && text.charCodeAt(end - 1) === CR) end--;
      const next = nl === -1 ? n : nl + 1;
      records.push({ cells: text.slice(i, end).split(delimiter), line, length: next - i, innerBreaks: 0 });
      i = next;
      line++;
      continue;
    }
    const rec = quotedRecord(text, i, delimiter, single, final, maxQuotedBreaks);
    if (rec === undefined) break; // unfinished: wait for more text
    const record: TokenizedRecord = { cells: rec.cells, line, length: rec.end - i, innerBreaks: rec.breaks };
    if (rec.error !== undefined) record.error = rec.error;
    if (rec.unclosed === true) record.unclosedQuote = true;
    records.push(record);
    line += 1 + rec.breaks;
    i = rec.end;
  }
  return { records, consumed: i, nextLine: line };
}

interface QuotedRecord {
  cells: string[];
  end: number;
  breaks: number;
  error?: string;
  unclosed?: boolean;
}

/** A record with a quote somewhere in it, cell by cell; undefined when the text ends before the record does (and !final). */
function quotedRecord(text: string, start: number, delimiter: string, single: number, final: boolean, maxBreaks: number): QuotedRecord | undefined {
  const n = text.length;
  const cells: string[] = [];
  let breaks = 0;
  let error: string | undefined;
  let i = start;
  for (;;) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      const open = i;
      value = '';
      let j = i + 1;
      let cellBreaks = 0;
      let closed = false;
      for (;;) {
        const q = text.indexOf('"', j);
        cellBreaks += countBreaks(text, j, q === -1 ? n : q);
        // Open over more lines than a cell holds: the quote was never closed.
        if (cellBreaks > maxBreaks) return cutAtQuoteLine(text, open, cells, breaks, error);
        if (q === -1) break;
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          j = q + 2;
          continue;
        }
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent for false, > and q - 1, the cell-end check below waits for the next piece in the same case
        if (q + 1 >= n && !final) return undefined; // a doubled quote may follow in the next piece
        j = q + 1;
        closed = true;
        break;
      }
      if (!closed) {
        if (!final) return undefined;
        if (cellBreaks > 0) return cutAtQuoteLine(text, open, cells, breaks, error);
        cells.push(value + text.slice(j));
        return { cells, end: n, breaks, error: error ?? UNCLOSED_QUOTE, unclosed: true };
      }
      if (cellBreaks > 0) {
        // A cell over several lines must end at its closing quote; a quote followed by more
        // text is where another cell opened, after a quote that was never closed.
        let k = j;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for k < n -> true or <=, charCodeAt(n) is NaN, not blank
        while (k < n && isBlank(text.charCodeAt(k), single)) k++;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for false and >, the cell-end check below waits for the next piece in the same case
        if (k >= n && !final) return undefined;
        if (k < n && !endsCell(text, k, delimiter, single)) {
          // The piece may end inside a delimiter of several characters: wait for the rest of it.
          // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for true and <=, text as long as the delimiter is a prefix of it only when it is the delimiter, which endsCell accepted
          if (!final && n - k < delimiter.length && delimiter.startsWith(text.slice(k))) return undefined;
          return cutAtQuoteLine(text, open, cells, breaks, error);
        }
        breaks += cellBreaks;
      }
      // Text after the closing quote, up to the cell's end, stays in the cell.
      const k = cellEnd(text, j, delimiter, single);
      if (k === n && !final) return undefined;
      let stray = text.slice(j, k);
      // A CR that ends the line (before its LF, or at the end of the text) is part of the line break.
      if (stray.charCodeAt(stray.length - 1) === CR && (k === n || text.charCodeAt(k) === LF)) stray = stray.slice(0, -1);
      if (stray.trim().length > 0) {
        value += stray;
        error ??= 'malformed quotes: text after a closing quote';
      }
      i = k;
    } else {
      const k = cellEnd(text, i, delimiter, single);
      if (k === n && !final) return undefined;
      value = text.slice(i, k);
      if ((k === n || text.charCodeAt(k) === LF) && value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
      i = k;
    }
    cells.push(value);
    if (i >= n) return { cells, end: n, breaks, ...(error ? { error } : {}) };
    if (text.charCodeAt(i) === LF) return { cells, end: i + 1, breaks, ...(error ? { error } : {}) };
    i += delimiter.length; // at a delimiter
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent, the loop's next pass reads the empty last cell at the end the same way
    if (i >= n) {
      if (!final) return undefined;
      cells.push('');
      return { cells, end: n, breaks, ...(error ? { error } : {}) };
    }
  }
}

/** The record cut back at an unclosed quote: it ends with the line on which the quote opened, whose rest is the cell. */
function cutAtQuoteLine(text: string, open: number, cells: string[], breaks: number, error: string | undefined): QuotedRecord {
  const nl = text.indexOf('\n', open);
  // Stryker disable next-line ConditionalExpression,UnaryOperator: unreachable, called only for a quote open over a line break, so a line break after the quote exists
  const end = nl === -1 ? text.length : nl;
  let value = text.slice(open + 1, end);
  if (value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
  cells.push(value);
  // Stryker disable next-line ConditionalExpression,UnaryOperator: unreachable, called only for a quote open over a line break, so a line break after the quote exists
  return { cells, end: nl === -1 ? end : nl + 1, breaks, error: error ?? UNCLOSED_QUOTE, unclosed: true };
}

/** A space or tab that is not the delimiter: allowed between a closing quote and the cell's end. */
function isBlank(c: number, single: number): boolean {
  return (c === SPACE || c === TAB) && c !== single;
}

/** The delimiter or a line break starts at `k`. */
function endsCell(text: string, k: number, delimiter: string, single: number): boolean {
  const c = text.charCodeAt(k);
  if (c === LF || c === CR) return true;
  // Stryker disable next-line ConditionalExpression: equivalent for false, the several-character code finds the same cell end for a one-character delimiter
  return single !== -1 ? c === single : text.startsWith(delimiter, k);
}

/** Index of the delimiter or LF that ends the cell starting at `from` (or the end of the text). */
function cellEnd(text: string, from: number, delimiter: string, single: number): number {
  const n = text.length;
  // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent for false, the several-character code finds the same cell end for a one-character delimiter
  if (single !== -1) {
    // Stryker disable next-line EqualityOperator: equivalent for <=, charCodeAt(n) matches nothing
    for (let k = from; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c === single || c === LF) return k;
    }
    return n;
  }
  const nl = text.indexOf('\n', from);
  const d = text.indexOf(delimiter, from);
  // Stryker disable next-line EqualityOperator: equivalent for d < nl -> <=, a delimiter and a line break never start at the same index
  if (d !== -1 && (nl === -1 || d < nl)) return d;
  return nl === -1 ? n : nl;
}

function countBreaks(text: string, from: number, to: number): number {
  let count = 0;
  // Stryker disable next-line EqualityOperator: equivalent for k < to -> <=, to is a quote or the end of the text, never a line break
  for (let k = text.indexOf('\n', from); k !== -1 && k < to; k = text.indexOf('\n', k + 1)) count++;
  return count;
}
