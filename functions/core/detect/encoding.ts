import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import { TextDecoder } from 'node:util';
import { analyse } from 'chardet';
import type * as IconvLite from 'iconv-lite';
import { EncodingError } from '../errors.ts';
import { WARNING_CODES, type JobWarning } from '../jobs/warnings.ts';

/*
 * iconv-lite (~490 KB of code tables once bundled) decodes only what neither Node nor ICU knows,
 * so it is loaded the first time such a file comes, synchronously, through a require of this
 * module's own: esbuild leaves that call alone, and the Lambda bundles ship the package beside
 * themselves (lib/bundling.ts, REQUIRED_LAZILY), so no cold start compiles its tables.
 */
const requireHere = createRequire(import.meta.url);
let iconvLite: typeof IconvLite | undefined;
const iconv = (): typeof IconvLite => (iconvLite ??= requireHere('iconv-lite') as typeof IconvLite);

/** The encodings seen in practice first; any other name iconv-lite or ICU knows also works. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | (string & {});

export interface EncodingDetection {
  encoding: TextEncoding;
  hasBom: boolean;
  /** 0..1: 1 for a BOM or multi-byte UTF-8 seen, lower for guesses */
  confidence: number;
  /** no BOM, not UTF-8 or UTF-16: the encoding is a guess from the bytes (chardet, or Windows-1252) */
  guessed?: boolean;
}

/** A streaming decoder: bytes in, text out, a multi-byte character split across chunks kept whole. */
export interface TextChunkDecoder {
  write(bytes: Uint8Array): string;
  /** Flushes a dangling partial character (as U+FFFD). */
  end(): string;
}

const UTF16_SAMPLE = 4096;

/**
 * Detects the text encoding of the first bytes of a file.
 *
 * Order: BOM, UTF-16 without BOM (NUL in every other byte), strict UTF-8 validity (a
 * multi-byte character cut by the end of `head` is not an error), then chardet's guess.
 * ISO-8859-1 is reported as windows-1252: the superset that Windows software actually
 * writes (curly quotes, the euro sign in 0x80-0x9F).
 */
export function detectEncoding(head: Uint8Array): EncodingDetection {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', hasBom: true, confidence: 1 };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', hasBom: true, confidence: 1 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', hasBom: true, confidence: 1 };

  const utf16 = guessUtf16ByNulPattern(head);
  if (utf16) return { encoding: utf16, hasBom: false, confidence: 0.9 };

  const scan = scanUtf8(head);
  if (scan.invalid === 0) {
    // Pure ASCII is valid UTF-8, but the bytes past the head may still be Windows-1252.
    return { encoding: 'utf-8', hasBom: false, confidence: scan.multiByte > 0 ? 1 : 0.8 };
  }
  // Mostly valid multi-byte UTF-8 with a stray bad byte (one in ten characters at most): a
  // damaged UTF-8 file, not Latin-1.
  if (scan.invalid * 10 <= scan.multiByte) {
    return { encoding: 'utf-8', hasBom: false, confidence: 0.6 };
  }
  return guessLegacyEncoding(head);
}

/**
 * A UTF-16 file without BOM: mostly-ASCII text puts a NUL in every other byte
 * (odd offsets for little-endian, even for big-endian).
 */
function guessUtf16ByNulPattern(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(head.length, UTF16_SAMPLE) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

interface Utf8Scan {
  multiByte: number;
  invalid: number;
}

/** Counts valid multi-byte sequences and invalid bytes; a sequence cut by the end of the buffer is neither. */
function scanUtf8(buf: Uint8Array): Utf8Scan {
  let multiByte = 0;
  let invalid = 0;
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let ok = true;
    let j = 1;
    for (; j <= need; j++) {
      if (i + j >= n) break;
      const c = buf[i + j]!;
      const min = j === 1 ? lo : 0x80;
      const max = j === 1 ? hi : 0xbf;
      if (c < min || c > max) {
        ok = false;
        break;
      }
    }
    if (!ok) {
      invalid++;
      i++;
      continue;
    }
    if (j <= need) break; // cut by the end of the head: fine
    multiByte++;
    i += need + 1;
  }
  return { multiByte, invalid };
}

/**
 * chardet's single-byte code pages of Latin script: Western, Central European, Turkish,
 * Baltic, Vietnamese. Not Cyrillic (windows-1251, ISO-8859-5, KOI8-R), Greek, Hebrew, Arabic
 * or Thai, whose text read as windows-1252 would be unreadable.
 */
// Stryker disable next-line Regex: chardet names no longer code page that starts or ends like these, so the anchors never decide
const LATIN_SINGLE_BYTE = /^(?:ISO-8859-[129]|windows-125[02478])$/;

function guessLegacyEncoding(head: Uint8Array): EncodingDetection {
  for (const match of analyse(head)) {
    const name = match.name; // ISO-8859-1 is reported as windows-1252 (normaliseEncodingName)
    if (name === 'UTF-8' || name === 'ASCII' || !isDecodable(name)) continue;
    const confidence = Math.min(1, match.confidence / 100);
    // chardet's language models are shaky on short, mostly-ASCII samples; for a weak
    // Latin guess, the Windows code page people actually export with is the better bet.
    if (LATIN_SINGLE_BYTE.test(name) && confidence < 0.5) {
      return { encoding: 'windows-1252', hasBom: false, confidence, guessed: true };
    }
    return { encoding: normaliseEncodingName(name), hasBom: false, confidence, guessed: true };
  }
  return { encoding: 'windows-1252', hasBom: false, confidence: 0.3, guessed: true };
}

/** The warning a guessed encoding puts on the job (none for a BOM, UTF-8 or UTF-16). */
export function encodingWarnings(detection: EncodingDetection): JobWarning[] {
  if (detection.guessed !== true) return [];
  return [
    {
      code: WARNING_CODES.encodingGuessed,
      message: `The file is not UTF-8 and has no byte order mark, so it was read as ${detection.encoding}, the encoding its bytes suggest: check its accented letters and symbols (saving it as UTF-8 makes this certain)`,
      count: 1,
    },
  ];
}

function isDecodable(name: string): boolean {
  return iconv().encodingExists(name);
}

/** Lower-case canonical names for the common encodings; others pass through. */
export function normaliseEncodingName(name: string): TextEncoding {
  const n = name.toLowerCase().replace(/_/g, '-');
  switch (n) {
    // (the canonical names themselves are returned as they are, below)
    case 'utf8':
      return 'utf-8';
    case 'utf16le':
    case 'ucs2':
    case 'ucs-2':
      return 'utf-16le';
    case 'utf16be':
      return 'utf-16be';
    case 'latin1':
    case 'iso-8859-1':
    case 'cp1252':
      return 'windows-1252';
    default:
      return n;
  }
}

/**
 * Creates a streaming decoder for `encoding` that strips a leading BOM.
 * Invalid byte sequences become U+FFFD rather than failing: a few bad bytes in a large
 * export should cost a cell, not the job. Throws EncodingError for an unknown encoding.
 */
export function createDecoder(encoding: string): TextChunkDecoder {
  const name = normaliseEncodingName(encoding);
  // Node's StringDecoder is the fastest path for the two encodings it knows.
  if (name === 'utf-8' || name === 'utf-16le') {
    // Stryker disable next-line StringLiteral: StringDecoder('') is UTF-8, its default
    return stripBom(new StringDecoder(name === 'utf-8' ? 'utf8' : 'utf16le'));
  }
  let textDecoder: TextDecoder | undefined;
  try {
    textDecoder = new TextDecoder(name);
  } catch {
    // not an ICU/WHATWG label: try iconv-lite below
  }
  if (textDecoder) {
    const td = textDecoder;
    return {
      write: (bytes) => td.decode(bytes, { stream: true }),
      end: () => td.decode(),
    };
  }
  if (iconv().encodingExists(name)) {
    const d = iconv().getDecoder(name);
    return {
      write: (bytes) => d.write(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
      end: () => d.end() ?? '',
    };
  }
  throw new EncodingError(`Unknown text encoding "${encoding}"`);
}

function stripBom(sd: StringDecoder): TextChunkDecoder {
  let atStart = true;
  const strip = (text: string): string => {
    if (!atStart || text.length === 0) return text;
    atStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  return {
    write: (bytes) => strip(sd.write(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))),
    end: () => strip(sd.end()),
  };
}
