import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LinePacker } from '../../functions/core/parse/line-packer.ts';

describe('LinePacker', () => {
  it('holds exactly the lines given, each ending in LF, across growth and reuse', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 60 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }), (lines, before) => {
        // A tiny first buffer, so lines with 3- and 4-byte characters make it grow mid-chunk.
        const packer = new LinePacker(8);
        for (const line of before) packer.add(line);
        packer.reset();
        for (const line of lines) packer.add(line);
        const expected = Buffer.from(lines.map((l) => `${l}\n`).join(''));
        expect(packer.size).toBe(lines.length);
        expect(packer.packedBytes).toBe(expected.length);
        expect(packer.bytes().equals(expected)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
