import { describe, expect, it } from 'vitest';
import { dateTimePairFit, numericDateOrder, parseDateTime, regionDatesDayFirst } from '../../functions/core/enrich/datetime.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { createRecordBuilder } from '../../functions/core/records/build-record.ts';
import { timeZoneFromHeader } from '../../functions/core/records/column-hints.ts';
import { headerScale } from '../../functions/core/map/units.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const callRecord = getSchema('call_record');

describe('timeZoneFromHeader', () => {
  it.each([
    ['(UTC) Time', 'UTC'],
    ['Time (GMT)', 'UTC'],
    ['Start Time Z', 'UTC'],
    ['Start Time (UTC)', 'UTC'],
    ['Date (EST)', 'UTC-5'],
    ['Time CET', 'UTC+1'],
    ['Time (UTC+02:00)', 'UTC+2'],
    ['Timestamp (GMT-05:30)', 'UTC-5:30'],
    ['Time +05:30', 'UTC+5:30'],
    ['Time (ET)', 'America/New_York'],
    ['Time (Europe/Berlin)', 'Europe/Berlin'],
  ])('reads %j as %s', (header, zone) => {
    expect(timeZoneFromHeader(header)).toBe(zone);
  });

  it.each(['Time', 'Date', 'Call Time', 'Start Time', 'Date Sent', 'Zeitpunkt', 'Time Zone Name'])('finds none in %j', (header) => {
    expect(timeZoneFromHeader(header)).toBeUndefined();
  });
});

describe('time zones in the record builder', () => {
  const build = (headers: string[], rows: string[][], timezone: string) => {
    const b = createRecordBuilder(suggestMapping(headers, rows, callRecord), callRecord, { timezone }, headers, rows);
    return rows.map((r, i) => {
      const out = b(r, i + 1);
      return out.ok ? out.record.started_at : out.errors;
    });
  };

  it('reads a column the header declares in UTC as UTC whatever the job zone; the job zone is for naive times only', () => {
    const rows = [['03/08/2025', '04:26:09', '2125550100']];
    expect(build(['Date', '(UTC) Time', 'Number'], rows, 'America/Chicago')).toEqual(['2025-03-08T04:26:09Z']);
    expect(build(['Date', 'Time', 'Number'], rows, 'America/Chicago')).toEqual(['2025-03-08T10:26:09Z']);
    expect(build(['Start Time (UTC)', 'Number'], [['2025-02-03 10:13:28', '2125550100']], 'America/Denver')).toEqual(['2025-02-03T10:13:28Z']);
    expect(build(['Date', 'Time (EST)', 'Number'], [['07/04/2025', '12:00', '2125550100']], 'Europe/Berlin')).toEqual(['2025-07-04T17:00:00Z']);
  });

  it('keeps the offset a value carries over the job zone and the header', () => {
    expect(build(['Start Time', 'Number'], [['Mon, 12 May 2025 16:32:00 +0000', '2125550100']], 'Europe/Berlin')).toEqual(['2025-05-12T16:32:00Z']);
    expect(build(['Start Time (UTC)', 'Number'], [['2025-05-12T18:32:00+02:00', '2125550100']], 'America/Denver')).toEqual(['2025-05-12T16:32:00Z']);
  });
});

describe('day-first dates', () => {
  it('tells the order of a column from a date that can only be read one way', () => {
    expect(numericDateOrder(['01/04/2025', '13/04/2025'])).toBe('day-first');
    expect(numericDateOrder(['01/04/2025', '04/13/2025'])).toBe('month-first');
    expect(numericDateOrder(['01/04/2025', '2025-04-13', '04.13.2025'])).toBeUndefined();
  });

  it('reads "01/04/2025" as 1 April when asked, and leaves unambiguous dates alone', () => {
    const utc = { timezone: 'UTC' };
    expect(parseDateTime('01/04/2025', '12:00', { ...utc, dayFirst: true })).toEqual({ ok: true, iso: '2025-04-01T12:00:00Z' });
    expect(parseDateTime('01/04/2025', '12:00', utc)).toEqual({ ok: true, iso: '2025-01-04T12:00:00Z' });
    expect(parseDateTime('2025-01-04', '12:00', { ...utc, dayFirst: true })).toEqual({ ok: true, iso: '2025-01-04T12:00:00Z' });
    expect(parseDateTime('13/04/2025', '12:00', { ...utc, dayFirst: true })).toEqual({ ok: true, iso: '2025-04-13T12:00:00Z' });
  });

  it('uses the region when the column does not say: day-first outside North America', () => {
    expect(regionDatesDayFirst('GB')).toBe(true);
    expect(regionDatesDayFirst('de')).toBe(true);
    expect(regionDatesDayFirst('US')).toBe(false);
    const headers = ['Call Time', 'Number'];
    const rows = [['01/04/2025 12:01:41', '020 7547 0854']];
    const gb = createRecordBuilder(suggestMapping(headers, rows, callRecord), callRecord, { timezone: 'Europe/London', defaultRegion: 'GB' }, headers, rows);
    expect(gb(rows[0]!, 1)).toMatchObject({ ok: true, record: { started_at: '2025-04-01T11:01:41Z' } });
    // a US file's own dates win over a day-first region
    const usRows = [['04/13/2025 12:00:00', '2125550100'], ['04/01/2025 12:00:00', '2125550100']];
    const us = createRecordBuilder(suggestMapping(headers, usRows, callRecord), callRecord, { timezone: 'UTC', defaultRegion: 'GB' }, headers, usRows);
    expect(us(usRows[1]!, 2)).toMatchObject({ ok: true, record: { started_at: '2025-04-01T12:00:00Z' } });
  });
});

describe('date and time pairs for the mapper', () => {
  it('scores a date column and a time column that both parse cleanly as one timestamp', () => {
    expect(dateTimePairFit(['03/08/2025', '03/09/2025'], ['04:26:09', '17:00:00'])).toBe(1);
    expect(dateTimePairFit(['03/08/2025', '03/09/2025'], ['04:26:09', 'n/a?'])).toBe(0.5);
    expect(dateTimePairFit(['03/08/2025 04:00', '03/09/2025 05:00'], ['04:26:09', '17:00:00'])).toBe(0);
    expect(dateTimePairFit(['03/08/2025'], ['04:26:09'])).toBe(0);
  });

  it('maps Date + "(UTC) Time" with the confidence of a clean pair, so the job needs no person', () => {
    const headers = ['Date', '(UTC) Time', 'Calling Number', 'Called Number', 'Direction', 'Call Type', 'Duration (Seconds)'];
    const rows = [
      ['03/08/2025', '04:26:09', '13124047781', '14046178230', 'Outgoing', 'mSOriginating', '61'],
      ['03/08/2025', '07:25:19', '19195553140', '13124047781', 'Incoming', 'mSTerminating', '937'],
      ['03/09/2025', '08:00:00', '17025550111', '13124047781', 'Incoming', 'callForwarding', '12'],
    ];
    const m = suggestMapping(headers, rows, callRecord);
    expect(m.fields.find((f) => f.field === 'started_at')).toMatchObject({ sources: [0, 1], confidence: 0.9 });
    expect(m.status).toBe('mapped');
  });

  it('maps the other party of a From/To log to one of its two columns', () => {
    const headers = ['Start Time', 'From', 'To', 'Direction', 'Duration'];
    const rows = [['2025-05-12T16:32:00Z', '+14155550188', '+17023086524', 'outbound-api', '26']];
    const m = suggestMapping(headers, rows, callRecord);
    const party = m.fields.find((f) => f.field === 'counterpart_number');
    expect(party?.sources).toEqual([2]);
    expect(party?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(m.status).toBe('mapped');
  });
});

describe('headerScale', () => {
  it.each([
    ['Annual Revenue (USD thousands)', 1e3],
    ['Revenue ($000s)', 1e3],
    ["Sales ('000)", 1e3],
    ['Revenue ($K)', 1e3],
    ['Revenue (in millions)', 1e6],
    ['Revenue ($M)', 1e6],
    ['Revenue (USD MM)', 1e6],
    ['Revenue (billions)', 1e9],
    ['Annual Revenue', undefined],
    ['Employees', undefined],
    ['Market (Mobile)', undefined],
  ])('reads %j as x%s', (header, scale) => {
    expect(headerScale(header)?.factor).toBe(scale);
  });

  it('scales values in the record builder, and counts a range as its midpoint', () => {
    const company = getSchema('company_account');
    const headers = ['Company Name', 'Employees', 'Annual Revenue (USD thousands)'];
    const rows = [['Fabrikam', '51-200', '9,800'], ['Contoso', '1000-5000', '12.5']];
    const b = createRecordBuilder(suggestMapping(headers, rows, company), company, {}, headers, rows);
    expect(b(rows[0]!, 1)).toMatchObject({ ok: true, record: { employee_count: 126, annual_revenue: 9_800_000 } });
    expect(b(rows[1]!, 2)).toMatchObject({ ok: true, record: { employee_count: 3000, annual_revenue: 12_500 } });
  });
});
