import { describe, expect, it } from 'vitest';
import { assertHeaderSize, classifyText, MAX_HEADER_CHARS, MAX_LISTED_SECTIONS, sectionFields } from '../../functions/core/detect/classify-text.ts';
import { LimitExceededError } from '../../functions/core/errors.ts';

const CALL_HEADER = ['Item', 'Date', 'Number Called', 'Min'];

describe('classifyText: the row estimate', () => {
  // 10 rows under a 13-character header: 94 characters, 104 bytes (each ë is two)
  const text = 'Name,Minutes\n' + Array.from({ length: 10 }, (_, i) => `Zoë ${i},${i + 1}\n`).join('');
  const head = Buffer.from(text);

  it('scales the rows after the header by the characters the rest of the file holds', () => {
    expect([head.length, text.length]).toEqual([104, 94]);
    // 1,040 bytes are 940 characters at this head's bytes per character; 81 characters held 10 rows
    expect(classifyText(head, { size: 1040 }).rowEstimate).toBe(10 + Math.round((940 - 94) * (10 / 81)));
    expect(classifyText(head, { size: 1040 }).rowEstimate).toBe(114);
  });

  it('never estimates fewer rows than it saw, even for a size smaller than the head', () => {
    expect(classifyText(head, { truncated: true, size: 20 }).rowEstimate).toBe(10);
  });

  it('counts the rows of a head said to be whole, with or without its size', () => {
    expect(classifyText(head, { truncated: false }).rowEstimate).toBe(10);
    expect(classifyText(head, { size: head.length }).rowEstimate).toBe(10);
  });

  it('has no estimate for a longer file whose head holds no data row to scale', () => {
    const c = classifyText(Buffer.from('Item,Date,Number Called,Min\nTotal,,,7\nIt'), { size: 1000 });
    expect(c.headerRow).toBe(0);
    expect(c.sampleRows).toEqual([]);
    expect(c).not.toHaveProperty('rowEstimate');
  });

  it('has no estimate for a cut head of a file of unknown size', () => {
    const c = classifyText(head, { truncated: true });
    expect(c).not.toHaveProperty('rowEstimate');
    expect(c.sampleRows).toHaveLength(10);
  });
});

describe('classifyText: is the head the whole file?', () => {
  it('keeps the last line without a line break, and a character cut at the very end, only in a whole file', () => {
    const bytes = Buffer.concat([Buffer.from('Name,Minutes\nAda,3\nZoe,4\nB'), Buffer.from([0xc3])]);
    const whole = classifyText(bytes, { size: bytes.length });
    expect(whole.sampleRows).toEqual([['Ada', '3'], ['Zoe', '4'], ['B\ufffd', '']]);
    expect(whole.rowEstimate).toBe(3);
    // one byte more in the file: the last line may go on
    const cut = classifyText(bytes, { size: bytes.length + 1 });
    expect(cut.sampleRows).toEqual([['Ada', '3'], ['Zoe', '4']]);
  });
});

describe('classifyText: sections', () => {
  const table = (phone: string) => ['Item,Date,Number Called,Min', `1,10/02/2025,(415) ${phone},3`].join('\n');

  it('lists no sections and no context columns for a plain table, nor for none', () => {
    const text = table('604-1791') + '\n';
    const c = classifyText(Buffer.from(text), { size: text.length });
    expect(c).not.toHaveProperty('sections');
    expect(c).not.toHaveProperty('contextColumns');
    expect(c).not.toHaveProperty('declaredType');
    expect(sectionFields([], [])).toStrictEqual({});
  });

  it('lists the sections of a file whose first section has no preamble', () => {
    const text = `${table('604-1791')}\n\nData Usage\nItem,Date,Type,KB\n1,10/03/2025,Data,1000\n`;
    expect(classifyText(Buffer.from(text), { truncated: false }).sections).toStrictEqual([
      { kind: 'voice', headerRow: 0, headers: CALL_HEADER },
      { kind: 'data', title: 'Data Usage', headerRow: 4, headers: ['Item', 'Date', 'Type', 'KB'] },
    ]);
  });

  it('lists one section when its preamble gives a title, an account number or a line number', () => {
    const titled = classifyText(Buffer.from(`Voice Usage\n${table('604-1791')}\n`), { truncated: false });
    expect(titled.sections).toStrictEqual([{ kind: 'voice', title: 'Voice Usage', headerRow: 1, headers: CALL_HEADER }]);
    expect(titled).not.toHaveProperty('contextColumns');
    const account = classifyText(Buffer.from(`Account Number: 287-445-1093\n${table('604-1791')}\n`), { truncated: false });
    expect(account.sections).toStrictEqual([{ kind: 'voice', headerRow: 1, headers: CALL_HEADER, accountNumber: '287-445-1093' }]);
    expect(account.contextColumns).toEqual(['Account Number']);
    const line = classifyText(Buffer.from(`Wireless Number: 415-555-0100\n${table('604-1791')}\n`), { truncated: false });
    expect(line.sections).toStrictEqual([{ kind: 'voice', headerRow: 1, headers: CALL_HEADER, lineNumber: '415-555-0100' }]);
    expect(line.contextColumns).toEqual(['Line Number']);
  });

  it(`lists the first ${MAX_LISTED_SECTIONS} of more sections`, () => {
    const text = Array.from({ length: MAX_LISTED_SECTIONS + 2 }, (_, i) => `Section ${i + 1}\n${table(`604-17${String(i).padStart(2, '0')}`)}\n`).join('\n');
    const c = classifyText(Buffer.from(text), { truncated: false });
    expect(c.rowEstimate).toBe(MAX_LISTED_SECTIONS + 2);
    expect(c.sections).toHaveLength(MAX_LISTED_SECTIONS);
    expect(c.sections!.at(-1)).toMatchObject({ title: `Section ${MAX_LISTED_SECTIONS}`, headerRow: 4 * MAX_LISTED_SECTIONS - 3 });
  });
});

describe('classifyText: what it says besides the table', () => {
  it('names the layout of a file without a header row', () => {
    const cdr = ',101,200,from-internal,"""Desk"" <101>",SIP/101-0000,SIP/200-0001,Dial,"SIP/200,30",2025-11-03 09:01:00,2025-11-03 09:01:05,2025-11-03 09:11:00,600,595,ANSWERED,DOCUMENTATION,1730624460.1,\n';
    const c = classifyText(Buffer.from(cdr + cdr), { truncated: false });
    expect(c).toMatchObject({ headerRow: -1, impliedHeader: 'asterisk-cdr-csv', rowEstimate: 2 });
    expect(c.headers.slice(0, 3)).toEqual(['accountcode', 'src', 'dst']);
  });

  it("gives the statement's date from the lines above the table", () => {
    const text = 'Issue Date,"Apr 24, 2026"\n\nItem,Date,Number Called,Min\n1,03/21,(415) 604-1791,3\n';
    expect(classifyText(Buffer.from(text), { truncated: false })).toMatchObject({ headerRow: 2, statementDate: '2026-04-24' });
    const plain = classifyText(Buffer.from('Item,Date,Number Called,Min\n1,03/21,(415) 604-1791,3\n'), { truncated: false });
    expect(plain).not.toHaveProperty('statementDate');
    expect(plain).not.toHaveProperty('impliedHeader');
    expect(plain).not.toHaveProperty('warnings');
  });

  it('warns of a guessed encoding and of renamed columns, in that order', () => {
    const text = 'Date,Número,Date\n10/02/2025,(415) 604-1791,10/03/2025\n';
    const c = classifyText(Buffer.from(text, 'latin1'), { truncated: false });
    expect(c).toMatchObject({ encoding: 'windows-1252', headers: ['Date', 'Número', 'Date (2)'] });
    expect(c.warnings?.map((w) => w.code)).toEqual(['encoding_guessed', 'duplicate_columns']);
  });
});

describe('assertHeaderSize', () => {
  it(`takes a header of ${MAX_HEADER_CHARS} characters, each column counted with its separator, and refuses one more`, () => {
    const half = MAX_HEADER_CHARS / 2 - 1;
    expect(() => assertHeaderSize(['a'.repeat(half), 'b'.repeat(half)])).not.toThrow();
    expect(() => assertHeaderSize(['a'.repeat(half), 'b'.repeat(half + 1)])).toThrow(
      new LimitExceededError(`The header row is ${MAX_HEADER_CHARS + 1} characters long (2 columns), more than the limit of ${MAX_HEADER_CHARS}`),
    );
    expect(() => assertHeaderSize([])).not.toThrow();
  });
});
