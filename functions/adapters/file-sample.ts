import { objectStore } from './object-store.ts';
import { classifyText } from '../core/detect/classify-text.ts';
import type { LayoutInput } from '../core/templates/fingerprint.ts';
import type { Classification, ParseResult } from '../core/pipeline-types.ts';

/** Rows of the first parsed chunk used as value samples for mapping. */
export const SAMPLE_ROWS = 50;
const SAMPLE_BYTES = 128 * 1024;
const HEAD_BYTES = 256 * 1024;

/** What mapping needs to know of a file: its columns, a few rows, and its layout. */
export interface FileSample {
  headers: string[];
  sampleRows: string[][];
  layout: Omit<LayoutInput, 'headers'>;
}

/** The first rows of a parsed chunk (NDJSON `[row, cells]` lines), whole lines only. */
export async function readParsedSampleRows(bucket: string, key: string | undefined, max = SAMPLE_ROWS): Promise<string[][]> {
  if (!key) return [];
  const head = await objectStore.readRange(bucket, key, 0, SAMPLE_BYTES);
  if (!head) return [];
  const lines = head.toString('utf8').split('\n');
  // The last line may be cut by the byte range; keep whole lines only.
  if (head.length === SAMPLE_BYTES) lines.pop();
  return lines
    .filter((l) => l.length > 0)
    .slice(0, max)
    .map((l) => (JSON.parse(l) as [number, string[]])[1]);
}

/** The layout parts of a classification (sections and sheet only when the classifier reports them). */
export function layoutOf(classification: Classification | undefined): Omit<LayoutInput, 'headers'> {
  if (classification === undefined) return {};
  const extra = classification as { sheet?: string; sections?: { kind: string }[] };
  return {
    format: classification.format,
    ...(classification.delimiter !== undefined ? { delimiter: classification.delimiter } : {}),
    ...(extra.sheet !== undefined ? { sheet: extra.sheet } : {}),
    ...(extra.sections !== undefined && extra.sections.length > 1 ? { sections: extra.sections.map((s) => s.kind) } : {}),
  };
}

/** A job's file as Parse saw it: the parsed headers and the first chunk's rows. */
export async function sampleFromParsed(bucket: string, parsed: ParseResult, classification: Classification | undefined): Promise<FileSample> {
  return { headers: parsed.headers, sampleRows: await readParsedSampleRows(bucket, parsed.sampleKey ?? parsed.chunks[0]?.key), layout: layoutOf(classification) };
}

/**
 * An uploaded file that has not been parsed yet: classify the head of the object (throws
 * what classification throws, e.g. UnsupportedFormatError) and take its first rows.
 */
export async function sampleFromUpload(bucket: string, key: string, size: number, hints: { filename?: string; contentType?: string }): Promise<FileSample> {
  const head = await objectStore.readHead(bucket, key, Math.min(HEAD_BYTES, size));
  const text = classifyText(head, { filename: hints.filename, declaredType: hints.contentType, size, truncated: head.length < size });
  return {
    headers: text.headers,
    sampleRows: text.sampleRows.slice(0, SAMPLE_ROWS),
    layout: { format: text.format, ...(text.delimiter !== undefined ? { delimiter: text.delimiter } : {}) },
  };
}
