import { describe, expect, it } from 'vitest';
import type { FieldMapping } from '../../functions/core/pipeline-types.ts';
import { compileCurrencyCell, compileCurrencyField, compileField, phoneWriter, type ConvertContext } from '../../functions/core/records/field-converters.ts';
import type { FieldDefinition } from '../../functions/core/schemas/schema-types.ts';
import type { FieldTransform } from '../../functions/core/templates/transforms.ts';

// Each converter is driven directly: one field, one mapping, one row. The record it writes and
// the outcome it returns are the whole contract (true written, false blank, a string why not).

const ctx: ConvertContext = { timezone: 'UTC', defaultRegion: 'US', defaultCurrency: 'USD' };
const def = (over: Partial<FieldDefinition> & Pick<FieldDefinition, 'name' | 'type'>): FieldDefinition => ({
  required: false,
  synonyms: [],
  description: '',
  ...over,
});
const mapping = (field: string, sources: number[], sourceHeaders: string[], transforms?: FieldTransform[]): FieldMapping => ({
  field,
  sources,
  sourceHeaders,
  confidence: 1,
  reason: 'confirmed',
  ...(transforms !== undefined ? { transforms } : {}),
});
/** Applies a compiled field to one row: what it returned and what it wrote. */
const run = (field: ReturnType<typeof compileField>, cells: string[]) => {
  const record: Record<string, unknown> = {};
  const outcome = field.apply(record, cells);
  return { outcome, record };
};

describe('compileField: text', () => {
  // compiled inside each test: a converter that throws fails a test instead of the file's collection
  const nameField = () => compileField(def({ name: 'name', type: 'string' }), mapping('name', [1], ['Name']), ctx);

  it('writes the trimmed cell of its own column', () => {
    expect(run(nameField(), ['x', '  Jane Doe  ', 'y'])).toEqual({ outcome: true, record: { name: 'Jane Doe' } });
  });

  it('writes nothing for a blank cell or a missing one (a short row)', () => {
    const name = nameField();
    expect(run(name, ['x', '   ', 'y'])).toEqual({ outcome: false, record: {} });
    expect(run(name, ['x'])).toEqual({ outcome: false, record: {} });
    expect(name.rawValue(['x'])).toBe('');
  });

  it('joins several columns with a space, skipping blank ones, and reports them all as the raw value', () => {
    const full = compileField(def({ name: 'full', type: 'string' }), mapping('full', [0, 1, 2], ['First', 'Middle', 'Last']), ctx);
    expect(run(full, ['Jane', '', 'Doe'])).toEqual({ outcome: true, record: { full: 'Jane Doe' } });
    expect(run(full, ['Jane', 'Q'])).toEqual({ outcome: true, record: { full: 'Jane Q' } });
    expect(full.column).toBe('First + Middle + Last');
    expect(full.rawValue(['Jane', '', 'Doe'])).toBe('Jane  Doe');
    expect(full.rawValue(['Jane'])).toBe('Jane  ');
    expect(run(full, ['', ' ', ''])).toEqual({ outcome: false, record: {} });
  });

  it('names the field in the report when the mapping has no header', () => {
    expect(compileField(def({ name: 'name', type: 'string' }), mapping('name', [0], []), ctx).column).toBe('name');
  });

  it('splits a list cell on , ; and |, trimmed and without repeats, and writes nothing for separators alone', () => {
    const tech = compileField(def({ name: 'tech', type: 'string', multiple: true }), mapping('tech', [0], ['Tech']), ctx);
    expect(run(tech, ['AWS , Salesforce;HubSpot |AWS'])).toEqual({ outcome: true, record: { tech: ['AWS', 'Salesforce', 'HubSpot'] } });
    expect(run(tech, ['a b'])).toEqual({ outcome: true, record: { tech: ['a b'] } });
    expect(run(tech, ['  AWS , x  '])).toEqual({ outcome: true, record: { tech: ['AWS', 'x'] } });
    expect(run(tech, [' , ; | '])).toEqual({ outcome: false, record: {} });
    expect(run(tech, [''])).toEqual({ outcome: false, record: {} });
  });
});

describe('compileField: numbers, booleans, enums', () => {
  const field = (type: FieldDefinition['type']) => compileField(def({ name: 'v', type }), mapping('v', [0], ['V']), ctx);

  it('reads an integer, a number and a boolean with the parser of the field type', () => {
    expect(run(field('integer'), ['1,200'])).toEqual({ outcome: true, record: { v: 1200 } });
    expect(run(field('number'), ['1.5'])).toEqual({ outcome: true, record: { v: 1.5 } });
    expect(run(field('boolean'), ['yes'])).toEqual({ outcome: true, record: { v: true } });
    expect(run(field('boolean'), ['no'])).toEqual({ outcome: true, record: { v: false } });
    expect(run(field('integer'), ['1.5']).outcome).toEqual(expect.any(String));
    expect(run(field('number'), ['yes']).outcome).toEqual(expect.any(String));
    expect(run(field('boolean'), ['1.5']).outcome).toEqual(expect.any(String));
  });

  it('tells a blank cell (false) from an unreadable one (the reason), writing nothing for either', () => {
    for (const type of ['integer', 'number', 'boolean', 'date', 'datetime', 'email', 'url', 'domain', 'duration', 'money', 'phone'] as const) {
      expect(run(field(type), [' ']), type).toEqual({ outcome: false, record: {} });
      const bad = run(field(type), ['#?!']);
      expect(typeof bad.outcome, type).toBe('string');
      expect((bad.outcome as string).length, type).toBeGreaterThan(0);
      expect(bad.record, type).toEqual({});
    }
  });

  it('reads an enum through its aliases and names the allowed values when it cannot', () => {
    const dir = compileField(
      def({ name: 'dir', type: 'enum', enumValues: ['inbound', 'outbound'], enumAliases: { in: 'inbound', out: 'outbound' } }),
      mapping('dir', [0], ['Dir']),
      ctx,
    );
    expect(run(dir, ['In'])).toEqual({ outcome: true, record: { dir: 'inbound' } });
    expect(run(dir, ['sideways'])).toEqual({ outcome: 'not one of inbound, outbound', record: {} });
    expect(run(dir, [''])).toEqual({ outcome: false, record: {} });
  });
});

describe('compileField: dates and times', () => {
  const date = (c: ConvertContext, column = 0) => compileField(def({ name: 'd', type: 'date' }), mapping('d', [column], ['Date']), c);

  it('reads numeric dates in the order of the region, unless the column itself shows the order', () => {
    expect(run(date(ctx), ['01/04/2025']).record).toEqual({ d: '2025-01-04' });
    expect(run(date({ ...ctx, defaultRegion: 'GB' }), ['01/04/2025']).record).toEqual({ d: '2025-04-01' });
    // the sample's own column 1 can only be day-first; column 0 of the sample says nothing about it
    const sample = [['04/13/2025', '13/04/2025'], ['x', '01/04/2025']];
    expect(run(date({ ...ctx, sample }, 1), ['', '01/04/2025']).record).toEqual({ d: '2025-04-01' });
    expect(run(date({ ...ctx, defaultRegion: 'GB', sample }, 0), ['01/04/2025']).record).toEqual({ d: '2025-01-04' });
    expect(run(date({ ...ctx, sample: [['x']] }, 0), ['01/04/2025']).record).toEqual({ d: '2025-01-04' });
  });

  it('takes the year of a date printed without one from the statement date', () => {
    // a January statement's December day is of the year before
    expect(run(date({ ...ctx, referenceDate: '2026-01-20' }), ['12/28']).record).toEqual({ d: '2025-12-28' });
    expect(run(date(ctx), ['12/28']).outcome).toEqual(expect.any(String));
    const dt = compileField(def({ name: 't', type: 'datetime' }), mapping('t', [0, 1], ['Date', 'Time']), { ...ctx, referenceDate: '2026-02-24' });
    expect(run(dt, ['01/21', '1:00PM']).record).toEqual({ t: '2026-01-21T13:00:00Z' });
    expect(run(compileField(def({ name: 't', type: 'datetime' }), mapping('t', [0, 1], ['Date', 'Time']), ctx), ['01/21', '1:00PM']).outcome).toEqual(expect.any(String));
  });

  it('reads naive times in the job zone, and a zone the date or the time header names instead', () => {
    const job = { ...ctx, timezone: 'America/New_York' };
    const at = (headers: string[], cells: string[]) =>
      run(compileField(def({ name: 't', type: 'datetime' }), mapping('t', headers.map((_, i) => i), headers), job), cells);
    expect(at(['Start'], ['2025-07-04 12:00:00']).record).toEqual({ t: '2025-07-04T16:00:00Z' });
    expect(at(['Start (UTC)'], ['2025-07-04 12:00:00']).record).toEqual({ t: '2025-07-04T12:00:00Z' });
    expect(at(['Date', 'Time (UTC)'], ['2025-07-04', '12:00:00']).record).toEqual({ t: '2025-07-04T12:00:00Z' });
    expect(at(['Date (CET)', 'Time (UTC)'], ['2025-07-04', '12:00:00']).record).toEqual({ t: '2025-07-04T11:00:00Z' });
    expect(at(['Date', 'Time'], ['2025-07-04', '12:00:00']).record).toEqual({ t: '2025-07-04T16:00:00Z' });
  });

  it('combines a date and a time column, reporting both', () => {
    const dt = compileField(def({ name: 't', type: 'datetime' }), mapping('t', [1, 0], ['Date', 'Time']), ctx);
    expect(run(dt, ['2:05PM', '11/03/2025'])).toEqual({ outcome: true, record: { t: '2025-11-03T14:05:00Z' } });
    expect(dt.column).toBe('Date + Time');
    expect(dt.rawValue(['2:05PM', '13/45/2025'])).toBe('13/45/2025 2:05PM');
    // a short row: the missing date cell is blank
    const one = compileField(def({ name: 't', type: 'datetime' }), mapping('t', [1], ['Start']), ctx);
    expect(run(one, ['x'])).toEqual({ outcome: false, record: {} });
    expect(run(dt, ['2:05PM', '13/45/2025'])).toEqual({ outcome: 'not a recognised date', record: {} });
  });
});

describe('compileField: phone numbers, e-mail, web addresses', () => {
  it('writes the E.164 number with its region, line type and extension', () => {
    const phone = compileField(def({ name: 'p', type: 'phone' }), mapping('p', [0], ['Phone']), ctx);
    expect(run(phone, ['(415) 555-2671 ext. 12'])).toEqual({
      outcome: true,
      record: { p: '+14155552671', p_region: 'US', p_line_type: 'fixed_line_or_mobile', p_extension: '12' },
    });
    expect(run(phone, ['555-1234'])).toEqual({ outcome: 'too few digits for US', record: {} });
  });

  it('reads national numbers in the job region', () => {
    const gb = compileField(def({ name: 'p', type: 'phone' }), mapping('p', [0], ['Phone']), { ...ctx, defaultRegion: 'GB' });
    expect(run(gb, ['020 7946 0958']).record).toMatchObject({ p: '+442079460958', p_region: 'GB', p_line_type: 'fixed_line' });
  });

  it('normalises an e-mail, a URL and a domain with the normaliser of the field type', () => {
    const one = (type: FieldDefinition['type'], cell: string) => run(compileField(def({ name: 'v', type }), mapping('v', [0], ['V']), ctx), [cell]);
    expect(one('email', ' Jane.Doe@Acme.COM ')).toEqual({ outcome: true, record: { v: 'jane.doe@acme.com' } });
    expect(one('domain', 'https://www.acme.com/about').record).toEqual({ v: 'acme.com' });
    expect(one('url', 'acme.com/about').record).toEqual({ v: expect.stringMatching(/^https?:\/\/acme\.com\/about$/) });
    expect(one('email', 'acme.com').outcome).toBe('not an e-mail address');
  });
});

describe('phoneWriter', () => {
  it('keeps an SMS short code as digits, with the job region and line type short_code', () => {
    const record: Record<string, unknown> = {};
    expect(phoneWriter('p', 'GB')(record, '12345')).toBe(true);
    expect(record).toEqual({ p: '12345', p_region: 'GB', p_line_type: 'short_code' });
  });

  it('writes no region for a number of no region', () => {
    const record: Record<string, unknown> = {};
    expect(phoneWriter('p', 'US')(record, '+882 3 4567 8901')).toBe(true);
    expect(record).not.toHaveProperty('p_region');
    expect(record).not.toHaveProperty('p_extension');
    expect(record.p).toBe('+882345678901');
  });
});

describe('compileField: money', () => {
  const cost = def({ name: 'cost', type: 'money' });

  it('writes minor units and the currency, scaled by the currency (cents, yen)', () => {
    const f = compileField(cost, mapping('cost', [0], ['Cost']), ctx);
    expect(run(f, ['1.25'])).toEqual({ outcome: true, record: { cost: 125, currency: 'USD' } });
    expect(run(f, ['€0,50'])).toEqual({ outcome: true, record: { cost: 50, currency: 'EUR' } });
    const yen = compileField(cost, mapping('cost', [0], ['Cost']), { ...ctx, defaultCurrency: 'JPY' });
    expect(run(yen, ['100'])).toEqual({ outcome: true, record: { cost: 100, currency: 'JPY' } });
  });

  it('writes the micros and the currency under the keys the field names', () => {
    const f = compileField(def({ name: 'cost', type: 'money', currencyField: 'cur', microsField: 'cost_micros' }), mapping('cost', [0], ['Cost']), ctx);
    expect(run(f, ['$1.2345'])).toEqual({ outcome: true, record: { cost: 123, cost_micros: 1_234_500, cur: 'USD' } });
  });

  it('takes the currency a header names over the job default, and a constant currency over both', () => {
    const f = (headers: string[], c: ConvertContext) => run(compileField(cost, mapping('cost', [0], headers), c), ['12.50']).record;
    expect(f(['Cost (EUR)'], ctx)).toEqual({ cost: 1250, currency: 'EUR' });
    expect(f(['Cost'], ctx)).toEqual({ cost: 1250, currency: 'USD' });
    expect(f(['Cost (EUR)'], { ...ctx, defaultCurrency: 'GBP', currencyIsExplicit: true })).toEqual({ cost: 1250, currency: 'GBP' });
    expect(f(['Cost (EUR)'], { ...ctx, defaultCurrency: 'GBP', currencyIsExplicit: false })).toEqual({ cost: 1250, currency: 'EUR' });
  });

  it('reads the currency column of the row: a code in any case, the fallback when blank, an error for anything else', () => {
    const f = compileField(cost, mapping('cost', [0], ['Cost (EUR)']), ctx, compileCurrencyCell(mapping('currency', [1], ['Currency'])));
    expect(run(f, ['100', ' jpy '])).toEqual({ outcome: true, record: { cost: 100, currency: 'JPY' } });
    expect(run(f, ['1.00', ''])).toEqual({ outcome: true, record: { cost: 100, currency: 'EUR' } });
    expect(run(f, ['1.00'])).toEqual({ outcome: true, record: { cost: 100, currency: 'EUR' } });
    expect(run(f, ['1.00', 'Euro'])).toEqual({ outcome: 'unknown currency "Euro"', record: {} });
    expect(run(f, ['1.00', 'EU'])).toEqual({ outcome: 'unknown currency "EU"', record: {} });
    expect(run(f, ['1.00', 'EURO'])).toEqual({ outcome: 'unknown currency "EURO"', record: {} });
    expect(run(f, ['1.00', '1EUR'])).toEqual({ outcome: 'unknown currency "1EUR"', record: {} });
  });
});

describe('compileField: durations', () => {
  it('reads bare numbers as minutes under a minutes header, as seconds otherwise', () => {
    const dur = (header: string) => compileField(def({ name: 's', type: 'duration' }), mapping('s', [0], [header]), ctx);
    expect(run(dur('Min'), ['12'])).toEqual({ outcome: true, record: { s: 720 } });
    expect(run(dur('Duration'), ['12'])).toEqual({ outcome: true, record: { s: 12 } });
    expect(run(dur('Min'), ['1:02:03'])).toEqual({ outcome: true, record: { s: 3723 } });
  });
});

describe('compileField: validation rules', () => {
  it('removes a value that breaks a rule, and its companion keys, giving the rule as the reason', () => {
    const phone = compileField(def({ name: 'p', type: 'phone', validation: { pattern: '^\\+1' } }), mapping('p', [0], ['P']), ctx);
    expect(run(phone, ['+44 20 7946 0958'])).toEqual({ outcome: 'does not match ^\\+1', record: {} });
    expect(run(phone, ['(415) 555-2671'])).toMatchObject({ outcome: true, record: { p: '+14155552671', p_region: 'US' } });
    const amount = compileField(def({ name: 'a', type: 'money', microsField: 'a_micros', validation: { min: 0 } }), mapping('a', [0], ['A']), ctx);
    expect(run(amount, ['-1.00'])).toEqual({ outcome: 'less than 0', record: {} });
    expect(run(amount, ['0'])).toEqual({ outcome: true, record: { a: 0, a_micros: 0, currency: 'USD' } });
  });

  it('keeps the other fields of the record when one breaks a rule', () => {
    const note = compileField(def({ name: 'note', type: 'string', validation: { maxLength: 3 } }), mapping('note', [0], ['Note']), ctx);
    const record: Record<string, unknown> = { other: 1 };
    expect(note.apply(record, ['long'])).toBe('longer than 3 characters');
    expect(record).toEqual({ other: 1 });
    expect(run(note, [''])).toEqual({ outcome: false, record: {} });
    expect(run(note, ['abc'])).toEqual({ outcome: true, record: { note: 'abc' } });
  });
});

describe('compileField with transforms', () => {
  it('converts the transformed value, reporting the source cells as they are', () => {
    const f = compileField(
      def({ name: 'n', type: 'integer' }),
      mapping('n', [0, 1], ['A', 'B'], [{ kind: 'regex', pattern: '(\\d+)', group: 1 }]),
      ctx,
    );
    expect(run(f, ['id 42', 'x'])).toEqual({ outcome: true, record: { n: 42 } });
    expect(f.rawValue(['id 42'])).toBe('id 42 ');
    expect(f.column).toBe('A + B');
  });

  it('returns the reason of a transform that fails, writing nothing', () => {
    const f = compileField(def({ name: 'd', type: 'date' }), mapping('d', [0], ['D'], [{ kind: 'date_format', format: 'yyyy/MM/dd' }]), ctx);
    expect(run(f, ['2025/02/03'])).toEqual({ outcome: true, record: { d: '2025-02-03' } });
    const bad = run(f, ['03.02.2025']);
    expect(bad.record).toEqual({});
    expect(bad.outcome).toEqual(expect.stringContaining('yyyy/MM/dd'));
  });

  it('fills a constant field (no column, a default) and names the field in the report', () => {
    const f = compileField(def({ name: 'source', type: 'string' }), mapping('source', [], [], [{ kind: 'default', value: 'import' }]), ctx);
    expect(run(f, ['anything'])).toEqual({ outcome: true, record: { source: 'import' } });
    expect(f.column).toBe('source');
    expect(f.rawValue(['anything'])).toBe('');
  });

  it('reads a transformed money cell with the currency column of its row', () => {
    const f = compileField(
      def({ name: 'cost', type: 'money' }),
      mapping('cost', [0], ['Cost'], [{ kind: 'regex', pattern: '([\\d.]+)', group: 1 }]),
      ctx,
      compileCurrencyCell(mapping('currency', [2], ['Currency'])),
    );
    expect(run(f, ['total 12.50 due', 'x', 'eur'])).toEqual({ outcome: true, record: { cost: 1250, currency: 'EUR' } });
    expect(run(f, ['total 12.50 due', 'x', ''])).toEqual({ outcome: true, record: { cost: 1250, currency: 'USD' } });
    expect(run(f, ['total 12.50 due', 'x'])).toEqual({ outcome: true, record: { cost: 1250, currency: 'USD' } });
  });

  it('reads numeric dates of a transformed column in the region order, not from the sample of another column', () => {
    // after a transform the value is cell 0 of a one-cell row; the sample's column 0 is a different column
    const sample = [['13/04/2025', 'x']];
    const f = compileField(def({ name: 'd', type: 'date' }), mapping('d', [1], ['D'], [{ kind: 'regex', pattern: '(\\S+)', group: 1 }]), { ...ctx, sample });
    expect(run(f, ['13/04/2025', '01/04/2025 note']).record).toEqual({ d: '2025-01-04' });
  });

  it('keeps the text of a band beside the number read from it', () => {
    const f = compileField(def({ name: 'employees', type: 'integer' }), mapping('employees', [0], ['Employees'], [{ kind: 'range', pick: 'lower' }]), ctx);
    expect(run(f, [' 101-250 '])).toEqual({ outcome: true, record: { employees: 101, employees_range: '101-250' } });
    expect(run(f, ['120'])).toEqual({ outcome: true, record: { employees: 120 } });
    expect(run(f, ['many'])).toEqual({ outcome: expect.any(String), record: {} });
    const plain = compileField(def({ name: 'employees', type: 'integer' }), mapping('employees', [0], ['Employees'], [{ kind: 'scale', factor: 1 }]), ctx);
    expect(run(plain, ['101-250'])).toEqual({ outcome: expect.any(String), record: {} });
    expect(run(plain, ['120'])).toEqual({ outcome: true, record: { employees: 120 } });
    // an integer field rounds a band's midpoint
    const mid = compileField(def({ name: 'employees', type: 'integer' }), mapping('employees', [0], ['Employees'], [{ kind: 'range', pick: 'midpoint' }]), ctx);
    expect(run(mid, ['1-2'])).toEqual({ outcome: true, record: { employees: 2, employees_range: '1-2' } });
  });

  it('keeps no band text when the value read from it is not written', () => {
    const cost = compileField(
      def({ name: 'cost', type: 'money' }),
      mapping('cost', [0], ['Cost'], [{ kind: 'range', pick: 'lower' }]),
      ctx,
      compileCurrencyCell(mapping('currency', [1], ['Currency'])),
    );
    expect(run(cost, ['100-200', 'usd'])).toEqual({ outcome: true, record: { cost: 10000, currency: 'USD', cost_range: '100-200' } });
    expect(run(cost, ['100-200', 'Euro'])).toEqual({ outcome: 'unknown currency "Euro"', record: {} });
  });
});

describe('compileCurrencyCell', () => {
  it('reads the currency column as printed, or through its transforms', () => {
    expect(compileCurrencyCell(mapping('currency', [1], ['Currency']))(['x', ' jpy '])).toBe(' jpy ');
    expect(compileCurrencyCell(mapping('currency', [1], ['Currency']))(['x'])).toBe('');
    const yen = compileCurrencyCell(mapping('currency', [0], ['Currency'], [{ kind: 'value_map', map: { Yen: 'JPY' } }]));
    expect(yen(['Yen'])).toBe('JPY');
    expect(yen(['EUR'])).toBe('EUR');
    const blankToEur = compileCurrencyCell(mapping('currency', [0], ['Currency'], [{ kind: 'default', value: 'EUR' }]));
    expect(blankToEur([''])).toBe('EUR');
  });

  it('gives the cell as printed when a transform cannot read it, so the money field names it', () => {
    const dated = compileCurrencyCell(mapping('currency', [0], ['Currency'], [{ kind: 'date_format', format: 'yyyy' }]));
    expect(dated(['Euro'])).toBe('Euro');
    expect(dated([])).toBe('');
    // a default read as a date fails too; the missing cell is then blank
    const defaulted = compileCurrencyCell(mapping('currency', [0], ['Currency'], [{ kind: 'default', value: 'none' }, { kind: 'date_format', format: 'yyyy' }]));
    expect(defaulted([])).toBe('');
    const money = compileField(def({ name: 'cost', type: 'money' }), mapping('cost', [1], ['Cost']), ctx, dated);
    expect(run(money, ['Euro', '1000'])).toEqual({ outcome: 'unknown currency "Euro"', record: {} });
  });

  it('scales an amount by the currency the transforms give', () => {
    const yen = compileCurrencyCell(mapping('currency', [0], ['Currency'], [{ kind: 'value_map', map: { Yen: 'JPY' } }]));
    const money = compileField(def({ name: 'cost', type: 'money' }), mapping('cost', [1], ['Cost (USD)']), ctx, yen);
    expect(run(money, ['Yen', '1000'])).toEqual({ outcome: true, record: { cost: 1000, currency: 'JPY' } });
  });
});

describe('compileCurrencyField', () => {
  const cur = def({ name: 'currency', type: 'string' });

  it('writes a code upper-cased and trimmed, nothing for a blank cell, and refuses anything else', () => {
    const f = compileCurrencyField(cur, mapping('currency', [1], ['Currency']));
    expect(run(f, ['x', ' eur '])).toEqual({ outcome: true, record: { currency: 'EUR' } });
    expect(run(f, ['x', ''])).toEqual({ outcome: false, record: {} });
    expect(run(f, ['x'])).toEqual({ outcome: false, record: {} });
    for (const bad of ['Euro', 'EU', '€', 'E1R']) expect(run(f, ['x', bad])).toEqual({ outcome: 'not an ISO 4217 currency code', record: {} });
    expect(f.column).toBe('Currency');
    expect(f.rawValue(['x', ' eur '])).toBe(' eur ');
    expect(f.rawValue(['x'])).toBe('');
    expect(compileCurrencyField(cur, mapping('currency', [0], [])).column).toBe('currency');
  });

  it('reads the cell through the mapping transforms first', () => {
    const f = compileCurrencyField(cur, mapping('currency', [0], ['Currency'], [{ kind: 'value_map', map: { Euro: 'eur' } }]));
    expect(run(f, ['Euro'])).toEqual({ outcome: true, record: { currency: 'EUR' } });
    const regex = compileCurrencyField(cur, mapping('currency', [0], ['Currency'], [{ kind: 'regex', pattern: '^([A-Z]{3}) ', group: 1 }]));
    expect(run(regex, ['GBP pounds'])).toEqual({ outcome: true, record: { currency: 'GBP' } });
    // a pattern that does not match leaves nothing: a blank cell
    expect(run(regex, ['pounds'])).toEqual({ outcome: false, record: {} });
    const dated = compileCurrencyField(cur, mapping('currency', [0], ['Currency'], [{ kind: 'date_format', format: 'yyyy' }]));
    expect(run(dated, ['GBP'])).toEqual({ outcome: expect.stringContaining('yyyy'), record: {} });
    const constant = compileCurrencyField(cur, mapping('currency', [], [], [{ kind: 'default', value: 'chf' }]));
    expect(run(constant, ['x'])).toEqual({ outcome: true, record: { currency: 'CHF' } });
    expect(constant.rawValue(['x', 'y'])).toBe('');
    expect(compileCurrencyField(cur, mapping('currency', [0, 1], ['Code', 'Name'], [{ kind: 'regex', pattern: '([A-Z]{3})', group: 1 }])).column).toBe('Code + Name');
  });
});
