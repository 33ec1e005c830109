import { describe, expect, it } from 'vitest';
import { DISTINCT_CAP, QualityTally } from '../../functions/core/quality/field-tally.ts';
import type { FieldMapping, MappingResult } from '../../functions/core/pipeline-types.ts';
import { getSchema } from '../../functions/core/schemas/index.ts';

/* One chunk's counts: which field a row problem's column names, the values kept per field and their cap, not-applicable fields. */

const schema = getSchema('call_record');
const field = (name: string, sources: number[], sourceHeaders: string[]): FieldMapping => ({ field: name, sources, sourceHeaders, confidence: 1, reason: 'exact' });

describe('QualityTally: the field a problem is counted under', () => {
  /** counterpart_number from one column, started_at from two (one of them the same), location from none (a value map or a constant) */
  const mapping: Pick<MappingResult, 'fields'> = {
    fields: [field('counterpart_number', [1], ['Time']), field('started_at', [0, 1], ['Date', 'Time']), field('location', [], [])],
  };

  it('names the field by the joined headers, by one of its headers, or by its own name', () => {
    const tally = new QualityTally(schema, mapping);
    tally.problems([{ row: 1, column: 'Date + Time', value: 'x', reason: 'not a date' }], false);
    tally.problems([{ row: 2, column: 'Date', value: 'x', reason: 'not a date' }], true);
    tally.problems([{ row: 3, column: 'direction', value: 'x', reason: 'not one of inbound, outbound' }], false);
    const counts = tally.counts();
    expect(counts.fields.started_at).toEqual({ filled: 0, blanked: 1, rejected: 1, reasons: { 'not a date': 2 } });
    expect(counts.fields.direction).toEqual({ filled: 0, blanked: 1, reasons: { 'not one of inbound, outbound': 1 } });
    expect(counts.rowReasons).toBeUndefined();
  });

  it('counts a field only rejected as rejected, without a count of values left out', () => {
    const tally = new QualityTally(schema, mapping);
    tally.problems([{ row: 1, column: 'Time', value: '', reason: 'required field is empty' }], true);
    expect(tally.counts().fields.counterpart_number).toEqual({ filled: 0, rejected: 1, reasons: { 'required field is empty': 1 } });
  });

  it('puts the reasons past the cap under "other reasons"', () => {
    const tally = new QualityTally(schema, mapping);
    for (let r = 0; r < 11; r++) tally.problems([{ row: r, column: 'Date', value: 'x', reason: `reason ${r}` }], false);
    const reasons = tally.counts().fields.started_at!.reasons!;
    expect(Object.keys(reasons)).toHaveLength(10);
    expect(reasons['other reasons']).toBe(2);
  });

  it('gives a header shared by two fields to the field mapped from it alone', () => {
    const tally = new QualityTally(schema, mapping);
    tally.problems([{ row: 1, column: 'Time', value: 'x', reason: 'not a phone number' }], false);
    const counts = tally.counts();
    expect(counts.fields.counterpart_number).toEqual({ filled: 0, blanked: 1, reasons: { 'not a phone number': 1 } });
    expect(counts.fields.started_at).toEqual({ filled: 0 });
  });

  it('keeps a column no mapping names (an empty one too) with its reason, and a row problem without a column as it is', () => {
    const tally = new QualityTally(schema, mapping);
    tally.problems([{ row: 1, column: 'Notes', value: 'Incoming?', reason: 'not one of inbound, outbound' }], false);
    tally.problems([{ row: 2, column: '', value: 'x', reason: 'unreadable' }], false);
    tally.problems([{ row: 3, reason: 'empty row' }], true);
    const counts = tally.counts();
    expect(counts.rowReasons).toEqual({ 'Notes: not one of inbound, outbound': 1, ': unreadable': 1, 'empty row': 1 });
    expect(counts.fields.location).toEqual({ filled: 0 });
  });
});

describe('QualityTally: values', () => {
  const mapping: Pick<MappingResult, 'fields'> = { fields: [] };

  it('counts strings, numbers and booleans as they are and other values by their JSON', () => {
    const tally = new QualityTally(schema, mapping);
    tally.record({ location: ['Boston', 'MA'], duration_seconds: 60, direction: true });
    tally.record({ location: ['Boston', 'MA'], duration_seconds: 60, direction: 'inbound' });
    tally.record({ location: { city: 'Boston' }, duration_seconds: 61, direction: true });
    const counts = tally.counts();
    expect(counts.fields.location).toEqual({ filled: 3, values: [['["Boston","MA"]', 2], ['{"city":"Boston"}', 1]] });
    expect(counts.fields.duration_seconds).toEqual({ filled: 3, values: [[60, 2], [61, 1]] });
    expect(counts.fields.direction).toEqual({ filled: 3, values: [[true, 2], ['inbound', 1]] });
  });

  it('counts a key whose value is undefined as not filled, and keys no field has not at all', () => {
    const tally = new QualityTally(schema, mapping);
    tally.record({ started_at: '2025-10-01T10:00:00Z', direction: undefined, counterpart_number_region: 'US' });
    tally.record({ started_at: '2025-10-01T10:00:00Z', direction: undefined, counterpart_number_region: 'US' });
    const counts = tally.counts();
    expect(counts.fields.started_at).toEqual({ filled: 2, values: [['2025-10-01T10:00:00Z', 2]] });
    expect(counts.fields.direction).toEqual({ filled: 0 });
    expect(Object.keys(counts.fields)).toEqual(schema.fields.map((f) => f.name));
  });

  it('reads records of different shapes by their keys, not their positions', () => {
    const tally = new QualityTally(schema, mapping);
    tally.record({ direction: 'inbound', location: 'Boston' });
    tally.record({ location: 'Boston', direction: 'outbound' });
    tally.record({ extra: 1, direction: 'outbound' });
    tally.record({ direction: 'inbound', location: 'Salem' });
    const counts = tally.counts();
    expect(counts.fields.direction).toEqual({ filled: 4, values: [['inbound', 2], ['outbound', 2]] });
    expect(counts.fields.location).toEqual({ filled: 3, values: [['Boston', 2], ['Salem', 1]] });
  });

  it(`keeps ${DISTINCT_CAP} distinct values, and has many at one more, also when a value repeats after the cap`, () => {
    const at = new QualityTally(schema, mapping);
    for (let i = 0; i < DISTINCT_CAP; i++) at.record({ location: `City ${i}` });
    at.record({ location: 'City 0' });
    expect(at.counts().fields.location!.values).toHaveLength(DISTINCT_CAP);
    expect(at.counts().fields.location!.values![0]).toEqual(['City 0', 2]);
    const past = new QualityTally(schema, mapping);
    for (let i = 0; i <= DISTINCT_CAP; i++) past.record({ location: `City ${i}` });
    past.record({ location: `City ${DISTINCT_CAP}` });
    past.record({ location: `City ${DISTINCT_CAP}` });
    past.record({ location: 'City 1' });
    expect(past.counts().fields.location).toEqual({ filled: DISTINCT_CAP + 4, manyValues: true });
  });
});

describe('QualityTally: not applicable', () => {
  it('counts a data session without another party as not applicable, and one with a party as filled', () => {
    const tally = new QualityTally(schema, { fields: [] });
    tally.record({ record_type: 'data' });
    tally.record({ record_type: 'data', counterpart_number: '+12125550100' });
    tally.record({ record_type: 'voice' });
    tally.record({ record_type: 'data', location: undefined });
    const counts = tally.counts();
    expect(counts.fields.counterpart_number).toEqual({ filled: 1, notApplicable: 2, values: [['+12125550100', 1]] });
    // only a field whose requirement can be lifted is ever not applicable
    expect(counts.fields.location).toEqual({ filled: 0 });
  });
});
