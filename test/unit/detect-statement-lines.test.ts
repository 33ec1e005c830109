import { describe, expect, it } from 'vitest';
import { describeSection, findAccountNumber, findLineNumber, isContextLine } from '../../functions/core/detect/row-shapes.ts';

describe('findLineNumber', () => {
  it.each([
    ['Wireless Number: 312-404-7781', '312-404-7781'],
    ['Wireless Statement for 214-555-0187 - Billing period Jan 02 - Feb 01 2024', '214-555-0187'],
    ['JANE DOE 214-662-0187', '214-662-0187'],
    ['DOE, JANE (214) 662-0187', '(214) 662-0187'],
    ['Mobile number +44 7700 900123', '+44 7700 900123'],
    ['JANE DOE 2146620187', '2146620187'],
    ['Target Number: 13124047781', '13124047781'],
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

describe('statement lines of European bills', () => {
  it('reads the customer number and the line a German or French bill prints above its rows', () => {
    expect(isContextLine(['Kundennummer:', '5102 4477 3190'])).toBe(true);
    expect(findAccountNumber('Kundennummer: 5102 4477 3190')).toBe('5102 4477 3190');
    expect(findAccountNumber('Numéro client : FR-2231-77')).toBe('FR-2231-77');
    expect(isContextLine(['Rufnummer:', '0152 28817386'])).toBe(true);
    expect(findLineNumber('Rufnummer: 0152 28817386')).toBe('0152 28817386');
    expect(findLineNumber('Numéro de ligne 06 12 34 56 78')).toBe('06 12 34 56 78');
  });

  it('takes no date for a national number', () => {
    expect(findLineNumber('Mobile statement 01.02.2026')).toBeUndefined();
    expect(findLineNumber('Abrechnungszeitraum: 01.02.2026 - 28.02.2026')).toBeUndefined();
  });
});
