import { describe, expect, it } from 'vitest';
import { ChunkOutput } from '../../functions/core/records/chunk-output.ts';
import type { RecordBuilder } from '../../functions/core/records/build-record.ts';
import type { QualityTally } from '../../functions/core/quality/field-tally.ts';
import type { RowError } from '../../functions/core/pipeline-types.ts';

/** A tally that remembers what it was told, in order. */
function recordingTally() {
  const seen: string[] = [];
  const tally = {
    record: (r: Record<string, unknown>) => void seen.push(`record ${JSON.stringify(r)}`),
    problems: (errors: RowError[], rejected: boolean) => void seen.push(`${rejected ? 'rejected' : 'blanked'} ${errors.map((e) => e.reason).join('|')}`),
  };
  return { seen, tally: tally as unknown as QualityTally };
}

/** A builder over one-cell rows: "bad" fails on two columns, "warn" keeps the row with a warning, anything else is { v }. */
const builder: RecordBuilder = (cells, row) => {
  const v = cells[0]!;
  if (v === 'bad') return { ok: false, errors: [{ row, column: 'a', reason: 'not a number' }, { row, column: 'b', reason: 'not a date' }] };
  if (v === 'warn') return { ok: true, record: { v }, warnings: [{ row, column: 'b', reason: 'left out' }] };
  return { ok: true, record: { v } };
};

const lines = (buf: Buffer) =>
  buf
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('ChunkOutput', () => {
  it('writes good rows, rejects a row once however many reasons it has, keeps a warned row, and rowsRead = written + rejected', () => {
    const { tally, seen } = recordingTally();
    const out = new ChunkOutput(() => builder, tally);
    out.add(1, ['x'], undefined);
    out.add(2, ['bad'], undefined);
    out.add(3, ['warn'], undefined);
    out.add(4, ['y'], 'unclosed quote');
    out.finish();
    expect(out.rowsRead).toBe(4);
    expect(out.rowsWritten).toBe(2);
    expect(out.rowsRejected).toBe(2);
    expect(out.rowsRead).toBe(out.rowsWritten + out.rowsRejected);
    expect(lines(out.recordsBody())).toEqual([{ v: 'x' }, { v: 'warn' }]);
    expect(lines(out.errorsBody())).toEqual([
      { row: 2, column: 'a', reason: 'not a number', severity: 'error' },
      { row: 2, column: 'b', reason: 'not a date', severity: 'error' },
      { row: 3, column: 'b', reason: 'left out', severity: 'warning' },
      { row: 4, reason: 'unclosed quote', severity: 'error' },
    ]);
    expect(out.errorLines).toBe(4);
    expect(out.columns()).toEqual(['v']);
    expect(seen).toEqual(['record {"v":"x"}', 'rejected not a number|not a date', 'record {"v":"warn"}', 'blanked left out', 'rejected unclosed quote']);
  });

  it('holds the first 200 rows as the builder sample (without rows that failed to parse), then builds them in order', () => {
    const samples: string[][][] = [];
    const out = new ChunkOutput((sample) => {
      samples.push(sample.map((r) => [...r]));
      return builder;
    }, recordingTally().tally);
    out.add(1, ['bad-parse'], 'malformed quotes');
    for (let row = 2; row <= 199; row++) out.add(row, [`r${row}`], undefined);
    expect(samples).toHaveLength(0);
    expect(out.counts()).toEqual({ read: 0, written: 0, rejected: 0 }); // held rows are not counted yet
    out.add(200, ['r200'], undefined); // the 200th held row makes the builder and builds them all
    expect(samples).toHaveLength(1);
    expect(out.counts()).toEqual({ read: 200, written: 199, rejected: 1 });
    out.add(201, ['r201'], undefined); // built at once
    expect(samples[0]).toHaveLength(199);
    expect(samples[0]![0]).toEqual(['r2']);
    expect(out.counts()).toEqual({ read: 201, written: 200, rejected: 1 });
    out.finish();
    out.finish(); // a second finish changes nothing
    expect(samples).toHaveLength(1);
    expect(out.rowsRead).toBe(201);
    const records = lines(out.recordsBody());
    expect(records[0]).toEqual({ v: 'r2' });
    expect(records.at(-1)).toEqual({ v: 'r201' });
  });

  it('makes the builder even for an empty chunk, so a mapping that cannot build fails the chunk', () => {
    const out = new ChunkOutput(() => {
      throw new Error('mapping names a column the file does not have');
    }, recordingTally().tally);
    expect(() => out.finish()).toThrow(/column the file does not have/);
  });

  it("passes on what its builder noticed over the rows, once they are built, and nothing for a builder without warnings", () => {
    const noticing = Object.assign((cells: string[], row: number) => builder(cells, row), {
      warnings: () => [{ code: 'times_read_as_utc' as const, message: 'read as UTC', count: 2 }],
    });
    const out = new ChunkOutput(() => noticing, recordingTally().tally);
    out.add(1, ['x'], undefined);
    expect(out.warnings()).toEqual([]); // the row is held, no builder yet
    out.finish();
    expect(out.warnings()).toEqual([{ code: 'times_read_as_utc', message: 'read as UTC', count: 2 }]);
    const plain = new ChunkOutput(() => builder, recordingTally().tally);
    plain.finish();
    expect(plain.warnings()).toEqual([]);
  });

  it('gives its buffers back empty, so the next chunk starts from nothing', () => {
    const first = new ChunkOutput(() => builder, recordingTally().tally);
    first.add(1, ['x'], undefined);
    first.add(2, ['bad'], undefined);
    first.finish();
    first.release();
    const second = new ChunkOutput(() => builder, recordingTally().tally);
    second.finish();
    expect(second.rowsWritten).toBe(0);
    expect(second.errorLines).toBe(0);
    expect(second.recordsBody().length).toBe(0);
    expect(second.errorsBody().length).toBe(0);
    second.release();
  });
});
