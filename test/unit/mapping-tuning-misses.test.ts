import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { fitsField, isEpochStamp } from '../../functions/core/map/value-patterns.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

/** General rules made on tuning misses (v2/tuning-b, v4/tuning), each on a file of its own kind. */

const byField = (m: ReturnType<typeof suggestMapping>) => Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));
const calls = getSchema('call_record');

describe('epoch-second start times', () => {
  it('fit a datetime field whose header names the column, within 2000-2039 only', () => {
    const startedAt = calls.fields.find((f) => f.name === 'started_at')!;
    expect(isEpochStamp('1770106023')).toBe(true);
    expect(isEpochStamp('1770106023123')).toBe(true);
    expect(isEpochStamp('0912125550')).toBe(false); // 1998
    expect(isEpochStamp('9125550143')).toBe(false); // 2259
    expect(isEpochStamp('177010602')).toBe(false);
    expect(fitsField(startedAt, '1770106023', { defaultRegion: 'US' })).toBe(true);
  });

  it('map a PBX CDR whose call start is in epoch seconds', () => {
    const headers = ['recordType', 'callId', 'dateTimeOrigination', 'callingPartyNumber', 'calledPartyNumber', 'dateTimeDisconnect', 'duration'];
    const rows = [
      ['1', '5512001', '1767261600', '2001', '915550100123', '1767261720', '120'],
      ['1', '5512002', '1767265200', '2004', '915550100456', '1767265290', '90'],
      ['1', '5512003', '1767268800', '+15550100789', '2001', '1767268845', '45'],
    ];
    const m = byField(suggestMapping(headers, rows, calls));
    expect(m.started_at).toEqual(['dateTimeOrigination']);
    expect(m.location).toBeUndefined();
  });
});

describe('a PBX CDR with Call From / Call To, trunks and a unique id (Yeastar-style)', () => {
  it('takes Call To for the other party, the communication type for the direction, and no trunk or id for place and cost', () => {
    const headers = ['Time', 'Call From', 'Call To', 'Talk Duration(s)', 'Source Trunk', 'Destination Trunk', 'Communication Type', 'UID'];
    const rows = [
      ['11/02/2026 09:00:00', 'Mia Ford<2001>', '3125550100', '61', '', 'Trunk-A', 'Outbound', '1762074000.4'],
      ['11/02/2026 09:30:00', '6175550101', 'Reception<2000>', '30', 'Trunk-A', '', 'Inbound', '1762075800.7'],
      ['11/02/2026 10:00:00', 'Mia Ford<2001>', 'Sam Lee<2003>', '12', '', '', 'Internal', '1762077600.9'],
      ['11/02/2026 10:30:00', 'Sam Lee<2003>', '2125550102', '240', '', 'Trunk-A', 'Outbound', '1762079400.2'],
    ];
    const m = byField(suggestMapping(headers, rows, calls));
    expect(m).toMatchObject({ counterpart_number: ['Call To'], direction: ['Communication Type'] });
    expect(m.location).toBeUndefined();
    expect(m.cost_minor).toBeUndefined();
  });

  it('keeps a dialplan context (from-internal, ext-local) out of the direction: it never says both ways', () => {
    const headers = ['calldate', 'src', 'dst', 'dcontext', 'billsec'];
    const rows = [
      ['2026-11-02 09:00:00', '2001', '5550100', 'from-internal', '61'],
      ['2026-11-02 09:10:00', '2002', '2001', 'ext-local', '20'],
      ['2026-11-02 09:20:00', '2003', '5550101', 'from-internal', '33'],
    ];
    expect(byField(suggestMapping(headers, rows, calls)).direction).toBeUndefined();
  });

  it('still reads a carrier\'s "Call To" of places as the location', () => {
    const headers = ['Date', 'Time', 'Number', 'Call To', 'Min'];
    const rows = [['11/02/2026', '9:00AM', '312-555-0100', 'CHICAGO IL', '2'], ['11/02/2026', '9:30AM', '617-555-0101', 'INCOMING CL', '1']];
    expect(byField(suggestMapping(headers, rows, calls)).location).toEqual(['Call To']);
  });
});

describe('lexicon words from tuning misses', () => {
  it('maps a Japanese statement\'s 通話先 (the area called) beside 通話先電話番号', () => {
    const headers = ['通話日', '開始時刻', '通話先電話番号', '通話先', '通話時間', '通話料(円)'];
    const rows = [['2026/03/01', '10:00:00', '03-0000-1111', '東京', '00:01:10', '44'], ['2026/03/01', '11:00:00', '06-0000-2222', '大阪', '00:03:00', '110']];
    expect(byField(suggestMapping(headers, rows, calls))).toMatchObject({ counterpart_number: ['通話先電話番号'], location: ['通話先'] });
  });

  it('takes the Croatian "Web-mjesto" for the web site, not the city', () => {
    const company = getSchema('company_account');
    const headers = ['Naziv tvrtke', 'Djelatnost', 'Web-mjesto', 'Grad'];
    const rows = [['Lika Drvo d.o.o.', 'Prerada drva', 'www.likadrvo.example', 'Gospić'], ['Kvarner Ribe d.o.o.', 'Ribarstvo', 'kvarner-ribe.example', 'Rijeka']];
    expect(byField(suggestMapping(headers, rows, company))).toMatchObject({ domain: ['Web-mjesto'], city: ['Grad'] });
  });
});
