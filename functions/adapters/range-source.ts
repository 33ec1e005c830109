import { objectStore } from './object-store.ts';
import type { ChunkRef } from '../core/pipeline-types.ts';

/**
 * A byte-range chunk of an upload as one byte stream: the file's preamble and header
 * bytes, then the range. Parsed like that, a range reads exactly as it would in the
 * middle of a whole-file read (same encoding, preamble, header and sections rules).
 */
export async function* rangeSource(bucket: string, chunk: ChunkRef): AsyncGenerator<Uint8Array> {
  const range = chunk.range;
  if (range === undefined) throw new Error(`chunk ${chunk.index} is not a byte range`);
  if (range.headerEnd > 0) yield await objectStore.readHead(bucket, chunk.key, range.headerEnd);
  if (range.end > range.start) yield* await objectStore.stream(bucket, chunk.key, { start: range.start, end: range.end - 1 });
}
