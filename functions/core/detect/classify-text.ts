import type { ClassifiedSection, Classification } from '../pipeline-types.ts';
import { LimitExceededError, UnsupportedFormatError } from '../errors.ts';
import type { AssembledSection } from '../parse/table-assembler.ts';
import { detectDialect } from './csv-dialect.ts';
import { createDecoder, detectEncoding, encodingWarnings } from './encoding.ts';
import { renamedColumnsWarnings } from '../parse/table-assembler.ts';
import { mergeWarnings, type JobWarning } from '../jobs/warnings.ts';
import { sniffFormat, type FormatHints, type SniffedFormat } from './sniff-format.ts';

/** What classify knows from the bytes alone; schema scoring is added by the caller. */
export type TextClassification = Omit<Classification, 'schema'> & {
  /** the first data rows of the head (cells), for schema scoring; not part of Classification */
  sampleRows: string[][];
};

export interface ClassifyHints extends FormatHints {
  /** the head is only the start of the file; by default inferred from `size` (unknown size: truncated) */
  truncated?: boolean;
}

/** Header text beyond this is refused: it is stored on the job and travels in the state machine's state. */
export const MAX_HEADER_CHARS = 64 * 1024;

/**
 * Classifies delimited text from the head of a file: format sniffing, encoding, then
 * delimiter, header row, sections and line endings on the decoded head. `hints.size` (the
 * whole file's size) tells whether the head is the whole file and scales the row estimate.
 *
 * Throws what sniffFormat and detectDialect throw, UnsupportedFormatError for a format
 * that is not delimited text (classifyFile handles those), and LimitExceededError for a
 * header of more than MAX_HEADER_CHARS characters.
 */
export function classifyText(head: Buffer, hints: ClassifyHints = {}): TextClassification {
  const sniffed = sniffFormat(head, hints);
  if (sniffed.format !== 'csv') {
    throw new UnsupportedFormatError(`Not delimited text: the file looks like ${sniffed.format === 'unknown' ? sniffed.detectedType : sniffed.format.toUpperCase()}`);
  }
  return classifyDelimited(head, sniffed, hints);
}

/**
 * A head's encoding and text, and whether the head is the whole file (`truncated`, else its
 * `size` against the head's length). Without end(), a character cut by the end of a partial
 * head is simply left out.
 */
export function decodeHead(head: Buffer, hints: ClassifyHints) {
  const detection = detectEncoding(head);
  const { encoding, hasBom } = detection;
  const complete =
    hints.truncated !== undefined
      ? !hints.truncated
      : // Stryker disable next-line ConditionalExpression: an undefined size fails the comparison below as well
        hints.size !== undefined &&
        hints.size <= head.length;
  const decoder = createDecoder(encoding);
  const text = complete ? decoder.write(head) + decoder.end() : decoder.write(head);
  return { detection, encoding, hasBom, complete, text };
}

/** classifyText for a head already sniffed as delimited text (classifyFile sniffs first). */
export function classifyDelimited(head: Buffer, sniffed: SniffedFormat, hints: ClassifyHints = {}): TextClassification {
  const { detection, encoding, hasBom, complete, text } = decodeHead(head, hints);
  const dialect = detectDialect(text, { complete });
  assertHeaderSize(dialect.unifiedHeaders);

  // Rows seen in the sample, plus the rest of the file at the sample's rows per character.
  let rowEstimate: number | undefined;
  if (complete && dialect.sampledChars >= text.length) rowEstimate = dialect.sampleDataRows;
  else if (
    hints.size !== undefined &&
    dialect.rowsPerChar !== undefined &&
    // Stryker disable next-line ConditionalExpression,EqualityOperator: rows per character exist only when data rows were read, so the text is not empty
    text.length > 0
  ) {
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
    headers: dialect.unifiedHeaders,
    ...(dialect.impliedHeader !== undefined ? { impliedHeader: dialect.impliedHeader } : {}),
    ...(dialect.statementDate !== undefined ? { statementDate: dialect.statementDate } : {}),
    lineEnding: dialect.lineEnding,
    ...(rowEstimate !== undefined ? { rowEstimate } : {}),
    ...sectionFields(dialect.sections, dialect.contextColumns),
    ...warningsField(encodingWarnings(detection), renamedColumnsWarnings(dialect.renamed)),
    sampleRows: dialect.sampleRows,
  };
}

/** The `warnings` of a Classification: present when there are any. */
export function warningsField(...lists: (readonly JobWarning[])[]): Pick<Classification, 'warnings'> {
  const warnings = mergeWarnings(...lists);
  return warnings.length > 0 ? { warnings } : {};
}

/** Sections listed on the job at most: it is stored in DynamoDB and travels in the state. */
export const MAX_LISTED_SECTIONS = 20;

/**
 * The sections and context columns of a Classification: listed when they tell Parse
 * something (several sections, or a title or account number from the preamble), the
 * first MAX_LISTED_SECTIONS of them (Parse needs only the first; it finds the others).
 */
export function sectionFields(sections: readonly AssembledSection[], contextColumns: readonly string[]): Pick<Classification, 'sections' | 'contextColumns'> {
  const first = sections[0];
  const tells = sections.length > 1 || (first !== undefined && (first.title !== undefined || first.accountNumber !== undefined || first.lineNumber !== undefined));
  return {
    ...(tells ? { sections: sections.slice(0, MAX_LISTED_SECTIONS).map(toClassifiedSection) } : {}),
    ...(contextColumns.length > 0 ? { contextColumns: [...contextColumns] } : {}),
  };
}

function toClassifiedSection(s: AssembledSection): ClassifiedSection {
  return {
    kind: s.kind,
    ...(s.title !== undefined ? { title: s.title } : {}),
    headerRow: s.headerLine,
    headers: s.headers,
    ...(s.accountNumber !== undefined ? { accountNumber: s.accountNumber } : {}),
    ...(s.lineNumber !== undefined ? { lineNumber: s.lineNumber } : {}),
  };
}

/** Throws LimitExceededError when the header text is too long to store on the job. */
export function assertHeaderSize(headers: readonly string[]): void {
  let chars = 0;
  for (const h of headers) chars += h.length + 1;
  if (chars > MAX_HEADER_CHARS) {
    throw new LimitExceededError(`The header row is ${chars} characters long (${headers.length} columns), more than the limit of ${MAX_HEADER_CHARS}`);
  }
}
