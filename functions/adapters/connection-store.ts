import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients.ts';
import { queryAll } from './dynamo-query.ts';
import { putItemIf } from './dynamo-item.ts';
import { tableName } from '../shared/config.ts';

/**
 * When a connection's rows expire (DynamoDB TTL on expiresAtEpoch): API Gateway closes every
 * connection after 2 h, so a client that vanished without $disconnect leaves nothing for longer.
 */
const SUBSCRIPTION_TTL_SECONDS = 2 * 60 * 60;
/**
 * How long an unsubscribe's mark outlives it: longer than any message of the same connection
 * can wait for its turn (the ws function runs at most 10 s), short enough to leave no litter.
 */
const UNSUBSCRIBED_TTL_SECONDS = 15 * 60;
const jobKey = (tenantId: string, jobId: string) => `${tenantId}#${jobId}`;

/**
 * A write that carries when API Gateway took its message in (`at`, the event's
 * requestTimeEpoch) lands only over a row written for an earlier or the same moment. A
 * connection's messages are stamped in the order the client sent them, but API Gateway
 * invokes the ws function for each on its own, so they may run in any order: without this an
 * `unsubscribe` that runs after a later `subscribe` of the same job would delete it, and the
 * client would hear nothing more. Rows from before `at` was kept have none and give way.
 */
const sentNoEarlier = (at: number) => ({ expression: 'attribute_not_exists(#at) OR #at <= :at', names: { '#at': 'at' }, values: { ':at': at } });

/**
 * WebSocket subscriptions, one row per connection and job. A connection itself has no row:
 * who holds it comes with each of its events from the ws-authorizer, so `$connect` writes
 * nothing. Subscribe goes through the item client (dynamo-item.ts), which builds each call's
 * SDK middleware chain once: a thousand clients subscribing at once paid for a thousand
 * builds of it.
 */
export const connectionStore = {
  /**
   * Follow a job, unless the same connection's later `unsubscribe` of it already ran (false).
   * `at`: when the subscribe message reached API Gateway (see sentNoEarlier).
   */
  async subscribe(connectionId: string, tenantId: string, jobId: string, at: number = Date.now()): Promise<boolean> {
    const row = { connectionId, sk: `SUB#${jobId}`, jobKey: jobKey(tenantId, jobId), at, expiresAtEpoch: epochIn(SUBSCRIPTION_TTL_SECONDS) };
    return putItemIf(tableName.connections(), row, sentNoEarlier(at));
  },

  /**
   * Stop following a job, unless the same connection's later `subscribe` of it already ran
   * (false). The row stays for a while as a mark without a job key (so no fan-out finds it),
   * which an earlier subscribe that runs late cannot overwrite.
   */
  async unsubscribe(connectionId: string, jobId: string, at: number = Date.now()): Promise<boolean> {
    const mark = { connectionId, sk: `SUB#${jobId}`, at, expiresAtEpoch: epochIn(UNSUBSCRIBED_TTL_SECONDS) };
    return putItemIf(tableName.connections(), mark, sentNoEarlier(at));
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
