import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { handler, type ExecutionStatusChange } from '../../functions/job-status/handler.ts';
import { TransientError } from '../../functions/core/errors.ts';
import { jobItem } from '../helpers/job-item.ts';

const ddb = mockClient(DynamoDBDocumentClient);
// job reads go through the plain client (dynamo-item.ts)
const items = mockClient(DynamoDBClient);
const sqs = mockClient(SQSClient);

const job = (status: string) => jobItem(status);

const ended = (status: string): ExecutionStatusChange => ({
  source: 'aws.states',
  'detail-type': 'Step Functions Execution Status Change',
  detail: { executionArn: 'arn:x', name: 'job_1-1', status, input: JSON.stringify({ tenantId: 't1', jobId: 'job_1', attempt: 1 }) },
});

beforeEach(() => {
  process.env.JOBS_TABLE = 'jobs';
  process.env.EVENTS_QUEUE_URL = 'https://sqs.local/events';
  delete process.env.WS_MANAGEMENT_ENDPOINT;
  ddb.reset();
  items.reset();
  sqs.reset();
  sqs.on(SendMessageCommand).resolves({});
});

describe('job-status as the watchdog', () => {
  it('fails a job an aborted execution left running, and tells subscribers once', async () => {
    items.on(GetItemCommand).resolves({ Item: marshall(job('running')) });
    ddb.on(UpdateCommand).callsFake((input: { ExpressionAttributeValues: Record<string, unknown> }) => ({ Attributes: { ...job('failed'), error: input.ExpressionAttributeValues[':e'] } }));
    expect(await handler(ended('ABORTED'))).toEqual({ recorded: true });
    const update = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.ExpressionAttributeValues?.[':e']).toMatchObject({ type: 'ExecutionAborted', stage: 'enrich' });
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(1);
  });

  it('leaves a job the state machine already failed alone: no second job.failed', async () => {
    items.on(GetItemCommand).resolves({ Item: marshall(job('failed')) });
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    expect(await handler(ended('FAILED'))).toEqual({ recorded: false });
    // one read: an attempt no longer open is not even tried (the rejecting stub is the fallback)
    expect(items.commandCalls(GetItemCommand)).toHaveLength(1);
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('MarkFailed fails as transient when the queue cannot take job.failed, and its retry emits it', async () => {
    const markFailed = { outcome: 'failed' as const, tenantId: 't1', jobId: 'job_1', attempt: 1, error: { Error: 'CorruptFileError', Cause: 'bad bytes' } };
    items.on(GetItemCommand).resolves({ Item: marshall(job('running')) });
    ddb.on(UpdateCommand).callsFake((input: { ExpressionAttributeValues: Record<string, unknown> }) => ({ Attributes: { ...job('failed'), error: input.ExpressionAttributeValues[':e'] } }));
    sqs.on(SendMessageCommand).rejects(new Error('queue unreachable'));
    const first = await handler(markFailed).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(TransientError); // in MarkFailed's Retry list
    expect((first as Error).message).toBe('The job.failed event could not be queued: queue unreachable');

    // the retry: the job already stands failed in this attempt, so the commit is a no-op and the event goes out
    const failed = { ...job('failed'), error: { type: 'CorruptFileError', message: 'bad bytes', stage: 'enrich' } };
    items.on(GetItemCommand).resolves({ Item: marshall(failed) });
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    sqs.on(SendMessageCommand).resolves({});
    expect(await handler(markFailed)).toEqual({ recorded: true });
    expect(sqs.commandCalls(SendMessageCommand).filter((c) => JSON.parse(c.args[0].input.MessageBody!).type === 'job.failed')).toHaveLength(2);
  });

  it("says the accounts store failed when an execution ended after the commit, before the store caught up", async () => {
    const pending = { ...job('succeeded'), accountsStore: { state: 'pending', attempt: 1, updatedAt: '2026-12-07T06:00:00.000Z' } };
    items.on(GetItemCommand).resolves({ Item: marshall(pending) });
    ddb.on(UpdateCommand).callsFake((input: { ExpressionAttributeValues: Record<string, unknown> }) => ({ Attributes: { ...pending, accountsStore: input.ExpressionAttributeValues[':r'] } }));
    expect(await handler(ended('TIMED_OUT'))).toEqual({ recorded: true });
    const [update] = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(update).toMatchObject({ UpdateExpression: 'SET accountsStore = :r', ConditionExpression: 'attempt = :a AND #s = :succeeded' });
    expect(update!.ExpressionAttributeValues?.[':r']).toMatchObject({ state: 'failed', attempt: 1, error: { type: 'ExecutionTimedOut' } });
    // the job itself stands succeeded: no job.failed
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('leaves a succeeded job whose store is not pending alone', async () => {
    for (const accountsStore of [undefined, { state: 'applied', attempt: 1, updatedAt: '2026-12-07T06:00:00.000Z' }]) {
      items.on(GetItemCommand).resolves({ Item: marshall({ ...job('succeeded'), ...(accountsStore && { accountsStore }) }) });
      expect(await handler(ended('ABORTED'))).toEqual({ recorded: false });
    }
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('ignores executions that succeeded or carry no job', async () => {
    expect(await handler(ended('SUCCEEDED'))).toEqual({ recorded: false });
    expect(await handler({ ...ended('ABORTED'), detail: { ...ended('ABORTED').detail, input: '{"x":1}' } })).toEqual({ recorded: false });
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
  });
});
