import { describe, expect, it } from 'vitest';
import { editDistance, headerSimilarity, normalizeHeader } from '../../functions/core/map/normalize-header.ts';

describe('normalizeHeader: the byte-order mark and elision', () => {
  it('drops a byte-order mark only at the start; one inside a header separates words', () => {
    expect(normalizeHeader('\uFEFFName')).toBe('name');
    expect(normalizeHeader('Na\uFEFFme')).toBe('na me');
  });

  it('reads an elided article after a letter outside ASCII as a word break', () => {
    expect(normalizeHeader("жd'appel")).toBe('ж appel');
    expect(normalizeHeader('Жl’adresse')).toBe('ж adresse');
  });
});

describe('editDistance: the early answers', () => {
  it('gives one past the limit when the lengths alone differ by more than it', () => {
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('', 'abcdef', 2)).toBe(3);
    expect(editDistance('abcdef', '', 0)).toBe(1);
  });

  it('gives 0 for equal strings whatever the limit', () => {
    expect(editDistance('ab', 'ab', -2)).toBe(0);
    expect(editDistance('', '', -5)).toBe(0);
  });
});

describe('headerSimilarity: lengths too far apart for the edit ratio', () => {
  it('gives no edit score when the compact forms differ in length by more than 30 %', () => {
    expect(headerSimilarity('abcdefghij', 'abcdef')).toBe(0);
    expect(headerSimilarity('abcdefghij', 'abcdefg')).toBeCloseTo(0.7);
  });
});
