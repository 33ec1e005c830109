import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

/*
 * The floor of a cold start: the least a function of this app could load (one SDK client,
 * one command). `npm run bench:cold` bundles it with the functions' own options and divides
 * every function's import time by this one's.
 */
const client = new DynamoDBClient({});

export const handler = async (event: { id: string }) => {
  const out = await client.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { id: { S: event.id } } }));
  return out.Item ?? null;
};
