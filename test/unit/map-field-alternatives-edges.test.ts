import { describe, expect, it } from 'vitest';
import { fieldAlternatives } from '../../functions/core/map/field-alternatives.ts';
import type { SchemaDefinition } from '../../functions/core/schemas/schema-types.ts';

// a schema without a lexicon: a field's terms are its name, synonyms, name parts and description
const schema = (): SchemaDefinition => ({
  name: 'field_alternatives_edges',
  fields: [
    { name: 'email', type: 'email', required: false, synonyms: ['E-mail Address'], description: '' },
    { name: 'company_name', type: 'string', required: false, synonyms: [], description: 'Employer' },
  ],
});

describe('fieldAlternatives', () => {
  it('lists up to three columns per field, best first, by name, synonym, description or resemblance', () => {
    const headers = ['Email', 'Contact', 'Mail', 'E-mail Address', '', 'Company', 'Employer', 'Emails'];
    const rows = [
      ['a@b.co', 'x@y.io', 'no', 'c@d.co', 'e@f.co', 'Acme', 'Acme', 'z'],
      ['b@b.co', 'y@y.io', 'no', 'd@d.co', 'g@h.co', 'Foo', 'Foo', 'q'],
    ];
    expect(fieldAlternatives(headers, rows, schema())).toEqual({
      email: [
        { column: 0, header: 'Email', score: 1, why: 'synonym' },
        { column: 3, header: 'E-mail Address', score: 1, why: 'synonym' },
        { column: 7, header: 'Emails', score: 0.71, why: 'header' },
      ],
      company_name: [
        { column: 5, header: 'Company', score: 1, why: 'synonym' },
        { column: 6, header: 'Employer', score: 1, why: 'synonym' },
      ],
    });
  });

  it('scores a resembling header at 0.85 of its similarity, and sample values at 0.6 of their share', () => {
    const alt = fieldAlternatives(['Mail', 'Contact', 'Other'], [['no', 'a@b.co', 'a@b.co'], ['no', 'x@y.io', 'x'], ['', '', 'y']], schema());
    expect(alt.email).toEqual([
      { column: 0, header: 'Mail', score: 0.68, why: 'header' },
      { column: 1, header: 'Contact', score: 0.6, why: 'values' },
    ]);
  });

  it('takes values at 0.3 (half of them), not below', () => {
    expect(fieldAlternatives(['Contact'], [['a@b.co'], ['x']], schema()).email).toEqual([{ column: 0, header: 'Contact', score: 0.3, why: 'values' }]);
    expect(fieldAlternatives(['Contact'], [['a@b.co'], ['x'], ['y']], schema()).email).toEqual([]);
    expect(fieldAlternatives(['Contact'], [], schema()).email).toEqual([]);
    expect(fieldAlternatives(['Contact', 'Other'], [['x'], ['y']], schema()).email).toEqual([]);
  });

  it('names the values only when they score above the header', () => {
    const alt = fieldAlternatives(['Mail'], [['a@b.co'], ['c@d.co']], schema());
    expect(alt.email).toEqual([{ column: 0, header: 'Mail', score: 0.68, why: 'header' }]);
  });

  it('skips blank headers and the columns past the 300th', () => {
    const headers = Array.from({ length: 301 }, (_, i) => (i === 300 ? 'Email' : `c${i}`));
    headers[0] = ' ';
    const rows = [headers.map((_, i) => (i === 0 ? 'a@b.co' : ''))];
    const alt = fieldAlternatives(headers, rows, schema());
    expect(alt.email).toEqual([]);
    expect(fieldAlternatives([...headers.slice(0, 299), 'Email'], rows, schema()).email).toEqual([{ column: 299, header: 'Email', score: 1, why: 'synonym' }]);
  });

  it('breaks ties by column', () => {
    const alt = fieldAlternatives(['Emails', 'Email', 'Emails'], [], schema());
    expect(alt.email!.map((a) => a.column)).toEqual([1, 0, 2]);
  });
});
