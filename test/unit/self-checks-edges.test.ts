import { describe, expect, it } from 'vitest';
import { mappingJobWarnings, qualityWarnings } from '../../functions/core/quality/self-checks.ts';
import type { FieldQuality, JobQuality } from '../../functions/core/quality/quality-report.ts';

/*
 * The self-check warnings word for word at their edges: how absence is counted, why a field is
 * empty, the boundaries of "nearly empty" and "mostly rejected", and which AI note is shown.
 */

const fq = (field: string, q: Partial<FieldQuality>): FieldQuality => ({
  field, mapped: false, expected: false, filled: 0, empty: 0, notApplicable: 0, fillRate: 0, blanked: 0, rejected: 0, reasons: {}, distinct: 0, ...q,
});
const job = (records: number, fields: FieldQuality[], rowReasons: Record<string, number> = {}): JobQuality => ({ records, fieldsFilled: 0, fieldsTotal: fields.length, fields, rowReasons });
const mapping = (...fields: [string, string[]][]) => ({
  fields: fields.map(([field, headers]) => ({ field, sources: headers.map((_, i) => i), sourceHeaders: headers, confidence: 1, reason: 'confirmed' as const })),
});
const none = { read: 10, rejected: 0 };

describe('qualityWarnings: an expected field missing', () => {
  it('counts absence over the records that need the field, and names the main reason its values were not read', () => {
    const direction = fq('direction', { expected: true, mapped: true, filled: 2, empty: 8, notApplicable: 2, fillRate: 0.25, blanked: 3, rejected: 1, reasons: { 'a rare reason': 1, 'not a direction': 3 } });
    const [w] = qualityWarnings(job(10, [direction]), mapping(['direction', ['Dir', 'Way']]), none);
    expect(w).toEqual({
      code: 'expected_field_missing',
      message: 'expected on a file of this kind but missing on most records: direction absent on 6 of 8 records (75%), mapped to "Dir + Way"; 4 value(s) not read, mostly "not a direction"',
      count: 1,
      fields: ['direction'],
    });
  });

  it('says "mapped" for a field filled without a column, "no column says it" for none, and no reason when every value was read', () => {
    const a = fq('direction', { expected: true, mapped: true, filled: 0, empty: 4, fillRate: 0, blanked: 1, rejected: 1, reasons: { 'not a direction': 2 } });
    const b = fq('record_type', { expected: true, filled: 0, empty: 4, fillRate: 0, reasons: { 'left from another run': 1 } });
    const [w] = qualityWarnings(job(4, [a, b]), { fields: [{ field: 'direction', sources: [], sourceHeaders: [], confidence: 1, reason: 'confirmed', transforms: [{ kind: 'default', value: 'inbound' }] }] }, none);
    expect(w!.message).toBe(
      'expected on a file of this kind but missing on most records: direction absent on 4 of 4 records (100%), mapped; 2 value(s) not read, mostly "not a direction"; record_type absent on 4 of 4 records (100%), no column says it',
    );
    expect(w).toMatchObject({ count: 2, fields: ['direction', 'record_type'] });
  });

  it('gives no reason when values went unread but none was recorded', () => {
    const q = fq('direction', { expected: true, mapped: true, filled: 0, empty: 2, fillRate: 0, blanked: 2 });
    expect(qualityWarnings(job(2, [q]), mapping(['direction', ['Dir']]), none)[0]!.message).toBe(
      'expected on a file of this kind but missing on most records: direction absent on 2 of 2 records (100%), mapped to "Dir"',
    );
  });

  it('never calls a field missing that no record needs, whatever its rate says, nor a field filled on half the records', () => {
    const dataOnly = fq('counterpart_number', { expected: true, filled: 0, empty: 5, notApplicable: 5, fillRate: 0 });
    const half = fq('direction', { expected: true, filled: 5, empty: 5, fillRate: 0.5 });
    expect(qualityWarnings(job(5, [dataOnly, half]), mapping(), none)).toEqual([]);
  });
});

describe('qualityWarnings: a mapped field empty', () => {
  it('is empty at 10 % of the records that need it, not above; an expected field is reported as missing instead', () => {
    const tenth = fq('email', { mapped: true, filled: 1, empty: 9, fillRate: 0.1 });
    const more = fq('phone', { mapped: true, filled: 2, empty: 8, fillRate: 0.2 });
    const [w] = qualityWarnings(job(10, [tenth, more]), mapping(['email', ['Mail']], ['phone', ['Tel']]), none);
    expect(w).toEqual({ code: 'mapped_field_empty', message: 'mapped but empty on nearly every record: email absent on 9 of 10 records (90%), mapped to "Mail"', count: 1, fields: ['email'] });
    const two = qualityWarnings(job(10, [tenth, { ...tenth, field: 'title' }]), mapping(['email', ['Mail']], ['title', ['Job']]), none);
    expect(two[0]!.message).toBe('mapped but empty on nearly every record: email absent on 9 of 10 records (90%), mapped to "Mail"; title absent on 9 of 10 records (90%), mapped to "Job"');
  });
});

describe('qualityWarnings: rows mostly rejected', () => {
  it('warns above half the rows read, not at half, and not for a job that read none', () => {
    expect(qualityWarnings(job(5, []), mapping(), { read: 10, rejected: 5 })).toEqual([]);
    expect(qualityWarnings(job(0, []), mapping(), { read: 0, rejected: 0 })).toEqual([]);
    expect(qualityWarnings(job(4, []), mapping(), { read: 10, rejected: 6 })).toEqual([
      { code: 'rows_mostly_rejected', message: '6 of 10 rows (60%) were rejected; see the error report', count: 6 },
    ]);
  });

  it('names the three commonest reasons, of rows and of the fields that rejected some, most first', () => {
    const fields = [
      fq('started_at', { rejected: 2, reasons: { 'not a date': 2 } }),
      fq('duration_seconds', { rejected: 1 }),
      fq('cost_minor', { blanked: 9, rejected: 0, reasons: { 'not an amount': 9 } }),
    ];
    const [w] = qualityWarnings(job(3, fields, { 'wrong number of cells': 3, 'empty row': 1 }), mapping(), { read: 10, rejected: 7 });
    expect(w!.message).toBe('7 of 10 rows (70%) were rejected, mostly: wrong number of cells; started_at: not a date; empty row; see the error report');
    // a field that rejected nothing is no reason, however many values it blanked
    const [blankedOnly] = qualityWarnings(job(3, [fields[2]!], { 'empty row': 7 }), mapping(), { read: 10, rejected: 7 });
    expect(blankedOnly!.message).toBe('7 of 10 rows (70%) were rejected, mostly: empty row; see the error report');
    const [rejectedOnly] = qualityWarnings(job(3, [fields[1]!]), mapping(), { read: 10, rejected: 7 });
    expect(rejectedOnly!.message).toBe('7 of 10 rows (70%) were rejected, mostly: duration_seconds: rejected; see the error report');
  });
});

describe('mappingJobWarnings', () => {
  it('shows the AI note when the AI was not used, else the answers it refused, joined', () => {
    expect(mappingJobWarnings({ ai: { used: false, cached: false, note: 'HTTP 429 after 3 attempt(s)' }, aiRefused: ['email'] })).toEqual([
      { code: 'ai_unavailable', message: 'the AI was not used for the mapping: HTTP 429 after 3 attempt(s)', count: 1 },
    ]);
    expect(mappingJobWarnings({ ai: { used: true, cached: false }, aiRefused: ['email', 'phone'] })).toEqual([
      { code: 'ai_refused', message: "AI answers refused because the column's values do not fit the field: email, phone", count: 2 },
    ]);
    expect(mappingJobWarnings({ ai: { used: false, cached: false }, aiRefused: [] })).toEqual([]);
  });
});
