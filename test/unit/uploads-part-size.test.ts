import { describe, expect, it } from 'vitest';
import { MAX_PARTS, MAX_UPLOAD_BYTES, MIB, choosePartSize, partCount } from '../../functions/core/uploads/part-size.ts';

describe('multipart upload limits', () => {
  it('are S3 limits and the 5 GiB of the specification', () => {
    expect(MIB).toBe(1_048_576);
    expect(MAX_UPLOAD_BYTES).toBe(5 * 2 ** 30);
    expect(MAX_PARTS).toBe(10_000);
  });
});

describe('choosePartSize', () => {
  it('recommends 8 MiB for empty, small and every file the API accepts', () => {
    for (const size of [0, 1, 5 * MIB, 8 * MIB + 1, MAX_UPLOAD_BYTES]) expect(choosePartSize(size)).toBe(8 * MIB);
  });

  it('keeps 8 MiB while 10,000 parts of it hold the file, then the smallest whole MiB that does', () => {
    expect(choosePartSize(MAX_PARTS * 8 * MIB)).toBe(8 * MIB);
    expect(choosePartSize(MAX_PARTS * 8 * MIB + 1)).toBe(9 * MIB);
    expect(choosePartSize(MAX_PARTS * 100 * MIB)).toBe(100 * MIB);
    expect(choosePartSize(MAX_PARTS * 100 * MIB - 1)).toBe(100 * MIB);
  });

  it('never needs more than 10,000 parts, and every part but the last is at least S3\'s 5 MiB', () => {
    for (const size of [1, MAX_UPLOAD_BYTES, MAX_PARTS * 8 * MIB + 1, 123_456_789_012]) {
      const part = choosePartSize(size);
      expect(partCount(size, part)).toBeLessThanOrEqual(MAX_PARTS);
      expect(part).toBeGreaterThanOrEqual(5 * MIB);
      expect(part % MIB).toBe(0);
    }
  });
});

describe('partCount', () => {
  it('is one part for an empty file, and for a file of exactly one part', () => {
    expect(partCount(0, 8 * MIB)).toBe(1);
    expect(partCount(1, 8 * MIB)).toBe(1);
    expect(partCount(8 * MIB, 8 * MIB)).toBe(1);
  });

  it('adds a part for the bytes past a whole number of parts', () => {
    expect(partCount(8 * MIB + 1, 8 * MIB)).toBe(2);
    expect(partCount(16 * MIB, 8 * MIB)).toBe(2);
    expect(partCount(MAX_UPLOAD_BYTES, 8 * MIB)).toBe(640);
  });
});
