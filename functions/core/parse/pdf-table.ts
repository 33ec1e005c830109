// pdfjs-dist is pdf-parse's engine (pinned by it); its text items carry the positions a
// table is rebuilt from, which pdf-parse's text API flattens away.
// Loaded when a PDF is read, not at import (pdfjs.ts).
import type { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DISTINCT_NAMES, isDataLike, looksLikeHeader } from '../detect/row-shapes.ts';
import { CorruptFileError, HeaderNotFoundError, LimitExceededError, NoTextLayerError, UnsupportedFormatError } from '../errors.ts';
import type { SourceRecord } from './table-assembler.ts';
import { PDF_LIMITS } from './container-limits.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse-limits.ts';
import { checkPdfInflation } from './pdf-streams.ts';
import { loadPdfjs } from './pdfjs.ts';

interface Run {
  text: string;
  x0: number;
  x1: number;
}

interface Line {
  page: number;
  /** baseline, PDF units from the bottom of the page */
  y: number;
  size: number;
  runs: Run[];
  /** 0-based position among all lines of the document */
  index: number;
}

export interface PdfTable {
  pages: number;
  /** 0-based index of the header line among all text lines of the document */
  headerRow: number;
  /** the header's cells, one per column */
  headers: string[];
  /**
   * the lines before the header (one cell of text each) then every line from the header on
   * projected onto the header's columns, page headers and footers left out; `line` is
   * the 1-based position among all text lines
   */
  records: SourceRecord[];
  /** repeated page headers/footers left out */
  furniture: number;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/**
 * Rebuilds the table of a PDF from the positions of its text: items become lines (by
 * baseline) and runs (by horizontal gap), the header is the first line of names followed
 * by a line of values, and every line is cut into the header's columns (each run goes to
 * the column whose span holds its centre; column edges halfway between header names).
 * A table that runs over several pages is one table: the header repeated on each page
 * is a repeated header (the assembler skips it), and lines above it on later pages, or
 * repeated on two or more pages without filling two columns (titles, "Page 2 of 3"),
 * are page furniture, left out and counted. A wide vertical gap is a break (as a blank
 * line is in text), so sections and footers are recognised.
 *
 * Throws NoTextLayerError when no page has text (a scan), HeaderNotFoundError when no
 * line looks like a table header, UnsupportedFormatError for an encrypted PDF,
 * CorruptFileError for one pdfjs cannot open, LimitExceededError past maxPages/maxMillis
 * or when its streams inflate past `limits` (checked before pdfjs reads a byte: see
 * checkPdfInflation).
 */
export async function readPdfTable(buf: Buffer, opts: { maxMillis?: number; limits?: ParseLimits } = {}): Promise<PdfTable> {
  await checkPdfInflation(buf, opts.limits ?? DEFAULT_PARSE_LIMITS);
  const { pages, lines } = await readLines(buf, opts.maxMillis ?? PDF_LIMITS.maxMillis);
  if (lines.length === 0) {
    throw new NoTextLayerError(`The PDF has no text layer: its ${pages} page${pages === 1 ? '' : 's'} hold only images (a scan?). Run OCR on it, or export the data as CSV`);
  }
  const headerIndex = findHeaderLine(lines);
  if (headerIndex === -1) {
    throw new HeaderNotFoundError(`No table found in the PDF: no line of column names followed by a line of values among its ${lines.length} lines of text`);
  }
  const header = lines[headerIndex]!;
  const edges = columnEdges(header.runs);
  const project = (line: Line): string[] => projectRuns(line.runs, edges);
  const headerKey = project(header).join('\u0001').toLowerCase();

  // Page furniture: lines above the repeated header on later pages, and lines repeated on
  // several pages at the same height that do not fill two columns.
  const furnitureKeys = repeatedAcrossPages(lines);
  const topOf = new Map<number, number>();
  // (a page before the header's gets an entry too, harmless: only lines from the header on are tested)
  for (const l of lines) {
    if (l.page !== header.page && !topOf.has(l.page) && project(l).join('\u0001').toLowerCase() === headerKey) topOf.set(l.page, l.index);
  }
  const pitch = medianPitch(lines.filter((l) => l.index >= headerIndex));
  const records: SourceRecord[] = [];
  let furniture = 0;
  for (const l of lines.slice(0, headerIndex)) records.push({ cells: [l.runs.map((r) => r.text).join(' ')], line: l.index + 1 });
  let previous: Line | undefined;
  for (const l of lines.slice(headerIndex)) {
    const cells = project(l);
    const top = topOf.get(l.page);
    const filled = cells.filter((c) => c.length > 0).length;
    // never the header: it fills a column per name, and no top is set on its page
    const isFurniture = (top !== undefined && l.index < top) || (filled < 2 && furnitureKeys.has(furnitureKey(l)));
    if (isFurniture) {
      furniture++;
      continue;
    }
    const gap = previous && previous.page === l.page ? previous.y - l.y : 0;
    const rec: SourceRecord = { cells, line: l.index + 1 };
    if (gap > pitch * 1.8) rec.breakBefore = true;
    records.push(rec);
    previous = l;
  }
  return { pages, headerRow: headerIndex, headers: project(header), records, furniture };
}

async function readLines(buf: Buffer, maxMillis: number): Promise<{ pages: number; lines: Line[] }> {
  const deadline = Date.now() + maxMillis;
  let doc: Awaited<ReturnType<typeof getDocument>['promise']>;
  try {
    const pdfjs = await loadPdfjs();
    doc = await pdfjs.getDocument({ data: new Uint8Array(buf), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  } catch (err) {
    throw pdfError(err);
  }
  try {
    const pages = doc.numPages;
    if (pages > PDF_LIMITS.maxPages) throw new LimitExceededError(`The PDF has ${pages} pages, more than the limit of ${PDF_LIMITS.maxPages}`);
    const lines: Line[] = [];
    for (let p = 1; p <= pages; p++) {
      if (Date.now() > deadline) throw new LimitExceededError(`Reading the PDF took longer than ${Math.round(maxMillis / 1000)} s (stopped at page ${p} of ${pages})`);
      let items: TextItemLike[];
      try {
        const page = await doc.getPage(p);
        const content = await page.getTextContent();
        items = content.items.filter((i): i is typeof i & TextItemLike => 'str' in i) as TextItemLike[];
        page.cleanup();
      } catch (err) {
        throw pdfError(err);
      }
      for (const line of pageLines(items, p)) lines.push({ ...line, index: lines.length });
    }
    return { pages, lines };
  } finally {
    await doc.destroy();
  }
}

function pdfError(err: unknown): Error {
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return new UnsupportedFormatError('The PDF is password-protected; remove the password and upload it again');
  return new CorruptFileError(`The PDF could not be read (${name || 'error'}): ${message}`);
}

/** Items to lines (same baseline, within a fraction of the font size) and lines to runs (words close together). */
function pageLines(items: TextItemLike[], page: number): Omit<Line, 'index'>[] {
  const glyphs = items
    // pdfjs gives six numbers, [a b c d x y]: b and c are rotation and skew, d the vertical scale
    .filter((i) => i.str.trim().length > 0 && Math.abs(i.transform[1]!) < 0.01 && Math.abs(i.transform[2]!) < 0.01)
    .map((i) => {
      const size = Math.abs(i.transform[3]!) || i.height || 10;
      const x = i.transform[4]!;
      return { text: i.str, x, y: i.transform[5]!, x1: x + Math.max(i.width, 0), size };
    })
    // top to bottom, then left to right: a line's first item (whose size sets the distance to the next) does not depend on the order of the items
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Omit<Line, 'index'>[] = [];
  let current: typeof glyphs = [];
  const flush = () => {
    if (current.length === 0) return;
    current.sort((a, b) => a.x - b.x);
    const size = current.reduce((s, g) => s + g.size, 0) / current.length;
    const runs: Run[] = [];
    for (const g of current) {
      const last = runs[runs.length - 1];
      if (last && g.x - last.x1 <= size * 0.45) {
        last.text += g.x - last.x1 > size * 0.1 ? ` ${g.text.trim()}` : g.text.trim();
        last.x1 = Math.max(last.x1, g.x1);
      } else runs.push({ text: g.text.trim(), x0: g.x, x1: g.x1 });
    }
    lines.push({ page, y: current[0]!.y, size, runs });
    current = [];
  };
  for (const g of glyphs) {
    const base = current[0];
    if (base && Math.abs(base.y - g.y) > Math.max(1.5, Math.min(base.size, g.size) * 0.35)) flush();
    current.push(g);
  }
  flush();
  return lines;
}

/**
 * The first line of names (two runs or more, no values) whose next line on the page holds
 * values in two columns or more: of distinct names if one is (see DISTINCT_NAMES).
 */
function findHeaderLine(lines: readonly Line[]): number {
  const found = findHeaderLineWith(lines, DISTINCT_NAMES.preferred);
  return found !== -1 ? found : findHeaderLineWith(lines, DISTINCT_NAMES.allowed);
}

function findHeaderLineWith(lines: readonly Line[], distinct: number): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.runs.length < 2) continue;
    const texts = line.runs.map((r) => r.text);
    if (!looksLikeHeader(texts, distinct) || texts.some((t) => isDataLike(t))) continue;
    const next = lines[i + 1];
    if (!next || next.page !== line.page) continue;
    const cells = projectRuns(next.runs, columnEdges(line.runs)).filter((c) => c.length > 0);
    if (cells.length >= 2 && (cells.some((c) => isDataLike(c)) || !looksLikeHeader(cells))) return i;
  }
  return -1;
}

/** Column boundaries: halfway between one header name's end and the next one's start. */
function columnEdges(runs: readonly Run[]): number[] {
  const edges: number[] = [];
  for (let i = 0; i + 1 < runs.length; i++) edges.push((runs[i]!.x1 + runs[i + 1]!.x0) / 2);
  return edges;
}

function projectRuns(runs: readonly Run[], edges: readonly number[]): string[] {
  const cells = new Array<string>(edges.length + 1).fill('');
  for (const r of runs) {
    const centre = (r.x0 + r.x1) / 2;
    let col = 0;
    while (col < edges.length && centre > edges[col]!) col++;
    cells[col] = cells[col] ? `${cells[col]} ${r.text}` : r.text;
  }
  return cells;
}

/** A line's text with digits blurred (page numbers, dates) and its height on the page, coarsely. */
function furnitureKey(line: Line): string {
  return `${Math.round(line.y / 6)}|${line.runs
    .map((r) => r.text)
    .join(' ')
    .toLowerCase()
    .replace(/\d+/g, '#')}`;
}

function repeatedAcrossPages(lines: readonly Line[]): Set<string> {
  const pagesOf = new Map<string, Set<number>>();
  for (const l of lines) {
    const key = furnitureKey(l);
    const set = pagesOf.get(key) ?? new Set<number>();
    set.add(l.page);
    pagesOf.set(key, set);
  }
  return new Set([...pagesOf].filter(([, pages]) => pages.size >= 2).map(([k]) => k));
}

/**
 * The usual distance between consecutive lines on a page (lines of a page run top to
 * bottom). There is one at least: the header's next line is on its page.
 */
function medianPitch(lines: readonly Line[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page === b.page) gaps.push(a.y - b.y);
  }
  gaps.sort((x, y) => x - y);
  return gaps[Math.floor(gaps.length / 2)]!;
}
