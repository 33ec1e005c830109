import { HeaderNotFoundError, NoDataRowsError } from '../errors.ts';
import { JsonRecordSplitter, KeyUnion, flattenRecord, type JsonMode } from '../parse/json-rows.ts';
import { assertHeaderSize, warningsField, type ClassifyHints, type TextClassification } from './classify-text.ts';
import { createDecoder, detectEncoding, encodingWarnings } from './encoding.ts';
import { MIME, type SniffedFormat } from './sniff-format.ts';
import { SAMPLE_RECORDS } from './classify-container.ts';

const SAMPLE_ROWS = 50;

/**
 * Classifies JSON (an array of objects, or an object holding one) or NDJSON from the head
 * of the file: the header is the union of the keys of the records seen (nested objects
 * as dotted keys), in first-seen order; Parse appends keys that first appear later.
 * Throws NoDataRowsError for a document without records and HeaderNotFoundError when
 * no whole record fits in the head.
 */
export function classifyJson(head: Buffer, sniffed: SniffedFormat & { format: JsonMode }, hints: ClassifyHints = {}): TextClassification {
  const detection = detectEncoding(head);
  const { encoding, hasBom } = detection;
  const complete = hints.truncated !== undefined ? !hints.truncated : hints.size !== undefined && hints.size <= head.length;
  const decoder = createDecoder(encoding);
  const text = complete ? decoder.write(head) + decoder.end() : decoder.write(head);

  const records: string[] = [];
  let consumed = 0;
  let recordsPath: string | undefined;
  if (sniffed.format === 'json') {
    const splitter = new JsonRecordSplitter();
    records.push(...splitter.write(text));
    if (complete) records.push(...splitter.end());
    recordsPath = splitter.path;
    consumed = text.length;
  } else {
    const lines = text.split('\n');
    if (!complete) lines.pop(); // cut by the end of the head
    for (const line of lines) {
      consumed += line.length + 1;
      if (line.trim().length > 0) records.push(line.trim());
    }
  }
  if (records.length === 0) {
    if (complete) throw new NoDataRowsError(sniffed.format === 'json' ? 'The JSON document has no records' : 'The NDJSON file has no records');
    throw new HeaderNotFoundError(`No whole JSON record in the first ${head.length} bytes`);
  }

  const union = new KeyUnion();
  const rows: string[][] = [];
  for (const r of records.slice(0, SAMPLE_RECORDS)) {
    try {
      const value: unknown = JSON.parse(r);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      const cells = union.cells(flattenRecord(value));
      if (rows.length < SAMPLE_ROWS) rows.push(cells);
    } catch {
      // A broken record becomes a rejected row in Parse; it has no keys to offer here.
    }
  }
  const headers = union.names.slice();
  if (headers.length === 0) throw new HeaderNotFoundError(`None of the first ${Math.min(records.length, SAMPLE_RECORDS)} JSON records is an object with keys`);
  assertHeaderSize(headers);
  const sampleRows = rows.map((r) => (r.length < headers.length ? [...r, ...new Array<string>(headers.length - r.length).fill('')] : r));

  let rowEstimate = records.length;
  if (!complete && hints.size !== undefined && consumed > 0) {
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
