import { describe, expect, it } from 'vitest';
import { classifyFile, type FileBytes } from '../../functions/core/detect/classify-file.ts';
import { HeaderNotFoundError, LimitExceededError, NoDataRowsError } from '../../functions/core/errors.ts';
import { entry, writeZip } from '../fixtures/formats/builders.ts';

// How classifyFile picks a workbook's sheet and counts its rows, on workbooks written by hand.

interface Sheet {
  name: string;
  hidden?: boolean;
  rows: string[][];
  /** the used range's last row, written as `<dimension>` (none by default) */
  lastRow?: number;
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const column = (i: number): string => (i < 26 ? '' : column(Math.floor(i / 26) - 1)) + String.fromCharCode(65 + (i % 26));

function sheetXml(s: Sheet): string {
  const rows = s.rows.map((cells, r) => `<row r="${r + 1}">${cells.map((t, c) => (t === '' ? '' : cell(`${column(c)}${r + 1}`, t))).join('')}</row>`).join('');
  return `<worksheet>${s.lastRow !== undefined ? `<dimension ref="A1:C${s.lastRow}"/>` : ''}<sheetData>${rows}</sheetData></worksheet>`;
}

function book(sheets: Sheet[]): Buffer {
  const list = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('');
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return writeZip([
    entry('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    entry('xl/workbook.xml', `<workbook xmlns:r="r"><sheets>${list}</sheets></workbook>`),
    entry('xl/_rels/workbook.xml.rels', `<Relationships>${rels}</Relationships>`),
    ...sheets.map((s, i) => entry(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s))),
  ]);
}

const bytes = (buf: Buffer): FileBytes => ({ head: buf, readAll: () => Promise.resolve(buf) });
const classify = (buf: Buffer) => classifyFile(bytes(buf), { size: buf.length });
const calls = (n: number, from = 0): string[][] => Array.from({ length: n }, (_, i) => [`2025-10-${String(((from + i) % 28) + 1).padStart(2, '0')}`, `+1415555${String(1000 + from + i)}`, String((from + i) % 9)]);
const HEADER = ['Date', 'Number', 'Minutes'];

describe('classifyFile: which sheet of a workbook', () => {
  it('takes a visible sheet before a hidden one, whatever their order', async () => {
    const c = await classify(book([{ name: 'Old', hidden: true, rows: [HEADER, ...calls(3)] }, { name: 'Calls', rows: [HEADER, ...calls(2)] }]));
    expect(c).toMatchObject({ format: 'xlsx', sheet: 'Calls', sheetNames: ['Old', 'Calls'], rowEstimate: 2 });
  });

  it('falls back to a hidden sheet when no visible one has a table', async () => {
    const c = await classify(book([{ name: 'Notes', rows: [['Read me']] }, { name: 'Old', hidden: true, rows: [HEADER, ...calls(3)] }]));
    expect(c).toMatchObject({ sheet: 'Old', rowEstimate: 3 });
  });

  it("names the first sheet's failure when no sheet has a table", async () => {
    const err = await classify(book([{ name: 'First', rows: [['1', '2'], ['3', '4']] }, { name: 'Second', rows: [['5', '6', '7']] }])).catch((e: unknown) => e);
    expect(err).toEqual(new HeaderNotFoundError('No header row found in the first 2 rows of sheet "First": expected a row of column names followed by data'));
  });

  it('stops at a sheet whose header is too long, though a later sheet would do', async () => {
    // 1,100 names of 59 characters and their separators: more than the 64 KiB a header may have
    const wide = Array.from({ length: 1100 }, (_, i) => `Measurement ${String(i).padStart(4, '0')} ${'of the call '.repeat(4)}`.slice(0, 60));
    const data = (n: number) => Array.from({ length: 1100 }, (_, i) => String(n * i));
    const err = await classify(book([{ name: 'Wide', rows: [wide, data(1), data(2)] }, { name: 'Calls', rows: [HEADER, ...calls(2)] }])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LimitExceededError);
    expect((err as Error).message).toMatch(/^The header row is 66000 characters long \(1100 columns\)/);
  });

  it('says whether the workbook has no sheets or only empty ones', async () => {
    await expect(classify(book([]))).rejects.toThrow(new NoDataRowsError('The workbook has no data: no sheets'));
    // a used range declared over no values is still empty
    await expect(classify(book([{ name: 'Empty', rows: [], lastRow: 10 }, { name: 'Blank', rows: [['', ' ']] }]))).rejects.toThrow(
      new NoDataRowsError('The workbook has no data: every sheet is empty'),
    );
  });
});

describe('classifyFile: the rows of a long sheet', () => {
  it('counts the sheet whole when it fits in the sample, whatever its used range says', async () => {
    const c = await classify(book([{ name: 'Calls', rows: [HEADER, ...calls(499)], lastRow: 900 }]));
    expect(c.rowEstimate).toBe(499);
  });

  it("takes a longer sheet's count from its used range, less the rows above the header", async () => {
    const c = await classify(book([{ name: 'Calls', rows: [['Calls of October'], HEADER, ...calls(700)], lastRow: 702 }]));
    expect(c.rowEstimate).toBe(700);
  });

  it('counts what it sampled of a longer sheet without a used range', async () => {
    const c = await classify(book([{ name: 'Calls', rows: [HEADER, ...calls(700)] }]));
    expect(c.rowEstimate).toBe(499);
  });

  it('reads no row past the sample: a wider row after it is left to Parse', async () => {
    const rows = [HEADER, ...calls(499), [...calls(1, 499)[0]!, 'late note']];
    const c = await classify(book([{ name: 'Calls', rows, lastRow: 501 }]));
    expect(c.headers).toEqual(HEADER);
    expect(c.rowEstimate).toBe(500);
  });
});
