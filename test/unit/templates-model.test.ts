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
