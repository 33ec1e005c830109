import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { statementDateIn } from '../../functions/core/detect/row-shapes.ts';
import { detectDateTimeShape, isValidTimeZone, parseDate, parseDateTime } from '../../functions/core/enrich/datetime.ts';

const NY = { timezone: 'America/New_York' };
const UTC = { timezone: 'UTC' };

function iso(date: string, time?: string, opts = NY): string | undefined {
  const r = parseDateTime(date, time, opts);
  return r.ok ? r.iso : undefined;
}

describe('parseDateTime', () => {
  it('keeps the instant of ISO values with an offset or Z, written as UTC', () => {
    expect(iso('2025-11-03T14:05:09-05:00')).toBe('2025-11-03T19:05:09Z');
    expect(iso('2025-11-03T14:05:09Z')).toBe('2025-11-03T14:05:09Z');
    expect(iso('2025-11-03T14:05:09.123+05:30')).toBe('2025-11-03T08:35:09Z');
    expect(iso('2025-11-03T14:05:09+0100')).toBe('2025-11-03T13:05:09Z');
  });

  it('reads wall-clock values in the job time zone', () => {
    expect(iso('2025-11-03 14:05:09')).toBe('2025-11-03T19:05:09Z');
    expect(iso('2025-07-03 14:05:09')).toBe('2025-07-03T18:05:09Z');
    expect(iso('2025-11-03 14:05:09', undefined, UTC)).toBe('2025-11-03T14:05:09Z');
  });

  it.each([
    ['11/03/2025', '2:05 PM'],
    ['11/3/25', '2:05PM'],
    ['2025/11/03', '14:05'],
    ['03.11.2025', '14:05:00'],
    ['Nov 3, 2025', '2:05p'],
    ['03-Nov-2025', '2:05 p.m.'],
    ['Mon, Nov 3, 2025', '14:05'],
    ['November 3rd, 2025', '2:05 pm'],
    ['20251103', '1405'],
  ])('reads the date %j with the time %j', (date, time) => {
    expect(iso(date, time)).toBe('2025-11-03T19:05:00Z');
  });

  it('reads date and time in one cell', () => {
    expect(iso('11/03/2025 2:05 PM')).toBe('2025-11-03T19:05:00Z');
    expect(iso('2025-11-03 14:05:09')).toBe('2025-11-03T19:05:09Z');
    expect(iso('Nov 3, 2025 at 2:05 PM')).toBe('2025-11-03T19:05:00Z');
    expect(iso('11/03/2025 14:05:09 EST')).toBe('2025-11-03T19:05:09Z');
  });

  it('reads US month-first dates unless the first number cannot be a month', () => {
    expect(iso('03/04/2025', undefined, UTC)).toBe('2025-03-04T00:00:00Z');
    expect(iso('13/04/2025', undefined, UTC)).toBe('2025-04-13T00:00:00Z');
  });

  it('takes a date without a time as midnight in the zone', () => {
    expect(iso('2025-11-03')).toBe('2025-11-03T05:00:00Z');
  });

  it('lets a separate time cell win over a midnight time in the date cell', () => {
    expect(iso('11/03/2025 00:00:00', '2:05 PM')).toBe('2025-11-03T19:05:00Z');
  });

  it('moves a wall time in the spring-forward gap forward, like luxon', () => {
    expect(iso('2025-03-09 02:30')).toBe('2025-03-09T07:30:00Z');
  });

  it('takes the first occurrence of a repeated fall-back hour', () => {
    expect(iso('2025-11-02 01:30')).toBe('2025-11-02T05:30:00Z');
  });

  it('agrees with luxon on wall-clock times across a year in several zones', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Los_Angeles']) {
      for (let day = 0; day < 365; day += 3) {
        const base = DateTime.fromObject({ year: 2025, month: 1, day: 1, hour: 4 + (day % 19), minute: (day * 7) % 60, second: day % 60 }, { zone }).plus({ days: day });
        const wall = base.toFormat('yyyy-MM-dd HH:mm:ss');
        const expected = base.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
        expect(iso(wall, undefined, { timezone: zone }), `${zone} ${wall}`).toBe(expected);
      }
    }
  });

  it('reads epoch seconds and spreadsheet serial dates', () => {
    expect(iso('1762196709')).toBe('2025-11-03T19:05:09Z');
    expect(iso('45964.5', undefined, UTC)).toBe('2025-11-03T12:00:00Z');
  });

  it('rejects impossible dates and times with a reason', () => {
    expect(parseDateTime('02/30/2025', undefined, NY)).toEqual({ ok: false, reason: 'not a recognised date' });
    expect(parseDateTime('11/03/2025', '25:00', NY)).toEqual({ ok: false, reason: 'not a recognised time: "25:00"' });
    expect(parseDateTime('garbage', undefined, NY).ok).toBe(false);
    expect(parseDateTime('14:05', undefined, NY)).toEqual({ ok: false, reason: 'time without a date' });
  });

  it('refuses offsets beyond ±14:59, in the fast ISO reading as in the general one', () => {
    expect(iso('2025-11-03T14:05:09+14:00')).toBe('2025-11-03T00:05:09Z');
    for (const cell of ['2025-11-03T14:05:09+99:99', '2025-11-03T14:05+15:00', '2025-11-03T14:05:09-05:60', '2025-11-03 14:05 +1500']) {
      expect(parseDateTime(cell, undefined, NY), cell).toEqual({ ok: false, reason: 'not a recognised date' });
    }
  });

  it('refuses an instant past the end of 9999 in UTC, which YYYY cannot write', () => {
    expect(iso('9999-12-31T23:59:59Z')).toBe('9999-12-31T23:59:59Z');
    expect(iso('9999-12-31T18:59:59', undefined, NY)).toBe('9999-12-31T23:59:59Z');
    expect(parseDateTime('9999-12-31T23:59:59-05:00', undefined, NY)).toEqual({ ok: false, reason: 'after the year 9999 in UTC' });
    expect(parseDateTime('12/31/9999', '11:00 PM', NY)).toEqual({ ok: false, reason: 'after the year 9999 in UTC' });
  });

  it('marks a blank date as empty', () => {
    expect(parseDateTime('', '2:05 PM', NY)).toMatchObject({ ok: false, empty: true });
  });

  it('rejects an unknown time zone', () => {
    expect(parseDateTime('2025-11-03 14:05', undefined, { timezone: 'Mars/Olympus' })).toEqual({ ok: false, reason: 'unknown time zone "Mars/Olympus"' });
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('parseDate', () => {
  it('gives the calendar date as written', () => {
    expect(parseDate('Nov 3, 2025')).toEqual({ ok: true, iso: '2025-11-03' });
    expect(parseDate('2025-11-03T23:30:00-08:00')).toEqual({ ok: true, iso: '2025-11-03' });
    expect(parseDate('3.11.2025')).toEqual({ ok: true, iso: '2025-11-03' });
  });
});

describe('dotted dates as Central European and Balkan exports print them', () => {
  const ZAGREB = { timezone: 'Europe/Zagreb' };

  it('read a space after each dot (Czech, Slovak, Croatian: "3. 11. 2026")', () => {
    expect(parseDate('3. 11. 2026')).toEqual({ ok: true, iso: '2026-11-03' });
    expect(parseDate('03. 11. 2026')).toEqual({ ok: true, iso: '2026-11-03' });
    expect(parseDateTime('3. 11. 2026', '08:15:02', ZAGREB)).toEqual({ ok: true, iso: '2026-11-03T07:15:02Z' });
    expect(parseDateTime('3. 11. 2026 08:15', undefined, ZAGREB)).toEqual({ ok: true, iso: '2026-11-03T07:15:00Z' });
    expect(detectDateTimeShape('3. 11. 2026')).toBe('date');
  });

  it('read a trailing dot after the year (Croatian, Serbian, Hungarian: "05.11.2026.")', () => {
    expect(parseDate('05.11.2026.')).toEqual({ ok: true, iso: '2026-11-05' });
    expect(parseDate('2026.11.05.')).toEqual({ ok: true, iso: '2026-11-05' });
    expect(parseDate('5. 11. 2026.')).toEqual({ ok: true, iso: '2026-11-05' });
    expect(parseDateTime('05.11.2026. 08:15:02', undefined, ZAGREB)).toEqual({ ok: true, iso: '2026-11-05T07:15:02Z' });
    expect(parseDateTime('05.11.2026.', '08:15', ZAGREB)).toEqual({ ok: true, iso: '2026-11-05T07:15:00Z' });
    expect(detectDateTimeShape('05.11.2026. 08:15:02')).toBe('datetime');
  });

  it('still refuse what is not a date', () => {
    expect(detectDateTimeShape('3. 11')).toBeNull();
    expect(parseDate('05.11.2026..').ok).toBe(false);
    expect(parseDate('05.11.2026.5').ok).toBe(false);
    expect(parseDate('3 . 11 . 2026').ok).toBe(false);
  });
});

describe('detectDateTimeShape', () => {
  it('tells dates, times and both apart, and ignores bare numbers', () => {
    expect(detectDateTimeShape('11/03/2025')).toBe('date');
    expect(detectDateTimeShape('2:05PM')).toBe('time');
    expect(detectDateTimeShape('2025-11-03 14:05')).toBe('datetime');
    expect(detectDateTimeShape('754')).toBeNull();
    expect(detectDateTimeShape('45964')).toBeNull();
  });
});

describe('dates printed without a year', () => {
  const statement = { timezone: 'America/Los_Angeles', referenceDate: '2026-02-24' };

  it('take the year of the statement they come from, the last such day on or before it', () => {
    expect(parseDateTime('01/21', '8:04AM', statement)).toEqual({ ok: true, iso: '2026-01-21T16:04:00Z' });
    // a January statement's December calls are of the year before
    expect(parseDateTime('12/28', '1:00PM', { ...statement, referenceDate: '2026-01-20' })).toEqual({ ok: true, iso: '2025-12-28T21:00:00Z' });
    expect(parseDateTime('21.01.', '08:00', { timezone: 'Europe/Berlin', referenceDate: '2026-02-28' })).toEqual({ ok: true, iso: '2026-01-21T07:00:00Z' });
    expect(parseDate('01/21', { referenceDate: '2026-02-24' })).toEqual({ ok: true, iso: '2026-01-21' });
  });

  it('are refused, not guessed, without a statement date; a dotted pair without its last dot is a number', () => {
    expect(parseDateTime('01/21', '8:04AM', { timezone: 'UTC' })).toMatchObject({ ok: false, reason: expect.stringContaining('without a year') });
    expect(parseDateTime('02/29', undefined, statement)).toMatchObject({ ok: false });
    expect(detectDateTimeShape('01/21')).toBe('date');
    expect(detectDateTimeShape('21.01')).toBeNull();
  });
});

describe('statementDateIn', () => {
  it('finds the latest date with a year in the lines above a table', () => {
    expect(statementDateIn(['AT&T', 'Bill Period Jan 21 - Feb 20, 2026', 'Issue Date Feb 24, 2026'])).toBe('2026-02-24');
    expect(statementDateIn(['Abrechnungszeitraum: 01.02.2026 - 28.02.2026'])).toBe('2026-02-28');
    expect(statementDateIn(['Account Number 287654321098', 'User JORDAN REYES'])).toBeUndefined();
  });
});
