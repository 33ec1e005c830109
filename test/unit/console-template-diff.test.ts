import { describe, expect, it } from 'vitest';
import { describeField, diffTemplateFields } from '../../console/src/template-diff.ts';

describe('diffTemplateFields', () => {
  const v1 = [
    { field: 'started_at', sourceHeaders: ['Date', 'Time'] },
    { field: 'counterpart_number', sourceHeaders: ['Number'] },
    { field: 'location', sourceHeaders: ['City'] },
  ];
  const v2 = [
    { field: 'started_at', sourceHeaders: ['Date', 'Time'] },
    { field: 'counterpart_number', sourceHeaders: ['Number'], transforms: [{ type: 'trim' }] },
    { field: 'duration_seconds', sourceHeaders: ['Min'] },
  ];

  it('names each field added, removed, changed (columns or transforms) or the same, newer order first', () => {
    expect(diffTemplateFields(v1, v2)).toEqual([
      { field: 'started_at', change: 'same', before: 'Date + Time', after: 'Date + Time' },
      { field: 'counterpart_number', change: 'changed', before: 'Number', after: 'Number, then {"type":"trim"}' },
      { field: 'duration_seconds', change: 'added', before: null, after: 'Min' },
      { field: 'location', change: 'removed', before: 'City', after: null },
    ]);
  });

  it('finds nothing changed between a version and itself', () => {
    expect(diffTemplateFields(v2, v2).map((c) => c.change)).toEqual(['same', 'same', 'same']);
  });

  it('says when a field takes no column (a default-only field)', () => {
    expect(describeField({ field: 'currency', sourceHeaders: [], transforms: [{ type: 'default', value: 'USD' }] })).toBe('(no column), then {"type":"default","value":"USD"}');
  });
});
