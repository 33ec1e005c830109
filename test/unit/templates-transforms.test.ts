import { describe, expect, it } from 'vitest';
import { createRecordBuilder } from '../../functions/core/records/build-record.ts';
import type { FieldMapping, MappingResult } from '../../functions/core/pipeline-types.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';
import { compileTransforms } from '../../functions/core/templates/transforms.ts';
import { checkTransformsForField, fieldTransformSchema, hasDefault, hasNestedQuantifier, readsRanges, type FieldTransform } from '../../functions/core/templates/transform-rules.ts';

const read = (sources: number[], transforms: FieldTransform[], cells: string[], fieldType: 'string' | 'date' | 'datetime' = 'string', timezone = 'UTC') =>
  compileTransforms(sources, transforms, { timezone, fieldType })(cells);

describe('compileTransforms', () => {
  it('concatenates sources with a separator, skipping blank cells', () => {
    expect(read([0, 1], [], ['Jane', 'Doe'])).toBe('Jane Doe');
    expect(read([0, 1, 2], [{ kind: 'concat', separator: ', ' }], ['Doe', '', 'Jane'])).toBe('Doe, Jane');
  });

  it('splits a cell and keeps one part, counting from the end for negative indexes', () => {
    expect(read([0], [{ kind: 'split', separator: ',', index: 1 }], ['Doe, Jane'])).toBe('Jane');
    expect(read([0], [{ kind: 'split', separator: ' ', index: -1 }], ['San Francisco CA'])).toBe('CA');
    expect(read([0], [{ kind: 'split', separator: ',', index: 5 }], ['a,b'])).toBe('');
  });

  it('extracts a regex group (or the whole match), and a blank when nothing matches', () => {
    expect(read([0], [{ kind: 'regex', pattern: 'Acct #(\\d+)' }], ['Acct #12345 (main)'])).toBe('12345');
    expect(read([0], [{ kind: 'regex', pattern: '\\d{3}-\\d{4}' }], ['call 555-0100 now'])).toBe('555-0100');
    expect(read([0], [{ kind: 'regex', pattern: 'x(\\d)', flags: 'i' }], ['X7'])).toBe('7');
    expect(read([0], [{ kind: 'regex', pattern: 'zzz' }], ['abc'])).toBe('');
  });

  it('maps whole values, case-insensitively unless told otherwise, and keeps unknown ones', () => {
    const map = { kind: 'value_map', map: { I: 'inbound', O: 'outbound' } } as const;
    expect(read([0], [map], [' i '])).toBe('inbound');
    expect(read([0], [map], ['X'])).toBe('X');
    expect(read([0], [{ ...map, caseSensitive: true }], ['i'])).toBe('i');
  });

  it('reads dates with an explicit format in the job time zone', () => {
    expect(read([0], [{ kind: 'date_format', format: 'dd.MM.yyyy' }], ['03.04.2025'], 'date')).toBe('2025-04-03');
    expect(read([0, 1], [{ kind: 'date_format', format: 'dd/MM/yyyy HH:mm' }], ['03/04/2025', '14:05'], 'datetime', 'Europe/Berlin')).toBe('2025-04-03T12:05:00Z');
    expect(read([0], [{ kind: 'date_format', format: 'dd.MM.yyyy' }], ['2025-04-03'], 'date')).toEqual({ reason: 'does not match the date format "dd.MM.yyyy"' });
    expect(read([0], [{ kind: 'date_format', format: 'dd.MM.yyyy' }], [''], 'date')).toBe('');
  });

  it('fills blanks with a default, and gives a constant without any source', () => {
    expect(read([0], [{ kind: 'default', value: 'USD' }], [''])).toBe('USD');
    expect(read([0], [{ kind: 'default', value: 'USD' }], ['EUR'])).toBe('EUR');
    expect(read([], [{ kind: 'default', value: 'voice' }], ['anything'])).toBe('voice');
  });

  it('applies transforms in order', () => {
    const t: FieldTransform[] = [{ kind: 'split', separator: '/', index: 0 }, { kind: 'value_map', map: { in: 'inbound' } }, { kind: 'default', value: 'outbound' }];
    expect(read([0], t, ['IN/local'])).toBe('inbound');
    expect(read([0], t, ['/x'])).toBe('outbound');
  });
});

describe('fieldTransformSchema', () => {
  it('accepts each kind and rejects broken regexes, unknown kinds and bad flags', () => {
    expect(fieldTransformSchema.safeParse({ kind: 'concat' }).data).toEqual({ kind: 'concat', separator: ' ' });
    expect(fieldTransformSchema.safeParse({ kind: 'regex', pattern: '(' }).success).toBe(false);
    expect(fieldTransformSchema.safeParse({ kind: 'regex', pattern: 'a', flags: 'g' }).success).toBe(false);
    expect(fieldTransformSchema.safeParse({ kind: 'uppercase' }).success).toBe(false);
    expect(fieldTransformSchema.safeParse({ kind: 'date_format', format: '--.--' }).success).toBe(false);
    expect(fieldTransformSchema.safeParse({ kind: 'split', separator: ',', index: 0 }).success).toBe(true);
  });

  it('refuses regexes with nested quantifiers, which could stall a worker', () => {
    expect(hasNestedQuantifier('(a+)+$')).toBe(true);
    expect(hasNestedQuantifier('([a-z]+\\s?)*')).toBe(true);
    expect(hasNestedQuantifier('Acct #(\\d+)')).toBe(false);
    expect(hasNestedQuantifier('(IN|OUT)+')).toBe(false);
    expect(fieldTransformSchema.safeParse({ kind: 'regex', pattern: '(\\d+)*x' }).error?.issues[0]?.message).toContain('nested quantifiers');
  });
});

describe('checkTransformsForField', () => {
  const status = { name: 'status', type: 'enum' as const, required: false, synonyms: [], description: '', enumValues: ['open', 'paid'] };
  it('requires value maps into an enum to produce allowed values, and date formats on dates', () => {
    expect(checkTransformsForField(status, [{ kind: 'value_map', map: { O: 'open', P: 'settled' } }])).toEqual([
      { index: 0, message: 'maps to "settled", not one of open, paid' },
    ]);
    expect(checkTransformsForField(status, [{ kind: 'date_format', format: 'dd.MM.yyyy' }])[0]?.message).toContain('date and datetime');
    expect(checkTransformsForField(status, [{ kind: 'value_map', map: { O: 'open' } }])).toEqual([]);
  });
});

describe('templates in the record builder', () => {
  const callRecord = getSchema('call_record');
  const contact = getSchema('contact');
  const mapping = (schema: string, fields: Omit<FieldMapping, 'confidence' | 'reason'>[]): MappingResult => ({
    status: 'mapped',
    schema,
    confidence: 1,
    missingRequired: [],
    fields: fields.map((f) => ({ ...f, confidence: 1, reason: 'learned' })),
  });

  it('builds a call record with a value map, a date format, a regex and constants', () => {
    const headers = ['Datum', 'Rufnummer', 'Richtung', 'Dauer', 'Betrag', 'Konto'];
    const build = createRecordBuilder(
      mapping('call_record', [
        { field: 'started_at', sources: [0], sourceHeaders: ['Datum'], transforms: [{ kind: 'date_format', format: 'dd.MM.yyyy HH:mm' }] },
        { field: 'counterpart_number', sources: [1], sourceHeaders: ['Rufnummer'] },
        { field: 'direction', sources: [2], sourceHeaders: ['Richtung'], transforms: [{ kind: 'value_map', map: { E: 'inbound', A: 'outbound' } }] },
        { field: 'duration_seconds', sources: [3], sourceHeaders: ['Dauer'] },
        { field: 'cost_minor', sources: [4], sourceHeaders: ['Betrag'] },
        { field: 'currency', sources: [], sourceHeaders: [], transforms: [{ kind: 'default', value: 'eur' }] },
        { field: 'account_number', sources: [5], sourceHeaders: ['Konto'], transforms: [{ kind: 'regex', pattern: 'Nr\\. (\\d+)' }] },
        { field: 'record_type', sources: [], sourceHeaders: [], transforms: [{ kind: 'default', value: 'voice' }] },
      ]),
      callRecord,
      { timezone: 'Europe/Berlin', defaultRegion: 'DE' },
      headers,
    );
    const r = build(['03.11.2025 14:05', '030 1234567', 'A', '0:05:12', '1,25', 'Vertrag Nr. 4711'], 2);
    expect(r).toEqual({
      ok: true,
      record: {
        started_at: '2025-11-03T13:05:00Z',
        counterpart_number: '+49301234567',
        counterpart_number_region: 'DE',
        counterpart_number_line_type: 'fixed_line',
        direction: 'outbound',
        duration_seconds: 312,
        record_type: 'voice',
        cost_minor: 125,
        cost_micros: 1_250_000,
        currency: 'EUR',
        account_number: '4711',
      },
    });
    const bad = build(['3 Nov 2025', '030 1234567', 'A', '0:05:12', '1,25', ''], 3);
    expect(bad).toMatchObject({ ok: false, errors: [{ row: 3, column: 'Datum', value: '3 Nov 2025', reason: 'does not match the date format "dd.MM.yyyy HH:mm"' }] });
  });

  it('splits one name column into first and last name', () => {
    const build = createRecordBuilder(
      mapping('contact', [
        { field: 'first_name', sources: [0], sourceHeaders: ['Name'], transforms: [{ kind: 'split', separator: ',', index: 1 }] },
        { field: 'last_name', sources: [0], sourceHeaders: ['Name'], transforms: [{ kind: 'split', separator: ',', index: 0 }] },
        { field: 'email', sources: [1], sourceHeaders: ['Mail'] },
      ]),
      contact,
      {},
      ['Name', 'Mail'],
    );
    expect(build(['Doe, Jane', 'JANE@ACME.COM'], 2)).toEqual({
      ok: true,
      record: { first_name: 'Jane', last_name: 'Doe', full_name: 'Jane Doe', email: 'jane@acme.com', domain: 'acme.com' },
    });
  });

  it('refuses a field without a column unless it has a default', () => {
    expect(() =>
      createRecordBuilder(mapping('contact', [{ field: 'email', sources: [], sourceHeaders: [] }]), contact, {}, ['Mail']),
    ).toThrow('has no source column');
  });

  it('reads a column that groups thousands with dots, from the mapping its values suggested (28.400 dong is 28,400)', async () => {
    const { suggestMapping } = await import('../../functions/core/map/suggest-mapping.ts');
    const headers = ['Thời điểm bắt đầu', 'Số bị gọi', 'Thời lượng (giây)', 'Thành tiền (đ)'];
    const rows = [
      ['03/11/2026 08:14:22', '0983000222', '161', '2.415'],
      ['03/11/2026 11:02:47', '0983000222', '', '290'],
      ['04/11/2026 16:40:13', '6590000123', '243', '28.400'],
    ];
    const m = suggestMapping(headers, rows, callRecord, { defaultRegion: 'VN' });
    const cost = m.fields.find((f) => f.field === 'cost_minor');
    expect(cost?.transforms).toEqual([{ kind: 'decimal_comma' }]);
    const build = createRecordBuilder(m, callRecord, { defaultRegion: 'VN', defaultCurrency: 'VND' }, headers);
    expect(build(rows[2]!, 4)).toMatchObject({ ok: true, record: { cost_minor: 28_400, currency: 'VND' } });
    expect(build(rows[0]!, 2)).toMatchObject({ ok: true, record: { cost_minor: 2_415 } });
  });

  it('reads a band as its midpoint by default, rounded half up for a whole-number field', () => {
    const company = getSchema('company_account');
    // a range transform with no pick, as a person would write it
    const range = [fieldTransformSchema.parse({ kind: 'range' })];
    const build = createRecordBuilder(
      mapping('company_account', [
        { field: 'name', sources: [0], sourceHeaders: ['Company'] },
        { field: 'employee_count', sources: [1], sourceHeaders: ['Employees'], transforms: range },
      ]),
      company,
      {},
      ['Company', 'Employees'],
    );
    expect(build(['Initech', '51-200'], 2)).toMatchObject({ ok: true, record: { employee_count: 126, employee_count_range: '51-200' } });
    expect(build(['Globex', '10,001+'], 3)).toMatchObject({ ok: true, record: { employee_count: 10_001 } });
  });

  it('reads ranges by their lower bound (text kept in <field>_range) and scales numbers by the header\'s unit', () => {
    const company = getSchema('company_account');
    const build = createRecordBuilder(
      mapping('company_account', [
        { field: 'name', sources: [0], sourceHeaders: ['Company'] },
        { field: 'employee_count', sources: [1], sourceHeaders: ['Employees'], transforms: [{ kind: 'range', pick: 'lower' }] },
        { field: 'annual_revenue', sources: [2], sourceHeaders: ['Revenue (in 000s USD)'], transforms: [{ kind: 'range', pick: 'midpoint' }, { kind: 'scale', factor: 1000 }] },
      ]),
      company,
      {},
      ['Company', 'Employees', 'Revenue (in 000s USD)'],
    );
    expect(build(['Initech', '101-250', '25,000'], 2)).toEqual({
      ok: true,
      record: { name: 'Initech', employee_count: 101, employee_count_range: '101-250', annual_revenue: 25_000_000 },
    });
    expect(build(['Globex', '10,001+', '$10M to $50M'], 3)).toMatchObject({
      ok: true,
      record: { employee_count: 10_001, employee_count_range: '10,001+', annual_revenue: 30_000_000_000, annual_revenue_range: '$10M to $50M' },
    });
    // a plain number passes the range rule untouched, and keeps no _range
    expect(build(['Acme', '35', '48.5'], 4)).toMatchObject({ ok: true, record: { employee_count: 35, annual_revenue: 48_500 } });
  });
});

describe('compileTransforms at its edges', () => {
  it('reads a short row\'s missing cells as blank, and trims the parts it joins', () => {
    expect(read([3], [], ['a'])).toBe('');
    expect(read([0, 3], [], ['a'])).toBe('a');
    expect(read([0, 1], [], [' Jane ', '\tDoe '])).toBe('Jane Doe');
  });

  it('joins with a space unless a concat says otherwise, whatever transform comes first', () => {
    expect(read([0, 1], [{ kind: 'split', separator: '|', index: 0 }], ['a', 'b|c'])).toBe('a b');
  });

  it('lets a value map name a placeholder of a single column (several columns skip placeholders when joined)', () => {
    expect(read([0], [{ kind: 'value_map', map: { 'n/a': 'none' } }], ['N/A'])).toBe('none');
    expect(read([0, 1], [], ['N/A', 'x'])).toBe('x');
  });

  it('reads the same regex on every row, a g flag given or not', () => {
    const reader = compileTransforms([0], [{ kind: 'regex', pattern: '(\\d+)', flags: 'gi' }], { timezone: 'UTC', fieldType: 'string' });
    expect([reader(['a 12']), reader(['b 34']), reader(['c 5'])]).toEqual(['12', '34', '5']);
  });

  it('gives the whole match when the pattern has no group or its group takes no part, trimmed', () => {
    expect(read([0], [{ kind: 'regex', pattern: '(x)?\\d+' }], ['n 42'])).toBe('42');
    expect(read([0], [{ kind: 'regex', pattern: '(?:ab)+' }], ['zabab'])).toBe('abab');
    expect(read([0], [{ kind: 'regex', pattern: 'Acct:(.*)' }], ['Acct:  4711  '])).toBe('4711');
    expect(read([0], [{ kind: 'regex', pattern: 'Acct:(.*)', group: 0 }], ['Acct: 4711'])).toBe('Acct: 4711');
  });

  it('looks at the first 1,000 characters of a cell only', () => {
    const pad = 'x'.repeat(995);
    expect(read([0], [{ kind: 'regex', pattern: '(\\d+)' }], [`${pad}12345`])).toBe('12345');
    expect(read([0], [{ kind: 'regex', pattern: '(\\d+)' }], [`${pad}12345678`])).toBe('12345');
    expect(read([0], [{ kind: 'regex', pattern: '(\\d+)' }], [`${'x'.repeat(1000)}42`])).toBe('');
  });

  it('maps values by their trimmed text, case-sensitively when told, keys too', () => {
    const map = { kind: 'value_map', map: { ' I ': 'inbound', o: 'outbound' } } as const;
    expect(read([0], [map], ['i'])).toBe('inbound');
    expect(read([0], [map], ['O'])).toBe('outbound');
    const exact = { ...map, caseSensitive: true };
    expect(read([0], [exact], [' I '])).toBe('inbound');
    expect(read([0], [exact], ['O'])).toBe('O');
    expect(read([0], [exact], ['o'])).toBe('outbound');
  });

  it('reads a band by the bound asked for, and an open band\'s upper bound as its lower', () => {
    const number = (pick: 'lower' | 'midpoint' | 'upper', v: string, fieldType: 'integer' | 'number' = 'number') =>
      compileTransforms([0], [{ kind: 'range', pick }], { timezone: 'UTC', fieldType })([v]);
    expect(number('upper', '101-250')).toBe('250');
    expect(number('upper', '10,001+')).toBe('10001');
    expect(number('lower', '101-250')).toBe('101');
    expect(number('midpoint', '1-2')).toBe('1.5');
    expect(number('midpoint', '1-2', 'integer')).toBe('2');
    expect(number('midpoint', '10,001+')).toBe('10001');
    expect(number('upper', 'many')).toBe('many');
  });

  it('reads decimal commas: groups of three after a dot or a space, then the comma', () => {
    const dc = (v: string) => read([0], [{ kind: 'decimal_comma' }], [v]);
    expect(dc('2.415,50')).toBe('2415.50');
    expect(dc('1 234,5')).toBe('1234.5');
    expect(dc('1,5')).toBe('1.5');
    expect(dc('1.2345')).toBe('1.2345');
  });

  it('scales a number and keeps its currency in front', () => {
    const scale = (v: string) => compileTransforms([0], [{ kind: 'scale', factor: 1000 }], { timezone: 'UTC', fieldType: 'money' })([v]);
    expect(scale('$25')).toBe('$25000');
    expect(scale('US$25')).toBe('US$25000');
    expect(scale('USD 25')).toBe('USD 25000');
    expect(scale('€5')).toBe('€5000');
    expect(scale(' €5')).toBe('€5000');
    expect(scale('25')).toBe('25000');
    expect(scale('lots')).toBe('lots');
  });

  it('reads a date around blanks, and a zoned timestamp\'s date in the job\'s zone', () => {
    expect(read([0], [{ kind: 'date_format', format: 'dd.MM.yyyy' }], [' 03.04.2025 '], 'date')).toBe('2025-04-03');
    expect(read([0], [{ kind: 'date_format', format: 'yyyy-MM-dd HH:mm ZZ' }], ['2025-04-03 23:30 +00:00'], 'date', 'Europe/Berlin')).toBe('2025-04-04');
  });
});

describe('transform rules at their edges', () => {
  it('refuses nested quantifiers in each form, and only those', () => {
    for (const p of ['(a+){2}', '(a+){2,}', '(a+){2,10}', '(a+){10,}', '(a+) +', '(a*)*']) expect(hasNestedQuantifier(p), p).toBe(true);
    for (const p of ['(a+)x+', '(a+){x}', '(a){2}', '\\(a+\\)+']) expect(hasNestedQuantifier(p), p).toBe(false);
  });

  it('accepts a regex with a group and the flags i, m, s and u together, and says what is wrong with a bad one', () => {
    expect(fieldTransformSchema.safeParse({ kind: 'regex', pattern: '(\\d+)', group: 1, flags: 'imsu' })).toEqual({
      success: true,
      data: { kind: 'regex', pattern: '(\\d+)', group: 1, flags: 'imsu' },
    });
    const broken = fieldTransformSchema.safeParse({ kind: 'regex', pattern: '(' });
    expect(broken.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['pattern', expect.stringMatching(/^not a valid regular expression: .+/)]]);
    const nested = fieldTransformSchema.safeParse({ kind: 'regex', pattern: '(a+)+' });
    expect(nested.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['pattern', 'nested quantifiers like (a+)+ are not allowed']]);
    const flags = fieldTransformSchema.safeParse({ kind: 'regex', pattern: 'a', flags: 'ix' });
    expect(flags.error?.issues.map((i) => i.message)).toContain('only the flags i, m, s and u');
  });

  const def = (type: 'string' | 'integer' | 'number' | 'money' | 'duration' | 'date' | 'datetime' | 'enum', extra: object = {}) =>
    ({ name: 'f', type, required: false, synonyms: [], description: '', ...extra }) as Parameters<typeof checkTransformsForField>[0];

  it('lets range, scale and decimal_comma reshape numbers, and scale durations too', () => {
    for (const type of ['integer', 'number', 'money'] as const) {
      expect(checkTransformsForField(def(type), [{ kind: 'range', pick: 'lower' }, { kind: 'scale', factor: 2 }, { kind: 'decimal_comma' }]), type).toEqual([]);
    }
    expect(checkTransformsForField(def('duration'), [{ kind: 'scale', factor: 60 }])).toEqual([]);
    expect(checkTransformsForField(def('duration'), [{ kind: 'range', pick: 'lower' }, { kind: 'decimal_comma' }]).map((p) => p.index)).toEqual([0, 1]);
    expect(checkTransformsForField(def('string'), [{ kind: 'default', value: '1' }, { kind: 'scale', factor: 2 }])).toEqual([
      { index: 1, message: 'scale applies to integer, number and money fields (scale to duration fields too); "f" is string' },
    ]);
    expect(checkTransformsForField(def('string'), [{ kind: 'range', pick: 'lower' }, { kind: 'decimal_comma' }]).map((p) => p.message.split(' ')[0])).toEqual(['range', 'decimal_comma']);
  });

  it('lets date_format read dates and datetimes only', () => {
    expect(checkTransformsForField(def('date'), [{ kind: 'date_format', format: 'dd.MM.yyyy' }])).toEqual([]);
    expect(checkTransformsForField(def('datetime'), [{ kind: 'date_format', format: 'dd.MM.yyyy' }])).toEqual([]);
    expect(checkTransformsForField(def('string'), [{ kind: 'date_format', format: 'dd.MM.yyyy' }])).toEqual([{ index: 0, message: 'date_format applies to date and datetime fields; "f" is string' }]);
  });

  it('checks a value map into an enum only against the values it lists, listing every bad one', () => {
    const map = { kind: 'value_map', map: { a: 'x', b: 'y', c: 'open' } } as const;
    expect(checkTransformsForField(def('enum', { enumValues: ['open', 'paid'] }), [map])).toEqual([{ index: 0, message: 'maps to "x", "y", not one of open, paid' }]);
    expect(checkTransformsForField(def('enum'), [map])).toEqual([]);
    expect(checkTransformsForField(def('enum', { enumValues: ['open'], codes: { O: 'open' } }), [map])).toEqual([]);
    expect(checkTransformsForField(def('string'), [map])).toEqual([]);
    expect(checkTransformsForField(def('string', { enumValues: ['open'] }), [map])).toEqual([]);
  });

  it('tells ranges and defaults among the transforms', () => {
    expect(readsRanges(undefined)).toBe(false);
    expect(readsRanges([{ kind: 'scale', factor: 2 }])).toBe(false);
    expect(readsRanges([{ kind: 'scale', factor: 2 }, { kind: 'range', pick: 'lower' }])).toBe(true);
    expect(hasDefault(undefined)).toBe(false);
    expect(hasDefault([{ kind: 'scale', factor: 2 }])).toBe(false);
    expect(hasDefault([{ kind: 'default', value: '' }])).toBe(true);
  });
});

describe('scale keeps a currency printed after the number', () => {
  it('moves no currency and drops none ("25 EUR" in thousands is 25000 EUR)', () => {
    const scale = (v: string) => compileTransforms([0], [{ kind: 'scale', factor: 1000 }], { timezone: 'UTC', fieldType: 'money' })([v]);
    expect(scale('25 EUR')).toBe('25000 EUR');
    expect(scale('25€')).toBe('25000€');
    expect(scale('1.5 GBP ')).toBe('1500 GBP');
    expect(scale('25$')).toBe('25000$');
  });

  it('reads a cost in thousands of euros as euros, not in the job\'s currency', () => {
    const mapping: MappingResult = {
      status: 'mapped',
      schema: 'call_record',
      confidence: 1,
      missingRequired: [],
      fields: [
        { field: 'started_at', sources: [0], sourceHeaders: ['Date'], confidence: 1, reason: 'learned' },
        { field: 'counterpart_number', sources: [1], sourceHeaders: ['Number'], confidence: 1, reason: 'learned' },
        { field: 'cost_minor', sources: [2], sourceHeaders: ['Cost (in 000s)'], confidence: 1, reason: 'learned', transforms: [{ kind: 'scale', factor: 1000 }] },
      ],
    };
    const build = createRecordBuilder(mapping, getSchema('call_record'), { defaultCurrency: 'USD' }, ['Date', 'Number', 'Cost (in 000s)']);
    expect(build(['2025-01-01T10:00:00Z', '+14155550100', '1.5 EUR'], 2)).toMatchObject({ ok: true, record: { cost_minor: 150_000, currency: 'EUR' } });
    expect(build(['2025-01-01T10:00:00Z', '+14155550100', '1.5'], 3)).toMatchObject({ ok: true, record: { cost_minor: 150_000, currency: 'USD' } });
  });
});
