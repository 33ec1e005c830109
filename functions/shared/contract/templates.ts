import * as z from 'zod';
import { schemaNameSchema } from './common.ts';
import { fieldMappingInputSchema, templateNameSchema } from '../../core/templates/template-model.ts';
import type { MappingResult } from '../../core/pipeline-types.ts';

/** Templates (the body of create/update is core's templateInputSchema), suggestions and a job's mapping. */

export { templateInputSchema } from '../../core/templates/template-model.ts';
export { schemaDefinitionSchema } from '../../core/schemas/schema-definition.ts';

/** POST /v1/templates from a job's confirmed mapping, instead of a full template. */
export const templateFromJobBody = z
  .object({ name: templateNameSchema, description: z.string().max(1000).optional(), fromJob: z.string().min(1).max(64) })
  .strict();

export const suggestBody = z
  .object({
    sessionId: z.string().min(1).max(64).optional(),
    uploadId: z.string().min(1).max(1024).optional(),
    headers: z.array(z.string().max(500)).min(1).max(10_000).optional(),
    sampleRows: z.array(z.array(z.string().max(2000)).max(10_000)).max(100).optional(),
    delimiter: z.enum([',', '\t', ';', '|']).optional(),
    format: z.string().max(16).optional(),
    schema: schemaNameSchema.optional(),
  })
  .strict()
  .refine((b) => [b.sessionId, b.uploadId, b.headers].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of sessionId, uploadId or headers',
    path: ['sessionId'],
  });

/**
 * Keys of GET /v1/jobs/{id}/mapping's answer that a PUT may send back as they were: a client
 * that edits the answer and returns it whole is accepted. They are ignored; any other unknown
 * key is still refused, so a typo surfaces.
 */
const readOnly = z.unknown().optional().describe('read-only (from GET): ignored');
function readOnlyKeys<K extends string>(...keys: K[]): Record<K, typeof readOnly> {
  return Object.fromEntries(keys.map((k) => [k, readOnly])) as Record<K, typeof readOnly>;
}

/**
 * Every key of a mapping that GET shows and a person cannot set. The type check below fails
 * when MappingResult gains a key that is neither here nor writable, so a new key cannot make
 * the unchanged GET answer a 400 again (unmappedColumns and warnings once did).
 */
const MAPPING_READ_ONLY = ['status', 'confidence', 'missingRequired', 'unmappedColumns', 'warnings', 'templateId', 'templateVersion', 'templateName', 'fingerprint', 'source', 'learnedFrom', 'ai', 'aiRefused'] as const;
type Unlisted = Exclude<keyof MappingResult, 'schema' | 'fields' | 'valueMaps' | 'schemaDefinition' | (typeof MAPPING_READ_ONLY)[number]>;
const everyMappingKeyListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMappingKeyListed;

/**
 * A person's answers for an enum field's column: source value (as printed) -> a value of the
 * enum, or null for none of them. Values left out keep the answer GET showed.
 */
const valueMapInputSchema = z
  .object({
    field: z.string().min(1).max(64),
    values: z
      .record(z.string().max(200), z.string().max(200).nullable())
      .refine((m) => Object.keys(m).length <= 500, 'at most 500 values')
      .describe('source value -> enum value, or null: none of them'),
    ...readOnlyKeys('column', 'by'),
  })
  .strict();

export const putMappingBody = z
  .object({
    mapping: z
      .object({
        schema: schemaNameSchema.optional(),
        fields: z.array(fieldMappingInputSchema.extend(readOnlyKeys('confidence', 'reason'))).min(1).max(500),
        valueMaps: z.array(valueMapInputSchema).max(100).optional().describe("what the values of enum fields' columns mean; a value set here is the person's answer"),
        ...readOnlyKeys(...MAPPING_READ_ONLY),
      })
      .strict(),
    saveAsTemplate: z.object({ name: templateNameSchema, description: z.string().max(1000).optional() }).strict().optional(),
    ...readOnlyKeys('jobId', 'status', 'attempt', 'headers', 'samples', 'alternatives'),
  })
  .strict();
