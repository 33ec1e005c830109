import { UnknownSchemaError } from '../errors.ts';
import { callRecordSchema } from './call-record.ts';
import { companyAccountSchema } from './company-account.ts';
import { contactSchema } from './contact.ts';
import type { SchemaDefinition } from './schema-types.ts';

/** The built-in target schemas, by name. */
export const BUILTIN_SCHEMAS: ReadonlyMap<string, SchemaDefinition> = new Map(
  [callRecordSchema, contactSchema, companyAccountSchema].map((s) => [s.name, s]),
);

/** Names of the built-in schemas, sorted. */
export function listSchemaNames(): string[] {
  return [...BUILTIN_SCHEMAS.keys()].sort();
}

/**
 * A built-in schema by name. Throws UnknownSchemaError naming the known schemas, so the
 * message tells a person what to use instead.
 */
export function getSchema(name: string): SchemaDefinition {
  const schema = BUILTIN_SCHEMAS.get(name);
  if (schema === undefined) {
    throw new UnknownSchemaError(`Unknown schema "${name}". Known schemas: ${listSchemaNames().join(', ')}`);
  }
  return schema;
}

/** True for the names of the built-in schemas (a tenant's custom schema may not reuse one). */
export function isBuiltinSchema(name: string): boolean {
  return BUILTIN_SCHEMAS.has(name);
}

/**
 * What a custom schema's definition needs to travel inside a mapping (through the state
 * machine to Enrich): everything the record builder reads, without the synonyms and
 * descriptions that only matching and people use.
 */
export function compactSchema(schema: SchemaDefinition): SchemaDefinition {
  return {
    name: schema.name,
    ...(schema.requireAnyOf ? { requireAnyOf: schema.requireAnyOf } : {}),
    ...(schema.expected ? { expected: schema.expected } : {}),
    fields: schema.fields.map(({ synonyms: _s, description: _d, timeSynonyms: _t, ...rest }) => ({ ...rest, synonyms: [], description: '' })),
  };
}

/**
 * The schema a mapping applies: the definition it carries (a tenant's custom schema),
 * else the built-in of that name. Enrich should use this instead of `getSchema(mapping.schema)`.
 */
export function schemaForMapping(mapping: { schema: string; schemaDefinition?: SchemaDefinition }): SchemaDefinition {
  if (mapping.schemaDefinition !== undefined && mapping.schemaDefinition.name === mapping.schema) return mapping.schemaDefinition;
  return getSchema(mapping.schema);
}
