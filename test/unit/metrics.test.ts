import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { emitMetrics } from '../../functions/shared/metrics.ts';
import { observedHandler } from '../../functions/shared/observability.ts';
import { runStage } from '../../functions/shared/pipeline/stage.ts';
import { handler as jobStatus } from '../../functions/job-status/handler.ts';
import { AiCallError, callClaude } from '../../functions/adapters/ai-client.ts';
import { CorruptFileError } from '../../functions/core/errors.ts';
import { failUnstarted } from '../../functions/adapters/attempt-starter.ts';
import type { JobRecord } from '../../functions/core/jobs/job.ts';
import { startFakeAi, stopFakeAi } from '../helpers/fake-ai.ts';
import { jobItem } from '../helpers/job-item.ts';
import type { FakeAnthropic } from '../../local/fake-anthropic.ts';
import { captureEmf, captureStdout, parseEmfLines, withMetric, type EmfDocument } from '../helpers/emf.ts';

/*
 * The service's metrics as the edges emit them (issue 22): each test captures the EMF lines
 * Powertools writes and reads the names, values, dimensions and metadata back. test/setup.ts
 * turns Powertools Metrics off; these tests switch it on for themselves.
 */
const ddb = mockClient(DynamoDBDocumentClient);
const items = mockClient(DynamoDBClient);
const sqs = mockClient(SQSClient);

const directive = (doc: EmfDocument) => doc._aws.CloudWatchMetrics[0]!;

beforeEach(() => {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  process.env.JOBS_TABLE = 'jobs';
  process.env.EVENTS_QUEUE_URL = 'https://sqs.local/events';
  delete process.env.WS_MANAGEMENT_ENDPOINT;
  delete process.env.PROGRESS_QUEUE_URL;
  ddb.reset();
  items.reset();
  sqs.reset();
  sqs.on(SendMessageCommand).resolves({});
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('emitMetrics', () => {
  it('writes one EMF document in the AiFileParser namespace, with its dimensions and the ids as metadata', async () => {
    const [doc, ...rest] = await captureEmf(() => emitMetrics({ JobsFinished: 1 }, { outcome: 'failed' }, { tenantId: 't1', jobId: 'job_1', attempt: 2, none: undefined }));
    expect(rest).toEqual([]);
    expect(directive(doc!)).toEqual({ Namespace: 'AiFileParser', Dimensions: [['service', 'outcome']], Metrics: [{ Name: 'JobsFinished', Unit: 'Count' }] });
    expect(doc).toMatchObject({ JobsFinished: 1, outcome: 'failed', service: 'ai-file-parser', tenantId: 't1', jobId: 'job_1', attempt: '2' });
    expect(doc).not.toHaveProperty('none');
  });

  it('prints nothing where Powertools Metrics is off (npm test, the local stack without --verbose)', async () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    expect(await captureStdout(() => emitMetrics({ JobsFinished: 1 }))).toBe('');
  });
});

describe('observed() cold start', () => {
  it('counts the first invocation of a handler once, by function name, with its init time', async () => {
    const handler = observedHandler(async (n: number) => n * 2);
    const context = { functionName: 'afp-test-persist' } as Context;
    const docs = await captureEmf(async () => {
      await handler(1, context);
      await handler(2, context);
    });
    const cold = withMetric(docs, 'ColdStart');
    expect(cold).toHaveLength(1);
    expect(directive(cold[0]!).Dimensions).toEqual([['service', 'function_name']]);
    expect(cold[0]).toMatchObject({ ColdStart: 1, function_name: 'afp-test-persist', InitDuration: expect.any(Number) });
  });
});

const runningJob = (status = 'running') => jobItem(status, { stage: 'parse', stages: { parse: { startedAt: '2026-12-06T00:00:00Z' } } });

describe('runStage', () => {
  beforeEach(() => {
    // not the first to enter the stage (no status push): the second, unconditional write answers
    ddb.on(UpdateCommand).rejectsOnce(new ConditionalCheckFailedException({ message: 'entered', $metadata: {} })).resolves({ Attributes: runningJob() });
  });

  it('reports the stage invocation\'s duration by stage, with the job as metadata', async () => {
    const docs = await captureEmf(() => runStage({ tenantId: 't1', jobId: 'job_1', attempt: 1 }, 'parse', async () => new Promise((resolve) => setTimeout(resolve, 30))));
    const [doc, ...rest] = withMetric(docs, 'StageDuration');
    expect(rest).toEqual([]);
    expect(directive(doc!)).toMatchObject({ Dimensions: [['service', 'stage']], Metrics: [{ Name: 'StageDuration', Unit: 'Milliseconds' }] });
    expect(doc).toMatchObject({ stage: 'parse', tenantId: 't1', jobId: 'job_1', attempt: '1', ended: 'ok' });
    expect(doc!.StageDuration).toBeGreaterThanOrEqual(25);
  });

  it('reports it too when the stage fails, with the error\'s name', async () => {
    const docs = await captureEmf(() =>
      runStage({ tenantId: 't1', jobId: 'job_1', attempt: 1 }, 'parse', async () => {
        throw new CorruptFileError('bad bytes');
      }).catch(() => undefined),
    );
    expect(withMetric(docs, 'StageDuration')).toEqual([expect.objectContaining({ stage: 'parse', ended: 'CorruptFileError' })]);
  });
});

describe('job-status', () => {
  const markFailed = { outcome: 'failed' as const, tenantId: 't1', jobId: 'job_1', attempt: 1, error: { Error: 'CorruptFileError', Cause: 'bad bytes' } };
  const failedJob = { ...runningJob('failed'), error: { type: 'CorruptFileError', message: 'bad bytes', stage: 'parse' } };

  it('counts a failed job once: by the write that failed it, not by a retry after it', async () => {
    items.on(GetItemCommand).resolves({ Item: marshall(runningJob()) });
    ddb.on(UpdateCommand).resolves({ Attributes: failedJob });
    const first = await captureEmf(() => jobStatus(markFailed));
    expect(withMetric(first, 'JobsFinished')).toEqual([expect.objectContaining({ JobsFinished: 1, outcome: 'failed', tenantId: 't1', jobId: 'job_1', attempt: '1' })]);
    expect(directive(withMetric(first, 'JobsFinished')[0]!).Dimensions).toEqual([['service', 'outcome']]);

    items.on(GetItemCommand).resolves({ Item: marshall(failedJob) });
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    expect(withMetric(await captureEmf(() => jobStatus(markFailed)), 'JobsFinished')).toEqual([]);
  });

  it('counts a job parked for its mapping as needs_mapping', async () => {
    items.on(GetItemCommand).resolves({ Item: marshall(runningJob()) });
    ddb.on(UpdateCommand).resolves({ Attributes: { ...runningJob('needs_mapping'), mapping: { schema: 'call_record', status: 'needs_review', fields: [] } } });
    const docs = await captureEmf(() => jobStatus({ outcome: 'needs_mapping', tenantId: 't1', jobId: 'job_1', attempt: 1, mapping: { schema: 'call_record', status: 'needs_review', fields: [] } as never }));
    expect(withMetric(docs, 'JobsFinished')).toEqual([expect.objectContaining({ outcome: 'needs_mapping' })]);
  });

  it('logs under the execution\'s name as correlation id, with the job\'s keys', async () => {
    items.on(GetItemCommand).resolves({ Item: marshall(runningJob()) });
    ddb.on(UpdateCommand).resolves({ Attributes: failedJob });
    // a handler module loaded afresh under a level that prints (as observability.test.ts does)
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'WARN');
    vi.resetModules();
    const fresh = (await import('../../functions/job-status/handler.ts')).handler;
    let text = '';
    // the fresh module's metrics (its cold start, the outcome) go to stdout: kept out of the test output
    await captureStdout(async () => {
      text = await captureStdout(() => fresh(markFailed), process.stderr);
    });
    vi.resetModules();
    const failedLine = text
      .split('\n')
      .filter((l) => l.startsWith('{') && !l.includes('"_aws"'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.message === 'job failed');
    expect(failedLine).toMatchObject({ correlation_id: 'job_1-1', tenantId: 't1', jobId: 'job_1', attempt: 1 });
  });
});

describe('failUnstarted', () => {
  it('counts a job whose pipeline could not start as failed, once', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: { ...runningJob('failed'), error: { type: 'StartExecutionError', message: 'x' } } });
    const docs = await captureEmf(() => failUnstarted(runningJob('queued') as unknown as JobRecord, { type: 'StartExecutionError', message: 'x' }));
    expect(withMetric(docs, 'JobsFinished')).toEqual([expect.objectContaining({ outcome: 'failed', jobId: 'job_1' })]);

    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'already', $metadata: {} }));
    items.on(GetItemCommand).resolves({ Item: marshall({ ...runningJob('failed'), error: { type: 'StartExecutionError', message: 'x' } }) });
    expect(withMetric(await captureEmf(() => failUnstarted(runningJob('queued') as unknown as JobRecord, { type: 'StartExecutionError', message: 'x' })), 'JobsFinished')).toEqual([]);
  });
});

describe('callClaude', () => {
  let fake: FakeAnthropic;
  beforeAll(async () => {
    fake = await startFakeAi(1000);
  });
  afterAll(async () => {
    await stopFakeAi(fake);
  });

  it('counts each call that went out, and the failed ones', async () => {
    ddb.on(GetCommand).resolves({});
    fake.setMode('ok');
    const ok = await captureEmf(() => callClaude('sk-test', 'system', 'user', 64, 't1'));
    expect(withMetric(ok, 'AiCalls')).toEqual([expect.objectContaining({ AiCalls: 1, AiCallFailures: 0, tenantId: 't1' })]);

    fake.setMode('error');
    let thrown: unknown;
    const failed = await captureEmf(() => callClaude('sk-test', 'system', 'user', 64, 't1').catch((err: unknown) => (thrown = err)));
    expect(thrown).toBeInstanceOf(AiCallError);
    expect(withMetric(failed, 'AiCalls')).toEqual([expect.objectContaining({ AiCalls: 1, AiCallFailures: 1, failure: expect.stringContaining('HTTP 500') })]);
    // nothing of the key in the line
    expect(JSON.stringify(failed)).not.toContain('sk-test');
  });
});

describe('parseEmfLines', () => {
  it('reads only EMF documents out of mixed output', () => {
    expect(parseEmfLines('hello\n{"level":"INFO"}\n{"_aws":{"Timestamp":1,"CloudWatchMetrics":[]},"X":1}\n')).toEqual([{ _aws: { Timestamp: 1, CloudWatchMetrics: [] }, X: 1 }]);
  });
});
