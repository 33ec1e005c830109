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
  /** [first line index, header width] for each run of lines written at one width */
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
    const last = this.widths[this.widths.length - 1];
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
    if (this.widths.some(([, w]) => w < width)) {
      // Rare: the header grew while this chunk was built. Re-lay the narrower lines.
      const lines = body.toString('utf8').split('\n');
      lines.pop();
      for (let r = 0; r < this.widths.length; r++) {
        const [from, w] = this.widths[r]!;
        if (w >= width) continue;
        const to = this.widths[r + 1]?.[0] ?? lines.length;
        for (let i = from; i < to; i++) lines[i] = widenLine(lines[i]!, width, this.rows);
      }
      body = Buffer.from(lines.join('\n') + '\n');
    }
    const out = { body, width };
    this.packer.reset();
    this.widths = [];
    return out;
  }
}

/** A row as a chunk line, its cells padded to `width` when the header grew after the row was read. */
export function chunkLine(row: ParsedRow, width: number, rows: RowStream): string {
  const cells = row.cells.length < width ? [...row.cells, ...rows.fillFor(row.row, row.cells.length)] : row.cells;
  // A row the reader could not trust travels with its reason and is rejected in Enrich.
  return JSON.stringify(row.error !== undefined ? [row.row, cells, row.error] : [row.row, cells]);
}

/** A chunk line re-laid for a wider header. */
export function widenLine(line: string, width: number, rows: RowStream): string {
  const [row, cells, error] = JSON.parse(line) as [number, string[], string?];
  return chunkLine(error !== undefined ? { row, line: 0, cells, error } : { row, line: 0, cells }, width, rows);
}
