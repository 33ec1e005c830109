import { renamedColumnsWarnings, TableAssembler, type AssemblerOptions, type ParsedRow, type SkippedRecords, type SourceRecord } from './table-assembler.ts';
import { OnceRowStream, type RowBatch } from './once-row-stream.ts';
import { mergeWarnings, WarningTally, type JobWarning } from '../jobs/warnings.ts';

/**
 * Which warnings a read reports: all of them, or, for a file split into byte ranges, those
 * of the preamble and header (Parse reads them once) or those of the rows after the header
 * (each range's reader: every range reads the header again).
 */
export type WarningPart = 'all' | 'header' | 'rows';

/**
 * What every row stream shares: a table assembler whose rows are gathered into batches,
 * and the header/width questions Parse asks of it. Subclasses feed
 * the assembler from their source (bytes of delimited text, records of a container).
 */
export abstract class AssemblerStream<Stats extends { skipped: SkippedRecords }> extends OnceRowStream<Stats> {
  protected readonly assembler: TableAssembler;
  protected batch: ParsedRow[] = [];
  protected readonly ready: ParsedRow[][] = [];
  protected preamble = 0;
  protected bytesRead = 0;
  protected headerLine: number | undefined;
  protected firstHeaders: string[] | undefined;
  /** the warnings of the preamble and header, and of the rows after it */
  protected readonly headerWarnings = new WarningTally();
  protected readonly rowWarnings = new WarningTally();

  constructor(
    batchSize: number,
    tableOptions: AssemblerOptions | undefined,
    private readonly warningPart: WarningPart = 'all',
  ) {
    super();
    const size = Math.max(1, batchSize);
    this.assembler = new TableAssembler((row) => {
      this.batch.push(row);
      if (this.batch.length >= size) {
        this.ready.push(this.batch);
        this.batch = [];
      }
    }, tableOptions);
  }

  headers(): string[] {
    return this.assembler.headers();
  }

  columnCount(): number {
    return this.assembler.width;
  }

  fillFor(row: number, fromWidth: number): string[] {
    return this.assembler.fillFor(row, fromWidth);
  }

  warnings(): JobWarning[] {
    const inHeader = (line: number) => this.headerLine === undefined || line <= this.headerLine;
    const renamed = this.assembler.renamed;
    const header = mergeWarnings(this.headerWarnings.list(), renamedColumnsWarnings(renamed.filter((r) => inHeader(r.line))));
    const rows = mergeWarnings(this.rowWarnings.list(), renamedColumnsWarnings(renamed.filter((r) => !inHeader(r.line))));
    if (this.warningPart === 'header') return header;
    if (this.warningPart === 'rows') return rows;
    return mergeWarnings(header, rows);
  }

  /** The tally a record's warnings go to: the header's until the header is read (the header itself included). */
  protected warningsFor(): WarningTally {
    return this.assembler.hasHeader ? this.rowWarnings : this.headerWarnings;
  }

  /** Hands a record to the assembler, noting the header when this is it (`headers` names it instead of its cells). */
  protected pushRecord(rec: SourceRecord, headers?: string[]): void {
    const had = this.assembler.hasHeader;
    this.assembler.push(rec);
    if (!had && this.assembler.hasHeader) {
      this.headerLine = rec.line;
      this.firstHeaders = headers ?? rec.cells.map((c) => c.trim());
    }
  }

  /** The batches filled so far. */
  protected *drainReady(): Generator<RowBatch, void, undefined> {
    while (this.ready.length > 0) yield { rows: this.ready.shift()!, bytesRead: this.bytesRead };
  }

  /** At the end of the source: the assembler's last rows, and every batch left. */
  protected *finish(): Generator<RowBatch, void, undefined> {
    this.assembler.end();
    if (this.batch.length > 0) this.ready.push(this.batch);
    this.batch = [];
    yield* this.drainReady();
  }
}
