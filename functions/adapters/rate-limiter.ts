import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients.ts';
import { tableName } from '../shared/config.ts';
import { leaseSize, rateWindow } from '../core/auth/rate-limit.ts';

/** This container's share of each key's current window: tokens leased from the shared counter, and used. */
interface Lease {
  bucket: string;
  leased: number;
  used: number;
  /** the shared counter said the window is spent: refuse without asking again */
  spent: boolean;
  /** tokens to ask for next: starts at 1 and doubles while this container uses them up */
  size: number;
  /** a lease request in flight: concurrent requests wait for it instead of each asking */
  pending?: Promise<void>;
}
const leases = new Map<string, Lease>();

/**
 * Count one request against the key's current one-second window; true when it is within
 * the limit. The window's counter is shared by every Lambda container (an atomic ADD in
 * DynamoDB), so the limit holds across the fleet rather than per instance. A container
 * takes tokens from it in leases and spends them locally, so a busy key costs one write
 * per lease, not per request: a lease starts at one token each window and doubles while
 * the container uses it up (up to a twentieth of the limit), so a container that serves
 * one request at a time (a Lambda) holds back next to nothing, and one that serves many at
 * once (the local stack) writes rarely. The fleet never exceeds the limit; a container
 * holds back at most one lease of tokens (leaseSize: a twentieth of the limit) that others
 * are refused, and after a partial grant near the limit its leases shrink back to one.
 */
export async function takeRequest(keyId: string, limitPerSecond: number): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const w = rateWindow(keyId, Date.now());
  let lease = leases.get(keyId);
  if (lease === undefined || lease.bucket !== w.bucket) {
    lease = { bucket: w.bucket, leased: 0, used: 0, spent: false, size: 1 };
    leases.set(keyId, lease);
  }
  for (;;) {
    if (lease.used < lease.leased) {
      lease.used++;
      return { allowed: true, retryAfterSeconds: w.retryAfterSeconds };
    }
    if (lease.spent) return { allowed: false, retryAfterSeconds: w.retryAfterSeconds };
    lease.pending ??= extendLease(lease, limitPerSecond, w.expiresAtEpoch).finally(() => {
      lease.pending = undefined;
    });
    await lease.pending;
  }
}

async function extendLease(lease: Lease, limitPerSecond: number, expiresAtEpoch: number): Promise<void> {
  const want = Math.min(lease.size, leaseSize(limitPerSecond));
  const res = await documentClient().send(
    new UpdateCommand({
      TableName: tableName.rateLimits(),
      Key: { bucket: lease.bucket },
      UpdateExpression: 'ADD hits :n SET expiresAtEpoch = if_not_exists(expiresAtEpoch, :exp)',
      ExpressionAttributeValues: { ':n': want, ':exp': expiresAtEpoch },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  const hits = Number(res.Attributes?.hits ?? want);
  // what was left of the limit before this ADD, up to what was asked for
  const granted = Math.max(0, Math.min(want, limitPerSecond - (hits - want)));
  lease.leased += granted;
  if (granted === 0) lease.spent = true;
  // near the limit, one token at a time; otherwise ask for more next time
  lease.size = granted < want ? 1 : Math.min(want * 2, leaseSize(limitPerSecond));
}
