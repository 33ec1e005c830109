import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import type { MappingResult } from '../../functions/core/pipeline-types.ts';
import { createRecordBuilder, type RecordBuilder } from '../../functions/core/records/build-record.ts';
import { recordValidator } from '../../functions/core/schemas/record-validator.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';
import { parseSchemaDefinition } from '../../functions/core/schemas/schema-definition.ts';

const callRecord = getSchema('call_record');
const contact = getSchema('contact');
const validateCall = recordValidator(callRecord);

const ATT = ['Item', 'Day', 'Date', 'Time', 'Number Called', 'Call To/From?', 'Min', 'Rate Code', 'Rate Pd', 'Feature', 'Airtime Charge', "LD/Add'l Charges", 'Total Charge'];
const attRow = (over: Partial<Record<number, string>> = {}): string[] => {
  const row = ['1', 'Mon', '11/03/2025', '2:05PM', '212-555-0199', 'NEW YORK NY', '5', 'NW', 'PK', '', '0.00', '0.00', '$1.25'];
  for (const [i, v] of Object.entries(over)) row[Number(i)] = v!;
  return row;
};
const attMapping = suggestMapping(ATT, [attRow()], callRecord);
// Builders are compiled at each call, inside the tests: a compile step that throws or goes wrong
// then fails the tests that use it (mutation testing counts a file that fails to load as passing).
const buildAtt: RecordBuilder = (cells, row) => createRecordBuilder(attMapping, callRecord, { timezone: 'America/New_York' }, ATT)(cells, row);

const GENERIC = ['Start Time', 'Phone Number', 'Duration', 'Direction', 'Type', 'Cost', 'Currency', 'Account'];
const genericMapping = suggestMapping(GENERIC, [], callRecord);
const buildGeneric: RecordBuilder = (cells, row) => createRecordBuilder(genericMapping, callRecord, {}, GENERIC)(cells, row);

describe('createRecordBuilder', () => {
  it('builds an AT&T row into a typed call record', () => {
    const r = buildAtt(attRow(), 7);
    expect(r).toEqual({
      ok: true,
      record: {
        started_at: '2025-11-03T19:05:00Z',
        counterpart_number: '+12125550199',
        counterpart_number_region: 'US',
        counterpart_number_line_type: 'fixed_line_or_mobile',
        duration_seconds: 300,
        // no type column: the columns (minutes, airtime, "Number Called") are a voice log's
        record_type: 'voice',
        // nothing marks it incoming, and the number is the one the line called
        direction: 'outbound',
        location: 'NEW YORK NY',
        cost_minor: 125,
        cost_micros: 1_250_000,
        currency: 'USD',
      },
    });
    expect(r.ok && validateCall.safeParse(r.record).success).toBe(true);
  });

  it('reads bare durations under a "Min" header as minutes and under "Duration" as seconds', () => {
    const att = buildAtt(attRow({ 6: '12' }), 2);
    expect(att.ok && att.record.duration_seconds).toBe(720);
    const generic = buildGeneric(['2025-11-03 14:05:09', '2125550199', '754', 'In', 'Call', '0.10', '', ''], 2);
    expect(generic.ok && generic.record.duration_seconds).toBe(754);
  });

  it('applies the defaults (UTC, US, USD) and normalises codes, money and currency', () => {
    const r = buildGeneric(['2025-11-03 14:05:09', '+44 20 7946 0958', '1:02:03', 'Incoming', 'TXT', '€0,50', '', 'ACCT-1'], 3);
    expect(r.ok).toBe(true);
    expect(r.ok && r.record).toMatchObject({
      started_at: '2025-11-03T14:05:09Z',
      counterpart_number: '+442079460958',
      direction: 'inbound',
      record_type: 'sms',
      duration_seconds: 3723,
      cost_minor: 50,
      currency: 'EUR',
      account_number: 'ACCT-1',
    });
  });

  it('uses a mapped currency column for amounts without a symbol', () => {
    const r = buildGeneric(['2025-11-03 14:05:09', '2125550199', '60', 'Out', 'Voice', '100', 'jpy', ''], 2);
    expect(r.ok && r.record).toMatchObject({ cost_minor: 100, currency: 'JPY' });
  });

  it('reads national numbers in the job region', () => {
    const gb = createRecordBuilder(genericMapping, callRecord, { defaultRegion: 'GB', timezone: 'Europe/London', defaultCurrency: 'GBP' }, GENERIC);
    const r = gb(['2025-07-03 14:05:09', '020 7946 0958', '60', 'Out', 'Voice', '0.10', '', ''], 2);
    expect(r.ok && r.record).toMatchObject({
      started_at: '2025-07-03T13:05:09Z',
      counterpart_number: '+442079460958',
      counterpart_number_region: 'GB',
      counterpart_number_line_type: 'fixed_line',
      cost_minor: 10,
      currency: 'GBP',
    });
  });

  it('reads national numbers, numeric dates, clock times and bare amounts in the region the file showed when the job names none', () => {
    const row = ['01/10/2026 08:15:02', '06 12 34 56 78', '60', 'Out', 'Voice', '1,50', '', ''];
    const fromFile = { ...genericMapping, region: { region: 'FR', evidence: 'national numbers' } };
    const fr = createRecordBuilder(fromFile, callRecord, {}, GENERIC)(row, 2);
    // 1 October, 08:15 in Paris (summer time); euros
    expect(fr.ok && fr.record).toMatchObject({ started_at: '2026-10-01T06:15:02Z', counterpart_number: '+33612345678', counterpart_number_region: 'FR', cost_minor: 150, currency: 'EUR' });
    // what the job names wins over what the file showed
    const named = createRecordBuilder(fromFile, callRecord, { timezone: 'UTC', defaultCurrency: 'CHF' }, GENERIC)(row, 2);
    expect(named.ok && named.record).toMatchObject({ started_at: '2026-10-01T08:15:02Z', counterpart_number: '+33612345678', currency: 'CHF' });
    const us = createRecordBuilder(fromFile, callRecord, { defaultRegion: 'US' }, GENERIC)(row, 2);
    expect(us.ok && us.record).toMatchObject({ started_at: '2026-01-10T08:15:02Z', counterpart_number: '+10612345678', currency: 'USD' });
  });

  it('keeps SMS short codes as digits with line type short_code', () => {
    const r = buildGeneric(['2025-11-03 14:05:09', '12345', '0', 'Received', 'SMS', '', '', ''], 2);
    expect(r.ok && r.record).toMatchObject({ counterpart_number: '12345', counterpart_number_line_type: 'short_code' });
    expect(r.ok && validateCall.safeParse(r.record).success).toBe(true);
  });

  it('rejects a row whose required phone number is invalid, naming row, column, value and reason', () => {
    expect(buildAtt(attRow({ 4: '555-1234' }), 12)).toEqual({
      ok: false,
      errors: [{ row: 12, column: 'Number Called', value: '555-1234', reason: 'too few digits for US' }],
    });
  });

  it('rejects a row whose required field is empty', () => {
    expect(buildAtt(attRow({ 4: '' }), 4)).toEqual({
      ok: false,
      errors: [{ row: 4, column: 'Number Called', value: '', reason: 'required field is empty' }],
    });
  });

  it('rejects an invalid date, reporting the combined Date + Time columns', () => {
    expect(buildAtt(attRow({ 2: '13/45/2025' }), 5)).toEqual({
      ok: false,
      errors: [{ row: 5, column: 'Date + Time', value: '13/45/2025 2:05PM', reason: 'not a recognised date' }],
    });
  });

  it('reports every failing required field of a row', () => {
    const r = buildAtt(attRow({ 2: '', 4: 'Private' }), 9);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.reason)).toEqual(['required field is empty', 'number withheld']);
  });

  it('rejects ragged rows with the expected and found column counts', () => {
    expect(buildAtt([...attRow(), 'x', 'y'], 3)).toEqual({ ok: false, errors: [{ row: 3, reason: 'expected 13 columns, found 15' }] });
    expect(buildAtt(attRow().slice(0, 7), 3)).toEqual({ ok: false, errors: [{ row: 3, reason: 'expected 13 columns, found 7' }] });
  });

  it('tolerates a trailing delimiter (extra blank cells)', () => {
    expect(buildAtt([...attRow(), ''], 3).ok).toBe(true);
  });

  it('rejects a row of blank cells as an empty row', () => {
    expect(buildAtt(ATT.map(() => ''), 8)).toEqual({ ok: false, errors: [{ row: 8, reason: 'empty row' }] });
    expect(buildAtt([''], 8)).toEqual({ ok: false, errors: [{ row: 8, reason: 'empty row' }] });
  });

  it('keeps a row with an invalid optional field, leaving the field out and warning', () => {
    const r = buildAtt(attRow({ 6: 'lots', 12: 'ten bucks' }), 6);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record).not.toHaveProperty('duration_seconds');
    expect(r.record).not.toHaveProperty('cost_minor');
    expect(r.record).not.toHaveProperty('currency');
    expect(r.warnings).toEqual([
      { row: 6, column: 'Min', value: 'lots', reason: 'not a duration' },
      { row: 6, column: 'Total Charge', value: 'ten bucks', reason: 'not an amount' },
    ]);
  });

  it('warns about enum values it cannot read', () => {
    const r = buildGeneric(['2025-11-03 14:05:09', '2125550199', '60', 'Sideways', 'Voice', '', '', ''], 2);
    expect(r.ok && r.warnings).toEqual([{ row: 2, column: 'Direction', value: 'Sideways', reason: 'not one of inbound, outbound' }]);
  });

  it('rejects every row when a required field is not mapped', () => {
    const partial: MappingResult = { ...attMapping, fields: attMapping.fields.filter((f) => f.field !== 'counterpart_number') };
    const build = createRecordBuilder(partial, callRecord, {}, ATT);
    expect(build(attRow(), 2)).toEqual({
      ok: false,
      errors: [{ row: 2, column: 'counterpart_number', reason: 'required field "counterpart_number" has no mapped column' }],
    });
  });

  it('refuses a mapping that does not fit the file or the schema', () => {
    const outOfRange: MappingResult = { ...attMapping, fields: [{ field: 'location', sources: [40], sourceHeaders: ['X'], confidence: 1, reason: 'exact' }] };
    expect(() => createRecordBuilder(outOfRange, callRecord, {}, ATT)).toThrow('reads column 40, but the file has 13 columns');
    const unknown: MappingResult = { ...attMapping, fields: [{ field: 'colour', sources: [0], sourceHeaders: ['Item'], confidence: 1, reason: 'exact' }] };
    expect(() => createRecordBuilder(unknown, callRecord, {}, ATT)).toThrow('does not have');
    expect(() => createRecordBuilder(attMapping, callRecord, { timezone: 'Nowhere/Special' }, ATT)).toThrow('Unknown time zone');
  });

  it('builds contacts with derived full name and company domain', () => {
    const headers = ['First Name', 'Last Name', 'E-mail Address', 'Mobile Phone', 'Job Title', 'Company'];
    const build = createRecordBuilder(suggestMapping(headers, [], contact), contact, {}, headers);
    const r = build(['Jane', 'Doe', ' Jane.Doe@Acme.COM ', '(415) 555-2671', 'CTO', 'Acme'], 2);
    expect(r).toEqual({
      ok: true,
      record: {
        first_name: 'Jane',
        last_name: 'Doe',
        email: 'jane.doe@acme.com',
        phone: '+14155552671',
        phone_region: 'US',
        phone_line_type: 'fixed_line_or_mobile',
        title: 'CTO',
        company: 'Acme',
        full_name: 'Jane Doe',
        domain: 'acme.com',
      },
    });
    expect(r.ok && recordValidator(contact).safeParse(r.record).success).toBe(true);
    const gmail = build(['Bob', '', 'bob@gmail.com', '', '', ''], 3);
    expect(gmail.ok && gmail.record).toEqual({ first_name: 'Bob', email: 'bob@gmail.com', full_name: 'Bob' });
  });

  it('splits a full name into first and last when only the full name is mapped', () => {
    const headers = ['Name', 'Email'];
    const build = createRecordBuilder(suggestMapping(headers, [], contact), contact, {}, headers);
    expect(build(['Doe, Jane', ''], 2)).toEqual({ ok: true, record: { full_name: 'Doe, Jane', first_name: 'Jane', last_name: 'Doe' } });
  });

  it('rejects a contact with none of name, e-mail or phone', () => {
    const headers = ['First Name', 'Email', 'Job Title'];
    const build = createRecordBuilder(suggestMapping(headers, [], contact), contact, {}, headers);
    expect(build(['', 'not-an-email', 'CTO'], 4)).toEqual({
      ok: false,
      errors: [
        { row: 4, reason: 'needs one of: full_name, email, phone' },
        { row: 4, column: 'Email', value: 'not-an-email', reason: 'not an e-mail address' },
      ],
    });
  });

  it('splits list cells and parses counts for company accounts', () => {
    const schema = getSchema('company_account');
    const headers = ['Company Name', 'Website', '# Employees', 'Annual Revenue', 'Technologies'];
    const build = createRecordBuilder(suggestMapping(headers, [], schema), schema, {}, headers);
    const r = build(['Acme Inc', 'https://www.acme.com/about', '1,200', '$1.2M', 'AWS, Salesforce; HubSpot | AWS'], 2);
    expect(r).toEqual({
      ok: true,
      record: { name: 'Acme Inc', domain: 'acme.com', employee_count: 1200, annual_revenue: 1_200_000, technologies: ['AWS', 'Salesforce', 'HubSpot'] },
    });
    expect(r.ok && recordValidator(schema).safeParse(r.record).success).toBe(true);
  });
});

describe('createRecordBuilder with a custom schema and validation rules', () => {
  const invoice = parseSchemaDefinition({
    name: 'invoice_line',
    fields: [
      { name: 'invoice_number', type: 'string', required: true, validation: { pattern: '^INV-\\d+$' } },
      { name: 'amount', type: 'money', required: true, validation: { min: 0 } },
      { name: 'note', type: 'string', validation: { maxLength: 5 } },
    ],
  });
  const headers = ['No', 'Amount', 'Note'];
  const build: RecordBuilder = (cells, row) => createRecordBuilder(
    {
      status: 'mapped',
      schema: 'invoice_line',
      confidence: 1,
      missingRequired: [],
      fields: ['invoice_number', 'amount', 'note'].map((field, i) => ({ field, sources: [i], sourceHeaders: [headers[i]!], confidence: 1, reason: 'confirmed' })),
    },
    invoice,
    { defaultCurrency: 'EUR' },
    headers,
  )(cells, row);

  it('writes values that keep the rules', () => {
    expect(build(['INV-7', '12.50', 'ok'], 2)).toEqual({ ok: true, record: { invoice_number: 'INV-7', amount: 1250, currency: 'EUR', note: 'ok' } });
  });

  it('rejects a row whose required value breaks a rule, and drops an optional one with a warning', () => {
    expect(build(['7', '12.50', ''], 3)).toEqual({ ok: false, errors: [{ row: 3, column: 'No', value: '7', reason: 'does not match ^INV-\\d+$' }] });
    expect(build(['INV-7', '-1.00', ''], 4)).toMatchObject({ ok: false, errors: [{ column: 'Amount', reason: 'less than 0' }] });
    expect(build(['INV-7', '1.00', 'too long'], 5)).toEqual({
      ok: true,
      record: { invoice_number: 'INV-7', amount: 100, currency: 'EUR' },
      warnings: [{ row: 5, column: 'Note', value: 'too long', reason: 'longer than 5 characters' }],
    });
  });
});
