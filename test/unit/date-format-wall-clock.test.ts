import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import type { JobOptions, MappingResult } from '../../functions/core/pipeline-types.ts';
import { createRecordBuilder } from '../../functions/core/records/build-record.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';
import { parseSchemaDefinition } from '../../functions/core/schemas/schema-definition.ts';
import type { FieldTransform } from '../../functions/core/templates/transforms.ts';
import { dateFormatIsWallClock } from '../../functions/core/templates/transforms.ts';

const callRecord = getSchema('call_record');

describe('dateFormatIsWallClock', () => {
  it('is true of a format with no zone or instant token, quoted text aside', () => {
    expect(dateFormatIsWallClock('dd.MM.yyyy HH:mm')).toBe(true);
    expect(dateFormatIsWallClock("dd.MM.yyyy 'um' HH:mm 'Zeit'")).toBe(true);
    expect(dateFormatIsWallClock('M/d/yyyy h:mm a')).toBe(true);
  });

  it('is false of a format that reads an offset, a zone name or an instant', () => {
    for (const f of ["yyyy-MM-dd'T'HH:mm:ssZZ", 'dd.MM.yyyy HH:mm Z', 'dd.MM.yyyy HH:mm z', 'dd.MM.yyyy HH:mm ZZZZ', 'X', 'x']) expect(dateFormatIsWallClock(f), f).toBe(false);
  });
});

describe('createRecordBuilder: a template date_format read as UTC', () => {
  const headers = ['Start Time', 'Phone Number', 'Duration'];
  const rows = [
    ['01.03.2026 14:05', '+1 212 555 0199', '1:05'],
    ['01.03.2026 15:00', '+1 212 555 0199', '2:05'],
    ['', '+1 212 555 0199', '0:30'],
    ['not a date', '+1 212 555 0199', '0:30'],
  ];
  function run(format: string, options: JobOptions = {}, withOffsets = false) {
    const suggested = suggestMapping(headers, rows, callRecord);
    const mapping: MappingResult = {
      ...suggested,
      fields: suggested.fields.map((f) => (f.field === 'started_at' ? { ...f, transforms: [{ kind: 'date_format', format }] } : f)),
    };
    expect(mapping.fields.find((f) => f.field === 'started_at')?.sourceHeaders).toEqual(['Start Time']);
    const read = withOffsets ? rows.map(([start, ...rest]) => [start === '' || start === 'not a date' ? start! : `${start} +01:00`, ...rest]) : rows;
    const build = createRecordBuilder(mapping, callRecord, options, headers, read);
    const starts = read.map((r, i) => {
      const b = build(r, i + 2);
      return b.ok ? b.record.started_at : undefined;
    });
    return { warnings: build.warnings?.() ?? [], starts };
  }

  it('counts the wall clocks it read as UTC, as the job reads them without a template', () => {
    const { warnings, starts } = run('dd.MM.yyyy HH:mm');
    expect(starts.slice(0, 2)).toEqual(['2026-03-01T14:05:00Z', '2026-03-01T15:00:00Z']);
    expect(warnings).toEqual([
      { code: 'times_read_as_utc', count: 2, fields: ['started_at'], message: expect.stringMatching(/^Clock times .* first "01\.03\.2026 14:05": .*US has several time zones/) },
    ]);
  });

  it('says nothing when the format reads an offset, or the job names a zone', () => {
    const offsets = run('dd.MM.yyyy HH:mm ZZ', {}, true);
    expect(offsets.starts[0]).toBe('2026-03-01T13:05:00Z');
    expect(offsets.warnings).toEqual([]);
    const chicago = run('dd.MM.yyyy HH:mm', { timezone: 'America/Chicago' });
    expect(chicago.warnings).toEqual([]);
    expect(chicago.starts[0]).toBe('2026-03-01T20:05:00Z');
  });
});

describe('createRecordBuilder: which date_format fields are counted', () => {
  const schema = parseSchemaDefinition({ name: 'visits', fields: [{ name: 'day', type: 'date' }, { name: 'at', type: 'datetime' }] });
  const field = (name: string, transforms: FieldTransform[]) => ({ field: name, sources: [0], sourceHeaders: ['When'], confidence: 1, reason: 'confirmed' as const, transforms });
  function count(name: 'day' | 'at', transforms: FieldTransform[], cells: string[]) {
    const mapping: MappingResult = { status: 'mapped', schema: 'visits', confidence: 1, missingRequired: [], fields: [field(name, transforms)] };
    const build = createRecordBuilder(mapping, schema, {}, ['When'], [cells]);
    const built = build(cells, 2);
    return { record: built.ok ? built.record : undefined, warnings: build.warnings?.() ?? [] };
  }

  it('counts a date-time read after other transforms, and never a date, which has no clock', () => {
    const after = count('at', [{ kind: 'regex', pattern: 'am (.*)$' }, { kind: 'date_format', format: 'dd.MM.yyyy HH:mm' }], ['Besuch am 01.03.2026 14:05']);
    expect(after.record).toEqual({ at: '2026-03-01T14:05:00Z' });
    expect(after.warnings).toMatchObject([{ code: 'times_read_as_utc', count: 1, fields: ['at'] }]);
    const day = count('day', [{ kind: 'date_format', format: 'dd.MM.yyyy' }], ['01.03.2026']);
    expect(day.record).toEqual({ day: '2026-03-01' });
    expect(day.warnings).toEqual([]);
  });

  it('does not count a date-time whose transforms hold no date_format (its value says whether it is naive)', () => {
    const zoned = count('at', [{ kind: 'regex', pattern: 'am (.*)$' }], ['Besuch am 2026-03-01T14:05:00Z']);
    expect(zoned.record).toEqual({ at: '2026-03-01T14:05:00Z' });
    expect(zoned.warnings).toEqual([]);
  });
});
