import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { documentClient } from './aws-clients.ts';
import { queryAll } from './dynamo-query.ts';
import { tableName } from '../shared/config.ts';
import { hashApiKey } from '../core/auth/api-keys.ts';
import { DEFAULT_RATE_LIMIT_RPS } from '../core/auth/rate-limit.ts';
import { generateUploadToken, type UploadTokenPrincipal, type UploadTokenScope } from '../core/auth/upload-tokens.ts';

interface StoredToken extends UploadTokenScope {
  tokenHash: string;
  tokenId: string;
  tenantId: string;
  name?: string;
  createdAt: string;
  expiresAt: string;
  /** epoch seconds; TTL on AWS, checked on read everywhere */
  expiresAtEpoch: number;
  revokedAt?: string;
}

export interface ApiUploadToken extends UploadTokenScope {
  tokenId: string;
  name: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

const view = (t: StoredToken): ApiUploadToken => ({
  tokenId: t.tokenId,
  name: t.name ?? null,
  schema: t.schema,
  options: t.options,
  maxBytes: t.maxBytes,
  rateLimitRps: t.rateLimitRps ?? DEFAULT_RATE_LIMIT_RPS,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt ?? null,
});

/**
 * Upload tokens by the hash of the token. Not cached, unlike API keys: a revoked token stops
 * working at once (a browser upload makes a handful of calls per part, one read each).
 */
export const uploadTokenStore = {
  async issue(tenantId: string, scope: UploadTokenScope, ttlSeconds: number, name?: string): Promise<{ token: string } & ApiUploadToken> {
    const { token, tokenId } = generateUploadToken();
    const now = Date.now();
    const expires = new Date(now + ttlSeconds * 1000);
    const item: StoredToken = {
      tokenHash: hashApiKey(token),
      tokenId,
      tenantId,
      ...(name ? { name } : {}),
      ...scope,
      createdAt: new Date(now).toISOString(),
      expiresAt: expires.toISOString(),
      expiresAtEpoch: Math.ceil(expires.getTime() / 1000),
    };
    await documentClient().send(
      new PutCommand({ TableName: tableName.uploadTokens(), Item: item, ConditionExpression: 'attribute_not_exists(tokenHash)' }),
    );
    return { token, ...view(item) };
  },

  /** The token's principal, or undefined when it is unknown, revoked or expired. */
  async find(token: string): Promise<UploadTokenPrincipal | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName.uploadTokens(), Key: { tokenHash: hashApiKey(token) }, ConsistentRead: true }),
    );
    const t = Item as StoredToken | undefined;
    if (!t || t.revokedAt || Date.parse(t.expiresAt) <= Date.now()) return undefined;
    return {
      tenantId: t.tenantId,
      tokenId: t.tokenId,
      schema: t.schema,
      options: t.options,
      maxBytes: t.maxBytes,
      expiresAt: t.expiresAt,
      rateLimitRps: t.rateLimitRps ?? DEFAULT_RATE_LIMIT_RPS,
    };
  },

  /** The tenant's tokens that have not expired yet (revoked ones included), newest first (ids are ULIDs). */
  async list(tenantId: string): Promise<ApiUploadToken[]> {
    const items = await queryAll<StoredToken>({
      TableName: tableName.uploadTokens(),
      IndexName: 'byTenant',
      KeyConditionExpression: 'tenantId = :t',
      ExpressionAttributeValues: { ':t': tenantId },
      ScanIndexForward: false,
    });
    return items.filter((t) => Date.parse(t.expiresAt) > Date.now()).map(view);
  },

  /** Revoke a tenant's token by id; false when the tenant has no such token. */
  async revoke(tenantId: string, tokenId: string): Promise<boolean> {
    const items = await queryAll<StoredToken>({
      TableName: tableName.uploadTokens(),
      IndexName: 'byTenant',
      KeyConditionExpression: 'tenantId = :t AND tokenId = :id',
      ExpressionAttributeValues: { ':t': tenantId, ':id': tokenId },
    });
    const found = items[0];
    if (!found) return false;
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: tableName.uploadTokens(),
          Key: { tokenHash: found.tokenHash },
          UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :now)',
          ConditionExpression: 'tenantId = :t',
          ExpressionAttributeValues: { ':now': new Date().toISOString(), ':t': tenantId },
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
    return true;
  },
};
