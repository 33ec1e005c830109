import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizeDomain } from '../../functions/core/enrich/email-domain.ts';
import { EMPTY, fail, isBlankCell } from '../../functions/core/enrich/result.ts';

/** normalizeDomain as it was before its fast path: every value through the URL parser. The rule the fast path must keep. */
function domainByUrl(raw: string) {
  if (isBlankCell(raw)) return EMPTY;
  let s = raw.trim();
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = 'http://' + s;
  let host: string;
  try {
    host = new URL(s).hostname;
  } catch {
    return fail('not a domain');
  }
  if (host.startsWith('www.')) host = host.slice(4);
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (!/^([a-z0-9-]{1,63}\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(host)) return fail('not a domain');
  return { ok: true, value: host };
}

// The pieces exports write a website or domain with, the odd ones included.
const SCHEMES = ['', '', 'http://', 'https://', 'HTTP://', 'Https://', 'ftp://', 'http:/', 'http:', '//', 'mailto:', 'https:///', 'h://', ' http://'];
const PREFIXES = ['', '', 'www.', 'WWW.', 'Www.', 'ww.', 'www', ' ', '\t', 'user@', 'a:b@', 'jane.doe@', '\u0001', '\u00a0'];
const LABEL_CHARS = [...'abcxyzABCXYZ0129-', '-', '_', '.', '%', '~', 'ä', 'Ü', 'ß', 'ı', 'İ', '\t', ' ', '\u200b', 'ｅ', '@'];
const TLDS = ['com', 'de', 'CO.UK', 'io', 'c0m', '123', 'x', 'xn--p1ai', 'XN--P1AI', 'рф', 'com.', 'example', '0x1f', 'a'.repeat(64), 'xn--', '-com'];
const SUFFIXES = ['', '', '/', '/about', '/About Us', '?q=1', '#top', ':8080', ':80/x', '.', '..', '\\x', '\t', ' ', ' /', '/a@b', '%2F', '/\tx', '?@', ':', ';', ',x'];
const LABELS = ['acme', 'ACME', 'acme-corp', 'xn--mller-kva', 'xn--abc', 'a--b', '-acme', 'acme-', '1', '0x10', '255', 'müller', 'a'.repeat(63), 'a'.repeat(64), '', 'www'];

const piece = (xs: string[]) => fc.constantFrom(...xs);
const label = fc.oneof(piece(LABELS), fc.array(piece(LABEL_CHARS), { minLength: 1, maxLength: 8 }).map((cs) => cs.join('')));
const spelling = fc
  .tuple(piece(SCHEMES), piece(PREFIXES), fc.array(label, { minLength: 1, maxLength: 3 }), piece(TLDS), piece(SUFFIXES))
  .map(([scheme, prefix, labels, tld, suffix]) => `${scheme}${prefix}${labels.join('.')}.${tld}${suffix}`);

describe('normalizeDomain', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives what the URL parser gives, for tens of thousands of spellings', () => {
    fc.assert(
      fc.property(spelling, (raw) => {
        expect(normalizeDomain(raw)).toEqual(domainByUrl(raw));
      }),
      { numRuns: 30_000 },
    );
  });

  it('gives what the URL parser gives, for arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.webUrl(), fc.domain(), fc.emailAddress()), (raw) => {
        expect(normalizeDomain(raw)).toEqual(domainByUrl(raw));
      }),
      { numRuns: 30_000 },
    );
  });

  it('reads the common spellings without the URL parser, and the rest with it', () => {
    const RealUrl = URL;
    const parsed = vi.spyOn(globalThis, 'URL').mockImplementation(function (input: string | URL, base?: string | URL) {
      return new RealUrl(input, base);
    } as never);
    const plain = ['https://www.Acme.example/', 'ACME.EXAMPLE', 'http://acme.example', 'acme.example.', 'jane@Acme.Example', 'www.acme.co.uk/about?x=1#top'];
    for (const raw of plain) expect(normalizeDomain(raw)).toEqual({ ok: true, value: raw.includes('co.uk') ? 'acme.co.uk' : 'acme.example' });
    expect(parsed).not.toHaveBeenCalled();
    // a port, a name IDNA must read, punycode: the parser decides
    expect(normalizeDomain('acme.example:8080')).toEqual({ ok: true, value: 'acme.example' });
    expect(normalizeDomain('Müller.de')).toEqual({ ok: true, value: 'xn--mller-kva.de' });
    expect(normalizeDomain('xn--mller-kva.de')).toEqual({ ok: true, value: 'xn--mller-kva.de' });
    expect(parsed).toHaveBeenCalledTimes(3);
  });
});
