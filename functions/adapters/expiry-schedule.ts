import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { documentClient } from './aws-clients.ts';
import { queryAll } from './dynamo-query.ts';
import { tableName } from '../shared/config.ts';
import type { ExpiryEntry } from '../core/retention/sweep.ts';

/*
 * The retention schedule, in the quotas table: pk "EXPIRES#<shard>", sk "<due ISO>#<part>#<tenant>#<job>",
 * so one Query per shard reads what is due, oldest first, however many tenants there are and
 * whatever retention each chose. Shards spread a busy service's writes over several partitions;
 * the sweep reads all of them.
 */
const SHARDS = 8;

const shardOf = (jobId: string) => createHash('sha1').update(jobId).digest()[0]! % SHARDS;
const keyOf = (e: Pick<ExpiryEntry, 'at' | 'part' | 'tenantId' | 'jobId'>) => ({ pk: `EXPIRES#${shardOf(e.jobId)}`, sk: `${e.at}#${e.part}#${e.tenantId}#${e.jobId}` });

export const expirySchedule = {
  async add(entries: ExpiryEntry[]): Promise<void> {
    await Promise.all(entries.map((e) => documentClient().send(new PutCommand({ TableName: tableName.quotas(), Item: { ...keyOf(e), ...e } }))));
  },

  /** Entries due at `now`, oldest first across the shards, at most `limit`. */
  async due(now: Date, limit: number): Promise<ExpiryEntry[]> {
    // "#" sorts before "$": every sk whose time is at or before now is below this bound.
    const bound = `${now.toISOString()}$`;
    const perShard = await Promise.all(
      Array.from({ length: SHARDS }, (_, shard) =>
        queryAll<ExpiryEntry & { pk: string; sk: string }>(
          {
            TableName: tableName.quotas(),
            KeyConditionExpression: 'pk = :pk AND sk < :bound',
            ExpressionAttributeValues: { ':pk': `EXPIRES#${shard}`, ':bound': bound },
            ConsistentRead: true,
            Limit: limit,
          },
          limit,
        ),
      ),
    );
    return perShard
      .flat()
      .sort((a, b) => a.sk.localeCompare(b.sk))
      .slice(0, limit)
      .map(({ tenantId, jobId, part, at, bucket, key, sessionId }) => ({ tenantId, jobId, part, at, bucket, key, ...(sessionId ? { sessionId } : {}) }));
  },

  async done(entry: ExpiryEntry): Promise<void> {
    await documentClient().send(new DeleteCommand({ TableName: tableName.quotas(), Key: keyOf(entry) }));
  },
};
