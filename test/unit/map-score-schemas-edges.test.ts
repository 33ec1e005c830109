import { describe, expect, it } from 'vitest';
import { scoreFromMapping, scoreSchema, scoreSchemas } from '../../functions/core/map/score-schemas.ts';
import type { FieldMapping, MappingResult } from '../../functions/core/pipeline-types.ts';
import type { SchemaDefinition } from '../../functions/core/schemas/schema-types.ts';

const fm = (field: string, sources: number[], sourceHeaders: string[]): FieldMapping => ({ field, sources, sourceHeaders, confidence: 1, reason: 'exact' });
const mapping = (fields: FieldMapping[], confidence: number, missingRequired: string[] = []): MappingResult => ({
  status: 'mapped',
  schema: 'leads',
  fields,
  confidence,
  missingRequired,
});

describe('scoreFromMapping', () => {
  it('scales the confidence by 0.4 + 0.6 x the share of non-empty columns used, rounded to hundredths', () => {
    const fields = [fm('started_at', [0, 1], ['Date', 'Time']), fm('phone', [2], ['Phone']), fm('again', [2], ['Phone'])];
    expect(scoreFromMapping(['Date', 'Time', 'Phone', 'Notes', ' '], mapping(fields, 0.9))).toEqual({
      name: 'leads',
      confidence: 0.77,
      reason: '3 of 4 columns match leads (started_at <- Date + Time, phone <- Phone, again <- Phone)',
    });
    expect(scoreFromMapping(['Date', 'Time', 'Phone'], mapping(fields, 0.9)).confidence).toBe(0.9);
  });

  it('halves it when a required field has no column, and says which', () => {
    expect(scoreFromMapping(['Phone', 'Notes'], mapping([fm('phone', [0], ['Phone'])], 0.8, ['email', 'name']))).toEqual({
      name: 'leads',
      confidence: 0.28,
      reason: '1 of 2 columns match leads (phone <- Phone); missing required: email, name',
    });
  });

  it('scores a mapping without fields, or a file without headers, at the confidence times 0.4', () => {
    expect(scoreFromMapping(['A', 'B'], mapping([], 0.5))).toEqual({ name: 'leads', confidence: 0.2, reason: 'no column matches leads' });
    expect(scoreFromMapping([], mapping([], 1)).confidence).toBe(0.4);
    expect(scoreFromMapping(['', ' '], mapping([fm('x', [0], [''])], 1)).confidence).toBe(0.4);
  });
});

describe('scoreSchema and scoreSchemas', () => {
  it('scores a custom schema by its suggested mapping', () => {
    const schema: SchemaDefinition = {
      name: 'score_schemas_edges',
      fields: [{ name: 'email', type: 'email', required: true, synonyms: [], description: '' }],
    };
    const score = scoreSchema(['Email'], [['a@b.co'], ['c@d.co']], schema);
    expect(score.name).toBe('score_schemas_edges');
    expect(score.confidence).toBeGreaterThan(0.5);
    expect(score.reason).toBe('1 of 1 columns match score_schemas_edges (email <- Email)');
    const none = scoreSchema(['Notes'], [['x']], schema);
    expect(none.reason).toBe('no column matches score_schemas_edges');
    expect(none.confidence).toBeLessThan(score.confidence);
  });

  it('gives the best built-in, the first on a tie', () => {
    expect(scoreSchemas(['First Name', 'Last Name', 'E-mail Address'], []).name).toBe('contact');
    const tie = scoreSchemas(['zzz'], []);
    expect(tie).toEqual({ name: 'call_record', confidence: 0, reason: 'no column matches call_record' });
  });
});
