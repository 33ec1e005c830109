import { describe, expect, it } from 'vitest';
import { isOneIdentifier } from '../../functions/core/map/left-out-evidence.ts';
import { refusesField } from '../../functions/core/map/negative-cues.ts';
import { normalizeHeader } from '../../functions/core/map/normalize-header.ts';
import { headerScale } from '../../functions/core/map/units.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { isCompanyName, isOrganisationName } from '../../functions/core/map/value-kinds.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

/**
 * Rules made on the misses of v13/tuning and v14/tuning (2026-12-07), first the layouts they
 * had auto-accepted with a field wrong or missing. Each input is a file of the same kind as
 * the miss, not the miss itself.
 */

const calls = getSchema('call_record');
const contact = getSchema('contact');
const company = getSchema('company_account');
const byField = (m: ReturnType<typeof suggestMapping>) => Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));
const unsettled = (m: ReturnType<typeof suggestMapping>) => m.warnings?.find((w) => w.code === 'unsettled_fields')?.message ?? '';

describe('an employer or a member firm known by the noun that ends its name', () => {
  it('reads institutions and trade names, not job titles or single words', () => {
    for (const v of ['Groote Schuur Hospital', 'Makerere University', 'City of Tshwane Municipality', 'Karoo Solar Labs', 'Patel Steel Traders', 'Hamburg Klinikum']) {
      expect(isOrganisationName(v), v).toBe(true);
    }
    for (const v of ['Head of School', 'Hospital', 'Nomsa Dlamini', 'Durban', 'Bank Manager']) expect(isOrganisationName(v), v).toBe(false);
  });

  it('takes such a column for the company under a header no vocabulary reads, for a person to confirm', () => {
    // a member list in a language the lexicon lacks: given name, surname, e-mail, phone, then the workplace
    const headers = ['Fornavn X', 'Efternavn X', 'E-mail', 'Telefon', 'Ibhoma lomsebenzi'];
    const rows = [
      ['Lerato', 'Mokoena', 'lerato@example.org', '+27 82 000 1111', 'Chris Hani Baragwanath Hospital'],
      ['Pieter', 'van Wyk', 'pieter@example.org', '+27 83 000 2222', 'Stellenbosch University'],
      ['Ayanda', 'Khumalo', 'ayanda@example.org', '+27 84 000 3333', 'Msunduzi Municipality'],
      ['Thabo', 'Nkosi', 'thabo@example.org', '+27 71 000 4444', 'Nkosi Brothers Traders'],
      ['Zanele', 'Mthembu', 'zanele@example.org', '+27 72 000 5555', 'Checkers Hyper'],
    ];
    const m = suggestMapping(headers, rows, contact);
    expect(byField(m).company).toEqual(['Ibhoma lomsebenzi']);
    expect(m.fields.find((f) => f.field === 'company')!.confidence).toBeLessThan(0.65);
    expect(m.status).toBe('needs_mapping');
    // a column of job titles and towns says nothing of the kind
    const other = suggestMapping(headers, rows.map((r, i) => [...r.slice(0, 4), ['Durban', 'Pretoria', 'Soweto', 'Polokwane', 'Kimberley'][i]!]), contact);
    expect(unsettled(other)).not.toContain('company <-');
  });
});

describe('Lao, Thai, Burmese and Khmer legal forms', () => {
  it('reads "company ... limited" around the name', () => {
    expect(isCompanyName('ບໍລິສັດ ຈຳປາ ເທຣດດິ້ງ ຈຳກັດ')).toBe(true);
    expect(isCompanyName('บริษัท สยามพัฒนา จำกัด')).toBe(true);
    expect(isCompanyName('ရွှေမြန်မာ ကုမ္ပဏီလီမိတက်')).toBe(true);
    expect(isCompanyName('ຈຳປາສັກ')).toBe(false);
  });

  it('reads a register\'s firm column no header names, for a person to confirm', () => {
    const headers = ['ລ/ດ', 'ຊື່ຫົວໜ່ວຍ', 'ເມືອງ', 'ຈຳນວນພະນັກງານ', 'ເວັບໄຊ'];
    const rows = [
      ['1', 'ບໍລິສັດ ວຽງຈັນ ຄອບຟີ ຈຳກັດ', 'ໄຊເສດຖາ', '22', 'vtecoffee.example'],
      ['2', 'ບໍລິສັດ ປາກເຊ ໂລຈິສຕິກ ຈຳກັດ', 'ປາກເຊ', '64', 'pslogistics.example'],
      ['3', 'ຮ້ານ ແສງຈັນ', 'ຫຼວງພະບາງ', '5', ''],
    ];
    const m = suggestMapping(headers, rows, company);
    expect(byField(m).name).toEqual(['ຊື່ຫົວໜ່ວຍ']);
    expect(m.status).toBe('needs_mapping');
  });
});

describe('the line of a bill whose numbers are short', () => {
  it('takes the one number on every row for the line when the other party\'s header is read, however short the numbers', () => {
    // seven-digit national numbers without a trunk prefix, as small countries print them
    const headers = ['Númer', 'Dagsetning', 'Tími', 'Hringt í', 'Lengd', 'Upphæð'];
    const rows = [
      ['561 0022', '02.11.2026', '09:12:40', '411 5500', '02:10', '0'],
      ['561 0022', '02.11.2026', '13:05:11', '866 1234', '00:45', '12'],
      ['561 0022', '03.11.2026', '10:40:02', '577 9090', '11:02', '160'],
      ['561 0022', '04.11.2026', '16:22:19', '411 5500', '01:30', '0'],
    ];
    const m = suggestMapping(headers, rows, calls);
    expect(byField(m)).toMatchObject({ subscriber_number: ['Númer'], counterpart_number: ['Hringt í'] });
  });
});

describe('an account on every row, left out', () => {
  it('knows one identifier on every row, not a billing month, an amount or a varying id', () => {
    expect(isOneIdentifier(['5500123987', '5500123987', '5500123987'])).toBe(true);
    expect(isOneIdentifier(['CUST-004417', 'CUST-004417', 'CUST-004417'])).toBe(true);
    expect(isOneIdentifier(['2026年11月', '2026年11月', '2026年11月'])).toBe(false);
    expect(isOneIdentifier(['202611', '202611', '202611'])).toBe(false);
    expect(isOneIdentifier(['12345.50', '12345.50', '12345.50'])).toBe(false);
    expect(isOneIdentifier(['5500123987', '5500123988', '5500123987'])).toBe(false);
    expect(isOneIdentifier(['5500123987', '5500123987'])).toBe(false);
    expect(isOneIdentifier(['5500123987', '', '5500123987', '5500123987'])).toBe(false);
  });

  it('holds a call log whose customer id stands on every row unread', () => {
    const headers = ['Customer ID', 'Date', 'Time', 'Number called', 'Duration', 'Charge'];
    const rows = [
      ['8800417723', '2026-11-02', '09:12:40', '+44 20 7946 0011', '00:02:10', '0.00'],
      ['8800417723', '2026-11-02', '13:05:11', '+44 20 7946 0022', '00:00:45', '0.12'],
      ['8800417723', '2026-11-03', '10:40:02', '+44 20 7946 0033', '00:11:02', '1.60'],
    ];
    const m = suggestMapping(headers, rows, calls);
    expect(byField(m).account_number).toBeUndefined();
    expect(m.status).toBe('needs_mapping');
    expect(unsettled(m)).toContain('account_number <- "Customer ID" (one identifier on every row)');
    // a constant number with no id word may be the line itself: the line's own rules judge it
    const line = suggestMapping(['Línea X', ...headers.slice(1)], rows.map((r) => ['600000011', ...r.slice(1)]), calls);
    expect(unsettled(line)).not.toContain('one identifier on every row');
  });
});

describe('Sorani Kurdish, Turkmen, Somali and Faroese headers', () => {
  it('map a company list in each language', () => {
    const rows = [
      ['Alpha Trading LLC', '85', 'x', 'alpha.example'],
      ['Beta Foods Ltd', '120', 'y', 'beta.example'],
    ];
    const cases: [string[], string][] = [
      [['ناوی کۆمپانیا', 'ژمارەی کارمەندان', 'کەرت', 'ماڵپەڕ'], 'ckb'],
      [['Kärhananyň ady', 'Işgärleriň sany', 'Pudagy', 'Web sahypa'], 'tk'],
      [['Magaca Shirkadda', 'Tirada Shaqaalaha', 'Qaybta Ganacsiga', 'Websaydh'], 'so'],
      [['Felagsnavn', 'Starvsfólk', 'Vinnuslag', 'Heimasíða'], 'fo'],
    ];
    for (const [headers, lang] of cases) {
      const m = suggestMapping(headers, rows.map((r) => [r[0]!, r[1]!, lang === 'fo' ? 'Fiskivinna' : 'Retail', r[3]!]), company);
      expect(byField(m), lang).toMatchObject({ name: [headers[0]], employee_count: [headers[1]], industry: [headers[2]], domain: [headers[3]] });
    }
  });

  it('map a call log\'s direction, kind and length by header and values', () => {
    const headers = ['Senesi', 'Wagty', 'Telefon belgisi', 'Ugry', 'Görnüşi', 'Dowamlylygy', 'Bahasy'];
    const rows = [
      ['01.11.2026', '08:01:10', '+993 61 000111', 'Gelýän', 'Jaň', '61', '0,00'],
      ['01.11.2026', '10:15:42', '+993 64 000222', 'Çykýan', 'Jaň', '130', '0,52'],
      ['02.11.2026', '12:40:00', '+993 61 000111', 'Çykýan', 'Gysga habar', '0', '0,10'],
    ];
    expect(byField(suggestMapping(headers, rows, calls))).toMatchObject({
      started_at: ['Senesi', 'Wagty'], counterpart_number: ['Telefon belgisi'], direction: ['Ugry'], record_type: ['Görnüşi'], duration_seconds: ['Dowamlylygy'], cost_minor: ['Bahasy'],
    });
  });
});

describe('scale words of Indic, Burmese, Turkmen and Sorani headers', () => {
  it('reads lakh, crore, million and thousand as these headers print them', () => {
    expect(headerScale('Turnover (₹ લાખમાં)')?.factor).toBe(1e5);
    expect(headerScale('विक्री (₹ कोटी)')?.factor).toBe(1e7);
    expect(headerScale('ਆਮਦਨ (ਲੱਖ ₹)')?.factor).toBe(1e5);
    expect(headerScale('ရောင်းအား (သိန်း ကျပ်)')?.factor).toBe(1e5);
    expect(headerScale('Girdeji (müň manat)')?.factor).toBe(1e3);
    expect(headerScale('داهات (ملیۆن دینار)')?.factor).toBe(1e6);
  });

  it('reads Icelandic millions and thousands of krónur and Catalan thousands', () => {
    expect(headerScale('Velta (m.kr.)')?.factor).toBe(1e6);
    expect(headerScale('Rekstrartekjur (þús. kr.)')?.factor).toBe(1e3);
    expect(headerScale('Vendes (milers d\'euros)')?.factor).toBe(1e3);
    expect(headerScale('Mark (m)')).toBeUndefined();
  });
});

describe('an event registration\'s affiliation and a member list\'s workplace', () => {
  it('are the contact\'s company', () => {
    const rows = [['Ana Ruiz', 'ana@uni.example', 'Universidad de Sevilla'], ['Tom Berg', 'tom@lab.example', 'Karolinska Institutet']];
    expect(byField(suggestMapping(['Name', 'Email', 'Affiliation'], rows, contact)).company).toEqual(['Affiliation']);
    expect(byField(suggestMapping(['Igama', 'I-imeyili', 'Indawo yokusebenza'], rows, contact)).company).toEqual(['Indawo yokusebenza']);
  });
});

describe('a company\'s other money figures', () => {
  it('are no revenue, and an unused one says no revenue was left out', () => {
    expect(refusesField(company.fields.find((f) => f.name === 'annual_revenue')!, normalizeHeader('Paid-up Capital (SGD)'), ['500,000', '100,000'])).toBe(true);
    expect(refusesField(company.fields.find((f) => f.name === 'annual_revenue')!, normalizeHeader('注册资本（万元）'), ['500', '100'])).toBe(true);
    expect(refusesField(company.fields.find((f) => f.name === 'annual_revenue')!, normalizeHeader('Annual Revenue (USD)'), ['500,000', '100,000'])).toBe(false);
    const headers = ['Entity Name', 'Registration No', 'Industry', 'Share Capital (USD)'];
    const rows = [
      ['Harbour Freight Pte. Ltd.', '201500001K', 'Logistics', '250,000'],
      ['Orchid Data Pte. Ltd.', '201900002D', 'Software', '1,000,000'],
      ['Kopi Bakes LLP', 'T21LL0003A', 'Food manufacturing', '50,000'],
    ];
    const m = suggestMapping(headers, rows, company);
    expect(byField(m)).toMatchObject({ name: ['Entity Name'], industry: ['Industry'] });
    expect(byField(m).annual_revenue).toBeUndefined();
    expect(unsettled(m)).not.toContain('annual_revenue');
  });
});

describe('a contact centre\'s remote party', () => {
  it('is the other party, before the dialled and calling numbers of the platform', () => {
    const headers = ['Date', 'Direction', 'Remote', 'ANI', 'DNIS', 'Duration'];
    const rows = [
      ['2026-11-03 09:14', 'Inbound', '+1 202-555-0144', '+12025550144', '+18885550123', '00:05:14'],
      ['2026-11-03 10:02', 'Outbound', '+1 312-555-0171', '+18885550123', '+13125550171', '00:02:09'],
      ['2026-11-03 11:30', 'Inbound', '+1 415-555-0159', '+14155550159', '+18885550199', '00:01:12'],
    ];
    expect(byField(suggestMapping(headers, rows, calls)).counterpart_number).toEqual(['Remote']);
  });
});

describe('one header read two ways across languages', () => {
  it('gives way to the column that names its field, so the other field is mapped too', () => {
    // Catalan "Nom" is the given name (French "nom" the family name); "Cognoms" names the family names
    const headers = ['Cognoms', 'Nom', 'Correu electrònic'];
    const rows = [
      ['Puig i Serra', 'Jordi', 'jordi@example.cat'],
      ['Vidal Roca', 'Núria', 'nuria@example.cat'],
      ['Ferrer Soler', 'Pau', 'pau@example.cat'],
    ];
    expect(byField(suggestMapping(headers, rows, contact))).toMatchObject({ first_name: ['Nom'], last_name: ['Cognoms'] });
  });
});

describe('what one identifier on every row and a figure\'s header over lengths are not', () => {
  it('takes a handset\'s IMEI for no account left out', () => {
    const headers = ['Start Time (UTC)', 'Event Type', 'Calling Number', 'Called Number', 'Duration', 'IMEI'];
    const rows = [
      ['2025-03-01 08:21:29', 'mSOriginating', '7025550177', '3125550190', '120', '35693803564380'],
      ['2025-03-01 14:27:46', 'mSTerminating', '6175550123', '7025550177', '64', '35693803564380'],
      ['2025-03-01 18:31:09', 'mSOriginating', '7025550177', '5125550144', '17', '35693803564380'],
    ];
    expect(unsettled(suggestMapping(headers, rows, calls))).not.toContain('IMEI');
  });

  it('reads "Total Talk" over h:mm:ss as a length, not a charge left out', () => {
    const headers = ['Date', 'Direction', 'Remote', 'Duration', 'Total Talk', 'Total Hold'];
    const rows = [
      ['2026-11-03 09:14', 'Inbound', '+1 202-555-0144', '00:05:14', '00:04:01', '00:00:32'],
      ['2026-11-03 10:02', 'Outbound', '+1 312-555-0171', '00:02:09', '00:01:50', '00:00:00'],
      ['2026-11-03 11:30', 'Inbound', '+1 415-555-0159', '00:01:12', '00:01:00', '00:00:05'],
    ];
    expect(unsettled(suggestMapping(headers, rows, calls))).not.toContain('cost_minor');
  });
});

describe('one word that is the line in one language and the other party in another', () => {
  it('goes to the other party when its numbers change from row to row', () => {
    // Somali "Lambarka" (the number) is Hausa "lambarka" (your number)
    const headers = ['Taariikhda', 'Lambarka', 'Muddada', 'Qiimaha ($)'];
    const rows = [
      ['02/11/2026', '+252 61 5000777', '00:02:10', '0.05'],
      ['02/11/2026', '+252 61 7000888', '00:05:01', '0.10'],
      ['03/11/2026', '+252 63 4000999', '00:00:40', '0.02'],
      ['03/11/2026', '+252 61 5000777', '00:01:12', '0.03'],
    ];
    const m = byField(suggestMapping(headers, rows, calls));
    expect(m.counterpart_number).toEqual(['Lambarka']);
    expect(m.subscriber_number).toBeUndefined();
  });
});
