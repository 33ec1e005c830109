import { describe, expect, it } from 'vitest';
import { buildQualityReport, share } from '../../functions/core/quality/quality-report.ts';
import type { QualityCounts } from '../../functions/core/quality/field-tally.ts';
import { parseSchemaDefinition } from '../../functions/core/schemas/schema-definition.ts';

/*
 * The report's shape at its edges: which fields come first, how many are listed, how an enum's
 * values are ordered and capped, and the share of a field over no records.
 */

const mappingOf = (...fields: string[]) => ({ fields: fields.map((field) => ({ field, sources: [0], sourceHeaders: ['x'], confidence: 1, reason: 'confirmed' as const })) });

describe('share', () => {
  it('is 1 over no records (nothing was missed), rounded to 3 decimals otherwise', () => {
    expect(share(0, 0)).toBe(1);
    expect(share(5, 0)).toBe(1);
    expect(share(1, 3)).toBe(0.333);
    expect(share(2, 3)).toBe(0.667);
  });
});

describe('buildQualityReport', () => {
  it('lists the fields that say something first, each group in schema order, and a field of no counts as empty', () => {
    const schema = parseSchemaDefinition({
      name: 'rows',
      fields: ['quiet_a', 'mapped_only', 'expected_only', 'filled_only', 'rejected_only', 'blanked_only', 'quiet_b'].map((name) => ({ name, type: 'string' })),
      expected: ['expected_only'],
    });
    const counts: QualityCounts = {
      records: 4,
      fields: { quiet_a: { filled: 0, rejected: 0, blanked: 0 }, filled_only: { filled: 1 }, rejected_only: { filled: 0, rejected: 1 }, blanked_only: { filled: 0, blanked: 2 } },
    };
    const q = buildQualityReport(counts, schema, mappingOf('mapped_only'));
    expect(q.fields.map((f) => f.field)).toEqual(['mapped_only', 'expected_only', 'filled_only', 'rejected_only', 'blanked_only', 'quiet_a', 'quiet_b']);
    expect(q.fields.find((f) => f.field === 'quiet_b')).toEqual({
      field: 'quiet_b', mapped: false, expected: false, filled: 0, empty: 4, notApplicable: 0, fillRate: 0, blanked: 0, rejected: 0, reasons: {}, distinct: 0,
    });
    expect(q).toMatchObject({ records: 4, fieldsFilled: 1, fieldsTotal: 7, rowReasons: {} });
    expect(q).not.toHaveProperty('fieldsOmitted');
  });

  it('lists at most 200 fields and says how many it left out', () => {
    const names = Array.from({ length: 203 }, (_, i) => `f${i}`);
    const schema = parseSchemaDefinition({ name: 'wide', fields: names.map((name) => ({ name, type: 'string' })) });
    const q = buildQualityReport({ records: 1, fields: { f202: { filled: 1 } } }, schema, mappingOf());
    expect(q.fields).toHaveLength(200);
    expect(q.fields[0]!.field).toBe('f202');
    expect(q.fieldsOmitted).toBe(3);
    const exact = parseSchemaDefinition({ name: 'wide', fields: names.slice(0, 200).map((name) => ({ name, type: 'string' })) });
    expect(buildQualityReport({ records: 1, fields: {} }, exact, mappingOf())).not.toHaveProperty('fieldsOmitted');
  });

  it("orders an enum's values by how many records hold them, keeps the 20 most held, and gives other fields none", () => {
    const values = Array.from({ length: 25 }, (_, i) => `v${i}`);
    const schema = parseSchemaDefinition({ name: 'codes', fields: [{ name: 'code', type: 'enum', enumValues: values }, { name: 'note', type: 'string' }] });
    // v0 held once, v24 held 25 times
    const counted: [string, number][] = values.map((v, i) => [v, i + 1]);
    const q = buildQualityReport({ records: 325, fields: { code: { filled: 325, values: counted }, note: { filled: 2, values: [['a', 1], ['b', 1]] } } }, schema, mappingOf('code', 'note'));
    const code = q.fields.find((f) => f.field === 'code')!;
    expect(Object.entries(code.values!)).toEqual(values.slice(5).reverse().map((v) => [v, Number(v.slice(1)) + 1]));
    expect(code.distinct).toBe(25);
    expect(q.fields.find((f) => f.field === 'note')).not.toHaveProperty('values');
    // an enum no record holds lists no value
    const none = buildQualityReport({ records: 3, fields: {} }, schema, mappingOf('code'));
    expect(none.fields.find((f) => f.field === 'code')!.values).toEqual({});
  });
});
