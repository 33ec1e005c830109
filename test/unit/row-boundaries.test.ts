import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RowBoundaryScanner } from '../../functions/core/parse/row-boundaries.ts';
import { tokenizeRecords } from '../../functions/core/parse/csv-tokenizer.ts';

/** Record starts (char offset and line) as the tokenizer sees them, after `headerRow` preamble lines and the header. */
function tokenizerStarts(text: string, headerRow: number): { at: number; line: number; cellsBefore: number }[] {
  let at = 0;
  for (let k = 0; k < headerRow; k++) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) return [];
    at = nl + 1;
  }
  const { records } = tokenizeRecords(text.slice(at), ',', headerRow + 1, true);
  const starts: { at: number; line: number; cellsBefore: number }[] = [];
  for (const rec of records) {
    at += rec.length;
    starts.push({ at, line: rec.line + 1 + rec.innerBreaks, cellsBefore: rec.cells.length });
  }
  return starts;
}

function scan(text: string, rangeBytes: number, headerRow: number, pieceSize: number) {
  const bytes = Buffer.from(text, 'latin1');
  const scanner = new RowBoundaryScanner(0x2c, rangeBytes, headerRow);
  for (let i = 0; i < bytes.length; i += pieceSize) scanner.push(bytes.subarray(i, i + pieceSize));
  return scanner.end();
}

// Cells as exports write them: plain, quoted with commas, line breaks and "" escapes, and stray quotes mid-cell.
const cell = fc.oneof(
  fc.stringMatching(/^[a-z0-9 ]{0,6}$/),
  fc.stringMatching(/^[a-z,\n ]{0,6}$/).map((s) => `"${s}"`),
  fc.stringMatching(/^[a-z]{0,3}$/).map((s) => `"${s}""x"""`),
  fc.stringMatching(/^[a-z]{1,3}$/).map((s) => `${s}"in"`),
  fc.constant('5\'10"'),
);
const line = fc.oneof(
  fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(',')),
  fc.constantFrom('', 'Total 12', '"one, quoted"'),
);
const csv = fc.record({
  preamble: fc.array(fc.stringMatching(/^[a-z "]{0,8}$/), { maxLength: 2 }),
  rows: fc.array(line, { minLength: 1, maxLength: 30 }),
  eol: fc.constantFrom('\n', '\r\n'),
  trailing: fc.boolean(),
});

describe('RowBoundaryScanner', () => {
  it('cuts only where the tokenizer starts a record, with the right line numbers, however the bytes arrive', () => {
    fc.assert(
      fc.property(csv, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 17 }), (file, rangeBytes, pieceSize) => {
        const text = [...file.preamble, 'a,b,c', ...file.rows].join(file.eol) + (file.trailing ? file.eol : '');
        const headerRow = file.preamble.length;
        const starts = tokenizerStarts(text, headerRow);
        const { headerEnd, ranges } = scan(text, rangeBytes, headerRow, pieceSize);
        // the header's end is the tokenizer's first record end
        expect(headerEnd).toBe(starts[0]?.at ?? text.length);
        // the ranges tile the data, each starting at a record start
        let at = headerEnd;
        for (const r of ranges) {
          expect(r.start).toBe(at);
          const start = starts.find((s) => s.at === r.start);
          expect(start, `range at ${r.start} is not a record start`).toBeDefined();
          expect(r.firstLine).toBe(start!.line);
          // never right after a blank or one-cell line
          expect(start!.cellsBefore, `range at ${r.start} follows a record of one cell`).toBeGreaterThan(1);
          at = r.end;
        }
        expect(at).toBe(ranges.length ? text.length : headerEnd);
      }),
      { numRuns: 400 },
    );
  });

  it('makes ranges of about the asked size, and one range when the file is small', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `${i},"x, ${i}",y`);
    const text = ['h1,h2,h3', ...rows].join('\n') + '\n';
    const { ranges } = scan(text, 1000, 0, 4096);
    expect(ranges.length).toBeGreaterThan(10);
    for (const r of ranges.slice(0, -1)) expect(r.end - r.start).toBeGreaterThanOrEqual(1000);
    for (const r of ranges.slice(0, -1)) expect(r.end - r.start).toBeLessThan(1100);
    expect(scan(text, 1e9, 0, 4096).ranges).toHaveLength(1);
  });

  it('skips a UTF-8 byte order mark: a quoted first header cell opens there', () => {
    const text = '\ufeff"Call\nDate",Number\n1,2\n3,4\n';
    const bytes = Buffer.from(text, 'utf8');
    const scanner = new RowBoundaryScanner(0x2c, 1, 0);
    scanner.push(bytes);
    const { headerEnd, ranges } = scanner.end();
    expect(bytes.subarray(0, headerEnd).toString('utf8')).toBe('\ufeff"Call\nDate",Number\n');
    expect(ranges.map((r) => [bytes.subarray(r.start, r.end).toString(), r.firstLine])).toEqual([
      ['1,2\n', 3],
      ['3,4\n', 4],
    ]);
  });

  it('does not cut after a blank or one-cell line', () => {
    const text = 'a,b\n1,2\nTotal\n\n3,4\n5,6\n';
    const { ranges } = scan(text, 1, 0, 4);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['1,2\n', 'Total\n\n3,4\n', '5,6\n']);
  });

  it('keeps an unterminated quote and everything after it in one range', () => {
    const text = 'a,b\n1,2\n3,"open\n4,5\n6,7\n';
    const { ranges } = scan(text, 1, 0, 3);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['1,2\n', '3,"open\n4,5\n6,7\n']);
  });
});
