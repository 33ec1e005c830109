import { describe, expect, it } from 'vitest';
import { inspectZip } from '../../functions/core/detect/zip-archive.ts';
import { XLSX_LIMITS } from '../../functions/core/parse/container-limits.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../../functions/core/parse/parse-limits.ts';
import { readWorkbookParts } from '../../functions/core/parse/xlsx-rows.ts';
import { entry, writeZip } from '../fixtures/formats/builders.ts';

// What readWorkbookParts counts in parts that inflate in more than one piece: the shared
// strings and merged ranges cut by a piece's end, each counted once; the shared-strings
// declaration looked for at the top of the table only; the cap on merged ranges.

/** zlib hands an entry's inflated bytes over in pieces of this size */
const PIECE = 16_384;
const limits = (over: Partial<ParseLimits>): ParseLimits => ({ ...DEFAULT_PARSE_LIMITS, ...over });
const book = (name: string, xml: string) =>
  writeZip([entry('xl/workbook.xml', '<workbook><sheets/></workbook>'), entry('xl/_rels/workbook.xml.rels', '<Relationships/>'), entry(name, xml)]);
/** `text` padded with spaces so that its character `at` is the first of the next piece */
const padTo = (text: string, at: number) => text + ' '.repeat(at - text.length);

it(`inflates an entry in pieces of ${PIECE} bytes (what the tests below cut at)`, async () => {
  const sizes: number[] = [];
  await inspectZip(writeZip([entry('a.xml', 'x'.repeat(PIECE * 2 + 10))]), 'XLSX', XLSX_LIMITS, () => (chunk) => void sizes.push(chunk.length));
  expect(sizes).toEqual([PIECE, PIECE, 10]);
});

describe('the shared-strings count across pieces', () => {
  /** three strings, then one whose start tag is cut `cut` characters in by the piece's end, then `after` strings */
  const table = (prefix: string, cut: number, after = 1, attrs = '') => {
    const head = `<sst>${'<si><t>a</t></si>'.repeat(3)}`;
    const tag = `<${prefix}si${attrs}>`;
    const first = padTo(head, PIECE - cut) + tag;
    expect(first[PIECE - 1]).toBe(tag[cut - 1]);
    return `${first}<${prefix}t>b</${prefix}t></${prefix}si>${'<si><t>c</t></si>'.repeat(after)}</sst>`;
  };
  const count = async (xml: string, n: number) => {
    const buf = book('xl/sharedStrings.xml', xml);
    await expect(readWorkbookParts(buf, limits({ xlsxMaxSharedStrings: n }))).resolves.toBeDefined();
    await expect(readWorkbookParts(buf, limits({ xlsxMaxSharedStrings: n - 1 }))).rejects.toThrow(`holds ${n} or more strings`);
  };

  it.each([1, 2, 3, 4])('counts a string whose tag is cut after %i characters once', async (cut) => {
    await count(table('', cut), 5);
  });

  it.each([1, 3, 5, 6])('counts a prefixed string whose tag is cut after %i characters once', async (cut) => {
    await count(table('x:', cut), 5);
  });

  it.each([4, 5, 10, 17, 25])('counts a string whose tag with attributes is cut after %i characters once', async (cut) => {
    await count(table('', cut, 1, ' xml:space="preserve"'), 5);
    await count(table('x:', cut + 2, 1, ' xml:space="preserve"'), 5);
    await count(table('ns:', Math.min(cut + 3, 15), 1, ' xml:space="preserve"'), 5);
  });

  it('counts strings written empty, with attributes, or with a long prefix, and no other element', async () => {
    await count('<sst count="4"><si/><si xml:space="preserve"><t> a</t></si><main:si><main:t>b</main:t></main:si><si\t><t>c</t></si><sip/><s/><i/></sst>', 4);
  });

  it('reads the declared count only in the first 1,024 characters of the table', async () => {
    const late = `<sst${' '.repeat(1100)} uniqueCount="50"><si><t>a</t></si></sst>`;
    await expect(readWorkbookParts(book('xl/sharedStrings.xml', late), limits({ xlsxMaxSharedStrings: 1 }))).resolves.toBeDefined();
    const early = `<sst${' '.repeat(990)} uniqueCount="50"><si><t>a</t></si></sst>`;
    await expect(readWorkbookParts(book('xl/sharedStrings.xml', early), limits({ xlsxMaxSharedStrings: 1 }))).rejects.toThrow('holds 50 or more strings');
    const prefixed = '<main:sst xmlns:main="m" count="1" uniqueCount="12"><main:si><main:t>a</main:t></main:si></main:sst>';
    await expect(readWorkbookParts(book('xl/sharedStrings.xml', prefixed), limits({ xlsxMaxSharedStrings: 11 }))).rejects.toThrow('holds 12 or more strings');
  });

  it('does not read a declaration in the second piece', async () => {
    // the first 1,024 characters open the sst tag; its uniqueCount is in the next piece
    const xml = `${padTo('<sst', PIECE)} uniqueCount="50"><si><t>a</t></si></sst>`;
    await expect(readWorkbookParts(book('xl/sharedStrings.xml', xml), limits({ xlsxMaxSharedStrings: 1 }))).resolves.toBeDefined();
  });
});

describe('merged ranges across pieces', () => {
  const sheet = 'xl/worksheets/sheet1.xml';
  const merges = async (xml: string) => (await readWorkbookParts(book(sheet, xml))).merges.get(sheet);

  it('takes a range cut by the end of a piece, and one ending with it, once each', async () => {
    const ending = '<mergeCell ref="A1:B2"';
    const first = `${padTo('<worksheet><mergeCells><mergeCell ref="C3:D4"/>', PIECE - ending.length)}${ending}`;
    expect(first.length).toBe(PIECE);
    expect(await merges(`${first}/><mergeCell ref="E5:F6"/></mergeCells></worksheet>`)).toEqual([
      { top: 3, left: 3, bottom: 4, right: 4 },
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 5, left: 5, bottom: 6, right: 6 },
    ]);
    for (const cut of [3, 12, 20]) {
      const xml = `${padTo('<worksheet><mergeCells>', PIECE - cut)}<mergeCell ref="G7:H8"/><mergeCell ref="A1:A2"/></mergeCells></worksheet>`;
      expect(await merges(xml), `cut after ${cut}`).toEqual([
        { top: 7, left: 7, bottom: 8, right: 8 },
        { top: 1, left: 1, bottom: 2, right: 1 },
      ]);
    }
  });

  it('reads columns of two letters on either corner', async () => {
    expect(await merges('<worksheet><mergeCells><mergeCell ref="A1:AB2"/><mergeCell ref="ZZ3:AA4"/></mergeCells></worksheet>')).toEqual([
      { top: 1, left: 1, bottom: 2, right: 28 },
      { top: 3, left: 27, bottom: 4, right: 702 },
    ]);
  });

  it('keeps the first 100,000 ranges of a sheet', async () => {
    const ranges = Array.from({ length: 100_001 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join('');
    const out = await merges(`<worksheet><mergeCells>${ranges}</mergeCells></worksheet>`);
    expect(out).toHaveLength(100_000);
    expect(out![99_999]).toEqual({ top: 100_000, left: 1, bottom: 100_000, right: 2 });
  });
});
