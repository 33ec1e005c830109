import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients.ts';
import { queryAll } from './dynamo-query.ts';
import { tableName } from '../shared/config.ts';
import { generateApiKey, hashApiKey, type Principal, type Role } from '../core/auth/api-keys.ts';
import { DEFAULT_RATE_LIMIT_RPS } from '../core/auth/rate-limit.ts';

/**
 * Resolved keys are kept for a short while per container: every request authenticates,
 * and this halves its database calls. A revoked key therefore keeps working for at most
 * this long on a container that saw it recently (the README says so).
 */
const KEY_CACHE_TTL_MS = 30_000;
const KEY_CACHE_MAX = 1000;
const keyCache = new Map<string, { principal: Principal | undefined; until: number }>();

/** API keys, stored by the hash of the key; the plaintext never reaches the table. */
export const apiKeyStore = {
  async findByKey(apiKey: string): Promise<Principal | undefined> {
    const keyHash = hashApiKey(apiKey);
    const cached = keyCache.get(keyHash);
    if (cached && cached.until > Date.now()) return cached.principal;
    const principal = await this.lookup(keyHash);
    // Unknown keys are not cached: a key issued a moment ago must work at once.
    if (principal) {
      if (keyCache.size >= KEY_CACHE_MAX) keyCache.delete(keyCache.keys().next().value as string);
      keyCache.set(keyHash, { principal, until: Date.now() + KEY_CACHE_TTL_MS });
    }
    return principal;
  },

  async lookup(keyHash: string): Promise<Principal | undefined> {
    const { Item } = await documentClient().send(new GetCommand({ TableName: tableName.apiKeys(), Key: { keyHash } }));
    if (!Item || Item.revokedAt) return undefined;
    return {
      tenantId: String(Item.tenantId),
      role: Item.role as Role,
      keyId: String(Item.keyId),
      rateLimitRps: typeof Item.rateLimitRps === 'number' ? Item.rateLimitRps : DEFAULT_RATE_LIMIT_RPS,
    };
  },

  /** The tenant's keys, without hashes: id, name, role, created, revoked. */
  async list(tenantId: string) {
    const items = await queryAll<Record<string, unknown>>({
      TableName: tableName.apiKeys(),
      IndexName: 'byTenant',
      KeyConditionExpression: 'tenantId = :t',
      ExpressionAttributeValues: { ':t': tenantId },
    });
    return items.map((i) => ({
      keyId: String(i.keyId),
      name: (i.name as string | undefined) ?? null,
      role: i.role as Role,
      rateLimitRps: typeof i.rateLimitRps === 'number' ? i.rateLimitRps : DEFAULT_RATE_LIMIT_RPS,
      createdAt: String(i.createdAt),
      revokedAt: (i.revokedAt as string | undefined) ?? null,
    }));
  },

  /** Revoke a tenant's key by id; false when the tenant has no such key. */
  async revoke(tenantId: string, keyId: string): Promise<boolean> {
    const res = await documentClient().send(
      new QueryCommand({
        TableName: tableName.apiKeys(),
        IndexName: 'byTenant',
        KeyConditionExpression: 'tenantId = :t AND keyId = :k',
        ExpressionAttributeValues: { ':t': tenantId, ':k': keyId },
      }),
    );
    const item = res.Items?.[0];
    if (!item) return false;
    keyCache.delete(String(item.keyHash));
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName.apiKeys(),
        Key: { keyHash: item.keyHash },
        UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :now)',
        ConditionExpression: 'tenantId = :t',
        ExpressionAttributeValues: { ':now': new Date().toISOString(), ':t': tenantId },
      }),
    );
    return true;
  },

  /** Issue a key for a tenant and return its plaintext (shown once). */
  async issue(input: { tenantId: string; role: Role; name?: string; rateLimitRps?: number }): Promise<{ apiKey: string; keyId: string }> {
    const { apiKey, keyId } = generateApiKey();
    await this.storeExisting(apiKey, keyId, input);
    return { apiKey, keyId };
  },

  /** Store a key whose plaintext already exists (the local stack's persistent dev key). */
  async storeExisting(apiKey: string, keyId: string, input: { tenantId: string; role: Role; name?: string; rateLimitRps?: number }): Promise<void> {
    await documentClient().send(
      new PutCommand({
        TableName: tableName.apiKeys(),
        Item: {
          keyHash: hashApiKey(apiKey),
          keyId,
          tenantId: input.tenantId,
          role: input.role,
          name: input.name,
          rateLimitRps: input.rateLimitRps,
          createdAt: new Date().toISOString(),
        },
      }),
    );
  },
};
