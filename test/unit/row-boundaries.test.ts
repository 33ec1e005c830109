import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RowBoundaryScanner } from '../../functions/core/parse/row-boundaries.ts';
import { tokenizeRecords } from '../../functions/core/parse/csv-tokenizer.ts';

/**
 * Record starts (char offset and line) as the row reader sees them, after `headerRow`
 * preamble lines and the header. `cellsBefore`: the most cells of a record since the last
 * line feed (a lone CR ends a record, but the scanner reads on to the next LF as one line).
 */
function tokenizerStarts(text: string, headerRow: number, maxQuotedBreaks?: number): { at: number; line: number; cellsBefore: number; unclosed: boolean }[] {
  // as delimited-rows does before it skips the preamble and tokenizes: a lone CR becomes a LF (offsets stay)
  const read = text.replace(/\r(?!\n)/g, '\n');
  let at = 0;
  for (let k = 0; k < headerRow; k++) {
    const nl = read.indexOf('\n', at);
    if (nl === -1) return [];
    at = nl + 1;
  }
  const { records } = tokenizeRecords(read.slice(at), ',', headerRow + 1, true, maxQuotedBreaks);
  const starts: { at: number; line: number; cellsBefore: number; unclosed: boolean }[] = [];
  let most = 0;
  for (const rec of records) {
    at += rec.length;
    most = Math.max(most, rec.cells.length);
    starts.push({ at, line: rec.line + 1 + rec.innerBreaks, cellsBefore: most, unclosed: rec.unclosedQuote === true });
    if (text[at - 1] === '\n') most = 0;
  }
  return starts;
}

function scan(text: string, rangeBytes: number, headerRow: number, pieceSize: number, maxQuotedBreaks?: number, emptyPieces = false, delimiter = 0x2c) {
  const bytes = Buffer.from(text, 'latin1');
  const scanner = new RowBoundaryScanner(delimiter, rangeBytes, headerRow, maxQuotedBreaks);
  for (let i = 0; i < bytes.length; i += pieceSize) {
    scanner.push(bytes.subarray(i, i + pieceSize));
    // a stream may hand over an empty piece: it changes nothing (a CR at a piece's end stays undecided)
    if (emptyPieces) scanner.push(new Uint8Array(0));
  }
  return scanner.end();
}

/** The ranges as [text, first line], for every piece size from 1 byte to the whole text, with and without empty pieces between. */
function rangesAtEveryPieceSize(text: string, maxQuotedBreaks?: number, delimiter = 0x2c): Set<string> {
  const seen = new Set<string>();
  for (let pieceSize = 1; pieceSize <= text.length; pieceSize++) {
    for (const empty of [false, true]) {
      const { headerEnd, ranges } = scan(text, 1, 0, pieceSize, maxQuotedBreaks, empty, delimiter);
      seen.add(JSON.stringify([text.slice(0, headerEnd), ...ranges.map((r) => [text.slice(r.start, r.end), r.firstLine])]));
    }
  }
  return seen;
}

// Cells as exports write them: plain, quoted with commas, line breaks (LF, CRLF, a stray lone
// CR) and "" escapes, stray quotes mid-cell, and a stray CR outside quotes; and as they go
// wrong: a quote never closed (the next quote in the file then closes it, with text or
// spaces after it, or nothing does), or closed with spaces or tabs before the cell's end.
const cell = fc.oneof(
  fc.stringMatching(/^[a-z0-9 ]{0,6}$/),
  fc.stringMatching(/^[a-z,\r\n ]{0,6}$/).map((s) => `"${s}"`),
  fc.stringMatching(/^[a-z]{0,3}$/).map((s) => `"${s}""x"""`),
  fc.stringMatching(/^[a-z]{1,3}$/).map((s) => `${s}"in"`),
  fc.constant('5\'10"'),
  fc.stringMatching(/^[a-z]{0,2}\r[a-z"]{0,2}$/),
  fc.stringMatching(/^[a-z, ]{0,4}$/).map((s) => `"${s}`),
  fc.stringMatching(/^[a-z\n]{0,4}$/).map((s) => `"${s}" \t`),
  fc.stringMatching(/^[a-z]{0,2}$/).map((s) => `"""${s}`),
);
const line = fc.oneof(
  fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(',')),
  // a CR at the end of a line: a CRLF with LF line ends, a lone CR before the CRLF ("\r\r\n") with CRLF ones
  fc.constantFrom('', 'Total 12', '"one, quoted"', '1,2\r', '\r'),
);
const csv = fc.record({
  preamble: fc.array(fc.stringMatching(/^[a-z "\r]{0,8}$/), { maxLength: 2 }),
  rows: fc.array(line, { minLength: 1, maxLength: 30 }),
  eol: fc.constantFrom('\n', '\r\n'),
  trailing: fc.constantFrom('', 'eol', '\r'),
});

describe('RowBoundaryScanner', () => {
  it('cuts only where the tokenizer starts a record, with the right line numbers, however the bytes arrive', () => {
    fc.assert(
      fc.property(csv, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 17 }), fc.constantFrom(1, 2, 3, undefined), fc.boolean(), fc.boolean(), (file, rangeBytes, pieceSize, maxBreaks, brokenHeader, emptyPieces) => {
        const preamble = file.preamble.map((l) => l + file.eol).join('');
        const text = preamble + [brokenHeader ? 'a,"b,c' : 'a,b,c', ...file.rows].join(file.eol) + (file.trailing === 'eol' ? file.eol : file.trailing);
        // the header follows the preamble, whose lone CRs end lines of their own
        const headerRow = preamble.replace(/\r(?!\n)/g, '\n').split('\n').length - 1;
        const starts = tokenizerStarts(text, headerRow, maxBreaks);
        const { headerEnd, ranges } = scan(text, rangeBytes, headerRow, pieceSize, maxBreaks, emptyPieces);
        // a header whose own quote is never closed: the file is read in one pass
        if (starts[0]?.unclosed === true) {
          expect(ranges).toEqual([]);
          return;
        }
        // the header's end is the tokenizer's first record end (a header ending at a lone CR,
        // where no cut is made, leaves the file to one pass)
        if (ranges.length > 0 || !brokenHeader) expect(headerEnd).toBe(starts[0]?.at ?? text.length);
        // the ranges tile the data, each starting at a record start
        let at = headerEnd;
        for (const r of ranges) {
          expect(r.start).toBe(at);
          const start = starts.find((s) => s.at === r.start);
          expect(start, `range at ${r.start} is not a record start`).toBeDefined();
          expect(r.firstLine).toBe(start!.line);
          // never right after a blank or one-cell line
          expect(start!.cellsBefore, `range at ${r.start} follows a line without a record of several cells`).toBeGreaterThan(1);
          at = r.end;
        }
        expect(at).toBe(ranges.length ? text.length : headerEnd);
      }),
      { numRuns: 3000 },
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

  it('skips a UTF-8 byte order mark, however the pieces cut it: a quoted first header cell opens there', () => {
    // the comma in the quoted cell: read as outside quotes, it would end the header at the first line feed
    const text = '\ufeff"Call,\nDate",Number\n1,2\n3,4\n';
    const bytes = Buffer.from(text, 'utf8');
    for (let pieceSize = 1; pieceSize <= bytes.length; pieceSize++) {
      const scanner = new RowBoundaryScanner(0x2c, 1, 0);
      for (let i = 0; i < bytes.length; i += pieceSize) scanner.push(bytes.subarray(i, i + pieceSize));
      const { headerEnd, ranges } = scanner.end();
      expect(bytes.subarray(0, headerEnd).toString('utf8'), `pieces of ${pieceSize}`).toBe('\ufeff"Call,\nDate",Number\n');
      expect(ranges.map((r) => [bytes.subarray(r.start, r.end).toString(), r.firstLine])).toEqual([
        ['1,2\n', 3],
        ['3,4\n', 4],
      ]);
    }
  });

  it('reads the start of a byte order mark without its end as ordinary bytes: a quote after them is text', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb]), Buffer.from('"a,\nb",c\n1,2\n', 'latin1')]);
    for (let pieceSize = 1; pieceSize <= bytes.length; pieceSize++) {
      const scanner = new RowBoundaryScanner(0x2c, 1, 0);
      for (let i = 0; i < bytes.length; i += pieceSize) scanner.push(bytes.subarray(i, i + pieceSize));
      // the first line, with its comma, is the header: the quote did not open a cell
      expect(scanner.end().headerEnd, `pieces of ${pieceSize}`).toBe(6);
    }
    // in a preamble line they change nothing, and with no mark at all a quote at the start opens a cell
    for (const [bytes, headerRow, headerEnd] of [
      [Buffer.concat([Buffer.from([0xef, 0xbb]), Buffer.from('title\n"a,\nb",c\n1,2\n', 'latin1')]), 1, 17],
      [Buffer.from('"a,\nb",c\n1,2\n', 'latin1'), 0, 9],
    ] as const) {
      for (let pieceSize = 1; pieceSize <= bytes.length; pieceSize++) {
        const scanner = new RowBoundaryScanner(0x2c, 1, headerRow);
        for (let i = 0; i < bytes.length; i += pieceSize) scanner.push(bytes.subarray(i, i + pieceSize));
        expect(scanner.end().headerEnd, `pieces of ${pieceSize}`).toBe(headerEnd);
      }
    }
  });

  it('reads a quoted cell over several lines the same however the bytes arrive', () => {
    // a tab after the closing quote is the delimiter, not a space before the cell's end
    expect([...rangesAtEveryPieceSize('a\tb\n"x\ny"\tz\n1\t2\n', undefined, 0x09)]).toEqual([
      JSON.stringify(['a\tb\n', ['"x\ny"\tz\n', 2], ['1\t2\n', 4]]),
    ]);
    // text after the closing quote: the tokenizer cuts the record back at the quote's line and
    // reads 'y"z' as a cell of its own (the quote inside it is text), so no cut comes before 3,4
    expect([...rangesAtEveryPieceSize('a,b\n1,"x\ny"z\n3,4\n5,6\n')]).toEqual([
      JSON.stringify(['a,b\n', ['1,"x\ny"z\n3,4\n', 2], ['5,6\n', 5]]),
    ]);
    // more line breaks than a cell holds (here 1), lone CRs: the record is cut back after the second
    expect([...rangesAtEveryPieceSize('a,b\n1,"x\ry\rz\n3,4\n5,6\n', 1)]).toEqual([
      JSON.stringify(['a,b\n', ['1,"x\ry\rz\n3,4\n', 2], ['5,6\n', 6]]),
    ]);
    // as many as it holds (2), one of them a CRLF that a piece may cut in two: one cell, one record
    expect([...rangesAtEveryPieceSize('a,b\r\n1,"x\r\ny\n3,4"\r\n5,6\r\n7,8\r\n', 2)]).toEqual([
      JSON.stringify(['a,b\r\n', ['1,"x\r\ny\n3,4"\r\n', 2], ['5,6\r\n', 5], ['7,8\r\n', 6]]),
    ]);
    // the same with no delimiter after the cell's last line break: counted one too many, the cell
    // would be cut back there and its record, read on as one cell, would end no range
    expect([...rangesAtEveryPieceSize('a,b\r\n1,"x\r\ny\nz"\r\n5,6\r\n7,8\r\n', 2)]).toEqual([
      JSON.stringify(['a,b\r\n', ['1,"x\r\ny\nz"\r\n', 2], ['5,6\r\n', 5], ['7,8\r\n', 6]]),
    ]);
    // and with a lone CR as the last of them
    expect([...rangesAtEveryPieceSize('a,b\n1,"x\ny\rz"\n5,6\n7,8\n', 2)]).toEqual([
      JSON.stringify(['a,b\n', ['1,"x\ny\rz"\n', 2], ['5,6\n', 5], ['7,8\n', 6]]),
    ]);
  });

  it('counts a lone CR as a line break, inside quotes and out, however the bytes arrive', () => {
    const text = 'a,b\r\n1,2\r\n3,"x\ry"\r\n4\r5,6\r\n7,8\r\n';
    for (let pieceSize = 1; pieceSize <= text.length; pieceSize++) {
      const { ranges } = scan(text, 1, 0, pieceSize);
      expect(ranges.map((r) => [text.slice(r.start, r.end), r.firstLine])).toEqual([
        ['1,2\r\n', 2],
        ['3,"x\ry"\r\n', 3],
        ['4\r5,6\r\n', 5],
        ['7,8\r\n', 7],
      ]);
    }
  });

  it('ends a preamble line at a lone CR, as the row reader does', () => {
    // the header is `h1,"h\n2"` on line 2: read on to the first LF, the preamble would swallow half of it
    const text = 'title\rh1,"h\n2"\n1,2\n3,4\n';
    for (let pieceSize = 1; pieceSize <= text.length; pieceSize++) {
      const { headerEnd, ranges } = scan(text, 1, 1, pieceSize);
      expect(text.slice(0, headerEnd)).toBe('title\rh1,"h\n2"\n');
      expect(ranges.map((r) => [text.slice(r.start, r.end), r.firstLine])).toEqual([
        ['1,2\n', 4],
        ['3,4\n', 5],
      ]);
    }
  });

  it('does not cut after a blank or one-cell line', () => {
    const text = 'a,b\n1,2\nTotal\n\n3,4\n5,6\n';
    const { ranges } = scan(text, 1, 0, 4);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['1,2\n', 'Total\n\n3,4\n', '5,6\n']);
  });

  it('ends a range at the first record start at least rangeBytes after its start', () => {
    const text = 'a,b\n1,2\n3,4\n5,6\n';
    for (let pieceSize = 1; pieceSize <= text.length; pieceSize++) {
      // each record is 4 bytes: a range of 4 ends at the next record, one of 5 at the one after
      expect(scan(text, 4, 0, pieceSize).ranges.map((r) => text.slice(r.start, r.end))).toEqual(['1,2\n', '3,4\n', '5,6\n']);
      expect(scan(text, 5, 0, pieceSize).ranges.map((r) => text.slice(r.start, r.end))).toEqual(['1,2\n3,4\n', '5,6\n']);
    }
  });

  it('does not end the header at a one-cell first line (a title before it)', () => {
    expect([...rangesAtEveryPieceSize('Calls\na,b\n1,2\n3,4\n')]).toEqual([JSON.stringify(['Calls\na,b\n', ['1,2\n', 3], ['3,4\n', 4]])]);
    expect([...rangesAtEveryPieceSize('Calls\r\na,b\r\n1,2\r\n3,4\r\n')]).toEqual([
      JSON.stringify(['Calls\r\na,b\r\n', ['1,2\r\n', 3], ['3,4\r\n', 4]]),
    ]);
  });

  it('leaves a file without a record start after its header to one pass: the header is all of it', () => {
    for (const text of ['Title only\n', 'a,b', 'a,b\r1,2\n3,4\n']) {
      // the last: a header ending at a lone CR, where no cut is made
      expect(scan(text, 1, 0, 3), JSON.stringify(text)).toEqual({ headerEnd: text.length, ranges: [] });
    }
  });

  it('refuses a range size below one byte', () => {
    expect(() => new RowBoundaryScanner(0x2c, 0, 0)).toThrow(new RangeError('rangeBytes must be positive'));
    expect(() => new RowBoundaryScanner(0x2c, 1, 0)).not.toThrow();
  });

  it('keeps an unterminated quote and everything after it in one range', () => {
    const text = 'a,b\n1,2\n3,"open\n4,5\n6,7\n';
    const { ranges } = scan(text, 1, 0, 3);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['1,2\n', '3,"open\n4,5\n6,7\n']);
  });
});
