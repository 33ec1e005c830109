import { describe, expect, it } from 'vitest';
import { durationScaleFromClocks } from '../../functions/core/map/duration-unit.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { createRecordBuilder } from '../../functions/core/records/build-record.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const HEADERS = ['call_id', 'date_started', 'date_connected', 'date_ended', 'direction', 'external_number', 'talk_duration'];
const minutesRows = [
  ['1', '2026-11-02 15:04:11', '2026-11-02 15:04:20', '2026-11-02 15:10:02', 'outbound', '+14155550123', '5.7'],
  ['2', '2026-11-02 15:30:00', '2026-11-02 15:30:09', '2026-11-02 15:31:11', 'inbound', '+12125550199', '1.03'],
  ['3', '2026-11-02 16:00:00', '', '2026-11-02 16:00:31', 'inbound', '+13105550142', '0'],
  ['4', '2026-11-03 09:12:45', '2026-11-03 09:12:50', '2026-11-03 09:44:10', 'outbound', '+14155550144', '31.33'],
  ['5', '2026-11-03 11:00:00', '2026-11-03 11:00:06', '2026-11-03 11:02:06', 'inbound', '+16175550111', '2'],
];
const secondsRows = minutesRows.map((r) => {
  const [from, to] = [Date.parse(`${r[2] || r[1]}Z`), Date.parse(`${r[3]}Z`)];
  return [...r.slice(0, 6), String(Math.round((to - from) / 1000))];
});

describe('durationScaleFromClocks', () => {
  it('finds minutes by the call’s connect and end times', () => {
    expect(durationScaleFromClocks(HEADERS, minutesRows, 6)).toBe(60);
  });

  it('leaves seconds that the clocks agree with, and a header that states its unit', () => {
    expect(durationScaleFromClocks(HEADERS, secondsRows, 6)).toBeUndefined();
    expect(durationScaleFromClocks([...HEADERS.slice(0, 6), 'talk_duration (min)'], minutesRows, 6)).toBeUndefined();
  });

  it('says nothing without two clocks that agree on enough rows', () => {
    const noEnd = minutesRows.map((r) => [...r.slice(0, 3), '', ...r.slice(4)]);
    expect(durationScaleFromClocks(HEADERS, noEnd, 6)).toBeUndefined();
    expect(durationScaleFromClocks(HEADERS, minutesRows.slice(0, 2), 6)).toBeUndefined();
    // clock-shaped durations say their unit themselves
    expect(durationScaleFromClocks(HEADERS, minutesRows.map((r) => [...r.slice(0, 6), '0:05:42']), 6)).toBeUndefined();
  });

  it('needs most compared rows to agree, each within two seconds (or 2 % of a long call)', () => {
    const withValues = (vals: string[]) => minutesRows.map((r, i) => [...r.slice(0, 6), vals[i]!]);
    // three of five agree: not enough
    expect(durationScaleFromClocks(HEADERS, withValues(['5.7', '1.03', '0', '12', '7']), 6)).toBeUndefined();
    // 4 s off on a 342 s call is too far; 1.5 s is near; 30 s off a 1,880 s call is too far, 20 s is near
    expect(durationScaleFromClocks(HEADERS, withValues(['5.77', '1.1', '0', '31.8', '2.1']), 6)).toBeUndefined();
    expect(durationScaleFromClocks(HEADERS, withValues(['5.72', '1.05', '0', '31.6', '2.02']), 6)).toBe(60);
  });

  it('compares only calls that go forward, and reads no band as minutes; a column of notes is no clock', () => {
    // a call that ended before it was answered (a clock error) is not compared, so it cannot outvote the rest
    const oneBackwards = minutesRows.map((r, i) => (i === 1 ? [r[0]!, r[1]!, r[3]!, r[2]!, ...r.slice(4)] : r));
    expect(durationScaleFromClocks(HEADERS, oneBackwards, 6)).toBe(60);
    expect(durationScaleFromClocks(HEADERS, minutesRows.map((r) => [...r.slice(0, 6), '5-6']), 6)).toBeUndefined();
    // a column of notes with one date-time in it is no clock
    const notes = minutesRows.map((r, i) => [r[0]!, i === 0 ? r[1]! : 'called back', r[2]!, r[3]!, ...r.slice(4)]);
    expect(durationScaleFromClocks(HEADERS, notes, 6)).toBe(60);
  });

  it('leaves out rows without a duration, and lets seconds win over a pair of clocks that only happens to agree in minutes', () => {
    const blanks = minutesRows.map((r, i) => (i === 1 || i === 4 ? [...r.slice(0, 6), ''] : r));
    const rows = [...blanks, ['6', '2026-11-04 10:00:00', '2026-11-04 10:00:05', '2026-11-04 10:03:05', 'inbound', '+16175550112', '3']];
    expect(durationScaleFromClocks(HEADERS, rows, 6)).toBe(60);
    // seconds by connect -> end; a follow-up clock that lies the same number of minutes after the start
    const talk = [['1', '2026-11-02 15:00:00', '2026-11-02 15:00:10', '2026-11-02 15:01:10', '60'], ['2', '2026-11-02 16:00:00', '2026-11-02 16:00:10', '2026-11-02 16:02:10', '120'], ['3', '2026-11-02 17:00:00', '2026-11-02 17:00:10', '2026-11-02 17:03:10', '180']];
    const followUp = talk.map((r) => [...r, new Date(Date.parse(`${r[1]!.replace(' ', 'T')}Z`) + Number(r[4]) * 60_000).toISOString().replace('T', ' ').slice(0, 19)]);
    expect(durationScaleFromClocks(['id', 'start', 'connect', 'end', 'talk', 'follow_up'], followUp, 4)).toBeUndefined();
  });

  it('makes the mapping scale the column, so the records hold seconds', () => {
    const schema = getSchema('call_record');
    const mapping = suggestMapping(HEADERS, minutesRows, schema);
    const duration = mapping.fields.find((f) => f.field === 'duration_seconds');
    expect(duration?.transforms).toEqual([{ kind: 'scale', factor: 60 }]);
    const r = createRecordBuilder(mapping, schema, {}, HEADERS)(minutesRows[0]!, 2);
    expect(r.ok && r.record.duration_seconds).toBe(342);
    expect(suggestMapping(HEADERS, secondsRows, schema).fields.find((f) => f.field === 'duration_seconds')?.transforms).toBeUndefined();
  });
});
