import { TableAssembler, type AssemblerOptions, type ParsedRow, type SkippedRecords } from './table-assembler.ts';
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
}
