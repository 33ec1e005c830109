import { describe, expect, it } from 'vitest';
import { fieldAlternatives } from '../../functions/core/map/field-alternatives.ts';
import type { SchemaDefinition } from '../../functions/core/schemas/schema-types.ts';

const schema = (): SchemaDefinition => ({
  name: 'field_alternatives_edges2',
  fields: [
    { name: 'email', type: 'email', required: false, synonyms: [], description: '' },
    { name: 'phone', type: 'phone', required: false, synonyms: [], description: '' },
  ],
});

describe('fieldAlternatives at its edges', () => {
  it('reads national phone numbers as the United States by default', () => {
    const alt = fieldAlternatives(['Tel'], [['(415) 555-2671'], ['415-555-0199']], schema());
    expect(alt.phone).toEqual([{ column: 0, header: 'Tel', score: 0.6, why: 'values' }]);
  });

  it('reads a sample row shorter than the headers as blank there', () => {
    const alt = fieldAlternatives(['Other', 'Contact'], [['x', 'a@b.co'], ['y']], schema());
    expect(alt.email).toEqual([{ column: 1, header: 'Contact', score: 0.6, why: 'values' }]);
  });

  it('scores a header only by resemblance when no term is it', () => {
    const alt = fieldAlternatives(['Emails', 'E-mail'], [], schema());
    expect(alt.email!.every((a) => a.why === 'header' && a.score < 1)).toBe(true);
  });

  it('names the header, not the values, when the two score the same', () => {
    // 17 letters, 5 of them changed: (1 - 5/17) x 0.85 is 0.6, as every value an address is
    const own: SchemaDefinition = { name: 'field_alternatives_tie', fields: [{ name: 'abcdefghijklmnopq', type: 'email', required: false, synonyms: [], description: '' }] };
    const alt = fieldAlternatives(['abcdefghijklVWXYZ'], [['a@b.co'], ['c@d.co']], own);
    expect(alt.abcdefghijklmnopq).toEqual([{ column: 0, header: 'abcdefghijklVWXYZ', score: 0.6, why: 'header' }]);
  });
});
