import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ifConditionHolds } from './dynamo-conditional.ts';
import { documentClient } from './aws-clients.ts';
import { tableName } from '../shared/config.ts';
import { CIRCUIT_THRESHOLD, cooldownMs, type CircuitFields } from '../core/circuit-breaker.ts';

/**
 * A circuit's state kept in a DynamoDB item (the cb* attributes), so every container agrees.
 * `existing`: an attribute the item must already have (a webhook endpoint's state lives on
 * the endpoint's own item, which must not be re-created by a late write); without it the
 * item is created on the first failure.
 */
export interface CircuitItem {
  tableName: string;
  key: Record<string, string>;
  existing?: string;
}


const exists = (item: CircuitItem) => (item.existing ? `attribute_exists(${item.existing})` : undefined);

export const circuitStore = {
  async read(item: CircuitItem): Promise<CircuitFields> {
    const res = await documentClient().send(new GetCommand({ TableName: item.tableName, Key: item.key, ConsistentRead: true }));
    return (res?.Item ?? {}) as CircuitFields;
  },

  /** One more call in a row failed; opens the circuit when that makes THRESHOLD (calls already in flight when it opened do not extend it). */
  async recordFailure(item: CircuitItem, now: number, baseCooldownMs: number): Promise<void> {
    const res = await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: item.tableName,
          Key: item.key,
          UpdateExpression: 'ADD cbFailures :one',
          ConditionExpression: exists(item),
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    const c = res?.Attributes as CircuitFields | undefined;
    if (!c || (c.cbFailures ?? 0) < CIRCUIT_THRESHOLD) return;
    const opens = (c.cbOpens ?? 0) + 1;
    const notOpen = '(attribute_not_exists(cbOpenUntil) OR cbOpenUntil <= :now)';
    await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: item.tableName,
          Key: item.key,
          UpdateExpression: 'SET cbOpenUntil = :until, cbOpens = :opens REMOVE cbProbeUntil',
          ConditionExpression: item.existing ? `${exists(item)} AND ${notOpen}` : notOpen,
          ExpressionAttributeValues: { ':until': now + cooldownMs(opens, baseCooldownMs), ':opens': opens, ':now': now },
        }),
      ),
    );
  },

  /** A call got through: the circuit closes and the failure count starts again. */
  async recordSuccess(item: CircuitItem): Promise<void> {
    await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: item.tableName,
          Key: item.key,
          UpdateExpression: 'REMOVE cbFailures, cbOpens, cbOpenUntil, cbProbeUntil',
          ConditionExpression: exists(item),
        }),
      ),
    );
  },

  /** Half-open: be the one probe for `leaseMs`; false when another call probes already. */
  async claimProbe(item: CircuitItem, now: number, leaseMs: number): Promise<boolean> {
    const res = await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: item.tableName,
          Key: item.key,
          UpdateExpression: 'SET cbProbeUntil = :lease',
          ConditionExpression: 'cbOpenUntil <= :now AND (attribute_not_exists(cbProbeUntil) OR cbProbeUntil <= :now)',
          ExpressionAttributeValues: { ':lease': now + leaseMs, ':now': now },
        }),
      ),
    );
    return res !== undefined;
  },
};

/** Claude's circuit: one for the whole service, an item of the rate-limits table (every function that calls Claude writes there). */
export const aiCircuitItem = (): CircuitItem => ({ tableName: tableName.rateLimits(), key: { bucket: 'circuit#anthropic' } });
