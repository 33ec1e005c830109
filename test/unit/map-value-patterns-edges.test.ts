import { describe, expect, it } from 'vitest';
import {
  columnDateTimeShape,
  enumValue,
  fitsField,
  isEpochStamp,
  looksLikeField,
  PROFILE_URL,
  ratio,
  timeColumnKind,
} from '../../functions/core/map/value-patterns.ts';
import type { FieldDefinition } from '../../functions/core/schemas/schema-types.ts';

const ctx = { defaultRegion: 'US' };
const field = (type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ name: 'x', type, ...extra }) as FieldDefinition;
const both = (f: FieldDefinition, v: string): [boolean, boolean] => [looksLikeField(f, v, ctx), fitsField(f, v, ctx)];

describe('isEpochStamp', () => {
  it('takes ten-digit seconds and thirteen-digit milliseconds up to the end of 2039', () => {
    expect(isEpochStamp('  1770106023 ')).toBe(true);
    expect(isEpochStamp('2208988799')).toBe(true);
    expect(isEpochStamp('2208988800')).toBe(false);
    expect(isEpochStamp('2208988799999')).toBe(true);
    expect(isEpochStamp('2208988800000')).toBe(false);
  });

  it('refuses other lengths and numbers before 2000 written with a leading zero', () => {
    expect(isEpochStamp('123456789')).toBe(false);
    expect(isEpochStamp('12345678901')).toBe(false);
    expect(isEpochStamp('0946684800')).toBe(true);
    expect(isEpochStamp('0946684799')).toBe(false);
    expect(isEpochStamp('0946684800000')).toBe(true);
    expect(isEpochStamp('0946684799999')).toBe(false);
    expect(isEpochStamp('x1770106023')).toBe(false);
    expect(isEpochStamp('1770106023x')).toBe(false);
  });
});

describe('looksLikeField and fitsField', () => {
  it('money: an amount printed with cents or a currency sign looks like money; any amount fits', () => {
    for (const v of ['$1,234.56', '1.234,56 €', '(12.34)', '-12.34', '€12', '¥100', '12.34$', '1 234,56']) expect(both(field('money'), v)).toEqual([true, true]);
    expect(both(field('money'), '12')).toEqual([false, true]);
    expect(both(field('money'), '1234.5')).toEqual([false, true]);
    expect(both(field('money'), 'abc')).toEqual([false, false]);
  });

  it('phone: a number ending in seven digits looks like one; 7 to 15 digits of another region fit', () => {
    expect(both(field('phone'), '(555) 123-4567')).toEqual([true, true]);
    expect(both(field('phone'), '5551234567 x12')).toEqual([true, true]);
    expect(both(field('phone'), '+1 555 123 4567 ext. 9')).toEqual([true, true]);
    expect(both(field('phone'), '555-1234')).toEqual([false, true]);
    expect(both(field('phone'), '1234567')).toEqual([false, true]);
    expect(both(field('phone'), '+12345678901234567')).toEqual([false, false]);
    expect(fitsField(field('phone'), '+49 30 1234567 8', { defaultRegion: 'US' })).toBe(true);
    expect(fitsField(field('phone'), 'call me', ctx)).toBe(false);
  });

  it('duration: a clock length or a number with its unit looks like one; any length fits', () => {
    for (const v of ['1:23', '01:23:45', '5 min', '5min', '3.5 hrs', '5 s', '10h']) expect(both(field('duration'), v)).toEqual([true, true]);
    expect(both(field('duration'), '754')).toEqual([false, true]);
    expect(both(field('duration'), '1234:56')).toEqual([false, true]);
    expect(both(field('duration'), '5 minutes')).toEqual([false, true]);
    expect(looksLikeField(field('duration'), '5 mi', ctx)).toBe(false);
    expect(looksLikeField(field('duration'), '1:23:4', ctx)).toBe(false);
  });

  it('domain: a bare host looks like one; a profile on a social site never fits', () => {
    for (const v of ['example.com', 'www.example.com/', 'http://example.com', 'https://sub.example.co.uk']) expect(both(field('domain'), v)).toEqual([true, true]);
    for (const v of ['linkedin.com/in/x', 'https://www.linkedin.com/company/x', 'uk.linkedin.com/in/a', 'example', 'exa_mple.com', 'x.c']) expect(both(field('domain'), v)).toEqual([false, false]);
    expect(looksLikeField(field('domain'), 'example.com/about', ctx)).toBe(false);
    expect(PROFILE_URL.test('https://github.com')).toBe(true);
    expect(PROFILE_URL.test('github.community')).toBe(false);
    expect(PROFILE_URL.test('t.me?x')).toBe(true);
  });

  it('url: only a link with its scheme looks like one', () => {
    expect(both(field('url'), 'http://example.com')).toEqual([true, true]);
    expect(both(field('url'), 'HTTPS://X.COM')).toEqual([true, true]);
    expect(both(field('url'), 'example.com')).toEqual([false, true]);
    expect(both(field('url'), 'ftp://x.com')).toEqual([false, false]);
  });

  it('email', () => {
    expect(both(field('email'), ' a@b.co ')).toEqual([true, true]);
    expect(both(field('email'), 'x')).toEqual([false, false]);
  });

  it('date and datetime: a date looks like either, a datetime only like a datetime; epoch stamps only fit', () => {
    const row = (v: string) => [looksLikeField(field('date'), v, ctx), looksLikeField(field('datetime'), v, ctx), fitsField(field('date'), v, ctx), fitsField(field('datetime'), v, ctx)];
    expect(row('2024-01-02')).toEqual([true, true, true, true]);
    expect(row('2024-01-02 10:00')).toEqual([false, true, true, true]);
    expect(row('10:00')).toEqual([false, false, true, true]);
    expect(row('1770106023')).toEqual([false, false, true, true]);
    expect(row('x')).toEqual([false, false, false, false]);
  });

  it('string: a field of a kind takes words, not dates, numbers, addresses or links', () => {
    const named = field('string', { kind: 'person_name' });
    for (const v of ['John', 'Smith & Co', ' 3M Company ']) expect(fitsField(named, v, ctx)).toBe(true);
    for (const v of ['2024-01-02', '2024-01-02T10:00', '12.5', '(555)', '12%', 'a@b', 'http://x', 'https://x']) expect(fitsField(named, v, ctx)).toBe(false);
    expect(fitsField(field('string'), '12.5', ctx)).toBe(true);
    expect(looksLikeField(field('string'), 'John', ctx)).toBe(false);
  });

  it('integer, number and boolean fit what the builder reads, and never look like their field', () => {
    expect([fitsField(field('integer'), '12', ctx), fitsField(field('number'), '12', ctx), fitsField(field('boolean'), '12', ctx)]).toEqual([true, true, false]);
    expect([fitsField(field('integer'), '1.5', ctx), fitsField(field('number'), '1.5', ctx)]).toEqual([false, true]);
    expect([fitsField(field('number'), 'x', ctx), fitsField(field('boolean'), 'yes', ctx)]).toEqual([false, true]);
    expect(looksLikeField(field('integer'), '12', ctx)).toBe(false);
    expect(looksLikeField(field('boolean'), 'yes', ctx)).toBe(false);
  });
});

describe('enumValue', () => {
  const e = field('enum', { enumValues: ['Inbound', 'Outbound'], enumAliases: { in: 'Inbound', OUT: 'Outbound' } } as Partial<FieldDefinition>);

  it('reads a value in any case, an alias by its lower-case key or as written', () => {
    expect(enumValue(e, 'inbound')).toBe('Inbound');
    expect(enumValue(e, ' OUTBOUND ')).toBe('Outbound');
    expect(enumValue(e, 'IN')).toBe('Inbound');
    expect(enumValue(e, ' OUT ')).toBe('Outbound');
    expect(enumValue(e, 'out')).toBeUndefined();
    expect(enumValue(e, 'x')).toBeUndefined();
    expect(both(e, ' in ')).toEqual([true, true]);
    expect(both(e, 'x')).toEqual([false, false]);
    expect(enumValue(field('enum'), 'x')).toBeUndefined();
  });

  it('reads carrier codes for the direction and record type in any language', () => {
    expect(enumValue(field('enum', { codes: 'call_direction' } as Partial<FieldDefinition>), 'incoming')).toBe('inbound');
    expect(enumValue(field('enum', { codes: 'call_record_type' } as Partial<FieldDefinition>), 'sms')).toBe('sms');
    expect(enumValue(field('enum', { codes: 'call_direction' } as Partial<FieldDefinition>), 'zzz')).toBeUndefined();
  });
});

describe('columnDateTimeShape', () => {
  it('is the shape of more than half the non-blank values', () => {
    expect(columnDateTimeShape([])).toBeNull();
    expect(columnDateTimeShape(['', ' '])).toBeNull();
    expect(columnDateTimeShape(['2024-01-02', '2024-01-03', 'x', ''])).toBe('date');
    expect(columnDateTimeShape(['2024-01-02', 'x'])).toBeNull();
    expect(columnDateTimeShape(['10:00', '11:00', '2024-01-02 10:00'])).toBe('time');
    expect(columnDateTimeShape(['2024-01-02 10:00', '2024-01-03 11:00', '2024-01-02'])).toBe('datetime');
  });
});

describe('timeColumnKind', () => {
  it.each<[string[], 'duration' | 'clock' | null]>([
    [[], null],
    [['', ''], null],
    [['x', '24:00'], null],
    [['x', '24:00', '01:00'], 'duration'],
    [['24:00', '01:00'], 'duration'],
    [['10:60', '01:00'], 'duration'],
    [['23:59', '01:00'], null],
    [['10:59', '01:00'], null],
    // a 0: or 00: prefix on three in five values
    [['0:12', '0:30', '00:45', '1:05', '1:10'], 'duration'],
    [['0:12', '0:30', '1:45', '1:05', '1:10'], null],
    // clocks print two-digit hours, four in five at least
    [['05:03', '06:10', '7:20', '08:00', '09:00'], 'clock'],
    [['05:03', '06:10', '7:20', '8:00', '09:00'], null],
    // mm:ss lengths in no order, half of them or more before 7 as clock times
    [['02:13', '06:31', '01:52'], 'duration'],
    [['03:00', '02:00', '09:00', '10:00'], 'duration'],
    [['07:13', '06:31', '11:52', '12:00'], 'clock'],
    [['02:13', '01:52'], null],
    [['02:13', '06:31:00', '01:52'], null],
    // clock times: climbing through the day, or spread over six hours or more
    [['02:13', '06:31', '11:52'], 'clock'],
    [['09:00', '15:00', '11:00'], 'clock'],
    [['09:00', '14:59', '11:00'], null],
    [['09:00', '09:30', '10:00'], 'clock'],
    [['09:00', '09:00', '10:00'], 'clock'],
    [['09:00', '09:30'], null],
    [['09:00:00', '09:30:00', '09:45:00'], null],
    [['10:00', '10:00', '10:00'], null],
    [['09:00:10', '09:00:05', '09:00:20'], null],
    [['09:00:10', '09:00:05', '10:00:20'], null],
    [['09:00:00', '09:00:01', '10:00:00'], 'clock'],
    [['09:00:01', '09:00:00', '10:00:00'], null],
  ])('%j: %s', (values, kind) => {
    expect(timeColumnKind(values)).toBe(kind);
  });
});

describe('ratio', () => {
  it('is the share of non-blank values passing, with their count', () => {
    expect(ratio([], () => true)).toEqual({ ratio: 0, count: 0 });
    expect(ratio(['a', '', 'b', ' '], (v) => v === 'a')).toEqual({ ratio: 0.5, count: 2 });
  });
});
