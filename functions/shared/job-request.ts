import { badRequest } from './http/errors.ts';
import { schemaStore } from '../adapters/schema-store.ts';
import type { SchemaDefinition } from '../core/schemas/schema-types.ts';

export { jobOptionsSchema, schemaNameSchema } from './contract/common.ts';

/** A schema the tenant can use (built-in or its own), or a 400 naming `field`. */
export async function schemaOr400(tenantId: string, name: string, field = 'schema'): Promise<SchemaDefinition> {
  const found = await schemaStore.get(tenantId, name);
  if (found === undefined) throw badRequest('Unknown schema', [{ field, message: `no schema named "${name}"; GET /v1/schemas lists them` }]);
  return found.definition;
}
