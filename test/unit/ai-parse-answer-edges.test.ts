import { describe, expect, it } from 'vitest';
import { parseAiMapping } from '../../functions/core/ai/parse-answer.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const schema = getSchema('call_record');
const HEADERS = ['Datum', 'Uhrzeit', 'Rufnummer', 'Dauer'];
const fields = (text: string, headers: readonly string[] = HEADERS) => parseAiMapping(text, schema, headers)?.fields;

describe('parseAiMapping at the edges of what models answer', () => {
  it('answers undefined for JSON that is a number, a string or null (no mapping in any shape)', () => {
    expect(parseAiMapping('```json\n42\n```', schema, HEADERS)).toBeUndefined();
    expect(parseAiMapping('```\nnull\n```', schema, HEADERS)).toBeUndefined();
    expect(parseAiMapping('```\n"started_at"\n```', schema, HEADERS)).toBeUndefined();
  });

  it('reads a field -> column object nested under "mapping", and skips entries that are not objects', () => {
    expect(fields('{"mapping":{"started_at":[0,1]}}')).toEqual([{ field: 'started_at', sources: [0, 1], confidence: 0.7 }]);
    expect(fields('{"mappings":[null, 3, {"field":"started_at","columns":[0]}]}')).toEqual([{ field: 'started_at', sources: [0], confidence: 0.7 }]);
  });

  it('keeps at most three columns of a field', () => {
    expect(fields('[{"field":"started_at","columns":[0,1,2,3]}]')).toEqual([{ field: 'started_at', sources: [0, 1, 2], confidence: 0.7 }]);
  });

  it('reads a column number only from a whole run of digits, and drops the number one past the last column', () => {
    const wide = Array.from({ length: 12 }, (_, i) => `h${i}`);
    expect(fields('[{"field":"started_at","columns":["11"]}]', wide)).toEqual([{ field: 'started_at', sources: [11], confidence: 0.7 }]);
    expect(fields('[{"field":"started_at","columns":["2a", "a2", "h2"]}]', wide)).toEqual([{ field: 'started_at', sources: [2], confidence: 0.7 }]);
    expect(fields('[{"field":"started_at","columns":[4, "4"]}]')).toEqual([]);
    expect(fields('[{"field":"started_at","columns":[3]}]')).toEqual([{ field: 'started_at', sources: [3], confidence: 0.7 }]);
  });

  it('reads confidence as a number, a numeric string or a percentage, 1 meaning sure', () => {
    const confidence = (value: string) => fields(`[{"field":"started_at","columns":[0],"confidence":${value}}]`)?.[0]?.confidence;
    expect(confidence('"0.8"')).toBe(0.8);
    expect(confidence('1')).toBe(1);
    expect(confidence('1.5')).toBe(0.02);
    expect(confidence('100')).toBe(1);
    expect(confidence('-0.3')).toBe(0);
    expect(confidence('0.123')).toBe(0.12);
  });
});
