import type { FileFormat } from '../pipeline-types.ts';
import { BinaryContentError, EmptyFileError } from '../errors.ts';
import { createDecoder, detectEncoding } from './encoding.ts';

export interface FormatHints {
  filename?: string;
  /** the Content-Type the client declared */
  declaredType?: string;
  /** total file size in bytes, when `head` may be only the start of the file */
  size?: number;
}

export interface SniffedFormat {
  format: FileFormat;
  /** MIME type of what the bytes are */
  detectedType: string;
  /** the declared type or the file extension says something else than the bytes */
  typeMismatch: boolean;
}

export const MIME: Readonly<Record<Exclude<FileFormat, 'unknown'>, string>> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
};

interface BinaryMagic {
  what: string;
  offset: number;
  bytes: readonly number[];
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Known non-text signatures whose first bytes are not printable text. */
const BINARY_MAGIC: readonly BinaryMagic[] = [
  { what: 'a PNG image', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { what: 'a JPEG image', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { what: 'a GIF image', offset: 0, bytes: ascii('GIF8') },
  { what: 'a WebP image', offset: 8, bytes: ascii('WEBP') },
  { what: 'a TIFF image', offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { what: 'a TIFF image', offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { what: 'an MP4/QuickTime video', offset: 4, bytes: ascii('ftyp') },
  { what: 'an ELF executable', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { what: 'a Mach-O executable', offset: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { what: 'a WebAssembly module', offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
  { what: 'a gzip archive', offset: 0, bytes: [0x1f, 0x8b] },
  { what: 'a 7-Zip archive', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { what: 'a RAR archive', offset: 0, bytes: ascii('Rar!\x1a\x07') },
  { what: 'an xz archive', offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { what: 'a zstd archive', offset: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { what: 'a SQLite database', offset: 0, bytes: ascii('SQLite format 3\0') },
];

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Control bytes that never occur in text (tab, LF, VT, FF, CR and DOS's Ctrl-Z end marker do). */
function isBadControl(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a) || b === 0x7f;
}

/**
 * Tells what a file is from its first bytes (magic numbers and content), not its name.
 *
 * Throws EmptyFileError for zero bytes or only whitespace, and BinaryContentError for
 * binary content (known signatures, NUL bytes in non-UTF-16 text, many control bytes),
 * naming what it looks like.
 */
export function sniffFormat(head: Uint8Array, hints: FormatHints = {}): SniffedFormat {
  const result = (format: FileFormat, detectedType: string): SniffedFormat => ({
    format,
    detectedType,
    typeMismatch: isTypeMismatch(format, hints),
  });

  if (head.length === 0) throw new EmptyFileError(`${describe(hints)} is empty (0 bytes)`);

  if (startsWith(head, ZIP_LOCAL_HEADER) || startsWith(head, ZIP_EMPTY)) {
    // Entry names sit in plain text in each local header; the first entries of an
    // Office file ([Content_Types].xml, _rels/, xl/ or word/) fit in any sensible head.
    const names = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
    if (names.includes('xl/')) return result('xlsx', MIME.xlsx);
    if (names.includes('word/')) return result('docx', MIME.docx);
    return result('unknown', 'application/zip');
  }
  if (indexOfAscii(head, '%PDF-', 1024) !== -1) return result('pdf', MIME.pdf);
  if (startsWith(head, OLE2)) return result('xls', MIME.xls);

  for (const magic of BINARY_MAGIC) {
    if (startsWith(head, magic.bytes, magic.offset)) {
      throw new BinaryContentError(`${describe(hints)} looks like ${magic.what}, not a text or spreadsheet file`);
    }
  }

  const { encoding } = detectEncoding(head);
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be') assertLooksLikeText(head, hints);

  const text = createDecoder(encoding).write(head);
  const start = firstNonSpace(text);
  if (start === -1) {
    if (hints.size === undefined || hints.size <= head.length) {
      throw new EmptyFileError(`${describe(hints)} contains only whitespace`);
    }
    return result('csv', MIME.csv); // whitespace head of a larger file: let the parser judge
  }
  const first = text[start];
  if (first === '{' || first === '[') {
    const json = sniffJson(text, start);
    if (json) return result(json, MIME[json]);
  }
  // (text that does not open with "<" starts with none of these)
  const markup = text.slice(start, start + 200).toLowerCase();
  if (markup.startsWith('<!doctype html') || markup.startsWith('<html') || markup.startsWith('<table')) {
    return result('unknown', 'text/html'); // HTML tables saved as ".xls" are a classic
  }
  if (markup.startsWith('<?xml')) return result('unknown', 'application/xml');
  return result('csv', MIME.csv);
}

function assertLooksLikeText(head: Uint8Array, hints: FormatHints): void {
  const nul = head.indexOf(0);
  if (nul !== -1) {
    throw new BinaryContentError(
      `${describe(hints)} looks like binary data, not text: it contains NUL bytes (first at byte ${nul})`,
    );
  }
  let bad = 0;
  for (const b of head) if (isBadControl(b)) bad++;
  if (bad / head.length > 0.02) {
    const pct = ((bad / head.length) * 100).toFixed(1);
    throw new BinaryContentError(`${describe(hints)} looks like binary data, not text: ${pct}% of its first bytes are control characters`);
  }
}

/** JSON when the text opens like a JSON value; NDJSON when several lines are each one object. */
function sniffJson(text: string, start: number): 'json' | 'ndjson' | undefined {
  const lines = text.slice(start).split(/\r?\n/, 20);
  // The last line may be cut by the end of the head (a single line: no whole line, and no
  // NDJSON below either way).
  const complete = lines.slice(0, -1);
  const nonEmpty = complete.map((l) => l.trim()).filter((l) => l.length > 0);
  // Lines that are each an object: NDJSON, even with a broken line or two among them
  // (Parse rejects those rows); one object spread over lines does not parse line by line.
  if (nonEmpty.length >= 2 && nonEmpty.every((l) => l.startsWith('{') && l.endsWith('}'))) {
    const parsed = nonEmpty.filter(parsesAsJson).length;
    if (parsed * 2 > nonEmpty.length) return 'ndjson';
  }
  // One whole object on its line and another one starting on the next (long records: the
  // head holds one and the start of the next; a whole line means there is a next one).
  if (nonEmpty.length === 1 && nonEmpty[0]!.startsWith('{') && lines[lines.length - 1]!.trimStart().startsWith('{') && parsesAsJson(nonEmpty[0]!)) {
    return 'ndjson';
  }
  const next = text.slice(start + 1).trimStart()[0];
  if (text[start] === '{') return next === '"' || next === '}' ? 'json' : undefined;
  // '[' followed by a JSON value; "[Header]" style text lines are not JSON.
  return next !== undefined && /[[{"\d\-\]tfn]/.test(next) ? 'json' : undefined;
}

function parsesAsJson(line: string): boolean {
  try {
    JSON.parse(line);
  } catch {
    return false;
  }
  return true;
}

// Maps, not objects: a file named "x.constructor" must not find Object's constructor.
const EXTENSION_FORMATS: ReadonlyMap<string, readonly FileFormat[]> = new Map(Object.entries({
  csv: ['csv'],
  tsv: ['csv'],
  tab: ['csv'],
  psv: ['csv'],
  txt: ['csv'],
  dat: ['csv'],
  xlsx: ['xlsx'],
  xlsm: ['xlsx'],
  xls: ['xls'],
  pdf: ['pdf'],
  docx: ['docx'],
  json: ['json', 'ndjson'],
  ndjson: ['ndjson', 'json'],
  jsonl: ['ndjson', 'json'],
} satisfies Record<string, readonly FileFormat[]>));

const MIME_FORMATS: ReadonlyMap<string, readonly FileFormat[]> = new Map(Object.entries({
  'text/csv': ['csv'],
  'application/csv': ['csv'],
  'text/x-csv': ['csv'],
  'text/comma-separated-values': ['csv'],
  'text/tab-separated-values': ['csv'],
  'text/plain': ['csv'],
  // Browsers on Windows declare .csv files as Excel when Excel is installed.
  'application/vnd.ms-excel': ['xls', 'csv'],
  [MIME.xlsx]: ['xlsx'],
  'application/pdf': ['pdf'],
  [MIME.docx]: ['docx'],
  'application/json': ['json', 'ndjson'],
  'application/x-ndjson': ['ndjson', 'json'],
  'application/jsonl': ['ndjson', 'json'],
} satisfies Record<string, readonly FileFormat[]>));

/** True when a recognised extension or declared MIME type names a different format. */
export function isTypeMismatch(format: FileFormat, hints: FormatHints): boolean {
  const ext = hints.filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  // Stryker disable next-line ConditionalExpression: the map has no undefined key, so looking undefined up gives undefined too
  const byExt = ext === undefined ? undefined : EXTENSION_FORMATS.get(ext);
  const mime = hints.declaredType?.split(';')[0]!.trim().toLowerCase();
  // Stryker disable next-line ConditionalExpression: the map has no undefined key, so looking undefined up gives undefined too
  const byMime = mime === undefined ? undefined : MIME_FORMATS.get(mime);
  return (byExt !== undefined && !byExt.includes(format)) || (byMime !== undefined && !byMime.includes(format));
}

function describe(hints: FormatHints): string {
  return hints.filename ? `The file "${hints.filename}"` : 'The file';
}

/** (past the end of `buf` a byte is undefined, which no byte equals) */
function startsWith(buf: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  for (let i = 0; i < bytes.length; i++) if (buf[offset + i] !== bytes[i]) return false;
  return true;
}

function indexOfAscii(buf: Uint8Array, needle: string, within: number): number {
  const idx = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, within)).indexOf(needle, 0, 'latin1');
  return idx;
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0b && c !== 0x0c && c !== 0xfeff && c !== 0xa0) return i;
  }
  return -1;
}
