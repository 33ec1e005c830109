import { describe, expect, it } from 'vitest';
import { UnknownSchemaError } from '../../functions/core/errors.ts';
import { BUILTIN_SCHEMAS, compactSchema, getSchema, isBuiltinSchema, listSchemaNames, schemaForMapping } from '../../functions/core/schemas/registry.ts';
import { parseSchemaDefinition } from '../../functions/core/schemas/schema-definition.ts';
import { companionKeys, requirementWaived, type FieldDefinition, type SchemaDefinition } from '../../functions/core/schemas/schema-types.ts';

type Input = Record<string, unknown>;
const def = (fields: Input[], extra: Input = {}): Input => ({ name: 'leads', fields, ...extra });
/** the problems of a definition, as "path: message", or [] when it passes */
const problems = (input: unknown): string[] => {
  try {
    parseSchemaDefinition(input);
    return [];
  } catch (err) {
    return (err as { issues: { path: (string | number)[]; message: string }[] }).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }
};

describe('parseSchemaDefinition', () => {
  it('fills the defaults of a field given by name and type', () => {
    expect(parseSchemaDefinition(def([{ name: 'email', type: 'email' }]))).toEqual({
      name: 'leads',
      fields: [{ name: 'email', type: 'email', required: false, synonyms: [], description: '' }],
    });
  });

  it('takes names in snake_case of up to 63 characters, starting with a letter', () => {
    expect(problems(def([{ name: `a${'b'.repeat(62)}`, type: 'string' }]))).toEqual([]);
    expect(problems(def([{ name: `a${'b'.repeat(63)}`, type: 'string' }]))).toHaveLength(1);
    expect(problems(def([{ name: 'a', type: 'string' }]))).toEqual([]);
    for (const name of ['1a', 'A', 'a-b', '', ' a', 'a ']) expect(problems(def([{ name, type: 'string' }]))).toEqual([`fields.0.name: snake_case, starting with a letter`]);
    expect(problems({ name: 'Leads', fields: [{ name: 'a', type: 'string' }] })).toEqual(['name: snake_case, starting with a letter']);
    expect(problems(def([{ name: 'a', type: 'string', currencyField: 'Cur' }]))).toHaveLength(1);
    expect(problems(def([{ name: 'a', type: 'string', microsField: 'a-b' }]))).toHaveLength(1);
  });

  it('refuses an unknown type, kind or code table, and bounds the lists and texts', () => {
    expect(problems(def([{ name: 'a', type: 'text' }]))).toHaveLength(1);
    expect(problems(def([{ name: 'a', type: 'string', kind: 'person_name' }]))).toEqual([]);
    expect(problems(def([{ name: 'a', type: 'string', kind: 'pet_name' }]))).toHaveLength(1);
    expect(problems(def([{ name: 'a', type: 'enum', enumValues: ['x'], codes: 'call_direction' }]))).toEqual([]);
    expect(problems(def([{ name: 'a', type: 'enum', enumValues: ['x'], codes: 'call_status' }]))).toHaveLength(1);
    expect(problems(def([]))).toHaveLength(1);
    expect(problems(def(Array.from({ length: 500 }, (_, i) => ({ name: `f${i}`, type: 'string' }))))).toEqual([]);
    expect(problems(def(Array.from({ length: 501 }, (_, i) => ({ name: `f${i}`, type: 'string' }))))).toHaveLength(1);
    expect(problems(def([{ name: 'a', type: 'string', synonyms: ['x'.repeat(100)] }]))).toEqual([]);
    expect(problems(def([{ name: 'a', type: 'string', synonyms: ['x'.repeat(101)] }]))).toHaveLength(1);
    expect(problems(def([{ name: 'a', type: 'string', synonyms: [''] }]))).toHaveLength(1);
    expect(problems(def([{ name: 'a', type: 'string', synonyms: Array.from({ length: 200 }, (_, i) => `s${i}`) }]))).toEqual([]);
    expect(problems(def([{ name: 'a', type: 'string', synonyms: Array.from({ length: 201 }, (_, i) => `s${i}`) }]))).toHaveLength(1);
    expect(problems(def([{ name: 'a', type: 'string', description: 'd'.repeat(500) }], { description: 'd'.repeat(500) }))).toEqual([]);
    expect(problems(def([{ name: 'a', type: 'string', description: 'd'.repeat(501) }]))).toHaveLength(1);
    expect(problems(def([{ name: 'a', type: 'string' }], { description: 'd'.repeat(501) }))).toHaveLength(1);
    expect(problems(def([{ name: 'a', type: 'string', timeSynonyms: [''] }]))).toHaveLength(1);
    expect(problems(def([{ name: 'a', type: 'enum', enumValues: [] }]))).toHaveLength(1);
    expect(problems(def([{ name: 'a', type: 'enum', enumValues: [''] }]))).toHaveLength(1);
  });

  it('checks derivations by their kind, and the fields they read', () => {
    const fields = [{ name: 'email', type: 'email' }, { name: 'full', type: 'string' }];
    expect(problems(def([...fields, { name: 'd', type: 'domain', derive: { kind: 'domain_from_email', from: 'email' } }]))).toEqual([]);
    expect(problems(def([...fields, { name: 'd', type: 'string', derive: { kind: 'name_part', from: 'full', part: 'first' } }]))).toEqual([]);
    expect(problems(def([...fields, { name: 'd', type: 'string', derive: { kind: 'name_part', from: 'full', part: 'middle' } }]))).toHaveLength(1);
    expect(problems(def([...fields, { name: 'd', type: 'string', derive: { kind: 'join', from: [] } }]))).toHaveLength(1);
    expect(problems(def([...fields, { name: 'd', type: 'string', derive: { kind: 'join', from: ['full', 'nope'] } }]))).toEqual(['fields.2.derive: unknown field "nope"']);
    expect(problems(def([...fields, { name: 'd', type: 'domain', derive: { kind: 'domain_from_email', from: 'mail' } }]))).toEqual(['fields.2.derive: unknown field "mail"']);
    expect(problems(def([...fields, { name: 'd', type: 'string', derive: { kind: 'split', from: 'full' } }]))).toHaveLength(1);
  });

  it('checks validation rules: their bounds, a regular expression that compiles and is not catastrophic, and the type they suit', () => {
    const rules = (type: string, validation: Input) => problems(def([{ name: 'a', type, validation }]));
    expect(rules('string', { pattern: '^[A-Z]+$', minLength: 0, maxLength: 100_000 })).toEqual([]);
    expect(rules('string', { minLength: 2, maxLength: 2 })).toEqual([]);
    expect(rules('string', { minLength: 3, maxLength: 2 })).toEqual(['fields.0.validation.minLength: minLength is greater than maxLength']);
    expect(rules('string', { pattern: '' })).toHaveLength(1);
    expect(rules('string', { pattern: 'x'.repeat(200) })).toEqual([]);
    expect(rules('string', { pattern: 'x'.repeat(201) })).toHaveLength(1);
    expect(rules('string', { pattern: '(' })[0]).toMatch(/^fields\.0\.validation\.pattern: not a valid regular expression: /);
    expect(rules('string', { pattern: '(a+)+' })).toEqual(['fields.0.validation.pattern: nested quantifiers like (a+)+ are not allowed']);
    expect(rules('string', { minLength: -1 })).toHaveLength(1);
    expect(rules('string', { minLength: 1.5 })).toHaveLength(1);
    expect(rules('string', { minLength: 100_001 })).toHaveLength(1);
    expect(rules('string', { maxLength: 0 })).toHaveLength(1);
    expect(rules('string', { maxLength: 1 })).toEqual([]);
    expect(rules('string', { maxLength: 100_001 })).toHaveLength(1);
    expect(rules('string', { flags: 'i' })).toHaveLength(1);
    expect(rules('number', { min: 1, max: 1 })).toEqual([]);
    expect(rules('number', { min: 2, max: 1 })).toEqual(['fields.0.validation.min: min is greater than max']);
    expect(rules('money', { min: 0 })).toEqual([]);
    for (const type of ['integer', 'number', 'money', 'duration']) {
      expect(rules(type, { maxLength: 3 })).toEqual([`fields.0.validation: ${type} fields take min/max, not text rules`]);
    }
    expect(rules('integer', { pattern: 'x' })).toEqual(['fields.0.validation: integer fields take min/max, not text rules']);
    expect(rules('integer', { minLength: 1 })).toEqual(['fields.0.validation: integer fields take min/max, not text rules']);
    expect(rules('string', { min: 1 })).toEqual(['fields.0.validation: string fields take pattern/minLength/maxLength, not min/max']);
    expect(rules('date', { max: 1 })).toEqual(['fields.0.validation: date fields take pattern/minLength/maxLength, not min/max']);
  });

  it('refuses duplicate fields, an enum without values and an output key written twice', () => {
    expect(problems(def([{ name: 'a', type: 'string' }, { name: 'a', type: 'string' }]))).toEqual(['fields.1.name: duplicate field "a"']);
    expect(problems(def([{ name: 'a', type: 'enum' }]))).toEqual(['fields.0.enumValues: enum fields need enumValues']);
    expect(problems(def([{ name: 'tel', type: 'phone' }, { name: 'tel_region', type: 'string' }]))).toEqual(['fields.0.name: output key "tel_region" is written twice']);
    expect(problems(def([{ name: 'cost', type: 'money' }, { name: 'fee', type: 'money' }]))).toEqual(['fields.1.name: output key "currency" is written twice']);
    expect(problems(def([{ name: 'cost', type: 'money', microsField: 'm' }, { name: 'fee', type: 'money', currencyField: 'fee_currency', microsField: 'm' }]))).toEqual([
      'fields.1.name: output key "m" is written twice',
    ]);
    // a money field's currency may be a field of its own
    expect(problems(def([{ name: 'cost', type: 'money' }, { name: 'currency', type: 'string' }]))).toEqual([]);
    expect(problems(def([{ name: 'cost', type: 'money', microsField: 'cost_micros' }, { name: 'cost_micros', type: 'integer' }]))).toEqual([]);
    expect(problems(def([{ name: 'cost', type: 'money', currencyField: 'cur' }, { name: 'fee', type: 'money', currencyField: 'cur' }, { name: 'cur', type: 'string' }]))).toEqual([
      'fields.1.name: output key "cur" is written twice',
    ]);
  });

  it('refuses references to fields that are not there', () => {
    const fields = [{ name: 'a', type: 'string' }, { name: 'b', type: 'string', required: true, requiredUnless: { field: 'a', in: ['x'] } }];
    expect(problems(def(fields, { expected: ['a'], requireAnyOf: [['a', 'b']] }))).toEqual([]);
    expect(problems(def([{ name: 'b', type: 'string', requiredUnless: { field: 'z', in: ['x'] } }]))).toEqual(['fields.0.requiredUnless.field: unknown field "z"']);
    expect(problems(def([{ name: 'b', type: 'string', requiredUnless: { field: 'b', in: [] } }]))).toHaveLength(1);
    expect(problems(def(fields, { expected: ['a', 'z'] }))).toEqual(['expected.1: unknown field "z"']);
    expect(problems(def(fields, { requireAnyOf: [['a'], ['b', 'z']] }))).toEqual(['requireAnyOf.1: unknown field "z"']);
    expect(problems(def(fields, { requireAnyOf: [[]] }))).toHaveLength(1);
  });
});

describe('schema-types helpers', () => {
  const f = (x: Partial<FieldDefinition>): FieldDefinition => ({ name: 'x', type: 'string', required: true, synonyms: [], description: '', ...x });

  it('companionKeys: a phone field writes its region, line type and extension; a money field its currency and micros', () => {
    expect(companionKeys(f({ name: 'tel', type: 'phone' }))).toEqual(['tel_region', 'tel_line_type', 'tel_extension']);
    expect(companionKeys(f({ type: 'money' }))).toEqual(['currency']);
    expect(companionKeys(f({ type: 'money', currencyField: 'cur', microsField: 'm' }))).toEqual(['cur', 'm']);
    expect(companionKeys(f({ type: 'money', microsField: 'm' }))).toEqual(['currency', 'm']);
    expect(companionKeys(f({ type: 'string', microsField: 'm' }))).toEqual([]);
  });

  it('requirementWaived: only by a string value named in the condition', () => {
    const field = f({ requiredUnless: { field: 'kind', in: ['internal', 'test'] } });
    expect(requirementWaived(field, { kind: 'test' })).toBe(true);
    expect(requirementWaived(field, { kind: 'external' })).toBe(false);
    expect(requirementWaived(field, {})).toBe(false);
    expect(requirementWaived(f({}), { kind: 'test' })).toBe(false);
    expect(requirementWaived(f({ requiredUnless: { field: 'n', in: ['1'] } }), { n: 1 })).toBe(false);
  });
});

describe('registry', () => {
  it('names the built-ins sorted, tells them apart and gives each by name', () => {
    expect(listSchemaNames()).toEqual(['call_record', 'company_account', 'contact']);
    expect([...BUILTIN_SCHEMAS.keys()]).toEqual(['call_record', 'contact', 'company_account']);
    expect(isBuiltinSchema('contact')).toBe(true);
    expect(isBuiltinSchema('leads')).toBe(false);
    expect(getSchema('contact').name).toBe('contact');
    expect(() => getSchema('leads')).toThrow(UnknownSchemaError);
    expect(() => getSchema('leads')).toThrow('Unknown schema "leads". Known schemas: call_record, company_account, contact');
  });

  it("compactSchema keeps what the record builder reads and drops what only matching uses", () => {
    const s: SchemaDefinition = {
      name: 'leads',
      description: 'd',
      requireAnyOf: [['a']],
      expected: ['a'],
      fields: [{ name: 'a', type: 'datetime', required: true, synonyms: ['A'], timeSynonyms: ['T'], description: 'x', multiple: true }],
    };
    expect(compactSchema(s)).toEqual({
      name: 'leads',
      requireAnyOf: [['a']],
      expected: ['a'],
      fields: [{ name: 'a', type: 'datetime', required: true, synonyms: [], description: '', multiple: true }],
    });
    expect(compactSchema({ name: 'b', fields: [] })).toEqual({ name: 'b', fields: [] });
  });

  it('schemaForMapping: the definition carried when it is of the same name, else the built-in', () => {
    const custom: SchemaDefinition = { name: 'leads', fields: [] };
    expect(schemaForMapping({ schema: 'leads', schemaDefinition: custom })).toBe(custom);
    expect(schemaForMapping({ schema: 'contact', schemaDefinition: custom })).toBe(getSchema('contact'));
    expect(schemaForMapping({ schema: 'contact' })).toBe(getSchema('contact'));
    expect(() => schemaForMapping({ schema: 'leads' })).toThrow(UnknownSchemaError);
  });
});
