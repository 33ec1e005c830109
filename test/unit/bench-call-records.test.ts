import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { CALL_RECORD_HEADER, callRecordCsv, writeCallRecordCsv } from '../../bench/call-records.ts';

const parse = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });

describe('callRecordCsv (the benchmark file)', () => {
  const text = callRecordCsv(2000, 42);
  const { data, errors, meta } = parse(text);

  it('is the same file for the same seed and another for another seed', () => {
    expect(callRecordCsv(200, 42)).toBe(callRecordCsv(200, 42));
    expect(callRecordCsv(200, 43)).not.toBe(callRecordCsv(200, 42));
  });

  it('parses back to exactly the rows it was asked for, every row with every column', () => {
    expect(errors).toEqual([]);
    expect(meta.fields).toEqual([...CALL_RECORD_HEADER]);
    expect(data).toHaveLength(2000);
    for (const row of data) expect(Object.keys(row)).toHaveLength(CALL_RECORD_HEADER.length);
  });

  it('has quoted commas, quoted line breaks and doubled quotes', () => {
    expect(data.some((r) => r.Notes?.includes('\n'))).toBe(true);
    expect(data.some((r) => r.Location?.includes(','))).toBe(true);
    expect(data.some((r) => r.Notes?.includes('"'))).toBe(true);
    // more lines than records: the quoted line breaks
    expect(text.trimEnd().split('\n').length).toBeGreaterThan(2001);
  });

  it('mixes the date, phone, duration and money formats carriers print', () => {
    const share = (pattern: RegExp, pick: (r: Record<string, string>) => string | undefined) => data.filter((r) => pattern.test(pick(r) ?? '')).length / data.length;
    expect(share(/^\d{2}\/\d{2}\/2025$/, (r) => r.Date)).toBeGreaterThan(0.3);
    expect(share(/^2025-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, (r) => r.Date)).toBeGreaterThan(0.1);
    expect(share(/^\d{1,2}:\d{2}[ap]$/, (r) => r.Time)).toBeGreaterThan(0.3);
    expect(share(/^\(\d{3}\) \d{3}-\d{4}$/, (r) => r.Number)).toBeGreaterThan(0.1);
    expect(share(/^\+1 \d{3} \d{3} \d{4}$/, (r) => r.Number)).toBeGreaterThan(0.1);
    expect(share(/^\d{10}$/, (r) => r.Number)).toBeGreaterThan(0.1);
    expect(share(/^\d+$/, (r) => r.Duration)).toBeGreaterThan(0.1);
    expect(share(/^\d+:\d{2}$/, (r) => r.Duration)).toBeGreaterThan(0.1);
    expect(share(/^\d+:\d{2}:\d{2}$/, (r) => r.Duration)).toBeGreaterThan(0);
    expect(share(/^\$\d+\.\d{2}$/, (r) => r.Cost)).toBe(1);
  });
});

describe('writeCallRecordCsv', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('streams exactly the bytes callRecordCsv builds, and reports their size', async () => {
    dir = await mkdtemp(join(tmpdir(), 'afp-bench-'));
    const file = join(dir, 'calls.csv');
    // enough rows to cross the 1 MiB write batches
    const bytes = await writeCallRecordCsv(file, 30_000, 5);
    const written = await readFile(file, 'utf8');
    expect(written).toBe(callRecordCsv(30_000, 5));
    expect(bytes).toBe(Buffer.byteLength(written));
  });
});
