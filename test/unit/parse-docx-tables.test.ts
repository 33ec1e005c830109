import { Document, Packer, Paragraph, Table, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { chooseDocxTable, htmlTables, readDocxTables, type DocxDocument, type DocxTable } from '../../functions/core/parse/docx-tables.ts';
import { CorruptFileError, HeaderNotFoundError, LimitExceededError, NoDataRowsError, ZipBombError } from '../../functions/core/errors.ts';
import { callLogDocx, docxCell, entry, writeZip } from '../fixtures/formats/builders.ts';
import { classifyAndParse } from '../helpers/parse-file.ts';

const table = (rows: string[][]) => new Table({ rows: rows.map((r) => new TableRow({ children: r.map(docxCell) })) });

describe('htmlTables', () => {
  it('lays out colspan and rowspan cells on a grid, repeating their text, and keeps nested tables apart', () => {
    const html =
      '<p>Intro &amp; notes</p><table><tr><td colspan="2"><p>Call</p></td><td rowspan="2">Cost</td></tr>' +
      '<tr><td>Date</td><td>Number</td></tr>' +
      '<tr><td rowspan="2">2025-10-02</td><td>+1415<table><tr><td>inner</td></tr></table></td><td>1.10</td></tr>' +
      '<tr><td>+1416</td><td>2.20</td></tr></table><p>After</p>';
    const tables = htmlTables(html);
    expect(tables).toHaveLength(2);
    expect(tables[0]).toEqual({ rows: [['inner']], before: [] });
    expect(tables[1]).toEqual({
      before: ['Intro & notes'],
      rows: [
        ['Call', 'Call', 'Cost'],
        ['Date', 'Number', 'Cost'],
        ['2025-10-02', '+1415', '1.10'],
        ['2025-10-02', '+1416', '2.20'],
      ],
    });
  });
});

describe('htmlTables: the grid of a table', () => {
  const rowsOf = (html: string) => htmlTables(html).map((t) => t.rows);

  it('reads spans from attributes as written: unquoted, spaced, upper case, several digits; 0 as 1 and at most 1000', () => {
    expect(rowsOf('<table><tr><td colspan=3>a</td><td>b</td></tr></table>')).toEqual([[['a', 'a', 'a', 'b']]]);
    expect(rowsOf('<table><tr><td COLSPAN = "2">a</td><td>b</td></tr></table>')).toEqual([[['a', 'a', 'b']]]);
    expect(rowsOf('<table><tr><td colspan="12">a</td><td>b</td></tr></table>')[0]![0]).toEqual([...Array<string>(12).fill('a'), 'b']);
    expect(rowsOf('<table><tr><td colspan="0">a</td><td>b</td></tr></table>')).toEqual([[['a', 'b']]]);
    expect(rowsOf('<table><tr><td colspan="5000">a</td></tr></table>')[0]![0]).toHaveLength(1000);
    // a rowspan is not a colspan, and the other way round
    expect(rowsOf('<table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>')).toEqual([[['a', 'b'], ['a', 'c']]]);
  });

  it('keeps a cell under a rowspan in its own column: at the start, in the middle and past the last cell of the row', () => {
    const html =
      '<table><tr><td rowspan="3">r</td><td>a</td><td rowspan="2">m</td><td>b</td><td rowspan="3">z</td></tr>' +
      '<tr><td>c</td><td>d</td></tr>' +
      '<tr><td>e</td><td>f</td><td>g</td></tr>' +
      '<tr><td>h</td><td>i</td></tr></table>';
    expect(rowsOf(html)).toEqual([
      [
        ['r', 'a', 'm', 'b', 'z'],
        ['r', 'c', 'm', 'd', 'z'],
        ['r', 'e', 'f', 'g', 'z'],
        ['h', 'i'],
      ],
    ]);
  });

  it('fills a rowspan after a gap for each row it spans, and no row after', () => {
    expect(rowsOf('<table><tr><td>a</td><td>b</td><td rowspan="3">c</td></tr><tr><td>x</td></tr><tr><td>y</td></tr><tr><td>z</td></tr></table>')).toEqual([
      [
        ['a', 'b', 'c'],
        ['x', '', 'c'],
        ['y', '', 'c'],
        ['z'],
      ],
    ]);
  });

  it('adds a space for a paragraph or line break inside a cell only: inline tags join, a stray paragraph in a row is no cell', () => {
    expect(rowsOf('<table><tr><td>a<strong>b</strong></td><td>c<br />d</td></tr></table>')).toEqual([[['ab', 'c d']]]);
    expect(rowsOf('<table><tr><p>stray</p><td>a</td><td>b</td></tr></table>')).toEqual([[['a', 'b']]]);
  });

  it('fills a rowspan after a gap with empty cells between, and a colspan-rowspan block in every column it covers', () => {
    expect(rowsOf('<table><tr><td>a</td><td>b</td><td rowspan="2">c</td></tr><tr><td>x</td></tr></table>')).toEqual([
      [
        ['a', 'b', 'c'],
        ['x', '', 'c'],
      ],
    ]);
    expect(rowsOf('<table><tr><td>a</td><td>b</td><td>c</td><td rowspan="2">d</td><td rowspan="2">e</td></tr><tr><td>x</td></tr></table>')).toEqual([
      [
        ['a', 'b', 'c', 'd', 'e'],
        ['x', '', '', 'd', 'e'],
      ],
    ]);
    expect(rowsOf('<table><tr><td colspan="2" rowspan="2">X</td><td>a</td></tr><tr><td>b</td></tr><tr><td>c</td></tr></table>')).toEqual([
      [
        ['X', 'X', 'a'],
        ['X', 'X', 'b'],
        ['c'],
      ],
    ]);
  });

  it('keeps empty cells and empty rows, and closes cells and rows left open', () => {
    expect(rowsOf('<table><tr><td></td><td>b</td><td> </td></tr><tr></tr><tr><td>c<td>d<tr><td>e</table>')).toEqual([[['', 'b', ''], [], ['c', 'd'], ['e']]]);
    // a cell outside any row opens one
    expect(rowsOf('<table><td>a</td><td>b</td></table>')).toEqual([[['a', 'b']]]);
  });

  it('reads a cell\'s paragraphs and line breaks as words, its white space collapsed and its entities decoded', () => {
    expect(rowsOf('<table><tr><td><p>Call</p><p>log</p></td><td>a<br />b</td><td>  x \n  y  </td><td>AT&amp;T&nbsp;&#35;1&#x21;</td><td><p>one </p><p>two</p></td></tr></table>')).toEqual([
      [['Call log', 'a b', 'x y', 'AT&T #1!', 'one two']],
    ]);
    // tags in upper case are the same tags
    expect(rowsOf('<TABLE><TR><TD>a</TD><TH>b</TH></TR></TABLE>')).toEqual([[['a', 'b']]]);
    // text between cells is no cell's
    expect(rowsOf('<table>junk<tr>more<td>a</td>stray<td>b</td></tr></table>')).toEqual([[['a', 'b']]]);
  });
});

describe('htmlTables: the paragraphs before a table', () => {
  it('splits the text before a table at paragraphs, headings, list items and breaks, and gives each table only its own', () => {
    const html =
      '<h1>Acme   Wireless</h1><p>Account &amp; <strong>plan</strong></p><ul><li>one</li><li>two</li></ul>line<br />break<h6>small</h6><p>  </p>' +
      '<table><tr><td>a</td></tr></table><p>Between</p><table><tr><td>b</td></tr></table><table><tr><td>c</td></tr></table><p>After</p>';
    expect(htmlTables(html).map((t) => t.before)).toEqual([['Acme Wireless', 'Account & plan', 'one', 'two', 'line', 'break', 'small'], ['Between'], []]);
    const tags = ['p', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
    expect(htmlTables(`${tags.map((t) => `${t}<${t}>`).join('')}x<table></table>`)[0]!.before).toEqual([...tags, 'x']);
    // other tags do not end one; text in a table outside its cells is no paragraph either
    expect(htmlTables('a<span>b</span><b>c</b><h7>d</h7><table>junk<tr><td>x</td></tr>more</table><p>e</p><table></table>').map((t) => t.before)).toEqual([['abcd'], ['e']]);
  });

  it('ends the paragraph in progress at a table, and gives a nested table no paragraphs, not even those after it', () => {
    const tables = htmlTables('Title<table><tr><td>a<table><tr><td>in</td></tr></table>b</td></tr></table><p>Next</p><table><tr><td>c</td></tr></table>');
    expect(tables).toEqual([
      { rows: [['in']], before: [] },
      { rows: [['ab']], before: ['Title'] },
      { rows: [['c']], before: ['Next'] },
    ]);
  });

  it('ignores a closing tag with no table open', () => {
    expect(htmlTables('</table></tr></td><p>x</p><table><tr><td>a</td></tr></table>')).toEqual([{ rows: [['a']], before: ['x'] }]);
  });
});

describe('chooseDocxTable', () => {
  const calls = (from: number, n: number) => Array.from({ length: n }, (_, i) => [`2025-10-${String(from + i).padStart(2, '0')}`, `+1415555${String(1000 + from + i)}`, String(i + 1)]);
  const header = ['Date', 'Number', 'Minutes'];
  const doc = (...tables: DocxTable[]): DocxDocument => ({ tables });
  const firstCells = (records: { cells: string[] }[]) => records.map((r) => r.cells[0]);

  it('takes the table with the most data rows, the first of two as large, or the one asked for', () => {
    const small: DocxTable = { rows: [header, ...calls(1, 2)], before: [] };
    const large: DocxTable = { rows: [header, ...calls(10, 4)], before: ['Calls'] };
    const same: DocxTable = { rows: [header, ...calls(20, 4)], before: ['More calls'] };
    expect(chooseDocxTable(doc(small, large, same))).toMatchObject({ index: 1, table: { dataRows: 4 } });
    expect(chooseDocxTable(doc(large, small))).toMatchObject({ index: 0 });
    expect(chooseDocxTable(doc(small, large, same), 0)).toMatchObject({ index: 0, table: { dataRows: 2 } });
    expect(chooseDocxTable(doc(small, large, same), 2).records[2]!.cells[0]).toBe('2025-10-20');
  });

  it('puts the last five paragraphs before the table as one-cell records, numbering every record from 1', () => {
    const before = ['p1', 'p2', 'Acme Wireless', 'Call detail', 'Account 555-123-9876', 'October', 'Calls'];
    const { records, table } = chooseDocxTable(doc({ rows: [header, ...calls(1, 3)], before }));
    expect(records.map((r) => r.cells)).toEqual([['Acme Wireless'], ['Call detail'], ['Account 555-123-9876'], ['October'], ['Calls'], header, ...calls(1, 3)]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(table.headerRow).toBe(5);
  });

  it('appends the tables right after it that repeat its header or have its width, up to the first that does neither', () => {
    const tables = doc(
      { rows: [header, ...calls(1, 2)], before: ['Calls'] },
      { rows: [[], ['', '', ''], header, ...calls(3, 1).map((r) => [...r, '$1.00'])], before: [] }, // same header after blank rows, wider
      { rows: calls(4, 2), before: [] }, // no header, same width
      { rows: [['Plan', 'Price'], ['Unlimited', '$70.00']], before: [] }, // neither: ends the table
      { rows: [header, ...calls(6, 1)], before: [] },
    );
    const { index, records } = chooseDocxTable(tables);
    expect(index).toBe(0);
    expect(firstCells(records)).toEqual(['Calls', 'Date', '2025-10-01', '2025-10-02', undefined, '', 'Date', '2025-10-03', '2025-10-04', '2025-10-05']);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('does not append a table with text before it, nor one of another width and header', () => {
    const base: DocxTable = { rows: [header, ...calls(1, 3)], before: [] };
    expect(firstCells(chooseDocxTable(doc(base, { rows: [header, ...calls(4, 3)], before: ['Page 2'] })).records)).toEqual(['Date', '2025-10-01', '2025-10-02', '2025-10-03']);
    expect(firstCells(chooseDocxTable(doc(base, { rows: [['Date', 'Number'], ['2025-10-09', '+14155551009']], before: [] })).records)).toEqual(['Date', '2025-10-01', '2025-10-02', '2025-10-03']);
    // the header is compared without case, padding or trailing empty cells
    const echoed = chooseDocxTable(doc(base, { rows: [[' DATE', 'number ', 'Minutes', '', ''], ...calls(4, 1).map((r) => [...r, '', ''])], before: [] }));
    expect(firstCells(echoed.records)).toEqual(['Date', '2025-10-01', '2025-10-02', '2025-10-03', ' DATE', '2025-10-04']);
  });

  it('passes over a table of blank rows only', () => {
    const blank: DocxTable = { rows: [['', ' '], []], before: [] };
    const calls3: DocxTable = { rows: [header, ...calls(1, 2)], before: ['Calls'] };
    expect(chooseDocxTable(doc(blank, calls3))).toMatchObject({ index: 1, table: { dataRows: 2 } });
  });

  it('does not take a table of only blank rows for a continuation of another width', () => {
    const base: DocxTable = { rows: [header, ...calls(1, 2)], before: [] };
    expect(firstCells(chooseDocxTable(doc(base, { rows: [['', '']], before: [] }, { rows: calls(3, 1), before: [] })).records)).toEqual(['Date', '2025-10-01', '2025-10-02']);
  });

  it('fails a document without tables, and one whose tables have no header or no data, with the first table\'s error', () => {
    expect(() => chooseDocxTable(doc())).toThrow(new HeaderNotFoundError('The Word document has no tables'));
    const noData: DocxTable = { rows: [header], before: [] };
    const noHeader: DocxTable = { rows: [['1', '2'], ['3', '4']], before: [] };
    expect(() => chooseDocxTable(doc(noHeader, noData))).toThrow(/^No header row found in the first 2 rows of table 1: /);
    expect(() => chooseDocxTable(doc(noData, noHeader))).toThrow(NoDataRowsError);
    expect(() => chooseDocxTable(doc(noData, noHeader))).toThrow('No data rows after the header of table 1');
    expect(() => chooseDocxTable(doc(noHeader, noData), 1)).toThrow('No data rows after the header of table 2');
  });

  it('lets other errors through at once: a header too long to be one', () => {
    // 700 names of 100 characters: past the 64 KiB a header row may hold
    const wide: DocxTable = { rows: [Array.from({ length: 700 }, (_, i) => `Column ${i} `.padEnd(100, 'x')), Array.from({ length: 700 }, (_, i) => String(i))], before: [] };
    expect(() => chooseDocxTable(doc({ rows: [header, ...calls(1, 2)], before: [] }, wide))).toThrow(LimitExceededError);
  });
});

describe('readDocxTables', () => {
  it('fails a ZIP that is not a Word document, and a Word document mammoth cannot read, as corrupt', async () => {
    const notWord = writeZip([entry('[Content_Types].xml', '<Types/>'), entry('xl/workbook.xml', '<workbook/>')]);
    await expect(readDocxTables(notWord)).rejects.toThrow(new CorruptFileError('The file is a ZIP archive but not a Word document: it has no word/document.xml'));
    const broken = writeZip([entry('[Content_Types].xml', '<Types/>'), entry('word/document.xml', '<w:document><w:body><w:p>')]);
    await expect(readDocxTables(broken)).rejects.toThrow(CorruptFileError);
    await expect(readDocxTables(broken)).rejects.toThrow(/^The DOCX document could not be read: \S/);
  });

  it('reads the tables of a document with the paragraphs before each', async () => {
    const { tables } = await readDocxTables(await callLogDocx(2));
    expect(tables).toEqual([
      {
        before: ['Call log — account 555-123-9876'],
        rows: [
          ['Date', 'Time', 'Number', 'Duration', 'Direction'],
          ['2025-10-01', '9:00', expect.any(String), '0:30', 'Outgoing'],
          ['2025-10-02', '10:07', '(415) 604-1901', '1:30', 'Incoming'],
        ],
      },
    ]);
  });
});

describe('DOCX tables', () => {
  it('reads the Word table with the account from the paragraph before it', async () => {
    const { classification, rows } = await classifyAndParse(await callLogDocx(8));
    expect(classification).toMatchObject({
      format: 'docx',
      tables: 1,
      table: 1,
      headerRow: 1,
      headers: ['Date', 'Time', 'Number', 'Duration', 'Direction', 'Account Number'],
      rowEstimate: 8,
    });
    expect(rows).toHaveLength(8);
    expect(rows[1]!.cells).toEqual(['2025-10-02', '10:07', '(415) 604-1901', '1:30', 'Incoming', '555-123-9876']);
  });

  it('picks the largest data table and appends the table that continues it after a page break', async () => {
    const header = ['Date', 'Number', 'Minutes'];
    const data = (from: number, n: number) => Array.from({ length: n }, (_, i) => [`2025-10-${String(from + i).padStart(2, '0')}`, `+1415555${String(1000 + from + i)}`, String(i + 1)]);
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('Summary'),
            table([['Plan', 'Price'], ['Unlimited', '$70.00']]),
            new Paragraph('Calls'),
            table([header, ...data(1, 4)]),
            table([header, ...data(5, 3)]),
          ],
        },
      ],
    });
    const { classification, rows, stream } = await classifyAndParse(await Packer.toBuffer(doc));
    expect(classification).toMatchObject({ tables: 3, table: 2, headers: header });
    expect(rows.map((r) => r.cells[0])).toEqual(data(1, 7).map((r) => r[0]));
    expect(stream.stats.skipped.repeatedHeader).toBe(1);
  });

  it('fails a document without tables, and a bomb-sized one, with specific errors', async () => {
    const prose = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('No tables here.')] }] }));
    await expect(classifyAndParse(prose)).rejects.toThrow(HeaderNotFoundError);
    const huge = Buffer.alloc(200 * 1024 * 1024, 0x20);
    const bomb = writeZip([entry('[Content_Types].xml', '<Types/>'), entry('word/document.xml', huge)]);
    await expect(classifyAndParse(bomb)).rejects.toThrow(ZipBombError);
  });
});
