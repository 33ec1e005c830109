import { Document, Packer, Paragraph, Table, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { htmlTables } from '../../functions/core/parse/docx-tables.ts';
import { HeaderNotFoundError, ZipBombError } from '../../functions/core/errors.ts';
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
