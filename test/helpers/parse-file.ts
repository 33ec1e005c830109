import { Readable } from 'node:stream';
import { classifyFile } from '../../functions/core/detect/classify-file.ts';
import { openRowSource } from '../../functions/core/parse/row-source.ts';
import type { Classification } from '../../functions/core/pipeline-types.ts';
import type { ParsedRow } from '../../functions/core/parse/table-assembler.ts';

/** Classify a whole file from memory as Classify does, then read every row as Parse does. */
export async function classifyAndParse(buf: Buffer, filename?: string) {
  const text = await classifyFile({ head: buf.subarray(0, 256 * 1024), readAll: () => Promise.resolve(buf) }, { filename, size: buf.length });
  const { sampleRows, ...rest } = text;
  const classification: Classification = { ...rest, schema: { name: 'call_record', confidence: 0, reason: '' } };
  const stream = await openRowSource(classification, { stream: () => Promise.resolve(Readable.from([buf])), readAll: () => Promise.resolve(buf), size: buf.length });
  const rows: ParsedRow[] = [];
  for await (const b of stream) rows.push(...b.rows);
  return { classification, sampleRows, rows, stream };
}
