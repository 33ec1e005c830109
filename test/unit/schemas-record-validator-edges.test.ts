import { describe, expect, it } from 'vitest';
import { fieldRuleValidator, recordValidator } from '../../functions/core/schemas/record-validator.ts';
import type { FieldDefinition, SchemaDefinition } from '../../functions/core/schemas/schema-types.ts';

const f = (name: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  name,
  type,
  required: false,
  synonyms: [],
  description: '',
  ...extra,
});
const schema = (fields: FieldDefinition[], extra: Partial<SchemaDefinition> = {}): SchemaDefinition => ({ name: 's', fields, ...extra });
const ok = (s: SchemaDefinition, record: Record<string, unknown>): boolean => recordValidator(s).safeParse(record).success;
const one = (field: FieldDefinition, value: unknown): boolean => ok(schema([field]), { [field.name]: value });
const messages = (s: SchemaDefinition, record: Record<string, unknown>): string[] => {
  const r = recordValidator(s).safeParse(record);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('recordValidator: each field type', () => {
  it('string: a non-empty string', () => {
    expect(one(f('a', 'string'), 'x')).toBe(true);
    expect(one(f('a', 'string'), '')).toBe(false);
    expect(one(f('a', 'string'), 1)).toBe(false);
  });

  it('integer, duration and money: whole numbers, a duration never negative', () => {
    expect(one(f('a', 'integer'), -3)).toBe(true);
    expect(one(f('a', 'integer'), 1.5)).toBe(false);
    expect(one(f('a', 'duration'), 0)).toBe(true);
    expect(one(f('a', 'duration'), -1)).toBe(false);
    expect(one(f('a', 'duration'), 1.5)).toBe(false);
    expect(one(f('a', 'money'), -250)).toBe(true);
    expect(one(f('a', 'money'), 2.5)).toBe(false);
    expect(one(f('a', 'money'), '250')).toBe(false);
  });

  it('number and boolean', () => {
    expect(one(f('a', 'number'), 1.5)).toBe(true);
    expect(one(f('a', 'number'), '1.5')).toBe(false);
    expect(one(f('a', 'boolean'), false)).toBe(true);
    expect(one(f('a', 'boolean'), 'false')).toBe(false);
  });

  it('date: YYYY-MM-DD only; datetime: ISO with an offset', () => {
    expect(one(f('a', 'date'), '2024-01-02')).toBe(true);
    expect(one(f('a', 'date'), '2024-01-02T00:00:00Z')).toBe(false);
    expect(one(f('a', 'date'), 'x2024-01-02')).toBe(false);
    expect(one(f('a', 'datetime'), '2024-01-02T10:00:00Z')).toBe(true);
    expect(one(f('a', 'datetime'), '2024-01-02T10:00:00+02:00')).toBe(true);
    expect(one(f('a', 'datetime'), '2024-01-02')).toBe(false);
  });

  it('phone: E.164, or a short code of 3 to 6 digits with its * # marks', () => {
    for (const v of ['+12025550123', '+491234', '123', '123456', '*123', '#123#', '*100#']) expect(one(f('p', 'phone'), v)).toBe(true);
    for (const v of ['+0123456', '+1', '+1234567890123456', '12', '1234567', '12025550123x', 'x+12025550123', '**123']) expect(one(f('p', 'phone'), v)).toBe(false);
  });

  it('email, url and domain', () => {
    expect(one(f('a', 'email'), 'a@b.co')).toBe(true);
    expect(one(f('a', 'email'), 'a@')).toBe(false);
    expect(one(f('a', 'url'), 'https://x.com/a')).toBe(true);
    expect(one(f('a', 'url'), 'x')).toBe(false);
    expect(one(f('a', 'domain'), 'acme.co.uk')).toBe(true);
    expect(one(f('a', 'domain'), 'Acme.com')).toBe(false);
    expect(one(f('a', 'domain'), 'acme')).toBe(false);
    expect(one(f('a', 'domain'), 'acme.c')).toBe(false);
    expect(one(f('a', 'domain'), `${'a'.repeat(64)}.com`)).toBe(false);
    expect(one(f('a', 'domain'), 'x.acme.com.')).toBe(false);
  });

  it('enum: its values only', () => {
    const e = f('a', 'enum', { enumValues: ['in', 'out'] });
    expect(one(e, 'in')).toBe(true);
    expect(one(e, 'IN')).toBe(false);
    expect(one(f('a', 'enum'), 'in')).toBe(false);
  });

  it('multiple: a non-empty list of the type', () => {
    const m = f('a', 'string', { multiple: true });
    expect(one(m, ['x', 'y'])).toBe(true);
    expect(one(m, [])).toBe(false);
    expect(one(m, ['x', ''])).toBe(false);
    expect(one(m, 'x')).toBe(false);
  });
});

describe('recordValidator: keys', () => {
  it('requires required fields, and refuses keys it does not know', () => {
    const s = schema([f('a', 'string', { required: true }), f('b', 'string')]);
    expect(ok(s, { a: 'x' })).toBe(true);
    expect(ok(s, { b: 'x' })).toBe(false);
    expect(ok(s, { a: 'x', c: 'y' })).toBe(false);
  });

  it('types the companions of a phone field', () => {
    const s = schema([f('tel', 'phone')]);
    expect(ok(s, { tel: '+12025550123', tel_region: 'US', tel_line_type: 'fixed_line_or_mobile', tel_extension: '1234567890' })).toBe(true);
    for (const t of ['mobile', 'fixed_line', 'toll_free', 'premium_rate', 'shared_cost', 'voip', 'personal_number', 'pager', 'uan', 'voicemail', 'short_code', 'extension', 'unknown']) {
      expect(ok(s, { tel_line_type: t })).toBe(true);
    }
    expect(ok(s, { tel_line_type: 'landline' })).toBe(false);
    expect(ok(s, { tel_region: 'us' })).toBe(false);
    expect(ok(s, { tel_region: 'USA' })).toBe(false);
    expect(ok(s, { tel_extension: '' })).toBe(false);
    expect(ok(s, { tel_extension: '12345678901' })).toBe(false);
    expect(ok(s, { tel_extension: '12a' })).toBe(false);
  });

  it("types a money field's currency, under its own key or 'currency', and its micros", () => {
    const s = schema([f('cost', 'money', { microsField: 'cost_micros' })]);
    expect(ok(s, { cost: 5, currency: 'EUR', cost_micros: 5_000_000 })).toBe(true);
    expect(ok(s, { currency: 'eur' })).toBe(false);
    expect(ok(s, { currency: 'EURO' })).toBe(false);
    expect(ok(s, { cost_micros: 1.5 })).toBe(false);
    const own = schema([f('cost', 'money', { currencyField: 'cost_currency' })]);
    expect(ok(own, { cost_currency: 'USD' })).toBe(true);
    expect(ok(own, { cost_currency: 'US' })).toBe(false);
    expect(ok(own, { currency: 'USD' })).toBe(false);
    expect(ok(own, { cost_micros: 1 })).toBe(false);
  });

  it('reads a field that is the currency key of a money field as a currency code, whatever its declared type', () => {
    const s = schema([f('cost', 'money'), f('currency', 'string', { required: true })]);
    expect(ok(s, { currency: 'EUR' })).toBe(true);
    expect(ok(s, { currency: 'euros' })).toBe(false);
    expect(ok(s, {})).toBe(false);
  });
});

describe('recordValidator: conditional requirements and groups', () => {
  const s = schema([f('kind', 'string'), f('number', 'string', { required: true, requiredUnless: { field: 'kind', in: ['internal'] } })]);

  it('lifts a requirement for the values named, and says which field is missing otherwise', () => {
    expect(ok(s, { kind: 'internal' })).toBe(true);
    expect(messages(s, { kind: 'external' })).toEqual(['number: required']);
    expect(messages(s, {})).toEqual(['number: required']);
    expect(ok(s, { kind: 'external', number: 'x' })).toBe(true);
  });

  it('never requires a field that is not required, whatever its condition', () => {
    const optional = schema([f('kind', 'string'), f('number', 'string', { requiredUnless: { field: 'kind', in: ['internal'] } })]);
    expect(ok(optional, { kind: 'external' })).toBe(true);
    expect(ok(optional, {})).toBe(true);
  });

  it('needs one field of each group, naming the group at its first field', () => {
    const g = schema([f('a', 'string'), f('b', 'string'), f('c', 'string')], { requireAnyOf: [['a', 'b'], ['c']] });
    expect(ok(g, { b: 'x', c: 'y' })).toBe(true);
    expect(messages(g, { c: 'y' })).toEqual(['a: needs one of: a, b']);
    expect(messages(g, { a: 'x' })).toEqual(['c: needs one of: c']);
    const empty = recordValidator(schema([f('a', 'string')], { requireAnyOf: [[]] })).safeParse({ a: 'x' });
    expect(empty.success ? [] : empty.error.issues.map((i) => [i.path, i.message])).toEqual([[[''], 'needs one of: ']]);
  });
});

describe('validation rules', () => {
  it('checks a string against its pattern and lengths, naming the rule', () => {
    const s = schema([f('code', 'string', { validation: { pattern: '^[A-Z]+$', minLength: 2, maxLength: 3 } })]);
    expect(ok(s, { code: 'AB' })).toBe(true);
    expect(ok(s, { code: 'ABC' })).toBe(true);
    expect(messages(s, { code: 'A' })).toEqual(['code: shorter than 2 characters']);
    expect(messages(s, { code: 'ABCD' })).toEqual(['code: longer than 3 characters']);
    expect(messages(s, { code: 'ab' })).toEqual(['code: does not match ^[A-Z]+$']);
  });

  it('checks a number against its bounds, inclusive', () => {
    const s = schema([f('n', 'number', { validation: { min: 1, max: 5 } })]);
    expect(ok(s, { n: 1 })).toBe(true);
    expect(ok(s, { n: 5 })).toBe(true);
    expect(messages(s, { n: 0.5 })).toEqual(['n: less than 1']);
    expect(messages(s, { n: 5.5 })).toEqual(['n: greater than 5']);
  });

  it('fieldRuleValidator: none without rules, each item of a list checked', () => {
    expect(fieldRuleValidator(f('a', 'string'))).toBeUndefined();
    const single = fieldRuleValidator(f('a', 'string', { validation: { maxLength: 2 } }))!;
    expect(single.safeParse('ab').success).toBe(true);
    expect(single.safeParse('abc').success).toBe(false);
    expect(single.safeParse(7).success).toBe(true);
    const list = fieldRuleValidator(f('a', 'number', { multiple: true, validation: { min: 0 } }))!;
    expect(list.safeParse([0, 1]).success).toBe(true);
    expect(list.safeParse([0, -1]).success).toBe(false);
    expect(list.safeParse('x').success).toBe(false);
    const lengths = fieldRuleValidator(f('a', 'string', { validation: { minLength: 1 } }))!;
    expect(lengths.safeParse(0).success).toBe(true);
  });

  it('does not apply string rules to numbers or number rules to strings', () => {
    const rules = fieldRuleValidator(f('a', 'string', { validation: { pattern: '^x$', min: 5 } }))!;
    expect(rules.safeParse('x').success).toBe(true);
    expect(rules.safeParse(1).success).toBe(false);
    expect(fieldRuleValidator(f('a', 'number', { validation: { max: 1 } }))!.safeParse('5').success).toBe(true);
  });
});

describe('recordValidator: no key but the fields and their companions', () => {
  it('reads a field named currency as a currency only beside a money field', () => {
    expect(ok(schema([f('currency', 'string')]), { currency: 'euros' })).toBe(true);
  });

  it('gives companions only to phone and money fields, and micros only when named', () => {
    expect(ok(schema([f('a', 'string')]), { a_region: 'US' })).toBe(false);
    expect(ok(schema([f('a', 'string')]), { undefined: 1 })).toBe(false);
    expect(ok(schema([f('cost', 'money')]), { undefined: 1 })).toBe(false);
  });

  it("reports a rule's failures as custom issues", () => {
    const s = schema([f('code', 'string', { validation: { pattern: '^[A-Z]+$', minLength: 2, maxLength: 3 } }), f('n', 'number', { validation: { min: 1, max: 5 } })], {
      requireAnyOf: [['code']],
    });
    for (const record of [{ code: 'a' }, { code: 'ABCD' }, { code: 'AB', n: 0 }, { code: 'AB', n: 6 }, { n: 2 }]) {
      const r = recordValidator(s).safeParse(record);
      expect(r.success ? [] : r.error.issues.map((i) => i.code)).toContain('custom');
      expect(r.success ? [] : r.error.issues.map((i) => i.code).filter((c) => c !== 'custom')).toEqual([]);
    }
  });

  it('applies number rules to numbers only', () => {
    expect(fieldRuleValidator(f('a', 'number', { validation: { min: 5 } }))!.safeParse(true).success).toBe(true);
  });
});
