import { describe, expect, it } from 'vitest';
import { enumValue, fitsField, isEpochStamp, looksLikeField, PROFILE_URL, timeColumnKind } from '../../functions/core/map/value-patterns.ts';
import type { FieldDefinition } from '../../functions/core/schemas/schema-types.ts';

const ctx = { defaultRegion: 'US' };
const field = (type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ name: 'x', type, ...extra }) as FieldDefinition;

describe('isEpochStamp: exactly ten or thirteen digits, nothing around them', () => {
  it('refuses a fraction, a sign and digits after the thirteen, though their number is in range', () => {
    expect(isEpochStamp('1770106023.5')).toBe(false);
    expect(isEpochStamp('+1770106023')).toBe(false);
    expect(isEpochStamp('+0001770106023')).toBe(false);
    expect(isEpochStamp('0001770106023.5')).toBe(false);
    expect(isEpochStamp('0001770106023')).toBe(false);
    expect(isEpochStamp('1770106023000')).toBe(true);
  });
});

describe('fitsField: the value as trimmed, and each case its own check', () => {
  it('string of a kind: a date-time or link after spaces is still not words; words before one are', () => {
    const named = field('string', { kind: 'person_name' });
    expect(fitsField(named, ' 2024-01-02T10:00', ctx)).toBe(false);
    expect(fitsField(named, ' http://x', ctx)).toBe(false);
    for (const v of ['John 2', 'Born 2024-01-02', '2024-01-2x', 'see http://x']) expect(fitsField(named, v, ctx)).toBe(true);
  });

  it('phone: a short code fits; the shape of a number of another region is read trimmed, with spaces, to its end', () => {
    expect(fitsField(field('phone'), '911', ctx)).toBe(true);
    expect(fitsField(field('phone'), ' +999 1234567', ctx)).toBe(true);
    expect(fitsField(field('phone'), '555 1234', ctx)).toBe(true);
    expect(fitsField(field('phone'), '555-1234 ask for Bob', ctx)).toBe(false);
  });

  it('email: a link is not an e-mail address', () => {
    expect(fitsField(field('email'), 'http://example.com', ctx)).toBe(false);
    expect(fitsField(field('url'), 'http://example.com', ctx)).toBe(true);
  });

  it('domain: a profile link after a space is still a profile; a host merely ending in a site name is not', () => {
    expect(fitsField(field('domain'), ' linkedin.com/in/x', ctx)).toBe(false);
    expect(fitsField(field('domain'), 'notlinkedin.com', ctx)).toBe(true);
    expect(PROFILE_URL.test('notlinkedin.com')).toBe(false);
    expect(PROFILE_URL.test('http://linkedin.com/in/x')).toBe(true);
  });
});

describe('looksLikeField: the shapes', () => {
  it('money: a sign or parenthesis before the symbol, spaces, groups of three, and the whole value', () => {
    for (const v of ['-$12.34', '-$ 12.34', '- 12.34', '( 12.34)', '1234.56', '12.34 ']) expect(looksLikeField(field('money'), v, ctx)).toBe(true);
    for (const v of ['USD 12.34', '12.34 USD', '12 €', '12$', '1 2345.67']) expect(looksLikeField(field('money'), v, ctx)).toBe(false);
  });

  it('duration: a decimal of two places with its unit', () => {
    expect(looksLikeField(field('duration'), '3.25 hrs', ctx)).toBe(true);
  });

  it('duration: the number with its unit starts the value (the parser skips a leading comma, the shape does not)', () => {
    expect(looksLikeField(field('duration'), ', 5 min', ctx)).toBe(false);
    expect(fitsField(field('duration'), ', 5 min', ctx)).toBe(true);
  });

  it('phone: seven digits grouped three and four at the very end, an extension stripped however it is written', () => {
    for (const v of ['+33 123 4567 89', '+33 1 23 45 6789', '+33 12345 678 9']) expect(looksLikeField(field('phone'), v, ctx)).toBe(false);
    for (const v of ['5551234567x12', '5551234567 ext 12', '+1 555 123 4567']) expect(looksLikeField(field('phone'), v, ctx)).toBe(true);
  });

  it('url: the scheme at the start', () => {
    expect(looksLikeField(field('url'), 'example.com/?u=http://x.com', ctx)).toBe(false);
    expect(fitsField(field('url'), 'example.com/?u=http://x.com', ctx)).toBe(true);
  });

  it('domain: trimmed first', () => {
    expect(looksLikeField(field('domain'), ' example.com ', ctx)).toBe(true);
  });
});

describe('enumValue: carrier codes', () => {
  it('gives no record type for a word that is no code', () => {
    expect(enumValue(field('enum', { codes: 'call_record_type' } as Partial<FieldDefinition>), 'zzz')).toBeUndefined();
  });
});

describe('timeColumnKind: blanks, spaces and the parts of a value', () => {
  it.each<[string[], 'duration' | 'clock' | null]>([
    // blanks do not count against the share of h:mm values
    [['24:00', '', ''], 'duration'],
    // values are read trimmed, the 0: prefix too
    [[' 24:00 '], 'duration'],
    [[' 0:12', ' 0:30', ' 00:45', '1:05', '1:10'], 'duration'],
    // minutes weigh sixty seconds: 09:10:00 is after 09:05:50
    [['09:10:00', '09:05:50', '10:00:00'], null],
    // two values climbing over two hours do not say
    [['09:00', '10:00'], null],
    // the whole value is h:mm[:ss]
    [['1234:56'], null],
    [['24:00x'], null],
  ])('%j: %s', (values, kind) => {
    expect(timeColumnKind(values)).toBe(kind);
  });
});
