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
