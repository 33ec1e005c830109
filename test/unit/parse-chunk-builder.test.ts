import { describe, expect, it } from 'vitest';
import { ChunkBuilder } from '../../functions/core/parse/chunk-builder.ts';
import type { RowStream } from '../../functions/core/parse/row-stream.ts';
import { emptySkipped } from '../../functions/core/parse/table-assembler.ts';

/** A row stream whose header grows when told; late columns are filled with "ctx<row>". */
function fakeStream() {
  let width = 2;
  const stream: RowStream & { grow(n: number): void } = {
    stats: { headers: undefined, headerLine: undefined, rowsEmitted: 0, malformedRows: 0, skipped: emptySkipped(), bytesRead: 0 },
    headers: () => Array.from({ length: width }, (_, i) => `c${i}`),
    columnCount: () => width,
    fillFor: (row, from) => Array.from({ length: width - from }, () => `ctx${row}`),
    skipped: () => 0,
    warnings: () => [],
    grow(n: number) {
      width = n;
    },
    [Symbol.asyncIterator]: () => {
      throw new Error('not iterated');
    },
  };
  return stream;
}

const lines = (body: Buffer) => body.toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);

describe('ChunkBuilder', () => {
  it('writes NDJSON lines with the row number, cells and any error', () => {
    const s = fakeStream();
    const b = new ChunkBuilder(s);
    b.add({ row: 7, line: 9, cells: ['a', 'b'] });
    b.add({ row: 8, line: 10, cells: ['c', 'd'], error: 'expected 2 columns, found 3' });
    expect(b.size).toBe(2);
    const out = b.take();
    expect(out.width).toBe(2);
    expect(lines(out.body)).toEqual([
      [7, ['a', 'b']],
      [8, ['c', 'd'], 'expected 2 columns, found 3'],
    ]);
    expect(b.size).toBe(0);
  });

  it('pads the lines written before the header grew, across packed buffers', () => {
    const s = fakeStream();
    const b = new ChunkBuilder(s);
    for (let r = 1; r <= 4500; r++) b.add({ row: r, line: r, cells: ['x', String(r)] });
    s.grow(3);
    b.add({ row: 4501, line: 4501, cells: ['y', 'z', 'new'] });
    expect(b.size).toBe(4501);
    const out = b.take();
    const parsed = lines(out.body) as [number, string[]][];
    expect(out.width).toBe(3);
    expect(parsed[0]).toEqual([1, ['x', '1', 'ctx1']]);
    expect(parsed[4499]).toEqual([4500, ['x', '4500', 'ctx4500']]);
    expect(parsed[4500]).toEqual([4501, ['y', 'z', 'new']]);
  });
});
