import { describe, expect, it } from 'vitest';
import { assembleRows, DEFAULT_BATCH_ROWS, type AssembledStreamOptions, type RecordBatch, type RowStream } from '../../functions/core/parse/row-stream.ts';
import type { ParsedRow, SourceRecord } from '../../functions/core/parse/table-assembler.ts';
import { HeaderNotFoundError, NoDataRowsError } from '../../functions/core/errors.ts';

// assembleRows is how the rows of a sheet, a Word table, a PDF's lines and JSON objects reach
// the table assembler: the records come in batches with the bytes read so far, and the first
// `headerRow` rows are the preamble.

async function* batches(...parts: [SourceRecord[], number][]): AsyncGenerator<RecordBatch> {
  for (const [records, bytesRead] of parts) yield { records, bytesRead };
}

const rec = (line: number, ...cells: string[]): SourceRecord => ({ cells, line });

const opts = (o: Partial<AssembledStreamOptions> = {}): AssembledStreamOptions => ({ headerRow: 0, describe: 'sheet "Calls"', ...o });

async function collect(stream: RowStream): Promise<{ rows: ParsedRow[]; progress: number[]; sizes: number[] }> {
  const rows: ParsedRow[] = [];
  const progress: number[] = [];
  const sizes: number[] = [];
  for await (const batch of stream) {
    rows.push(...batch.rows);
    progress.push(batch.bytesRead);
    sizes.push(batch.rows.length);
  }
  return { rows, progress, sizes };
}

describe('assembleRows', () => {
  it('skips the rows up to headerRow as preamble, reads the header on the next, and keeps each row its line', async () => {
    const stream = assembleRows(
      batches(
        [[rec(1, 'Call detail', ''), rec(2, 'Account', '123')], 100],
        [[rec(3, 'Date', 'Number', 'Min'), rec(4, '2026-04-01', '2125550100', '3')], 250],
        [[rec(5, 'Total', '', '3'), rec(6, '2026-04-02', '2125550101', '4')], 400],
      ),
      opts({ headerRow: 2, pageFurniture: 3 }),
    );
    const { rows, progress } = await collect(stream);
    expect(rows).toEqual([
      { row: 1, line: 4, cells: ['2026-04-01', '2125550100', '3'] },
      { row: 2, line: 6, cells: ['2026-04-02', '2125550101', '4'] },
    ]);
    // one batch at the end: the rows of every source batch until then
    expect(progress).toEqual([400]);
    expect(stream.headers()).toEqual(['Date', 'Number', 'Min']);
    expect(stream.columnCount()).toBe(3);
    expect(stream.stats).toEqual({
      headers: ['Date', 'Number', 'Min'],
      headerLine: 3,
      rowsEmitted: 2,
      malformedRows: 0,
      skipped: { preamble: 2, blank: 0, summary: 1, repeatedHeader: 0, sectionContext: 0, footer: 0, pageFurniture: 3, lines: [5] },
      bytesRead: 400,
    });
    // preamble 2, the Total row and the 3 page headers/footers the source dropped itself
    expect(stream.skipped()).toBe(6);
  });

  it('counts no page furniture when the source names none', async () => {
    const stream = assembleRows(batches([[rec(1, 'Date', 'Min'), rec(2, '2026-04-01', '3')], 10]), opts());
    await collect(stream);
    expect(stream.stats.skipped.pageFurniture).toBe(0);
    expect(stream.skipped()).toBe(0);
  });

  it('names the columns as the options say (merged header cells filled in), the first record being the header row', async () => {
    const stream = assembleRows(batches([[rec(1, 'Call', '', 'Min'), rec(2, '2026-04-01', '2125550100', '3')], 10]), opts({ headers: ['Call', 'Call (2)', 'Min'] }));
    const { rows } = await collect(stream);
    expect(stream.stats.headers).toEqual(['Call', 'Call (2)', 'Min']);
    expect(stream.headers()).toEqual(['Call', 'Call (2)', 'Min']);
    expect(rows.map((r) => r.cells)).toEqual([['2026-04-01', '2125550100', '3']]);
  });

  it('emits batches of DEFAULT_BATCH_ROWS rows as the source is read, each with the bytes read so far', async () => {
    const records = (from: number, n: number) => Array.from({ length: n }, (_, i) => rec(from + i, `2026-04-01`, `212555${String(from + i).padStart(4, '0')}`));
    const stream = assembleRows(batches([[rec(1, 'Date', 'Number'), ...records(2, 2 * DEFAULT_BATCH_ROWS + 10)], 5000], [records(2 * DEFAULT_BATCH_ROWS + 12, 5), 6000]), opts());
    const { rows, progress, sizes } = await collect(stream);
    expect(sizes).toEqual([DEFAULT_BATCH_ROWS, DEFAULT_BATCH_ROWS, 15]);
    expect(progress).toEqual([5000, 5000, 6000]);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 2 * DEFAULT_BATCH_ROWS + 15 }, (_, i) => i + 1));
    expect(stream.stats.bytesRead).toBe(6000);
  });

  it('says where the header was expected and how many rows there were, when the source ends before it', async () => {
    const stream = assembleRows(batches([[rec(1, 'Call detail'), rec(2, 'Account 123')], 10], [[], 12]), opts({ headerRow: 3, describe: 'sheet "Calls"' }));
    await expect(collect(stream)).rejects.toThrow(new HeaderNotFoundError('sheet "Calls" ends before its header: expected the header at row 4, found 2 rows'));
    expect(stream.stats.skipped.preamble).toBe(2);
    await expect(collect(assembleRows(batches(), opts({ describe: 'the table' })))).rejects.toThrow(
      new HeaderNotFoundError('the table ends before its header: expected the header at row 1, found 0 rows'),
    );
  });

  it('says what was skipped when no data row follows the header, and nothing when nothing was', async () => {
    const summaries = assembleRows(batches([[rec(1, 'Date', 'Min'), rec(2, '', ''), rec(3, 'Total', '9'), rec(4, 'Subtotal', '9')], 10]), opts());
    await expect(collect(summaries)).rejects.toThrow(new NoDataRowsError('No data rows after the header of sheet "Calls" (skipped 2 summary and 1 blank rows)'));
    const blanks = assembleRows(batches([[rec(1, 'Date', 'Min'), rec(2, '', '')], 10]), opts());
    await expect(collect(blanks)).rejects.toThrow(new NoDataRowsError('No data rows after the header of sheet "Calls" (skipped 0 summary and 1 blank rows)'));
    const bare = assembleRows(batches([[rec(1, 'Date', 'Min')], 10]), opts({ describe: 'the table' }));
    await expect(collect(bare)).rejects.toThrow(new NoDataRowsError('No data rows after the header of the table'));
  });

  it('can be iterated only once', async () => {
    const stream = assembleRows(batches([[rec(1, 'Date', 'Min'), rec(2, '2026-04-01', '3')], 10]), opts());
    await collect(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/only once/);
  });
});
