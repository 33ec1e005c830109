import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ChangeMessageVisibilityCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { vi } from 'vitest';
import { MAX_ATTEMPTS } from '../../functions/core/webhooks/backoff.ts';
import { captureEmf, withMetric } from '../helpers/emf.ts';

/*
 * The queue mechanics of webhook-delivery with DynamoDB and SQS mocked: hops for waits longer
 * than SQS allows, the deliberate path to the DLQ, and the claim that stops duplicates.
 * (The HTTP side and real queues are covered by test/integration/webhooks.test.ts.)
 */
const ddb = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

beforeAll(async () => {
  Object.assign(process.env, { POWERTOOLS_LOG_LEVEL: 'SILENT', WEBHOOKS_TABLE: 'webhooks', WEBHOOKS_QUEUE_URL: 'http://sqs.local/000000000000/webhooks', AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' });
  for (const name of ['ALLOW_LOOPBACK_WEBHOOKS', 'WEBHOOK_RETRY_SCALE', 'WEBHOOK_MAX_QUEUE_DELAY_SECONDS']) delete process.env[name];
  handler = (await import('../../functions/webhook-delivery/handler.ts')).handler;
});

beforeEach(() => {
  ddb.reset();
  sqs.reset();
  sqs.on(SendMessageCommand).resolves({});
  sqs.on(ChangeMessageVisibilityCommand).resolves({});
});

const base = { v: 1, tenantId: 't1', webhookId: 'wh_1', deliveryId: 'dlv_1', attempt: 2 };
const record = (body: unknown, id = 'm1'): SQSRecord =>
  ({ messageId: id, receiptHandle: `rh-${id}`, body: typeof body === 'string' ? body : JSON.stringify(body), attributes: {}, messageAttributes: {} }) as unknown as SQSRecord;
const run = (...records: SQSRecord[]) => handler({ Records: records }, {} as Context);

const endpoint = { tenantId: 't1', sk: 'WH#wh_1', webhookId: 'wh_1', url: 'https://hooks.example.net/in', events: ['job.succeeded'], enabled: true, secret: 'whsec_AAAA' };
const delivery = { tenantId: 't1', sk: 'DLV#wh_1#dlv_1', deliveryId: 'dlv_1', webhookId: 'wh_1', messageId: 'msg_1', payload: '{}', status: 'retrying', autoAttempts: 1, attempts: [] };

describe('webhook-delivery handler', () => {
  it('puts a message that is not due yet back with the longest SQS delay, without touching the endpoint', async () => {
    const msg = { ...base, notBefore: Date.now() + 5 * 3600_000 };
    const res = await run(record(msg));
    expect(res.batchItemFailures).toEqual([]);
    const sent = sqs.commandCalls(SendMessageCommand)[0]?.args[0].input;
    expect(sent?.DelaySeconds).toBe(900);
    expect(JSON.parse(sent?.MessageBody ?? '{}')).toEqual(msg);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('fails an exhausted message on purpose and makes it visible at once, so the redrive policy moves it to the DLQ', async () => {
    const res = await run(record({ ...base, notBefore: 0, exhausted: { reason: 'every automatic attempt failed' } }));
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
    expect(sqs.commandCalls(ChangeMessageVisibilityCommand)[0]?.args[0].input).toMatchObject({ ReceiptHandle: 'rh-m1', VisibilityTimeout: 0 });
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('sends an unreadable message the same way, and still handles the rest of the batch', async () => {
    const res = await run(record('not json', 'bad'), record({ ...base, notBefore: Date.now() + 60_000 }, 'good'));
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(1);
  });

  it('drops a duplicate: when the attempt is already claimed nothing is sent or queued', async () => {
    ddb.on(GetCommand, { Key: { tenantId: 't1', sk: 'WH#wh_1' } }).resolves({ Item: endpoint });
    ddb.on(GetCommand, { Key: { tenantId: 't1', sk: 'DLV#wh_1#dlv_1' } }).resolves({ Item: delivery });
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'claimed', $metadata: {} }));
    const res = await run(record({ ...base, notBefore: 0 }));
    expect(res.batchItemFailures).toEqual([]);
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(1);
    expect(ddb.commandCalls(UpdateCommand)[0]?.args[0].input.ConditionExpression).toMatch(/autoAttempts = :prev/);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('closes the delivery when its endpoint was disabled meanwhile', async () => {
    ddb.on(GetCommand, { Key: { tenantId: 't1', sk: 'WH#wh_1' } }).resolves({ Item: { ...endpoint, enabled: false } });
    ddb.on(UpdateCommand).resolves({});
    const res = await run(record({ ...base, notBefore: 0 }));
    expect(res.batchItemFailures).toEqual([]);
    expect(ddb.commandCalls(UpdateCommand)[0]?.args[0].input.ExpressionAttributeValues).toMatchObject({ ':failed': 'failed', ':f': 'endpoint_disabled' });
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('records a failed attempt against a URL the policy refuses and schedules the next one', async () => {
    ddb.on(GetCommand, { Key: { tenantId: 't1', sk: 'WH#wh_1' } }).resolves({ Item: { ...endpoint, url: 'https://169.254.169.254/latest/meta-data/' } });
    ddb.on(GetCommand, { Key: { tenantId: 't1', sk: 'DLV#wh_1#dlv_1' } }).resolves({ Item: delivery });
    ddb.on(UpdateCommand).resolves({ Attributes: { ...delivery, status: 'retrying' } });
    const before = Date.now();
    const res = await run(record({ ...base, notBefore: 0 }));
    expect(res.batchItemFailures).toEqual([]);
    const next = JSON.parse(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.MessageBody ?? '{}') as { attempt: number; notBefore: number };
    expect(next.attempt).toBe(3);
    // after attempt 2 the schedule waits 5 minutes
    expect(next.notBefore - before).toBeGreaterThanOrEqual(300_000);
    // ...which fits one SQS delay (never past the due time; the last < 1 s is slept on arrival)
    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.DelaySeconds).toBeGreaterThanOrEqual(299);
    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.DelaySeconds).toBeLessThanOrEqual(300);
    // the attempt's record (the endpoint's circuit counts the failure in a write of its own)
    const recorded = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input.ExpressionAttributeValues as Record<string, unknown>).find((v) => v?.[':s'] !== undefined)!;
    expect(recorded[':s']).toBe('retrying');
    expect(recorded[':a']).toEqual([expect.objectContaining({ trigger: 'auto', autoAttempt: 2, error: expect.stringMatching(/refused by the URL policy/) })]);
  });

  it('counts each attempt by outcome, and a delivery that exhausted its attempts, with the ids as metadata', async () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    try {
      ddb.on(GetCommand, { Key: { tenantId: 't1', sk: 'WH#wh_1' } }).resolves({ Item: { ...endpoint, url: 'https://169.254.169.254/latest/meta-data/' } });
      ddb.on(GetCommand, { Key: { tenantId: 't1', sk: 'DLV#wh_1#dlv_1' } }).resolves({ Item: delivery });
      ddb.on(UpdateCommand).resolves({ Attributes: { ...delivery, status: 'failed' } });
      const docs = await captureEmf(() => run(record({ ...base, attempt: MAX_ATTEMPTS, notBefore: 0 })));
      expect(withMetric(docs, 'WebhookAttempts')).toEqual([expect.objectContaining({ WebhookAttempts: 1, outcome: 'failed', tenantId: 't1', webhookId: 'wh_1', trigger: 'auto' })]);
      expect(withMetric(docs, 'WebhookDeliveriesExhausted')).toEqual([expect.objectContaining({ WebhookDeliveriesExhausted: 1, deliveryId: 'dlv_1' })]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('fails only the record whose processing threw something that is not an Error; the batch\'s others stand', async () => {
    ddb.on(GetCommand, { Key: { tenantId: 't1', sk: 'WH#wh_1' } }).callsFake(() => Promise.reject('a string, not an Error')); // a non-Error rejection is the point
    ddb.on(GetCommand, { Key: { tenantId: 't1', sk: 'WH#wh_2' } }).resolves({ Item: { ...endpoint, webhookId: 'wh_2', enabled: false } });
    ddb.on(UpdateCommand).resolves({});
    const res = await run(record({ ...base, notBefore: 0 }, 'thrown'), record({ ...base, webhookId: 'wh_2', notBefore: 0 }, 'fine'));
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: 'thrown' }]);
  });
});
