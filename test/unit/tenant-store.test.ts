import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { tenantStore } from '../../functions/adapters/tenant-store.ts';

/*
 * The tenant gate every request passes: "active" answers are cached per container for a
 * while, a disabled tenant is never cached (enable works at once), and a tenant with no
 * record (keys made before tenants were recorded, the local dev tenant) is active.
 */
const ddb = mockClient(DynamoDBDocumentClient);
let seq = 0;
const newId = () => `ten_unit${++seq}`;

beforeAll(() => {
  Object.assign(process.env, { TENANTS_TABLE: 'tenants', AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' });
  delete process.env.TENANT_STATUS_CACHE_SECONDS;
});
beforeEach(() => ddb.reset());

const item = (tenantId: string, status: string) => ({ Item: { tenantId, name: 'Acme', status, createdAt: '2026-12-06T00:00:00.000Z' } });

describe('tenantStore.isActive', () => {
  it('treats a tenant with no record as active', async () => {
    ddb.on(GetCommand).resolves({});
    expect(await tenantStore.isActive(newId())).toBe(true);
  });

  it('caches an active answer: the second request reads nothing', async () => {
    const id = newId();
    ddb.on(GetCommand).resolves(item(id, 'active'));
    expect(await tenantStore.isActive(id)).toBe(true);
    expect(await tenantStore.isActive(id)).toBe(true);
    expect(ddb.commandCalls(GetCommand)).toHaveLength(1);
  });

  it('never caches a disabled answer, so enabling takes effect on the next request', async () => {
    const id = newId();
    ddb.on(GetCommand).resolvesOnce(item(id, 'disabled')).resolves(item(id, 'active'));
    expect(await tenantStore.isActive(id)).toBe(false);
    expect(await tenantStore.isActive(id)).toBe(true);
    expect(ddb.commandCalls(GetCommand)).toHaveLength(2);
  });

  it('drops the cached answer of a tenant this container disables', async () => {
    const id = newId();
    ddb.on(GetCommand).resolvesOnce(item(id, 'active')).resolves(item(id, 'disabled'));
    ddb.on(UpdateCommand).resolves({ Attributes: item(id, 'disabled').Item });
    expect(await tenantStore.isActive(id)).toBe(true);
    expect(await tenantStore.setStatus(id, 'disabled')).toMatchObject({ tenantId: id, status: 'disabled' });
    expect(await tenantStore.isActive(id)).toBe(false);
  });

  it('with TENANT_STATUS_CACHE_SECONDS=0 reads the status on every request', async () => {
    const id = newId();
    process.env.TENANT_STATUS_CACHE_SECONDS = '0';
    try {
      ddb.on(GetCommand).resolves(item(id, 'active'));
      await tenantStore.isActive(id);
      await tenantStore.isActive(id);
      expect(ddb.commandCalls(GetCommand)).toHaveLength(2);
    } finally {
      delete process.env.TENANT_STATUS_CACHE_SECONDS;
    }
  });
});

describe('tenantStore.setStatus', () => {
  it('answers undefined for a tenant nobody created (never creates one)', async () => {
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    expect(await tenantStore.setStatus('ten_nobody', 'disabled')).toBeUndefined();
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input.ConditionExpression).toBe('attribute_exists(tenantId)');
  });
});
