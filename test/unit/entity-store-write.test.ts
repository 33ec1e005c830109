import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ENV } from '../../functions/shared/env-names.ts';
import { applyJobRecords } from '../../functions/core/entities/upsert.ts';
import { decodeAccount } from '../../functions/core/entities/codec.ts';
import { useHandlerEnv } from '../helpers/process-env.ts';

/* How a change reaches storage: the shards it touched as JSON bytes, then META moved by one conditional write. */

const s3 = mockClient(S3Client);
const items = mockClient(DynamoDBClient);
const ddb = mockClient(DynamoDBDocumentClient);
useHandlerEnv({ [ENV.entitiesTable]: 'entities', [ENV.uploadBucket]: 'uploads' });

beforeEach(() => {
  s3.reset();
  items.reset();
  ddb.reset();
  items.on(GetItemCommand).resolves({}); // an empty store: no META yet
  s3.on(PutObjectCommand).resolves({});
  ddb.on(UpdateCommand).resolves({});
});

describe('entityStore.change', () => {
  it('writes each touched shard as JSON bytes, then moves META from nothing to version 1', async () => {
    const { entityStore } = await import('../../functions/adapters/entity-store.ts');
    let n = 0;
    const records = Array.from({ length: 40 }, (_, i) => ({ row: i + 1, record: { name: `Müller ${i} GmbH`, domain: `https://www.mueller-${i}.example/`, technologies: 'Salesforce; AWS' } }));
    const outcome = await entityStore.change('t-write', (book) =>
      applyJobRecords(book, { jobId: 'job_1', schema: 'company_account', at: '2026-12-06T00:00:00.000Z', now: '2026-12-06T00:00:01.000Z', newAccountId: () => `acc_${++n}`, newContactId: () => `con_${++n}` }, records),
    );
    expect(outcome).toMatchObject({ version: 1, changed: true, tries: 1 });

    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(puts.length).toBeGreaterThan(1);
    // Bytes, not a string: a string body of megabytes cost the socket write several times over.
    expect(puts.every((p) => Buffer.isBuffer(p.Body) && p.ContentLength === (p.Body as Buffer).length)).toBe(true);
    const stored = puts.flatMap((p) => JSON.parse((p.Body as Buffer).toString('utf8')) as Record<string, unknown>[]).map(decodeAccount);
    expect(stored.map((a) => a.domain).sort()).toEqual(records.map((_, i) => `mueller-${i}.example`).sort());
    expect(stored.find((a) => a.domain === 'mueller-7.example')).toMatchObject({ name: 'Müller 7 GmbH', technologies: [{ name: 'Salesforce' }, { name: 'Amazon Web Services' }] });

    const meta = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(meta.ConditionExpression).toBe('attribute_not_exists(version)');
    expect(meta.ExpressionAttributeValues).toMatchObject({ ':next': 1, ':na': 40, ':nc': 0 });
    expect((meta.ExpressionAttributeValues![':as'] as (string | null)[]).filter((k) => k !== null).sort()).toEqual(puts.map((p) => p.Key).sort());
  });
});
