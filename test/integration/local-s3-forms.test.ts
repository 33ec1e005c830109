import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { LOCAL_S3_CREDENTIALS, startLocalS3, type LocalS3 } from '../../local/s3/local-s3.ts';
import type { ObjectCreatedEvent } from '../../local/s3/object-events.ts';

/*
 * The local S3's form uploads (POST Object with a presigned POST policy, as Uppy's
 * single-request uploads send them) and its EventBridge "Object Created" events.
 */

const BUCKET = 'form-uploads';
const ORIGIN = 'http://localhost:5173';
let dataDir: string;
let s3: LocalS3;
let client: S3Client;
const events: ObjectCreatedEvent[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-s3-forms-'));
  s3 = await startLocalS3({ dataDir, buckets: [BUCKET], allowedOrigins: [ORIGIN], onObjectCreated: (e) => events.push(e) });
  client = new S3Client({ endpoint: s3.endpoint, forcePathStyle: true, region: 'us-east-1', credentials: LOCAL_S3_CREDENTIALS });
});
afterAll(async () => {
  client?.destroy();
  await s3?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  events.length = 0;
});

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

/** A form as a browser builds it: the policy's fields, then the file last. */
function formOf(fields: Record<string, string>, file: Buffer, filename = 'calls.csv'): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([file]), filename);
  return form;
}

async function presign(key: string, opts: { maxBytes?: number; fields?: Record<string, string>; prefix?: string; expires?: number } = {}) {
  return createPresignedPost(client, {
    Bucket: BUCKET,
    Key: key,
    Expires: opts.expires ?? 300,
    Fields: { 'Content-Type': 'text/csv', ...opts.fields },
    Conditions: [['content-length-range', 0, opts.maxBytes ?? 1024 * 1024], ...(opts.prefix ? [['starts-with', '$key', opts.prefix] as ['starts-with', string, string]] : [])],
  });
}

const errorCode = async (res: Response) => /<Code>([^<]+)<\/Code>/.exec(await res.text())?.[1];

/** Temp files a failed form could leave behind anywhere under the data folder. */
async function leftovers(): Promise<string[]> {
  return (await readdir(dataDir, { recursive: true })).filter((f) => String(f).endsWith('.writing'));
}

describe('local S3 form uploads (POST Object)', () => {
  it('stores a presigned POST with its type and metadata, answers 204 with the ETag, and 201 with XML when asked', async () => {
    const body = Buffer.from('a,b\n1,2\n');
    const { url, fields } = await presign('inbox/t1/calls.csv', { fields: { 'x-amz-meta-schema': 'call_record' } });
    const res = await fetch(url, { method: 'POST', body: formOf(fields, body), headers: { origin: ORIGIN } });
    expect(res.status).toBe(204);
    expect(res.headers.get('etag')).toBe(`"${md5(body)}"`);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'inbox/t1/calls.csv' }));
    expect(head).toMatchObject({ ContentLength: body.length, ContentType: 'text/csv', Metadata: { schema: 'call_record' } });

    const asXml = await presign('inbox/t1/${filename}', { fields: { success_action_status: '201' } });
    const created = await fetch(asXml.url, { method: 'POST', body: formOf(asXml.fields, body, 'named.csv') });
    expect(created.status).toBe(201);
    expect(await created.text()).toContain('<Key>inbox/t1/named.csv</Key>');
    const { Body } = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'inbox/t1/named.csv' }));
    expect(Buffer.from(await Body!.transformToByteArray()).equals(body)).toBe(true);
  });

  it('enforces the policy: key prefix, size range, expiry, signature, fields without a condition', async () => {
    const body = Buffer.from('a,b\n');
    const scoped = await presign('inbox/t1/${filename}', { prefix: 'inbox/t1/' });
    // a key moved to another tenant's prefix
    const moved = await fetch(scoped.url, { method: 'POST', body: formOf({ ...scoped.fields, key: 'inbox/t2/x.csv' }, body) });
    expect(moved.status).toBe(403);
    expect(await errorCode(moved)).toBe('AccessDenied');
    const tooBig = await presign('inbox/t1/big.csv', { maxBytes: 10 });
    const big = await fetch(tooBig.url, { method: 'POST', body: formOf(tooBig.fields, Buffer.alloc(11, 0x61)) });
    expect(big.status).toBe(400);
    expect(await errorCode(big)).toBe('EntityTooLarge');
    const extra = await fetch(scoped.url, { method: 'POST', body: formOf({ ...scoped.fields, 'x-amz-meta-schema': 'other' }, body) });
    expect(await errorCode(extra)).toBe('AccessDenied');
    const forged = await fetch(scoped.url, { method: 'POST', body: formOf({ ...scoped.fields, 'X-Amz-Signature': '0'.repeat(64) }, body) });
    expect(await errorCode(forged)).toBe('SignatureDoesNotMatch');
    const wider = Buffer.from(JSON.stringify({ expiration: '2099-01-01T00:00:00Z', conditions: [['starts-with', '$key', '']] })).toString('base64');
    const rewritten = await fetch(scoped.url, { method: 'POST', body: formOf({ ...scoped.fields, Policy: wider }, body) });
    expect(await errorCode(rewritten)).toBe('SignatureDoesNotMatch');
    const expired = await presign('inbox/t1/late.csv', { expires: -60 });
    expect(await errorCode(await fetch(expired.url, { method: 'POST', body: formOf(expired.fields, body) }))).toBe('AccessDenied');
    for (const key of ['inbox/t2/x.csv', 'inbox/t1/big.csv', 'inbox/t1/late.csv']) {
      await expect(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).rejects.toMatchObject({ name: 'NotFound' });
    }
    expect(events).toEqual([]);
    expect(await leftovers()).toEqual([]);
  });

  it('answers a form cut short (no closing boundary) with an error and keeps serving', async () => {
    const { url, fields } = await presign('inbox/t1/cut.csv');
    const boundary = 'b0undary';
    const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
    // stock s3rver's form parser threw on this where nothing listened, ending the process
    const cut = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.csv"\r\nContent-Type: text/csv\r\n\r\na,b\n1,2`;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: cut });
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('MalformedPOSTRequest');
    await client.send(new HeadBucketCommand({ Bucket: BUCKET }));
    await expect(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'inbox/t1/cut.csv' }))).rejects.toMatchObject({ name: 'NotFound' });
    expect(await leftovers()).toEqual([]);
  });

  it('survives a client that goes away in the middle of the file', async () => {
    const { url, fields } = await presign('inbox/t1/gone.csv', { maxBytes: 10 * 1024 * 1024 });
    const boundary = 'g0ne';
    const head = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
    const start = `${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gone.csv"\r\n\r\n`;
    await new Promise<void>((resolve) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(start.length + 5 * 1024 * 1024) } });
      req.on('error', () => resolve());
      req.write(start);
      req.write(randomBytes(256 * 1024), () => setTimeout(() => {
        req.destroy();
        resolve();
      }, 100));
    });
    await new Promise((r) => setTimeout(r, 200));
    await client.send(new HeadBucketCommand({ Bucket: BUCKET }));
    await expect(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'inbox/t1/gone.csv' }))).rejects.toMatchObject({ name: 'NotFound' });
    expect(await leftovers()).toEqual([]);
  });
});

describe('local S3 Object Created events', () => {
  it('tells each created object as S3 tells EventBridge: PUT, multipart complete and form, nothing for a part or a failure', async () => {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'ev/put.csv', Body: 'x,y\n' }));
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'ev/multi.csv' }));
    const part = await client.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'ev/multi.csv', UploadId, PartNumber: 1, Body: 'm,n\n' }));
    expect(events).toHaveLength(1);
    await client.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: 'ev/multi.csv', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } }));
    const { url, fields } = await presign('ev/form.csv');
    await fetch(url, { method: 'POST', body: formOf(fields, Buffer.from('f\n')) });
    await expect(client.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: 'ev/none.csv', UploadId: 'f'.repeat(32), MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"x"' }] } }))).rejects.toBeTruthy();

    expect(events.map((e) => [e.detail.object.key, e.detail.reason, e.detail.object.size])).toEqual([
      ['ev/put.csv', 'PutObject', 4],
      ['ev/multi.csv', 'CompleteMultipartUpload', 4],
      ['ev/form.csv', 'PostObject', 2],
    ]);
    for (const e of events) {
      expect(e).toMatchObject({ source: 'aws.s3', 'detail-type': 'Object Created', resources: [`arn:aws:s3:::${BUCKET}`], detail: { bucket: { name: BUCKET } } });
      expect(e.detail.object.etag).toMatch(/^[0-9a-f]{32}(-\d+)?$/);
    }
    expect(events[1]!.detail.object.etag).toMatch(/-1$/);
    const sequencers = events.map((e) => e.detail.object.sequencer);
    expect([...sequencers].sort()).toEqual(sequencers);
    expect(new Set(sequencers).size).toBe(3);
  });
});
