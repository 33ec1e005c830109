import { describe, expect, it } from 'vitest';
import { isLabelColumn, isQuantityColumn } from '../../functions/core/map/left-out-evidence.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const byField = (m: ReturnType<typeof suggestMapping>) => Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));
const unsettled = (m: ReturnType<typeof suggestMapping>) => m.warnings?.find((w) => w.code === 'unsettled_fields')?.message ?? '';
const calls = getSchema('call_record');
const companies = getSchema('company_account');
const contacts = getSchema('contact');
const cost0 = () => calls.fields.find((f) => f.name === 'cost_minor')!;

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

  it('holds a company list whose headcount comes from its only column of quantities, for a person to confirm', () => {
    const m = suggestMapping(['Firma', 'Web', 'Qorvex', 'Ort'], companyRows, companies);
    expect(byField(m).employee_count).toEqual(['Qorvex']);
    expect(m.fields.find((f) => f.field === 'employee_count')!.confidence).toBeLessThan(0.65);
    expect(m.status).toBe('needs_mapping');
  });

  it('holds one with two columns of quantities, naming the one left out', () => {
    const rows = companyRows.map((r, i) => [...r, String(40 - i * 7)]);
    const m = suggestMapping(['Firma', 'Web', 'Qorvex', 'Ort', 'Zybrant'], rows, companies);
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
    // a leading zero without a separator is an id on whichever row it stands, even when an earlier row has the same digits as an amount
    expect(isQuantityColumn(cost0(), 'Qorvex', ['0,50', '050', '12,50'], ctx)).toBe(false);
    expect(isQuantityColumn(count, 'Company ID', ['87', '146', '23'], ctx)).toBe(false);
    // a money unit in the header is no headcount
    expect(isQuantityColumn(count, 'Capital (Rs)', ['87', '146', '23'], ctx)).toBe(false);
    // an amount prints its cents or currency: a PBX's extensions and lengths in seconds are no cost
    const cost = calls.fields.find((f) => f.name === 'cost_minor')!;
    expect(isQuantityColumn(cost, 'Qorvex', ['0,00', '2,50', '12,50'], ctx)).toBe(true);
    expect(isQuantityColumn(cost, 'Qorvex', ['204', '6175550148', '201'], ctx)).toBe(false);
    expect(isQuantityColumn(cost, 'Qorvex', ['60', '67', '74'], ctx)).toBe(false);
    // epoch-second ids whose counters print two decimals are no amounts either
    expect(isQuantityColumn(cost, 'uniqueid', ['1741101954.9', '1741111947.10', '1741130543.11', '1741130555.12'], ctx)).toBe(false);
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

describe('call codes guessed from values', () => {
  it('are not read from a column filled on only a few rows', () => {
    const rows = [
      ['2026-02-03 09:12:03', '4155550142', '167', 'out-4155550142-201-20260203-091203.wav'],
      ['2026-02-03 09:20:47', '201', '24', ''],
      ['2026-02-03 10:02:15', '2125550123', '415', ''],
      ['2026-02-03 11:45:00', '201', '36', ''],
    ];
    const m = suggestMapping(['calldate', 'dst', 'billsec', 'qorvex'], rows, calls);
    expect(byField(m).direction).toBeUndefined();
    const filled = suggestMapping(['calldate', 'dst', 'billsec', 'qorvex'], rows.map((r, i) => [r[0]!, r[1]!, r[2]!, i % 2 === 0 ? 'outbound' : 'inbound']), calls);
    expect(byField(filled).direction).toEqual(['qorvex']);
  });
});
