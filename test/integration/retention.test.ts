import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { runCli } from '../helpers/cli.ts';
import { ApiError, type ApiClient } from '../../local/cli/api-client.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import { admissionStore } from '../../functions/adapters/admission-store.ts';
import { tenantStore } from '../../functions/adapters/tenant-store.ts';
import { documentClient } from '../../functions/adapters/aws-clients.ts';
import { runRetentionSweep } from '../../functions/adapters/retention-sweeper.ts';
import { tableName } from '../../functions/shared/config.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';
import type { AuditRecord } from '../../functions/core/audit/audited-routes.ts';

/*
 * Retention against the local stack: an admin sets it (validated, audited), every job gets its
 * expiry times from it, and the sweep (the same handler code the hourly schedule runs) deletes
 * what is due at an injected `now`: the upload, then the outputs, then the record. What is past
 * its time answers 410 job_expired, deleted files leave the tenant's stored bytes, and another
 * tenant's jobs are untouched.
 */

const SAMPLE = join(import.meta.dirname, '../fixtures/call-logs/att-voice.csv');
const DAY = 86_400_000;
let stack: TestStack;
let s3: S3Client;

beforeAll(async () => {
  stack = await startTestStack();
  s3 = new S3Client({ endpoint: stack.s3Endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
}, 60_000);
afterAll(async () => {
  s3?.destroy();
  await stack?.stop();
});

const keysUnder = async (prefix: string) =>
  ((await s3.send(new ListObjectsV2Command({ Bucket: stack.bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!);
const storedBytes = (tenantId: string) => admissionStore.bytes({ pk: 'STORED', sk: tenantId });

async function failure(call: Promise<unknown>): Promise<ApiError> {
  const err = await call.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

async function ingest(api: ApiClient): Promise<ApiJob> {
  const { jobId } = await uploadFile(api, SAMPLE, { schema: 'call_record' });
  const job = await waitForJob(api, jobId, 60_000);
  expect(job.status).toBe('succeeded');
  return job;
}

describe('retention settings', () => {
  it('starts at the defaults, takes an admin\'s change, names the wrong field, and audits the change', async () => {
    const { api, tenantId } = await stack.tenant('admin');
    expect(await api.get('/v1/settings/retention')).toEqual({
      tenantId,
      uploadsDays: 30,
      outputsDays: 90,
      jobRecordsDays: 400,
      defaults: { uploadsDays: 30, outputsDays: 90, jobRecordsDays: 400 },
      overrides: {},
    });
    expect(await api.request('PUT', '/v1/settings/retention', { uploadsDays: 7 })).toMatchObject({ uploadsDays: 7, outputsDays: 90, jobRecordsDays: 400, overrides: { uploadsDays: 7 } });

    for (const [body, field] of [
      [{ uploadsDays: 0 }, 'uploadsDays'],
      [{ outputsDays: 1.5 }, 'outputsDays'],
      [{ jobRecordsDays: 5000 }, 'jobRecordsDays'],
      // outputs (90) would outlive the records
      [{ jobRecordsDays: 30 }, 'outputsDays'],
    ] as const) {
      const err = await failure(api.request('PUT', '/v1/settings/retention', body));
      expect(err.status, JSON.stringify(body)).toBe(400);
      expect(err.details, JSON.stringify(body)).toEqual([expect.objectContaining({ field })]);
    }
    expect(await api.get('/v1/settings/retention')).toMatchObject({ uploadsDays: 7, outputsDays: 90, jobRecordsDays: 400 });

    const trail = (await api.get<{ items: AuditRecord[] }>('/v1/audit?action=tenant.set_retention')).items;
    expect(trail.map((r) => r.outcome).sort()).toEqual(['failed', 'failed', 'failed', 'failed', 'succeeded']);
    expect(trail.find((r) => r.outcome === 'succeeded')).toMatchObject({ targetId: tenantId, actor: { type: 'apiKey', role: 'admin' } });

    const member = await stack.tenant('member', tenantId);
    expect((await failure(member.api.request('PUT', '/v1/settings/retention', { uploadsDays: 3 }))).status).toBe(403);
  });

  it('is set by the operator with admin tenants set-retention, audited as operator, flags checked', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'afp-retention-cli-'));
    try {
      const created = await runCli(dataDir, ['admin', 'tenants', 'create', 'Retention Co', '--json']);
      const { tenant } = JSON.parse(created.stdout) as { tenant: { tenantId: string } };
      const set = await runCli(dataDir, ['admin', 'tenants', 'set-retention', tenant.tenantId, '--uploads-days', '3', '--json']);
      expect(set.code, set.stderr).toBe(0);
      expect(JSON.parse(set.stdout)).toMatchObject({ uploadsDays: 3, outputsDays: 90, jobRecordsDays: 400, overrides: { uploadsDays: 3 } });
      const bad = await runCli(dataDir, ['admin', 'tenants', 'set-retention', tenant.tenantId, '--outputs-days', 'ninety']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--outputs-days must be a whole number of days');
      const inconsistent = await runCli(dataDir, ['admin', 'tenants', 'set-retention', tenant.tenantId, '--job-records-days', '2']);
      expect(inconsistent.code).toBe(2);
      expect(inconsistent.stderr).toContain('--outputs-days: outputs cannot be kept longer than job records');
      const list = await runCli(dataDir, ['admin', 'tenants', 'list', '--json']);
      expect((JSON.parse(list.stdout) as { items: unknown[] }).items).toEqual([expect.objectContaining({ retention: { uploadsDays: 3 } })]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('expiry', () => {
  it('deletes the upload, then the outputs, then the record at their times; answers 410; frees stored bytes; leaves another tenant alone', async () => {
    const short = await stack.tenant('admin');
    const other = await stack.tenant('admin');
    await short.api.request('PUT', '/v1/settings/retention', { uploadsDays: 1, outputsDays: 2, jobRecordsDays: 3 });
    const job = await ingest(short.api);
    const kept = await ingest(other.api);
    // a job that failed on junk bytes: a retry would read its file again
    const junk = await stack.writeScratch('junk.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const failed = await waitForJob(short.api, (await uploadFile(short.api, junk, { schema: 'call_record' })).jobId, 60_000);
    expect(failed.status).toBe('failed');
    const created = Date.parse(job.createdAt);
    expect(job.retention).toEqual({
      uploadExpiresAt: new Date(created + DAY).toISOString(),
      outputsExpireAt: new Date(created + 2 * DAY).toISOString(),
      recordExpiresAt: new Date(created + 3 * DAY).toISOString(),
      uploadExpired: false,
      outputsExpired: false,
    });
    expect(kept.retention?.outputsExpireAt).toBe(new Date(Date.parse(kept.createdAt) + 90 * DAY).toISOString());
    expect(await storedBytes(short.tenantId)).toBe(job.source.size + failed.source.size);
    const otherStored = await storedBytes(other.tenantId);
    expect(otherStored).toBeGreaterThan(0);
    const uploadPrefix = `uploads/${short.tenantId}/${job.source.sessionId}/`;
    const outputsPrefix = `jobs/${short.tenantId}/${job.jobId}/`;
    expect(await keysUnder(uploadPrefix)).toHaveLength(1);
    expect((await keysUnder(outputsPrefix)).length).toBeGreaterThan(0);

    // a day later: the upload goes, its bytes leave the quota; the job and its records stay
    const afterUpload = await runRetentionSweep(new Date(created + DAY + 60_000));
    expect(afterUpload.uploads).toBeGreaterThanOrEqual(1);
    expect(await keysUnder(uploadPrefix)).toEqual([]);
    expect(await storedBytes(short.tenantId)).toBe(0);
    expect(await short.api.get<ApiJob>(`/v1/jobs/${job.jobId}`)).toMatchObject({ status: 'succeeded', retention: { uploadExpired: true, outputsExpired: false } });
    expect((await short.api.get<{ items: unknown[] }>(`/v1/jobs/${job.jobId}/records?limit=5`)).items.length).toBeGreaterThan(0);
    const retry = await failure(short.api.post(`/v1/jobs/${failed.jobId}/retry`));
    expect([retry.status, retry.code, retry.details]).toEqual([410, 'job_expired', { expired: 'upload', expiredAt: expect.any(String) }]);
    const rerun = await failure(short.api.post('/v1/jobs', { sessionId: job.source.sessionId }));
    expect([rerun.status, rerun.code]).toEqual([410, 'upload_expired']);

    // two days: the outputs go; the downloads answer 410, the job is listed and says so
    await runRetentionSweep(new Date(created + 2 * DAY + 60_000));
    expect(await keysUnder(outputsPrefix)).toEqual([]);
    for (const path of ['records', 'errors', 'output']) {
      const err = await failure(short.api.get(`/v1/jobs/${job.jobId}/${path}`));
      expect([err.status, err.code, (err.details as { expired: string }).expired], path).toEqual([410, 'job_expired', 'outputs']);
    }
    // a mapping confirmed now would resume from parsed chunks that are gone
    const confirm = await failure(short.api.request('PUT', `/v1/jobs/${job.jobId}/mapping`, { mapping: { fields: [{ field: 'started_at', sourceHeaders: ['x'] }] } }));
    expect([confirm.status, confirm.code, (confirm.details as { expired: string }).expired]).toEqual([410, 'job_expired', 'outputs']);
    const listed = (await short.api.get<{ items: ApiJob[] }>('/v1/jobs')).items;
    expect(listed.map((j) => [j.jobId, j.retention?.outputsExpired]).sort()).toEqual([[job.jobId, true], [failed.jobId, true]].sort());

    // the other tenant's job, file and bytes are untouched
    expect(await other.api.get<ApiJob>(`/v1/jobs/${kept.jobId}`)).toMatchObject({ retention: { uploadExpired: false, outputsExpired: false } });
    expect((await other.api.get<{ items: unknown[] }>(`/v1/jobs/${kept.jobId}/records?limit=5`)).items.length).toBeGreaterThan(0);
    expect(await keysUnder(`uploads/${other.tenantId}/${kept.source.sessionId}/`)).toHaveLength(1);
    expect(await storedBytes(other.tenantId)).toBe(otherStored);

    // three days: the record goes
    await runRetentionSweep(new Date(created + 3 * DAY + 60_000));
    expect((await failure(short.api.get(`/v1/jobs/${job.jobId}`))).status).toBe(404);
    expect(await other.api.get<ApiJob>(`/v1/jobs/${kept.jobId}`)).toMatchObject({ status: 'succeeded' });
  }, 120_000);

  it('treats a record past its time as gone before any sweep deletes it: 410 on read, left out of the list', async () => {
    const { api, tenantId } = await stack.tenant('admin');
    const job = await ingest(api);
    const other = await ingest(api);
    // as if its 400 days had passed: dynalite never deletes by TTL, and on AWS TTL takes days
    const past = new Date(Date.now() - 60_000);
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName.jobs(),
        Key: { tenantId, jobId: job.jobId },
        UpdateExpression: 'SET retention.recordExpiresAt = :at, expiresAtEpoch = :epoch',
        ExpressionAttributeValues: { ':at': past.toISOString(), ':epoch': Math.floor(past.getTime() / 1000) },
      }),
    );
    for (const path of ['', '/records', '/errors', '/output']) {
      const err = await failure(api.get(`/v1/jobs/${job.jobId}${path}`));
      expect([err.status, err.code, (err.details as { expired: string }).expired], path).toEqual([410, 'job_expired', 'record']);
    }
    expect((await failure(api.post(`/v1/jobs/${job.jobId}/cancel`))).status).toBe(410);
    // the mapping routes and a template made from the job read the same record
    const mapping = await failure(api.get(`/v1/jobs/${job.jobId}/mapping`));
    expect([mapping.status, mapping.code]).toEqual([410, 'job_expired']);
    const template = await failure(api.post('/v1/templates', { name: 'from an expired job', fromJob: job.jobId }));
    expect([template.status, template.code]).toEqual([410, 'job_expired']);
    expect((await api.get<{ items: ApiJob[] }>('/v1/jobs')).items.map((j) => j.jobId)).toEqual([other.jobId]);
  }, 120_000);
});

/** Put `bytes` into an upload session declaring their SHA-256, and complete it with `options`. */
async function uploadDeclared(api: ApiClient, bytes: Buffer, options: Record<string, string> = {}) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const created = await api.post<{ sessionId: string }>('/v1/uploads', { filename: 'calls.csv', contentType: 'text/csv', size: bytes.length, sha256 });
  const { url } = await api.get<{ url: string }>(`/v1/uploads/${created.sessionId}/parts/1`);
  const put = await fetch(url, { method: 'PUT', body: bytes });
  const parts = [{ PartNumber: 1, ETag: put.headers.get('etag')! }];
  const done = await api.post<{ jobId: string; skipped?: true }>(`/v1/uploads/${created.sessionId}/complete`, { parts, schema: 'call_record', ...(Object.keys(options).length ? { options } : {}) });
  return { ...done, sessionId: created.sessionId };
}

/** The tenant's one job once it has ended (an inbox file's job appears after the event). */
async function onlyJobOf(api: ApiClient): Promise<ApiJob> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [job] = (await api.get<{ items: ApiJob[] }>('/v1/jobs')).items;
    if (job) return waitForJob(api, job.jobId, 60_000);
    if (Date.now() > deadline) throw new Error('no job');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('files shared, refused, skipped or swept twice', () => {
  it('keeps a file two jobs share until the later job\'s time, then frees its bytes once', async () => {
    const { api, tenantId } = await stack.tenant('admin');
    await api.request('PUT', '/v1/settings/retention', { uploadsDays: 1, outputsDays: 2, jobRecordsDays: 3 });
    const first = await ingest(api);
    const second = await waitForJob(api, (await api.post<ApiJob>('/v1/jobs', { sessionId: first.source.sessionId, schema: 'call_record' })).jobId, 60_000);
    expect(second.status).toBe('succeeded');
    const uploadPrefix = `uploads/${tenantId}/${first.source.sessionId}/`;
    const firstTime = Date.parse(first.retention!.uploadExpiresAt);
    const secondTime = Date.parse(second.retention!.uploadExpiresAt);
    expect(secondTime).toBeGreaterThan(firstTime);

    // the first job's upload time: the file stays, held by the second job, and still counts
    const early = await runRetentionSweep(new Date(firstTime + 1));
    expect(early.held).toBeGreaterThanOrEqual(1);
    expect(await keysUnder(uploadPrefix)).toHaveLength(1);
    expect(await storedBytes(tenantId)).toBe(first.source.size);
    expect(await api.get<ApiJob>(`/v1/jobs/${first.jobId}`)).toMatchObject({ retention: { uploadExpired: true } });
    expect(await api.get<ApiJob>(`/v1/jobs/${second.jobId}`)).toMatchObject({ retention: { uploadExpired: false } });

    // the second job's time: the file goes, its bytes leave the quota once
    await runRetentionSweep(new Date(secondTime + 1));
    expect(await keysUnder(uploadPrefix)).toEqual([]);
    expect(await storedBytes(tenantId)).toBe(0);
    expect(await api.get<ApiJob>(`/v1/jobs/${second.jobId}`)).toMatchObject({ retention: { uploadExpired: true } });
  }, 180_000);

  it('refuses a new job over an upload whose file is due for deletion, even before the sweep deletes it', async () => {
    const { api, tenantId } = await stack.tenant('admin');
    const job = await ingest(api);
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName.uploads(),
        Key: { tenantId, sessionId: job.source.sessionId },
        UpdateExpression: 'SET fileExpiresAt = :at',
        ExpressionAttributeValues: { ':at': new Date(Date.now() - 60_000).toISOString() },
      }),
    );
    expect(await keysUnder(`uploads/${tenantId}/${job.source.sessionId}/`)).toHaveLength(1);
    const err = await failure(api.post('/v1/jobs', { sessionId: job.source.sessionId }));
    expect([err.status, err.code]).toEqual([410, 'upload_expired']);
    expect((await api.get<{ items: unknown[] }>('/v1/jobs')).items).toHaveLength(1);
  }, 120_000);

  it('counts a refused inbox file as stored while it is kept, and two overlapping sweeps take it off once', async () => {
    const { api, tenantId } = await stack.tenant('admin');
    await api.request('PUT', '/v1/settings/retention', { uploadsDays: 1, outputsDays: 2, jobRecordsDays: 3 });
    const body = await readFile(SAMPLE);
    await s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: `inbox/${tenantId}/bad.csv`, Body: body, Metadata: { schema: 'no_such_schema' } }));
    const refused = await onlyJobOf(api);
    expect(refused).toMatchObject({ status: 'failed', error: { type: 'InvalidMetadataError' } });
    expect(await storedBytes(tenantId)).toBe(body.length);

    const at = new Date(Date.parse(refused.retention!.uploadExpiresAt) + 1);
    await Promise.all([runRetentionSweep(at), runRetentionSweep(at)]);
    expect(await keysUnder(`inbox/${tenantId}/`)).toEqual([]);
    expect(await storedBytes(tenantId)).toBe(0);
  }, 120_000);

  it('checks an inbox file against the stored-bytes quota before counting it (not against itself twice)', async () => {
    const { api, tenantId } = await stack.tenant('admin');
    const body = await readFile(SAMPLE);
    await tenantStore.setQuotas(tenantId, { storedBytes: Math.floor(body.length * 1.5) });
    await s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: `inbox/${tenantId}/fits.csv`, Body: body, Metadata: { schema: 'call_record' } }));
    expect(await onlyJobOf(api)).toMatchObject({ status: 'succeeded' });
    expect(await storedBytes(tenantId)).toBe(body.length);
  }, 120_000);

  it('does not keep or count a duplicate skipped in favour of an earlier job', async () => {
    const { api, tenantId } = await stack.tenant('admin');
    const bytes = await readFile(SAMPLE);
    const first = await uploadDeclared(api, bytes);
    expect((await waitForJob(api, first.jobId, 60_000)).status).toBe('succeeded');
    const skipped = await uploadDeclared(api, bytes, { onDuplicate: 'skip' });
    expect(skipped).toMatchObject({ jobId: first.jobId, skipped: true });
    expect(await keysUnder(`uploads/${tenantId}/${skipped.sessionId}/`)).toEqual([]);
    // the same through the inbox
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: `inbox/${tenantId}/again.csv`, Body: bytes, Metadata: { schema: 'call_record', sha256, 'on-duplicate': 'skip' } }));
    const deadline = Date.now() + 20_000;
    while ((await keysUnder(`inbox/${tenantId}/`)).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await keysUnder(`inbox/${tenantId}/`)).toEqual([]);
    expect((await api.get<{ items: unknown[] }>('/v1/jobs')).items).toHaveLength(1);
    // only the first file is kept, and only it counts
    expect(await storedBytes(tenantId)).toBe(bytes.length);
  }, 120_000);

  it('does not skip a file in favour of a job whose outputs expired', async () => {
    const { api, tenantId } = await stack.tenant('admin');
    const bytes = await readFile(SAMPLE);
    const first = await uploadDeclared(api, bytes);
    expect((await waitForJob(api, first.jobId, 60_000)).status).toBe('succeeded');
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName.jobs(),
        Key: { tenantId, jobId: first.jobId },
        UpdateExpression: 'SET retention.outputsExpireAt = :at',
        ExpressionAttributeValues: { ':at': new Date(Date.now() - 60_000).toISOString() },
      }),
    );
    const again = await uploadDeclared(api, bytes, { onDuplicate: 'skip' });
    expect(again.skipped).toBeUndefined();
    expect(again.jobId).not.toBe(first.jobId);
    expect((await waitForJob(api, again.jobId, 60_000)).status).toBe('succeeded');
  }, 120_000);
});
