import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkBuilder, chunkLine, widenLine } from '../../functions/core/parse/chunk-builder.ts';
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

  it('gives each row of a chunk the cells the final header has, whenever and however often the header grew', () => {
    // A run: the header's width while it is written, and its rows (each as wide as the header, or narrower: a ragged row).
    const run = fc.record({
      grow: fc.integer({ min: 0, max: 3 }),
      rows: fc.array(fc.record({ short: fc.integer({ min: 0, max: 2 }), error: fc.boolean(), text: fc.string({ maxLength: 4 }) }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(run, { maxLength: 4 }), { minLength: 1, maxLength: 3 }), (chunks) => {
        const s = fakeStream();
        const b = new ChunkBuilder(s);
        let width = 2;
        let row = 0;
        for (const runs of chunks) {
          const expected: unknown[] = [];
          for (const { grow, rows } of runs) {
            width += grow;
            s.grow(width);
            for (const { short, error, text } of rows) {
              row++;
              const cells = Array.from({ length: Math.max(1, width - short) }, (_, i) => `${text}${i}`);
              b.add(error ? { row, line: row + 1, cells, error: `bad ${text}` } : { row, line: row + 1, cells });
              expected.push([row, cells, error ? `bad ${text}` : undefined]);
            }
          }
          const out = b.take();
          expect(out.width).toBe(width);
          expect(b.size).toBe(0);
          expect(b.bytes).toBe(0);
          // the oracle: every row's own cells, then what the stream gives for the columns it lacks; one line each, ending in LF
          const want = (expected as [number, string[], string | undefined][]).map(([r, cells, error]) => {
            const full = [...cells, ...Array.from({ length: width - cells.length }, () => `ctx${r}`)];
            return JSON.stringify(error === undefined ? [r, full] : [r, full, error]) + '\n';
          });
          expect(out.body.toString('utf8')).toBe(want.join(''));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts the bytes of the lines packed so far, and starts the next chunk empty', () => {
    const s = fakeStream();
    const b = new ChunkBuilder(s);
    b.add({ row: 1, line: 2, cells: ['é', 'b'] });
    const first = JSON.stringify([1, ['é', 'b']]);
    expect(b.bytes).toBe(Buffer.byteLength(first) + 1);
    expect(b.take().body.toString('utf8')).toBe(`${first}\n`);
    s.grow(3);
    b.add({ row: 2, line: 3, cells: ['c', 'd', 'e'] });
    expect(b.take().body.toString('utf8')).toBe(`${JSON.stringify([2, ['c', 'd', 'e']])}\n`);
  });
});

describe('chunkLine and widenLine', () => {
  it('pads a row narrower than the header with what the stream gives, and keeps its error', () => {
    const s = fakeStream();
    s.grow(4);
    expect(JSON.parse(chunkLine({ row: 3, line: 5, cells: ['a', 'b'] }, 4, s))).toEqual([3, ['a', 'b', 'ctx3', 'ctx3']]);
    expect(JSON.parse(chunkLine({ row: 3, line: 5, cells: ['a', 'b', 'c', 'd'] }, 4, s))).toEqual([3, ['a', 'b', 'c', 'd']]);
    expect(JSON.parse(chunkLine({ row: 3, line: 5, cells: ['a'], error: 'expected 4 columns, found 1' }, 4, s))).toEqual([3, ['a', 'ctx3', 'ctx3', 'ctx3'], 'expected 4 columns, found 1']);
    // an error that is an empty text is still an error
    expect(JSON.parse(widenLine(JSON.stringify([4, ['a', 'b'], '']), 4, s))).toEqual([4, ['a', 'b', 'ctx4', 'ctx4'], '']);
    expect(JSON.parse(widenLine(JSON.stringify([4, ['a', 'b', 'c', 'd']]), 4, s))).toEqual([4, ['a', 'b', 'c', 'd']]);
  });
});
