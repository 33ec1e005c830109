import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients.ts';
import { ifConditionHolds } from './dynamo-conditional.ts';
import { queryAll } from './dynamo-query.ts';
import { getItem } from './dynamo-item.ts';
import { tableName } from '../shared/config.ts';
import type { ResumePoint } from '../core/pipeline-types.ts';

/** The service-wide slot item's sort key (tenant ids never are "*"). */
export const ALL_TENANTS = '*';

/** A job attempt that holds a running slot: `<tenantId>#<jobId>#<attempt>` (job ids hold no "#"). */
export const holderOf = (tenantId: string, jobId: string, attempt: number) => `${tenantId}#${jobId}#${attempt}`;

export function parseHolder(holder: string): { tenantId: string; jobId: string; attempt: number } | undefined {
  const last = holder.lastIndexOf('#');
  const middle = holder.lastIndexOf('#', last - 1);
  const attempt = Number(holder.slice(last + 1));
  if (middle <= 0 || !Number.isSafeInteger(attempt)) return undefined;
  return { tenantId: holder.slice(0, middle), jobId: holder.slice(middle + 1, last), attempt };
}

/** A job attempt waiting for a running slot. */
export interface QueuedAttempt {
  tenantId: string;
  jobId: string;
  attempt: number;
  tier: number;
  resumeFrom?: ResumePoint;
  queuedAt: string;
}

const pad = (tier: number) => String(tier).padStart(2, '0');

/**
 * Running slots, the admission queue and the upload byte counters, in the quotas table (see
 * its design in tables.ts). Every write is one conditional item write (dynalite has no
 * transactions): a slot is a member of a string set, so holding one twice or releasing it
 * twice changes nothing, and the set's size can never pass the limit the write checks.
 */
export const admissionStore = {
  /** Take a slot on `scope` (a tenant id or ALL_TENANTS) for `holder` when fewer than `limit` are held; true when held (also already). */
  async hold(scope: string, holder: string, limit: number): Promise<boolean> {
    const res = await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: tableName.quotas(),
          Key: { pk: 'SLOTS', sk: scope },
          UpdateExpression: 'ADD holders :h',
          ConditionExpression: 'attribute_not_exists(holders) OR size(holders) < :limit OR contains(holders, :one)',
          ExpressionAttributeValues: { ':h': new Set([holder]), ':one': holder, ':limit': limit },
        }),
      ),
    );
    return res !== undefined;
  },

  async release(scope: string, holder: string): Promise<void> {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName.quotas(),
        Key: { pk: 'SLOTS', sk: scope },
        UpdateExpression: 'DELETE holders :h',
        ExpressionAttributeValues: { ':h': new Set([holder]) },
      }),
    );
  },

  /** Every slot item: scope -> holders (the sweep's census). */
  async allSlots(): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const item of await queryPartition('SLOTS')) out.set(String(item.sk), [...((item.holders as Set<string> | undefined) ?? [])]);
    return out;
  },

  /** Queue an attempt behind the tenant's others of its tier, and note the tenant as waiting. */
  async enqueue(entry: QueuedAttempt): Promise<void> {
    await documentClient().send(
      new PutCommand({ TableName: tableName.quotas(), Item: { pk: `QUEUE#${entry.tenantId}`, sk: `${pad(entry.tier)}#${entry.jobId}`, ...entry } }),
    );
    // A tenant that never had one admitted sorts first ("" before any instant): a newcomer's
    // first job does not wait behind tenants that have been running all along.
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName.quotas(),
        Key: { pk: 'WAITING', sk: entry.tenantId },
        UpdateExpression: 'SET lastAdmittedAt = if_not_exists(lastAdmittedAt, :never)',
        ExpressionAttributeValues: { ':never': '' },
      }),
    );
  },

  /** Tenants that have queued, longest since their last admission first (the round-robin turn order). */
  async waitingTenants(): Promise<string[]> {
    const items = await queryPartition('WAITING');
    return items
      .sort((a, b) => String(a.lastAdmittedAt).localeCompare(String(b.lastAdmittedAt)) || String(a.sk).localeCompare(String(b.sk)))
      .map((i) => String(i.sk));
  },

  /** The next of a tenant's queued attempts: smallest tier, then oldest job. */
  async head(tenantId: string): Promise<QueuedAttempt | undefined> {
    const res = await documentClient().send(
      new QueryCommand({ TableName: tableName.quotas(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `QUEUE#${tenantId}` }, Limit: 1, ConsistentRead: true }),
    );
    const item = res.Items?.[0];
    if (!item) return undefined;
    const { pk: _pk, sk: _sk, ...entry } = item;
    return entry as QueuedAttempt;
  },

  async dequeue(entry: Pick<QueuedAttempt, 'tenantId' | 'jobId' | 'tier'>): Promise<void> {
    await documentClient().send(new DeleteCommand({ TableName: tableName.quotas(), Key: { pk: `QUEUE#${entry.tenantId}`, sk: `${pad(entry.tier)}#${entry.jobId}` } }));
  },

  /** The tenant had a job admitted: it goes to the back of the turn order. */
  async noteAdmitted(tenantId: string): Promise<void> {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName.quotas(),
        Key: { pk: 'WAITING', sk: tenantId },
        UpdateExpression: 'SET lastAdmittedAt = :now',
        ExpressionAttributeValues: { ':now': new Date().toISOString() },
      }),
    );
  },

  /**
   * Add `bytes` to a counter unless that takes it past `limit`; false (nothing added) when it
   * would. One conditional ADD: parallel uploads cannot pass the limit together.
   */
  async addWithin(counter: { pk: string; sk: string }, bytes: number, limit: number, expiresAtEpoch?: number): Promise<boolean> {
    const res = await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: tableName.quotas(),
          Key: counter,
          UpdateExpression: `ADD bytes :n${expiresAtEpoch ? ' SET expiresAtEpoch = :exp' : ''}`,
          ConditionExpression: 'attribute_not_exists(bytes) OR bytes <= :room',
          ExpressionAttributeValues: { ':n': bytes, ':room': limit - bytes, ...(expiresAtEpoch ? { ':exp': expiresAtEpoch } : {}) },
        }),
      ),
    );
    return res !== undefined;
  },

  async bytes(counter: { pk: string; sk: string }): Promise<number> {
    const item = await getItem(tableName.quotas(), counter, { consistent: true });
    return typeof item?.bytes === 'number' ? item.bytes : 0;
  },

  /** Add (or, negative, take off) bytes with no limit: files that were stored anyway, or removed. */
  async add(counter: { pk: string; sk: string }, bytes: number): Promise<void> {
    await documentClient().send(
      new UpdateCommand({ TableName: tableName.quotas(), Key: counter, UpdateExpression: 'ADD bytes :n', ExpressionAttributeValues: { ':n': bytes } }),
    );
  },
};

function queryPartition(pk: string): Promise<Record<string, unknown>[]> {
  return queryAll({ TableName: tableName.quotas(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true });
}
