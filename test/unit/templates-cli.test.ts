import { describe, expect, it } from 'vitest';
import { applyMappingEdit } from '../../local/cli/commands/templates.ts';

const HEADERS = ['Date', 'Time', 'Number', 'Notes'];
const FIELDS = ['started_at', 'counterpart_number', 'location'];

describe('applyMappingEdit (ingest confirms a mapping on a terminal)', () => {
  const start = [{ field: 'started_at', sources: [0] }, { field: 'location', sources: [3], transforms: [{ kind: 'default', value: 'x' }] }];

  it('sets columns by number or header, several joined with +', () => {
    const r = applyMappingEdit(start, 'started_at=Date+time', HEADERS, FIELDS);
    expect(r).toEqual({ ok: true, fields: [start[1], { field: 'started_at', sources: [0, 1] }] });
    expect(applyMappingEdit(start, 'counterpart_number = 2', HEADERS, FIELDS)).toEqual({ ok: true, fields: [...start, { field: 'counterpart_number', sources: [2] }] });
  });

  it('unmaps a field with an empty column', () => {
    expect(applyMappingEdit(start, 'location=', HEADERS, FIELDS)).toEqual({ ok: true, fields: [start[0]] });
  });

  it('explains what is wrong', () => {
    expect(applyMappingEdit(start, 'started_at', HEADERS, FIELDS)).toMatchObject({ ok: false, message: expect.stringContaining('field=column') });
    expect(applyMappingEdit(start, 'colour=1', HEADERS, FIELDS)).toMatchObject({ ok: false, message: expect.stringContaining('no field "colour"') });
    expect(applyMappingEdit(start, 'location=9', HEADERS, FIELDS)).toMatchObject({ ok: false, message: 'no column "9" (use 0-3 or a header)' });
    expect(applyMappingEdit(start, 'location=Phone', HEADERS, FIELDS)).toMatchObject({ ok: false });
  });
});
