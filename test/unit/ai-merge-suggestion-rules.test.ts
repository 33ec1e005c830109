import { describe, expect, it } from 'vitest';
import { mergeAiSuggestion } from '../../functions/core/ai/merge-suggestion.ts';
import type { AiFieldSuggestion } from '../../functions/core/ai/parse-answer.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import type { FieldMapping, MappingResult } from '../../functions/core/pipeline-types.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

// Each rule of the merge at its bound, on a heuristic mapping whose confidences are set by hand.
const schema = getSchema('call_record');
const headers = ['A', 'B', 'C', 'D'];
const mapped = (field: string, sources: number[], confidence: number, reason = 'fuzzy'): FieldMapping => ({
  field,
  sources,
  sourceHeaders: sources.map((c) => headers[c] ?? ''),
  confidence,
  reason,
});
const heuristic = (fields: FieldMapping[], source?: MappingResult['source']): MappingResult => ({
  ...suggestMapping(headers, [], schema),
  fields,
  ...(source ? { source } : {}),
});
const merge = (h: FieldMapping[], ai: AiFieldSuggestion[], rows?: string[][], source?: MappingResult['source']) =>
  mergeAiSuggestion(schema, headers, heuristic(h, source), { fields: ai }, undefined, rows);
const field = (result: MappingResult, name: string) => result.fields.find((f) => f.field === name);

describe('mergeAiSuggestion, rule by rule', () => {
  it('lifts a weak heuristic Claude agrees with to Claude\'s confidence, and keeps one at least as sure', () => {
    expect(field(merge([mapped('direction', [2], 0.6)], [{ field: 'direction', sources: [2], confidence: 0.8 }]), 'direction')).toMatchObject({ sources: [2], confidence: 0.8, reason: 'ai' });
    expect(field(merge([mapped('direction', [2], 0.8)], [{ field: 'direction', sources: [2], confidence: 0.8 }]), 'direction')).toMatchObject({ confidence: 0.8, reason: 'fuzzy' });
  });

  it('lifts an agreed heuristic as it is, its transforms kept', () => {
    const joined: FieldMapping = { ...mapped('started_at', [0, 1], 0.5), transforms: [{ kind: 'concat', separator: ' ' }] };
    const lifted = field(merge([joined], [{ field: 'started_at', sources: [0, 1], confidence: 0.8 }]), 'started_at');
    expect(lifted).toEqual({ ...joined, confidence: 0.8, reason: 'ai' });
    const other = field(merge([joined], [{ field: 'started_at', sources: [0, 2], confidence: 0.8 }]), 'started_at');
    expect(other).toEqual({ field: 'started_at', sources: [0, 2], sourceHeaders: ['A', 'C'], confidence: 0.8, reason: 'ai' });
  });

  it('agrees only on the same columns in the same order', () => {
    const h = [mapped('started_at', [0, 1], 0.5)];
    expect(field(merge(h, [{ field: 'started_at', sources: [1, 0], confidence: 0.8 }]), 'started_at')).toMatchObject({ sources: [1, 0], reason: 'ai' });
    expect(field(merge(h, [{ field: 'started_at', sources: [0, 1, 2], confidence: 0.8 }]), 'started_at')).toMatchObject({ sources: [0, 1, 2], reason: 'ai' });
    expect(field(merge(h, [{ field: 'started_at', sources: [0], confidence: 0.8 }]), 'started_at')).toMatchObject({ sources: [0], reason: 'ai' });
    expect(field(merge(h, [{ field: 'started_at', sources: [0, 1], confidence: 0.8 }]), 'started_at')).toMatchObject({ sources: [0, 1], sourceHeaders: ['A', 'B'], reason: 'ai' });
  });

  it('keeps a disagreeing heuristic from 0.9 up, and a weaker one unless Claude is surer', () => {
    const ai = [{ field: 'direction', sources: [3], confidence: 0.95 }];
    expect(field(merge([mapped('direction', [2], 0.9)], ai), 'direction')).toMatchObject({ sources: [2], reason: 'fuzzy' });
    expect(field(merge([mapped('direction', [2], 0.89)], ai), 'direction')).toMatchObject({ sources: [3], confidence: 0.9, sourceHeaders: ['D'], reason: 'ai' });
    expect(field(merge([mapped('direction', [2], 0.7)], [{ field: 'direction', sources: [3], confidence: 0.7 }]), 'direction')).toMatchObject({ sources: [2], reason: 'fuzzy' });
    expect(field(merge([mapped('direction', [2], 0.7)], [{ field: 'direction', sources: [3], confidence: 0.6 }]), 'direction')).toMatchObject({ sources: [2], reason: 'fuzzy' });
  });

  it('names a column past the headers by an empty header', () => {
    expect(field(merge([], [{ field: 'direction', sources: [5], confidence: 0.8 }]), 'direction')).toMatchObject({ sources: [5], sourceHeaders: [''] });
  });

  it('drops a claim that shares any column with a stronger one, falling back to the heuristic column when it is free', () => {
    const strong = mapped('started_at', [0], 0.95, 'synonym');
    const displaced = merge([strong], [{ field: 'direction', sources: [1, 0], confidence: 0.8 }]);
    expect(field(displaced, 'direction')).toBeUndefined();
    const fallback = merge([strong, mapped('direction', [2], 0.5)], [{ field: 'direction', sources: [0], confidence: 0.8 }]);
    expect(field(fallback, 'direction')).toMatchObject({ sources: [2], reason: 'fuzzy' });
  });

  it('says the mapping came from Claude only when one of its claims is kept', () => {
    expect(merge([mapped('direction', [2], 0.6)], []).source).toBe('heuristics');
    expect(merge([mapped('direction', [2], 0.6)], [], undefined, 'template').source).toBe('template');
    expect(merge([mapped('direction', [2], 0.6)], [{ field: 'direction', sources: [3], confidence: 0.8 }], undefined, 'template').source).toBe('ai');
  });
});

describe('mergeAiSuggestion against the sample values', () => {
  const contact = getSchema('contact');
  const h = ['Col A', 'Col B'];
  const check = (ai: AiFieldSuggestion[], rows: string[][]) => mergeAiSuggestion(contact, h, { ...suggestMapping(h, [], contact), fields: [] }, { fields: ai }, undefined, rows);

  it('takes a column half of whose samples fit, and refuses one under half', () => {
    const half = check([{ field: 'email', sources: [0], confidence: 0.9 }], [['jane@acme.com'], ['Jane Doe']]);
    expect(half.fields.find((f) => f.field === 'email')).toMatchObject({ sources: [0], reason: 'ai' });
    expect(half.aiRefused).toBeUndefined();
    const under = check([{ field: 'email', sources: [0], confidence: 0.9 }], [['jane@acme.com'], ['Jane Doe'], ['Mei Chen']]);
    expect(under.aiRefused).toEqual(['email <- "Col A"']);
  });

  it('names every column of a refused claim, and checks nothing without sample rows or for a field the schema lacks', () => {
    const rows = [['Jane Doe', 'Luis Ortega']];
    expect(check([{ field: 'email', sources: [0, 1], confidence: 0.9 }], rows).aiRefused).toEqual(['email <- "Col A" + "Col B"']);
    expect(check([{ field: 'email', sources: [0], confidence: 0.9 }], []).fields.find((f) => f.field === 'email')).toMatchObject({ sources: [0] });
    expect(check([{ field: 'colour', sources: [0], confidence: 0.9 }], rows).aiRefused).toBeUndefined();
  });
});
