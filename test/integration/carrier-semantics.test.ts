import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { uploadFile } from '../../local/cli/upload.ts';
import { downloadRecords, startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { scoreRecords, type ExpectFile } from '../eval/records.ts';

// Carrier exports as a new user would try them: the records must be right, not just present.
const DEV = join(import.meta.dirname, '../fixtures/eval/records/dev');

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function ingest(name: string, file: string) {
  const expected = JSON.parse(await readFile(join(DEV, name, 'expect.json'), 'utf8')) as ExpectFile;
  const { api } = await stack.tenant();
  const { jobId } = await uploadFile(api, join(DEV, name, file), { schema: expected.schema, options: expected.options as Record<string, string> });
  const job = await waitForJob(api, jobId, 60_000);
  expect(job.status).toBe('succeeded');
  const records = (await downloadRecords(api, jobId)).map((l) => JSON.parse(l) as Record<string, unknown>);
  const report = await api.get<{ items: { severity: string; reason: string }[] }>(`/v1/jobs/${jobId}/errors?limit=100`);
  return { job, records, expected, report: report.items };
}

describe('carrier exports come out right', () => {
  it('Verizon-style usage detail: direction from "Incoming, CL", the line from the preamble, every row accounted for', async () => {
    const { job, records, expected } = await ingest('verizon-usage-tsv', 'input.tsv');
    expect(job.progress.rowsRead).toBe(40);
    expect(job.progress.rowsRead).toBe(job.progress.rowsWritten + job.progress.rowsRejected);
    expect(job.progress.rowsRejected).toBe(0);
    // four preamble lines, a blank one and the Total row
    expect(job.progress.rowsSkipped).toBe(6);
    expect(records.every((r) => r.direction === 'inbound' || r.direction === 'outbound')).toBe(true);
    expect(records.filter((r) => r.location === 'Incoming, CL').every((r) => r.direction === 'inbound')).toBe(true);
    expect(scoreRecords(expected.records, records).misses).toEqual([]);
  });

  it('AT&T-style two statements: each block gives its rows its line, the second block is skipped, not rejected', async () => {
    const { job, records, expected } = await ingest('att-two-statements', 'input.csv');
    expect(job.progress.rowsRead).toBe(27);
    expect(job.progress.rowsRejected).toBe(0);
    expect(job.progress.rowsRead).toBe(job.progress.rowsWritten + job.progress.rowsRejected);
    expect(job.progress.rowsSkipped).toBe(expected.rowsSkipped);
    expect(new Set(records.map((r) => r.subscriber_number))).toEqual(new Set(['+14157082231', '+14157082232']));
    expect(records.filter((r) => r.location === 'INCOMING CL').every((r) => r.direction === 'inbound' && r.record_type === 'voice')).toBe(true);
    expect(records.every((r) => r.account_number === '287445109301')).toBe(true);
    expect(scoreRecords(expected.records, records).misses).toEqual([]);
  });

  it('T-Mobile-style CDR with --timezone America/Chicago: "(UTC) Time" stays UTC, the other party is never the line', async () => {
    const { job, records, expected, report } = await ingest('tmobile-cdr-utc', 'input.csv');
    expect(job.mapping?.status).toBe('mapped');
    expect(job.progress.rowsRead).toBe(36);
    expect(job.progress.rowsRead).toBe(job.progress.rowsWritten + job.progress.rowsRejected);
    expect(job.progress.rowsSkipped).toBe(0);
    expect(records.every((r) => r.subscriber_number === '+13124047781' && r.counterpart_number !== '+13124047781')).toBe(true);
    expect(records.every((r) => typeof r.record_type === 'string')).toBe(true);
    // 3GPP call types are read, not reported as unknown values
    expect(report).toEqual([]);
    expect(scoreRecords(expected.records, records).misses).toEqual([]);
  });
});
