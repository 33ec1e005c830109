import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { openSocket, startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { listSampleEvents, loadSampleEvent } from '../helpers/sample-events.ts';
import { lambdaContext } from '../../local/apigateway/common.ts';
import { startLocalHttpApi, type HttpHandler, type LocalHttpApi } from '../../local/apigateway/http-api.ts';
import { HTTP_ROUTES, functionEntry, type FunctionName } from '../../functions/shared/routes.ts';
import type { ApiClient } from '../../local/cli/api-client.ts';
import type { ApiJob, JobRecord } from '../../functions/core/jobs/job.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import type { PipelineState, EnrichChunkInput, MappingResult } from '../../functions/core/pipeline-types.ts';

/*
 * Every sample event under events/ goes to its own handler on the real local stack, with
 * the ids this test creates put in for its placeholders, and has to do what the event
 * stands for: the state machine's inputs run a job stage by stage, each stage's answer is
 * the next sample's input, the HTTP requests answer as the API does, the queue messages
 * deliver a webhook, the bucket's event starts a job. So the samples stay true, and each
 * is a console test event that is known to work.
 */

const FIXTURE = join(import.meta.dirname, '../fixtures/call-logs/generic-export.csv');
/** The upload the state machine samples name (events/stepfunctions/classify.json "key"). */
const UPLOAD_SESSION = 'upl_01JF0EXAMPLE00000000000000';

let stack: TestStack;
let api: ApiClient;
let apiKey: string;
let tenantId: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
/** the handlers, loaded once the stack has set their environment (they read it at load) */
const handlers = new Map<FunctionName, (event: unknown, context?: unknown) => Promise<unknown>>();
const run = async <T>(fn: FunctionName, event: unknown): Promise<T> => {
  let handler = handlers.get(fn);
  if (!handler) {
    handler = ((await import(join('../..', functionEntry(fn)))) as { handler: (e: unknown, c?: unknown) => Promise<unknown> }).handler;
    handlers.set(fn, handler);
  }
  return (await handler(event, lambdaContext(`afp-${fn}`, 30_000))) as T;
};

async function startReceiver() {
  const hits: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      hits.push({ path: req.url ?? '/', headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, hits, close: () => new Promise((r) => server.close(r)) };
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A job record as a launch makes it, without the execution: the samples play the state machine. */
async function queuedJob(jobId: string, key: string, size: number): Promise<void> {
  const { jobStore } = await import('../../functions/adapters/job-store.ts');
  const at = new Date().toISOString();
  const job: JobRecord = {
    tenantId,
    jobId,
    status: 'queued',
    attempt: 1,
    schema: 'call_record',
    options: { timezone: 'America/Chicago' },
    source: { sessionId: UPLOAD_SESSION, bucket: stack.bucket, key, filename: 'generic-export.csv', size, contentType: 'text/csv' },
    progress: { rowsRead: 0, rowsWritten: 0, rowsRejected: 0, rowsSkipped: 0, bytesRead: 0 },
    stages: {},
    createdAt: at,
    updatedAt: at,
  };
  await jobStore.create(job);
}

let jobSeq = 0;
const newJobId = () => `job_01JSAMPLE${String(process.pid).padStart(8, '0')}${String(++jobSeq).padStart(8, '0')}`;

beforeAll(async () => {
  stack = await startTestStack();
  ({ api, apiKey, tenantId } = await stack.tenant('admin'));
  receiver = await startReceiver();
}, 60_000);

afterAll(async () => {
  await receiver?.close();
  await stack?.stop();
});

/** The job the state machine samples run end to end; later samples (API, queue, WebSocket) name it. */
let pipelineJobId: string;

describe('events/stepfunctions: the state machine input of each stage', () => {
  it('runs a job from Classify to Persist, each stage answering with what the next sample holds', async () => {
    pipelineJobId = newJobId();
    const ids = { tenantId, jobId: pipelineJobId, uploadBucket: stack.bucket };
    const classifyIn = await loadSampleEvent<PipelineState>('stepfunctions/classify', ids);
    const body = await readFile(FIXTURE);
    expect(classifyIn.size).toBe(body.length);
    await new S3Client({ forcePathStyle: true }).send(new PutObjectCommand({ Bucket: stack.bucket, Key: classifyIn.key, Body: body, ContentType: 'text/csv' }));
    await queuedJob(pipelineJobId, classifyIn.key, body.length);

    const parseIn = await loadSampleEvent<PipelineState>('stepfunctions/parse', ids);
    const classification = await run<PipelineState['classification']>('classify', classifyIn);
    const pick = (c: PipelineState['classification']) => ({ format: c?.format, encoding: c?.encoding, delimiter: c?.delimiter, headerRow: c?.headerRow, headers: c?.headers, schema: c?.schema.name });
    expect(pick(classification)).toEqual(pick(parseIn.classification));
    // each sample is the one before it plus that stage's result, as ResultPath builds the state
    expect({ ...parseIn, classification: undefined }).toEqual({ ...classifyIn, classification: undefined });

    const mapIn = await loadSampleEvent<PipelineState>('stepfunctions/map', ids);
    expect(await run('parse', parseIn)).toEqual(mapIn.parsed);

    const enrichIn = await loadSampleEvent<EnrichChunkInput>('stepfunctions/enrich-chunk', ids);
    const mapping = await run<MappingResult>('map', mapIn);
    const fields = (m: MappingResult) => m.fields.map((f) => `${f.field} <- ${f.sourceHeaders.join(' + ')}`);
    expect([mapping.status, mapping.schema, ...fields(mapping)]).toEqual([enrichIn.mapping.status, enrichIn.mapping.schema, ...fields(enrichIn.mapping)]);
    expect(enrichIn.chunk).toEqual(mapIn.parsed!.chunks[0]);

    const persistIn = await loadSampleEvent<PipelineState>('stepfunctions/persist', ids);
    const enriched = await run<Record<string, unknown>>('enrich', enrichIn);
    const counts = ({ index, recordsKey, errorsKey, rowsRead, rowsWritten, rowsRejected }: Record<string, unknown>) => ({ index, recordsKey, errorsKey, rowsRead, rowsWritten, rowsRejected });
    expect(counts(enriched)).toEqual(counts(persistIn.enriched![0] as unknown as Record<string, unknown>));

    // a call log has no accounts-store stage to run next
    expect(await run('persist', persistIn)).toEqual({ rowsRead: 50, rowsWritten: 50, rowsRejected: 0, accountsStore: 'none' });
    const job = await waitForJob(api, pipelineJobId);
    expect(job).toMatchObject({ status: 'succeeded', progress: { rowsRead: 50, rowsWritten: 50, rowsRejected: 0 } });
  });

  it("UpdateAccountsStore brings a company job's records into the store, and again changes nothing", async () => {
    // a tenant of its own: the API samples below expect an empty store
    const companies = await stack.tenant('admin');
    const file = await stack.writeScratch('sample-companies.csv', 'Company name,Website,Industry\nAcme Inc.,acme.example,Software\nGlobex GmbH,globex.example,Manufacturing\n');
    const { jobId } = await uploadFile(companies.api, file, { schema: 'company_account' });
    const created = { state: 'applied', counts: { records: 2, accounts: { created: 2, merged: 0 } } };
    expect((await waitForJob(companies.api, jobId)).accountsStore).toMatchObject(created);
    const event = await loadSampleEvent('stepfunctions/accounts-store', { tenantId: companies.tenantId, jobId });
    expect(await run('accounts-store', event)).toEqual({ state: 'applied' });
    // the same job applied again counts the same and adds nothing
    expect((await companies.api.get<{ total: number }>('/v1/accounts')).total).toBe(2);
    expect((await companies.api.get<ApiJob>(`/v1/jobs/${jobId}`)).accountsStore).toMatchObject(created);
  });

  it('MarkNeedsMapping parks a job with the suggested mapping', async () => {
    const jobId = newJobId();
    await queuedJob(jobId, 'uploads/none', 1);
    const event = await loadSampleEvent('stepfunctions/mark-needs-mapping', { tenantId, jobId });
    expect(await run('job-status', event)).toEqual({ recorded: true });
    const job = await api.get<{ status: string; mapping: { missingRequired: string[] } }>(`/v1/jobs/${jobId}`);
    expect(job.status).toBe('needs_mapping');
    expect(job.mapping.missingRequired).toEqual(['started_at']);
  });

  it('MarkFailed records the Catch payload as the job error, never the trace', async () => {
    const jobId = newJobId();
    await queuedJob(jobId, 'uploads/none', 1);
    const event = await loadSampleEvent('stepfunctions/mark-failed', { tenantId, jobId });
    expect(await run('job-status', event)).toEqual({ recorded: true });
    const job = await api.get<{ status: string; error: { type: string; message: string } }>(`/v1/jobs/${jobId}`);
    expect(job.status).toBe('failed');
    expect(job.error.type).toBe('UnsupportedFormatError');
    expect(job.error.message).toMatch(/^XLS \(Excel 97-2003\) is not supported/);
    expect(job.error.message).not.toContain('/var/task');
  });
});

describe('events/eventbridge', () => {
  it('Step Functions Execution Status Change (the watchdog) fails a job its execution left running, once', async () => {
    const jobId = newJobId();
    await queuedJob(jobId, 'uploads/none', 1);
    const event = await loadSampleEvent('eventbridge/execution-status-change', { tenantId, jobId, uploadBucket: stack.bucket });
    expect(await run('job-status', event)).toEqual({ recorded: true });
    const job = await api.get<{ status: string; error: { type: string; message: string } }>(`/v1/jobs/${jobId}`);
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ type: 'ExecutionTimedOut', message: expect.stringContaining('States.Timeout') });
    expect(await run('job-status', event)).toEqual({ recorded: false });
  });

  it('S3 Object Created under inbox/<tenant>/ starts a job with the object metadata, one per write', async () => {
    const event = await loadSampleEvent<{ detail: { object: { key: string } } }>('eventbridge/s3-object-created', { tenantId, uploadBucket: stack.bucket });
    // The local S3 announces this put itself (another write record, another job); the sample is a second delivery of its own.
    await new S3Client({ forcePathStyle: true }).send(
      new PutObjectCommand({ Bucket: stack.bucket, Key: event.detail.object.key, Body: await readFile(FIXTURE), Metadata: { schema: 'call_record', timezone: 'America/Chicago' } }),
    );
    const started = await run<{ jobId?: string }>('inbox', event);
    expect(started.jobId).toMatch(/^job_/);
    // two jobs of one file run at once here (the local S3's own announcement started the other): room on a busy machine
    const job = await waitForJob(api, started.jobId!, 90_000);
    expect(job).toMatchObject({ status: 'succeeded', schema: 'call_record', options: { timezone: 'America/Chicago' }, progress: { rowsWritten: 50 } });
    expect(await run('inbox', event)).toEqual({ ignored: 'this write already started its job' });
  }, 120_000);
});

describe('events/http: one request per API function', () => {
  const call = async (name: string, values: Record<string, string> = {}) => {
    const event = await loadSampleEvent<APIGatewayProxyEventV2>(`http/${name}`, values);
    const route = HTTP_ROUTES.find((r) => r.routeKey === event.routeKey);
    expect(route?.fn, `${name}: its routeKey is a route of the API`).toBe(name);
    const result = await run<APIGatewayProxyStructuredResultV2>(route!.fn, event);
    return { status: result.statusCode, body: JSON.parse(String(result.body ?? 'null')) as Record<string, unknown> };
  };

  it('api-health, api-openapi: no auth', async () => {
    expect(await call('api-health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const openapi = await call('api-openapi');
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toMatch(/^3\.1\./);
  });

  it('api-uploads opens an upload session; api-companion a browser multipart upload', async () => {
    const upload = await call('api-uploads', { apiKey });
    expect(upload).toMatchObject({ status: 201, body: { sessionId: expect.stringMatching(/^upl_/), partCount: 1, duplicateOf: null } });
    const { token } = await api.post<{ token: string }>('/v1/upload-tokens', { schema: 'call_record' });
    const multipart = await call('api-companion', { uploadToken: token });
    expect(multipart.status).toBe(200);
    expect(multipart.body).toMatchObject({ key: expect.stringMatching(new RegExp(`^uploads/${tenantId}/upl_[^/]+/generic-export\\.csv$`)), uploadId: expect.any(String) });
  });

  it('api-jobs reads the job the stage samples ran; api-templates suggests a mapping', async () => {
    expect(await call('api-jobs', { apiKey, jobId: pipelineJobId })).toMatchObject({ status: 200, body: { jobId: pipelineJobId, status: 'succeeded' } });
    const suggestion = await call('api-templates', { apiKey });
    expect(suggestion.status).toBe(200);
    expect(JSON.stringify(suggestion.body)).toContain('"field":"started_at"');
  });

  it('api-admin issues a key that works; api-accounts lists an empty store', async () => {
    const issued = await call('api-admin', { apiKey });
    expect(issued).toMatchObject({ status: 201, body: { apiKey: expect.any(String), role: 'viewer' } });
    const res = await fetch(`${stack.httpUrl}/v1/jobs`, { headers: { authorization: `Bearer ${String(issued.body.apiKey)}` } });
    expect(res.status).toBe(200);
    expect(await call('api-accounts', { apiKey })).toMatchObject({ status: 200, body: { items: [], total: 0 } });
  });

  it('is the event the local API Gateway builds: same fields at every level', async () => {
    const captured: APIGatewayProxyEventV2[] = [];
    const recorder: HttpHandler = async (event) => {
      captured.push(event);
      return { statusCode: 204 };
    };
    const gateway: LocalHttpApi = await startLocalHttpApi({ routes: HTTP_ROUTES, loadHandler: async () => recorder });
    try {
      const names = (await listSampleEvents()).filter((n) => n.startsWith('http/'));
      expect(names.map((n) => n.slice(5))).toEqual([...new Set(HTTP_ROUTES.map((r) => r.fn))].sort());
      for (const name of names) {
        const sample = await loadSampleEvent<APIGatewayProxyEventV2>(name, { apiKey: 'k', jobId: 'job_1', uploadToken: 't', webhookUrl: 'https://hooks.example.com/x' });
        captured.length = 0;
        const { host: _host, 'content-length': _length, ...headers } = sample.headers;
        await fetch(`${gateway.url}${sample.rawPath}${sample.rawQueryString ? `?${sample.rawQueryString}` : ''}`, { method: sample.requestContext.http.method, headers: headers as Record<string, string>, body: sample.body });
        const built = captured[0]!;
        const shape = (e: APIGatewayProxyEventV2) => ({ top: Object.keys(e).sort(), context: Object.keys(e.requestContext).sort(), http: Object.keys(e.requestContext.http).sort() });
        expect(shape(sample), name).toEqual(shape(built));
        expect({ routeKey: sample.routeKey, pathParameters: sample.pathParameters, query: sample.queryStringParameters, body: sample.body }, name).toEqual({
          routeKey: built.routeKey,
          pathParameters: built.pathParameters,
          query: built.queryStringParameters,
          body: built.body,
        });
      }
    } finally {
      await gateway.close();
    }
  });
});

describe('events/websocket', () => {
  it('the authorizer turns ?token= into the tenant, $connect stores nothing, a message subscribes the connection, $disconnect forgets it', async () => {
    const { connectionStore } = await import('../../functions/adapters/connection-store.ts');
    const allowed = await run<{ principalId: string; policyDocument: { Statement: { Effect: string; Resource: string }[] }; context: Record<string, string> }>(
      'ws-authorizer',
      await loadSampleEvent('websocket/authorize', { apiKey, connectionId: 'sampleConnection1=' }),
    );
    expect(allowed.policyDocument.Statement).toEqual([expect.objectContaining({ Effect: 'Allow', Resource: 'arn:aws:execute-api:us-east-1:123456789012:f6g7h8i9j0/prod/$connect' })]);
    expect(allowed.context).toEqual({ kind: 'api-key', tenantId });
    await expect(run('ws-authorizer', await loadSampleEvent('websocket/authorize', { apiKey: 'afp_notAKeyOfThisStack', connectionId: 'sampleConnection2=' }))).rejects.toThrow(/^Unauthorized$/);
    expect(await run('ws', await loadSampleEvent('websocket/connect', { apiKey, tenantId, connectionId: 'sampleConnection1=' }))).toEqual({ statusCode: 200 });

    // A real client's connection, so the sample's answers have somewhere to go.
    const client = await openSocket(stack.wsUrl, apiKey);
    try {
      client.send({ action: 'subscribe', jobId: pipelineJobId, requestId: 'client' });
      await client.waitFor((m) => m.type === 'subscribed' && m.requestId === 'client');
      const [connectionId] = await connectionStore.subscribers(tenantId, pipelineJobId);
      expect(connectionId).toBeDefined();
      // Forgotten outright, not unsubscribed: the sample's message is stamped earlier than the
      // client's, and a later unsubscribe would rightly outrank it (connection-store.ts).
      await connectionStore.removeConnection(connectionId!);

      expect(await run('ws', await loadSampleEvent('websocket/subscribe', { tenantId, connectionId: connectionId!, jobId: pipelineJobId }))).toEqual({ statusCode: 200 });
      await client.waitFor((m) => m.type === 'subscribed' && m.requestId === 'req-1');
      await client.waitFor((m) => m.type === 'job.status' && m.status === 'succeeded');
      expect(await connectionStore.subscribers(tenantId, pipelineJobId)).toEqual([connectionId]);

      expect(await run('ws', await loadSampleEvent('websocket/disconnect', { tenantId, connectionId: connectionId! }))).toEqual({ statusCode: 200 });
      expect(await connectionStore.subscribers(tenantId, pipelineJobId)).toEqual([]);
    } finally {
      client.close();
    }
  });
});

describe('events/sqs', () => {
  it('job-events fans a completion event out to the webhook api-webhooks created; webhook-delivery sends a queued attempt', async () => {
    const created = await loadSampleEvent<APIGatewayProxyEventV2>('http/api-webhooks', { apiKey, webhookUrl: receiver.url });
    const answer = await run<APIGatewayProxyStructuredResultV2>('api-webhooks', created);
    expect(answer.statusCode).toBe(201);
    const webhook = JSON.parse(String(answer.body)) as { webhookId: string; secret: string };
    expect(webhook.secret).toMatch(/^whsec_/);

    // Persist already queued this job's real event, before the webhook existed: only the sample can reach it.
    const fanOut = await loadSampleEvent<SQSEvent>('sqs/job-events', { tenantId, jobId: pipelineJobId, uploadBucket: stack.bucket });
    expect(await run<SQSBatchResponse>('job-events', fanOut)).toEqual({ batchItemFailures: [] });
    const hit = await until(() => receiver.hits.find((h) => JSON.parse(h.body).data?.jobId === pipelineJobId), 'the webhook POST');
    expect(JSON.parse(hit.body)).toMatchObject({ id: `evt_${pipelineJobId}_1_succeeded`, type: 'job.succeeded', tenantId, data: { status: 'succeeded' } });
    expect(hit.headers['webhook-signature']).toMatch(/^v1,/);

    // A queued attempt, as job-events queues one, for a delivery of another event to the same endpoint.
    const { webhookStore } = await import('../../functions/adapters/webhook-store.ts');
    const deliveryId = 'dlv_01JSAMPLE0000000000000000';
    const at = new Date().toISOString();
    await webhookStore.createDelivery({
      tenantId,
      webhookId: webhook.webhookId,
      deliveryId,
      eventId: 'evt_sample_delivery',
      eventType: 'job.succeeded',
      messageId: 'msg_sample_delivery',
      payload: fanOut.Records[0]!.body,
      status: 'pending',
      autoAttempts: 0,
      attempts: [],
      createdAt: at,
      updatedAt: at,
    });
    const attempt = await loadSampleEvent<SQSEvent>('sqs/webhook-delivery', { tenantId, webhookId: webhook.webhookId, deliveryId });
    expect(await run<SQSBatchResponse>('webhook-delivery', attempt)).toEqual({ batchItemFailures: [] });
    expect(receiver.hits.filter((h) => h.headers['webhook-id'] === 'msg_sample_delivery')).toHaveLength(1);
    expect(await webhookStore.getDelivery(tenantId, webhook.webhookId, deliveryId)).toMatchObject({ status: 'delivered', autoAttempts: 1 });
  });
});

describe('events/sqs: progress', () => {
  it('progress-fanout posts a queued job.status to the job\'s WebSocket subscribers', async () => {
    const client = await openSocket(stack.wsUrl, apiKey);
    try {
      client.send({ action: 'subscribe', jobId: pipelineJobId, requestId: 'fanout' });
      await client.waitFor((m) => m.type === 'subscribed' && m.requestId === 'fanout');
      const tick = await loadSampleEvent<SQSEvent>('sqs/progress-fanout', { tenantId, jobId: pipelineJobId });
      expect(await run<SQSBatchResponse>('progress-fanout', tick)).toEqual({ batchItemFailures: [] });
      // the sample's own timestamp: this message is the sample's, not the job's real status
      expect(await client.waitFor((m) => m.type === 'job.status' && m.at === '2026-12-06T08:36:48.931Z')).toMatchObject({ jobId: pipelineJobId, status: 'succeeded' });
    } finally {
      client.close();
    }
  });
});

describe('events/', () => {
  it('has a sample for every handler', async () => {
    const names = await listSampleEvents();
    const { PIPELINE_FUNCTIONS, QUEUE_CONSUMERS, OBJECT_CREATED_CONSUMERS } = await import('../../functions/shared/routes.ts');
    const expected = [
      ...new Set(HTTP_ROUTES.map((r) => `http/${r.fn}`)),
      ...QUEUE_CONSUMERS.map((c) => `sqs/${c.fn}`),
      ...OBJECT_CREATED_CONSUMERS.map(() => 'eventbridge/s3-object-created'),
      'eventbridge/execution-status-change',
      'websocket/authorize',
      'websocket/connect',
      'websocket/subscribe',
      'websocket/disconnect',
      ...Object.values(PIPELINE_FUNCTIONS)
        .filter((fn) => fn !== 'job-status' && fn !== 'enrich')
        .map((fn) => `stepfunctions/${fn}`),
      'stepfunctions/enrich-chunk',
      'stepfunctions/mark-needs-mapping',
      'stepfunctions/mark-failed',
    ];
    expect(names).toEqual([...new Set(expected)].sort());
  });
});
