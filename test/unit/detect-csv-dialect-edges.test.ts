import { describe, expect, it } from 'vitest';
import { assembleSample, detectDialect, findHeaderRow } from '../../functions/core/detect/csv-dialect.ts';
import { HeaderNotFoundError } from '../../functions/core/errors.ts';
import { MAX_QUOTED_LINE_BREAKS } from '../../functions/core/parse/csv-tokenizer.ts';

/** An Asterisk Master.csv row (no header row: the layout names its columns). */
const cdr = (i: number): string =>
  `"","10${i}","200","from-internal","""Desk ${i}"" <10${i}>","SIP/10${i}-0000","SIP/200-0001","Dial","SIP/200,30","2025-11-03 09:0${i}:00","2025-11-03 09:0${i}:05","2025-11-03 09:1${i}:00","${60 + i}","${55 + i}","ANSWERED","DOCUMENTATION","17${i}.1",""`;

describe('detectDialect: the delimiter', () => {
  it('on a tie of rows and width takes the delimiter listed first (comma before semicolon)', () => {
    const d = detectDialect('Name,Notes;Id\nAnn,a;1\nBob,b;2\n');
    expect(d.delimiter).toBe(',');
    expect(d.headers).toEqual(['Name', 'Notes;Id']);
  });

  it('on a tie of rows takes the delimiter that splits them wider', () => {
    const d = detectDialect('Name;Notes,x;City\nAnn;a,b;Austin\nBob;c,d;Waco\n');
    expect(d.delimiter).toBe(';');
    expect(d.headers).toEqual(['Name', 'Notes,x', 'City']);
  });

  it('takes the delimiter that splits more rows alike over one that splits fewer wider', () => {
    expect(detectDialect('x;y;z;w\nName,Phone\nAda,555-0100\nBob,555-0101\n')).toMatchObject({ delimiter: ',', headerRow: 1 });
  });

  it.each([
    ['\t', 'tab'],
    [';', 'semicolon'],
    ['|', 'pipe'],
  ])('names the %j delimiter in the message of a file without a header', (sep, name) => {
    const rows = ['1,01/02/2024,972-555-0143,3', '2,01/02/2024,214-555-0177,12', '3,01/03/2024,469-555-0199,1'].map((r) => r.replaceAll(',', sep));
    expect(() => detectDialect(rows.join('\n') + '\n')).toThrow(`expected a line of 4 ${name}-separated column names`);
  });
});

describe('detectDialect: what it reports', () => {
  it('counts the last line of a whole file without a line break, and not of a cut head', () => {
    const text = 'Name,Phone\nAda,555-0100\nBob,555-0101';
    expect(detectDialect(text, { complete: true })).toMatchObject({ sampleDataRows: 2, sampledChars: text.length });
    expect(detectDialect(text)).toMatchObject({ sampleDataRows: 1, sampledChars: 'Name,Phone\nAda,555-0100\n'.length });
  });

  it('says which lines it read when no header is found', () => {
    const headerless = '1,01/02/2024,8:14AM,972-555-0143,3,$0.00\n2,01/02/2024,9:02AM,214-555-0177,12,$0.00\n3,01/03/2024,12:47PM,469-555-0199,1,$0.00\n';
    expect(() => detectDialect(headerless)).toThrow(
      'No header row found in the first 3 lines: expected a line of 6 comma-separated column names followed by rows of the same width',
    );
    // one column: no width to expect
    expect(() => detectDialect('12\n13\n14\n')).toThrow(/^No header row found in the first 3 lines$/);
    // two columns are a width
    expect(() => detectDialect('1,2\n3,4\n')).toThrow('expected a line of 2 comma-separated column names');
  });

  it('finds no line at all in an empty or blank head, which is no over-long line', () => {
    expect(() => detectDialect('')).toThrow(/^No header row found in the first 0 lines$/);
    expect(() => detectDialect('   ')).toThrow(/^No header row found in the first 0 lines$/);
  });

  it('trims the header cells, and takes neither context nor a statement date from the rows under the header', () => {
    const text = ' Name , Phone ,Date\nADA LOVELACE,214-555-0187,01/02/2024\nBOB JONES,214-555-0100,01/03/2024\n';
    const d = detectDialect(text);
    expect(d.headers).toEqual(['Name', 'Phone', 'Date']);
    expect(d.unifiedHeaders).toEqual(['Name', 'Phone', 'Date']);
    expect(d.contextColumns).toEqual([]);
    expect(d).not.toHaveProperty('statementDate');
    expect(d).not.toHaveProperty('impliedHeader');
    // no title either: the last line above the header would be one
    expect(d.sections).toEqual([{ kind: 'section 1', headers: ['Name', 'Phone', 'Date'], headerLine: 0, rows: 2 }]);
    expect(d.sampleRows).toEqual([
      ['ADA LOVELACE', '214-555-0187', '01/02/2024'],
      ['BOB JONES', '214-555-0100', '01/03/2024'],
    ]);
  });

  it('gives the data rows per character of the text after the header', () => {
    const text = 'Name,Phone\nAda,555-0100\nBob,555-0101\n';
    expect(detectDialect(text).rowsPerChar).toBe(2 / (text.length - 'Name,Phone\n'.length));
  });

  it('gives no rows per character for a header without data', () => {
    const d = detectDialect('Name,Phone\n,\n');
    expect(d.sampleDataRows).toBe(0);
    expect(d).not.toHaveProperty('rowsPerChar');
  });

  it('returns at most maxSampleRows rows and examines at most maxRecords records', () => {
    const text = 'Name,Phone\n' + [0, 1, 2, 3, 4].map((i) => `P${i},555-010${i}\n`).join('');
    const d = detectDialect(text, { maxSampleRows: 2 });
    expect(d.sampleDataRows).toBe(5);
    expect(d.sampleRows).toEqual([
      ['P0', '555-0100'],
      ['P1', '555-0101'],
    ]);
    const few = detectDialect(text, { maxRecords: 3 });
    expect(few.sampleDataRows).toBe(2);
    expect(few.sampledChars).toBe('Name,Phone\nP0,555-0100\nP1,555-0101\n'.length);
  });
});

describe('detectDialect: the width of the table', () => {
  it('on a tie of two widths takes the wider, whichever comes first', () => {
    expect(detectDialect('Name,Phone,City\nAda,555-0100,Austin\nx,1\ny,2\n').headerRow).toBe(0);
    // a two-cell title and subtitle above a three-column table
    expect(detectDialect('Title,Here\nFoo,Bar\nName,Phone,City\nAda,555-0100,Austin\n').headerRow).toBe(2);
  });

  it('takes no wider width that fewer rows have', () => {
    expect(detectDialect('Name,Phone,City\nAda,555-0100,Austin\nBob,555-0101,Waco\nx,y,z,w\n').headerRow).toBe(0);
  });
});

describe('detectDialect: the header row', () => {
  it('prefers a header of distinct names to a group row of repeated ones above it', () => {
    const text = 'From,From,To,To,Call\nName,Number,Dest Name,Dest Number,Min\nAda,555-0100,Bob,555-0101,3\nCy,555-0102,Di,555-0103,4\n';
    expect(detectDialect(text).headerRow).toBe(1);
  });

  it('takes a header of repeated names when there is no other', () => {
    const text = 'Number,Number,Date,Min\n555-0100,555-0101,01/02/2024,3\n555-0102,555-0103,01/03/2024,4\n';
    expect(detectDialect(text)).toMatchObject({ headerRow: 0, headers: ['Number', 'Number', 'Date', 'Min'] });
  });

  it('passes over a line of names followed by a line of another width', () => {
    const text = 'Report,Generated\nby,Billing,Dept\nName,Phone\nAda,555-0100\nBob,555-0101\n';
    expect(detectDialect(text).headerRow).toBe(2);
  });

  it('looks past blank lines for the line after the header', () => {
    const text = 'Name,Phone\n\nAda,555-0100\n\nBob,555-0101\n';
    expect(detectDialect(text)).toMatchObject({ headerRow: 0, sampleDataRows: 2 });
  });

  it('does not judge the header by the width of a row whose quote never closes', () => {
    // the quote after "10/01/2025," closes only at the next row's "note 2": a broken row of two cells
    const text = 'Date,Number,Notes\n10/01/2025,"left open, here\n10/02/2025,(415) 604-1702,"note 2"\n10/03/2025,(415) 604-1703,"note 3"\n';
    expect(detectDialect(text)).toMatchObject({ headerRow: 0, headers: ['Date', 'Number', 'Notes'] });
  });

  it('does not judge the header by a whole file whose last row opens a quote it never closes', () => {
    expect(detectDialect('Name,Phone,City\nAda,"open', { complete: true })).toMatchObject({ headerRow: 0, sampledChars: 'Name,Phone,City\nAda,"open'.length });
  });

  it('finds the narrower header of a first section followed by its data', () => {
    const text = [
      'Name,Phone',
      'Ada,555-0100',
      'Bob,555-0101',
      '',
      'Date,Time,Number,Min',
      ...[1, 2, 3, 4].map((i) => `01/0${i}/2024,8:1${i}AM,972-555-014${i},${i}`),
    ].join('\n') + '\n';
    expect(detectDialect(text)).toMatchObject({ headerRow: 0, headers: ['Name', 'Phone'] });
  });

  it('takes no narrower line for a header when a summary or no values follow it', () => {
    const rows = [1, 2, 3, 4].map((i) => `01/0${i}/2024,8:1${i}AM,972-555-014${i},${i}`);
    // "Name,Phone" over "Total,5": a summary, not the first section's data
    expect(detectDialect(['Name,Phone', 'Total,5', 'Date,Time,Number,Min', ...rows].join('\n') + '\n').headerRow).toBe(2);
    // "Name,Phone" over "Ada,Bob": names, not data
    expect(detectDialect(['Name,Phone', 'Ada,Bob', 'Date,Time,Number,Min', ...rows].join('\n') + '\n').headerRow).toBe(2);
    // a label and its value ("Statement,Invoice,2145550187"): a line with a value in it is no header
    expect(detectDialect(['Statement,Invoice,2145550187', 'Period,01/2026,02/2026', 'Date,Time,Number,Min', ...rows].join('\n') + '\n').headerRow).toBe(2);
    // one cell over one value: a title, not a header
    expect(detectDialect(['Report', '42', 'Date,Time,Number,Min', ...rows].join('\n') + '\n').headerRow).toBe(2);
  });

  it('takes no narrower line for a header when the line after it has another width, or there is none', () => {
    expect(() => detectDialect('Name,Phone\n01/02/2024,8:14AM,972-555-0143,3\n01/03/2024,9:02AM,214-555-0177,12\n')).toThrow(HeaderNotFoundError);
    expect(() => detectDialect('Calls,,,\nMore,,,\nName,Phone\n')).toThrow(HeaderNotFoundError);
  });

  it('takes a padded title followed by data for no header', () => {
    const text = 'Calls,,,\n01/02/2024,8:14AM,972-555-0143,3\n01/03/2024,9:02AM,214-555-0177,12\n';
    expect(() => detectDialect(text)).toThrow(HeaderNotFoundError);
  });

  it('stops at rows of values before any header', () => {
    expect(() => detectDialect('1,2,3\n4,5,6\nName,Phone,City\nAda,555-0100,Austin\n')).toThrow(HeaderNotFoundError);
  });
});

describe('detectDialect: a header-less Asterisk Master.csv', () => {
  it('reads its rows under the documented column names', () => {
    const d = detectDialect([0, 1, 2, 3].map(cdr).join('\n') + '\n');
    expect(d).toMatchObject({ headerRow: -1, impliedHeader: 'asterisk-cdr-csv', sampleDataRows: 4 });
    expect(d.headers.slice(0, 3)).toEqual(['accountcode', 'src', 'dst']);
    expect(d.headers).toHaveLength(18);
    expect(d.sampleRows[0]!.slice(1, 3)).toEqual(['100', '200']);
  });

  it('keeps the file header when it has one', () => {
    const header = 'accountcode,src,dst,dcontext,clid,channel,dstchannel,lastapp,lastdata,start,answer,end,duration,billsec,disposition,amaflags,uniqueid,userfield';
    const d = detectDialect([header, ...[0, 1, 2, 3, 4].map(cdr)].join('\n') + '\n');
    expect(d).toMatchObject({ headerRow: 0, sampleDataRows: 5 });
    expect(d).not.toHaveProperty('impliedHeader');
  });
});

describe('detectDialect: line ends', () => {
  it('does not count a CR that ends the sample (it may be half of a CRLF)', () => {
    expect(detectDialect('Name,Phone\nAda,555-0100\r').lineEnding).toBe('lf');
    expect(detectDialect('Name,Phone\rAda,555-0100\rBob,555-0101').lineEnding).toBe('cr');
  });

  it('calls CRLF with CR mixed', () => {
    expect(detectDialect('Name,Phone\r\nAda,555-0100\rBob,555-0101\r\n').lineEnding).toBe('mixed');
  });

  it('reads CR-only lines whole', () => {
    expect(detectDialect('Name,Phone\rAda,555-0100\rBob,555-0101\r').sampleRows).toEqual([
      ['Ada', '555-0100'],
      ['Bob', '555-0101'],
    ]);
  });
});

describe('detectDialect: quoted cells as the tokenizer reads them', () => {
  const notes = (text: string, options = {}): string[][] => detectDialect(text, options).sampleRows;

  it('ends an unclosed quote of a whole file with its line', () => {
    expect(notes('Name,Phone,Notes\nAda,555-0100,"open\nBob,555-0101,x\n', { complete: true })).toEqual([
      ['Ada', '555-0100', 'open'],
      ['Bob', '555-0101', 'x'],
    ]);
    expect(notes('Name,Notes\rAda,"open\rBob,x\r', { complete: true })).toEqual([
      ['Ada', 'open'],
      ['Bob', 'x'],
    ]);
  });

  it('leaves an unclosed quote of a cut head undecided', () => {
    expect(detectDialect('Name,Phone,Notes\nAda,555-0100,"open\nBob,555-0101,x\n').sampleDataRows).toBe(0);
  });

  it('keeps the escaped quotes of an unclosed quote at the end of a whole file', () => {
    expect(notes('Name,Notes\nAda,"say ""hi"" and', { complete: true })).toEqual([['Ada', 'say "hi" and']]);
  });

  it('joins a one-line quoted cell with the text after its closing quote', () => {
    expect(notes('Name,Code\nAda,"12"34\nBob,5\n')).toEqual([
      ['Ada', '1234'],
      ['Bob', '5'],
    ]);
  });

  it('ends a quoted cell over lines at its closing quote, before a line break, the end or spaces and a delimiter', () => {
    expect(notes('Name,Notes\nAda,"two\nlines"\nBob,x\n')).toEqual([
      ['Ada', 'two\nlines'],
      ['Bob', 'x'],
    ]);
    expect(notes('Name,Notes\r\nAda,"two\r\nlines"\r\nBob,x\r\n')).toEqual([
      ['Ada', 'two\r\nlines'],
      ['Bob', 'x'],
    ]);
    expect(notes('Name,Notes\nAda,"two\nlines"', { complete: true })).toEqual([['Ada', 'two\nlines']]);
    expect(notes('Name,Notes,City\nAda,"two\nlines" \t,Austin\n')).toEqual([['Ada', 'two\nlines \t', 'Austin']]);
    expect(notes('Name\tNotes\tCity\nAda\t"two\nlines"\tAustin\n')).toEqual([['Ada', 'two\nlines', 'Austin']]);
  });

  it('ends a quoted cell over lines followed by other text with the quote line', () => {
    expect(notes('Notes,Phone\n"open\nlines"x,555-0100\nFine,555-0101\n')).toEqual([
      ['open', ''],
      ['lines"x', '555-0100'],
      ['Fine', '555-0101'],
    ]);
  });

  it('counts the lines of a broken quote in the preamble as the tokenizer does', () => {
    const table = 'Name,Phone,City\nAda,555-0100,Austin\nBob,555-0101,Waco\n';
    expect(detectDialect('"Generated\nby billing" (draft),,\n' + table).headerRow).toBe(2);
    expect(detectDialect('"Generated\r\nby billing" (draft),,\r\n' + table.replaceAll('\n', '\r\n')).headerRow).toBe(2);
    expect(detectDialect('"Generated\n\nby billing" (draft),,\n' + table).headerRow).toBe(3);
    expect(detectDialect('"Generated\rby billing" (draft),,\r' + table.replaceAll('\n', '\r')).headerRow).toBe(2);
  });

  it('counts a CRLF inside a quoted preamble cell as one line', () => {
    expect(detectDialect('"Report generated\r\nby Billing",,\r\nName,Phone,City\r\nAda,555-0100,"Austin, TX"\r\nBob,555-0101,Waco\r\n').headerRow).toBe(2);
  });

  it(`keeps a quoted cell of ${MAX_QUOTED_LINE_BREAKS} line breaks, and ends one of more with its line`, () => {
    const cell = (breaks: number): string => 'x,1\n'.repeat(breaks) + 'end';
    expect(notes(`Name,Notes\nAda,"${cell(MAX_QUOTED_LINE_BREAKS)}"\nBob,y\n`, { complete: true })).toEqual([
      ['Ada', cell(MAX_QUOTED_LINE_BREAKS)],
      ['Bob', 'y'],
    ]);
    // past the limit the quote's line ends the row, and the cell's lines are rows of their own
    const over = detectDialect(`Name,Notes\nAda,"${cell(MAX_QUOTED_LINE_BREAKS + 1)}"\nBob,y\n`, { complete: true, maxSampleRows: 2 });
    expect(over.sampleRows).toEqual([
      ['Ada', 'x,1'],
      ['x', '1'],
    ]);
    // in a cut head too; but an unclosed quote of no more breaks than that may close past the head
    const cut = (breaks: number, end = ''): string => `Name,Notes\nAda,"${'x,1\n'.repeat(breaks)}tail${end}`;
    expect(detectDialect(cut(MAX_QUOTED_LINE_BREAKS + 1), { maxSampleRows: 1 }).sampleRows).toEqual([['Ada', 'x,1']]);
    expect(detectDialect(cut(MAX_QUOTED_LINE_BREAKS)).sampleDataRows).toBe(0);
  });
});

describe('findHeaderRow (rows without their trailing empty cells)', () => {
  const data = ['01/02/2024', '972-555-0143', '3'];

  it('finds the header after title and blank rows, by the index of its row', () => {
    expect(findHeaderRow([{ cells: ['Call log'] }, { cells: [] }, { cells: ['Date', 'Number', 'Min'] }, { cells: data }])).toBe(2);
    expect(findHeaderRow([{ cells: [''] }, { cells: ['Date', 'Number', 'Min'] }])).toBe(1);
    // blank rows between the header and its data are passed over
    expect(findHeaderRow([{ cells: ['Date', 'Number'] }, { cells: [] }, { cells: ['01/02/2024', '3'] }])).toBe(0);
    // a header's trailing empty cells are left out
    expect(findHeaderRow([{ cells: ['Date', 'Number', '', '', '', ''] }, { cells: ['01/02/2024', '3'] }])).toBe(0);
  });

  it('needs two filled cells', () => {
    expect(findHeaderRow([{ cells: ['Date', '', ''] }, { cells: ['01/02/2024'] }])).toBe(-1);
    expect(findHeaderRow([{ cells: ['Date', 'Min', ''] }, { cells: ['01/02/2024', '3'] }])).toBe(0);
  });

  it('prefers distinct names to a group row', () => {
    const rows = [['From', 'From', 'To', 'To', 'Call'], ['Name', 'Number', 'Dest Name', 'Dest Number', 'Min'], ['Ada', '555-0100', 'Bob', '555-0101', '3']];
    expect(findHeaderRow(rows.map((cells) => ({ cells })))).toBe(1);
    expect(findHeaderRow([{ cells: ['Number', 'Number', 'Date', 'Min'] }, { cells: ['555-0100', '555-0101', '01/02/2024', '3'] }])).toBe(0);
  });

  it('takes a row of names over rows of names as wide as it', () => {
    expect(findHeaderRow([['Name', 'City'], ['Ada', 'Austin'], ['Bob', 'Waco']].map((cells) => ({ cells })))).toBe(0);
    expect(findHeaderRow([['Name', 'City'], ['Ada', 'Austin']].map((cells) => ({ cells })))).toBe(0);
    // a row of names under names of another width is no data
    expect(findHeaderRow([['Name', 'City'], ['Ada', 'Austin'], ['Title', 'Here', 'Too', 'Four'], ['Date', 'Number', 'Min'], data].map((cells) => ({ cells })))).toBe(3);
  });

  it('takes a header over a row one cell wider, not two', () => {
    expect(findHeaderRow([{ cells: ['Date', 'Number'] }, { cells: [...data] }])).toBe(0);
    expect(findHeaderRow([{ cells: ['Date', 'Number'] }, { cells: [...data, '4'] }])).toBe(-1);
  });

  it('takes a header over a narrower row with a value in it, not over a narrower row of names', () => {
    expect(findHeaderRow([{ cells: ['Date', 'Number', 'Min'] }, { cells: ['01/02/2024', 'Ada'] }])).toBe(0);
    expect(findHeaderRow([{ cells: ['Date', 'Number', 'Min'] }, { cells: ['Ada', 'Bob'] }])).toBe(1);
  });

  it('takes no header over a summary row', () => {
    expect(findHeaderRow([{ cells: ['Name', 'Amount'] }, { cells: ['Total', '5'] }])).toBe(-1);
  });

  it('stops at three values as wide as the row after them', () => {
    expect(findHeaderRow([{ cells: ['1', '2', '3'] }, { cells: ['4', '5', '6'] }, { cells: ['Date', 'Number', 'Min'] }, { cells: data }])).toBe(-1);
    // two values are not enough to stop
    expect(findHeaderRow([{ cells: ['1', '2'] }, { cells: ['4', '5'] }, { cells: ['Date', 'Number'] }, { cells: ['01/02/2024', '3'] }])).toBe(2);
    // nor three values over a row of another width, or last
    expect(findHeaderRow([{ cells: ['1', '2', '3'] }, { cells: ['4', '5'] }, { cells: ['Date', 'Number'] }, { cells: ['01/02/2024', '3'] }])).toBe(2);
    expect(findHeaderRow([{ cells: ['1', '2', '3'] }])).toBe(-1);
    // the row after the values, not the one before them
    expect(findHeaderRow([{ cells: ['1', '2', '3'] }, { cells: ['Date', 'Number', 'Min'] }, { cells: data }])).toBe(-1);
  });
});

describe('assembleSample', () => {
  it('reads a header without its trailing empty cells when lenient', () => {
    const rows = [
      { cells: ['Date', 'Number', '', ''], line: 0 },
      { cells: ['01/02/2024', '972-555-0143'], line: 1 },
      { cells: ['01/03/2024'], line: 2 },
    ];
    const lenient = assembleSample([], rows, ['Date', 'Number', '', ''], { lenient: true, complete: true });
    expect(lenient.headers).toEqual(['Date', 'Number']);
    expect(lenient.sampleRows).toEqual([
      ['01/02/2024', '972-555-0143'],
      ['01/03/2024', ''],
    ]);
    expect(assembleSample([], rows, ['Date', 'Number', '', ''], { complete: true }).headers).toEqual(['Date', 'Number', '', '']);
  });

  it('drops a one-cell line after a page break at the end as a footer', () => {
    const rows = [
      { cells: ['Date', 'Number'], line: 0 },
      { cells: ['01/02/2024', '972-555-0143'], line: 1 },
      { cells: ['Printed 2024-01-05 page 1'], line: 2 },
    ];
    expect(assembleSample([], rows, ['Date', 'Number'], { complete: true, lenient: true }).rows).toBe(2);
    expect(assembleSample([], rows.map((r, i) => (i === 2 ? { ...r, breakBefore: true } : r)), ['Date', 'Number'], { complete: true, lenient: true }).rows).toBe(1);
  });

  it('decides the lines held at the end of a whole sample, and leaves them in a cut one', () => {
    const rows = [
      { cells: ['Date', 'Number'], line: 0 },
      { cells: ['01/02/2024', '972-555-0143'], line: 1 },
      { cells: ['Voice calls', ''], line: 2 },
    ];
    expect(assembleSample([], rows, ['Date', 'Number'], { complete: true }).rows).toBe(2);
    expect(assembleSample([], rows, ['Date', 'Number']).rows).toBe(1);
  });

  it('fills the context columns a later section adds into the rows before it', () => {
    const rows = [
      { cells: ['Date', 'Number'], line: 0 },
      { cells: ['01/02/2024', '972-555-0143'], line: 1 },
      { cells: [''], line: 2 },
      { cells: ['Account Number: 123456789'], line: 3 },
      { cells: ['Date', 'Number'], line: 4 },
      { cells: ['01/03/2024', '214-555-0177'], line: 5 },
    ];
    const table = assembleSample([], rows, ['Date', 'Number'], { complete: true });
    expect(table.headers).toEqual(['Date', 'Number', 'Account Number', 'Section']);
    expect(table.sampleRows).toEqual([
      ['01/02/2024', '972-555-0143', '', 'section 1'],
      ['01/03/2024', '214-555-0177', '123456789', 'section 2'],
    ]);
  });
});
