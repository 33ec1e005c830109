import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import type { ApiClient } from '../../local/cli/api-client.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';
import { handleObjectCreated } from '../../functions/inbox/handler.ts';
import { inboxSessionId, type ObjectCreatedEvent } from '../../functions/core/uploads/inbox.ts';
import { uploadStore } from '../../functions/adapters/upload-store.ts';

/*
 * Direct uploads: a file put straight into the upload bucket under inbox/<tenantId>/ (as
 * `aws s3 cp` would) starts a job for that tenant; the local S3 emits the Object Created event
 * EventBridge delivers on AWS, to the same handler.
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

const CSV = 'Start Time,Direction,Phone Number,Duration,Type\n' + '2025-09-14T16:16:00Z,Outgoing,+15123359335,12:34,Voice\n'.repeat(20);

const put = (key: string, metadata: Record<string, string> = {}, body: string | Buffer = CSV) =>
  s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: body, ContentType: 'text/csv', Metadata: metadata }));

/** The tenant's jobs once there are `count` of them (bounded), newest first. */
async function jobsOf(api: ApiClient, count: number, timeoutMs = 20_000): Promise<ApiJob[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { items } = await api.get<{ items: ApiJob[] }>('/v1/jobs?limit=100');
    if (items.length >= count) return items;
    if (Date.now() > deadline) throw new Error(`${items.length} job(s) after ${timeoutMs} ms, expected ${count}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const event = (key: string, sequencer: string): ObjectCreatedEvent => ({
  source: 'aws.s3',
  'detail-type': 'Object Created',
  detail: { bucket: { name: stack.bucket }, object: { key, size: CSV.length, etag: 'x', sequencer }, reason: 'PutObject' },
});

describe('a file put into inbox/<tenantId>/', () => {
  it('starts a job for that tenant with the options in its metadata', async () => {
    const { api, tenantId } = await stack.tenant();
    await put(`inbox/${tenantId}/calls.csv`, { schema: 'call_record', timezone: 'America/Chicago', region: 'ca', currency: 'eur' });
    const [job] = await jobsOf(api, 1);
    const done = await waitForJob(api, job!.jobId);
    expect(done).toMatchObject({
      status: 'succeeded',
      schema: 'call_record',
      options: { timezone: 'America/Chicago', defaultRegion: 'CA', defaultCurrency: 'EUR' },
      source: { filename: 'calls.csv', size: CSV.length, contentType: 'text/csv' },
      progress: { rowsWritten: 20 },
    });
    // another tenant sees nothing of it
    const other = await stack.tenant();
    expect((await other.api.get<{ items: unknown[] }>('/v1/jobs')).items).toEqual([]);
  });

  it('starts one from a multipart upload too (the path aws s3 cp takes for big files)', async () => {
    const { api, tenantId } = await stack.tenant();
    const Key = `inbox/${tenantId}/nested/folder/multi.csv`;
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: stack.bucket, Key, Metadata: { schema: 'call_record' } }));
    const part = await s3.send(new UploadPartCommand({ Bucket: stack.bucket, Key, UploadId, PartNumber: 1, Body: CSV }));
    await s3.send(new CompleteMultipartUploadCommand({ Bucket: stack.bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } }));
    const [job] = await jobsOf(api, 1);
    expect(await waitForJob(api, job!.jobId)).toMatchObject({ status: 'succeeded', source: { filename: 'multi.csv' } });
  });

  it('starts one job per write: a repeated event starts nothing, a new write of the key starts another', async () => {
    const { api, tenantId } = await stack.tenant();
    const key = `inbox/${tenantId}/again.csv`;
    await put(key, { schema: 'call_record' });
    await jobsOf(api, 1);
    // the same event delivered three times at once (EventBridge delivers at least once)
    const answers = await Promise.all([1, 2, 3].map(() => handleObjectCreated(event(key, '00A1'))));
    expect(answers.filter((a) => a.jobId)).toHaveLength(1);
    expect(answers.filter((a) => a.ignored === 'this write already started its job')).toHaveLength(2);
    expect(await handleObjectCreated(event(key, '00A1'))).toEqual({ ignored: 'this write already started its job' });
    await put(key, { schema: 'call_record' });
    const jobs = await jobsOf(api, 3);
    await new Promise((r) => setTimeout(r, 500));
    expect((await api.get<{ items: ApiJob[] }>('/v1/jobs?limit=100')).items).toHaveLength(3);
    for (const job of jobs) expect((await waitForJob(api, job.jobId)).status).toBe('succeeded');
  });

  it('starts the job a record names when a crash came between the record and the job', async () => {
    const { api, tenantId } = await stack.tenant();
    const key = `inbox/${tenantId}/crashed.csv`;
    // the object (its own event starts a job of its own), then the record of another write of it, left without its job
    await put(key, { schema: 'call_record' });
    await jobsOf(api, 1);
    const sessionId = inboxSessionId({ tenantId, bucket: stack.bucket, key, filename: 'crashed.csv', versionMarker: 'CRASH' });
    const now = Date.now();
    await uploadStore.createOnce({
      tenantId, sessionId, uploadId: sessionId, bucket: stack.bucket, key, filename: 'crashed.csv', contentType: 'text/csv', size: CSV.length,
      partSize: 0, status: 'completed', jobId: 'job_01CRASHEDBEFORETHEJOBXXXXX', createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 60_000).toISOString(), expiresAtEpoch: Math.floor(now / 1000) + 60,
    });
    expect(await handleObjectCreated(event(key, 'CRASH'))).toEqual({ jobId: 'job_01CRASHEDBEFORETHEJOBXXXXX' });
    expect((await waitForJob(api, 'job_01CRASHEDBEFORETHEJOBXXXXX')).status).toBe('succeeded');
    expect(await handleObjectCreated(event(key, 'CRASH'))).toEqual({ ignored: 'this write already started its job' });
  });

  it('fails the job with InvalidMetadataError naming the metadata key when the options are wrong', async () => {
    const { api, tenantId } = await stack.tenant();
    await put(`inbox/${tenantId}/bad-zone.csv`, { timezone: 'Mars/Olympus' });
    await put(`inbox/${tenantId}/bad-schema.csv`, { schema: 'no_such_schema' });
    await put(`inbox/${tenantId}/bad-template.csv`, { template: 'tpl_nope' });
    // each as it ends: jobs are queued for a slot first, and one is checked when it is admitted
    const jobs = await Promise.all((await jobsOf(api, 3)).map((j) => waitForJob(api, j.jobId)));
    const byFile = Object.fromEntries(jobs.map((j) => [j.source.filename, j]));
    expect(byFile['bad-zone.csv']).toMatchObject({ status: 'failed', error: { type: 'InvalidMetadataError', message: expect.stringContaining('x-amz-meta-timezone') } });
    expect(byFile['bad-schema.csv']).toMatchObject({ status: 'failed', error: { type: 'InvalidMetadataError', message: expect.stringContaining('x-amz-meta-schema') } });
    expect(byFile['bad-template.csv']).toMatchObject({ status: 'failed', error: { type: 'InvalidMetadataError', message: expect.stringContaining('x-amz-meta-template') } });
  });

  it('targets the schema of the template named in x-amz-meta-template', async () => {
    const { api, tenantId } = await stack.tenant();
    const { templateId } = await api.post<{ templateId: string }>('/v1/templates', {
      name: 'inbox layout',
      schema: 'call_record',
      layout: { headers: ['Start Time', 'Direction', 'Phone Number', 'Duration', 'Type'], delimiter: ',' },
      fields: [
        { field: 'started_at', sourceHeaders: ['Start Time'] },
        { field: 'counterpart_number', sourceHeaders: ['Phone Number'] },
      ],
    });
    await put(`inbox/${tenantId}/templated.csv`, { template: templateId });
    const [job] = await jobsOf(api, 1);
    const done = await waitForJob(api, job!.jobId);
    expect(done).toMatchObject({ status: 'succeeded', schema: 'call_record' });
  });

  it('ignores keys that name no tenant and files outside inbox/', async () => {
    expect(await handleObjectCreated(event('inbox/only-a-file.csv', '1'))).toMatchObject({ ignored: 'not in a tenant folder (inbox/<tenantId>/<file>)' });
    expect(await handleObjectCreated(event('inbox/t1/folder/', '1'))).toMatchObject({ ignored: 'a folder, not a file' });
    expect(await handleObjectCreated(event('inbox/bad tenant!/x.csv', '1'))).toMatchObject({ ignored: 'no tenant id after inbox/' });
    expect(await handleObjectCreated(event('uploads/t/x.csv', '1'))).toMatchObject({ ignored: 'outside inbox/' });
  });
});
