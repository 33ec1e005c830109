/** The schemas whose records become accounts and contacts. */
export const ENTITY_SCHEMAS = ['company_account', 'contact'] as const;
export type EntitySchema = (typeof ENTITY_SCHEMAS)[number];
export const isEntitySchema = (schema: string | undefined): schema is EntitySchema => (ENTITY_SCHEMAS as readonly (string | undefined)[]).includes(schema);
