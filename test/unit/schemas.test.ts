import { describe, expect, it } from 'vitest';
import { UnknownSchemaError } from '../../functions/core/errors.ts';
import { recordValidator } from '../../functions/core/schemas/record-validator.ts';
import { BUILTIN_SCHEMAS, compactSchema, getSchema, isBuiltinSchema, listSchemaNames, schemaForMapping } from '../../functions/core/schemas/registry.ts';
import { parseSchemaDefinition } from '../../functions/core/schemas/schema-definition.ts';

describe('getSchema', () => {
  it('returns the built-in schemas by name', () => {
    expect(listSchemaNames()).toEqual(['call_record', 'company_account', 'contact']);
    const cr = getSchema('call_record');
    expect(cr.fields.map((f) => f.name)).toEqual([
      'started_at', 'direction', 'counterpart_number', 'duration_seconds', 'record_type', 'location', 'subscriber_number', 'cost_minor', 'cost_micros',
      'currency', 'account_number',
    ]);
    expect(cr.fields.filter((f) => f.required).map((f) => f.name)).toEqual(['started_at', 'counterpart_number']);
  });

  it('throws UnknownSchemaError naming the known schemas', () => {
    expect(() => getSchema('invoices')).toThrow(UnknownSchemaError);
    expect(() => getSchema('invoices')).toThrow('Known schemas: call_record, company_account, contact');
  });

  it('ships built-in definitions that pass the definition validator', () => {
    for (const schema of BUILTIN_SCHEMAS.values()) expect(() => parseSchemaDefinition(structuredClone(schema))).not.toThrow();
  });
});

describe('parseSchemaDefinition', () => {
  it('rejects duplicate fields, enums without values and unknown references', () => {
    const result = (() => {
      try {
        parseSchemaDefinition({
          name: 'bad',
          fields: [
            { name: 'a', type: 'string', required: false, synonyms: [], description: '' },
            { name: 'a', type: 'enum', required: false, synonyms: [], description: '' },
            { name: 'b', type: 'string', required: false, synonyms: [], description: '', derive: { kind: 'join', from: ['nope'] } },
          ],
        });
        return '';
      } catch (e) {
        return String(e);
      }
    })();
    expect(result).toContain('duplicate field');
    expect(result).toContain('enum fields need enumValues');
    expect(result).toContain('unknown field');
  });

  it('rejects a phone field whose companion collides with another field', () => {
    expect(() =>
      parseSchemaDefinition({
        name: 'clash',
        fields: [
          { name: 'tel', type: 'phone', required: false, synonyms: [], description: '' },
          { name: 'tel_region', type: 'string', required: false, synonyms: [], description: '' },
        ],
      }),
    ).toThrow('written twice');
  });
});

describe('recordValidator', () => {
  const validate = recordValidator(getSchema('call_record'));

  it('accepts a complete call record', () => {
    const record = {
      started_at: '2025-11-03T19:05:09Z',
      direction: 'inbound',
      counterpart_number: '+12125551234',
      counterpart_number_region: 'US',
      counterpart_number_line_type: 'fixed_line_or_mobile',
      duration_seconds: 754,
      record_type: 'voice',
      location: 'NEW YORK NY',
      cost_minor: 125,
      currency: 'USD',
      account_number: '123456789',
    };
    expect(validate.safeParse(record).success).toBe(true);
  });

  it('accepts a short code as the counterpart', () => {
    expect(validate.safeParse({ started_at: '2025-11-03T19:05:09Z', counterpart_number: '12345', counterpart_number_line_type: 'short_code' }).success).toBe(true);
  });

  it('rejects missing required fields, wrong types and unknown keys', () => {
    expect(validate.safeParse({ started_at: '2025-11-03T19:05:09Z' }).success).toBe(false);
    expect(validate.safeParse({ started_at: 'yesterday', counterpart_number: '+12125551234' }).success).toBe(false);
    expect(validate.safeParse({ started_at: '2025-11-03T19:05:09Z', counterpart_number: '+12125551234', duration_seconds: 1.5 }).success).toBe(false);
    expect(validate.safeParse({ started_at: '2025-11-03T19:05:09Z', counterpart_number: '+12125551234', direction: 'sideways' }).success).toBe(false);
    expect(validate.safeParse({ started_at: '2025-11-03T19:05:09Z', counterpart_number: '+12125551234', currency: 'dollars' }).success).toBe(false);
    expect(validate.safeParse({ started_at: '2025-11-03T19:05:09Z', counterpart_number: '+12125551234', extra: 1 }).success).toBe(false);
  });

  it('enforces require-any-of groups for contacts', () => {
    const contact = recordValidator(getSchema('contact'));
    expect(contact.safeParse({ title: 'CTO' }).success).toBe(false);
    expect(contact.safeParse({ email: 'jane@acme.com' }).success).toBe(true);
    expect(contact.safeParse({ email: 'not-an-email' }).success).toBe(false);
  });

  it('types list and number fields of company accounts', () => {
    const company = recordValidator(getSchema('company_account'));
    expect(company.safeParse({ name: 'Acme', technologies: ['AWS'], employee_count: 12, annual_revenue: 1.5e6 }).success).toBe(true);
    expect(company.safeParse({ name: 'Acme', technologies: 'AWS' }).success).toBe(false);
    expect(company.safeParse({ name: 'Acme', employee_count: 12.5 }).success).toBe(false);
  });
});

describe('custom schemas', () => {
  const custom = {
    name: 'invoice_line',
    fields: [
      { name: 'invoice_number', type: 'string', required: true, validation: { pattern: '^INV-\\d+$', maxLength: 12 } },
      { name: 'amount', type: 'money', required: true, validation: { min: 0, max: 1_000_000 } },
      { name: 'status', type: 'enum', enumValues: ['open', 'paid'] },
      { name: 'issued_on', type: 'date' },
    ],
  };

  it('fills defaults so a person can give just names and types', () => {
    const def = parseSchemaDefinition(custom);
    expect(def.fields[2]).toEqual({ name: 'status', type: 'enum', enumValues: ['open', 'paid'], required: false, synonyms: [], description: '' });
  });

  it('rejects validation rules that do not fit the field type, or do not compile', () => {
    const bad = (field: object) => () => parseSchemaDefinition({ name: 'x', fields: [{ name: 'a', ...field }] });
    expect(bad({ type: 'integer', validation: { pattern: '^1' } })).toThrow('take min/max, not text rules');
    expect(bad({ type: 'string', validation: { min: 1 } })).toThrow('not min/max');
    expect(bad({ type: 'string', validation: { pattern: '(' } })).toThrow('not a valid regular expression');
    expect(bad({ type: 'number', validation: { min: 5, max: 1 } })).toThrow('min is greater than max');
    expect(bad({ type: 'string', validation: { colour: 'red' } })).toThrow();
  });

  it('validates records with the rules through zod', () => {
    const validate = recordValidator(parseSchemaDefinition(custom));
    expect(validate.safeParse({ invoice_number: 'INV-12', amount: 1250, currency: 'EUR', status: 'paid' }).success).toBe(true);
    expect(validate.safeParse({ invoice_number: 'X-12', amount: 1250 }).success).toBe(false);
    expect(validate.safeParse({ invoice_number: 'INV-123456789', amount: 1250 }).success).toBe(false);
    expect(validate.safeParse({ invoice_number: 'INV-1', amount: -5 }).success).toBe(false);
  });

  it('travels in a mapping without its synonyms, and Enrich finds it there', () => {
    const def = parseSchemaDefinition({ ...custom, fields: custom.fields.map((f) => ({ ...f, synonyms: ['long', 'list'], description: 'd' })) });
    const compact = compactSchema(def);
    expect(compact.fields.every((f) => f.synonyms.length === 0 && f.description === '')).toBe(true);
    expect(compact.fields[0]?.validation).toEqual({ pattern: '^INV-\\d+$', maxLength: 12 });
    expect(schemaForMapping({ schema: 'invoice_line', schemaDefinition: compact })).toBe(compact);
    expect(schemaForMapping({ schema: 'contact' }).name).toBe('contact');
    expect(() => schemaForMapping({ schema: 'invoice_line' })).toThrow(UnknownSchemaError);
    expect(isBuiltinSchema('contact')).toBe(true);
    expect(isBuiltinSchema('invoice_line')).toBe(false);
  });
});
