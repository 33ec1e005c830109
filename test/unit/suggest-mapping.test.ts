import { describe, expect, it } from 'vitest';
import { dropOtherPeople, MAPPING_CONFIDENCE_THRESHOLD, suggestMapping, summarizeMapping } from '../../functions/core/map/suggest-mapping.ts';
import { fieldAlternatives } from '../../functions/core/map/field-alternatives.ts';
import { normalizeHeader } from '../../functions/core/map/normalize-header.ts';
import { scoreSchema, scoreSchemas } from '../../functions/core/map/score-schemas.ts';
import { UnknownSchemaError } from '../../functions/core/errors.ts';
import type { MappingResult } from '../../functions/core/pipeline-types.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const callRecord = getSchema('call_record');

/** field -> the headers it reads, for compact assertions */
function byField(m: MappingResult): Record<string, string[]> {
  return Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));
}

const ATT = ['Item', 'Day', 'Date', 'Time', 'Number Called', 'Call To/From?', 'Min', 'Rate Code', 'Rate Pd', 'Feature', 'Airtime Charge', "LD/Add'l Charges", 'Total Charge'];
const ATT_ROWS = [
  ['1', 'Mon', '11/03/2025', '2:05PM', '555-123-4567', 'NEW YORK NY', '5', 'NW', 'PK', '', '0.00', '0.00', '0.00'],
  ['2', 'Mon', '11/03/2025', '3:15PM', '212-555-0199', 'INCOMING CL', '12', 'M2M', 'OP', 'CW', '0.00', '0.00', '1.25'],
  ['3', 'Tue', '11/04/2025', '9:01AM', '917-555-2671', 'DALLAS TX', '1', 'NW', 'PK', '', '0.00', '0.00', '0.00'],
];
const VERIZON = ['Date', 'Time', 'Number', 'Origination', 'Destination', 'Minutes', 'Airtime Charges', 'LD/Other Charges', 'Total'];
const VERIZON_ROWS = [
  ['11/03/2025', '2:05 PM', '555.123.4567', 'Seattle WA', 'New York NY', '5', '0.00', '0.00', '0.00'],
  ['11/03/2025', '2:35 PM', '2125550199', 'Seattle WA', 'Incoming, CL', '3', '0.00', '0.00', '0.00'],
  ['11/04/2025', '9:01 AM', '9175552671', 'Seattle WA', 'Dallas TX', '1', '0.00', '0.00', '0.00'],
];
const TMOBILE = ['Date and time', 'Destination', 'Number', 'Min', 'Type', 'Call type'];
const TMOBILE_ROWS = [
  ['2025-11-03T19:05:09Z', 'Seattle, WA', '+1 555 123 4567', '5', 'Voice', 'Outgoing'],
  ['2025-11-03T19:35:00Z', 'Incoming', '+12125550199', '3', 'Voice', 'Incoming'],
  ['2025-11-04T14:01:00Z', '', '12345', '0', 'Text', 'Incoming'],
];

describe('normalizeHeader', () => {
  it('folds case, punctuation, accents, camelCase and filler words', () => {
    expect(normalizeHeader('E-mail Address')).toBe('e mail address');
    expect(normalizeHeader("LD/Add'l Charges")).toBe('ld addl charges');
    expect(normalizeHeader('startedAt')).toBe('started at');
    expect(normalizeHeader('Téléphone')).toBe('telephone');
    expect(normalizeHeader('Phone #')).toBe('phone number');
    expect(normalizeHeader('\uFEFFDate of Call')).toBe('date call');
  });
});

describe('suggestMapping', () => {
  it('maps an AT&T export fully, combining Date and Time', () => {
    const m = suggestMapping(ATT, ATT_ROWS, callRecord);
    expect(m.status).toBe('mapped');
    expect(m.missingRequired).toEqual([]);
    expect(byField(m)).toEqual({
      started_at: ['Date', 'Time'],
      counterpart_number: ['Number Called'],
      duration_seconds: ['Min'],
      location: ['Call To/From?'],
      cost_minor: ['Total Charge'],
    });
    expect(m.fields.find((f) => f.field === 'started_at')).toMatchObject({ sources: [2, 3], reason: 'synonym' });
    expect(m.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('maps a Verizon export fully', () => {
    const m = suggestMapping(VERIZON, VERIZON_ROWS, callRecord);
    expect(m.status).toBe('mapped');
    expect(byField(m)).toEqual({
      started_at: ['Date', 'Time'],
      counterpart_number: ['Number'],
      duration_seconds: ['Minutes'],
      location: ['Destination'],
      cost_minor: ['Total'],
    });
  });

  it('maps a T-Mobile export fully, telling Type from Call type', () => {
    const m = suggestMapping(TMOBILE, TMOBILE_ROWS, callRecord);
    expect(m.status).toBe('mapped');
    expect(byField(m)).toEqual({
      started_at: ['Date and time'],
      direction: ['Call type'],
      counterpart_number: ['Number'],
      duration_seconds: ['Min'],
      record_type: ['Type'],
      location: ['Destination'],
    });
  });

  it('maps a generic call log, with exact names scoring highest', () => {
    const headers = ['Start Time', 'Phone Number', 'Duration', 'Direction', 'Type', 'Cost'];
    const m = suggestMapping(headers, [['2025-11-03 14:05:09', '+1 555 123 4567', '00:05:23', 'Outbound', 'Call', '$0.10']], callRecord);
    expect(m.status).toBe('mapped');
    expect(byField(m)).toEqual({
      started_at: ['Start Time'],
      direction: ['Direction'],
      counterpart_number: ['Phone Number'],
      duration_seconds: ['Duration'],
      record_type: ['Type'],
      cost_minor: ['Cost'],
    });
    expect(m.fields.find((f) => f.field === 'direction')).toMatchObject({ confidence: 1, reason: 'exact' });
  });

  it('maps from headers alone when there are no sample rows', () => {
    const m = suggestMapping(VERIZON, [], callRecord);
    expect(m.status).toBe('mapped');
    expect(m.fields.find((f) => f.field === 'started_at')?.sources).toEqual([0, 1]);
  });

  it('maps a contact CSV', () => {
    const headers = ['First Name', 'Last Name', 'E-mail Address', 'Mobile Phone', 'Job Title', 'Company'];
    const m = suggestMapping(headers, [['Jane', 'Doe', 'jane@acme.com', '(415) 555-2671', 'CTO', 'Acme']], getSchema('contact'));
    expect(m.status).toBe('mapped');
    expect(byField(m)).toEqual({
      first_name: ['First Name'],
      last_name: ['Last Name'],
      email: ['E-mail Address'],
      phone: ['Mobile Phone'],
      title: ['Job Title'],
      company: ['Company'],
    });
  });

  it('maps a company account export', () => {
    const headers = ['Company Name', 'Website', 'Industry', '# Employees', 'Annual Revenue', 'Tech Stack', 'Country', 'City'];
    const m = suggestMapping(headers, [], getSchema('company_account'));
    expect(m.status).toBe('mapped');
    expect(m.fields.map((f) => f.field)).toEqual(['name', 'domain', 'industry', 'employee_count', 'annual_revenue', 'technologies', 'country', 'city']);
  });

  it('matches near-miss headers fuzzily with lower confidence', () => {
    const m = suggestMapping(['Call Start Time (UTC)', 'Phone Numbr', 'Call Durations'], [], callRecord);
    const f = byField(m);
    expect(f.started_at).toEqual(['Call Start Time (UTC)']);
    expect(f.counterpart_number).toEqual(['Phone Numbr']);
    expect(f.duration_seconds).toEqual(['Call Durations']);
    for (const x of m.fields) {
      // "(UTC)" is a note, not part of the meaning: the rest is a synonym
      expect(x.reason).toBe(x.field === 'started_at' ? 'synonym' : 'fuzzy');
      expect(x.confidence).toBeLessThan(0.95);
      expect(x.confidence).toBeGreaterThan(0.6);
    }
  });

  it('falls back to value patterns and asks a person when that is all it has', () => {
    const rows = [
      ['11/03/2025 2:05 PM', '555-123-4567', '5:03'],
      ['11/04/2025 9:15 AM', '(212) 555-0199', '0:03'],
      ['11/05/2025 6:45 PM', '917-555-2671', '15:03'],
    ];
    const m = suggestMapping(['Col1', 'Col2', 'Col3'], rows, callRecord);
    expect(byField(m)).toEqual({ started_at: ['Col1'], counterpart_number: ['Col2'], duration_seconds: ['Col3'] });
    expect(m.fields.every((f) => f.reason === 'value_pattern')).toBe(true);
    expect(m.confidence).toBeLessThan(MAPPING_CONFIDENCE_THRESHOLD);
    expect(m.status).toBe('needs_mapping');
  });

  it('pairs a value-matched time column with the date before a duration can claim it', () => {
    const rows = [
      ['11/03/2025', '14:05', '555-123-4567'],
      ['11/04/2025', '09:15', '(212) 555-0199'],
      ['11/05/2025', '18:45', '917-555-2671'],
    ];
    const m = suggestMapping(['Day of call', 'At', 'Who'], rows, callRecord);
    expect(m.fields.find((f) => f.field === 'started_at')?.sources).toEqual([0, 1]);
    expect(byField(m).duration_seconds).toBeUndefined();
  });

  it('doubts a header match whose values do not fit the field', () => {
    const m = suggestMapping(['Date', 'Number', 'Call type'], [
      ['11/03/2025', '2125551234', 'Voice'],
      ['11/03/2025', '2125551235', 'SMS'],
      ['11/03/2025', '2125551236', 'Voice'],
    ], callRecord);
    const f = byField(m);
    expect(f.direction).toBeUndefined();
    expect(f.record_type).toEqual(['Call type']);
  });

  it('asks a person when the only time column holds times of day without a date', () => {
    const m = suggestMapping(['Start Time', 'Number'], [['2:05 PM', '2125551234'], ['3:10 PM', '2125551235'], ['9:00 AM', '2125551236']], callRecord);
    expect(m.fields.find((f) => f.field === 'started_at')?.confidence).toBeLessThan(0.5);
    expect(m.status).toBe('needs_mapping');
  });

  it('lists missing required fields and needs mapping', () => {
    const m = suggestMapping(['Date', 'Time', 'Duration'], [], callRecord);
    expect(m.status).toBe('needs_mapping');
    expect(m.missingRequired).toEqual(['counterpart_number']);
  });

  it('reports an unmet any-of group for contacts', () => {
    const m = suggestMapping(['Job Title', 'Company'], [], getSchema('contact'));
    expect(m.status).toBe('needs_mapping');
    expect(m.missingRequired).toEqual(['full_name|email|phone']);
  });

  it('counts a required field that can be derived as present', () => {
    const m = suggestMapping(['First Name', 'Last Name'], [], getSchema('contact'));
    expect(m.missingRequired).toEqual([]);
  });

  it('gives a repeated column (same header, same values) no field of its own', () => {
    const headers = ['Date', 'Time', 'Number', 'Direction', 'Duration', 'Number (2)'];
    const rows = [0, 1, 2, 3].map((i) => ['10/01/2025', `1:0${i}p`, `(212) 555-100${i}`, i % 2 ? 'IN' : 'OUT', `${i}:30`, `(212) 555-100${i}`]);
    const m = suggestMapping(headers, rows, callRecord);
    expect(byField(m).counterpart_number).toEqual(['Number']);
    expect(m.fields.some((f) => f.sourceHeaders.includes('Number (2)'))).toBe(false);
    expect(m.status).toBe('mapped');
    // a second column of that name holding other values is not a copy, and is weighed as usual
    const other = rows.map((r, i) => [...r.slice(0, 5), `(646) 555-200${i}`]);
    expect(suggestMapping(headers, other, callRecord).fields.some((f) => f.sourceHeaders.includes('Number (2)'))).toBe(true);
  });

  // a PBX's CDR: two party columns, a dialplan context, and many switch-internal columns
  const PBX = ['calldate', 'src', 'dst', 'dcontext', 'channel', 'dstchannel', 'lastapp', 'lastdata', 'duration', 'billsec', 'disposition', 'amaflags', 'uniqueid', 'userfield'];
  const PBX_ROWS = [0, 1, 2, 3, 4, 5].map((i) => [
    `2026-05-0${i + 1} 09:1${i}:00`,
    i % 3 === 2 ? '6175550148' : '204',
    i % 3 === 2 ? '204' : `312555017${i}`,
    i % 3 === 2 ? 'from-trunk' : 'from-internal',
    `SIP/204-0000000${i}`,
    `SIP/carrier-0000000${i}`,
    'Dial',
    `SIP/carrier/312555017${i},60`,
    String(60 + i * 7),
    String(50 + i * 7),
    'ANSWERED',
    'DOCUMENTATION',
    `17780000${i}.${i}`,
    `note ${i}`,
  ]);

  it('accepts a PBX log whose direction only its context codes tell, counting what the party columns give', () => {
    const m = suggestMapping(PBX, PBX_ROWS, callRecord);
    // billsec (talk time) lies within duration (ringing included): it is the call's length
    expect(byField(m)).toMatchObject({ started_at: ['calldate'], counterpart_number: ['dst'], duration_seconds: ['billsec'], direction: ['dcontext'] });
    // the context is read by its values (Enrich reads those codes itself, mapped or not): no reason to ask
    expect(m.fields.find((f) => f.field === 'direction')).toMatchObject({ reason: 'value_pattern' });
    expect(m.fields.find((f) => f.field === 'direction')!.confidence).toBeLessThan(MAPPING_CONFIDENCE_THRESHOLD);
    expect(m.status).toBe('mapped');
  });

  it("reads Asterisk's own column names: start is the call's start, accountcode its account", () => {
    const headers = ['accountcode', 'src', 'dst', 'dcontext', 'clid', 'start', 'answer', 'end', 'duration', 'billsec'];
    const rows = [['INTL', '201', '011442079460958', 'from-internal', '"R" <201>', '2026-04-01 11:00:00', '2026-04-01 11:00:09', '2026-04-01 11:10:09', '609', '600']];
    const m = suggestMapping(headers, [...rows, ...rows], callRecord);
    expect(byField(m)).toMatchObject({ started_at: ['start'], account_number: ['accountcode'] });
    expect(m.fields.find((f) => f.field === 'started_at')!.confidence).toBeGreaterThanOrEqual(MAPPING_CONFIDENCE_THRESHOLD);
  });

  it("takes Twilio's account_sid for the account", () => {
    const twilio = suggestMapping(['sid', 'account_sid', 'to', 'from', 'start_time', 'duration', 'direction'], [
      ['CA11', 'ACa1b2', '+15125550161', '+14155550100', 'Fri, 06 Feb 2026 15:30:00 +0000', '240', 'outbound-api'],
      ['CA12', 'ACa1b2', '+14155550100', '+15125550162', 'Fri, 06 Feb 2026 16:30:00 +0000', '60', 'inbound'],
    ], callRecord);
    expect(byField(twilio).account_number).toEqual(['account_sid']);
  });

  it('still asks when a weak guess is for a field Enrich does not read by itself', () => {
    const m = summarizeMapping(callRecord, [
      { field: 'started_at', sources: [0], sourceHeaders: ['calldate'], confidence: 0.95, reason: 'synonym' },
      { field: 'counterpart_number', sources: [2], sourceHeaders: ['dst'], confidence: 0.9, reason: 'synonym' },
      { field: 'location', sources: [13], sourceHeaders: ['userfield'], confidence: 0.55, reason: 'value_pattern' },
    ]);
    expect(m.status).toBe('needs_mapping');
  });

  it('uses each column at most once and is deterministic', () => {
    const headers = ['Number', 'Phone Number', 'Number Called', 'Date', 'Date'];
    const a = suggestMapping(headers, [], callRecord);
    const b = suggestMapping(headers, [], callRecord);
    expect(a).toEqual(b);
    const used = a.fields.flatMap((f) => f.sources);
    expect(new Set(used).size).toBe(used.length);
    expect(a.fields.find((f) => f.field === 'counterpart_number')?.sourceHeaders).toEqual(['Number Called']);
  });

  it('stays fast on a 10,000-column header', () => {
    const headers = Array.from({ length: 10_000 }, (_, i) => `Column ${i}`);
    headers[9_000] = 'Phone Number';
    headers[9_001] = 'Start Time';
    const started = performance.now();
    const m = suggestMapping(headers, [], callRecord);
    // a guard against quadratic work (pairwise fuzzy matching would take minutes), not a speed target
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(m.fields.map((f) => f.field)).toEqual(['started_at', 'counterpart_number']);
  });
});

describe('scoreSchemas', () => {
  it('picks call_record for carrier exports and contact for a contact list', () => {
    for (const [headers, rows] of [[ATT, ATT_ROWS], [VERIZON, VERIZON_ROWS], [TMOBILE, TMOBILE_ROWS]] as const) {
      const score = scoreSchemas([...headers], rows.map((r) => [...r]));
      expect(score.name).toBe('call_record');
      expect(score.confidence).toBeGreaterThan(0.6);
    }
    const contactScore = scoreSchemas(['First Name', 'Last Name', 'E-mail Address', 'Mobile Phone', 'Job Title', 'Company'], []);
    expect(contactScore.name).toBe('contact');
    expect(contactScore.reason).toContain('6 of 6 columns match contact');
  });

  it('picks company_account for a company list', () => {
    expect(scoreSchemas(['Company Name', 'Website', 'Industry', 'Employees', 'Annual Revenue'], []).name).toBe('company_account');
  });

  it('scores a requested schema, and says what is missing', () => {
    const score = scoreSchema(['First Name', 'Last Name', 'E-mail Address'], [], getSchema('call_record'));
    expect(score.name).toBe('call_record');
    expect(score.confidence).toBeLessThan(0.3);
    expect(() => scoreSchema(['a'], [], getSchema('nope'))).toThrow(UnknownSchemaError);
  });
});

describe('suggestMapping on real-world variants', () => {
  const contact = getSchema('contact');
  const company = getSchema('company_account');

  it('reads German, Spanish, French and Italian headers', () => {
    expect(byField(suggestMapping(['Datum', 'Uhrzeit', 'Rufnummer', 'Dauer', 'Betrag (EUR)'], [], callRecord))).toEqual({
      started_at: ['Datum', 'Uhrzeit'],
      counterpart_number: ['Rufnummer'],
      duration_seconds: ['Dauer'],
      cost_minor: ['Betrag (EUR)'],
    });
    expect(byField(suggestMapping(['Nombre', 'Apellidos', 'Correo electrónico', 'Teléfono', 'Empresa', 'Cargo'], [], contact))).toEqual({
      first_name: ['Nombre'],
      last_name: ['Apellidos'],
      email: ['Correo electrónico'],
      phone: ['Teléfono'],
      title: ['Cargo'],
      company: ['Empresa'],
    });
    expect(byField(suggestMapping(['Raison sociale', "Secteur d'activité", "Chiffre d'affaires", 'Ville'], [], company))).toEqual({
      name: ['Raison sociale'],
      industry: ["Secteur d'activité"],
      annual_revenue: ["Chiffre d'affaires"],
      city: ['Ville'],
    });
  });

  it('does not take a qualifier column ("E-mail 1 - Type", "Contact owner", "Middle Name") for the field it names', () => {
    const headers = ['Given Name', 'Middle Name', 'Family Name', 'E-mail 1 - Type', 'E-mail 1 - Value', 'Contact owner'];
    const rows = [['Jane', 'Q', 'Doe', '* Work', 'jane@acme.com', 'Sam Seller']];
    expect(byField(suggestMapping(headers, rows, contact))).toEqual({ first_name: ['Given Name'], last_name: ['Family Name'], email: ['E-mail 1 - Value'] });
  });

  it('prefers the more specific of two headers for a field ("Job Title" over an Outlook "Title")', () => {
    const m = suggestMapping(['Title', 'First Name', 'Job Title'], [['Ms.', 'Jane', 'CTO']], contact);
    expect(byField(m).title).toEqual(['Job Title']);
  });

  it('of three amount columns under headers naming the currency, takes the charge from the one of the smallest amounts', () => {
    // headers in Cherokee syllables: no word is known, only the currency note and the values speak
    const headers = ['ᎢᏳᏩᎪᏗ', 'ᎠᏕᎳ (UGX)', 'ᏓᏓᏁᎸ (UGX)', 'ᎤᏪᏘ (UGX)'];
    const rows = [
      ['04/11/2026 09:10', '640', '12', '5200'],
      ['04/11/2026 11:25', '710', '30', '5188'],
      ['04/11/2026 15:02', '655', '8', '5158'],
    ];
    const m = suggestMapping(headers, rows, callRecord);
    expect(byField(m).cost_minor).toEqual(['ᏓᏓᏁᎸ (UGX)']);
  });

  it('doubts a header when both of two samples contradict it', () => {
    const m = suggestMapping(['Number Name', 'Digits'], [['Paris Sales', '+33 6 12 34 56 78'], ['Front desk', '+33 1 23 45 67 89']], callRecord);
    expect(byField(m).counterpart_number).not.toEqual(['Number Name']);
  });
});

describe('summarizeMapping', () => {
  it('orders fields by the schema and decides the status', () => {
    const m = summarizeMapping(callRecord, [
      { field: 'counterpart_number', sources: [1], sourceHeaders: ['b'], confidence: 1, reason: 'confirmed' },
      { field: 'started_at', sources: [0], sourceHeaders: ['a'], confidence: 1, reason: 'confirmed' },
    ]);
    expect(m).toMatchObject({ status: 'mapped', confidence: 1, missingRequired: [] });
    expect(m.fields.map((f) => f.field)).toEqual(['started_at', 'counterpart_number']);
    expect(summarizeMapping(callRecord, []).missingRequired).toEqual(['started_at', 'counterpart_number']);
  });
});

describe('fieldAlternatives', () => {
  it('lists the likely columns of each field by header and by values, best first', () => {
    const alts = fieldAlternatives(['Phone', 'Mobile', 'Note'], [['(212) 555-0199', '+1 917 555 2671', 'hello']], getSchema('contact'));
    expect(alts.phone?.map((a) => [a.header, a.why])).toEqual([['Phone', 'synonym'], ['Mobile', 'synonym']]);
    expect(alts.email).toEqual([]);
  });
});

describe('dropOtherPeople', () => {
  const contact = getSchema('contact');
  const field = (name: string) => contact.fields.findIndex((f) => f.name === name);
  // columns: 0 "Owner" (another person), 1 first name, 2 last name
  const values: Record<number, string[]> = {
    0: ['Mart Kask', 'Mart Kask', 'Mart Kask'],
    1: ['Kadri', 'Jaan', 'Liis'],
    2: ['Tamm', 'Saar', 'Mets'],
  };

  it('unmaps a whole name that is another person, and frees its column', () => {
    const fieldColumns = new Map([[field('full_name'), { column: 0, confidence: 0.95 }], [field('first_name'), { column: 1, confidence: 0.95 }], [field('last_name'), { column: 2, confidence: 0.95 }]]);
    const used = new Set([0, 1, 2]);
    expect(dropOtherPeople(contact.fields, fieldColumns, used, (c) => values[c] ?? [])).toEqual([{ field: field('full_name'), column: 0 }]);
    expect(fieldColumns.has(field('full_name'))).toBe(false);
    expect([...used]).toEqual([1, 2]);
  });

  it('keeps the column used while another field still reads it', () => {
    // the same column also feeds the company field: dropping the name must not free it
    const fieldColumns = new Map([
      [field('full_name'), { column: 0, confidence: 0.95 }], [field('first_name'), { column: 1, confidence: 0.95 }], [field('last_name'), { column: 2, confidence: 0.95 }],
      [field('company'), { column: 0, confidence: 0.95 }],
    ]);
    const used = new Set([0, 1, 2]);
    dropOtherPeople(contact.fields, fieldColumns, used, (c) => values[c] ?? []);
    expect(fieldColumns.get(field('company'))).toEqual({ column: 0, confidence: 0.95 });
    expect(used.has(0)).toBe(true);
  });

  it('drops a weaker part instead when the whole name is the surer mapping', () => {
    // an exact "full_name" beside a "form_name" the fuzzy match took for the first name
    const cols: Record<number, string[]> = { 0: ['Dana Whitfield', 'Luis Ortega', 'Chloé Tremblay'], 1: ['Fleet demo form', 'Fleet demo form', 'Fleet demo form'] };
    const fieldColumns = new Map([[field('full_name'), { column: 0, confidence: 1 }], [field('first_name'), { column: 1, confidence: 0.74 }]]);
    const used = new Set([0, 1]);
    expect(dropOtherPeople(contact.fields, fieldColumns, used, (c) => cols[c] ?? [])).toEqual([{ field: field('first_name'), column: 1 }]);
    expect(fieldColumns.has(field('full_name'))).toBe(true);
    expect([...used]).toEqual([0]);
  });
});

describe('the line whose log it is, and lengths of time', () => {
  const rows = [
    ['+37060000011', '2026-09-14 07:58', '+37061000022', '252', '260'],
    ['+37060000011', '2026-09-14 09:10', '+37062000033', '48', '51'],
    ['+37060000011', '2026-09-15 12:00', '+37061000022', '95', '99'],
  ];

  it('offers a phone column with one number on every row as the subscriber line, by its values, for a person to confirm', () => {
    const m = suggestMapping(['Kolonėlė 1', 'Data', 'Pašnekovo numeris', 'Trukmė', 'Iš viso'], rows, callRecord);
    const line = m.fields.find((f) => f.field === 'subscriber_number');
    expect(line?.sourceHeaders).toEqual(['Kolonėlė 1']);
    expect(line?.reason).toBe('value_pattern');
    expect(line!.confidence).toBeLessThan(MAPPING_CONFIDENCE_THRESHOLD);
    expect(m.status).toBe('needs_mapping');
  });

  it('does not take a handset identifier, a version date or a CDR with calling and called columns for the line', () => {
    const imei = suggestMapping(['IMEI', 'Data', 'Pašnekovo numeris', 'Trukmė'], rows.map((r) => ['35693803564380', r[1]!, r[2]!, r[3]!]), callRecord);
    expect(byField(imei).subscriber_number).toBeUndefined();
    const version = suggestMapping(['api_version', 'Data', 'Pašnekovo numeris', 'Trukmė'], rows.map((r) => ['2010-04-01', r[1]!, r[2]!, r[3]!]), callRecord);
    expect(byField(version).subscriber_number).toBeUndefined();
    // the line comes from the calling/called pair, call by call (call-semantics.ts)
    const cdr = suggestMapping(['Start Time', 'Calling Number', 'Called Number', 'Duration', 'Kolonėlė 1'], rows.map((r) => [r[1]!, r[0]!, r[2]!, r[3]!, '+37069999999']), callRecord);
    expect(byField(cdr).subscriber_number).not.toEqual(['Kolonėlė 1']);
  });

  it('asks a person when the line is taken from one column and another holds one number on every row too', () => {
    const two = rows.map((r) => ['30000101', ...r]);
    const m = suggestMapping(['Abonento numeris', 'Kolonėlė 1', 'Data', 'Pašnekovo numeris', 'Trukmė', 'Iš viso'], two, callRecord);
    expect(byField(m).subscriber_number).toEqual(['Abonento numeris']);
    expect(m.status).toBe('needs_mapping');
    expect(m.warnings?.find((w) => w.code === 'unsettled_fields')?.message).toContain('subscriber_number <- "Kolonėlė 1" (one number on every row)');
  });

  it('never reads a charge from a column whose header is a length of time ("total_duration")', () => {
    const m = suggestMapping(['internal_number', 'date_started', 'external_number', 'talk_duration', 'total_duration'], rows, callRecord);
    expect(byField(m).duration_seconds).toEqual(['talk_duration']);
    expect(byField(m).cost_minor).toBeUndefined();
  });
});
