import { describe, expect, it } from 'vitest';
import { extractJson, parseAiMapping } from '../../functions/core/ai/parse-answer.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const schema = getSchema('call_record');
const HEADERS = ['Datum', 'Uhrzeit', 'Rufnummer', 'Dauer'];

describe('parseAiMapping', () => {
  it('reads the asked-for shape', () => {
    const text = '{"mappings":[{"field":"started_at","columns":[0,1],"confidence":0.92},{"field":"counterpart_number","columns":[2],"confidence":0.99}]}';
    expect(parseAiMapping(text, schema, HEADERS)).toEqual({
      fields: [
        { field: 'started_at', sources: [0, 1], confidence: 0.92 },
        { field: 'counterpart_number', sources: [2], confidence: 0.99 },
      ],
    });
  });

  it('tolerates prose, code fences, trailing commas, header names, numeric strings and percentages', () => {
    const text = 'Sure! Here you go:\n```json\n{"fields": [\n {"name": "counterpart_number", "column": "Rufnummer", "confidence": "95%"},\n {"field": "duration_seconds", "sources": ["3"],},\n]}\n```\nLet me know.';
    expect(parseAiMapping(text, schema, HEADERS)?.fields).toEqual([
      { field: 'counterpart_number', sources: [2], confidence: 0.95 },
      { field: 'duration_seconds', sources: [3], confidence: 0.7 },
    ]);
  });

  it('reads a bare array and a field -> column object', () => {
    expect(parseAiMapping('[{"field":"counterpart_number","columns":2}]', schema, HEADERS)?.fields).toEqual([{ field: 'counterpart_number', sources: [2], confidence: 0.7 }]);
    expect(parseAiMapping('{"started_at":["Datum","Uhrzeit"],"counterpart_number":"rufnummer"}', schema, HEADERS)?.fields).toEqual([
      { field: 'started_at', sources: [0, 1], confidence: 0.7 },
      { field: 'counterpart_number', sources: [2], confidence: 0.7 },
    ]);
  });

  it('drops unknown fields, unknown or out-of-range columns and repeated fields', () => {
    const text = JSON.stringify({
      mappings: [
        { field: 'colour', columns: [0] },
        { field: 'started_at', columns: [17] },
        { field: 'counterpart_number', columns: ['Telefon'] },
        { field: 'duration_seconds', columns: [3], confidence: 150 },
        { field: 'duration_seconds', columns: [1] },
        { field: 'location', columns: [-1, 1.5] },
      ],
    });
    expect(parseAiMapping(text, schema, HEADERS)?.fields).toEqual([{ field: 'duration_seconds', sources: [3], confidence: 1 }]);
    // only the columns that were described count
    expect(parseAiMapping('{"mappings":[{"field":"duration_seconds","columns":[3]}]}', schema, HEADERS, 2)?.fields).toEqual([]);
  });

  it('answers undefined when there is no JSON at all, so the caller keeps the heuristics', () => {
    expect(parseAiMapping('I think column 1 is the date.', schema, HEADERS)).toBeUndefined();
    expect(parseAiMapping('{"mappings": [ {"field": ', schema, HEADERS)).toBeUndefined();
    expect(parseAiMapping('', schema, HEADERS)).toBeUndefined();
    expect(parseAiMapping('"just a string"', schema, HEADERS)).toBeUndefined();
  });
});

describe('extractJson', () => {
  it('prefers a fenced block and repairs trailing commas', () => {
    expect(extractJson('x ```\n{"a": [1, 2,],}\n``` y {"b":1}')).toEqual({ a: [1, 2] });
    expect(extractJson('noise [1,2] noise')).toEqual([1, 2]);
    expect(extractJson('nothing here')).toBeUndefined();
  });
});
