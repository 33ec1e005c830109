import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { GetQueueAttributesCommand, GetQueueUrlCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { allPages, startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import { ApiError, type ApiClient } from '../../local/cli/api-client.ts';
import { main } from '../../local/cli/main.ts';
import { MAX_ATTEMPTS } from '../../functions/core/webhooks/backoff.ts';
import { jobEventId } from '../../functions/core/webhooks/job-event-claims.ts';
import { jobStore } from '../../functions/adapters/job-store.ts';
import { emitJobEvent } from '../../functions/adapters/event-queue.ts';
import type { JobRecord } from '../../functions/core/jobs/job.ts';

/*
 * Webhooks end to end on the real local stack: job-events and webhook-delivery fed by the
 * fauxqs pollers, a receiver on 127.0.0.1 that checks every request with the
 * `standardwebhooks` library. The backoff schedule is shrunk 50,000x (5 s -> 0.1 ms,
 * 24 h -> 1.7 s) and queue hops capped at 1 s, so eight attempts, long waits carried as
 * several re-queued hops, and the DLQ all happen in seconds.
 */
const RETRY_SCALE = '0.00002';

interface Hit {
  headers: Record<string, string>;
  body: string;
  at: number;
}
interface Step {
  status: number;
  headers?: Record<string, string>;
}

/** A programmable receiver: each path answers its script in order (the last step repeats). */
async function startReceiver() {
  const hits = new Map<string, Hit[]>();
  const scripts = new Map<string, Step[]>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const path = req.url ?? '/';
      const list = hits.get(path) ?? [];
      list.push({ headers: req.headers as Record<string, string>, body, at: Date.now() });
      hits.set(path, list);
      const script = scripts.get(path) ?? [{ status: 200 }];
      const step = script[Math.min(list.length, script.length) - 1]!;
      res.writeHead(step.status, step.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    /** a fresh path with its script */
    endpoint(script: Step[] = [{ status: 200 }]) {
      const path = `/hook/${randomUUID()}`;
      scripts.set(path, script);
      return { url: `http://127.0.0.1:${port}${path}`, hits: () => hits.get(path) ?? [] };
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

/** What a subscriber's handler does: verify with the library; it throws on any mismatch. */
function verify(hit: Hit, secret: string) {
  const { 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': sig } = hit.headers;
  return new Webhook(secret).verify(hit.body, { 'webhook-id': id ?? '', 'webhook-timestamp': ts ?? '', 'webhook-signature': sig ?? '' }) as {
    id: string;
    type: string;
    timestamp?: string;
    createdAt?: string;
    tenantId: string;
    data: Record<string, unknown>;
  };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface ApiWebhook {
  webhookId: string;
  url: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  previousSecretExpiresAt: string | null;
  secret?: string;
}
interface ApiDelivery {
  deliveryId: string;
  eventId: string;
  eventType: string;
  messageId: string;
  status: string;
  failureReason: string | null;
  attempts: { attempt: number; trigger: string; autoAttempt: number | null; statusCode: number | null; latencyMs: number; error: string | null }[];
}

let stack: TestStack;
let rx: Awaited<ReturnType<typeof startReceiver>>;
let sqs: SQSClient;
let documents: DynamoDBDocumentClient;

beforeAll(async () => {
  // Read by webhook-delivery at load, which happens when the stack's pollers start.
  process.env.WEBHOOK_RETRY_SCALE = RETRY_SCALE;
  process.env.WEBHOOK_MAX_QUEUE_DELAY_SECONDS = '1';
  process.env.WEBHOOK_CIRCUIT_COOLDOWN_SECONDS = '1';
  stack = await startTestStack();
  rx = await startReceiver();
  sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
});
afterAll(async () => {
  sqs?.destroy();
  documents?.destroy();
  await rx?.close();
  await stack?.stop();
  delete process.env.WEBHOOK_RETRY_SCALE;
  delete process.env.WEBHOOK_MAX_QUEUE_DELAY_SECONDS;
  delete process.env.WEBHOOK_CIRCUIT_COOLDOWN_SECONDS;
});

/** The endpoint's item as the table holds it, secrets included. */
async function storedEndpoint(tenantId: string, webhookId: string) {
  const { Item } = await documents.send(new GetCommand({ TableName: process.env.WEBHOOKS_TABLE, Key: { tenantId, sk: `WH#${webhookId}` }, ConsistentRead: true }));
  return Item as Record<string, string>;
}

const createWebhook = (api: ApiClient, url: string, events?: string[]) => api.post<ApiWebhook>('/v1/webhooks', { url, events });
const deliveries = async (api: ApiClient, webhookId: string) => (await api.get<{ items: ApiDelivery[]; nextCursor: string | null }>(`/v1/webhooks/${webhookId}/deliveries`)).items;

/** A job of the tenant's own that ended in `status` (written to the job store directly, without running a file). */
async function finishedJob(tenantId: string, status: 'succeeded' | 'failed' | 'needs_mapping'): Promise<JobRecord> {
  const at = new Date().toISOString();
  const jobId = `job_${randomUUID()}`;
  await jobStore.create({
    tenantId,
    jobId,
    status: 'running',
    attempt: 1,
    schema: 'call_record',
    options: {},
    source: { bucket: 'afp-local-uploads', key: `uploads/${tenantId}/${jobId}`, filename: 'calls.csv', size: 100 },
    progress: { rowsRead: 0, rowsWritten: 0, rowsRejected: 0, rowsSkipped: 0, bytesRead: 0 },
    stages: {},
    createdAt: at,
    updatedAt: at,
  });
  const { job } =
    status === 'failed'
      ? await jobStore.finish(tenantId, jobId, 1, { status, error: { type: 'NoDataRowsError', message: 'No data rows after the header' } })
      : status === 'needs_mapping'
      ? await jobStore.finish(tenantId, jobId, 1, { status, mapping: { status, schema: 'call_record', fields: [], confidence: 0.2, missingRequired: ['started_at'] } })
      : await jobStore.finish(tenantId, jobId, 1, { status, output: { bucket: 'afp-local-uploads', recordsKeys: [], errorsKeys: [], manifestKey: 'm' }, counts: { rowsRead: 1, rowsWritten: 1, rowsRejected: 0 } });
  return job!;
}

/** A job that ended in `status`, and its completion event queued the way the pipeline queues it. */
async function emitEvent(tenantId: string, status: 'succeeded' | 'failed' = 'succeeded') {
  const job = await finishedJob(tenantId, status);
  await emitJobEvent(`job.${status}`, job);
  return { job, id: jobEventId(job.jobId, job.attempt, `job.${status}`) };
}

describe('a job completion reaches its subscribers', () => {
  it('delivers job.succeeded signed, only to the tenant’s subscribed endpoints; replay resends the same webhook-id', async () => {
    const a = await stack.tenant();
    const b = await stack.tenant();
    const onSuccess = rx.endpoint();
    const onFailure = rx.endpoint();
    const otherTenant = rx.endpoint();
    const hook = await createWebhook(a.api, onSuccess.url, ['job.succeeded']);
    await createWebhook(a.api, onFailure.url, ['job.failed']);
    await createWebhook(b.api, otherTenant.url);
    expect(hook.secret).toMatch(/^whsec_/);

    const { jobId } = await uploadFile(a.api, join(import.meta.dirname, '../fixtures/call-logs/generic-export.csv'), { schema: 'call_record' });
    expect((await waitForJob(a.api, jobId)).status).toBe('succeeded');
    const [hit] = await until('the job.succeeded delivery', () => (onSuccess.hits().length ? onSuccess.hits() : undefined));
    const event = verify(hit!, hook.secret!);
    expect(event).toMatchObject({ type: 'job.succeeded', tenantId: a.tenantId, data: { jobId, status: 'succeeded', progress: { rowsWritten: 50 } } });
    // Standard Webhooks' { type, timestamp, data }, beside the fields receivers already read
    expect(Date.parse(event.timestamp ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(event.createdAt).toBe(event.timestamp);
    expect(hit!.headers['webhook-id']).toMatch(/^msg_/);

    const [logged] = await until('the delivery log', async () => {
      const items = await deliveries(a.api, hook.webhookId);
      return items[0]?.status === 'delivered' ? items : undefined;
    });
    expect(logged).toMatchObject({ eventType: 'job.succeeded', eventId: event.id, messageId: hit!.headers['webhook-id'], status: 'delivered' });
    expect(logged!.attempts).toEqual([expect.objectContaining({ attempt: 1, trigger: 'auto', autoAttempt: 1, statusCode: 200, error: null })]);
    expect(logged!.attempts[0]!.latencyMs).toBeGreaterThanOrEqual(0);

    // Replay: a new attempt, same webhook-id, fresh signature.
    const replay = await a.api.post<{ success: boolean; statusCode: number; delivery: ApiDelivery }>(`/v1/webhooks/${hook.webhookId}/deliveries/${logged!.deliveryId}/replay`);
    expect(replay).toMatchObject({ success: true, statusCode: 200 });
    expect(replay.delivery.attempts.map((x) => x.trigger)).toEqual(['auto', 'replay']);
    expect(onSuccess.hits()).toHaveLength(2);
    expect(onSuccess.hits()[1]!.headers['webhook-id']).toBe(hit!.headers['webhook-id']);
    expect(verify(onSuccess.hits()[1]!, hook.secret!).id).toBe(event.id);

    // Nothing for the job.failed-only endpoint, nothing for the other tenant.
    await new Promise((r) => setTimeout(r, 300));
    expect(onFailure.hits()).toHaveLength(0);
    expect(otherTenant.hits()).toHaveLength(0);
  });

  it('keeps another tenant out: its webhook ids answer 404 to read, change, test and replay', async () => {
    const a = await stack.tenant();
    const b = await stack.tenant();
    const target = rx.endpoint();
    const hook = await createWebhook(a.api, target.url);
    const test = await a.api.post<{ delivery: ApiDelivery }>(`/v1/webhooks/${hook.webhookId}/test`);
    const base = `/v1/webhooks/${hook.webhookId}`;
    const attempts: [string, string][] = [
      ['GET', base],
      ['PATCH', base],
      ['DELETE', base],
      ['POST', `${base}/test`],
      ['POST', `${base}/rotate-secret`],
      ['GET', `${base}/deliveries`],
      ['POST', `${base}/deliveries/${test.delivery.deliveryId}/replay`],
    ];
    for (const [method, path] of attempts) {
      const err = await b.api.request(method, path, method === 'PATCH' ? { enabled: false } : method === 'POST' ? {} : undefined).catch((e: unknown) => e);
      expect(err, `${method} ${path}`).toBeInstanceOf(ApiError);
      expect((err as ApiError).status, `${method} ${path}`).toBe(404);
    }
    expect((await b.api.get<{ items: ApiWebhook[] }>('/v1/webhooks')).items).toEqual([]);
    expect(target.hits()).toHaveLength(1); // only a's own test ping
    expect((await a.api.get<ApiWebhook>(base)).enabled).toBe(true);
  });

  it('pages endpoints and deliveries with the cursor it returns, and refuses that cursor elsewhere', async () => {
    const a = await stack.tenant();
    const b = await stack.tenant();
    const hooks = [];
    for (let i = 0; i < 3; i++) hooks.push(await createWebhook(a.api, rx.endpoint().url));
    const listed = await allPages<ApiWebhook>(a.api, '/v1/webhooks?limit=1');
    expect(listed.map((h) => h.webhookId).sort()).toEqual(hooks.map((h) => h.webhookId).sort());

    const hook = hooks[0]!;
    const pings = [];
    for (let i = 0; i < 3; i++) pings.push((await a.api.post<{ delivery: ApiDelivery }>(`/v1/webhooks/${hook.webhookId}/test`)).delivery.deliveryId);
    const sent = await allPages<ApiDelivery>(a.api, `/v1/webhooks/${hook.webhookId}/deliveries?limit=1`);
    expect(sent.map((d) => d.deliveryId)).toEqual([...pings].reverse()); // newest first, each once

    // a cursor works only for the list and tenant it came from
    const page = await a.api.get<{ nextCursor: string | null }>('/v1/webhooks?limit=1');
    expect(page.nextCursor).toBeTruthy();
    const refused = [
      [b.api, `/v1/webhooks?limit=1&cursor=${page.nextCursor}`],
      [a.api, `/v1/webhooks/${hook.webhookId}/deliveries?limit=1&cursor=${page.nextCursor}`],
      [a.api, `/v1/jobs?limit=1&cursor=${page.nextCursor}`],
    ] as const;
    for (const [api, path] of refused) {
      const err = await api.get(path).catch((e: unknown) => e);
      expect(err, path).toBeInstanceOf(ApiError);
      expect((err as ApiError).status, path).toBe(400);
    }
  });
});

describe('retries', () => {
  it('500, 500, then 200: the event arrives exactly once more after the failures, with the same webhook-id', async () => {
    const { api, tenantId } = await stack.tenant();
    const flaky = rx.endpoint([{ status: 500 }, { status: 500 }, { status: 200 }]);
    const hook = await createWebhook(api, flaky.url);
    const event = await emitEvent(tenantId);
    const [delivery] = await until('delivered after retries', async () => {
      const items = await deliveries(api, hook.webhookId);
      return items[0]?.status === 'delivered' ? items : undefined;
    });
    // The same event again (the events queue is at-least-once) must not make a second delivery.
    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.EVENTS_QUEUE_URL, MessageBody: flaky.hits()[0]!.body }));
    await new Promise((r) => setTimeout(r, 1000));

    const hits = flaky.hits();
    expect(hits).toHaveLength(3);
    expect(new Set(hits.map((h) => h.headers['webhook-id'])).size).toBe(1);
    for (const h of hits) expect(verify(h, hook.secret!).id).toBe(event.id);
    expect(delivery!.attempts.map((x) => [x.autoAttempt, x.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
    expect(delivery!.attempts[0]!.error).toBe('HTTP 500');
    expect(await deliveries(api, hook.webhookId)).toHaveLength(1);
  });

  it('honours Retry-After on a 429', async () => {
    const { api, tenantId } = await stack.tenant();
    const busy = rx.endpoint([{ status: 429, headers: { 'retry-after': '1' } }, { status: 200 }]);
    const hook = await createWebhook(api, busy.url);
    await emitEvent(tenantId);
    await until('the second attempt', () => (busy.hits().length >= 2 ? true : undefined));
    const [first, second] = busy.hits();
    // The scaled schedule alone would retry after 0.1 ms.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    await until('delivered', async () => ((await deliveries(api, hook.webhookId))[0]?.status === 'delivered' ? true : undefined));
  });

  it('opens the endpoint\'s circuit after 5 failures in a row: deliveries wait and none is lost; after the cooldown one probe closes it', async () => {
    const { api, tenantId } = await stack.tenant();
    const down = rx.endpoint([{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 200 }]);
    const hook = await createWebhook(api, down.url);
    const circuit = async () => (await api.get<{ circuit: { state: string; consecutiveFailures: number; openUntil: string | null } }>(`/v1/webhooks/${hook.webhookId}`)).circuit;
    await emitEvent(tenantId);
    await until('the circuit to open', async () => ((await circuit()).state === 'open' ? true : undefined));
    expect(down.hits()).toHaveLength(5);
    const metrics = await api.get<{ webhookCircuits: unknown[] }>('/v1/metrics');
    expect(metrics.webhookCircuits).toEqual([expect.objectContaining({ webhookId: hook.webhookId, state: 'open', consecutiveFailures: 5 })]);
    // another event while it is open: nothing is sent (the scaled retry schedule alone would have sent at once)
    await emitEvent(tenantId);
    await new Promise((r) => setTimeout(r, 400));
    expect(down.hits()).toHaveLength(5);
    const both = await until('both deliveries delivered', async () => {
      const items = await deliveries(api, hook.webhookId);
      return items.length === 2 && items.every((d) => d.status === 'delivered') ? items : undefined;
    });
    // one probe (the 6th request) and then the delivery that waited: nothing sent twice, nothing lost
    expect(down.hits()).toHaveLength(7);
    expect(both.map((d) => d.attempts.length).sort()).toEqual([1, 6]);
    expect(await circuit()).toEqual({ state: 'closed', consecutiveFailures: 0, openUntil: null });
    expect((await api.get<{ webhookCircuits: unknown[] }>('/v1/metrics')).webhookCircuits).toEqual([]);
  });

  it('gives up after the last attempt: the delivery is failed and its message is in the DLQ', async () => {
    const { api, tenantId } = await stack.tenant();
    const down = rx.endpoint([{ status: 503 }]);
    const hook = await createWebhook(api, down.url, ['job.failed']);
    const event = await emitEvent(tenantId, 'failed');
    const [delivery] = await until(
      'the delivery to fail',
      async () => {
        const items = await deliveries(api, hook.webhookId);
        return items[0]?.status === 'failed' ? items : undefined;
      },
      25_000,
    );
    expect(delivery).toMatchObject({ failureReason: 'exhausted', eventId: event.id });
    expect(delivery!.attempts.map((x) => x.autoAttempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(down.hits()).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(down.hits().map((h) => h.headers['webhook-id'])).size).toBe(1);
    // The last waits (up to 1.7 s, scaled) travelled as several 1 s queue hops; the gap shows they were kept.
    const gaps = down.hits().map((h, i, all) => (i ? h.at - all[i - 1]!.at : 0));
    expect(gaps[7]).toBeGreaterThanOrEqual(1600);

    const { QueueUrl: dlqUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'afp-local-webhooks-dlq' }));
    const inDlq = await until(
      'the exhausted message in the DLQ',
      async () => {
        const res = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
        const bodies = (res.Messages ?? []).map((m) => JSON.parse(m.Body ?? '{}') as { deliveryId?: string; exhausted?: { reason: string } });
        return bodies.find((b) => b.deliveryId === delivery!.deliveryId);
      },
      15_000,
    );
    expect(inDlq).toMatchObject({ tenantId, webhookId: hook.webhookId, attempt: MAX_ATTEMPTS, exhausted: { lastError: 'HTTP 503' } });
  });

  it('410 Gone disables the endpoint and nothing more is sent to it', async () => {
    const { api, tenantId } = await stack.tenant();
    const gone = rx.endpoint([{ status: 410 }]);
    const hook = await createWebhook(api, gone.url);
    await emitEvent(tenantId);
    const disabled = await until('the endpoint to be disabled', async () => {
      const w = await api.get<ApiWebhook>(`/v1/webhooks/${hook.webhookId}`);
      return w.enabled ? undefined : w;
    });
    expect(disabled.disabledReason).toMatch(/410/);
    const [delivery] = await deliveries(api, hook.webhookId);
    expect(delivery).toMatchObject({ status: 'failed', failureReason: 'endpoint_gone' });
    expect(delivery!.attempts).toHaveLength(1);

    await emitEvent(tenantId);
    await new Promise((r) => setTimeout(r, 800));
    expect(gone.hits()).toHaveLength(1);
    expect(await deliveries(api, hook.webhookId)).toHaveLength(1);
  });
});

/** Until every message on the events queue has been taken and deleted: handled, none left failing toward a retry. */
async function eventsQueueDrained() {
  await until('the events queue to be empty, nothing in flight', async () => {
    const { Attributes: a } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: process.env.EVENTS_QUEUE_URL, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
    );
    return a?.ApproximateNumberOfMessages === '0' && a.ApproximateNumberOfMessagesNotVisible === '0' ? true : undefined;
  }, 10_000);
}

describe('events the job store does not bear out', () => {
  it('a forged event (no such job; wrong status, attempt, tenant or id) is dropped: nothing is signed or sent, nothing is retried', async () => {
    const a = await stack.tenant();
    const b = await stack.tenant();
    const toA = rx.endpoint();
    const toB = rx.endpoint();
    await createWebhook(a.api, toA.url);
    await createWebhook(b.api, toB.url);
    const real = await finishedJob(a.tenantId, 'succeeded');
    const forge = (tenantId: string, type: string, jobId: string, attempt: number, id = jobEventId(jobId, attempt, type as 'job.succeeded')) => ({
      id,
      type,
      tenantId,
      createdAt: new Date().toISOString(),
      data: { jobId, attempt, status: type.split('.')[1] },
    });
    const forged = [
      forge(a.tenantId, 'job.succeeded', `job_${randomUUID()}`, 1), // no such job
      forge(a.tenantId, 'job.failed', real.jobId, 1), // the job succeeded
      forge(a.tenantId, 'job.succeeded', real.jobId, 2), // it has no attempt 2
      forge(b.tenantId, 'job.succeeded', real.jobId, 1), // another tenant's job
      forge(a.tenantId, 'job.succeeded', real.jobId, 1, `evt_${randomUUID()}`), // true, but under an id of its own: a second delivery
    ];
    for (const event of forged) await sqs.send(new SendMessageCommand({ QueueUrl: process.env.EVENTS_QUEUE_URL, MessageBody: JSON.stringify(event) }));
    await eventsQueueDrained();
    await new Promise((r) => setTimeout(r, 300)); // a delivery queued by fan-out would reach the receiver by now
    expect(toA.hits()).toHaveLength(0);
    expect(toB.hits()).toHaveLength(0);
    for (const tenant of [a, b]) {
      const [hook] = (await tenant.api.get<{ items: ApiWebhook[] }>('/v1/webhooks')).items;
      expect(await deliveries(tenant.api, hook!.webhookId)).toEqual([]);
    }
    // nothing went to the DLQ either: dropped on first sight
    const { QueueUrl: dlqUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'afp-local-events-dlq' }));
    const { Attributes: dlq } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
    expect(dlq?.ApproximateNumberOfMessages).toBe('0');
  });

  it('an event of an attempt the job has since moved on from is still delivered (retried after failing, cancelled while waiting for a mapping)', async () => {
    const { api, tenantId } = await stack.tenant();
    const target = rx.endpoint();
    const hook = await createWebhook(api, target.url, ['job.failed', 'job.needs_mapping']);
    // A client acts on the WebSocket's job.status before fan-out has read the job.
    const failed = await finishedJob(tenantId, 'failed');
    expect(await jobStore.beginAttempt(failed, ['failed'], undefined)).toMatchObject({ attempt: 2, status: 'queued' });
    await emitJobEvent('job.failed', failed);
    const waiting = await finishedJob(tenantId, 'needs_mapping');
    expect(await jobStore.cancel(waiting)).toMatchObject({ attempt: 1, status: 'cancelled' });
    await emitJobEvent('job.needs_mapping', waiting);

    const hits = await until('both deliveries', () => (target.hits().length >= 2 ? target.hits() : undefined));
    const events = hits.map((h) => verify(h, hook.secret!));
    expect(events.map((e) => e.id).sort()).toEqual([jobEventId(failed.jobId, 1, 'job.failed'), jobEventId(waiting.jobId, 1, 'job.needs_mapping')].sort());
  });
});

describe('secrets, test pings and URL policy', () => {
  it('rotate-secret: both the old and the new secret verify during the overlap', async () => {
    const { api } = await stack.tenant();
    const target = rx.endpoint();
    const hook = await createWebhook(api, target.url);
    const rotated = await api.post<ApiWebhook>(`/v1/webhooks/${hook.webhookId}/rotate-secret`);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(hook.secret);
    expect(Date.parse(rotated.previousSecretExpiresAt!) - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const fetched = await api.get<ApiWebhook>(`/v1/webhooks/${hook.webhookId}`);
    expect(JSON.stringify(fetched)).not.toContain('whsec_');

    const test = await api.post<{ success: boolean; statusCode: number; latencyMs: number; delivery: ApiDelivery }>(`/v1/webhooks/${hook.webhookId}/test`);
    expect(test).toMatchObject({ success: true, statusCode: 200, delivery: { eventType: 'webhook.test', status: 'delivered' } });
    const [hit] = target.hits();
    expect(hit!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(verify(hit!, hook.secret!)).toMatchObject({ type: 'webhook.test', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(verify(hit!, rotated.secret!).type).toBe('webhook.test');
    expect(() => verify(hit!, 'whsec_' + Buffer.alloc(32, 7).toString('base64'))).toThrow();
  });

  it('stores secrets sealed (KMS, through the local KMS endpoint): the table holds no whsec_ value, before or after a rotation', async () => {
    const { api, tenantId } = await stack.tenant();
    const target = rx.endpoint();
    const hook = await createWebhook(api, target.url);
    const item = await storedEndpoint(tenantId, hook.webhookId);
    expect(item.secret).toMatch(/^kms:v1:[A-Za-z0-9+/]+=*$/);
    expect(JSON.stringify(item)).not.toContain('whsec_');
    expect(JSON.stringify(item)).not.toContain(hook.secret!.slice('whsec_'.length));
    const rotated = await api.post<ApiWebhook>(`/v1/webhooks/${hook.webhookId}/rotate-secret`);
    const after = await storedEndpoint(tenantId, hook.webhookId);
    expect(after.previousSecret).toBe(item.secret);
    expect(after.secret).toMatch(/^kms:v1:/);
    expect(JSON.stringify(after)).not.toContain('whsec_');
    // the sealed values open where signing needs them: both secrets verify
    await api.post(`/v1/webhooks/${hook.webhookId}/test`);
    expect(verify(target.hits()[0]!, hook.secret!).type).toBe('webhook.test');
    expect(verify(target.hits()[0]!, rotated.secret!).type).toBe('webhook.test');
  });

  it('keeps a secret stored in plaintext before sealing signing, and seals it in place at first use', async () => {
    const { api, tenantId } = await stack.tenant();
    const target = rx.endpoint();
    const hook = await createWebhook(api, target.url);
    const legacy = { secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`, previousSecret: `whsec_${Buffer.alloc(32, 2).toString('base64')}` };
    await documents.send(
      new UpdateCommand({
        TableName: process.env.WEBHOOKS_TABLE,
        Key: { tenantId, sk: `WH#${hook.webhookId}` },
        UpdateExpression: 'SET secret = :s, previousSecret = :p, previousSecretExpiresAt = :e',
        ExpressionAttributeValues: { ':s': legacy.secret, ':p': legacy.previousSecret, ':e': new Date(Date.now() + 3600_000).toISOString() },
      }),
    );
    const test = await api.post<{ success: boolean }>(`/v1/webhooks/${hook.webhookId}/test`);
    expect(test.success).toBe(true);
    expect(verify(target.hits()[0]!, legacy.secret).type).toBe('webhook.test');
    expect(verify(target.hits()[0]!, legacy.previousSecret).type).toBe('webhook.test');
    const sealed = await storedEndpoint(tenantId, hook.webhookId);
    expect([sealed.secret, sealed.previousSecret]).toEqual([expect.stringMatching(/^kms:v1:/), expect.stringMatching(/^kms:v1:/)]);
    // and signs the same after sealing
    await api.post(`/v1/webhooks/${hook.webhookId}/test`);
    expect(verify(target.hits()[1]!, legacy.secret).type).toBe('webhook.test');
    expect(verify(target.hits()[1]!, legacy.previousSecret).type).toBe('webhook.test');
  });

  it('test reports a failing endpoint in its answer', async () => {
    const { api } = await stack.tenant();
    const hook = await createWebhook(api, rx.endpoint([{ status: 500 }]).url);
    const test = await api.post<{ success: boolean; statusCode: number; error: string; delivery: ApiDelivery }>(`/v1/webhooks/${hook.webhookId}/test`);
    expect(test).toMatchObject({ success: false, statusCode: 500, error: 'HTTP 500', delivery: { status: 'failed' } });
  });

  it('refuses private, metadata and non-https URLs even where loopback is allowed', async () => {
    const { api } = await stack.tenant();
    for (const url of ['https://169.254.169.254/latest/meta-data/', 'http://10.0.0.8/hook', 'https://192.168.0.10/hook', 'http://example.com/hook', 'https://[fd00::1]/x']) {
      const err = await createWebhook(api, url).catch((e: unknown) => e);
      expect(err, url).toMatchObject({ status: 400, details: [{ field: 'url' }] });
    }
    const hook = await createWebhook(api, rx.endpoint().url);
    const err = await api.request('PATCH', `/v1/webhooks/${hook.webhookId}`, { url: 'https://100.64.1.1/x' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, details: [{ field: 'url' }] });
  });

  it('PATCH changes the filter and re-enables; DELETE removes', async () => {
    const { api } = await stack.tenant();
    const hook = await createWebhook(api, rx.endpoint().url);
    const patched = await api.request<ApiWebhook>('PATCH', `/v1/webhooks/${hook.webhookId}`, { events: ['job.failed', 'job.failed'], enabled: false });
    expect(patched).toMatchObject({ events: ['job.failed'], enabled: false });
    await api.delete(`/v1/webhooks/${hook.webhookId}`);
    await expect(api.get(`/v1/webhooks/${hook.webhookId}`)).rejects.toMatchObject({ status: 404 });
  });
});

describe('CLI webhooks', () => {
  it('create, list, test and deliveries against the running stack', async () => {
    const { apiKey } = await stack.tenant();
    const target = rx.endpoint();
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    const cli = async (...args: string[]) => {
      out.length = 0;
      const code = await main([...args, '--endpoint', stack.httpUrl, '--api-key', apiKey]);
      return { code, text: out.join('') };
    };
    try {
      const created = await cli('webhooks', 'create', target.url, '--events', 'job.succeeded,job.failed', '--json');
      expect(created.code).toBe(0);
      const hook = JSON.parse(created.text) as ApiWebhook;
      expect(hook).toMatchObject({ url: target.url, events: ['job.succeeded', 'job.failed'] });
      expect(hook.secret).toMatch(/^whsec_/);

      const listed = await cli('webhooks', 'list');
      expect(listed.text).toContain(hook.webhookId);
      expect(listed.text).not.toContain('whsec_');

      const tested = await cli('webhooks', 'test', hook.webhookId);
      expect(tested).toMatchObject({ code: 0, text: expect.stringMatching(/^delivered: HTTP 200/) });

      const log = await cli('webhooks', 'deliveries', hook.webhookId, '--json');
      expect((JSON.parse(log.text) as { items: ApiDelivery[] }).items[0]).toMatchObject({ eventType: 'webhook.test', status: 'delivered' });
    } finally {
      spy.mockRestore();
    }
    expect(target.hits()).toHaveLength(1);
  });
});
