import { describe, expect, it } from 'vitest';
import { detectDateTimeShape, parseDate, parseDateTime } from '../../functions/core/enrich/datetime.ts';

// The edges of what parseDateTime reads: each accepted cell with the instant it names (from
// Date.UTC), each refused one next to the accepted cell it differs from by one character.

const UTC = { timezone: 'UTC' };

function read(cell: string, time?: string): string | undefined {
  const r = parseDateTime(cell, time, UTC);
  return r.ok ? r.iso : undefined;
}

const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(Date.UTC(y, mo - 1, d, h, mi, s)).toISOString().replace('.000Z', 'Z');

describe('a date and a time joined by "@"', () => {
  it('reads the time after the "@", as after "at"', () => {
    expect(read('Nov 3, 2025 @ 2:05 PM')).toBe(at(2025, 11, 3, 14, 5));
    expect(read('2025-11-03@14:05')).toBe(at(2025, 11, 3, 14, 5));
    expect(read('03.11.2025 @14:05:09')).toBe(at(2025, 11, 3, 14, 5, 9));
  });

  it('reads "@" nowhere else', () => {
    for (const cell of ['@ 2025-11-03', '11@03@2025', 'Nov 3 @ 2025', '2025-11-03 14:05 @', '2025-11-03 @ @ 14:05', '2025-11-03 14@05']) {
      expect(read(cell), cell).toBeUndefined();
    }
  });
});

describe('numeric dates', () => {
  it.each([
    ['20251103', at(2025, 11, 3)],
    ['20251103 14:05', at(2025, 11, 3, 14, 5)],
    ['20251103T14:05:09', at(2025, 11, 3, 14, 5, 9)],
    ['2025-1-3', at(2025, 1, 3)],
    ['2025/1/3', at(2025, 1, 3)],
    ['3/1/2025', at(2025, 3, 1)],
    ['13/1/2025', at(2025, 1, 13)],
    ['1/13/2025', at(2025, 1, 13)],
    ['13-01-25', at(2025, 1, 13)],
    ['05.13.2025', at(2025, 5, 13)],
    ['13.05.2025', at(2025, 5, 13)],
    ['12.05.2025', at(2025, 5, 12)],
    ['05.12.2025', at(2025, 12, 5)],
    ['12.13.2025', at(2025, 12, 13)],
    ['3. 11.2026', at(2026, 11, 3)],
    ['3.11. 2026', at(2026, 11, 3)],
    ['2026. 11. 05.', at(2026, 11, 5)],
  ])('reads %j', (cell, iso) => {
    expect(read(cell)).toBe(iso);
  });

  it.each([
    ['20251103,', 'a compact date with a comma after it'],
    ['20251103X14:05', 'a compact date glued to a word other than T'],
    ['20251103 1405', 'a compact time in a date cell'],
    ['2025110', 'seven digits'],
    ['202511030', 'nine digits'],
    ['03,11,2025', 'commas between the numbers'],
    ['03:11:2025', 'colons between the numbers'],
    ['03/11-2025', 'two separators'],
    ['2025/11/003', 'a three-digit day after a year'],
    ['2025/011/03', 'a three-digit month after a year'],
    ['123/11/2025', 'a three-digit first number'],
    ['11/123/2025', 'a three-digit second number'],
    ['11/03/025', 'a three-digit year'],
    ['11/03/20251', 'a five-digit year'],
    ['13/13/2025', 'no number that can be the month'],
    ['13.13.2025', 'no number that can be the month, dotted'],
    ['05/11/2026.', 'a slashed date ended by a dot'],
    ['05.11.2026..', 'two dots after the year'],
    ['3rd/11/2025', 'an ordinal in a numeric date'],
    ['11/03/2025 x', 'a word after the date'],
    ['11/03/2025 EST', 'a zone with no time'],
    ['001/05/2025', 'a three-digit month of 1'],
    ['01/005/2025', 'a three-digit day of 5'],
    ['001-05-2025', 'a three-digit month of 1, dashed'],
    ['05.11.x2026', 'a word before the year of a dotted date'],
    ['20251103at14:05', 'a compact date glued to "at"'],
    ['Mon-11/03/2025', 'a dash after a weekday'],
    ['3- 11-2026', 'a space after a dash'],
    ['3/ 11/2026', 'a space after a slash'],
    ['3-x11-2026', 'a word inside a dashed date'],
    ['11-03- 2025', 'a space before the year of a dashed date'],
    ['11/03/ 2025', 'a space before the year of a slashed date'],
    [':', 'a colon alone'],
    ['/', 'a slash alone'],
    ['+5', 'a sign and a number'],
  ])('refuses %j (%s)', (cell) => {
    expect(read(cell), cell).toBeUndefined();
  });
});

describe('dates with a month name', () => {
  it('reads every weekday and month name exports print, long, short and in other cases', () => {
    const weekdays = ['mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'weds', 'wednesday', 'thu', 'thur', 'thurs', 'thursday', 'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday'];
    const months: [string, number][] = [
      ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3], ['apr', 4], ['april', 4], ['may', 5],
      ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9], ['september', 9],
      ['oct', 10], ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
    ];
    for (const weekday of weekdays) {
      expect(read(`${weekday.toUpperCase()}, 2025-11-03`), weekday).toBe(at(2025, 11, 3));
    }
    for (const [name, mo] of months) {
      const title = name[0]!.toUpperCase() + name.slice(1);
      expect(read(`${title} 5, 2025`), name).toBe(at(2025, mo, 5));
      expect(read(`5 ${name.toUpperCase()} 2025`), name).toBe(at(2025, mo, 5));
    }
    for (const cell of ['Mo, 2025-11-03', 'Thursd 2025-11-03', 'Ja 5, 2025', 'Septe 5, 2025', 'Octo 5, 2025']) {
      expect(read(cell), cell).toBeUndefined();
    }
  });

  it.each([
    ['3rd Nov 2025', at(2025, 11, 3)],
    ['3rd Nov. 2025', at(2025, 11, 3)],
    ['3 Nov, 2025', at(2025, 11, 3)],
    ['3 Nov,  2025', at(2025, 11, 3)],
    ['3-Nov 2025', at(2025, 11, 3)],
    ['3 November-2025', at(2025, 11, 3)],
    ['03/Nov/25', at(2025, 11, 3)],
    ['Nov 3rd 2025', at(2025, 11, 3)],
    ['Nov 3,2025', at(2025, 11, 3)],
    ['Nov.3 2025', at(2025, 11, 3)],
    ['Nov 3-2025', at(2025, 11, 3)],
    ['Nov 3/2025', at(2025, 11, 3)],
    ['Sept 3, 2025', at(2025, 9, 3)],
    ['Tues. Nov 4, 2025', at(2025, 11, 4)],
    ['Thurs, 6 Nov 2025', at(2025, 11, 6)],
    ['weds 5 nov 2025', at(2025, 11, 5)],
  ])('reads %j', (cell, iso) => {
    expect(read(cell)).toBe(iso);
  });

  it.each([
    ['3 Nov', 'no year'],
    ['Nov 3', 'no year after the month'],
    ['3,Nov,2025', 'commas around the month'],
    ['3 Novem 2025', 'a word that is no month'],
    ['Novem 3, 2025', 'a first word that is no month'],
    ['3 Nov 025', 'a three-digit year'],
    ['003 Nov 2025', 'a three-digit day'],
    ['Nov 003, 2025', 'a three-digit day after the month'],
    ['Nov, 3 2025', 'a comma right after the month'],
    ['3 Nov 2025 2025', 'a second year'],
    ['Nov 3rd', 'no year after an ordinal'],
    ['Mon 3', 'a weekday and a number'],
    ['3x Nov 2025', 'a word after the day that is no ordinal'],
    ['3 Nov:2025', 'a colon after the month'],
    ['Nov:3, 2025', 'a colon after the month, month first'],
    ['Nov 3x 2025', 'a word after the day, month first'],
    ['Nov 3:2025', 'a colon before the year, month first'],
    ['Foo 2:05 PM', 'a word that is no month before a time'],
  ])('refuses %j (%s)', (cell) => {
    expect(read(cell), cell).toBeUndefined();
  });
});

describe('times of day', () => {
  it.each([
    ['2025-11-03 2 PM', at(2025, 11, 3, 14)],
    ['2025-11-03 12 AM', at(2025, 11, 3, 0)],
    ['2025-11-03 12:30 PM', at(2025, 11, 3, 12, 30)],
    ['2025-11-03 12:30a', at(2025, 11, 3, 0, 30)],
    ['2025-11-03 1:30 A.M.', at(2025, 11, 3, 1, 30)],
    ['2025-11-03 14:05 EST+1', at(2025, 11, 3, 18, 5)],
    ['2025-11-03 14:05 +5', at(2025, 11, 3, 9, 5)],
    ['2025-11-03 14:05 -0530', at(2025, 11, 3, 19, 35)],
    ['2025-11-03 14:05:09,5 Z', at(2025, 11, 3, 14, 5, 9)],
    ['Nov 3 2025, 2:05 pm', at(2025, 11, 3, 14, 5)],
  ])('reads %j', (cell, iso) => {
    expect(read(cell)).toBe(iso);
  });

  it.each([
    ['2025-11-03 14:5', 'one-digit minutes'],
    ['2025-11-03 14:05:9', 'one-digit seconds'],
    ['2025/11/03 14:05:09.', 'a dot without fractions'],
    ['2025-11-03 14', 'an hour alone'],
    ['2025-11-03 14 PM', 'an afternoon hour over 12'],
    ['2025-11-03 0 AM', 'hour 0 on a 12-hour clock'],
    ['2025-11-03 13:05 PM', 'a 24-hour time with PM'],
    ['2025-11-03 2:05 x', 'a word after the time'],
    ['2025-11-03 2:05 a.x', 'a.x for a.m.'],
    ['2025-11-03 2:05 PM PM', 'two markers'],
    ['2025-11-03 012:30', 'a three-digit hour'],
    ['2025-11-03 123:45', 'a three-digit hour'],
    ['2025-11-03 14:05 +123', 'a three-digit offset'],
    ['2025-11-03 14:05 +15', 'an offset over 14 hours'],
    ['2025-11-03 14:05 +1460', 'an offset with 60 minutes'],
    ['2025-11-03 14:05 +14:60', 'an offset with 60 minutes, with a colon'],
    ['2025-11-03 14:05 +05:3', 'an offset with one digit of minutes'],
    ['2025-11-03 14:05 -', 'a sign alone'],
    ['2025-11-03 14:05 Z Z', 'two zones'],
    ['2025-11-03 14:05 IST', 'a zone name not known'],
    ['2025-11-03 14:05 EST x', 'a word after the zone'],
    ['2025-11-03 24:00', 'hour 24'],
    ['2025-11-03 23:60', 'minute 60'],
    ['2025-11-03 23:59:60', 'second 60'],
    ['2025-11-03 14:05 55', 'seconds after a space'],
    ['2025/11/03 14:05:09.x', 'a word for the fraction'],
    ['2025-11-03 2:05 am m', 'an m after am'],
    ['2025-11-03 2:05 pm.m', 'pm.m'],
    ['2025-11-03 13:05 AM', 'a 24-hour time with AM'],
    ['2025-11-03 14:05 +x', 'a sign and a word'],
    ['2025-11-03 14:05 +012', 'a three-digit offset of 12 hours'],
    ['2025-11-03 14:05 +05 30', 'a space inside the offset'],
    ['45964 14:05', 'a spreadsheet day count and a time'],
    ['45964-11-03', 'a five-digit first number'],
  ])('refuses %j (%s)', (cell) => {
    expect(read(cell), cell).toBeUndefined();
  });

  it('reads a compact time only in a time cell of its own', () => {
    expect(read('2025-11-03', '905')).toBe(at(2025, 11, 3, 9, 5));
    expect(read('2025-11-03', '140509')).toBe(at(2025, 11, 3, 14, 5, 9));
    expect(read('2025-11-03', '012:30')).toBe(at(2025, 11, 3, 12, 30));
    for (const time of ['14059', '1405091', '2405', '1260', '14', '1405 x']) {
      expect(read('2025-11-03', time), time).toBeUndefined();
    }
  });

  it('does not take a spreadsheet day count or a date for a time of day', () => {
    expect(parseDateTime('2025-11-03', '45964', UTC)).toEqual({ ok: false, reason: 'not a recognised time: "45964"' });
    expect(parseDateTime('2025-11-03', '2025-11-04', UTC)).toEqual({ ok: false, reason: 'not a recognised time: "2025-11-04"' });
    expect(parseDateTime('2025-11-03', 'Nov 4, 2025', UTC)).toEqual({ ok: false, reason: 'not a recognised time: "Nov 4, 2025"' });
    // a day count with a fraction is a time of day; epoch seconds name an instant, whose UTC time it takes
    expect(read('2025-11-03', '45964.25')).toBe(at(2025, 11, 3, 6));
    expect(parseDateTime('2025-11-03', '1762196709', { timezone: 'America/New_York' })).toEqual({ ok: true, iso: at(2025, 11, 3, 19, 5, 9) });
    expect(detectDateTimeShape('1762196709')).toBeNull();
    expect(detectDateTimeShape('1762196709000')).toBeNull();
  });
});

describe('what the tokenizer leaves out', () => {
  it('reads tabs and no-break spaces as spaces', () => {
    expect(read('Nov\t3,\u00a02025\t 2:05\u00a0PM')).toBe(at(2025, 11, 3, 14, 5));
  });

  it('refuses characters no date uses and runs too long for any date', () => {
    for (const cell of ['2025-11-03 #14:05', '11/03/2025;', '2025-11-03 123456789012345678', '2025-11-03 abcdefghijklm', 'Nov 3, 2025 2:05 PM abcdefghijklm', `${'1'.repeat(18)}`, `${'1'.repeat(266)}`, `${'1'.repeat(269)}`, 'Nov 3, 2025 2:05 PM '.repeat(3)]) {
      expect(read(cell), cell.slice(0, 40)).toBeUndefined();
    }
  });
});

describe('ISO cells with spaces around them', () => {
  it('read as they do without', () => {
    for (const cell of ['2025-11-03', '2025-11-03T14:05:09.', '2025-11-03t14:05Z', '2025-11-03 14:05:09.5-0130']) {
      const bare = read(cell);
      expect(bare, cell).toBeDefined();
      expect(read(` ${cell}\t`), cell).toBe(bare);
    }
  });
});

describe('the scratch state of the last cell read', () => {
  it('does not fill in what a cell lacks', () => {
    // cells that fill every token position with numbers, words and separators, then cells that
    // differ from a readable one only where those left something the next cell could take
    const fillers: [string, string | undefined][] = [
      ['3-05-2025 2:05 a.m. +05:30', undefined],
      ['11-03-2025 14:05:09,5 -0800', undefined],
      ['Mon 3 Nov 2025 11:45 p.m. EST', undefined],
      ['2025-11-03 2:05 a.m.', undefined],
      ['2025-11-03', '2:05 a.m.'],
      ['2025-11-03 14:05 +05:30', '1:05:00 +05:30'],
      ['2025/11/03 14:05:09 +05:30', undefined],
    ];
    const refused: [string, string | undefined][] = [
      ['3 Nov 2025', 'x:05'],
      ['2025-11-03 14:ab', undefined],
      ['2025-11-03 14:05:ab', undefined],
      ['2025-11-03', '14:05:ab'],
      ['2025-11-03 2:05 a.5', undefined],
      ['2025-11-03 2:05 +05:x', undefined],
      ['2025-11-03 2:05 p.5.m', undefined],
      ['2025-11-03', '14:ab'],
      ['2025-11-03', 'x:05'],
      ['2025-11-03', '2:05 a.5'],
      ['Mon, 2pm', undefined],
      ['Nov 2 PM', undefined],
      ['Nov 2:05', undefined],
      ['Nov, 2:05', undefined],
      ['2025/11/03 14:05:09 +05:x', undefined],
    ];
    // parsed cells are memoised by their text: trailing spaces (which the parser trims) make each
    // refused cell new after each filler
    fillers.forEach(([fillDate, fillTime], f) => {
      const pad = ' '.repeat(f + 1);
      for (const [date, time] of refused) {
        expect(read(fillDate, fillTime), fillDate).toBeDefined();
        expect(read(date + pad, time === undefined ? undefined : time + pad), `${date} | ${time} after ${fillDate}`).toBeUndefined();
      }
    });
  });


  it('does not leak into the next cell', () => {
    // each pair: a cell that leaves a separator, a month or a date in the tokenizer's and grammar's
    // scratch arrays, then a cell that would read as a date if that were taken for its own
    const pairs: [string, string][] = [
      ['3-5-2025', '3x5-2025'],
      ['Nov 3, 2025', '/3, 2025'],
      ['Nov 3, 2025', ':'],
      ['3 Nov 2025', '3 Nov'],
      ['3 Nov2025', '4 Dec'],
      ['Nov 4, 2025', '20251104at14:05'],
      ['Nov 3, 2025', 'Nov 3'],
    ];
    for (const [first, second] of pairs) {
      expect(read(first), first).toBeDefined();
      expect(read(second), `${second} after ${first}`).toBeUndefined();
    }
  });
});

describe('the memo of parsed cells', () => {
  it('gives a cell the same answer every time, read as a date or as a time', () => {
    for (let round = 0; round < 3; round++) {
      expect(read('Nov 13, 2025'), `round ${round}`).toBe(at(2025, 11, 13));
      expect(read('Nov 13, 2025 junk'), `round ${round}`).toBeUndefined();
    }
  });

  it('gives a refused cell the same reason every time', () => {
    for (let round = 0; round < 3; round++) {
      expect(parseDateTime('Nov 14, 2025 junk', undefined, UTC), `round ${round}`).toEqual({ ok: false, reason: 'not a recognised date' });
      expect(parseDateTime('1408', undefined, UTC), `round ${round}`).toEqual({ ok: false, reason: 'not a recognised date' });
      expect(parseDateTime('2:08 PM', undefined, UTC), `round ${round}`).toEqual({ ok: false, reason: 'time without a date' });
      expect(parseDateTime('2025-11-03', 'Nov 14, 2025 junk', UTC), `round ${round}`).toEqual({ ok: false, reason: 'not a recognised time: "Nov 14, 2025 junk"' });
    }
  });

  it('keeps the date reading of a cell apart from its time reading', () => {
    // "1406" is no date, but it is a compact time; the two readings do not share a memo entry
    expect(parseDate('1406')).toEqual({ ok: false, reason: 'not a recognised date' });
    expect(read('2025-11-03', '1406')).toBe(at(2025, 11, 3, 14, 6));
    expect(read('2025-11-03', '1407')).toBe(at(2025, 11, 3, 14, 7));
    expect(parseDate('1407')).toEqual({ ok: false, reason: 'not a recognised date' });
    expect(detectDateTimeShape('1407')).toBeNull();
  });
});

describe('dates without a year', () => {
  const two = (n: number) => String(n).padStart(2, '0');

  it('take the reference year when the day is on or before the reference day, else the year before', () => {
    // every day of the calendar against references around a month's edges; the oracle compares "MM-DD" strings
    for (const reference of ['2026-01-01', '2026-02-28', '2026-03-01', '2024-02-29', '2026-06-15', '2026-12-31']) {
      const [ry, rest] = [Number(reference.slice(0, 4)), reference.slice(5)];
      for (let mo = 1; mo <= 12; mo++) {
        for (let d = 1; d <= 31; d++) {
          const year = `${two(mo)}-${two(d)}` <= rest ? ry : ry - 1;
          const real = new Date(Date.UTC(year, mo - 1, d)).getUTCDate() === d;
          const want = real ? { ok: true, iso: `${year}-${two(mo)}-${two(d)}` } : { ok: false };
          const cell = d > 12 ? `${d}/${mo}` : `${mo}/${d}`;
          expect(parseDate(cell, { referenceDate: reference }), `${cell} on ${reference}`).toMatchObject(want);
          expect(parseDate(`${d}.${mo}.`, { referenceDate: reference }), `${d}.${mo}. on ${reference}`).toMatchObject(want);
        }
      }
    }
  });

  it('read a time after them, and refuse other forms', () => {
    const statement = { timezone: 'UTC', referenceDate: '2026-02-24' };
    expect(parseDateTime('01/21 8:04 PM', undefined, statement)).toEqual({ ok: true, iso: at(2026, 1, 21, 20, 4) });
    // the number after "21.01. " is the hour, not a two-digit year as in "21. 01. 08"
    expect(parseDateTime('21.01. 08:04', undefined, statement)).toEqual({ ok: true, iso: at(2026, 1, 21, 8, 4) });
    expect(parseDateTime('21. 01. 08', undefined, statement)).toEqual({ ok: true, iso: at(2008, 1, 21) });
    expect(parseDateTime('21. 01. 08 08:04', undefined, statement)).toEqual({ ok: true, iso: at(2008, 1, 21, 8, 4) });
    for (const cell of ['01-21', '21.01', '1/2/', '01/21x', '01/21/', '123/21', '01/123', '21.01.x', '21.01..', '001/21', '01/021', '001.02.', '01/21T08:04']) {
      expect(parseDateTime(cell, undefined, statement).ok, cell).toBe(false);
    }
  });

  it('are refused when the reference date is not a plain YYYY-MM-DD', () => {
    for (const referenceDate of ['2026-02-24T00:00', 'x2026-02-24', '2026-2-24', '26-02-24', '']) {
      expect(parseDate('01/21', { referenceDate }), referenceDate).toEqual({ ok: false, reason: 'a date without a year, and no statement date to take it from' });
      expect(parseDateTime('01/21', undefined, { timezone: 'UTC', referenceDate }).ok, referenceDate).toBe(false);
    }
  });
});

describe('day-first dates', () => {
  it('swap only numeric dates that read either way', () => {
    const dayFirst = { timezone: 'UTC', dayFirst: true };
    const cases: [string, string | undefined][] = [
      ['Wednesday, 03/04/2025', at(2025, 4, 3)],
      ['Wed 3-4-25', at(2025, 4, 3)],
      [' 03/04/2025 10:00', at(2025, 4, 3, 10)],
      ['03/04', undefined],
      ['12/12/2025', at(2025, 12, 12)],
      ['13/04/2025', at(2025, 4, 13)],
      ['04/13/2025', at(2025, 4, 13)],
      ['2025/03/04', at(2025, 3, 4)],
      ['03.04.2025', at(2025, 4, 3)],
      ['3 Apr 2025', at(2025, 4, 3)],
      ['Apr 3, 2025', at(2025, 4, 3)],
    ];
    for (const [cell, iso] of cases) {
      const r = parseDateTime(cell, undefined, dayFirst);
      expect(r.ok ? r.iso : undefined, cell).toBe(iso);
    }
    expect(parseDate('03/04', { dayFirst: true, referenceDate: '2026-05-01' })).toEqual({ ok: true, iso: '2026-04-03' });
    expect(parseDateTime('03/04', undefined, { ...dayFirst, referenceDate: '2026-05-01' })).toEqual({ ok: true, iso: at(2026, 4, 3) });
  });
});

describe('the job time zone', () => {
  it('takes UTC by its names, in any case, and other zones luxon knows', () => {
    for (const timezone of ['UTC', 'utc', 'Etc/UTC', 'etc/utc', 'Z', 'z', 'GMT', 'gmt']) {
      expect(parseDateTime('2025-07-03 14:05', undefined, { timezone }), timezone).toEqual({ ok: true, iso: at(2025, 7, 3, 14, 5) });
    }
    expect(parseDateTime('2025-07-03 14:05', undefined, { timezone: 'UTC+5' })).toEqual({ ok: true, iso: at(2025, 7, 3, 9, 5) });
    expect(parseDateTime('2025-07-03 14:05', undefined, { timezone: 'Asia/Kolkata' })).toEqual({ ok: true, iso: at(2025, 7, 3, 8, 35) });
  });

  it('is not needed for a value with its own offset, and refused by name otherwise', () => {
    expect(parseDateTime('2025-07-03 14:05 +02:00', undefined, { timezone: 'Nowhere/Else' })).toEqual({ ok: true, iso: at(2025, 7, 3, 12, 5) });
    expect(parseDateTime('2025-07-03', '14:05 PST', { timezone: 'Nowhere/Else' })).toEqual({ ok: true, iso: at(2025, 7, 3, 22, 5) });
    expect(parseDateTime('2025-07-03 14:05', undefined, { timezone: 'Nowhere/Else' })).toEqual({ ok: false, reason: 'unknown time zone "Nowhere/Else"' });
  });
});
