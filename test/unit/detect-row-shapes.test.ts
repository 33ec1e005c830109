import { describe, expect, it } from 'vitest';
import { detectDialect, findHeaderRow } from '../../functions/core/detect/csv-dialect.ts';
import {
  countFilled,
  describeSection,
  DISTINCT_NAMES,
  filledWidth,
  findAccountNumber,
  findLineNumber,
  isBlankCells,
  isContextLine,
  isDataLike,
  isSummaryRow,
  lineText,
  looksLikeData,
  looksLikeHeader,
  statementDateIn,
} from '../../functions/core/detect/row-shapes.ts';

describe('isDataLike', () => {
  it.each([
    '12',
    ' 12 ',
    '-3',
    '+5',
    '(5)',
    '$1,234.50',
    '€ 5',
    '£5',
    '¥500',
    '- $ 5',
    '3.5%',
    '8:14 AM',
    '8:14am',
    '8:14 p',
    '12 PM',
    '01/02/2024',
    "1'234",
    '2024-01-02T08:00:00Z',
    '2024-01-02 08:00',
    'ada@example.com',
    'Feb 24, 2026',
    'February 24th 2026',
    '24 Feb 2026',
    '24. Februar 2026',
    'Jan 21 - Feb 20, 2026',
    'Sept. 3, 2025',
    'mar 3 2025',
    '1 234',
    '€5',
    '(0.50)',
    ' Feb 24, 2026 ',
  ])('takes %j for a value', (cell) => {
    expect(isDataLike(cell)).toBe(true);
  });

  it.each(['Jan 21, 2026 - Feb 20', '12 xpm', '12 Name', 'Name 12', 'Name', 'Feb 24', 'Date 2026', 'ada@example', 'a@b.c', 'a b@c.com', '', 'Total 5', '5 Total', '12ab', '2024-01-02x', 'Feb 24, 2026 x', 'x Feb 24, 2026', '$', 'Jan 21 - 2026'])(
    'takes %j for no value',
    (cell) => {
      expect(isDataLike(cell)).toBe(false);
    },
  );
});

describe('looksLikeHeader', () => {
  it('needs half the cells filled', () => {
    expect(looksLikeHeader(['Date', '', ''])).toBe(false);
    expect(looksLikeHeader(['Date', 'Number', '', ''])).toBe(true);
    expect(looksLikeHeader(['', ' '])).toBe(false);
    expect(looksLikeHeader([])).toBe(false);
  });

  it('takes names of up to 128 characters', () => {
    expect(looksLikeHeader(['Date', 'N'.repeat(128)])).toBe(true);
    expect(looksLikeHeader(['Date', 'N'.repeat(129)])).toBe(false);
  });

  it('needs fewer than half the names to be values', () => {
    expect(looksLikeHeader(['Date', 'Number', '2024'])).toBe(true);
    expect(looksLikeHeader(['Date', '2024'])).toBe(false);
  });

  it('needs distinct names, ignoring case, as many as asked', () => {
    expect(looksLikeHeader(['Date', 'DATE', 'Number', 'Min', 'Cost'])).toBe(true);
    expect(looksLikeHeader(['Date', 'DATE', 'Number', 'number', 'Min'])).toBe(false);
    expect(looksLikeHeader(['Date', 'DATE', 'Number', 'number', 'Min'], DISTINCT_NAMES.allowed)).toBe(true);
    expect(looksLikeHeader(['Date', 'DATE', 'date', 'Number', 'number'], DISTINCT_NAMES.allowed)).toBe(false);
    // lower case tells ß from SS (upper case would not)
    expect(looksLikeHeader(['Straße', 'STRASSE', 'Ort'])).toBe(true);
  });

  it('takes no summary line for a header', () => {
    expect(looksLikeHeader(['Total', 'Charges'])).toBe(false);
  });
});

describe('looksLikeData', () => {
  it('needs half the cells filled, and half of those values', () => {
    expect(looksLikeData(['1', '', ''])).toBe(false);
    expect(looksLikeData(['1', '2', '', ''])).toBe(true);
    expect(looksLikeData(['1', 'Ada'])).toBe(true);
    expect(looksLikeData(['1', 'Ada', 'Bob'])).toBe(false);
    expect(looksLikeData([' ', ' 1 '])).toBe(true);
    expect(looksLikeData(['1', 'Ada', ' ', ' '])).toBe(true);
  });
});

describe('blank and filled cells', () => {
  it('takes empty and white cells for blank', () => {
    expect(isBlankCells([])).toBe(true);
    expect(isBlankCells(['', ' ', '\t', ' \r'])).toBe(true);
    expect(isBlankCells(['', 'x'])).toBe(false);
    expect(isBlankCells(['', ' x'])).toBe(false);
    expect(isBlankCells(['!'])).toBe(false);
  });

  it('counts the filled cells, up to a limit', () => {
    expect(countFilled(['a', '', ' b', ' ', 'c'])).toBe(3);
    expect(countFilled(['a', '', ' b', ' ', 'c'], 2)).toBe(2);
    expect(countFilled(['', ' '])).toBe(0);
  });

  it('gives the width up to the last filled cell', () => {
    expect(filledWidth(['a', '', ' b', ' ', ''])).toBe(3);
    expect(filledWidth(['a'])).toBe(1);
    expect(filledWidth(['', ' '])).toBe(0);
    expect(filledWidth([])).toBe(0);
  });
});

describe('cells of non-breaking spaces', () => {
  it('are blank, as trim() has them', () => {
    expect(isBlankCells(['\u00a0', ' \u00a0', '\u2007', '\u3000'])).toBe(true);
    expect(countFilled(['\u00a0', 'a', '\u00a0b'])).toBe(2);
    expect(filledWidth(['a', '\u00a0', '\u00a0'])).toBe(1);
    expect(isBlankCells(['\u00e9'])).toBe(false);
    expect(isBlankCells(['\u007f'])).toBe(false);
  });

  it('hide no header: a row of them under the header of a sheet or a file is a blank row', () => {
    const data = ['01/02/2024', '972-555-0143', '3'];
    // before: the row of U+00A0 was taken for a narrow row of names, so the header had no data and the sheet no header
    expect(findHeaderRow([{ cells: ['Date', 'Number', 'Min'] }, { cells: ['\u00a0', '\u00a0', '\u00a0', '\u00a0'] }, { cells: data }, { cells: data }])).toBe(0);
    expect(detectDialect('Date,Number,Min\n\u00a0,\u00a0\n01/02/2024,972-555-0143,3\n')).toMatchObject({ headerRow: 0, sampleDataRows: 1 });
  });
});

describe('isSummaryRow', () => {
  it.each([
    [['Total']],
    [['Totals', '5']],
    [['   Subtotal', '5']],
    [['\tGrand total', '5']],
    [['Sub-total']],
    [['End of file']],
    [['Page 3']],
    [['** END']],
    [['Zwischensumme:']],
    [['Gesamtbetrag']],
    [['Insgesamt']],
    [['Delsumma']],
    [['Totalt']],
    [['Subtotale']],
    [['Somme']],
    [['Razem']],
    [['Celkem']],
    [['I alt']],
    [['Toplam']],
    [['Всего']],
    [['小計']],
    [['합계']],
    [['총계']],
    [['总计']],
  ])('is true for %j', (cells) => {
    expect(isSummaryRow(cells)).toBe(true);
  });

  it('reads the first filled cell', () => {
    expect(isSummaryRow(['', ' ', 'Total'])).toBe(true);
    expect(isSummaryRow(['', ' '])).toBe(false);
  });

  it.each([[['Page three']], [['* END']], [['Endsumme Capital']], [['Gesamtbetrag netto']], [['x', 'Total']]])('is false for %j', (cells) => {
    expect(isSummaryRow(cells)).toBe(false);
  });
});

describe('account and line numbers', () => {
  it.each([
    ['Account: 287-445-1093', '287-445-1093'],
    ['Acct # 12345678', '12345678'],
    ['BAN 287445109', '287445109'],
    ['Account No. A1234', 'A1234'],
    ['Kunden-Nr. 5102 4477', '5102 4477'],
    ['Vertragsnummer 44-55', '44-55'],
    ['N° de compte : 7788', '7788'],
    ['Número de cuenta 12345', '12345'],
    ['Numer klienta: 998877', '998877'],
    ['Číslo zákazníka 556677', '556677'],
  ])('finds the account in %j', (text, account) => {
    expect(findAccountNumber(text)).toBe(account);
  });

  it.each(['Accounting 12345', 'Account: ABCDEF', 'Bank 12345'])('finds none in %j', (text) => {
    expect(findAccountNumber(text)).toBeUndefined();
  });

  it.each([
    ['Mobile: +1 214 555 0187', '+1 214 555 0187'],
    ['Line 0152 28817386', '0152 28817386'],
    ['Subscriber 214.555.0187', '214.555.0187'],
    ['Statement for 2145550187', '2145550187'],
    ['MARIA GARCIA - 415-708-2231', '415-708-2231'],
    ['Puhelinnumero 040 1234567', '040 1234567'],
    ['Line 1-214-555-0187', '1-214-555-0187'],
    ['Line 1(214) 555-0187', '1(214) 555-0187'],
    ['Line 1 (214) 555-0187', '1 (214) 555-0187'],
    ['Line (214)555-0187', '(214)555-0187'],
    ['Line 214 555 0187', '214 555 0187'],
    ['Mobile +447700900123', '+447700900123'],
    ['Mobile +353 87 123 4567', '+353 87 123 4567'],
    ['JANE DOE: 214-662-0187', '214-662-0187'],
    ['Cellular 214-662-0187', '214-662-0187'],
    ['Cell 214-662-0187', '214-662-0187'],
    ['JANE DOE 214-662-0187  ', '214-662-0187'],
    ['  JANE DOE 214-662-0187', '214-662-0187'],
  ])('finds the line in %j', (text, line) => {
    expect(findLineNumber(text)).toBe(line);
  });

  it.each([
    '7 JANE DOE 214-662-0187',
    'JANE DOE (5) 214-662-0187',
    'DOE:JANE 214-662-0187',
    'MARIA;GARCIA 214-662-0187',
    'Toll free 1-800-331-0500',
    'Question 214-555-0187',
    'Any question? 214-555-0187',
    'Offline 214-555-0187 x',
    'Cellar 214-662-0187 x',
    'MARIA GARCIA 415-708-2231 extra',
    'Order 415-708-2231', 'Fax 415-708-2231', 'Toll-free 1-800-331-0500', 'no number here', '12/31/2025 line'])('finds none in %j', (text) => {
    expect(findLineNumber(text)).toBeUndefined();
  });
});

describe('isContextLine', () => {
  it('takes one cell of text for context, not a value or a long text', () => {
    expect(isContextLine(['Voice Usage', '', ''])).toBe(true);
    expect(isContextLine(['', '12.50'])).toBe(false);
    expect(isContextLine(['x'.repeat(200)])).toBe(true);
    expect(isContextLine(['x'.repeat(201)])).toBe(false);
    // the length of the text, not of the row
    expect(isContextLine(['x'.repeat(199), ' ', ''])).toBe(true);
    expect(isContextLine(['', ' '])).toBe(false);
  });

  it('takes two cells for context only when they name an account or a line', () => {
    expect(isContextLine(['Account:', '123456789'])).toBe(true);
    expect(isContextLine(['Rent for account', '123456789'])).toBe(false);
    expect(isContextLine(['Ada', 'Bob'])).toBe(false);
    expect(isContextLine(['Account:', 'pending'])).toBe(false);
    expect(isContextLine(['Account:', '123456789', 'x'])).toBe(false);
  });
});

describe('lineText', () => {
  it('joins the filled cells, a merged cell once', () => {
    expect(lineText([' Voice ', '', 'Voice', 'Usage', 'Voice'])).toBe('Voice Usage Voice');
    expect(lineText(['', ' '])).toBe('');
  });
});

describe('describeSection', () => {
  it('takes the kind from the title first, then from the column names', () => {
    expect(describeSection(['Text messages'], ['Date', 'Number', 'Minutes'], 1).kind).toBe('messaging');
    expect(describeSection([], ['Date', 'Number', 'Minutes'], 1).kind).toBe('voice');
    expect(describeSection([], ['Date', 'MB used'], 1).kind).toBe('data');
    expect(describeSection([], ['Date', 'SMS to'], 1).kind).toBe('messaging');
    expect(describeSection([], ['Date', 'Number'], 3)).toStrictEqual({ kind: 'section 3' });
    // the first context line that names a kind
    expect(describeSection(['AT&T Wireless', 'Data usage', 'Voice'], ['Date', 'Minutes'], 1).kind).toBe('data');
    // the column names are read as words apart
    expect(describeSection([], ['Date', 'Texts', 'Count'], 1).kind).toBe('messaging');
  });

  it.each([
    ['messaging', ['Message', 'Messages', 'Messaging', 'Text', 'Texts', 'Texting', 'SMS', 'MMS', 'Msg', 'Msgs']],
    ['data', ['Data', 'Internet', 'KB', 'MB', 'GB', 'Kilobyte', 'Kilobytes', 'Megabyte', 'Megabytes', 'GPRS', 'Bytes']],
    ['voice', ['Voice', 'Call', 'Calls', 'Calling', 'Minute', 'Minutes', 'Min', 'Mins', 'Airtime', 'Number called']],
  ])('takes each word of %s for its kind', (kind, words) => {
    for (const word of words) expect(describeSection([`${word} usage`], ['A'], 1).kind, word).toBe(kind);
    expect(describeSection(['Textbook Callery'], ['A'], 1).kind).toBe('section 1');
  });

  it('keeps the last title, at most 200 characters, and the account and line apart', () => {
    expect(describeSection(['First', 'Second title', ' '], ['A'], 1)).toStrictEqual({ kind: 'section 1', title: 'Second title' });
    expect(describeSection([' Padded title '], ['A'], 1)).toStrictEqual({ kind: 'section 1', title: 'Padded title' });
    expect(describeSection(['T'.repeat(250)], ['A'], 1).title).toBe('T'.repeat(200));
    // an account number that holds the line's digits is no line
    expect(describeSection(['Account 2145550187'], ['A'], 1)).toStrictEqual({ kind: 'section 1', accountNumber: '2145550187' });
    expect(describeSection(['Account 287445109 Wireless 214-555-0187'], ['A'], 1)).toStrictEqual({ kind: 'section 1', accountNumber: '287445109', lineNumber: '214-555-0187' });
    expect(describeSection(['Wireless account 214-555-0187'], ['A'], 1)).toStrictEqual({ kind: 'section 1', accountNumber: '214-555-0187' });
    expect(describeSection(['Wireless 214-555-0187'], ['A'], 1)).toStrictEqual({ kind: 'section 1', lineNumber: '214-555-0187' });
  });
});

describe('statementDateIn', () => {
  it('takes the latest date with a year in any of the printed forms', () => {
    expect(statementDateIn(['Period 02/20/2026 to 2026-03-19', 'Printed 20 Mar 2026'])).toBe('2026-03-20');
    expect(statementDateIn(['Issued March 3rd, 2026', '01.03.2026'])).toBe('2026-03-03');
    expect(statementDateIn(['Due 5 Apr 2026'])).toBe('2026-04-05');
    expect(statementDateIn(['Invoice 20260301', 'Feb 24'])).toBeUndefined();
    expect(statementDateIn([])).toBeUndefined();
    // the latest, not the last
    expect(statementDateIn(['Period 2026-03-19', 'Printed 2026-02-01'])).toBe('2026-03-19');
  });
});
