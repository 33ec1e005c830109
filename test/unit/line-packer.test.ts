import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LinePacker } from '../../functions/core/parse/line-packer.ts';
import { RecordPacker } from '../../functions/core/parse/record-packer.ts';

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

  it('makes room for a line of 3-byte characters and its LF', () => {
    // 2 bytes of room: '€' (3 bytes in UTF-8) does not fit without growing
    const packer = new LinePacker(2);
    packer.add('€');
    expect(packer.bytes().toString()).toBe('€\n');
  });
});

describe('RecordPacker', () => {
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('+13125550100', 'ACC-77122', 'a"b', '"', '""', 'c\\d', 'tab\there', 'line\nbreak', '\u0000', '\u001f', 'ünï', '😀', '\ud800', '\u007f'));
  const value = fc.oneof(
    text,
    fc.double(),
    fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e21, 5e-7, true, false, null, undefined),
    fc.integer(),
    fc.constant(() => 1),
    fc.constant(Symbol('s')),
    fc.constant({ toJSON: () => undefined }),
    fc.constant(new Date(Date.UTC(2025, 0, 2, 3, 4, 5))),
    fc.jsonValue({ maxDepth: 2 }),
  );
  // keys from a small set (so records share shapes and positions, as a chunk's do), and any key
  const key = fc.oneof(fc.constantFrom('started_at', 'duration_seconds', 'b', 'a', '2', '10', 'k"ey', 'ключ'), fc.string({ unit: 'binary', maxLength: 6 }));
  const record = fc.dictionary(key, value, { maxKeys: 8 });

  it('writes exactly the bytes of JSON.stringify and a LF, and notes the keys written', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.array(record, { maxLength: 3 }), (records, before) => {
        const packer = new RecordPacker(16);
        for (const r of before) packer.addRecord(r);
        packer.reset();
        for (const r of records) packer.addRecord(r);
        const expected = Buffer.from(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
        expect(packer.bytes().toString()).toBe(expected.toString());
        expect(packer.bytes().equals(expected)).toBe(true);
        expect(packer.size).toBe(records.length);
        const written = new Set(records.flatMap((r) => Object.keys(JSON.parse(JSON.stringify(r)) as object)));
        // in first-seen order: it becomes the CSV output's column order
        expect(packer.keys()).toEqual([...written]);
      }),
      { numRuns: 500 },
    );
  });

  it('grows for a value far larger than its buffer', () => {
    // each alone in a fresh packer, so none fits in room an earlier one made
    for (const big of [{ a: 'x'.repeat(100_000) }, { b: 'é'.repeat(50_000) }, { c: '\n'.repeat(10_000) }, { d: '😀'.repeat(30_000) }]) {
      const packer = new RecordPacker(8);
      packer.addRecord(big);
      expect(packer.bytes().toString()).toBe(`${JSON.stringify(big)}\n`);
    }
  });
});
