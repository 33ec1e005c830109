import { describe, expect, it } from 'vitest';
import { scoreFromMapping } from '../../functions/core/map/score-schemas.ts';
import type { FieldMapping, MappingResult } from '../../functions/core/pipeline-types.ts';

const fm = (field: string, column: number): FieldMapping => ({ field, sources: [column], sourceHeaders: [`h${column}`], confidence: 1, reason: 'exact' });
const mapping = (schema: string, fields: FieldMapping[]): MappingResult => ({ status: 'mapped', schema, fields, confidence: 1, missingRequired: [] });
const headers = ['h0', 'h1', 'h2'];

describe('a schema of people on a file that names firms', () => {
  it('scores contacts lower when a company is mapped and no part of a person\'s name is', () => {
    expect(scoreFromMapping(headers, mapping('contact', [fm('company', 0), fm('email', 1), fm('phone', 2)])).confidence).toBe(0.85);
  });

  it('not when a name of a person is mapped too, nor without a company', () => {
    for (const name of ['full_name', 'first_name', 'last_name']) {
      expect(scoreFromMapping(headers, mapping('contact', [fm('company', 0), fm(name, 1), fm('phone', 2)])).confidence).toBe(1);
    }
    expect(scoreFromMapping(headers, mapping('contact', [fm('title', 0), fm('email', 1), fm('phone', 2)])).confidence).toBe(1);
  });

  it('not for a schema without person names (companies), nor one it does not know', () => {
    expect(scoreFromMapping(headers, mapping('company_account', [fm('name', 0), fm('domain', 1), fm('city', 2)])).confidence).toBe(1);
    expect(scoreFromMapping(headers, mapping('leads', [fm('company', 0), fm('email', 1), fm('phone', 2)])).confidence).toBe(1);
  });
});
