import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { runCli } from '../helpers/cli.ts';
import { ApiError, type ApiClient } from '../../local/cli/api-client.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import { tenantStore } from '../../functions/adapters/tenant-store.ts';
import { admissionStore, holderOf } from '../../functions/adapters/admission-store.ts';
import { handler as jobStatus } from '../../functions/job-status/handler.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';

/*
 * Quotas and fair admission against the local stack: a tenant's concurrent-jobs limit queues
 * its jobs (small files first), tenants take turns for the service's slots, every way a job
 * ends gives its slot back (and the sweep gives back what no event did), and the upload
 * quotas answer 429 with Retry-After or 403, each with a code naming the quota.
 */

const SAMPLE = join(import.meta.dirname, '../fixtures/call-logs/att-voice.csv');
const GENERIC = join(import.meta.dirname, '../fixtures/call-logs/generic-export.csv');
let stack: TestStack;
/** a call log of about 11 MiB (size tier 1) that takes the local pipeline a few seconds */
let bigFile: string;

beforeAll(async () => {
  stack = await startTestStack();
  const header = 'Date,Time,Number Called,Minutes,Charge\n';
  const rows: string[] = [];
  for (let i = 0; rows.length * 45 < 11.5 * 1024 ** 2; i++) rows.push(`2026-11-${String((i % 28) + 1).padStart(2, '0')},10:${String(i % 60).padStart(2, '0')},(214) 555-${String(i % 10_000).padStart(4, '0')},${(i % 30) + 1},$0.${String(i % 100).padStart(2, '0')}`);
  bigFile = await stack.writeScratch('big-call-log.csv', header + rows.join('\n') + '\n');
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

const startOf = (job: ApiJob) => Date.parse(job.stages.classify?.startedAt ?? '');
const endOf = (job: ApiJob) => Date.parse(job.finishedAt ?? '');

async function uploadAll(api: ApiClient, files: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) ids.push((await uploadFile(api, file, { schema: 'call_record' })).jobId);
  return ids;
}

describe('concurrent jobs and fair admission', () => {
  it("runs a tenant's jobs one at a time under concurrentJobs 1, queued until a slot is free, and all finish", async () => {
    const { api, tenantId } = await stack.tenant();
    await tenantStore.setQuotas(tenantId, { concurrentJobs: 1 });
    const ids = await uploadAll(api, [SAMPLE, SAMPLE, SAMPLE]);
    const right = await Promise.all(ids.map((id) => api.get<ApiJob>(`/v1/jobs/${id}`)));
    expect(right.filter((j) => j.status === 'queued' && j.executionName === null).length).toBeGreaterThanOrEqual(1);
    const jobs = await Promise.all(ids.map((id) => waitForJob(api, id, 60_000)));
    expect(jobs.map((j) => j.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    // one at a time, in the order they were queued (one size tier)
    for (let i = 1; i < jobs.length; i++) expect(startOf(jobs[i]!)).toBeGreaterThanOrEqual(endOf(jobs[i - 1]!));
  }, 90_000);

  it('starts a small file before a large one of the same tenant that was queued before it', async () => {
    const { api, tenantId } = await stack.tenant();
    await tenantStore.setQuotas(tenantId, { concurrentJobs: 1 });
    // the first file keeps the one slot busy for seconds while the other two queue
    const [first, big, small] = await uploadAll(api, [bigFile, bigFile, GENERIC]);
    const [, bigJob, smallJob] = await Promise.all([first!, big!, small!].map((id) => waitForJob(api, id, 90_000)));
    expect(bigJob!.status).toBe('succeeded');
    expect(smallJob!.status).toBe('succeeded');
    expect(startOf(smallJob!)).toBeLessThan(startOf(bigJob!));
  }, 120_000);

  it("takes tenants in turns for the service's slots: one tenant's queue does not hold back another's one file", async () => {
    process.env.MAX_RUNNING_JOBS = '1';
    try {
      const blocker = await stack.tenant();
      const many = await stack.tenant();
      const one = await stack.tenant();
      // the service's one slot is busy for a few seconds while both tenants queue
      const [blockerId] = await uploadAll(blocker.api, [bigFile]);
      const manyIds = await uploadAll(many.api, [SAMPLE, SAMPLE, SAMPLE]);
      const [oneId] = await uploadAll(one.api, [GENERIC]);
      expect((await many.api.get<ApiJob>(`/v1/jobs/${manyIds[2]}`)).status).toBe('queued');
      await waitForJob(blocker.api, blockerId!, 90_000);
      const manyJobs = await Promise.all(manyIds.map((id) => waitForJob(many.api, id, 90_000)));
      const oneJob = await waitForJob(one.api, oneId!, 90_000);
      expect([...manyJobs, oneJob].map((j) => j.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
      const manyStarts = manyJobs.map(startOf).sort((a, b) => a - b);
      // the one file starts no later than the many's second: each tenant's turn comes round
      expect(startOf(oneJob)).toBeLessThan(manyStarts[1]!);
    } finally {
      delete process.env.MAX_RUNNING_JOBS;
    }
  }, 180_000);

  it('gives the slot back when a job fails or is cancelled, queued or running', async () => {
    const { api, tenantId } = await stack.tenant();
    await tenantStore.setQuotas(tenantId, { concurrentJobs: 1 });
    const junk = await stack.writeScratch('junk.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const [failing, afterFailure] = await uploadAll(api, [junk, SAMPLE]);
    // (well within the local sweep's minute: the slot comes back with the job's end)
    expect((await waitForJob(api, failing!, 15_000)).status).toBe('failed');
    expect((await waitForJob(api, afterFailure!, 15_000)).status).toBe('succeeded');

    const [running, queued, last] = await uploadAll(api, [bigFile, SAMPLE, SAMPLE]);
    expect((await api.post<ApiJob>(`/v1/jobs/${queued}/cancel`, {})).status).toBe('cancelled');
    expect((await api.post<ApiJob>(`/v1/jobs/${running}/cancel`, {})).status).toBe('cancelled');
    expect((await waitForJob(api, last!, 15_000)).status).toBe('succeeded');
    // the cancelled queued job never ran
    const cancelled = await api.get<ApiJob>(`/v1/jobs/${queued}`);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.stages).toEqual({});
  }, 120_000);

  it('the sweep gives back a slot whose job ended without an event, and starts what waited', async () => {
    const { api, tenantId } = await stack.tenant();
    await tenantStore.setQuotas(tenantId, { concurrentJobs: 1 });
    // a slot held by an attempt that no longer runs (its completion event was lost)
    await admissionStore.hold(tenantId, holderOf(tenantId, 'job_gone', 1), 1);
    const [waiting] = await uploadAll(api, [SAMPLE]);
    await new Promise((r) => setTimeout(r, 500));
    expect((await api.get<ApiJob>(`/v1/jobs/${waiting}`)).status).toBe('queued');
    await jobStatus({ source: 'aws.events', 'detail-type': 'Scheduled Event' });
    expect((await waitForJob(api, waiting!)).status).toBe('succeeded');
  }, 60_000);
});

describe('upload quotas', () => {
  async function refusal(apiKey: string, size: number) {
    const res = await fetch(`${stack.httpUrl}/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ filename: 'log.csv', contentType: 'text/csv', size }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { error?: { code: string; message: string } } };
  }

  it("answers 429 with the quota's code and Retry-After until the next UTC day past the day's upload bytes", async () => {
    const { apiKey, tenantId } = await stack.tenant();
    await tenantStore.setQuotas(tenantId, { uploadBytesPerDay: 1000 });
    expect((await refusal(apiKey, 600)).status).toBe(201);
    const over = await refusal(apiKey, 600);
    expect(over.status).toBe(429);
    expect(over.body.error?.code).toBe('quota_upload_bytes_per_day');
    const untilMidnight = (Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1) - Date.now()) / 1000;
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect(Math.abs(Number(over.retryAfter) - untilMidnight)).toBeLessThan(5);
    // what is left of the day still fits
    expect((await refusal(apiKey, 400)).status).toBe(201);
  });

  it('answers 403 with the stored-bytes code once the files kept would pass the quota', async () => {
    const { api, apiKey, tenantId } = await stack.tenant();
    await tenantStore.setQuotas(tenantId, { storedBytes: 8000 });
    await uploadAll(api, [SAMPLE]); // 5,117 bytes kept
    const over = await refusal(apiKey, 3000);
    expect(over.status).toBe(403);
    expect(over.body.error?.code).toBe('quota_stored_bytes');
    expect(over.retryAfter).toBeNull();
    expect((await refusal(apiKey, 2800)).status).toBe(201);
    // the refused session was never opened: the API client sees the same refusal
    await expect(api.post('/v1/uploads', { filename: 'x.csv', contentType: 'text/csv', size: 5000 })).rejects.toBeInstanceOf(ApiError);
  });
});

describe('admin tenants set-quota', () => {
  it('overrides the named quotas and keeps the others; refuses a value that is no whole number', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'afp-quota-cli-'));
    try {
      const created = await runCli(dataDir, ['admin', 'tenants', 'create', 'Quota Co', '--json']);
      const { tenant } = JSON.parse(created.stdout) as { tenant: { tenantId: string } };
      const set = await runCli(dataDir, ['admin', 'tenants', 'set-quota', tenant.tenantId, '--concurrent-jobs', '2', '--json']);
      expect(set.code).toBe(0);
      const again = await runCli(dataDir, ['admin', 'tenants', 'set-quota', tenant.tenantId, '--upload-bytes-per-day', '1048576', '--json']);
      expect(JSON.parse(again.stdout)).toMatchObject({ quotas: { concurrentJobs: 2, uploadBytesPerDay: 1048576 }, effectiveQuotas: { concurrentJobs: 2, uploadBytesPerDay: 1048576, storedBytes: 500 * 1024 ** 3 } });
      const list = await runCli(dataDir, ['admin', 'tenants', 'list', '--json']);
      expect((JSON.parse(list.stdout) as { items: unknown[] }).items).toEqual([expect.objectContaining({ tenantId: tenant.tenantId, quotas: { concurrentJobs: 2, uploadBytesPerDay: 1048576 } })]);
      const bad = await runCli(dataDir, ['admin', 'tenants', 'set-quota', tenant.tenantId, '--stored-bytes', '1.5']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--stored-bytes must be a whole number');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
