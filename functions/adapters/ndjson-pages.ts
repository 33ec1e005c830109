import { objectStore } from './object-store.ts';
import { InvalidCursorError } from './page-cursor.ts';

/** Read window per request: records are small, so one window holds many lines. */
const WINDOW_BYTES = 1024 * 1024;

export interface NdjsonCursor {
  part: number;
  offset: number;
}

export const encodePageCursor = (c: NdjsonCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

export function decodePageCursor(cursor: string | undefined): NdjsonCursor | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<NdjsonCursor>;
    if (Number.isInteger(v.part) && Number.isInteger(v.offset) && v.part! >= 0 && v.offset! >= 0) return v as NdjsonCursor;
  } catch {
    // reported below
  }
  throw new InvalidCursorError();
}

/**
 * One page of lines across NDJSON part files, read with byte ranges so a page costs
 * one small GET however large the output is. The cursor is (part index, byte offset).
 */
export async function readNdjsonPage(bucket: string, keys: string[], start: NdjsonCursor | undefined, limit: number) {
  const items: unknown[] = [];
  let part = start?.part ?? 0;
  let offset = start?.offset ?? 0;
  if (start && start.offset > 0) {
    // A cursor must point at the start of a line: the byte before it is a newline.
    const before = start.part < keys.length ? await objectStore.readRange(bucket, keys[start.part]!, start.offset - 1, 1) : undefined;
    if (!before || before[0] !== 0x0a) throw new InvalidCursorError();
  }
  if (start && start.part > keys.length) throw new InvalidCursorError();
  while (items.length < limit && part < keys.length) {
    const window = await objectStore.readRange(bucket, keys[part]!, offset, WINDOW_BYTES);
    if (!window || window.length === 0) {
      part += 1;
      offset = 0;
      continue;
    }
    let pos = 0;
    while (items.length < limit) {
      const nl = window.indexOf(0x0a, pos);
      if (nl === -1) break;
      if (nl > pos) items.push(JSON.parse(window.subarray(pos, nl).toString('utf8')));
      pos = nl + 1;
    }
    offset += pos;
    if (pos === 0 && window.length === WINDOW_BYTES) throw new Error(`a line in ${keys[part]} exceeds ${WINDOW_BYTES} bytes`);
    if (window.length < WINDOW_BYTES && pos >= window.length) {
      part += 1;
      offset = 0;
    }
  }
  const more = part < keys.length;
  return { items, nextCursor: more ? encodePageCursor({ part, offset }) : null };
}
