import { createDecoder } from '../detect/encoding.ts';
import { HeaderNotFoundError, LimitExceededError, NoDataRowsError } from '../errors.ts';
import { MAX_QUOTED_LINE_BREAKS, tokenizeRecords } from './csv-tokenizer.ts';
import { type AssemblerOptions } from './table-assembler.ts';
import { AssemblerStream, type WarningPart } from './assembler-stream.ts';
import { WARNING_CODES, type WarningTally } from '../jobs/warnings.ts';
import { DEFAULT_BATCH_ROWS, type RowBatch, type RowStream, type RowStreamStats } from './row-stream.ts';

export type { ParsedRow } from './table-assembler.ts';

export interface DelimitedParseOptions {
  encoding: string;
  delimiter: string;
  /** 0-based physical line of the header; the lines before it are preamble (Classification.headerRow) */
  headerRow: number;
  /** the file has no header line (headerRow -1): these column names are read as its header, before line 1 */
  impliedHeaders?: string[];
  /** longest line (or quoted multi-line record) accepted, in decoded characters; default 1 MiB */
  maxLineBytes?: number;
  /** most cells accepted in one row; default 10,000 */
  maxColumns?: number;
  /** rows per emitted batch; default DEFAULT_BATCH_ROWS */
  batchSize?: number;
  /** sections, unified header and context columns (from the Classification); see TableAssembler */
  table?: AssemblerOptions;
  /**
   * Added to the line numbers of the records after the header: when the source is the
   * header followed by a byte range from further down the file, this makes the lines the
   * file's own.
   */
  lineOffset?: number;
  /** the source is one range of a split file: no rows after the header is fine here (the file as a whole is checked) */
  partOfFile?: boolean;
  /** which warnings `warnings()` reports (default all; see WarningPart) */
  warnings?: WarningPart;
  /** line breaks a quoted cell may hold before its quote counts as never closed (default MAX_QUOTED_LINE_BREAKS) */
  maxQuotedLineBreaks?: number;
}

export interface DelimitedParseStats extends RowStreamStats {
  /** invalid byte sequences decoded as U+FFFD */
  replacementChars: number;
  /** records cut back at a quote that opens a cell and is never closed */
  unclosedQuotes: number;
}

/** The batches, plus counters that are final once iteration ends. */
export interface DelimitedRowStream extends RowStream {
  readonly stats: DelimitedParseStats;
}

export type ByteSource = AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;

const DEFAULT_MAX_LINE = 1024 * 1024;
const DEFAULT_MAX_COLUMNS = 10_000;
/** Largest piece decoded and parsed at once: keeps one parse call's rows small. */
const MAX_SLICE = 256 * 1024;
const CR = 0x0d;
const LF = 0x0a;
const LONE_CR = /\r(?!\n)/g;

/**
 * Streams the data rows of delimited text in batches, with bounded memory.
 *
 * Bytes are decoded (invalid sequences become U+FFFD, counted in `stats`), line endings
 * CRLF, LF and CR mixed freely (a line break inside a quoted cell is kept as written),
 * the first `headerRow` lines skipped as preamble, the header row read into
 * `stats.headers`, then each record split by tokenizeRecords (quoted fields with delimiters
 * and line breaks; a stray quote marks its own record only) and judged by the TableAssembler: blank lines, Subtotal/Total/footer rows,
 * repeated headers and later sections' context lines are skipped and counted in
 * `stats.skipped`; later sections' rows are re-projected onto the unified header
 * (`headers()`); every other record is emitted. Broken quoting, or a cell count that
 * differs from the row's section header, marks the row with `error`. A quote that is never
 * closed costs only its own line (see tokenizeRecords). Unclosed quotes, lines with
 * undecodable bytes and renamed duplicate columns are counted in `warnings()`.
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

class DelimitedRowReader extends AssemblerStream<DelimitedParseStats> implements DelimitedRowStream {
  private replacementChars = 0;
  private unclosedQuotes = 0;
  /** text not yet tokenized may hold U+FFFD: look for it in the records (only then: most files have none) */
  // Stryker disable next-line BooleanLiteral: equivalent, the flag only spares looking for U+FFFD in records that cannot hold one
  private undecodable = false;
  private readonly maxQuotedBreaks: number;

  private readonly maxLine: number;
  private readonly maxColumns: number;
  /** text after the last complete record: the start of the next one */
  private pending = '';
  /** 1-based physical line where `pending` starts */
  private nextLine = 1;
  private preambleLeft: number;
  private heldCR = false;

  constructor(
    private readonly source: ByteSource,
    private readonly opts: DelimitedParseOptions,
  ) {
    super(opts.batchSize ?? DEFAULT_BATCH_ROWS, opts.table, opts.warnings);
    const { delimiter } = opts;
    if (delimiter.length === 0 || delimiter.includes('"') || delimiter.includes('\n') || delimiter.includes('\r')) {
      throw new RangeError(`Invalid delimiter ${JSON.stringify(delimiter)}`);
    }
    this.maxLine = opts.maxLineBytes ?? DEFAULT_MAX_LINE;
    this.maxColumns = opts.maxColumns ?? DEFAULT_MAX_COLUMNS;
    this.preambleLeft = Math.max(0, opts.headerRow);
    if (opts.impliedHeaders !== undefined) this.pushRecord({ cells: [...opts.impliedHeaders], line: 0 });
    this.maxQuotedBreaks = opts.maxQuotedLineBreaks ?? MAX_QUOTED_LINE_BREAKS;
  }

  override get stats(): DelimitedParseStats {
    const a = this.assembler;
    return {
      headers: this.firstHeaders,
      headerLine: this.headerLine,
      rowsEmitted: a.rowsEmitted,
      malformedRows: a.malformedRows,
      skipped: { ...a.skipped, preamble: this.preamble },
      bytesRead: this.bytesRead,
      replacementChars: this.replacementChars,
      unclosedQuotes: this.unclosedQuotes,
    };
  }

  protected override async *run(): AsyncGenerator<RowBatch, void, undefined> {
    const decoder = createDecoder(this.opts.encoding);
    // A piece never exceeds maxLine, so only a record carried over from earlier pieces can.
    const slice = Math.max(1, Math.min(MAX_SLICE, this.maxLine));
    for await (const chunk of this.source as AsyncIterable<Uint8Array | string>) {
      if (typeof chunk === 'string') {
        // Already decoded upstream (setEncoding): take the text as is.
        this.bytesRead += Buffer.byteLength(chunk);
        this.feed(chunk, false);
        yield* this.drainReady();
        continue;
      }
      // Stryker disable next-line EqualityOperator: equivalent, an empty last piece decodes to nothing and leaves the unfinished record as it was
      for (let off = 0; off < chunk.length; off += slice) {
        const piece = chunk.subarray(off, off + slice);
        this.bytesRead += piece.length;
        this.feed(decoder.write(piece), false);
        yield* this.drainReady();
      }
    }
    this.feed(decoder.end(), true);
    yield* this.finish();

    if (this.firstHeaders === undefined) {
      throw new HeaderNotFoundError(
        `The file ends before its header: expected the header on line ${this.opts.headerRow + 1}, found ${this.nextLine - 1} lines`,
      );
    }
    if (this.assembler.rowsEmitted === 0 && !this.opts.partOfFile) {
      const { summary, blank } = this.assembler.skipped;
      throw new NoDataRowsError(
        `No data rows after the header on line ${this.headerLine}` +
          (summary + blank > 0 ? ` (skipped ${summary} summary and ${blank} blank lines)` : ''),
      );
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
    // CRLF stays as written: the tokenizer splits on its LF and drops the CR before it,
    // and a CRLF inside a quoted cell is kept, as the csv-spectrum cases expect. A lone CR
    // (old Mac files) is a line break: made LF.
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent for true and '', the replacement finds nothing in a text without a CR (the look-up spares its pass)
    if (text.indexOf('\r') !== -1) text = text.replace(LONE_CR, '\n');
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent for true and '', a text without U+FFFD counts none and only sets the flag that spares the search
    if (text.indexOf('\uFFFD') !== -1) {
      this.undecodable = true;
      for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) this.replacementChars++;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, with no preamble line left skipPreamble hands back the pending text and this one, which parse joins the same way
    if (this.preambleLeft > 0) {
      text = this.skipPreamble(text, final);
      // Stryker disable next-line ConditionalExpression: equivalent, parse finds no line break in the preamble's unfinished line and leaves it pending, as skipPreamble did
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
      this.noteUndecodable(buf.slice(pos, nl), this.nextLine, this.headerWarnings);
      pos = nl + 1;
      this.preambleLeft--;
      this.preamble++;
      this.nextLine++;
    }
    if (this.preambleLeft === 0) return buf.slice(pos);
    const rest = buf.slice(pos);
    if (final) {
      if (rest.length > 0) {
        this.noteUndecodable(rest, this.nextLine, this.headerWarnings);
        this.preamble++;
        this.nextLine++;
      }
    } else {
      this.assertLineLength(rest.length, this.nextLine, false);
      this.pending = rest;
    }
    // Stryker disable next-line StringLiteral: equivalent, reached only while preamble lines are left, when feed reads nothing further
    return '';
  }

  private parse(text: string, final: boolean): void {
    const input = this.pending + text;
    const result = tokenizeRecords(input, this.opts.delimiter, this.nextLine, final, this.maxQuotedBreaks);
    let start = 0;
    for (const rec of result.records) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a pre-filter: the record's length with its line break is at least the line's
      if (rec.length > this.maxLine) {
        this.assertLineLength(lengthWithoutBreak(input, start, rec.length), rec.line, rec.innerBreaks > 0);
      }
      start += rec.length;
      // Stryker disable next-line ConditionalExpression: equivalent for true, noteRecord notes nothing of a record with neither
      if (rec.unclosedQuote === true || this.undecodable) this.noteRecord(rec.cells, this.fileLine(rec.line), rec.unclosedQuote === true);
      this.takeRow(rec.cells, rec.line, rec.error);
    }
    this.nextLine = result.nextLine;
    // the start of the next record (nothing after the final read, which consumes all its input)
    this.pending = input.slice(result.consumed);
    // Stryker disable next-line ConditionalExpression: equivalent for true, nothing is pending after the final read
    if (!final) {
      // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, only clears the flag (a pending text with U+FFFD always set it); kept set, records are searched in vain
      if (this.undecodable) this.undecodable = this.pending.includes('\uFFFD');
      // Whatever is pending is one unfinished record: a long line, or a quote left open.
      this.assertLineLength(this.pending.length, this.nextLine, this.pending.includes('\n'));
    }
  }

  private takeRow(cells: string[], sourceLine: number, error: string | undefined): void {
    const line = this.fileLine(sourceLine);
    if (cells.length > this.maxColumns) {
      throw new LimitExceededError(`Line ${line} has ${cells.length} columns, more than the limit of ${this.maxColumns}`);
    }
    // No cell ends in a CR: feed leaves only the CRs of CRLFs, and the tokenizer drops those.
    this.pushRecord(error === undefined ? { cells, line } : { cells, line, error: `${error} (line ${line})` });
  }

  /** The file's line number of a line counted in this source (a range's lines after the header are offset). */
  private fileLine(line: number): number {
    return this.assembler.hasHeader ? line + (this.opts.lineOffset ?? 0) : line;
  }

  /** Counts a record cut back at an unclosed quote, and one holding undecodable bytes, before it is judged. */
  private noteRecord(cells: readonly string[], line: number, unclosed: boolean): void {
    const tally = this.warningsFor();
    if (unclosed) {
      this.unclosedQuotes++;
      tally.add(WARNING_CODES.unclosedQuote, 1, () => `A quote opens a cell on line ${line} and is not closed on that line: the row was cut at the end of the line (and rejected), and the lines after it were read as rows of their own`);
    }
    for (const c of cells) {
      if (c.includes('\uFFFD')) {
        this.noteUndecodable(c, line, tally);
        break;
      }
    }
  }

  /** A line (or record) with U+FFFD in it: bytes that are not valid in the file's encoding. */
  private noteUndecodable(text: string, line: number, tally: WarningTally): void {
    if (!text.includes('\uFFFD')) return;
    tally.add(WARNING_CODES.invalidCharacters, 1, () => `Some bytes are not valid ${this.opts.encoding} and were read as the replacement character U+FFFD, first on line ${line}; the count is of rows holding one`);
  }

  private assertLineLength(length: number, line: number, inQuotes: boolean): void {
    if (length <= this.maxLine) return;
    if (this.assembler.hasHeader) line += this.opts.lineOffset ?? 0;
    throw new LimitExceededError(
      inQuotes
        ? `Unterminated quote near line ${line}: a quoted field runs on for more than ${this.maxLine} bytes`
        : `Line ${line} is longer than the limit of ${this.maxLine} bytes`,
    );
  }
}

/**
 * A record's characters without the line break that ends it (LF or CRLF; feed has made lone
 * CRs LF): the line limit is on what a line holds, as the pending text of an unfinished line
 * is measured, so a line of exactly the limit is read whatever its line end.
 */
function lengthWithoutBreak(input: string, start: number, length: number): number {
  let end = start + length;
  if (input.charCodeAt(end - 1) === LF) {
    end--;
    if (input.charCodeAt(end - 1) === CR) end--;
  }
  return end - start;
}
