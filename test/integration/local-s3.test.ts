import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import { Readable } from 'node:stream';

import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LOCAL_S3_CREDENTIALS, startLocalS3, type LocalS3 } from '../../local/s3/local-s3.ts';

const BUCKET = 'ingest-uploads';
const ORIGIN = 'http://localhost:5173';
const MIB = 1024 * 1024;

let dataDir: string;
let s3: LocalS3;
let client: S3Client;

function clientFor(endpoint: string): S3Client {
  return new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1', credentials: LOCAL_S3_CREDENTIALS });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-s3-test-'));
  s3 = await startLocalS3({ dataDir, buckets: [BUCKET], allowedOrigins: [ORIGIN] });
  client = clientFor(s3.endpoint);
});

afterAll(async () => {
  client?.destroy();
  await s3?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const md5 = (bytes: Buffer): string => createHash('md5').update(bytes).digest('hex');

/** Each test gets keys of its own, as each would get its own tenant. */
const newKey = (name: string): string => `tenant-${randomBytes(4).toString('hex')}/${name}`;

async function createUpload(key: string, headers: { ContentType?: string; Metadata?: Record<string, string> } = {}): Promise<string> {
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key, ...headers }));
  expect(UploadId).toBeTruthy();
  return UploadId ?? '';
}

/** The browser path: a presigned UploadPart URL, PUT with fetch from the app's origin. */
async function putPartWithFetch(key: string, uploadId: string, partNumber: number, body: Buffer): Promise<Response> {
  const url = await getSignedUrl(
    client,
    new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, PartNumber: partNumber }),
    { expiresIn: 300 },
  );
  return fetch(url, { method: 'PUT', body, headers: { Origin: ORIGIN } });
}

async function uploadParts(key: string, bodies: Buffer[], headers: Parameters<typeof createUpload>[1] = {}): Promise<{ uploadId: string; parts: CompletedPart[] }> {
  const uploadId = await createUpload(key, headers);
  const parts: CompletedPart[] = [];
  for (const [i, body] of bodies.entries()) {
    const response = await putPartWithFetch(key, uploadId, i + 1, body);
    expect(response.status).toBe(200);
    parts.push({ PartNumber: i + 1, ETag: response.headers.get('etag') ?? '' });
  }
  return { uploadId, parts };
}

async function readObject(key: string, range?: string): Promise<Buffer> {
  const { Body } = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, Range: range }));
  return Buffer.from(await Body!.transformToByteArray());
}

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; status: number | undefined }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the S3 call to fail');
}

describe('local S3 multipart uploads', () => {
  const part1 = randomBytes(5 * MIB + 123);
  const part2 = randomBytes(4000);

  it('stores presigned UploadPart PUTs from fetch and exposes each part ETag to the browser', async () => {
    const key = newKey('calls.csv');
    const uploadId = await createUpload(key);

    const response = await putPartWithFetch(key, uploadId, 1, part1);

    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${md5(part1)}"`);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/\bETag\b/i);
  });

  it('lists uploaded parts with sizes and ETags, a page at a time with max-parts', async () => {
    const key = newKey('calls.csv');
    const { uploadId, parts } = await uploadParts(key, [part1, part2]);

    const all = await client.send(new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId }));
    expect(all).toMatchObject({ Bucket: BUCKET, Key: key, UploadId: uploadId, IsTruncated: false });
    expect(all.Parts?.map(({ PartNumber, Size, ETag }) => ({ PartNumber, Size, ETag }))).toEqual([
      { PartNumber: 1, Size: part1.length, ETag: `"${md5(part1)}"` },
      { PartNumber: 2, Size: part2.length, ETag: `"${md5(part2)}"` },
    ]);
    expect(all.Parts?.map((p) => p.ETag)).toEqual(parts.map((p) => p.ETag));
    expect(all.Parts?.[0]?.LastModified).toBeInstanceOf(Date);

    const first = await client.send(new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MaxParts: 1 }));
    expect(first).toMatchObject({ MaxParts: 1, IsTruncated: true, NextPartNumberMarker: '1' });
    expect(first.Parts?.map((p) => p.PartNumber)).toEqual([1]);

    const second = await client.send(
      new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MaxParts: 1, PartNumberMarker: first.NextPartNumberMarker }),
    );
    expect(second).toMatchObject({ PartNumberMarker: '1', IsTruncated: false });
    expect(second.Parts?.map((p) => p.PartNumber)).toEqual([2]);
  });

  it('completes into the exact bytes, readable whole, by range, by HEAD and by presigned GET', async () => {
    const key = newKey('calls.csv');
    const { uploadId, parts } = await uploadParts(key, [part1, part2], { ContentType: 'text/csv', Metadata: { source: 'crm' } });

    const done = await client.send(
      new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }),
    );

    const whole = Buffer.concat([part1, part2]);
    // S3's multipart ETag: md5 of the binary part md5s, dash, part count.
    const partDigests = Buffer.concat([part1, part2].map((p) => createHash('md5').update(p).digest()));
    const expectedEtag = `"${md5(partDigests)}-2"`;
    expect(done.ETag).toBe(expectedEtag);
    expect(md5(await readObject(key))).toBe(md5(whole));

    const start = 5 * MIB - 10;
    expect(await readObject(key, `bytes=${start}-${start + 199}`)).toEqual(whole.subarray(start, start + 200));

    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    // the headers given at create travel to the object
    expect(head).toMatchObject({ ContentLength: whole.length, ETag: expectedEtag, ContentType: 'text/csv', Metadata: { source: 'crm' } });

    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 60 });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(md5(Buffer.from(await response.arrayBuffer()))).toBe(md5(whole));

    const listed = await client.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: key }));
    expect(listed.Uploads ?? []).toEqual([]);
  });

  it('completes over an existing object, as binary/octet-stream when no type was given', async () => {
    const key = newKey('again.csv');
    for (const body of [Buffer.from('first,version\n'), Buffer.from('second\n')]) {
      const { uploadId, parts } = await uploadParts(key, [body]);
      await client.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
    }
    expect((await readObject(key)).toString()).toBe('second\n');
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head).toMatchObject({ ContentLength: 7, ContentType: 'binary/octet-stream' });
  });

  it('keeps the upload open, without a half-joined copy, when joining the parts fails', async () => {
    const key = newKey('broken.csv');
    const { uploadId, parts } = await uploadParts(key, [part1, Buffer.from('tail\n')]);
    // part 2's bytes replaced by a folder: listed and checked as before, unreadable when joined
    const uploadDir = path.join(dataDir, BUCKET, '._S3rver_uploads', uploadId);
    await rm(path.join(uploadDir, '2'));
    await mkdir(path.join(uploadDir, '2'));
    const complete = () =>
      client.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
    await expect(complete()).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
    expect((await readdir(uploadDir)).filter((name) => name.includes('joining'))).toEqual([]);
    expect(await errorOf(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })))).toMatchObject({ status: 404 });
    const listed = await client.send(new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId }));
    expect(listed.Parts?.map((p) => p.PartNumber)).toEqual([1, 2]);
  });

  it('answers InvalidPart for a part never uploaded, and the server and upload survive it', async () => {
    const key = newKey('calls.csv');
    const first = Buffer.concat([Buffer.from('a,b\n'), Buffer.alloc(5 * MIB, 0x20)]);
    const { uploadId, parts } = await uploadParts(key, [first, Buffer.from('1,2\n')]);

    const missing = errorOf(
      client.send(
        new CompleteMultipartUploadCommand({
          Bucket: BUCKET,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: [parts[0]!, { PartNumber: 3, ETag: parts[1]!.ETag }] },
        }),
      ),
    );
    expect(await missing).toEqual({ name: 'InvalidPart', status: 400 });

    // Still serving, and the failed attempt left the upload intact.
    await client.send(new HeadBucketCommand({ Bucket: BUCKET }));
    const listed = await client.send(new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId }));
    expect(listed.Parts?.map((p) => p.PartNumber)).toEqual([1, 2]);
    await client.send(
      new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }),
    );
    expect((await readObject(key)).equals(Buffer.concat([first, Buffer.from('1,2\n')]))).toBe(true);
  });

  it('answers EntityTooSmall for a part under 5 MiB that is not the last, as S3 does, and keeps the upload', async () => {
    const key = newKey('small-parts.csv');
    const { uploadId, parts } = await uploadParts(key, [Buffer.alloc(MIB, 0x61), part1, Buffer.from('tail')]);
    const complete = (completed: CompletedPart[]) =>
      client.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MultipartUpload: { Parts: completed } }));
    expect(await errorOf(complete(parts))).toEqual({ name: 'EntityTooSmall', status: 400 });
    // the last part may be small; so may the only one
    await complete(parts.slice(1));
    expect((await readObject(key)).length).toBe(part1.length + 4);
  });

  it('answers InvalidPart for a wrong ETag and InvalidPartOrder for parts out of order', async () => {
    const key = newKey('calls.csv');
    const { uploadId, parts } = await uploadParts(key, [Buffer.from('x'), Buffer.from('y')]);
    const complete = (completed: CompletedPart[]) =>
      client.send(
        new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MultipartUpload: { Parts: completed } }),
      );

    expect(await errorOf(complete([parts[0]!, { PartNumber: 2, ETag: `"${md5(Buffer.from('z'))}"` }]))).toEqual({
      name: 'InvalidPart',
      status: 400,
    });
    expect(await errorOf(complete([parts[1]!, parts[0]!]))).toEqual({ name: 'InvalidPartOrder', status: 400 });
    expect(await errorOf(complete([parts[0]!, parts[0]!]))).toEqual({ name: 'InvalidPartOrder', status: 400 });
  });

  it('answers NoSuchUpload for unknown upload ids, on every multipart call', async () => {
    const key = newKey('calls.csv');
    const unknown = 'f'.repeat(32);

    expect(await errorOf(client.send(new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: unknown })))).toEqual({
      name: 'NoSuchUpload',
      status: 404,
    });
    expect(
      await errorOf(client.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: '../../x', PartNumber: 1, Body: 'x' }))),
    ).toEqual({ name: 'NoSuchUpload', status: 404 });
    expect(
      await errorOf(
        client.send(
          new CompleteMultipartUploadCommand({
            Bucket: BUCKET,
            Key: key,
            UploadId: unknown,
            MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"x"' }] },
          }),
        ),
      ),
    ).toEqual({ name: 'NoSuchUpload', status: 404 });

    // An upload id is bound to its key.
    const uploadId = await createUpload(key);
    expect(
      await errorOf(client.send(new ListPartsCommand({ Bucket: BUCKET, Key: `${key}.other`, UploadId: uploadId }))),
    ).toEqual({ name: 'NoSuchUpload', status: 404 });
  });

  it('aborts an upload: its parts are gone and later calls get NoSuchUpload', async () => {
    const key = newKey('calls.csv');
    const { uploadId } = await uploadParts(key, [Buffer.from('part one')]);

    const aborted = await client.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId }));
    expect(aborted.$metadata.httpStatusCode).toBe(204);

    expect(await errorOf(client.send(new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId })))).toEqual({
      name: 'NoSuchUpload',
      status: 404,
    });
    const lateRetry = await putPartWithFetch(key, uploadId, 2, Buffer.from('late part'));
    expect(lateRetry.status).toBe(404);
    expect(await lateRetry.text()).toContain('<Code>NoSuchUpload</Code>');
    expect(
      await errorOf(client.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId }))),
    ).toEqual({ name: 'NoSuchUpload', status: 404 });
    const listed = await client.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: key }));
    expect(listed.Uploads ?? []).toEqual([]);
  });

  it('lists open uploads with ListMultipartUploads, by prefix and page', async () => {
    const prefix = newKey('');
    const first = await createUpload(`${prefix}a.csv`);
    const second = await createUpload(`${prefix}b.csv`);
    await createUpload(newKey('elsewhere.csv'));

    const listed = await client.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: prefix }));
    expect(listed.Uploads?.map((u) => [u.Key, u.UploadId])).toEqual([
      [`${prefix}a.csv`, first],
      [`${prefix}b.csv`, second],
    ]);
    expect(listed.Uploads?.[0]?.Initiated).toBeInstanceOf(Date);

    const page = await client.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: prefix, MaxUploads: 1 }));
    expect(page).toMatchObject({ IsTruncated: true, NextKeyMarker: `${prefix}a.csv`, NextUploadIdMarker: first });
    const next = await client.send(
      new ListMultipartUploadsCommand({
        Bucket: BUCKET,
        Prefix: prefix,
        KeyMarker: page.NextKeyMarker,
        UploadIdMarker: page.NextUploadIdMarker,
      }),
    );
    expect(next.Uploads?.map((u) => u.UploadId)).toEqual([second]);
    expect(next.IsTruncated).toBe(false);
  });
});

describe('local S3 for browsers and bad clients', () => {
  it('answers InvalidRange at once for a ranged read of an empty object, as S3 does', async () => {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'empty/errors.ndjson', Body: '', ContentLength: 0 }));
    // stock s3rver answered 206 promising 1 byte it never sent, and the client hung
    await expect(client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'empty/errors.ndjson', Range: 'bytes=0-99' }))).rejects.toMatchObject({
      name: 'InvalidRange',
    });
  });

  const preflight = (origin: string): Promise<Response> =>
    fetch(`${s3.endpoint}/${BUCKET}/some/key.csv?partNumber=1&uploadId=x`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type' },
    });

  it('answers a CORS preflight from an allowed origin with ETag exposed, and refuses other origins', async () => {
    const allowed = await preflight(ORIGIN);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/\bPUT\b/);
    expect(allowed.headers.get('access-control-expose-headers')).toMatch(/\bETag\b/i);

    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('turns malformed multipart requests into S3 error XML and keeps serving', async () => {
    const key = newKey('calls.csv');
    const uploadId = await createUpload(key);
    const completeUrl = await getSignedUrl(
      client,
      new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId }),
      { expiresIn: 60 },
    );

    const notXml = await fetch(completeUrl, { method: 'POST', body: 'this is not xml' });
    expect(notXml.status).toBe(400);
    expect(await notXml.text()).toContain('<Code>MalformedXML</Code>');

    const traversal = await fetch(`${s3.endpoint}/${BUCKET}/${key}?uploadId=${uploadId}&partNumber=../../escape`, {
      method: 'PUT',
      body: 'x',
    });
    expect(traversal.status).toBe(400);
    expect(await traversal.text()).toContain('<Code>InvalidArgument</Code>');

    await client.send(new HeadBucketCommand({ Bucket: BUCKET }));
  });

  it('stores SDK stream bodies (aws-chunked with checksum trailer) as the plain bytes', async () => {
    const key = newKey('stream.ndjson');
    const body = Buffer.from('{"n":1}\n{"n":2}\n'.repeat(5000));

    await client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: Readable.from([body]), ContentLength: body.length }),
    );
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head.ContentLength).toBe(body.length);
    expect(head.ContentEncoding).toBeUndefined();
    expect((await readObject(key)).equals(body)).toBe(true);

    const uploadId = await createUpload(`${key}.mp`);
    const part = await client.send(
      new UploadPartCommand({
        Bucket: BUCKET,
        Key: `${key}.mp`,
        UploadId: uploadId,
        PartNumber: 1,
        Body: Readable.from([body]),
        ContentLength: body.length,
      }),
    );
    expect(part.ETag).toBe(`"${md5(body)}"`);
  });
  it('answers a PUT with the MD5 ETag once the object is whole, and keeps the old object when a PUT breaks off', async () => {
    const key = newKey('records/part-00000.ndjson');
    const old = randomBytes(MIB);
    const put = await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: old }));
    expect(put.ETag).toBe(`"${md5(old)}"`);
    expect((await readObject(key)).equals(old)).toBe(true);

    // a client that promises 2 MiB, sends 1 MiB and drops the connection once the server is writing it
    const folder = path.dirname(path.join(dataDir, BUCKET, key));
    const writing = async () => (await readdir(folder)).filter((name) => name.endsWith('.writing'));
    const url = new URL(await getSignedUrl(client, new PutObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 60 }));
    const req = request(url, { method: 'PUT', headers: { 'content-length': String(2 * MIB) } });
    req.on('error', () => undefined); // the connection we drop
    req.write(randomBytes(MIB));
    for (let i = 0; i < 100 && (await writing()).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await writing()).toHaveLength(1);
    req.destroy();

    // the half-written body is removed once the server sees the break; the object never changed
    for (let i = 0; i < 50 && (await writing()).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await writing()).toEqual([]);
    expect((await readObject(key)).equals(old)).toBe(true);
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head.ETag).toBe(`"${md5(old)}"`);
    expect(head.ContentLength).toBe(MIB);
  });

  it('keeps each object\'s ETag with its own bytes when PUTs of one key race', async () => {
    const key = newKey('raced.ndjson');
    for (let round = 0; round < 20; round++) {
      const bodies = [randomBytes(64 * 1024), randomBytes(64 * 1024)];
      await Promise.all(bodies.map((Body) => client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body }))));
      const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(head.ETag, `round ${round}`).toBe(`"${md5(await readObject(key))}"`);
    }
  });

  it('stores a key whose last segment is near the file-name limit', async () => {
    const key = newKey(`${'k'.repeat(225)}.csv`);
    const body = Buffer.from('a,b\n1,2\n');
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
    expect((await readObject(key)).equals(body)).toBe(true);
  });
});

describe('local S3 persistence', () => {
  it('keeps objects and open uploads across a restart on the same data directory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'local-s3-restart-'));
    try {
      const first = await startLocalS3({ dataDir: dir, buckets: ['restart-bucket'] });
      const before = clientFor(first.endpoint);
      await before.send(new PutObjectCommand({ Bucket: 'restart-bucket', Key: 'kept.txt', Body: 'still here' }));
      const { UploadId } = await before.send(new CreateMultipartUploadCommand({ Bucket: 'restart-bucket', Key: 'open.bin' }));
      await before.send(
        new UploadPartCommand({ Bucket: 'restart-bucket', Key: 'open.bin', UploadId, PartNumber: 1, Body: 'part' }),
      );
      before.destroy();
      await first.close();
      // what a PUT cut short by a kill leaves goes at the next start, once it is 10 minutes old;
      // a fresh one may be another server's PUT in progress, and a folder of that name is a key's
      const stale = path.join(dir, 'restart-bucket', '.0123456789ab.writing');
      const fresh = path.join(dir, 'restart-bucket', '.ba9876543210.writing');
      await writeFile(stale, 'half a body');
      await writeFile(fresh, 'a body on its way');
      const hourAgo = new Date(Date.now() - 3_600_000);
      await utimes(stale, hourAgo, hourAgo);
      await mkdir(path.join(dir, 'restart-bucket', 'a', '.0123456789ab.writing'), { recursive: true });

      const second = await startLocalS3({ dataDir: dir, buckets: ['restart-bucket'] });
      for (let i = 0; i < 100 && existsSync(stale); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(fresh)).toBe(true);
      const after = clientFor(second.endpoint);
      try {
        const { Body } = await after.send(new GetObjectCommand({ Bucket: 'restart-bucket', Key: 'kept.txt' }));
        expect(await Body!.transformToString()).toBe('still here');
        const parts = await after.send(new ListPartsCommand({ Bucket: 'restart-bucket', Key: 'open.bin', UploadId }));
        expect(parts.Parts?.map((p) => p.Size)).toEqual([4]);
      } finally {
        after.destroy();
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
