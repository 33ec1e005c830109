import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, isDateFormat, readSheets, readWorkbookParts } from '../../functions/core/parse/xlsx-rows.ts';
import { CorruptFileError, HeaderNotFoundError, TruncatedFileError } from '../../functions/core/errors.ts';
import { callLogXlsx, entry, workbook, writeZip } from '../fixtures/formats/builders.ts';
import { classifyAndParse } from '../helpers/parse-file.ts';


describe('XLSX classification and rows', () => {
  it('picks the first sheet with a table, skips the preamble, reads dates, times and cached formula values', async () => {
    const { classification, rows, stream } = await classifyAndParse(await callLogXlsx({ rows: 10 }));
    expect(classification).toMatchObject({
      format: 'xlsx',
      sheetNames: ['Read me', 'Calls'],
      sheet: 'Calls',
      headerRow: 3,
      headers: ['Date', 'Time', 'Number', 'Minutes', 'Cost', 'Account Number'],
      contextColumns: ['Account Number'],
      rowEstimate: 10,
      sections: [{ kind: 'voice', title: 'Acme Wireless — Call Detail', accountNumber: '555-123-9876', headerRow: 3 }],
    });
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({ row: 1, line: 5, cells: ['2025-10-02', '09:05:00', '(415) 604-1700', '1', '0.1', '555-123-9876'] });
    expect(rows[9]!.cells.slice(0, 5)).toEqual(['2025-10-11', '18:14:00', '(415) 604-1709', '10', '1']);
    // the Total row is skipped; the ghost styled cells in column I add no column
    expect(stream.stats.skipped).toMatchObject({ summary: 1, preamble: 2 });
  });

  it('reads the same dates from a workbook in the 1904 date system', async () => {
    const a = await classifyAndParse(await callLogXlsx({ rows: 3 }));
    const b = await classifyAndParse(await callLogXlsx({ rows: 3, date1904: true }));
    expect(b.rows.map((r) => r.cells)).toEqual(a.rows.map((r) => r.cells));
  });

  it('fills merged header cells and finds the header under a merged group row', async () => {
    const buf = await workbook((wb) => {
      const ws = wb.addWorksheet('Usage');
      ws.addRow(['Date', 'Call', null, 'Cost']);
      ws.addRow([null, 'Number', 'Minutes', null]);
      ws.mergeCells('A1:A2');
      ws.mergeCells('B1:C1');
      ws.mergeCells('D1:D2');
      ws.addRow(['2025-10-02', '+14155550100', 3, 1.5]);
      ws.addRow(['2025-10-03', '+14155550101', 4, 2]);
    });
    const { classification, rows } = await classifyAndParse(buf);
    expect(classification).toMatchObject({ headerRow: 1, headers: ['Date', 'Number', 'Minutes', 'Cost'] });
    expect(rows.map((r) => r.cells)).toEqual([
      ['2025-10-02', '+14155550100', '3', '1.5'],
      ['2025-10-03', '+14155550101', '4', '2'],
    ]);
  });

  it('names data columns without a header, ignores ghost rows, and pads short rows', async () => {
    const buf = await workbook((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['Number', 'Minutes']);
      ws.addRow(['+14155550100', 3, 'roaming']);
      ws.addRow(['+14155550101']);
      for (let r = 10; r < 200; r++) ws.getRow(r).getCell(1).numFmt = '0.00';
    });
    const { classification, rows } = await classifyAndParse(buf);
    expect(classification.headers).toEqual(['Number', 'Minutes', 'Column 3']);
    expect(rows.map((r) => [r.cells, r.error])).toEqual([
      [['+14155550100', '3', 'roaming'], undefined],
      [['+14155550101', '', ''], undefined],
    ]);
  });

  it('samples a long sheet without a table and moves on; estimates rows from the used range; reports a late extra cell', async () => {
    const buf = await workbook((wb) => {
      const log = wb.addWorksheet('Log');
      for (let i = 0; i < 700; i++) log.addRow([`note ${i}`]);
      const calls = wb.addWorksheet('Calls');
      calls.addRow(['Date', 'Number', 'Minutes']);
      for (let i = 0; i < 800; i++) calls.addRow(['2025-10-02', `+1415555${1000 + i}`, i]);
      calls.getRow(700).getCell(5).value = 'late extra';
    });
    const { classification, rows } = await classifyAndParse(buf);
    expect(classification).toMatchObject({ sheet: 'Calls', headers: ['Date', 'Number', 'Minutes'], rowEstimate: 800 });
    expect(rows).toHaveLength(800);
    expect(rows.filter((r) => r.error).map((r) => [r.line, r.error])).toEqual([[700, 'expected 3 columns, found 5 (line 700)']]);
  });

  it('fails a workbook without a table, and a damaged or truncated one, with specific errors', async () => {
    const noTable = await workbook((wb) => wb.addWorksheet('Notes').addRow(['Just a note']));
    await expect(classifyAndParse(noTable)).rejects.toThrow(HeaderNotFoundError);
    const good = await callLogXlsx();
    await expect(classifyAndParse(good.subarray(0, Math.floor(good.length * 0.7)))).rejects.toThrow(TruncatedFileError);
  });

  it('reads the parts in the order they depend on, whatever order the archive stores them in, and sheets under any part name', async () => {
    // Sheets first, the shared strings after them, the workbook last, no styles part, and a
    // sheet part not named sheetN.xml: each cell must still come out with its text.
    const sheet = (v: number) =>
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      `<row r="1"><c r="A1" t="s"><v>${v}</v></c><c r="B1" t="s"><v>${v + 1}</v></c></row>` +
      `<row r="2"><c r="A2" t="s"><v>${v + 2}</v></c><c r="B2"><v>42</v></c></row>` +
      `</sheetData></worksheet>`;
    const strings = ['Name', 'Phone', 'Ann', 'Number', 'Minutes', 'Bob'];
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
    const buf = writeZip([
      entry('xl/worksheets/people.xml', sheet(0)),
      entry('xl/worksheets/sheet7.xml', sheet(3)),
      entry('xl/sharedStrings.xml', sst),
      entry(
        'xl/_rels/workbook.xml.rels',
        '<Relationships><Relationship Id="rId1" Target="worksheets/people.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet7.xml"/></Relationships>',
      ),
      entry('xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="People" sheetId="1" r:id="rId1"/><sheet name="Calls" sheetId="2" r:id="rId2"/></sheets></workbook>'),
    ]);
    const parts = await readWorkbookParts(buf);
    const read: Record<string, string[][]> = {};
    for await (const { sheet, rows } of readSheets(buf, parts, () => true)) {
      read[sheet.name] = [];
      for await (const rec of rows) read[sheet.name]!.push(rec.cells);
    }
    expect(read).toEqual({ People: [['Name', 'Phone'], ['Ann', '42']], Calls: [['Number', 'Minutes'], ['Bob', '42']] });
    const only: string[] = [];
    for await (const { sheet } of readSheets(buf, parts, (s) => s.name === 'Calls')) only.push(sheet.name);
    expect(only).toEqual(['Calls']);
  });

  it('fails a text cell whose shared-strings table is missing, rather than reading it as empty', async () => {
    const buf = writeZip([
      entry('xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="Calls" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      entry('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      entry('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'),
    ]);
    await expect(classifyAndParse(buf)).rejects.toThrow(/shared string 0 .*no shared-strings table/);
    await expect(classifyAndParse(buf)).rejects.toThrow(CorruptFileError);
  });

  it('fails a ZIP that is not a workbook inside', async () => {
    const fake = writeZip([entry('xl/styles.xml', '<styleSheet/>'), entry('xl/worksheets/sheet1.xml', '<worksheet/>')]);
    await expect(classifyAndParse(fake)).rejects.toThrow(CorruptFileError);
  });
});

describe('cellText', () => {
  it('renders values as the enrichers read them', () => {
    expect(cellText(45932.67, 'm/d/yyyy h:mm', false)).toBe('2025-10-02T16:04:48');
    expect(cellText(45932, 'mm/dd/yyyy', false)).toBe('2025-10-02');
    expect(cellText(0.5, 'h:mm AM/PM', false)).toBe('12:00:00');
    expect(cellText(1.5, '[h]:mm:ss', false)).toBe('36:00:00');
    expect(cellText(0.1 + 0.2, '0.00', false)).toBe('0.3');
    expect(cellText(14155550100, 'General', false)).toBe('14155550100');
    expect(cellText({ formula: 'A1+1', result: 45932 }, 'yyyy-mm-dd', false)).toBe('2025-10-02');
    expect(cellText({ formula: 'A1', result: { error: '#N/A' } } as ExcelJS.CellValue, undefined, false)).toBe('#N/A');
    expect(cellText({ richText: [{ text: 'Chi' }, { text: 'cago' }] }, undefined, false)).toBe('Chicago');
    expect(cellText(true, undefined, false)).toBe('TRUE');
    expect(cellText(44466, 'yyyy-mm-dd', true)).toBe(cellText(44466 + 1462, 'yyyy-mm-dd', false));
  });

  it('tells date formats from number formats', () => {
    for (const f of ['mm/dd/yyyy', 'd-mmm-yy', 'h:mm:ss AM/PM', '[h]:mm', 'yyyy-mm-dd"T"hh:mm', '[$-409]m/d/yy h:mm AM/PM']) expect(isDateFormat(f)).toBe(true);
    for (const f of ['General', '0.00', '#,##0', '"$"#,##0.00', '0%', '0.00E+00', '@', '[Red]0.00', undefined]) expect(isDateFormat(f)).toBe(false);
  });
});
