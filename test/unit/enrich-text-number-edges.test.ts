import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../functions/core/enrich/bounded-cache.ts';
import { companyDomainFromEmail, normalizeDomain, normalizeEmail, normalizeUrl } from '../../functions/core/enrich/email-domain.ts';
import { parseBoolean, parseInteger, parseNumber } from '../../functions/core/enrich/number.ts';
import { EMPTY, isBlankCell } from '../../functions/core/enrich/result.ts';

// Edges of the small enrichers that a StrykerJS run of number.ts, email-domain.ts, result.ts
// and bounded-cache.ts left uncovered.

describe('blank cells, in every enricher', () => {
  it.each([
    ['normalizeEmail', normalizeEmail],
    ['normalizeDomain', normalizeDomain],
    ['normalizeUrl', normalizeUrl],
    ['parseNumber', parseNumber],
    ['parseInteger', parseInteger],
    ['parseBoolean', parseBoolean],
  ])('%s answers EMPTY for a blank or placeholder cell, not a parse failure', (_name, parse) => {
    for (const cell of ['', '   ', 'N/A', '-']) expect(parse(cell), JSON.stringify(cell)).toBe(EMPTY);
  });
});

describe('isBlankCell beyond eight characters', () => {
  it('is blank when absent', () => {
    expect(isBlankCell(undefined)).toBe(true);
  });

  it.each([
    ['nine spaces', ' '.repeat(9), true],
    ['tabs and spaces', '\t \t \t \t \t', true],
    ['no-break spaces', '\u00a0'.repeat(9), true],
    ['a long value', 'abcdefghij', false],
    ['a marker padded past eight characters', '   n/a    ', false],
    ['a marker padded to exactly eight characters', '  n/a   ', true],
  ])('%s', (_name, cell, blank) => {
    expect(isBlankCell(cell)).toBe(blank);
  });
});

describe('normalizeEmail edges', () => {
  it.each([
    ['an address in angle brackets alone', '<Jane@Acme.com>', 'jane@acme.com'],
    ['spaces inside the angle brackets', 'Jane Doe < jane@acme.com >', 'jane@acme.com'],
    ['a host with several labels', 'jane@mail.eu.acme.com', 'jane@mail.eu.acme.com'],
  ])('reads %s', (_name, raw, value) => {
    expect(normalizeEmail(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['an unclosed angle bracket', 'Jane <jane@acme.com'],
    ['two @ signs', 'a@b@acme.com'],
    ['punctuation after the top-level domain', 'jane@acme.com!'],
  ])('refuses %s', (_name, raw) => {
    expect(normalizeEmail(raw)).toEqual({ ok: false, reason: 'not an e-mail address' });
  });
});

describe('normalizeDomain edges', () => {
  it.each([
    ['a host with a port, through the URL parser', 'acme.com:8080', 'acme.com'],
    ['an international name, as punycode', 'Bücher.de', 'xn--bcher-kva.de'],
    ['a port and an address later in the path', 'acme.com:8080/http://x', 'acme.com'],
    ['the part after a leading @', '@http://acme.com', 'acme.com'],
  ])('reads %s', (_name, raw, value) => {
    expect(normalizeDomain(raw)).toEqual({ ok: true, value });
  });
});

describe('companyDomainFromEmail', () => {
  it.each([
    'gmail.com', 'googlemail.com', 'yahoo.com', 'ymail.com', 'hotmail.com', 'outlook.com', 'live.com', 'msn.com', 'aol.com',
    'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'web.de', 'mail.com', 'yandex.ru',
    'zoho.com', 'comcast.net', 'att.net', 'verizon.net', 'sbcglobal.net', 'qq.com', '163.com', 'fastmail.com', 'hey.com',
  ])('says nothing of a company for the mailbox provider %s, in any case', (domain) => {
    expect(companyDomainFromEmail(`jane@${domain.toUpperCase()}`)).toBeUndefined();
  });

  it('takes what follows the last @, and nothing without one', () => {
    expect(companyDomainFromEmail('Jane@Acme.COM')).toBe('acme.com');
    expect(companyDomainFromEmail('@acme.com')).toBe('acme.com');
    expect(companyDomainFromEmail('acme.com')).toBeUndefined();
  });
});

describe('normalizeUrl edges', () => {
  it.each([
    ['keeps plain http', 'http://acme.com/x', 'http://acme.com/x'],
    ['trims the cell', '  acme.com  ', 'https://acme.com/'],
    ['a colon in the path is no scheme', 'acme.com/a:b', 'https://acme.com/a:b'],
  ])('%s', (_name, raw, value) => {
    expect(normalizeUrl(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['another scheme', 'ftp://acme.com', 'not a web address'],
    ['a mail address', 'mailto:jane@acme.com', 'not a web address'],
    ['a host without a dot', 'localhost', 'not a URL'],
    ['a space in the host', 'http://acme .com', 'not a URL'],
  ])('refuses %s', (_name, raw, reason) => {
    expect(normalizeUrl(raw)).toEqual({ ok: false, reason });
  });
});

describe('parseNumber edges', () => {
  it.each([
    ['a percentage, kept as printed', '12%', 12],
    ['a percentage with a space', '12 %', 12],
    ['a percentage with a space after a suffix', '12K %', 12_000],
    ['an open range with a space before the plus', '10K +', 10_000],
    ['a currency code before the dollar', 'US$12', 12],
    ['a two-letter suffix', '1.5bn', 1_500_000_000],
    ['zero in parentheses, without a sign', '(0)', 0],
  ])('reads %s', (_name, raw, value) => {
    const n = parseNumber(raw);
    expect(n).toEqual({ ok: true, value });
    expect(Object.is(n.ok && n.value, -0)).toBe(false);
  });

  it.each([
    ['a word', 'abc'],
    ['an unknown suffix', '12xy'],
    ['a dollar sign between digits', '1$2'],
    ['a suffix between digits', '1 k2'],
    ['a trailing minus (an unfinished range, not a sign)', '5-'],
    ['a negative lower bound (the minus is a sign, so no range)', '-5-10'],
    ['a range followed by another line', '10-20\nabc'],
    ['a whole number too large for a double', '9'.repeat(400)],
    ['a larger number with a suffix', '9'.repeat(400) + 'K'],
  ])('refuses %s', (_name, raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false, reason: 'not a number' });
  });

  it.each([
    ['equal bounds', '5-5', 5],
    ['a percentage upper bound', '10-20%', 15],
    ['a percentage upper bound, in a padded cell', ' 10-20% ', 15],
    ['a two-letter suffix on the upper bound only', '1-5bn', 3_000_000_000],
    ['a bound in parentheses, which takes no magnitude', '0-(0)', 0],
  ])('reads a range with %s', (_name, raw, value) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value, range: true });
  });
});

describe('parseInteger edges', () => {
  it('rounds away float noise up to a millionth, and no more', () => {
    expect(parseInteger('0.000001')).toEqual({ ok: true, value: 0 });
    expect(parseInteger('1.1K')).toEqual({ ok: true, value: 1100 });
    expect(parseInteger('0.00001')).toEqual({ ok: false, reason: 'not a whole number' });
  });

  it('passes on the reason a cell is not a number', () => {
    expect(parseInteger('abc')).toEqual({ ok: false, reason: 'not a number' });
  });
});

describe('parseBoolean words', () => {
  it.each(['true', 't', 'yes', 'y', '1', 'on', 'x', '\u2713', '\u2714', 'checked', 'active', 'enabled'])('reads %s as true', (word) => {
    expect(parseBoolean(` ${word.toUpperCase()} `)).toEqual({ ok: true, value: true });
  });

  it.each(['false', 'f', 'no', 'n', '0', 'off', 'unchecked', 'inactive', 'disabled'])('reads %s as false', (word) => {
    expect(parseBoolean(` ${word.toUpperCase()} `)).toEqual({ ok: true, value: false });
  });

  it('says why it refuses a word', () => {
    expect(parseBoolean('maybe')).toEqual({ ok: false, reason: 'not a yes/no value' });
  });
});

describe('BoundedCache', () => {
  it.each([0, -1, 1.5, Number.NaN])('refuses a capacity of %s', (capacity) => {
    expect(() => new BoundedCache<number>(capacity)).toThrow(new RangeError(`capacity must be a positive integer, got ${capacity}`));
  });

  it('holds a value until two generations have filled after it', () => {
    const cache = new BoundedCache<number>(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0); // a miss stores nothing
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    expect(cache.size).toBe(2);
    cache.set('c', 3); // the young generation was full: a and b age
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBe(2); // promoted back into the young generation
    expect(cache.size).toBe(4);
    cache.set('d', 4); // young (c, b) full: it ages, and the old one (a, b) is dropped
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(2);
    expect(cache.get('d')).toBe(4);
  });

  it('works with a capacity of one', () => {
    const cache = new BoundedCache<number>(1);
    cache.set('a', 1);
    cache.set('b', 2);
    expect([cache.get('a'), cache.get('b'), cache.size]).toEqual([1, 2, 2]);
  });

  it('keeps at most twice its capacity, and nothing after clear', () => {
    const cache = new BoundedCache<string>(3);
    for (let i = 0; i < 20; i++) cache.set(`k${i}`, `v${i}`);
    expect(cache.size).toBeLessThanOrEqual(6);
    expect(cache.get('k19')).toBe('v19');
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get('k19')).toBeUndefined();
  });
});
