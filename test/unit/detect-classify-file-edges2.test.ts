import { describe, expect, it } from 'vitest';
import { classifyFile, type FileBytes } from '../../functions/core/detect/classify-file.ts';
import { XLSX_LIMITS } from '../../functions/core/parse/container-limits.ts';
import { DEFAULT_PARSE_LIMITS } from '../../functions/core/parse/parse-limits.ts';
import { LimitExceededError, NoDataRowsError, TruncatedFileError } from '../../functions/core/errors.ts';
import { callLogXlsx, drawPdf, entry, writeZip } from '../fixtures/formats/builders.ts';
import { rezipBehindPadding } from '../helpers/rezip.ts';

// classifyFile's edges not reached by the other classify-file tests: the type of a ZIP told
// by its directory, the end of a long NDJSON file, merged cells of a sheet, a sheet stored
// outside xl/worksheets/, and the PDF's limits, last line and empty table.

const HEAD = 256 * 1024;

function bytes(buf: Buffer): FileBytes {
  return { head: buf.subarray(0, HEAD), readAll: () => Promise.resolve(buf), readHead: (n) => Promise.resolve(buf.subarray(0, n)) };
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const COLUMNS = 'ABCDEFGH';

/** A one-sheet workbook written by hand: rows of text, merged ranges, and where the sheet is stored. */
function book(rows: string[][], opts: { merges?: string[]; target?: string } = {}): Buffer {
  const target = opts.target ?? 'worksheets/sheet1.xml';
  const data = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((t, c) => (t === '' ? '' : cell(`${COLUMNS[c]}${r + 1}`, t))).join('')}</row>`).join('');
  const merges = opts.merges?.length ? `<mergeCells count="${opts.merges.length}">${opts.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return writeZip([
    entry('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    entry('xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="Calls" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    entry('xl/_rels/workbook.xml.rels', `<Relationships><Relationship Id="rId1" Target="${target}"/></Relationships>`),
    entry(`xl/${target}`, `<worksheet><sheetData>${data}</sheetData>${merges}</worksheet>`),
  ]);
}

const PDF_COLUMNS = [40, 110, 180, 290, 400, 470];
const PDF_HEADER = ['Date', 'Time', 'Number', 'Location', 'Minutes', 'Charge'];
const call = (n: number) => [`10/0${n}/2025`, `${n}:05 PM`, `(415) 604-170${n}`, 'BOSTON MA', String(n), `$${n}.10`];

/** A one-page statement: the header, then each row 14 points below the last (an empty cell is left out, so `[]` leaves a gap). */
function statement(rows: string[][]): Promise<Buffer> {
  return drawPdf((doc) => {
    doc.fontSize(9);
    PDF_HEADER.forEach((h, i) => doc.text(h, PDF_COLUMNS[i]!, 90, { lineBreak: false }));
    rows.forEach((values, r) => values.forEach((v, i) => v !== '' && doc.text(v, PDF_COLUMNS[i]!, 110 + r * 14, { lineBreak: false })));
  });
}

describe('classifyFile: a ZIP told by its central directory', () => {
  it('sets the type mismatch by the format found, not by the unknown ZIP of the head', async () => {
    const padded = await rezipBehindPadding(await callLogXlsx(), 'XLSX', XLSX_LIMITS);
    expect(padded.subarray(0, HEAD).includes('xl/')).toBe(false);
    expect(await classifyFile(bytes(padded), { size: padded.length, filename: 'calls.xlsx' })).toMatchObject({ format: 'xlsx', typeMismatch: false });
    expect(await classifyFile(bytes(padded), { size: padded.length, filename: 'calls.csv' })).toMatchObject({ format: 'xlsx', typeMismatch: true });
    expect(await classifyFile(bytes(padded), { size: padded.length })).toMatchObject({ format: 'xlsx', typeMismatch: false });
  });

  it('names an unknown ZIP cut short a ZIP file', async () => {
    const zip = writeZip([entry('photos/a.txt', 'x'.repeat(1000)), entry('photos/b.txt', 'y')]);
    const cut = zip.subarray(0, zip.length - 30);
    const err = await classifyFile(bytes(cut), { size: cut.length }).catch((e: unknown) => e);
    expect(err).toEqual(new TruncatedFileError('The ZIP file is truncated or not a complete ZIP archive: its central directory is missing'));
  });
});

describe('classifyFile: the longer head of a JSON file', () => {
  it('reads a whole NDJSON file without a final newline to its last record', async () => {
    const lines = Buffer.from(`${JSON.stringify({ note: 'y'.repeat(300 * 1024), n: '+14155550100' })}\n{"note":"z","n":"+14155550101"}`);
    const c = await classifyFile(bytes(lines), { size: lines.length });
    expect(c).toMatchObject({ format: 'ndjson', headers: ['note', 'n'], rowEstimate: 2 });
    expect(c.sampleRows.map((r) => r[1])).toEqual(['+14155550100', '+14155550101']);
  });

  it('reads a JSON document as JSON when the longer head shows no NDJSON', async () => {
    const doc = Buffer.from(`[${JSON.stringify({ note: 'y'.repeat(300 * 1024), n: '+14155550100' })},\n{"note":"z","n":"+14155550101"}]`);
    const c = await classifyFile(bytes(doc), { size: doc.length });
    expect(c).toMatchObject({ format: 'json', detectedType: 'application/json', headers: ['note', 'n'], rowEstimate: 2 });
  });
});

describe('classifyFile: merged cells of a sheet', () => {
  const header = ['Date', 'Number', 'Minutes'];

  it('fills a date merged down over its calls into each of them', async () => {
    const c = await classifyFile(bytes(book([header, ['2025-10-01', '+14155551000', '3'], ['', '+14155551001', '4']], { merges: ['A2:A3'] })), { size: 1 });
    expect(c.sampleRows).toEqual([
      ['2025-10-01', '+14155551000', '3'],
      ['2025-10-01', '+14155551001', '4'],
    ]);
  });

  it('fills a merge across only above the header, not across a data row', async () => {
    const rows = [['Calls of October'], header, ['2025-10-01', '+14155551000', ''], ['2025-10-02', '+14155551001', '4']];
    const c = await classifyFile(bytes(book(rows, { merges: ['A1:C1', 'B3:C3'] })), { size: 1 });
    expect(c.headers).toEqual(header);
    expect(c.sampleRows).toEqual([
      ['2025-10-01', '+14155551000', ''],
      ['2025-10-02', '+14155551001', '4'],
    ]);
  });

  it('reads a sheet stored outside xl/worksheets/, which has no merged ranges read', async () => {
    const c = await classifyFile(bytes(book([header, ['2025-10-01', '+14155551000', '3'], ['2025-10-02', '+14155551001', '4']], { target: 'sheets/calls.xml' })), { size: 1 });
    expect(c).toMatchObject({ format: 'xlsx', sheet: 'Calls', headers: header, rowEstimate: 2 });
  });
});

describe('classifyFile: a PDF table', () => {
  it('holds a PDF to the limits it is given', async () => {
    const pdf = await statement([call(1), call(2)]);
    expect(await classifyFile(bytes(pdf), { size: pdf.length })).toMatchObject({ format: 'pdf', rowEstimate: 2 });
    const limits = { ...DEFAULT_PARSE_LIMITS, pdfMaxStreamInflatedBytes: 16, pdfMaxInflatedBytes: 16 };
    await expect(classifyFile(bytes(pdf), { size: pdf.length }, limits)).rejects.toThrow(LimitExceededError);
  });

  it('takes a line after the last row, with no break before it, as a row: the PDF is read whole', async () => {
    const c = await classifyFile(bytes(await statement([call(1), call(2), call(3), ['Roaming rates apply']])), { size: 1 });
    expect(c.rowEstimate).toBe(4);
    expect(c.sampleRows[3]).toEqual(['Roaming rates apply', '', '', '', '', '']);
  });

  it('takes short rows as rows of the table, not as the header of a new section', async () => {
    const c = await classifyFile(bytes(await statement([call(1), ['Roaming', 'Paris'], ['10/06/2025', '5'], call(3)])), { size: 1 });
    expect(c.rowEstimate).toBe(4);
    expect(c.headers).toEqual(PDF_HEADER);
    expect(c).not.toHaveProperty('sections');
  });

  it('keeps a line of names after a gap as a row when the row under it fills more columns than it names', async () => {
    const rows = [call(1), call(2), [], ['Zone', 'Rate', 'Country'], ['10/06/2025', '5', 'PARIS FR', 'FRANCE'], call(3)];
    const c = await classifyFile(bytes(await statement(rows)), { size: 1 });
    expect(c.rowEstimate).toBe(5);
    expect(c.sampleRows[2]).toEqual(['Zone', 'Rate', 'Country', '', '', '']);
    expect(c.sampleRows[3]).toEqual(['10/06/2025', '5', 'PARIS FR', 'FRANCE', '', '']);
    expect(c).not.toHaveProperty('sections');
  });

  it('fails a table whose only line under the header is its total', async () => {
    const err = await classifyFile(bytes(await statement([['Total', '', '', '', '3', '$3.30']])), { size: 1 }).catch((e: unknown) => e);
    expect(err).toEqual(new NoDataRowsError('No data rows after the header of the PDF table'));
  });
});
