import { queryAll } from './dynamo-query.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import { circuitView, type CircuitFields } from '../core/circuit-breaker.ts';

/**
 * The tenant's webhook endpoints whose circuit is not closed, for GET /v1/metrics. Reads only
 * the circuit fields (no secret is projected), without the webhook store and its KMS client.
 */
export async function openWebhookCircuits(tenantId: string, now = Date.now()) {
  const items = await queryAll<CircuitFields & { sk: string; url: string }>({
    TableName: requiredEnv(ENV.webhooksTable),
    KeyConditionExpression: 'tenantId = :t AND begins_with(sk, :p)',
    FilterExpression: 'attribute_exists(cbOpenUntil)',
    ProjectionExpression: 'sk, #u, cbFailures, cbOpens, cbOpenUntil, cbProbeUntil',
    ExpressionAttributeNames: { '#u': 'url' },
    ExpressionAttributeValues: { ':t': tenantId, ':p': 'WH#' },
  });
  return items.map((i) => ({ webhookId: i.sk.slice('WH#'.length), url: i.url, ...circuitView(i, now) }));
}
