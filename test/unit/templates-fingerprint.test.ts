import { describe, expect, it } from 'vitest';
import { layoutFingerprint, layoutSimilarity } from '../../functions/core/templates/fingerprint.ts';

const ATT = ['Item', 'Day', 'Date', 'Time', 'Number Called', 'Call To/From?', 'Min', 'Total Charge'];

describe('layoutFingerprint', () => {
  it('is deterministic and ignores case, accents, punctuation and spacing of headers', () => {
    const a = layoutFingerprint({ headers: ATT, format: 'csv', delimiter: ',' });
    const b = layoutFingerprint({ headers: ATT.map((h) => `  ${h.toUpperCase()} `), format: 'csv', delimiter: ',' });
    expect(a.hash).toMatch(/^[0-9a-f]{32}$/);
    expect(b.hash).toBe(a.hash);
    expect(layoutFingerprint({ headers: ['Téléphone', 'E-Mail'] }).hash).toBe(layoutFingerprint({ headers: ['telephone', 'email'] }).hash);
    expect(a.headers).toEqual(['item', 'day', 'date', 'time', 'number called', 'call to from', 'min', 'total charge']);
    expect(a.columnCount).toBe(8);
  });

  it('changes when a column is added, removed, renamed or moved', () => {
    const base = layoutFingerprint({ headers: ATT, delimiter: ',' }).hash;
    expect(layoutFingerprint({ headers: [...ATT, 'Feature'], delimiter: ',' }).hash).not.toBe(base);
    expect(layoutFingerprint({ headers: ATT.slice(1), delimiter: ',' }).hash).not.toBe(base);
    expect(layoutFingerprint({ headers: ATT.map((h) => (h === 'Min' ? 'Minutes' : h)), delimiter: ',' }).hash).not.toBe(base);
    expect(layoutFingerprint({ headers: [ATT[1]!, ATT[0]!, ...ATT.slice(2)], delimiter: ',' }).hash).not.toBe(base);
  });

  it('includes the delimiter, format and section shape, but not the sheet name', () => {
    const csv = layoutFingerprint({ headers: ATT, format: 'csv', delimiter: ',' }).hash;
    expect(layoutFingerprint({ headers: ATT, format: 'csv', delimiter: '\t' }).hash).not.toBe(csv);
    expect(layoutFingerprint({ headers: ATT, format: 'xlsx' }).hash).not.toBe(layoutFingerprint({ headers: ATT, format: 'csv' }).hash);
    expect(layoutFingerprint({ headers: ATT, sections: ['voice', 'data'] }).hash).not.toBe(layoutFingerprint({ headers: ATT, sections: ['voice'] }).hash);
    const jan = layoutFingerprint({ headers: ATT, format: 'xlsx', sheet: 'Usage Jan' });
    const feb = layoutFingerprint({ headers: ATT, format: 'xlsx', sheet: 'Usage Feb' });
    expect(feb.hash).toBe(jan.hash);
    expect(feb.sheet).toBe('Usage Feb');
  });
});

describe('layoutSimilarity', () => {
  it('is 1 for the same columns in any order and falls with every difference', () => {
    const a = layoutFingerprint({ headers: ATT }).headers;
    expect(layoutSimilarity(a, [...a].reverse())).toBe(1);
    const extra = layoutFingerprint({ headers: [...ATT, 'Feature', 'Rate Code'] }).headers;
    expect(layoutSimilarity(a, extra)).toBeCloseTo(16 / 18, 5);
    expect(layoutSimilarity(a, ['first name', 'last name'])).toBe(0);
    expect(layoutSimilarity([], [])).toBe(0);
  });

  it('counts repeated headers as many times as they occur', () => {
    expect(layoutSimilarity(['date', 'date', 'number'], ['date', 'number'])).toBeCloseTo(0.8, 5);
  });
});

describe('layoutFingerprint, as stored templates depend on it', () => {
  it('gives the hash stored templates were saved with (a change would orphan every learned layout)', () => {
    // sha256 of ["layout-v1", format or "", delimiter or "", section kinds, headers without spaces], first 32 hex
    // toStrictEqual: no format, delimiter or sheet key when the file has none
    expect(layoutFingerprint({ headers: ['Date', 'Number Called', 'Min'] })).toStrictEqual({
      hash: '0677d46212a31de5036e5ed50777d392',
      headers: ['date', 'number called', 'min'],
      columnCount: 3,
    });
    expect(layoutFingerprint({ headers: ['Date', 'Number Called', 'Min'], format: 'csv', delimiter: ',', sections: [' Voice ', 'DATA'] })).toEqual({
      hash: '457c3e2580ecd44de39a0b43054276c0',
      headers: ['date', 'number called', 'min'],
      columnCount: 3,
      format: 'csv',
      delimiter: ',',
      sections: ['voice', 'data'],
    });
  });

  it('reads section kinds without case or surrounding blanks, and no sections as none', () => {
    const h = ['Date', 'Number'];
    expect(layoutFingerprint({ headers: h, sections: [' VOICE', 'Data '] }).hash).toBe(layoutFingerprint({ headers: h, sections: ['voice', 'data'] }).hash);
    const empty = layoutFingerprint({ headers: h, sections: [] });
    expect(empty.hash).toBe(layoutFingerprint({ headers: h }).hash);
    expect(empty).not.toHaveProperty('sections');
    expect(layoutFingerprint({ headers: h, format: '', delimiter: '' }).hash).toBe(layoutFingerprint({ headers: h }).hash);
  });

  it('keeps a blank header as a column of its own', () => {
    const fp = layoutFingerprint({ headers: ['Date', '', 'Number'] });
    expect(fp.headers).toEqual(['date', '', 'number']);
    expect(fp.columnCount).toBe(3);
    expect(fp.hash).not.toBe(layoutFingerprint({ headers: ['Date', 'Number'] }).hash);
  });
});

describe('layoutSimilarity of blank headers', () => {
  it('leaves blank headers out of both sides', () => {
    expect(layoutSimilarity(['date', '', ''], ['date'])).toBe(1);
    expect(layoutSimilarity(['', ''], ['', ''])).toBe(0);
    expect(layoutSimilarity(['date', 'number'], ['date', 'number', 'cost', 'notes'])).toBeCloseTo(4 / 6, 5);
  });
});
