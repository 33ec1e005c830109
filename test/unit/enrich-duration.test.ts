import { describe, expect, it } from 'vitest';
import { parseDurationSeconds } from '../../functions/core/enrich/duration.ts';

function secs(raw: string, hint?: 'seconds' | 'minutes'): number | undefined {
  const r = parseDurationSeconds(raw, hint);
  return r.ok ? r.seconds : undefined;
}

describe('parseDurationSeconds', () => {
  it('reads a bare number as seconds by default', () => {
    expect(secs('754')).toBe(754);
  });

  it('reads a bare number as minutes with the minutes hint', () => {
    expect(secs('754', 'minutes')).toBe(754 * 60);
    expect(secs('3.5', 'minutes')).toBe(210);
  });

  it('reads mm:ss as seconds', () => {
    expect(secs('12:34')).toBe(754);
    expect(secs('12:34', 'minutes')).toBe(754);
    expect(secs('0:00')).toBe(0);
  });

  it('reads h:mm:ss', () => {
    expect(secs('1:02:03')).toBe(3723);
    expect(secs('00:05:23')).toBe(323);
  });

  it('reads durations with units', () => {
    expect(secs('5 min')).toBe(300);
    expect(secs('5m 3s')).toBe(303);
    expect(secs('1h 2m')).toBe(3720);
    expect(secs('2 hrs, 5 mins')).toBe(7500);
    expect(secs('90 sec')).toBe(90);
  });

  it('rounds fractional seconds', () => {
    expect(secs('12.6')).toBe(13);
  });

  it('rejects negative values and garbage with a reason', () => {
    expect(parseDurationSeconds('-5')).toEqual({ ok: false, reason: 'negative duration' });
    expect(parseDurationSeconds('abc')).toEqual({ ok: false, reason: 'not a duration' });
    expect(parseDurationSeconds('1:75')).toEqual({ ok: false, reason: 'minutes/seconds must be below 60' });
    expect(parseDurationSeconds('5 parsecs').ok).toBe(false);
    expect(parseDurationSeconds('2125551234').ok).toBe(false);
  });

  it('marks blank cells as empty', () => {
    expect(parseDurationSeconds('')).toMatchObject({ ok: false, empty: true });
  });
});

describe('clock durations, in place and by parts', () => {
  it.each([
    ['0:00', 0],
    ['18:29', 1109],
    ['1:02:03', 3723],
    ['125:00', 7500],
    ['007:05', 425],
    ['0:05.5', 6],
    [' 1:02 ', 62],
  ])('%j is %i seconds', (raw, seconds) => {
    expect(parseDurationSeconds(raw)).toEqual({ ok: true, seconds });
  });

  it.each(['1:60', '1:02:60', '1:2:3:4', '1::2', ':30', '12:', '1:x'])('%j is not a duration', (raw) => {
    expect(parseDurationSeconds(raw).ok).toBe(false);
  });
});
