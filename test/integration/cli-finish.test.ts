import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { main } from '../../local/cli/main.ts';

/*
 * The CLI finishes what it starts: schemas, a job's mapping shown and confirmed (the job
 * resumes), the output downloaded to a file, and a summary that names commands, not s3://.
 * Commands run in this process against the test stack (--endpoint), their stdout captured.
 */

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function cli(args: string[], apiKey: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  try {
    const code = await main([...args, '--endpoint', stack.httpUrl, '--api-key', apiKey, '--ws-endpoint', stack.wsUrl]);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/** Headers that say nothing: only the values hint at the fields, so the job waits for a person. */
const OPAQUE = ['fld_a,fld_b,fld_c,fld_d', ...Array.from({ length: 6 }, (_, i) => `11/0${(i % 5) + 1}/2025 ${i + 1}:0${i} PM,(512) 555-01${String(10 + i).padStart(2, '0')},${i + 1}:0${i},note ${i}`)].join('\n');

async function parkedJob(apiKey: string, name: string) {
  const path = await stack.writeScratch(name, `${OPAQUE}\n`);
  const res = await cli(['ingest', path, '--schema', 'call_record', '--no-wait', '--json'], apiKey);
  expect(res.code, res.err).toBe(0);
  return (JSON.parse(res.out) as { jobId: string }).jobId;
}

describe('the CLI', () => {
  it('lists schemas and shows one', async () => {
    const { apiKey } = await stack.tenant('viewer');
    const list = await cli(['schemas', 'list'], apiKey);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^call_record\s+built-in/m);
    const one = await cli(['schemas', 'get', 'call_record'], apiKey);
    expect(one.out).toMatch(/counterpart_number\s+phone\s+required/);
    const json = await cli(['schemas', 'get', 'contact', '--json'], apiKey);
    expect(JSON.parse(json.out)).toMatchObject({ name: 'contact', builtin: true });
    expect((await cli(['schemas', 'get', 'nope_nope'], apiKey)).code).toBe(2);
  });

  it('shows a parked job\'s mapping with confidence and samples, and --set confirms it and resumes the job', async () => {
    const { api, apiKey } = await stack.tenant('member');
    const jobId = await parkedJob(apiKey, 'opaque-set.csv');
    expect((await waitForJob(api, jobId)).status).toBe('needs_mapping');
    const shown = await cli(['jobs', 'mapping', jobId], apiKey);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain(`${jobId}: needs_mapping, schema call_record`);
    expect(shown.out).toMatch(/\d+%/);
    expect(shown.out).toContain('"(512) 555-0110"');
    expect(shown.out).toContain(`ai-file-parser jobs mapping ${jobId} --set`);
    const confirmed = await cli(['jobs', 'mapping', jobId, '--set', 'started_at=fld_a,counterpart_number=fld_b,duration_seconds=#2'], apiKey);
    expect(confirmed.code, confirmed.err).toBe(0);
    expect(confirmed.out).toContain(`${jobId}: mapping confirmed`);
    const done = await waitForJob(api, jobId);
    expect(done).toMatchObject({ status: 'succeeded', progress: { rowsWritten: 6 } });
    const { items } = await api.get<{ items: Record<string, unknown>[] }>(`/v1/jobs/${jobId}/records?limit=1`);
    expect(items[0]).toMatchObject({ counterpart_number: '+15125550110', duration_seconds: 60 });
    // a column that is not there is named with the ones that are
    const other = await parkedJob(apiKey, 'opaque-bad.csv');
    await waitForJob(api, other);
    const wrong = await cli(['jobs', 'mapping', other, '--set', 'started_at=Date'], apiKey);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("No column 'Date'");
  });

  it('confirms the mapping from the file jobs mapping --json wrote, edited, and saves it as a template', async () => {
    const { api, apiKey } = await stack.tenant('member');
    const jobId = await parkedJob(apiKey, 'opaque-file.csv');
    await waitForJob(api, jobId);
    const json = await cli(['jobs', 'mapping', jobId, '--json'], apiKey);
    const view = JSON.parse(json.out) as { mapping: { fields: Record<string, unknown>[]; missingRequired: string[] } };
    view.mapping.fields = [
      ...view.mapping.fields.filter((f) => !['started_at', 'counterpart_number'].includes(String(f.field))),
      { field: 'started_at', sources: [0] },
      { field: 'counterpart_number', sources: [1] },
    ];
    const file = join(stack.dataDir, 'mapping.json');
    await writeFile(file, JSON.stringify(view));
    const confirmed = await cli(['jobs', 'mapping', jobId, '--file', file, '--save-as', 'Opaque export'], apiKey);
    expect(confirmed.code, confirmed.err).toBe(0);
    expect(confirmed.out).toMatch(/saved as template Opaque export \(tpl_/);
    expect((await waitForJob(api, jobId)).status).toBe('succeeded');
  });

  it('downloads a job\'s output with --out, and its summary names commands instead of s3:// paths', async () => {
    const { api, apiKey } = await stack.tenant('member');
    const run = await cli(['ingest', join(import.meta.dirname, '../fixtures/call-logs/generic-export.csv'), '--schema', 'call_record', '--no-confirm'], apiKey);
    expect(run.code, run.err).toBe(0);
    expect(run.out).not.toContain('s3://');
    const jobId = /\(job (job_[A-Za-z0-9]+)\)/.exec(run.out)?.[1];
    expect(run.out).toContain(`ai-file-parser jobs output ${jobId} --out`);
    const file = join(stack.dataDir, 'records.ndjson');
    const out = await cli(['jobs', 'output', jobId!, '--out', file], apiKey);
    expect(out.code, out.err).toBe(0);
    expect(out.out.trim()).toBe(file);
    const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength((await waitForJob(api, jobId!)).progress.rowsWritten);
    expect(JSON.parse(lines[0]!)).toHaveProperty('counterpart_number');
  });
});
