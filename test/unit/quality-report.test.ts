import { describe, expect, it } from 'vitest';
import { DISTINCT_CAP, mergeQualityCounts, OTHER_REASONS, QualityTally, REASONS_CAP, reasonKey } from '../../functions/core/quality/field-tally.ts';
import { buildQualityReport, type JobQuality } from '../../functions/core/quality/quality-report.ts';
import { mappingJobWarnings, qualityWarnings } from '../../functions/core/quality/self-checks.ts';
import { mergeWarnings } from '../../functions/core/jobs/warnings.ts';
import { getSchema } from '../../functions/core/schemas/index.ts';
import { compactSchema } from '../../functions/core/schemas/registry.ts';
import { parseSchemaDefinition } from '../../functions/core/schemas/schema-definition.ts';
import { jobWarnings } from '../../functions/core/jobs/job.ts';
import type { FieldMapping, MappingResult } from '../../functions/core/pipeline-types.ts';

/*
 * The data-quality report: counts taken per chunk as records are built, added up over the
 * chunks, and the self-checks that turn a mostly empty output into warnings.
 */

const schema = getSchema('call_record');
const field = (name: string, sources: number[], sourceHeaders: string[]): FieldMapping => ({ field: name, sources, sourceHeaders, confidence: 1, reason: 'exact' });
/** A call log mapped without a direction column: Date, Number, Minutes, Type. */
const mapping: Pick<MappingResult, 'fields'> = {
  fields: [field('started_at', [0], ['Date']), field('counterpart_number', [1], ['Number']), field('duration_seconds', [2], ['Minutes']), field('record_type', [3], ['Type'])],
};
const call = (i: number, extra: Record<string, unknown> = {}) => ({
  started_at: `2025-10-0${1 + (i % 9)}T10:00:00Z`,
  counterpart_number: `+1212555${String(1000 + i)}`,
  duration_seconds: i % 3,
  record_type: i % 4 === 0 ? 'sms' : 'voice',
  ...extra,
});

describe('QualityTally', () => {
  it('counts filled fields, enum values, distinct values and why values were not read', () => {
    const tally = new QualityTally(schema, mapping);
    for (let i = 0; i < 8; i++) tally.record(call(i, i < 2 ? { direction: 'inbound' } : {}));
    tally.problems([{ row: 3, column: 'Minutes', value: 'abc', reason: 'not a duration' }], false);
    tally.problems([{ row: 9, column: 'Number', value: '', reason: 'required field is empty' }, { row: 9, column: 'Minutes', value: '1:99', reason: 'not a recognised time: "1:99"' }], true);
    tally.problems([{ row: 10, reason: 'expected 4 columns, found 6' }], true);
    const counts = tally.counts();
    expect(counts.records).toBe(8);
    expect(counts.fields.direction).toEqual({ filled: 2, values: [['inbound', 2]] });
    expect(counts.fields.record_type).toEqual({ filled: 8, values: [['sms', 2], ['voice', 6]] });
    expect(counts.fields.duration_seconds).toEqual({
      filled: 8,
      blanked: 1,
      rejected: 1,
      reasons: { 'not a duration': 1, 'not a recognised time: "…"': 1 },
      values: [[0, 3], [1, 3], [2, 2]],
    });
    expect(counts.fields.counterpart_number).toMatchObject({ filled: 8, rejected: 1, reasons: { 'required field is empty': 1 } });
    expect(counts.fields.location).toEqual({ filled: 0 });
    expect(counts.rowReasons).toEqual({ 'expected 4 columns, found 6': 1 });
  });

  it('stops keeping values past the cap, and counts a data session without another party as not applicable', () => {
    const tally = new QualityTally(schema, mapping);
    for (let i = 0; i < DISTINCT_CAP + 5; i++) tally.record(call(i));
    tally.record({ started_at: '2025-10-01T10:00:00Z', record_type: 'data' });
    const counts = tally.counts();
    expect(counts.fields.counterpart_number).toEqual({ filled: DISTINCT_CAP + 5, notApplicable: 1, manyValues: true });
    expect(counts.fields.started_at!.values).toHaveLength(9);
    expect(new QualityTally(schema, mapping).counts().fields.counterpart_number).toEqual({ filled: 0 });
    const report = buildQualityReport(counts, schema, mapping);
    expect(report.fields.find((f) => f.field === 'counterpart_number')).toMatchObject({ filled: DISTINCT_CAP + 5, empty: 1, notApplicable: 1, fillRate: 1, distinct: null });
  });

  it('keeps the most frequent reasons and adds up the rest', () => {
    const tally = new QualityTally(schema, mapping);
    for (let r = 0; r < REASONS_CAP + 4; r++) for (let n = 0; n <= r; n++) tally.problems([{ row: 1, column: 'Minutes', reason: `reason ${r}` }], false);
    const reasons = tally.counts().fields.duration_seconds!.reasons!;
    expect(Object.keys(reasons)).toHaveLength(REASONS_CAP);
    expect(reasons[`reason ${REASONS_CAP + 3}`]).toBe(REASONS_CAP + 4);
    expect(reasons['reason 0']).toBeUndefined();
    // 1 + 2 + 3 + 4 + 5 for reasons 0-4
    expect(reasons[OTHER_REASONS]).toBe(15);
    expect(reasonKey('x'.repeat(300))).toHaveLength(120);
  });
});

describe('mergeQualityCounts', () => {
  it('adds chunks up to what one chunk with all the records gives', () => {
    const whole = new QualityTally(schema, mapping);
    const parts = [new QualityTally(schema, mapping), new QualityTally(schema, mapping), new QualityTally(schema, mapping)];
    for (let i = 0; i < 300; i++) {
      const record = call(i, i % 5 === 0 ? { direction: i % 2 ? 'inbound' : 'outbound', location: `City ${i}` } : {});
      whole.record(record);
      parts[i % 3]!.record(record);
      if (i % 7 === 0) {
        const problem = [{ row: i, column: 'Minutes', reason: 'not a duration' }];
        whole.problems(problem, false);
        parts[i % 3]!.problems(problem, false);
      }
    }
    const merged = mergeQualityCounts(parts.map((p) => p.counts()));
    const expected = whole.counts();
    expect(merged.records).toBe(300);
    for (const name of Object.keys(expected.fields)) {
      const sort = (c: typeof merged.fields[string]) => ({ ...c, ...(c.values ? { values: [...c.values].sort((a, b) => String(a[0]).localeCompare(String(b[0]))) } : {}) });
      expect(sort(merged.fields[name]!), name).toEqual(sort(expected.fields[name]!));
    }
    // each chunk held under 100 started_at values, the three together too; locations: 60 distinct in all, 20 per chunk
    expect(merged.fields.location!.values).toHaveLength(60);
    expect(merged.fields.counterpart_number!.manyValues).toBe(true);
  });

  it('a field with many values in one chunk has many in the job; values past the cap over chunks too', () => {
    const a = { records: 1, fields: { location: { filled: 1, manyValues: true as const } } };
    const b = { records: 1, fields: { location: { filled: 1, values: [['X', 1]] as [string, number][] } } };
    expect(mergeQualityCounts([b, a]).fields.location).toEqual({ filled: 2, manyValues: true });
    const halves = [0, 1].map((h) => ({ records: 60, fields: { location: { filled: 60, values: Array.from({ length: 60 }, (_, i) => [`c${h}-${i}`, 1] as [string, number]) } } }));
    expect(mergeQualityCounts(halves).fields.location).toEqual({ filled: 120, manyValues: true });
  });
});

describe('buildQualityReport', () => {
  it('gives each schema field its fill rate, unread values and enum distribution, fields that say something first', () => {
    const tally = new QualityTally(schema, mapping);
    for (let i = 0; i < 10; i++) tally.record(call(i, i < 3 ? { direction: 'outbound' } : {}));
    const report = buildQualityReport(tally.counts(), schema, mapping);
    expect(report).toMatchObject({ records: 10, fieldsFilled: 5, fieldsTotal: schema.fields.length, rowReasons: {} });
    expect(report.fields.map((f) => f.field).slice(0, 5)).toEqual(['started_at', 'direction', 'counterpart_number', 'duration_seconds', 'record_type']);
    expect(report.fields.find((f) => f.field === 'direction')).toEqual({
      field: 'direction',
      mapped: false,
      expected: true,
      filled: 3,
      empty: 7,
      notApplicable: 0,
      fillRate: 0.3,
      blanked: 0,
      rejected: 0,
      reasons: {},
      distinct: 1,
      values: { outbound: 3 },
    });
    expect(report.fields.find((f) => f.field === 'record_type')!.values).toEqual({ voice: 7, sms: 3 });
    expect(report.fields.find((f) => f.field === 'location')).toMatchObject({ mapped: false, filled: 0, fillRate: 0, distinct: 0 });
  });
});

/** A report with the given fields' fill over `records`, all else full. */
function reportWith(records: number, fill: Record<string, number>, m: Pick<MappingResult, 'fields'> = mapping): JobQuality {
  const tally = new QualityTally(schema, m);
  for (let i = 0; i < records; i++) {
    const record: Record<string, unknown> = { ...call(i), direction: 'inbound', location: 'Boston MA' };
    for (const [name, n] of Object.entries(fill)) if (i >= n) delete record[name];
    tally.record(record);
  }
  return buildQualityReport(tally.counts(), schema, m);
}

describe('qualityWarnings', () => {
  it('names an expected field missing on most records, with the share and why', () => {
    const warnings = qualityWarnings(reportWith(180, { direction: 0 }), mapping, { read: 180, rejected: 0 });
    expect(warnings).toEqual([
      {
        code: 'expected_field_missing',
        message: 'expected on a file of this kind but missing on most records: direction absent on 180 of 180 records (100%), no column says it',
        count: 1,
        fields: ['direction'],
      },
    ]);
    const typeMissing = qualityWarnings(reportWith(10, { record_type: 4 }), mapping, { read: 10, rejected: 0 });
    expect(typeMissing[0]!.message).toContain('record_type absent on 6 of 10 records (60%), mapped to "Type"');
  });

  it('says nothing about a clean file, a field filled on half the records or more, or a data-only log without other parties', () => {
    expect(qualityWarnings(reportWith(50, {}), mapping, { read: 50, rejected: 0 })).toEqual([]);
    expect(qualityWarnings(reportWith(50, { direction: 25, record_type: 30 }), mapping, { read: 50, rejected: 0 })).toEqual([]);
    const tally = new QualityTally(schema, mapping);
    for (let i = 0; i < 20; i++) tally.record({ started_at: '2025-10-01T10:00:00Z', record_type: 'data', direction: 'outbound', duration_seconds: 60 });
    expect(qualityWarnings(buildQualityReport(tally.counts(), schema, mapping), mapping, { read: 20, rejected: 0 })).toEqual([]);
  });

  it('flags a mapped field empty on nearly every record, and a job that rejected most rows', () => {
    const withLocation = { fields: [...mapping.fields, field('location', [4], ['City'])] };
    const warnings = qualityWarnings(reportWith(40, { location: 2 }, withLocation), withLocation, { read: 100, rejected: 60 });
    expect(warnings.map((w) => w.code)).toEqual(['mapped_field_empty', 'rows_mostly_rejected']);
    expect(warnings[0]).toMatchObject({ fields: ['location'], message: expect.stringContaining('location absent on 38 of 40 records (95%), mapped to "City"') });
    expect(warnings[1]).toMatchObject({ count: 60, message: expect.stringMatching(/^60 of 100 rows \(60%\) were rejected/) });
    expect(qualityWarnings(reportWith(40, { location: 5 }, withLocation), withLocation, { read: 100, rejected: 50 })).toEqual([]);
  });
});

describe('mappingJobWarnings', () => {
  it('carries the mapping warnings onto the job, and says when the AI could not help (never with the key)', () => {
    const warnings = mappingJobWarnings({
      warnings: [{ code: 'unmapped_columns', message: '2 non-empty column(s) are not mapped', count: 2 }],
      ai: { used: false, cached: false, note: 'AI unavailable (HTTP 401 after 1 attempt(s)); heuristics only' },
    });
    expect(warnings).toEqual([
      { code: 'unmapped_columns', message: '2 non-empty column(s) are not mapped', count: 2 },
      { code: 'ai_unavailable', message: 'the AI was not used for the mapping: AI unavailable (HTTP 401 after 1 attempt(s)); heuristics only', count: 1 },
    ]);
    expect(mappingJobWarnings({ ai: { used: true, cached: false, note: 'refused' }, aiRefused: ['email <- "Name"'] })).toEqual([
      { code: 'ai_refused', message: expect.stringContaining('email <- "Name"'), count: 1 },
    ]);
    expect(mappingJobWarnings({ ai: { used: true, cached: true } })).toEqual([]);
    expect(mappingJobWarnings(undefined)).toEqual([]);
  });

  it('merges with the stages\' warnings into one entry per code, fields united', () => {
    const a = [{ code: 'expected_field_missing' as const, message: 'a', count: 1, fields: ['direction'] }];
    const b = [{ code: 'expected_field_missing' as const, message: 'b', count: 1, fields: ['record_type', 'direction'] }];
    expect(mergeWarnings(a, b)).toEqual([{ code: 'expected_field_missing', message: 'a', count: 2, fields: ['direction', 'record_type'] }]);
  });
});

describe('expected fields of a schema', () => {
  it('a custom schema may name its own, and an unknown name is refused', () => {
    const def = { name: 'shipment', fields: [{ name: 'carrier', type: 'string', required: false, synonyms: [] }], expected: ['carrier'] };
    expect(parseSchemaDefinition(def).expected).toEqual(['carrier']);
    expect(compactSchema(parseSchemaDefinition(def)).expected).toEqual(['carrier']);
    expect(() => parseSchemaDefinition({ ...def, expected: ['carier'] })).toThrow(/unknown field \\"carier\\"/);
  });

  it('call_record expects a direction, a record type and the other party', () => {
    expect(schema.expected).toEqual(['direction', 'record_type', 'counterpart_number']);
  });
});

describe('jobWarnings', () => {
  it('before Persist (needs_mapping, failed) shows what Classify, Parse and Map found; after, what Persist stored', () => {
    const found = {
      classification: { warnings: [{ code: 'encoding_guessed' as const, message: 'windows-1252', count: 1 }] } as never,
      mapping: { warnings: [{ code: 'unmapped_columns', message: '1 column', count: 1 }] } as never,
    };
    expect(jobWarnings(found).map((w) => w.code)).toEqual(['encoding_guessed', 'unmapped_columns']);
    expect(jobWarnings({ ...found, warnings: [] })).toEqual([]);
  });
});
