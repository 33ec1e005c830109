/**
 * The schemas whose records become accounts and contacts. A module of its own: the functions ask
 * it of every job, and importing it from the merge (upsert.ts) would load the merge, the
 * normalisers and the technologies dictionary with it.
 */
export const ENTITY_SCHEMAS = ['company_account', 'contact'] as const;
export type EntitySchema = (typeof ENTITY_SCHEMAS)[number];
export const isEntitySchema = (schema: string | undefined): schema is EntitySchema => (ENTITY_SCHEMAS as readonly (string | undefined)[]).includes(schema);
