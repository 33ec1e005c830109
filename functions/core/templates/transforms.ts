import { DateTime } from 'luxon';
import * as z from 'zod/mini';
import '../zod-mini.ts';
import { isBlankCell } from '../enrich/result.ts';
import { parseNumber } from '../enrich/number.ts';
import { parseRange } from '../map/units.ts';
import type { FieldDefinition } from '../schemas/schema-types.ts';
import { assertIsError } from '../errors.ts';

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

/** Regexes run on at most this many characters of a cell: a 1 MiB cell cannot stall a worker. */
const REGEX_INPUT_LIMIT = 1000;

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
        try {
          new RegExp(t.pattern, t.flags);
        } catch (err) {
          assertIsError(err);
          ctx.addIssue({ code: 'custom', path: ['pattern'], message: `not a valid regular expression: ${err.message}` });
        }
        if (hasNestedQuantifier(t.pattern)) ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'nested quantifiers like (a+)+ are not allowed' });
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

/** A transform that could not produce a value (the row's error report gets `reason`). */
export interface TransformFailure {
  reason: string;
}

/** Reads one field's value from a row's cells, transforms applied. */
export type CellReader = (cells: readonly string[]) => string | TransformFailure;

export interface TransformContext {
  /** IANA zone for wall-clock dates read with a `date_format` */
  timezone: string;
  /** the field's type: `date_format` writes a date or an instant */
  fieldType: FieldDefinition['type'];
}

/**
 * Compile a field's sources and transforms into a reader, once per job. Blank source cells
 * are skipped when joining (as the record builder always did).
 */
export function compileTransforms(sources: readonly number[], transforms: readonly FieldTransform[], ctx: TransformContext): CellReader {
  const concat = transforms.find((t): t is Extract<FieldTransform, { kind: 'concat' }> => t.kind === 'concat');
  const separator = concat?.separator ?? ' ';
  const dateFormat = transforms.find((t): t is Extract<FieldTransform, { kind: 'date_format' }> => t.kind === 'date_format');
  const steps = transforms.filter((t) => t.kind !== 'concat' && t.kind !== 'date_format').map((t) => compileStep(t, ctx));
  const toDate = dateFormat === undefined ? undefined : compileDateFormat(dateFormat.format, ctx);
  return (cells) => {
    let value: string;
    if (sources.length === 1) value = cells[sources[0]!] ?? '';
    else {
      const parts: string[] = [];
      for (const s of sources) {
        const v = cells[s] ?? '';
        if (!isBlankCell(v)) parts.push(v.trim());
      }
      value = parts.join(separator);
    }
    for (const step of steps) value = step(value);
    if (toDate !== undefined && !isBlankCell(value)) return toDate(value);
    return value;
  };
}

function compileStep(t: Exclude<FieldTransform, { kind: 'concat' } | { kind: 'date_format' }>, ctx: TransformContext): (v: string) => string {
  switch (t.kind) {
    case 'split':
      return (v) => {
        const parts = v.split(t.separator);
        const part = t.index < 0 ? parts[parts.length + t.index] : parts[t.index];
        return (part ?? '').trim();
      };
    case 'regex': {
      const re = new RegExp(t.pattern, (t.flags ?? '').replace(/g/g, ''));
      const group = t.group ?? (re.source.includes('(') ? 1 : 0);
      return (v) => {
        const m = re.exec(v.length > REGEX_INPUT_LIMIT ? v.slice(0, REGEX_INPUT_LIMIT) : v);
        return (m?.[group] ?? m?.[0] ?? '').trim();
      };
    }
    case 'value_map': {
      const table = new Map<string, string>();
      for (const [from, to] of Object.entries(t.map)) table.set(t.caseSensitive === true ? from.trim() : from.trim().toLowerCase(), to);
      return (v) => {
        const key = t.caseSensitive === true ? v.trim() : v.trim().toLowerCase();
        return table.get(key) ?? v;
      };
    }
    case 'default':
      return (v) => (isBlankCell(v) ? t.value : v);
    case 'range':
      return (v) => {
        const r = parseRange(v);
        if (r === undefined) return v;
        const value = t.pick === 'upper' ? (r.upper ?? r.lower) : t.pick === 'midpoint' && r.upper !== undefined ? (r.lower + r.upper) / 2 : r.lower;
        return String(ctx.fieldType === 'integer' ? Math.floor(value + 0.5) : value);
      };
    case 'decimal_comma':
      // dots and spaces between digit groups go, the comma becomes the decimal point
      return (v) => v.replace(/(\d)[.\s\u00a0](?=\d{3}(?!\d))/g, '$1').replace(/(\d),(\d)/g, '$1.$2');
    case 'scale':
      return (v) => {
        // the currency stays in front, so a money field still knows it ("$25,000" -> "$25000000")
        const currency = /^\s*((?:[A-Z]{0,3}\$|[€£¥₹]|[A-Z]{3}\s))\s*/.exec(v)?.[1] ?? '';
        const n = parseNumber(v);
        return n.ok ? `${currency}${round6(n.value * t.factor)}` : v;
      };
  }
}

/** Float noise off a scaled value (48.5 x 1e6 = 48500000.00000001). */
function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** True when the transforms read ranges (the record keeps the text as printed). */
export function readsRanges(transforms: readonly FieldTransform[] | undefined): boolean {
  return transforms?.some((t) => t.kind === 'range') ?? false;
}

function compileDateFormat(format: string, ctx: TransformContext): (v: string) => string | TransformFailure {
  const opts = { zone: ctx.timezone, setZone: false };
  return (v) => {
    const dt = DateTime.fromFormat(v.trim(), format, opts);
    if (!dt.isValid) return { reason: `does not match the date format "${format}"` };
    if (ctx.fieldType === 'date') return dt.toISODate() ?? v;
    return dt.toUTC().toISO({ suppressMilliseconds: true }) ?? v;
  };
}

/** True when the transforms give a value without any source column (a constant field). */
export function hasDefault(transforms: readonly FieldTransform[] | undefined): boolean {
  return transforms?.some((t) => t.kind === 'default') ?? false;
}
