import { createReadStream, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  parseDelimitedRows,
  type DelimitedParseOptions,
  type DelimitedRowStream,
  type ParsedRow,
} from '../../functions/core/parse/delimited-rows.ts';
import { HeaderNotFoundError, LimitExceededError, NoDataRowsError } from '../../functions/core/errors.ts';
import { classifyText } from '../../functions/core/detect/classify-text.ts';
import { isSplittable } from '../../functions/core/parse/row-source.ts';
import { attMultiSection } from '../fixtures/formats/builders.ts';
import { inChunks } from '../helpers/byte-chunks.ts';

const fixturePath = (name: string): URL => new URL(`../fixtures/csv/${name}`, import.meta.url);
const fixture = (name: string): Buffer => readFileSync(fixturePath(name));

async function collect(stream: DelimitedRowStream): Promise<ParsedRow[]> {
  const rows: ParsedRow[] = [];
  for await (const batch of stream) rows.push(...batch.rows);
  return rows;
}

const utf8 = (o: Partial<DelimitedParseOptions> & { headerRow?: number } = {}): DelimitedParseOptions => ({
  encoding: 'utf-8',
  delimiter: ',',
  headerRow: 0,
  ...o,
});

describe('parseDelimitedRows', () => {
  it('skips the AT&T preamble, header and Subtotal/Total rows, and counts them', async () => {
    const bytes = Buffer.from(fixture('att-wireless-calls.csv').toString('utf8').replace(/\n/g, '\r\n'));
    const stream = parseDelimitedRows(inChunks(bytes, 17), utf8({ headerRow: 4 }));
    const rows = await collect(stream);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // physical lines: header on 5, a Subtotal on 13
    expect(rows.map((r) => r.line)).toEqual([6, 7, 8, 9, 10, 11, 12, 14, 15]);
    expect(rows[5]!.cells).toEqual(['6', 'FRI', '01/05/2024', '3:22PM', '011-44-20-7946-0958', 'LONDON, UK', '9', 'IN', '', '$0.00', '$13.41', '$13.41']);
    expect(rows.every((r) => r.cells.every((c) => !c.includes('\r')))).toBe(true);
    expect(stream.stats).toMatchObject({
      headers: expect.arrayContaining(['Item', 'Number Called', "LD/Add'l Charges"]) as unknown,
      headerLine: 5,
      rowsEmitted: 9,
      bytesRead: bytes.length,
      skipped: { preamble: 4, blank: 0, summary: 3, repeatedHeader: 0, lines: [13, 16, 17] },
    });
    // every line read and not emitted: 4 preamble + 3 summary
    expect(stream.skipped()).toBe(7);
  });

  it('parses tab-delimited Verizon usage with mixed CRLF/LF line ends', async () => {
    const mixed = fixture('verizon-usage.tsv')
      .toString('utf8')
      .split('\n')
      .map((line, i, all) => (i === all.length - 1 ? line : line + (i % 2 === 0 ? '\r\n' : '\n')))
      .join('');
    const rows = await collect(parseDelimitedRows(inChunks(Buffer.from(mixed), 64), utf8({ delimiter: '\t' })));
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(rows.every((r) => r.cells.length === 11 && !r.cells.some((c) => /[\r\n]/.test(c)))).toBe(true);
    expect(rows[1]!.cells[4]).toBe('Incoming');
  });

  it('parses a semicolon export with decimal commas', async () => {
    const rows = await collect(parseDelimitedRows(createReadStream(fixturePath('european-export-semicolon.csv')), utf8({ delimiter: ';', headerRow: 4 })));
    expect(rows).toHaveLength(5);
    expect(rows[3]!.cells).toEqual(['03.01.2024', '18:31:58', '+43 1 53114', 'ausgehend', '420', '1,26']);
  });

  it('parses pipe-delimited text', async () => {
    const rows = await collect(parseDelimitedRows(inChunks(fixture('pipe-delimited.txt'), 5), utf8({ delimiter: '|' })));
    expect(rows.map((r) => r.cells[4])).toEqual(['187', '722', '61', '420']);
  });

  it('keeps quoted delimiters, escaped quotes and line breaks, with the line each row starts on', async () => {
    const rows = await collect(parseDelimitedRows(inChunks(fixture('quoted-multiline.csv'), 7), utf8()));
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 5],
      [3, 6],
    ]);
    expect(rows[0]!.cells).toEqual(['Lopez, Maria', 'maria.lopez@example.com', 'Acme, Inc.', '100 Main St\nSuite 200\nDallas, TX 75201', 'Prefers "email" contact']);
    expect(rows[2]!.cells[4]).toBe('Called 01/03, left msg');
  });

  it('decodes UTF-16LE with BOM', async () => {
    const bytes = iconv.encode(fixture('verizon-usage.tsv').toString('utf8').replace(/\n/g, '\r\n'), 'utf-16le', { addBOM: true });
    const stream = parseDelimitedRows(inChunks(bytes, 33), { encoding: 'utf-16le', delimiter: '\t', headerRow: 0 });
    const rows = await collect(stream);
    expect(stream.stats.headers?.[0]).toBe('Date'); // BOM stripped
    expect(rows).toHaveLength(6);
    expect(rows[0]!.cells[2]).toBe('(972) 555-0143');
  });

  it('decodes Windows-1252 accents', async () => {
    const text = 'Name;Stadt;Betrag\r\nMüller;Düsseldorf;12,50 €\r\nRenée;Besançon;“3,00”\r\n';
    const rows = await collect(parseDelimitedRows(inChunks(iconv.encode(text, 'windows-1252'), 3), { encoding: 'windows-1252', delimiter: ';', headerRow: 0 }));
    expect(rows.map((r) => r.cells)).toEqual([
      ['Müller', 'Düsseldorf', '12,50 €'],
      ['Renée', 'Besançon', '“3,00”'],
    ]);
  });

  it('decodes invalid UTF-8 as U+FFFD and counts it', async () => {
    const bytes = Buffer.concat([Buffer.from('Name,City\nJos'), Buffer.from([0xe9]), Buffer.from(',Montr'), Buffer.from([0xe9, 0x61, 0x6c]), Buffer.from('\n')]);
    const stream = parseDelimitedRows(inChunks(bytes, 4), utf8());
    const rows = await collect(stream);
    expect(rows[0]!.cells).toEqual(['Jos\uFFFD', 'Montr\uFFFDal']);
    expect(stream.stats.replacementChars).toBe(2);
  });

  it('passes ragged rows through for the record builder to judge', async () => {
    const text = 'Date,Number,Minutes\n01/02/2024,972-555-0143,3\n01/02/2024,214-555-0177\n01/03/2024,469-555-0199,1,extra\n';
    const rows = await collect(parseDelimitedRows(inChunks(Buffer.from(text), 1024), utf8()));
    expect(rows.map((r) => r.cells.length)).toEqual([3, 2, 4]);
  });

  it('skips and counts blank lines and repeated headers, and handles CR-only files and a last line without line break', async () => {
    const text = 'Name,Phone\r\rAda,555-0100\r,\r  \rName,Phone\rBob,555-0101';
    const stream = parseDelimitedRows(inChunks(Buffer.from(text), 2), utf8());
    const rows = await collect(stream);
    expect(rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [3, 'Ada'],
      [7, 'Bob'],
    ]);
    expect(stream.stats.skipped).toEqual({ preamble: 0, blank: 3, summary: 0, repeatedHeader: 1, sectionContext: 0, footer: 0, pageFurniture: 0, lines: [6] });
    expect(stream.skipped()).toBe(4);
  });

  it('emits batches of batchSize with cumulative bytesRead, pulling the source only as batches are consumed', async () => {
    const body = Array.from({ length: 1000 }, (_, i) => `${i + 1},972-555-${String(i).padStart(4, '0')},${i % 30}\n`).join('');
    const bytes = Buffer.from(`Item,Number,Min\n${body}`);
    const counter = { pulled: 0 };
    const stream = parseDelimitedRows(inChunks(bytes, 1024, counter), utf8({ batchSize: 100 }));
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    expect(first.value).toMatchObject({ rows: expect.any(Array) as unknown });
    const batch = (first.value as { rows: ParsedRow[]; bytesRead: number });
    expect(batch.rows).toHaveLength(100);
    expect(batch.bytesRead).toBeLessThan(bytes.length);
    expect(counter.pulled).toBeLessThan(bytes.length / 2);

    let total = batch.rows.length;
    let last = batch.bytesRead;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      expect(next.value.bytesRead).toBeGreaterThanOrEqual(last);
      last = next.value.bytesRead;
      total += next.value.rows.length;
    }
    expect(total).toBe(1000);
    expect(last).toBe(bytes.length);
  });

  it('fails on a 2 MiB single line with LimitExceededError, without reading the whole line', async () => {
    const bytes = Buffer.concat([Buffer.from('Name,Notes\nAda,'), Buffer.alloc(2 * 1024 * 1024, 0x78), Buffer.from('\n')]);
    const counter = { pulled: 0 };
    const stream = parseDelimitedRows(inChunks(bytes, 64 * 1024, counter), utf8());
    await expect(collect(stream)).rejects.toThrow(LimitExceededError);
    expect(counter.pulled).toBeLessThan(1.2 * 1024 * 1024);
    await expect(collect(parseDelimitedRows(inChunks(bytes, 64 * 1024), utf8()))).rejects.toThrow(/Line 2 is longer than the limit of 1048576 bytes/);
  });

  it('fails on a line just over maxLineBytes that ends inside one chunk', async () => {
    const text = `Name,Notes\nAda,short\nBob,${'y'.repeat(150)}\nCy,short\n`;
    await expect(collect(parseDelimitedRows(inChunks(Buffer.from(text), 100), utf8({ maxLineBytes: 120 })))).rejects.toThrow(/Line 3 is longer/);
    const rows = await collect(parseDelimitedRows(inChunks(Buffer.from(text), 100), utf8({ maxLineBytes: 200 })));
    expect(rows).toHaveLength(3);
  });

  it('fails on 10,001 columns with LimitExceededError naming the line', async () => {
    const wide = Array.from({ length: 10_001 }, (_, i) => `c${i}`).join(',');
    await expect(collect(parseDelimitedRows(inChunks(Buffer.from(`${wide}\n${wide}\n`), 65536), utf8()))).rejects.toThrow(
      /Line 1 has 10001 columns, more than the limit of 10000/,
    );
    const text = `a,b\n1,2\n${'x,'.repeat(10_000)}x\n`;
    await expect(collect(parseDelimitedRows(inChunks(Buffer.from(text), 4096), utf8()))).rejects.toThrow(/Line 3 has 10001 columns/);
  });

  it('cuts a quote never closed in a large file back to its line, and reads every row after it', async () => {
    const line = '2,TUE,01/02/2024,9:02AM,214-555-0177,PLANO TX,12\n';
    const text = `Item,Day,Date,Time,Number,City,Min\n1,TUE,01/02/2024,8:14AM,972-555-0143,"DALLAS, TX,3\n${line.repeat(70_000)}`;
    const bytes = Buffer.from(text);
    expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024);
    const stream = parseDelimitedRows(inChunks(bytes, 64 * 1024), utf8());
    const rows = await collect(stream);
    expect(rows).toHaveLength(70_001);
    expect(rows[0]).toMatchObject({ row: 1, line: 2, cells: ['1', 'TUE', '01/02/2024', '8:14AM', '972-555-0143', 'DALLAS, TX,3'] });
    expect(rows[0]!.error).toMatch(/unclosed quote.*\(line 2\)/);
    expect(rows.slice(1).every((r) => r.error === undefined && r.cells.length === 7)).toBe(true);
    expect(rows[70_000]!.line).toBe(70_002);
    expect(stream.warnings()).toEqual([{ code: 'unclosed_quote', count: 1, message: expect.stringMatching(/line 2 /) }]);
  });

  it('still fails on a quoted cell that runs on past the line limit within its allowance of line breaks', async () => {
    const long = `${'x'.repeat(600 * 1024)}\n`;
    const text = `Name,Notes\nAda,"${long.repeat(3)}",end\n`;
    await expect(collect(parseDelimitedRows(inChunks(Buffer.from(text), 64 * 1024), utf8()))).rejects.toThrow(/Unterminated quote near line 2/);
  });

  it('does not let an unclosed quote swallow the row after it: a closing quote followed by text was another cell opening', async () => {
    const text = 'Item,Number,City,Min\n1,972-555-0143,"DALLAS, TX,3\n2,214-555-0177,"PLANO, TX",12\n3,469-555-0199,IRVING,1\n';
    for (const size of [1, 7, 16, 1000]) {
      const stream = parseDelimitedRows(inChunks(Buffer.from(text), size), utf8());
      const rows = await collect(stream);
      expect(rows.map((r) => [r.row, r.line, r.error !== undefined])).toEqual([
        [1, 2, true],
        [2, 3, false],
        [3, 4, false],
      ]);
      expect(rows[0]!.error).toMatch(/unclosed quote/);
      expect(rows[1]!.cells).toEqual(['2', '214-555-0177', 'PLANO, TX', '12']);
      expect(stream.stats.malformedRows).toBe(1);
      expect(stream.stats.unclosedQuotes).toBe(1);
    }
  });

  it('keeps a quoted cell over several lines whose closing quote ends the cell, spaces before the delimiter included', async () => {
    const text = 'Name,Notes,Min\nAda,"line one\nline two"  ,3\nBob,x,4\n';
    const rows = await collect(parseDelimitedRows(inChunks(Buffer.from(text), 5), utf8()));
    expect(rows.map((r) => [r.line, r.cells, r.error])).toEqual([
      [2, ['Ada', 'line one\nline two', '3'], undefined],
      [4, ['Bob', 'x', '4'], undefined],
    ]);
  });

  it('cuts a quote open over more line breaks than a cell holds, and reports each such row', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `${i},n${i}`);
    const text = `Id,Note\n1,"open\n${rows.slice(0, 4).join('\n')}\n2,"open again\n${rows.slice(4).join('\n')}\n`;
    const stream = parseDelimitedRows(inChunks(Buffer.from(text), 3), utf8({ maxQuotedLineBreaks: 2 }));
    const out = await collect(stream);
    expect(out.map((r) => [r.line, r.cells[0], r.error !== undefined])).toEqual([
      [2, '1', true],
      [3, '0', false],
      [4, '1', false],
      [5, '2', false],
      [6, '3', false],
      [7, '2', true],
      [8, '4', false],
      [9, '5', false],
      [10, '6', false],
      [11, '7', false],
    ]);
    expect(stream.warnings()).toEqual([{ code: 'unclosed_quote', count: 2, message: expect.stringMatching(/line 2 /) }]);
  });

  it('marks a row whose quote is never closed before the end of a small file, and reads the rows after it', async () => {
    const text = 'Name,Notes\nAda,"ok"\nBob,"never closed\nCy,fine\n';
    const stream = parseDelimitedRows(inChunks(Buffer.from(text), 8), utf8());
    const rows = await collect(stream);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({ row: 2, line: 3, cells: ['Bob', 'never closed'] });
    expect(rows[1]!.error).toMatch(/unclosed quote.*\(line 3\)/);
    expect(rows[2]).toMatchObject({ row: 3, line: 4, cells: ['Cy', 'fine'] });
    expect(stream.stats.malformedRows).toBe(1);
  });

  it('warns about undecodable bytes once per row, with the first line, split by header and rows', async () => {
    const bad = Buffer.from([0xff]);
    const bytes = Buffer.concat([Buffer.from('Title '), bad, Buffer.from('\nName,City\nAda,Z'), bad, Buffer.from('rich '), bad, Buffer.from('\nBob,Bern\nCy,Gen'), bad, Buffer.from('ve\n')]);
    const all = parseDelimitedRows(inChunks(bytes, 4), utf8({ headerRow: 1 }));
    await collect(all);
    expect(all.stats.replacementChars).toBe(4);
    expect(all.warnings()).toEqual([{ code: 'invalid_characters', count: 3, message: expect.stringMatching(/utf-8.*first on line 1;/) }]);
    const header = parseDelimitedRows(inChunks(bytes, 4), utf8({ headerRow: 1, warnings: 'header' }));
    await collect(header);
    expect(header.warnings()).toEqual([{ code: 'invalid_characters', count: 1, message: expect.stringMatching(/line 1;/) }]);
    const rows = parseDelimitedRows(inChunks(bytes, 4), utf8({ headerRow: 1, warnings: 'rows' }));
    await collect(rows);
    expect(rows.warnings()).toEqual([{ code: 'invalid_characters', count: 2, message: expect.stringMatching(/line 3;/) }]);
  });

  it('keeps two columns of one name, the later one renamed, and warns', async () => {
    const text = 'Date,Phone Number,Duration,Phone Number\n10/01/2025,2125550100,1:00,2125550101\n';
    const stream = parseDelimitedRows(inChunks(Buffer.from(text), 9), utf8());
    const rows = await collect(stream);
    expect(stream.headers()).toEqual(['Date', 'Phone Number', 'Duration', 'Phone Number (2)']);
    expect(rows[0]!.cells).toEqual(['10/01/2025', '2125550100', '1:00', '2125550101']);
    expect(stream.warnings()).toEqual([{ code: 'duplicate_columns', count: 1, message: expect.stringContaining('"Phone Number (2)"') }]);
  });

  it('throws NoDataRowsError after a header with only summary rows', async () => {
    const text = 'AT&T\nItem,Date,Min\nSubtotal,,0\nTotal,,0\n';
    await expect(collect(parseDelimitedRows(inChunks(Buffer.from(text), 1024), utf8({ headerRow: 1 })))).rejects.toThrow(NoDataRowsError);
    await expect(collect(parseDelimitedRows(inChunks(Buffer.from(text), 1024), utf8({ headerRow: 1 })))).rejects.toThrow(/skipped 2 summary/);
  });

  it('throws HeaderNotFoundError when the file ends before the header line', async () => {
    await expect(collect(parseDelimitedRows(inChunks(Buffer.from('AT&T\nAccount: 1\n'), 1024), utf8({ headerRow: 5 })))).rejects.toThrow(HeaderNotFoundError);
  });

  it('says where the header was expected and how many lines were found, and what was skipped after it', async () => {
    await expect(collect(parseDelimitedRows(inChunks(Buffer.from('AT&T\nAccount: 1\n'), 1024), utf8({ headerRow: 5 })))).rejects.toThrow(
      new HeaderNotFoundError('The file ends before its header: expected the header on line 6, found 2 lines'),
    );
    const summaries = 'AT&T\nItem,Date,Min\nSubtotal,,0\nTotal,,0\n';
    await expect(collect(parseDelimitedRows(inChunks(Buffer.from(summaries), 1024), utf8({ headerRow: 1 })))).rejects.toThrow(
      new NoDataRowsError('No data rows after the header on line 2 (skipped 2 summary and 0 blank lines)'),
    );
    // nothing skipped: nothing said about it
    await expect(collect(parseDelimitedRows(inChunks(Buffer.from('Item,Date,Min\n'), 1024), utf8()))).rejects.toThrow(new NoDataRowsError('No data rows after the header on line 1'));
  });

  it('refuses a delimiter that is empty or holds a quote or a line break', () => {
    for (const delimiter of ['', '"', '\n', '\r', ';"']) {
      expect(() => parseDelimitedRows(inChunks(Buffer.from('a,b\n'), 1024), utf8({ delimiter })), JSON.stringify(delimiter)).toThrow(
        new RangeError(`Invalid delimiter ${JSON.stringify(delimiter)}`),
      );
    }
    for (const delimiter of [';', '\t', '|', '||']) expect(() => parseDelimitedRows(inChunks(Buffer.from('a,b\n'), 1024), utf8({ delimiter }))).not.toThrow();
  });

  it('keeps a CRLF inside a quoted cell as written while CRLF line ends are cut', async () => {
    const text = 'Name,Notes\r\nAda,"line one\r\nline two"\r\nBob,plain\r\n';
    const rows = await collect(parseDelimitedRows(inChunks(Buffer.from(text), 3), utf8()));
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ['Ada', 'line one\r\nline two']],
      [4, ['Bob', 'plain']],
    ]);
  });

  it('emits every section of an AT&T export under the classified header, whatever the chunking', async () => {
    const { csv, voice, messaging, data, raggedRows } = attMultiSection();
    const bytes = Buffer.from(csv);
    const c = classifyText(bytes, { size: bytes.length });
    const table = { unified: c.headers, contextColumns: c.contextColumns!, context: { kind: c.sections![0]!.kind, accountNumber: c.sections![0]!.accountNumber! } };
    const parse = async (size: number) => {
      const stream = parseDelimitedRows(inChunks(bytes, size), utf8({ headerRow: c.headerRow, table }));
      const rows = await collect(stream);
      return { rows, stream };
    };
    const { rows, stream } = await parse(bytes.length);
    expect(rows).toHaveLength(voice + messaging + data);
    expect(stream.headers()).toEqual(c.headers);
    expect(rows.every((r) => r.cells.length === c.headers.length)).toBe(true);
    const section = c.headers.indexOf('Section');
    const number = c.headers.indexOf('Number Called');
    expect(rows.map((r) => r.cells[section])).toEqual([...Array(voice).fill('voice'), ...Array(messaging).fill('messaging'), ...Array(data).fill('data')]);
    expect(rows[voice]!.cells[number]).toBe('(415) 604-1801'); // the messaging "To/From" lands under the other party's number
    expect(rows.filter((r) => r.error).map((r) => [r.row, r.error])).toEqual(raggedRows.map((n) => [n, expect.stringMatching(/^expected 12 columns, found 14/)]));
    for (const size of [1, 13, 4096]) expect((await parse(size)).rows).toEqual(rows);
  });

  it('appends the columns of a section that starts after the classified head, and fills the earlier rows', async () => {
    const { csv, voice } = attMultiSection(20, 3, 2);
    const bytes = Buffer.from(csv);
    const head = bytes.subarray(0, csv.indexOf('Messaging Usage') - 40);
    const c = classifyText(head, { size: bytes.length });
    expect(c.headers).not.toContain('Section');
    const table = { unified: c.headers, contextColumns: c.contextColumns ?? [], context: { kind: c.sections![0]!.kind, accountNumber: c.sections![0]!.accountNumber! } };
    const stream = parseDelimitedRows(inChunks(bytes, 64), utf8({ headerRow: c.headerRow, table }));
    const rows = await collect(stream);
    const headers = stream.headers();
    expect(headers.slice(0, c.headers.length)).toEqual(c.headers);
    expect(headers).toContain('Section');
    const full = rows.map((r) => [...r.cells, ...stream.fillFor(r.row, r.cells.length)]);
    expect(full.every((cells) => cells.length === headers.length)).toBe(true);
    expect(full[0]![headers.indexOf('Section')]).toBe('voice');
    expect(full[voice]![headers.indexOf('Section')]).toBe('messaging');
  });

  it('can be iterated only once', async () => {
    const stream = parseDelimitedRows(inChunks(Buffer.from('a,b\n1,2\n'), 1024), utf8());
    await collect(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/only once/);
  });
});

describe('a documented export without a header row', () => {
  // Asterisk cdr_csv's Master.csv: fixed column order, no header line, 17 columns (uniqueid, no userfield)
  const master = [
    '"","201","13125550143","from-internal","""Reception"" <201>","SIP/201-0000a1","SIP/carrier-0000a2","Dial","SIP/carrier/13125550143,60","2026-04-01 09:00:05","2026-04-01 09:00:12","2026-04-01 09:03:12",187,180,"ANSWERED","DOCUMENTATION","1775034005.11"',
    '"","+13125550188","3125550100","from-trunk","""CALLER"" <+13125550188>","SIP/carrier-0000a3","SIP/201-0000a4","Dial","SIP/201,20","2026-04-01 10:15:00","","2026-04-01 10:15:20",20,0,"NO ANSWER","DOCUMENTATION","1775038500.12"',
    '"INTL","201","011442079460958","from-internal","""Reception"" <201>","SIP/201-0000a5","SIP/carrier-0000a6","Dial","SIP/carrier/011442079460958","2026-04-01 11:00:00","2026-04-01 11:00:09","2026-04-01 11:10:09",609,600,"ANSWERED","BILLING","1775042400.13"',
  ];
  const bytes = Buffer.from(`${master.join('\r\n')}\r\n`);

  it('is classified under its documented column names, every line data', () => {
    const c = classifyText(bytes, { filename: 'Master.csv', size: bytes.length });
    expect(c).toMatchObject({ headerRow: -1, impliedHeader: 'asterisk-cdr-csv', rowEstimate: 3 });
    expect(c.headers).toEqual(['accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata', 'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags', 'uniqueid']);
    expect(c.sampleRows?.[0]?.[2]).toBe('13125550143');
  });

  it('reads its first line as a row', async () => {
    const c = classifyText(bytes, { filename: 'Master.csv', size: bytes.length });
    const stream = parseDelimitedRows(inChunks(bytes, 50), utf8({ headerRow: c.headerRow, impliedHeaders: c.headers }));
    const rows = await collect(stream);
    expect(rows.map((r) => [r.row, r.cells[1], r.cells[13]])).toEqual([[1, '201', '180'], [2, '+13125550188', '0'], [3, '201', '600']]);
    expect(stream.stats.headers).toHaveLength(17);
    // byte ranges are read after the file's own header line, which this file lacks: one pass
    const classified = { ...c, schema: { name: 'call_record', confidence: 1, reason: 'test' } };
    expect(isSplittable(classified)).toBe(false);
    const { impliedHeader: _implied, ...withHeader } = classified;
    expect(isSplittable(withHeader)).toBe(true);
  });

  it('is not assumed for other header-less rows', () => {
    const other = Buffer.from('2026-04-01 09:00:05,13125550143,187\n2026-04-01 10:15:00,13125550188,20\n');
    expect(() => classifyText(other, { filename: 'x.csv', size: other.length })).toThrow(HeaderNotFoundError);
  });
});
