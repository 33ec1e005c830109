import { describe, expect, it } from 'vitest';
import { countsRows, isQuantityColumn } from '../../functions/core/map/left-out-evidence.ts';
import { isStreetAddress, isWordNotCurrency, suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

/**
 * Rules made on the misses of v10/tuning-b (2026-12-07). Each input is a file of the same kind
 * as the miss, not the miss itself.
 */

const company = getSchema('company_account');
const byField = (m: ReturnType<typeof suggestMapping>) => Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));
const revenue = company.fields.find((f) => f.name === 'annual_revenue')!;

describe('a sheet\'s row number is no quantity', () => {
  it('tells 1, 2, 3 down the rows from counts and amounts', () => {
    expect(countsRows(['1', '2', '3'])).toBe(true);
    expect(countsRows(['17', '18', '19', '20'])).toBe(true);
    expect(countsRows(['1', '3', '2'])).toBe(false);
    expect(countsRows(['1', '', '3'])).toBe(false);
    expect(countsRows(['12', '380', '24'])).toBe(false);
    expect(isQuantityColumn(revenue, 'No.', ['1', '2', '3'], { defaultRegion: 'US' })).toBe(false);
    expect(isQuantityColumn(revenue, 'Amount', ['120', '45', '3'], { defaultRegion: 'US' })).toBe(true);
  });

  it('does not hold a company list whose first column numbers the rows', () => {
    const headers = ['No.', 'Company Name', 'Website', 'Industry', 'Employees'];
    const rows = [
      ['1', 'Alpha Trading Ltd', 'alpha.example', 'Wholesale', '120'],
      ['2', 'Beta Foods Ltd', 'betafoods.example', 'Food processing', '45'],
      ['3', 'Gamma Print Ltd', 'gammaprint.example', 'Printing', '12'],
    ];
    const m = suggestMapping(headers, rows, company);
    expect(byField(m)).toMatchObject({ name: ['Company Name'], domain: ['Website'], industry: ['Industry'], employee_count: ['Employees'] });
    expect(m.status).toBe('mapped');
  });
});

describe('lexicon words from the v10/tuning-b misses', () => {
  const contact = getSchema('contact');
  const callRecord = getSchema('call_record');

  it('reads a sales-intelligence export\'s "Employee Range" of bands as the headcount', () => {
    const m = suggestMapping(['Company Name', 'Employee Range'], [['Alpha Ltd', '51 - 200'], ['Beta Inc', '1,001 - 5,000']], company);
    expect(byField(m)).toMatchObject({ name: ['Company Name'], employee_count: ['Employee Range'] });
  });

  it('reads Georgian register and Mongolian web-page headers', () => {
    const ka = suggestMapping(['საფირმო სახელწოდება', 'საქმიანობის სახე'], [['შპს „ალფა“', 'ვაჭრობა'], ['სს „ბეტა“', 'მშენებლობა']], company);
    expect(byField(ka)).toMatchObject({ name: ['საფირმო სახელწოდება'], industry: ['საქმიანობის სახე'] });
    const mn = suggestMapping(['Байгууллагын нэр', 'Вэб хуудас'], [['Алтан ХХК', 'altan.example'], ['Мөнх ХК', 'www.munkh.example']], company);
    expect(mn.fields.find((f) => f.field === 'domain')?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('reads a Nepali member list\'s "संस्थाको नाम" as the company', () => {
    const m = suggestMapping(['पूरा नाम', 'संस्थाको नाम', 'इमेल'], [['राम शर्मा', 'सगरमाथा चिया उद्योग', 'ram@sagarmatha.example'], ['गीता राई', 'नेपाल ट्रेड हाउस', 'gita@nth.example']], contact);
    expect(byField(m)).toMatchObject({ company: ['संस्थाको नाम'] });
  });

  it('reads a Kyrgyz bill\'s "Суммасы (сом)" as the charge and an Armenian "Բաժանորդի կոդ" as the account', () => {
    const ky = suggestMapping(['Күнү', 'Абонент', 'Суммасы (сом)'], [['10.11.2026 09:01', '+996700000123', '3,45'], ['11.11.2026 10:02', '+996555000456', '1,00']], callRecord);
    expect(ky.fields.find((f) => f.field === 'cost_minor')?.confidence).toBeGreaterThanOrEqual(0.9);
    const hy = suggestMapping(['Ամսաթիվ և ժամ', 'Զանգը ստացող համար', 'Բաժանորդի կոդ'], [['02.11.2026 09:05:13', '+37410000456', 'BC-000318'], ['03.11.2026 15:20:07', '+37455000234', 'BC-000318']], callRecord);
    expect(byField(hy)).toMatchObject({ account_number: ['Բաժանորդի կոդ'] });
  });
});

describe('Welsh headers', () => {
  it('maps a Welsh event registration (Enw cyntaf, Cyfenw, Swydd, Sefydliad)', () => {
    const contact = getSchema('contact');
    const headers = ['Enw cyntaf', 'Cyfenw', 'Cyfeiriad e-bost', 'Rhif ffôn', 'Sefydliad', 'Swydd'];
    const rows = [
      ['Eleri', 'Jones', 'eleri@cyngor.example', '01970 000111', 'Cyngor Ceredigion', 'Swyddog Polisi'],
      ['Dafydd', 'Hughes', 'dafydd@coleg.example', '07700 900456', 'Coleg Menai', 'Darlithydd'],
    ];
    const m = suggestMapping(headers, rows, contact);
    expect(byField(m)).toMatchObject({ first_name: ['Enw cyntaf'], last_name: ['Cyfenw'], email: ['Cyfeiriad e-bost'], phone: ['Rhif ffôn'], company: ['Sefydliad'], title: ['Swydd'] });
    expect(m.status).toBe('mapped');
  });
});

describe('a city header over whole addresses', () => {
  it('tells an address from a city, with or without a district number', () => {
    expect(isStreetAddress('15 Wharf Street, Dargaville 0310, New Zealand')).toBe(true);
    expect(isStreetAddress('東京都港区芝浦0丁目0番0号')).toBe(true);
    expect(isStreetAddress('Praha 4')).toBe(false);
    expect(isStreetAddress('Dublin 2')).toBe(false);
    expect(isStreetAddress('San Francisco')).toBe(false);
    expect(isStreetAddress('名古屋市')).toBe(false);
  });

  it('holds a company list whose "City" column holds street addresses, and takes one of city names', () => {
    const headers = ['Company Name', 'Website', 'City'];
    const addresses = [
      ['Alpha Trading Ltd', 'alpha.example', '12 Harbour Road, Leith EH6 6LX'],
      ['Beta Foods Ltd', 'betafoods.example', '4 Mill Lane, Bristol BS1 4AA'],
      ['Gamma Print Ltd', 'gammaprint.example', '90 King Street, Leeds LS1 2HQ'],
    ];
    const held = suggestMapping(headers, addresses, company);
    expect(held.status).toBe('needs_mapping');
    expect(held.fields.find((f) => f.field === 'city')?.confidence ?? 0).toBeLessThan(0.65);
    const cities = addresses.map(([n, w]) => [n!, w!, 'Leeds']);
    cities[1]![2] = 'Bristol';
    expect(suggestMapping(headers, cities, company).status).toBe('mapped');
  });
});

describe('a currency header over words that name no currency', () => {
  const callRecord = getSchema('call_record');

  it('tells call kinds from currency codes and amounts', () => {
    expect(isWordNotCurrency('음성')).toBe(true);
    expect(isWordNotCurrency('SMS')).toBe(true);
    expect(isWordNotCurrency('EUR')).toBe(false);
    expect(isWordNotCurrency('krw')).toBe(false);
    expect(isWordNotCurrency('€')).toBe(false);
    expect(isWordNotCurrency('1,980')).toBe(false);
  });

  it('leaves a Korean bill\'s 통화구분 (call kind; 통화 is also a currency) to the record type, not the currency', () => {
    const headers = ['이용일자', '상대방번호', '통화구분', '요금(원)'];
    const rows = [
      ['2026.11.03 14:07', '010-0000-1234', '음성', '0'],
      ['2026.11.03 15:22', '010-0000-5678', 'SMS', '20'],
      ['2026.11.04 09:00', '02-0000-0987', '데이터', '0'],
      ['2026.11.04 11:18', '010-0000-4321', '음성', '1,980'],
    ];
    const m = suggestMapping(headers, rows, callRecord);
    expect(byField(m).currency).toBeUndefined();
    expect(byField(m)).toMatchObject({ record_type: ['통화구분'] });
  });
});

describe('a name from a numbered header', () => {
  it('holds a member list whose only whole name is "Foresatt 1 navn" (guardian 1) beside "Foresatt 2 navn"', () => {
    const contact = getSchema('contact');
    const headers = ['Fornavn', 'Etternavn', 'E-post', 'Foresatt 1 navn', 'Foresatt 1 telefon', 'Foresatt 2 navn'];
    const rows = [
      ['Ingrid', 'Dahl', '', 'Kari Dahl', '+47 400 00 123', 'Erik Dahl'],
      ['Nora', 'Lie', 'nora@epost.example', 'Silje Lie', '+47 410 00 654', ''],
      ['Sara', 'Moen', '', 'Hanne Moen', '+47 450 00 852', 'Jon Moen'],
    ];
    const m = suggestMapping(headers, rows, contact);
    const whole = m.fields.find((f) => f.field === 'full_name');
    if (whole !== undefined) expect(whole.confidence).toBeLessThan(0.65);
    expect(m.status).toBe('needs_mapping');
  });

  it('leaves a name whose header has no numbered sibling alone', () => {
    const contact = getSchema('contact');
    const m = suggestMapping(['Fornavn', 'Etternavn', 'E-post'], [['Ingrid', 'Dahl', 'ingrid@epost.example'], ['Nora', 'Lie', 'nora@epost.example']], contact);
    expect(m.status).toBe('mapped');
  });
});
