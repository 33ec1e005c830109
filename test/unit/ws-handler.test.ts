import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { marshall } from '@aws-sdk/util-dynamodb';
import { ConditionalCheckFailedException, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV } from '../../functions/shared/env-names.ts';
import type { WsEvent } from '../../functions/ws/handler.ts';
import { useHandlerEnv } from '../helpers/process-env.ts';
import { fakeManagementApi } from '../helpers/fake-management-api.ts';

vi.mock('../../functions/adapters/management-api.ts', async () => (await import('../helpers/fake-management-api.ts')).fakeManagementApiModule);

/*
 * The ws function takes who holds a connection from the authorizer's context, which API
 * Gateway passes with every event of the connection (on AWS any container may take any
 * route): no lookup, and $connect writes nothing.
 */

const ddb = mockClient(DynamoDBDocumentClient);
// jobs and subscriptions go through the plain client (adapters/dynamo-item.ts)
const items = mockClient(DynamoDBClient);
useHandlerEnv({
  [ENV.connectionsTable]: 'connections',
  [ENV.jobsTable]: 'jobs',
  [ENV.uploadsTable]: 'uploads',
  [ENV.wsManagementEndpoint]: 'http://127.0.0.1:9/local',
});
beforeEach(() => {
  ddb.reset();
  items.reset();
  fakeManagementApi.reset();
  items.on(PutItemCommand).resolves({});
  items.on(GetItemCommand).resolves({});
  ddb.on(DeleteCommand).resolves({});
});

const messageEvent = (connectionId: string, body: object, authorizer?: object, requestTimeEpoch?: number) =>
  ({ requestContext: { routeKey: 'subscribe', connectionId, requestTimeEpoch, ...(authorizer && { authorizer }) }, body: JSON.stringify(body), isBase64Encoded: false }) as unknown as WsEvent;
const replies = () => fakeManagementApi.postedMessages();
const written = () => items.commandCalls(PutItemCommand).map((c) => c.args[0].input);
/** what API Gateway adds to the authorizer's context */
const gateway = { principalId: 'tn_a', integrationLatency: 12 };

describe('ws handler', () => {
  it('writes nothing on $connect: the authorizer has let the client in', async () => {
    const { handle } = await import('../../functions/ws/handler.ts');
    const connect = { requestContext: { routeKey: '$connect', connectionId: 'conn-1', authorizer: { kind: 'api-key', tenantId: 'tn_a', ...gateway } } } as unknown as WsEvent;
    expect(await handle(connect)).toEqual({ statusCode: 200 });
    expect(items.calls()).toHaveLength(0);
    expect(ddb.calls()).toHaveLength(0);
  });

  it("subscribes under the authorizer context's tenant, so another tenant's job id answers 404", async () => {
    const { handle } = await import('../../functions/ws/handler.ts');
    const result = await handle(messageEvent('conn-elsewhere', { action: 'subscribe', jobId: 'job_of_tn_b', requestId: 'r1' }, { kind: 'api-key', tenantId: 'tn_a', ...gateway }));
    expect(result.statusCode).toBe(404);
    expect(replies()).toMatchObject([{ type: 'error', code: 'not_found', jobId: 'job_of_tn_b', requestId: 'r1' }]);
    // the job was looked up in tn_a's partition, and the row written was keyed to tn_a (then
    // marked unsubscribed: no job key, so no fan-out finds it)
    expect(items.commandCalls(GetItemCommand).map((c) => c.args[0].input)).toEqual([expect.objectContaining({ TableName: 'jobs', Key: marshall({ tenantId: 'tn_a', jobId: 'job_of_tn_b' }) })]);
    expect(written()).toEqual([
      expect.objectContaining({ TableName: 'connections', Item: expect.objectContaining({ jobKey: { S: 'tn_a#job_of_tn_b' } }) as unknown }),
      expect.objectContaining({ TableName: 'connections', Item: expect.not.objectContaining({ jobKey: expect.anything() }) as unknown }),
    ]);
  });

  it('writes a subscription only over an older one, stamped with when API Gateway took the message in', async () => {
    const { handle } = await import('../../functions/ws/handler.ts');
    items.on(GetItemCommand, { TableName: 'jobs' }).resolves({ Item: marshall({ tenantId: 'tn_a', jobId: 'job_1', status: 'running', attempt: 1, progress: { rowsRead: 0, rowsWritten: 0, rowsRejected: 0 } }) });
    const api = { kind: 'api-key', tenantId: 'tn_a', ...gateway };
    expect((await handle(messageEvent('conn-1', { action: 'subscribe', jobId: 'job_1', requestId: 's' }, api, 1_796_545_800_123))).statusCode).toBe(200);
    expect((await handle(messageEvent('conn-1', { action: 'unsubscribe', jobId: 'job_1', requestId: 'u' }, api, 1_796_545_800_456))).statusCode).toBe(200);
    const [sub, unsub] = written();
    for (const [put, at] of [[sub, '1796545800123'], [unsub, '1796545800456']] as const) {
      expect(put).toMatchObject({ ConditionExpression: 'attribute_not_exists(#at) OR #at <= :at', ExpressionAttributeNames: { '#at': 'at' }, ExpressionAttributeValues: { ':at': { N: at } } });
      expect(put!.Item).toMatchObject({ connectionId: { S: 'conn-1' }, sk: { S: 'SUB#job_1' }, at: { N: at } });
    }
    expect(sub!.Item).toHaveProperty('jobKey', { S: 'tn_a#job_1' });
    expect(unsub!.Item).not.toHaveProperty('jobKey');
  });

  it("answers 409 superseded, reading no job, when the same connection's later unsubscribe already ran", async () => {
    const { handle } = await import('../../functions/ws/handler.ts');
    items.on(PutItemCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    const result = await handle(messageEvent('conn-1', { action: 'subscribe', jobId: 'job_1', requestId: 's' }, { kind: 'api-key', tenantId: 'tn_a', ...gateway }, 1_796_545_800_123));
    expect(result.statusCode).toBe(409);
    expect(replies()).toMatchObject([{ type: 'error', code: 'superseded', jobId: 'job_1', requestId: 's' }]);
    expect(items.commandCalls(GetItemCommand)).toHaveLength(0);
  });

  it('answers 401 to an event without the authorizer context, and writes nothing', async () => {
    const { handle } = await import('../../functions/ws/handler.ts');
    for (const authorizer of [undefined, { principalId: 'x' }, { kind: 'upload-token', tenantId: 'tn_a' }]) {
      fakeManagementApi.reset();
      const result = await handle(messageEvent('conn-unknown', { action: 'subscribe', jobId: 'job_x' }, authorizer));
      expect(result.statusCode, JSON.stringify(authorizer)).toBe(401);
      expect(replies()).toMatchObject([{ type: 'error', code: 'unauthorized' }]);
    }
    expect(written()).toEqual([]);
  });

  it("refuses an upload token's connection a job of its tenant that its uploads did not start, before writing a subscription", async () => {
    const { handle } = await import('../../functions/ws/handler.ts');
    const job = { tenantId: 'tn_a', jobId: 'job_other', status: 'running', source: { bucket: 'b', key: 'inbox/tn_a/upt_someoneElse-01/x.csv', filename: 'x.csv', size: 1 } };
    items.on(GetItemCommand, { TableName: 'jobs' }).resolves({ Item: marshall(job) });
    const token = { kind: 'upload-token', tenantId: 'tn_a', tokenId: 'upt_mine', ...gateway };
    const result = await handle(messageEvent('conn-token', { action: 'subscribe', jobId: 'job_other' }, token));
    expect(result.statusCode).toBe(404);
    expect(replies()).toMatchObject([{ type: 'error', code: 'not_found', jobId: 'job_other' }]);
    expect(written()).toEqual([]);
  });
});
