import { describe, expect, it } from 'vitest';
import { batchRecords, readSheets, readWorkbookParts } from '../../functions/core/parse/xlsx-rows.ts';
import { CorruptFileError, LimitExceededError } from '../../functions/core/errors.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../../functions/core/parse/parse-limits.ts';
import type { SourceRecord } from '../../functions/core/parse/row-stream.ts';
import { entry, workbook, writeZip, type ZipEntryInput } from '../fixtures/formats/builders.ts';

// What readWorkbookParts reads of a workbook's XML before the reader starts (sheets, merged
// ranges, used ranges, the date system, the shared-strings limits), on archives written by
// hand, and how a sheet's records are batched.

const SHEET = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>';

function book(workbookXml: string, rels: string, more: ZipEntryInput[] = []): Buffer {
  return writeZip([entry('xl/workbook.xml', workbookXml), entry('xl/_rels/workbook.xml.rels', rels), ...more]);
}

const limits = (over: Partial<ParseLimits>): ParseLimits => ({ ...DEFAULT_PARSE_LIMITS, ...over });

describe('readWorkbookParts: sheets', () => {
  it('lists the sheets in tab order, with their names, visibility and parts', async () => {
    const parts = await readWorkbookParts(
      book(
        '<workbook xmlns:r="r"><sheets>' +
          '<sheet name="Q&amp;A" sheetId="1" r:id="rId1"/>' +
          '<sheet name="Old" sheetId="2" state="hidden" r:id="rId2"/>' +
          '<sheet name="Secret" sheetId="3" state="veryHidden" r:id="rId3"/>' +
          '<sheet name="Shown" sheetId="4" state="visible" r:id="rId4"/>' +
          '</sheets></workbook>',
        '<Relationships>' +
          '<Relationship Id="rId1" Target="worksheets/a.xml"/>' +
          '<Relationship Id="rId2" Target="/xl/worksheets/b.xml"/>' +
          '<Relationship Id="rId3" Target="./worksheets/c.xml"/>' +
          '<Relationship Id="rId4" Target="worksheets/d.xml"/>' +
          '</Relationships>',
      ),
    );
    expect(parts.sheets).toEqual([
      { name: 'Q&A', path: 'xl/worksheets/a.xml', hidden: false },
      { name: 'Old', path: 'xl/worksheets/b.xml', hidden: true },
      { name: 'Secret', path: 'xl/worksheets/c.xml', hidden: true },
      { name: 'Shown', path: 'xl/worksheets/d.xml', hidden: false },
    ]);
  });

  it('reads prefixed tags and a relationship id without a prefix; skips sheets without a name or a part', async () => {
    const parts = await readWorkbookParts(
      book(
        '<x:workbook><x:sheets>' +
          '<x:sheet name="Calls" sheetId="1" id="rId1"/>' +
          '<x:sheet sheetId="2" id="rId1"/>' +
          '<x:sheet name="Lost" sheetId="3" id="rId9"/>' +
          '<x:sheet name="No id" sheetId="4"/>' +
          '</x:sheets></x:workbook>',
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Target="worksheets/sheet2.xml"/><Relationship Id="rId3"/></Relationships>',
      ),
    );
    expect(parts.sheets).toEqual([{ name: 'Calls', path: 'xl/worksheets/sheet1.xml', hidden: false }]);
  });

  it('fails an archive without xl/workbook.xml', async () => {
    await expect(readWorkbookParts(writeZip([entry('xl/worksheets/sheet1.xml', SHEET)]))).rejects.toThrow(
      new CorruptFileError('The file is a ZIP archive but not an Excel workbook: it has no xl/workbook.xml'),
    );
  });
});

describe('readWorkbookParts: the date system', () => {
  it('reads the 1904 system from workbookPr, as 1 or true, prefixed or not', async () => {
    const rels = '<Relationships/>';
    const system = async (pr: string) => (await readWorkbookParts(book(`<workbook>${pr}<sheets/></workbook>`, rels))).date1904;
    expect(await system('<workbookPr date1904="1"/>')).toBe(true);
    expect(await system('<workbookPr date1904="true"/>')).toBe(true);
    expect(await system('<x:workbookPr defaultThemeVersion="1" date1904="1"/>')).toBe(true);
    expect(await system('<workbookPr date1904="0"/>')).toBe(false);
    expect(await system('<workbookPr date1904="false"/>')).toBe(false);
    expect(await system('<workbookPr/>')).toBe(false);
    expect(await system('')).toBe(false);
  });
});

describe('readWorkbookParts: used ranges and merged cells', () => {
  const withSheets = (sheets: Record<string, string>) =>
    readWorkbookParts(
      book(
        '<workbook><sheets/></workbook>',
        '<Relationships/>',
        Object.entries(sheets).map(([name, xml]) => entry(name, xml)),
      ),
    );

  it("takes each sheet's last row from its declared used range", async () => {
    const parts = await withSheets({
      'xl/worksheets/sheet1.xml': '<worksheet><dimension ref="A1:E1200"/><sheetData/></worksheet>',
      'xl/worksheets/sheet2.xml': '<x:worksheet><x:dimension ref="B3:AA47"/></x:worksheet>',
      'xl/worksheets/sheet3.xml': '<worksheet><dimension ref="A1"/></worksheet>',
      'xl/worksheets/sheet4.xml': SHEET,
      'xl/worksheets/sub/sheet5.xml': '<worksheet><dimension ref="A1:B9"/></worksheet>',
      'xl/sheet6.xml': '<worksheet><dimension ref="A1:B9"/></worksheet>',
    });
    expect([...parts.lastRows]).toEqual([
      ['xl/worksheets/sheet1.xml', 1200],
      ['xl/worksheets/sheet2.xml', 47],
    ]);
    expect([...parts.merges.keys()].sort()).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml']);
  });

  it('reads a used range only at the top of the sheet', async () => {
    const parts = await withSheets({ 'xl/worksheets/sheet1.xml': `<worksheet><sheetPr>${' '.repeat(5000)}</sheetPr><dimension ref="A1:E1200"/></worksheet>` });
    expect(parts.lastRows.size).toBe(0);
  });

  it('reads merged ranges whichever corner comes first, with columns past Z', async () => {
    const parts = await withSheets({
      'xl/worksheets/sheet1.xml': `${SHEET.slice(0, -'</worksheet>'.length)}<mergeCells count="3"><mergeCell ref="A1:C2"/><mergeCell ref="AB9:Z5"/><x:mergeCell ref="D4:D7"/></mergeCells></worksheet>`,
    });
    expect(parts.merges.get('xl/worksheets/sheet1.xml')).toEqual([
      { top: 1, left: 1, bottom: 2, right: 3 },
      { top: 5, left: 26, bottom: 9, right: 28 },
      { top: 4, left: 4, bottom: 7, right: 4 },
    ]);
  });
});

describe('readWorkbookParts: the shared-strings limits', () => {
  const strings = (n: number, declared?: number) =>
    book('<workbook><sheets/></workbook>', '<Relationships/>', [
      entry(
        'xl/sharedStrings.xml',
        `<sst${declared !== undefined ? ` uniqueCount="${declared}"` : ''}>${Array.from({ length: n }, (_, i) => (i % 2 ? `<x:si><x:t>s${i}</x:t></x:si>` : `<si><t>s${i}</t></si>`)).join('')}</sst>`,
      ),
    ]);

  it('takes as many strings as the limit, counted prefixed or not, and refuses one more', async () => {
    await expect(readWorkbookParts(strings(3), limits({ xlsxMaxSharedStrings: 3 }))).resolves.toBeDefined();
    await expect(readWorkbookParts(strings(4), limits({ xlsxMaxSharedStrings: 3 }))).rejects.toThrow(
      new LimitExceededError(
        "The workbook's shared-strings table (xl/sharedStrings.xml) holds 4 or more strings, more than the limit of 3 strings (XLSX_MAX_SHARED_STRINGS): save the sheet as CSV instead",
      ),
    );
  });

  it('refuses a table that declares more strings than the limit, and takes one that declares as many', async () => {
    await expect(readWorkbookParts(strings(1, 5), limits({ xlsxMaxSharedStrings: 4 }))).rejects.toThrow(/holds 5 or more strings/);
    await expect(readWorkbookParts(strings(1, 4), limits({ xlsxMaxSharedStrings: 4 }))).resolves.toBeDefined();
  });

  it('holds the table to the byte limit, as declared and as it inflates', async () => {
    const buf = strings(10);
    const size = `<sst>${Array.from({ length: 10 }, (_, i) => (i % 2 ? `<x:si><x:t>s${i}</x:t></x:si>` : `<si><t>s${i}</t></si>`)).join('')}</sst>`.length;
    await expect(readWorkbookParts(buf, limits({ xlsxMaxSharedStringsBytes: size }))).resolves.toBeDefined();
    await expect(readWorkbookParts(buf, limits({ xlsxMaxSharedStringsBytes: size - 1 }))).rejects.toThrow(
      new LimitExceededError(
        `The workbook's shared-strings table (xl/sharedStrings.xml) holds ${size} bytes or more, more than the limit of ${size - 1} bytes (XLSX_MAX_SHARED_STRINGS_BYTES): save the sheet as CSV instead`,
      ),
    );
  });
});

describe('batchRecords', () => {
  async function* records(n: number): AsyncGenerator<SourceRecord> {
    for (let i = 1; i <= n; i++) yield { cells: [String(i)], line: i };
  }
  const batches = async (n: number, estimate: number | undefined, size?: number) => {
    const out: [number, number][] = [];
    for await (const b of batchRecords(records(n), 1000, estimate, size)) out.push([b.records.length, b.bytesRead]);
    return out;
  };

  it('batches records, with progress as the share of the estimated rows read, the whole archive at the end', async () => {
    expect(await batches(5, 10, 2)).toEqual([
      [2, 200],
      [2, 400],
      [1, 1000],
    ]);
    // no estimate, or more rows than estimated
    expect(await batches(3, undefined, 2)).toEqual([
      [2, 0],
      [1, 1000],
    ]);
    expect(await batches(3, 0, 2)).toEqual([
      [2, 0],
      [1, 1000],
    ]);
    expect(await batches(5, 1, 2)).toEqual([
      [2, 1000],
      [2, 1000],
      [1, 1000],
    ]);
    expect(await batches(3, 7, 1)).toEqual([
      [1, 143],
      [1, 286],
      [1, 429],
      [0, 1000],
    ]);
  });

  it('batches 2000 records by default', async () => {
    expect(await batches(2001, 4000)).toEqual([
      [2000, 500],
      [1, 1000],
    ]);
  });
});

describe('readSheets', () => {
  const oneSheet = (sheetXml: string, more: ZipEntryInput[] = []) =>
    book('<workbook xmlns:r="r"><sheets><sheet name="Calls" sheetId="1" r:id="rId1"/></sheets></workbook>', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>', [
      entry('xl/worksheets/sheet1.xml', sheetXml),
      ...more,
    ]);
  async function cellsOf(buf: Buffer): Promise<string[][]> {
    const out: string[][] = [];
    for await (const { rows } of readSheets(buf, await readWorkbookParts(buf), () => true)) for await (const rec of rows) out.push(rec.cells);
    return out;
  }

  it('leaves out cells without a value (styled ones too), and reads a cell in the last column a sheet can have', async () => {
    const buf = await workbook((wb) => {
      const ws = wb.addWorksheet('Calls');
      const row = ws.addRow(['a', null, 'c']);
      row.getCell(6).numFmt = '0.00';
    });
    expect(await cellsOf(buf)).toEqual([['a', '', 'c']]);
    // (a formula without a cached result has no text either)
    expect(await cellsOf(oneSheet('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="F1"><f>A1*2</f></c></row></sheetData></worksheet>'))).toEqual([['1']]);
    const wide = oneSheet('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row></sheetData></worksheet>');
    const [cells] = await cellsOf(wide);
    expect(cells).toHaveLength(16_384);
    expect([cells![0], cells![16_383]]).toEqual(['1', '2']);
  });

  it('fails a workbook whose XML cannot be read as CorruptFileError, and passes its own errors through as they are', async () => {
    const broken = oneSheet('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>', [entry('xl/sharedStrings.xml', '<sst><si><t>a</t></si></x></sst>')]);
    const error = await cellsOf(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptFileError);
    expect((error as Error).message).toMatch(/^The XLSX workbook could not be read: ./);
    const noTable = oneSheet('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>');
    await expect(cellsOf(noTable)).rejects.toThrow(
      new CorruptFileError('The XLSX workbook could not be read: a cell refers to shared string 0 and the workbook has no shared-strings table'),
    );
  });
});
