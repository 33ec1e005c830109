import { describe, expect, it } from 'vitest';
import { mappingFromChoices } from '../../console/src/mapping-choices.ts';
import type { MappingResult } from '../../functions/core/pipeline-types.ts';

const mapping = (fields: MappingResult['fields']): MappingResult => ({ status: 'needs_mapping', schema: 'call_record', fields, confidence: 0.5, missingRequired: [] });

describe('mappingFromChoices', () => {
  const view = {
    headers: ['Date', 'Time', 'Number', 'Notes'],
    mapping: mapping([
      { field: 'started_at', sources: [0, 1], sourceHeaders: ['Date', 'Time'], confidence: 0.6, reason: 'synonym', transforms: [{ type: 'trim' } as never] },
      { field: 'counterpart_number', sources: [2], sourceHeaders: ['Number'], confidence: 0.5, reason: 'value_pattern' },
    ]),
  };

  it('keeps a suggestion the person left as it was, transforms included', () => {
    const fields = mappingFromChoices(view, { 0: 'started_at', 1: 'started_at', 2: 'counterpart_number', 3: '' });
    expect(fields).toEqual(view.mapping.fields);
  });

  it('groups the columns chosen for one field in column order, and leaves out columns not imported', () => {
    const fields = mappingFromChoices(view, { 1: 'started_at', 0: 'started_at', 2: '', 3: 'location' });
    expect(fields).toEqual([view.mapping.fields[0], { field: 'location', sources: [3], sourceHeaders: ['Notes'] }]);
  });

  it('sends a changed field without the suggestion it replaced', () => {
    const fields = mappingFromChoices(view, { 0: 'started_at', 2: 'subscriber_number' });
    expect(fields).toEqual([
      { field: 'started_at', sources: [0], sourceHeaders: ['Date'] },
      { field: 'subscriber_number', sources: [2], sourceHeaders: ['Number'] },
    ]);
  });
});
