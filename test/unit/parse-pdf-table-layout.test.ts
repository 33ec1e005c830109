import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readPdfTable } from '../../functions/core/parse/pdf-table.ts';
import { CorruptFileError, HeaderNotFoundError, LimitExceededError, NoTextLayerError, UnsupportedFormatError } from '../../functions/core/errors.ts';
import { DEFAULT_PARSE_LIMITS } from '../../functions/core/parse/parse-limits.ts';
import { deflate, pdfWithStreams } from '../fixtures/formats/hostile.ts';

// The table reader's layout rules, fed text items as pdfjs gives them (text, transform,
// width), so every position and threshold is exact: pdfjs itself is replaced by pages of
// items. The PDFs drawn with pdfkit are read through real pdfjs in parse-pdf-table.test.ts.

interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

const pdf = vi.hoisted(() => ({
  pages: [] as unknown[][],
  numPages: undefined as number | undefined,
  openError: undefined as unknown,
  pageError: undefined as unknown,
  destroyed: 0,
  cleaned: 0,
}));

vi.mock('../../functions/core/parse/pdfjs.ts', () => ({
  loadPdfjs: () =>
    Promise.resolve({
      getDocument: () => ({
        promise:
          pdf.openError !== undefined
            ? Promise.reject(pdf.openError)
            : Promise.resolve({
                numPages: pdf.numPages ?? pdf.pages.length,
                getPage: (n: number) =>
                  pdf.pageError !== undefined
                    ? Promise.reject(pdf.pageError)
                    : Promise.resolve({
                        getTextContent: () => Promise.resolve({ items: pdf.pages[n - 1] ?? [] }),
                        cleanup: () => {
                          pdf.cleaned++;
                        },
                      }),
                destroy: () => {
                  pdf.destroyed++;
                  return Promise.resolve();
                },
              }),
      }),
    }),
}));

beforeEach(() => {
  Object.assign(pdf, { pages: [], numPages: undefined, openError: undefined, pageError: undefined, destroyed: 0, cleaned: 0 });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A text item of `size` points at (x, y), 0.5 × size wide per character unless told. */
const word = (str: string, x: number, y: number, o: { size?: number; width?: number; transform?: number[] } = {}): Item => {
  const size = o.size ?? 10;
  return { str, transform: o.transform ?? [size, 0, 0, size, x, y], width: o.width ?? (str.length * size) / 2, height: size };
};
/** The items of one line: [x, text] pairs at baseline y. */
const line = (y: number, cells: [number, string][], size = 10): Item[] => cells.map(([x, s]) => word(s, x, y, { size }));

const NOT_A_PDF = Buffer.from('%PDF-1.7\n');
const read = (...pages: Item[][]) => {
  pdf.pages = pages;
  return readPdfTable(NOT_A_PDF);
};
const cellsOf = (t: { records: { cells: string[] }[] }) => t.records.map((r) => r.cells);

// Columns at x 40, 150 and 300: "Date" ends at 60 and "Number" at 180, so the column
// edges are at 105 and 240.
const HEADER = (y = 700): Item[] => line(y, [[40, 'Date'], [150, 'Number'], [300, 'Minutes']]);
const call = (y: number, day: number, minutes: number): Item[] => line(y, [[40, `2025-10-${String(day).padStart(2, '0')}`], [150, `+1415555${1000 + day}`], [300, String(minutes)]]);

describe('readPdfTable: cells by position', () => {
  it('puts each run in the column that holds its centre: an empty cell stays empty, a centre on an edge goes left', async () => {
    const table = await read([
      ...HEADER(),
      ...call(686, 1, 3),
      ...line(672, [[40, '2025-10-02'], [300, '7']]),
      // left of the first name, on the first edge (centre 105), far right
      ...line(658, [[0, '2025-10-03'], [100, 'xy'], [500, '12']]),
      // centre 106: past the first edge; centre 240: on the second
      ...line(644, [[101, 'xy'], [230, '+1']]),
      // two runs in one column, 20 apart: one cell, in order
      ...line(630, [[150, 'BOSTON'], [200, 'MA']]),
    ]);
    expect(table.headers).toEqual(['Date', 'Number', 'Minutes']);
    expect(table.headerRow).toBe(0);
    expect(cellsOf(table)).toEqual([
      ['Date', 'Number', 'Minutes'],
      ['2025-10-01', '+14155551001', '3'],
      ['2025-10-02', '', '7'],
      ['2025-10-03 xy', '', '12'],
      ['', 'xy +1', ''],
      ['', 'BOSTON MA', ''],
    ]);
    expect(table.records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('joins words into one run up to 0.45 of the font size apart, with a space past 0.1 of it', async () => {
    const header = (gap: number) => [word('Date', 40, 700), word('Account', 150, 700, { width: 35 }), word('Number', 185 + gap, 700, { width: 30 }), word('  Minutes ', 300, 700, { width: 35 })];
    const rows = [
      // "555-" ends at 170: "0100" 1 after it, no space; "MA" 1.5 after "BOSTON", a space
      word('2025-10-01', 40, 686), word('555-', 150, 686, { width: 20 }), word('0100 ', 171, 686, { width: 20 }), word('3', 300, 686),
      word('2025-10-02', 40, 672), word('BOSTON', 150, 672, { width: 30 }), word(' MA ', 181.5, 672, { width: 10 }), word('4', 300, 672),
    ];
    const joined = await read([...header(4.5), ...rows]);
    expect(joined.headers).toEqual(['Date', 'Account Number', 'Minutes']);
    expect(cellsOf(joined).slice(1)).toEqual([
      ['2025-10-01', '555-0100', '3'],
      ['2025-10-02', 'BOSTON MA', '4'],
    ]);
    const apart = await read([...header(4.6), ...rows]);
    expect(apart.headers).toEqual(['Date', 'Account', 'Number', 'Minutes']);
  });

  it('measures the gaps against the mean font size of the line', async () => {
    // sizes 6 and 14: a mean of 10, so a gap of 4.5 joins "Account" and "Number"; by the smaller size it would not
    const header = [word('Date', 40, 700, { size: 6, width: 20 }), word('Account', 150, 700, { size: 14, width: 35 }), word('Number', 189.5, 700, { size: 6, width: 30 }), word('Minutes', 300, 700, { size: 14, width: 35 })];
    const table = await read([...header, ...call(686, 1, 3)]);
    expect(table.headers).toEqual(['Date', 'Account Number', 'Minutes']);
  });

  it('reads lines top to bottom and runs left to right, whatever order the items come in', async () => {
    const table = await read([...call(672, 2, 5).reverse(), ...call(686, 1, 3), ...HEADER().reverse()]);
    expect(cellsOf(table)).toEqual([
      ['Date', 'Number', 'Minutes'],
      ['2025-10-01', '+14155551001', '3'],
      ['2025-10-02', '+14155551002', '5'],
    ]);
  });
});

describe('readPdfTable: lines by baseline', () => {
  it('keeps items within 0.35 of the font size of a line\'s first baseline on it, and starts a new line past that', async () => {
    const table = await read([
      ...HEADER(),
      // "Number" 3.5 below the date: the same line; the minutes 3.6 below it: the next line
      word('2025-10-01', 40, 686), word('+14155551001', 150, 682.5), word('3', 300, 682.4),
      // the date 3 below "Number": the same line, put in x order
      word('+14155551002', 150, 672), word('2025-10-02', 40, 669), word('4', 300, 672),
      ...call(660, 2, 5),
    ]);
    expect(cellsOf(table)).toEqual([
      ['Date', 'Number', 'Minutes'],
      ['2025-10-01', '+14155551001', ''],
      ['', '', '3'],
      ['2025-10-02', '+14155551002', '4'],
      ['2025-10-02', '+14155551002', '5'],
    ]);
  });

  it('takes the smaller font of the two for the distance, and no less than 1.5 points', async () => {
    const table = await read([
      // a 20-point title 6 above 10-point text: two lines (by the title's size they would be one)
      word('Statement', 40, 760, { size: 20 }),
      word('Acme', 40, 754), word('Wireless', 200, 754),
      // 3-point print 1.4 apart: one line (0.35 × 3 is 1.05)
      word('Fine', 40, 740, { size: 3 }), word('print', 100, 738.6, { size: 3 }),
      // and 1.6 apart: two
      word('More', 40, 730, { size: 3 }), word('print', 100, 728.4, { size: 3 }),
      ...HEADER(),
      ...call(686, 1, 3),
    ]);
    expect(table.headerRow).toBe(5);
    expect(cellsOf(table).slice(0, 5)).toEqual([['Statement'], ['Acme Wireless'], ['Fine print'], ['More'], ['print']]);
  });

  it('measures from the leftmost of the items on a line\'s first baseline, whatever their order', async () => {
    // 3-point "Total" left of 20-point "Due": "now", 2 lower, is on the next line by the smaller size (1.5), on the same by the larger (7)
    const total = word('Total', 40, 760, { size: 3 });
    const due = word('Due', 200, 760, { size: 20 });
    const now = word('now', 300, 758, { size: 20 });
    for (const items of [[total, due, now], [due, total, now], [now, due, total]]) {
      expect(cellsOf(await read([...items, ...HEADER(), ...call(686, 1, 3)])).slice(0, 2)).toEqual([['Total Due'], ['now']]);
    }
  });

  it('leaves out rotated and skewed text, blank items and items that are not text', async () => {
    const table = await read([
      ...HEADER(),
      word('   ', 220, 700),
      { type: 'beginMarkedContent', id: 'mc0' } as unknown as Item,
      ...call(686, 1, 3),
      word('DRAFT', 150, 690, { transform: [0, 10, -10, 0, 150, 690] }),
      word('x', 200, 686, { transform: [10, 0.02, 0, 10, 200, 686] }),
      word('y', 200, 686, { transform: [10, -0.02, 0, 10, 200, 686] }),
      word('z', 200, 686, { transform: [10, 0, 0.02, 10, 200, 686] }),
      word('w', 200, 686, { transform: [10, 0, -0.02, 10, 200, 686] }),
      // a slant of 0.01 is one; under it, none
      word('v', 200, 686, { transform: [10, 0.01, 0, 10, 200, 686] }),
      word('u', 200, 686, { transform: [10, 0, -0.01, 10, 200, 686] }),
      // a slant under 0.01 is no slant
      word('kept', 300, 672, { transform: [10, 0.009, -0.009, 10, 300, 672] }),
      word('   ', 150, 672),
      ...line(672, [[40, '2025-10-02']]),
    ]);
    expect(cellsOf(table)).toEqual([
      ['Date', 'Number', 'Minutes'],
      ['2025-10-01', '+14155551001', '3'],
      ['2025-10-02', '', 'kept'],
    ]);
  });

  it('sizes text by its vertical scale, flipped or not, then by its height, then as 10 points', async () => {
    // 20-point text flipped (scale -20): words 8 apart are one run (0.45 × 20 = 9)
    const flipped = await read([
      word('Date', 40, 700, { transform: [20, 0, 0, -20, 40, 700], width: 20 }),
      word('Account', 150, 700, { transform: [20, 0, 0, -20, 150, 700], width: 35 }),
      word('Number', 193, 700, { transform: [20, 0, 0, -20, 193, 700], width: 30 }),
      word('Minutes', 300, 700, { transform: [20, 0, 0, -20, 300, 700], width: 35 }),
      ...call(680, 1, 3),
    ]);
    expect(flipped.headers).toEqual(['Date', 'Account Number', 'Minutes']);
    // no vertical scale: the height (20) decides; neither: 10 points, where 8 apart are two runs
    const byHeight = (height: number) => [
      { str: 'Date', transform: [20, 0, 0, 0, 40, 700], width: 20, height },
      { str: 'Account', transform: [20, 0, 0, 0, 150, 700], width: 35, height },
      { str: 'Number', transform: [20, 0, 0, 0, 193, 700], width: 30, height },
      { str: 'Minutes', transform: [20, 0, 0, 0, 300, 700], width: 35, height },
    ];
    expect((await read([...byHeight(20), ...call(680, 1, 3)])).headers).toEqual(['Date', 'Account Number', 'Minutes']);
    expect((await read([...byHeight(0), ...call(680, 1, 3)])).headers).toEqual(['Date', 'Account', 'Number', 'Minutes']);
  });

  it('counts a negative width as none', async () => {
    // "Account" with a width of -35 ends where it starts, 2 before "Number": one run
    const table = await read([word('Date', 40, 700), word('Account', 150, 700, { width: -35 }), word('Number', 152, 700, { width: 30 }), word('Minutes', 300, 700), ...call(686, 1, 3)]);
    expect(table.headers).toEqual(['Date', 'Account Number', 'Minutes']);
  });
});

describe('readPdfTable: the header line', () => {
  it('is the first line of two names or more whose next line holds values in two columns or more', async () => {
    const table = await read([
      ...line(760, [[40, 'Calls']]), // one run: a title
      ...line(740, [[40, 'Prepared for'], [200, 'Acme Corp']]), // names over names
      ...line(730, [[40, 'Billing period'], [200, 'Monthly charges']]),
      ...line(720, [[40, 'Plan'], [200, 'Price']]), // names over one value
      ...line(710, [[40, '$70.00']]),
      ...HEADER(),
      ...call(686, 1, 3),
    ]);
    expect(table.headerRow).toBe(5);
    expect(cellsOf(table)).toEqual([
      ['Calls'],
      ['Prepared for Acme Corp'],
      ['Billing period Monthly charges'],
      ['Plan Price'],
      ['$70.00'],
      ['Date', 'Number', 'Minutes'],
      ['2025-10-01', '+14155551001', '3'],
    ]);
    // two columns are enough
    expect((await read([...line(700, [[40, 'Plan'], [200, 'Price']]), ...line(686, [[40, 'Unlimited'], [200, '$70.00']])])).headers).toEqual(['Plan', 'Price']);
  });

  it('is no line holding a value, and no line of names at the foot of a page', async () => {
    const table = await read([
      ...line(760, [[40, 'Account'], [150, 'Plan'], [300, '555-123-9876']]), // a value among names
      ...line(746, [[40, 'Acme'], [150, 'Unlimited'], [300, '$70.00']]),
      ...HEADER(),
      ...call(686, 1, 3),
    ]);
    expect(table.headerRow).toBe(2);
    await expect(read([...line(760, [[40, 'Summary']]), ...HEADER(80)], [...call(700, 1, 3), ...call(686, 2, 4)])).rejects.toThrow(HeaderNotFoundError);
  });

  it('takes a line of names over a line with one value among names', async () => {
    const table = await read([...line(700, [[40, 'Name'], [150, 'Plan'], [300, 'Minutes']]), ...line(686, [[40, 'Alice'], [150, 'Basic'], [300, '3']])]);
    expect(table.headers).toEqual(['Name', 'Plan', 'Minutes']);
  });

  it('takes a line of names over text-only values that repeat', async () => {
    const table = await read([...line(700, [[40, 'Name'], [150, 'Plan'], [300, 'Status']]), ...line(686, [[40, 'Alice'], [150, 'Basic'], [300, 'Basic']])]);
    expect(table.headers).toEqual(['Name', 'Plan', 'Status']);
  });

  it('prefers a line of distinct names to an earlier one that repeats names, and takes that one when it is the only one', async () => {
    const repeated = line(760, [[40, 'Number'], [150, 'Number'], [300, 'Minutes'], [400, 'Minutes'], [500, 'Cost']]);
    const repeatedRow = line(746, [[40, '+14155551001'], [150, '+14155551002'], [300, '3'], [400, '4'], [500, '$1.00']]);
    expect((await read([...repeated, ...repeatedRow, ...HEADER(), ...call(686, 1, 3)])).headerRow).toBe(2);
    expect((await read([...repeated, ...repeatedRow])).headers).toEqual(['Number', 'Number', 'Minutes', 'Minutes', 'Cost']);
  });

  it('fails with HeaderNotFoundError counting the lines of text when no line is a header', async () => {
    await expect(read([...line(760, [[40, 'Dear customer,']]), ...line(740, [[40, 'thank you.']])], [...line(760, [[40, 'Regards']])])).rejects.toThrow(
      new HeaderNotFoundError('No table found in the PDF: no line of column names followed by a line of values among its 3 lines of text'),
    );
  });
});

/** A line of one cell in the last column. */
const footer = (text: string, y = 40) => line(y, [[250, text]]);

describe('readPdfTable: a table over several pages', () => {
  it('leaves out what is above the repeated header and lines repeated on two pages without filling two columns', async () => {
    const table = await read(
      [
        ...line(760, [[40, 'Acme Wireless']]),
        ...HEADER(),
        ...call(686, 1, 3),
        ...line(672, [[40, 'Roaming']]),
        ...line(600, [[40, 'Subtotal'], [300, '3']]),
        ...footer('Printed 10/31, page 9'),
      ],
      [
        ...line(760, [[40, 'Acme Wireless']]),
        ...line(740, [[40, 'Continued']]),
        ...line(700, [[40, 'DATE'], [150, 'NUMBER'], [300, 'MINUTES']]),
        ...call(686, 2, 4),
        ...line(658, [[40, 'Roaming']]), // at another height than on page 1: kept
        ...line(600, [[40, 'Subtotal'], [300, '4']]), // two columns: kept
        ...footer('PRINTED 10/31, PAGE 10', 42),
      ],
    );
    expect(cellsOf(table)).toEqual([
      ['Acme Wireless'],
      ['Date', 'Number', 'Minutes'],
      ['2025-10-01', '+14155551001', '3'],
      ['Roaming', '', ''],
      ['Subtotal', '', '3'],
      ['DATE', 'NUMBER', 'MINUTES'],
      ['2025-10-02', '+14155551002', '4'],
      ['Roaming', '', ''],
      ['Subtotal', '', '4'],
    ]);
    expect(table.records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 9, 10, 11, 12]);
    expect(table.furniture).toBe(4);
    expect(table.pages).toBe(2);
  });

  it('keeps a single line on one page only, and lines above the header on a page where it is not repeated', async () => {
    const table = await read([...HEADER(), ...call(686, 1, 3), ...footer('Page 1')], [...line(760, [[40, 'Notes']]), ...call(700, 2, 4), ...footer('The end')]);
    expect(cellsOf(table)).toEqual([
      ['Date', 'Number', 'Minutes'],
      ['2025-10-01', '+14155551001', '3'],
      ['', '', 'Page 1'],
      ['Notes', '', ''],
      ['2025-10-02', '+14155551002', '4'],
      ['', '', 'The end'],
    ]);
    expect(table.furniture).toBe(0);
  });

  it('takes the first repeat of the header on a later page as its top, and none on the header\'s own page', async () => {
    const table = await read(
      [...HEADER(), ...call(686, 1, 3), ...line(672, [[40, 'Roaming']]), ...HEADER(640), ...call(626, 2, 4)],
      [...line(760, [[40, 'Continued']]), ...HEADER(), ...call(686, 3, 5), ...line(672, [[40, 'Also roaming']]), ...HEADER(640), ...call(626, 4, 6)],
    );
    expect(cellsOf(table).map((c) => c[0])).toEqual(['Date', '2025-10-01', 'Roaming', 'Date', '2025-10-02', 'Date', '2025-10-03', 'Also roaming', 'Date', '2025-10-04']);
    expect(table.furniture).toBe(1);
  });
});

describe('readPdfTable: breaks', () => {
  it('marks a line more than 1.8 times the usual line distance below the one before, on the same page', async () => {
    const table = await read(
      [
        // a title block spaced 20 apart: not counted in the usual distance, which is from the header on
        ...line(800, [[40, 'Acme']]),
        ...line(780, [[40, 'Wireless']]),
        ...line(760, [[40, 'Call']]),
        ...line(740, [[40, 'Detail']]),
        ...line(720, [[40, 'October']]),
        ...HEADER(),
        ...call(690, 1, 3),
        ...call(680, 2, 3),
        ...call(670, 3, 3),
        ...call(652, 4, 3), // 18 below: 1.8 times 10, no break
        ...call(633, 5, 3), // 19 below: a break
        ...call(623, 6, 3),
      ],
      // on a new page, 23 lower than the last line of the page before: no break
      [...call(600, 7, 3), ...call(590, 8, 3)],
    );
    const from = table.headerRow;
    expect(table.records.slice(from).map((r) => [r.cells[0], r.breakBefore === true])).toEqual([
      ['Date', false],
      ['2025-10-01', false],
      ['2025-10-02', false],
      ['2025-10-03', false],
      ['2025-10-04', false],
      ['2025-10-05', true],
      ['2025-10-06', false],
      ['2025-10-07', false],
      ['2025-10-08', false],
    ]);
  });

  it('measures the distance from the last line kept, not from page furniture', async () => {
    const table = await read(
      [...HEADER(), ...call(690, 1, 3), ...call(680, 2, 3), ...footer('Page 1', 671)],
      [...HEADER(), ...call(690, 3, 3), ...call(680, 4, 3), ...footer('Page 2', 671), ...call(661, 5, 3)],
    );
    // 2025-10-05 is 19 below 2025-10-04 (a break), 10 below the footer left out
    expect(table.records.map((r) => [r.cells[0], r.breakBefore === true])).toEqual([
      ['Date', false],
      ['2025-10-01', false],
      ['2025-10-02', false],
      ['Date', false],
      ['2025-10-03', false],
      ['2025-10-04', false],
      ['2025-10-05', true],
    ]);
    expect(table.furniture).toBe(2);
  });
});

describe('readPdfTable: errors and limits', () => {
  it('says how many pages of images a PDF without text has', async () => {
    await expect(read([])).rejects.toThrow(new NoTextLayerError('The PDF has no text layer: its 1 page hold only images (a scan?). Run OCR on it, or export the data as CSV'));
    await expect(read([word('   ', 40, 700)], [])).rejects.toThrow('its 2 pages hold only images');
  });

  it('refuses a password-protected PDF as unsupported and one pdfjs cannot open as corrupt, naming the error', async () => {
    pdf.openError = Object.assign(new Error('No password given'), { name: 'PasswordException' });
    await expect(read()).rejects.toThrow(new UnsupportedFormatError('The PDF is password-protected; remove the password and upload it again'));
    pdf.openError = Object.assign(new Error('Invalid PDF structure.'), { name: 'InvalidPDFException' });
    await expect(read()).rejects.toThrow(new CorruptFileError('The PDF could not be read (InvalidPDFException): Invalid PDF structure.'));
    pdf.openError = Object.assign(new Error('bad xref'), { name: '' });
    await expect(read()).rejects.toThrow(new CorruptFileError('The PDF could not be read (error): bad xref'));
    pdf.openError = 'thrown text';
    await expect(read()).rejects.toThrow(new CorruptFileError('The PDF could not be read (error): thrown text'));
  });

  it('fails a page pdfjs cannot read as corrupt, and lets the document go whatever happens', async () => {
    pdf.pageError = Object.assign(new Error('Bad FCHECK in flate stream'), { name: 'FormatError' });
    await expect(read([...HEADER(), ...call(686, 1, 3)])).rejects.toThrow(new CorruptFileError('The PDF could not be read (FormatError): Bad FCHECK in flate stream'));
    expect(pdf.destroyed).toBe(1);
    pdf.pageError = undefined;
    await read([...HEADER(), ...call(686, 1, 3)], [...call(700, 2, 3)], [...call(700, 3, 3)]);
    expect(pdf.destroyed).toBe(2);
    expect(pdf.cleaned).toBe(3);
  });

  it('refuses more than 5,000 pages before reading one', async () => {
    pdf.numPages = 5001;
    await expect(read([...HEADER(), ...call(686, 1, 3)])).rejects.toThrow(new LimitExceededError('The PDF has 5001 pages, more than the limit of 5000'));
    expect(pdf.cleaned).toBe(0);
    expect(pdf.destroyed).toBe(1);
    pdf.numPages = 5000;
    expect((await read([...HEADER(), ...call(686, 1, 3)])).pages).toBe(5000);
  });

  it('stops when the reading passes its time budget, by default ten minutes, naming the page', async () => {
    pdf.pages = [[...HEADER(), ...call(686, 1, 3)], [...call(700, 2, 3)], [...call(700, 3, 3)]];
    // the first reading of the clock sets the deadline; every later one is `elapsed` after it
    const clock = (elapsed: number) => {
      let calls = 0;
      vi.spyOn(Date, 'now').mockImplementation(() => 1_000_000 + (calls++ === 0 ? 0 : elapsed));
    };
    clock(600_000);
    expect((await readPdfTable(NOT_A_PDF)).pages).toBe(3);
    clock(600_001);
    await expect(readPdfTable(NOT_A_PDF)).rejects.toThrow(new LimitExceededError('Reading the PDF took longer than 600 s (stopped at page 1 of 3)'));
    clock(2_501);
    await expect(readPdfTable(NOT_A_PDF, { maxMillis: 2_500 })).rejects.toThrow('Reading the PDF took longer than 3 s (stopped at page 1 of 3)');
    expect(pdf.destroyed).toBe(3);
  });

  it('stops at the page where the budget runs out', async () => {
    pdf.pages = [[...HEADER(), ...call(686, 1, 3)], [...call(700, 2, 3)], [...call(700, 3, 3)]];
    // the deadline, then pages 1 and 2 in time, then page 3 late
    const readings = [0, 0, 1_000, 1_001];
    vi.spyOn(Date, 'now').mockImplementation(() => readings.shift() ?? 1_001);
    await expect(readPdfTable(NOT_A_PDF, { maxMillis: 1_000 })).rejects.toThrow('(stopped at page 3 of 3)');
  });

  it('holds the streams to the limits it is given before reading', async () => {
    const bomb = pdfWithStreams([{ data: deflate(' '.repeat(4096)), filter: '/FlateDecode' }]);
    pdf.pages = [[...HEADER(), ...call(686, 1, 3)]];
    await expect(readPdfTable(bomb, { limits: { ...DEFAULT_PARSE_LIMITS, pdfMaxStreamInflatedBytes: 1024 } })).rejects.toThrow(LimitExceededError);
    expect((await readPdfTable(bomb)).headers).toEqual(['Date', 'Number', 'Minutes']);
  });
});

describe('readPdfTable: runs of several words and the usual line distance', () => {
  it('joins a third word to a run by the distance from the run\'s end, not its first word\'s', async () => {
    // "Total" ends at 175, "Call" at 198, "Time" starts 3 after it (23 after "Total")
    const header = [word('Date', 40, 700), word('Total', 150, 700, { width: 25 }), word('Call', 178, 700, { width: 20 }), word('Time', 201, 700, { width: 20 }), word('Minutes', 300, 700)];
    const table = await read([...header, ...call(686, 1, 3)]);
    expect(table.headers).toEqual(['Date', 'Total Call Time', 'Minutes']);
  });

  it('takes the median of the distances between lines, in order of size', async () => {
    // distances 10, 10, 30, 30, 10: the median is 10, so each 30 is a break
    const table = await read([...HEADER(), ...call(690, 1, 3), ...call(680, 2, 3), ...call(650, 3, 3), ...call(620, 4, 3), ...call(610, 5, 3)]);
    expect(table.records.map((r) => r.breakBefore === true)).toEqual([false, false, false, true, true, false]);
  });

  it('counts no distance between the last line of a page and the first of the next', async () => {
    // on the page: 10, 10, then 30, 30 on the next; the median is 30, and no line is a break.
    // The step up to the next page's top (-20) would make it 10, and both 30s breaks.
    const table = await read([...HEADER(), ...call(690, 1, 3), ...call(680, 2, 3)], [...call(700, 3, 3), ...call(670, 4, 3), ...call(640, 5, 3)]);
    expect(table.records.map((r) => r.breakBefore === true)).toEqual([false, false, false, false, false, false]);
  });
});
