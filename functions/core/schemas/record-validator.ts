import * as z from 'zod/mini';
import '../zod-mini.ts';
import { requirementWaived, type FieldDefinition, type SchemaDefinition } from './schema-types.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// E.164, or an SMS/service short code kept as its digits (see normalizePhone)
const PHONE = /^(?:\+[1-9]\d{1,14}|[*#]?\d{3,6}#?)$/;
const CURRENCY = /^[A-Z]{3}$/;
const LINE_TYPES = [
  'mobile', 'fixed_line', 'fixed_line_or_mobile', 'toll_free', 'premium_rate', 'shared_cost', 'voip',
  'personal_number', 'pager', 'uan', 'voicemail', 'short_code', 'extension', 'unknown',
] as const;

function valueType(field: FieldDefinition): z.ZodMiniType {
  let t: z.ZodMiniType;
  switch (field.type) {
    case 'string':
      t = z.string().check(z.minLength(1));
      break;
    case 'integer':
    case 'duration':
      t = field.type === 'duration' ? z.number().check(z.int(), z.nonnegative()) : z.number().check(z.int());
      break;
    case 'money':
      t = z.number().check(z.int());
      break;
    case 'number':
      t = z.number();
      break;
    case 'boolean':
      t = z.boolean();
      break;
    case 'date':
      t = z.string().check(z.regex(DATE));
      break;
    case 'datetime':
      t = z.iso.datetime({ offset: true });
      break;
    case 'phone':
      t = z.string().check(z.regex(PHONE));
      break;
    case 'email':
      t = z.email();
      break;
    case 'url':
      t = z.url();
      break;
    case 'domain':
      t = z.string().check(z.regex(/^([a-z0-9-]{1,63}\.)+[a-z0-9-]{2,63}$/));
      break;
    case 'enum':
      t = z.enum((field.enumValues ?? []) as [string, ...string[]]);
      break;
  }
  t = withRules(t, field);
  return field.multiple === true ? z.array(t).check(z.minLength(1)) : t;
}

/**
 * A field's validation rules as a zod check on its output value (each list item for a
 * `multiple` field), or undefined when it has none. Shared by the record validator and
 * the record builder, so a rule means the same thing in both.
 */
export function fieldRuleValidator(field: FieldDefinition): z.ZodMiniType | undefined {
  if (field.validation === undefined) return undefined;
  const rule = withRules(z.unknown(), field);
  return field.multiple === true ? z.array(rule) : rule;
}

function withRules(base: z.ZodMiniType, field: FieldDefinition): z.ZodMiniType {
  const v = field.validation;
  if (v === undefined) return base;
  const pattern = v.pattern === undefined ? undefined : new RegExp(v.pattern);
  return base.check(
    z.superRefine((value, ctx) => {
      if (typeof value === 'string') {
        if (pattern !== undefined && !pattern.test(value)) ctx.addIssue({ code: 'custom', message: `does not match ${v.pattern}` });
        if (v.minLength !== undefined && value.length < v.minLength) ctx.addIssue({ code: 'custom', message: `shorter than ${v.minLength} characters` });
        if (v.maxLength !== undefined && value.length > v.maxLength) ctx.addIssue({ code: 'custom', message: `longer than ${v.maxLength} characters` });
      } else if (typeof value === 'number') {
        if (v.min !== undefined && value < v.min) ctx.addIssue({ code: 'custom', message: `less than ${v.min}` });
        if (v.max !== undefined && value > v.max) ctx.addIssue({ code: 'custom', message: `greater than ${v.max}` });
      }
    }),
  );
}

/**
 * A zod validator for the records built for `schema`: each field's output type, required
 * fields present, companion keys (phone `_region`/`_line_type`/`_extension`, a money
 * field's currency) typed, `requireAnyOf` groups satisfied, and no other keys.
 */
export function recordValidator(schema: SchemaDefinition): z.ZodMiniType<Record<string, unknown>> {
  const shape: Record<string, z.ZodMiniType> = {};
  const currencyKeys = new Set(schema.fields.filter((f) => f.type === 'money').map((f) => f.currencyField ?? 'currency'));
  const conditional = schema.fields.filter(
    (f) =>
      f.required &&
      // Stryker disable next-line ConditionalExpression: equivalent for true, a required field without a condition is never optional in the shape, and the refinement runs only on a record that passed it
      f.requiredUnless !== undefined,
  );
  for (const field of schema.fields) {
    const t = currencyKeys.has(field.name) ? z.string().check(z.regex(CURRENCY)) : valueType(field);
    shape[field.name] = field.required && field.requiredUnless === undefined ? t : z.optional(t);
    if (field.type === 'phone') {
      shape[`${field.name}_region`] = z.optional(z.string().check(z.regex(/^[A-Z]{2}$/)));
      shape[`${field.name}_line_type`] = z.optional(z.enum(LINE_TYPES));
      shape[`${field.name}_extension`] = z.optional(z.string().check(z.regex(/^\d{1,10}$/)));
    }
    if (field.type === 'money') shape[field.currencyField ?? 'currency'] = z.optional(z.string().check(z.regex(CURRENCY)));
    if (field.type === 'money' && field.microsField !== undefined) shape[field.microsField] = z.optional(z.number().check(z.int()));
  }
  const groups = schema.requireAnyOf ?? [];
  return z.strictObject(shape).check(
    z.superRefine((record, ctx) => {
      for (const field of conditional) {
        if (record[field.name] === undefined && !requirementWaived(field, record)) ctx.addIssue({ code: 'custom', message: 'required', path: [field.name] });
      }
      for (const group of groups) {
        if (!group.some((name) => record[name] !== undefined)) {
          ctx.addIssue({ code: 'custom', message: `needs one of: ${group.join(', ')}`, path: [group[0] ?? ''] });
        }
      }
    }),
  );
}
