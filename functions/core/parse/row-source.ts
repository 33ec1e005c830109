import type { Classification } from '../pipeline-types.ts';
import { CorruptFileError, UnsupportedFormatError } from '../errors.ts';
import { parseDelimitedRows, type ByteSource } from './delimited-rows.ts';
import { parseJsonRows } from './json-rows.ts';
import { assertReadWholeSize } from './container-limits.ts';
import { assembleRows, type RecordBatch, type RowStream } from './row-stream.ts';
import type { AssemblerOptions, SourceRecord } from './table-assembler.ts';
import type { MergeFiller } from './xlsx-rows.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse-limits.ts';
import type { WarningPart } from './assembler-stream.ts';

export type { RowStream } from './row-stream.ts';

/** How Parse reaches the file: a stream for text formats, the whole object for containers. */
export interface RowSourceInput {
  stream: () => Promise<ByteSource>;
  readAll: () => Promise<Buffer>;
  size: number;
  /** what the file may make the readers do (default DEFAULT_PARSE_LIMITS) */
  limits?: ParseLimits;
}

export interface RowSourceOptions {
  /** rows per batch (default DEFAULT_BATCH_ROWS) */
  batchSize?: number;
  /** which of the file's warnings the range reports (see WarningPart; default all) */
  warnings?: WarningPart;
}

/**
 * Opens the rows of a classified file, whatever its format, behind one interface: batches
 * of rows under one header (RowStream), with progress in source bytes. Delimited text and
 * JSON stream with bounded memory whatever their size; XLSX, DOCX and PDF are read whole
 * (within their size caps) and their rows streamed out. Every format's rows go through
 * the same judgement (TableAssembler): preamble, blank, summary and repeated header lines
 * skipped and counted, sections unified, ragged rows marked.
 *
 * Throws UnsupportedFormatError for a format Classify would not have passed (XLS, unknown).
 */
export async function openRowSource(classification: Classification, input: RowSourceInput): Promise<RowStream> {
  const c = classification;
  const limits = input.limits ?? DEFAULT_PARSE_LIMITS;
  switch (c.format) {
    case 'csv': {
      if (!c.delimiter) throw new CorruptFileError('The classification of a delimited text file has no delimiter');
      return parseDelimitedRows(await input.stream(), {
        encoding: c.encoding,
        delimiter: c.delimiter,
        headerRow: c.headerRow,
        ...(c.impliedHeader !== undefined ? { impliedHeaders: c.headers } : {}),
        table: tableOptions(c, false),
      });
    }
    case 'json':
    case 'ndjson':
      return parseJsonRows(await input.stream(), {
        mode: c.format,
        encoding: c.encoding,
        headers: c.headers,
        maxDepth: limits.jsonMaxDepth,
      });
    case 'xlsx':
      return assembleRows(xlsxRecords(await readWhole(c.format, input), c, limits), {
        ...tableOptions(c, true),
        headerRow: c.headerRow,
        // Stryker disable next-line StringLiteral: without a sheet name no sheet is read, and the read fails before the description is used
        describe: `sheet "${c.sheet ?? ''}"`,
      });
    case 'docx': {
      // Each container's library is loaded only for its own format (cold starts of CSV jobs).
      const { chooseDocxTable, readDocxTables } = await import('./docx-tables.ts');
      const doc = await readDocxTables(await readWhole(c.format, input));
      const chosen = chooseDocxTable(doc, c.table !== undefined ? c.table - 1 : undefined);
      return assembleRows(once(chosen.records, input.size), {
        ...tableOptions(c, true),
        headerRow: c.headerRow,
        describe: `table ${chosen.index + 1}`,
      });
    }
    case 'pdf': {
      const { readPdfTable } = await import('./pdf-table.ts');
      const pdf = await readPdfTable(await readWhole(c.format, input), { limits });
      return assembleRows(once(pdf.records, input.size), {
        ...tableOptions(c, true),
        headerRow: c.headerRow,
        describe: 'the PDF table',
        pageFurniture: pdf.furniture,
      });
    }
    default:
      throw new UnsupportedFormatError(`Files of format "${c.format}" cannot be parsed`);
  }
}

/** The assembler options a Classification implies: unified header, context columns, first section. */
function tableOptions(c: Classification, lenient: boolean): AssemblerOptions {
  const first = c.sections?.[0];
  const contextColumns = c.contextColumns;
  const opts: AssemblerOptions = { unified: c.headers, contextColumns, lenientWidth: lenient };
  if (first) {
    // (its kind, title, account and line)
    const { headerRow: _row, headers: _headers, ...context } = first;
    opts.context = context;
  }
  // Container formats fill blank header names ("Column 7") and merged header cells: the
  // Classification's header is the one to use, not the raw header row.
  if (lenient) opts.headers = first?.headers ?? c.headers.filter((h) => !contextColumns?.includes(h));
  return opts;
}

/** Encodings in which the quote, line feed and an ASCII delimiter byte mean only themselves. */
const BYTE_SAFE_ENCODINGS = new Set(['utf-8', 'ascii', 'us-ascii', 'windows-1252', 'iso-8859-1', 'latin1']);

/**
 * Whether a classified file can be split into byte ranges parsed independently
 * (RowBoundaryScanner): one-table delimited text with a one-byte delimiter, in a
 * byte-safe encoding, with LF or CRLF line ends. Multi-section exports, UTF-16 and old
 * Mac line ends are read in one pass.
 */
export function isSplittable(c: Classification): boolean {
  return (
    c.format === 'csv' &&
    c.delimiter !== undefined &&
    c.delimiter.length === 1 &&
    c.delimiter.charCodeAt(0) < 0x80 &&
    BYTE_SAFE_ENCODINGS.has(c.encoding.toLowerCase()) &&
    (c.lineEnding === undefined || c.lineEnding === 'lf' || c.lineEnding === 'crlf') &&
    // one section: its context columns (an account number from the preamble) are the same on every row
    (c.sections?.length ?? 1) <= 1 &&
    // the ranges are read after the file's own header line, which a header-less layout lacks
    c.impliedHeader === undefined
  );
}

/**
 * The rows of one byte range of a splittable file. `source` is the file's header bytes
 * followed by the range (see ChunkRange), so preamble, header and encoding are handled
 * exactly as in a whole-file read; `lineOffset` makes the line numbers the file's.
 */
export function openDelimitedRange(c: Classification, source: ByteSource, lineOffset: number, opts: RowSourceOptions = {}): RowStream {
  if (!c.delimiter) throw new CorruptFileError('The classification of a delimited text file has no delimiter');
  return parseDelimitedRows(source, {
    encoding: c.encoding,
    delimiter: c.delimiter,
    headerRow: c.headerRow,
    lineOffset,
    partOfFile: true,
    batchSize: opts.batchSize,
    warnings: opts.warnings,
    table: tableOptions(c, false),
  });
}

async function readWhole(format: 'xlsx' | 'docx' | 'pdf', input: RowSourceInput): Promise<Buffer> {
  assertReadWholeSize(format, input.size);
  return input.readAll();
}

async function* xlsxRecords(buf: Buffer, c: Classification, limits: ParseLimits): AsyncGenerator<RecordBatch> {
  const { batchRecords, MergeFiller, readSheets, readWorkbookParts } = await import('./xlsx-rows.ts');
  const parts = await readWorkbookParts(buf, limits);
  let found = false;
  for await (const { sheet, rows } of readSheets(buf, parts, (s) => s.name === c.sheet)) {
    found = true;
    // Stryker disable next-line ArrayDeclaration: a stray entry has no top row, so it fills nothing
    const filler = new MergeFiller(parts.merges.get(sheet.path) ?? [], c.headerRow + 1);
    yield* batchRecords(fillMerged(rows, filler), buf.length, c.rowEstimate);
  }
  if (!found) throw new CorruptFileError(`The workbook has no sheet named "${c.sheet ?? ''}"`);
}

async function* fillMerged(rows: AsyncIterable<SourceRecord>, filler: MergeFiller): AsyncGenerator<SourceRecord> {
  for await (const rec of rows) {
    filler.fill(rec.line, rec.cells);
    yield rec;
  }
}

/** The records of a source read whole, as one batch. */
async function* once(records: SourceRecord[], bytes: number): AsyncGenerator<RecordBatch> {
  yield { records, bytesRead: bytes };
}
