import { describe, expect, it } from 'vitest';
import { buildMappingPrompt, sampleValues } from '../../functions/core/ai/mapping-prompt.ts';
import type { SchemaDefinition } from '../../functions/core/schemas/schema-types.ts';

// The prompt is what the model reads: its whole text is pinned, line by line.
const schema: SchemaDefinition = {
  name: 'contact',
  description: 'people',
  fields: [
    { name: 'email', type: 'email', required: true, synonyms: [], description: 'an address' },
    { name: 'tags', type: 'string', required: false, synonyms: [], description: '', multiple: true },
    { name: 'kind', type: 'enum', required: false, synonyms: [], description: '', enumValues: ['a', 'b'] },
  ],
};
const headers = ['Mail', 'Labels', 'Kind'];
const rows = [
  ['x@y.z', '', 'a'],
  ['u@v.w', '', 'b'],
];

describe('the mapping prompt, word for word', () => {
  it('tells the model the answer it wants', () => {
    expect(buildMappingPrompt(schema, headers, rows).system).toBe(
      'You map the columns of a spreadsheet or CSV export to the fields of a target schema. ' +
        'Answer with one JSON object and nothing else, of the form ' +
        '{"mappings":[{"field":"<schema field>","columns":[<column number>, ...],"confidence":<0..1>}]}. ' +
        'Use the column numbers given. Map a field only when a column clearly holds it; leave a field out otherwise. ' +
        'A datetime field may take two columns (a date column, then a time column). Use each column for at most one field. ' +
        'confidence is how sure you are that a person would agree.',
    );
  });

  it('lists every field and column when nothing is settled', () => {
    expect(buildMappingPrompt(schema, headers, rows).user).toBe(
      [
        'Target schema "contact" (people), fields:',
        '- email (email, required): an address',
        '- tags (string list)',
        '- kind (enum): one of: a, b',
        '',
        'Columns of the file (number: header, sample values):',
        '0: "Mail" e.g. "x@y.z", "u@v.w"',
        '1: "Labels"',
        '2: "Kind" e.g. "a", "b"',
      ].join('\n'),
    );
  });

  it('asks only what the heuristics left open, naming what they settled at or above the threshold', () => {
    const settled = {
      threshold: 0.8,
      fields: [
        { field: 'email', sources: [0], confidence: 0.8 },
        { field: 'kind', sources: [2], confidence: 0.79 },
      ],
    };
    const p = buildMappingPrompt({ ...schema, description: undefined }, headers, rows, settled);
    expect(p.user).toBe(
      [
        'Target schema "contact", fields still to map:',
        '- tags (string list)',
        '- kind (enum): one of: a, b',
        '',
        'Already mapped (do not map these fields or columns again):',
        '- email <- 0: "Mail"',
        '',
        'Columns not mapped yet (number: header, sample values):',
        '1: "Labels"',
        '2: "Kind" e.g. "a", "b"',
      ].join('\n'),
    );
    expect(p.columns).toBe(3);
  });

  it('names a settled pair of columns, and a column past the headers by an empty name', () => {
    const settled = { threshold: 0.5, fields: [{ field: 'email', sources: [0, 3], confidence: 0.9 }] };
    expect(buildMappingPrompt(schema, headers, rows, settled).user).toContain('\n- email <- 0: "Mail" + 3: ""\n');
  });
});

describe('a very wide file', () => {
  it('says how many of its columns the prompt describes', () => {
    const wide = Array.from({ length: 152 }, (_, i) => `c${i}`);
    expect(buildMappingPrompt(schema, wide, []).user).toContain('\nColumns of the file (number: header, sample values), among the first 150 of 152:\n0: "c0"\n');
  });
});

describe('sampleValues', () => {
  it('trims values and skips blank and missing cells', () => {
    expect(sampleValues([[' a '], [], ['  '], ['a'], ['b']], 0)).toEqual(['a', 'b']);
  });
});
