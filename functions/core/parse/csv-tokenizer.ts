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
}

export interface TokenizeResult {
  records: TokenizedRecord[];
  /** characters consumed: the rest is the start of an unfinished record */
  consumed: number;
  /** line where the unconsumed rest starts */
  nextLine: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits delimited text into records, the way detection's sample splitter does: a quote
 * opens a quoted cell only at the start of a cell and closes at the next quote that is not
 * doubled; text after a closing quote is kept in the cell and marks the record
 * ("malformed quotes"), so a stray quote costs its own line rather than swallowing the
 * lines after it; a quote still open at the end of the input marks the record
 * "unterminated quoted field". Line breaks are LF (a CR before it is dropped from an
 * unquoted last cell); CRLF inside a quoted cell is kept as written.
 *
 * Lines without a quote take a fast path (split on the delimiter). Unless `final`, a
 * record not yet ended by a line break is left unconsumed, to be completed by the next
 * piece of text.
 */
export function tokenizeRecords(text: string, delimiter: string, firstLine: number, final: boolean): TokenizeResult {
  const n = text.length;
  const records: TokenizedRecord[] = [];
  const single = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  let i = 0;
  let line = firstLine;
  let nextQuote = text.indexOf('"');
  while (i < n) {
    const nl = text.indexOf('\n', i);
    if (nl === -1 && !final) break;
    const lineEnd = nl === -1 ? n : nl;
    if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
    if (nextQuote === -1 || nextQuote >= lineEnd) {
      // No quote on this line: a plain split.
      let end = lineEnd;
      if (end > i && text.charCodeAt(end - 1) === CR) end--;
      const next = nl === -1 ? n : nl + 1;
      records.push({ cells: text.slice(i, end).split(delimiter), line, length: next - i, innerBreaks: 0 });
      i = next;
      line++;
      continue;
    }
    const rec = quotedRecord(text, i, delimiter, single, final);
    if (rec === undefined) break; // unfinished: wait for more text
    records.push({ cells: rec.cells, line, length: rec.end - i, innerBreaks: rec.breaks, ...(rec.error ? { error: rec.error } : {}) });
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
}

/** A record with a quote somewhere in it, cell by cell; undefined when the text ends before the record does (and !final). */
function quotedRecord(text: string, start: number, delimiter: string, single: number, final: boolean): QuotedRecord | undefined {
  const n = text.length;
  const cells: string[] = [];
  let breaks = 0;
  let error: string | undefined;
  let i = start;
  for (;;) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      value = '';
      let j = i + 1;
      let closed = false;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) break;
        value += text.slice(j, q);
        breaks += countBreaks(text, j, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          j = q + 2;
          continue;
        }
        if (q + 1 >= n && !final) return undefined; // a doubled quote may follow in the next piece
        j = q + 1;
        closed = true;
        break;
      }
      if (!closed) {
        if (!final) return undefined;
        breaks += countBreaks(text, j, n);
        cells.push(value + text.slice(j));
        return { cells, end: n, breaks, error: error ?? 'unterminated quoted field' };
      }
      // Text after the closing quote, up to the cell's end, stays in the cell.
      const k = cellEnd(text, j, delimiter, single);
      if (k === n && !final) return undefined;
      let stray = text.slice(j, k);
      if (stray.charCodeAt(stray.length - 1) === CR && text.charCodeAt(k) === LF) stray = stray.slice(0, -1);
      if (stray.trim().length > 0) {
        value += stray;
        error ??= 'malformed quotes: text after a closing quote';
      }
      i = k;
    } else {
      const k = cellEnd(text, i, delimiter, single);
      if (k === n && !final) return undefined;
      value = text.slice(i, k);
      if (text.charCodeAt(k) === LF && value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
      i = k;
    }
    cells.push(value);
    if (i >= n) return { cells, end: n, breaks, ...(error ? { error } : {}) };
    if (text.charCodeAt(i) === LF) return { cells, end: i + 1, breaks, ...(error ? { error } : {}) };
    i += delimiter.length; // at a delimiter
    if (i >= n) {
      if (!final) return undefined;
      cells.push('');
      return { cells, end: n, breaks, ...(error ? { error } : {}) };
    }
  }
}

/** Index of the delimiter or LF that ends the cell starting at `from` (or the end of the text). */
function cellEnd(text: string, from: number, delimiter: string, single: number): number {
  const n = text.length;
  if (single !== -1) {
    for (let k = from; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c === single || c === LF) return k;
    }
    return n;
  }
  const nl = text.indexOf('\n', from);
  const d = text.indexOf(delimiter, from);
  if (d !== -1 && (nl === -1 || d < nl)) return d;
  return nl === -1 ? n : nl;
}

function countBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = text.indexOf('\n', from); k !== -1 && k < to; k = text.indexOf('\n', k + 1)) count++;
  return count;
}
