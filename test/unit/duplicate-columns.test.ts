import { Document, Packer, Paragraph, Table, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { distinctNames } from '../../functions/core/parse/table-assembler.ts';
import { docxCell, drawPdf, workbook } from '../fixtures/formats/builders.ts';
import { classifyAndParse } from '../helpers/parse-file.ts';

/*
 * Two columns of one name are both kept, the later one renamed "Name (2)", and the read
 * warns: before, four repeated pairs made the header unrecognisable (HeaderNotFoundError)
 * and one repeated name gave two columns of one name, one of which mapping could not tell
 * apart. The same for every format and for the union of a multi-section export.
 */

const CALL_HEADER = ['Date', 'Number', 'Number', 'Duration', 'Duration', 'Type', 'Type', 'Note', 'Note', 'Cost'];
const RENAMED = ['Date', 'Number', 'Number (2)', 'Duration', 'Duration (2)', 'Type', 'Type (2)', 'Note', 'Note (2)', 'Cost'];
const callRow = (i: number) => [`10/${String(1 + i).padStart(2, '0')}/2025`, `(415) 604-17${10 + i}`, `(212) 555-01${10 + i}`, `${i}:30`, `${i + 1}:00`, 'Voice', 'OUT', `note ${i}`, `more ${i}`, `$${i}.10`];

/** Classify names the header, renames included, and warns; Parse reads the same columns and does not warn again. */
function expectRenamed(result: Awaited<ReturnType<typeof classifyAndParse>>, headers: string[], renamed: number) {
  expect(result.classification.headers.slice(0, headers.length)).toEqual(headers);
  expect(result.stream.headers().slice(0, headers.length)).toEqual(headers);
  expect(result.classification.warnings).toEqual([{ code: 'duplicate_columns', count: renamed, message: expect.stringContaining('new names') }]);
  expect(result.stream.warnings()).toEqual([]);
}

describe('distinctNames', () => {
  it('renames later repeats, ignoring case, skipping names the header has, leaving blanks', () => {
    expect(distinctNames(['Phone', 'phone', 'Phone (2)', 'Phone', '', ''])).toEqual(['Phone', 'phone (3)', 'Phone (2)', 'Phone (4)', '', '']);
    expect(distinctNames(['A', 'B'])).toEqual(['A', 'B']);
  });
});

describe('duplicate column names', () => {
  it('CSV: four repeated pairs are still the header, each repeat kept under a new name', async () => {
    const csv = [CALL_HEADER, ...Array.from({ length: 5 }, (_, i) => callRow(i))].map((r) => r.join(',')).join('\n') + '\n';
    const result = await classifyAndParse(Buffer.from(csv), 'calls.csv');
    expectRenamed(result, RENAMED, 4);
    expect(result.rows).toHaveLength(5);
    expect(result.rows[0]!.cells).toEqual(callRow(0));
    expect(result.rows.every((r) => r.error === undefined)).toBe(true);
  });

  it('TSV: one repeated "Phone Number" column is kept, not dropped', async () => {
    const tsv = ['Date\tPhone Number\tDuration\tPhone Number', '10/01/2025\t2125550100\t1:00\t2125550101', '10/02/2025\t2125550102\t2:00\t2125550103'].join('\r\n') + '\r\n';
    const result = await classifyAndParse(Buffer.from(tsv), 'calls.tsv');
    expectRenamed(result, ['Date', 'Phone Number', 'Duration', 'Phone Number (2)'], 1);
    expect(result.rows.map((r) => r.cells[3])).toEqual(['2125550101', '2125550103']);
  });

  it('XLSX: repeats are renamed', async () => {
    const buf = await workbook((wb) => {
      const ws = wb.addWorksheet('Calls');
      ws.addRow(CALL_HEADER);
      for (let i = 0; i < 5; i++) ws.addRow(callRow(i));
    });
    const result = await classifyAndParse(buf);
    expectRenamed(result, RENAMED, 4);
    expect(result.rows[4]!.cells.slice(0, 10)).toEqual(callRow(4));
    // (a merged group row over the header, its name repeated, is still passed over: parse-xlsx-rows.test.ts)
  });

  it('DOCX: a Word table with repeated column names', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph('Calls'), new Table({ rows: [CALL_HEADER, ...Array.from({ length: 4 }, (_, i) => callRow(i))].map((r) => new TableRow({ children: r.map(docxCell) })) })] }],
    });
    const result = await classifyAndParse(await Packer.toBuffer(doc));
    expectRenamed(result, RENAMED, 4);
    expect(result.rows).toHaveLength(4);
  });

  it('PDF: a table whose header repeats names', async () => {
    const header = ['Date', 'Number', 'Number', 'Minutes', 'Charge'];
    const buf = await drawPdf((doc) => {
      doc.fontSize(9);
      const cols = [40, 130, 240, 350, 430];
      header.forEach((h, i) => doc.text(h, cols[i]!, 80, { lineBreak: false }));
      for (let r = 0; r < 4; r++) {
        [`10/0${r + 1}/2025`, `(415) 604-170${r}`, `(212) 555-010${r}`, String(r + 1), `$${r}.10`].forEach((v, i) => doc.text(v, cols[i]!, 100 + r * 14, { lineBreak: false }));
      }
    });
    const result = await classifyAndParse(buf);
    expectRenamed(result, ['Date', 'Number', 'Number (2)', 'Minutes', 'Charge'], 1);
    expect(result.rows[0]!.cells.slice(0, 3)).toEqual(['10/01/2025', '(415) 604-1700', '(212) 555-0100']);
  });

  it('a multi-section export: a later section that repeats a name gets its own column in the union', async () => {
    const lines = [
      'Voice Usage',
      'Date,Number,Minutes',
      ...Array.from({ length: 4 }, (_, i) => `10/0${i + 1}/2025,(415) 604-170${i},${i + 1}`),
      '',
      'Data Usage',
      'Date,Number,Number,Megabytes',
      ...Array.from({ length: 3 }, (_, i) => `10/0${i + 1}/2025,(415) 604-180${i},(212) 555-010${i},${i * 10}`),
    ];
    const result = await classifyAndParse(Buffer.from(lines.join('\n') + '\n'), 'usage.csv');
    expect(result.classification.headers).toEqual(['Date', 'Number', 'Minutes', 'Number (2)', 'Megabytes', 'Section']);
    expect(result.stream.headers()).toEqual(result.classification.headers);
    const data = result.rows.filter((r) => r.cells[5] === 'data');
    expect(data.map((r) => [r.cells[1], r.cells[3]])).toEqual([
      ['(415) 604-1800', '(212) 555-0100'],
      ['(415) 604-1801', '(212) 555-0101'],
      ['(415) 604-1802', '(212) 555-0102'],
    ]);
    expect(result.classification.warnings).toEqual([{ code: 'duplicate_columns', count: 1, message: expect.stringContaining('"Number (2)"') }]);
    expect(result.stream.warnings()).toEqual([]);
  });

  it('a later section past what Classify read: Parse adds the renamed column and warns itself', async () => {
    const voice = Array.from({ length: 10_000 }, (_, i) => `10/0${1 + (i % 9)}/2025,(415) 604-${String(i % 10_000).padStart(4, '0')},${i % 60}`);
    const lines = ['Voice Usage', 'Date,Number,Minutes', ...voice, '', 'Data Usage', 'Date,Number,Number,Megabytes', '10/01/2025,(415) 604-1800,(212) 555-0100,10', '10/02/2025,(415) 604-1801,(212) 555-0101,20'];
    const buf = Buffer.from(lines.join('\n') + '\n');
    expect(buf.length).toBeGreaterThan(256 * 1024);
    const result = await classifyAndParse(buf, 'usage.csv');
    expect(result.classification.headers).toEqual(['Date', 'Number', 'Minutes']);
    expect(result.classification.warnings).toBeUndefined();
    expect(result.stream.headers()).toEqual(['Date', 'Number', 'Minutes', 'Number (2)', 'Megabytes', 'Section']);
    expect(result.stream.warnings()).toEqual([{ code: 'duplicate_columns', count: 1, message: expect.stringMatching(/"Number \(2\)".*line 10005/) }]);
  });
});
