import { type AssemblerOptions, type SkippedRecords, type SourceRecord } from './table-assembler.ts';
import { AssemblerStream } from './assembler-stream.ts';
import type { RowBatch } from './once-row-stream.ts';
import { HeaderNotFoundError, NoDataRowsError } from '../errors.ts';
import type { JobWarning } from '../jobs/warnings.ts';

export type { SourceRecord } from './table-assembler.ts';

/**
 * Rows per batch unless a caller asks otherwise: one async step per batch, and batches
 * small enough to die young (5,000-row batches got promoted by the collector: ~20 % more
 * CPU on a million rows).
 */
export const DEFAULT_BATCH_ROWS = 1000;

// defined beside the streams' base class, so the streams need not import this module back
export type { RowBatch } from './once-row-stream.ts';

export interface RowStreamStats {
  /** the first section's header cells, trimmed; set once the header is read */
  headers: string[] | undefined;
  /** 1-based line (row) of the first header */
  headerLine: number | undefined;
  /** data rows emitted; the last row's `row` */
  rowsEmitted: number;
  /** emitted rows carrying an `error` (broken quoting, ragged, unreadable record) */
  malformedRows: number;
  skipped: SkippedRecords;
  bytesRead: number;
}

/**
 * The rows of one table, whatever the format: batches of rows under one (unified) header.
 * Rows line up with `headers()` as it was when they were emitted; the header only grows
 * (new columns appended), and `fillFor` gives the cells a row emitted earlier lacks.
 */
export interface RowStream extends AsyncIterable<RowBatch> {
  readonly stats: RowStreamStats;
  /** the unified header: final once iteration ends */
  headers(): string[];
  /** headers().length, without copying the header */
  columnCount(): number;
  /** cells for the columns from `fromWidth` on, for row `row` emitted when the header had `fromWidth` columns */
  fillFor(row: number, fromWidth: number): string[];
  /** every record that was read and not emitted (preamble, blank, summary, repeated headers, section context, footers) */
  skipped(): number;
  /** what the read had to bend (renamed duplicate columns, unclosed quotes, undecodable bytes): final once iteration ends */
  warnings(): JobWarning[];
}

/** A batch of records from a source, with its progress. */
export interface RecordBatch {
  records: SourceRecord[];
  bytesRead: number;
}

export interface AssembledStreamOptions extends AssemblerOptions {
  /** records whose `line` is at most this (Classification.headerRow, 0-based) are preamble: skipped and counted */
  headerRow: number;
  /** what the source is, for error messages ("sheet \"Calls\"", "the table") */
  describe: string;
  /** page headers/footers the source dropped itself (PDF) */
  pageFurniture?: number;
}

/**
 * Runs records from a source (XLSX sheet, DOCX table, PDF lines, JSON objects) through
 * the table assembler: skips the preamble by index, then headers, sections, summary
 * lines and raggedness are judged as for delimited text.
 */
export function assembleRows(records: AsyncIterable<RecordBatch>, opts: AssembledStreamOptions): RowStream {
  return new AssembledRowStream(records, opts);
}

class AssembledRowStream extends AssemblerStream<RowStreamStats> implements RowStream {
  constructor(
    private readonly source: AsyncIterable<RecordBatch>,
    private readonly opts: AssembledStreamOptions,
  ) {
    super(DEFAULT_BATCH_ROWS, opts);
  }

  override get stats(): RowStreamStats {
    const a = this.assembler;
    const skipped: SkippedRecords = {
      ...a.skipped,
      preamble: a.skipped.preamble + this.preamble,
      pageFurniture: a.skipped.pageFurniture + (this.opts.pageFurniture ?? 0),
    };
    return {
      headers: this.firstHeaders,
      headerLine: this.headerLine,
      rowsEmitted: a.rowsEmitted,
      malformedRows: a.malformedRows,
      skipped,
      bytesRead: this.bytesRead,
    };
  }

  protected override async *run(): AsyncGenerator<RowBatch, void, undefined> {
    let index = 0;
    for await (const { records, bytesRead } of this.source) {
      this.bytesRead = bytesRead;
      for (const rec of records) {
        index++;
        if (rec.line <= this.opts.headerRow) {
          this.preamble++;
          continue;
        }
        this.pushRecord(rec, this.opts.headers);
      }
      yield* this.drainReady();
    }
    yield* this.finish();
    if (!this.assembler.hasHeader) {
      throw new HeaderNotFoundError(`${this.opts.describe} ends before its header: expected the header at row ${this.opts.headerRow + 1}, found ${index} rows`);
    }
    if (this.assembler.rowsEmitted === 0) {
      const { summary, blank } = this.assembler.skipped;
      throw new NoDataRowsError(
        `No data rows after the header of ${this.opts.describe}` + (summary + blank > 0 ? ` (skipped ${summary} summary and ${blank} blank rows)` : ''),
      );
    }
  }
}
