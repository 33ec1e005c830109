import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableRow } from 'docx';
import { isSplittable, openDelimitedRange, openRowSource, type RowSourceInput, type RowStream } from '../../functions/core/parse/row-source.ts';
import { classifyFile } from '../../functions/core/detect/classify-file.ts';
import { CorruptFileError, LimitExceededError, UnsupportedFormatError } from '../../functions/core/errors.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../../functions/core/parse/parse-limits.ts';
import { READ_WHOLE_MAX_BYTES } from '../../functions/core/parse/container-limits.ts';
import type { ParsedRow } from '../../functions/core/parse/table-assembler.ts';
import type { Classification } from '../../functions/core/pipeline-types.ts';
import { callLogPdf, docxCell, workbook } from '../fixtures/formats/builders.ts';

// openRowSource hands each format to its reader with what the Classification says about the
// file: these tests give it classifications written out by hand, so each field is seen to count.

const SCHEMA = { name: 'call_record', confidence: 0, reason: '' };

function csvClassification(over: Partial<Classification> = {}): Classification {
  return {
    format: 'csv',
    detectedType: 'text/csv',
    typeMismatch: false,
    encoding: 'utf-8',
    hasBom: false,
    delimiter: ',',
    headerRow: 0,
    headers: ['Date', 'Number', 'Min'],
    lineEnding: 'lf',
    schema: SCHEMA,
    ...over,
  };
}

/** The input of a file held in memory, counting how often its bytes are asked for. */
function input(buf: Buffer, over: Partial<RowSourceInput> = {}) {
  const calls = { stream: 0, readAll: 0 };
  const value: RowSourceInput = {
    stream: () => {
      calls.stream++;
      return Promise.resolve(Readable.from([buf]));
    },
    readAll: () => {
      calls.readAll++;
      return Promise.resolve(buf);
    },
    size: buf.length,
    ...over,
  };
  return { value, calls };
}

async function rowsOf(stream: RowStream): Promise<ParsedRow[]> {
  const rows: ParsedRow[] = [];
  for await (const b of stream) rows.push(...b.rows);
  return rows;
}

async function read(c: Classification, buf: Buffer, over: Partial<RowSourceInput> = {}) {
  const stream = await openRowSource(c, input(buf, over).value);
  const rows = await rowsOf(stream);
  return { stream, rows, full: rows.map((r) => [...r.cells, ...stream.fillFor(r.row, r.cells.length)]) };
}

/** Classify a file as Classify does (the fields a container's reader needs), then change what a test is about. */
async function classified(buf: Buffer, filename: string, over: Partial<Classification> = {}): Promise<Classification> {
  const { sampleRows: _rows, ...rest } = await classifyFile({ head: buf.subarray(0, 256 * 1024), readAll: () => Promise.resolve(buf) }, { filename, size: buf.length });
  return { ...rest, schema: SCHEMA, ...over };
}

describe('openRowSource: delimited text', () => {
  it('reads the file with the classified delimiter, encoding and header row', async () => {
    const text = 'Calls of October\nDate;Number;Place\n10/01;555-0100;Café\n10/02;555-0101;Zürich\n';
    const { stream, rows } = await read(csvClassification({ delimiter: ';', encoding: 'windows-1252', headerRow: 1, headers: ['Date', 'Number', 'Place'] }), Buffer.from(text, 'latin1'));
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [3, ['10/01', '555-0100', 'Café']],
      [4, ['10/02', '555-0101', 'Zürich']],
    ]);
    expect(stream.headers()).toEqual(['Date', 'Number', 'Place']);
    expect(stream.stats.skipped.preamble).toBe(1);
  });

  it('refuses a delimited classification without a delimiter, before reading the file', async () => {
    const { delimiter: _d, ...without } = csvClassification();
    const { value, calls } = input(Buffer.from('Date,Number,Min\n10/01,555-0100,1\n'));
    const error = new CorruptFileError('The classification of a delimited text file has no delimiter');
    await expect(openRowSource(without, value)).rejects.toThrow(error);
    expect(() => openDelimitedRange(without, Readable.from([]), 0)).toThrow(error);
    expect(calls.stream).toBe(0);
  });

  it('reads every line as data under the known names of an export that prints no header', async () => {
    const headers = ['Date', 'Number', 'Min'];
    const { stream, rows } = await read(csvClassification({ headerRow: -1, headers, impliedHeader: 'plain-cdr' }), Buffer.from('10/01,555-0100,1\n10/02,555-0101,2\n'));
    expect(rows.map((r) => r.cells)).toEqual([
      ['10/01', '555-0100', '1'],
      ['10/02', '555-0101', '2'],
    ]);
    expect(stream.headers()).toEqual(headers);
  });

  it("reads the file's own header line, whose names the classification may have renamed", async () => {
    const { stream, rows } = await read(csvClassification({ headers: ['Date', 'Number', 'Number (2)'] }), Buffer.from('Date,Number,Number\n10/01,555-0100,555-0200\n'));
    expect(rows.map((r) => [r.line, r.cells])).toEqual([[2, ['10/01', '555-0100', '555-0200']]]);
    expect(stream.headers()).toEqual(['Date', 'Number', 'Number (2)']);
  });

  it('calls a short row ragged: delimited text has no absent trailing cells', async () => {
    const { rows } = await read(csvClassification(), Buffer.from('Date,Number,Min\n10/01,555-0100\n'));
    expect(rows.map((r) => [r.cells, r.error])).toEqual([[['10/01', '555-0100'], 'expected 3 columns, found 2 (line 2)']]);
  });

  it("fills the context columns of the first section from the classification's section", async () => {
    const c = csvClassification({
      headers: ['Date', 'Number', 'Min', 'Account Number', 'Line Number', 'Section'],
      contextColumns: ['Account Number', 'Line Number', 'Section'],
      sections: [{ kind: 'voice', title: 'Voice Usage', headerRow: 0, headers: ['Date', 'Number', 'Min'], accountNumber: '287-445-1093', lineNumber: '415-708-2231' }],
    });
    const text = 'Date,Number,Min\n10/01,555-0100,1\n\nData Usage\nDate,Number,KB\n10/02,555-0101,300\n';
    const { stream, full } = await read(c, Buffer.from(text));
    expect(stream.headers()).toEqual(['Date', 'Number', 'Min', 'Account Number', 'Line Number', 'Section', 'KB']);
    expect(full).toEqual([
      ['10/01', '555-0100', '1', '287-445-1093', '415-708-2231', 'voice', ''],
      ['10/02', '555-0101', '', '287-445-1093', '415-708-2231', 'data', '300'],
    ]);
  });

  it('leaves the context of a section the classification names without an account or line empty', async () => {
    const c = csvClassification({
      headers: ['Date', 'Number', 'Min', 'Section'],
      contextColumns: ['Section'],
      sections: [{ kind: 'voice', headerRow: 0, headers: ['Date', 'Number', 'Min'] }],
    });
    const text = 'Date,Number,Min\n10/01,555-0100,1\n\nAccount Number: 999-000-1111\nDate,Number,Min\n10/02,555-0101,2\n';
    const { stream, full } = await read(c, Buffer.from(text));
    expect(stream.headers()).toEqual(['Date', 'Number', 'Min', 'Section', 'Account Number']);
    expect(full).toEqual([
      ['10/01', '555-0100', '1', 'voice', ''],
      ['10/02', '555-0101', '2', 'voice', '999-000-1111'],
    ]);
  });
});

describe('openRowSource: JSON', () => {
  it('reads NDJSON as NDJSON under the classified header, held to the depth limit given', async () => {
    const text = '{"Date":"10/01","Number":"555-0100"}\n{"Date":"10/02","Number":"555-0101","Note":{"a":{"b":1}}}\n';
    const c = csvClassification({ format: 'ndjson', detectedType: 'application/x-ndjson', headers: ['Date', 'Number'] });
    delete c.delimiter;
    const { rows } = await read(c, Buffer.from(text));
    expect(rows.map((r) => r.cells.slice(0, 2))).toEqual([
      ['10/01', '555-0100'],
      ['10/02', '555-0101'],
    ]);
    const shallow: ParseLimits = { ...DEFAULT_PARSE_LIMITS, jsonMaxDepth: 2 };
    await expect(read(c, Buffer.from(text), { limits: shallow })).rejects.toThrow(LimitExceededError);
  });

  it('reads a JSON document as a document, in its classified encoding', async () => {
    const c = csvClassification({ format: 'json', detectedType: 'application/json', encoding: 'utf-16le', headers: ['Date', 'Place'] });
    delete c.delimiter;
    const { rows } = await read(c, Buffer.from('[{"Date":"10/01","Place":"Zürich"}]', 'utf16le'));
    expect(rows.map((r) => r.cells)).toEqual([['10/01', 'Zürich']]);
  });
});

describe('openRowSource: workbooks', () => {
  const twoSheets = () =>
    workbook((wb) => {
      const notes = wb.addWorksheet('Notes');
      notes.addRow(['Read me']);
      notes.addRow(['Date', 'Number']);
      notes.addRow(['01/01', '555-0999']);
      const ws = wb.addWorksheet('Calls');
      ws.addRow(['Acme call detail']);
      ws.addRow(['Date', 'Number', 'Place', 'Min']);
      ws.addRow(['10/01', '555-0100', 'Boston', 3]);
      ws.addRow(['10/02', '555-0101', '', 4]);
      ws.mergeCells('A3:A4');
      ws.addRow(['Roaming in Canada', '', '', 5]);
      ws.mergeCells('A5:C5');
      ws.addRow(['10/03', '555-0102']);
    });

  it('reads the classified sheet: vertical merges down every row, horizontal ones only up to the header, short rows padded', async () => {
    const buf = await twoSheets();
    // (Classify takes the first sheet with a table: here the notes)
    const c = await classified(buf, 'calls.xlsx', { sheet: 'Calls', headerRow: 1, headers: ['Date', 'Number', 'Place', 'Min'], sections: undefined });
    const { rows, stream } = await read(c, buf);
    expect(stream.headers()).toEqual(['Date', 'Number', 'Place', 'Min']);
    expect(rows.map((r) => [r.line, r.cells, r.error])).toEqual([
      [3, ['10/01', '555-0100', 'Boston', '3'], undefined],
      [4, ['10/01', '555-0101', '', '4'], undefined],
      [5, ['Roaming in Canada', '', '', '5'], undefined],
      [6, ['10/03', '555-0102', '', ''], undefined],
    ]);
    expect(stream.stats.bytesRead).toBe(buf.length);
  });

  it('fails when the classified sheet is not in the workbook, or the classification names none', async () => {
    const buf = await twoSheets();
    const c = await classified(buf, 'calls.xlsx', { sheet: 'Gone' });
    await expect(read(c, buf)).rejects.toThrow(new CorruptFileError('The workbook has no sheet named "Gone"'));
    const { sheet: _s, ...unnamed } = c;
    await expect(read(unnamed, buf)).rejects.toThrow(new CorruptFileError('The workbook has no sheet named ""'));
  });

  it("reads a sheet under the classification's header, which names a column the sheet leaves unnamed", async () => {
    const buf = await workbook((wb) => {
      const ws = wb.addWorksheet('Calls');
      ws.addRow(['Date', 'Number', '']);
      ws.addRow(['10/01', '555-0100', 'x']);
      ws.addRow(['10/02', '555-0101', 'y']);
    });
    const c = await classified(buf, 'calls.xlsx');
    expect(c.headers).toEqual(['Date', 'Number', 'Column 3']);
    for (const sections of [c.sections, undefined]) {
      const { rows, stream } = await read({ ...c, sections }, buf);
      expect(stream.headers()).toEqual(['Date', 'Number', 'Column 3']);
      expect(rows.map((r) => [r.cells, r.error])).toEqual([
        [['10/01', '555-0100', 'x'], undefined],
        [['10/02', '555-0101', 'y'], undefined],
      ]);
    }
  });

  it('knows a repeated header by its names over every column a merged header cell spans', async () => {
    const buf = await workbook((wb) => {
      const ws = wb.addWorksheet('Calls');
      ws.addRow(['Number', '', 'Min']);
      ws.mergeCells('A1:B1');
      ws.addRow(['555-0100', '555-0200', 3]);
      ws.addRow(['Number', 'Number', 'Min']);
      ws.addRow(['555-0101', '555-0201', 4]);
    });
    const c = await classified(buf, 'calls.xlsx');
    expect(c.headerRow).toBe(0);
    const { rows, stream } = await read(c, buf);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(stream.stats.skipped.repeatedHeader).toBe(1);
  });

  it("takes the context columns out of a sheet's header: a cell past the sheet's own columns is no account number", async () => {
    const buf = await workbook((wb) => {
      const ws = wb.addWorksheet('Calls');
      ws.addRow(['Date', 'Number']);
      ws.addRow(['10/01', '555-0100', 'stray']);
    });
    const c = csvClassification({ format: 'xlsx', sheet: 'Calls', headers: ['Date', 'Number', 'Account Number'], contextColumns: ['Account Number'] });
    const { rows } = await read(c, buf);
    expect(rows.map((r) => [r.cells, r.error])).toEqual([[['10/01', '555-0100', ''], 'expected 2 columns, found 3 (line 2)']]);
  });

  it('names the sheet when it ends before its header', async () => {
    const buf = await twoSheets();
    const c = await classified(buf, 'calls.xlsx', { sheet: 'Calls', headerRow: 40 });
    await expect(read(c, buf)).rejects.toThrow(/^sheet "Calls" ends before its header/);
  });

  it('refuses a workbook too big to read whole without reading it', async () => {
    const buf = await twoSheets();
    const c = await classified(buf, 'calls.xlsx', { sheet: 'Calls' });
    const { value, calls } = input(buf, { size: READ_WHOLE_MAX_BYTES.xlsx + 1 });
    await expect(openRowSource(c, value).then(rowsOf)).rejects.toThrow(LimitExceededError);
    expect(calls.readAll).toBe(0);
  });
});

describe('openRowSource: Word and PDF', () => {
  const table = (rows: string[][]) => new Table({ rows: rows.map((cells) => new TableRow({ children: cells.map(docxCell) })) });
  const twoTables = () =>
    Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph('Calls'),
              table([
                ['Date', 'Number', 'Min'],
                ['10/01', '555-0100', '1'],
                ['10/02', '555-0101', '2'],
                ['10/03', '555-0102'],
              ]),
              new Paragraph('Messages'),
              table([
                ['Date', 'To', 'Type'],
                ['10/04', '555-0200', 'SMS'],
              ]),
            ],
          },
        ],
      }),
    );

  it('reads the table the classification names, or the one with the most rows; a short row is padded', async () => {
    const buf = await twoTables();
    const c = await classified(buf, 'calls.docx');
    expect(c.table).toBe(1);
    expect((await read(c, buf)).rows.map((r) => [r.cells, r.error])).toEqual([
      [['10/01', '555-0100', '1'], undefined],
      [['10/02', '555-0101', '2'], undefined],
      [['10/03', '555-0102', ''], undefined],
    ]);
    const second = { ...c, table: 2, headers: ['Date', 'To', 'Type'], sections: undefined };
    const { rows, stream } = await read(second, buf);
    expect(rows.map((r) => r.cells)).toEqual([['10/04', '555-0200', 'SMS']]);
    expect(stream.stats.bytesRead).toBe(buf.length);
    const { table: _t, ...unnamed } = c;
    expect((await read(unnamed, buf)).rows).toHaveLength(3);
  });

  it('names the Word table when it ends before its header', async () => {
    const buf = await twoTables();
    const c = await classified(buf, 'calls.docx', { table: 2, headerRow: 9 });
    await expect(read(c, buf)).rejects.toThrow(/^table 2 ends before its header/);
  });

  it('reads the PDF table with its page furniture counted, held to the limits given, and names it in errors', async () => {
    const buf = await callLogPdf({ pages: 2, rowsPerPage: 5 });
    const c = await classified(buf, 'calls.pdf');
    const { rows, stream } = await read(c, buf);
    expect(rows).toHaveLength(10);
    expect(stream.stats.skipped.pageFurniture).toBeGreaterThan(0);
    expect(stream.stats.bytesRead).toBe(buf.length);
    const tiny: ParseLimits = { ...DEFAULT_PARSE_LIMITS, pdfMaxInflatedBytes: 10, pdfMaxStreamInflatedBytes: 10 };
    await expect(read(c, buf, { limits: tiny })).rejects.toThrow(LimitExceededError);
    await expect(read({ ...c, headerRow: 500 }, buf)).rejects.toThrow(/^the PDF table ends before its header/);
  });

  it('refuses a format it has no reader for', async () => {
    const { value, calls } = input(Buffer.from('\xd0\xcf\x11\xe0', 'latin1'));
    await expect(openRowSource(csvClassification({ format: 'xls' }), value)).rejects.toThrow(new UnsupportedFormatError('Files of format "xls" cannot be parsed'));
    expect(calls).toEqual({ stream: 0, readAll: 0 });
  });
});

describe('isSplittable', () => {
  const splittable = csvClassification();

  it('splits one-table delimited text with a one-byte ASCII delimiter, in a byte-safe encoding, with LF or CRLF line ends', () => {
    expect(isSplittable(splittable)).toBe(true);
    for (const encoding of ['utf-8', 'ascii', 'us-ascii', 'windows-1252', 'iso-8859-1', 'latin1', 'UTF-8', 'Windows-1252']) {
      expect(isSplittable({ ...splittable, encoding }), encoding).toBe(true);
    }
    for (const lineEnding of ['lf', 'crlf', undefined] as const) expect(isSplittable({ ...splittable, lineEnding }), String(lineEnding)).toBe(true);
    expect(isSplittable({ ...splittable, delimiter: '\t' })).toBe(true);
    expect(isSplittable({ ...splittable, sections: [{ kind: 'voice', headerRow: 0, headers: splittable.headers }] })).toBe(true);
  });

  it('reads anything else in one pass', () => {
    const { delimiter: _d, ...noDelimiter } = splittable;
    const cases: [string, Classification][] = [
      ['JSON', { ...splittable, format: 'json' }],
      ['no delimiter', noDelimiter],
      ['a two-character delimiter', { ...splittable, delimiter: '||' }],
      ['a delimiter outside ASCII', { ...splittable, delimiter: '\u00a6' }],
      ['a delimiter at the edge of ASCII', { ...splittable, delimiter: '\u0080' }],
      ['UTF-16', { ...splittable, encoding: 'utf-16le' }],
      ['Shift JIS', { ...splittable, encoding: 'shift_jis' }],
      ['old Mac line ends', { ...splittable, lineEnding: 'cr' }],
      ['mixed line ends', { ...splittable, lineEnding: 'mixed' }],
      ['two sections', { ...splittable, sections: [{ kind: 'voice', headerRow: 0, headers: ['A'] }, { kind: 'data', headerRow: 5, headers: ['B'] }] }],
      ['no header line', { ...splittable, impliedHeader: 'plain-cdr', headerRow: -1 }],
    ];
    for (const [what, c] of cases) expect(isSplittable(c), what).toBe(false);
    expect(isSplittable({ ...splittable, delimiter: '\u007f' })).toBe(true);
  });
});

describe('openDelimitedRange', () => {
  const c = csvClassification({ headerRow: 1 });
  // the header bytes (preamble and header), then a range of the file's data lines
  const source = (text: string) => Readable.from([Buffer.from(`Acme calls\nDate,Number,Min\n${text}`)]);

  it("numbers a range's rows as the file's lines, in batches of the size asked for", async () => {
    const stream = openDelimitedRange(c, source('10/05,555-0100,1\n10/06,555-0101,2\n10/07,555-0102,3\n'), 40, { batchSize: 2 });
    const batches: number[][] = [];
    for await (const b of stream) batches.push(b.rows.map((r) => r.line));
    expect(batches).toEqual([
      [43, 44],
      [45],
    ]);
    expect(stream.headers()).toEqual(['Date', 'Number', 'Min']);
  });

  it('reads a range without rows as part of a file, not as a file without data', async () => {
    await expect(rowsOf(openDelimitedRange(c, source(''), 40))).resolves.toEqual([]);
  });

  it("reports the part of the file's warnings asked for", async () => {
    const text = 'Date,Number,Number\n10/05,555-0100,555-0200\n';
    const all = openDelimitedRange({ ...c, headerRow: 0 }, Readable.from([Buffer.from(text)]), 0);
    await rowsOf(all);
    expect(all.warnings()).not.toEqual([]);
    const rowsOnly = openDelimitedRange({ ...c, headerRow: 0 }, Readable.from([Buffer.from(text)]), 0, { warnings: 'rows' });
    await rowsOf(rowsOnly);
    expect(rowsOnly.warnings()).toEqual([]);
  });
});
