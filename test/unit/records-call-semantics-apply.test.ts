import { describe, expect, it } from 'vitest';
import type { EnumValueMap, FieldMapping, MappingResult } from '../../functions/core/pipeline-types.ts';
import { normalizePhone } from '../../functions/core/enrich/phone.ts';
import { compileCallSemantics, fieldsFilledWithoutColumns, partyColumnCandidates } from '../../functions/core/records/call-semantics.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';
import { plainMapping } from '../helpers/field-mapping.ts';

/*
 * The call semantics row by row, from a mapping written out: what a mapped code column, a
 * value map, an unmapped code or place column, the duration, the party columns and a printed
 * line each decide, which fields it owns, and the warnings and errors of a row.
 */

const callRecord = getSchema('call_record');
const plain = plainMapping;
const mappingOf = (fields: FieldMapping[], valueMaps?: EnumValueMap[]): MappingResult => ({
  status: 'mapped',
  schema: 'call_record',
  confidence: 1,
  missingRequired: [],
  fields,
  ...(valueMaps !== undefined ? { valueMaps } : {}),
});
function compile(headers: string[], fields: FieldMapping[], options: { sample?: string[][]; valueMaps?: EnumValueMap[]; region?: string } = {}) {
  return compileCallSemantics({
    schema: callRecord,
    mapping: mappingOf(fields, options.valueMaps),
    headers,
    region: options.region ?? 'US',
    ...(options.sample !== undefined ? { sample: options.sample } : {}),
  })!;
}
/** The record the call semantics writes for one row (over `record`, the converters' fields), and its problems. */
function apply(headers: string[], fields: FieldMapping[], cells: string[], options: { sample?: string[][]; valueMaps?: EnumValueMap[]; record?: Record<string, unknown>; row?: number } = {}) {
  const record: Record<string, unknown> = { ...options.record };
  const problems = compile(headers, fields, options).apply(record, cells, options.row ?? 1);
  return { record, problems };
}

describe('value maps on the mapped code columns', () => {
  const headers = ['Start', 'Number', 'Dir', 'Kind'];
  const fields = [plain('counterpart_number', 1, headers), plain('direction', 2, headers), plain('record_type', 3, headers)];
  const maps = (dir: Record<string, string | null>, kind: Record<string, string | null>, by: 'ai' | 'person' = 'ai'): EnumValueMap[] => [
    { field: 'direction', column: 'Dir', values: dir, by: Object.fromEntries(Object.keys(dir).map((k) => [k, by])) },
    { field: 'record_type', column: 'Kind', values: kind, by: Object.fromEntries(Object.keys(kind).map((k) => [k, by])) },
  ];

  it('reads a value Claude or a person answered as they said, trimmed, without a warning', () => {
    const valueMaps = maps({ 'ZQ-Rel': 'inbound' }, { Wx: 'mms' });
    // (the other party is the converters' to write, from its mapped column)
    expect(apply(headers, fields, ['x', '2125550100', ' ZQ-Rel ', 'Wx'], { valueMaps })).toEqual({
      record: { direction: 'inbound', record_type: 'mms' },
      problems: undefined,
    });
    const byPerson = maps({ 'ZQ-Rel': 'outbound' }, { Wx: 'data' }, 'person');
    expect(apply(headers, fields, ['x', '2125550100', 'ZQ-Rel', 'Wx'], { valueMaps: byPerson }).record).toMatchObject({ direction: 'outbound', record_type: 'data' });
  });

  it('takes an answer over the code the value would read as', () => {
    const valueMaps = maps({ Incoming: 'outbound' }, { SMS: 'voice' }, 'person');
    expect(apply(headers, fields, ['x', '2125550100', 'Incoming', 'SMS'], { valueMaps }).record).toMatchObject({ direction: 'outbound', record_type: 'voice' });
  });

  it('leaves a field empty, without a warning, for an answer of none of them', () => {
    const valueMaps = maps({ Outgoing: null }, { 'SMS-MO': null });
    expect(apply(headers, fields, ['x', '2125550100', 'Outgoing', 'Voice'], { valueMaps })).toEqual({ record: { record_type: 'voice' }, problems: undefined });
    // the type column's code still says the direction: only its kind was answered away
    expect(apply(headers, fields, ['x', '2125550100', '', 'SMS-MO'], { valueMaps })).toEqual({ record: { direction: 'outbound' }, problems: undefined });
  });

  it('reports each value nobody read, under its column, naming the values of its field', () => {
    const { record, problems } = apply(headers, fields, ['x', '2125550100', 'Sideways', 'Wobble'], { row: 7 });
    expect(record).toEqual({});
    expect(problems).toEqual({
      warnings: [
        { row: 7, column: 'Dir', value: 'Sideways', reason: 'not one of inbound, outbound' },
        { row: 7, column: 'Kind', value: 'Wobble', reason: 'not one of voice, sms, mms, data' },
      ],
    });
    // blank cells are no values to report
    expect(apply(headers, fields, ['x', '2125550100', ' ', ''], { row: 7 }).problems).toBeUndefined();
  });
});

describe('the mapped code columns', () => {
  const headers = ['Start', 'Number', 'Dir', 'Kind'];
  const both = [plain('counterpart_number', 1, headers), plain('direction', 2, headers), plain('record_type', 3, headers)];

  it('takes the direction a type column says, and the kind a direction column says, when its own column says none', () => {
    expect(apply(headers, both, ['x', '2125550100', '', 'SMS-MT']).record).toMatchObject({ direction: 'inbound', record_type: 'sms' });
    expect(apply(headers, both, ['x', '2125550100', 'mSOriginatingSMSinMSC', '']).record).toMatchObject({ direction: 'outbound', record_type: 'sms' });
    // each column's own word wins over the other's
    expect(apply(headers, both, ['x', '2125550100', 'Incoming', 'SMS-MO']).record).toMatchObject({ direction: 'inbound', record_type: 'sms' });
    expect(apply(headers, both, ['x', '2125550100', 'MMS received', 'Voice']).record).toMatchObject({ direction: 'inbound', record_type: 'voice' });
  });

  it('keeps what the converters wrote from a mapped column', () => {
    const { record } = apply(headers, both, ['x', '2125550100', 'Incoming', 'Voice'], { record: { direction: 'outbound', record_type: 'sms' } });
    expect(record).toMatchObject({ direction: 'outbound', record_type: 'sms' });
  });

  it('owns the code fields mapped as they are, and leaves one mapped through a transform to the converters', () => {
    const s = compile(headers, both);
    // the other party is the converters' without a pair of party columns
    expect([...s.owns].sort()).toEqual(['direction', 'record_type', 'subscriber_number']);
    expect([...s.fills]).toEqual(['subscriber_number']);
    const transformed = [
      plain('counterpart_number', 1, headers),
      { ...plain('direction', 2, headers), transforms: [{ kind: 'value_map' as const, map: { A: 'inbound' }, caseSensitive: true }] },
      { ...plain('record_type', 3, headers), sources: [3, 2] },
    ];
    const t = compile(headers, transformed);
    expect(t.owns.has('direction')).toBe(false);
    expect(t.owns.has('record_type')).toBe(false);
    const { record } = apply(headers, transformed, ['x', '2125550100', 'Incoming', 'Voice']);
    expect(record).not.toHaveProperty('direction');
    expect(record).not.toHaveProperty('record_type');
  });
});

describe('the other party of a CDR', () => {
  const headers = ['Start', 'Calling Number', 'Called Number', 'Kind'];

  it('is the party column the mapping chose when nothing tells the direction, else the called party', () => {
    const onCalling = [plain('counterpart_number', 1, headers)];
    expect(apply(headers, onCalling, ['x', '2125550100', '4155550100', '']).record).toMatchObject({ counterpart_number: '+12125550100' });
    expect(apply(headers, onCalling, ['x', '2125550100', '4155550100', '']).record).not.toHaveProperty('direction');
    const onCalled = [plain('counterpart_number', 2, headers)];
    expect(apply(headers, onCalled, ['x', '2125550100', '4155550100', '']).record).toMatchObject({ counterpart_number: '+14155550100' });
    expect(apply(headers, [], ['x', '2125550100', '4155550100', '']).record).toMatchObject({ counterpart_number: '+14155550100' });
    // a direction says which side it is, whichever column the mapping chose
    const dirHeaders = [...headers, 'Dir'];
    const withDir = [plain('counterpart_number', 2, dirHeaders), plain('direction', 4, dirHeaders)];
    expect(apply(dirHeaders, withDir, ['x', '2125550100', '4155550100', '', 'Incoming']).record).toMatchObject({ counterpart_number: '+12125550100', subscriber_number: '+14155550100' });
  });

  it('owns and fills the other party and the line; a transformed counterpart leaves the pair to the converters', () => {
    const s = compile(headers, []);
    expect([...s.owns].sort()).toEqual(['counterpart_number', 'direction', 'record_type', 'subscriber_number']);
    expect([...s.fills].sort()).toEqual(['counterpart_number', 'subscriber_number']);
    const transformed = [{ ...plain('counterpart_number', 1, headers), sources: [1, 2] }];
    const t = compile(headers, transformed);
    expect(t.owns.has('counterpart_number')).toBe(false);
    expect(t.fills.has('counterpart_number')).toBe(false);
    expect(apply(headers, transformed, ['x', '2125550100', '4155550100', '']).record).toEqual({});
  });

  it('is an error when a call has none, on the side the direction names, and not for a data session', () => {
    const dirHeaders = [...headers, 'Dir'];
    const fields = [plain('record_type', 3, dirHeaders), plain('direction', 4, dirHeaders)];
    expect(apply(dirHeaders, fields, ['x', '2125550100', '', 'Voice', 'Outgoing'], { row: 4 }).problems).toEqual({
      errors: [{ row: 4, column: 'Called Number', value: '', reason: 'required field is empty' }],
    });
    expect(apply(dirHeaders, fields, ['x', '', '2125550100', 'Voice', 'Incoming'], { row: 4 }).problems).toEqual({
      errors: [{ row: 4, column: 'Calling Number', value: '', reason: 'required field is empty' }],
    });
    // a data session has no other party: nothing to say of an empty one, a warning for text in its place
    expect(apply(dirHeaders, fields, ['x', '2125550100', '', 'Data', ''], { row: 4 }).problems).toBeUndefined();
    const text = apply(dirHeaders, fields, ['x', '2125550100', 'Web Access', 'Data', ''], { row: 4 });
    // (without a direction nor a sample, no side is known to be the line)
    expect(text.record).toEqual({ record_type: 'data' });
    expect(text.problems).toEqual({ warnings: [{ row: 4, column: 'Called Number', value: 'Web Access', reason: expect.any(String) }] });
    // a call's unreadable other party is an error with the reason
    const bad = apply(dirHeaders, fields, ['x', '2125550100', 'Web Access', 'Voice', 'Outgoing'], { row: 4 }).problems;
    expect(bad).toEqual({ errors: [{ row: 4, column: 'Called Number', value: 'Web Access', reason: text.problems!.warnings![0]!.reason }] });
  });

  it('keeps a PBX extension as its digits, marked as one', () => {
    const { record } = apply(headers, [], ['x', '2125550100', 'Ext. 204', '']);
    expect(record).toMatchObject({ direction: 'inbound', counterpart_number: '+12125550100' });
    const out = apply(headers, [], ['x', 'x101', '2125550100', '']).record;
    expect(out).toMatchObject({ direction: 'outbound', counterpart_number: '+12125550100' });
    // the line of a call made from an extension is no number: not written
    expect(out).not.toHaveProperty('subscriber_number');
    const between = apply(headers, [], ['x', '2125550100', 'ext 301', 'Internal']).record;
    expect(between).toMatchObject({ counterpart_number: '301', counterpart_number_line_type: 'extension' });
    expect(between).not.toHaveProperty('direction');
  });
});

describe('the line', () => {
  it('is the printed line column, with a warning for a cell that is no number', () => {
    const headers = ['Start', 'Number', 'Line'];
    const fields = [plain('counterpart_number', 1, headers), plain('subscriber_number', 2, headers)];
    expect(apply(headers, fields, ['x', '2125550100', '415-555-0100']).record).toMatchObject({ subscriber_number: '+14155550100' });
    const { record, problems } = apply(headers, fields, ['x', '2125550100', 'Line 4'], { row: 3 });
    expect(record).not.toHaveProperty('subscriber_number');
    expect(problems).toEqual({ warnings: [{ row: 3, column: 'Line', value: 'Line 4', reason: expect.any(String) }] });
    expect(apply(headers, fields, ['x', '2125550100', ' ']).problems).toBeUndefined();
  });

  it('is the statement block\'s line when no column is mapped to it, and the printed line wins over the sides of the call', () => {
    const headers = ['Start', 'Calling Number', 'Called Number', 'Line Number'];
    const block = apply(headers, [], ['x', '2125550100', '4155550100', '415-555-0100']);
    expect(block.record).toMatchObject({ direction: 'inbound', subscriber_number: '+14155550100', counterpart_number: '+12125550100' });
    // an empty block line: the side of the call, when the direction is known
    expect(apply([...headers, 'Dir'], [plain('direction', 4, [...headers, 'Dir'])], ['x', '2125550100', '4155550100', '', 'Outgoing']).record).toMatchObject({ subscriber_number: '+12125550100' });
    // the block's line is not read when the line has a column of its own, even an empty one
    const mapped = [...headers, 'Mine'];
    const own = apply(mapped, [plain('subscriber_number', 4, mapped)], ['x', '2125550100', '4155550100', '415-555-0100', '']);
    expect(own.record).not.toHaveProperty('subscriber_number');
    expect(own.record).not.toHaveProperty('direction');
  });

  it('from inference is a full number or nothing', () => {
    const headers = ['Start', 'Calling Number', 'Called Number', 'Dir'];
    const fields = [plain('direction', 3, headers)];
    const shortCode = apply(headers, fields, ['x', '611', '2125550100', 'Outgoing']);
    expect(shortCode.record).not.toHaveProperty('subscriber_number');
    expect(shortCode.problems).toBeUndefined();
    expect(apply(headers, fields, ['x', '2125550100', '611', 'Outgoing']).record).toMatchObject({ subscriber_number: '+12125550100', counterpart_number: '611' });
  });
});

describe('the kind of a call that went one way and lasted', () => {
  const headers = ['Start', 'Number', 'Dir', 'Length'];
  const fields = [plain('counterpart_number', 1, headers), plain('direction', 2, headers), plain('duration_seconds', 3, headers)];

  it('is voice when it lasted, nothing when it did not or its direction is unknown', () => {
    expect(apply(headers, fields, ['x', '2125550100', 'Incoming', '0:42'], { record: { duration_seconds: 42 } }).record).toEqual({ direction: 'inbound', duration_seconds: 42, record_type: 'voice' });
    expect(apply(headers, fields, ['x', '2125550100', 'Incoming', '0'], { record: { duration_seconds: 0 } }).record).toEqual({ direction: 'inbound', duration_seconds: 0 });
    expect(apply(headers, fields, ['x', '2125550100', 'Incoming', '']).record).toEqual({ direction: 'inbound' });
    expect(apply(headers, fields, ['x', '2125550100', 'Sideways', '0:42'], { record: { duration_seconds: 42 } }).record).toEqual({ duration_seconds: 42 });
  });
});

describe('the columns learned from the sample', () => {
  const row = (note: string, place = '') => ['2025-01-01', '2125550100', note, place];

  it('leaves out a column mapped to another field, but reads one mapped to the location', () => {
    const headers = ['Start', 'Number', 'Note', 'Where'];
    const sample = [row('SMS-MO'), row('SMS-MT'), row('SMS-MO')];
    const base = [plain('counterpart_number', 1, headers)];
    expect(apply(headers, base, row('SMS-MT'), { sample }).record).toEqual({ direction: 'inbound', record_type: 'sms' });
    expect(apply(headers, [...base, plain('account_number', 2, headers)], row('SMS-MT'), { sample }).record).toEqual({});
    // the location is a column of places: only the direction of its marked cells is read
    expect(apply(headers, [...base, plain('location', 2, headers)], row('SMS-MT'), { sample }).record).toEqual({ direction: 'inbound' });
  });

  it('takes the location column for a column of places, whatever its header', () => {
    const headers = ['Start', 'Number', 'Note', 'Where'];
    const sample = [row('', 'DALLAS TX'), row('', 'INCOMING CL'), row('', 'PLANO TX')];
    const base = [plain('counterpart_number', 1, headers)];
    // as the location: a place where incoming calls are marked is an outgoing call
    expect(apply(headers, [...base, plain('location', 3, headers)], row('', 'IRVING TX'), { sample }).record).toEqual({ direction: 'outbound' });
    // under a header that names no place, only its marked cells say something
    expect(apply(headers, base, row('', 'IRVING TX'), { sample }).record).toEqual({});
    expect(apply(headers, base, row('', 'INCOMING CL'), { sample }).record).toEqual({ direction: 'inbound' });
  });

  it('reads no direction from a place where a code column already named the call internal or gave one', () => {
    const headers = ['Start', 'Number', 'Type', 'Call To'];
    const sample = [row('Voice', 'DALLAS TX'), row('Voice', 'INCOMING CL'), row('Internal', 'PLANO TX'), row('SMS', 'AUSTIN TX')];
    const base = [plain('counterpart_number', 1, headers)];
    expect(apply(headers, base, row('Voice', 'IRVING TX'), { sample }).record).toEqual({ direction: 'outbound', record_type: 'voice' });
    expect(apply(headers, base, row('Internal', 'IRVING TX'), { sample }).record).toEqual({ record_type: 'voice' });
    expect(apply(headers, base, row('SMS-MT', 'IRVING TX'), { sample }).record).toEqual({ direction: 'inbound', record_type: 'sms' });
  });

  it('reads an empty place cell as nothing, and the first marked place column', () => {
    const headers = ['Start', 'Number', 'Origination', 'Destination'];
    const sample = [row('CHICAGO IL', 'DALLAS TX'), row('CHICAGO IL', 'INCOMING CL'), row('INCOMING CL', 'CHICAGO IL')];
    const base = [plain('counterpart_number', 1, headers)];
    expect(apply(headers, base, row('', ''), { sample }).record).toEqual({});
    expect(apply(headers, base, row('', 'AUSTIN TX'), { sample }).record).toEqual({ direction: 'outbound' });
    expect(apply(headers, base, row('Incoming', 'AUSTIN TX'), { sample }).record).toEqual({ direction: 'inbound' });
  });

  it('takes a code column\'s kind when the mapped columns gave the direction only', () => {
    const headers = ['Start', 'Number', 'Dir', 'Service'];
    const fields = [plain('counterpart_number', 1, headers), plain('direction', 2, headers)];
    const sample = [row('Incoming', 'SMS'), row('Outgoing', 'Voice'), row('Outgoing', 'MMS')];
    expect(apply(headers, fields, row('Incoming', 'MMS'), { sample }).record).toEqual({ direction: 'inbound', record_type: 'mms' });
    // a short code under a header that names no direction does not count there
    // a short code in a column of codes and other text, under a header that is not about codes, does not count
    const noteHeaders = ['Start', 'Number', 'Dir', 'Note'];
    const noted = [plain('counterpart_number', 1, noteHeaders), plain('direction', 2, noteHeaders)];
    const mixed = [row('', 'Voice'), row('', 'SMS'), row('', 'MMS'), row('', 'In'), row('', 'see bill')];
    expect(apply(noteHeaders, noted, row('', 'In'), { sample: mixed }).record).toEqual({});
    expect(apply(noteHeaders, noted, row('', 'SMS-MT'), { sample: mixed }).record).toEqual({ direction: 'inbound', record_type: 'sms' });
  });
});

describe('a log of the calls a line made', () => {
  const headers = ['Start', 'Number Called', 'Kind', 'Dir'];

  it('takes a row as outgoing unless a column says otherwise, it is a data session or a call between extensions', () => {
    const fields = [plain('counterpart_number', 1, headers), plain('record_type', 2, headers), plain('direction', 3, headers)];
    expect(apply(headers, fields, ['x', '2125550100', 'Voice', '']).record).toEqual({ direction: 'outbound', record_type: 'voice' });
    expect(apply(headers, fields, ['x', '2125550100', 'Voice', 'Incoming']).record).toEqual({ direction: 'inbound', record_type: 'voice' });
    expect(apply(headers, fields, ['x', '2125550100', 'Data', '']).record).toEqual({ record_type: 'data' });
    expect(apply(headers, fields, ['x', '2125550100', 'Voice', 'Internal']).record).toEqual({ record_type: 'voice' });
  });

  it('is not one when its number column is mapped through a transform or from two columns', () => {
    const two = [{ ...plain('counterpart_number', 1, headers), sources: [1, 2] }];
    // (a "Number Called" table is a voice log all the same)
    expect(apply(headers, two, ['x', '2125550100', '', '']).record).toEqual({ record_type: 'voice' });
  });
});

describe('schemas with some of the call fields', () => {
  const headers = ['Start', 'Calling Number', 'Called Number', 'Dir', 'Kind', 'Line', 'Secs'];
  const row = ['x', '2125550100', '4155550100', 'Outgoing', 'SMS-MO', '', '30'];
  const without = (...names: string[]) => ({ ...callRecord, fields: callRecord.fields.filter((f) => !names.includes(f.name)) });
  const retyped = (name: string, type: 'string') => ({ ...callRecord, fields: callRecord.fields.map((f) => (f.name === name ? { ...f, type } : f)) });
  const run = (schema: typeof callRecord, fields: FieldMapping[] = [], cells = row, record: Record<string, unknown> = {}) => {
    const s = compileCallSemantics({ schema, mapping: mappingOf(fields.filter((f) => schema.fields.some((d) => d.name === f.field))), headers, region: 'US' });
    if (s === undefined) return undefined;
    const out = { ...record };
    const problems = s.apply(out, cells, 1);
    return { owns: [...s.owns].sort(), fills: [...s.fills].sort(), record: out, problems };
  };
  const all = [plain('direction', 3, headers), plain('record_type', 4, headers), plain('subscriber_number', 5, headers), plain('duration_seconds', 6, headers)];

  it('has nothing to do without a code field of enum type', () => {
    expect(run(without('direction', 'record_type'), all)).toBeUndefined();
    const noKind = without('record_type');
    expect(run(noKind, all)).toBeDefined();
    expect(run({ ...noKind, fields: noKind.fields.map((f) => (f.name === 'direction' ? { ...f, type: 'string' as const } : f)) }, all)).toBeUndefined();
    const noDirection = without('direction');
    expect(run(noDirection, all)).toBeDefined();
    expect(run({ ...noDirection, fields: noDirection.fields.map((f) => (f.name === 'record_type' ? { ...f, type: 'string' as const } : f)) }, all)).toBeUndefined();
    expect(run(getSchema('contact'))).toBeUndefined();
  });

  it('reads the kind without a direction field, and the direction without a kind field', () => {
    expect(run(without('direction'), all)).toEqual({
      owns: ['counterpart_number', 'record_type', 'subscriber_number'],
      fills: ['counterpart_number', 'subscriber_number'],
      record: { record_type: 'sms', counterpart_number: '+14155550100', counterpart_number_region: 'US', counterpart_number_line_type: 'fixed_line_or_mobile', subscriber_number: '+12125550100', subscriber_number_region: 'US', subscriber_number_line_type: 'fixed_line_or_mobile' },
      problems: undefined,
    });
    const dirOnly = run(without('record_type'), all, [...row.slice(0, 4), 'Sideways', '', '30'], { duration_seconds: 30 });
    expect(dirOnly?.owns).toEqual(['counterpart_number', 'direction', 'subscriber_number']);
    expect(dirOnly?.record).toMatchObject({ direction: 'outbound', counterpart_number: '+14155550100', subscriber_number: '+12125550100' });
    expect(Object.keys(dirOnly!.record)).not.toContain('record_type');
  });

  it('leaves the parties alone without a counterpart phone field, and the line without a subscriber field', () => {
    for (const schema of [without('counterpart_number'), retyped('counterpart_number', 'string')]) {
      const r = run(schema, all)!;
      expect(r.owns).toEqual(['direction', 'record_type', 'subscriber_number']);
      expect(r.record).toEqual({ direction: 'outbound', record_type: 'sms' });
    }
    const noLine = run(without('subscriber_number'), all)!;
    expect(noLine.owns).toEqual(['counterpart_number', 'direction', 'record_type']);
    expect(noLine.fills).toEqual(['counterpart_number']);
    expect(Object.keys(noLine.record).filter((k) => k.startsWith('subscriber'))).toEqual([]);
    // no duration field: a call's kind is not inferred from how long it lasted
    const noDuration = run(without('duration_seconds', 'record_type'), all, [...row.slice(0, 4), '', '', '30'], { duration_seconds: 30 })!;
    expect(noDuration.record).toMatchObject({ direction: 'outbound' });
  });
});

describe('more of the layout', () => {
  it('ignores a subscriber mapping on either party column', () => {
    const headers = ['Start', 'Calling Number', 'Called Number', 'Dir'];
    const onCalled = [plain('subscriber_number', 2, headers), plain('direction', 3, headers)];
    expect(apply(headers, onCalled, ['x', '2125550100', '4155550100', 'Outgoing']).record).toMatchObject({ subscriber_number: '+12125550100', counterpart_number: '+14155550100' });
  });

  it('reads a dialled-number header with punctuation and doubled spaces, and never under a pair of party columns', () => {
    for (const header of ['Number Called:', 'Number  Called', ' Dialed - Number ']) {
      const headers = ['Start', header];
      expect(apply(headers, [plain('counterpart_number', 1, headers)], ['x', '2125550100']).record, header).toMatchObject({ direction: 'outbound' });
    }
    const pair = ['Start', 'Calling Number', 'Called Number'];
    expect(apply(pair, [plain('counterpart_number', 2, pair)], ['x', '2125550100', '4155550100']).record).not.toHaveProperty('direction');
  });

  it('does not read a party column as a place, even one headed "Destination"', () => {
    const headers = ['Start', 'Source', 'Destination'];
    const { record } = apply(headers, [], ['x', '2125550100', 'Incoming'], { sample: [] });
    expect(record).not.toHaveProperty('direction');
  });

  it('learns the kind from a direction column mapped through a transform', () => {
    const headers = ['Start', 'Number', 'Dir'];
    const fields = [plain('counterpart_number', 1, headers), { ...plain('direction', 2, headers), transforms: [{ kind: 'value_map' as const, map: { X: 'inbound' }, caseSensitive: true }] }];
    const sample = [['x', '1', 'SMS-MO'], ['x', '1', 'SMS-MT'], ['x', '1', 'MMS-MO']];
    expect(apply(headers, fields, ['x', '2125550100', 'SMS-MT'], { sample }).record).toEqual({ record_type: 'sms' });
  });

  it('keeps a mapped direction over a marked place, and a direction the converters wrote', () => {
    const headers = ['Start', 'Number', 'Dir', 'Call To'];
    const fields = [plain('counterpart_number', 1, headers), plain('direction', 2, headers)];
    const sample = [['x', '1', '', 'DALLAS TX'], ['x', '1', '', 'INCOMING CL']];
    // ("Call To" is a voice log's header)
    expect(apply(headers, fields, ['x', '2125550100', 'Outgoing', 'INCOMING CL'], { sample }).record).toEqual({ direction: 'outbound', record_type: 'voice' });
    expect(apply(headers, fields, ['x', '2125550100', '', 'INCOMING CL'], { sample }).record).toEqual({ direction: 'inbound', record_type: 'voice' });
  });

  it('takes the unmarked meaning from a later place column when the first marks both directions', () => {
    const headers = ['Start', 'Number', 'Note Place', 'Call To'];
    const fields = [plain('counterpart_number', 1, headers)];
    const sample = [['x', '1', 'INCOMING', 'DALLAS TX'], ['x', '1', 'OUTGOING', 'INCOMING CL'], ['x', '1', 'CHICAGO', 'PLANO TX']];
    expect(apply(headers, fields, ['x', '2125550100', 'CHICAGO', 'AUSTIN TX'], { sample }).record).toEqual({ direction: 'outbound', record_type: 'voice' });
  });

  it('keeps the kind a column gave a call that went one way and lasted', () => {
    const headers = ['Start', 'Number', 'Kind', 'Secs'];
    const fields = [plain('counterpart_number', 1, headers), plain('record_type', 2, headers), plain('duration_seconds', 3, headers)];
    expect(apply(headers, fields, ['x', '2125550100', 'SMS-MO', '5'], { record: { duration_seconds: 5 } }).record).toEqual({ direction: 'outbound', record_type: 'sms', duration_seconds: 5 });
  });

  it('lifts the other party\'s requirement for a table of data sessions, and writes no empty kind', () => {
    const headers = ['Start', 'Calling Number', 'Called Number', 'MB'];
    const { record, problems } = apply(headers, [], ['x', '2125550100', '', '12']);
    expect(problems).toBeUndefined();
    expect(record.record_type).toBe('data');
    const unknown = apply(['Start', 'Calling Number', 'Called Number'], [], ['x', '2125550100', '4155550100']).record;
    expect(Object.keys(unknown).filter((k) => k === 'record_type' || k === 'direction')).toEqual([]);
  });

  it('takes the line from the sides when its column is blank on a row', () => {
    const headers = ['Start', 'Calling Number', 'Called Number', 'Line', 'Dir'];
    const fields = [plain('subscriber_number', 3, headers), plain('direction', 4, headers)];
    expect(apply(headers, fields, ['x', '2125550100', '4155550100', ' ', 'Outgoing']).record).toMatchObject({ subscriber_number: '+12125550100', counterpart_number: '+14155550100' });
  });

  it('reads the statement block\'s line in the first column too', () => {
    const headers = ['Line Number', 'Calling Number', 'Called Number'];
    expect(apply(headers, [], ['415-555-0100', '4155550100', '2125550100']).record).toMatchObject({ direction: 'outbound', subscriber_number: '+14155550100' });
  });

  it('takes the side a direction names over the party column the mapping chose', () => {
    const headers = ['Start', 'Calling Number', 'Called Number', 'Dir'];
    const fields = [plain('counterpart_number', 1, headers), plain('direction', 3, headers)];
    expect(apply(headers, fields, ['x', '2125550100', '4155550100', 'Outgoing']).record).toMatchObject({ counterpart_number: '+14155550100' });
  });

  it('writes no field mapped through a transform, whatever it finds', () => {
    const headers = ['Start', 'Number Called', 'Dir', 'Kind'];
    const transform = { kind: 'value_map' as const, map: { A: 'inbound' }, caseSensitive: true };
    const fields = [plain('counterpart_number', 1, headers), { ...plain('direction', 2, headers), transforms: [transform] }, { ...plain('record_type', 3, headers), transforms: [transform] }];
    // "Number Called" makes it an outgoing voice call; the converters own both fields
    expect(apply(headers, fields, ['x', '2125550100', '', '']).record).toEqual({});
    expect(apply(headers, fields.slice(0, 1), ['x', '2125550100', '', '']).record).toEqual({ direction: 'outbound', record_type: 'voice' });
  });
});

describe('a column the sample leaves empty', () => {
  const row = (cell: string) => ['2025-01-01', '2125550100', cell];
  const blank = [row(''), row(' ')];

  it('is read for codes by its header: short ones only under a header about the direction', () => {
    for (const [header, cell, expected] of [
      ['Dir', 'In', { direction: 'inbound' }],
      ['In/Out', 'Out', { direction: 'outbound' }],
      ['Type', 'In', {}],
      ['Type', 'SMS-MT', { direction: 'inbound', record_type: 'sms' }],
      ['Note', 'SMS-MT', {}],
    ] as const) {
      const headers = ['Start', 'Number', header];
      expect(apply(headers, [plain('counterpart_number', 1, headers)], row(cell), { sample: blank }).record, `${header} ${cell}`).toEqual(expected);
    }
  });

  it('is read as a place by its header: its markers count, an unmarked place says nothing', () => {
    const headers = ['Start', 'Number', 'Origin'];
    const fields = [plain('counterpart_number', 1, headers)];
    expect(apply(headers, fields, row('INCOMING CL'), { sample: blank }).record).toEqual({ direction: 'inbound' });
    expect(apply(headers, fields, row('DALLAS TX'), { sample: blank }).record).toEqual({});
  });
});

describe('what the last run left', () => {
  it('finds the direction field by its code table, not as the first enum of the schema', () => {
    const typeFirst = { ...callRecord, fields: [...callRecord.fields.filter((f) => f.name === 'record_type'), ...callRecord.fields.filter((f) => f.name !== 'record_type')] };
    const headers = ['Start', 'Number', 'Dir', 'Kind'];
    const semantics = compileCallSemantics({ schema: typeFirst, mapping: mappingOf([plain('counterpart_number', 1, headers), plain('direction', 2, headers), plain('record_type', 3, headers)]), headers, region: 'US' })!;
    const record: Record<string, unknown> = {};
    semantics.apply(record, ['x', '2125550100', 'Outgoing', ''], 1);
    expect(record).toEqual({ direction: 'outbound' });
    expect(Object.keys(record)).toEqual(['direction']);
  });

  it('takes the called party for a call without a direction when the mapping chose a column of neither party', () => {
    const headers = ['Start', 'Calling Number', 'Called Number', 'Other'];
    expect(apply(headers, [plain('counterpart_number', 3, headers)], ['x', '2125550100', '4155550100', '3125550100']).record).toMatchObject({ counterpart_number: '+14155550100' });
  });

  it('learns the direction from a type column mapped through a transform', () => {
    const headers = ['Start', 'Number', 'Kind'];
    const fields = [plain('counterpart_number', 1, headers), { ...plain('record_type', 2, headers), transforms: [{ kind: 'value_map' as const, map: { X: 'voice' }, caseSensitive: true }] }];
    const sample = [['x', '1', 'SMS-MO'], ['x', '1', 'SMS-MT'], ['x', '1', 'MMS-MO']];
    expect(apply(headers, fields, ['x', '2125550100', 'SMS-MT'], { sample }).record).toEqual({ direction: 'inbound' });
  });

  it('says nothing of a value answered as none of them, nor of a code that names only the other thing', () => {
    const headers = ['Start', 'Number', 'Dir', 'Kind'];
    const fields = [plain('counterpart_number', 1, headers), plain('direction', 2, headers), plain('record_type', 3, headers)];
    const valueMaps: EnumValueMap[] = [
      { field: 'direction', column: 'Dir', values: { ZQ: null }, by: { ZQ: 'ai' } },
      { field: 'record_type', column: 'Kind', values: { Wz: null }, by: { Wz: 'person' } },
    ];
    expect(apply(headers, fields, ['x', '2125550100', 'ZQ', 'Wz'], { valueMaps })).toEqual({ record: {}, problems: undefined });
    // a direction under the type column: read, not reported
    expect(apply(headers, fields, ['x', '2125550100', '', 'Incoming'])).toEqual({ record: { direction: 'inbound' }, problems: undefined });
    // the type column alone unread
    expect(apply(headers, fields, ['x', '2125550100', 'Incoming', 'Wobble']).problems).toEqual({ warnings: [{ row: 1, column: 'Kind', value: 'Wobble', reason: 'not one of voice, sms, mms, data' }] });
  });

  it('gives the reason an other party is unreadable', () => {
    const headers = ['Start', 'Calling Number', 'Called Number', 'Dir'];
    const r = apply(headers, [plain('direction', 3, headers)], ['x', '2125550100', 'Web Access', 'Outgoing']).problems!.errors![0]!;
    const read = normalizePhone('Web Access', 'US');
    expect(read.ok).toBe(false);
    expect(r.reason).toBe(!read.ok ? read.reason : undefined);
  });

  it('reads a row shorter than the headers as blank cells', () => {
    const headers = ['Start', 'Number', 'Dir', 'Kind'];
    const fields = [plain('counterpart_number', 1, headers), plain('direction', 2, headers), plain('record_type', 3, headers)];
    expect(apply(headers, fields, ['x', '2125550100'])).toEqual({ record: {}, problems: undefined });
    const pair = ['Start', 'Calling Number', 'Called Number', 'Dir'];
    expect(apply(pair, [], ['x']).problems).toEqual({ errors: [{ row: 1, column: 'Called Number', value: '', reason: 'required field is empty' }] });
    expect(apply(pair, [plain('direction', 3, pair)], ['x', '', '2125550100', 'Outgoing']).record).toMatchObject({ counterpart_number: '+12125550100' });
    expect(apply(pair, [plain('direction', 3, pair)], ['x', '2125550100', '', 'Incoming']).record).toMatchObject({ counterpart_number: '+12125550100' });
  });
});

describe('the helpers after compileCallSemantics', () => {
  it('offers the called party column to a counterpart field first in its schema', () => {
    const fields = [...callRecord.fields.filter((f) => f.name === 'counterpart_number'), ...callRecord.fields.filter((f) => f.name !== 'counterpart_number')];
    expect(partyColumnCandidates(fields, ['Start', 'From', 'To'])).toEqual([{ field: 0, column: 2, confidence: 0.9 }]);
  });

  it('counts one short code written in other case as one code, not a column of two', () => {
    const headers = ['Start', 'Number', 'Note'];
    const sample = [['x', '1', 'In'], ['x', '1', 'in'], ['x', '1', 'IN ']];
    expect(apply(headers, [plain('counterpart_number', 1, headers)], ['x', '2125550100', 'Out'], { sample }).record).toEqual({});
  });
});

describe('fieldsFilledWithoutColumns, at the bound', () => {
  const headers = ['Start', 'Number', 'Note', 'Dir'];
  const fields = [plain('counterpart_number', 1, headers)];
  const filled = (sample: string[][], mapping = fields) => fieldsFilledWithoutColumns({ schema: callRecord, mapping: mappingOf(mapping), headers, region: 'US', sample }).sort();

  it('names a field written on exactly half the rows, and not one on fewer, nor a mapped one', () => {
    const half = [['x', '1', 'SMS-MO', ''], ['x', '1', 'SMS-MT', ''], ['x', '1', '', ''], ['x', '1', '', '']];
    expect(filled(half)).toEqual(['direction', 'record_type']);
    const fewer = [...half, ['x', '1', '', '']];
    expect(filled(fewer)).toEqual([]);
    const dir = [['x', '1', '', 'Incoming'], ['x', '1', '', 'Outgoing']];
    expect(filled(dir, [...fields, plain('direction', 3, headers)])).toEqual([]);
  });
});

describe('learnColumns, blank cells', () => {
  it('counts only the filled cells of a column when it weighs its codes', () => {
    const headers = ['Start', 'Number', 'Note'];
    const sample = [['x', '1', 'SMS-MO'], ['x', '1', 'SMS-MT'], ['x', '1', ''], ['x', '1', ' '], ['x', '1', '']];
    expect(apply(headers, [plain('counterpart_number', 1, headers)], ['x', '2125550100', 'SMS-MT'], { sample }).record).toEqual({ direction: 'inbound', record_type: 'sms' });
  });
});
