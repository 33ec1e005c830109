import { TableAssembler, totalSkipped, type AssemblerOptions, type ParsedRow, type SkippedRecords } from './table-assembler.ts';
import type { RowBatch } from './row-stream.ts';

/**
 * What every row stream shares: a table assembler whose rows are gathered into batches,
 * the header/width questions Parse asks of it, and single-use iteration. Subclasses feed
 * the assembler from their source (bytes of delimited text, records of a container).
 */
export abstract class AssemblerStream<Stats extends { skipped: SkippedRecords }> {
  protected readonly assembler: TableAssembler;
  protected batch: ParsedRow[] = [];
  protected readonly ready: ParsedRow[][] = [];
  protected preamble = 0;
  protected bytesRead = 0;
  protected headerLine: number | undefined;
  protected firstHeaders: string[] | undefined;
  private started = false;

  constructor(batchSize: number, tableOptions: AssemblerOptions | undefined) {
    const size = Math.max(1, batchSize);
    this.assembler = new TableAssembler((row) => {
      this.batch.push(row);
      if (this.batch.length >= size) {
        this.ready.push(this.batch);
        this.batch = [];
      }
    }, tableOptions);
  }

  abstract get stats(): Stats;
  protected abstract run(): AsyncGenerator<RowBatch, void, undefined>;

  headers(): string[] {
    return this.assembler.headers();
  }

  columnCount(): number {
    return this.assembler.width;
  }

  fillFor(row: number, fromWidth: number): string[] {
    return this.assembler.fillFor(row, fromWidth);
  }

  skipped(): number {
    return totalSkipped(this.stats.skipped);
  }

  [Symbol.asyncIterator](): AsyncIterator<RowBatch> {
    if (this.started) throw new Error('A row stream can be iterated only once');
    this.started = true;
    return this.run();
  }
}
