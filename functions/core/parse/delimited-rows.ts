import Papa from 'papaparse';
import { isSummaryRow } from '../detect/csv-dialect.ts';
import { createDecoder } from '../detect/encoding.ts';
import { HeaderNotFoundError, LimitExceededError, NoDataRowsError } from '../errors.ts';

export interface DelimitedParseOptions {
  encoding: string;
  delimiter: string;
  /** 0-based physical line of the header; the lines before it are preamble (Classification.headerRow) */
  headerRow: number;
  /** longest line (or quoted multi-line record) accepted, in decoded characters; default 1 MiB */
  maxLineBytes?: number;
  /** most cells accepted in one row; default 10,000 */
  maxColumns?: number;
  /** rows per emitted batch; default 5,000 */
  batchSize?: number;
}

export interface ParsedRow {
  /** 1-based data-row number: header, preamble and skipped lines excluded */
  row: number;
  /** 1-based physical line of the file where the row starts */
  line: number;
  cells: string[];
  /** set when the row's quoting is broken; the cells are what the parser made of it */
  error?: string;
}

export interface RowBatch {
  rows: ParsedRow[];
  /** source bytes consumed so far, for progress */
  bytesRead: number;
}

export interface SkippedLines {
  /** lines before the header row (titles, account lines, blank lines) */
  preamble: number;
  /** empty lines, or lines of only whitespace and delimiters, after the header */
  blank: number;
  /** Subtotal/Total/footer rows (see isSummaryRow) */
  summary: number;
  /** rows repeating the header, as paged exports do */
  repeatedHeader: number;
  /** physical lines of the summary and repeated-header rows, first 100 */
  lines: number[];
}

export interface DelimitedParseStats {
  /** the header row's cells, trimmed; set once the header line is read */
  headers: string[] | undefined;
  /** 1-based physical line of the header */
  headerLine: number | undefined;
  /** data rows emitted; the last row's `row` */
  rowsEmitted: number;
  /** emitted rows carrying an `error` (broken quoting) */
  malformedRows: number;
  skipped: SkippedLines;
  bytesRead: number;
  /** invalid byte sequences decoded as U+FFFD */
  replacementChars: number;
}

/** The batches, plus counters that are final once iteration ends. */
export interface DelimitedRowStream extends AsyncIterable<RowBatch> {
  readonly stats: DelimitedParseStats;
  /** non-blank lines after the header that were not emitted: summary rows + repeated headers */
  skipped(): number;
}

export type ByteSource = AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;

const DEFAULT_MAX_LINE = 1024 * 1024;
const DEFAULT_MAX_COLUMNS = 10_000;
const DEFAULT_BATCH = 5000;
/** Largest piece decoded and parsed at once: keeps one parse call's rows small. */
const MAX_SLICE = 256 * 1024;
const MAX_NOTED_LINES = 100;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Streams the data rows of delimited text in batches, with bounded memory.
 *
 * Bytes are decoded (invalid sequences become U+FFFD, counted in `stats`), line endings
 * normalised to LF (CRLF, LF and CR mixed freely; a CRLF inside a quoted cell becomes LF),
 * the first `headerRow` lines skipped as preamble, the header row read into
 * `stats.headers`, then each record parsed by papaparse (quoted fields with delimiters and
 * line breaks). Blank lines, Subtotal/Total/footer rows and repeated headers are skipped
 * and counted in `stats.skipped`; every other record is emitted, ragged or not (width
 * checks belong to the caller). Broken quoting marks the row with `error`.
 *
 * The source is pulled only as batches are consumed (backpressure), in pieces of at most
 * 256 KiB; rows are built synchronously, one async step per batch.
 *
 * Throws LimitExceededError for a line (or a quoted record spanning lines, e.g. an
 * unterminated quote) longer than `maxLineBytes`, or a row of more than `maxColumns`
 * cells: such files are not data exports, and failing keeps memory bounded. Throws
 * HeaderNotFoundError when the file ends before the header line and NoDataRowsError when
 * no data row follows the header.
 */
export function parseDelimitedRows(source: ByteSource, opts: DelimitedParseOptions): DelimitedRowStream {
  return new DelimitedRowReader(source, opts);
}

class DelimitedRowReader implements DelimitedRowStream {
  readonly stats: DelimitedParseStats = {
    headers: undefined,
    headerLine: undefined,
    rowsEmitted: 0,
    malformedRows: 0,
    skipped: { preamble: 0, blank: 0, summary: 0, repeatedHeader: 0, lines: [] },
    bytesRead: 0,
    replacementChars: 0,
  };

  private readonly maxLine: number;
  private readonly maxColumns: number;
  private readonly batchSize: number;
  private readonly parser: Papa.Parser;
  private started = false;
  /** text after the last complete record: the start of the next one */
  private pending = '';
  /** 1-based physical line where `pending` starts */
  private nextLine = 1;
  private preambleLeft: number;
  private heldCR = false;
  private rawHeaders: string[] | undefined;
  private batch: ParsedRow[] = [];
  private readonly ready: ParsedRow[][] = [];

  constructor(
    private readonly source: ByteSource,
    private readonly opts: DelimitedParseOptions,
  ) {
    const { delimiter } = opts;
    if (delimiter.length === 0 || delimiter.includes('"') || delimiter.includes('\n') || delimiter.includes('\r')) {
      throw new RangeError(`Invalid delimiter ${JSON.stringify(delimiter)}`);
    }
    this.maxLine = opts.maxLineBytes ?? DEFAULT_MAX_LINE;
    this.maxColumns = opts.maxColumns ?? DEFAULT_MAX_COLUMNS;
    this.batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH);
    this.preambleLeft = Math.max(0, opts.headerRow);
    this.parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
  }

  skipped(): number {
    return this.stats.skipped.summary + this.stats.skipped.repeatedHeader;
  }

  [Symbol.asyncIterator](): AsyncIterator<RowBatch> {
    if (this.started) throw new Error('A delimited row stream can be iterated only once');
    this.started = true;
    return this.run();
  }

  private async *run(): AsyncGenerator<RowBatch, void, undefined> {
    const decoder = createDecoder(this.opts.encoding);
    // A piece never exceeds maxLine, so only a record carried over from earlier pieces can.
    const slice = Math.max(1, Math.min(MAX_SLICE, this.maxLine));
    for await (const chunk of this.source as AsyncIterable<Uint8Array | string>) {
      if (typeof chunk === 'string') {
        // Already decoded upstream (setEncoding): take the text as is.
        this.stats.bytesRead += Buffer.byteLength(chunk);
        this.feed(chunk, false);
        yield* this.drainReady();
        continue;
      }
      for (let off = 0; off < chunk.length; off += slice) {
        const piece = chunk.subarray(off, off + slice);
        this.stats.bytesRead += piece.length;
        this.feed(decoder.write(piece), false);
        yield* this.drainReady();
      }
    }
    this.feed(decoder.end(), true);
    if (this.batch.length > 0) this.ready.push(this.batch);
    this.batch = [];
    yield* this.drainReady();

    if (this.stats.headers === undefined) {
      throw new HeaderNotFoundError(
        `The file ends before its header: expected the header on line ${this.opts.headerRow + 1}, found ${this.nextLine - 1} lines`,
      );
    }
    if (this.stats.rowsEmitted === 0) {
      const { summary, blank } = this.stats.skipped;
      throw new NoDataRowsError(
        `No data rows after the header on line ${this.stats.headerLine}` +
          (summary + blank > 0 ? ` (skipped ${summary} summary and ${blank} blank lines)` : ''),
      );
    }
  }

  private *drainReady(): Generator<RowBatch, void, undefined> {
    while (this.ready.length > 0) {
      const rows = this.ready.shift()!;
      yield { rows, bytesRead: this.stats.bytesRead };
    }
  }

  private feed(decoded: string, final: boolean): void {
    let text = decoded;
    if (this.heldCR) {
      text = '\r' + text;
      this.heldCR = false;
    }
    // A CR at the end of a piece may be half of a CRLF: decide with the next piece.
    if (!final && text.charCodeAt(text.length - 1) === CR) {
      this.heldCR = true;
      text = text.slice(0, -1);
    }
    if (text.indexOf('\r') !== -1) {
      text = text.replaceAll('\r\n', '\n');
      if (text.indexOf('\r') !== -1) text = text.replaceAll('\r', '\n');
    }
    if (text.indexOf('\uFFFD') !== -1) {
      for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) this.stats.replacementChars++;
    }
    if (this.preambleLeft > 0) {
      text = this.skipPreamble(text, final);
      if (this.preambleLeft > 0) return;
    }
    this.parse(text, final);
  }

  /** Drops whole preamble lines textually: they are not parsed, so their quotes cannot matter. */
  private skipPreamble(text: string, final: boolean): string {
    const buf = this.pending + text;
    this.pending = '';
    let pos = 0;
    while (this.preambleLeft > 0) {
      const nl = buf.indexOf('\n', pos);
      if (nl === -1) break;
      pos = nl + 1;
      this.preambleLeft--;
      this.stats.skipped.preamble++;
      this.nextLine++;
    }
    if (this.preambleLeft === 0) return buf.slice(pos);
    const rest = buf.slice(pos);
    if (final) {
      if (rest.length > 0) {
        this.stats.skipped.preamble++;
        this.nextLine++;
      }
    } else {
      this.assertLineLength(rest.length, this.nextLine, false);
      this.pending = rest;
    }
    return '';
  }

  private parse(text: string, final: boolean): void {
    const carried = this.pending.length;
    const input = carried > 0 ? this.pending + text : text;
    this.pending = '';
    if (input.length === 0) return;

    const result = this.parser.parse(input, 0, !final) as Papa.ParseResult<string[]>;
    const data = result.data;
    const endsWithLf = input.charCodeAt(input.length - 1) === LF;
    if (final) {
      // "...\n" at the very end makes papaparse add an empty phantom row.
      const last = data[data.length - 1];
      if (endsWithLf && last !== undefined && last.length === 1 && last[0] === '') data.pop();
    }
    const consumed = final ? input.length : result.meta.cursor;

    // Rows are one line each unless a quoted cell holds line breaks; counting the consumed
    // line breaks tells which case this is without looking at every cell.
    const hasQuote = input.indexOf('"') !== -1;
    const terminated = Math.max(0, final && !endsWithLf ? data.length - 1 : data.length);
    const breaks = hasQuote ? countNewlines(input, 0, consumed) : terminated;
    const multiLine = breaks !== terminated;

    if (!final) {
      this.pending = input.slice(consumed);
      // Whatever is pending is one unfinished record: a long line, or a quote left open.
      this.assertLineLength(this.pending.length, this.nextLine + breaks, this.pending.includes('\n'));
    }
    if (carried > 0 && data.length > 0 && carried + text.length > this.maxLine) {
      this.assertFirstRowLength(input, data[0]!, multiLine);
    }

    let quoteErrors: Map<number, string> | undefined;
    for (const e of result.errors) {
      if (e.type !== 'Quotes' || e.row === undefined || e.row >= data.length) continue;
      quoteErrors ??= new Map();
      quoteErrors.set(e.row, e.code === 'MissingQuotes' ? 'unterminated quoted field' : 'malformed quotes: text after a closing quote');
    }

    let line = this.nextLine;
    for (let r = 0; r < data.length; r++) {
      const cells = data[r]!;
      const rowLine = line;
      line += multiLine ? 1 + countNewlinesInCells(cells) : 1;
      this.takeRow(cells, rowLine, quoteErrors?.get(r));
    }
    this.nextLine = this.nextLine + breaks;
  }

  private takeRow(cells: string[], line: number, error: string | undefined): void {
    if (cells.length > this.maxColumns) {
      throw new LimitExceededError(`Line ${line} has ${cells.length} columns, more than the limit of ${this.maxColumns}`);
    }
    const { stats } = this;
    if (this.rawHeaders === undefined) {
      if (isBlank(cells)) {
        stats.skipped.blank++;
        return;
      }
      this.rawHeaders = cells;
      stats.headers = cells.map((c) => c.trim());
      stats.headerLine = line;
      return;
    }
    if (isBlank(cells)) {
      stats.skipped.blank++;
      return;
    }
    if (isSummaryRow(cells)) {
      stats.skipped.summary++;
      this.noteSkipped(line);
      return;
    }
    if (this.isRepeatedHeader(cells)) {
      stats.skipped.repeatedHeader++;
      this.noteSkipped(line);
      return;
    }
    const row: ParsedRow = { row: ++stats.rowsEmitted, line, cells };
    if (error !== undefined) {
      row.error = `${error} (line ${line})`;
      stats.malformedRows++;
    }
    this.batch.push(row);
    if (this.batch.length >= this.batchSize) {
      this.ready.push(this.batch);
      this.batch = [];
    }
  }

  private isRepeatedHeader(cells: readonly string[]): boolean {
    const h = this.rawHeaders!;
    if (cells.length !== h.length || cells[0] !== h[0]) return false;
    for (let i = 1; i < h.length; i++) if (cells[i] !== h[i]) return false;
    return true;
  }

  private noteSkipped(line: number): void {
    const lines = this.stats.skipped.lines;
    if (lines.length < MAX_NOTED_LINES) lines.push(line);
  }

  private assertLineLength(length: number, line: number, inQuotes: boolean): void {
    if (length <= this.maxLine) return;
    throw new LimitExceededError(
      inQuotes
        ? `Unterminated quote near line ${line}: a quoted field runs on for more than ${this.maxLine} bytes`
        : `Line ${line} is longer than the limit of ${this.maxLine} bytes`,
    );
  }

  /** The first record of a parse may include text carried over from earlier pieces. */
  private assertFirstRowLength(input: string, cells: readonly string[], multiLine: boolean): void {
    const spans = multiLine ? 1 + countNewlinesInCells(cells) : 1;
    let end = -1;
    for (let k = 0; k < spans; k++) {
      end = input.indexOf('\n', end + 1);
      if (end === -1) {
        end = input.length;
        break;
      }
    }
    this.assertLineLength(end, this.nextLine, spans > 1);
  }
}

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) {
    if (c.length !== 0 && (c.charCodeAt(0) > 0x20 || c.trim() !== '')) return false;
  }
  return true;
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function countNewlinesInCells(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c.indexOf('\n') !== -1) n += countNewlines(c, 0, c.length);
  return n;
}
