import { Readable } from 'node:stream';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseDelimitedRows, type DelimitedParseOptions, type DelimitedRowStream, type ParsedRow } from '../../functions/core/parse/delimited-rows.ts';
import { HeaderNotFoundError, LimitExceededError, NoDataRowsError } from '../../functions/core/errors.ts';
import { inChunks } from '../helpers/byte-chunks.ts';

// The reader's contract checked against things that are not the reader: papaparse writes the
// table, line numbers are counted from the table written, and a file read as the header plus a
// byte range further down must give the rows (lines and errors) of the whole file read at once.

async function collect(stream: DelimitedRowStream): Promise<ParsedRow[]> {
  const rows: ParsedRow[] = [];
  for await (const batch of stream) rows.push(...batch.rows);
  return rows;
}

const utf8 = (o: Partial<DelimitedParseOptions> = {}): DelimitedParseOptions => ({ encoding: 'utf-8', delimiter: ',', headerRow: 0, ...o });

/** Pieces of the sizes given (cycled), as a network stream would hand them over. */
function* piecesOf<T extends Buffer | string>(whole: T, sizes: number[]): Generator<T> {
  for (let at = 0, k = 0; at < whole.length; k++) {
    const size = sizes[k % sizes.length]!;
    yield whole.slice(at, at + size) as T;
    at += size;
  }
}

async function* source<T>(pieces: Iterable<T>): AsyncGenerator<T> {
  yield* pieces;
}

/**
 * Text that matters to quoting and decoding, plus ordinary text. No lone CR: the reader takes a
 * lone CR for an old Mac line break before it splits records, so one inside a quoted cell is
 * read as LF (a CR before an LF is kept).
 */
const cellText = fc
  .array(fc.constantFrom('a', 'B', '7', ' ', '"', ',', ';', '\t', '|', '\n', '\r\n', 'é', '€', "'"), { maxLength: 6 })
  .map((parts) => parts.join(''));
/** The same on one line, for preamble lines. */
const flatText = cellText.map((t) => t.replace(/\r?\n/g, ' '));

const HEADER = ['Date', 'Number', 'Notes', 'City', 'Min'];

/**
 * A data table: the first cell is the row's number and the second is never blank, so the
 * table assembler takes every row as data (no blank, summary or header-like row); the rest
 * may hold anything papaparse can write.
 */
const table = (text: fc.Arbitrary<string>) =>
  fc.record({ columns: fc.integer({ min: 2, max: 5 }), rows: fc.integer({ min: 1, max: 10 }) }).chain(({ columns, rows }) =>
    fc.array(fc.array(text, { minLength: columns - 1, maxLength: columns - 1 }), { minLength: rows, maxLength: rows }).map((body) => ({
      header: HEADER.slice(0, columns),
      rows: body.map((cells, i) => [String(i + 1), `n${cells[0]!}`, ...cells.slice(1)]),
    })),
  );

const newline = fc.constantFrom('\n', '\r\n', '\r');
/** Preamble lines (titles, account lines): any text, stray quotes included, and blank lines. */
const preamble = fc.array(flatText, { maxLength: 3 });
const pieceSizes = fc.array(fc.integer({ min: 1, max: 48 }), { minLength: 1, maxLength: 6 });

/** Line breaks inside a row's cells: each LF, alone or after a CR, is one. */
const breaksIn = (cells: string[]): number => cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);

describe('parseDelimitedRows against papaparse.unparse', () => {
  it('gives back every row written, with the line it starts on, whatever the line ends, preamble, offset and pieces', async () => {
    const tables = fc.record({ nl: newline, trailing: fc.boolean(), t: table(cellText) });
    await fc.assert(
      fc.asyncProperty(tables, preamble, pieceSizes, fc.nat({ max: 5000 }), fc.boolean(), async ({ nl, trailing, t }, pre, sizes, lineOffset, asText) => {
        const text = pre.map((l) => l + nl).join('') + Papa.unparse([t.header, ...t.rows], { newline: nl }) + (trailing ? nl : '');
        const bytes = Buffer.from(text);
        const opts = utf8({ headerRow: pre.length, lineOffset, batchSize: 3 });
        // A stream decoded upstream (setEncoding) hands over strings; a network stream, bytes cut anywhere.
        const stream = parseDelimitedRows(asText ? source(piecesOf(text, sizes)) : source(piecesOf(bytes, sizes)), opts);
        const rows = await collect(stream);

        expect(rows.map((r) => r.cells)).toEqual(t.rows);
        expect(rows.map((r) => r.row)).toEqual(t.rows.map((_, i) => i + 1));
        const headerLine = pre.length + 1;
        let line = headerLine + 1 + lineOffset;
        const lines = t.rows.map((cells) => {
          const at = line;
          line += 1 + breaksIn(cells);
          return at;
        });
        expect(rows.map((r) => r.line)).toEqual(lines);
        expect(rows.every((r) => r.error === undefined)).toBe(true);
        expect(stream.stats).toEqual({
          headers: t.header,
          headerLine,
          rowsEmitted: t.rows.length,
          malformedRows: 0,
          skipped: { preamble: pre.length, blank: 0, summary: 0, repeatedHeader: 0, sectionContext: 0, footer: 0, pageFurniture: 0, lines: [] },
          bytesRead: bytes.length,
          replacementChars: 0,
          unclosedQuotes: 0,
        });
        expect(stream.headers()).toEqual(t.header);
        expect(stream.warnings()).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('says how many lines a file that ends before its header has, whatever its line ends and pieces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(flatText, { maxLength: 4 }), newline, fc.boolean(), fc.nat({ max: 3 }), pieceSizes, async (lines, nl, trailing, beyond, sizes) => {
        const text = lines.join(nl) + (trailing && lines.length > 0 ? nl : '');
        // Counted from the text: a last line without its break is a line, an empty rest is not.
        const parts = text.length === 0 ? [] : text.split(/\r\n|\r|\n/);
        const found = parts.length > 0 && parts[parts.length - 1] === '' ? parts.length - 1 : parts.length;
        const headerRow = Math.max(found, 1) + beyond;
        const stream = parseDelimitedRows(source(piecesOf(Buffer.from(text), sizes)), utf8({ headerRow }));
        await expect(collect(stream)).rejects.toThrow(
          new HeaderNotFoundError(`The file ends before its header: expected the header on line ${headerRow + 1}, found ${found} lines`),
        );
        expect(stream.stats.skipped.preamble).toBe(found);
      }),
      { numRuns: 150 },
    );
  });
});

/** A call log with a preamble, a cell over two lines, a ragged row and a quote never closed. */
const LOG = [
  'Wireless Statement',
  'Account: 123',
  'Item,Number,City,Min',
  '1,972-555-0143,DALLAS,3',
  '2,214-555-0177,"PLANO, TX",12',
  '3,469-555-0199,"IRVING',
  'TX",1',
  '4,214-555-0100,HOUSTON',
  '5,972-555-0111,"never closed,2',
  '6,817-555-0122,FORT WORTH,7',
  '7,512-555-0133,AUSTIN,9',
];
/** The lines (1-based) where LOG's data records start. */
const RECORD_LINES = [4, 5, 6, 8, 9, 10, 11];

/**
 * The file read the way a split job reads one of its ranges: the preamble and header, then the
 * bytes from the record on `firstLine` on, its lines made the file's own by `lineOffset`.
 */
function rangeOf(lines: string[], headerRow: number, firstLine: number, nl: string): { bytes: Buffer; lineOffset: number } {
  const head = lines.slice(0, headerRow + 1).map((l) => l + nl).join('');
  const rest = lines.slice(firstLine - 1).map((l) => l + nl).join('');
  return { bytes: Buffer.from(head + rest), lineOffset: firstLine - (headerRow + 2) };
}

const view = (rows: ParsedRow[]) => rows.map((r) => ({ line: r.line, cells: r.cells, error: r.error }));

describe('parseDelimitedRows on a range of a split file', () => {
  for (const nl of ['\n', '\r\n', '\r']) {
    it(`gives each range the rows, lines and errors of the whole file (${JSON.stringify(nl)} line ends)`, async () => {
      const whole = parseDelimitedRows(inChunks(Buffer.from(LOG.map((l) => l + nl).join('')), 5), utf8({ headerRow: 2 }));
      const all = await collect(whole);
      expect(all.map((r) => r.line)).toEqual(RECORD_LINES);
      expect(all.filter((r) => r.error !== undefined).map((r) => r.line)).toEqual([8, 9]);
      for (const firstLine of RECORD_LINES.slice(1)) {
        const { bytes, lineOffset } = rangeOf(LOG, 2, firstLine, nl);
        for (const size of [1, 7, bytes.length]) {
          const range = parseDelimitedRows(inChunks(bytes, size), utf8({ headerRow: 2, lineOffset, partOfFile: true, warnings: 'rows' }));
          const rows = await collect(range);
          expect(view(rows), `from line ${firstLine} in pieces of ${size}`).toEqual(view(all.filter((r) => r.line >= firstLine)));
          expect(range.stats.headerLine).toBe(3);
          // the warning names the file's line of the quote left open
          expect(range.warnings()).toEqual(firstLine <= 9 ? [{ code: 'unclosed_quote', count: 1, message: expect.stringContaining('on line 9 ') as unknown }] : []);
        }
      }
    });
  }

  it("names the file's line when a row of a range has too many columns or is too long", async () => {
    const lines = [...LOG.slice(0, 9), '6,817-555-0122,FORT WORTH,7,extra', `7,512-555-0133,${'A'.repeat(60)},9`];
    const columns = rangeOf(lines, 2, 8, '\n');
    await expect(collect(parseDelimitedRows(inChunks(columns.bytes, 16), utf8({ headerRow: 2, lineOffset: columns.lineOffset, maxColumns: 4 })))).rejects.toThrow(
      new LimitExceededError('Line 10 has 5 columns, more than the limit of 4'),
    );
    // read whole, the same line
    await expect(collect(parseDelimitedRows(inChunks(Buffer.from(lines.join('\n')), 16), utf8({ headerRow: 2, maxColumns: 4 })))).rejects.toThrow(
      new LimitExceededError('Line 10 has 5 columns, more than the limit of 4'),
    );
    const long = rangeOf(lines, 2, 10, '\n');
    for (const size of [16, long.bytes.length]) {
      await expect(collect(parseDelimitedRows(inChunks(long.bytes, size), utf8({ headerRow: 2, lineOffset: long.lineOffset, maxLineBytes: 50 })))).rejects.toThrow(
        new LimitExceededError('Line 11 is longer than the limit of 50 bytes'),
      );
    }
  });

  it('accepts a range without data rows (the file as a whole is checked), and refuses a whole file without them', async () => {
    const text = 'Item,Number,City,Min\nSubtotal,,,0\n';
    const range = parseDelimitedRows(inChunks(Buffer.from(text), 8), utf8({ partOfFile: true, lineOffset: 40 }));
    expect(await collect(range)).toEqual([]);
    expect(range.stats.skipped.lines).toEqual([42]);
    await expect(collect(parseDelimitedRows(inChunks(Buffer.from(text), 8), utf8()))).rejects.toThrow(
      new NoDataRowsError('No data rows after the header on line 1 (skipped 1 summary and 0 blank lines)'),
    );
  });
});

describe('parseDelimitedRows line limit', () => {
  const LIMIT = 40;
  const lineOf = (length: number) => `7,${'x'.repeat(length - 2)}`;

  for (const nl of ['\n', '\r\n', '\r']) {
    it(`accepts a line of exactly maxLineBytes characters and refuses one more, its line break not counted (${JSON.stringify(nl)})`, async () => {
      // the long line among others, or last with or without its line break
      const layouts = [
        (line: string) => ['Id,Note', '6,short', line, '8,short'].join(nl) + nl,
        (line: string) => ['Id,Note', '6,short', '8,short', line].join(nl) + nl,
        (line: string) => ['Id,Note', '6,short', '8,short', line].join(nl),
      ];
      for (const [k, layout] of layouts.entries()) {
        // bytes in pieces (cut to the limit), and text decoded upstream in one piece (not cut)
        const sources = (text: string) => [...[1, 3, 16, 200].map((size) => inChunks(Buffer.from(text), size)), source([text])];
        for (const [i, src] of sources(layout(lineOf(LIMIT))).entries()) {
          const rows = await collect(parseDelimitedRows(src, utf8({ maxLineBytes: LIMIT })));
          expect(rows.map((r) => r.cells[1]!.length).sort((a, b) => a - b), `layout ${k}, source ${i}`).toEqual([5, 5, LIMIT - 2]);
        }
        const line = k === 0 ? 3 : 4;
        for (const [i, src] of sources(layout(lineOf(LIMIT + 1))).entries()) {
          await expect(collect(parseDelimitedRows(src, utf8({ maxLineBytes: LIMIT }))), `layout ${k}, source ${i}`).rejects.toThrow(
            new LimitExceededError(`Line ${line} is longer than the limit of ${LIMIT} bytes`),
          );
        }
      }
    });
  }

  it('counts a character made of bytes cut off at the end of the file towards the last line', async () => {
    // the last line holds the limit, then the first byte of a three-byte character: read as U+FFFD
    const bytes = Buffer.concat([Buffer.from(`Id,Note\n1,a\n${lineOf(LIMIT)}`), Buffer.from([0xe2])]);
    await expect(collect(parseDelimitedRows(inChunks(bytes, 16), utf8({ maxLineBytes: LIMIT })))).rejects.toThrow(
      new LimitExceededError(`Line 3 is longer than the limit of ${LIMIT} bytes`),
    );
    const rows = await collect(parseDelimitedRows(inChunks(bytes, 16), utf8({ maxLineBytes: LIMIT + 1 })));
    expect(rows.at(-1)!.cells[1]).toBe(`${'x'.repeat(LIMIT - 2)}\uFFFD`);
  });

  it('counts the line breaks inside a quoted cell towards the limit, and names a longer one an unterminated quote', async () => {
    // `7,"a\n` + n b's + `\nc"`: n + 8 characters over three lines, the LF that ends it not counted
    const cell = (n: number) => `"a\n${'b'.repeat(n)}\nc"`;
    const text = (n: number) => `Id,Note\n7,${cell(n)}\n8,short\n`;
    for (const size of [4, 500]) {
      const rows = await collect(parseDelimitedRows(inChunks(Buffer.from(text(LIMIT - 8)), size), utf8({ maxLineBytes: LIMIT })));
      expect(rows.map((r) => r.line)).toEqual([2, 5]);
      await expect(collect(parseDelimitedRows(inChunks(Buffer.from(text(LIMIT - 7)), size), utf8({ maxLineBytes: LIMIT })))).rejects.toThrow(
        new LimitExceededError(`Unterminated quote near line 2: a quoted field runs on for more than ${LIMIT} bytes`),
      );
    }
  });

  it('refuses a preamble line longer than the limit, without reading the rest of the file', async () => {
    const bytes = Buffer.concat([Buffer.from('Report\n'), Buffer.alloc(2 * 1024 * 1024, 0x54), Buffer.from('\nId,Note\n1,a\n')]);
    const counter = { pulled: 0 };
    // the preamble is the file's own head, in a range too: its lines are not offset
    await expect(collect(parseDelimitedRows(inChunks(bytes, 64 * 1024, counter), utf8({ headerRow: 2, lineOffset: 500 })))).rejects.toThrow(
      new LimitExceededError('Line 2 is longer than the limit of 1048576 bytes'),
    );
    expect(counter.pulled).toBeLessThan(1.2 * 1024 * 1024);
    // a title of exactly the limit is read past
    const title = `${'T'.repeat(LIMIT)}\n`;
    for (const size of [1, 9, 100]) {
      const rows = await collect(parseDelimitedRows(inChunks(Buffer.from(`${title}${title}Id,Note\n1,a\n`), size), utf8({ headerRow: 2, maxLineBytes: LIMIT })));
      expect(rows.map((r) => [r.line, r.cells])).toEqual([[4, ['1', 'a']]]);
    }
  });
});

describe('parseDelimitedRows sources and progress', () => {
  it('reads a stream decoded upstream (setEncoding) like its bytes, counting bytes read in bytes', async () => {
    const text = 'Name,Stadt\r\nMüller,Düsseldorf\r\nRenée,Besançon\r\n';
    const bytes = Buffer.from(text);
    // pieces of 3 bytes: the CRLFs and the two-byte letters fall across them
    const decoded = Readable.from([...piecesOf(bytes, [3])]).setEncoding('utf8');
    const stream = parseDelimitedRows(decoded, utf8());
    const rows = await collect(stream);
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ['Müller', 'Düsseldorf']],
      [3, ['Renée', 'Besançon']],
    ]);
    expect(stream.stats).toMatchObject({ bytesRead: bytes.length, skipped: { blank: 0 } });
  });

  it('reports progress within a large piece of the source, in steps of at most 256 KiB or the line limit', async () => {
    const body = Array.from({ length: 60_000 }, (_, i) => `${i + 1},972-555-${String(i % 10_000).padStart(4, '0')},${i % 60}\n`).join('');
    const bytes = Buffer.from(`Item,Number,Min\n${body}`);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const steps = async (opts: Partial<DelimitedParseOptions>): Promise<number[]> => {
      const seen = [0];
      let rows = 0;
      // the whole file in one piece, as a source that reads a file at once would hand it over
      for await (const batch of parseDelimitedRows(source([bytes]), utf8({ batchSize: 500, ...opts }))) {
        seen.push(batch.bytesRead);
        rows += batch.rows.length;
      }
      expect(rows).toBe(60_000);
      expect(seen[seen.length - 1]).toBe(bytes.length);
      return seen.slice(1).map((b, i) => b - seen[i]!);
    };
    const big = await steps({});
    expect(Math.max(...big)).toBe(256 * 1024);
    const small = await steps({ maxLineBytes: 4096, batchSize: 10 });
    expect(Math.max(...small)).toBe(4096);
    expect(small.filter((s) => s > 0).length).toBeGreaterThan(200);
  });
  it('reads the rows that follow the preamble in the same piece, however many, under a small line limit', async () => {
    const body = Array.from({ length: 50 }, (_, i) => `${i + 1},n${i}\n`).join('');
    const text = `Report\nAccount 1\nId,Note\n${body}`;
    // bytes are cut into pieces no longer than the limit; text decoded upstream comes as it is
    for (const whole of [Buffer.from(text), text]) {
      const rows = await collect(parseDelimitedRows(source([whole]), utf8({ headerRow: 2, maxLineBytes: 20 })));
      expect(rows.map((r) => r.line)).toEqual(Array.from({ length: 50 }, (_, i) => i + 4));
    }
  });
});

describe('parseDelimitedRows options and messages', () => {
  it('cuts a quoted cell back once it holds more line breaks than maxQuotedLineBreaks allows', async () => {
    const text = 'Id,Note,Min\n1,"one\ntwo\nthree\nfour",3\n2,plain,4\n';
    const read = async (maxQuotedLineBreaks?: number) =>
      (await collect(parseDelimitedRows(inChunks(Buffer.from(text), 6), utf8(maxQuotedLineBreaks === undefined ? {} : { maxQuotedLineBreaks })))).map((r) => [r.line, r.cells[0], r.error !== undefined]);
    // three breaks in the cell: within the default allowance and an allowance of 3
    expect(await read()).toEqual([[2, '1', false], [6, '2', false]]);
    expect(await read(3)).toEqual([[2, '1', false], [6, '2', false]]);
    // with 2, the quote counts as never closed: its row is cut and rejected, the lines after it read as rows
    expect((await read(2))[0]).toEqual([2, '1', true]);
    expect((await read(2)).at(-1)).toEqual([6, '2', false]);
  });

  it('says how many blank lines were skipped when no data row follows the header', async () => {
    await expect(collect(parseDelimitedRows(inChunks(Buffer.from('Item,Date\n\n ,\n\n'), 4), utf8()))).rejects.toThrow(
      new NoDataRowsError('No data rows after the header on line 1 (skipped 0 summary and 3 blank lines)'),
    );
  });

  it('warns of undecodable bytes on the lines that hold them, not on the preamble lines read with them', async () => {
    const bad = Buffer.from([0xff]);
    const bytes = Buffer.concat([Buffer.from('Title\nName,City\nAda,Z'), bad, Buffer.from('rich\nBob,Bern\n')]);
    for (const size of [bytes.length, 5]) {
      const all = parseDelimitedRows(inChunks(bytes, size), utf8({ headerRow: 1 }));
      await collect(all);
      expect(all.warnings()).toEqual([{ code: 'invalid_characters', count: 1, message: expect.stringMatching(/first on line 3;/) as unknown }]);
      const header = parseDelimitedRows(inChunks(bytes, size), utf8({ headerRow: 1, warnings: 'header' }));
      await collect(header);
      expect(header.warnings()).toEqual([]);
    }
  });

  it('warns of undecodable bytes in the last preamble line of a file that ends before its header', async () => {
    const bytes = Buffer.concat([Buffer.from('Report\nAccount '), Buffer.from([0xff])]);
    const stream = parseDelimitedRows(inChunks(bytes, 3), utf8({ headerRow: 3 }));
    await expect(collect(stream)).rejects.toThrow(HeaderNotFoundError);
    expect(stream.warnings()).toEqual([{ code: 'invalid_characters', count: 1, message: expect.stringMatching(/first on line 2;/) as unknown }]);
  });
});
