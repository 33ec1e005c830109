// exceljs (~260 KB bundled) is loaded when a workbook is read, not where this module is imported:
// the Lambda bundles ship it as a file of its own (lib/bundling.ts, LAZY_PACKAGES).
import type * as ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { inspectZip, openZipEntries } from '../detect/zip-archive.ts';
import { XLSX_LIMITS } from './container-limits.ts';
import { decodeXmlEntities } from './xml-entities.ts';
import { CorruptFileError, DomainError, LimitExceededError } from '../errors.ts';
import { DEFAULT_PARSE_LIMITS, describeLimit, type ParseLimits } from './parse-limits.ts';
import type { RecordBatch, SourceRecord } from './row-stream.ts';

const MAX_MERGES = 100_000;
const MAX_COLUMNS = 16_384;

export interface SheetInfo {
  name: string;
  /** hidden or veryHidden sheets are read only when no visible sheet has a table */
  hidden: boolean;
  /** the part, e.g. xl/worksheets/sheet1.xml */
  path: string;
}

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface WorkbookParts {
  /** in workbook (tab) order */
  sheets: SheetInfo[];
  /** merged ranges per sheet part */
  merges: Map<string, MergeRange[]>;
  /** last row of each sheet part's declared used range (<dimension ref="A1:E1200"/>), when it has one */
  lastRows: Map<string, number>;
  date1904: boolean;
}

/**
 * Checks the archive (zip bomb, truncation: see inspectZip) and reads what the streaming
 * reader does not give: sheet names and order, merged ranges, the 1904 date system.
 *
 * The reader holds the whole shared-strings table in memory, and a small file can declare
 * a huge one (a 625 KB workbook with a 243 MB table took 53 s and 850 MB), so the table is
 * held to `limits` here, before the reader starts: its size as the archive declares it,
 * then its size and string count as it inflates. Throws LimitExceededError past them.
 */
export async function readWorkbookParts(buf: Buffer, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<WorkbookParts> {
  let workbookXml = '';
  let relsXml = '';
  const merges = new Map<string, MergeRange[]>();
  const lastRows = new Map<string, number>();
  const tooBig = (bytes: number) =>
    new LimitExceededError(
      `The workbook's shared-strings table (${SHARED_STRINGS}) holds ${bytes} bytes or more, more than ${describeLimit(limits, 'xlsxMaxSharedStringsBytes', 'bytes')}: save the sheet as CSV instead`,
    );
  const { entries } = await inspectZip(
    buf,
    'XLSX',
    XLSX_LIMITS,
    (name) => {
      if (name === 'xl/workbook.xml') return (chunk) => (workbookXml += chunk.toString('utf8'));
      if (name === 'xl/_rels/workbook.xml.rels') return (chunk) => (relsXml += chunk.toString('utf8'));
      if (name === SHARED_STRINGS) return sharedStringsCounter(limits, tooBig);
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
        const ranges: MergeRange[] = [];
        merges.set(name, ranges);
        const scanMerges = mergeScanner(ranges);
        let head = '';
        return (chunk) => {
          // The declared used range sits at the top of the sheet.
          if (head.length < 4096 && !lastRows.has(name)) {
            head += chunk.toString('latin1', 0, Math.min(chunk.length, 4096));
            const m = /<(?:\w+:)?dimension\b[^>]*\bref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(head);
            if (m?.[1]) lastRows.set(name, Number(m[1]));
          }
          scanMerges(chunk);
        };
      }
      return undefined;
    },
    (entry) => {
      if (entry.name === SHARED_STRINGS && entry.uncompressedSize > limits.xlsxMaxSharedStringsBytes) throw tooBig(entry.uncompressedSize);
    },
  );
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new CorruptFileError('The file is a ZIP archive but not an Excel workbook: it has no xl/workbook.xml');
  }
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const sheets: SheetInfo[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id') ?? attr(m[0], 'id');
    const path = rid ? targets.get(rid) : undefined;
    if (name === undefined || path === undefined) continue;
    const state = attr(m[0], 'state');
    sheets.push({ name, path, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml)?.[0];
  const d1904 = pr ? attr(pr, 'date1904') : undefined;
  return { sheets, merges, lastRows, date1904: d1904 === '1' || d1904 === 'true' };
}

const SHARED_STRINGS = 'xl/sharedStrings.xml';

/**
 * Counts the shared-strings table as it inflates: its bytes, and its strings (`<si>`
 * elements, found in the bytes without parsing them; the declared `uniqueCount` is taken
 * at its word first, so a table that says it is too big stops at once).
 */
function sharedStringsCounter(limits: ParseLimits, tooBig: (bytes: number) => Error): (chunk: Buffer) => void {
  let bytes = 0;
  let strings = 0;
  // Stryker disable next-line StringLiteral: equivalent, text before the table's own holds no '<' and stays under the 1,024 characters read
  let head = '';
  // Stryker disable next-line StringLiteral: equivalent, text before the table's own holds no '<', so no string start
  let tail = '';
  const tooMany = (n: number) =>
    new LimitExceededError(
      `The workbook's shared-strings table (${SHARED_STRINGS}) holds ${n} or more strings, more than ${describeLimit(limits, 'xlsxMaxSharedStrings', 'strings')}: save the sheet as CSV instead`,
    );
  return (chunk) => {
    // (a second guard: the archive reader holds an entry to its declared size, which is checked against the limit first)
    // Stryker disable next-line AssignmentOperator: equivalent while the declared size is checked first and held to, see above
    bytes += chunk.length;
    // Stryker disable next-line ConditionalExpression: equivalent while the declared size is checked first and held to, see above
    if (bytes > limits.xlsxMaxSharedStringsBytes) throw tooBig(bytes);
    if (head.length < 1024) {
      head += chunk.toString('latin1', 0, Math.min(chunk.length, 1024));
      const declared = /<(?:\w+:)?sst\b[^>]*\buniqueCount="(\d+)"/.exec(head);
      if (declared && Number(declared[1]) > limits.xlsxMaxSharedStrings) throw tooMany(Number(declared[1]));
    }
    const text = tail + chunk.toString('latin1');
    for (const _m of text.matchAll(SI_START)) strings++;
    // An element start cut by the chunk's end is carried to the next one; a counted one never is.
    // (What else is carried counts nothing: the text from the last '<' holds no other element
    // start, and without a '<' it is one character, none.)
    const cut = text.lastIndexOf('<');
    // Stryker disable next-line StringLiteral: equivalent, text carried without a '<' holds no string start
    tail = text.length - cut < 16 && !SI_AT.test(text.slice(cut)) ? text.slice(cut) : '';
    if (strings > limits.xlsxMaxSharedStrings) throw tooMany(strings);
  };
}

const SI_START = /<(?:\w+:)?si[\s>/]/g;
// (tested on a cut element start: its only '<' is its first character)
const SI_AT = /<(?:\w+:)?si[\s>/]/;

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m ? decodeXmlEntities(m[1]!) : undefined;
}


/** Finds <mergeCell ref="A1:C2"/> in a worksheet's XML as it inflates (they follow the rows). */
function mergeScanner(out: MergeRange[]): (chunk: Buffer) => void {
  // Stryker disable next-line StringLiteral: equivalent, a range is not taken from the carried text, and text without a '<' holds none
  let tail = '';
  const re = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
  return (chunk) => {
    const text = tail + chunk.toString('latin1');
    for (const m of text.matchAll(re)) {
      // Matches wholly inside the carried tail were taken last time.
      if (m.index + m[0].length <= tail.length || out.length >= MAX_MERGES) continue;
      const [top, bottom] = [Number(m[2]), Number(m[4])];
      const [left, right] = [columnNumber(m[1]!), columnNumber(m[3]!)];
      out.push({ top: Math.min(top, bottom), bottom: Math.max(top, bottom), left: Math.min(left, right), right: Math.max(left, right) });
    }
    // Stryker disable next-line MethodExpression,UnaryOperator: equivalent in the ranges found (none is taken from the carried text); a longer tail only costs time
    tail = text.slice(-256);
  };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Fills merged cells as rows stream by: a cell covered by a merge takes the value of the
 * merge's top-left cell. Vertical merges fill every row (a date merged over the calls of
 * that day); horizontal ones only rows up to `horizontalUpTo` (the header), so a data
 * row's note spanning columns is not copied into them.
 */
export class MergeFiller {
  private readonly byTop = new Map<number, MergeRange[]>();
  private active: { range: MergeRange; value: string }[] = [];

  constructor(
    ranges: readonly MergeRange[],
    private readonly horizontalUpTo = Infinity,
  ) {
    for (const r of ranges) {
      const list = this.byTop.get(r.top);
      if (list) list.push(r);
      else this.byTop.set(r.top, [r]);
    }
  }

  /** Fills `cells` (0-based columns) of sheet row `row` in place; rows must come in order. */
  fill(row: number, cells: string[]): void {
    this.active = this.active.filter((a) => a.range.bottom >= row);
    // Stryker disable next-line ArrayDeclaration: a stray entry has no left column, so its value reads '' and it fills nothing
    for (const range of this.byTop.get(row) ?? []) this.active.push({ range, value: cells[range.left - 1] ?? '' });
    for (const { range, value } of this.active) {
      if (value === '') continue;
      const right = row <= this.horizontalUpTo ? range.right : range.left;
      for (let c = range.left; c <= right; c++) {
        if (c - 1 >= MAX_COLUMNS) break;
        while (cells.length < c) cells.push('');
        // The top-left cell holds the value itself, and a covered cell with a value of its own keeps it.
        if (cells[c - 1] === '') cells[c - 1] = value;
      }
    }
  }
}

/** The parts of exceljs's streaming reader that read one part each (see readSheets). */
interface PartReader {
  _parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseWorksheet(chunks: AsyncIterable<Buffer>, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
  properties?: { model?: { date1904?: boolean } };
}

const STYLES = 'xl/styles.xml';

/**
 * Streams the rows of the workbook's sheets, as records per sheet (cells as text, merged
 * cells not filled). `wanted` picks the sheets to read; others are skipped unread.
 *
 * exceljs's streaming reader walks the archive in stored order through a single unzip
 * pass that can lose an entry under load: one read in a few hundred of the same buffer
 * missed the shared-strings table and turned every text cell empty, and a lost sheet
 * loses its rows. So the archive is opened here through its central directory and the
 * reader is given its parts one by one, shared strings and styles first, then each sheet
 * by the path the workbook names (any name, not only sheetN.xml); exceljs only parses.
 */
export async function* readSheets(
  buf: Buffer,
  parts: WorkbookParts,
  wanted: (sheet: SheetInfo) => boolean,
): AsyncGenerator<{ sheet: SheetInfo; rows: AsyncGenerator<SourceRecord> }> {
  const { default: excel } = await import('exceljs');
  const zip = await openZipEntries(buf, 'XLSX');
  try {
    const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as PartReader;
    // The worksheet reader takes the 1904 date system from here; ours comes from workbook.xml.
    reader.properties = { model: { date1904: parts.date1904 } };
    if (zip.has(SHARED_STRINGS)) for await (const _event of reader._parseSharedStrings(await zip.open(SHARED_STRINGS))) void _event;
    // A workbook without styles still has cells that name style 0: give the reader an empty sheet of them.
    await reader._parseStyles(zip.has(STYLES) ? await zip.open(STYLES) : Readable.from([Buffer.from('<styleSheet/>')]));
    for (const [index, sheet] of parts.sheets.entries()) {
      if (!wanted(sheet) || !zip.has(sheet.path)) continue;
      const [emitted] = reader._parseWorksheet(await zip.open(sheet.path), String(index + 1));
      if (emitted) yield { sheet, rows: sheetRows(emitted.value, parts.date1904) };
    }
  } catch (err) {
    throw readError(err);
  } finally {
    zip.close();
  }
}

async function* sheetRows(ws: AsyncIterable<ExcelJS.Row>, date1904: boolean): AsyncGenerator<SourceRecord> {
  try {
    for await (const row of ws) {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // Stryker disable next-line ConditionalExpression: exceljs refuses a column past XFD (16,384) before a cell gets here
        if (col > MAX_COLUMNS) return;
        const text = cellText(cell.value, cell.numFmt, date1904);
        if (text === '') return;
        // Stryker disable next-line EqualityOperator: a blank pushed into the cell's own place is replaced by its text on the next line
        while (cells.length < col - 1) cells.push('');
        cells[col - 1] = text;
      });
      yield { cells, line: row.number };
    }
  } catch (err) {
    throw readError(err);
  }
}

function readError(err: unknown): Error {
  if (err instanceof DomainError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new CorruptFileError(`The XLSX workbook could not be read: ${message}`);
}

/** Batches a sheet's records for the row assembler, with progress as a share of the archive. */
export async function* batchRecords(rows: AsyncIterable<SourceRecord>, totalBytes: number, rowEstimate: number | undefined, size = 2000): AsyncGenerator<RecordBatch> {
  let batch: SourceRecord[] = [];
  let seen = 0;
  const estimate = rowEstimate ?? 0;
  const progress = () => (estimate > 0 ? Math.min(totalBytes, Math.round((seen / estimate) * totalBytes)) : 0);
  for await (const rec of rows) {
    batch.push(rec);
    seen++;
    if (batch.length >= size) {
      yield { records: batch, bytesRead: progress() };
      batch = [];
    }
  }
  yield { records: batch, bytesRead: totalBytes };
}

// ---------------------------------------------------------------------------------------
// Cell values to text

const MS_PER_DAY = 86_400_000;
/** Serial 0 in each date system, as a UTC instant (Excel dates carry no zone: wall clock). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/**
 * Excel's 1900 system counts a 29 February 1900 (Lotus 1-2-3's leap-year bug, kept for its
 * files): day 1 is 1900-01-01 and days 1 to 59 fall one day later than EPOCH_1900 puts them.
 * Day 60, the day that never was, reads as 1900-02-28.
 */
const LEAP_BUG_FROM = EPOCH_1900 + MS_PER_DAY;
const LEAP_BUG_TO = EPOCH_1900 + 60 * MS_PER_DAY;

/**
 * A cell as the text a person sees, in a form the enrichers read: dates as ISO 8601 wall
 * clock (`2025-10-02`, `2025-10-02T16:05:00`, `16:05:00`; no zone, Excel has none),
 * elapsed-time formats ([h]:mm:ss) as `h:mm:ss`, numbers without float noise, formulas as
 * their cached result, rich text as its text, errors as their code (#N/A).
 */
export function cellText(value: ExcelJS.CellValue | undefined, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // A value the reader could not read as a number (<v>abc</v>) has no text, not an error that fails the workbook.
  if (typeof value === 'number') return !Number.isFinite(value) ? '' : isDateFormat(numFmt) ? serialText(value, numFmt!, date1904) : numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value, numFmt, date1904);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  // A text cell whose table never came: reading it as empty would lose the value unseen.
  if ('sharedString' in value) throw new CorruptFileError(`The XLSX workbook could not be read: a cell refers to shared string ${String(value.sharedString)} and the workbook has no shared-strings table`);
  // A formula reads as its cached result (none, an error code, a number, a date, text).
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result, numFmt, date1904);
  if ('error' in value) return String(value.error);
  // A hyperlink reads as its text (a string, or rich text); a value of no known shape has none.
  return cellText((value as { text?: ExcelJS.CellValue }).text, numFmt, date1904);
}

function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** A number format that shows a date or time (d, m, y, h, s outside quotes and brackets; [h] elapsed). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  return /[dmyhs]/i.test(bare);
}

function serialText(serial: number, fmt: string, date1904: boolean): string {
  if (/\[[hms]+\]/i.test(fmt)) return elapsedText(serial * MS_PER_DAY);
  return wallClockText((date1904 ? EPOCH_1904 : EPOCH_1900) + serial * MS_PER_DAY, fmt, date1904);
}

function dateText(d: Date, fmt: string | undefined, date1904: boolean): string {
  const epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
  if (/\[[hms]+\]/i.test(fmt ?? '')) return elapsedText(d.getTime() - epoch);
  return wallClockText(d.getTime(), fmt, date1904);
}

function wallClockText(ms: number, fmt: string | undefined, date1904: boolean): string {
  const t = Math.round(ms / 1000) * 1000;
  const iso = new Date(!date1904 && t >= LEAP_BUG_FROM && t < LEAP_BUG_TO ? t + MS_PER_DAY : t).toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  const epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
  const dayOnly = t % MS_PER_DAY === 0;
  const bare = (fmt ?? '').replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  const showsTime = /[hs]/i.test(bare) || /am\/pm|a\/p/i.test(bare);
  const showsDate = /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
  // A time of day has no date: its format shows none, or it is day 0 of the epoch.
  if ((showsTime && !showsDate) || (t - epoch < MS_PER_DAY && t >= epoch && !showsDate)) return time;
  if (dayOnly && !showsTime) return date;
  return `${date}T${time}`;
}

function elapsedText(ms: number): string {
  const total = Math.round(ms / 1000);
  const sign = total < 0 ? '-' : '';
  const s = Math.abs(total);
  return `${sign}${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
