import { describe, expect, it } from 'vitest';
import { readPdfTable } from '../../functions/core/parse/pdf-table.ts';
import { CorruptFileError, HeaderNotFoundError, LimitExceededError, NoTextLayerError } from '../../functions/core/errors.ts';
import { callLogPdf, drawPdf, scannedPdf } from '../fixtures/formats/builders.ts';
import { classifyAndParse } from '../helpers/parse-file.ts';


describe('PDF tables', () => {
  it('reads a table that spans three pages as one table, dropping repeated page headers and footers', async () => {
    const { classification, rows, stream } = await classifyAndParse(await callLogPdf({ pages: 3, rowsPerPage: 20 }));
    expect(classification).toMatchObject({
      format: 'pdf',
      pages: 3,
      headerRow: 2,
      headers: ['Date', 'Time', 'Number', 'Location', 'Minutes', 'Charge', 'Account Number'],
      rowEstimate: 60,
      sections: [{ title: 'Acme Wireless - Call Detail', accountNumber: '555-123-9876' }],
    });
    expect(rows).toHaveLength(60);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(rows.every((r) => r.error === undefined && r.cells.length === 7)).toBe(true);
    expect(rows[0]!.cells).toEqual(['10/02/2025', '2:01 PM', '(415) 604-1701', 'BOSTON MA', '2', '$1.10', '555-123-9876']);
    expect(rows[59]!.cells.slice(0, 3)).toEqual(['10/05/2025', '1:00 PM', '(415) 604-1760']);
    // two repeated headers; per later page a title and an account line, plus three page footers
    expect(stream.stats.skipped).toMatchObject({ repeatedHeader: 2, pageFurniture: 7, preamble: 2 });
  });

  it('assigns right-aligned values and empty cells to the right columns', async () => {
    const buf = await drawPdf((doc) => {
      doc.fontSize(10);
      const cols = [40, 150, 300, 420];
      ['Number', 'Feature', 'Minutes', 'Charge'].forEach((h, i) => doc.text(h, cols[i]!, 80, { lineBreak: false }));
      const rows = [
        ['+14155550100', 'CW', '3', '$1.10'],
        ['+14155550101', '', '12', '$12.50'],
      ];
      rows.forEach((r, k) => {
        const y = 100 + k * 14;
        doc.text(r[0]!, 40, y, { lineBreak: false });
        if (r[1]) doc.text(r[1], 150, y, { lineBreak: false });
        doc.text(r[2]!, 300, y, { width: 40, align: 'right', lineBreak: false });
        doc.text(r[3]!, 420, y, { width: 40, align: 'right', lineBreak: false });
      });
    });
    const table = await readPdfTable(buf);
    expect(table.headers).toEqual(['Number', 'Feature', 'Minutes', 'Charge']);
    expect(table.records.slice(1).map((r) => r.cells)).toEqual([
      ['+14155550100', 'CW', '3', '$1.10'],
      ['+14155550101', '', '12', '$12.50'],
    ]);
  });

  it('fails a scanned PDF (no text layer) with NoTextLayerError, not zero rows', async () => {
    await expect(classifyAndParse(await scannedPdf(2))).rejects.toThrow(NoTextLayerError);
    await expect(readPdfTable(await scannedPdf(1))).rejects.toThrow(/no text layer/);
  });

  it('fails prose without a table with HeaderNotFoundError, and garbage with CorruptFileError', async () => {
    const prose = await drawPdf((doc) => doc.fontSize(12).text('Dear customer, thank you for your payment. Your next bill is due on the first of the month.', 40, 80));
    await expect(readPdfTable(prose)).rejects.toThrow(HeaderNotFoundError);
    await expect(readPdfTable(Buffer.from('%PDF-1.7\nthis is not a pdf at all\n'))).rejects.toThrow(CorruptFileError);
  });

  it('stops with LimitExceededError when reading takes longer than its budget', async () => {
    await expect(readPdfTable(await callLogPdf({ pages: 3 }), { maxMillis: -1 })).rejects.toThrow(LimitExceededError);
  });
});
