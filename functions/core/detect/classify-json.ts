import { HeaderNotFoundError, LimitExceededError, NoDataRowsError } from '../errors.ts';
import { assertJsonDepth, JsonRecordSplitter, KeyUnion, flattenRecord, MAX_JSON_DEPTH, MAX_JSON_RECORD_CHARS, type JsonMode } from '../parse/json-rows.ts';
import { assertHeaderSize, decodeHead, warningsField, type ClassifyHints, type TextClassification } from './classify-text.ts';
import { encodingWarnings } from './encoding.ts';
import { MIME, type SniffedFormat } from './sniff-format.ts';
import { SAMPLE_RECORDS } from './classify-container.ts';

const SAMPLE_ROWS = 50;

/**
 * Classifies JSON (an array of objects, or an object holding one) or NDJSON from the head
 * of the file: the header is the union of the keys of the records seen (nested objects
 * as dotted keys), in first-seen order; Parse appends keys that first appear later.
 * Throws NoDataRowsError for a document without records, HeaderNotFoundError when no
 * whole record fits in the head, and LimitExceededError for a record longer than
 * MAX_JSON_RECORD_CHARS or nested deeper than `maxDepth`.
 */
export function classifyJson(head: Buffer, sniffed: SniffedFormat & { format: JsonMode }, hints: ClassifyHints = {}, maxDepth = MAX_JSON_DEPTH): TextClassification {
  const { detection, encoding, hasBom, complete, text } = decodeHead(head, hints);

  const records: string[] = [];
  let consumed = 0;
  let recordsPath: string | undefined;
  if (sniffed.format === 'json') {
    const splitter = new JsonRecordSplitter(MAX_JSON_RECORD_CHARS, maxDepth);
    records.push(...splitter.write(text));
    if (complete) records.push(...splitter.end());
    recordsPath = splitter.path;
    consumed = text.length;
  } else {
    const lines = text.split('\n');
    if (!complete) {
      const cut = lines.pop()!; // cut by the end of the head
      if (cut.length > MAX_JSON_RECORD_CHARS) throw new LimitExceededError(`Line ${lines.length + 1} is longer than the limit of ${MAX_JSON_RECORD_CHARS} characters`);
    }
    for (const [i, line] of lines.entries()) {
      if (line.length > MAX_JSON_RECORD_CHARS) throw new LimitExceededError(`Line ${i + 1} is longer than the limit of ${MAX_JSON_RECORD_CHARS} characters`);
      consumed += line.length + 1;
      if (line.trim().length > 0) {
        // Stryker disable next-line MethodExpression: JSON.parse and the depth check pass over the spaces around a record
        records.push(line.trim());
      }
    }
  }
  if (records.length === 0) {
    if (complete) throw new NoDataRowsError(sniffed.format === 'json' ? 'The JSON document has no records' : 'The NDJSON file has no records');
    throw new HeaderNotFoundError(`No whole JSON record in the first ${head.length} bytes`);
  }

  const union = new KeyUnion();
  const rows: string[][] = [];
  for (const [i, r] of records.slice(0, SAMPLE_RECORDS).entries()) {
    // (a document's records were checked by the splitter)
    // Stryker disable next-line ConditionalExpression: the splitter refused a document's records nested deeper than maxDepth already, by the same measure
    if (sniffed.format === 'ndjson') assertJsonDepth(r, maxDepth, `NDJSON record ${i + 1}`);
    try {
      const value: unknown = JSON.parse(r);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      const cells = union.cells(flattenRecord(value));
      if (rows.length < SAMPLE_ROWS) rows.push(cells);
    } catch {
      // A broken record becomes a rejected row in Parse; it has no keys to offer here.
    }
  }
  // Stryker disable next-line MethodExpression: the union takes no keys after this, so its own list would do
  const headers = union.names.slice();
  if (headers.length === 0) throw new HeaderNotFoundError(`None of the first ${Math.min(records.length, SAMPLE_RECORDS)} JSON records is an object with keys`);
  assertHeaderSize(headers);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: padding a row as wide as the header adds no cells
  const sampleRows = rows.map((r) => (r.length < headers.length ? [...r, ...new Array<string>(headers.length - r.length).fill('')] : r));

  let rowEstimate = records.length;
  if (
    !complete &&
    hints.size !== undefined &&
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a record read means a line or document of at least one character consumed
    consumed > 0
  ) {
    rowEstimate = Math.round(records.length * (hints.size / (head.length * (consumed / Math.max(1, text.length)))));
  }
  return {
    format: sniffed.format,
    ...(hints.declaredType !== undefined ? { declaredType: hints.declaredType } : {}),
    detectedType: MIME[sniffed.format],
    typeMismatch: sniffed.typeMismatch,
    encoding,
    hasBom,
    headerRow: 0,
    headers,
    rowEstimate,
    ...(recordsPath !== undefined ? { recordsPath } : {}),
    ...warningsField(encodingWarnings(detection)),
    sampleRows,
  };
}
