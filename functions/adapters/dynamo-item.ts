import { ConditionalCheckFailedException, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { itemClient } from './aws-clients.ts';

/**
 * One item by its key, as the document client's GetCommand would return it (plain values,
 * numbers as numbers), through the client that reuses its middleware chain.
 *
 * That client resolves GetItem's middleware once and then shares it, and the context it
 * writes each call's endpoint and auth choice into, between concurrent calls. That is sound
 * while every call resolves the same endpoint and credentials: our own tables by name. A
 * table ARN can name another account or region (another endpoint), so it is refused here.
 * Middleware added to that client later would be skipped by the cached chain, and a call
 * with per-call options clears the cache: send commands through this function only.
 */
export async function getItem<T = Record<string, unknown>>(tableName: string, key: Record<string, unknown>, opts: { consistent?: boolean } = {}): Promise<T | undefined> {
  ownTable(tableName);
  const { Item } = await itemClient().send(new GetItemCommand({ TableName: tableName, Key: marshall(key), ConsistentRead: opts.consistent }));
  return Item ? (unmarshall(Item) as T) : undefined;
}

/** One unconditional put of a plain item (undefined attributes left out), through the same client and on the same terms as getItem. */
export async function putItem(tableName: string, item: Record<string, unknown>): Promise<void> {
  ownTable(tableName);
  await itemClient().send(new PutItemCommand({ TableName: tableName, Item: marshall(item, { removeUndefinedValues: true }) }));
}

/**
 * A put that happens only when `condition` holds on the item it would replace: true when
 * written, false when the condition failed (any other error is thrown). Same client and
 * terms as putItem.
 */
export async function putItemIf(
  tableName: string,
  item: Record<string, unknown>,
  condition: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> },
): Promise<boolean> {
  ownTable(tableName);
  try {
    await itemClient().send(
      new PutItemCommand({
        TableName: tableName,
        Item: marshall(item, { removeUndefinedValues: true }),
        ConditionExpression: condition.expression,
        ExpressionAttributeNames: condition.names,
        ExpressionAttributeValues: condition.values && marshall(condition.values),
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

function ownTable(tableName: string): void {
  if (tableName.includes(':')) throw new Error(`takes a table name, not an ARN: ${tableName}`);
}
