import { describe, expect, it } from 'vitest';
import { getSchema } from '../../functions/core/schemas/registry.ts';
import { resolveFieldMappings, templateInputSchema, toFieldMappings } from '../../functions/core/templates/template-model.ts';

const callRecord = getSchema('call_record');
const HEADERS = ['Date', 'Time', 'Number Called', 'Min', 'Date'];

describe('resolveFieldMappings', () => {
  it('resolves headers and indexes to columns, keeping transforms', () => {
    const r = resolveFieldMappings(
      callRecord,
      HEADERS,
      [
        { field: 'started_at', sources: [0, 1] },
        { field: 'counterpart_number', sourceHeaders: ['number called'] },
        { field: 'duration_seconds', sources: [3], sourceHeaders: ['Min'] },
        { field: 'currency', transforms: [{ kind: 'default', value: 'USD' }] },
      ],
      'fields',
    );
    expect(r).toEqual({
      ok: true,
      fields: [
        { field: 'started_at', sources: [0, 1], sourceHeaders: ['Date', 'Time'] },
        { field: 'counterpart_number', sources: [2], sourceHeaders: ['Number Called'] },
        { field: 'duration_seconds', sources: [3], sourceHeaders: ['Min'] },
        { field: 'currency', sources: [], sourceHeaders: [], transforms: [{ kind: 'default', value: 'USD' }] },
      ],
    });
  });

  it('names every problem by its path', () => {
    const r = resolveFieldMappings(
      callRecord,
      HEADERS,
      [
        { field: 'started_at', sourceHeaders: ['Date'] },
        { field: 'colour', sources: [1] },
        { field: 'duration_seconds', sources: [9] },
        { field: 'duration_seconds', sources: [3] },
        { field: 'location', sources: [1], sourceHeaders: ['Min'] },
        { field: 'direction', sources: [1], transforms: [{ kind: 'value_map', map: { x: 'sideways' } }, { kind: 'date_format', format: 'dd.MM.yyyy' }] },
        { field: 'account_number' },
      ],
      'mapping.fields',
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues).toEqual([
      { field: 'mapping.fields.0.sourceHeaders', message: 'the file has 2 columns "Date"; give their indexes in sources' },
      { field: 'mapping.fields.1.field', message: 'schema call_record has no field "colour"' },
      { field: 'mapping.fields.2.sources', message: 'column 9 does not exist; the file has 5 columns (0-based)' },
      { field: 'mapping.fields.3.field', message: '"duration_seconds" is mapped twice' },
      { field: 'mapping.fields.4.sourceHeaders', message: 'sourceHeaders do not name the columns in sources' },
      { field: 'mapping.fields.5.transforms.1', message: 'date_format applies to date and datetime fields; "direction" is enum' },
      { field: 'mapping.fields.6.sources', message: 'give the column(s) of "account_number" (sources or sourceHeaders) or a default' },
      { field: 'mapping.fields', message: 'required field "counterpart_number" is not mapped' },
    ]);
  });

  it('counts a required field that a mapped field derives as present', () => {
    const contact = getSchema('contact');
    expect(resolveFieldMappings(contact, ['First', 'Last'], [{ field: 'first_name', sources: [0] }], 'f').ok).toBe(true);
    const none = resolveFieldMappings(contact, ['Title'], [{ field: 'title', sources: [0] }], 'f');
    expect(none.ok ? [] : none.issues).toEqual([{ field: 'f', message: 'map at least one of: full_name, email, phone' }]);
  });
});

describe('toFieldMappings', () => {
  it('gives pipeline field mappings with a confidence and reason', () => {
    expect(toFieldMappings([{ field: 'email', sources: [2], sourceHeaders: ['Mail'] }], 1, 'confirmed')).toEqual([
      { field: 'email', sources: [2], sourceHeaders: ['Mail'], confidence: 1, reason: 'confirmed' },
    ]);
  });
});

describe('templateInputSchema', () => {
  it('requires a name, a schema name, a layout and fields, and refuses unknown keys', () => {
    const ok = { name: 'x', schema: 'contact', layout: { headers: ['Mail'] }, fields: [{ field: 'email', sources: [0] }] };
    expect(templateInputSchema.safeParse(ok).success).toBe(true);
    const bad = templateInputSchema.safeParse({ ...ok, name: ' ', layout: { headers: [] }, extra: 1 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.') || i.code).sort()).toEqual(['layout.headers', 'name', 'unrecognized_keys']);
  });
});

describe('resolveFieldMappings at its edges', () => {
  const issues = (headers: string[], input: Parameters<typeof resolveFieldMappings>[2]) => {
    const r = resolveFieldMappings(callRecord, headers, [...input, { field: 'started_at', sources: [0] }, { field: 'counterpart_number', sources: [0] }], 'f');
    return r.ok ? [] : r.issues;
  };

  it('refuses the index one past the last column, and takes the last', () => {
    expect(issues(['A', 'B'], [{ field: 'duration_seconds', sources: [2] }])).toEqual([{ field: 'f.0.sources', message: 'column 2 does not exist; the file has 2 columns (0-based)' }]);
    expect(issues(['A', 'B'], [{ field: 'duration_seconds', sources: [1] }])).toEqual([]);
  });

  it('names a header the file does not have, and never finds a blank header', () => {
    expect(issues(['Date', 'Min'], [{ field: 'duration_seconds', sourceHeaders: ['Minutes'] }])).toEqual([{ field: 'f.0.sourceHeaders', message: 'the file has no column "Minutes"' }]);
    expect(issues(['Date', '', 'Min'], [{ field: 'duration_seconds', sourceHeaders: [''] }])).toEqual([{ field: 'f.0.sourceHeaders', message: 'the file has no column ""' }]);
  });

  it('prefers the header as printed over two that only normalise alike', () => {
    const r = resolveFieldMappings(callRecord, ['Date', 'E-Mail', 'email'], [
      { field: 'started_at', sources: [0] },
      { field: 'counterpart_number', sourceHeaders: ['email'] },
      { field: 'location', sourceHeaders: ['E-Mail'] },
    ], 'f');
    expect(r.ok ? r.fields.map((f) => [f.field, f.sources]) : r.issues).toEqual([['started_at', [0]], ['counterpart_number', [2]], ['location', [1]]]);
  });

  it('checks headers against indexes only when the indexes exist, one for one', () => {
    expect(issues(['Date', 'Min'], [{ field: 'duration_seconds', sources: [5], sourceHeaders: ['Min'] }])).toEqual([
      { field: 'f.0.sources', message: 'column 5 does not exist; the file has 2 columns (0-based)' },
    ]);
    const disagree = { field: 'f.0.sourceHeaders', message: 'sourceHeaders do not name the columns in sources' };
    expect(issues(['Date', 'Time', 'Min'], [{ field: 'location', sources: [0], sourceHeaders: ['Date', 'Time'] }])).toEqual([disagree]);
    expect(issues(['Date', 'Time', 'Min'], [{ field: 'location', sources: [0, 1], sourceHeaders: ['Date', 'Min'] }])).toEqual([disagree]);
    expect(issues(['Date', 'Time', 'Min'], [{ field: 'location', sources: [0, 1], sourceHeaders: ['date', 'TIME'] }])).toEqual([]);
  });

  it('asks for a column or a default of a field given none', () => {
    expect(issues(['Date'], [{ field: 'location', sources: [] }])).toEqual([{ field: 'f.0.sources', message: '"location" needs at least one column, or a default' }]);
    const r = resolveFieldMappings(callRecord, ['Date'], [
      { field: 'started_at', sources: [0] },
      { field: 'counterpart_number', sources: [0] },
      { field: 'location', sources: [], transforms: [{ kind: 'default', value: 'HQ' }] },
    ], 'f');
    expect(r.ok ? r.fields[2] : r.issues).toEqual({ field: 'location', sources: [], sourceHeaders: [], transforms: [{ kind: 'default', value: 'HQ' }] });
  });

  it('counts a required field derived from a single field as present', () => {
    const lead = {
      name: 'lead',
      fields: [
        { name: 'email', type: 'email' as const, required: false, synonyms: [], description: '' },
        { name: 'domain', type: 'string' as const, required: true, synonyms: [], description: '', derive: { kind: 'domain_from_email' as const, from: 'email' } },
      ],
    };
    expect(resolveFieldMappings(lead, ['Mail'], [{ field: 'email', sources: [0] }], 'f')).toEqual({ ok: true, fields: [{ field: 'email', sources: [0], sourceHeaders: ['Mail'] }] });
    expect(resolveFieldMappings(lead, ['Mail'], [], 'f')).toEqual({ ok: false, issues: [{ field: 'f', message: 'required field "domain" is not mapped' }] });
  });
});

describe('toFieldMappings with transforms', () => {
  it('keeps transforms, and no transforms key for an empty list', () => {
    const t = [{ kind: 'default' as const, value: 'x' }];
    expect(toFieldMappings([{ field: 'a', sources: [0], sourceHeaders: ['A'], transforms: t }, { field: 'b', sources: [1], sourceHeaders: ['B'], transforms: [] }], 0.5, 'learned')).toEqual([
      { field: 'a', sources: [0], sourceHeaders: ['A'], confidence: 0.5, reason: 'learned', transforms: t },
      { field: 'b', sources: [1], sourceHeaders: ['B'], confidence: 0.5, reason: 'learned' },
    ]);
  });
});

describe('templateInputSchema: layouts and schema names', () => {
  const ok = { name: 'x', schema: 'contact', layout: { headers: ['Mail'] }, fields: [{ field: 'email', sources: [0] }] };
  it('takes the four delimiters files are split on, and no other', () => {
    for (const delimiter of [',', '\t', ';', '|']) expect(templateInputSchema.safeParse({ ...ok, layout: { headers: ['Mail'], delimiter } }).success).toBe(true);
    expect(templateInputSchema.safeParse({ ...ok, layout: { headers: ['Mail'], delimiter: ':' } }).success).toBe(false);
  });

  it('takes a schema name of lower-case letters, digits and underscores only, starting with a letter', () => {
    expect(templateInputSchema.safeParse({ ...ok, schema: 'call_record2' }).success).toBe(true);
    for (const schema of ['Call_record', 'xcall record', 'call_record!', '1call', 'c']) {
      const r = templateInputSchema.safeParse({ ...ok, schema });
      expect(r.error?.issues.map((i) => [i.path.join('.'), i.message]), schema).toEqual([['schema', 'must be a schema name such as call_record']]);
    }
  });
});
