import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tokenizeRecords } from '../../functions/core/parse/csv-tokenizer.ts';

// Papaparse writes the file (its quoting, not ours), the tokenizer reads it back in pieces of
// random sizes, the way the stream reader feeds it: the table must come back unchanged.

/** Cells made of the characters that matter to quoting, plus ordinary text. */
const cell = fc
  .array(fc.constantFrom('a', 'B', '7', ' ', '"', ',', ';', '\t', '|', '\n', '\r', '\r\n', 'é', '€', "'"), { maxLength: 8 })
  .map((parts) => parts.join(''));

const table = fc
  .record({ columns: fc.integer({ min: 1, max: 5 }), rows: fc.integer({ min: 1, max: 12 }) })
  .chain(({ columns, rows }) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));

const dialect = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  newline: fc.constantFrom('\n', '\r\n'),
  quotes: fc.boolean(),
  trailingNewline: fc.boolean(),
});

/** Sizes of the pieces the text is cut into (cycled). */
const pieceSizes = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 });

function readInPieces(text: string, delimiter: string, sizes: number[]): string[][] {
  const rows: string[][] = [];
  let pending = '';
  let line = 1;
  let at = 0;
  for (let k = 0; ; k++) {
    const size = sizes[k % sizes.length]!;
    const final = at + size >= text.length;
    const input = pending + text.slice(at, at + size);
    at += size;
    const result = tokenizeRecords(input, delimiter, line, final);
    for (const record of result.records) {
      expect(record.error).toBeUndefined();
      rows.push(record.cells);
    }
    pending = input.slice(result.consumed);
    line = result.nextLine;
    if (final) {
      expect(pending).toBe('');
      return rows;
    }
  }
}

describe('tokenizeRecords against papaparse.unparse', () => {
  it('reads back every table papaparse writes, whatever the piece sizes', () => {
    fc.assert(
      fc.property(table, dialect, pieceSizes, (rows, { delimiter, newline, quotes, trailingNewline }, sizes) => {
        // A lone empty cell on the last line without a line break is no line at all: the one
        // table every writer and reader disagree on, so it is left out.
        const last = rows[rows.length - 1]!;
        fc.pre(trailingNewline || !(last.length === 1 && last[0] === ''));
        const text = Papa.unparse(rows, { delimiter, newline, quotes }) + (trailingNewline ? newline : '');
        expect(readInPieces(text, delimiter, sizes)).toEqual(rows);
        // The whole text at once reads the same.
        expect(tokenizeRecords(text, delimiter, 1, true).records.map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: 400 },
    );
  });

  it('counts every line break of the text, inside quoted cells or between records', () => {
    fc.assert(
      fc.property(table, dialect, (rows, { delimiter, newline, quotes }) => {
        const text = Papa.unparse(rows, { delimiter, newline, quotes }) + newline;
        const { records, nextLine } = tokenizeRecords(text, delimiter, 1, true);
        expect(nextLine - 1).toBe(text.split('\n').length - 1);
        expect(records.reduce((sum, r) => sum + r.length, 0)).toBe(text.length);
      }),
      { numRuns: 200 },
    );
  });
});
