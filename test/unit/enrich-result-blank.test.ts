import { describe, expect, it } from 'vitest';
import { isBlankCell } from '../../functions/core/enrich/result.ts';

describe('isBlankCell with the spaces of other scripts', () => {
  it('takes a cell of ideographic spaces (U+3000) as blank at any length, as it does ASCII spaces', () => {
    for (const n of [1, 3, 8, 9, 20]) {
      expect(isBlankCell('\u3000'.repeat(n)), `${n} ideographic spaces`).toBe(true);
      expect(isBlankCell(' '.repeat(n)), `${n} spaces`).toBe(true);
    }
    expect(isBlankCell('\u2003\u3000\u00a0 \t'.repeat(3))).toBe(true);
  });

  it('keeps a long value that starts with such a space, or with any other non-ASCII letter', () => {
    expect(isBlankCell(`${'\u3000'.repeat(8)}東京`)).toBe(false);
    expect(isBlankCell('日本語のテキストです')).toBe(false);
    expect(isBlankCell('Ångström units')).toBe(false);
  });
});
