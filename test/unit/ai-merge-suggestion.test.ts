import { describe, expect, it } from 'vitest';
import { AI_MAX_CONFIDENCE, mergeAiSuggestion } from '../../functions/core/ai/merge-suggestion.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const schema = getSchema('call_record');
const byField = (fields: { field: string; sources: number[]; reason: string }[]) => Object.fromEntries(fields.map((f) => [f.field, [f.sources, f.reason]]));

describe('mergeAiSuggestion', () => {
  const headers = ['Start Time', 'Phone Numbr', 'Col3', 'Col4'];
  const rows = [['2025-11-03 14:05:09', '+1 555 123 4567', 'Outgoing', '5:03']];
  const heuristic = suggestMapping(headers, rows, schema);

  it('keeps strong heuristic matches over a disagreeing AI, and takes the AI for weak or missing ones', () => {
    expect(heuristic.fields.find((f) => f.field === 'started_at')?.reason).toBe('synonym');
    const merged = mergeAiSuggestion(schema, headers, heuristic, {
      fields: [
        { field: 'started_at', sources: [3], confidence: 0.99 },
        { field: 'counterpart_number', sources: [1], confidence: 0.95 },
        { field: 'direction', sources: [2], confidence: 0.85 },
      ],
    });
    const f = byField(merged.fields);
    expect(f.started_at).toEqual([[0], 'synonym']);
    expect(f.counterpart_number).toEqual([[1], 'ai']);
    expect(f.direction).toEqual([[2], 'ai']);
    expect(merged.fields.find((x) => x.field === 'counterpart_number')?.confidence).toBe(AI_MAX_CONFIDENCE);
    expect(merged.fields.find((x) => x.field === 'direction')?.sourceHeaders).toEqual(['Col3']);
    expect(merged.source).toBe('ai');
  });

  it('never feeds one column to two fields: the stronger claim wins and a displaced AI claim falls back', () => {
    const merged = mergeAiSuggestion(schema, headers, heuristic, { fields: [{ field: 'location', sources: [0], confidence: 0.8 }, { field: 'account_number', sources: [2], confidence: 0.6 }] });
    const used = merged.fields.flatMap((x) => x.sources);
    expect(new Set(used).size).toBe(used.length);
    expect(byField(merged.fields).location).toBeUndefined();
    expect(byField(merged.fields).account_number).toEqual([[2], 'ai']);
  });

  it('recomputes the verdict: an AI that fills the required fields makes the mapping confident', () => {
    const opaque = suggestMapping(['a', 'b'], [], schema);
    expect(opaque.status).toBe('needs_mapping');
    const merged = mergeAiSuggestion(schema, ['a', 'b'], opaque, { fields: [{ field: 'started_at', sources: [0], confidence: 0.9 }, { field: 'counterpart_number', sources: [1], confidence: 0.9 }] });
    expect(merged).toMatchObject({ status: 'mapped', missingRequired: [], confidence: 0.9 });
    const unsure = mergeAiSuggestion(schema, ['a', 'b'], opaque, { fields: [{ field: 'started_at', sources: [0], confidence: 0.4 }, { field: 'counterpart_number', sources: [1], confidence: 0.9 }] });
    expect(unsure.status).toBe('needs_mapping');
  });

  it('checks Claude against the values: a suggested e-mail column of names is refused, a fitting one taken', () => {
    const contact = getSchema('contact');
    const h = ['Col A', 'Col B'];
    const r = [['Jane Doe', 'jane@acme.com'], ['Luis Ortega', 'luis@globex.com'], ['Mei Chen', 'mei@soylent.com']];
    const base = suggestMapping(h, r, contact);
    const wrong = mergeAiSuggestion(contact, h, base, { fields: [{ field: 'email', sources: [0], confidence: 0.9 }] }, undefined, r);
    expect(wrong.fields.find((f) => f.field === 'email')?.sources).toEqual([1]);
    expect(wrong.aiRefused).toEqual(['email <- "Col A"']);
    const right = mergeAiSuggestion(contact, h, base, { fields: [{ field: 'full_name', sources: [0], confidence: 0.9 }] }, undefined, r);
    expect(right.fields.find((f) => f.field === 'full_name')).toMatchObject({ sources: [0], reason: 'ai' });
    expect(right.aiRefused).toBeUndefined();
  });
});
