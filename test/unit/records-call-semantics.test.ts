import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import type { FieldMapping, MappingResult } from '../../functions/core/pipeline-types.ts';
import { createRecordBuilder, type BuildRecordResult } from '../../functions/core/records/build-record.ts';
import { findPartyColumns } from '../../functions/core/records/call-semantics.ts';
import { recordValidator } from '../../functions/core/schemas/record-validator.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const callRecord = getSchema('call_record');
const validate = recordValidator(callRecord);

/** A builder for a table as Enrich makes it: mapped by the heuristics, taught by the table's own rows. */
function builderFor(headers: string[], rows: string[][], options = {}, withSample = true) {
  const mapping = suggestMapping(headers, rows, callRecord);
  return createRecordBuilder(mapping, callRecord, options, headers, withSample ? rows : undefined);
}

function records(results: BuildRecordResult[]): Record<string, unknown>[] {
  return results.map((r) => {
    if (!r.ok) throw new Error(`rejected: ${JSON.stringify(r.errors)}`);
    const checked = validate.safeParse(r.record);
    expect(checked.error?.issues ?? []).toEqual([]);
    return r.record;
  });
}

const pick = (rs: Record<string, unknown>[], ...keys: string[]) => rs.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

describe('call semantics: direction from places that stand for one', () => {
  const headers = ['Date', 'Time', 'Number', 'Rate', 'Origination', 'Destination', 'Min.', 'Total'];
  const rows = [
    ['11/03/2025', '9:19 AM', '702-764-4104', 'Peak', 'Chicago, IL', 'Las Vegas, NV', '3', '$0.00'],
    ['11/03/2025', '1:32 PM', '617-657-2741', 'Peak', 'Chicago, IL', 'Incoming, CL', '22', '$0.00'],
    ['11/03/2025', '5:23 PM', '404-759-7440', 'Off-Peak', 'Incoming, CL', 'Chicago, IL', '17', '$0.00'],
    ['11/04/2025', '8:10 PM', '617-435-6614', 'Off-Peak', 'Chicago, IL', 'Incoming', '7', '$0.00'],
  ];

  it('reads "Incoming, CL" (under Destination or Origination) as inbound, and a place where incoming calls are marked as outbound', () => {
    const build = builderFor(headers, rows, { timezone: 'America/Chicago' });
    const out = records(rows.map((r, i) => build(r, i + 1)));
    expect(pick(out, 'direction', 'record_type', 'location')).toEqual([
      { direction: 'outbound', record_type: 'voice', location: 'Las Vegas, NV' },
      { direction: 'inbound', record_type: 'voice', location: 'Incoming, CL' },
      { direction: 'inbound', record_type: 'voice', location: 'Chicago, IL' },
      { direction: 'inbound', record_type: 'voice', location: 'Incoming' },
    ]);
  });

  it('without the rows that show which columns carry it, reads the markers of place columns but infers nothing from a place', () => {
    const build = builderFor(headers, rows, { timezone: 'America/Chicago' }, false);
    const out = records(rows.map((r, i) => build(r, i + 1)));
    expect(out.map((r) => r.direction)).toEqual([undefined, 'inbound', 'inbound', 'inbound']);
  });

  it('reads the direction AT&T prints after a place ("CHICAGO IL IN", "BOSTON MA OU")', () => {
    const h = ['Item', 'Date', 'Time', 'Number Called', 'Call To/From?', 'Min', 'Total Charge'];
    const rs = [
      ['1', '10/02/2025', '11:05a', '(415) 604-1791', 'CHICAGO IL OU', '35', '$0.00'],
      ['2', '10/02/2025', '5:18p', '(617) 292-7955', 'CHICAGO IL IN', '37', '$0.00'],
      ['3', '10/03/2025', '9:02a', '(312) 719-4517', 'BOSTON MA OUT', '6', '$1.10'],
      ['4', '10/03/2025', '9:40a', '(260) 555-0142', 'BOSTON MA IN', '2', '$0.00'],
    ];
    const build = builderFor(h, rs, { timezone: 'America/Chicago' });
    expect(records(rs.map((r, i) => build(r, i + 1))).map((r) => r.direction)).toEqual(['outbound', 'inbound', 'outbound', 'inbound']);
  });

  it('keeps reading a place column as such when most calls in it are incoming', () => {
    const rs = [rows[1]!, rows[1]!, rows[1]!, rows[0]!];
    const build = builderFor(headers, rs);
    expect(records(rs.map((r, i) => build(r, i + 1))).map((r) => r.direction)).toEqual(['inbound', 'inbound', 'inbound', 'outbound']);
  });

  it('does not take a rate code "IN" for a direction', () => {
    const h = ['Date', 'Time', 'Number Called', 'Call To', 'Min', 'Rate Code'];
    const rs = [
      ['01/06/2025', '9:14AM', '972-663-0143', 'DALLAS TX', '3', 'IN'],
      ['01/06/2025', '9:20AM', '972-663-0144', 'PLANO TX', '3', 'NW'],
      ['01/06/2025', '9:40AM', '972-663-0145', 'IRVING TX', '3', 'M2M'],
    ];
    const build = builderFor(h, rs);
    // unmarked calls to a "Number Called" are the line's own; "IN" does not make the first one incoming
    expect(records(rs.map((r, i) => build(r, i + 1))).map((r) => r.direction)).toEqual(['outbound', 'outbound', 'outbound']);
  });
});

describe('call semantics: multi-section statements', () => {
  // the unified table Parse makes of an AT&T statement: voice and messaging columns, the block's account and line, the section
  const headers = ['Item', 'Date', 'Time', 'Number Called', 'Call To', 'Min', 'Total Charge', 'Type', 'In/Out', 'Account Number', 'Line Number', 'Section'];
  const rows = [
    ['1', '01/06/2025', '9:14AM', '972-663-0143', 'DALLAS TX', '3', '$0.00', '', '', '287445109301', '415-708-2231', 'voice'],
    ['2', '01/06/2025', '11:02AM', '469-777-0199', 'INCOMING CL', '12', '$0.00', '', '', '287445109301', '415-708-2231', 'voice'],
    ['1', '01/06/2025', '10:01AM', '972-663-0143', '', '', '$0.00', 'Text Message', 'Out', '287445109301', '415-708-2231', 'messaging'],
    ['2', '01/06/2025', '10:05AM', '972-663-0143', '', '', '$0.00', 'Picture/Video', 'Rcvd', '287445109301', '415-708-2231', 'messaging'],
    ['3', '01/07/2025', '10:06AM', '214-555-0100', '', '', '$0.00', 'Text Message', 'Sent', '287445109301', '415-708-2232', 'messaging'],
    ['1', '01/08/2025', '3:00PM', 'Web Access', '', '', '$0.00', 'Data', '', '287445109301', '415-708-2232', 'data'],
  ];

  it('reads each row by what its section prints: place markers, In/Out codes, the type, the section; the line of its block', () => {
    const build = builderFor(headers, rows, { timezone: 'America/Los_Angeles' });
    const out = records(rows.map((r, i) => build(r, i + 1)));
    expect(pick(out, 'direction', 'record_type', 'subscriber_number', 'account_number', 'location')).toEqual([
      { direction: 'outbound', record_type: 'voice', subscriber_number: '+14157082231', account_number: '287445109301', location: 'DALLAS TX' },
      { direction: 'inbound', record_type: 'voice', subscriber_number: '+14157082231', account_number: '287445109301', location: 'INCOMING CL' },
      { direction: 'outbound', record_type: 'sms', subscriber_number: '+14157082231', account_number: '287445109301', location: undefined },
      { direction: 'inbound', record_type: 'mms', subscriber_number: '+14157082231', account_number: '287445109301', location: undefined },
      { direction: 'outbound', record_type: 'sms', subscriber_number: '+14157082232', account_number: '287445109301', location: undefined },
      { direction: undefined, record_type: 'data', subscriber_number: '+14157082232', account_number: '287445109301', location: undefined },
    ]);
  });

  it('reads a later section\'s direction column that the first rows leave empty', () => {
    // the sample is voice rows only: "Sent/Rcvd" is never filled in it (and not mapped)
    const h = ['Item', 'Date', 'Time', 'Number Called', 'Call To', 'Min', 'Sent/Rcvd', 'Section'];
    const voice = ['1', '01/06/2025', '9:14AM', '972-663-0143', 'DALLAS TX', '3', '', 'voice'];
    const text = ['1', '01/06/2025', '10:01AM', '972-663-0143', '', '', 'Rcvd', 'messaging'];
    const mapping = suggestMapping(h, [voice], callRecord);
    expect(mapping.fields.some((f) => f.sources.includes(6))).toBe(false);
    const build = createRecordBuilder(mapping, callRecord, {}, h, [voice, voice]);
    expect(records([build(text, 2)])[0]).toMatchObject({ direction: 'inbound', record_type: 'sms' });
  });

  it('does not reject a data session for having no other party, and says why its "number" was dropped', () => {
    const build = builderFor(headers, rows);
    const r = build(rows[5]!, 6);
    expect(r.ok).toBe(true);
    expect(r.ok && r.record.counterpart_number).toBeUndefined();
    expect(r.ok && r.warnings).toEqual([expect.objectContaining({ row: 6, column: 'Number Called', value: 'Web Access' })]);
    // a voice row without a number is still rejected
    expect(build(rows[0]!.map((c, i) => (i === 3 ? '' : c)), 1)).toMatchObject({ ok: false, errors: [{ reason: 'required field is empty' }] });
  });
});

describe('call semantics: both parties of a CDR', () => {
  const headers = ['Date', '(UTC) Time', 'Calling Number', 'Called Number', 'Direction', 'Call Type', 'Duration (Seconds)'];
  const line = '13124047781';
  const rows = [
    ['03/08/2025', '04:26:09', line, '14046178230', 'Outgoing', 'mSOriginating', '61'],
    ['03/08/2025', '07:25:19', '19195553140', line, 'Incoming', 'mSTerminating', '937'],
    ['03/08/2025', '08:00:00', '17025550111', line, 'Incoming', 'callForwarding', '12'],
    ['03/08/2025', '09:10:00', line, '12125550123', 'Outgoing', 'mSOriginatingSMSinMSC', '0'],
    ['03/08/2025', '09:11:00', '12125550123', line, 'Incoming', 'mSTerminatingSMSinMSC', '0'],
  ];

  it('finds the party columns by their headers', () => {
    expect(findPartyColumns(headers)).toEqual({ calling: 2, called: 3 });
    expect(findPartyColumns(['From', 'To', 'Direction'])).toEqual({ calling: 0, called: 1 });
    expect(findPartyColumns(['src', 'dst'])).toEqual({ calling: 0, called: 1 });
    expect(findPartyColumns(['Calling NBR', 'Called No.'])).toEqual({ calling: 0, called: 1 });
    expect(findPartyColumns(['Source', 'Destination', 'Disposition'])).toEqual({ calling: 0, called: 1 });
    expect(findPartyColumns(['Number', 'Origination', 'Destination'])).toBeUndefined();
    expect(findPartyColumns(['Number', 'Direction'])).toBeUndefined();
  });

  it('takes the other party from the calling number on inbound rows and the called number on outbound ones, the line from the other side', () => {
    const build = builderFor(headers, rows, { timezone: 'America/Chicago' });
    const results = rows.map((r, i) => build(r, i + 1));
    expect(results.every((r) => r.ok && r.warnings === undefined)).toBe(true);
    expect(pick(records(results), 'started_at', 'direction', 'record_type', 'counterpart_number', 'subscriber_number')).toEqual([
      // "(UTC) Time" is UTC whatever the job's zone
      { started_at: '2025-03-08T04:26:09Z', direction: 'outbound', record_type: 'voice', counterpart_number: '+14046178230', subscriber_number: '+13124047781' },
      { started_at: '2025-03-08T07:25:19Z', direction: 'inbound', record_type: 'voice', counterpart_number: '+19195553140', subscriber_number: '+13124047781' },
      { started_at: '2025-03-08T08:00:00Z', direction: 'inbound', record_type: 'voice', counterpart_number: '+17025550111', subscriber_number: '+13124047781' },
      { started_at: '2025-03-08T09:10:00Z', direction: 'outbound', record_type: 'sms', counterpart_number: '+12125550123', subscriber_number: '+13124047781' },
      { started_at: '2025-03-08T09:11:00Z', direction: 'inbound', record_type: 'sms', counterpart_number: '+12125550123', subscriber_number: '+13124047781' },
    ]);
  });

  it('without a direction column, finds the line as the number on every call and the direction from its side', () => {
    const h = ['Start Time (UTC)', 'Event Type', 'Calling Number', 'Called Number', 'Duration'];
    const sub = '7025550142';
    const rs = [
      ['2025-02-03 10:13:28', 'Voice', sub, '5125500152', '60'],
      ['2025-02-03 10:56:38', 'Voice', '3036389568', sub, '110'],
      ['2025-02-03 11:00:00', 'Voice', '3036389569', sub, '12'],
      ['2025-02-03 12:39:50', 'sGWRecord', sub, '', '1267'],
    ];
    const build = builderFor(h, rs, { timezone: 'America/Denver' });
    expect(pick(records(rs.map((r, i) => build(r, i + 1))), 'started_at', 'direction', 'record_type', 'counterpart_number', 'subscriber_number')).toEqual([
      { started_at: '2025-02-03T10:13:28Z', direction: 'outbound', record_type: 'voice', counterpart_number: '+15125500152', subscriber_number: '+17025550142' },
      { started_at: '2025-02-03T10:56:38Z', direction: 'inbound', record_type: 'voice', counterpart_number: '+13036389568', subscriber_number: '+17025550142' },
      { started_at: '2025-02-03T11:00:00Z', direction: 'inbound', record_type: 'voice', counterpart_number: '+13036389569', subscriber_number: '+17025550142' },
      { started_at: '2025-02-03T12:39:50Z', direction: undefined, record_type: 'data', counterpart_number: undefined, subscriber_number: '+17025550142' },
    ]);
  });

  it('reads cloud-telephony directions (Twilio) and PBX extensions (Asterisk, 3CX)', () => {
    const twilio = ['Start Time', 'From', 'To', 'Direction', 'Duration'];
    const tw = [
      ['Mon, 12 May 2025 16:32:00 +0000', '+14155550188', '+17023086524', 'outbound-dial', '26'],
      ['Mon, 12 May 2025 22:40:52 +0000', '+12147127053', '+14155550188', 'inbound', '281'],
      ['Tue, 13 May 2025 03:32:18 +0000', '+14155550123', '+13127066046', 'outbound-api', '37'],
    ];
    const b1 = builderFor(twilio, tw);
    expect(pick(records(tw.map((r, i) => b1(r, i + 1))), 'direction', 'counterpart_number', 'subscriber_number', 'record_type')).toEqual([
      { direction: 'outbound', counterpart_number: '+17023086524', subscriber_number: '+14155550188', record_type: 'voice' },
      { direction: 'inbound', counterpart_number: '+12147127053', subscriber_number: '+14155550188', record_type: 'voice' },
      { direction: 'outbound', counterpart_number: '+13127066046', subscriber_number: '+14155550123', record_type: 'voice' },
    ]);

    const pbx = ['calldate', 'src', 'dst', 'dcontext', 'duration', 'disposition'];
    const px = [
      ['2025-03-04 10:03:12', '3126025391', '210', 'from-did-direct', '88', 'ANSWERED'],
      ['2025-03-04 11:43:02', '105', '12144346253', 'from-internal', '425', 'ANSWERED'],
      ['2025-03-04 12:00:00', '105', '210', 'ext-local', '40', 'ANSWERED'],
      ['2025-03-04 12:30:00', '4155550100', '101', '', '20', 'NO ANSWER'],
    ];
    const b2 = builderFor(pbx, px);
    expect(pick(records(px.map((r, i) => b2(r, i + 1))), 'direction', 'counterpart_number')).toEqual([
      { direction: 'inbound', counterpart_number: '+13126025391' },
      { direction: 'outbound', counterpart_number: '+12144346253' },
      // extension to extension: no direction, the other extension's digits
      { direction: undefined, counterpart_number: '210' },
      // no context: the extension is the line's side
      { direction: 'inbound', counterpart_number: '+14155550100' },
    ]);

    const threeCx = ['Call Time', 'From', 'To', 'Direction', 'Talking'];
    const cx = [['2025-04-01 12:01:41', 'Ext.101', 'Ext.100', 'Internal', '00:09:25']];
    const b3 = builderFor(threeCx, cx);
    const r = b3(cx[0]!, 1);
    expect(r).toMatchObject({ ok: true, record: { counterpart_number: '100', counterpart_number_line_type: 'extension' } });
    // "Internal" is read: no direction, and no warning about it
    expect(r.ok && (r.record.direction ?? r.warnings)).toBeUndefined();
  });

  it('takes the line of each call from its side when the account has several, not the one on most calls', () => {
    const h = ['Start Time', 'From', 'To', 'Direction'];
    const main = '+14155550188';
    const rs = [
      ['2025-05-12T16:32:00Z', main, '+17023086524', 'outbound-api'],
      ['2025-05-12T16:40:00Z', '+12147127053', main, 'inbound'],
      ['2025-05-12T16:50:00Z', main, '+13127066046', 'outbound-api'],
      ['2025-05-12T17:00:00Z', '+14155550123', '+13127066047', 'outbound-dial'],
    ];
    const build = builderFor(h, rs);
    expect(records(rs.map((r, i) => build(r, i + 1))).map((r) => r.subscriber_number)).toEqual([main, main, main, '+14155550123']);
  });

  it('ignores a party column offered as the subscriber: it is the line on some rows only', () => {
    const mapping = suggestMapping(headers, rows, callRecord);
    const withSub: MappingResult = {
      ...mapping,
      fields: [...mapping.fields.filter((f) => f.field !== 'subscriber_number'), { field: 'subscriber_number', sources: [2], sourceHeaders: ['Calling Number'], confidence: 0.55, reason: 'value_pattern' } satisfies FieldMapping],
    };
    const build = createRecordBuilder(withSub, callRecord, {}, headers, rows);
    expect(records([build(rows[1]!, 2)])[0]).toMatchObject({ subscriber_number: '+13124047781', counterpart_number: '+19195553140' });
  });
});

describe('call semantics: codes in the mapped columns', () => {
  it('takes the record type from a direction column that holds call types, without a warning', () => {
    const headers = ['Start Time', 'Number', 'Call Type'];
    const mapping: MappingResult = {
      ...suggestMapping(headers, [], callRecord),
      fields: [
        { field: 'started_at', sources: [0], sourceHeaders: ['Start Time'], confidence: 1, reason: 'exact' },
        { field: 'counterpart_number', sources: [1], sourceHeaders: ['Number'], confidence: 1, reason: 'exact' },
        { field: 'direction', sources: [2], sourceHeaders: ['Call Type'], confidence: 1, reason: 'exact' },
      ],
    };
    const build = createRecordBuilder(mapping, callRecord, {}, headers);
    expect(build(['2025-03-08T04:26:09Z', '2125550100', 'mSTerminatingSMSinMSC'], 1)).toEqual({
      ok: true,
      record: expect.objectContaining({ direction: 'inbound', record_type: 'sms' }),
    });
    expect(build(['2025-03-08T04:26:09Z', '2125550100', 'Voice'], 2)).toEqual({ ok: true, record: expect.objectContaining({ record_type: 'voice' }) });
    // a value that is no code at all is still reported
    expect(build(['2025-03-08T04:26:09Z', '2125550100', 'Sideways'], 3)).toMatchObject({
      ok: true,
      warnings: [{ row: 3, column: 'Call Type', value: 'Sideways', reason: 'not one of inbound, outbound' }],
    });
  });
});

describe('call semantics: a log of the calls a line made', () => {
  it('takes a row as outgoing when its only number column names the called party and nothing else says', () => {
    const headers = ['Datum', 'Uhrzeit', 'Zielrufnummer', 'Verbindungsart', 'Dauer'];
    const rows = [
      ['02.02.2026', '08:14:22', '030 23125417', 'Inland Festnetz', '00:02:41'],
      ['02.02.2026', '09:03:40', '0172 9980752', 'SMS Inland', ''],
      ['11.02.2026', '19:05:00', '0033 6 39 98 45 12', 'Roaming ankommend', '00:04:20'],
    ];
    const build = builderFor(headers, rows, { defaultRegion: 'DE', timezone: 'Europe/Berlin' });
    expect(pick(records(rows.map((r, i) => build(r, i + 2))), 'direction', 'record_type', 'counterpart_number')).toEqual([
      { direction: 'outbound', record_type: 'voice', counterpart_number: '+493023125417' },
      { direction: 'outbound', record_type: 'sms', counterpart_number: '+491729980752' },
      { direction: 'inbound', record_type: 'voice', counterpart_number: '+33639984512' },
    ]);
  });

  it('leaves the direction open under a number column that names neither party', () => {
    const headers = ['Date', 'Time', 'Number', 'Minutes'];
    const rows = [['03/02/2026', '8:14 AM', '(415) 555-0187', '3'], ['03/02/2026', '9:14 AM', '(415) 555-0188', '4']];
    const build = builderFor(headers, rows);
    expect(records(rows.map((r, i) => build(r, i + 2))).map((r) => r.direction)).toEqual([undefined, undefined]);
  });
});

describe('a statement whose rows print no year', () => {
  it('dates them by the statement date Classify found above the table', () => {
    const headers = ['Date', 'Time', 'Number Called', 'Min'];
    const rows = [['12/30', '8:04AM', '415 555-0187', '4'], ['01/02', '10:17AM', '650 555-0103', '9']];
    const mapping = suggestMapping(headers, rows, callRecord);
    const build = createRecordBuilder(mapping, callRecord, { timezone: 'America/Los_Angeles' }, headers, rows, { statementDate: '2026-01-20' });
    expect(records(rows.map((r, i) => build(r, i + 1))).map((r) => r.started_at)).toEqual(['2025-12-30T16:04:00Z', '2026-01-02T18:17:00Z']);
    // without one, the rows are refused with the reason, never given a guessed year
    const blind = createRecordBuilder(mapping, callRecord, { timezone: 'America/Los_Angeles' }, headers, rows);
    expect(blind(rows[0]!, 1)).toMatchObject({ ok: false, errors: [expect.objectContaining({ reason: expect.stringContaining('without a year') })] });
  });
});
