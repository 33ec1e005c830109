import { totalSkipped, type ParsedRow, type SkippedRecords } from './table-assembler.ts';

export interface RowBatch {
  rows: ParsedRow[];
  /** source bytes consumed so far, for progress */
  bytesRead: number;
}

/** What every row stream shares: it is iterated once, and counts what it skipped from its stats. */
export abstract class OnceRowStream<Stats extends { skipped: SkippedRecords }> {
  private started = false;

  abstract get stats(): Stats;
  protected abstract run(): AsyncGenerator<RowBatch, void, undefined>;

  skipped(): number {
    return totalSkipped(this.stats.skipped);
  }

  [Symbol.asyncIterator](): AsyncIterator<RowBatch> {
    if (this.started) throw new Error('A row stream can be iterated only once');
    this.started = true;
    return this.run();
  }
}
