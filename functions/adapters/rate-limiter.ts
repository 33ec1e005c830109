import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients.ts';
import { tableName } from '../shared/config.ts';
import { rateWindow } from '../core/auth/rate-limit.ts';

/**
 * Count one request against the key's current window; true when it is within the limit.
 * One atomic ADD per request, shared by every Lambda container, so the limit holds
 * across the fleet rather than per instance.
 */
export async function takeRequest(keyId: string, limitPerSecond: number): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const w = rateWindow(keyId, Date.now());
  const res = await documentClient().send(
    new UpdateCommand({
      TableName: tableName.rateLimits(),
      Key: { bucket: w.bucket },
      UpdateExpression: 'ADD hits :one SET expiresAtEpoch = if_not_exists(expiresAtEpoch, :exp)',
      ExpressionAttributeValues: { ':one': 1, ':exp': w.expiresAtEpoch },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  const hits = Number(res.Attributes?.hits ?? 1);
  return { allowed: hits <= limitPerSecond, retryAfterSeconds: w.retryAfterSeconds };
}
