import { describe, expect, it } from 'vitest';
import { TableAssembler, totalSkipped, type AssemblerOptions, type ParsedRow, type SourceRecord } from '../../functions/core/parse/table-assembler.ts';

// The assembler's contract, row by row: every record is either emitted once, in order, under
// its own section, or counted under exactly one skip reason; a row's error says why it cannot
// be trusted.

function assembleRecords(records: SourceRecord[], opts: AssemblerOptions = {}) {
  const rows: ParsedRow[] = [];
  const a = new TableAssembler((r) => rows.push(r), opts);
  for (const rec of records) a.push(rec);
  a.end();
  return { rows, a };
}

function assemble(lines: string[][], opts: AssemblerOptions = {}) {
  return assembleRecords(
    lines.map((cells, i) => ({ cells, line: i + 1 })),
    opts,
  );
}

const csv = (text: string): string[][] => text.split('\n').map((l) => (l === '' ? [''] : l.split(',')));

/** Every record is accounted for: emitted, or skipped for one reason (the header line itself aside). */
function accountedFor(rows: readonly ParsedRow[], a: TableAssembler): number {
  return rows.length + totalSkipped(a.skipped);
}

describe('TableAssembler contract: rows', () => {
  it('numbers the emitted rows 1, 2, 3... in source order, each with its own line', () => {
    const { rows, a } = assemble(csv('Date,Number,Min\n10/01,555-0100,1\n\n10/02,555-0101,2\n10/03,555-0102,3'));
    expect(rows.map((r) => [r.row, r.line, r.cells[2]])).toEqual([
      [1, 2, '1'],
      [2, 4, '2'],
      [3, 5, '3'],
    ]);
    expect(a.rowsEmitted).toBe(3);
    expect(a.sectionList()[0]!.rows).toBe(3);
    expect(accountedFor(rows, a)).toBe(4);
  });

  it('counts blank records before the header as blank and takes the first non-blank record as the header', () => {
    const { rows, a } = assemble([[''], ['  ', ''], ['Date', 'Number', 'Min'], ['10/01', '555-0100', '1']]);
    expect(a.skipped.blank).toBe(2);
    expect(a.headers()).toEqual(['Date', 'Number', 'Min']);
    expect(a.hasHeader).toBe(true);
    expect(rows.map((r) => [r.row, r.line])).toEqual([[1, 4]]);
  });

  it('has no header before the first non-blank record', () => {
    const a = new TableAssembler(() => undefined);
    a.push({ cells: [''], line: 1 });
    expect(a.hasHeader).toBe(false);
    a.push({ cells: ['A', 'B'], line: 2 });
    expect(a.hasHeader).toBe(true);
  });

  it('passes the reader error of a record through, counted as malformed, before any ragged message', () => {
    const { rows, a } = assembleRecords([
      { cells: ['Date', 'Number', 'Min'], line: 1 },
      { cells: ['10/01', '555-0100', '1'], line: 2, error: 'unclosed quote' },
      { cells: ['10/02', '555-0101'], line: 3, error: 'unclosed quote' },
      { cells: ['10/03', '555-0102', '3'], line: 4 },
    ]);
    expect(rows.map((r) => r.error)).toEqual(['unclosed quote', 'unclosed quote', undefined]);
    expect('error' in rows[2]!).toBe(false);
    expect(a.malformedRows).toBe(2);
    // the short row is ragged too, even though the reader's error is the one it shows
    expect(a.raggedRows).toBe(1);
  });

  it('counts ragged rows as malformed and leaves rows with only trailing blanks beyond the header clean', () => {
    const { rows, a } = assemble([['A', 'B', 'C'], ['1', '2', '3', '', ' '], ['1', '2'], ['1', '2', '3', '4']]);
    expect(rows.map((r) => r.error)).toEqual([undefined, 'expected 3 columns, found 2 (line 3)', 'expected 3 columns, found 4 (line 4)']);
    expect(a.raggedRows).toBe(2);
    expect(a.malformedRows).toBe(2);
    // the cells of a single-section table pass through as read
    expect(rows[0]!.cells).toEqual(['1', '2', '3', '', ' ']);
  });

  it('keeps the cells of a lenient row of the header width as they are and pads a short one', () => {
    const { rows, a } = assemble([['A', 'B', 'C'], ['1', '2', '3'], ['4']], { lenientWidth: true });
    expect(rows.map((r) => [r.cells, r.error])).toEqual([
      [['1', '2', '3'], undefined],
      [['4', '', ''], undefined],
    ]);
    expect(a.raggedRows).toBe(0);
    expect(a.malformedRows).toBe(0);
  });

  it('narrows a lenient header to its filled width, so a trailing blank header cell is no column', () => {
    const { rows, a } = assemble([['A', 'B', ''], ['1', '2', ''], ['3', '4', '5']], { lenientWidth: true });
    expect(a.headers()).toEqual(['A', 'B']);
    expect(rows.map((r) => [r.cells, r.error])).toEqual([
      [['1', '2'], undefined],
      [['3', '4'], 'expected 2 columns, found 3 (line 3)'],
    ]);
  });

  it('treats every row of a one-column table as data, one-cell lines included', () => {
    const { rows, a } = assemble([['Number'], ['555-0100'], ['Note'], [''], ['Other']]);
    expect(rows.map((r) => r.cells[0])).toEqual(['555-0100', 'Note', 'Other']);
    expect(a.skipped.blank).toBe(1);
    expect(a.skipped.footer).toBe(0);
  });

  it('keeps a one-cell line after a break at the end of a one-column table as data, not a footer', () => {
    const { rows, a } = assemble([['Number'], ['555-0100'], [''], ['555-0101 roaming']]);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(a.skipped.footer).toBe(0);
  });

  it('shows the cells of a ragged row as read in a single-section table', () => {
    const { rows } = assemble([['A', 'B', 'C'], ['1', '2'], ['1', '2', '3', '4']]);
    expect(rows.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('does not take a row of names right after data for a section header', () => {
    const text = 'Name,City,Amount\nAda Lovelace,London,12.50\nGrace Hopper,Arlington,Admiral\nAlan Turing,Wilmslow,7.25';
    const { rows, a } = assemble(csv(text));
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(a.sectionList()).toHaveLength(1);
    expect(a.skipped.sectionContext).toBe(0);
  });

  it('keeps a row of names with one blank cell right after data as data, though a row with a value follows', () => {
    const text = 'Name,Company,Score\nAda Lovelace,Analytical,12\nGrace Hopper,,Admiral\nAlan Turing,Bletchley,7';
    const { rows, a } = assemble(csv(text));
    expect(rows.map((r) => [r.row, r.line, r.error])).toEqual([
      [1, 2, undefined],
      [2, 3, undefined],
      [3, 4, undefined],
    ]);
    expect(a.sectionList()).toHaveLength(1);
    expect(a.headers()).toEqual(['Name', 'Company', 'Score']);
  });
});

describe('TableAssembler contract: skips', () => {
  it('counts each summary line once, notes its line, and keeps the rows after it', () => {
    const { rows, a } = assemble(csv('Date,Number,Min\n10/01,555-0100,1\nSubtotal,,1\n10/02,555-0101,2\nTotal,,3'));
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(a.skipped.summary).toBe(2);
    expect(a.skipped.lines).toEqual([3, 5]);
    expect(accountedFor(rows, a)).toBe(4);
  });

  it('counts a repeated header (a paged export) and keeps the section', () => {
    const { rows, a } = assemble(csv('Date,Number,Min\n10/01,555-0100,1\nDate,Number,Min\n10/02,555-0101,2'));
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(a.skipped.repeatedHeader).toBe(1);
    expect(a.skipped.lines).toEqual([3]);
    expect(a.sectionList()).toHaveLength(1);
  });

  it('emits a one-cell line after data as data when data follows it, without a break', () => {
    const { rows, a } = assemble(csv('Date,Number,Min\n10/01,555-0100,1\nRoaming\n10/02,555-0101,2'));
    expect(rows.map((r) => [r.row, r.line, r.error])).toEqual([
      [1, 2, undefined],
      [2, 3, 'expected 3 columns, found 1 (line 3)'],
      [3, 4, undefined],
    ]);
    expect(totalSkipped(a.skipped)).toBe(0);
  });

  it('counts a blank line among held lines as blank and keeps holding them', () => {
    const text = 'Item,Date,Number,Min\n1,10/02,555-0100,3\n\nData Usage\n\nItem,Date,KB\n1,10/03,1000';
    const { rows, a } = assemble(csv(text));
    expect(a.skipped.blank).toBe(2);
    expect(a.skipped.sectionContext).toBe(2);
    expect(a.sectionList().map((s) => [s.title, s.headerLine, s.rows])).toEqual([
      [undefined, 1, 1],
      ['Data Usage', 6, 1],
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 7]);
    expect(accountedFor(rows, a)).toBe(6);
  });

  it('releases held lines as data when a summary line comes next, then counts the summary', () => {
    const { rows, a } = assemble(csv('Date,Number,Min\n10/01,555-0100,1\nRoaming\nTotal,,1\n10/02,555-0101,2'));
    expect(rows.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(a.skipped.summary).toBe(1);
    expect(a.skipped.lines).toEqual([4]);
  });

  it('skips a footer of one-cell lines after a break at the end, noting each line', () => {
    const { rows, a } = assemble(csv('Date,Number,Min\n10/01,555-0100,1\n\nGenerated by the portal\nCustomer service'));
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(a.skipped.footer).toBe(2);
    expect(a.skipped.blank).toBe(1);
    expect(a.skipped.lines).toEqual([4, 5]);
    expect(accountedFor(rows, a)).toBe(4);
  });

  it('takes a visual break (breakBefore) as a blank line would, for the footer', () => {
    const { rows, a } = assembleRecords([
      { cells: ['Date', 'Number', 'Min'], line: 1 },
      { cells: ['10/01', '555-0100', '1'], line: 2 },
      { cells: ['Generated by the portal', '', ''], line: 3, breakBefore: true },
    ]);
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(a.skipped.footer).toBe(1);
  });

  it('emits one-cell lines held at the end without a break before them as data', () => {
    const { rows, a } = assemble(csv('Date,Number,Min\n10/01,555-0100,1\nRoaming\nAbroad'));
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(a.skipped.footer).toBe(0);
  });

  it('emits held lines at the end as data when one of them is not a context line', () => {
    const { rows, a } = assemble(csv('Item,Date,Number,Min\n1,10/02,555-0100,3\n\nGenerated by the portal\nName,Company,Title'));
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(a.skipped.footer).toBe(0);
  });

  it('emits a candidate header as data when the row after it does not fit under it', () => {
    const text = 'Item,Date,Number,Min\n1,10/02,555-0100,3\n\nItem,Date,KB\n1,10/03\n2,10/04,555-0101,4';
    const { rows, a } = assemble(csv(text));
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5, 6]);
    expect(a.sectionList()).toHaveLength(1);
    expect(a.skipped.sectionContext).toBe(0);
  });

  it('holds no more than 20 lines: a longer run of one-cell lines is emitted as data', () => {
    const lines = [['Item', 'Date', 'KB'], ['1', '10/02', '300'], ['']];
    for (let i = 0; i < 25; i++) lines.push([`Note ${String.fromCharCode(65 + i)}`]);
    lines.push(['Item', 'Date', 'Number', 'Min'], ['1', '10/03', '555-0100', '3']);
    const { rows, a } = assemble(lines);
    // the first 20 held lines are released as data when the 21st comes; the last five titled the new section
    expect(rows.map((r) => r.line)).toEqual([2, ...Array.from({ length: 20 }, (_, i) => 4 + i), 30]);
    expect(a.skipped.sectionContext).toBe(6);
    expect(a.sectionList()).toHaveLength(2);
    expect(accountedFor(rows, a)).toBe(lines.length - 1);
  });

  it('notes at most 100 skipped lines, but counts them all', () => {
    const lines = [['Date', 'Number', 'Min'], ['10/01', '555-0100', '1']];
    for (let i = 0; i < 120; i++) lines.push(['Total', '', String(i)]);
    const { a } = assemble(lines);
    expect(a.skipped.summary).toBe(120);
    expect(a.skipped.lines).toHaveLength(100);
    expect(a.skipped.lines[99]).toBe(102);
  });

  it('takes a title line right after data, without a break, for the title of a new section of the same width', () => {
    const text = 'Date,Number,Min\n10/01,555-0100,1\nRoaming Calls\nDate,Country,Cost\n10/02,France,2.00';
    const { rows, a } = assemble(csv(text));
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 5],
    ]);
    expect(a.skipped.sectionContext).toBe(2);
    expect(a.skipped.lines).toEqual([3, 4]);
    expect(a.sectionList().map((s) => [s.title, s.headerLine, s.rows])).toEqual([
      [undefined, 1, 1],
      ['Roaming Calls', 4, 1],
    ]);
  });

  it('reads a padded one-cell line (a sheet row) as a title, not as data', () => {
    const { rows, a } = assemble([
      ['Item', 'Date', 'Number', 'Min'],
      ['1', '10/02', '555-0100', '3'],
      ['Data Usage', '', '', ''],
      ['Item', 'Date', 'KB', ''],
      ['1', '10/03', '1000', ''],
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
    expect(a.sectionList().map((s) => s.title)).toEqual([undefined, 'Data Usage']);
  });

  it('emits the first of two header-like lines as full as each other as data: only the second can be a header', () => {
    const text = 'Item,Date,Number,Min\n1,10/02,555-0100,3\n\nAlpha,Beta,Gamma\nItem,Date,KB\n1,10/03,1000';
    const { rows, a } = assemble(csv(text));
    expect(rows.map((r) => r.line)).toEqual([2, 4, 6]);
    expect(a.skipped.sectionContext).toBe(1);
    expect(a.sectionList().map((s) => s.headerLine)).toEqual([1, 5]);
  });

  it('holds a less full header-like line above a header as its title', () => {
    const text = 'Item,Date,Number,Min\n1,10/02,555-0100,3\n\nNorth Region,South Region\nItem,Date,KB\n1,10/03,1000';
    const { rows, a } = assemble(csv(text));
    expect(rows.map((r) => r.line)).toEqual([2, 6]);
    expect(a.skipped.sectionContext).toBe(2);
    expect(a.sectionList().map((s) => s.headerLine)).toEqual([1, 5]);
  });

  it('does not open a section under a held account line: the row under it is data of the current section', () => {
    const text = 'Date,Number,Min\n10/01,555-0100,1\n\nAccount Number:,287-445-1093\n10/02,555-0101';
    const { rows, a } = assemble(csv(text));
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(a.sectionList()).toHaveLength(1);
    expect(a.headers()).toEqual(['Date', 'Number', 'Min']);
  });

  it('emits lines held before a break as data, even when the lines after the break would be a footer', () => {
    const { rows, a } = assembleRecords([
      { cells: ['Date', 'Number', 'Min'], line: 1 },
      { cells: ['10/01', '555-0100', '1'], line: 2 },
      { cells: ['Roaming'], line: 3 },
      { cells: ['Generated by the portal'], line: 4, breakBefore: true },
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(a.skipped.footer).toBe(0);
  });

  it('emits lines still held after a longer run was released, when no break came after the release', () => {
    const lines = [['Item', 'Date', 'KB'], ['1', '10/02', '300'], ['']];
    for (let i = 0; i < 22; i++) lines.push([`Note ${String.fromCharCode(65 + i)}`]);
    const { rows, a } = assemble(lines);
    expect(rows.map((r) => r.line)).toEqual([2, ...Array.from({ length: 22 }, (_, i) => 4 + i)]);
    expect(a.skipped.footer).toBe(0);
  });

  it('counts a footer once when end() is called again', () => {
    const rows: ParsedRow[] = [];
    const a = new TableAssembler((r) => rows.push(r));
    for (const [i, cells] of csv('Date,Number,Min\n10/01,555-0100,1\n\nGenerated by the portal').entries()) a.push({ cells, line: i + 1 });
    a.end();
    a.end();
    expect(a.skipped.footer).toBe(1);
    expect(rows).toHaveLength(1);
  });

  it('emits a padded one-cell line followed by data as data: one filled cell is no header', () => {
    const { rows, a } = assemble([
      ['Date', 'Min'],
      ['10/02', '3'],
      ['Roaming', ''],
      ['10/03', '4'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(a.sectionList()).toHaveLength(1);
  });

  it('does not open a section under a line with a value among its names', () => {
    const text = 'Item,Date,Number,Min\n1,10/02,555-0100,3\n\nPlan,Minutes,2025\n1,10/03,1000';
    const { rows, a } = assemble(csv(text));
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(a.sectionList()).toHaveLength(1);
  });

  it('does not open a section under a line that does not look like a header', () => {
    const text = `Item,Date,Number,Min\n1,10/02,555-0100,3\n\n${'Long remark '.repeat(12)},Other,Thing\n1,10/03,1000`;
    const { rows, a } = assemble(csv(text));
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(a.sectionList()).toHaveLength(1);
  });

  it('keeps a header-like line held above a title and a header as context of the new section', () => {
    const text = 'Item,Date,Number,Min\n1,10/02,555-0100,3\n\nAlpha,Beta,Gamma\nData Usage\nItem,Date,KB\n1,10/03,1000';
    const { rows, a } = assemble(csv(text));
    expect(rows.map((r) => r.line)).toEqual([2, 7]);
    expect(a.skipped.sectionContext).toBe(3);
    expect(a.sectionList().map((s) => s.headerLine)).toEqual([1, 6]);
  });

  it('skips a repeated header written in other case, as the same header', () => {
    const { rows, a } = assemble(csv('Date,Number,Min\n10/01,555-0100,1\nDATE,NUMBER,MIN\n10/02,555-0101,2'));
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(a.skipped.repeatedHeader).toBe(1);
    expect(a.skipped.lines).toEqual([3]);
  });
});
