import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { companyDomainFromEmail, normalizeDomain, normalizeEmail, normalizeUrl } from '../../functions/core/enrich/email-domain.ts';
import { parseBoolean, parseInteger, parseNumber } from '../../functions/core/enrich/number.ts';
import { isBlankCell } from '../../functions/core/enrich/result.ts';

describe('normalizeEmail', () => {
  it('lower-cases and strips display names, mailto and spaces', () => {
    expect(normalizeEmail('  Jane.Doe@Acme.COM ')).toEqual({ ok: true, value: 'jane.doe@acme.com' });
    expect(normalizeEmail('Jane Doe <Jane@Acme.com>')).toEqual({ ok: true, value: 'jane@acme.com' });
    expect(normalizeEmail('mailto:jane@acme.com')).toEqual({ ok: true, value: 'jane@acme.com' });
    expect(normalizeEmail('jane@acme.com; bob@acme.com')).toEqual({ ok: true, value: 'jane@acme.com' });
  });

  it('rejects addresses without a host', () => {
    expect(normalizeEmail('jane@')).toEqual({ ok: false, reason: 'not an e-mail address' });
    expect(normalizeEmail('jane.acme.com').ok).toBe(false);
  });
});

describe('normalizeDomain', () => {
  it('reduces URLs and e-mail addresses to a bare host', () => {
    expect(normalizeDomain('https://www.Acme.com/about')).toEqual({ ok: true, value: 'acme.com' });
    expect(normalizeDomain('acme.co.uk')).toEqual({ ok: true, value: 'acme.co.uk' });
    expect(normalizeDomain('jane@acme.io')).toEqual({ ok: true, value: 'acme.io' });
    expect(normalizeDomain('not a domain').ok).toBe(false);
  });

  it('skips free-mail providers as company domains', () => {
    expect(companyDomainFromEmail('jane@gmail.com')).toBeUndefined();
    expect(companyDomainFromEmail('jane@acme.com')).toBe('acme.com');
  });
});

describe('normalizeUrl', () => {
  it('adds https to bare addresses and rejects other schemes', () => {
    expect(normalizeUrl('acme.com/about')).toEqual({ ok: true, value: 'https://acme.com/about' });
    expect(normalizeUrl('javascript:alert(1)').ok).toBe(false);
  });
});

describe('parseNumber', () => {
  it('reads separators, suffixes and currency signs', () => {
    expect(parseNumber('1,234.5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('$1.2M')).toEqual({ ok: true, value: 1_200_000 });
    expect(parseNumber('(12)')).toEqual({ ok: true, value: -12 });
  });

  it('reads a range as its midpoint and an open range as its bound', () => {
    expect(parseNumber('51-200')).toEqual({ ok: true, value: 125.5, range: true });
    expect(parseNumber('1,001 – 5,000')).toEqual({ ok: true, value: 3000.5, range: true });
    expect(parseNumber('$1M-$5M')).toEqual({ ok: true, value: 3_000_000, range: true });
    expect(parseNumber('1-5M')).toEqual({ ok: true, value: 3_000_000, range: true });
    expect(parseNumber('10K to 50K')).toEqual({ ok: true, value: 30_000, range: true });
    expect(parseNumber('10,001+')).toEqual({ ok: true, value: 10_001 });
    expect(parseNumber('-5')).toEqual({ ok: true, value: -5 });
    expect(parseNumber('200-51')).toMatchObject({ ok: false });
    // a whole number of people: the midpoint rounds half up
    expect(parseInteger('51-200')).toEqual({ ok: true, value: 126, range: true });
    expect(parseInteger('2.5')).toMatchObject({ ok: false });
  });
});

describe('parseInteger', () => {
  it('accepts whole numbers only', () => {
    expect(parseInteger('1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseInteger('1.1K')).toEqual({ ok: true, value: 1100 });
    expect(parseInteger('12.5')).toEqual({ ok: false, reason: 'not a whole number' });
  });
});

describe('parseBoolean', () => {
  it('reads yes/no words', () => {
    expect(parseBoolean('Yes')).toEqual({ ok: true, value: true });
    expect(parseBoolean('0')).toEqual({ ok: true, value: false });
    expect(parseBoolean('maybe').ok).toBe(false);
  });
});

describe('isBlankCell', () => {
  it('treats whitespace and placeholders as blank, real values as not', () => {
    for (const v of ['', '   ', '-', 'N/A', '#N/A', 'NULL', '\u2014']) expect(isBlankCell(v), v).toBe(true);
    for (const v of ['0', 'none', 'x', 'New York NY']) expect(isBlankCell(v), v).toBe(false);
  });

  it('answers for short cells as trimming and looking the marker up would', () => {
    const markers = new Set(['', '-', '--', '---', '\u2013', '\u2014', 'n/a', 'na', '#n/a', 'null', 'nil']);
    const reference = (v: string) => {
      const t = v.trim();
      return t.length === 0 || markers.has(t.length <= 4 ? t.toLowerCase() : t);
    };
    const piece = fc.constantFrom('-', 'n', 'N', 'a', 'A', '/', '#', 'u', 'L', 'l', 'i', ' ', '\t', '\u00a0', '\u3000', '\u2014', '0', 'x');
    // the markers themselves, in any case, between whitespace (kept to 8 characters)
    const space = fc.constantFrom('', ' ', '\t', '\u00a0', '\u3000');
    const marker = fc.tuple(space, fc.mixedCase(fc.constantFrom(...markers)), space).map((p) => p.join('').slice(0, 8));
    fc.assert(
      fc.property(fc.oneof(marker, fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), fc.string({ maxLength: 8 })), (v) => {
        expect(isBlankCell(v), JSON.stringify(v)).toBe(reference(v));
      }),
      { numRuns: 3000 },
    );
  });
});
