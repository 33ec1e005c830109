import { inspectZip } from '../detect/zip-archive.ts';
import { DOCX_LIMITS } from './container-limits.ts';
import { classifyTable, TableScanner, type TableClassification } from '../detect/classify-container.ts';
import { isBlankCells } from '../detect/row-shapes.ts';
import { CorruptFileError, HeaderNotFoundError, NoDataRowsError } from '../errors.ts';
import { headerKey, type SourceRecord } from './table-assembler.ts';
import { decodeXmlEntities } from './xml-entities.ts';

/** Paragraphs before a table kept as its preamble (title, account line). */
const PREAMBLE_PARAGRAPHS = 5;

export interface DocxTable {
  /** cells of each row, merged cells (colspan/rowspan) repeated in every column/row they cover */
  rows: string[][];
  /** the paragraphs between the previous table and this one, last ones first kept */
  before: string[];
}

export interface DocxDocument {
  tables: DocxTable[];
}

/**
 * The tables of a Word document, in order: the archive is checked first (zip bomb,
 * truncation: see inspectZip), then mammoth turns it into HTML (images dropped) and the
 * tables are read from that. Throws CorruptFileError for a ZIP without word/document.xml
 * or a document mammoth cannot read.
 */
export async function readDocxTables(buf: Buffer): Promise<DocxDocument> {
  const { entries } = await inspectZip(buf, 'DOCX', DOCX_LIMITS);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new CorruptFileError('The file is a ZIP archive but not a Word document: it has no word/document.xml');
  }
  let html: string;
  try {
    // loaded here, not at import: the Lambda bundles ship it as a file of its own (lib/bundling.ts, LAZY_PACKAGES)
    const { default: mammoth } = await import('mammoth');
    // Stryker disable next-line ObjectLiteral,StringLiteral: images are dropped to spare the base64 copy; htmlTables reads no <img> either way
    const result = await mammoth.convertToHtml({ buffer: buf }, { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) });
    html = result.value;
  } catch (err) {
    // only mammoth throws here: no error of ours passes through it
    throw new CorruptFileError(`The DOCX document could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { tables: htmlTables(html) };
}

/**
 * The table to read, as records: the table with the most data rows (the first on a tie),
 * with the paragraphs just before it as preamble and the tables right after it that
 * continue it (same header, or same width without a header: a table split by a page
 * break) appended. `index` is the chosen table's 0-based position.
 */
export function chooseDocxTable(doc: DocxDocument, preferred?: number): { index: number; records: SourceRecord[]; table: TableClassification } {
  if (doc.tables.length === 0) throw new HeaderNotFoundError('The Word document has no tables');
  let best: { index: number; records: SourceRecord[]; table: TableClassification } | undefined;
  let firstError: Error | undefined;
  const order = preferred !== undefined ? [preferred] : doc.tables.map((_, i) => i);
  for (const index of order) {
    const records = tableRecords(doc, index);
    try {
      const scanner = new TableScanner();
      for (const r of records) scanner.add(r);
      const table = classifyTable(scanner.scan, `table ${index + 1}`);
      if (!best || table.dataRows > best.table.dataRows) best = { index, records, table };
    } catch (err) {
      if (!(err instanceof HeaderNotFoundError || err instanceof NoDataRowsError)) throw err;
      firstError ??= err;
    }
  }
  if (best) return best;
  throw firstError ?? new HeaderNotFoundError('No table in the Word document has a header row and data');
}

function tableRecords(doc: DocxDocument, index: number): SourceRecord[] {
  const table = doc.tables[index]!;
  const rows: string[][] = [...table.before.slice(-PREAMBLE_PARAGRAPHS).map((p) => [p]), ...table.rows];
  const header = table.rows.find((r) => !isBlankCells(r));
  const width = Math.max(0, ...table.rows.map((r) => r.length));
  const key = header && headerKey(header);
  for (let next = index + 1; next < doc.tables.length; next++) {
    const t = doc.tables[next]!;
    if (t.before.length > 0) break; // text between (htmlTables keeps no empty paragraph): a separate table
    const first = t.rows.find((r) => !isBlankCells(r));
    const sameHeader = first !== undefined && headerKey(first) === key;
    const sameWidth = Math.max(0, ...t.rows.map((r) => r.length)) === width;
    if (!sameHeader && !sameWidth) break;
    rows.push(...t.rows);
  }
  return rows.map((cells, i) => ({ cells, line: i + 1 }));
}


// ---------------------------------------------------------------------------------------
// HTML tables (mammoth's output: well-formed, few tags)

const TOKEN = /<(\/?)([a-z][a-z0-9]*)\b([^>]*)>|([^<]+)/gi;

interface OpenTable {
  rows: string[][];
  /** rowspans still covering columns: column -> rows left and text */
  spans: Map<number, { left: number; text: string }>;
  row: string[] | undefined;
  col: number;
  cell: { text: string; colspan: number; rowspan: number } | undefined;
  before: string[];
}

/** Tags that end a paragraph outside tables (mammoth writes headings, lists and paragraphs). */
const PARAGRAPH_ENDS: ReadonlySet<string> = new Set(['p', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Reads the tables out of HTML, nested ones separately; paragraphs outside tables are each table's `before`. */
export function htmlTables(html: string): DocxTable[] {
  const out: DocxTable[] = [];
  const stack: OpenTable[] = [];
  let paragraphs: string[] = [];
  let text = '';
  const flushParagraph = () => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t.length > 0) paragraphs.push(t);
    text = '';
  };
  for (const m of html.matchAll(TOKEN)) {
    const table = stack[stack.length - 1];
    if (m[4] !== undefined) {
      const t = decodeXmlEntities(m[4]);
      if (table?.cell) table.cell.text += t;
      else if (!table) text += t;
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    const attrs = m[3]!; // the group always takes part, empty or not
    if (tag === 'table') {
      if (!closing) {
        // Inside a table no text is gathered and no paragraph ends, so a nested table
        // finds none: it gets an empty list, as the next outer table gets a new one.
        flushParagraph();
        stack.push({ rows: [], spans: new Map(), row: undefined, col: 0, cell: undefined, before: paragraphs });
        paragraphs = [];
      } else if (table) {
        endRow(table);
        stack.pop();
        out.push({ rows: table.rows, before: table.before });
      }
      continue;
    }
    if (!table) {
      if (PARAGRAPH_ENDS.has(tag)) flushParagraph();
      continue;
    }
    if (tag === 'tr') {
      endRow(table);
      if (!closing) {
        table.row = [];
        table.col = 0;
      }
    } else if (tag === 'td' || tag === 'th') {
      if (!closing) {
        endCell(table);
        table.row ??= [];
        table.cell = { text: '', colspan: spanAttr(attrs, 'colspan'), rowspan: spanAttr(attrs, 'rowspan') };
      } else endCell(table);
    } else if ((tag === 'p' || tag === 'br') && table.cell) {
      table.cell.text += ' '; // white space is collapsed and trimmed when the cell ends
    }
  }
  return out;
}

function spanAttr(attrs: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*"?(\\d+)`, 'i').exec(attrs);
  return m ? Math.min(1000, Math.max(1, Number(m[1]))) : 1;
}

function fillSpans(t: OpenTable): void {
  // Columns still covered by a rowspan from above take its text, up to the first that is not.
  for (let span = t.spans.get(t.col); span; span = t.spans.get(t.col)) {
    t.row!.push(span.text);
    span.left--;
    if (span.left === 0) t.spans.delete(t.col);
    t.col++;
  }
}

function endCell(t: OpenTable): void {
  const cell = t.cell;
  if (!cell || !t.row) return;
  t.cell = undefined;
  fillSpans(t);
  const text = cell.text.replace(/\s+/g, ' ').trim();
  for (let k = 0; k < cell.colspan; k++) {
    t.row.push(text);
    if (cell.rowspan > 1) t.spans.set(t.col, { left: cell.rowspan - 1, text });
    t.col++;
  }
}

function endRow(t: OpenTable): void {
  if (!t.row) return;
  endCell(t);
  fillSpans(t);
  // A rowspan column after a gap: keep going past columns with no span. (A span left
  // behind t.col was overlapped by a colspan cell of this row; it waits for the next.)
  for (const [col, span] of [...t.spans]) {
    // Stryker disable next-line EqualityOperator: no span is at t.col itself, fillSpans has just taken it
    if (col < t.col) continue;
    // Stryker disable next-line EqualityOperator: one empty cell too many at `col` is overwritten below
    while (t.row.length < col) t.row.push('');
    t.row[col] = span.text;
    span.left--;
    if (span.left === 0) t.spans.delete(col);
  }
  t.rows.push(t.row);
  t.row = undefined;
}

