import { describe, expect, it } from 'vitest';
import { readCallCode } from '../../functions/core/enrich/call-codes.ts';
import { parseNumber } from '../../functions/core/enrich/number.ts';
import { isDepartmentColumn, isYesNoColumn } from '../../functions/core/map/negative-cues.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { headerScale } from '../../functions/core/map/units.ts';
import { isCompanyName, isPersonName } from '../../functions/core/map/value-kinds.ts';
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

const calls = getSchema('call_record');

describe('call codes in a phrase, by a word pair', () => {
  it('reads the direction from a two-word code inside the phrase ("Chiamata in uscita"), and "inviato" as sent', () => {
    expect(readCallCode('Chiamata in uscita')).toMatchObject({ direction: 'outbound', recordType: 'voice' });
    expect(readCallCode('Chiamata in entrata')).toMatchObject({ direction: 'inbound', recordType: 'voice' });
    expect(readCallCode('SMS inviato')).toMatchObject({ direction: 'outbound', recordType: 'sms' });
  });

  it('reads a Vietnamese bill\'s "Gọi ..." (a call) as a voice call', () => {
    expect(readCallCode('Gọi ngoại mạng')).toMatchObject({ recordType: 'voice' });
    expect(readCallCode('Gọi đi')).toMatchObject({ direction: 'outbound', recordType: 'voice' });
  });

  it('maps one Italian type column to both the direction and the record type', () => {
    const headers = ['Data', 'Tipo', 'Numero chiamato', 'Durata', 'Importo (€)'];
    const rows = [
      ['02/11/2026 09:10:00', 'Chiamata in uscita', '+39 02 0000 111', '00:02:10', '0,00'],
      ['02/11/2026 10:00:00', 'Chiamata in entrata', '+39 06 0000 222', '00:01:00', '0,00'],
      ['02/11/2026 12:00:00', 'SMS inviato', '+39 333 000 333', '', '0,10'],
    ];
    expect(byField(suggestMapping(headers, rows, calls))).toMatchObject({ direction: ['Tipo'], record_type: ['Tipo'] });
  });
});

describe('a column of yes and no is no place', () => {
  it('tells a flag column from country codes', () => {
    expect(isYesNoColumn(['No', 'No', 'Sì'])).toBe(true);
    expect(isYesNoColumn(['Ja', 'Nein', ''])).toBe(true);
    expect(isYesNoColumn(['NO', 'SE', 'DK'])).toBe(false);
    expect(isYesNoColumn(['No', 'No', 'No'])).toBe(false); // Norway on every row is a place
  });

  it('does not hold a bill for a flag column whose "No" reads as Norway', () => {
    const headers = ['Data e ora', 'Numero', 'Durata', 'Costo (€)', 'Extra soglia'];
    const rows = [
      ['01/11/2026 08:14:02', '+39 347 000 1122', '00:03:27', '0,00', 'No'],
      ['01/11/2026 09:40:55', '+39 06 4000 8890', '00:00:48', '0,00', 'No'],
      ['01/11/2026 17:26:39', '+33 6 12 00 00 77', '00:07:15', '2,18', 'Sì'],
    ];
    const m = suggestMapping(headers, rows, calls);
    expect(byField(m).location).toBeUndefined();
    expect(m.warnings?.some((w) => w.code === 'unsettled_fields')).toBe(false);
  });
});

describe('lexicon words from the v8 misses', () => {
  it('reads a French bill\'s "Ville appelée" as the place and "Frais totaux" as the charge, beside another money column', () => {
    const headers = ['Date', 'Numéro appelé', 'Ville appelée', 'Durée (min)', 'Frais itinérance ($)', 'Frais totaux ($)'];
    const rows = [
      ['2026-11-02 08:14', '514 555-0187', 'Montréal QC', '3', '0,00', '0,00'],
      ['2026-11-02 10:39', '418 555-0122', 'Québec QC', '12', '1,00', '1,40'],
      ['2026-11-03 17:52', '212 555-0139', 'New York NY', '7', '0,00', '2,10'],
    ];
    expect(byField(suggestMapping(headers, rows, calls))).toMatchObject({ location: ['Ville appelée'], cost_minor: ['Frais totaux ($)'] });
  });

  it('reads an Italian register\'s "Denominazione" / "Ragione sociale" as the company of a contact', () => {
    const headers = ['Ragione sociale', 'Referente', 'E-mail'];
    const rows = [['Tessitura Alpina S.r.l.', 'Paolo Greco', 'paolo@tessitura.example'], ['Forno Sereno', 'Anna Riva', 'anna@forno.example']];
    expect(byField(suggestMapping(headers, rows, contact)).company).toEqual(['Ragione sociale']);
  });
});

describe('company names by their values', () => {
  it('reads a legal form written with dots between its letters', () => {
    expect(isCompanyName('Ferramenta Neri S.n.c.')).toBe(true);
    expect(isCompanyName('Atelier Blanc S.A.S.')).toBe(true);
    expect(isCompanyName('St. Louis')).toBe(false);
  });

  it('takes no company from a column with one label on every row (a form\'s question beside its answer)', () => {
    const headers = ['Invitee Name', 'Invitee Email', 'Question 1', 'Response 1'];
    const rows = [
      ['Priya Raman', 'priya@brightpath.example', 'Company name', 'BrightPath Analytics'],
      ['Oliver Grant', 'oliver@grant.example', 'Company name', 'Grant & Sons'],
      ['Chen Wei', 'chen@lotus.example', 'Company name', 'Lotus Bio'],
    ];
    expect(byField(suggestMapping(headers, rows, contact)).company).not.toEqual(['Question 1']);
  });
});

const companies = getSchema('company_account');

describe('a province column is not the country by its codes', () => {
  it('leaves "Provincia" of two-letter codes (BG, NA, FI: country codes too) unmapped, and the layout is taken', () => {
    const headers = ['Ragione sociale', 'Comune', 'Provincia', 'Dipendenti'];
    const rows = [
      ['Officine Lombarde S.p.A.', 'Bergamo', 'BG', '212'],
      ['Pastificio Sole S.r.l.', 'Gragnano', 'NA', '88'],
      ['Studio Verdi S.r.l.', 'Firenze', 'FI', '14'],
    ];
    const m = suggestMapping(headers, rows, companies);
    expect(byField(m).country).toBeUndefined();
    expect(m.status).toBe('mapped');
  });

  it('still takes "Country/Region" for the country by its words', () => {
    const headers = ['Company name', 'Country/Region'];
    const rows = [['Acme Ltd', 'Germany'], ['Globex Inc', 'France'], ['Initech', 'Spain']];
    expect(byField(suggestMapping(headers, rows, companies)).country).toEqual(['Country/Region']);
  });
});

describe('numbers and units as company lists print them', () => {
  it('reads amounts in myriad units (万, 億, 兆; 억원) with a yen, yuan or won sign', () => {
    expect(parseNumber('35億円')).toEqual({ ok: true, value: 3.5e9 });
    expect(parseNumber('1.2億円')).toEqual({ ok: true, value: 1.2e8 });
    expect(parseNumber('5,000万円')).toEqual({ ok: true, value: 5e7 });
    expect(parseNumber('35억원')).toEqual({ ok: true, value: 3.5e9 });
    expect(parseNumber('-2億')).toEqual({ ok: true, value: -2e8 });
    expect(parseNumber('億').ok).toBe(false);
  });

  it('maps a Japanese list\'s 売上高 of "35億円" to the revenue', () => {
    const headers = ['会社名', '業種', '売上高', '資本金'];
    const rows = [['株式会社サンプル物流', '道路貨物運送業', '12億円', '5,000万円'], ['合同会社テスト', '広告制作業', '0.8億円', '300万円'], ['北陸テスト株式会社', '金属製品製造業', '40億円', '9,800万円']];
    expect(byField(suggestMapping(headers, rows, companies)).annual_revenue).toEqual(['売上高']);
  });

  it('reads thousands as Italian, French and Portuguese headers state them', () => {
    expect(headerScale('Fatturato (migliaia di €)')?.factor).toBe(1000);
    expect(headerScale("Chiffre d'affaires (milliers d'euros)")?.factor).toBe(1000);
    expect(headerScale('Volume de negócios (milhares de euros)')?.factor).toBe(1000);
  });
});

describe('register words from the v8 and v9 misses', () => {
  it('takes Poland\'s "PKD przeważające" for the industry and an Armenian "... քանակ" for the headcount', () => {
    const pl = suggestMapping(['Nazwa', 'PKD przeważające', 'Miejscowość'], [['SOFTLAB S.A.', '62.01.Z Działalność związana z oprogramowaniem', 'Warszawa'], ['EKO-BUD SP. Z O.O.', '41.20.Z Roboty budowlane', 'Kraków']], companies);
    expect(byField(pl).industry).toEqual(['PKD przeważające']);
    const hy = suggestMapping(['Անվանում', 'Քաղաք', 'Աշխատակիցների քանակ'], [['«Արարատ» ՍՊԸ', 'Երևան', '120'], ['«Շիրակ» ՓԲԸ', 'Գյումրի', '45']], companies);
    expect(byField(hy).employee_count).toEqual(['Աշխատակիցների քանակ']);
  });
});

describe('names from the v9 misses', () => {
  it('reads Vietnamese full names by their given name, the last word', () => {
    expect(isPersonName('Lê Thị Hồng')).toBe(true);
    expect(isPersonName('Phạm Minh Tuấn')).toBe(true);
    const headers = ['Tên', 'Email', 'Chức vụ'];
    const rows = [['Trần Văn Hùng', 'hung@a.example.vn', 'Kế toán'], ['Đỗ Thị Lan', 'lan@b.example.vn', 'Giám đốc'], ['Vũ Quang Minh', 'minh@c.example.vn', 'Trưởng phòng']];
    expect(byField(suggestMapping(headers, rows, contact)).full_name).toEqual(['Tên']);
  });

  it('takes a "name" column of single words beside the surname for the given name, held for a person (Afrikaans Naam / Van)', () => {
    const headers = ['Naam', 'Van', 'E-posadres', 'Beroep'];
    const rows = [['Sarel', 'Erasmus', 'sarel@plaas.example', 'Boer'], ['Elmarie', 'Joubert', 'elmarie@skool.example', 'Onderwyseres'], ['Hendrik', 'Steyn', '', 'Prokureur']];
    const m = suggestMapping(headers, rows, contact);
    expect(byField(m)).toMatchObject({ first_name: ['Naam'], last_name: ['Van'], title: ['Beroep'] });
    expect(m.status).toBe('needs_mapping');
  });
});

describe('a job title header over values of another kind', () => {
  it('is held for a person when the column holds company names or whole names of people', () => {
    const rows = [['Anna Berg', 'Acme Ltd', 'anna@acme.example'], ['John Smith', 'Globex Inc', 'john@globex.example'], ['Mia Ford', 'Initech GmbH', 'mia@initech.example']];
    const m = suggestMapping(['Name', 'Position', 'Email'], rows, contact);
    expect(m.fields.find((f) => f.field === 'title')?.confidence ?? 0).toBeLessThan(0.65);
    expect(m.status).toBe('needs_mapping');
  });

  it('keeps a column of CJK titles ("部長", "팀장"), which are as short as Han or Hangul names', () => {
    const rows = [['山田 太郎', '部長', 'yamada@a.example'], ['佐藤 花子', '課長', 'sato@b.example'], ['鈴木 一郎', '主任', 'suzuki@c.example']];
    const m = suggestMapping(['氏名', '役職', 'メールアドレス'], rows, contact);
    expect(m.fields.find((f) => f.field === 'title')?.confidence).toBeGreaterThanOrEqual(0.65);
  });
});
