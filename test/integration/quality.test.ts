import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadRecords, startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import type { ApiClient } from '../../local/cli/api-client.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';
import type { FieldQuality } from '../../functions/core/quality/quality-report.ts';
import { jobSchema } from '../../functions/shared/contract/responses.ts';

/*
 * A job that succeeds says how good its records are: every succeeded job carries a
 * per-field data-quality report (counted per chunk in Enrich, added up in Persist), and a
 * job whose records lack what a file of its kind must have succeeds WITH a warning that
 * names the field and the share, while a clean file has none.
 */

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  delete process.env.PARSE_RANGE_BYTES;
  await stack?.stop();
});

async function ingest(api: ApiClient, name: string, content: string | Buffer, rangeBytes = 1024 * 1024 * 1024): Promise<ApiJob> {
  process.env.PARSE_RANGE_BYTES = String(rangeBytes);
  const path = await stack.writeScratch(`${Math.random().toString(36).slice(2)}-${name}`, content);
  const { jobId } = await uploadFile(api, path, { schema: 'call_record' });
  return waitForJob(api, jobId, 60_000);
}

/** A call log that says when, whom, how long and what it cost, and never which way the call went. */
function undirectedLog(rows: number): string {
  const lines = ['Date,Time,Number,Minutes,Charge'];
  for (let i = 0; i < rows; i++) {
    lines.push(`10/${String(1 + (i % 28)).padStart(2, '0')}/2025,${1 + (i % 12)}:${String(i % 60).padStart(2, '0')} PM,(212) 555-${String(1000 + i).padStart(4, '0')},${i % 30},$${i % 5}.${String(i % 100).padStart(2, '0')}`);
  }
  return lines.join('\n') + '\n';
}

const fieldOf = (job: ApiJob, name: string): FieldQuality | undefined => job.quality?.fields.find((f) => f.field === name);

describe('the data-quality report and the self-checks', () => {
  it('a call log without direction on any row succeeds with a warning naming direction and the share', async () => {
    const { api } = await stack.tenant();
    const job = await ingest(api, 'undirected.csv', undirectedLog(180));
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.progress).toMatchObject({ rowsRead: 180, rowsWritten: 180, rowsRejected: 0 });
    expect(job.warnings).toEqual([
      // the log's clock times name no zone, and the job none: read as UTC, and said so
      { code: 'times_read_as_utc', message: expect.stringContaining('first "10/01/2025 1:00 PM"'), count: 180, fields: ['started_at'] },
      {
        code: 'expected_field_missing',
        message: expect.stringContaining('direction absent on 180 of 180 records (100%)'),
        count: 1,
        fields: ['direction'],
      },
    ]);
    expect(job.quality).toMatchObject({ records: 180, fieldsTotal: expect.any(Number) });
    expect(fieldOf(job, 'direction')).toMatchObject({ mapped: false, expected: true, filled: 0, empty: 180, fillRate: 0, values: {} });
    expect(fieldOf(job, 'counterpart_number')).toMatchObject({ mapped: true, filled: 180, fillRate: 1, distinct: null });
    expect(fieldOf(job, 'duration_seconds')).toMatchObject({ filled: 180, distinct: 30 });
    // the report's counts are the records' own
    const records = (await downloadRecords(api, job.jobId)).map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const f of job.quality!.fields) expect(f.filled, f.field).toBe(records.filter((r) => r[f.field] !== undefined).length);
    // the answer is the documented Job shape, quality and warnings included
    expect(jobSchema.parse(job)).toEqual(job);
  });

  it('a clean call log has no such warning, and its enum fields show their distribution', async () => {
    const { api } = await stack.tenant();
    const path = await stack.writeScratch('generic-export.csv', '');
    await copyFile(join(import.meta.dirname, '../fixtures/call-logs/generic-export.csv'), path);
    const { jobId } = await uploadFile(api, path, { schema: 'call_record' });
    const job = await waitForJob(api, jobId, 60_000);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.warnings).toEqual([]);
    expect(fieldOf(job, 'direction')).toMatchObject({ filled: 50, fillRate: 1, values: { inbound: 26, outbound: 24 } });
    expect(fieldOf(job, 'record_type')).toMatchObject({ filled: 50, values: { voice: 29, mms: 14, sms: 7 } });
    expect(job.quality).toMatchObject({ records: 50, rowReasons: {} });
  });

  it('unread values are counted per field with their reason; what the mapping warned about is on the job', async () => {
    const { api } = await stack.tenant();
    const lines = ['Date,Number,Direction,Type,Duration,Notes'];
    for (let i = 0; i < 20; i++) {
      // every fourth duration is not one; row 5 has no number (rejected); the Notes column is not a field
      lines.push(`2025-10-${String(1 + i).padStart(2, '0')} 10:00,${i === 5 ? '' : `+1212555${1000 + i}`},${i % 2 ? 'IN' : 'OUT'},Voice,${i % 4 === 0 ? 'soon' : `${i}:05`},note ${i}`);
    }
    const job = await ingest(api, 'unread.csv', lines.join('\n') + '\n');
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.progress).toMatchObject({ rowsRead: 20, rowsWritten: 19, rowsRejected: 1 });
    expect(fieldOf(job, 'duration_seconds')).toMatchObject({ filled: 14, empty: 5, blanked: 5, rejected: 0, reasons: { 'not a duration': 5 } });
    expect(fieldOf(job, 'counterpart_number')).toMatchObject({ filled: 19, rejected: 1, reasons: { 'required field is empty': 1 } });
    expect(job.warnings.map((w) => w.code)).toEqual(['times_read_as_utc', 'unmapped_columns']);
    expect(job.warnings[1]!.message).toContain('"Notes"');
  });

  it('a file read in byte ranges gives the same report as in one pass', async () => {
    const { api } = await stack.tenant();
    const text = undirectedLog(1500);
    const split = await ingest(api, 'split.csv', text, 8 * 1024);
    const whole = await ingest(api, 'whole.csv', text);
    expect(split.status, JSON.stringify(split.error)).toBe('succeeded');
    expect(split.output!.records.length).toBeGreaterThan(3);
    expect(whole.output!.records).toHaveLength(1);
    expect(split.quality).toEqual(whole.quality);
    expect(split.warnings).toEqual(whole.warnings);
    expect(split.warnings.find((w) => w.code === 'times_read_as_utc')).toMatchObject({ count: 1500 });
    expect(split.warnings.find((w) => w.code === 'expected_field_missing')).toMatchObject({ code: 'expected_field_missing', message: expect.stringContaining('direction absent on 1500 of 1500 records (100%)') });
  });
});

describe('a job whose country is a guess', () => {
  // German mobiles are valid Austrian (Vienna) numbers too, and nothing else in this log tells them
  // apart (written in one piece: grouped as Germans write them, they would say German)
  const log = [
    'Datum;Uhrzeit;Rufnummer;Dauer (Sek.);Betrag (€)',
    '03.11.2025;09:14;01712345678;61;0,12',
    '03.11.2025;10:02;01609876543;125;0,24',
    '04.11.2025;14:40;015123456789;30;0,06',
    '05.11.2025;16:05;017612345678;242;0,48',
    '05.11.2025;17:30;015712345678;12;0,02',
  ].join('\n') + '\n';

  it('succeeds, reads the numbers as the likelier country, and says it guessed and how to name the other', async () => {
    const { api } = await stack.tenant();
    const path = await stack.writeScratch('anrufe.csv', log);
    const { jobId } = await uploadFile(api, path, { schema: 'call_record' });
    const job = await waitForJob(api, jobId, 60_000);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.mapping?.region).toMatchObject({ region: 'DE', evidence: expect.stringMatching(/^a tie: /) });
    const guess = job.warnings.find((w) => w.code === 'region_guessed');
    expect(guess).toEqual({ code: 'region_guessed', count: 1, message: expect.stringContaining('read as DE (rather than AT: national numbers get +49, not +43)') });
    expect(jobSchema.safeParse(job).success).toBe(true);
    const records = await downloadRecords(api, jobId);
    expect(records.map((r) => JSON.parse(r).counterpart_number)).toContain('+491712345678');
  });

  it('says nothing of a region the job names', async () => {
    const { api } = await stack.tenant();
    const path = await stack.writeScratch('anrufe-at.csv', log);
    const { jobId } = await uploadFile(api, path, { schema: 'call_record', options: { defaultRegion: 'AT' } });
    const job = await waitForJob(api, jobId, 60_000);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.warnings.map((w) => w.code)).not.toContain('region_guessed');
    const records = await downloadRecords(api, jobId);
    expect(records.map((r) => JSON.parse(r).counterpart_number)).toContain('+431712345678');
  });
});
