import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients.ts';
import { tableName } from '../shared/config.ts';
import { generateApiKey, hashApiKey, type Principal, type Role } from '../core/auth/api-keys.ts';

/** API keys, stored by the hash of the key; the plaintext never reaches the table. */
export const apiKeyStore = {
  async findByKey(apiKey: string): Promise<Principal | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName.apiKeys(), Key: { keyHash: hashApiKey(apiKey) } }),
    );
    if (!Item || Item.revokedAt) return undefined;
    return { tenantId: String(Item.tenantId), role: Item.role as Role, keyId: String(Item.keyId) };
  },

  /** Issue a key for a tenant and return its plaintext (shown once). */
  async issue(input: { tenantId: string; role: Role; name?: string }): Promise<{ apiKey: string; keyId: string }> {
    const { apiKey, keyId } = generateApiKey();
    await this.storeExisting(apiKey, keyId, input);
    return { apiKey, keyId };
  },

  /** Store a key whose plaintext already exists (the local stack's persistent dev key). */
  async storeExisting(apiKey: string, keyId: string, input: { tenantId: string; role: Role; name?: string }): Promise<void> {
    await documentClient().send(
      new PutCommand({
        TableName: tableName.apiKeys(),
        Item: { keyHash: hashApiKey(apiKey), keyId, tenantId: input.tenantId, role: input.role, name: input.name, createdAt: new Date().toISOString() },
      }),
    );
  },
};
