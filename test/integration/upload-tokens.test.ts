import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import type { ApiClient } from '../../local/cli/api-client.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import { API_CORS } from '../../lib/api-cors.ts';

/*
 * Upload tokens and the Uppy companion routes, called with plain fetch exactly as
 * @uppy/aws-s3 6.x's CompanionS3 client calls them (no Authorization header). The browser
 * itself drives them in test/e2e.
 */

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface IssuedToken {
  token: string;
  tokenId: string;
  companionEndpoint: string;
  expiresAt: string;
  maxBytes: number;
  rateLimitRps: number;
}

const issue = (api: ApiClient, body: Record<string, unknown> = {}) => api.post<IssuedToken>('/v1/upload-tokens', body);

const ROW = '2025-09-14T16:16:00Z,Outgoing,+15123359335,12:34,Voice\n';
const csv = (rows: number) => Buffer.from(`Start Time,Direction,Phone Number,Duration,Type\n${ROW.repeat(rows)}`);

/** The calls CompanionS3 makes, one helper each; each returns the raw Response. */
function companion(endpoint: string) {
  const call = (path: string, init?: RequestInit) => fetch(`${endpoint}/s3${path}`, init);
  const jsonBody = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return {
    create: (filename: string, type = 'text/csv') => call('/multipart', jsonBody({ filename, type, metadata: { name: filename } })),
    sign: (uploadId: string, key: string, n: number) => call(`/multipart/${encodeURIComponent(uploadId)}/${n}?${new URLSearchParams({ key })}`),
    list: (uploadId: string, key: string) => call(`/multipart/${encodeURIComponent(uploadId)}?${new URLSearchParams({ key })}`),
    complete: (uploadId: string, key: string, parts: { PartNumber: number; ETag: string }[]) =>
      call(`/multipart/${encodeURIComponent(uploadId)}/complete?${new URLSearchParams({ key })}`, jsonBody({ parts })),
    abort: (uploadId: string, key: string) => call(`/multipart/${encodeURIComponent(uploadId)}?${new URLSearchParams({ key })}`, { method: 'DELETE' }),
  };
}

/** Open an upload with the token and put `bytes` as one part; the upload's ids and the part. */
async function uploadOnePart(endpoint: string, bytes: Buffer, filename = 'calls.csv') {
  const c = companion(endpoint);
  const created = await c.create(filename);
  expect(created.status).toBe(200);
  const { key, uploadId } = (await created.json()) as { key: string; uploadId: string };
  const signed = await c.sign(uploadId, key, 1);
  expect(signed.status).toBe(200);
  const { url } = (await signed.json()) as { url: string };
  const put = await fetch(url, { method: 'PUT', body: bytes });
  expect(put.status).toBe(200);
  return { c, key, uploadId, parts: [{ PartNumber: 1, ETag: put.headers.get('etag')! }] };
}

describe('upload tokens', () => {
  it('are issued to members with an absolute companion endpoint that holds the token, expiring in an hour by default', async () => {
    const { api } = await stack.tenant('member');
    const before = Date.now();
    const issued = await issue(api, { schema: 'call_record' });
    expect(issued.token).toMatch(/^afpu_/);
    expect(issued.companionEndpoint).toBe(`${stack.httpUrl}/v1/companion/${issued.token}`);
    const ttl = Date.parse(issued.expiresAt) - before;
    expect(ttl).toBeGreaterThan(59 * 60 * 1000);
    expect(ttl).toBeLessThanOrEqual(60 * 60 * 1000 + 5000);
    const viewer = await stack.tenant('viewer');
    await expect(issue(viewer.api)).rejects.toMatchObject({ status: 403 });
    await expect(issue(api, { expiresIn: 24 * 3600 + 1 })).rejects.toMatchObject({ status: 400, details: [{ field: 'expiresIn' }] });
    await expect(issue(api, { schema: 'no_such_schema' })).rejects.toMatchObject({ status: 400, details: [{ field: 'schema' }] });
    await expect(issue(api, { maxBytes: 6 * 1024 ** 3 })).rejects.toMatchObject({ status: 400, details: [{ field: 'maxBytes' }] });
  });

  it('are stored only as hashes', async () => {
    const { api } = await stack.tenant('member');
    const { token } = await issue(api);
    const dynamo = new DynamoDBClient({});
    try {
      const { Items } = await dynamo.send(new ScanCommand({ TableName: process.env.UPLOAD_TOKENS_TABLE }));
      expect(Items?.length).toBeGreaterThan(0);
      expect(JSON.stringify(Items)).not.toContain(token);
      expect(JSON.stringify(Items)).not.toContain(token.slice(5));
    } finally {
      dynamo.destroy();
    }
  });

  it('upload a file through the companion routes and start a job with the token\'s schema and options', async () => {
    const { api, tenantId } = await stack.tenant('member');
    const { companionEndpoint } = await issue(api, { schema: 'call_record', options: { timezone: 'America/Chicago' } });
    const bytes = csv(200);
    const { c, key, uploadId, parts } = await uploadOnePart(companionEndpoint, bytes);
    // resume: what S3 already holds
    const listed = (await (await c.list(uploadId, key)).json()) as { PartNumber: number; ETag: string; Size: number }[];
    expect(listed).toEqual([{ PartNumber: 1, ETag: parts[0]!.ETag, Size: bytes.length }]);
    const done = await c.complete(uploadId, key, parts);
    expect(done.status).toBe(200);
    const answer = (await done.json()) as { location: string; key: string; jobId: string };
    expect(answer.key).toBe(key);
    expect(answer.location).toBe(`${stack.httpUrl}/v1/jobs/${answer.jobId}`);
    const job = await waitForJob(api, answer.jobId);
    expect(job).toMatchObject({ status: 'succeeded', schema: 'call_record', options: { timezone: 'America/Chicago' }, progress: { rowsWritten: 200 } });
    // the location a browser got reads the job with the tenant's key
    const viaLocation = await fetch(answer.location, { headers: { authorization: `Bearer ${(await stack.tenant('viewer', tenantId)).apiKey}` } });
    expect(((await viaLocation.json()) as { jobId: string }).jobId).toBe(answer.jobId);
    // completing again answers with the same job
    expect(((await (await c.complete(uploadId, key, parts)).json()) as { jobId: string }).jobId).toBe(answer.jobId);
  });

  it('let the token follow the jobs its own uploads started, and no other job of the tenant', async () => {
    const { api } = await stack.tenant('member');
    const mine = await issue(api, { schema: 'call_record' });
    const { c, key, uploadId, parts } = await uploadOnePart(mine.companionEndpoint, csv(20));
    const { jobId } = (await (await c.complete(uploadId, key, parts)).json()) as { jobId: string };
    const job = await waitForJob(api, jobId);
    const followed = await fetch(`${mine.companionEndpoint}/jobs/${jobId}`);
    expect(followed.status).toBe(200);
    // the same answer as GET /v1/jobs/{id} with the tenant's key
    expect(await followed.json()).toEqual(await api.get(`/v1/jobs/${jobId}`));
    expect(job.status).toBe('succeeded');

    // a sibling token of the same tenant, and a job of the tenant's API key, are not found
    const sibling = await issue(api);
    expect((await fetch(`${sibling.companionEndpoint}/jobs/${jobId}`)).status).toBe(404);
    const other = await uploadFile(api, await stack.writeScratch('by-key.csv', csv(3)), { schema: 'call_record' });
    expect((await fetch(`${mine.companionEndpoint}/jobs/${other.jobId}`)).status).toBe(404);
    expect((await fetch(`${mine.companionEndpoint}/jobs/job_nope`)).status).toBe(404);
  });

  it('give Uppy a presigned POST for single-request uploads into the tenant\'s inbox, whose event starts the job', async () => {
    const { api, tenantId } = await stack.tenant('member');
    const { companionEndpoint } = await issue(api, { schema: 'call_record', options: { timezone: 'Europe/Berlin' }, maxBytes: 20_000 });
    const res = await fetch(`${companionEndpoint}/s3/params?${new URLSearchParams({ filename: 'small calls.csv', type: 'text/csv' })}`);
    expect(res.status).toBe(200);
    const params = (await res.json()) as { method: string; url: string; fields: Record<string, string> };
    expect(params.method).toBe('POST');
    expect(params.fields.key).toMatch(new RegExp(`^inbox/${tenantId}/upt_[^/]+/small_calls\\.csv$`));
    const post = (fields: Record<string, string>, bytes: Buffer) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', new Blob([bytes]), 'small calls.csv');
      return fetch(params.url, { method: 'POST', body: form });
    };
    // S3 holds the policy to the token: not into another tenant's inbox, not over maxBytes
    expect((await post({ ...params.fields, key: `inbox/other/${tenantId}.csv` }, csv(5))).status).toBe(403);
    expect((await post(params.fields, csv(500))).status).toBe(400);
    expect((await post(params.fields, csv(100))).status).toBe(204);
    const deadline = Date.now() + 20_000;
    let jobs: { jobId: string }[] = [];
    while (jobs.length === 0 && Date.now() < deadline) {
      jobs = (await api.get<{ items: { jobId: string }[] }>('/v1/jobs')).items;
      if (jobs.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(jobs).toHaveLength(1);
    expect(await waitForJob(api, jobs[0]!.jobId)).toMatchObject({
      status: 'succeeded',
      schema: 'call_record',
      options: { timezone: 'Europe/Berlin' },
      source: { filename: 'small_calls.csv' },
      progress: { rowsWritten: 100 },
    });
  });

  it('presign each S3 call of Uppy\'s signRequest mode, only for the token\'s own keys, and hold the direct upload to maxBytes', async () => {
    const { api, tenantId } = await stack.tenant('member');
    const { companionEndpoint, tokenId } = await issue(api, { schema: 'call_record', maxBytes: 2000 });
    const sign = async (request: Record<string, unknown>) => {
      const res = await fetch(`${companionEndpoint}/s3/sign`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
      return { status: res.status, body: (await res.json()) as { url: string; key?: string; headers?: Record<string, string> } };
    };
    const created = await sign({ method: 'POST', key: 'big calls.csv' });
    expect(created.status).toBe(200);
    expect(created.body.key).toMatch(new RegExp(`^inbox/${tenantId}/${tokenId}-[^/]+/big_calls\\.csv$`));
    expect(created.body.headers).toMatchObject({ 'x-amz-meta-schema': 'call_record', 'x-amz-meta-max-bytes': '2000' });
    // what S3mini does with the answer: the signed request, with the signed headers
    const init = await fetch(created.body.url, { method: 'POST', headers: created.body.headers });
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await init.text())?.[1];
    expect(uploadId).toBeTruthy();
    const key = created.body.key!;
    // not another token's key, not a delete, not a part no upload within maxBytes reaches
    const sibling = (await issue(api)).companionEndpoint;
    const foreign = await fetch(`${sibling}/s3/sign`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'GET', key, uploadId }) });
    expect(foreign.status).toBe(404);
    expect((await sign({ method: 'DELETE', key })).status).toBe(400);
    expect((await sign({ method: 'PUT', key, uploadId, partNumber: 2 })).status).toBe(400);
    // one part over the limit, completed straight at S3: the job that starts is failed, not run
    const part = await sign({ method: 'PUT', key, uploadId, partNumber: 1 });
    const put = await fetch(part.body.url, { method: 'PUT', body: csv(100) });
    const complete = await sign({ method: 'POST', key, uploadId });
    const xml = `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${put.headers.get('etag')}</ETag></Part></CompleteMultipartUpload>`;
    expect((await fetch(complete.body.url, { method: 'POST', body: xml, headers: { 'content-type': 'application/xml' } })).status).toBe(200);
    let jobs: { jobId: string }[] = [];
    for (let i = 0; i < 200 && jobs.length === 0; i++) {
      jobs = (await api.get<{ items: { jobId: string }[] }>('/v1/jobs')).items;
      if (jobs.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(await waitForJob(api, jobs[0]!.jobId)).toMatchObject({ status: 'failed', error: { type: 'FileTooLargeError' } });
  });

  it('admit only the token: no header credential, not another tenant\'s or token\'s upload', async () => {
    const owner = await stack.tenant('member');
    const { token, companionEndpoint } = await issue(owner.api);
    const { key, uploadId } = await uploadOnePart(companionEndpoint, csv(5));
    // an API key in place of the token, or in a header with a made-up token
    const withKey = companion(`${stack.httpUrl}/v1/companion/${owner.apiKey}`);
    expect((await withKey.list(uploadId, key)).status).toBe(401);
    const forged = await fetch(`${stack.httpUrl}/v1/companion/afpu_${'x'.repeat(32)}/s3/multipart/${uploadId}?key=${encodeURIComponent(key)}`, {
      headers: { authorization: `Bearer ${owner.apiKey}` },
    });
    expect(forged.status).toBe(401);
    // the token is no API key
    expect((await fetch(`${stack.httpUrl}/v1/jobs`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    // a second token of the same tenant, and another tenant's token, see no such upload
    const sibling = companion((await issue(owner.api)).companionEndpoint);
    expect((await sibling.list(uploadId, key)).status).toBe(404);
    expect((await sibling.complete(uploadId, key, [{ PartNumber: 1, ETag: '"x"' }])).status).toBe(404);
    const other = await stack.tenant('member');
    const stranger = companion((await issue(other.api)).companionEndpoint);
    expect((await stranger.sign(uploadId, key, 1)).status).toBe(404);
    expect((await stranger.abort(uploadId, key)).status).toBe(404);
    // the right token with another key
    expect((await companion(companionEndpoint).list(uploadId, `${key}.other`)).status).toBe(404);
  });

  it("list an upload's parts for Uppy's resume only to the token that began it (404 to another token of the tenant or of another tenant), and the upload continues from them", async () => {
    const owner = await stack.tenant('member');
    const mine = await issue(owner.api, { schema: 'call_record' });
    const c = companion(mine.companionEndpoint);
    // two parts: S3 wants every part but the last to hold at least 5 MiB
    const bytes = csv(100_000);
    const parts = [bytes.subarray(0, 5 * 1024 * 1024), bytes.subarray(5 * 1024 * 1024)];
    const { key, uploadId } = (await (await c.create('resumed.csv')).json()) as { key: string; uploadId: string };
    const putPart = async (n: number) => {
      const { url } = (await (await c.sign(uploadId, key, n)).json()) as { url: string };
      const put = await fetch(url, { method: 'PUT', body: parts[n - 1] });
      expect(put.status).toBe(200);
      return put.headers.get('etag')!;
    };
    const etag1 = await putPart(1);

    // the page reloads: the same token asks what S3 already holds
    const listed = await c.list(uploadId, key);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual([{ PartNumber: 1, Size: parts[0]!.length, ETag: etag1 }]);
    // a token minted by another page load of the same tenant, and another tenant's token, are told nothing
    const sibling = companion((await issue(owner.api, { schema: 'call_record' })).companionEndpoint);
    const stranger = companion((await issue((await stack.tenant('member')).api)).companionEndpoint);
    for (const other of [sibling, stranger]) {
      const res = await other.list(uploadId, key);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }

    // the owner sends only the missing part and completes into one job over the whole file
    const etag2 = await putPart(2);
    const done = await c.complete(uploadId, key, [
      { PartNumber: 1, ETag: etag1 },
      { PartNumber: 2, ETag: etag2 },
    ]);
    expect(done.status).toBe(200);
    const { jobId } = (await done.json()) as { jobId: string };
    expect(await owner.api.get(`/v1/jobs/${jobId}`)).toMatchObject({ schema: 'call_record', source: { filename: 'resumed.csv', size: bytes.length } });
  });

  it('stop working when revoked or expired', async () => {
    const { api, tenantId } = await stack.tenant('member');
    const issued = await issue(api);
    const c = companion(issued.companionEndpoint);
    expect((await c.create('a.csv')).status).toBe(200);
    const listed = await api.get<{ items: { tokenId: string; revokedAt: string | null }[] }>('/v1/upload-tokens');
    expect(listed.items.map((t) => t.tokenId)).toContain(issued.tokenId);
    expect(JSON.stringify(listed)).not.toContain(issued.token);
    // another tenant cannot revoke it
    await expect((await stack.tenant('member')).api.delete(`/v1/upload-tokens/${issued.tokenId}`)).rejects.toMatchObject({ status: 404 });
    await api.delete(`/v1/upload-tokens/${issued.tokenId}`);
    expect((await c.create('b.csv')).status).toBe(401);

    const short = await issue(api, { expiresIn: 60 });
    const dynamo = new DynamoDBClient({});
    try {
      // a minute is the shortest life a token can ask for; move its expiry into the past instead of waiting
      const { UpdateItemCommand } = await import('@aws-sdk/client-dynamodb');
      const { Items } = await dynamo.send(new ScanCommand({ TableName: process.env.UPLOAD_TOKENS_TABLE }));
      const item = Items?.find((i) => i.tokenId?.S === short.tokenId && i.tenantId?.S === tenantId);
      await dynamo.send(
        new UpdateItemCommand({
          TableName: process.env.UPLOAD_TOKENS_TABLE,
          Key: { tokenHash: item!.tokenHash! },
          UpdateExpression: 'SET expiresAt = :past',
          ExpressionAttributeValues: { ':past': { S: new Date(Date.now() - 1000).toISOString() } },
        }),
      );
    } finally {
      dynamo.destroy();
    }
    expect((await companion(short.companionEndpoint).create('c.csv')).status).toBe(401);
  });

  it('refuse a file over the token\'s maxBytes at complete and delete it', async () => {
    const { api } = await stack.tenant('member');
    const { companionEndpoint } = await issue(api, { maxBytes: 1000 });
    const { c, key, uploadId, parts } = await uploadOnePart(companionEndpoint, csv(50));
    const refused = await c.complete(uploadId, key, parts);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { details: [{ field: 'size' }] } });
    const s3 = new S3Client({ forcePathStyle: true });
    try {
      await expect(s3.send(new HeadObjectCommand({ Bucket: process.env.UPLOAD_BUCKET, Key: key }))).rejects.toMatchObject({ name: 'NotFound' });
    } finally {
      s3.destroy();
    }
    // a part number no upload within the limit can reach is refused when signing
    expect((await c.sign(uploadId, key, 2)).status).toBe(409);
    const fresh = await (await c.create('b.csv')).json() as { key: string; uploadId: string };
    expect((await c.sign(fresh.uploadId, fresh.key, 2)).status).toBe(400);
  });

  it('are rate-limited like an API key: 25 requests/s unless set when issued', async () => {
    const { api } = await stack.tenant('member');
    expect((await issue(api)).rateLimitRps).toBe(25);
    // a low limit, so the test does not depend on how fast this machine answers
    const { companionEndpoint } = await issue(api, { rateLimitRps: 2 });
    const c = companion(companionEndpoint);
    const { key, uploadId } = (await (await c.create('r.csv')).json()) as { key: string; uploadId: string };
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 12 }, () => c.list(uploadId, key)));
    const seconds = Math.ceil((Date.now() - started) / 1000) + 1;
    const statuses = answers.map((r) => r.status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(2 * seconds);
    expect(answers.find((r) => r.status === 429)?.headers.get('retry-after')).toBe('1');
  });

  it('let a browser on another origin call the companion routes (CORS)', async () => {
    const { api } = await stack.tenant('member');
    const { companionEndpoint } = await issue(api);
    const preflight = await fetch(`${companionEndpoint}/s3/multipart`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    // the CDK stack's CORS settings (lib/api-cors.ts), not a local copy of them
    expect(preflight.headers.get('access-control-max-age')).toBe(String(API_CORS.maxAgeSeconds));
    const res = await fetch(`${companionEndpoint}/s3/multipart`, {
      method: 'POST',
      headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' },
      body: JSON.stringify({ filename: 'x.csv', type: 'text/csv' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeTruthy();
  });
});
