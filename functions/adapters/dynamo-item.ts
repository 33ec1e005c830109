import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { itemClient } from './aws-clients.ts';

/**
 * One item by its key, as the document client's GetCommand would return it (plain values,
 * numbers as numbers), through the client that reuses its middleware chain.
 */
export async function getItem<T = Record<string, unknown>>(tableName: string, key: Record<string, unknown>, opts: { consistent?: boolean } = {}): Promise<T | undefined> {
  const { Item } = await itemClient().send(new GetItemCommand({ TableName: tableName, Key: marshall(key), ConsistentRead: opts.consistent }));
  return Item ? (unmarshall(Item) as T) : undefined;
}
