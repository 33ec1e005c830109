import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients.ts';
import { ifConditionHolds } from './dynamo-conditional.ts';
import { expirySchedule } from './expiry-schedule.ts';
import { objectStore } from './object-store.ts';
import { uploadQuota } from './upload-quota.ts';
import { uploadStore } from './upload-store.ts';
import { tableName } from '../shared/config.ts';
import { sweepExpired, type RetentionSweepPorts, type SweepOptions, type SweepReport } from '../core/retention/sweep.ts';

/** The sweep's stores: the schedule in the quotas table, the upload bucket, the jobs table, the stored-bytes counter. */
const ports: RetentionSweepPorts = {
  due: (now, limit) => expirySchedule.due(now, limit),
  done: (entry) => expirySchedule.done(entry),
  heldUntil: (tenantId, sessionId) => uploadStore.heldUntil(tenantId, sessionId),
  async deleteObject(bucket, key) {
    if (!(await objectStore.head(bucket, key))) return false;
    await objectStore.delete(bucket, key);
    return true;
  },
  releaseStored: (tenantId, sessionId) => uploadStore.releaseStored(tenantId, sessionId),
  deletePrefix: (bucket, prefix) => objectStore.deletePrefix(bucket, prefix),
  async markSwept(tenantId, jobId, part, at) {
    await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: tableName.jobs(),
          Key: { tenantId, jobId },
          UpdateExpression: `SET retention.${part === 'upload' ? 'uploadExpiredAt' : 'outputsExpiredAt'} = :at`,
          ConditionExpression: 'attribute_exists(retention)',
          ExpressionAttributeValues: { ':at': at },
        }),
      ),
    );
  },
  async deleteRecord(tenantId, jobId) {
    // DynamoDB TTL deletes it too on AWS (within days); dynalite never does.
    await documentClient().send(new DeleteCommand({ TableName: tableName.jobs(), Key: { tenantId, jobId } }));
  },
  noteStored: (tenantId, bytes) => uploadQuota.noteStored(tenantId, bytes),
};

/** Delete every tenant's files and job records whose retention has passed at `now` (the scheduled sweep; tests pass a later `now`). */
export function runRetentionSweep(now = new Date(), opts?: SweepOptions): Promise<SweepReport> {
  return sweepExpired(ports, now, opts);
}
