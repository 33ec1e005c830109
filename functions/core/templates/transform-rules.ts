import * as z from 'zod/mini';
import '../zod-mini.ts';
import type { FieldDefinition } from '../schemas/schema-types.ts';
import { assertIsError } from '../errors.ts';

/*
 * What a template's transforms may be: their shape, the API's schema for them and the checks
 * against the field they reshape. Running them is transforms.ts, which needs the readers of
 * ranges and units (map/units.ts, whose scale words are folded when it loads) and luxon: the
 * functions that only validate a schema or a template (the jobs, uploads and templates APIs,
 * the inbox, Persist) import this module and load neither at init.
 */

/**
 * What a template does to a column's text before the field's own type conversion.
 * "Rename" is the mapping itself (source header -> field); the rest reshape the value:
 *
 * - `concat`: join the field's source columns with a separator ("First" + "Last", Date + Time)
 * - `split`: keep one part of the cell ("Doe, Jane" -> part 1 "Jane"; negative counts from the end)
 * - `regex`: keep a capture group ("Acct #12345 (main)" -> "12345"); no match gives a blank
 * - `value_map`: replace whole values (carrier code "I" -> "inbound" for an enum)
 * - `date_format`: read dates with an explicit luxon format ("dd.MM.yyyy HH:mm"), so
 *   "03/04/2025" is not guessed; wall-clock values are read in the job's time zone
 * - `default`: the value when the cell is blank, or a constant when the field has no column
 * - `range`: a band such as "101-250", "10,001+" or "$10M to $50M" becomes one number, its
 *   midpoint by default (rounded half up for an integer field: "51-200" -> 126; an open band
 *   "10,001+" is its bound), `lower` or `upper` on request; the record keeps the text as
 *   printed under `<field>_range`, so the estimate is never mistaken for the source. Plain
 *   numbers pass through.
 * - `scale`: multiply a number by the unit its header states ("Revenue (in 000s USD)": 1000)
 * - `decimal_comma`: the column groups thousands with dots and writes decimals with a comma
 *   ("28.400" is 28400, "2.415,50" is 2415.50), which one value alone cannot say
 *
 * Transforms run in the order given; `concat` and `date_format` act where they make sense
 * whatever their position (joining first, date parsing last).
 */
export type FieldTransform =
  | { kind: 'concat'; separator: string }
  | { kind: 'split'; separator: string; index: number }
  | { kind: 'regex'; pattern: string; group?: number; flags?: string }
  | { kind: 'value_map'; map: Record<string, string>; caseSensitive?: boolean }
  | { kind: 'date_format'; format: string }
  | { kind: 'default'; value: string }
  | { kind: 'range'; pick: 'lower' | 'midpoint' | 'upper' }
  | { kind: 'scale'; factor: number }
  | { kind: 'decimal_comma' };

export type TransformKind = FieldTransform['kind'];

/**
 * A cheap guard against catastrophic backtracking: a quantified group that itself holds a
 * quantifier ("(a+)+", "(\\d*x)*"). Such patterns are refused; they are rarely needed to
 * pick a value out of a cell, and one of them could stall a worker on a hostile file.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  return /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,?\d*\})/.test(pattern);
}

// z.lazy: built on the first parse, not at every cold start of the functions that import this module for its transforms
const regexTransform = z.lazy(() =>
  z
    .object({
      kind: z.literal('regex'),
      pattern: z.string().check(z.minLength(1), z.maxLength(200)),
      group: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(9))),
      flags: z.optional(z.string().check(z.regex(/^[imsu]*$/, 'only the flags i, m, s and u'))),
    })
    .check(
      z.superRefine((t, ctx) => {
        const refuse = (message: string) =>
          ctx.addIssue({
            // Stryker disable next-line StringLiteral: equivalent, a refusal shows an issue's path and message, never its code
            code: 'custom',
            path: ['pattern'],
            message,
          });
        try {
          new RegExp(t.pattern, t.flags);
        } catch (err) {
          assertIsError(err);
          refuse(`not a valid regular expression: ${err.message}`);
        }
        if (hasNestedQuantifier(t.pattern)) refuse('nested quantifiers like (a+)+ are not allowed');
      }),
    ),
);

/** zod schema for one transform (API input); the message names the bad part. */
export const fieldTransformSchema: z.ZodMiniType<FieldTransform> = z.lazy(() =>
  z.union([
    z.object({ kind: z.literal('concat'), separator: z._default(z.string().check(z.maxLength(10)), ' ') }),
    z.object({ kind: z.literal('split'), separator: z.string().check(z.minLength(1), z.maxLength(10)), index: z.number().check(z.int(), z.minimum(-20), z.maximum(20)) }),
    regexTransform,
    z.object({
      kind: z.literal('value_map'),
      map: z.record(z.string().check(z.maxLength(200)), z.string().check(z.maxLength(200))).check(z.refine((m) => Object.keys(m).length <= 500, 'at most 500 values')),
      caseSensitive: z.optional(z.boolean()),
    }),
    z.object({
      kind: z.literal('date_format'),
      format: z.string().check(z.minLength(1), z.maxLength(64), z.refine((f) => /[yMdHhmsaL]/.test(f), 'a luxon format such as dd.MM.yyyy or MM/dd/yyyy HH:mm')),
    }),
    z.object({ kind: z.literal('default'), value: z.string().check(z.maxLength(500)) }),
    z.object({ kind: z.literal('range'), pick: z._default(z.enum(['lower', 'midpoint', 'upper']), 'midpoint') }),
    z.object({ kind: z.literal('scale'), factor: z.number().check(z.positive(), z.maximum(1e12)) }),
    z.object({ kind: z.literal('decimal_comma') }),
  ]),
) as z.ZodMiniType<FieldTransform>;

/**
 * Problems with using `transforms` on `field` (beyond their own shape): a value map into
 * an enum must produce allowed values, a date format needs a date/datetime field.
 * Returns one message per problem, with the index of the transform.
 */
export function checkTransformsForField(field: FieldDefinition, transforms: readonly FieldTransform[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  transforms.forEach((t, index) => {
    if (t.kind === 'value_map' && field.type === 'enum' && field.enumValues !== undefined && field.codes === undefined) {
      const allowed = new Set(field.enumValues);
      const bad = Object.values(t.map).filter((v) => !allowed.has(v));
      if (bad.length > 0) problems.push({ index, message: `maps to ${bad.map((b) => `"${b}"`).join(', ')}, not one of ${field.enumValues.join(', ')}` });
    }
    // a duration printed as a bare number of minutes is scaled to seconds (map/duration-unit.ts)
    if (t.kind === 'scale' && field.type === 'duration') return;
    if ((t.kind === 'range' || t.kind === 'scale' || t.kind === 'decimal_comma') && !NUMERIC_FIELD_TYPES.has(field.type)) {
      problems.push({ index, message: `${t.kind} applies to integer, number and money fields (scale to duration fields too); "${field.name}" is ${field.type}` });
    }
    if (t.kind === 'date_format' && field.type !== 'date' && field.type !== 'datetime') {
      problems.push({ index, message: `date_format applies to date and datetime fields; "${field.name}" is ${field.type}` });
    }
  });
  return problems;
}

const NUMERIC_FIELD_TYPES = new Set<FieldDefinition['type']>(['integer', 'number', 'money']);

/** True when the transforms read ranges (the record keeps the text as printed). */
export function readsRanges(transforms: readonly FieldTransform[] | undefined): boolean {
  return transforms?.some((t) => t.kind === 'range') ?? false;
}

/** True when the transforms give a value without any source column (a constant field). */
export function hasDefault(transforms: readonly FieldTransform[] | undefined): boolean {
  return transforms?.some((t) => t.kind === 'default') ?? false;
}
