import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startTestStack, waitForJob, openSocket, type TestStack } from '../helpers/stack.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import { ApiError } from '../../local/cli/api-client.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';
import { uploadKey } from '../../functions/core/jobs/keys.ts';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';

let stack: TestStack;
const fixture = (name: string) => join(import.meta.dirname, '../fixtures/call-logs', name);

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const writeScratch = (name: string, content: string | Buffer) => stack.writeScratch(name, content);

const E164 = /^\+[1-9]\d{7,14}$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('a call log from upload to records', () => {
  it('ingests an AT&T-style export: counts add up, numbers are E.164, times ISO 8601', async () => {
    const { api } = await stack.tenant();
    const { jobId } = await uploadFile(api, fixture('att-voice.csv'), { schema: 'call_record', options: { timezone: 'America/Chicago' } });
    const job = await waitForJob(api, jobId);
    expect(job.status).toBe('succeeded');
    expect(job.executionName).toBe(`${jobId}-1`);
    expect(job.classification?.headerRow).toBe(4);
    expect(job.classification?.delimiter).toBe(',');
    expect(job.progress.rowsRead).toBe(60);
    expect(job.progress.rowsRead).toBe(job.progress.rowsWritten + job.progress.rowsRejected);
    expect(job.progress.rowsWritten).toBe(60);
    expect(Object.keys(job.stages).sort()).toEqual(['classify', 'enrich', 'map', 'parse', 'persist']);
    const { items, nextCursor } = await api.get<{ items: Record<string, unknown>[]; nextCursor: string | null }>(`/v1/jobs/${jobId}/records?limit=50`);
    expect(items).toHaveLength(50);
    expect(nextCursor).toBeTruthy();
    const rest = await api.get<{ items: Record<string, unknown>[]; nextCursor: string | null }>(`/v1/jobs/${jobId}/records?limit=50&cursor=${nextCursor}`);
    expect(rest.items).toHaveLength(10);
    expect(rest.nextCursor).toBeNull();
    for (const r of [...items, ...rest.items]) {
      expect(r.counterpart_number).toMatch(E164);
      expect(r.started_at).toMatch(ISO_WITH_ZONE);
      expect(Number.isInteger(r.duration_seconds)).toBe(true);
    }
    // Row 1 of the fixture: 10/02/2025 11:05a Chicago (CDT, -05:00), 35 min, (415) 604-1791
    expect(items[0]).toMatchObject({ counterpart_number: '+14156041791', duration_seconds: 35 * 60 });
    expect(Date.parse(String(items[0]!.started_at))).toBe(Date.parse('2025-10-02T16:05:00Z'));
  });

  it('reads a tab-delimited Verizon export with preamble and mixed line ends', async () => {
    const { api } = await stack.tenant();
    const { jobId } = await uploadFile(api, fixture('verizon-usage.tsv'), { schema: 'call_record' });
    const job = await waitForJob(api, jobId);
    expect(job.status).toBe('succeeded');
    expect(job.classification?.delimiter).toBe('\t');
    expect(job.progress.rowsRead).toBe(40);
    expect(job.progress.rowsWritten + job.progress.rowsRejected).toBe(40);
  });

  it('uploads in several parts, resumes from ListParts, and completes', async () => {
    const { api } = await stack.tenant();
    const header = 'Start Time,Direction,Phone Number,Duration,Type\n';
    const row = '2025-09-14T16:16:00Z,Outgoing,+15123359335,12:34,Voice\n';
    const body = header + row.repeat(Math.ceil((9 * 1024 * 1024) / row.length));
    const bytes = Buffer.from(body);
    const session = await api.post<{ sessionId: string; partSize: number; partCount: number }>('/v1/uploads', {
      filename: 'big.csv',
      contentType: 'text/csv',
      size: bytes.length,
    });
    expect(session.partCount).toBe(2);
    const put = async (n: number) => {
      const { url } = await api.get<{ url: string }>(`/v1/uploads/${session.sessionId}/parts/${n}`);
      const res = await fetch(url, { method: 'PUT', body: bytes.subarray((n - 1) * session.partSize, n * session.partSize) });
      expect(res.status).toBe(200);
      return res.headers.get('etag')!;
    };
    const etag1 = await put(1);
    // "page reload": the client only has the session id and asks what S3 already holds
    const resumed = await api.get<{ parts: { PartNumber: number; Size: number; ETag: string }[] }>(`/v1/uploads/${session.sessionId}`);
    expect(resumed.parts).toEqual([{ PartNumber: 1, Size: session.partSize, ETag: etag1 }]);
    const etag2 = await put(2);
    const done = await api.post<{ jobId: string; location: string }>(`/v1/uploads/${session.sessionId}/complete`, {
      parts: [
        { PartNumber: 1, ETag: etag1 },
        { PartNumber: 2, ETag: etag2 },
      ],
      schema: 'call_record',
    });
    // completing again (a client retry) answers with the same job
    const again = await api.post<{ jobId: string }>(`/v1/uploads/${session.sessionId}/complete`, { parts: [{ PartNumber: 1, ETag: etag1 }] });
    expect(again.jobId).toBe(done.jobId);
    const job = await waitForJob(api, done.jobId, 60_000);
    expect(job.status).toBe('succeeded');
    const rows = body.split('\n').length - 2;
    expect(job.progress.rowsRead).toBe(rows);
    expect(job.progress.rowsWritten).toBe(rows);
  });

  it('takes the part size the client chooses: 5 MiB parts of a file the server would cut in two', async () => {
    const { api } = await stack.tenant();
    const header = 'Start Time,Direction,Phone Number,Duration,Type\n';
    const row = '2025-09-14T16:16:00Z,Outgoing,+15123359335,12:34,Voice\n';
    const bytes = Buffer.from(header + row.repeat(Math.ceil((12 * 1024 * 1024) / row.length)));
    const session = await api.post<{ sessionId: string; partSize: number; partCount: number }>('/v1/uploads', {
      filename: 'uppy-sized.csv',
      contentType: 'text/csv',
      size: bytes.length,
    });
    expect(session).toMatchObject({ partSize: 8 * 1024 * 1024, partCount: 2 });
    const clientPart = 5 * 1024 * 1024;
    const numbers = [1, 2, 3];
    const { urls } = await api.post<{ urls: { partNumber: number; url: string }[] }>(`/v1/uploads/${session.sessionId}/parts`, { partNumbers: numbers });
    const parts = [];
    for (const { partNumber, url } of urls) {
      const res = await fetch(url, { method: 'PUT', body: bytes.subarray((partNumber - 1) * clientPart, partNumber * clientPart) });
      expect(res.status).toBe(200);
      parts.push({ PartNumber: partNumber, ETag: res.headers.get('etag')! });
    }
    // signing one part more than the server's recommendation would make is fine too
    expect((await api.get<{ url: string }>(`/v1/uploads/${session.sessionId}/parts/7`)).url).toContain('partNumber=7');
    await expect(api.get(`/v1/uploads/${session.sessionId}/parts/10001`)).rejects.toMatchObject({ status: 400, details: [{ field: 'partNumber' }] });
    const done = await api.post<{ jobId: string }>(`/v1/uploads/${session.sessionId}/complete`, { parts, schema: 'call_record' });
    const job = await waitForJob(api, done.jobId, 60_000);
    expect(job.status).toBe('succeeded');
    expect(job.progress.rowsWritten).toBe(Math.ceil((12 * 1024 * 1024) / row.length));
  });

  it('leaves part sizes to S3\'s rules: a small part that is not the last is refused at complete', async () => {
    const { api } = await stack.tenant();
    const bytes = Buffer.alloc(6 * 1024 * 1024, 0x61);
    const session = await api.post<{ sessionId: string }>('/v1/uploads', { filename: 'small-parts.csv', contentType: 'text/csv', size: bytes.length });
    const cut = 1024 * 1024;
    const parts = [];
    for (const [n, body] of [[1, bytes.subarray(0, cut)], [2, bytes.subarray(cut)]] as const) {
      const { url } = await api.get<{ url: string }>(`/v1/uploads/${session.sessionId}/parts/${n}`);
      const res = await fetch(url, { method: 'PUT', body });
      parts.push({ PartNumber: n, ETag: res.headers.get('etag')! });
    }
    const err = await api.post(`/v1/uploads/${session.sessionId}/complete`, { parts }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, details: [{ field: 'parts' }] });
    expect((await api.get<{ status: string }>(`/v1/uploads/${session.sessionId}`)).status).toBe('open');
  });

  it('aborts an upload session', async () => {
    const { api } = await stack.tenant();
    const session = await api.post<{ sessionId: string }>('/v1/uploads', { filename: 'x.csv', contentType: 'text/csv', size: 100 });
    const { url } = await api.get<{ url: string }>(`/v1/uploads/${session.sessionId}/parts/1`);
    expect((await fetch(url, { method: 'PUT', body: Buffer.alloc(100, 65) })).status).toBe(200);
    await api.delete(`/v1/uploads/${session.sessionId}`);
    const after = await api.get<{ status: string; parts: unknown[] }>(`/v1/uploads/${session.sessionId}`);
    expect(after.status).toBe('aborted');
    await expect(api.get(`/v1/uploads/${session.sessionId}/parts/1`)).rejects.toMatchObject({ status: 409 });
  });

  it.each([
    ['smaller', 100],
    ['larger', 900],
  ])('refuses a completion %s than the declared size, and deletes the object', async (_how, sent) => {
    const { api, tenantId } = await stack.tenant();
    const session = await api.post<{ sessionId: string }>('/v1/uploads', { filename: 'x.csv', contentType: 'text/csv', size: 500 });
    const { url } = await api.get<{ url: string }>(`/v1/uploads/${session.sessionId}/parts/1`);
    const res = await fetch(url, { method: 'PUT', body: Buffer.alloc(sent, 65) });
    const err = await api
      .post(`/v1/uploads/${session.sessionId}/complete`, { parts: [{ PartNumber: 1, ETag: res.headers.get('etag') }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, details: [{ field: 'size', message: `declared 500 bytes, received ${sent}` }] });
    expect((await api.get<{ status: string }>(`/v1/uploads/${session.sessionId}`)).status).toBe('aborted');
    const s3 = new S3Client({ forcePathStyle: true });
    try {
      const head = s3.send(new HeadObjectCommand({ Bucket: process.env.UPLOAD_BUCKET, Key: uploadKey(tenantId, session.sessionId, 'x.csv') }));
      await expect(head).rejects.toMatchObject({ name: 'NotFound' });
    } finally {
      s3.destroy();
    }
  });
});

describe('after the upload', () => {
  it('hands out presigned URLs that expire soon: 15 minutes for a part, 5 for a download', async () => {
    const { api } = await stack.tenant();
    const expiresIn = (url: string) => Number(new URL(url).searchParams.get('X-Amz-Expires'));
    const session = await api.post<{ sessionId: string }>('/v1/uploads', { filename: 'x.csv', contentType: 'text/csv', size: 100 });
    const part = await api.get<{ url: string; expiresAt: string }>(`/v1/uploads/${session.sessionId}/parts/1`);
    expect(expiresIn(part.url)).toBeGreaterThan(0);
    expect(expiresIn(part.url)).toBeLessThanOrEqual(15 * 60);
    expect(Date.parse(part.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);

    const { jobId } = await uploadFile(api, fixture('generic-export.csv'), { schema: 'call_record' });
    expect((await waitForJob(api, jobId)).status).toBe('succeeded');
    for (const format of ['ndjson', 'csv']) {
      const { url } = await api.get<{ url: string }>(`/v1/jobs/${jobId}/output?format=${format}`);
      expect(expiresIn(url), format).toBeGreaterThan(0);
      expect(expiresIn(url), format).toBeLessThanOrEqual(5 * 60);
    }
  });

  it('starts another job over an uploaded file by sessionId or uploadId', async () => {
    const { api } = await stack.tenant();
    const first = await uploadFile(api, fixture('generic-export.csv'), { schema: 'call_record' });
    await waitForJob(api, first.jobId);
    const session = await api.get<{ uploadId: string }>(`/v1/uploads/${first.sessionId}`);
    const again = await api.post<ApiJob>('/v1/jobs', { uploadId: session.uploadId, options: { timezone: 'Europe/Berlin' } });
    expect(again.jobId).not.toBe(first.jobId);
    const job = await waitForJob(api, again.jobId);
    expect(job).toMatchObject({ status: 'succeeded', options: { timezone: 'Europe/Berlin' }, progress: { rowsWritten: 50 } });
    await expect(api.post('/v1/jobs', { sessionId: first.sessionId, uploadId: session.uploadId })).rejects.toMatchObject({ status: 400 });
    await expect(api.post('/v1/jobs', { sessionId: first.sessionId, options: { timezone: 'Mars/Olympus' } })).rejects.toMatchObject({
      status: 400,
      details: [{ field: 'options.timezone' }],
    });
  });
});

describe('bad input ends as a clear failure, never a crash or a stuck job', () => {
  it('fails an empty file with EmptyFileError', async () => {
    const { api } = await stack.tenant();
    const { jobId } = await uploadFile(api, await writeScratch('empty.csv', ''), { schema: 'call_record' });
    const job = await waitForJob(api, jobId);
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ type: 'EmptyFileError', stage: 'classify' });
    expect(job.error?.message).toMatch(/empty/i);
  });

  it('fails binary junk named .csv with BinaryContentError', async () => {
    const { api } = await stack.tenant();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4096)]);
    const { jobId } = await uploadFile(api, await writeScratch('photo.csv', png), { schema: 'call_record' });
    const job = await waitForJob(api, jobId);
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ type: 'BinaryContentError', stage: 'classify' });
  });

  it('reports ragged and invalid rows in the error report and keeps the good ones', async () => {
    const { api } = await stack.tenant();
    const csv = [
      'Start Time,Direction,Phone Number,Duration,Type',
      '2025-09-14T16:16:00Z,Outgoing,+15123359335,12:34,Voice',
      '2025-09-14T16:20:00Z,Outgoing,+15123359335,1:00,Voice,EXTRA,MORE',
      '2025-09-14T16:30:00Z,Incoming,not a phone,0:10,Voice',
      '2025-09-14T16:40:00Z,Incoming,+13125550199x,0:10',
      '2025-09-14T16:50:00Z,Incoming,(312) 846-2291,2:00,Voice',
    ].join('\n');
    const { jobId } = await uploadFile(api, await writeScratch('ragged.csv', csv), { schema: 'call_record' });
    const job = await waitForJob(api, jobId);
    expect(job.status).toBe('succeeded');
    expect(job.progress.rowsRead).toBe(5);
    expect(job.progress.rowsWritten + job.progress.rowsRejected).toBe(5);
    expect(job.progress.rowsRejected).toBeGreaterThanOrEqual(2);
    const { items } = await api.get<{ items: { row: number; reason: string; column?: string }[] }>(`/v1/jobs/${jobId}/errors`);
    expect(items.some((e) => e.row === 2 && /column/i.test(e.reason))).toBe(true);
    expect(items.some((e) => e.row === 3)).toBe(true);
  });

  it('fails a header-only file with NoDataRowsError', async () => {
    const { api } = await stack.tenant();
    const { jobId } = await uploadFile(api, await writeScratch('header.csv', 'Start Time,Phone Number,Duration\n'), { schema: 'call_record' });
    const job = await waitForJob(api, jobId);
    expect(job.status).toBe('failed');
    expect(job.error?.type).toBe('NoDataRowsError');
  });
});

describe('live progress over the WebSocket API', () => {
  it('pushes job.progress and a final job.status to the subscriber', async () => {
    const { api, apiKey } = await stack.tenant();
    const ws = await openSocket(stack.wsUrl, apiKey);
    try {
      // Open the session first so the subscription exists before the job starts moving.
      const { jobId } = await uploadFile(api, fixture('generic-export.csv'), { schema: 'call_record' });
      ws.send({ action: 'subscribe', jobId });
      const final = await ws.waitFor((m) => m.type === 'job.status' && m.jobId === jobId && m.status === 'succeeded');
      expect(final).toMatchObject({ rowsWritten: 50, percent: 100 });
      expect(ws.messages.some((m) => m.type === 'subscribed' && m.jobId === jobId)).toBe(true);
    } finally {
      ws.close();
    }
  });

  it('refuses a connection without a valid token', async () => {
    await expect(openSocket(stack.wsUrl, 'afp_not-a-key')).rejects.toThrow(/401/);
  });
});

describe('tenancy and auth', () => {
  it("answers 404 for another tenant's job, records and subscription", async () => {
    const a = await stack.tenant();
    const b = await stack.tenant();
    const { jobId } = await uploadFile(a.api, fixture('generic-export.csv'), { schema: 'call_record' });
    await waitForJob(a.api, jobId);
    await expect(b.api.get(`/v1/jobs/${jobId}`)).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(b.api.get(`/v1/jobs/${jobId}/records`)).rejects.toMatchObject({ status: 404 });
    const listed = await b.api.get<{ items: ApiJob[] }>('/v1/jobs');
    expect(listed.items.map((j) => j.jobId)).not.toContain(jobId);
    const ws = await openSocket(stack.wsUrl, b.apiKey);
    try {
      ws.send({ action: 'subscribe', jobId });
      const reply = await ws.waitFor((m) => m.type === 'error');
      expect(reply).toMatchObject({ code: 'not_found', jobId });
      expect(ws.messages.some((m) => m.type === 'job.status')).toBe(false);
    } finally {
      ws.close();
    }
  });

  it('needs a key, and a viewer cannot upload', async () => {
    const res = await fetch(`${stack.httpUrl}/v1/jobs`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const viewer = await stack.tenant('viewer');
    await expect(viewer.api.post('/v1/uploads', { filename: 'a.csv', size: 1 })).rejects.toMatchObject({ status: 403 });
  });

  it('names the wrong field in a 400', async () => {
    const { api } = await stack.tenant();
    const err = await api.post('/v1/uploads', { filename: '', size: -1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, code: 'invalid_request' });
    const fields = ((err as ApiError).details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['filename', 'size']);
  });

  it('lists jobs newest first with a cursor', async () => {
    const { api } = await stack.tenant();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await uploadFile(api, fixture('generic-export.csv'), { schema: 'call_record' })).jobId);
    const page1 = await api.get<{ items: ApiJob[]; nextCursor: string }>('/v1/jobs?limit=2');
    expect(page1.items.map((j) => j.jobId)).toEqual([ids[2], ids[1]]);
    const page2 = await api.get<{ items: ApiJob[]; nextCursor: string | null }>(`/v1/jobs?limit=2&cursor=${page1.nextCursor}`);
    expect(page2.items.map((j) => j.jobId)).toEqual([ids[0]]);
    await expect(api.get('/v1/jobs?cursor=garbage')).rejects.toMatchObject({ status: 400 });
    for (const id of ids) await waitForJob(api, id);
  });

  it('reports health without a key', async () => {
    const res = await fetch(`${stack.httpUrl}/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', checks: { dynamodb: 'ok', s3: 'ok', stepfunctions: 'ok' } });
  });
});
