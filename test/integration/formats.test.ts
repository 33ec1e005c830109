import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { allPages, startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import type { ApiClient } from '../../local/cli/api-client.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';
import {
  attMultiSection,
  callLogDocx,
  callLogPdf,
  callLogXlsx,
  lyingZipXlsx,
  scannedPdf,
  tmobileUsage,
  verizonUsage,
  workbook,
  zipBombXlsx,
} from '../fixtures/formats/builders.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const E164 = /^\+[1-9]\d{7,14}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

type Row = Record<string, unknown>;

/** Upload through the real pipeline (presigned multipart upload, Step Functions) and wait for the end. */
async function ingest(name: string, content: string | Buffer, options?: Record<string, string>): Promise<{ api: ApiClient; job: ApiJob }> {
  const { api } = await stack.tenant();
  const path = await stack.writeScratch(`${Math.random().toString(36).slice(2)}-${name}`, content);
  const { jobId } = await uploadFile(api, path, { schema: 'call_record', ...(options ? { options } : {}) });
  return { api, job: await waitForJob(api, jobId, 45_000) };
}

const records = (api: ApiClient, jobId: string) => allPages<Row>(api, `/v1/jobs/${jobId}/records?limit=100`);

async function errors(api: ApiClient, jobId: string): Promise<{ row: number; reason: string; column?: string }[]> {
  return (await api.get<{ items: { row: number; reason: string; column?: string }[] }>(`/v1/jobs/${jobId}/errors?limit=100`)).items;
}

function expectCounts(job: ApiJob, read: number, written: number) {
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  expect(job.progress.rowsRead).toBe(read);
  expect(job.progress.rowsWritten).toBe(written);
  expect(job.progress.rowsRejected).toBe(read - written);
}

function expectFailed(job: ApiJob, type: string, stage: string, message?: RegExp) {
  expect(job.status).toBe('failed');
  expect(job.error).toMatchObject({ type, stage });
  if (message) expect(job.error?.message).toMatch(message);
}

describe('every format through the pipeline', () => {
  it('reads an XLSX workbook: preamble rows, real dates, cached formula values, the sheet with the table', async () => {
    const { api, job } = await ingest('calls.xlsx', await callLogXlsx({ rows: 12 }), { timezone: 'America/Chicago' });
    expectCounts(job, 12, 12);
    expect(job.classification).toMatchObject({ format: 'xlsx', sheetNames: ['Read me', 'Calls'], sheet: 'Calls', headerRow: 3, rowEstimate: 12 });
    const rows = await records(api, job.jobId);
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      expect(r.counterpart_number).toMatch(E164);
      expect(r.started_at).toMatch(ISO_UTC);
    }
    // 10/02/2025 9:05 AM in Chicago (CDT) = 14:05Z
    expect(rows[0]).toMatchObject({ counterpart_number: '+14156041700', started_at: '2025-10-02T14:05:00Z', account_number: '555-123-9876' });
  });

  it('reads a three-page PDF statement as one table of 60 calls', async () => {
    const { api, job } = await ingest('statement.pdf', await callLogPdf({ pages: 3, rowsPerPage: 20 }));
    expectCounts(job, 60, 60);
    expect(job.classification).toMatchObject({ format: 'pdf', pages: 3, headerRow: 2 });
    expect(job.progress.rowsSkipped).toBeGreaterThanOrEqual(9); // 2 repeated headers + 7 lines of page furniture
    const rows = await records(api, job.jobId);
    expect(new Set(rows.map((r) => r.counterpart_number)).size).toBe(60);
    expect(rows.every((r) => E164.test(String(r.counterpart_number)) && ISO_UTC.test(String(r.started_at)))).toBe(true);
  });

  it('reads a Word table', async () => {
    const { api, job } = await ingest('log.docx', await callLogDocx(8));
    expectCounts(job, 8, 8);
    expect(job.classification).toMatchObject({ format: 'docx', tables: 1, table: 1 });
    const rows = await records(api, job.jobId);
    expect(rows[1]).toMatchObject({ counterpart_number: '+14156041901', duration_seconds: 90, direction: 'inbound' });
  });

  it('reads UTF-16LE and Windows-1252 exports with their accents intact', async () => {
    const text = 'Date,Time,Number,Location,Minutes\r\n' + Array.from({ length: 6 }, (_, i) => `10/0${i + 2}/2025,9:1${i} AM,(415) 604-17${10 + i},${i % 2 ? 'Zürich' : 'Besançon'},${i + 1}`).join('\r\n') + '\r\n';
    const utf16 = await ingest('utf16.csv', iconv.encode(text, 'utf-16le', { addBOM: true }));
    expectCounts(utf16.job, 6, 6);
    expect(utf16.job.classification).toMatchObject({ encoding: 'utf-16le', hasBom: true });
    expect((await records(utf16.api, utf16.job.jobId)).map((r) => r.location)).toContain('Zürich');
    const cp1252 = await ingest('latin.csv', iconv.encode(text, 'windows-1252'));
    expectCounts(cp1252.job, 6, 6);
    expect(cp1252.job.classification?.encoding).toBe('windows-1252');
    expect((await records(cp1252.api, cp1252.job.jobId)).map((r) => r.location)).toContain('Besançon');
  });

  it('reads JSON and NDJSON records', async () => {
    const calls = Array.from({ length: 5 }, (_, i) => ({ started_at: `2025-10-0${i + 1}T10:00:00Z`, number: `+1415604180${i}`, duration: `${i}:30`, direction: i % 2 ? 'MT' : 'MO' }));
    const json = await ingest('calls.json', JSON.stringify({ exported: '2025-11-01', calls }));
    expectCounts(json.job, 5, 5);
    expect(json.job.classification).toMatchObject({ format: 'json', recordsPath: '$.calls' });
    const ndjson = await ingest('calls.ndjson', calls.map((c) => JSON.stringify(c)).join('\n') + '\n{"started_at": broken}\n');
    expectCounts(ndjson.job, 6, 5);
    expect((await errors(ndjson.api, ndjson.job.jobId)).some((e) => e.row === 6 && /invalid JSON/.test(e.reason))).toBe(true);
  });
});

describe('headers that grow while Parse runs', () => {
  it('widens a chunk already written when a key first appears after 110,000 records', async () => {
    const lines = Array.from({ length: 110_001 }, (_, i) => JSON.stringify({ started_at: '2025-10-02T10:00:00Z', number: `+1415${String(5550000 + (i % 9999)).padStart(7, '0')}`, ...(i === 110_000 ? { note: 'late key' } : {}) }));
    const { job } = await ingest('late-key.ndjson', lines.join('\n') + '\n');
    expectCounts(job, 110_001, 110_001);
    expect(job.classification?.headers).toEqual(['started_at', 'number']);
  });
});

describe('carrier exports it has never seen', () => {
  it('reads an AT&T multi-section export: voice, messaging and data under one header, with section and account', async () => {
    const att = attMultiSection(20, 6, 4);
    const { api, job } = await ingest('att-statement.csv', att.csv);
    // the ragged voice row is rejected; data sessions are kept, with no other party
    expectCounts(job, 30, 20 - 1 + 6 + 4);
    expect(job.classification).toMatchObject({
      format: 'csv',
      headerRow: 3,
      // "Wireless Statement for (312) 555-0187" names the line
      contextColumns: ['Account Number', 'Line Number', 'Section'],
      sections: [
        { kind: 'voice', accountNumber: '287-445-1093', lineNumber: '(312) 555-0187' },
        { kind: 'messaging', title: 'Messaging Usage' },
        { kind: 'data', title: 'Data Usage' },
      ],
    });
    expect(job.classification?.headers).toEqual(expect.arrayContaining(['Number Called', 'Type', 'Msg/KB', 'Section', 'Account Number']));
    const errs = await errors(api, job.jobId);
    expect(errs.filter((e) => /expected 12 columns, found 14/.test(e.reason)).map((e) => e.row)).toEqual(att.raggedRows);
    const rows = await records(api, job.jobId);
    expect(rows.every((r) => r.account_number === '287-445-1093')).toBe(true);
    expect(rows.filter((r) => r.record_type !== 'data').every((r) => E164.test(String(r.counterpart_number)))).toBe(true);
    expect(rows.filter((r) => r.record_type === 'sms' || r.record_type === 'mms')).toHaveLength(6);
    expect(rows.filter((r) => r.record_type === 'data').map((r) => r.counterpart_number)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads a Verizon tab-delimited export with a preamble and mixed CRLF/LF', async () => {
    const { api, job } = await ingest('usage.tsv', verizonUsage(25));
    expectCounts(job, 25, 25);
    expect(job.classification).toMatchObject({ delimiter: '\t', headerRow: 3, lineEnding: 'mixed' });
    expect((await records(api, job.jobId))[0]).toMatchObject({ counterpart_number: '+16175551001', account_number: '442019387-00001' });
  });

  it('reads T-Mobile UTC times and call-type codes', async () => {
    const { api, job } = await ingest('tmobile.csv', tmobileUsage(12), { timezone: 'America/Los_Angeles' });
    expectCounts(job, 12, 12);
    const rows = await records(api, job.jobId);
    expect(rows[0]).toMatchObject({ started_at: '2025-10-02T01:15:00Z', direction: 'outbound', counterpart_number: '+12065551001', duration_seconds: 17 });
    expect(rows[1]).toMatchObject({ direction: 'inbound', started_at: '2025-10-03T02:15:00Z' });
    expect(rows.filter((r) => r.record_type === 'sms')).toHaveLength(3);
  });
});

describe('bad input ends as a specific failure or as rejected rows, never a hang', () => {
  it('fails a zip bomb from its directory with ZipBombError', async () => {
    const { job } = await ingest('bomb.xlsx', await zipBombXlsx(520));
    expectFailed(job, 'ZipBombError', 'classify', /would inflate to more than/);
  });

  it('fails a ZIP that inflates past what it declares with ZipBombError', async () => {
    const { job } = await ingest('liar.xlsx', lyingZipXlsx());
    expectFailed(job, 'ZipBombError', 'classify');
  });

  it('fails a truncated XLSX with TruncatedFileError', async () => {
    const xlsx = await callLogXlsx({ rows: 50 });
    const { job } = await ingest('cut.xlsx', xlsx.subarray(0, Math.floor(xlsx.length * 0.6)));
    expectFailed(job, 'TruncatedFileError', 'classify', /truncated/);
  });

  it('fails a scanned PDF with NoTextLayerError', async () => {
    const { job } = await ingest('scan.pdf', await scannedPdf(2));
    expectFailed(job, 'NoTextLayerError', 'classify', /no text layer/);
  });

  it('fails 10,001 columns and a 2 MiB line with LimitExceededError', async () => {
    const wide = Array.from({ length: 10_001 }, (_, i) => `c${i}`).join(',');
    const a = await ingest('wide.csv', `${wide}\n${wide.replace(/c/g, '')}\n`);
    expectFailed(a.job, 'LimitExceededError', 'classify', /more than 10000 columns/);
    const b = await ingest('long.csv', `Number,Notes\n+14155550100,${'x'.repeat(2 * 1024 * 1024)}\n`);
    expect(b.job.status).toBe('failed');
    expect(b.job.error?.type).toMatch(/LimitExceededError|HeaderNotFoundError/);
  });

  it('fails legacy XLS with UnsupportedFormatError and random bytes named .csv with BinaryContentError', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 1)]);
    expectFailed((await ingest('old.xls', ole)).job, 'UnsupportedFormatError', 'classify', /\.xls/);
    let x = 0x12345678;
    const junk = Buffer.from(Array.from({ length: 8192 }, () => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24)));
    expectFailed((await ingest('junk.csv', junk)).job, 'BinaryContentError', 'classify');
  });

  it('rejects rows with mismatched quotes, down to an unterminated quote near the end, which costs its own row only', async () => {
    const text = [
      'Date,Number,Location,Minutes',
      '10/02/2025,(415) 604-1700,"CHICAGO" IL,3',
      '10/03/2025,(415) 604-1701,BOSTON,4',
      '10/04/2025,(415) 604-1702,"AUSTIN, TX",5',
      '10/05/2025,(415) 604-1703,"DALLAS, TX,6',
      '10/06/2025,(415) 604-1704,WACO,7',
    ].join('\n');
    const { api, job } = await ingest('quotes.csv', text + '\n');
    // (the WACO row after the open quote is read on its own)
    expectCounts(job, 5, 3);
    const reasons = (await errors(api, job.jobId)).map((e) => [e.row, e.reason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        [1, expect.stringMatching(/malformed quotes/)],
        [4, expect.stringMatching(/unclosed quote.*\(line 5\)/)],
      ]),
    );
  });

  it('keeps a damaged UTF-8 file: the bad byte becomes U+FFFD in its cell', async () => {
    const text = Buffer.concat([
      Buffer.from('Date,Number,Location,Minutes\n' + Array.from({ length: 12 }, (_, i) => `10/${10 + i}/2025,(415) 604-17${10 + i},Zürich,${i + 1}`).join('\n') + '\n'),
      Buffer.from('10/09/2025,(415) 604-1709,Montr'),
      Buffer.from([0xe9]),
      Buffer.from('al,9\n'),
    ]);
    const { api, job } = await ingest('damaged.csv', text);
    expectCounts(job, 13, 13);
    expect(job.classification?.encoding).toBe('utf-8');
    expect((await records(api, job.jobId)).map((r) => r.location)).toContain('Montr\uFFFDal');
  });

  it('fails a header-only workbook with NoDataRowsError', async () => {
    const headerOnly = await workbook((wb) => wb.addWorksheet('Calls').addRow(['Date', 'Number', 'Minutes']));
    const { job } = await ingest('empty.xlsx', headerOnly);
    expectFailed(job, 'NoDataRowsError', 'classify');
  });
});
