import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV } from '../../functions/shared/env-names.ts';
import type { WsEvent } from '../../functions/ws/handler.ts';
import { useHandlerEnv } from '../helpers/process-env.ts';

/*
 * The ws function where API Gateway routes a client's messages to a container that did not
 * see its $connect (on AWS, any container may take any route): the tenant comes from the
 * connection's row.
 */

const ddb = mockClient(DynamoDBDocumentClient);
// jobs, connection rows and subscriptions go through the plain client (adapters/dynamo-item.ts)
const items = mockClient(DynamoDBClient);
const api = mockClient(ApiGatewayManagementApiClient);
useHandlerEnv({
  [ENV.connectionsTable]: 'connections',
  [ENV.jobsTable]: 'jobs',
  [ENV.wsManagementEndpoint]: 'http://127.0.0.1:9/local',
});
beforeEach(() => {
  ddb.reset();
  items.reset();
  api.reset();
  api.on(PostToConnectionCommand).resolves({});
  items.on(PutItemCommand).resolves({});
  ddb.on(DeleteCommand).resolves({});
});

const messageEvent = (connectionId: string, body: object) =>
  ({ requestContext: { routeKey: 'subscribe', connectionId }, body: JSON.stringify(body), isBase64Encoded: false }) as unknown as WsEvent;
const replies = () => api.commandCalls(PostToConnectionCommand).map((c) => JSON.parse(Buffer.from(c.args[0].input.Data as Uint8Array).toString()) as Record<string, unknown>);

describe('ws handler', () => {
  it('reads the tenant of a connection this container has not seen from its row', async () => {
    const { handle } = await import('../../functions/ws/handler.ts');
    items.on(GetItemCommand).resolves({});
    items.on(GetItemCommand, { TableName: 'connections' }).resolves({ Item: { tenantId: { S: 'tn_a' } } });
    const result = await handle(messageEvent('conn-elsewhere', { action: 'subscribe', jobId: 'job_x', requestId: 'r1' }));
    expect(result.statusCode).toBe(404);
    expect(replies()).toMatchObject([{ type: 'error', code: 'not_found', jobId: 'job_x', requestId: 'r1' }]);
  });

  it('answers 401 to a connection with no row', async () => {
    const { handle } = await import('../../functions/ws/handler.ts');
    items.on(GetItemCommand).resolves({});
    const result = await handle(messageEvent('conn-unknown', { action: 'subscribe', jobId: 'job_x' }));
    expect(result.statusCode).toBe(401);
    expect(replies()).toMatchObject([{ type: 'error', code: 'unauthorized' }]);
  });
});
