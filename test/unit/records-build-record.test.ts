import { describe, expect, it } from 'vitest';
import type { EnumValueMap, FieldMapping, MappingResult } from '../../functions/core/pipeline-types.ts';
import { createRecordBuilder, type BuildRecordResult } from '../../functions/core/records/build-record.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';
import { parseSchemaDefinition } from '../../functions/core/schemas/schema-definition.ts';
import type { FieldTransform } from '../../functions/core/templates/transforms.ts';

// The builder's own decisions, on small custom schemas: which options apply, which mappings
// it refuses, where a currency comes from, and whether a row is written, written with a
// warning, or rejected with every reason. A wrong decision here loses or bends a row.

type Source = number | { sources: number[]; transforms: FieldTransform[] };
const schemaOf = (fields: Record<string, unknown>[], requireAnyOf?: string[][]) =>
  parseSchemaDefinition({ name: 'rows', fields, ...(requireAnyOf !== undefined ? { requireAnyOf } : {}) });
const mappingOf = (headers: string[], by: Record<string, Source>, valueMaps?: EnumValueMap[]): MappingResult => ({
  status: 'mapped',
  schema: 'rows',
  confidence: 1,
  missingRequired: [],
  fields: Object.entries(by).map(([field, s]): FieldMapping => {
    const sources = typeof s === 'number' ? [s] : s.sources;
    return {
      field,
      sources,
      sourceHeaders: sources.map((i) => headers[i]!),
      confidence: 1,
      reason: 'confirmed',
      ...(typeof s === 'number' ? {} : { transforms: s.transforms }),
    };
  }),
  ...(valueMaps !== undefined ? { valueMaps } : {}),
});
/** Builds one row; the builder is compiled here, inside the test. */
function build(
  fields: Record<string, unknown>[],
  headers: string[],
  by: Record<string, Source>,
  cells: string[],
  more: { options?: Parameters<typeof createRecordBuilder>[2]; sample?: string[][]; statementDate?: string; requireAnyOf?: string[][]; valueMaps?: EnumValueMap[] } = {},
): BuildRecordResult {
  const builder = createRecordBuilder(
    mappingOf(headers, by, more.valueMaps),
    schemaOf(fields, more.requireAnyOf),
    more.options ?? {},
    headers,
    more.sample,
    more.statementDate !== undefined ? { statementDate: more.statementDate } : {},
  );
  return builder(cells, 7);
}

describe('createRecordBuilder: job options', () => {
  const fields = [
    { name: 'at', type: 'datetime' },
    { name: 'p', type: 'phone' },
    { name: 'm', type: 'money' },
  ];
  const headers = ['At', 'Phone', 'Amount'];
  const by = { at: 0, p: 1, m: 2 };

  it('reads naive times in UTC, national numbers in the US and bare amounts in USD when the job says nothing', () => {
    expect(build(fields, headers, by, ['2025-01-02 03:04:05', '(415) 555-2671', '1.50'])).toEqual({
      ok: true,
      record: { at: '2025-01-02T03:04:05Z', p: '+14155552671', p_region: 'US', p_line_type: 'fixed_line_or_mobile', m: 150, currency: 'USD' },
    });
  });

  it('takes the region and currency of the job in any case', () => {
    const r = build(fields, headers, by, ['2025-07-02 03:04:05', '020 7946 0958', '1000'], {
      options: { timezone: 'Europe/London', defaultRegion: 'gb', defaultCurrency: 'jpy' },
    });
    expect(r).toMatchObject({ ok: true, record: { at: '2025-07-02T02:04:05Z', p: '+442079460958', p_region: 'GB', m: 1000, currency: 'JPY' } });
  });

  it('refuses an unknown time zone when compiling', () => {
    expect(() => build(fields, headers, by, ['', '', ''], { options: { timezone: 'Mars/Olympus' } })).toThrow('Unknown time zone "Mars/Olympus" in job options');
  });

  it('dates a row printed without a year by the statement date', () => {
    const dates = [{ name: 'd', type: 'date' }];
    expect(build(dates, ['Date'], { d: 0 }, ['12/28'], { statementDate: '2026-01-20' })).toEqual({ ok: true, record: { d: '2025-12-28' } });
    expect(build(dates, ['Date'], { d: 0 }, ['12/28'])).toMatchObject({ ok: true, record: {}, warnings: [{ column: 'Date', value: '12/28' }] });
  });

  it('reads numeric dates in the order the sample rows show', () => {
    const dates = [{ name: 'd', type: 'date' }];
    expect(build(dates, ['Date'], { d: 0 }, ['01/04/2025'], { sample: [['13/04/2025'], ['01/04/2025']] })).toEqual({ ok: true, record: { d: '2025-04-01' } });
    expect(build(dates, ['Date'], { d: 0 }, ['01/04/2025'])).toEqual({ ok: true, record: { d: '2025-01-04' } });
  });
});

describe('createRecordBuilder: mappings it refuses', () => {
  const fields = [{ name: 'a', type: 'string' }, { name: 'b', type: 'string' }];
  const headers = ['A', 'B'];

  it('refuses a source column that is not a column of the file', () => {
    for (const s of [-1, 2, 1.5, Number.NaN]) {
      expect(() => build(fields, headers, { a: { sources: [s], transforms: [] } }, ['x', 'y']), String(s)).toThrow(`reads column ${s}, but the file has 2 columns`);
    }
    expect(build(fields, headers, { a: 0, b: 1 }, ['x', 'y'])).toEqual({ ok: true, record: { a: 'x', b: 'y' } });
  });

  it('refuses a field without a source column unless it has a default, which fills every row', () => {
    expect(() => build(fields, headers, { a: { sources: [], transforms: [] } }, ['x', 'y'])).toThrow('Mapping for field "a" has no source column');
    expect(() => build(fields, headers, { a: { sources: [], transforms: [{ kind: 'regex', pattern: 'x' }] } }, ['x', 'y'])).toThrow('has no source column');
    expect(build(fields, headers, { a: { sources: [], transforms: [{ kind: 'default', value: 'import' }] }, b: 1 }, ['x', 'y'])).toEqual({
      ok: true,
      record: { a: 'import', b: 'y' },
    });
  });

  it('refuses a field the schema does not have', () => {
    expect(() => build(fields, headers, { c: 0 }, ['x', 'y'])).toThrow('Mapping names field "c", which schema "rows" does not have');
  });
});

describe('createRecordBuilder: where a money field takes its currency', () => {
  const fields = [
    { name: 'amount', type: 'money' },
    { name: 'currency', type: 'string' },
  ];
  const headers = ['Amount (USD)', 'Currency'];

  it('takes the currency column of the row, which is no field of its own then', () => {
    expect(build(fields, headers, { amount: 0, currency: 1 }, ['1000', 'jpy'])).toEqual({ ok: true, record: { amount: 1000, currency: 'JPY' } });
    // the one problem is the amount's: the currency column is not read a second time
    expect(build(fields, headers, { amount: 0, currency: 1 }, ['12.50', 'Euro'])).toEqual({
      ok: true,
      record: {},
      warnings: [{ row: 7, column: 'Amount (USD)', value: '12.50', reason: 'unknown currency "Euro"' }],
    });
  });

  it('does the same for a currency field the money field names', () => {
    const named = [
      { name: 'fee', type: 'money', currencyField: 'fee_currency' },
      { name: 'fee_currency', type: 'string' },
    ];
    expect(build(named, headers, { fee: 0, fee_currency: 1 }, ['1000', 'jpy'])).toEqual({ ok: true, record: { fee: 1000, fee_currency: 'JPY' } });
    expect(build(named, headers, { fee: 0, fee_currency: 1 }, ['12.50', 'Euro'])).toMatchObject({ ok: true, record: {}, warnings: [{ reason: 'unknown currency "Euro"' }] });
  });

  it('scales the amount by the currency a transformed currency column gives', () => {
    const yen = { sources: [1], transforms: [{ kind: 'value_map', map: { Yen: 'JPY' } }] as FieldTransform[] };
    expect(build(fields, headers, { amount: 0, currency: yen }, ['1000', 'Yen'])).toEqual({ ok: true, record: { amount: 1000, currency: 'JPY' } });
    expect(build(fields, headers, { amount: 0, currency: yen }, ['12.50', 'usd'])).toEqual({ ok: true, record: { amount: 1250, currency: 'USD' } });
  });

  it('gives every amount a constant currency (a default without a column), over the header', () => {
    const eur = { sources: [], transforms: [{ kind: 'default', value: 'eur' }] as FieldTransform[] };
    expect(build(fields, headers, { amount: 0, currency: eur }, ['12.50', 'x'])).toEqual({ ok: true, record: { amount: 1250, currency: 'EUR' } });
    expect(build(fields, headers, { amount: 0, currency: eur }, ['', 'x'])).toEqual({ ok: true, record: {} });
  });

  it('finds the constant among other transforms of a currency without a column', () => {
    const yen = { sources: [], transforms: [{ kind: 'value_map', map: { x: 'y' } }, { kind: 'default', value: 'jpy' }] as FieldTransform[] };
    expect(build(fields, headers, { amount: 0, currency: yen }, ['1000', 'x'])).toEqual({ ok: true, record: { amount: 1000, currency: 'JPY' } });
  });

  it('reports a constant currency that is no code, and keeps the amount in the currency of the header', () => {
    const euro = { sources: [], transforms: [{ kind: 'default', value: 'Euro' }] as FieldTransform[] };
    expect(build(fields, headers, { amount: 0, currency: euro }, ['12.50', 'x'])).toEqual({
      ok: true,
      record: { amount: 1250, currency: 'USD' },
      warnings: [{ row: 7, column: 'currency', value: '', reason: 'not an ISO 4217 currency code' }],
    });
  });

  it('reads a currency column without its amount as a code, and any other text field as it is', () => {
    expect(build(fields, headers, { currency: 1 }, ['x', ' eur '])).toEqual({ ok: true, record: { currency: 'EUR' } });
    const other = [{ name: 'amount', type: 'money' }, { name: 'note', type: 'string' }];
    expect(build(other, headers, { note: 1 }, ['x', 'eur'])).toEqual({ ok: true, record: { note: 'eur' } });
    const twoMoney = [
      { name: 'note', type: 'string' },
      { name: 'amount', type: 'money' },
      { name: 'fee', type: 'money', currencyField: 'note' },
    ];
    expect(build(twoMoney, ['Note', 'Amount'], { note: 0 }, ['gbp', 'x'])).toEqual({ ok: true, record: { note: 'GBP' } });
    // a field called "currency" in a schema without money is text like any other
    expect(build([{ name: 'currency', type: 'string' }], ['Currency'], { currency: 0 }, ['eur'])).toEqual({ ok: true, record: { currency: 'eur' } });
  });
});

describe('createRecordBuilder: enum values read by a person', () => {
  const fields = [
    { name: 'status', type: 'enum', enumValues: ['open', 'closed'] },
    { name: 'note', type: 'string' },
  ];
  const valueMaps: EnumValueMap[] = [
    { field: 'status', column: 'Status', values: { Offen: 'open', Zu: 'closed' }, by: { Offen: 'person', Zu: 'rules' } },
    { field: 'note', column: 'Note', values: { Offen: 'open' }, by: { Offen: 'person' } },
  ];

  it('takes their answers for an enum column, and nothing else', () => {
    expect(build(fields, ['Status', 'Note'], { status: 0, note: 1 }, ['Offen', 'Offen'], { valueMaps })).toEqual({ ok: true, record: { status: 'open', note: 'Offen' } });
    expect(build(fields, ['Status', 'Note'], { status: 0 }, ['Zu', ''], { valueMaps })).toMatchObject({ ok: true, warnings: [{ value: 'Zu', reason: 'not one of open, closed' }] });
  });
});

describe('createRecordBuilder: which rows are written', () => {
  const fields = [
    { name: 'id', type: 'string', required: true },
    { name: 'n', type: 'integer' },
  ];
  const headers = ['Id', 'N'];
  const by = { id: 0, n: 1 };

  it('writes a clean row without a warnings key', () => {
    const r = build(fields, headers, by, ['a', '3']);
    expect(r).toStrictEqual({ ok: true, record: { id: 'a', n: 3 } });
  });

  it('rejects a short row, and a long one unless its extra cells are blank', () => {
    expect(build(fields, headers, by, ['a'])).toEqual({ ok: false, errors: [{ row: 7, reason: 'expected 2 columns, found 1' }] });
    expect(build(fields, headers, by, ['a', '3', 'x'])).toEqual({ ok: false, errors: [{ row: 7, reason: 'expected 2 columns, found 3' }] });
    expect(build(fields, headers, by, ['a', '3', '', ' '])).toStrictEqual({ ok: true, record: { id: 'a', n: 3 } });
    expect(build(fields, headers, by, ['a', '', ''])).toStrictEqual({ ok: true, record: { id: 'a' } });
    expect(build(fields, headers, by, ['', '', 'x'])).toEqual({ ok: false, errors: [{ row: 7, reason: 'expected 2 columns, found 3' }] });
  });

  it('rejects a row of blank cells as empty, whatever its width', () => {
    expect(build(fields, headers, by, [' ', ''])).toEqual({ ok: false, errors: [{ row: 7, reason: 'empty row' }] });
    expect(build(fields, headers, by, [])).toEqual({ ok: false, errors: [{ row: 7, reason: 'empty row' }] });
  });

  it('rejects a row whose required field is blank or invalid, and lists its warnings after its errors', () => {
    const typed = [{ name: 'id', type: 'integer', required: true }, { name: 'n', type: 'integer' }];
    expect(build(typed, headers, by, ['', 'x'])).toEqual({
      ok: false,
      errors: [
        { row: 7, column: 'Id', value: '', reason: 'required field is empty' },
        { row: 7, column: 'N', value: 'x', reason: expect.any(String) },
      ],
    });
    expect(build(typed, headers, by, ['y', '2'])).toEqual({ ok: false, errors: [{ row: 7, column: 'Id', value: 'y', reason: expect.any(String) }] });
  });

  it('lists the problems of required fields in the order of the schema, blank or invalid', () => {
    const two = [{ name: 'a', type: 'integer', required: true }, { name: 'b', type: 'integer', required: true }];
    expect(build(two, headers, { a: 0, b: 1 }, ['', 'x'])).toEqual({
      ok: false,
      errors: [
        { row: 7, column: 'Id', value: '', reason: 'required field is empty' },
        { row: 7, column: 'N', value: 'x', reason: expect.any(String) },
      ],
    });
    expect(build(two, headers, { a: 0, b: 1 }, ['x', ''])).toEqual({
      ok: false,
      errors: [
        { row: 7, column: 'Id', value: 'x', reason: expect.any(String) },
        { row: 7, column: 'N', value: '', reason: 'required field is empty' },
      ],
    });
  });

  it('writes a row whose optional field is invalid, warning about it', () => {
    expect(build(fields, headers, by, ['a', 'x'])).toStrictEqual({
      ok: true,
      record: { id: 'a' },
      warnings: [{ row: 7, column: 'N', value: 'x', reason: expect.any(String) }],
    });
  });

  it('rejects every row while a required field is unmapped', () => {
    expect(build(fields, headers, { n: 1 }, ['a', '3'])).toEqual({
      ok: false,
      errors: [{ row: 7, column: 'id', reason: 'required field "id" has no mapped column' }],
    });
  });
});

describe('createRecordBuilder: required fields some records do without', () => {
  const fields = [
    { name: 'kind', type: 'enum', enumValues: ['call', 'data'] },
    { name: 'party', type: 'integer', required: true, requiredUnless: { field: 'kind', in: ['data'] } },
  ];
  const headers = ['Kind', 'Party'];
  const by = { kind: 0, party: 1 };

  it('writes a blank one when the record is of the kind that does without, silently', () => {
    expect(build(fields, headers, by, ['data', ''])).toStrictEqual({ ok: true, record: { kind: 'data' } });
    expect(build(fields, headers, by, ['call', ''])).toEqual({ ok: false, errors: [{ row: 7, column: 'Party', value: '', reason: 'required field is empty' }] });
  });

  it('writes an invalid one with a warning when the record does without, and rejects it otherwise', () => {
    expect(build(fields, headers, by, ['data', 'x'])).toStrictEqual({
      ok: true,
      record: { kind: 'data' },
      warnings: [{ row: 7, column: 'Party', value: 'x', reason: expect.any(String) }],
    });
    expect(build(fields, headers, by, ['call', 'x'])).toEqual({ ok: false, errors: [{ row: 7, column: 'Party', value: 'x', reason: expect.any(String) }] });
    expect(build(fields, headers, by, ['call', '5'])).toStrictEqual({ ok: true, record: { kind: 'call', party: 5 } });
  });
});

describe('createRecordBuilder: required fields a derivation fills', () => {
  const fields = [
    { name: 'email', type: 'email' },
    { name: 'domain', type: 'domain', required: true, derive: { kind: 'domain_from_email', from: 'email' } },
  ];
  const headers = ['Email', 'Domain'];

  it('fills a blank or unmapped one from the row', () => {
    expect(build(fields, headers, { email: 0, domain: 1 }, ['a@acme.com', ''])).toStrictEqual({ ok: true, record: { email: 'a@acme.com', domain: 'acme.com' } });
    expect(build(fields, headers, { email: 0 }, ['a@acme.com', ''])).toStrictEqual({ ok: true, record: { email: 'a@acme.com', domain: 'acme.com' } });
  });

  it('keeps its own value over the derived one', () => {
    expect(build(fields, headers, { email: 0, domain: 1 }, ['a@acme.com', 'acme.org'])).toStrictEqual({ ok: true, record: { email: 'a@acme.com', domain: 'acme.org' } });
  });

  it('fills an invalid one with a warning about its cell, and rejects the row with that problem when nothing fills it', () => {
    expect(build(fields, headers, { email: 0, domain: 1 }, ['a@acme.com', 'not a domain!'])).toStrictEqual({
      ok: true,
      record: { email: 'a@acme.com', domain: 'acme.com' },
      warnings: [{ row: 7, column: 'Domain', value: 'not a domain!', reason: expect.any(String) }],
    });
    expect(build(fields, headers, { email: 0, domain: 1 }, ['', 'not a domain!'])).toEqual({
      ok: false,
      errors: [{ row: 7, column: 'Domain', value: 'not a domain!', reason: expect.any(String) }],
    });
  });

  it('rejects a row it cannot fill, naming the field', () => {
    expect(build(fields, headers, { email: 0, domain: 1 }, ['', ' ', ])).toEqual({ ok: false, errors: [{ row: 7, reason: 'empty row' }] });
    expect(build([...fields, { name: 'x', type: 'string' }], [...headers, 'X'], { email: 0, domain: 1, x: 2 }, ['', '', 'x'])).toEqual({
      ok: false,
      errors: [{ row: 7, column: 'domain', reason: 'required field is empty' }],
    });
  });

  it('derives from the row\'s own values only, never from another derived value', () => {
    const chain = [
      { name: 'first', type: 'string' },
      { name: 'full', type: 'string', derive: { kind: 'join', from: ['first'] } },
      { name: 'again', type: 'string', derive: { kind: 'join', from: ['full'] } },
    ];
    expect(build(chain, ['First'], { first: 0 }, ['Ann'])).toStrictEqual({ ok: true, record: { first: 'Ann', full: 'Ann' } });
  });
});

describe('createRecordBuilder: groups of which one is needed', () => {
  const fields = [{ name: 'email', type: 'email' }, { name: 'phone', type: 'phone' }, { name: 'note', type: 'string' }];
  const headers = ['Email', 'Phone', 'Note'];
  const by = { email: 0, phone: 1, note: 2 };

  it('rejects a row with none of a group, one error per unmet group', () => {
    const groups = [['email', 'phone'], ['note']];
    expect(build(fields, headers, by, ['', '', 'hi'], { requireAnyOf: groups })).toEqual({ ok: false, errors: [{ row: 7, reason: 'needs one of: email, phone' }] });
    expect(build(fields, headers, by, ['', '(415) 555-2671', 'hi'], { requireAnyOf: groups }).ok).toBe(true);
    expect(build(fields, headers, by, ['a@b.co', '', ''], { requireAnyOf: groups })).toEqual({ ok: false, errors: [{ row: 7, reason: 'needs one of: note' }] });
  });
});

describe('createRecordBuilder: call records', () => {
  it('hands the sample rows to the call semantics, which find the line of a CDR on them', () => {
    const schema = getSchema('call_record');
    const headers = ['Start', 'Calling Number', 'Called Number'];
    const line = '4155550100';
    const rows = [
      ['2025-01-02 03:04:05', line, '2125550101'],
      ['2025-01-02 04:04:05', '2125550102', line],
      ['2025-01-02 05:04:05', line, '2125550103'],
    ];
    const mapping: MappingResult = {
      status: 'mapped',
      schema: 'call_record',
      confidence: 1,
      missingRequired: [],
      fields: [{ field: 'started_at', sources: [0], sourceHeaders: ['Start'], confidence: 1, reason: 'confirmed' }],
    };
    expect(createRecordBuilder(mapping, schema, {}, headers, rows)(rows[1]!, 2)).toMatchObject({
      ok: true,
      record: { direction: 'inbound', counterpart_number: '+12125550102', subscriber_number: '+14155550100' },
    });
    const blind = createRecordBuilder(mapping, schema, {}, headers)(rows[1]!, 2);
    expect(blind.ok && blind.record).not.toHaveProperty('direction');
  });


  it('does not reject a CDR whose other party is in the party columns, though no column is mapped to it', () => {
    const schema = getSchema('call_record');
    const headers = ['Start', 'Calling Number', 'Called Number', 'Direction'];
    const mapping: MappingResult = {
      status: 'mapped',
      schema: 'call_record',
      confidence: 1,
      missingRequired: [],
      fields: [
        { field: 'started_at', sources: [0], sourceHeaders: ['Start'], confidence: 1, reason: 'confirmed' },
        { field: 'direction', sources: [3], sourceHeaders: ['Direction'], confidence: 1, reason: 'confirmed' },
      ],
    };
    const builder = createRecordBuilder(mapping, schema, {}, headers);
    expect(builder(['2025-01-02 03:04:05', '4155552671', '2125550199', 'Incoming'], 2)).toMatchObject({
      ok: true,
      record: { counterpart_number: '+14155552671', direction: 'inbound' },
    });
    expect(builder(['2025-01-02 03:04:05', '4155552671', '2125550199', 'Outgoing'], 3)).toMatchObject({
      ok: true,
      record: { counterpart_number: '+12125550199', direction: 'outbound' },
    });
    expect(builder(['2025-01-02 03:04:05', '4155552671', '', 'Outgoing'], 4)).toMatchObject({
      ok: false,
      errors: [{ row: 4, column: 'Called Number', reason: 'required field is empty' }],
    });
  });
});
