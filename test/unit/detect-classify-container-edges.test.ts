import { describe, expect, it } from 'vitest';
import { baseFields, classifyTable, SAMPLE_RECORDS, TableScanner } from '../../functions/core/detect/classify-container.ts';
import { NoDataRowsError } from '../../functions/core/errors.ts';
import type { SourceRecord } from '../../functions/core/parse/table-assembler.ts';

function scanOf(rows: string[][]): TableScanner {
  const s = new TableScanner();
  rows.forEach((cells, i) => s.add({ cells, line: i + 1 }));
  return s;
}
const calls = (n: number): string[][] => Array.from({ length: n }, (_, i) => [`2025-10-${String((i % 28) + 1).padStart(2, '0')}`, `+1415555${String(1000 + i)}`, String(i % 9)]);

describe('TableScanner', () => {
  it(`keeps ${SAMPLE_RECORDS} records as the whole table, and marks it incomplete at the next one`, () => {
    const s = scanOf([['Date', 'Number', 'Minutes'], ...Array.from({ length: SAMPLE_RECORDS - 1 }, () => [] as string[])]);
    expect(s.scan).toMatchObject({ complete: true, nonBlank: 1, tailWidth: 0 });
    expect(s.scan.sample).toHaveLength(SAMPLE_RECORDS);
    s.add({ cells: ['', '', '', ''], line: SAMPLE_RECORDS + 1 });
    expect(s.scan).toMatchObject({ complete: false, nonBlank: 1, tailWidth: 0 });
    s.add({ cells: ['2025-10-01', '+14155551000', '3'], line: SAMPLE_RECORDS + 2 });
    s.add({ cells: ['2025-10-02'], line: SAMPLE_RECORDS + 3 });
    expect(s.scan).toMatchObject({ complete: false, nonBlank: 3, tailWidth: 3 });
    expect(s.scan.sample).toHaveLength(SAMPLE_RECORDS);
  });
});

describe('classifyTable', () => {
  it('estimates rows past the sample when every sampled row after the header is blank', () => {
    const s = scanOf([['Calls'], ['Date', 'Number', 'Minutes'], ...Array.from({ length: SAMPLE_RECORDS - 2 }, () => [] as string[])]);
    s.add({ cells: ['2025-10-01', '+14155551000', '3'], line: SAMPLE_RECORDS + 1 });
    s.add({ cells: ['2025-10-02', '+14155551001', '4'], line: SAMPLE_RECORDS + 2 });
    const t = classifyTable(s.scan, 'sheet "Calls"');
    // no data row in the sample, but the table goes on: the two rows after the title and the header
    expect(t).toMatchObject({ headerRow: 1, headers: ['Date', 'Number', 'Minutes'], dataRows: 0, rowEstimate: 2, sampleRows: [] });
  });

  it('counts the rows it saw when the sample holds more than the non-blank rows after it suggest', () => {
    const s = scanOf([['Date', 'Number', 'Minutes'], ...calls(SAMPLE_RECORDS - 1)]);
    s.add({ cells: [], line: SAMPLE_RECORDS + 1 });
    expect(s.scan.complete).toBe(false);
    expect(classifyTable(s.scan, 'sheet "Calls"').rowEstimate).toBe(SAMPLE_RECORDS - 1);
  });

  it('widens the header to data rows only, not to a wider title above it', () => {
    const t = classifyTable(scanOf([['Voice Usage', '', '', '', 'printed 2025-11-01'], [' Date ', ' ', 'Minutes'], ...calls(2)]).scan, 'sheet "Calls"');
    expect(t.headers).toEqual(['Date', 'Column 2', 'Minutes']);
    expect(t.headerRow).toBe(1);
    expect(t.sections).toEqual([{ kind: 'voice', title: 'Voice Usage printed 2025-11-01', headerRow: 1, headers: ['Date', 'Column 2', 'Minutes'] }]);
  });

  it('lists the first section under the header as read, its repeated names unrenamed, and warns of the renaming', () => {
    const t = classifyTable(scanOf([['Voice Usage'], ['Date', 'Date', 'Minutes'], ...calls(2)]).scan, 'sheet "Calls"');
    expect(t.headers).toEqual(['Date', 'Date (2)', 'Minutes']);
    expect(t.sections).toEqual([{ kind: 'voice', title: 'Voice Usage', headerRow: 1, headers: ['Date', 'Date', 'Minutes'] }]);
    expect(t.warnings?.map((w) => w.code)).toEqual(['duplicate_columns']);
  });

  it('reads a whole table to its end: a row after a blank line is data', () => {
    const t = classifyTable(scanOf([['Date', 'Number', 'Minutes'], ...calls(2), [], calls(3)[2]!]).scan, 'sheet "Calls"');
    expect(t).toMatchObject({ rowEstimate: 3, dataRows: 3 });
    expect(t.sampleRows[2]).toEqual(calls(3)[2]);
  });

  it('takes a row whose trailing cells are absent, as sheets store them, and pads it to the header', () => {
    const t = classifyTable(scanOf([['Date', 'Number', 'Minutes'], ['2025-10-01', '+14155551000'], ...calls(2)]).scan, 'sheet "Calls"');
    expect(t.sampleRows[0]).toEqual(['2025-10-01', '+14155551000', '']);
    expect(t).toMatchObject({ rowEstimate: 3, dataRows: 3 });
    expect(t).not.toHaveProperty('warnings');
  });

  it('lists each section under its own header', () => {
    const t = classifyTable(
      scanOf([['Voice Usage'], ['Date', 'Number', 'Minutes'], ...calls(2), [], ['Data Usage'], ['Date', 'Type', 'KB'], ['2025-10-01', 'LTE', '1000'], ['2025-10-02', 'LTE', '2000']]).scan,
      'sheet "Usage"',
    );
    expect(t.sections).toStrictEqual([
      { kind: 'voice', title: 'Voice Usage', headerRow: 1, headers: ['Date', 'Number', 'Minutes'] },
      { kind: 'data', title: 'Data Usage', headerRow: 6, headers: ['Date', 'Type', 'KB'] },
    ]);
    expect(t.rowEstimate).toBe(4);
  });

  it("finds a later section whose first row omits its trailing cells, as sheets store them", () => {
    const t = classifyTable(
      scanOf([['Date', 'Number', 'Minutes'], ...calls(2), [], ['Data Usage'], ['Date', 'Type', 'KB'], ['2025-10-05', 'LTE'], ['2025-10-06', 'LTE', '7']]).scan,
      'sheet "Usage"',
    );
    expect(t.sections?.map((s) => s.headers)).toEqual([['Date', 'Number', 'Minutes'], ['Date', 'Type', 'KB']]);
    expect(t.rowEstimate).toBe(4);
    expect(t.sampleRows[2]).toEqual(['2025-10-05', '', '', 'LTE', '', 'data']);
  });

  it('names the table without data rows', () => {
    expect(() => classifyTable(scanOf([['Date', 'Number', 'Minutes'], []]).scan, 'table 2')).toThrow(new NoDataRowsError('No data rows after the header of table 2'));
  });

  it('hands the sample to `prepare` while it looks for the header, then with the header line', () => {
    const seen: number[] = [];
    const widened = (sample: SourceRecord[], headerLine: number): SourceRecord[] => {
      seen.push(headerLine);
      // a merged cell: the header's second name filled in once the header is known
      return headerLine === Infinity ? sample : sample.map((r) => (r.line === headerLine ? { ...r, cells: [r.cells[0]!, 'Number', r.cells[2]!] } : r));
    };
    const t = classifyTable(scanOf([['Calls'], ['Date', '', 'Minutes'], ...calls(2)]).scan, 'sheet "Calls"', widened);
    expect(seen).toEqual([Infinity, 2]);
    expect(t.headers).toEqual(['Date', 'Number', 'Minutes']);
    expect(t.headerRow).toBe(1);
  });
});

describe('baseFields', () => {
  it('says what every container says: UTF-8 without a byte order mark, the declared type when there is one', () => {
    expect(baseFields({ declaredType: 'text/csv' }, 'application/pdf', true)).toStrictEqual({
      declaredType: 'text/csv',
      detectedType: 'application/pdf',
      typeMismatch: true,
      encoding: 'utf-8',
      hasBom: false,
    });
    expect(baseFields({}, 'application/pdf', false)).toStrictEqual({ detectedType: 'application/pdf', typeMismatch: false, encoding: 'utf-8', hasBom: false });
  });
});
