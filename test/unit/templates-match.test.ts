import { describe, expect, it } from 'vitest';
import { getSchema } from '../../functions/core/schemas/registry.ts';
import { layoutFingerprint } from '../../functions/core/templates/fingerprint.ts';
import { applyTemplate, LEARNED_EXACT_CONFIDENCE, rankTemplates } from '../../functions/core/templates/match-templates.ts';
import type { TemplateVersion } from '../../functions/core/templates/template-model.ts';

const callRecord = getSchema('call_record');
const HEADERS = ['When', 'Who', 'How long', 'Notes'];

function template(id: string, headers: string[], createdAt = '2025-01-01T00:00:00Z', schema = 'call_record'): TemplateVersion {
  return {
    templateId: id,
    version: 2,
    name: `tpl ${id}`,
    schema,
    layout: layoutFingerprint({ headers, delimiter: ',' }),
    createdAt,
    fields: [
      { field: 'started_at', sources: [0], sourceHeaders: ['When'] },
      { field: 'counterpart_number', sources: [1], sourceHeaders: ['Who'] },
      { field: 'duration_seconds', sources: [2], sourceHeaders: ['How long'], transforms: [{ kind: 'default', value: '0' }] },
    ],
  };
}

describe('rankTemplates', () => {
  it('puts the fingerprint match first, then similar layouts, newest first on ties, and drops unlike ones', () => {
    const file = layoutFingerprint({ headers: HEADERS, delimiter: ',' });
    const exact = template('exact', HEADERS);
    const similarOld = template('old', [...HEADERS, 'Extra'], '2024-01-01T00:00:00Z');
    const similarNew = template('new', [...HEADERS, 'Extra'], '2025-06-01T00:00:00Z');
    const unlike = template('unlike', ['a', 'b', 'c', 'd', 'e', 'f']);
    const ranked = rankTemplates([similarOld, unlike, similarNew, exact], file);
    expect(ranked.map((r) => [r.template.templateId, r.match])).toEqual([
      ['exact', 'fingerprint'],
      ['new', 'headers'],
      ['old', 'headers'],
    ]);
    expect(ranked[1]?.score).toBeCloseTo(8 / 9, 3);
  });

  it('keeps to the requested schema', () => {
    const file = layoutFingerprint({ headers: HEADERS, delimiter: ',' });
    expect(rankTemplates([template('c', HEADERS, undefined, 'contact')], file, 'call_record')).toEqual([]);
  });
});

describe('applyTemplate', () => {
  it('maps a file of its own layout by index, learned and confident, naming the template version', () => {
    const file = layoutFingerprint({ headers: HEADERS, delimiter: ',' });
    const [ranked] = rankTemplates([template('t1', HEADERS)], file);
    const m = applyTemplate(ranked!, HEADERS, callRecord);
    expect(m).toMatchObject({ status: 'mapped', templateId: 't1', templateVersion: 2, templateName: 'tpl t1', source: 'template' });
    expect(m.fields.map((f) => [f.field, f.sources, f.reason, f.confidence])).toEqual([
      ['started_at', [0], 'learned', LEARNED_EXACT_CONFIDENCE],
      ['counterpart_number', [1], 'learned', LEARNED_EXACT_CONFIDENCE],
      ['duration_seconds', [2], 'learned', LEARNED_EXACT_CONFIDENCE],
    ]);
    expect(m.fields[2]?.transforms).toEqual([{ kind: 'default', value: '0' }]);
  });

  it('finds moved columns of a similar layout by header, with less confidence', () => {
    const moved = ['Notes', 'Extra', 'Who', 'When', 'How long'];
    const [ranked] = rankTemplates([template('t1', HEADERS)], layoutFingerprint({ headers: moved, delimiter: ',' }));
    const m = applyTemplate(ranked!, moved, callRecord);
    expect(m.status).toBe('mapped');
    expect(Object.fromEntries(m.fields.map((f) => [f.field, f.sources]))).toEqual({ started_at: [3], counterpart_number: [2], duration_seconds: [4] });
    expect(m.fields[0]?.confidence).toBeLessThan(LEARNED_EXACT_CONFIDENCE);
    expect(m.fields[0]?.confidence).toBeGreaterThan(0.85);
  });

  it('leaves out fields whose column is gone, so the summary asks for a person', () => {
    const fewer = ['When', 'How long', 'Notes'];
    const [ranked] = rankTemplates([template('t1', HEADERS)], layoutFingerprint({ headers: fewer, delimiter: ',' }));
    const m = applyTemplate(ranked!, fewer, callRecord);
    expect(m.status).toBe('needs_mapping');
    expect(m.missingRequired).toEqual(['counterpart_number']);
  });
});
