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

describe('rankTemplates at its edges', () => {
  const file = layoutFingerprint({ headers: HEADERS, delimiter: ',' });

  it('offers a template whose columns are half alike, not one less alike, with the score rounded to three places', () => {
    const half = template('half', ['When', 'Who', 'x1', 'x2']);
    const less = template('less', ['When', 'x1', 'x2', 'x3', 'x4']);
    const ranked = rankTemplates([half, less], file);
    expect(ranked.map((r) => [r.template.templateId, r.score])).toEqual([['half', 0.5]]);
    const [oneExtra] = rankTemplates([template('t', [...HEADERS, 'Extra'])], file);
    expect(oneExtra?.score).toBe(0.889);
  });

  it('ranks the layout it was made for above the same columns read another way, however new', () => {
    const exactOld = template('exact', HEADERS, '2020-01-01T00:00:00Z');
    const tabsNew = { ...template('tabs', HEADERS, '2025-06-01T00:00:00Z'), layout: layoutFingerprint({ headers: HEADERS, delimiter: '\t' }) };
    for (const order of [[tabsNew, exactOld], [exactOld, tabsNew]]) {
      expect(rankTemplates(order, file).map((r) => [r.template.templateId, r.match, r.score])).toEqual([
        ['exact', 'fingerprint', 1],
        ['tabs', 'headers', 1],
      ]);
    }
  });

  it('ranks more alike columns first, whatever their age', () => {
    const closeOld = template('close', [...HEADERS, 'Extra'], '2020-01-01T00:00:00Z');
    const farNew = template('far', [...HEADERS, 'A', 'B', 'C'], '2025-06-01T00:00:00Z');
    expect(rankTemplates([farNew, closeOld], file).map((r) => r.template.templateId)).toEqual(['close', 'far']);
  });

  it('ranks a template once, as it came first (the exact layout\'s list before the recent ones)', () => {
    const current = template('t1', HEADERS);
    const older = { ...template('t1', [...HEADERS, 'Extra']), version: 1 };
    const ranked = rankTemplates([current, older], file);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toMatchObject({ match: 'fingerprint', template: { version: 2 } });
    expect(rankTemplates([older, current], file)).toEqual([expect.objectContaining({ match: 'headers', template: older })]);
  });
});

describe('applyTemplate at its edges', () => {
  it('gives a similar layout 0.6 + 0.35 x its score as confidence, and the file\'s own headers', () => {
    const moved = ['notes', 'EXTRA', 'who', 'when', 'how long'];
    const [ranked] = rankTemplates([template('t1', HEADERS)], layoutFingerprint({ headers: moved, delimiter: ',' }));
    expect(ranked?.score).toBe(0.889);
    const m = applyTemplate(ranked!, moved, callRecord);
    expect(m.fields.map((f) => [f.field, f.sourceHeaders, f.confidence])).toEqual([
      ['started_at', ['when'], 0.91],
      ['counterpart_number', ['who'], 0.91],
      ['duration_seconds', ['how long'], 0.91],
    ]);
  });

  it('leaves out a field whose header the file has twice, and one the schema no longer has', () => {
    const twice = ['When', 'Who', 'How long', 'Who'];
    const base = template('t1', HEADERS);
    const t = { ...base, fields: [...base.fields, { field: 'colour', sources: [3], sourceHeaders: ['Notes'] }] };
    const [exact] = rankTemplates([t], layoutFingerprint({ headers: HEADERS, delimiter: ',' }));
    expect(applyTemplate(exact!, HEADERS, callRecord).fields.map((f) => f.field)).toEqual(['started_at', 'counterpart_number', 'duration_seconds']);
    const [similar] = rankTemplates([t], layoutFingerprint({ headers: twice, delimiter: ',' }));
    const m = applyTemplate(similar!, twice, callRecord);
    expect(m.fields.map((f) => f.field)).toEqual(['started_at', 'duration_seconds']);
    expect(m.missingRequired).toEqual(['counterpart_number']);
  });

  it('carries no transforms key for a field whose transforms are empty', () => {
    const base = template('t1', HEADERS);
    const t = { ...base, fields: [{ ...base.fields[0]!, transforms: [] }, base.fields[1]!] };
    const [ranked] = rankTemplates([t], layoutFingerprint({ headers: HEADERS, delimiter: ',' }));
    const m = applyTemplate(ranked!, HEADERS, callRecord);
    expect(m.fields[0]).not.toHaveProperty('transforms');
    expect(m.fields[0]).toMatchObject({ field: 'started_at', sources: [0], sourceHeaders: ['When'], reason: 'learned' });
  });
});

describe('rankTemplates and applyTemplate: schema, spelling and joined columns', () => {
  it('keeps the templates of the requested schema', () => {
    const file = layoutFingerprint({ headers: HEADERS, delimiter: ',' });
    expect(rankTemplates([template('c', HEADERS, undefined, 'contact'), template('r', HEADERS)], file, 'call_record').map((r) => r.template.templateId)).toEqual(['r']);
  });

  it('maps its own layout by index even where headers are spelt apart or repeated', () => {
    // "How long" and "Howlong" hash alike (spaces are dropped), but do not normalise alike
    const own = ['When', 'Who', 'Howlong', 'Who'];
    const t = template('t1', ['When', 'Who', 'How long', 'Who']);
    const [ranked] = rankTemplates([t], layoutFingerprint({ headers: own, delimiter: ',' }));
    expect(ranked?.match).toBe('fingerprint');
    const m = applyTemplate(ranked!, own, callRecord);
    expect(m.fields.map((f) => [f.field, f.sources, f.sourceHeaders])).toEqual([
      ['started_at', [0], ['When']],
      ['counterpart_number', [1], ['Who']],
      ['duration_seconds', [2], ['Howlong']],
    ]);
  });

  it('leaves out a joined field of a similar layout when one of its columns is gone', () => {
    const base = template('t1', ['Date', 'Time', 'Who', 'Notes']);
    const t = { ...base, fields: [{ field: 'started_at', sources: [0, 1], sourceHeaders: ['Date', 'Time'] }, { field: 'counterpart_number', sources: [2], sourceHeaders: ['Who'] }] };
    const headers = ['Date', 'Who', 'Notes', 'Extra'];
    const [ranked] = rankTemplates([t], layoutFingerprint({ headers, delimiter: ',' }));
    expect(applyTemplate(ranked!, headers, callRecord).fields.map((f) => [f.field, f.sources])).toEqual([['counterpart_number', [1]]]);
  });
});
