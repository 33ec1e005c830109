import { describe, expect, it } from 'vitest';
import { isLabelColumn, isQuantityColumn } from '../../functions/core/map/left-out-evidence.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const byField = (m: ReturnType<typeof suggestMapping>) => Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));
const unsettled = (m: ReturnType<typeof suggestMapping>) => m.warnings?.find((w) => w.code === 'unsettled_fields')?.message ?? '';
const calls = getSchema('call_record');
const companies = getSchema('company_account');
const contacts = getSchema('contact');

// Headers such as "Qorvex" are no word in any language: what holds the layout is the values.
describe('a layout is not auto-accepted when an unused column says the file has a field the mapping leaves out', () => {
  const callRows = [
    ['03/11/2026 09:14', '5500000187', '3', 'KLOR'],
    ['03/11/2026 13:22', '3300000042', '12', 'KLOR'],
    ['04/11/2026 10:05', '8100000233', '2', 'VANT'],
    ['04/11/2026 19:41', '0012025550142', '5', 'KLOR'],
  ];

  it('holds a call log whose direction is left out beside a column of repeating labels no rule reads', () => {
    const m = suggestMapping(['Fecha', 'Numero', 'Min', 'Qorvex'], callRows, calls);
    expect(byField(m).direction).toBeUndefined();
    expect(m.status).toBe('needs_mapping');
    expect(unsettled(m)).toContain('direction <- "Qorvex" (labels no rule reads)');
  });

  it('takes no column of places, people or numbers for such labels', () => {
    expect(isLabelColumn(['Madrid', 'Barcelona', 'Madrid', 'Sevilla'])).toBe(false);
    expect(isLabelColumn(['12', '15', '12'])).toBe(false);
    expect(isLabelColumn(['PJSIP/201-0000004a', 'PJSIP/201-0000004b'])).toBe(false);
    // words that come back on other rows are labels even when no whole value repeats
    expect(isLabelColumn(['Вихідний дзвінок', 'Вхідний дзвінок', 'Вихідне SMS'])).toBe(true);
    const places = suggestMapping(['Fecha', 'Numero', 'Min', 'Qorvex'], callRows.map((r, i) => [r[0]!, r[1]!, r[2]!, ['Madrid', 'Barcelona', 'Madrid', 'Sevilla'][i]!]), calls);
    expect(unsettled(places)).not.toContain('labels no rule reads');
  });

  const companyRows = [
    ['Nordwind GmbH', 'nordwind.example', '87', 'Bremen'],
    ['Fjordlaks AS', 'fjordlaks.example', '146', 'Bergen'],
    ['Kivi Oy', 'kivi.example', '23', 'Tampere'],
    ['Lund Bygg AB', 'lundbygg.example', '6', 'Malmö'],
  ];

  it('holds a company list whose headcount is left out beside a column of quantities', () => {
    const m = suggestMapping(['Firma', 'Web', 'Qorvex', 'Ort'], companyRows, companies);
    expect(byField(m).employee_count).toBeUndefined();
    expect(m.status).toBe('needs_mapping');
    expect(unsettled(m)).toContain('employee_count <- "Qorvex" (numbers)');
  });

  it('takes no register number, postal code or year for a quantity', () => {
    const count = companies.fields.find((f) => f.name === 'employee_count')!;
    const ctx = { defaultRegion: 'US' };
    expect(isQuantityColumn(count, 'Qorvex', ['87', '146', '23', '6'], ctx)).toBe(true);
    expect(isQuantityColumn(count, 'Qorvex', ['1000101000', '1000734000', '1000250000'], ctx)).toBe(false);
    expect(isQuantityColumn(count, 'Qorvex', ['6720', '8230', '4026'], ctx)).toBe(false);
    expect(isQuantityColumn(count, 'Qorvex', ['1998', '2004', '2011'], ctx)).toBe(false);
    expect(isQuantityColumn(count, 'Qorvex', ['0123', '0456', '0789'], ctx)).toBe(false);
    expect(isQuantityColumn(count, 'Company ID', ['87', '146', '23'], ctx)).toBe(false);
    // a money unit in the header is no headcount
    expect(isQuantityColumn(count, 'Capital (Rs)', ['87', '146', '23'], ctx)).toBe(false);
  });

  it('holds a contact list with no name mapped beside a column shaped like person names', () => {
    const rows = [
      ['Kadri Tamm', 'kadri@pilv.example', 'Täispilet'],
      ['Margus Kask', 'margus@pilv.example', 'Täispilet'],
      ['Liis Saar', 'liis@ut.example', 'Üliõpilane'],
    ];
    const m = suggestMapping(['Qorvex', 'E-mail', 'Zulbrat'], rows, contacts);
    expect(m.status).toBe('needs_mapping');
    expect(unsettled(m)).toContain('full_name <- "Qorvex" (person names)');
    // once a name is mapped, another column of names (an owner's) is not taken for a left-out name
    const named = suggestMapping(['Name', 'E-mail', 'Qorvex'], rows.map((r) => ['Anna Berg', r[1]!, r[0]!]), contacts);
    expect(unsettled(named)).not.toContain('person names');
  });
});

describe('a whole name that names someone else', () => {
  const rows = [
    ['Sofia', 'Lindqvist', 'sofia@trä.example', 'Erik Holm'],
    ['Anders', 'Nyberg', 'anders@bygg.example', 'Erik Holm'],
    ['Elin', 'Ekström', 'elin@fisk.example', 'Karin Sjöberg'],
  ];

  it('is left unmapped when it disagrees with the mapped given and family names on most rows', () => {
    const m = suggestMapping(['Förnamn', 'Efternamn', 'E-post', 'Full name'], rows, contacts);
    expect(byField(m).first_name).toEqual(['Förnamn']);
    expect(byField(m).full_name).toBeUndefined();
    expect(unsettled(m)).not.toContain('full_name');
  });

  it('is kept when it names the same person as the parts', () => {
    const same = rows.map((r) => [r[0]!, r[1]!, r[2]!, `${r[0]} ${r[1]}`]);
    expect(byField(suggestMapping(['Förnamn', 'Efternamn', 'E-post', 'Full name'], same, contacts)).full_name).toEqual(['Full name']);
  });
});

describe('machine-made ids', () => {
  it('never take an account number', () => {
    const rows = [
      ['Sat, 03 Oct 2026 08:14:22 +0000', 'AC8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a', '+13125550187', '221'],
      ['Sat, 03 Oct 2026 09:02:57 +0000', 'AC8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a', '+16175550142', '48'],
      ['Sun, 04 Oct 2026 15:11:43 +0000', 'AC8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a', '+14155550163', '0'],
    ];
    const m = suggestMapping(['Start Time', 'Account Number', 'To', 'Duration'], rows, calls);
    expect(byField(m).account_number).toBeUndefined();
    const digits = suggestMapping(['Start Time', 'Account Number', 'To', 'Duration'], rows.map((r) => [r[0]!, '4401-2200-17', r[2]!, r[3]!]), calls);
    expect(byField(digits).account_number).toEqual(['Account Number']);
  });
});
