import { BatchWriteCommand, QueryCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients.ts';
import { queryAll } from './dynamo-query.ts';
import { putItem } from './dynamo-item.ts';
import { tableName } from '../shared/config.ts';

/**
 * When a connection's rows expire (DynamoDB TTL on expiresAtEpoch): API Gateway closes every
 * connection after 2 h, so a client that vanished without $disconnect leaves nothing for longer.
 */
const SUBSCRIPTION_TTL_SECONDS = 2 * 60 * 60;
const jobKey = (tenantId: string, jobId: string) => `${tenantId}#${jobId}`;

/**
 * WebSocket subscriptions, one row per connection and job. A connection itself has no row:
 * who holds it comes with each of its events from the ws-authorizer, so `$connect` writes
 * nothing. Subscribe goes through the item client (dynamo-item.ts), which builds each call's
 * SDK middleware chain once: a thousand clients subscribing at once paid for a thousand
 * builds of it.
 */
export const connectionStore = {
  async subscribe(connectionId: string, tenantId: string, jobId: string): Promise<void> {
    await putItem(tableName.connections(), { connectionId, sk: `SUB#${jobId}`, jobKey: jobKey(tenantId, jobId), expiresAtEpoch: epochIn(SUBSCRIPTION_TTL_SECONDS) });
  },

  async unsubscribe(connectionId: string, jobId: string): Promise<void> {
    await documentClient().send(new DeleteCommand({ TableName: tableName.connections(), Key: { connectionId, sk: `SUB#${jobId}` } }));
  },

  /** Connection ids subscribed to a job of this tenant (expired subscriptions excluded), every page of them. */
  async subscribers(tenantId: string, jobId: string): Promise<string[]> {
    const items = await queryAll<{ connectionId: string; expiresAtEpoch?: number }>({
      TableName: tableName.connections(),
      IndexName: 'byJob',
      KeyConditionExpression: 'jobKey = :k',
      ExpressionAttributeValues: { ':k': jobKey(tenantId, jobId) },
      ProjectionExpression: 'connectionId, expiresAtEpoch',
    });
    // TTL deletes lag (up to days on AWS): an expired row is ignored until it goes.
    const nowEpoch = Math.floor(Date.now() / 1000);
    return items.filter((i) => Number(i.expiresAtEpoch) > nowEpoch).map((i) => String(i.connectionId));
  },

  /** Forget a connection and all its subscriptions ($disconnect, or GoneException on push). */
  async removeConnection(connectionId: string): Promise<void> {
    const { Items } = await documentClient().send(
      new QueryCommand({
        TableName: tableName.connections(),
        KeyConditionExpression: 'connectionId = :c',
        ExpressionAttributeValues: { ':c': connectionId },
        ProjectionExpression: 'connectionId, sk',
      }),
    );
    const keys = (Items ?? []).map((i) => ({ connectionId: i.connectionId, sk: i.sk }));
    for (let i = 0; i < keys.length; i += 25) {
      await documentClient().send(
        new BatchWriteCommand({
          RequestItems: { [tableName.connections()]: keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })) },
        }),
      );
    }
  },
};

const epochIn = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;
