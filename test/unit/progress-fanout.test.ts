import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { ENV } from '../../functions/shared/env-names.ts';
import { useHandlerEnv } from '../helpers/process-env.ts';
import { fakeManagementApi } from '../helpers/fake-management-api.ts';

vi.mock('../../functions/adapters/management-api.ts', async () => (await import('../helpers/fake-management-api.ts')).fakeManagementApiModule);

/*
 * The fan-out function with its two edges mocked: the subscriber Query (DynamoDB) and the
 * posts (@connections). What a subscriber hears depends on when it subscribed and how long
 * a tick waited, never on what an earlier lookup of the job happened to find.
 */

const ddb = mockClient(DynamoDBDocumentClient);
useHandlerEnv({
  [ENV.connectionsTable]: 'connections',
  [ENV.wsManagementEndpoint]: 'http://127.0.0.1:9/local',
});
afterEach(() => {
  vi.useRealTimers();
});
beforeEach(() => {
  ddb.reset();
  fakeManagementApi.reset();
});

let seq = 0;
/** A tick as the progress queue delivers it, `ageMs` after a stage sent it. */
function tickEvent(jobId: string, message: Record<string, unknown>, ageMs = 0): SQSEvent {
  seq++;
  return {
    Records: [
      {
        messageId: `m${seq}`,
        receiptHandle: `r${seq}`,
        body: JSON.stringify({ v: 1, tenantId: 'tn_a', jobId, message: { jobId, ...message } }),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(Date.now() - ageMs),
          SenderId: 'test',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:progress.fifo',
        awsRegion: 'us-east-1',
      },
    ],
  };
}

const subscribed = (...ids: string[]) => ({ Items: ids.map((connectionId) => ({ connectionId, expiresAtEpoch: Math.floor(Date.now() / 1000) + 3600 })) });
const postedTo = () => fakeManagementApi.postedTo();
const postedMessages = () => fakeManagementApi.postedMessages();

describe('progress-fanout handler', () => {
  it('posts progress to a client that subscribed just after a lookup found no one', async () => {
    const { handler } = await import('../../functions/progress-fanout/handler.ts');
    // The job's status is fanned out while nobody watches yet...
    ddb.on(QueryCommand).resolves(subscribed());
    await handler(tickEvent('job_joiner', { type: 'job.status', status: 'running', stage: 'enrich' }));
    expect(postedTo()).toEqual([]);
    // ...then a client subscribes, and the job's next progress must reach it.
    ddb.on(QueryCommand).resolves(subscribed('conn-1'));
    await handler(tickEvent('job_joiner', { type: 'job.progress', stage: 'enrich', rowsRead: 500 }));
    expect(postedTo()).toEqual(['conn-1']);
    expect(postedMessages()[0]).toMatchObject({ type: 'job.progress', rowsRead: 500 });
  });

  it('posts a progress tick that waited in the queue, when it is the newest the job has', async () => {
    const { handler } = await import('../../functions/progress-fanout/handler.ts');
    ddb.on(QueryCommand).resolves(subscribed('conn-2'));
    await handler(tickEvent('job_late', { type: 'job.progress', stage: 'enrich', rowsRead: 42 }, 2500));
    expect(postedMessages()).toMatchObject([{ type: 'job.progress', rowsRead: 42 }]);
  });

  it('posts a status again to a subscriber whose post timed out; a progress only once', async () => {
    const { handler } = await import('../../functions/progress-fanout/handler.ts');
    const timedOut = Object.assign(new Error('request timed out'), { name: 'TimeoutError' });
    ddb.on(QueryCommand).resolves(subscribed('conn-slow'));
    fakeManagementApi.answerNext(timedOut);
    await handler(tickEvent('job_slow', { type: 'job.progress', stage: 'enrich', rowsRead: 1 }));
    expect(postedTo()).toEqual(['conn-slow']);
    fakeManagementApi.reset();
    fakeManagementApi.answerNext(timedOut);
    await handler(tickEvent('job_slow', { type: 'job.status', status: 'succeeded', stage: 'persist' }));
    expect(postedTo()).toEqual(['conn-slow', 'conn-slow']);
    expect(postedMessages()).toMatchObject([{ status: 'succeeded' }, { status: 'succeeded' }]);
  });

  it('does not look up the subscribers of a progress the pacer leaves out', async () => {
    const { handler } = await import('../../functions/progress-fanout/handler.ts');
    vi.useFakeTimers({ toFake: ['Date'] });
    // 300 subscribers: one progress per 1.2 s at most (250 progress posts a second per job)
    ddb.on(QueryCommand).resolves(subscribed(...Array.from({ length: 300 }, (_, i) => `crowd-${i}`)));
    await handler(tickEvent('job_crowd', { type: 'job.progress', stage: 'enrich', rowsRead: 1 }));
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
    // past the second the list is reused for, still inside the crowd's gap
    vi.advanceTimersByTime(1100);
    await handler(tickEvent('job_crowd', { type: 'job.progress', stage: 'enrich', rowsRead: 2 }));
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
    expect(postedMessages().map((m) => m.rowsRead)).toEqual(Array.from({ length: 300 }, () => 1));
    // a status is never left out: it reads the list afresh
    await handler(tickEvent('job_crowd', { type: 'job.status', status: 'running', stage: 'persist' }));
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(2);
  });
});
