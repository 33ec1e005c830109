import { describe, expect, it } from 'vitest';
import type { FieldMapping, MappingResult } from '../../functions/core/pipeline-types.ts';
import { compileCallSemantics, fieldsFilledWithoutColumns, findPartyColumns, partyColumnCandidates } from '../../functions/core/records/call-semantics.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';
import { plainMapping } from '../helpers/field-mapping.ts';

// The words and thresholds by which the call semantics reads a log's layout. Each header a
// carrier prints for a party, a kind of record or a dialled number is pinned one by one: a word
// lost from a list is a log whose calls all get the wrong direction or the wrong other party.

const callRecord = getSchema('call_record');
const plain = plainMapping;
const mappingOf = (fields: FieldMapping[]): MappingResult => ({ status: 'mapped', schema: 'call_record', confidence: 1, missingRequired: [], fields });
/** The record the call semantics alone writes for one row. */
function apply(headers: string[], fields: FieldMapping[], cells: string[], sample?: string[][]) {
  const semantics = compileCallSemantics({ schema: callRecord, mapping: mappingOf(fields), headers, region: 'US', ...(sample !== undefined ? { sample } : {}) });
  const record: Record<string, unknown> = {};
  const problems = semantics!.apply(record, cells, 1);
  return { record, problems };
}

describe('findPartyColumns: every header of a calling and a called party', () => {
  it.each([
    'Calling Number', 'Calling Party Number', 'Calling Party', 'Calling MSISDN', 'Calling', 'Caller Number', 'Caller', 'Caller ID Number',
    'From Number', 'From', 'A Number', 'A Party Number', 'A Party', 'Originating Number', 'Origin Number', 'Orig Number', 'Source Number',
    'Source', 'src', 'ANI', 'Sender', 'Originator',
  ])('takes %j for the calling party', (header) => {
    expect(findPartyColumns(['Date', header, 'Called Number'])).toEqual({ calling: 1, called: 2 });
  });

  it.each([
    'Called Number', 'Called Party Number', 'Called Party', 'Called MSISDN', 'Called', 'Callee', 'To Number', 'To', 'B Number',
    'B Party Number', 'B Party', 'Dialed Number', 'Dialled Number', 'Dialed Digits', 'Dialled Digits', 'Destination Number',
    'Dest Number', 'Terminating Number', 'dst', 'DNIS', 'Recipient', 'Receiver',
  ])('takes %j for the called party', (header) => {
    expect(findPartyColumns([header, 'Date', 'Calling Number'])).toEqual({ calling: 2, called: 0 });
  });

  it('reads headers as printed: camel case, a number sign, NBR/Num/No, a note in parentheses', () => {
    expect(findPartyColumns(['CallingNumber', 'CalledNumber'])).toEqual({ calling: 0, called: 1 });
    expect(findPartyColumns(['Calling #', 'Called #'])).toEqual({ calling: 0, called: 1 });
    expect(findPartyColumns(['Calling Num', 'Called No'])).toEqual({ calling: 0, called: 1 });
    expect(findPartyColumns(['Calling Number (A)', 'Called Number (B)'])).toEqual({ calling: 0, called: 1 });
    expect(findPartyColumns(['CALLING_NUMBER', 'called-number'])).toEqual({ calling: 0, called: 1 });
  });

  it('prefers the most specific header, and pairs "Destination" only with "Source"', () => {
    expect(findPartyColumns(['Caller', 'Calling Number', 'Callee'])).toEqual({ calling: 1, called: 2 });
    expect(findPartyColumns(['Source', 'Destination'])).toEqual({ calling: 0, called: 1 });
    expect(findPartyColumns(['From', 'Destination'])).toBeUndefined();
    expect(findPartyColumns(['Calling Number'])).toBeUndefined();
    expect(findPartyColumns(['Called Number'])).toBeUndefined();
    expect(findPartyColumns(['Destination', 'Called Number'])).toBeUndefined();
  });
});

describe('partyColumnCandidates', () => {
  it('offers the called party column for the other party, only to a schema with a direction', () => {
    const fields = callRecord.fields;
    const field = fields.findIndex((f) => f.name === 'counterpart_number');
    expect(partyColumnCandidates(fields, ['Start', 'From', 'To'])).toEqual([{ field, column: 2, confidence: 0.9 }]);
    expect(partyColumnCandidates(fields, ['Start', 'Number'])).toEqual([]);
    expect(partyColumnCandidates(fields.filter((f) => f.name !== 'direction'), ['Start', 'From', 'To'])).toEqual([]);
    expect(partyColumnCandidates(fields.filter((f) => f.name !== 'counterpart_number'), ['Start', 'From', 'To'])).toEqual([]);
    const textParty = fields.map((f) => (f.name === 'counterpart_number' ? { ...f, type: 'string' as const } : f));
    expect(partyColumnCandidates(textParty, ['Start', 'From', 'To'])).toEqual([]);
  });
});

describe('the kind of records a table holds, from its headers', () => {
  it.each([
    ['Messages', 'sms'], ['Message', 'sms'], ['Msgs', 'sms'], ['Msg', 'sms'], ['SMS', 'sms'], ['Texts', 'sms'], ['Text', 'sms'], ['Segments', 'sms'],
    ['KB', 'data'], ['MB', 'data'], ['GB', 'data'], ['Kilobytes', 'data'], ['Megabytes', 'data'], ['Kilobyte', 'data'], ['Bytes', 'data'], ['APN', 'data'],
    ['Data Usage', 'data'], ['Data Volume', 'data'],
    ['Min', 'voice'], ['Mins', 'voice'], ['Minutes', 'voice'], ['MOU', 'voice'], ['Airtime', 'voice'], ['Talk Time', 'voice'], ['Talking', 'voice'],
    ['Ringing', 'voice'], ['Duration', 'voice'], ['Billsec', 'voice'], ['Disposition', 'voice'], ['dcontext', 'voice'], ['CLID', 'voice'],
    ['Calls', 'voice'], ['Call', 'voice'], ['Caller', 'voice'],
  ])('reads a table with %j as %s records', (header, kind) => {
    const headers = ['Start', 'Other Party', header];
    const { record } = apply(headers, [plain('counterpart_number', 1, headers)], ['2025-01-01', '4155550100', '1']);
    expect(record.record_type).toBe(kind);
  });

  it('reads "Number Called" as a voice log', () => {
    const headers = ['Start', 'Number Called'];
    expect(apply(headers, [plain('counterpart_number', 1, headers)], ['2025-01-01', '4155550100']).record.record_type).toBe('voice');
  });

  it('says nothing for a table of two kinds, of none, or whose only kind word is a context column', () => {
    const kindOf = (headers: string[]) => apply(headers, [plain('counterpart_number', 1, headers)], headers.map(() => '')).record.record_type;
    expect(kindOf(['Start', 'Other Party', 'Minutes', 'Messages'])).toBeUndefined();
    expect(kindOf(['Start', 'Other Party', 'Amount'])).toBeUndefined();
    expect(kindOf(['Start', 'Other Party', 'Section'])).toBeUndefined();
    expect(kindOf(['Start', 'Other Party', 'Textile'])).toBeUndefined();
  });
});

describe('a log whose only number column is the number dialled', () => {
  it.each([
    'Number Called', 'Called Number', 'Dialed Number', 'Dialled Number', 'Number Dialed', 'Number Dialled', 'Destination Number',
    'Zielrufnummer', 'Gewählte Nummer', 'Gewählte Rufnummer', 'Angerufene Nummer', 'Angerufene Rufnummer', 'Numéro appelé', 'Numéro composé',
    'Numero chiamato', 'Número llamado', 'Número marcado', 'Gebeld nummer', 'Gekozen nummer', 'Uppringt nummer', 'Ringt nummer',
    'Valittu numero', 'Soitettu numero', 'Wybrany numer', 'NUMBER-CALLED',
  ])('reads a row under %j as outgoing', (header) => {
    const headers = ['Start', header, 'Amount'];
    expect(apply(headers, [plain('counterpart_number', 1, headers)], ['2025-01-01', '4155550100', '1']).record.direction).toBe('outbound');
  });

  it.each(['Number', 'Phone Number', 'Other Number', 'Called Number Note', 'Re Number Called'])('leaves a row under %j without a direction', (header) => {
    const headers = ['Start', header, 'Amount'];
    expect(apply(headers, [plain('counterpart_number', 1, headers)], ['2025-01-01', '4155550100', '1']).record.direction).toBeUndefined();
  });

  it('leaves a data session and a call between extensions without a direction', () => {
    const headers = ['Start', 'Number Called', 'Type'];
    const fields = [plain('counterpart_number', 1, headers), plain('record_type', 2, headers)];
    expect(apply(headers, fields, ['2025-01-01', '4155550100', 'Data']).record).toEqual({ record_type: 'data' });
    // a call between extensions, whether its type column or its direction column says so
    expect(apply(headers, fields, ['2025-01-01', '4155550100', 'Internal']).record.direction).toBeUndefined();
    const byDirection = [plain('counterpart_number', 1, headers), plain('direction', 2, headers)];
    expect(apply(headers, byDirection, ['2025-01-01', '4155550100', 'Internal']).record.direction).toBeUndefined();
    expect(apply(headers, fields, ['2025-01-01', '4155550100', 'Voice']).record).toEqual({ record_type: 'voice', direction: 'outbound' });
  });
});

describe('the line of a CDR that does not print it', () => {
  const headers = ['Start', 'Calling Number', 'Called Number'];
  const line = '4155550100';
  const call = (from: string, to: string) => ['2025-01-01', from, to];

  it('is the number on at least three calls and 60 % of them', () => {
    const three = [call(line, '2125550101'), call('2125550102', line), call(line, '2125550103'), call('2125550104', '2125550105'), call('2125550106', '2125550107')];
    expect(apply(headers, [], call('2125550199', line), three).record).toMatchObject({ direction: 'inbound', counterpart_number: '+12125550199', subscriber_number: '+14155550100' });
    const lessThan60 = [...three, call('2125550108', '2125550109')];
    expect(apply(headers, [], call('2125550199', line), lessThan60).record).not.toHaveProperty('direction');
    const two = [call(line, '2125550101'), call('2125550102', line)];
    expect(apply(headers, [], call('2125550199', line), two).record).not.toHaveProperty('direction');
  });

  it('counts a number once per call and ignores rows without a number', () => {
    const sample = [call(line, line), call(line, line), call('', ''), call(line, '2125550101'), call('2125550102', '2125550103')];
    // 3 of the 4 rows with a number: the line
    expect(apply(headers, [], call(line, '2125550199'), sample).record).toMatchObject({ direction: 'outbound', counterpart_number: '+12125550199' });
    const twice = [call(line, line), call(line, line), call('2125550101', '2125550102')];
    expect(apply(headers, [], call(line, '2125550199'), twice).record).not.toHaveProperty('direction');
  });
});

describe('the direction of a PBX call from its extension', () => {
  const headers = ['Start', 'src', 'dst'];

  it('takes the side of an extension of 2 to 6 digits, written bare or as one, as the line', () => {
    expect(apply(headers, [], ['x', '105', '2125550100']).record).toMatchObject({ direction: 'outbound', counterpart_number: '+12125550100' });
    expect(apply(headers, [], ['x', '2125550100', '12']).record).toMatchObject({ direction: 'inbound', counterpart_number: '+12125550100' });
    expect(apply(headers, [], ['x', '123456', '2125550100']).record).toMatchObject({ direction: 'outbound' });
    expect(apply(headers, [], ['x', 'Ext. 101', '2125550100']).record).toMatchObject({ direction: 'outbound' });
    expect(apply(headers, [], ['x', 'extension 101', '2125550100']).record).toMatchObject({ direction: 'outbound' });
    expect(apply(headers, [], ['x', '2125550100', 'x204']).record).toMatchObject({ direction: 'inbound' });
  });

  it('finds none between two extensions, two full numbers, or with an other party too short to be a number', () => {
    expect(apply(headers, [], ['x', '105', '210']).record).not.toHaveProperty('direction');
    expect(apply(headers, [], ['x', '2125550100', '4155550100']).record).not.toHaveProperty('direction');
    expect(apply(headers, [], ['x', '1', '2125550100']).record).not.toHaveProperty('direction');
    expect(apply(headers, [], ['x', '1234567', '2125550100']).record).not.toHaveProperty('direction');
    expect(apply(headers, [], ['x', '105', '555-010']).record).not.toHaveProperty('direction');
    expect(apply(headers, [], ['x', '105', '555-0100']).record).toMatchObject({ direction: 'outbound' });
  });

  it('takes only a whole cell for an extension: not one inside other text or with more digits', () => {
    for (const notExtension of ['box 101', 'ext 101a', 'x1234567', 'Tx204']) {
      expect(apply(headers, [], ['x', notExtension, '2125550100']).record).not.toHaveProperty('direction');
    }
    expect(apply(headers, [], ['x', ' ext 101 ', '2125550100']).record).toMatchObject({ direction: 'outbound' });
  });
});

describe('fieldsFilledWithoutColumns', () => {
  const headers = ['Start', 'Calling Number', 'Called Number', 'Minutes'];
  const line = '4155550100';

  it('names the fields the semantics writes on at least half the sample rows without a column', () => {
    const sample = [
      ['x', line, '2125550101', '1'],
      ['x', '2125550102', line, '1'],
      ['x', line, '2125550103', '1'],
      ['x', '2125550104', '2125550105', '1'],
    ];
    const filled = fieldsFilledWithoutColumns({ schema: callRecord, mapping: mappingOf([plain('started_at', 0, headers)]), headers, region: 'US', sample });
    expect(filled.sort()).toEqual(['counterpart_number', 'direction', 'record_type', 'subscriber_number']);
    const mapped = fieldsFilledWithoutColumns({
      schema: callRecord,
      mapping: mappingOf([plain('started_at', 0, headers), plain('subscriber_number', 3, headers)]),
      headers,
      region: 'US',
      sample,
    });
    expect(mapped).not.toContain('subscriber_number');
    expect(fieldsFilledWithoutColumns({ schema: callRecord, mapping: mappingOf([]), headers, region: 'US', sample: [] })).toEqual([]);
  });

  it('leaves out a field written on fewer than half the rows', () => {
    const sample = [
      ['x', line, '2125550101', '1'],
      ['x', '2125550102', line, '1'],
      ['x', line, '2125550103', '1'],
      ['x', '2125550104', '2125550105', '1'],
      ['x', '2125550106', '2125550107', '1'],
      ['x', '2125550108', '2125550109', '1'],
      ['x', '2125550110', '2125550111', '1'],
    ];
    // the line is on 3 of 7 rows: too few to be the line, so no direction and no line
    const filled = fieldsFilledWithoutColumns({ schema: callRecord, mapping: mappingOf([plain('started_at', 0, headers)]), headers: [...headers.slice(0, 3), 'Amount'], region: 'US', sample });
    expect(filled).not.toContain('direction');
    expect(filled).not.toContain('subscriber_number');
    expect(filled).not.toContain('record_type');
  });

  it('gives nothing for a schema without call codes', () => {
    const contact = getSchema('contact');
    expect(fieldsFilledWithoutColumns({ schema: contact, mapping: { ...mappingOf([]), schema: 'contact' }, headers, region: 'US', sample: [['x', line, '1', '1']] })).toEqual([]);
  });
});

describe('an unmapped column that carries codes', () => {
  // "Note" is neither a header about codes nor a place: only its rows say what it holds
  const headers = ['Start', 'Note'];
  const row = (note: string) => ['2025-01-01', note];

  it('reads the type and direction of a column whose cells are codes on at least 60 % of the rows', () => {
    const sixty = [row('SMS-MO'), row('SMS-MT'), row('SMS-MO'), row('see bill'), row('ask Ann')];
    expect(apply(headers, [], row('SMS-MO'), sixty).record).toEqual({ direction: 'outbound', record_type: 'sms' });
    // under 60 %: a column of notes that sometimes names a direction, not a column of codes
    const forty = [row('SMS-MO'), row('SMS-MT'), row('see bill'), row('ask Ann'), row('n/a')];
    expect(apply(headers, [], row('SMS-MO'), forty).record).toEqual({ direction: 'outbound' });
  });

  it('reads short codes ("In", "Out") in a column that holds nothing else and at least two of them', () => {
    const both = [row('In'), row('Out'), row('In')];
    expect(apply(headers, [], row('Out'), both).record).toEqual({ direction: 'outbound' });
    const one = [row('In'), row('In'), row('In')];
    expect(apply(headers, [], row('Out'), one).record).toEqual({});
  });

  it('counts short codes under a header about codes, among other text', () => {
    const typeHeaders = ['Start', 'Type'];
    const sample = [['2025-01-01', 'In'], ['2025-01-01', 'Out'], ['2025-01-01', 'In'], ['2025-01-01', 'see bill']];
    expect(apply(typeHeaders, [], ['2025-01-01', 'Out'], sample).record).toEqual({ direction: 'outbound' });
    // the same cells under "Note" are mostly short codes in a column of text: not read
    expect(apply(headers, [], row('Out'), sample).record).toEqual({});
  });
});

describe('the direction from a printed line', () => {
  const headers = ['Start', 'Calling Number', 'Called Number', 'Line'];
  const fields = [plain('subscriber_number', 3, headers)];

  it('is the side the line is on', () => {
    expect(apply(headers, fields, ['x', '4155550100', '2125550100', '415-555-0100']).record).toMatchObject({ direction: 'outbound' });
    expect(apply(headers, fields, ['x', '2125550100', '4155550100', '415-555-0100']).record).toMatchObject({ direction: 'inbound' });
  });

  it('matches the line however each column writes it', () => {
    expect(apply(headers, fields, ['x', '415.555.0100', '2125550100', '+1 (415) 555-0100']).record).toMatchObject({ direction: 'outbound' });
    // not a phone number nor a short code: compared by its digits
    expect(apply(headers, fields, ['x', '2125550100', '123-456-789', '123456789']).record).toMatchObject({ direction: 'inbound' });
  });

  it('is none when the line is on neither side, or only a star code with the same digits is', () => {
    expect(apply(headers, fields, ['x', '2125550100', '3125550100', '4155550100']).record).not.toHaveProperty('direction');
    expect(apply(headers, fields, ['x', '611', '2125550100', '*611']).record).not.toHaveProperty('direction');
  });

  it('is none when the line cell holds no number, even beside a party without one', () => {
    const { record } = apply(headers, fields, ['x', 'Private', '2125550100', 'withheld']);
    expect(record).not.toHaveProperty('direction');
  });
});
