import { describe, expect, it } from 'vitest';
import type { FieldMapping, MappingResult } from '../../functions/core/pipeline-types.ts';
import { compileCallSemantics, findPartyColumns } from '../../functions/core/records/call-semantics.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

// The header words by which the call semantics finds the columns that carry a call's
// direction and kind when no mapping names them: each word of each list, one by one, next
// to a header that is none of them. A word lost from a list is a log whose calls lose
// their direction.

const callRecord = getSchema('call_record');
const mappingOf = (fields: FieldMapping[]): MappingResult => ({ status: 'mapped', schema: 'call_record', confidence: 1, missingRequired: [], fields });
/** The record the call semantics alone writes for one row. */
function apply(headers: string[], cells: string[], sample?: string[][]): Record<string, unknown> {
  const semantics = compileCallSemantics({ schema: callRecord, mapping: mappingOf([]), headers, region: 'US', ...(sample !== undefined ? { sample } : {}) });
  const record: Record<string, unknown> = {};
  semantics!.apply(record, cells, 1);
  return record;
}

describe('an unmapped column read by its header alone (no sample rows)', () => {
  it.each([
    'Direction', 'Dir', 'In', 'Out', 'InOut', 'Inout', 'INOUT', 'IO', 'I/O', 'Inbound', 'Outbound', 'Incoming', 'Outgoing', 'Sent', 'Received', 'Rcvd', 'MO', 'MT',
    'Leg', 'Flow', 'Way', 'Call Direction', 'In/Out',
  ])('reads short codes ("In", "Out") under %j, a header about the direction', (header) => {
    // ("I/O" is read as the words "i o", as headers are: it was never matched before)
    expect(apply(['Start', header], ['x', 'In'])).toMatchObject({ direction: 'inbound' });
    expect(apply(['Start', header], ['x', 'Out'])).toMatchObject({ direction: 'outbound' });
  });

  it.each(['Type', 'Kind', 'Category', 'Service', 'Record', 'Event', 'Feature', 'Context', 'DContext', 'Usage', 'Class', 'Section', 'Event Type'])(
    'reads codes under %j, a header about the kind, but not short ones',
    (header) => {
      expect(apply(['Start', header], ['x', 'SMS-MO'])).toMatchObject({ direction: 'outbound', record_type: 'sms' });
      expect(apply(['Start', header], ['x', 'In'])).not.toHaveProperty('direction');
    },
  );

  it.each([
    'Origination', 'Destination', 'Origin', 'Location', 'City', 'Place', 'Call To', 'Call From', 'To/From', 'From/To', 'Description', 'Called',
    'Area', 'State', 'Region', 'Call To/From',
  ])('reads a direction marked in a place under %j ("Incoming, CL")', (header) => {
    expect(apply(['Start', header], ['x', 'Incoming, CL'])).toMatchObject({ direction: 'inbound' });
    expect(apply(['Start', header], ['x', 'SMS-MO'])).not.toHaveProperty('record_type', 'sms');
  });

  it('reads nothing under a header that is none of these', () => {
    for (const cell of ['In', 'SMS-MO', 'Incoming, CL']) expect(apply(['Start', 'Note'], ['x', cell])).toEqual({});
    // a word inside another is not the word
    for (const header of ['Inside', 'Typeface', 'Cityscape', 'Mode', 'Rate Plan', 'Inside Note', 'Plan To']) expect(apply(['Start', header], ['x', 'Incoming, CL'])).toEqual({});
  });
});

describe('findPartyColumns: the phone wordings of the parties', () => {
  it.each(['Caller Phone', 'Calling Phone', 'From Phone', 'From Phone Number', 'Caller ID Number', 'Calling NBR'])('takes %j for the calling party', (header) => {
    expect(findPartyColumns(['Date', header, 'Called Number'])).toEqual({ calling: 1, called: 2 });
  });

  it.each(['Callee Number', 'Callee Phone', 'Called Phone', 'To Phone', 'To Phone Number', 'Called NBR'])('takes %j for the called party', (header) => {
    expect(findPartyColumns([header, 'Date', 'Calling Number'])).toEqual({ calling: 2, called: 0 });
  });
});

describe('a header read as words', () => {
  it('drops a note in parentheses however long, as a space between words', () => {
    expect(findPartyColumns(['Calling Number (A-Party)', 'Called Number (B-Party)'])).toEqual({ calling: 0, called: 1 });
    expect(findPartyColumns(['Calling(A)Number', 'Called(B)Number'])).toEqual({ calling: 0, called: 1 });
  });

  it('reads a number sign as the word "number"', () => {
    expect(findPartyColumns(['Caller ID#', 'Dest #'])).toEqual({ calling: 0, called: 1 });
  });

  it('takes "Megabyte" for a data table', () => {
    const semantics = compileCallSemantics({ schema: callRecord, mapping: mappingOf([]), headers: ['Start', 'Megabyte'], region: 'US' });
    const record: Record<string, unknown> = {};
    semantics!.apply(record, ['x', '2'], 1);
    expect(record).toEqual({ record_type: 'data' });
  });
});

describe('a column of places that marks only outgoing calls', () => {
  it('reads its other places as incoming', () => {
    const headers = ['Start', 'Destination'];
    const sample = [['x', 'Outgoing'], ['x', 'Boston MA'], ['x', 'Outgoing'], ['x', 'Salem MA']];
    expect(apply(headers, ['x', 'Boston MA'], sample)).toEqual({ direction: 'inbound' });
    expect(apply(headers, ['x', 'Outgoing'], sample)).toEqual({ direction: 'outbound' });
  });
});
