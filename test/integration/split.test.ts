import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPages, downloadRecords, startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import type { ApiClient } from '../../local/cli/api-client.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';
import { seededRandom } from '../../bench/call-records.ts';

/*
 * Large delimited files are split into byte ranges parsed in parallel (Parse finds record
 * starts, Enrich parses each range). The same file read in one pass must give the same
 * records, the same error report (file row numbers) and the same counts.
 */

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  delete process.env.PARSE_RANGE_BYTES;
  await stack?.stop();
});

/** A carrier export with what makes splitting hard: quoted line breaks and delimiters, "" escapes, blank and broken rows. */
function awkwardCsv(rows: number, eol: string): string {
  const rand = seededRandom(11);
  const lines = ['Wireless Statement', 'Account: 555-0100', 'Date,Time,Number,Direction,Duration,Type,Notes'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const number = `(212) ${String(200 + Math.floor(rand() * 700))}-${String(Math.floor(rand() * 10_000)).padStart(4, '0')}`;
    const notes = [
      '',
      '"dropped, redialed"',
      `"line one${eol}line two"`,
      '"he said ""hi"""',
      `"multi${eol}line${eol}note"`,
    ][i % 5];
    // (the first rows are clean: Classify judges the header by the rows under it)
    if (i % 97 === 50) lines.push('');
    if (i % 131 === 50) lines.push(`10/${day}/2025,9:15a,${number},OUT`); // too few cells: rejected
    if (i % 173 === 50) lines.push(`not a date,9:15a,${number},IN,0:42,Voice,`); // bad required field: rejected
    lines.push(`10/${day}/2025,${1 + (i % 12)}:${String(i % 60).padStart(2, '0')}p,${number},${i % 2 ? 'IN' : 'OUT'},${i % 50}:${String(i % 60).padStart(2, '0')},Voice,${notes}`);
  }
  return lines.join(eol) + eol;
}

async function ingest(api: ApiClient, path: string, rangeBytes: number): Promise<{ job: ApiJob; records: string[]; errors: unknown[] }> {
  process.env.PARSE_RANGE_BYTES = String(rangeBytes);
  const { jobId } = await uploadFile(api, path, { schema: 'call_record' });
  const job = await waitForJob(api, jobId, 60_000);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  return { job, records: await downloadRecords(api, jobId), errors: await allPages(api, `/v1/jobs/${jobId}/errors?limit=200`) };
}

describe('byte-range splitting', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('gives the records, errors and counts of a one-pass read (%s line ends)', async (_name, eol) => {
    const { api } = await stack.tenant();
    const path = await stack.writeScratch(`awkward-${_name}.csv`, awkwardCsv(3000, eol));

    const split = await ingest(api, path, 8 * 1024);
    const whole = await ingest(api, path, 1024 * 1024 * 1024);

    // it really was split: one records part per range; the one-pass read has one chunk
    expect(split.job.output!.records.length).toBeGreaterThan(10);
    expect(whole.job.output!.records.length).toBe(1);

    expect(split.records).toEqual(whole.records);
    expect(split.errors).toEqual(whole.errors);
    expect(split.job.progress).toMatchObject({
      rowsRead: whole.job.progress.rowsRead,
      rowsWritten: whole.job.progress.rowsWritten,
      rowsRejected: whole.job.progress.rowsRejected,
      rowsSkipped: whole.job.progress.rowsSkipped,
    });
    // the file's rows are all there: 3000 good, the short and bad-date rows rejected
    expect(whole.job.progress.rowsWritten).toBe(3000);
    expect(whole.job.progress.rowsRejected).toBe(Math.ceil((3000 - 50) / 131) + Math.ceil((3000 - 50) / 173));
    expect(split.errors.length).toBeGreaterThan(0);
  });

  it('accepts ranges that hold no data rows (a trailing total and blank lines), as a one-pass read does', async () => {
    const { api } = await stack.tenant();
    // 3 KB of total lines: at least one 1 KB range holds nothing else
    const totals = Array.from({ length: 250 }, (_, i) => `Total,,,,,${i},`).join('\n');
    const path = await stack.writeScratch('trailing.csv', awkwardCsv(400, '\n') + `\n${totals}\n\n\n`);
    const split = await ingest(api, path, 1024);
    const whole = await ingest(api, path, 1024 * 1024 * 1024);
    expect(split.job.output!.records.length).toBeGreaterThan(10);
    expect(split.records).toEqual(whole.records);
    expect(split.errors).toEqual(whole.errors);
    expect(split.job.progress).toMatchObject({ rowsRead: whole.job.progress.rowsRead, rowsSkipped: whole.job.progress.rowsSkipped });
  });

  it('falls back to one pass when a later section changes the columns', async () => {
    const { api } = await stack.tenant();
    // the second section starts past the bytes Classify reads (256 KiB), so only a range meets it
    const first = awkwardCsv(5000, '\n');
    expect(first.length).toBeGreaterThan(256 * 1024);
    const second = ['', 'Data Usage', 'Date,Time,Number,Direction,Duration,Type,Notes,Megabytes', ...Array.from({ length: 200 }, (_, i) => `10/03/2025,1:0${i % 10}p,(212) 555-01${String(i % 100).padStart(2, '0')},OUT,0:10,Data,,${i}`)].join('\n') + '\n';
    const path = await stack.writeScratch('sections.csv', first + second);
    const split = await ingest(api, path, 4 * 1024);
    const whole = await ingest(api, path, 1024 * 1024 * 1024);
    expect(split.job.classification?.sections ?? [{}]).toHaveLength(1);
    expect(split.records).toEqual(whole.records);
    expect(split.job.progress.rowsRead).toBe(whole.job.progress.rowsRead);
    expect(split.job.progress.rowsRead).toBeGreaterThan(5000);
  });
});
