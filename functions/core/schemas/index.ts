// The schema model and the built-in schemas, for callers outside the core's schema folder.
export type { CodeTable, FieldDefinition, FieldDerivation, FieldType, FieldValidation, SchemaDefinition } from './schema-types.ts';
export { companionKeys, FIELD_TYPES } from './schema-types.ts';
export { BUILTIN_SCHEMAS, compactSchema, getSchema, isBuiltinSchema, listSchemaNames, schemaForMapping } from './registry.ts';
export { fieldRuleValidator, recordValidator } from './record-validator.ts';
export { parseSchemaDefinition, schemaDefinitionSchema } from './schema-definition.ts';
