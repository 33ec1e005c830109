import type { FileFormat } from '../pipeline-types.ts';
import { HeaderNotFoundError, NoDataRowsError, UnsupportedFormatError } from '../errors.ts';
import { assertReadWholeSize, READ_WHOLE_MAX_BYTES } from '../parse/container-limits.ts';
import { MAX_JSON_RECORD_CHARS } from '../parse/json-rows.ts';
import { classifyJson } from './classify-json.ts';
import { assertHeaderSize, classifyDelimited, sectionFields, warningsField, type ClassifyHints, type TextClassification } from './classify-text.ts';
import { renamedColumnsWarnings } from '../parse/table-assembler.ts';
import { assembleSample } from './csv-dialect.ts';
import { baseFields, classifyTable, SAMPLE_RECORDS, TableScanner, type TableScan } from './classify-container.ts';
import { listZipEntries } from './zip-archive.ts';
import { isTypeMismatch, MIME, sniffFormat, type SniffedFormat } from './sniff-format.ts';
import type { SourceRecord } from '../parse/table-assembler.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../parse/parse-limits.ts';

/** The bytes Classify may read: the head, and the whole object for container formats. */
export interface FileBytes {
  /** the first bytes of the file (HEAD_BYTES or the whole file when smaller) */
  head: Buffer;
  /** the whole file; called only for XLSX, DOCX and PDF, after the size check */
  readAll: () => Promise<Buffer>;
  /** more of the head, for a JSON record longer than the head */
  readHead?: (bytes: number) => Promise<Buffer>;
}

/**
 * Classifies any file from its bytes: delimited text and JSON from the head; XLSX, DOCX
 * and PDF from the whole file, read only when it is within READ_WHOLE_MAX_BYTES. The format
 * comes from the bytes (for a ZIP, from its central directory), never from the name.
 *
 * Throws EmptyFileError, BinaryContentError, UnsupportedFormatError (XLS, HTML, other
 * ZIPs), LimitExceededError (a container over its size cap), and what each format's
 * reader throws (ZipBombError, TruncatedFileError, NoTextLayerError, CorruptFileError,
 * HeaderNotFoundError, NoDataRowsError), and LimitExceededError past one of `limits`
 * (a PDF stream inflating too far, an XLSX shared-strings table too big, JSON nested too deep).
 */
export async function classifyFile(bytes: FileBytes, hints: ClassifyHints & { size: number }, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<TextClassification> {
  const sniffed = sniffFormat(bytes.head, hints);
  switch (sniffed.format) {
    case 'csv':
      return classifyDelimited(bytes.head, sniffed, hints);
    case 'json':
    case 'ndjson':
      return classifyJsonWithMore(bytes, { ...sniffed, format: sniffed.format }, hints, limits);
    case 'xls':
      throw new UnsupportedFormatError(
        'Legacy Excel 97-2003 (.xls) workbooks are not supported (this file is an OLE2 compound document: an .xls, or a password-protected Office file); open it in Excel and save it as .xlsx or .csv',
      );
    case 'xlsx':
    case 'docx':
    case 'pdf':
      return classifyContainer(sniffed.format, bytes, hints, sniffed, limits);
    default:
      if (sniffed.detectedType === 'application/zip') return classifyZip(bytes, hints, sniffed, limits);
      throw new UnsupportedFormatError(`This file type is not supported (it looks like ${sniffed.detectedType}); upload CSV, TSV, XLSX, PDF, DOCX, JSON or NDJSON`);
  }
}

/** Bytes that surely hold a record of MAX_JSON_RECORD_CHARS characters (up to 4 bytes each in UTF-8) and the next line's start. */
const JSON_RECORD_BYTES = MAX_JSON_RECORD_CHARS * 4 + 64 * 1024;

async function classifyJsonWithMore(
  bytes: FileBytes,
  sniffed: SniffedFormat & { format: 'json' | 'ndjson' },
  hints: ClassifyHints & { size: number },
  limits: ParseLimits,
): Promise<TextClassification> {
  const truncated = bytes.head.length < hints.size;
  try {
    return classifyJson(bytes.head, sniffed, { ...hints, truncated }, limits.jsonMaxDepth);
  } catch (err) {
    // One record longer than the head: look further, up to the record limit. The head could
    // not tell a long NDJSON line from a JSON document either: sniff again on the longer head.
    if (!(err instanceof HeaderNotFoundError) || !truncated || !bytes.readHead) throw err;
    const more = await bytes.readHead(Math.min(hints.size, JSON_RECORD_BYTES));
    // (the longer head opens with the bytes that sniffed as JSON, so it sniffs as JSON or NDJSON again)
    const again = sniffFormat(more, hints);
    const format = again.format === 'ndjson' ? 'ndjson' : 'json';
    return classifyJson(more, { ...again, format, detectedType: MIME[format] }, { ...hints, truncated: more.length < hints.size }, limits.jsonMaxDepth);
  }
}

/** A ZIP whose first local headers did not say: its central directory does. */
async function classifyZip(bytes: FileBytes, hints: ClassifyHints & { size: number }, sniffed: SniffedFormat, limits: ParseLimits): Promise<TextClassification> {
  if (hints.size > READ_WHOLE_MAX_BYTES.xlsx) throw new UnsupportedFormatError('This ZIP archive is not an XLSX or DOCX file');
  const buf = await bytes.readAll();
  const names = await listZipEntries(buf, 'ZIP');
  const format: FileFormat | undefined = names.includes('xl/workbook.xml') ? 'xlsx' : names.includes('word/document.xml') ? 'docx' : undefined;
  if (format === undefined) {
    const ods = names.includes('content.xml') && names.includes('mimetype');
    throw new UnsupportedFormatError(
      ods ? 'OpenDocument files (.ods/.odt) are not supported; save the file as .xlsx, .docx or .csv' : 'This ZIP archive is not an XLSX or DOCX file',
    );
  }
  // the archive is in memory already: classify it without reading it again; a name or type
  // that says XLSX or DOCX is no mismatch (the head's sniff saw only an unknown ZIP)
  const typeMismatch = isTypeMismatch(format, hints);
  return classifyContainer(format, { ...bytes, readAll: () => Promise.resolve(buf) }, hints, { ...sniffed, format, detectedType: MIME[format], typeMismatch }, limits);
}

async function classifyContainer(
  format: 'xlsx' | 'docx' | 'pdf',
  bytes: FileBytes,
  hints: ClassifyHints & { size: number },
  sniffed: SniffedFormat,
  limits: ParseLimits,
): Promise<TextClassification> {
  assertReadWholeSize(format, hints.size);
  const buf = await bytes.readAll();
  const base = { format, ...baseFields(hints, MIME[format], sniffed.typeMismatch) };
  if (format === 'xlsx') return { ...base, ...(await classifyXlsx(buf, limits)) };
  if (format === 'docx') return { ...base, ...(await classifyDocx(buf)) };
  return { ...base, ...(await classifyPdf(buf, limits)) };
}

type TablePart = Omit<TextClassification, 'format' | 'detectedType' | 'typeMismatch' | 'declaredType' | 'encoding' | 'hasBom'>;

async function classifyXlsx(buf: Buffer, limits: ParseLimits): Promise<TablePart> {
  // Each container's library is loaded only for its own format (cold starts of CSV jobs).
  const { readSheets, readWorkbookParts, MergeFiller } = await import('../parse/xlsx-rows.ts');
  const parts = await readWorkbookParts(buf, limits);
  const scans = new Map<string, TableScan>();
  for await (const { sheet, rows } of readSheets(buf, parts, () => true)) {
    // The first rows of each sheet are enough: the rest is drained unparsed, and the row
    // count comes from the sheet's declared used range.
    const scanner = new TableScanner();
    for await (const rec of rows) {
      if (scanner.scan.sample.length >= SAMPLE_RECORDS) {
        scanner.scan.complete = false;
        break;
      }
      scanner.add(rec);
    }
    const last = parts.lastRows.get(sheet.path);
    if (!scanner.scan.complete && last !== undefined) scanner.scan.nonBlank = Math.max(scanner.scan.nonBlank, last);
    scans.set(sheet.name, scanner.scan);
  }
  const visible = parts.sheets.filter((s) => !s.hidden);
  // Stryker disable next-line MethodExpression: all sheets after the visible ones only try each visible sheet again, which fails again as it did (classifyTable reads its scan alone)
  const ordered = [...visible, ...parts.sheets.filter((s) => s.hidden)];
  let firstError: Error | undefined;
  for (const sheet of ordered) {
    const scan = scans.get(sheet.name);
    if (!scan || scan.nonBlank === 0) continue;
    try {
      // Stryker disable next-line ArrayDeclaration: a stray entry has no top row, so it fills nothing
      const merges = parts.merges.get(sheet.path) ?? [];
      const table = classifyTable(scan, `sheet "${sheet.name}"`, (sample, headerLine) => fillMerges(sample, new MergeFiller(merges, headerLine)));
      const { dataRows: _d, ...rest } = table;
      return { ...rest, sheetNames: parts.sheets.map((s) => s.name), sheet: sheet.name };
    } catch (err) {
      if (!(err instanceof HeaderNotFoundError || err instanceof NoDataRowsError)) throw err;
      firstError ??= err;
    }
  }
  if (firstError) throw firstError;
  throw new NoDataRowsError(`The workbook has no data: ${parts.sheets.length === 0 ? 'no sheets' : 'every sheet is empty'}`);
}

/** Merged cells filled in (horizontally up to the filler's header line: Infinity while looking for the header). */
function fillMerges(sample: SourceRecord[], filler: { fill(row: number, cells: string[]): void }): SourceRecord[] {
  return sample.map((r) => {
    const cells = r.cells.slice();
    filler.fill(r.line, cells);
    return { ...r, cells };
  });
}

async function classifyDocx(buf: Buffer): Promise<TablePart> {
  const { chooseDocxTable, readDocxTables } = await import('../parse/docx-tables.ts');
  const doc = await readDocxTables(buf);
  const chosen = chooseDocxTable(doc);
  const { dataRows: _d, ...rest } = chosen.table;
  return { ...rest, tables: doc.tables.length, table: chosen.index + 1 };
}

/** PDFs are small, but pdfjs on a hostile one can be slow: Classify gives it two minutes. */
const PDF_CLASSIFY_MILLIS = 120_000;

async function classifyPdf(buf: Buffer, limits: ParseLimits): Promise<TablePart> {
  const { readPdfTable } = await import('../parse/pdf-table.ts');
  const pdf = await readPdfTable(buf, { maxMillis: PDF_CLASSIFY_MILLIS, limits });
  assertHeaderSize(pdf.headers);
  const preamble = pdf.records.filter((r) => r.line <= pdf.headerRow);
  const rest = pdf.records.filter((r) => r.line > pdf.headerRow).map((r) => ({ ...r, line: r.line - 1 }));
  const table = assembleSample(preamble, rest, pdf.headers, { complete: true, lenient: true });
  if (table.rows === 0) throw new NoDataRowsError('No data rows after the header of the PDF table');
  return {
    headerRow: pdf.headerRow,
    headers: table.headers,
    rowEstimate: table.rows,
    ...sectionFields(table.sections, table.contextColumns),
    ...warningsField(renamedColumnsWarnings(table.renamed)),
    pages: pdf.pages,
    sampleRows: table.sampleRows,
  };
}
