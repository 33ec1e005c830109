import type { Classification, FileFormat } from '../pipeline-types.ts';
import { UnsupportedFormatError } from '../errors.ts';
import { detectDialect } from './csv-dialect.ts';
import { createDecoder, detectEncoding } from './encoding.ts';
import { sniffFormat, type FormatHints } from './sniff-format.ts';

/** What classify knows from the bytes alone; schema scoring is added by the caller. */
export type TextClassification = Omit<Classification, 'schema'> & {
  /** the first data rows of the head (cells), for schema scoring; not part of Classification */
  sampleRows: string[][];
};

export interface ClassifyHints extends FormatHints {
  /** the head is only the start of the file; by default inferred from `size` (unknown size: truncated) */
  truncated?: boolean;
}

const NOT_YET: Readonly<Record<Exclude<FileFormat, 'csv'>, string>> = {
  xlsx: 'XLSX files are not supported yet',
  xls: 'Legacy Excel (XLS) files are not supported yet; save the sheet as CSV or XLSX',
  pdf: 'PDF files are not supported yet',
  docx: 'DOCX files are not supported yet',
  json: 'JSON files are not supported yet',
  ndjson: 'NDJSON files are not supported yet',
  unknown: 'This file type is not supported',
};

/**
 * Classifies delimited text from the head of a file: format sniffing, encoding, then
 * delimiter, header row and line endings on the decoded head. `hints.size` (the whole
 * file's size) tells whether the head is the whole file and scales the row estimate.
 *
 * Throws what sniffFormat and detectDialect throw, and UnsupportedFormatError for the
 * formats that are recognised but not read yet (XLSX, XLS, PDF, DOCX, JSON, NDJSON, ...).
 */
export function classifyText(head: Buffer, hints: ClassifyHints = {}): TextClassification {
  const sniffed = sniffFormat(head, hints);
  if (sniffed.format !== 'csv') {
    const message =
      sniffed.format === 'unknown' ? `${NOT_YET.unknown} (it looks like ${sniffed.detectedType})` : NOT_YET[sniffed.format];
    throw new UnsupportedFormatError(message);
  }
  const { encoding, hasBom } = detectEncoding(head);
  const complete = hints.truncated !== undefined ? !hints.truncated : hints.size !== undefined && hints.size <= head.length;
  const decoder = createDecoder(encoding);
  // Without end(), a character cut by the end of a partial head is simply left out.
  const text = complete ? decoder.write(head) + decoder.end() : decoder.write(head);
  const dialect = detectDialect(text, { complete });

  // Rows seen in the sample, plus the rest of the file at the sample's rows per character.
  let rowEstimate: number | undefined;
  if (complete && dialect.sampledChars >= text.length) rowEstimate = dialect.sampleDataRows;
  else if (hints.size !== undefined && dialect.rowsPerChar !== undefined && text.length > 0) {
    const totalChars = hints.size / (head.length / text.length);
    rowEstimate = dialect.sampleDataRows + Math.round(Math.max(0, totalChars - dialect.sampledChars) * dialect.rowsPerChar);
  }

  return {
    format: 'csv',
    ...(hints.declaredType !== undefined ? { declaredType: hints.declaredType } : {}),
    detectedType: dialect.delimiter === '\t' ? 'text/tab-separated-values' : sniffed.detectedType,
    typeMismatch: sniffed.typeMismatch,
    encoding,
    hasBom,
    delimiter: dialect.delimiter,
    headerRow: dialect.headerRow,
    headers: dialect.headers,
    lineEnding: dialect.lineEnding,
    ...(rowEstimate !== undefined ? { rowEstimate } : {}),
    sampleRows: dialect.sampleRows,
  };
}
