import { describe, expect, it } from 'vitest';
import { buildMappingPrompt, MAX_AI_COLUMNS, SAMPLE_CHARS, sampleValues } from '../../functions/core/ai/mapping-prompt.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

describe('buildMappingPrompt', () => {
  const rows = [
    ['2025-11-03', '+1 555 0100', 'x'.repeat(100)],
    ['2025-11-04', '+1 555 0101', ''],
    ['2025-11-04', '+1 555 0102', ''],
    ['2025-11-05', '+1 555 0103', 'late'],
  ];

  it('sends the schema fields, the headers and at most three short distinct values per column', () => {
    const p = buildMappingPrompt(getSchema('call_record'), ['Day', 'Who', 'Memo'], rows);
    expect(p.system).toContain('"mappings"');
    expect(p.user).toContain('- direction (enum): inbound (received, MT) or outbound (dialed, MO): one of: inbound, outbound');
    expect(p.user).toContain('- started_at (datetime, required)');
    expect(p.user).toContain('0: "Day" e.g. "2025-11-03", "2025-11-04", "2025-11-05"');
    expect(p.user).toContain('+1 555 0102');
    expect(p.user).not.toContain('+1 555 0103');
    expect(p.user).toContain(`"${'x'.repeat(SAMPLE_CHARS)}"`);
    expect(p.user).not.toContain('x'.repeat(SAMPLE_CHARS + 1));
    expect(p.columns).toBe(3);
  });

  it('describes only the first columns of a very wide file', () => {
    const headers = Array.from({ length: MAX_AI_COLUMNS + 50 }, (_, i) => `c${i}`);
    const p = buildMappingPrompt(getSchema('contact'), headers, []);
    expect(p.columns).toBe(MAX_AI_COLUMNS);
    expect(p.user).toContain(`first ${MAX_AI_COLUMNS} of ${MAX_AI_COLUMNS + 50}`);
    expect(p.user).not.toContain(`"c${MAX_AI_COLUMNS}"`);
  });
});

describe('sampleValues', () => {
  it('skips blanks and repeats', () => {
    expect(sampleValues([['a'], [''], ['a'], ['b'], ['-'], ['c'], ['d']], 0)).toEqual(['a', 'b', 'c']);
  });

  it('asks only what the heuristics could not settle: unmapped fields and columns, three samples each', () => {
    const schema = getSchema('contact');
    const headers = ['E-mail', 'Mystery', 'Other'];
    const rows = [['a@b.com', 'Jane Doe', 'x'], ['c@d.com', 'Luis Ortega', 'y'], ['e@f.com', 'Mei Chen', 'z'], ['g@h.com', 'Tom Lee', 'w']];
    const p = buildMappingPrompt(schema, headers, rows, { fields: [{ field: 'email', sources: [0], confidence: 0.95 }], threshold: 0.65 });
    expect(p.user).toContain('- email <- 0: "E-mail"');
    expect(p.user).not.toContain('a@b.com');
    expect(p.user).toContain('1: "Mystery" e.g. "Jane Doe", "Luis Ortega", "Mei Chen"');
    expect(p.user).not.toContain('Tom Lee');
    expect(p.user).not.toMatch(/^- email \(/m);
    expect(p.user).toMatch(/^- full_name \(/m);
  });
});
