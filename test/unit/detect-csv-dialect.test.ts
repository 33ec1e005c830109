import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDialect, isSummaryRow } from '../../functions/core/detect/csv-dialect.ts';
import { HeaderNotFoundError } from '../../functions/core/errors.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url), 'utf8');

/** Alternates CRLF and LF line ends, as Verizon usage exports do. */
const mixLineEnds = (text: string): string =>
  text
    .split('\n')
    .map((line, i, all) => (i === all.length - 1 ? line : line + (i % 2 === 0 ? '\r\n' : '\n')))
    .join('');

const ATT_HEADERS = [
  'Item', 'Day', 'Date', 'Time', 'Number Called', 'Call To/From?', 'Min', 'Rate Code', 'Feature', 'Airtime Charge', "LD/Add'l Charges", 'Total Charge',
];

describe('detectDialect', () => {
  it('finds the AT&T header after the carrier, account and statement lines', () => {
    const dialect = detectDialect(fixture('att-wireless-calls.csv'), { complete: true });
    expect(dialect).toMatchObject({ delimiter: ',', headerRow: 4, headers: ATT_HEADERS, lineEnding: 'lf' });
    // Subtotal and Total lines are not data
    expect(dialect.sampleDataRows).toBe(9);
    // the account and the line ("Wireless Statement for 214-555-0187") of the preamble become context columns, filled on every row
    expect(dialect.unifiedHeaders).toEqual([...ATT_HEADERS, 'Account Number', 'Line Number']);
    expect(dialect.contextColumns).toEqual(['Account Number', 'Line Number']);
    expect(dialect.sections).toEqual([expect.objectContaining({ kind: 'voice', accountNumber: '123456789', lineNumber: '214-555-0187', headerLine: 4, rows: 9 })]);
    expect(dialect.sampleRows[0]).toEqual(['1', 'TUE', '01/02/2024', '8:14AM', '972-555-0143', 'DALLAS, TX', '3', 'NW', '', '$0.00', '$0.00', '$0.00', '123456789', '214-555-0187']);
  });

  it('finds the header when preamble lines are padded to the full width with commas', () => {
    const text = 'AT&T,,,,,\r\nAccount Number: 123-456-789,,,,,\r\n,,,,,\r\nDate,Time,Number,Direction,Min,Charge\r\n01/02/2024,8:14AM,972-555-0143,OUT,3,$0.00\r\n01/02/2024,9:02AM,214-555-0177,IN,12,$0.00\r\n';
    expect(detectDialect(text)).toMatchObject({ headerRow: 3, headers: ['Date', 'Time', 'Number', 'Direction', 'Min', 'Charge'], lineEnding: 'crlf' });
  });

  it('picks tab for Verizon usage files and reports mixed line ends', () => {
    const dialect = detectDialect(mixLineEnds(fixture('verizon-usage.tsv')));
    expect(dialect).toMatchObject({ delimiter: '\t', headerRow: 0, lineEnding: 'mixed' });
    expect(dialect.headers).toContain('Usage Type');
  });

  it('picks ; for European exports whose amounts use decimal commas', () => {
    const dialect = detectDialect(fixture('european-export-semicolon.csv'));
    expect(dialect).toMatchObject({ delimiter: ';', headerRow: 4 });
    expect(dialect.headers).toEqual(['Datum', 'Uhrzeit', 'Rufnummer', 'Richtung', 'Dauer (Sek.)', 'Betrag (EUR)']);
  });

  it('picks | for pipe-delimited files', () => {
    expect(detectDialect(fixture('pipe-delimited.txt'))).toMatchObject({ delimiter: '|', headerRow: 0 });
  });

  it('reads an unclosed quote as the tokenizer does: its row ends with its line, and the rows after it count', () => {
    const rows = Array.from({ length: 6 }, (_, i) => `10/0${i + 1}/2025,(415) 604-170${i},"note ${i}"`);
    rows[1] = '10/02/2025,(415) 604-1701,"left open';
    // the head is cut inside the last row: only the whole rows count
    const head = ['Date,Number,Notes', ...rows].join('\n') + '\n10/09/2025,(415) 604-17';
    const dialect = detectDialect(head);
    expect(dialect).toMatchObject({ delimiter: ',', headerRow: 0, headers: ['Date', 'Number', 'Notes'], sampleDataRows: 6 });
    expect(dialect.sampleRows[1]).toEqual(['10/02/2025', '(415) 604-1701', 'left open']);
    expect(dialect.sampleRows[2]).toEqual(['10/03/2025', '(415) 604-1702', 'note 2']);
  });

  it('ignores delimiters and line breaks inside quoted fields', () => {
    const dialect = detectDialect(fixture('quoted-multiline.csv'), { complete: true });
    expect(dialect).toMatchObject({ delimiter: ',', headerRow: 0, sampleDataRows: 3 });
    expect(dialect.sampleRows[0]).toEqual(['Lopez, Maria', 'maria.lopez@example.com', 'Acme, Inc.', '100 Main St\nSuite 200\nDallas, TX 75201', 'Prefers "email" contact']);
  });

  it('counts header lines after a quoted multi-line preamble cell as physical lines', () => {
    const text = '"Report generated\nby Billing",,\nName,Phone,City\nAda,555-0100,"Austin, TX"\nBob,555-0101,Waco\n';
    expect(detectDialect(text).headerRow).toBe(2);
  });

  it('handles old Mac CR-only line ends', () => {
    expect(detectDialect('Name,Phone\rAda,555-0100\rBob,555-0101\r')).toMatchObject({ headerRow: 0, lineEnding: 'cr' });
  });

  it('ignores a last line cut by the end of the sample', () => {
    const text = 'Name,Phone,City\nAda,555-0100,Austin\nBob,555-0101,Waco\nCy,555-01';
    const dialect = detectDialect(text);
    expect(dialect.sampleDataRows).toBe(2);
    expect(dialect.rowsPerChar).toBeGreaterThan(0);
  });

  it('throws HeaderNotFoundError for a file without a header line', () => {
    const headerless = '1,01/02/2024,8:14AM,972-555-0143,3,$0.00\n2,01/02/2024,9:02AM,214-555-0177,12,$0.00\n3,01/03/2024,12:47PM,469-555-0199,1,$0.00\n';
    expect(() => detectDialect(headerless)).toThrow(HeaderNotFoundError);
    expect(() => detectDialect(headerless)).toThrow(/6 comma-separated column names/);
    expect(() => detectDialect('')).toThrow(HeaderNotFoundError);
    expect(() => detectDialect('x'.repeat(5000))).toThrow(/No complete line in the first 5000 characters/);
  });
});

describe('isSummaryRow', () => {
  it.each([
    [['Subtotal', '', '', '38', '$13.41']],
    [['', '', 'Sub-Total for 214-555-0187', '', '']],
    [['Total', '', '65']],
    [['  TOTAL CHARGES:', '$13.41']],
    [['Grand Total', '$99.10']],
    [['End of report']],
    [['Page 2 of 5']],
    [['*** END ***']],
    [['Summe', '', '', '7,8980']],
    [['Summa:', '412,50']],
    [['Sous-total', '12,00']],
    [['Totaal', '99']],
    [['Yhteensä', '3']],
    [['Итого', '5']],
    [['合計', '1,200']],
  ])('is true for %j', (cells) => {
    expect(isSummaryRow(cells)).toBe(true);
  });

  it.each([
    [['1', 'TUE', '01/02/2024', '8:14AM']],
    [['Totally Wireless LLC', 'Dallas']],
    [['Sarah', 'Total Wine']],
    // a foreign label counts as the whole cell only: these are names
    [['Summa Equity', 'Stockholm']],
    [['Suma Capital SL', 'Barcelona']],
    [['', '', '']],
    [[]],
  ])('is false for %j', (cells) => {
    expect(isSummaryRow(cells)).toBe(false);
  });
});

describe('a statement preamble of label, value lines', () => {
  it('takes no "Issue Date,Feb 24, 2026" line for the header: a date in words is a value', () => {
    const text = [
      'Wireless Statement',
      'Account Number,287650000001',
      'Bill Period,"Mar 21 - Apr 20, 2026"',
      'Issue Date,"Apr 24, 2026"',
      '',
      'Wireless Number,415 555-0100',
      'User,ALEX KIM',
      '',
      'Item,Day,Date,Time,Number Called,Call To,Min,Total Charges',
      '1,SAT,03/21,8:04AM,415 555-0111,SAN FRAN CA,4,0.00',
      ...[2, 3, 4, 5, 6, 7].map((i) => `${i},SAT,03/21,9:1${i}AM,415 555-011${i},INCOMING CL,2,0.00`),
    ].join('\n');
    const d = detectDialect(text, { complete: true });
    expect(d.headerRow).toBe(8);
    expect(d.headers[0]).toBe('Item');
    expect(d.unifiedHeaders).not.toContain('Issue Date');
    // the rows print day and month only: the statement's date gives their year
    expect(d.statementDate).toBe('2026-04-24');
  });
});
