import { describe, expect, it } from 'vitest';
import { detectDateTimeShape, parseDateTime } from '../../functions/core/enrich/datetime.ts';

const at = (date: string, time?: string) => {
  const r = parseDateTime(date, time, { timezone: 'UTC' });
  return r.ok ? r.iso : undefined;
};

describe("Taiwan's Minguo years", () => {
  it('reads a three-digit year before a slash as years since 1911 ("115/11/03" is 2026-11-03)', () => {
    expect(at('115/11/03', '09:14:05')).toBe('2026-11-03T09:14:05Z');
    expect(at('100/1/2')).toBe('2011-01-02T00:00:00Z');
    expect(at('115/11/03 12:40')).toBe('2026-11-03T12:40:00Z');
    expect(detectDateTimeShape('115/11/03')).toBe('date');
  });

  it('not with a dash or a dot, nor a year under 100 written in three digits, nor a long month or day', () => {
    for (const v of ['115-11-03', '115.11.03', '099/11/03', '115/111/03', '115/11/003']) expect(at(v), v).toBeUndefined();
  });
});

describe('a time of day written with an "h" (French Canada)', () => {
  it('reads "8 h 14" and "13h52" in a time cell and after a date', () => {
    expect(at('2026-11-03', '8 h 14')).toBe('2026-11-03T08:14:00Z');
    expect(at('2026-11-03', '13h52')).toBe('2026-11-03T13:52:00Z');
    expect(at('2026-11-03 14 h 07')).toBe('2026-11-03T14:07:00Z');
    expect(detectDateTimeShape('8 h 14')).toBe('time');
  });

  it('needs two digits of minutes after it, and an hour of two digits at most', () => {
    for (const t of ['8 h', '8 h 5', '8 h 145', '123 h 14', '8 x 14', '25 h 00']) expect(at('2026-11-03', t), t).toBeUndefined();
  });
});

describe('a time written with dots after a date in the same cell (Finland)', () => {
  it('reads "3.11.2026 8.14.22" and "3.11.2026 8.14"', () => {
    expect(at('3.11.2026 8.14.22')).toBe('2026-11-03T08:14:22Z');
    expect(at('3.11.2026 8.14')).toBe('2026-11-03T08:14:00Z');
    expect(detectDateTimeShape('3.11.2026 8.14.22')).toBe('datetime');
  });

  it('not dots and colons mixed, nor one digit of minutes; a dotted cell alone stays a date', () => {
    for (const v of ['3.11.2026 8:14.22', '3.11.2026 8.1', '3.11.2026 8.14.2']) expect(at(v), v).toBeUndefined();
    expect(at('3.11.2026 8:14:22')).toBe('2026-11-03T08:14:22Z');
    expect(detectDateTimeShape('08.11.22')).toBe('date');
  });
});

describe('what the tokens of an earlier cell leave behind', () => {
  it('reads no "h" where the cell before had one at the same place', () => {
    expect(at('2026-11-03', '8 h 14')).toBe('2026-11-03T08:14:00Z');
    expect(at('2026-11-03', '8 - 14')).toBeUndefined();
    expect(at('2026-11-03', '8 h 14')).toBe('2026-11-03T08:14:00Z');
    expect(at('2026-11-03', '8 h xy')).toBeUndefined();
    expect(at('2026-11-03', '8 h 14')).toBe('2026-11-03T08:14:00Z');
    expect(at('2026-11-03', '8 h -')).toBeUndefined();
  });
});
