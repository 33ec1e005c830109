import * as z from 'zod/mini';
import '../../core/zod-mini.ts';
import { schemaNameSchema } from './common.ts';
import { fieldMappingInputObject, templateNameSchema } from '../../core/templates/template-model.ts';
import type { MappingResult } from '../../core/pipeline-types.ts';

/** Templates (the body of create/update is core's templateInputSchema), suggestions and a job's mapping. */

// Every schema is z.lazy: built on its first parse, not at every cold start (docs/performance.md).

export { templateInputSchema } from '../../core/templates/template-model.ts';
export { schemaDefinitionSchema } from '../../core/schemas/schema-definition.ts';

/** POST /v1/templates from a job's confirmed mapping, instead of a full template. */
export const templateFromJobBody = z.lazy(() =>
  z.strictObject({
    name: templateNameSchema,
    description: z.optional(z.string().check(z.maxLength(1000))),
    fromJob: z.string().check(z.minLength(1), z.maxLength(64)),
  }),
);

export const suggestBody = z.lazy(() => z
  .strictObject({
    sessionId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    uploadId: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
    headers: z.optional(z.array(z.string().check(z.maxLength(500))).check(z.minLength(1), z.maxLength(10_000))),
    sampleRows: z.optional(z.array(z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(10_000))).check(z.maxLength(100))),
    delimiter: z.optional(z.enum([',', '\t', ';', '|'])),
    format: z.optional(z.string().check(z.maxLength(16))),
    schema: z.optional(schemaNameSchema),
  })
  .check(
    z.refine((b) => [b.sessionId, b.uploadId, b.headers].filter((x) => x !== undefined).length === 1, {
      message: 'give exactly one of sessionId, uploadId or headers',
      path: ['sessionId'],
    }),
  ));

/**
 * Keys of GET /v1/jobs/{id}/mapping's answer that a PUT may send back as they were: a client
 * that edits the answer and returns it whole is accepted. They are ignored; any other unknown
 * key is still refused, so a typo surfaces.
 */
const readOnly = () => z.optional(z.unknown()).register(z.globalRegistry, { description: 'read-only (from GET): ignored' });
function readOnlyKeys<K extends string>(...keys: K[]): Record<K, ReturnType<typeof readOnly>> {
  const field = readOnly();
  return Object.fromEntries(keys.map((k) => [k, field])) as Record<K, ReturnType<typeof readOnly>>;
}

/**
 * Every key of a mapping that GET shows and a person cannot set. The type check below fails
 * when MappingResult gains a key that is neither here nor writable, so a new key cannot make
 * the unchanged GET answer a 400 again (unmappedColumns and warnings once did).
 */
const MAPPING_READ_ONLY = ['status', 'confidence', 'missingRequired', 'unmappedColumns', 'warnings', 'templateId', 'templateVersion', 'templateName', 'fingerprint', 'source', 'learnedFrom', 'ai', 'aiRefused', 'region'] as const;
type Unlisted = Exclude<keyof MappingResult, 'schema' | 'fields' | 'valueMaps' | 'schemaDefinition' | (typeof MAPPING_READ_ONLY)[number]>;
const everyMappingKeyListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMappingKeyListed;

/**
 * A person's answers for an enum field's column: source value (as printed) -> a value of the
 * enum, or null for none of them. Values left out keep the answer GET showed.
 */
const valueMapInputSchema = () => z.strictObject({
  field: z.string().check(z.minLength(1), z.maxLength(64)),
  values: z
    .record(z.string().check(z.maxLength(200)), z.nullable(z.string().check(z.maxLength(200))))
    .check(z.refine((m) => Object.keys(m).length <= 500, 'at most 500 values'))
    .register(z.globalRegistry, { description: 'source value -> enum value, or null: none of them' }),
  ...readOnlyKeys('column', 'by'),
});

export const putMappingBody = z.lazy(() => z.strictObject({
  mapping: z.strictObject({
    schema: z.optional(schemaNameSchema),
    fields: z.array(z.extend(fieldMappingInputObject(), readOnlyKeys('confidence', 'reason'))).check(z.minLength(1), z.maxLength(500)),
    valueMaps: z
      .optional(z.array(valueMapInputSchema()).check(z.maxLength(100)))
      .register(z.globalRegistry, { description: "what the values of enum fields' columns mean; a value set here is the person's answer" }),
    ...readOnlyKeys(...MAPPING_READ_ONLY),
  }),
  saveAsTemplate: z.optional(z.strictObject({ name: templateNameSchema, description: z.optional(z.string().check(z.maxLength(1000))) })),
  ...readOnlyKeys('jobId', 'status', 'attempt', 'headers', 'samples', 'alternatives'),
}));
