import { describe, expect, it } from 'vitest';
import { readCallCode } from '../../functions/core/enrich/call-codes.ts';
import { normalizeHeader } from '../../functions/core/map/normalize-header.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { timeColumnKind } from '../../functions/core/map/value-patterns.ts';
import { isCity, isCompanyName, isCountry, isPersonName, kindShare } from '../../functions/core/map/value-kinds.ts';
import { BUILTIN_LEXICONS, LEXICON_LANGUAGES } from '../../functions/core/schemas/lexicon/index.ts';
import { lexiconGaps } from '../helpers/lexicon-gaps.ts';
import { BUILTIN_SCHEMAS, getSchema } from '../../functions/core/schemas/registry.ts';

const byField = (m: ReturnType<typeof suggestMapping>) => Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));

describe('normalizeHeader in any script', () => {
  it('folds Latin diacritics and letters without a decomposition, keeps other scripts', () => {
    expect(normalizeHeader('Příjmení')).toBe('prijmeni');
    expect(normalizeHeader('Første kontakt')).toBe('forste kontakt');
    expect(normalizeHeader('Straße')).toBe('strasse');
    expect(normalizeHeader('Şehir')).toBe('sehir');
    expect(normalizeHeader('Χρέωση (€)')).toBe('χρεωση');
    expect(normalizeHeader('売上高（百万円）')).toBe('売上高 百万円');
    expect(normalizeHeader('휴대폰 번호')).toBe('휴대폰 번호');
  });

  it('gives ASCII headers what it always gave (layout fingerprints rest on it)', () => {
    expect(normalizeHeader('E-mail Address')).toBe('e mail address');
    expect(normalizeHeader('Phone #')).toBe('phone number');
    expect(normalizeHeader("Type d'appel")).toBe('type appel');
    expect(normalizeHeader('startedAt')).toBe('started at');
  });
});

describe('the field lexicon', () => {
  it('covers every field of the built-in schemas in all 51 languages, each block with a source tag', () => {
    expect(LEXICON_LANGUAGES).toHaveLength(51);
    // per field, the languages without a term: the report a gap shows up in
    expect(lexiconGaps([...LEXICON_LANGUAGES])).toEqual({});
    for (const blocks of BUILTIN_LEXICONS.values()) for (const b of blocks) expect(['std', 'outlook', 'google', 'crm', 'carrier', 'register', 'listing']).toContain(b.source);
  });

  it('maps headers in Nordic, Slavic, Baltic, Greek, Hungarian, Turkish and CJK languages', () => {
    const contact = getSchema('contact');
    const rows = [['Jan', 'Novák', 'jan@firma.cz', '+420 603 123 456']];
    expect(byField(suggestMapping(['Jméno', 'Příjmení', 'E-mail', 'Telefon'], rows, contact))).toMatchObject({ first_name: ['Jméno'], last_name: ['Příjmení'] });
    expect(byField(suggestMapping(['이름', '휴대폰', '이메일', '회사'], [['김민준', '010-1234-5678', 'a@b.kr', '삼성전자']], contact))).toEqual({
      full_name: ['이름'], phone: ['휴대폰'], email: ['이메일'], company: ['회사'],
    });
    const company = getSchema('company_account');
    const m = suggestMapping(['Firma Adı', 'Çalışan Sayısı', 'Şehir', 'Ülke'], [['Arçelik A.Ş.', '40000', 'İstanbul', 'Türkiye']], company);
    expect(byField(m)).toEqual({ name: ['Firma Adı'], employee_count: ['Çalışan Sayısı'], city: ['Şehir'], country: ['Ülke'] });
  });
});

describe('Swahili and Tagalog headers', () => {
  it('maps a Swahili member form and a Tagalog sign-up form, and reads Swahili and Tagalog call codes', () => {
    const contact = getSchema('contact');
    const sw = suggestMapping(['Jina la kwanza', 'Jina la ukoo', 'Namba ya simu', 'Barua pepe', 'Cheo'], [['Amina', 'Mushi', '0754 000 012', 'amina@example.org', 'Mwenyekiti']], contact, { defaultRegion: 'TZ' });
    expect(byField(sw)).toEqual({ first_name: ['Jina la kwanza'], last_name: ['Jina la ukoo'], phone: ['Namba ya simu'], email: ['Barua pepe'], title: ['Cheo'] });
    const tl = suggestMapping(['Buong pangalan', 'Numero ng telepono', 'Pangalan ng kumpanya'], [['Maria Clara Santos', '+63 917 000 0123', 'Santos Bakeshop']], contact, { defaultRegion: 'PH' });
    expect(byField(tl)).toEqual({ full_name: ['Buong pangalan'], phone: ['Numero ng telepono'], company: ['Pangalan ng kumpanya'] });
    expect(readCallCode('Simu inayotoka')).toMatchObject({ direction: 'outbound' });
    expect(readCallCode('Papasok na tawag')).toMatchObject({ direction: 'inbound' });
  });
});

describe('durations and clock times, told by the column', () => {
  it('reads 00:02:41-style columns as durations and two-digit hours spread over the day as clock times', () => {
    expect(timeColumnKind(['00:02:41', '', '00:14:03', '01:05:12', '00:00:37'])).toBe('duration');
    expect(timeColumnKind(['0:45:10', '26:10:00'])).toBe('duration');
    expect(timeColumnKind(['14:07', '16:32', '09:15', '23:58', '07:41', '12:00'])).toBe('clock');
    expect(timeColumnKind(['5:03', '0:03', '15:03'])).toBeNull();
  });

  it('pairs the date with the clock-time column and maps the duration column as the duration', () => {
    const rows = [
      ['2025-03-04', '14:07', '08-123 456 78', '00:02:41', '1,25'],
      ['2025-03-04', '16:32', '073-987 65 43', '', '0,69'],
      ['2025-03-05', '09:15', '031-70 80 90', '00:14:03', '6,90'],
      ['2025-03-05', '23:58', '0046 8 555 120 00', '01:05:12', '0,00'],
    ];
    const m = suggestMapping(['Datum', 'Klockslag', 'Till nummer', 'Varaktighet', 'Belopp (kr)'], rows, getSchema('call_record'));
    expect(byField(m)).toMatchObject({ started_at: ['Datum', 'Klockslag'], duration_seconds: ['Varaktighet'], cost_minor: ['Belopp (kr)'] });
    // with opaque headers, the values alone keep the two apart
    const opaque = suggestMapping(['A', 'B', 'C', 'D'], rows.map((r) => [r[0]!, r[1]!, r[2]!, r[3]!]), getSchema('call_record'));
    expect(byField(opaque).duration_seconds).toEqual(['D']);
  });
});

describe('values that name their kind', () => {
  it('recognises company names by legal forms across countries', () => {
    for (const v of ['Nielsen Rådgivning ApS', 'Lindqvist AB', 'Kesko Oyj', 'EQUINOR ASA', 'Beispiel GmbH', 'ŠKODA AUTO a.s.', 'Arçelik A.Ş.', 'トヨタ自動車株式会社', '上海华信科技有限公司', '(주)카카오', 'ТОВ «Агросвіт»', 'Acme Ltd']) {
      expect(isCompanyName(v), v).toBe(true);
    }
    expect(isCompanyName('Jane Doe')).toBe(false);
  });

  it('recognises countries in many languages, cities, and person names', () => {
    for (const v of ['Norge', 'Türkiye', 'Latvija', 'Deutschland', 'United States', 'Ελλάδα', 'Россия', '日本', 'DK']) expect(isCountry(v), v).toBe(true);
    for (const v of ['Göteborg', 'Aarhus C', 'Stuttgart', 'Trondheim', '豊田市']) expect(isCity(v), v).toBe(true);
    for (const v of ['Marco Rossi', 'Jane Doe', '王伟', '김민준']) expect(isPersonName(v), v).toBe(true);
    expect(kindShare(['Maschinenbau', 'Logistik', 'Software', ''], 'industry').share).toBe(1);
  });

  it('maps a header-less company list by its values, below the threshold (a person confirms)', () => {
    const rows = [['Acme GmbH', 'Berlin', 'Germany'], ['Globex Ltd', 'London', 'United Kingdom'], ['Initech Oy', 'Helsinki', 'Finland']];
    const m = suggestMapping(['col1', 'col2', 'col3'], rows, getSchema('company_account'));
    expect(byField(m)).toEqual({ name: ['col1'], city: ['col2'], country: ['col3'] });
    expect(m.fields.every((f) => f.reason === 'value_pattern' && f.confidence <= 0.6)).toBe(true);
    expect(m.status).toBe('needs_mapping');
  });

  it('takes "Nome" holding full names as the full name, not the first name', () => {
    const m = suggestMapping(['Nome', 'Email'], [['Marco Rossi', 'marco@esempio.it'], ['Giulia Bianchi', 'giulia@ditta.it']], getSchema('contact'));
    expect(byField(m)).toEqual({ full_name: ['Nome'], email: ['Email'] });
  });
});

describe('confidence that says so', () => {
  const outlook = ['First Name', 'Last Name', 'Business Phone', 'Mobile Phone', 'E-mail Address', 'Web Page'];
  const rows = [
    ['Jane', 'Doe', '(415) 555-0100', '', 'jane.doe@acme.com', 'https://www.linkedin.com/in/janedoe'],
    ['Luis', 'Ortega', '(212) 555-0199', '', 'luis.ortega@globex.com', 'https://www.linkedin.com/in/luis-ortega-42'],
    ['Priya', 'Shah', '(650) 555-0147', '', 'priya@initech.io', 'https://linkedin.com/in/priyashah'],
  ];

  it('prefers the filled column to an empty one of the same meaning, and refuses profile URLs as the company domain', () => {
    const m = suggestMapping(outlook, rows, getSchema('contact'));
    expect(byField(m).phone).toEqual(['Business Phone']);
    expect(byField(m).domain).toBeUndefined();
    expect(m.unmappedColumns?.map((u) => u.header)).toEqual(['Web Page']);
    expect(m.unmappedColumns?.[0]?.samples).toHaveLength(3);
    expect(m.warnings?.map((w) => w.code)).toEqual(['unmapped_columns']);
  });

  it('gives a field mapped to an empty column a confidence below the threshold and warns about it', () => {
    const m = suggestMapping(['Mobile Phone', 'E-mail Address'], rows.map((r) => ['', r[4]!]), getSchema('contact'));
    expect(m.fields.find((f) => f.field === 'phone')?.confidence).toBeLessThan(0.65);
    expect(m.warnings?.find((w) => w.code === 'empty_mapped_field')).toMatchObject({ count: 1 });
    expect(m.status).toBe('needs_mapping');
  });

  it('never auto-accepts a mapping that takes less than half of what the file could give', () => {
    const headers = ['Name', 'Nosaukums X', 'Kods', 'Pilsētas kods', 'Reg. Nr.', 'Adrese'];
    const r = [['Acme', 'A', '1', '2', '3', 'x'], ['Globex', 'B', '1', '2', '3', 'y'], ['Initech', 'C', '1', '2', '3', 'z']];
    const m = suggestMapping(headers, r, getSchema('company_account'));
    expect(m.fields.map((f) => f.field)).toEqual(['name']);
    expect(m.fields[0]!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(m.status).toBe('needs_mapping');
  });
});

describe('units and ranges', () => {
  it('carries a scale from the header and a range rule for bands, visible on the mapping', () => {
    const company = getSchema('company_account');
    const m = suggestMapping(
      ['Account', 'Employees', 'Revenue (in 000s USD)'],
      [['Initech', '101-250', '25,000'], ['Globex', '10,001+', '1,250,000'], ['Acme', '11-50', '4,200']],
      company,
    );
    expect(m.fields.find((f) => f.field === 'employee_count')?.transforms).toEqual([{ kind: 'range', pick: 'midpoint' }]);
    expect(m.fields.find((f) => f.field === 'annual_revenue')?.transforms).toEqual([{ kind: 'scale', factor: 1000 }]);
    expect(m.warnings?.map((w) => w.code)).toEqual(expect.arrayContaining(['range_values', 'unit_scale']));
  });

  it('reads size and revenue classes of a German company list: units in the values, dots grouping thousands', async () => {
    const { parseRange } = await import('../../functions/core/map/units.ts');
    expect(parseRange('50 - 100 Mio. EUR')).toEqual({ lower: 50_000_000, upper: 100_000_000 });
    expect(parseRange('0,5 - 1 Mio. EUR')).toEqual({ lower: 500_000, upper: 1_000_000 });
    expect(parseRange('10 - 50 Tsd. €')).toEqual({ lower: 10_000, upper: 50_000 });
    expect(parseRange('1.000 - 4.999')).toEqual({ lower: 1000, upper: 4999 });
    expect(parseRange('1.5 - 2.5')).toEqual({ lower: 1.5, upper: 2.5 });
    const m = suggestMapping(
      ['Firmenname', 'Mitarbeiterklasse', 'Umsatzklasse'],
      [['Vossberg Logistik GmbH', '250 - 499', '50 - 100 Mio. EUR'], ['Krumm GmbH', '1.000 - 4.999', '0,5 - 1 Mio. EUR'], ['Sensorik AG', '50 - 99', '2 - 10 Mio. EUR']],
      getSchema('company_account'),
    );
    expect(byField(m)).toEqual({ name: ['Firmenname'], employee_count: ['Mitarbeiterklasse'], annual_revenue: ['Umsatzklasse'] });
    expect(m.status).toBe('mapped');
  });
});

describe('custom schemas compete fairly', () => {
  it('ranks a tenant schema first on a file of its kind (field names, types as value patterns), over a built-in that would drop most columns', async () => {
    const { parseSchemaDefinition } = await import('../../functions/core/schemas/schema-definition.ts');
    const { suggestForFile } = await import('../../functions/core/templates/suggest.ts');
    const airports = parseSchemaDefinition({
      name: 'airport',
      fields: [
        { name: 'iata_code', type: 'string', required: true, description: 'Three-letter IATA airport code' },
        { name: 'name', type: 'string' }, { name: 'city', type: 'string' }, { name: 'state', type: 'string' },
        { name: 'country', type: 'string' }, { name: 'latitude', type: 'number' }, { name: 'longitude', type: 'number' },
      ],
    });
    const rows = [
      ['ATL', 'Hartsfield-Jackson Atlanta Intl', 'Atlanta', 'GA', 'USA', '33.6367', '-84.4281'],
      ['ORD', "Chicago O'Hare Intl", 'Chicago', 'IL', 'USA', '41.9786', '-87.9048'],
      ['DEN', 'Denver Intl', 'Denver', 'CO', 'USA', '39.8617', '-104.6732'],
    ];
    const none = { findByFingerprint: async () => [], listRecent: async () => [] };
    const r = await suggestForFile({ headers: ['IATA', 'Airport', 'City', 'State', 'Country', 'Lat', 'Long'], sampleRows: rows, layout: {}, schemas: [...BUILTIN_SCHEMAS.values(), airports] }, none);
    expect(r.schemas[0]?.name).toBe('airport');
    expect(r.schemas.find((s) => s.name === 'company_account')!.confidence).toBeLessThan(r.schemas[0]!.confidence / 2);
    expect(byField(r.mapping)).toMatchObject({ iata_code: ['IATA'], city: ['City'], country: ['Country'], latitude: ['Lat'], longitude: ['Long'] });
  });

  it('warns when an auto-chosen schema leaves over a quarter of the non-empty columns unused', async () => {
    const { suggestForFile } = await import('../../functions/core/templates/suggest.ts');
    const none = { findByFingerprint: async () => [], listRecent: async () => [] };
    const rows = [['Acme Inc', 'acme.com', 'x1', 'y1', 'z1'], ['Globex', 'globex.com', 'x2', 'y2', 'z2']];
    const r = await suggestForFile({ headers: ['Company', 'Website', 'Foo', 'Bar', 'Baz'], sampleRows: rows, layout: {}, schemas: [...BUILTIN_SCHEMAS.values()] }, none);
    expect(r.mapping.warnings?.find((w) => w.code === 'schema_low_coverage')).toMatchObject({ count: 3 });
  });
});

describe('alternatives shown to a person', () => {
  it('list a column whose header is in the lexicon as a synonym of the field', async () => {
    const { fieldAlternatives } = await import('../../functions/core/map/field-alternatives.ts');
    const a = fieldAlternatives(['Etunimi', 'Sukunimi', 'Työpuhelin'], [['Mikko', 'Virtanen', '+358 10 532 1234']], getSchema('contact'));
    expect(a.first_name?.[0]).toEqual({ column: 0, header: 'Etunimi', score: 1, why: 'synonym' });
    expect(a.phone?.[0]).toMatchObject({ column: 2, why: 'synonym' });
  });
});

describe('a Chinese itemised bill (详单)', () => {
  it('maps its columns and reads its durations ("2分41秒") and call directions (主叫/被叫)', async () => {
    const { parseDurationSeconds } = await import('../../functions/core/enrich/duration.ts');
    const { normalizeDirection } = await import('../../functions/core/enrich/call-codes.ts');
    expect(parseDurationSeconds('2分41秒')).toEqual({ ok: true, seconds: 161 });
    expect(parseDurationSeconds('2분 41초')).toEqual({ ok: true, seconds: 161 });
    expect(['主叫', '被叫'].map(normalizeDirection)).toEqual(['outbound', 'inbound']);
    const headers = ['起始时间', '通信地点', '通信方式', '对方号码', '通信时长', '实收通信费(元)'];
    const rows = [
      ['2025-03-04 14:07:12', '北京', '主叫', '13812345678', '2分41秒', '0.00'],
      ['2025-03-04 16:10:00', '上海', '被叫', '13998765432', '10分11秒', '0.00'],
      ['2025-03-05 09:00:00', '北京', '主叫', '01055551234', '30秒', '0.20'],
    ];
    const m = suggestMapping(headers, rows, getSchema('call_record'));
    expect(byField(m)).toEqual({
      started_at: ['起始时间'], location: ['通信地点'], direction: ['通信方式'], counterpart_number: ['对方号码'], duration_seconds: ['通信时长'], cost_minor: ['实收通信费(元)'],
    });
    expect(m.status).toBe('mapped');
  });
});

describe('unmapped columns of a very wide file', () => {
  it('lists the first 50 (the mapping travels through the state machine and onto the job item) and counts them all', () => {
    const headers = ['Phone Number', 'Start Time', ...Array.from({ length: 2000 }, (_, i) => `Extra ${i} ${'x'.repeat(300)}`)];
    const row = ['+1 415 555 0100', '2025-03-04 14:07:12', ...Array.from({ length: 2000 }, () => 'y'.repeat(500))];
    const m = suggestMapping(headers, [row], getSchema('call_record'));
    expect(m.unmappedColumns).toHaveLength(50);
    expect(m.warnings?.find((w) => w.code === 'unmapped_columns')?.count).toBe(2000);
    expect(JSON.stringify(m).length).toBeLessThan(30_000);
  });
});
