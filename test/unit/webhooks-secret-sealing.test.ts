import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockKms } from '../helpers/fake-kms.ts';
import { isSealed, openSecret, sealSecret, SealedSecretError } from '../../functions/adapters/secret-sealer.ts';
import { webhookStore } from '../../functions/adapters/webhook-store.ts';
import { rotateSecret } from '../../functions/core/webhooks/secrets.ts';
import type { WebhookEndpoint } from '../../functions/core/webhooks/model.ts';

/*
 * Webhook signing secrets at rest: sealed with KMS under the tenant and webhook as encryption
 * context, opened only for signing, and secrets stored before sealing still sign (and are
 * sealed at first use). KMS and DynamoDB are mocked at the SDK client.
 */
const fake = mockKms();
const ddb = mockClient(DynamoDBDocumentClient);
const owner = { tenantId: 't1', webhookId: 'wh_1' };
const SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;

beforeAll(() => {
  Object.assign(process.env, { WEBHOOK_SECRETS_KEY_ARN: fake.keyArn, WEBHOOKS_TABLE: 'webhooks', AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', POWERTOOLS_LOG_LEVEL: 'SILENT' });
});
beforeEach(() => {
  fake.reset();
  ddb.reset();
  ddb.on(PutCommand).resolves({});
  ddb.on(UpdateCommand).resolves({ Attributes: {} });
});

const endpoint = (fields: Partial<WebhookEndpoint>): WebhookEndpoint => ({
  ...owner,
  url: 'https://hooks.example.net/in',
  description: '',
  events: ['job.succeeded'],
  enabled: true,
  secret: SECRET,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...fields,
});

describe('sealSecret / openSecret', () => {
  it('seals with the configured key under the tenant and webhook as encryption context, and opens back', async () => {
    const sealed = await sealSecret(SECRET, owner);
    expect(sealed).toMatch(/^kms:v1:[A-Za-z0-9+/]+=*$/);
    expect(isSealed(sealed)).toBe(true);
    expect(fake.kms.commandCalls(EncryptCommand)[0]?.args[0].input).toMatchObject({
      KeyId: fake.keyArn,
      EncryptionContext: { purpose: 'webhook-signing-secret', tenantId: 't1', webhookId: 'wh_1' },
    });
    expect(await openSecret(sealed, owner)).toBe(SECRET);
  });

  it('does not open for another tenant or webhook (the context is part of the ciphertext)', async () => {
    const sealed = await sealSecret(SECRET, owner);
    await expect(openSecret(sealed, { tenantId: 't2', webhookId: 'wh_1' })).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
    await expect(openSecret(sealed, { tenantId: 't1', webhookId: 'wh_2' })).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
  });

  it('asks KMS once per secret per container, not once per delivery', async () => {
    const sealed = await sealSecret(SECRET, { tenantId: 't1', webhookId: 'wh_cache' });
    for (let i = 0; i < 5; i++) expect(await openSecret(sealed, { tenantId: 't1', webhookId: 'wh_cache' })).toBe(SECRET);
    expect(fake.kms.commandCalls(DecryptCommand)).toHaveLength(1);
    // a cached secret still does not open for another owner
    await expect(openSecret(sealed, { tenantId: 't9', webhookId: 'wh_cache' })).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
  });

  it('passes a secret stored before sealing through without KMS, and refuses anything else', async () => {
    expect(await openSecret(SECRET, owner)).toBe(SECRET);
    expect(fake.kms.calls()).toHaveLength(0);
    await expect(openSecret('not-a-secret', owner)).rejects.toBeInstanceOf(SealedSecretError);
  });
});

describe('webhookStore', () => {
  it('stores a new endpoint with its secret sealed', async () => {
    await webhookStore.createEndpoint(endpoint({}));
    const item = ddb.commandCalls(PutCommand)[0]!.args[0].input.Item!;
    expect(item.secret).toMatch(/^kms:v1:/);
    expect(await openSecret(item.secret as string, owner)).toBe(SECRET);
    expect(JSON.stringify(item)).not.toContain(SECRET);
  });

  it('rotation seals the new secret and moves the current one over as stored, sealing one stored before sealing', async () => {
    const sealedCurrent = await sealSecret(SECRET, owner);
    for (const current of [sealedCurrent, SECRET]) {
      ddb.resetHistory();
      const next = rotateSecret(endpoint({ secret: current }), new Date('2026-01-02T00:00:00Z'));
      await webhookStore.replaceSecrets('t1', 'wh_1', current, next);
      const input = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
      const values = input.ExpressionAttributeValues!;
      expect(input.ConditionExpression).toContain('secret = :expected');
      expect(values[':expected']).toBe(current);
      expect(await openSecret(values[':s'] as string, owner)).toBe(next.secret);
      expect(values[':ps']).toMatch(/^kms:v1:/);
      expect(await openSecret(values[':ps'] as string, owner)).toBe(SECRET);
      if (current === sealedCurrent) expect(values[':ps']).toBe(sealedCurrent);
      expect(JSON.stringify(values[':s'])).not.toContain('whsec_');
    }
  });

  it('opens the secrets that sign now: the current one, and the previous one during the overlap only', async () => {
    const previous = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
    const hook = endpoint({ secret: await sealSecret(SECRET, owner), previousSecret: await sealSecret(previous, owner), previousSecretExpiresAt: '2026-01-03T00:00:00Z' });
    expect(await webhookStore.openSigningSecrets(hook, new Date('2026-01-02T00:00:00Z'))).toEqual([SECRET, previous]);
    expect(await webhookStore.openSigningSecrets(hook, new Date('2026-01-04T00:00:00Z'))).toEqual([SECRET]);
    // both sealed: nothing is written
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('signs with secrets stored before sealing and seals them in place, only if they are unchanged', async () => {
    const previous = `whsec_${Buffer.alloc(32, 4).toString('base64')}`;
    const hook = endpoint({ previousSecret: previous, previousSecretExpiresAt: '2026-01-03T00:00:00Z' });
    expect(await webhookStore.openSigningSecrets(hook, new Date('2026-01-02T00:00:00Z'))).toEqual([SECRET, previous]);
    const input = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(input.Key).toEqual({ tenantId: 't1', sk: 'WH#wh_1' });
    expect(input.ConditionExpression).toBe('attribute_exists(sk) AND secret = :old AND previousSecret = :oldPrevious');
    expect(input.ExpressionAttributeValues).toMatchObject({ ':old': SECRET, ':oldPrevious': previous });
    expect(await openSecret(input.ExpressionAttributeValues![':s'] as string, owner)).toBe(SECRET);
    expect(await openSecret(input.ExpressionAttributeValues![':ps'] as string, owner)).toBe(previous);
  });

  it('still signs when sealing in place fails (KMS or the write)', async () => {
    ddb.on(UpdateCommand).rejects(new Error('throttled'));
    expect(await webhookStore.openSigningSecrets(endpoint({}), new Date())).toEqual([SECRET]);
  });
});
