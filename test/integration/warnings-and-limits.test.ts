import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPages, downloadRecords, startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import type { ApiClient } from '../../local/cli/api-client.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';
import { nestedJson, pdfBomb, sharedStringsBombXlsx } from '../fixtures/formats/hostile.ts';

/*
 * What a careless or hostile file does to a job on the real local stack: what the parsers
 * bend is on the job as `warnings` (and in its completion event), an unclosed quote costs
 * its own row and no other, in one pass and in byte ranges alike, and a file that would
 * make a parser inflate or recurse without bound fails the job at once with
 * LimitExceededError naming the limit.
 */

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  delete process.env.PARSE_RANGE_BYTES;
  await stack?.stop();
});

interface ErrorLine {
  row: number;
  reason: string;
  severity: string;
}

async function ingest(api: ApiClient, name: string, content: string | Buffer, rangeBytes = 1024 * 1024 * 1024, options?: Record<string, string>): Promise<ApiJob> {
  process.env.PARSE_RANGE_BYTES = String(rangeBytes);
  const path = await stack.writeScratch(`${Math.random().toString(36).slice(2)}-${name}`, content);
  const { jobId } = await uploadFile(api, path, { schema: 'call_record', ...(options !== undefined ? { options } : {}) });
  return waitForJob(api, jobId, 60_000);
}

const errorReport = (api: ApiClient, jobId: string) => allPages<ErrorLine>(api, `/v1/jobs/${jobId}/errors?limit=200`);

/**
 * A UTF-8 call log with a second "Number" column: rows that `unclosed` picks leave a quote
 * open, and rows that `undecodable` picks hold a byte that is not UTF-8 (0xFF).
 */
function callLog(rows: number, damage: { unclosed?: (i: number) => boolean; undecodable?: (i: number) => boolean } = {}): Buffer {
  const lines = ['Date,Time,Number,Direction,Duration,Number,Notes'];
  for (let i = 0; i < rows; i++) {
    const number = `(212) 555-${String(1000 + (i % 9000)).padStart(4, '0')}`;
    const notes = damage.unclosed?.(i) ? `"left open ${i}` : `"note ${i} — Zürich${damage.undecodable?.(i) ? ' \u0000' : ''}"`;
    lines.push(`10/${String(1 + (i % 28)).padStart(2, '0')}/2025,${1 + (i % 12)}:${String(i % 60).padStart(2, '0')}p,${number},${i % 2 ? 'IN' : 'OUT'},${i % 50}:${String(i % 60).padStart(2, '0')},${number},${notes}`);
  }
  const bytes = Buffer.from(lines.join('\n') + '\n');
  for (let at = bytes.indexOf(0); at !== -1; at = bytes.indexOf(0, at + 1)) bytes[at] = 0xff;
  return bytes;
}


describe('warnings on the job', () => {
  it('lists what the read bent, with counts, on GET /v1/jobs/{id} and in the completion event; the row after an unclosed quote is kept', async () => {
    const received: string[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push(body);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { api } = await stack.tenant();
      await api.post('/v1/webhooks', { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, events: ['job.succeeded'] });
      // rows 10 and 20 leave a quote open (the next row's quote would have closed it); rows 30 and 31 hold a byte that is not UTF-8
      const bytes = callLog(40, { unclosed: (i) => i === 10 || i === 20, undecodable: (i) => i === 30 || i === 31 });
      const job = await ingest(api, 'calls.csv', bytes);
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
      expect(job.progress).toMatchObject({ rowsRead: 40, rowsWritten: 38, rowsRejected: 2 });
      expect(job.warnings).toEqual([
        { code: 'duplicate_columns', count: 1, message: expect.stringContaining('"Number (2)"') },
        { code: 'unclosed_quote', count: 2, message: expect.stringMatching(/line 12 /) },
        { code: 'invalid_characters', count: 2, message: expect.stringMatching(/line 32;/) },
        // the rows built read their clock times as UTC, the job naming no zone (the rows cut by a quote are not built)
        { code: 'times_read_as_utc', count: 38, fields: ['started_at'], message: expect.stringContaining('first "10/01/2025 1:00p"') },
        // what the mapping left out is on the job too
        { code: 'unmapped_columns', count: 2, message: expect.stringContaining('"Number (2)", "Notes"') },
      ]);
      // the rows with the open quote are rejected, each on its own, and the rows after them are written
      const report = await errorReport(api, job.jobId);
      expect(report.filter((e) => e.severity === 'error').map((e) => [e.row, e.reason])).toEqual([
        [11, expect.stringMatching(/unclosed quote.*\(line 12\)/)],
        [21, expect.stringMatching(/unclosed quote.*\(line 22\)/)],
      ]);
      const records = (await downloadRecords(api, job.jobId)).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(records).toHaveLength(38);

      const deadline = Date.now() + 15_000;
      while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const event = JSON.parse(received[0] ?? '{}') as { type?: string; data?: { warnings?: unknown } };
      expect(event.type).toBe('job.succeeded');
      expect(event.data?.warnings).toEqual(job.warnings);
      // and the data-quality report, as GET /v1/jobs/{id} shows it
      expect((event.data as { quality?: unknown }).quality).toEqual(job.quality);
      expect(job.quality).toMatchObject({ records: 38 });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('a file split into byte ranges: an unclosed quote costs its own row only, and the warnings add up over the ranges as in one pass', async () => {
    const { api } = await stack.tenant();
    // unclosed quotes and undecodable bytes spread over the file, the first in the first range
    const bytes = callLog(3000, { unclosed: (i) => i % 400 === 7, undecodable: (i) => i % 100 === 99 });
    const split = await ingest(api, 'split.csv', bytes, 8 * 1024);
    const whole = await ingest(api, 'whole.csv', bytes);
    expect(split.status, JSON.stringify(split.error)).toBe('succeeded');
    expect(split.output!.records.length).toBeGreaterThan(10);
    expect(whole.output!.records).toHaveLength(1);

    const unclosedRows = Array.from({ length: 3000 }, (_, i) => i).filter((i) => i % 400 === 7).length;
    expect(whole.progress).toMatchObject({ rowsRead: 3000, rowsRejected: unclosedRows, rowsWritten: 3000 - unclosedRows });
    expect(split.progress).toMatchObject({ rowsRead: 3000, rowsRejected: unclosedRows, rowsWritten: 3000 - unclosedRows });
    expect(await downloadRecords(api, split.jobId)).toEqual(await downloadRecords(api, whole.jobId));
    const splitReport = await errorReport(api, split.jobId);
    expect(splitReport).toEqual(await errorReport(api, whole.jobId));
    expect(splitReport.filter((e) => e.severity === 'error')).toHaveLength(unclosedRows);
    expect(split.warnings).toEqual(whole.warnings);
    expect(split.warnings).toEqual([
      { code: 'duplicate_columns', count: 1, message: expect.any(String) },
      { code: 'unclosed_quote', count: unclosedRows, message: expect.stringMatching(/line 9 /) },
      { code: 'invalid_characters', count: 30, message: expect.stringMatching(/line 101;/) },
      // counted range by range, added up
      { code: 'times_read_as_utc', count: 3000 - unclosedRows, fields: ['started_at'], message: expect.stringContaining('first "10/01/2025 1:00p"') },
      { code: 'unmapped_columns', count: 2, message: expect.any(String) },
    ]);
  });
});

describe('clock times read as UTC', () => {
  const day = (i: number) => String(2 + i).padStart(2, '0');
  const american = ['Start Time,Number,Direction,Duration', ...Array.from({ length: 12 }, (_, i) => `2026-03-${day(i)} 14:05,(212) 555-${1000 + i},${i % 2 ? 'IN' : 'OUT'},1:0${i % 10}`)].join('\n') + '\n';
  const startedAt = async (api: ApiClient, job: ApiJob) => (JSON.parse((await downloadRecords(api, job.jobId))[0]!) as { started_at: string }).started_at;

  it('a job that stores naive times as UTC for want of a zone says how many, and one that knows the zone does not', async () => {
    const { api } = await stack.tenant();
    // American times without a zone, and no timezone on the job: the United States keeps several
    const job = await ingest(api, 'calls.csv', american);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.warnings).toEqual([
      {
        code: 'times_read_as_utc',
        count: 12,
        fields: ['started_at'],
        message: expect.stringMatching(/^Clock times without a zone or offset were stored as UTC, first "2026-03-02 14:05": the job names no timezone and US has several time zones\. .*--timezone America\/New_York/),
      },
    ]);
    expect(await startedAt(api, job)).toBe('2026-03-02T14:05:00Z');

    // the same file with the job's zone: read in it, nothing to say
    const chicago = await ingest(api, 'calls.csv', american, undefined, { timezone: 'America/Chicago' });
    expect(chicago.status, JSON.stringify(chicago.error)).toBe('succeeded');
    expect(chicago.warnings).toEqual([]);
    expect(await startedAt(api, chicago)).toBe('2026-03-02T20:05:00Z');

    // a French log, its region read from its numbers: Paris time
    const french = ['Date,Numéro,Sens,Durée', ...Array.from({ length: 12 }, (_, i) => `2026-03-${day(i)} 14:05,06 12 34 56 ${10 + i},${i % 2 ? 'Entrant' : 'Sortant'},1:0${i % 10}`)].join('\n') + '\n';
    const fr = await ingest(api, 'appels.csv', french);
    expect(fr.status, JSON.stringify(fr.error)).toBe('succeeded');
    expect(fr.mapping).toMatchObject({ region: { region: 'FR' } });
    // no clock-time warning: France keeps one zone; the numbers (06 12 34 56 xx) are as valid Swiss and Moroccan ones, which the job says
    expect(fr.warnings.map((w) => w.code)).toEqual(['region_guessed']);
    expect(await startedAt(api, fr)).toBe('2026-03-02T13:05:00Z');
  });
});

describe('limits', () => {
  /** from Classify's start to the job's failure */
  const classifyMillis = (job: ApiJob) => Date.parse(job.finishedAt!) - Date.parse(job.stages.classify!.startedAt);
  const expectLimit = (job: ApiJob, stage: string, message: RegExp) => {
    expect(job.status).toBe('failed');
    expect(job.attempt).toBe(1);
    expect(job.error).toMatchObject({ type: 'LimitExceededError', stage });
    expect(job.error?.message).toMatch(message);
  };

  it('fails a PDF whose content stream inflates past the per-stream limit at once, naming the limit', async () => {
    const { api } = await stack.tenant();
    const bomb = await pdfBomb(160 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = Date.now();
    const job = await ingest(api, 'statement.pdf', bomb);
    expectLimit(job, 'classify', /inflates to more than 67108864 bytes.*PDF_MAX_STREAM_INFLATED_BYTES/);
    expect(classifyMillis(job)).toBeLessThan(10_000);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('fails a small workbook with a huge shared-strings table before reading it, naming the limit', async () => {
    const { api } = await stack.tenant();
    const bomb = await sharedStringsBombXlsx(243 * 1000 * 1000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const job = await ingest(api, 'calls.xlsx', bomb);
    expectLimit(job, 'classify', /shared-strings table .* more than the limit of 104857600 bytes \(XLSX_MAX_SHARED_STRINGS_BYTES\)/);
    expect(classifyMillis(job)).toBeLessThan(10_000);
  });

  it('fails NDJSON and JSON nested thousands deep with the depth limit, not an internal error', async () => {
    const { api } = await stack.tenant();
    const ndjson = ['{"number":"+14155550100","minutes":1}', `{"number":"+14155550101","extra":${nestedJson(5000)}}`, '{"number":"+14155550102","minutes":2}'].join('\n') + '\n';
    expectLimit(await ingest(api, 'calls.ndjson', ndjson), 'classify', /record 2 nests objects and arrays more than 64 levels deep.*\(JSON_MAX_DEPTH\)/);
    expectLimit(await ingest(api, 'calls.json', `[${nestedJson(100_000)}]`), 'classify', /record 1 nests objects and arrays more than 64 levels deep.*\(JSON_MAX_DEPTH\)/);
  });

  it('reads NDJSON whose first record is 600 KB (under the 1 MiB record limit)', async () => {
    const { api } = await stack.tenant();
    const record = (i: number, notes: string) => ({ started_at: '2025-10-02T10:00:00Z', direction: 'outbound', counterpart_number: `+141555501${String(i).padStart(2, '0')}`, duration_seconds: i, notes });
    const first = JSON.stringify(record(0, 'x'.repeat(600 * 1024)));
    const rest = Array.from({ length: 20 }, (_, i) => JSON.stringify(record(i + 1, 'short')));
    const job = await ingest(api, 'calls.ndjson', [first, ...rest].join('\n') + '\n');
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.classification).toMatchObject({ format: 'ndjson' });
    expect(job.progress.rowsRead).toBe(21);
  });
});
