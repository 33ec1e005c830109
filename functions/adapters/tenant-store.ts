import { GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ifConditionHolds } from './dynamo-conditional.ts';
import { ulid } from 'ulid';
import { documentClient } from './aws-clients.ts';
import { optionalEnv, tableName } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import type { TenantQuotas } from '../core/quotas/limits.ts';
import type { TenantRetention } from '../core/retention/retention.ts';

export type TenantStatus = 'active' | 'disabled';

export interface Tenant {
  tenantId: string;
  name: string;
  status: TenantStatus;
  /** the operator's overrides of the default quotas (core/quotas/limits.ts) */
  quotas?: Partial<TenantQuotas>;
  /** the tenant's overrides of the default retention (core/retention/retention.ts) */
  retention?: Partial<TenantRetention>;
  createdAt: string;
  updatedAt: string;
}

/**
 * Every request checks its tenant, so an "active" answer is kept for a short while per
 * container (like a resolved key). Disabling therefore takes effect within this long on a
 * container that served the tenant recently; a disabled answer is never cached, so enabling
 * takes effect at once.
 */
const DEFAULT_CACHE_SECONDS = 30;
const CACHE_MAX = 1000;
/** 0 turns the cache off (tests that disable a tenant and expect the next request refused). */
const cacheMs = () => {
  const seconds = Number(optionalEnv(ENV.tenantStatusCacheSeconds) ?? DEFAULT_CACHE_SECONDS);
  return (Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_CACHE_SECONDS) * 1000;
};
const activeUntil = new Map<string, number>();

const toTenant = (item: Record<string, unknown>): Tenant => ({
  tenantId: String(item.tenantId),
  name: String(item.name),
  status: item.status === 'disabled' ? 'disabled' : 'active',
  ...(item.quotas ? { quotas: item.quotas as Partial<TenantQuotas> } : {}),
  ...(item.retention ? { retention: item.retention as Partial<TenantRetention> } : {}),
  createdAt: String(item.createdAt),
  updatedAt: String(item.updatedAt ?? item.createdAt),
});

/** The tenants an operator created; the plane every tenant's requests are checked against. */
export const tenantStore = {
  async create(name: string): Promise<Tenant> {
    const now = new Date().toISOString();
    const tenant: Tenant = { tenantId: `ten_${ulid().toLowerCase()}`, name, status: 'active', createdAt: now, updatedAt: now };
    await documentClient().send(new PutCommand({ TableName: tableName.tenants(), Item: tenant, ConditionExpression: 'attribute_not_exists(tenantId)' }));
    return tenant;
  },

  async get(tenantId: string): Promise<Tenant | undefined> {
    const res = await documentClient().send(new GetCommand({ TableName: tableName.tenants(), Key: { tenantId }, ConsistentRead: true }));
    return res?.Item ? toTenant(res.Item) : undefined;
  },

  /** Every tenant, oldest first: an operator's listing (tens to thousands of items). */
  async list(): Promise<Tenant[]> {
    const out: Tenant[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documentClient().send(new ScanCommand({ TableName: tableName.tenants(), ExclusiveStartKey: start }));
      out.push(...(page.Items ?? []).map(toTenant));
      start = page.LastEvaluatedKey;
    } while (start);
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.tenantId.localeCompare(b.tenantId));
  },

  /** Set a created tenant's status; undefined when no tenant has that id. */
  async setStatus(tenantId: string, status: TenantStatus): Promise<Tenant | undefined> {
    activeUntil.delete(tenantId);
    const res = await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: tableName.tenants(),
          Key: { tenantId },
          UpdateExpression: 'SET #s = :s, updatedAt = :now',
          ConditionExpression: 'attribute_exists(tenantId)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': status, ':now': new Date().toISOString() },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return res?.Attributes ? toTenant(res.Attributes) : undefined;
  },

  /**
   * Override some of a tenant's quotas (the others keep theirs). A tenant with no record yet
   * (the local dev tenant, keys made before tenants were recorded) gets one, active, named by its id.
   */
  async setQuotas(tenantId: string, quotas: Partial<TenantQuotas>): Promise<Tenant> {
    return setOverrides(tenantId, 'quotas', { ...(await this.get(tenantId))?.quotas, ...quotas });
  },

  /**
   * Store a tenant's whole map of retention overrides, already merged and checked against the
   * ones it had (tenant-retention.ts reads them once to check the change); a tenant with no
   * record gets one, as for quotas.
   */
  async setRetention(tenantId: string, overrides: Partial<TenantRetention>): Promise<Tenant> {
    return setOverrides(tenantId, 'retention', overrides);
  },

  /** False only for a tenant an operator disabled; a tenant with no record is active. */
  async isActive(tenantId: string): Promise<boolean> {
    const until = activeUntil.get(tenantId);
    if (until !== undefined && until > Date.now()) return true;
    const tenant = await this.get(tenantId);
    if (tenant?.status === 'disabled') return false;
    const ttl = cacheMs();
    if (ttl === 0) return true;
    if (activeUntil.size >= CACHE_MAX) activeUntil.delete(activeUntil.keys().next().value as string);
    activeUntil.set(tenantId, Date.now() + ttl);
    return true;
  },
};

/** Write one settings map of a tenant whole (read, merged and written by the caller: an operator's or admin's occasional act, not a contended counter). */
async function setOverrides(tenantId: string, attribute: 'quotas' | 'retention', merged: object): Promise<Tenant> {
  const now = new Date().toISOString();
  const res = await documentClient().send(
    new UpdateCommand({
      TableName: tableName.tenants(),
      Key: { tenantId },
      UpdateExpression: 'SET #a = :v, updatedAt = :now, #n = if_not_exists(#n, :id), #s = if_not_exists(#s, :active), createdAt = if_not_exists(createdAt, :now)',
      ExpressionAttributeNames: { '#a': attribute, '#n': 'name', '#s': 'status' },
      ExpressionAttributeValues: { ':v': merged, ':now': now, ':id': tenantId, ':active': 'active' },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return toTenant(res.Attributes!);
}
