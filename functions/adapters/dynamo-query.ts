import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients.ts';

/**
 * Every item of a DynamoDB Query, following LastEvaluatedKey page by page, stopping once
 * `max` items are in hand (the last page may overshoot; the result is cut to `max`).
 */
export async function queryAll<T>(input: Omit<QueryCommandInput, 'ExclusiveStartKey'>, max = Number.POSITIVE_INFINITY): Promise<T[]> {
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const res = await documentClient().send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...((res.Items ?? []) as T[]));
    startKey = res.LastEvaluatedKey;
  } while (startKey && items.length < max);
  return items.length > max ? items.slice(0, max) : items;
}
