import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { encodeTime, ulid } from 'ulid';
import { documentClient } from './aws-clients.ts';
import { decodeCursor, encodeCursor } from './page-cursor.ts';
import { tableName } from '../shared/config.ts';
import { AUDIT_RETENTION_DAYS, actorName, type AuditAction, type AuditRecord } from '../core/audit/audited-routes.ts';

export interface AuditQuery {
  /** ISO times, inclusive; absent = the whole kept trail */
  from?: string;
  to?: string;
  action?: AuditAction;
  /** a key id, or "operator" */
  actor?: string;
  cursor?: string;
  limit: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A ULID is its 10-character time then 16 random characters: the bounds of one time range. */
const idFloor = (ms: number) => `${encodeTime(ms, 10)}${'0'.repeat(16)}`;
const idCeiling = (ms: number) => `${encodeTime(ms, 10)}${'Z'.repeat(16)}`;
/** Filtered pages can come back short; stop reading after this many to keep a request bounded. */
const MAX_READS = 10;

/** The audit trail: append-only (records are put once, never updated), per tenant, newest first. */
export const auditStore = {
  async record(input: Omit<AuditRecord, 'auditId' | 'at'>): Promise<AuditRecord> {
    const now = Date.now();
    const record: AuditRecord = { ...input, auditId: ulid(now), at: new Date(now).toISOString() };
    await documentClient().send(
      new PutCommand({
        TableName: tableName.audit(),
        Item: { ...record, actorName: actorName(record.actor), expiresAtEpoch: Math.floor((now + AUDIT_RETENTION_DAYS * DAY_MS) / 1000) },
        ConditionExpression: 'attribute_not_exists(auditId)',
      }),
    );
    return record;
  },

  async list(tenantId: string, q: AuditQuery): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {
      ':t': tenantId,
      ':lo': idFloor(q.from ? Date.parse(q.from) : 0),
      ':hi': idCeiling(q.to ? Date.parse(q.to) : Date.now() + DAY_MS),
      // a record past its retention is gone on AWS (TTL) and ignored everywhere
      ':now': Math.floor(Date.now() / 1000),
    };
    const filters = ['expiresAtEpoch > :now'];
    if (q.action) {
      names['#a'] = 'action';
      values[':a'] = q.action;
      filters.push('#a = :a');
    }
    if (q.actor) {
      values[':actor'] = q.actor;
      filters.push('actorName = :actor');
    }
    const items: AuditRecord[] = [];
    let startKey = decodeCursor(q.cursor, tenantId, 'auditId') as Record<string, unknown> | undefined;
    for (let reads = 0; reads < MAX_READS && items.length < q.limit; reads++) {
      const page = await documentClient().send(
        new QueryCommand({
          TableName: tableName.audit(),
          KeyConditionExpression: 'tenantId = :t AND auditId BETWEEN :lo AND :hi',
          FilterExpression: filters.join(' AND '),
          ...(Object.keys(names).length > 0 && { ExpressionAttributeNames: names }),
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: q.limit - items.length,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(page.Items ?? []).map(toRecord));
      startKey = page.LastEvaluatedKey;
      if (!startKey) break;
    }
    return { items, nextCursor: encodeCursor(startKey) };
  },
};

function toRecord(item: Record<string, unknown>): AuditRecord {
  const { actorName: _name, expiresAtEpoch: _ttl, ...record } = item;
  return record as unknown as AuditRecord;
}
