import { describe, expect, it } from 'vitest';
import { describeSection, findLineNumber, isContextLine } from '../../functions/core/detect/row-shapes.ts';
import { detectDialect } from '../../functions/core/detect/csv-dialect.ts';
import { TableAssembler, totalSkipped, type AssemblerOptions, type ParsedRow } from '../../functions/core/parse/table-assembler.ts';

function assemble(lines: string[][], opts: AssemblerOptions = {}) {
  const rows: ParsedRow[] = [];
  const a = new TableAssembler((r) => rows.push(r), opts);
  lines.forEach((cells, i) => a.push({ cells, line: i + 1 }));
  a.end();
  return { rows, a };
}

const csv = (text: string): string[][] => text.split('\n').map((l) => (l === '' ? [''] : l.split(',')));

describe('findLineNumber', () => {
  it.each([
    ['Wireless Number: 312-404-7781', '312-404-7781'],
    ['Wireless Statement for 214-555-0187 - Billing period Jan 02 - Feb 01 2024', '214-555-0187'],
    ['JANE DOE 214-662-0187', '214-662-0187'],
    ['DOE, JANE (214) 662-0187', '(214) 662-0187'],
    ['Mobile number +44 7700 900123', '+44 7700 900123'],
    ['JANE DOE 2146620187', '2146620187'],
  ])('finds the line in %j', (text, line) => {
    expect(findLineNumber(text)).toBe(line);
  });

  it.each([
    'Customer Service: 1-800-331-0500',
    'Billing Period: Jan 05 - Feb 04 2025',
    'Invoice Date: 07/01/2025',
    'Call 611 for questions',
    'Total usage 214-662-0187 minutes',
    'Invoice 2146620187',
    'Account Number: 287-445-1093',
  ])('finds none in %j', (text) => {
    expect(findLineNumber(text)).toBeUndefined();
  });
});

describe('statement context lines', () => {
  it('takes a "<name>,<line>" line for context, not data', () => {
    expect(isContextLine(['JANE DOE', '214-662-0187', '', ''])).toBe(true);
    expect(isContextLine(['1', '214-662-0187', '', ''])).toBe(false);
  });

  it('describes a block: the account, the line and the section title, a 10-digit account not taken for a line', () => {
    expect(describeSection(['AT&T Wireless Statement', 'MARIA GARCIA 415-708-2231', 'Account Number: 287-445-1093', 'Voice Usage'], ['Item', 'Number Called', 'Min'], 1)).toEqual({
      kind: 'voice',
      title: 'Voice Usage',
      accountNumber: '287-445-1093',
      lineNumber: '415-708-2231',
    });
    expect(describeSection(['Account Number: 287-445-1093'], ['Item'], 1)).toEqual({ kind: 'section 1', accountNumber: '287-445-1093' });
  });
});

describe('TableAssembler with statement blocks', () => {
  const statement = [
    'AT&T Wireless Statement,,,',
    'MARIA GARCIA,415-708-2231,,',
    'Account Number: 287445109301,,,',
    ',,,',
    'Item,Date,Number Called,Call To',
    '1,01/06/2025,972-663-0143,DALLAS TX',
    '2,01/06/2025,469-777-0199,INCOMING CL',
    '3,01/06/2025,469-777-0198,PLANO TX',
    'Subtotal,,,',
    'AT&T Wireless Statement,,,',
    'JAMES GARCIA,415-708-2232,,',
    'Item,Date,Number Called,Call To',
    '1,01/07/2025,214-111-2222,INCOMING CL',
    'Total,,,',
  ].join('\n');

  it("gives each block's rows its line and the account, and skips a later block's header lines instead of emitting them", () => {
    const lines = csv(statement);
    const dialect = detectDialect(statement, { complete: true });
    expect(dialect.headerRow).toBe(4);
    expect(dialect.sections[0]).toMatchObject({ accountNumber: '287445109301', lineNumber: '415-708-2231' });
    const { rows, a } = assemble(lines.slice(4), { context: dialect.sections[0]! });
    const full = rows.map((r) => [...r.cells, ...a.fillFor(r.row, r.cells.length)]);
    expect(a.headers()).toEqual(['Item', 'Date', 'Number Called', 'Call To', 'Account Number', 'Line Number']);
    expect(full.map((r) => [r[2], r[4], r[5]])).toEqual([
      ['972-663-0143', '287445109301', '415-708-2231'],
      ['469-777-0199', '287445109301', '415-708-2231'],
      ['469-777-0198', '287445109301', '415-708-2231'],
      ['214-111-2222', '287445109301', '415-708-2232'],
    ]);
    expect(rows.every((r) => r.error === undefined)).toBe(true);
    // Subtotal, Total, and the second block's carrier, name/line and header lines
    expect(a.skipped).toMatchObject({ summary: 2, sectionContext: 3 });
    expect(totalSkipped(a.skipped)).toBe(5);
  });

  it('keeps the line of the block for its later sections, which name none', () => {
    const text = [
      'Item,Date,Number Called,Min',
      '1,01/06,972-663-0143,3',
      '',
      'Messaging Usage',
      'Item,Date,To/From,In/Out',
      '1,01/06,972-663-0143,Out',
    ].join('\n');
    const { rows, a } = assemble(csv(text), { context: { kind: 'voice', lineNumber: '415-708-2231' } });
    const full = rows.map((r) => [...r.cells, ...a.fillFor(r.row, r.cells.length)]);
    const line = a.headers().indexOf('Line Number');
    expect(full.map((r) => r[line])).toEqual(['415-708-2231', '415-708-2231']);
  });
});
