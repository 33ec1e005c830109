import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';

/*
 * What every HTTP answer and request body looks like through the local API Gateway, which
 * passes both as API Gateway does: the checks live in the handlers' shared middy stack.
 */

let stack: TestStack;
let apiKey: string;
let api: Awaited<ReturnType<TestStack['tenant']>>['api'];

beforeAll(async () => {
  stack = await startTestStack();
  ({ api, apiKey } = await stack.tenant('admin'));
});
afterAll(async () => {
  await stack?.stop();
});

const send = (method: string, path: string, init: { body?: string; contentType?: string; auth?: boolean } = {}) =>
  fetch(`${stack.httpUrl}${path}`, {
    method,
    headers: {
      ...(init.auth === false ? {} : { authorization: `Bearer ${apiKey}` }),
      ...(init.contentType === undefined ? {} : { 'content-type': init.contentType }),
    },
    body: init.body,
  });

const UPLOAD = JSON.stringify({ filename: 'calls.csv', contentType: 'text/csv', size: 10 });

describe('request bodies', () => {
  it('refuses a text/plain body with 415 in the API error shape, and creates nothing', async () => {
    // fetch sends a string body as text/plain;charset=UTF-8 unless told otherwise: the browser "simple request"
    const res = await fetch(`${stack.httpUrl}/v1/uploads`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}` }, body: UPLOAD });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: 'unsupported_media_type', details: [{ field: 'content-type' }] } });
    const form = await send('POST', '/v1/webhooks', { body: 'url=https%3A%2F%2Fexample.com', contentType: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect((await api.get<{ items: unknown[] }>('/v1/webhooks')).items).toHaveLength(0);
  });

  it('takes application/json with a UTF-8 charset, and body-less POSTs with no type', async () => {
    expect((await send('POST', '/v1/uploads', { body: UPLOAD, contentType: 'application/json; charset=utf-8' })).status).toBe(201);
    const { webhookId } = await api.post<{ webhookId: string }>('/v1/webhooks', { url: 'http://127.0.0.1:9/hook' });
    // rotate-secret reads no body; curl -X POST sends neither body nor Content-Type
    expect((await send('POST', `/v1/webhooks/${webhookId}/rotate-secret`)).status).toBe(200);
  });
});

describe('response headers', () => {
  it('carry nosniff and no-store on authenticated JSON, on errors and on 204s', async () => {
    const { sessionId } = await api.post<{ sessionId: string }>('/v1/uploads', JSON.parse(UPLOAD));
    const answers = [
      await send('GET', '/v1/jobs'),
      await send('GET', '/v1/api-keys'),
      await send('GET', '/v1/jobs/job_missing'),
      await send('GET', '/v1/jobs', { auth: false }),
      await send('POST', '/v1/uploads', { body: '{"filename":', contentType: 'application/json' }),
      await send('POST', '/v1/uploads', { body: UPLOAD, contentType: 'text/plain' }),
      await send('DELETE', `/v1/uploads/${sessionId}`),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 404, 401, 400, 415, 204]);
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options'), res.url).toBe('nosniff');
      expect(res.headers.get('cache-control'), res.url).toBe('no-store');
    }
  });
});

describe('file names', () => {
  it('stores and echoes the name without control or bidi characters, in the session and the job', async () => {
    // a real file with such a name: Linux allows every byte but / and NUL
    const path = await stack.writeScratch('calls\u202Evsc\t\u2066.csv', 'Start Time,Direction,Phone Number,Duration\n2025-09-14T16:16:00Z,Outgoing,+15123359335,12:34\n');
    const { sessionId, jobId } = await uploadFile(api, path, { schema: 'call_record' });
    expect((await api.get<{ filename: string }>(`/v1/uploads/${sessionId}`)).filename).toBe('callsvsc.csv');
    const job = await waitForJob(api, jobId);
    expect(job.status).toBe('succeeded');
    expect((job as ApiJob & { source: { filename: string } }).source.filename).toBe('callsvsc.csv');
    const created = await api.post<{ sessionId: string }>('/v1/uploads', { filename: 'a\u0000b\u202E.csv', contentType: 'text/csv', size: 1 });
    expect((await api.get<{ filename: string }>(`/v1/uploads/${created.sessionId}`)).filename).toBe('ab.csv');
  });

  it('refuses a name with nothing visible left, naming the field', async () => {
    for (const filename of ['\u202E\u2066', '\u0000\t', ' \u200F ']) {
      const res = await send('POST', '/v1/uploads', { body: JSON.stringify({ filename, contentType: 'text/csv', size: 1 }), contentType: 'application/json' });
      expect(res.status, JSON.stringify(filename)).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_request', details: [{ field: 'filename', message: expect.stringMatching(/visible/) }] } });
    }
  });
});
