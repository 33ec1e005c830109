import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients.ts';
import { queryAll } from './dynamo-query.ts';
import { tableName } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { utcDay } from '../core/quotas/limits.ts';
import { USAGE_COUNTERS, usageOf, type UsageCounter, type UsageCounts } from '../core/usage/usage.ts';
import { publishUsageMetrics } from './usage-metrics.ts';
import { messageOf } from '../core/errors.ts';

/**
 * Add to the tenant's usage of the day: one atomic ADD of every non-zero counter on the
 * (tenant, day) item. Best effort: a lost count is logged, never the failure of the upload,
 * job, AI call or delivery it counts.
 */
export async function meterUsage(tenantId: string, counts: Partial<UsageCounts>, at = new Date()): Promise<void> {
  const entries = Object.entries(counts).filter(([c, n]) => (USAGE_COUNTERS as readonly string[]).includes(c) && typeof n === 'number' && n !== 0);
  if (entries.length === 0) return;
  try {
    publishUsageMetrics(tenantId, entries as [UsageCounter, number][]);
  } catch (err) {
    logger.warn('usage metrics not published', { error: messageOf(err) });
  }
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName.usage(),
        Key: { tenantId, day: utcDay(at) },
        UpdateExpression: `ADD ${entries.map(([c]) => `#${c} :${c}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([c]) => [`#${c}`, c])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([c, n]) => [`:${c}`, n])),
      }),
    );
  } catch (err) {
    logger.warn('usage not metered', { tenantId, counts, error: messageOf(err) });
  }
}

/** The tenant's usage per day from `from` to `to` (YYYY-MM-DD, inclusive): only days with usage. */
export async function usageByDay(tenantId: string, from: string, to: string): Promise<Map<string, UsageCounts>> {
  const items = await queryAll<Record<string, unknown>>({
    TableName: tableName.usage(),
    KeyConditionExpression: 'tenantId = :t AND #d BETWEEN :from AND :to',
    ExpressionAttributeNames: { '#d': 'day' },
    ExpressionAttributeValues: { ':t': tenantId, ':from': from, ':to': to },
  });
  return new Map(items.map((item) => [String(item.day), usageOf(item)]));
}
