import * as z from 'zod/mini';
import '../zod-mini.ts';
import { companionKeys, FIELD_TYPES, VALUE_KINDS, type SchemaDefinition } from './schema-types.ts';
import { hasNestedQuantifier } from '../templates/transform-rules.ts';
import { assertIsError } from '../errors.ts';

const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/*
 * Each schema here is z.lazy: built on its first parse, not when the module loads. Most functions
 * that import this module (through the schema store) never validate a definition, and building
 * these ~50 schemas cost ~20 ms of every cold start (docs/performance.md).
 */
const derivation = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('domain_from_email'), from: z.string() }),
    z.object({ kind: z.literal('join'), from: z.array(z.string()).check(z.minLength(1)) }),
    z.object({ kind: z.literal('name_part'), from: z.string(), part: z.enum(['first', 'last']) }),
  ]),
);

const validation = z.lazy(() =>
  z
    .strictObject({
      pattern: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      minLength: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(100_000))),
      maxLength: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(100_000))),
      min: z.optional(z.number()),
      max: z.optional(z.number()),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.pattern !== undefined) {
          try {
            new RegExp(v.pattern);
          } catch (err) {
            assertIsError(err);
            ctx.addIssue({ code: 'custom', path: ['pattern'], message: `not a valid regular expression: ${err.message}` });
          }
          if (hasNestedQuantifier(v.pattern)) ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'nested quantifiers like (a+)+ are not allowed' });
        }
        if (v.min !== undefined && v.max !== undefined && v.min > v.max) ctx.addIssue({ code: 'custom', path: ['min'], message: 'min is greater than max' });
        if (v.minLength !== undefined && v.maxLength !== undefined && v.minLength > v.maxLength) {
          ctx.addIssue({ code: 'custom', path: ['minLength'], message: 'minLength is greater than maxLength' });
        }
      }),
    ),
);

const NUMERIC_TYPES = new Set(['integer', 'number', 'money', 'duration']);

const fieldName = () => z.string().check(z.regex(NAME, 'snake_case, starting with a letter'));
const nonEmptyStrings = () => z.array(z.string().check(z.minLength(1)));

// Optional parts default so a person can POST { name, type } per field; the built-ins spell everything out.
const field = z.lazy(() =>
  z.object({
    name: fieldName(),
    type: z.enum(FIELD_TYPES as [string, ...string[]]),
    required: z._default(z.boolean(), false),
    synonyms: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(200)), []),
    enumValues: z.optional(nonEmptyStrings().check(z.minLength(1))),
    enumAliases: z.optional(z.record(z.string(), z.string())),
    codes: z.optional(z.enum(['call_direction', 'call_record_type'])),
    timeSynonyms: z.optional(nonEmptyStrings()),
    currencyField: z.optional(z.string().check(z.regex(NAME))),
    microsField: z.optional(z.string().check(z.regex(NAME))),
    multiple: z.optional(z.boolean()),
    derive: z.optional(derivation),
    requiredUnless: z.optional(z.object({ field: z.string().check(z.regex(NAME)), in: nonEmptyStrings().check(z.minLength(1)) })),
    kind: z.optional(z.enum(VALUE_KINDS as [string, ...string[]])),
    validation: z.optional(validation),
    description: z._default(z.string().check(z.maxLength(500)), ''),
  }),
);

/**
 * zod schema for a user-supplied schema definition (POST /v1/schemas): shape, unique
 * field and output names, enum values present, references to existing fields.
 */
export const schemaDefinitionSchema = z.lazy(() =>
  z
    .object({
      name: fieldName(),
      description: z.optional(z.string().check(z.maxLength(500))),
      fields: z.array(field).check(z.minLength(1), z.maxLength(500)),
      requireAnyOf: z.optional(z.array(z.array(z.string()).check(z.minLength(1)))),
      expected: z.optional(z.array(z.string())),
    })
    .check(
      z.superRefine((def, ctx) => {
        const names = new Set<string>();
        const outputs = new Set<string>();
        def.fields.forEach((f, i) => {
          if (names.has(f.name)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'name'], message: `duplicate field "${f.name}"` });
          names.add(f.name);
          if (f.type === 'enum' && f.enumValues === undefined) {
            ctx.addIssue({ code: 'custom', path: ['fields', i, 'enumValues'], message: 'enum fields need enumValues' });
          }
          const v = f.validation;
          if (v !== undefined) {
            const numeric = NUMERIC_TYPES.has(f.type);
            if (numeric && (v.pattern !== undefined || v.minLength !== undefined || v.maxLength !== undefined)) {
              ctx.addIssue({ code: 'custom', path: ['fields', i, 'validation'], message: `${f.type} fields take min/max, not text rules` });
            }
            if (!numeric && (v.min !== undefined || v.max !== undefined)) {
              ctx.addIssue({ code: 'custom', path: ['fields', i, 'validation'], message: `${f.type} fields take pattern/minLength/maxLength, not min/max` });
            }
          }
        });
        def.fields.forEach((f, i) => {
          for (const key of companionKeys(f as SchemaDefinition['fields'][number])) {
            // a money field's currency and micros may be declared fields of their own; anything else may not collide
            const sharedCurrency = f.type === 'money' && names.has(key) && !outputs.has(key);
            if ((names.has(key) && !sharedCurrency) || outputs.has(key)) {
              ctx.addIssue({ code: 'custom', path: ['fields', i, 'name'], message: `output key "${key}" is written twice` });
            }
            outputs.add(key);
          }
          const refs = f.derive === undefined ? [] : Array.isArray(f.derive.from) ? f.derive.from : [f.derive.from];
          for (const ref of refs) {
            if (!names.has(ref)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'derive'], message: `unknown field "${ref}"` });
          }
          if (f.requiredUnless !== undefined && !names.has(f.requiredUnless.field)) {
            ctx.addIssue({ code: 'custom', path: ['fields', i, 'requiredUnless', 'field'], message: `unknown field "${f.requiredUnless.field}"` });
          }
        });
        def.expected?.forEach((ref, i) => {
          if (!names.has(ref)) ctx.addIssue({ code: 'custom', path: ['expected', i], message: `unknown field "${ref}"` });
        });
        def.requireAnyOf?.forEach((group, i) => {
          for (const ref of group) {
            if (!names.has(ref)) ctx.addIssue({ code: 'custom', path: ['requireAnyOf', i], message: `unknown field "${ref}"` });
          }
        });
      }),
    ),
);

/** Validate a user-supplied definition; throws a ZodError listing every problem. */
export function parseSchemaDefinition(input: unknown): SchemaDefinition {
  return schemaDefinitionSchema.parse(input) as SchemaDefinition;
}
