import { describe, expect, it } from 'vitest';
import { readCallCodeAnyLanguage } from '../../functions/core/map/call-code-reading.ts';
import { refusesField } from '../../functions/core/map/negative-cues.ts';
import { namesTechnologies } from '../../functions/core/map/software-names.ts';
import { namesCurrency } from '../../functions/core/map/units.ts';
import { isMaskedPhone, suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

/**
 * Rules made on the misses of v11/tuning (2026-12-07), and one lexicon entry from a v4/tuning
 * miss read beside them. Each input is a file of the same kind as the miss, not the miss itself.
 */

const calls = getSchema('call_record');
const company = getSchema('company_account');
const byField = (m: ReturnType<typeof suggestMapping>) => Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));
const field = (name: string) => calls.fields.find((f) => f.name === name)!;

describe('a charge for time is no length', () => {
  it('refuses a duration header whose note is a currency, not one whose note is seconds', () => {
    const duration = field('duration_seconds');
    expect(refusesField(duration, 'talk time', ['0.00', '1.20'], 'Talk time (€)')).toBe(true);
    expect(refusesField(duration, 'airtime usd', ['0.00', '1.20'], 'Airtime (USD)')).toBe(true);
    expect(refusesField(duration, 'ilgums sek', ['61', '120'], 'Ilgums (sek.)')).toBe(false);
    expect(refusesField(duration, 'talk time', ['61', '120'], 'Talk time')).toBe(false);
    expect(namesCurrency('Varighed (sek.)')).toBe(true); // why the duration rule sets "(sek.)" aside first
  });

  it('maps the minutes, not the airtime charge beside them', () => {
    const headers = ['Date', 'Time', 'Number', 'Minutes', 'Airtime ($)', 'Total ($)'];
    const rows = [
      ['2026-10-01', '09:12', '416-555-0101', '4', '0.00', '0.00'],
      ['2026-10-01', '11:40', '416-555-0177', '9', '0.00', '0.00'],
      ['2026-10-02', '14:02', '212-555-0119', '2', '0.50', '0.50'],
    ];
    expect(byField(suggestMapping(headers, rows, calls)).duration_seconds).toEqual(['Minutes']);
  });
});

describe('a phone system\'s office is not the place of a call', () => {
  it('refuses a location column of sites, not one of places', () => {
    const location = field('location');
    expect(refusesField(location, 'location', ['London Office', 'London Office', 'Leeds Branch'])).toBe(true);
    expect(refusesField(location, 'standort', ['Filiale Köln', 'Filiale Köln', 'Zentrale Bonn'])).toBe(true);
    expect(refusesField(location, 'location', ['London', 'Paris', 'New York NY'])).toBe(false);
  });

  it('leaves a PBX log\'s "Location" of office sites unmapped', () => {
    const headers = ['Start time', 'Duration', 'Calling number', 'Called number', 'Direction', 'User', 'Location'];
    const rows = [
      ['2026-10-01T09:12:00Z', '61', '+14155550100', '+14155550171', 'Outgoing', 'Ann Lee', 'Oakland Office'],
      ['2026-10-01T10:40:00Z', '240', '+14155550133', '+14155550100', 'Incoming', 'Ann Lee', 'Oakland Office'],
      ['2026-10-01T12:02:00Z', '15', '+14155550100', '+13105550142', 'Outgoing', 'Raj Patel', 'Oakland Office'],
    ];
    expect(byField(suggestMapping(headers, rows, calls)).location).toBeUndefined();
  });
});

describe('Brazil\'s UF is a state, not a country', () => {
  it('does not take the state codes for countries', () => {
    const headers = ['Razão Social', 'Município', 'UF', 'Site'];
    const rows = [
      ['ALFA COMÉRCIO LTDA', 'Curitiba', 'PR', 'alfa.example'],
      ['BETA SERVIÇOS S.A.', 'Salvador', 'BA', 'beta.example'],
      ['GAMA INDÚSTRIA LTDA', 'Natal', 'RN', 'gama.example'],
      ['DELTA LOGÍSTICA LTDA', 'Manaus', 'AM', 'delta.example'],
    ];
    expect(byField(suggestMapping(headers, rows, company)).country).toBeUndefined();
  });
});

describe('a call type the values never show', () => {
  const headers = ['Start time', 'Called number', 'Duration', 'Call type'];
  const rows = (types: string[]) => types.map((t, i) => [`2026-10-0${i + 1}T09:00:00Z`, `+1415555010${i}`, `${60 + i}`, t]);

  it('leaves a record type read weakly, and of one kind only, unmapped', () => {
    const m = suggestMapping(headers, rows(['SIP_NATIONAL', 'SIP_MOBILE', 'SIP_NATIONAL']), calls);
    expect(byField(m).record_type).toBeUndefined();
    expect(byField(m).counterpart_number).toEqual(['Called number']);
  });

  it('keeps it where the values name two kinds of call', () => {
    const m = suggestMapping(headers, rows(['Voz Claro', 'SMS', 'Voz Claro']), calls);
    expect(m.fields.find((f) => f.field === 'record_type')?.confidence ?? 0).toBeGreaterThan(0.65);
  });
});

describe('the software a company runs, by its names', () => {
  it('reads product and vendor names, not companies, links or one repeated name', () => {
    expect(namesTechnologies(['HubSpot Marketing Hub', 'Shopify Plus', 'Google Analytics 4', 'Zendesk Suite'])).toBe(true);
    expect(namesTechnologies(['Oracle', 'SAP', 'Workday'])).toBe(true);
    expect(namesTechnologies(['Microsoft Corporation', 'Oracle Corp.', 'SAP SE'])).toBe(false);
    expect(namesTechnologies(['https://www.google.com/maps/place/1', 'https://www.google.com/maps/place/2'])).toBe(false);
    expect(namesTechnologies(['Shopify', 'Shopify', 'Shopify'])).toBe(false);
    expect(namesTechnologies(['Steel pipes', 'Valves', 'Pumps'])).toBe(false);
  });

  it('offers an install-base export\'s product column as the technologies, for a person to confirm', () => {
    const headers = ['Company Name', 'Domain', 'Product', 'Category', 'Employees'];
    const rows = [
      ['Harlow Foods', 'harlowfoods.example', 'HubSpot Marketing Hub', 'Marketing Automation', '320'],
      ['Harlow Foods', 'harlowfoods.example', 'Shopify Plus', 'E-commerce', '320'],
      ['Keel Robotics', 'keelrobotics.example', 'Zendesk Suite', 'Help Desk', '85'],
    ];
    const m = suggestMapping(headers, rows, company);
    expect(byField(m).technologies).toEqual(['Product']);
    expect(m.status).toBe('needs_mapping');
  });
});

describe('call codes written as one word, or with a weak word beside a strong one', () => {
  const read = (v: string) => {
    const c = readCallCodeAnyLanguage(v);
    return c === undefined ? undefined : { direction: c.direction, recordType: c.recordType };
  };

  it('reads a Korean, Japanese or Chinese compound of kind and direction', () => {
    expect(read('음성수신')).toEqual({ direction: 'inbound', recordType: 'voice' });
    expect(read('국제음성발신')).toEqual({ direction: 'outbound', recordType: 'voice' });
    expect(read('문자발신')).toEqual({ direction: 'outbound', recordType: 'sms' });
    expect(read('LTE데이터')).toEqual({ direction: undefined, recordType: 'data' });
    expect(read('音声発信')).toEqual({ direction: 'outbound', recordType: 'voice' });
  });

  it('does not read a destination class as a kind of call', () => {
    expect(read('国内通話')?.recordType).toBeUndefined();
    expect(read('本地通话')?.recordType).toBeUndefined();
  });

  it('reads "voz" and "dati" beside a strong direction', () => {
    expect(read('Voz Entrante')).toEqual({ direction: 'inbound', recordType: 'voice' });
    expect(read('Dati uscente')).toEqual({ direction: 'outbound', recordType: 'data' });
  });

  it('maps a Korean 구분 column of such compounds to both direction and record type', () => {
    const headers = ['순번', '사용일시', '상대번호', '구분', '통화시간(초)'];
    const rows = [
      ['1', '2026-10-01 09:12:00', '010-0000-1111', '음성발신', '61'],
      ['2', '2026-10-01 10:40:00', '02-000-2222', '음성수신', '240'],
      ['3', '2026-10-01 12:02:00', '010-0000-3333', '문자발신', ''],
      ['4', '2026-10-02 08:30:00', '010-0000-4444', '음성발신', '95'],
    ];
    const m = byField(suggestMapping(headers, rows, calls));
    expect(m.direction).toEqual(['구분']);
    expect(m.record_type).toEqual(['구분']);
  });
});

describe('a masked number called is still the number called', () => {
  it('tells masked numbers from plain digits, words and dates', () => {
    expect(isMaskedPhone('0171 000052xxx')).toBe(true);
    expect(isMaskedPhone('+44 7700 900***')).toBe(true);
    expect(isMaskedPhone('06 12 34 XX XX')).toBe(true);
    expect(isMaskedPhone('0171 0000523')).toBe(false);
    expect(isMaskedPhone('XXL 12345')).toBe(false);
    expect(isMaskedPhone('12xx')).toBe(false);
  });

  it('maps a bill\'s masked target numbers as the other party', () => {
    const headers = ['Datum', 'Uhrzeit', 'Rufnummer', 'Dauer', 'Betrag (€)'];
    const rows = [
      ['01.10.2026', '09:12:00', '0171 000052xxx', '00:01:12', '0,00'],
      ['01.10.2026', '11:40:10', '089 000031xxx', '00:12:40', '0,00'],
      ['02.10.2026', '14:02:33', '0160 000098xxx', '00:03:05', '0,09'],
    ];
    expect(byField(suggestMapping(headers, rows, calls)).counterpart_number).toEqual(['Rufnummer']);
  });
});

describe('a cloud phone system\'s contact number is the other party', () => {
  it('maps "Numéro du contact" as the counterpart, not the account, beside the tool\'s own numbers', () => {
    const headers = ['Date', 'Heure', 'Sens', 'Numéro Aircall', 'Numéro du contact', 'Durée'];
    const rows = [
      ['01/10/2026', '09:12:00', 'Sortant', '+33 1 00 00 50 00', '+33 6 00 00 14 70', '00:03:12'],
      ['01/10/2026', '11:40:10', 'Entrant', '+33 1 00 00 50 00', '+33 6 00 00 22 10', '00:12:40'],
      ['02/10/2026', '14:02:33', 'Sortant', '+33 1 00 00 50 00', '+33 7 00 00 31 80', '00:01:05'],
      ['02/10/2026', '16:20:03', 'Sortant', '+33 9 00 00 60 00', '+32 2 000 07 44', '00:07:15'],
    ];
    const m = byField(suggestMapping(headers, rows, calls));
    expect(m.counterpart_number).toEqual(['Numéro du contact']);
    expect(m.account_number).toBeUndefined();
  });
});

describe('Hungary\'s income-statement line is the revenue', () => {
  it('maps "Értékesítés nettó árbevétele" with its thousands', () => {
    const headers = ['Cégnév', 'Település', 'Értékesítés nettó árbevétele (ezer Ft)', 'Honlap'];
    const rows = [
      ['Dunamenti Faipari Kft.', 'Győr', '1 204 500', 'dunamenti.example'],
      ['Alföldi Malom Zrt.', 'Kecskemét', '5 880 120', 'alfoldimalom.example'],
      ['Mecsek Nyomda Bt.', 'Pécs', '86 300', 'mecseknyomda.example'],
    ];
    const m = suggestMapping(headers, rows, company);
    const revenue = m.fields.find((f) => f.field === 'annual_revenue');
    expect(revenue?.sourceHeaders).toEqual(['Értékesítés nettó árbevétele (ezer Ft)']);
    expect(revenue?.transforms).toContainEqual({ kind: 'scale', factor: 1000 });
  });
});
