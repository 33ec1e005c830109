import { describe, expect, it } from 'vitest';
import { cipherHeader, headerDraw, withPartUnknownHeaders, withUnknownHeaders } from '../eval/unknown-headers.ts';

describe('the unknown-script rewrite of an eval case', () => {
  it('writes letters in the Cherokee syllabary, one for one, and keeps digits, spaces, punctuation and symbols', () => {
    const h = cipherHeader('Umsatz (Mio. €) 2025');
    expect(h).toMatch(/^[\u13a0-\u13f4]{6} \([\u13a0-\u13f4]{3}\. €\) 2025$/u);
    expect(cipherHeader('Umsatz')).toBe(h.slice(0, 6));
    // accents fold to their letter, case too, as one language's own spelling would
    expect(cipherHeader('Éé')).toBe(cipherHeader('ee'));
    expect(cipherHeader('Telefon')).not.toBe(cipherHeader('Telefax'));
  });

  it('renames every answer with its header, keeps two headers apart and leaves the values alone', () => {
    const c = withUnknownHeaders({
      id: 'x', source: 's',
      headers: ['Name', 'NAME', 'Datum', 'Zeit'],
      rows: [['Anna', 'B', '01.02.2026', '10:00']],
      expect: { full_name: 'Name', started_at: ['Datum', 'Zeit'] },
      alternatives: { company: ['NAME', null] },
    });
    expect(new Set(c.headers).size).toBe(4);
    expect(c.headers[1]).toBe(`${c.headers[0]}Ꭰ`);
    expect(c.expect).toEqual({ full_name: c.headers[0], started_at: [c.headers[2], c.headers[3]] });
    expect(c.alternatives).toEqual({ company: [c.headers[1], null] });
    expect(c.rows).toEqual([['Anna', 'B', '01.02.2026', '10:00']]);
  });

  it('writes about the share asked of a layout\'s headers in the script, the same ones on every run, and renames only their answers', () => {
    const headers = Array.from({ length: 40 }, (_, i) => `Header ${String.fromCharCode(97 + (i % 26))}${i}`);
    const c = { id: 'layout-a', source: 's', headers, rows: [headers.map(() => 'v')], expect: { name: headers[0]!, phone: headers[1]! } };
    const once = withPartUnknownHeaders(0.5)(c);
    expect(withPartUnknownHeaders(0.5)(c)).toEqual(once);
    const ciphered = once.headers.filter((h, i) => h !== headers[i]);
    expect(ciphered.length).toBeGreaterThan(10);
    expect(ciphered.length).toBeLessThan(30);
    once.headers.forEach((h, i) => expect(h).toBe(headerDraw('layout-a', i) < 0.5 ? cipherHeader(headers[i]!) : headers[i]));
    expect(once.expect).toEqual({ name: once.headers[0], phone: once.headers[1] });
    // another layout draws other columns
    const other = withPartUnknownHeaders(0.5)({ ...c, id: 'layout-b' });
    expect(other.headers).not.toEqual(once.headers);
    // a share near 0 leaves every header as written, near 1 writes every one in the script
    expect(withPartUnknownHeaders(1e-9)(c).headers).toEqual(headers);
    expect(withPartUnknownHeaders(1 - 1e-9)(c).headers).toEqual(headers.map(cipherHeader));
  });
});
