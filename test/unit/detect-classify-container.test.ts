import { describe, expect, it } from 'vitest';
import { classifyTable, SAMPLE_RECORDS, TableScanner } from '../../functions/core/detect/classify-container.ts';
import { HeaderNotFoundError, NoDataRowsError } from '../../functions/core/errors.ts';

function scanOf(rows: string[][]): TableScanner {
  const s = new TableScanner();
  rows.forEach((cells, i) => s.add({ cells, line: i + 1 }));
  return s;
}
const calls = (n: number): string[][] => Array.from({ length: n }, (_, i) => [`2025-10-${String((i % 28) + 1).padStart(2, '0')}`, `+1415555${String(1000 + i)}`, String(i % 9)]);

describe('classifyTable', () => {
  it('names unnamed columns and widens the header to the widest data row', () => {
    const t = classifyTable(scanOf([['Date', '', 'Minutes'], ...calls(3).map((r, i) => (i === 1 ? [...r, 'note'] : r))]).scan, 'sheet "Calls"');
    expect(t.headers).toEqual(['Date', 'Column 2', 'Minutes', 'Column 4']);
    expect(t).toMatchObject({ headerRow: 0, rowEstimate: 3, dataRows: 3 });
  });

  it('widens the header to rows past the sample and estimates the rows past it', () => {
    const s = scanOf([['Title'], [], ['Date', 'Number', 'Minutes'], ...calls(SAMPLE_RECORDS + 20)]);
    s.add({ cells: ['2025-11-01', '+14155559999', '1', 'late'], line: SAMPLE_RECORDS + 24 });
    expect(s.scan).toMatchObject({ complete: false, tailWidth: 4, nonBlank: SAMPLE_RECORDS + 23 });
    const t = classifyTable(s.scan, 'sheet "Calls"');
    expect(t.headers).toEqual(['Date', 'Number', 'Minutes', 'Column 4']);
    expect(t.headerRow).toBe(2);
    // every non-blank row after the title and the header
    expect(t.rowEstimate).toBe(SAMPLE_RECORDS + 21);
  });

  it('says which table has no header, or no data under it', () => {
    expect(() => classifyTable(scanOf([['1', '2'], ['3', '4']]).scan, 'table 2')).toThrow(new HeaderNotFoundError('No header row found in the first 2 rows of table 2: expected a row of column names followed by data'));
    expect(() => classifyTable(scanOf([['Date', 'Number', 'Minutes']]).scan, 'sheet "Calls"')).toThrow(NoDataRowsError);
  });
});
