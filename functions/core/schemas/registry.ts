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
