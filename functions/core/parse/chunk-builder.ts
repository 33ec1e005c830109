import type { ParsedRow } from './table-assembler.ts';
import type { RowStream } from './row-stream.ts';

import { LinePacker } from './line-packer.ts';

/**
 * Builds one parsed chunk: NDJSON lines [rowNumber, cells] or [rowNumber, cells, error].
 * Lines are serialised as rows come and written into one reused Buffer, so a 100,000-row
 * chunk sits outside the JS heap instead of as 100,000 strings the collector must carry,
 * and memory does not grow with the number of chunks. The header width is noted per run
 * of lines: lines written before the header grew (a later section, a new JSON key) are
 * padded when the chunk is taken.
 */
export class ChunkBuilder {
  /** the packed lines: one buffer, grown as needed and reused from chunk to chunk */
  private readonly packer = new LinePacker();
  /**
   * [first line index, header width] for each run of lines written at one width: only the
   * runs narrower than the header at take() are re-laid. A line re-laid needlessly is written
   * again unchanged, so the bookkeeping decides how much work take() does, not what it gives.
   */
  // Stryker disable next-line ArrayDeclaration: equivalent, a text in the list reads as a width never under the header's and a run of no lines
  private widths: [number, number][] = [];

  constructor(private readonly rows: RowStream) {}

  get size(): number {
    return this.packer.size;
  }

  /** how many bytes the chunk holds */
  get bytes(): number {
    return this.packer.packedBytes;
  }

  add(row: ParsedRow): void {
    const width = this.rows.columnCount();
    // Stryker disable next-line ArithmeticOperator: equivalent, no last run found only starts a run for each line
    const last = this.widths[this.widths.length - 1];
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, fewer or more runs only re-lay more lines, each unchanged when already as wide as the header
    if (!last || last[1] !== width) this.widths.push([this.packer.size, width]);
    this.packer.add(chunkLine(row, width, this.rows));
  }

  /**
   * The chunk's body (one line per row, each ending in LF) and the header width its lines
   * have; the builder starts over. The body is a view of the builder's buffer: valid until
   * the next add().
   */
  take(): { body: Buffer; width: number } {
    const width = this.rows.columnCount();
    let body = this.packer.bytes();
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for true and <=, re-laying lines already as wide as the header writes them unchanged
    const narrower = this.widths.some(([, w]) => w < width);
    if (narrower) {
      // Rare: the header grew while this chunk was built. Re-lay the narrower lines.
      const lines = body.toString('utf8').split('\n');
      lines.pop();
      for (let r = 0; r < this.widths.length; r++) {
        const [from, w] = this.widths[r]!;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for false and >, a run as wide as the header is re-laid unchanged
        if (w >= width) continue;
        // Stryker disable next-line ArithmeticOperator: equivalent for r - 1, the header only grows, so the first run is the narrowest and is then re-laid to the end
        const to = this.widths[r + 1]?.[0] ?? lines.length;
        for (let i = from; i < to; i++) lines[i] = widenLine(lines[i]!, width, this.rows);
      }
      body = Buffer.from(lines.join('\n') + '\n');
    }
    const out = { body, width };
    this.packer.reset();
    // Stryker disable next-line ArrayDeclaration: equivalent, as for the first list (a text reads as no narrower run)
    this.widths = [];
    return out;
  }
}

/** A row as a chunk line, its cells padded to `width` when the header grew after the row was read. */
export function chunkLine(row: ParsedRow, width: number, rows: RowStream): string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for true and <=, the stream has no cells to fill from the header's width on (the test spares a copy per row)
  const cells = row.cells.length < width ? [...row.cells, ...rows.fillFor(row.row, row.cells.length)] : row.cells;
  // A row the reader could not trust travels with its reason and is rejected in Enrich.
  return JSON.stringify(row.error !== undefined ? [row.row, cells, row.error] : [row.row, cells]);
}

/** A chunk line re-laid for a wider header. */
export function widenLine(line: string, width: number, rows: RowStream): string {
  const [row, cells, error] = JSON.parse(line) as [number, string[], string?];
  return chunkLine({ row, line: 0, cells, error }, width, rows);
}
