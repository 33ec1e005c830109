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

describe('duration boundaries and spellings', () => {
  const reason = (raw: string) => {
    const r = parseDurationSeconds(raw);
    return r.ok ? `ok ${r.seconds}` : r.reason;
  };

  it('refuses a minutes or seconds part of 60 on the in-place path and by parts', () => {
    expect(reason('1:60:00')).toBe('minutes/seconds must be below 60');
    expect(reason('1:59:59')).toBe('ok 7199');
    expect(reason('1:60.5')).toBe('minutes/seconds must be below 60');
    expect(reason('1:59.5')).toBe('ok 120');
  });

  it('lets only the leading part of a clock reach 60 or more', () => {
    expect(reason('60:00')).toBe('ok 3600');
    expect(reason('125:00.5')).toBe('ok 7501');
  });

  it('reads a fractional seconds part after minutes and after hours, rounding half up', () => {
    expect(reason('1:05.5')).toBe('ok 66');
    expect(reason('12:05.25')).toBe('ok 725');
    expect(reason('1:05.55')).toBe('ok 66');
    expect(reason('1:02:03.5')).toBe('ok 3724');
    expect(reason('1: 05')).toBe('ok 65');
  });

  it('allows a fraction only in the last part of a clock, and only between digits', () => {
    for (const raw of ['1.5:30', '.1:05.5', '1.:05.5', '1:.5', '1:05.', '1:2:3:4.5']) expect(reason(raw)).toBe('not a duration');
  });

  it('reads a comma as the decimal mark of a bare number', () => {
    expect(reason('3,5')).toBe('ok 4');
    expect(reason('3,5')).toBe(reason('3.5'));
    expect(reason('3.25')).toBe('ok 3');
    expect(parseDurationSeconds('2,5', 'minutes')).toEqual({ ok: true, seconds: 150 });
  });

  it('does not read exponent or hex notation as a number', () => {
    expect(reason('1e3')).toBe('unknown duration unit "e"');
    expect(reason('1.5e3')).toBe('unknown duration unit "e"');
  });

  it('trims the cell before reading it', () => {
    expect(reason(' 754 ')).toBe('ok 754');
  });

  it('reads accounting parentheses as negative', () => {
    expect(reason('(5)')).toBe('negative duration');
  });

  it('accepts exactly a week and refuses a second more', () => {
    expect(reason('604800')).toBe('ok 604800');
    expect(reason('604801')).toBe('duration longer than a week');
    expect(reason('10080 min')).toBe('ok 604800');
    expect(reason('10081')).toBe('ok 10081');
  });

  it('names an unknown unit, and refuses text with no amount', () => {
    expect(reason('5 parsecs')).toBe('unknown duration unit "parsecs"');
    expect(reason(',')).toBe('not a duration');
    expect(reason('min')).toBe('not a duration');
  });

  it('reads unit amounts with a comma or a point, with or without a space and a final period', () => {
    expect(reason('1,5 min')).toBe('ok 90');
    expect(reason('1.5 h')).toBe('ok 5400');
    expect(reason('5min')).toBe('ok 300');
    expect(reason('10 sec.')).toBe('ok 10');
    expect(reason('1 Std. 5 Min.')).toBe('ok 3900');
    expect(reason('5 min,')).toBe('ok 300');
    expect(reason('12 s')).toBe('ok 12');
  });

  it('reads amounts with two decimals before a unit', () => {
    expect(reason('1.25 h')).toBe('ok 4500');
    expect(reason('2,75 min')).toBe('ok 165');
  });

  it('holds minutes and seconds below 60 also when the seconds carry a fraction or a space', () => {
    expect(reason('1:60.0')).toBe('minutes/seconds must be below 60');
    expect(reason('1: 60')).toBe('minutes/seconds must be below 60');
    expect(reason('1:59.9')).toBe('ok 120');
  });

  it('calls text with colons that is not a clock "not a duration", and a number too large to hold the same', () => {
    expect(reason('1x75y0:0')).toBe('not a duration');
    expect(reason('9'.repeat(400))).toBe('not a duration');
  });

  // Every spelling the parser knows, each written out here so that losing one fails.
  it.each([
    ['s', 1], ['sec', 1], ['secs', 1], ['second', 1], ['seconds', 1],
    ['m', 60], ['min', 60], ['mins', 60], ['minute', 60], ['minutes', 60],
    ['h', 3600], ['hr', 3600], ['hrs', 3600], ['hour', 3600], ['hours', 3600],
    ['秒', 1], ['分', 60], ['分钟', 60], ['分鐘', 60], ['时', 3600], ['小时', 3600], ['小時', 3600], ['時間', 3600],
    ['초', 1], ['분', 60], ['시간', 3600], ['с', 1], ['сек', 1], ['мин', 60], ['ч', 3600], ['час', 3600],
    ['sek', 1], ['sn', 1], ['dk', 60], ['sa', 3600], ['std', 3600], ['stunden', 3600], ['tim', 3600], ['godz', 3600],
    ['sekunde', 1], ['sekunden', 1], ['minuten', 60], ['stunde', 3600],
    ['секунда', 1], ['секунды', 1], ['секунд', 1], ['минута', 60], ['минуты', 60], ['минут', 60], ['часа', 3600], ['часов', 3600],
    ['saniye', 1], ['dakika', 60], ['saat', 3600], ['秒钟', 1], ['秒鐘', 1],
    ['sekunda', 1], ['sekundy', 1], ['sekund', 1], ['minuta', 60], ['minuty', 60], ['minut', 60],
    ['godzina', 3600], ['godziny', 3600], ['godzin', 3600],
    ['sekunder', 1], ['minuter', 60], ['timme', 3600], ['timmar', 3600],
    ['seconde', 1], ['secondes', 1], ['heure', 3600], ['heures', 3600],
    ['segundo', 1], ['segundos', 1], ['minuto', 60], ['minutos', 60], ['hora', 3600], ['horas', 3600],
    ['secondo', 1], ['secondi', 1], ['minuti', 60], ['ora', 3600], ['ore', 3600],
    ['seconden', 1], ['minuut', 60], ['uur', 3600],
  ])('reads the unit %j as %i seconds', (unit, seconds) => {
    expect(reason(`2 ${unit}`)).toBe(`ok ${2 * seconds}`);
    expect(reason(`2${unit.toUpperCase()}`)).toBe(`ok ${2 * seconds}`);
  });
});
