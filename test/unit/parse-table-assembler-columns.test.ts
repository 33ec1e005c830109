import { describe, expect, it } from 'vitest';
import type { AssemblerOptions, ParsedRow, SourceRecord } from '../../functions/core/parse/table-assembler.ts';
import { LimitExceededError } from '../../functions/core/errors.ts';

// The assembler's columns: the unified header, its context columns, aliases, renamed
// duplicates, the sections it lists and the cells each row gets. The module is imported in
// each test, so a module that fails to load fails the tests (a file that fails while it is
// collected would count as passing in a mutation run).

const load = () => import('../../functions/core/parse/table-assembler.ts');

async function assembleRecords(records: SourceRecord[], opts: AssemblerOptions = {}) {
  const { TableAssembler } = await load();
  const rows: ParsedRow[] = [];
  const a = new TableAssembler((r) => rows.push(r), opts);
  for (const rec of records) a.push(rec);
  a.end();
  /** each row as the final header reads it */
  const full = rows.map((r) => [...r.cells, ...a.fillFor(r.row, r.cells.length)]);
  return { rows, a, full };
}

const assemble = (lines: string[][], opts: AssemblerOptions = {}) =>
  assembleRecords(
    lines.map((cells, i) => ({ cells, line: i + 1 })),
    opts,
  );

const csv = (text: string): string[][] => text.split('\n').map((l) => (l === '' ? [''] : l.split(',')));

describe('TableAssembler columns: aliases', () => {
  const OTHER_PARTY = ['number called', 'number', 'to from', 'from to', 'to from number', 'phone number', 'called number', 'number dialed', 'dialed number', 'other party', 'other number', 'contact number'];
  const CHARGE = ['total charge', 'total charges', 'charge', 'charges', 'total', 'amount', 'cost', 'total cost'];

  it("joins a later section's column to an earlier one of its group, for every name of the other party's number", async () => {
    for (const name of OTHER_PARTY.slice(1)) {
      const { a, full } = await assemble(csv(`Item,Date,Number Called,Min\n1,10/02,555-0100,3\n\nMessaging\nItem,Date,${name},Type\n1,10/03,555-0102,TXT`));
      expect(a.headers(), name).toEqual(['Item', 'Date', 'Number Called', 'Min', 'Type', 'Section']);
      expect(full[1], name).toEqual(['1', '10/03', '555-0102', '', 'TXT', 'messaging']);
    }
    const { a } = await assemble(csv('Item,Date,Other Number,Min\n1,10/02,555-0100,3\n\nMessaging\nItem,Date,Number Called,Type\n1,10/03,555-0102,TXT'));
    expect(a.headers()).toEqual(['Item', 'Date', 'Other Number', 'Min', 'Type', 'Section']);
  });

  it("joins a later section's column to an earlier one of its group, for every name of the charge", async () => {
    for (const name of CHARGE.slice(1)) {
      const { a, full } = await assemble(csv(`Date,Number,Total Charge\n10/02,555-0100,1.00\n\nData Usage\nDate,Number,KB,${name}\n10/03,555-0101,300,2.00`));
      expect(a.headers(), name).toEqual(['Date', 'Number', 'Total Charge', 'KB', 'Section']);
      expect(full[1], name).toEqual(['10/03', '555-0101', '2.00', '300', 'data']);
    }
    const { a } = await assemble(csv('Date,Number,Cost\n10/02,555-0100,1.00\n\nData Usage\nDate,Number,KB,Total Charge\n10/03,555-0101,300,2.00'));
    expect(a.headers()).toEqual(['Date', 'Number', 'Cost', 'KB', 'Section']);
  });

  it('does not join names of different groups, or names outside the groups', async () => {
    const { a } = await assemble(csv('Date,Number Called,Min\n10/02,555-0100,3\n\nData Usage\nDate,Amount,Usage\n10/03,2.00,300'));
    expect(a.headers()).toEqual(['Date', 'Number Called', 'Min', 'Amount', 'Usage', 'Section']);
  });

  it('joins each earlier column once: a second name of the group, or a name the header has itself, gets its own column', async () => {
    const { a, full } = await assemble(csv('Date,Number Called,Min\n10/02,555-0100,3\n\nMessaging\nDate,To/From,Other Number,Type\n10/03,555-0102,555-0200,TXT'));
    expect(a.headers()).toEqual(['Date', 'Number Called', 'Min', 'Other Number', 'Type', 'Section']);
    expect(full[1]).toEqual(['10/03', '555-0102', '', '555-0200', 'TXT', 'messaging']);
    const own = await assemble(csv('Date,Number Called,Min\n10/02,555-0100,3\n\nMessaging\nDate,To/From,Number Called,Type\n10/03,555-0102,555-0200,TXT'));
    expect(own.a.headers()).toEqual(['Date', 'Number Called', 'Min', 'To/From', 'Type', 'Section']);
    expect(own.full[1]).toEqual(['10/03', '555-0200', '', '555-0102', 'TXT', 'messaging']);
  });
});

describe('TableAssembler columns: unified header and context columns', () => {
  it('starts from the unified header, trimmed, with its context columns in header order', async () => {
    const { TableAssembler } = await load();
    const a = new TableAssembler(() => undefined, {
      unified: [' Date ', 'Number', 'Section', 'Line Number', 'Account Number'],
      contextColumns: ['Section', 'Line Number', 'Account Number'],
    });
    expect(a.headers()).toEqual(['Date', 'Number', 'Section', 'Line Number', 'Account Number']);
    expect(a.contextColumns()).toEqual(['Section', 'Line Number', 'Account Number']);
    expect(a.width).toBe(5);
    // (before any header, every context cell is blank)
    expect(a.fillFor(1, 0)).toEqual(['', '', '', '', '']);
  });

  it('fills each context column of the unified header with its own value, blank where the section names none', async () => {
    const { full, a } = await assemble(csv('Date,Number\n10/02,555-0100'), {
      unified: ['Date', 'Number', 'Account Number', 'Line Number', 'Section'],
      contextColumns: ['Account Number', 'Line Number', 'Section'],
      context: { kind: 'voice', accountNumber: '287-445-1093' },
    });
    expect(a.headers()).toEqual(['Date', 'Number', 'Account Number', 'Line Number', 'Section']);
    expect(full).toEqual([['10/02', '555-0100', '287-445-1093', '', 'voice']]);
  });

  it('keeps a unified column named like a context column as data when the classification does not call it one', async () => {
    const { full, a } = await assemble(csv('Date,Section\n10/02,B'), { unified: ['Date', 'Section'], contextColumns: [], context: { kind: 'voice' } });
    expect(a.contextColumns()).toEqual([]);
    expect(full).toEqual([['10/02', 'B']]);
    const { full: lines } = await assemble(csv('Date,Line Number\n10/02,7'), { unified: ['Date', 'Line Number'], context: { kind: 'voice', lineNumber: '415-708-2231' } });
    expect(lines).toEqual([['10/02', '7']]);
  });

  it('keeps a column the classification calls a context column but is none of them as a plain column', async () => {
    const { TableAssembler } = await load();
    const a = new TableAssembler(() => undefined, { unified: ['Date', 'Carrier'], contextColumns: ['Carrier'] });
    expect(a.headers()).toEqual(['Date', 'Carrier']);
    expect(a.contextColumns()).toEqual([]);
  });

  it('lists context columns in header order, however they were added', async () => {
    // "Account Number" is a column of the header; the line's column comes first, then the
    // account of a later section shares the header's column.
    const text = 'Date,Min,Account Number\n10/02,3,\n\nAccount Number: 999-000-1111\nDate,Min,Account Number\n10/03,4,';
    const { a, full } = await assemble(csv(text), { context: { kind: 'voice', lineNumber: '415-708-2231' } });
    expect(a.headers()).toEqual(['Date', 'Min', 'Account Number', 'Line Number']);
    expect(a.contextColumns()).toEqual(['Account Number', 'Line Number']);
    expect(full).toEqual([
      ['10/02', '3', '', '415-708-2231'],
      ['10/03', '4', '999-000-1111', '415-708-2231'],
    ]);
  });

  it("shares a header's own Account Number column with the context: a row's own value wins, a blank cell takes the section's", async () => {
    const { rows, a } = await assemble(csv('Date,Number,Account Number\n10/02,555-0100,111-222-3333\n10/03,555-0101,'), { context: { kind: 'voice', accountNumber: '287-445-1093' } });
    expect(a.headers()).toEqual(['Date', 'Number', 'Account Number']);
    expect(rows.map((r) => r.cells)).toEqual([
      ['10/02', '555-0100', '111-222-3333'],
      ['10/03', '555-0101', '287-445-1093'],
    ]);
  });

  it('projects the first section onto a wider unified header, and a short row of a projected section too', async () => {
    const { rows } = await assemble(csv('Item,Date,Number\n1,10/02,555-0100\n2,10/02'), { unified: ['Item', 'Date', 'Number', 'KB'] });
    expect(rows.map((r) => [r.cells, r.error])).toEqual([
      [['1', '10/02', '555-0100', ''], undefined],
      [['2', '10/02', '', ''], 'expected 3 columns, found 2 (line 3)'],
    ]);
  });

  it('puts the columns of a later section of the same names in another order where the header has them', async () => {
    const { rows, a } = await assemble(csv('Date,Number,Min\n10/02,555-0100,3\n\nVoice Calls\nNumber,Date,Min\n555-0101,10/03,4'), { context: { kind: 'voice' } });
    expect(a.headers()).toEqual(['Date', 'Number', 'Min']);
    expect(rows.map((r) => r.cells)).toEqual([
      ['10/02', '555-0100', '3'],
      ['10/03', '555-0101', '4'],
    ]);
  });

  it('adds a Section column only for a section of another kind', async () => {
    const same = await assemble(csv('Date,Number,Min\n10/02,555-0100,3\n\nVoice Calls\nDate,Number,Minutes\n10/03,555-0101,4'), { context: { kind: 'voice' } });
    expect(same.a.headers()).toEqual(['Date', 'Number', 'Min', 'Minutes']);
    expect(same.a.sectionList().map((s) => [s.kind, s.title])).toEqual([
      ['voice', undefined],
      ['voice', 'Voice Calls'],
    ]);
  });

  it('names a section of no known kind by its place among the sections', async () => {
    const { full, a } = await assemble(csv('Item,Date,Number\n1,10/02,555-0100\n\nAlpha,Beta\nx,1'));
    expect(a.headers()).toEqual(['Item', 'Date', 'Number', 'Alpha', 'Beta', 'Section']);
    expect(full.map((r) => r[5])).toEqual(['section 1', 'section 2']);
  });

  it('refuses more columns than the limit, and takes exactly as many', async () => {
    const lines = csv('A,B,C\n1,2,3\n\nA,B,D\n4,5,6');
    await expect(assemble(lines, { maxColumns: 5 })).resolves.toBeDefined();
    await expect(assemble(lines, { maxColumns: 4 })).rejects.toThrow(new LimitExceededError('The table has more than 4 columns (the limit)'));
    await expect(assemble(csv('A,B,C\n1,2,3'), { maxColumns: 2 })).rejects.toThrow(LimitExceededError);
  });

  it('refuses more sections than the limit, and takes exactly as many', async () => {
    const lines = csv('A,B\n1,2\n\nC,D\n3,4\n\nE,F\n5,6');
    await expect(assemble(lines, { maxSections: 3 })).resolves.toBeDefined();
    await expect(assemble(lines, { maxSections: 2 })).rejects.toThrow(new LimitExceededError('Line 7 starts section 3, more than the limit of 2 sections'));
  });
});

describe('TableAssembler columns: duplicate names', () => {
  it('keeps repeated names of the first header under new names, and says so', async () => {
    const { a, rows } = await assemble(csv('Date,Number,Number,Phone,Phone \n10/02,555-0100,555-0200,1,2'));
    expect(a.headers()).toEqual(['Date', 'Number', 'Number (2)', 'Phone', 'Phone (2)']);
    expect(rows[0]!.cells).toEqual(['10/02', '555-0100', '555-0200', '1', '2']);
    expect(a.renamed).toEqual([{ line: 1, names: ['Number (2)', 'Phone (2)'] }]);
  });

  it('keeps two columns whose names differ only in what the column key ignores apart', async () => {
    const { a, rows } = await assemble(csv('Date,Phone Number,Phone-Number,Phone_Number\n10/02,555-0100,555-0200,555-0300'));
    expect(a.headers()).toEqual(['Date', 'Phone Number', 'Phone-Number', 'Phone_Number']);
    expect(rows[0]!.cells).toEqual(['10/02', '555-0100', '555-0200', '555-0300']);
    const { TableAssembler } = await load();
    expect(new TableAssembler(() => undefined, { unified: ['Phone Number', 'Phone-Number'] }).headers()).toEqual(['Phone Number', 'Phone-Number']);
  });

  it('reports nothing renamed for a header without repeats', async () => {
    const { a } = await assemble(csv('Date,Number\n10/02,555-0100'));
    expect(a.renamed).toEqual([]);
  });

  it("reports the renamed columns a later section adds, the first new column included, but not the known header's", async () => {
    const { a } = await assemble(csv('Date,Min\n10/02,3\n\nMessaging\nDate,Date,Type\n10/03,10/04,TXT'));
    expect(a.headers()).toEqual(['Date', 'Min', 'Date (2)', 'Type', 'Section']);
    expect(a.renamed).toEqual([{ line: 5, names: ['Date (2)'] }]);
    const known = await assemble(csv('Date,Number,Number\n10/02,555-0100,555-0200'), { unified: ['Date', 'Number', 'Number (2)'] });
    expect(known.a.renamed).toEqual([]);
  });
});

describe('TableAssembler columns: sections listed and switched to', () => {
  it('switches back to a section on its header repeated right after another section, and lists each section once', async () => {
    const text = 'Date,Number,Min\n10/02,555-0100,3\n\nMessaging\nDate,To/From,Type\n10/03,555-0101,TXT\nDate,Number,Min\n10/04,555-0102,5';
    const { a, full } = await assemble(csv(text), { context: { kind: 'voice' } });
    expect(a.headers()).toEqual(['Date', 'Number', 'Min', 'Type', 'Section']);
    expect(full).toEqual([
      ['10/02', '555-0100', '3', '', 'voice'],
      ['10/03', '555-0101', '', 'TXT', 'messaging'],
      ['10/04', '555-0102', '5', '', 'voice'],
    ]);
    expect(a.sectionList().map((s) => [s.kind, s.rows])).toEqual([
      ['voice', 2],
      ['messaging', 1],
    ]);
    expect(a.skipped.repeatedHeader).toBe(1);
  });

  it("takes a later section's repeated header for that section, not the first", async () => {
    const text = 'Date,Number,Min\n10/02,555-0100,3\n\nMessaging\nDate,To/From,Type\n10/03,555-0101,TXT\nDate,To/From,Type\n10/04,555-0102,MMS';
    const { full } = await assemble(csv(text), { context: { kind: 'voice' } });
    expect(full.map((r) => r[4])).toEqual(['voice', 'messaging', 'messaging']);
  });

  it('lists a section again when its header comes back under a new title, with its own headers and rows', async () => {
    const text = 'Date,Number,Min\n10/02,555-0100,3\n\nWeekend Calls\nDate,Number,Min\n10/04,555-0102,5\n10/05,555-0103,6';
    const { a } = await assemble(csv(text), { context: { kind: 'voice', title: 'Weekday Calls' } });
    expect(a.sectionList().map((s) => [s.kind, s.title, s.headers, s.headerLine, s.rows])).toEqual([
      ['voice', 'Weekday Calls', ['Date', 'Number', 'Min'], 1, 1],
      ['voice', 'Weekend Calls', ['Date', 'Number', 'Min'], 5, 2],
    ]);
    expect(a.headers()).toEqual(['Date', 'Number', 'Min']);
  });

  it('carries on in the same section when its header comes back under the same title', async () => {
    const text = 'Date,Number,Min\n10/02,555-0100,3\n\nVoice Usage\nDate,Number,Min\n10/04,555-0102,5';
    const { a } = await assemble(csv(text), { context: { kind: 'voice', title: 'Voice Usage' } });
    expect(a.sectionList().map((s) => [s.title, s.rows])).toEqual([['Voice Usage', 2]]);
    expect(a.skipped.sectionContext).toBe(2);
  });

  it('drops the title of the section before when its header comes back under an account line alone', async () => {
    const text = 'Date,Number,Min\n10/02,555-0100,3\n\nAccount Number: 999-000-1111\nDate,Number,Min\n10/04,555-0102,5';
    const { a, full } = await assemble(csv(text), { context: { kind: 'voice', title: 'Voice Usage' } });
    expect(a.headers()).toEqual(['Date', 'Number', 'Min', 'Account Number']);
    expect(full.map((r) => r[3])).toEqual(['', '999-000-1111']);
    expect(a.sectionList().map((s) => [s.title, s.accountNumber, s.headers])).toEqual([
      ['Voice Usage', undefined, ['Date', 'Number', 'Min']],
      [undefined, '999-000-1111', ['Date', 'Number', 'Min']],
    ]);
  });

  it('adds a Line Number column when a known header comes back under a new phone line', async () => {
    const text = 'Date,Number,Min\n10/02,555-0100,3\n\nJAMES GARCIA,415-708-2232\nDate,Number,Min\n10/04,555-0102,5';
    const { a, full } = await assemble(csv(text), { context: { kind: 'voice' } });
    expect(a.headers()).toEqual(['Date', 'Number', 'Min', 'Line Number']);
    expect(full.map((r) => r[3])).toEqual(['', '415-708-2232']);
  });

  it('adds a Section column when a known header comes back under a title of another kind, and none for a title of its own kind', async () => {
    const other = await assemble(csv('Date,Number,Min\n10/02,555-0100,3\n\nData Usage\nDate,Number,Min\n10/04,555-0102,5'), { context: { kind: 'voice' } });
    expect(other.a.headers()).toEqual(['Date', 'Number', 'Min', 'Section']);
    expect(other.full.map((r) => r[3])).toEqual(['voice', 'data']);
    const own = await assemble(csv('Date,Number,Min\n10/02,555-0100,3\n\nVoice Calls\nDate,Number,Min\n10/04,555-0102,5'), { context: { kind: 'voice' } });
    expect(own.a.headers()).toEqual(['Date', 'Number', 'Min']);
  });

  it('names a known section that comes back under a line of no kind by its run', async () => {
    const { full, a } = await assemble(csv('Date,Number,Place\n10/02,555-0100,Boston\n\nWeekend\nDate,Number,Place\n10/04,555-0102,Austin'));
    expect(a.headers()).toEqual(['Date', 'Number', 'Place', 'Section']);
    expect(full.map((r) => r[3])).toEqual(['section 1', 'section 2']);
  });

  it("keeps a later section's own account, and the one before where it names none", async () => {
    const text = [
      'Date,Number,Min',
      '10/02,555-0100,3',
      '',
      'Account Number: 999-000-1111',
      'Messaging',
      'Date,To,Type',
      '10/03,555-0101,TXT',
      '',
      'Data Usage',
      'Date,Number,KB',
      '10/04,555-0102,300',
    ].join('\n');
    const { full, a } = await assemble(csv(text), { context: { kind: 'voice', accountNumber: '287-445-1093', lineNumber: '415-708-2231' } });
    const account = a.headers().indexOf('Account Number');
    const line = a.headers().indexOf('Line Number');
    expect(full.map((r) => [r[account], r[line]])).toEqual([
      ['287-445-1093', '415-708-2231'],
      ['999-000-1111', '415-708-2231'],
      ['999-000-1111', '415-708-2231'],
    ]);
  });
});

describe('TableAssembler columns: lines that open sections', () => {
  it('keeps a row of names right after a repeated header as data', async () => {
    const text = 'Name,Company,Score\nAda Lovelace,Analytical,12\n\nName,Company,Score\nGrace Hopper,Navy,Admiral\nAlan Turing,Bletchley,7';
    const { rows, a } = await assemble(csv(text));
    expect(rows.map((r) => r.line)).toEqual([2, 5, 6]);
    expect(a.sectionList()).toHaveLength(1);
  });

  it('keeps a row of names right after the first header, or a known header under a new title, as data', async () => {
    const first = await assemble(csv('Name,Company,Score\nGrace Hopper,Navy,Admiral\nAlan Turing,Bletchley,7'));
    expect(first.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(first.a.sectionList()).toHaveLength(1);
    const known = await assemble(csv('Date,Number,Min\n10/02,555-0100,3\n\nVoice\nDate,Number,Min\nGrace Hopper,Navy,Admiral\nAlan Turing,Bletchley,7'), { context: { kind: 'data' } });
    expect(known.rows.map((r) => r.line)).toEqual([2, 6, 7]);
  });

  it('opens no section under a header-like line whose next row has one cell filled', async () => {
    const { rows, a } = await assemble(csv('Item,Date,Number\n1,10/02,555-0100\n\nAlpha,Beta,Gamma\n,42,'));
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(a.sectionList()).toHaveLength(1);
  });

  it('holds a short header-like line of delimited text and opens a section under it; a lenient one of the width is data', async () => {
    // delimited text: a short row is not the common case, so a header-like one is held
    const strict = await assemble([['Date', 'Number', 'Min'], ['10/02', '555-0100', '3'], ['Name', 'Company'], ['Alan Turing', '7']]);
    expect(strict.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(strict.a.sectionList().map((s) => s.headerLine)).toEqual([1, 3]);
    const lenient = await assemble([['Date', 'Number', 'Min'], ['10/02', '555-0100', '3'], ['Grace Hopper', 'Navy'], ['Alan Turing', 'Bletchley', '7']], { lenientWidth: true });
    expect(lenient.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(lenient.a.sectionList()).toHaveLength(1);
  });

  it('takes a row as wide as the header, trailing blank cells aside, as data right after data', async () => {
    for (const lenientWidth of [false, true]) {
      const { rows, a } = await assemble([['Date', 'Number', 'Min'], ['10/02', '555-0100', '3'], ['Grace Hopper', 'Navy', 'Admiral', ''], ['Alan Turing', 'Bletchley', '7']], { lenientWidth });
      expect(rows.map((r) => r.line), String(lenientWidth)).toEqual([2, 3, 4]);
      expect(a.sectionList(), String(lenientWidth)).toHaveLength(1);
    }
  });

  it('holds a header-like line filled past the header and opens a wider section under it', async () => {
    for (const lenientWidth of [false, true]) {
      const { rows, a } = await assemble([['Date', 'Number', 'Min'], ['10/02', '555-0100', '3'], ['Date', 'Number', 'KB', 'Type'], ['10/03', '555-0101', '300', 'LTE']], { lenientWidth });
      expect(rows.map((r) => [r.line, r.error]), String(lenientWidth)).toEqual([
        [2, undefined],
        [4, undefined],
      ]);
      expect(a.headers(), String(lenientWidth)).toEqual(['Date', 'Number', 'Min', 'KB', 'Type', 'Section']);
    }
  });

  it('knows a repeated header whose first cell is padded with spaces, in the header or in the repeat', async () => {
    for (const [header, repeat] of [
      [' Date', 'Date'],
      ['Date', ' Date '],
    ]) {
      const { rows, a } = await assemble([[header!, 'Number'], ['10/02', '555-0100'], [repeat!, 'Number'], ['10/03', '555-0101']]);
      expect(rows.map((r) => r.line), `${header}/${repeat}`).toEqual([2, 4]);
      expect(a.skipped.repeatedHeader).toBe(1);
    }
  });
});

describe('TableAssembler columns: helpers', () => {
  it('totalSkipped counts every reason, page furniture included', async () => {
    const { emptySkipped, totalSkipped } = await load();
    expect(totalSkipped({ ...emptySkipped(), preamble: 1, blank: 2, summary: 3, repeatedHeader: 4, sectionContext: 5, footer: 6, pageFurniture: 7 })).toBe(28);
  });

  it('headerKey: trimmed, case-folded cells without trailing blanks', async () => {
    const { headerKey } = await load();
    expect(headerKey([' Date ', 'NUMBER', '', '  '])).toBe('date\u0001number');
    expect(headerKey(['', 'Min'])).toBe('\u0001min');
    expect(headerKey(['  ', ''])).toBe('');
    expect(headerKey([])).toBe('');
  });

  it('distinctNames: later repeats renamed ignoring case, names the header has skipped, blanks left blank', async () => {
    const { distinctNames } = await load();
    expect(distinctNames(['Phone', 'phone', 'Phone (2)', 'Phone', '', ''])).toEqual(['Phone', 'phone (3)', 'Phone (2)', 'Phone (4)', '', '']);
    expect(distinctNames(['A', 'B'])).toEqual(['A', 'B']);
    // (folded to lower case: "ß" is not "SS")
    expect(distinctNames(['Straße', 'STRASSE'])).toEqual(['Straße', 'STRASSE']);
  });

  it('renamedColumnsWarnings: none for none; the first header\'s first five names, the count of all', async () => {
    const { renamedColumnsWarnings } = await load();
    expect(renamedColumnsWarnings([])).toEqual([]);
    const five = ['A (2)', 'B (2)', 'C (2)', 'D (2)', 'E (2)'];
    expect(renamedColumnsWarnings([{ line: 3, names: five }])).toEqual([
      {
        code: 'duplicate_columns',
        message: 'Columns named like a column before them were kept under new names: "A (2)", "B (2)", "C (2)", "D (2)", "E (2)" (header on line 3); map them by these names',
        count: 5,
      },
    ]);
    expect(renamedColumnsWarnings([{ line: 3, names: [...five, 'F (2)'] }, { line: 9, names: ['G (2)'] }])).toEqual([
      {
        code: 'duplicate_columns',
        message: 'Columns named like a column before them were kept under new names: "A (2)", "B (2)", "C (2)", "D (2)", "E (2)" ... (header on line 3); map them by these names',
        count: 7,
      },
    ]);
  });
});
