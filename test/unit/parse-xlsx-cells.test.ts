import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, isDateFormat, MergeFiller, readSheets, readWorkbookParts, type MergeRange } from '../../functions/core/parse/xlsx-rows.ts';
import { CorruptFileError } from '../../functions/core/errors.ts';
import { workbook } from '../fixtures/formats/builders.ts';

const DAY = 86_400_000;
/** Excel's day 1 in the 1900 system is 1900-01-01; from day 61 (1900-03-01) on, serial n is 1899-12-30 + n days (day 60 is the 29 February 1900 Excel believes in). */
const excel1900 = (iso: string) => (Date.parse(`${iso}Z`) - Date.UTC(1899, 11, 30)) / DAY;
/** In the 1904 system day 0 is 1904-01-01. */
const excel1904 = (iso: string) => (Date.parse(`${iso}Z`) - Date.UTC(1904, 0, 1)) / DAY;

describe('cellText: values that are not dates', () => {
  it('reads empty, text, boolean and number values', () => {
    expect(cellText(null, 'yyyy-mm-dd', false)).toBe('');
    expect(cellText(undefined, undefined, false)).toBe('');
    expect(cellText('12/31/2025', 'yyyy-mm-dd', false)).toBe('12/31/2025');
    expect(cellText(true, undefined, false)).toBe('TRUE');
    expect(cellText(false, undefined, false)).toBe('FALSE');
    expect(cellText(42, undefined, false)).toBe('42');
    expect(cellText(-3, '0.00', false)).toBe('-3');
    expect(cellText(1.1 * 3, '0.00', false)).toBe('3.3');
    expect(cellText(2.675, 'General', false)).toBe('2.675');
    expect(cellText(2 ** 53, 'General', false)).toBe('9007199254740992');
    expect(cellText(Number.POSITIVE_INFINITY, undefined, false)).toBe('');
    expect(cellText(Number.NaN, '0', false)).toBe('');
  });

  it('reads rich text, errors, hyperlinks and cached formula results', () => {
    expect(cellText({ richText: [{ text: 'New ' }, { text: 'York' }] }, undefined, false)).toBe('New York');
    expect(cellText({ error: '#REF!' } as ExcelJS.CellValue, undefined, false)).toBe('#REF!');
    expect(cellText({ text: 'call us', hyperlink: 'tel:+14155550100' }, undefined, false)).toBe('call us');
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' } as unknown as ExcelJS.CellValue, undefined, false)).toBe('ab');
    expect(cellText({ formula: 'A1', result: 'text' } as ExcelJS.CellValue, undefined, false)).toBe('text');
    expect(cellText({ formula: 'A1', result: 7 } as ExcelJS.CellValue, '0', false)).toBe('7');
    expect(cellText({ sharedFormula: 'B2', result: 45932 } as ExcelJS.CellValue, 'yyyy-mm-dd', false)).toBe('2025-10-02');
    expect(cellText({ formula: 'A1' } as ExcelJS.CellValue, undefined, false)).toBe('');
    expect(cellText({ formula: 'A1', result: null } as unknown as ExcelJS.CellValue, undefined, false)).toBe('');
    expect(cellText({ formula: 'A1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue, undefined, false)).toBe('#DIV/0!');
    expect(cellText({ formula: 'A1', result: Number.NaN } as ExcelJS.CellValue, undefined, false)).toBe('');
    expect(cellText({ formula: 'A1', result: new Date(Date.UTC(2025, 9, 2)) } as ExcelJS.CellValue, 'yyyy-mm-dd', false)).toBe('2025-10-02');
    expect(cellText({ something: 1 } as unknown as ExcelJS.CellValue, undefined, false)).toBe('');
  });

  it('reads a number or date the reader could not make out as empty, whatever the format, rather than failing the workbook', () => {
    expect(cellText(Number.NaN, 'yyyy-mm-dd', false)).toBe('');
    expect(cellText(Number.NEGATIVE_INFINITY, '[h]:mm', false)).toBe('');
    expect(cellText(new Date(Number.NaN), 'yyyy-mm-dd', false)).toBe('');
    expect(cellText({ formula: 'A1', result: Number.NaN } as ExcelJS.CellValue, 'm/d/yy', false)).toBe('');
  });

  it('fails a cell that names a shared string the workbook does not have', () => {
    const read = () => cellText({ sharedString: 12 } as unknown as ExcelJS.CellValue, undefined, false);
    expect(read).toThrow(CorruptFileError);
    expect(read).toThrow(/shared string 12 and the workbook has no shared-strings table/);
  });
});

describe('isDateFormat', () => {
  it('sees dates and times in the format codes Excel uses for them', () => {
    for (const f of ['yyyy', 'd', 'mmm-yy', 'hh', 'ss', 'mm:ss', '[S]', '[mm]', '[hh]', '[MM]:SS', '[Blue]yyyy-mm-dd', 'DD/MM/YYYY', '"on "d mmm'])
      expect(isDateFormat(f), f).toBe(true);
  });

  it('ignores letters that are quoted, escaped, bracketed, padded or repeated', () => {
    for (const f of [
      '',
      '0.00 "days"',
      '0.00" hrs"',
      '0\\d',
      '0\\h\\s',
      '[Red]0.00',
      '[Yellow]#,##0',
      '[$USD]0',
      '0.00_d',
      '#,##0_s',
      '*y0',
      '* #,##0',
      '"y"0"d"',
    ])
      expect(isDateFormat(f), f).toBe(false);
  });
});

describe('cellText: serial dates and times', () => {
  it('reads serials in the 1900 date system, from 1 March 1900 on', () => {
    expect(cellText(excel1900('2025-10-02T00:00:00'), 'yyyy-mm-dd', false)).toBe('2025-10-02');
    expect(cellText(61, 'd-mmm-yy', false)).toBe('1900-03-01');
    expect(cellText(excel1900('1999-12-31T23:59:59'), 'm/d/yyyy h:mm:ss', false)).toBe('1999-12-31T23:59:59');
    expect(cellText(excel1900('2024-02-29T00:00:00'), 'DD/MM/YYYY', false)).toBe('2024-02-29');
  });

  it('reads serials before 1 March 1900 as Excel does, day 1 being 1 January 1900', () => {
    expect(cellText(1, 'yyyy-mm-dd', false)).toBe('1900-01-01');
    expect(cellText(31, 'yyyy-mm-dd', false)).toBe('1900-01-31');
    expect(cellText(59, 'yyyy-mm-dd', false)).toBe('1900-02-28');
    expect(cellText(60, 'yyyy-mm-dd', false)).toBe('1900-02-28');
    expect(cellText(0.5, 'yyyy-mm-dd', false)).toBe('1899-12-30T12:00:00');
    expect(cellText(59, 'yyyy-mm-dd', true)).toBe('1904-02-29');
    expect(cellText(1.25, 'yyyy-mm-dd hh:mm', false)).toBe('1900-01-01T06:00:00');
  });

  it('reads serials in the 1904 date system, day 0 being 1 January 1904', () => {
    expect(cellText(0 + 1, 'yyyy-mm-dd', true)).toBe('1904-01-02');
    expect(cellText(excel1904('2025-10-02T16:05:00'), 'yyyy-mm-dd hh:mm', true)).toBe('2025-10-02T16:05:00');
    expect(cellText(excel1904('1904-03-01T00:00:00'), 'yyyy-mm-dd', true)).toBe('1904-03-01');
  });

  it('rounds to the second', () => {
    expect(cellText(excel1900('2025-10-02T16:00:00') - 0.4 / 86_400, 'yyyy-mm-dd hh:mm:ss', false)).toBe('2025-10-02T16:00:00');
    expect(cellText(excel1900('2025-10-02T16:00:00') + 0.6 / 86_400, 'yyyy-mm-dd hh:mm:ss', false)).toBe('2025-10-02T16:00:01');
  });

  it('gives a date, a time or both as the format shows them', () => {
    const noon = excel1900('2025-10-02T12:00:00');
    const midnight = excel1900('2025-10-02T00:00:00');
    expect(cellText(noon, 'h:mm', false)).toBe('12:00:00');
    expect(cellText(noon, 'mm:ss', false)).toBe('12:00:00');
    expect(cellText(noon, 'HH:MM', false)).toBe('12:00:00');
    expect(cellText(noon, '"d "h:mm', false)).toBe('12:00:00');
    expect(cellText(noon, '[$-409]h:mm', false)).toBe('12:00:00');
    expect(cellText(noon, '[Red]h:mm', false)).toBe('12:00:00');
    expect(cellText(noon, 'yyyy-mm-dd', false)).toBe('2025-10-02T12:00:00');
    expect(cellText(noon, 'mmm', false)).toBe('2025-10-02T12:00:00');
    expect(cellText(noon, 'yyyy h:mm', false)).toBe('2025-10-02T12:00:00');
    expect(cellText(noon, 'General', false)).toBe(String(noon));
    expect(cellText(noon, '@', false)).toBe(String(noon));
    expect(cellText(midnight, 'mmm', false)).toBe('2025-10-02');
    expect(cellText(midnight, 'd-mmm h:mm', false)).toBe('2025-10-02T00:00:00');
    expect(cellText(midnight, 'yyyy-mm-dd AM/PM', false)).toBe('2025-10-02T00:00:00');
    expect(cellText(midnight, 'dd a/p', false)).toBe('2025-10-02T00:00:00');
    expect(cellText(midnight, 'mm "hrs"', false)).toBe('2025-10-02');
  });

  it('gives a time alone for day 0 of either epoch when the format shows no date', () => {
    expect(cellText(0.75, 'h:mm', false)).toBe('18:00:00');
    expect(cellText(0.75, 'h:mm', true)).toBe('18:00:00');
    expect(cellText(0, 'hh:mm:ss', false)).toBe('00:00:00');
    expect(cellText(0.25, 'mmm', false)).toBe('1899-12-30T06:00:00');
  });

  it('reads elapsed-time formats as hours past 24', () => {
    expect(cellText(1.5, '[h]:mm:ss', false)).toBe('36:00:00');
    expect(cellText(1.5, '[h]:mm:ss', true)).toBe('36:00:00');
    expect(cellText(125 / 1440 + 7 / 86_400, '[H]:MM:SS', false)).toBe('2:05:07');
    expect(cellText(90 / 86_400, '[mm]:ss', false)).toBe('0:01:30');
    expect(cellText(0.4 / 86_400, '[ss]', false)).toBe('0:00:00');
    expect(cellText(-1 / 24, '[h]:mm', false)).toBe('-1:00:00');
    expect(cellText(10 / 24, '[h]', false)).toBe('10:00:00');
  });
});

describe('cellText: Date values (as the reader gives cells in formats it knows)', () => {
  /** what exceljs's reader makes of serial n: 1899-12-30 (or 1904-01-01) + n days, as UTC */
  const asReader = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY));

  it('reads the wall clock in the cell, in either date system', () => {
    expect(cellText(new Date(Date.UTC(2025, 9, 2)), 'yyyy-mm-dd', false)).toBe('2025-10-02');
    expect(cellText(new Date(Date.UTC(2025, 9, 2, 16, 5)), 'yyyy-mm-dd h:mm', false)).toBe('2025-10-02T16:05:00');
    expect(cellText(new Date(Date.UTC(2025, 9, 2, 16, 5)), 'yyyy-mm-dd h:mm', true)).toBe('2025-10-02T16:05:00');
    expect(cellText(new Date(Date.UTC(2025, 9, 2, 16, 5)), undefined, false)).toBe('2025-10-02T16:05:00');
    expect(cellText(new Date(Date.UTC(2025, 9, 2)), undefined, false)).toBe('2025-10-02');
  });

  it('gives a time alone for day 0 of the cell’s own epoch only', () => {
    expect(cellText(asReader(0.25, false), undefined, false)).toBe('06:00:00');
    expect(cellText(asReader(0, false), undefined, false)).toBe('00:00:00');
    expect(cellText(asReader(0.25, true), undefined, true)).toBe('06:00:00');
    expect(cellText(asReader(0.25, true), undefined, false)).toBe('1904-01-01T06:00:00');
    expect(cellText(asReader(1, false), undefined, false)).toBe('1900-01-01');
    expect(cellText(asReader(-0.25, false), undefined, false)).toBe('1899-12-29T18:00:00');
  });

  it('reads elapsed time from the epoch of the date system', () => {
    expect(cellText(asReader(1.5, false), '[h]:mm:ss', false)).toBe('36:00:00');
    expect(cellText(asReader(1.5, true), '[h]:mm:ss', true)).toBe('36:00:00');
    expect(cellText(asReader(1.5, false), '[hh]:mm', false)).toBe('36:00:00');
  });
});

describe('cell values read from a workbook', () => {
  it('reads dates, times, elapsed times and numbers as Excel shows them, in both date systems', async () => {
    for (const date1904 of [false, true]) {
      const buf = await workbook((wb) => {
        wb.properties.date1904 = date1904;
        const ws = wb.addWorksheet('Calls');
        const cells: [ExcelJS.CellValue, string][] = [
          [new Date(Date.UTC(2025, 9, 2)), 'mm/dd/yyyy'],
          [new Date(Date.UTC(2025, 9, 2, 16, 5, 9)), 'm/d/yy h:mm:ss'],
          [0.5, 'h:mm AM/PM'],
          [1.5, '[h]:mm:ss'],
          [1234.5, '#,##0.00'],
          [0.1 + 0.2, '0%'],
          [45932, '"Day "0'],
        ];
        cells.forEach(([value, numFmt], i) => {
          const cell = ws.getCell(1, i + 1);
          cell.value = value;
          cell.numFmt = numFmt;
        });
      });
      const parts = await readWorkbookParts(buf);
      expect(parts.date1904).toBe(date1904);
      const rows: string[][] = [];
      for await (const { rows: sheetRows } of readSheets(buf, parts, () => true)) for await (const r of sheetRows) rows.push(r.cells);
      expect(rows, `date1904 ${date1904}`).toEqual([['2025-10-02', '2025-10-02T16:05:09', '12:00:00', '36:00:00', '1234.5', '0.3', '45932']]);
    }
  });
});

describe('MergeFiller', () => {
  const range = (top: number, left: number, bottom: number, right: number): MergeRange => ({ top, left, bottom, right });
  /** fills rows 1..n in order, as the reader streams them */
  const fillRows = (filler: MergeFiller, rows: string[][]) => rows.map((cells, i) => (filler.fill(i + 1, cells), cells));

  it('leaves rows alone when the sheet has no merges', () => {
    expect(fillRows(new MergeFiller([]), [['a', ''], ['', 'b']])).toEqual([['a', ''], ['', 'b']]);
  });

  it('copies a vertical merge down to its last row and no further', () => {
    const filled = fillRows(new MergeFiller([range(2, 1, 3, 1)], 0), [['h'], ['2025-10-02', 'x'], ['', 'y'], ['', 'z']]);
    expect(filled).toEqual([['h'], ['2025-10-02', 'x'], ['2025-10-02', 'y'], ['', 'z']]);
  });

  it('spreads a horizontal merge across its columns in header rows, padding short rows', () => {
    const filled = fillRows(new MergeFiller([range(1, 2, 2, 4)], 1), [['Date', 'Call'], [], ['d', 'note']]);
    expect(filled).toEqual([
      ['Date', 'Call', 'Call', 'Call'],
      ['', 'Call'],
      ['d', 'note'],
    ]);
  });

  it('spreads horizontal merges in every row by default', () => {
    expect(fillRows(new MergeFiller([range(1, 1, 2, 2)]), [['x'], []])).toEqual([['x', 'x'], ['x', 'x']]);
  });

  it('keeps values already in covered cells and fills nothing from an empty top-left cell', () => {
    const filled = fillRows(new MergeFiller([range(1, 1, 2, 2), range(1, 3, 2, 3)]), [['x', 'own', ''], ['', '', 'mine']]);
    expect(filled).toEqual([['x', 'own', ''], ['x', 'x', 'mine']]);
    expect(fillRows(new MergeFiller([range(1, 3, 2, 3)]), [['a'], []])).toEqual([['a'], []]);
  });

  it('fills two merges that start on the same row', () => {
    const filled = fillRows(new MergeFiller([range(1, 1, 2, 1), range(1, 3, 2, 3)]), [['a', '', 'c'], []]);
    expect(filled).toEqual([['a', '', 'c'], ['a', '', 'c']]);
  });

  it('stops at the last column a sheet can have', () => {
    const [row] = fillRows(new MergeFiller([range(1, 16_383, 1, 20_000)]), [[...Array<string>(16_382).fill(''), 'wide']]);
    expect(row).toHaveLength(16_384);
    expect(row!.slice(-2)).toEqual(['wide', 'wide']);
  });
});
