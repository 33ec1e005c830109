import type { ApiRequest } from '../shared/http/api.ts';
import { json } from '../shared/http/responses.ts';
import { parseBody } from '../shared/http/request-input.ts';
import { conflict, notFound } from '../shared/http/errors.ts';
import { MAX_CUSTOM_SCHEMAS, schemaStore, SchemaExistsError } from '../adapters/schema-store.ts';
import { isBuiltinSchema, schemaDefinitionSchema, type SchemaDefinition } from '../core/schemas/index.ts';

/** The templates API's schema routes: list, read, create a custom schema (handler.ts loads this module on their first request). */

export async function listSchemas(req: ApiRequest) {
  const all = await schemaStore.listAll(req.principal.tenantId);
  return json(200, { items: all.map((s) => ({ ...s.definition, builtin: s.builtin, createdAt: s.createdAt ?? null })), nextCursor: null });
}

export async function getSchemaRoute(req: ApiRequest) {
  const found = await schemaStore.get(req.principal.tenantId, req.params.name ?? '');
  if (!found) throw notFound('Schema');
  return json(200, { ...found.definition, builtin: found.builtin, createdAt: found.createdAt ?? null });
}

export async function createSchema(req: ApiRequest) {
  const definition = parseBody(req.event, schemaDefinitionSchema) as SchemaDefinition;
  const tenantId = req.principal.tenantId;
  if (isBuiltinSchema(definition.name)) throw conflict(new SchemaExistsError(definition.name).message);
  if ((await schemaStore.listCustom(tenantId)).length >= MAX_CUSTOM_SCHEMAS) {
    throw conflict(`A tenant can have at most ${MAX_CUSTOM_SCHEMAS} custom schemas`);
  }
  try {
    const stored = await schemaStore.create(tenantId, definition);
    return json(201, { ...stored.definition, builtin: false, createdAt: stored.createdAt ?? null });
  } catch (err) {
    if (err instanceof SchemaExistsError) throw conflict(err.message);
    throw err;
  }
}
