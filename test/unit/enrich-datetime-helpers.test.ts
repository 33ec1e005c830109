import { describe, expect, it } from 'vitest';
import {
  dateTimePairFit,
  isDottedClock,
  numericDateOrder,
  parseDate,
  parseDateTime,
  regionDatesDayFirst,
  zoneAbbreviationOffset,
} from '../../functions/core/enrich/datetime.ts';
import { EMPTY } from '../../functions/core/enrich/result.ts';

// The small helpers of datetime.ts that suggest a mapping (date order, a date and a time
// column that go together) and read a zone or a dotted clock, at their edges.

describe('numericDateOrder', () => {
  it.each([
    ['a first number over 12', ['13/04/2025'], 'day-first'],
    ['a second number over 12', ['04/13/2025'], 'month-first'],
    ['12 and 13, either way round', ['12/13/2025'], 'month-first'],
    ['13 and 12', ['13/12/2025'], 'day-first'],
    ['dashes and a two-digit year', ['13-04-25'], 'day-first'],
    ['a weekday before the date', ['Mon, 13/04/2025'], 'day-first'],
    ['a date without a year', ['4/13'], 'month-first'],
    ['the first telling value after ambiguous and other ones', ['03/04/2025', '2025-13-04', 'soon', '13/13/2025', '04/13/2025', '13/04/2025'], 'month-first'],
    ['only values that could be either', ['03/04/2025', '3-4-25', '12/12/2025'], undefined],
    ['mixed separators (no numeric date)', ['13/04-2025'], undefined],
    ['a dotted date (day-first anyway, not counted)', ['13.04.2025'], undefined],
    ['no values', [], undefined],
  ])('%s', (_name, values, order) => {
    expect(numericDateOrder(values)).toBe(order);
  });
});

describe('regionDatesDayFirst', () => {
  it.each(['US', 'CA', 'PH', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'FM', 'MH', 'PW'])('puts the month first in %s, in any case', (region) => {
    expect(regionDatesDayFirst(region)).toBe(false);
    expect(regionDatesDayFirst(region.toLowerCase())).toBe(false);
  });

  it.each(['GB', 'DE', 'AU', 'MX', 'in'])('puts the day first in %s', (region) => {
    expect(regionDatesDayFirst(region)).toBe(true);
  });
});

describe('zoneAbbreviationOffset', () => {
  it.each([
    ['Z', 0], ['UTC', 0], ['gmt', 0], ['UT', 0],
    ['EST', -300], ['EDT', -240], ['CST', -360], ['CDT', -300], ['MST', -420], ['MDT', -360],
    ['PST', -480], ['PDT', -420], ['AKST', -540], ['AKDT', -480], ['HST', -600],
    ['BST', 60], ['CET', 60], ['CEST', 120], ['EET', 120], ['EEST', 180],
  ])('reads %s as %i minutes', (abbr, minutes) => {
    expect(zoneAbbreviationOffset(abbr)).toBe(minutes);
    // and the parser applies it
    const hh = String(Math.floor(Math.abs(12 * 60 - minutes) / 60)).padStart(2, '0');
    const mm = String(Math.abs(12 * 60 - minutes) % 60).padStart(2, '0');
    expect(parseDateTime('2025-03-04', `12:00 ${abbr}`, { timezone: 'UTC' })).toEqual({ ok: true, iso: `2025-03-04T${hh}:${mm}:00Z` });
  });

  it('knows no other names', () => {
    expect(zoneAbbreviationOffset('IST')).toBeUndefined();
    expect(zoneAbbreviationOffset('')).toBeUndefined();
  });
});

describe('isDottedClock', () => {
  it.each([
    ['08.14.22', true],
    ['8.05', true],
    [' 8.05 ', true],
    ['23.59.59', true],
    ['24.00', false],
    ['12.60', false],
    ['12.30.60', false],
    ['12.3', false],
    ['123.45', false],
    ['08.14.22.1', false],
    ['8:05', false],
  ])('%j: %s', (raw, dotted) => {
    expect(isDottedClock(raw)).toBe(dotted);
  });

  it('reads a dotted time cell with its date', () => {
    expect(parseDateTime('2025-03-04', '08.14.22', { timezone: 'UTC' })).toEqual({ ok: true, iso: '2025-03-04T08:14:22Z' });
    expect(parseDateTime('2025-03-04', '8.05', { timezone: 'UTC' })).toEqual({ ok: true, iso: '2025-03-04T08:05:00Z' });
  });
});

describe('dateTimePairFit', () => {
  it.each([
    ['every row a date and a time', ['03/08/2025', '03/09/2025'], ['04:26:09', '17:00:00'], 1],
    ['one row of two with a date-time in the date column', ['03/08/2025 10:00', '03/09/2025'], ['04:26:09', '17:00:00'], 0.5],
    ['a date in the time column', ['03/08/2025', '03/09/2025'], ['04:26:09', '03/09/2025'], 0.5],
    ['a date-time in the time column', ['03/08/2025', '03/09/2025'], ['04:26:09', '03/09/2025 17:00'], 0.5],
    ['a bare number in the date column', ['45123', '03/09/2025'], ['04:26:09', '17:00:00'], 0.5],
    ['text in either column', ['soon', '03/09/2025'], ['04:26:09', 'later'], 0],
    ['blank rows left out', ['03/08/2025', '', '03/09/2025', '03/10/2025'], ['04:26:09', '10:00', '', '17:00:00'], 1],
    ['one row with both', ['03/08/2025', ''], ['04:26:09', '17:00:00'], 0],
    ['columns of different lengths (the shorter counts)', ['03/08/2025', '03/09/2025', 'x'], ['04:26:09', '17:00:00'], 1],
    ['nothing', [], [], 0],
  ])('%s', (_name, dates, times, fit) => {
    expect(dateTimePairFit(dates, times)).toBe(fit);
  });
});

describe('parseDate and parseDateTime with day-first dates', () => {
  it.each([
    ['an ambiguous date, swapped', '03/12/2025', '2025-12-03'],
    ['a day of 12, the last that can be a month', '12/03/2025', '2025-03-12'],
    ['a second number over 12, which cannot be the month', '03/13/2025', '2025-03-13'],
    ['the same day and month', '04/04/2025', '2025-04-04'],
    ['an ISO date, never swapped', '2025-03-04', '2025-03-04'],
  ])('%s (%s)', (_name, raw, iso) => {
    expect(parseDate(raw, { dayFirst: true })).toEqual({ ok: true, iso });
    expect(parseDateTime(raw, '10:00', { timezone: 'UTC', dayFirst: true })).toEqual({ ok: true, iso: `${iso}T10:00:00Z` });
  });

  it('reads month-first without the option', () => {
    expect(parseDate('03/12/2025')).toEqual({ ok: true, iso: '2025-03-12' });
    expect(parseDate('03/12/2025', { dayFirst: false })).toEqual({ ok: true, iso: '2025-03-12' });
    expect(parseDateTime('03/12/2025', '10:00', { timezone: 'UTC' })).toEqual({ ok: true, iso: '2025-03-12T10:00:00Z' });
  });

  it('pads two-digit months and days as they are', () => {
    expect(parseDate('10/10/2025')).toEqual({ ok: true, iso: '2025-10-10' });
  });
});

describe('parseDate and parseDateTime at their edges', () => {
  const nyc = { timezone: 'America/New_York' };

  it('answers EMPTY for a blank date cell and says why it refuses one', () => {
    expect(parseDate('  ')).toBe(EMPTY);
    expect(parseDate('soon')).toEqual({ ok: false, reason: 'not a recognised date' });
  });

  it('keeps the time inside the date cell when the time cell is blank or absent', () => {
    expect(parseDateTime('2025-03-04 10:00', '  ', nyc)).toEqual({ ok: true, iso: '2025-03-04T15:00:00Z' });
    expect(parseDateTime('2025-03-04 10:00', undefined, nyc)).toEqual({ ok: true, iso: '2025-03-04T15:00:00Z' });
  });

  it('keeps the date cell\'s offset for a time cell without one', () => {
    expect(parseDateTime('2025-03-04T10:00:00+02:00', '12:00', nyc)).toEqual({ ok: true, iso: '2025-03-04T10:00:00Z' });
  });

  it('quotes a refused time cell trimmed', () => {
    expect(parseDateTime('2025-03-04', ' 25:99 ', nyc)).toEqual({ ok: false, reason: 'not a recognised time: "25:99"' });
  });
});

describe('numericDateOrder on what only looks like a date', () => {
  it.each([
    ['two numbers over 12', ['13/13/2025']],
    ['a two-letter word before the date', ['ID 13/04/2025']],
  ])('%s', (_name, values) => {
    expect(numericDateOrder(values)).toBeUndefined();
  });

  it.each([
    ['a weekday without a comma', ['Mon 13/04/2025']],
    ['a weekday and two spaces', ['Mon,  13/04/2025']],
  ])('reads %s', (_name, values) => {
    expect(numericDateOrder(values)).toBe('day-first');
  });

  it('reads compact times in a time column', () => {
    expect(dateTimePairFit(['03/08/2025', '03/09/2025'], ['1405', '0930'])).toBe(1);
  });
});
