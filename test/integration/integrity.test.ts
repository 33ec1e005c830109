import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import type { ApiClient } from '../../local/cli/api-client.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';

/*
 * The SHA-256 a client declares is checked against the bytes (Classify, before anything is
 * stored for the job), and an upload of bytes the tenant already sent is told which job took
 * them (duplicateOf), and can be skipped (options.onDuplicate: "skip").
 */

let stack: TestStack;
let s3: S3Client;
beforeAll(async () => {
  stack = await startTestStack();
  s3 = new S3Client({ endpoint: stack.s3Endpoint, forcePathStyle: true });
});
afterAll(async () => {
  s3?.destroy();
  await stack?.stop();
});

const ROW = '2025-09-14T16:16:00Z,Outgoing,+15123359335,12:34,Voice\n';
/** Bytes told apart by their row count (each test uses counts of its own). */
const csv = (rows: number) => Buffer.from(`Start Time,Direction,Phone Number,Duration,Type\n${ROW.repeat(rows)}`);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Created {
  sessionId: string;
  duplicateOf: { jobId: string; status: string } | null;
}
interface Completed {
  jobId: string;
  location: string;
  duplicateOf?: { jobId: string; status: string };
  skipped?: boolean;
}

/** Open a session declaring `declared`, put `bytes` as one part; the create answer and a complete function. */
async function upload(api: ApiClient, bytes: Buffer, declared: string | undefined) {
  const created = await api.post<Created>('/v1/uploads', { filename: 'calls.csv', contentType: 'text/csv', size: bytes.length, ...(declared ? { sha256: declared } : {}) });
  const { url } = await api.get<{ url: string }>(`/v1/uploads/${created.sessionId}/parts/1`);
  const put = await fetch(url, { method: 'PUT', body: bytes });
  const parts = [{ PartNumber: 1, ETag: put.headers.get('etag')! }];
  const complete = (options: Record<string, string> = {}) =>
    api.post<Completed>(`/v1/uploads/${created.sessionId}/complete`, { parts, schema: 'call_record', ...(Object.keys(options).length ? { options } : {}) });
  return { created, complete };
}

async function jobsOf(api: ApiClient): Promise<ApiJob[]> {
  return (await api.get<{ items: ApiJob[] }>('/v1/jobs?limit=100')).items;
}

describe('a declared SHA-256', () => {
  it('that does not match the bytes fails the job with ChecksumMismatchError in Classify, before any output exists', async () => {
    const { api, tenantId } = await stack.tenant();
    const bytes = csv(30);
    const { complete } = await upload(api, bytes, sha256(csv(31)));
    const { jobId } = await complete();
    const job = await waitForJob(api, jobId);
    expect(job).toMatchObject({ status: 'failed', error: { type: 'ChecksumMismatchError', stage: 'classify' }, output: null });
    expect(job.error?.message).toContain(sha256(bytes));
    expect(job.progress).toMatchObject({ rowsRead: 0, rowsWritten: 0 });
    expect(Object.keys(job.stages)).toEqual(['classify']);
    const { KeyCount } = await s3.send(new ListObjectsV2Command({ Bucket: stack.bucket, Prefix: `jobs/${tenantId}/${jobId}/` }));
    expect(KeyCount).toBe(0);
  });

  it('that matches (in any letter case) lets the job run and stays on it', async () => {
    const { api } = await stack.tenant();
    const bytes = csv(30);
    const { complete } = await upload(api, bytes, sha256(bytes).toUpperCase());
    const job = await waitForJob(api, (await complete()).jobId);
    expect(job).toMatchObject({ status: 'succeeded', source: { sha256: sha256(bytes) }, progress: { rowsWritten: 30 } });
  });

  it('on a direct upload (x-amz-meta-sha256) is checked the same way', async () => {
    const { api, tenantId } = await stack.tenant();
    await s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: `inbox/${tenantId}/bad.csv`, Body: csv(10), Metadata: { schema: 'call_record', sha256: sha256(csv(11)) } }));
    let jobs: ApiJob[] = [];
    for (let i = 0; i < 200 && jobs.length === 0; i++) {
      jobs = await jobsOf(api);
      if (jobs.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(await waitForJob(api, jobs[0]!.jobId)).toMatchObject({ status: 'failed', error: { type: 'ChecksumMismatchError' } });
  });
});

describe('the same bytes uploaded again by the same tenant', () => {
  it('are told which job took them, are processed again by default, and skipped on request', async () => {
    const { api } = await stack.tenant();
    const bytes = csv(25);
    const hash = sha256(bytes);
    const first = await upload(api, bytes, hash);
    expect(first.created.duplicateOf).toBeNull();
    const firstJob = await first.complete();
    expect(firstJob.duplicateOf).toBeUndefined();
    await waitForJob(api, firstJob.jobId);

    const second = await upload(api, bytes, hash);
    expect(second.created.duplicateOf).toEqual({ jobId: firstJob.jobId, status: 'succeeded' });
    const processed = await second.complete();
    expect(processed.jobId).not.toBe(firstJob.jobId);
    expect(processed.duplicateOf).toEqual({ jobId: firstJob.jobId, status: 'succeeded' });
    await waitForJob(api, processed.jobId);

    const third = await upload(api, bytes, hash);
    // the latest job over these bytes is the one named now
    expect(third.created.duplicateOf).toEqual({ jobId: processed.jobId, status: 'succeeded' });
    const skipped = await third.complete({ onDuplicate: 'skip' });
    expect(skipped).toMatchObject({ jobId: processed.jobId, skipped: true, duplicateOf: { jobId: processed.jobId, status: 'succeeded' } });
    expect(skipped.location).toBe(`${stack.httpUrl}/v1/jobs/${processed.jobId}`);
    // completing again answers with the same job; no third job exists
    expect((await third.complete({ onDuplicate: 'skip' })).jobId).toBe(processed.jobId);
    expect((await jobsOf(api)).map((j) => j.jobId).sort()).toEqual([firstJob.jobId, processed.jobId].sort());
  });

  it('are processed when skipping was asked but the earlier job failed, and another tenant\'s upload is no duplicate', async () => {
    const { api } = await stack.tenant();
    const good = csv(12);
    const hash = sha256(good);
    // a corrupted upload claiming these bytes' hash: its job fails
    const corrupted = await upload(api, csv(13), hash);
    const failed = await corrupted.complete();
    expect((await waitForJob(api, failed.jobId)).status).toBe('failed');
    const retry = await upload(api, good, hash);
    expect(retry.created.duplicateOf).toEqual({ jobId: failed.jobId, status: 'failed' });
    const processed = await retry.complete({ onDuplicate: 'skip' });
    expect(processed.skipped).toBeUndefined();
    expect(processed.jobId).not.toBe(failed.jobId);
    expect((await waitForJob(api, processed.jobId)).status).toBe('succeeded');
    const other = await stack.tenant();
    expect((await upload(other.api, good, hash)).created.duplicateOf).toBeNull();
  });

  it('via a direct upload with x-amz-meta-on-duplicate: skip start no job', async () => {
    const { api, tenantId } = await stack.tenant();
    const bytes = csv(8);
    const meta = { schema: 'call_record', sha256: sha256(bytes), 'on-duplicate': 'skip' };
    await s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: `inbox/${tenantId}/one.csv`, Body: bytes, Metadata: meta }));
    let jobs: ApiJob[] = [];
    for (let i = 0; i < 200 && jobs.length === 0; i++) {
      jobs = await jobsOf(api);
      if (jobs.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    await waitForJob(api, jobs[0]!.jobId);
    await s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: `inbox/${tenantId}/two.csv`, Body: bytes, Metadata: meta }));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await jobsOf(api)).toHaveLength(1);
  });
});
