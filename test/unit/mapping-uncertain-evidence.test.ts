import { describe, expect, it } from 'vitest';
import { isDepartmentColumn } from '../../functions/core/map/negative-cues.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

/**
 * Rules made on the misses of v8/tuning and v9/tuning (2026-12-07): a layout whose evidence
 * for a field is wrong or thin is not auto-accepted with that field. Each input is a file of
 * the same kind as the miss, not the miss itself.
 */

const contact = getSchema('contact');
const byField = (m: ReturnType<typeof suggestMapping>) => Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));

describe('a column of departments is no company', () => {
  it('reads departments in several languages, with or without a word for "department"', () => {
    expect(isDepartmentColumn(['Sales', 'Human Resources', 'Finance Department'])).toBe(true);
    expect(isDepartmentColumn(['Vertrieb', 'Einkauf', 'Buchhaltung'])).toBe(true);
    expect(isDepartmentColumn(['Keuangan', 'Penjualan', 'SDM', ''])).toBe(true);
    expect(isDepartmentColumn(['Service comptabilité', 'Ressources humaines'])).toBe(true);
    expect(isDepartmentColumn(['Acme Ltd', 'Globex Inc', 'Sales'])).toBe(false);
    expect(isDepartmentColumn(['Sales'])).toBe(false); // one value says too little
  });

  it('leaves an HR export\'s "Organization" of departments unmapped, and the layout is taken without it', () => {
    const headers = ['Employee ID', 'Name', 'Email', 'Organization', 'Job Title'];
    const rows = [
      ['E-01', 'Anna Berg', 'anna.berg@northwind.example', 'Sales', 'Account Executive'],
      ['E-02', 'John Smith', 'john.smith@northwind.example', 'Human Resources', 'HR Manager'],
      ['E-03', 'Mia Ford', 'mia.ford@northwind.example', 'Finance Department', 'Controller'],
    ];
    const m = suggestMapping(headers, rows, contact);
    expect(byField(m).company).toBeUndefined();
    expect(byField(m)).toMatchObject({ full_name: ['Name'], email: ['Email'], title: ['Job Title'] });
  });

  it('still takes an "Organization" column of companies for the company', () => {
    const headers = ['Name', 'Email', 'Organization'];
    const rows = [['Anna Berg', 'anna@acme.example', 'Acme Ltd'], ['John Smith', 'john@globex.example', 'Globex'], ['Mia Ford', 'mia@initech.example', 'Initech']];
    expect(byField(suggestMapping(headers, rows, contact)).company).toEqual(['Organization']);
  });
});

describe('a whole name only a loose header match says, beside the mapped parts', () => {
  it('is held for a person when the samples cannot show it is the same person ("Segundo nome", a middle name)', () => {
    const headers = ['Nome', 'Segundo nome', 'Sobrenome', 'E-mail'];
    const rows = [['Ana', '', 'Silva', 'ana@x.example'], ['João', 'Pedro', 'Santos', 'joao@y.example'], ['Rita', '', 'Costa', 'rita@z.example']];
    const m = suggestMapping(headers, rows, contact);
    expect(byField(m)).toMatchObject({ first_name: ['Nome'], last_name: ['Sobrenome'] });
    expect(m.fields.find((f) => f.field === 'full_name')?.confidence ?? 0).toBeLessThan(0.65);
    expect(m.status).toBe('needs_mapping');
  });

  it('leaves a whole name the header names outright alone', () => {
    const headers = ['Full Name', 'First Name', 'Last Name', 'Email'];
    const rows = [['Anna Berg', 'Anna', 'Berg', 'anna@x.example'], ['', 'John', 'Smith', 'john@y.example'], ['', 'Mia', 'Ford', 'mia@z.example']];
    const m = suggestMapping(headers, rows, contact);
    expect(m.fields.find((f) => f.field === 'full_name')?.confidence).toBeGreaterThanOrEqual(0.65);
  });
});
