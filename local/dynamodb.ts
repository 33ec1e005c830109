import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, UpdateTableCommand, type AttributeDefinition, type GlobalSecondaryIndex, type KeySchemaElement } from '@aws-sdk/client-dynamodb';
import type { TableDesign } from '../functions/shared/tables.ts';

/**
 * dynalite with its data on disk, so jobs and keys survive a restart of the local stack.
 * It runs in a worker thread: every API request makes DynamoDB calls, and serving them on
 * the main thread would put the database's CPU on the same core as the handlers.
 */
export async function startLocalDynamo(opts: { dataDir: string; host: string; port?: number }) {
  const worker = new Worker(join(import.meta.dirname, 'dynamodb-worker.mjs'), { workerData: { path: opts.dataDir, host: opts.host, port: opts.port ?? 0 } });
  const reply = <T>(pick: (m: Record<string, unknown>) => T | undefined) =>
    new Promise<T>((resolve, reject) => {
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onError = (err: Error) => {
        done();
        reject(err);
      };
      const onExit = (code: number) => onError(new Error(`dynalite's thread exited (code ${code})`));
      const onMessage = (m: Record<string, unknown>) => {
        if (typeof m.error === 'string') return onError(new Error(`dynalite: ${m.error}`));
        const value = pick(m);
        if (value === undefined) return;
        done();
        resolve(value);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  const port = await reply((m) => (typeof m.port === 'number' ? m.port : undefined));
  return {
    endpoint: `http://${opts.host}:${port}`,
    async close() {
      const closed = reply((m) => (m.closed ? true : undefined)).catch(() => true);
      worker.postMessage('close');
      await closed;
      await worker.terminate();
    },
  };
}

/**
 * Create the tables the CDK stack would create, from the same designs. Existing tables
 * are kept with their data; indexes added to a design since are created on them.
 */
export async function ensureTables(endpoint: string, designs: { design: TableDesign; tableName: string }[]) {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
    for (const { design, tableName } of designs) {
      const attrs = new Map<string, AttributeDefinition>();
      const key = (pk: string, sk?: string): KeySchemaElement[] => {
        attrs.set(pk, { AttributeName: pk, AttributeType: 'S' });
        if (sk) attrs.set(sk, { AttributeName: sk, AttributeType: 'S' });
        return [{ AttributeName: pk, KeyType: 'HASH' }, ...(sk ? [{ AttributeName: sk, KeyType: 'RANGE' as const }] : [])];
      };
      const keySchema = key(design.partitionKey, design.sortKey);
      const gsis: GlobalSecondaryIndex[] = design.indexes.map((i) => ({
        IndexName: i.indexName,
        KeySchema: key(i.partitionKey, i.sortKey),
        Projection: { ProjectionType: 'ALL' },
      }));
      if (existing.has(tableName)) {
        const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
        const have = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
        for (const gsi of gsis.filter((g) => !have.has(g.IndexName))) {
          await client.send(
            new UpdateTableCommand({
              TableName: tableName,
              AttributeDefinitions: [...attrs.values()],
              // dynalite (an older API level) wants a throughput even for on-demand tables.
              GlobalSecondaryIndexUpdates: [
                { Create: { IndexName: gsi.IndexName, KeySchema: gsi.KeySchema, Projection: gsi.Projection, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } } },
              ],
            }),
          );
        }
        continue;
      }
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          KeySchema: keySchema,
          AttributeDefinitions: [...attrs.values()],
          BillingMode: 'PAY_PER_REQUEST',
          GlobalSecondaryIndexes: gsis.length ? gsis : undefined,
        }),
      );
    }
  } finally {
    client.destroy();
  }
}
