import { TableAssembler, type AssemblerOptions, type ParsedRow, type SkippedRecords, type SourceRecord } from './table-assembler.ts';
import type { RowBatch } from './row-stream.ts';
import { OnceRowStream } from './once-row-stream.ts';

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

  constructor(batchSize: number, tableOptions: AssemblerOptions | undefined) {
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
