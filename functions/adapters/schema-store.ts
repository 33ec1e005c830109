import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients.ts';
import { queryAll } from './dynamo-query.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import { UnknownSchemaError } from '../core/errors.ts';
import { BUILTIN_SCHEMAS, isBuiltinSchema, listSchemaNames, type SchemaDefinition } from '../core/schemas/index.ts';

/*
 * Schemas a tenant can map to: the built-ins, plus the tenant's own custom schemas, stored
 * as "SCHEMA#<name>" items in the templates table (pk tenantId). Custom schemas are
 * immutable once created (templates and finished jobs refer to them by name); a new shape
 * is a new name.
 */

const table = () => requiredEnv(ENV.templatesTable);

export interface StoredSchema {
  definition: SchemaDefinition;
  builtin: boolean;
  createdAt?: string;
}

/** Creating a schema whose name is taken (a built-in or the tenant's own). */
export class SchemaExistsError extends Error {
  constructor(name: string) {
    super(`A schema named "${name}" already exists; custom schemas cannot be changed, choose another name`);
    this.name = 'SchemaExistsError';
  }
}

/** Custom schemas a tenant may have at most (each job lists them). */
export const MAX_CUSTOM_SCHEMAS = 100;

export const schemaStore = {
  /** A built-in or the tenant's custom schema, by name. */
  async get(tenantId: string, name: string): Promise<StoredSchema | undefined> {
    const builtin = BUILTIN_SCHEMAS.get(name);
    if (builtin !== undefined) return { definition: builtin, builtin: true };
    const { Item } = await documentClient().send(new GetCommand({ TableName: table(), Key: { tenantId, sk: `SCHEMA#${name}` } }));
    const item = Item as { definition: SchemaDefinition; createdAt: string } | undefined;
    return item === undefined ? undefined : { definition: item.definition, builtin: false, createdAt: item.createdAt };
  },

  /**
   * The schema a job of this tenant maps to: the definition, or UnknownSchemaError naming
   * what exists (a job with a misspelt schema fails with a message a person can act on).
   */
  async require(tenantId: string, name: string): Promise<SchemaDefinition> {
    const found = await this.get(tenantId, name);
    if (found !== undefined) return found.definition;
    const custom = await this.listCustom(tenantId);
    const known = [...listSchemaNames(), ...custom.map((c) => c.definition.name)].sort();
    throw new UnknownSchemaError(`Unknown schema "${name}". Known schemas: ${known.join(', ')}`);
  },

  /** The tenant's custom schemas, by name. */
  async listCustom(tenantId: string): Promise<StoredSchema[]> {
    const items = await queryAll<{ definition: SchemaDefinition; createdAt: string }>(
      {
        TableName: table(),
        KeyConditionExpression: 'tenantId = :t AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':t': tenantId, ':p': 'SCHEMA#' },
      },
      MAX_CUSTOM_SCHEMAS,
    );
    return items.map((i) => ({ definition: i.definition, builtin: false, createdAt: i.createdAt }));
  },

  /** Built-ins first, then the tenant's own. */
  async listAll(tenantId: string): Promise<StoredSchema[]> {
    const builtins = [...BUILTIN_SCHEMAS.values()].map((definition) => ({ definition, builtin: true }));
    return [...builtins, ...(await this.listCustom(tenantId))];
  },

  /** Store a new custom schema; SchemaExistsError when the name is taken. */
  async create(tenantId: string, definition: SchemaDefinition): Promise<StoredSchema> {
    if (isBuiltinSchema(definition.name)) throw new SchemaExistsError(definition.name);
    const createdAt = new Date().toISOString();
    try {
      await documentClient().send(
        new PutCommand({
          TableName: table(),
          Item: { tenantId, sk: `SCHEMA#${definition.name}`, kind: 'schema', name: definition.name, definition, createdAt },
          ConditionExpression: 'attribute_not_exists(sk)',
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException || (err instanceof Error && err.name === 'ConditionalCheckFailedException')) {
        throw new SchemaExistsError(definition.name);
      }
      throw err;
    }
    return { definition, builtin: false, createdAt };
  },
};
