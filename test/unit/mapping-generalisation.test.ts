import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../../functions/core/map/normalize-header.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const byField = (m: ReturnType<typeof suggestMapping>) => Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));

describe('headers in Vietnamese, Indonesian, Arabic, Hebrew and Hindi', () => {
  it('folds Arabic hamza and vowel marks, Hebrew points and the Devanagari nukta', () => {
    expect(normalizeHeader('البريد الإلكتروني')).toBe(normalizeHeader('البريد الالكتروني'));
    expect(normalizeHeader('الاسم الأوَّل')).toBe(normalizeHeader('الاسم الاول'));
    expect(normalizeHeader('फ़ोन')).toBe(normalizeHeader('फोन'));
    expect(normalizeHeader('שֵׁם')).toBe('שם');
  });

  it('maps contact headers in each of the five languages', () => {
    const contact = getSchema('contact');
    const row = ['Nguyễn Văn An', 'an@cty.example', '0900 000 001', 'Giám đốc', 'Công ty TNHH Minh Phát'];
    expect(byField(suggestMapping(['Họ và tên', 'Email', 'Điện thoại', 'Chức vụ', 'Công ty'], [row], contact))).toMatchObject({
      full_name: ['Họ và tên'], phone: ['Điện thoại'], title: ['Chức vụ'], company: ['Công ty'],
    });
    expect(byField(suggestMapping(['Nama Depan', 'Nama Belakang', 'No. HP', 'Jabatan', 'Perusahaan'], [['Budi', 'Santoso', '0812 0000 0001', 'Manajer', 'PT Maju Jaya']], contact))).toMatchObject({
      first_name: ['Nama Depan'], last_name: ['Nama Belakang'], phone: ['No. HP'], title: ['Jabatan'], company: ['Perusahaan'],
    });
    expect(byField(suggestMapping(['الاسم الكامل', 'البريد الإلكتروني', 'المسمى الوظيفي', 'جهة العمل'], [['أحمد علي', 'a@x.example', 'مدير', 'شركة النور']], contact))).toMatchObject({
      full_name: ['الاسم الكامل'], email: ['البريد الإلكتروني'], title: ['المسمى الوظيفي'], company: ['جهة العمل'],
    });
    expect(byField(suggestMapping(['שם פרטי', 'שם משפחה', 'תפקיד', 'חברה'], [['דנה', 'כהן', 'מנהלת', 'אלפא בע"מ']], contact))).toMatchObject({
      first_name: ['שם פרטי'], last_name: ['שם משפחה'], title: ['תפקיד'], company: ['חברה'],
    });
  });

  it('takes a Hebrew CRM\'s account name for the contact\'s company', () => {
    const m = suggestMapping(['שם פרטי', 'שם משפחה', 'שם חשבון', 'טלפון נייד'], [['דנה', 'לוי', 'אלפא מערכות בע"מ', '050-0000123'], ['יוסי', 'כהן', 'גליל מזון', '052-0000456']], getSchema('contact'), { defaultRegion: 'IL' });
    expect(byField(m).company).toEqual(['שם חשבון']);
  });

  it('maps a Hindi call log and a Hebrew company list', () => {
    const calls = suggestMapping(['नंबर', 'दिनांक', 'अवधि (सेकंड)'], [['+91 90000 00001', '2026-11-02 10:15', '134']], getSchema('call_record'));
    expect(byField(calls)).toMatchObject({ counterpart_number: ['नंबर'], started_at: ['दिनांक'], duration_seconds: ['अवधि (सेकंड)'] });
    const companies = suggestMapping(['שם החברה', 'ענף', 'מספר עובדים', 'עיר'], [['אלפא בע"מ', 'תוכנה', '120', 'חיפה']], getSchema('company_account'));
    expect(byField(companies)).toMatchObject({ name: ['שם החברה'], industry: ['ענף'], employee_count: ['מספר עובדים'], city: ['עיר'] });
  });

  it('reads a bill\'s "line" column of phone numbers as the subscriber\'s own number', () => {
    const rows = [['600 000 001', '2026-11-02 10:15', '600 000 777', '0:45']];
    expect(byField(suggestMapping(['Línea', 'Fecha', 'Número llamado', 'Duración'], rows, getSchema('call_record'))).subscriber_number).toEqual(['Línea']);
  });
});

describe('negative cues', () => {
  const contact = getSchema('contact');

  it('never takes a record owner\'s column for the contact\'s name', () => {
    const rows = [
      ['Ana', 'Souza', 'Paulo Mendes', 'ana@x.example'],
      ['Rui', 'Lima', 'Carla Dias', 'rui@y.example'],
      ['Eva', 'Melo', 'Paulo Mendes', 'eva@z.example'],
    ];
    for (const owner of ['Proprietário', 'assigned_user_name', 'Vendeur', 'Contact owner', 'Created By', 'Người phụ trách']) {
      const m = suggestMapping(['Nome', 'Sobrenome', owner, 'E-mail'], rows, contact);
      expect(m.fields.map((f) => f.sourceHeaders[0]), owner).not.toContain(owner);
    }
    // a column of names under an ordinary header is still a name
    expect(byField(suggestMapping(['Person', 'E-mail'], rows.map((r) => [r[2]!, r[3]!]), contact)).full_name).toEqual(['Person']);
  });

  it('never takes a salutation column for the job title or a name, whatever its header', () => {
    const rows = [
      ['Madame', 'Claire Dubois', 'Responsable achats', 'c@x.example'],
      ['Monsieur', 'Thomas Girard', 'Gérant', 't@y.example'],
      ['M.', 'Hakim Benali', 'Expert-comptable', 'h@z.example'],
    ];
    const m = byField(suggestMapping(['Titre', 'Nom complet', 'Poste occupé', 'Courriel'], rows, contact));
    expect(m.title).toEqual(['Poste occupé']);
    const en = byField(suggestMapping(['Title', 'Name', 'Email'], [['Mr.', 'John Smith', 'j@x.example'], ['Ms.', 'Jane Doe', 'jd@x.example'], ['Dr.', 'Priya Raman', 'p@x.example']], contact));
    expect(en.title).toBeUndefined();
  });

  it('never takes a column of social-network profiles for the domain', () => {
    const rows = [['Jane Doe', 'https://www.linkedin.com/in/janedoe'], ['Luis Ortega', 'https://linkedin.com/in/luis-ortega-42']];
    expect(byField(suggestMapping(['Name', 'URL'], rows, contact)).domain).toBeUndefined();
    expect(byField(suggestMapping(['Name', 'Perfil no LinkedIn'], [['Ana Souza', 'ana.example'], ['Rui Lima', 'rui.example']], contact)).domain).toBeUndefined();
  });
});

describe('confidence that says so', () => {
  const calls = getSchema('call_record');

  it('asks a person when a header names a field whose values the mapper cannot read', () => {
    const rows = [
      ['2026-11-03 09:14', '+34 600 000 187', '133', 'Vozz'],
      ['2026-11-03 10:41', '+34 600 000 042', '708', 'Mensajitos'],
      ['2026-11-04 13:15', '+34 600 000 233', '12', 'Vozz'],
    ];
    const m = suggestMapping(['Fecha y hora', 'Número llamado', 'Duración (seg)', 'Tipo de servicio'], rows, calls);
    expect(m.status).toBe('needs_mapping');
    expect(m.warnings?.find((w) => w.code === 'unsettled_fields')?.message).toContain('record_type <- "Tipo de servicio"');
    // without that column the same file is taken as it is
    expect(suggestMapping(['Fecha y hora', 'Número llamado', 'Duración (seg)'], rows.map((r) => r.slice(0, 3)), calls).status).toBe('mapped');
  });

  it('asks a person when an unused column holds phone numbers and a phone field is left out', () => {
    const rows = [
      ['03/11/2026 09:14', '0470 00 01 01', '0470 00 01 87', '133'],
      ['03/11/2026 10:41', '0470 00 01 02', '02 000 00 42', '708'],
      ['04/11/2026 13:15', '0470 00 01 03', '0470 00 02 33', '0'],
    ];
    const m = suggestMapping(['Date', 'Appareil', 'Numéro appelé', 'Durée (sec)'], rows, calls);
    expect(byField(m)).toEqual({ started_at: ['Date'], counterpart_number: ['Numéro appelé'], duration_seconds: ['Durée (sec)'] });
    expect(m.status).toBe('needs_mapping');
    expect(m.warnings?.find((w) => w.code === 'unsettled_fields')?.message).toContain('subscriber_number <- "Appareil"');
    // an identifier, or one number on every row (a line's or switchboard's own), is no such column
    const ids = suggestMapping(['Date', 'Call ID', 'Numéro appelé', 'Durée (sec)'], rows, calls);
    expect(ids.warnings?.find((w) => w.code === 'unsettled_fields')).toBeUndefined();
    const constant = suggestMapping(['Date', 'Appareil', 'Numéro appelé', 'Durée (sec)'], rows.map((r) => [r[0]!, '0470 00 01 01', r[2]!, r[3]!]), calls);
    expect(constant.warnings?.find((w) => w.code === 'unsettled_fields')).toBeUndefined();
  });

  it('asks a person when an unused column holds the kind of values an unmapped field has', () => {
    const contact = getSchema('contact');
    const rows = [
      ['Anna Berg', 'anna@nordwind.example', 'Nordwind GmbH', 'Jonas Falk'],
      ['Ola Nilsen', 'ola@fjord.example', 'Fjordlaks AS', 'Jonas Falk'],
      ['Mia Koski', 'mia@kivi.example', 'Kivi', 'Jonas Falk'],
      ['Eva Lund', 'eva@lund.example', 'Lund Bygg', 'Jonas Falk'],
    ];
    // "Qorvex" is no word for a company in any language; half its values carry a legal form:
    // too few to take the column by its values alone, enough to ask a person
    const m = suggestMapping(['Name', 'Email', 'Qorvex', 'Zulbrat'], rows, contact);
    expect(byField(m).company).toBeUndefined();
    expect(m.status).toBe('needs_mapping');
    expect(m.warnings?.find((w) => w.code === 'unsettled_fields')?.message).toContain('company <- "Qorvex" (by its values)');
    // person names in an unused column (a record owner) are no such evidence
    const owners = suggestMapping(['Name', 'Email', 'Zulbrat'], rows.map((r) => [r[0]!, r[1]!, r[3]!]), contact);
    expect(owners.warnings?.find((w) => w.code === 'unsettled_fields')).toBeUndefined();
  });

  it('asks a person when the record-type column says a call direction on some rows and the direction is left out', () => {
    const rows = [
      ['03.11.2026 09:14', '+372 5100 0022', '00:03:41', 'Kõne välismaale'],
      ['03.11.2026 10:02', '+372 5500 0033', '00:00:48', 'Sissetulev kõne'],
      ['03.11.2026 11:30', '+372 5100 0022', '', 'SMS'],
    ];
    // the rules read "Sissetulev kõne" as inbound, "Kõne välismaale" (a call abroad) only as a call
    const m = suggestMapping(['Kuupäev', 'Number', 'Kestus', 'Teenus'], rows, calls);
    expect(byField(m).record_type).toEqual(['Teenus']);
    expect(byField(m).direction).toBeUndefined();
    expect(m.status).toBe('needs_mapping');
    expect(m.warnings?.find((w) => w.code === 'unsettled_fields')?.message).toContain('direction <- "Teenus" (some of its values say it)');
  });

  it('asks a person when a call-code column names the other code and words one service in several ways', () => {
    const rows = [
      ['21/10/2026 08:12', '0740 000 022', '02:14', 'Apel național'],
      ['21/10/2026 10:40', '0212 000 033', '11:03', 'Apel internațional'],
      ['22/10/2026 14:05', '0740 000 022', '', 'SMS național'],
    ];
    const m = suggestMapping(['Data', 'Număr apelat', 'Durată', 'Tip apel'], rows, calls);
    expect(byField(m).record_type).toEqual(['Tip apel']);
    expect(m.status).toBe('needs_mapping');
    expect(m.warnings?.find((w) => w.code === 'unsettled_fields')?.message).toContain('direction <- "Tip apel"');
    // one wording per service says nothing more: no direction to look for
    const plain = suggestMapping(['Data', 'Număr apelat', 'Durată', 'Tip apel'], rows.map((r, i) => [r[0]!, r[1]!, r[2]!, i === 2 ? 'SMS' : 'Apel']), calls);
    expect(plain.warnings?.find((w) => w.code === 'unsettled_fields')?.message ?? '').not.toContain('direction');
  });

  it('maps the direction onto the record-type column when the rules read it there on most rows', () => {
    // "Apel efectuat" / "Apel primit" (Romanian), "Väljuv kõne" / "Sissetulev kõne" (Estonian)
    const ro = suggestMapping(['Data', 'Număr apelat', 'Durată', 'Tip apel'], [
      ['21/10/2026 08:12', '0740 000 022', '02:14', 'Apel efectuat'],
      ['21/10/2026 10:40', '0212 000 033', '11:03', 'Apel primit'],
      ['22/10/2026 14:05', '0740 000 022', '', 'SMS trimis'],
    ], calls);
    expect(byField(ro).record_type).toEqual(['Tip apel']);
    expect(byField(ro).direction).toEqual(['Tip apel']);
    const et = suggestMapping(['Kuupäev', 'Number', 'Kestus', 'Teenus'], [
      ['03.11.2026 09:14', '+372 5100 0022', '00:03:41', 'Väljuv kõne'],
      ['03.11.2026 10:02', '+372 5500 0033', '00:00:48', 'Sissetulev kõne'],
      ['03.11.2026 11:30', '+372 5100 0022', '', 'SMS'],
    ], calls);
    expect(byField(et).direction).toEqual(['Teenus']);
    expect(et.fields.find((f) => f.field === 'direction')?.reason).toBe('value_pattern');
  });

  it('asks a person when a name is mapped only in part', () => {
    const rows = [['Dubois', 'c@x.example'], ['Girard', 't@y.example'], ['Roux', 'm@z.example']];
    const m = suggestMapping(['Apellido', 'Correo electrónico'], rows, getSchema('contact'));
    expect(byField(m).last_name).toEqual(['Apellido']);
    expect(m.status).toBe('needs_mapping');
    expect(m.warnings?.find((w) => w.code === 'unsettled_fields')?.message).toContain('first_name (part of full_name)');
  });
});

describe('headers that carry their unit or period on further lines, or in a local unit word', () => {
  it('reads the first line of a multi-line header and the scale on the next', () => {
    const rows = [['NORDWERK GMBH', '84,213', 'DE'], ['AZULEJOS SA', '27,540', 'ES']];
    const m = suggestMapping(['Company name', 'Operating revenue (Turnover)\nth EUR\nLast avail. yr', 'Country ISO code'], rows, getSchema('company_account'));
    const revenue = m.fields.find((f) => f.field === 'annual_revenue');
    expect(revenue?.sourceHeaders).toEqual(['Operating revenue (Turnover)\nth EUR\nLast avail. yr']);
    expect(revenue?.transforms).toContainEqual({ kind: 'scale', factor: 1000 });
  });

  it('prefers the header holding a longer term whole ("Company name Latin alphabet" over "GUO - Name")', () => {
    const rows = [['NORDWERK HOLDING AG', 'NORDWERK ANTRIEBSTECHNIK GMBH'], ['AZULEJOS DEL LEVANTE SA', 'AZULEJOS DEL LEVANTE SA']];
    expect(byField(suggestMapping(['GUO - Name', 'Company name Latin alphabet'], rows, getSchema('company_account'))).name).toEqual(['Company name Latin alphabet']);
  });
});

describe('scale words in Spanish, Vietnamese, Indonesian, Hebrew, Arabic and Indian English', () => {
  it('reads thousands, millions and billions from the local word', async () => {
    const { headerScale } = await import('../../functions/core/map/units.ts');
    expect(headerScale('Ventas (miles €)')?.factor).toBe(1000);
    expect(headerScale('Doanh thu (tỷ đồng)')?.factor).toBe(1e9);
    expect(headerScale('Pendapatan (juta Rp)')?.factor).toBe(1e6);
    expect(headerScale('מחזור מכירות (מיליוני ₪)')?.factor).toBe(1e6);
    expect(headerScale('الإيرادات (مليون ريال)')?.factor).toBe(1e6);
    expect(headerScale('Turnover (Rs. crore)')?.factor).toBe(1e7);
    expect(headerScale('Revenue (th USD)')?.factor).toBe(1000);
    expect(headerScale('Month')).toBeUndefined();
  });

  it('reads thousands in Serbian, Macedonian, Albanian and Kazakh', async () => {
    const { headerScale } = await import('../../functions/core/map/units.ts');
    expect(headerScale('Пословни приходи (хиљ. РСД)')?.factor).toBe(1000);
    expect(headerScale('Poslovni prihodi (hilj. RSD)')?.factor).toBe(1000);
    expect(headerScale('Приход (илј. ден.)')?.factor).toBe(1000);
    expect(headerScale('Xhiroja (mijë lekë)')?.factor).toBe(1000);
    expect(headerScale('Түсім (мың теңге)')?.factor).toBe(1000);
  });
});

describe('values that settle what a header leaves open', () => {
  const calls = getSchema('call_record');

  it('takes a number column with the same number on every row for the subscriber\'s own line, not the other party', () => {
    const rows = [
      ['040 000 101', '2026-11-03 09:14', '040 000 187', '133'],
      ['040 000 101', '2026-11-03 11:05', '01 000 00 42', '708'],
      ['040 000 101', '2026-11-04 15:20', '041 000 233', '52'],
      ['040 000 101', '2026-11-04 18:44', '00385 1 000 0077', '3729'],
    ];
    const m = byField(suggestMapping(['Telefonska številka', 'Datum', 'Klicana/klicoča številka', 'Trajanje'], rows, calls));
    expect(m).toMatchObject({ subscriber_number: ['Telefonska številka'], counterpart_number: ['Klicana/klicoča številka'] });
  });

  it('takes a name-part header over whole names for the full name ("Nom" holding "Claire Dubois")', () => {
    const rows = [['Claire Dubois-Fontaine', 'c@x.example'], ['Atelier Verrier SARL', 'contact@av.example'], ['Thomas Girard', 't@y.example'], ['Marie Roux', 'm@z.example']];
    const m = byField(suggestMapping(['Nom', 'Courriel'], rows, getSchema('contact')));
    expect(m.full_name).toEqual(['Nom']);
    expect(m.last_name).toBeUndefined();
  });

  it('asks a person when the column taken for the country holds no countries', () => {
    const rows = [['Bakkerij Jansen B.V.', 'Dorpsstraat'], ['Van Dijk Logistiek B.V.', 'Industrieweg'], ['Kanaal Media B.V.', 'Kanaalkade']];
    const m = suggestMapping(['Handelsnaam', 'Straat'], rows, getSchema('company_account'));
    // left unmapped (it is no country), and a person is asked about it
    expect(byField(m).country).toBeUndefined();
    expect(m.status).toBe('needs_mapping');
    expect(m.warnings?.find((w) => w.code === 'unsettled_fields')?.message).toContain('country <- "Straat" (values are not countries)');
    const countries = suggestMapping(['Handelsnaam', 'Staat'], rows.map((r, i) => [r[0]!, ['Nederland', 'België', 'Duitsland'][i]!]), getSchema('company_account'));
    expect(countries.warnings?.find((w) => w.code === 'unsettled_fields')).toBeUndefined();
  });

  it('reads Dutch and Czech bands ("10 t/m 19", "10 až 19")', async () => {
    const { parseRange } = await import('../../functions/core/map/units.ts');
    expect(parseRange('10 t/m 19')).toEqual({ lower: 10, upper: 19 });
    expect(parseRange('250 tot 499')).toEqual({ lower: 250, upper: 499 });
    expect(parseRange('10 až 19')).toEqual({ lower: 10, upper: 19 });
  });

  it('reads m:ss lengths in no order as durations, even with two-digit minutes', async () => {
    const { timeColumnKind } = await import('../../functions/core/map/value-patterns.ts');
    expect(timeColumnKind(['02:13', '06:31', '', '04:09', '', '11:52'])).toBe('duration');
    // the same values climbing through the day, or with seconds, are not read so
    expect(timeColumnKind(['09:14', '10:41', '13:15', '16:02'])).toBe('clock');
    expect(timeColumnKind(['14:07', '16:32', '09:15', '23:58', '07:41', '12:00'])).toBe('clock');
  });
});

describe('company names by their legal form, in more countries', () => {
  it('knows Indonesian, Vietnamese, Gulf, Israeli, Indian, Malaysian and Latin American forms', async () => {
    const { isCompanyName } = await import('../../functions/core/map/value-kinds.ts');
    for (const name of ['PT Maju Jaya Tbk', 'Công ty TNHH Minh Phát', 'شركة النور للتجارة', 'אלפא בע"מ', 'Infosys Pvt Ltd', 'Petronas Sdn Bhd', 'Gulf Trading W.L.L.', 'Acme S.A.P.I. de C.V.']) {
      expect(isCompanyName(name), name).toBe(true);
    }
    expect(isCompanyName('Marco Rossi')).toBe(false);
  });
});

describe('the records tuning set\'s misses, as rules for their kind', () => {
  it('takes the talk time over the ring-inclusive length it lies within (Asterisk billsec within duration)', () => {
    const headers = ['start', 'src', 'dst', 'duration', 'billsec', 'disposition'];
    const rows = [
      ['2026-03-05 08:02:11', '102', '16175550192', '167', '161', 'ANSWERED'],
      ['2026-03-05 08:40:55', '+16175550148', '6175550100', '411', '402', 'ANSWERED'],
      ['2026-03-05 09:17:03', '+18575550103', '6175550100', '24', '0', 'NO ANSWER'],
    ];
    expect(byField(suggestMapping(headers, rows, getSchema('call_record'))).duration_seconds).toEqual(['billsec']);
  });

  it('reads each length column in the unit its header states before comparing them', async () => {
    const { liesWithin } = await import('../../functions/core/map/talk-time.ts');
    expect(liesWithin({ header: 'billsec', values: ['161', '402', '0'] }, { header: 'duration', values: ['167', '411', '24'] })).toBe(true);
    expect(liesWithin({ header: 'duration', values: ['167', '411', '24'] }, { header: 'billsec', values: ['161', '402', '0'] })).toBe(false);
    // 161 seconds against 3 whole minutes (180 s): within; against 2 minutes: not
    expect(liesWithin({ header: 'Talk time', values: ['161', '402'] }, { header: 'Billed (min)', values: ['3', '7'] })).toBe(true);
    expect(liesWithin({ header: 'Talk time', values: ['161', '402'] }, { header: 'Billed (min)', values: ['2', '7'] })).toBe(false);
  });

  it('prefers the fuller of two phone columns its headers rank alike (Outlook work phone over a sparser mobile)', () => {
    const headers = ['Förnamn', 'Efternamn', 'Telefon (arbete)', 'Mobiltelefon'];
    const rows = [
      ['Anna', 'Berg', '08-465 004 12', '070-174 06 12'],
      ['Erik', 'Lund', '031-390 06 44', ''],
      ['Sara', 'Holm', '', '070-174 06 27'],
      ['Nils', 'Ek', '08-465 004 71', '070-174 06 41'],
      ['Eva', 'Sjö', '0980-319 204', ''],
    ];
    expect(byField(suggestMapping(headers, rows, getSchema('contact'), { defaultRegion: 'SE' })).phone).toEqual(['Telefon (arbete)']);
    // a CDR's calling and called columns are read row by row: the called one stays the counterpart's, however sparse
    const cdr = [
      ['2025-02-03 08:21:29', 'mSOriginating', '7025550142', '3126840313', '1539'],
      ['2025-02-03 19:06:40', 'mSTerminating', '4046777524', '7025550142', '1095'],
      ['2025-02-04 01:54:19', 'mSOriginating', '7025550142', '3056089482', '1544'],
      ['2025-02-04 04:37:18', 'mSOriginating', '7025550142', '3058940978', '1775'],
      ['2025-02-04 07:58:04', 'mSOriginating', '7025550142', '3129085372', '19'],
      ['2025-02-04 21:02:45', 'mSTerminating', '2145500562', '7025550142', '117'],
      ['2025-02-05 02:04:10', 'mSOriginating', '7025550142', '6173619279', '121'],
      ['2025-02-05 18:22:25', 'mSOriginating', '7025550142', '7139229269', '617'],
      ['2025-02-05 21:14:41', 'mSTerminating', '3036389568', '7025550142', '110'],
      ['2025-02-06 13:44:51', 'sGWRecord', '7025550142', '', '619'],
    ];
    const m = suggestMapping(['Start Time (UTC)', 'Event Type', 'Calling Number', 'Called Number', 'Duration'], cdr, getSchema('call_record'));
    expect(byField(m).counterpart_number).toEqual(['Called Number']);
  });

  it('reads a bill\'s bare "Description" of destinations as the place, beside its call-type column', () => {
    const headers = ['Date', 'Time', 'Number', 'Description', 'Type', 'Duration', 'Cost (£)'];
    const rows = [
      ['16/03/2026', '08:14', '020 7946 0123', 'UK landline', 'Voice', '0:02:41', '0.00'],
      ['16/03/2026', '09:02', '07700 900456', 'UK mobile', 'SMS', '', '0.00'],
      ['17/03/2026', '12:47', '+33 1 99 00 11 22', 'International - France', 'Voice', '0:11:05', '4.50'],
      ['18/03/2026', '07:55', '0113 496 0789', 'UK landline', 'Voice', '0:00:38', '0.00'],
    ];
    const m = suggestMapping(headers, rows, getSchema('call_record'), { defaultRegion: 'GB' });
    expect(byField(m).location).toEqual(['Description']);
    expect(m.status).toBe('mapped');
    // a description of something else (extension names) is no place
    const pbx = rows.map((r, i) => [...r.slice(0, 3), ['Front Desk', 'Sales', 'Front Desk', 'Support'][i]!, ...r.slice(4)]);
    expect(byField(suggestMapping(headers, pbx, getSchema('call_record'), { defaultRegion: 'GB' })).location).toBeUndefined();
  });
});

describe('digit grouping, judged on the column', () => {
  it('reads dots as thousands only when the column as a whole says so', async () => {
    const { dotsGroupThousands } = await import('../../functions/core/map/digit-grouping.ts');
    expect(dotsGroupThousands(['2.415', '290', '28.400'])).toBe(true);
    expect(dotsGroupThousands(['$ 0', '$ 1.250', '$ 95'])).toBe(false); // one dotted value proves nothing
    expect(dotsGroupThousands(['1.250.000', '95'])).toBe(true);
    expect(dotsGroupThousands(['2.415,50', '12,00'])).toBe(true);
    // any decimal point in the column says the dots are decimals: cents, a rate, a zero before the dot
    expect(dotsGroupThousands(['28.400', '1.250', '4.30'])).toBe(false);
    expect(dotsGroupThousands(['0.125', '1.250', '2.500'])).toBe(false);
    expect(dotsGroupThousands(['1,250.000', '2.415'])).toBe(false);
  });

  it('tells a cost priced to three decimals from one grouped in thousands by the currency, the header and the other values', async () => {
    const { dotsGroupThousands } = await import('../../functions/core/map/digit-grouping.ts');
    // two dotted numbers alone: three-decimal prices as much as thousands, so read as printed
    expect(dotsGroupThousands(['1.250', '2.375'])).toBe(false);
    expect(dotsGroupThousands(['1.250', '2.375'], 'Cost')).toBe(false);
    // a currency without decimals, in the header or the values, says thousands (even for one number)
    expect(dotsGroupThousands(['1.250', '2.375'], 'Cước (VND)')).toBe(true);
    expect(dotsGroupThousands(['12.500'], 'مبلغ (ریال)')).toBe(true);
    expect(dotsGroupThousands(['Rp 1.250', 'Rp 2.375'])).toBe(true);
    expect(dotsGroupThousands(['28.400 đ', '15.000 đ'])).toBe(true);
    expect(dotsGroupThousands(['1.250', '3.500'], 'Summa (UZS)')).toBe(true);
    expect(dotsGroupThousands(['1.250', '0'], "Narxi (so'm)")).toBe(true);
    expect(dotsGroupThousands(['1.250', '0'], 'Narxi (soʻm)')).toBe(true);
    // a currency with three decimals or a rate: decimals unless a number cannot be one
    expect(dotsGroupThousands(['1.250', '2.375', '120'], 'Amount (KWD)')).toBe(false);
    expect(dotsGroupThousands(['1.250', '2.375', '2'], 'Rate/min')).toBe(false);
    expect(dotsGroupThousands(['1.250', '2.375', '2'], 'Price per minute')).toBe(false);
    expect(dotsGroupThousands(['1.250.000', '2.375'], 'Rate')).toBe(true);
    // a four-digit number without a dot: the column does not group thousands
    expect(dotsGroupThousands(['1.250', '2.375', '1500'], 'Cost (VND)')).toBe(false);
  });

  it('puts decimal_comma on a mapping only where the column and header say thousands', () => {
    const calls = getSchema('call_record');
    const headers = ['Date', 'Number', 'Duration', 'Cost'];
    const rows = [['2026-11-02', '+15550100111', '61', '1.250'], ['2026-11-02', '+15550100222', '125', '2.375']];
    const cost = (m: ReturnType<typeof suggestMapping>) => m.fields.find((f) => f.field === 'cost_minor');
    expect(cost(suggestMapping(headers, rows, calls))?.transforms ?? []).not.toContainEqual({ kind: 'decimal_comma' });
    const vnd = suggestMapping(['Date', 'Number', 'Duration', 'Cost (VND)'], rows, calls);
    expect(cost(vnd)?.transforms ?? []).toContainEqual({ kind: 'decimal_comma' });
  });
});

describe('a form\'s questions as headers', () => {
  it('maps what a question asks about ("What company do you work for?" is the company)', () => {
    const headers = ['name', 'email', 'What company do you work for?', 'What is your role?', 'How did you hear about us?'];
    const rows = [
      ['Priya Raman', 'priya@tidewater.example', 'Tidewater Analytics', 'Head of Data', 'Twitter'],
      ['Tom Berg', 'tom@northwind.example', 'Northwind', 'CTO', 'A friend'],
    ];
    const m = suggestMapping(headers, rows, getSchema('contact'));
    expect(byField(m)).toMatchObject({ company: ['What company do you work for?'], title: ['What is your role?'] });
    // a question about nothing the schema has stays unmapped
    expect(Object.values(byField(m)).flat()).not.toContain('How did you hear about us?');
  });
});
