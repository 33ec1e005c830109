import { constants, inflateSync } from 'node:zlib';
import { LimitExceededError } from '../errors.ts';
import { describeLimit, type ParseLimits } from './parse-limits.ts';

/**
 * A pre-scan of a PDF's streams before pdfjs reads it. pdfjs inflates a stream whole
 * (page content, fonts, object streams) and holds it, with no bound: a 1 MB file whose
 * content stream inflates to 1 GiB took the reader 14-19 s and 1.3 GB of memory, and then
 * failed with an unrelated error. Here every stream is decoded through its filters as far
 * as the limits allow, counting the bytes and keeping none of them, so such a file fails
 * at once with LimitExceededError naming the limit.
 *
 * Streams are found by their `stream` keyword in the file's bytes (whatever the
 * cross-reference table says: a hidden stream is counted too), from the keyword to the
 * next `endstream`. Decoded: FlateDecode, LZWDecode, RunLengthDecode, ASCIIHexDecode and
 * ASCII85Decode, in any chain; a stream whose first filter is another one (an image
 * codec) is not decoded, and neither is an image XObject: pdfjs does not decode images
 * when it extracts text. Not covered: encrypted PDFs (their streams only decode after
 * decryption) and a content stream dressed up as an image.
 */
export async function checkPdfInflation(buf: Buffer, limits: ParseLimits): Promise<{ streams: number; inflatedBytes: number }> {
  let streams = 0;
  let total = 0;
  for (const stream of findStreams(buf)) {
    if (!DECODERS.has(stream.filters[0]!)) continue; // no filter: has(undefined) is false
    streams++;
    let data = stream.data;
    for (const filter of stream.filters) {
      const decode = DECODERS.get(filter);
      if (decode === undefined) break; // what follows an unknown filter cannot be decoded here
      // Every stage of a chain holds its output in pdfjs: each one counts.
      const streamBound = limits.pdfMaxStreamInflatedBytes <= limits.pdfMaxInflatedBytes - total;
      const out = await decode(data, streamBound ? limits.pdfMaxStreamInflatedBytes : limits.pdfMaxInflatedBytes - total);
      if (out === undefined) throw overLimit(limits, streamBound ? 'stream' : 'document', stream.object);
      total += out.length;
      data = out;
    }
  }
  return { streams, inflatedBytes: total };
}

function overLimit(limits: ParseLimits, which: 'stream' | 'document', object: string | undefined): LimitExceededError {
  if (which === 'stream') {
    return new LimitExceededError(
      `A stream of the PDF${object ? ` (object ${object})` : ''} inflates to more than ${limits.pdfMaxStreamInflatedBytes} bytes, ${describeLimit(limits, 'pdfMaxStreamInflatedBytes', 'bytes per stream')}: a decompression bomb, or not a document to read as data`,
    );
  }
  return new LimitExceededError(`The streams of the PDF inflate to more than ${limits.pdfMaxInflatedBytes} bytes in all, ${describeLimit(limits, 'pdfMaxInflatedBytes', 'bytes per document')}`);
}

interface PdfStream {
  /** "12 0": the object's number and generation, when its header is found before the stream's dictionary */
  object: string | undefined;
  filters: string[];
  data: Buffer;
}

const STREAM = Buffer.from('stream', 'latin1');
const END_STREAM = Buffer.from('endstream', 'latin1');
/** How far before `stream` its dictionary may start: dictionaries of content streams and fonts are short. */
const DICT_WINDOW = 16 * 1024;

/** The streams of a PDF in file order: each one's filters (from its dictionary) and its raw bytes. */
function* findStreams(buf: Buffer): Generator<PdfStream> {
  let from = 0;
  for (;;) {
    const at = buf.indexOf(STREAM, from);
    if (at === -1) return;
    from = at + STREAM.length;
    const dictStart = dictionaryBefore(buf, at);
    if (dictStart === -1) continue; // "endstream", or the word in some text: not a stream's start
    // the keyword ends its line (CRLF or LF; pdfjs also takes a lone CR)
    let start = at + STREAM.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf(END_STREAM, start);
    // the binary data is skipped: a "stream" inside it is no keyword
    from = end === -1 ? buf.length : end + END_STREAM.length;
    const dict = buf.toString('latin1', dictStart, at);
    if (/\/Subtype\s*\/Image\b/.test(dict)) continue;
    const header = /(\d+)\s+(\d+)\s+obj\s*$/.exec(buf.toString('latin1', Math.max(0, dictStart - 40), dictStart));
    yield { object: header ? `${header[1]} ${header[2]}` : undefined, filters: filtersOf(dict), data: buf.subarray(start, end === -1 ? buf.length : end) };
  }
}

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

/** Where the dictionary that ends right before `at` starts (`<<`, its nested ones matched); -1 when none does. */
function dictionaryBefore(buf: Buffer, at: number): number {
  let i = at - 1;
  while (isSpace(buf[i])) i--; // buf[-1] is undefined, no space
  if (buf[i] !== 0x3e || buf[i - 1] !== 0x3e) return -1;
  const stop = Math.max(0, at - DICT_WINDOW);
  let depth = 0;
  while (i >= stop + 1) {
    if (buf[i] === 0x3e && buf[i - 1] === 0x3e) {
      depth++;
      i -= 2;
    } else if (buf[i] === 0x3c && buf[i - 1] === 0x3c) {
      depth--;
      i -= 2;
      if (depth === 0) return i + 1;
    } else i--;
  }
  return -1;
}

const ABBREVIATIONS: Readonly<Record<string, string>> = { Fl: 'FlateDecode', LZW: 'LZWDecode', RL: 'RunLengthDecode', AHx: 'ASCIIHexDecode', A85: 'ASCII85Decode' };

/** The /Filter (or /F, which pdfjs also reads) of a stream dictionary: one name or an array of names. */
function filtersOf(dict: string): string[] {
  const m = /\/(?:Filter|F)\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  if (!m) return [];
  return [...m[1]!.matchAll(/\/([A-Za-z0-9]+)/g)].map((n) => ABBREVIATIONS[n[1]!] ?? n[1]!);
}

/** A filter's decoder: the decoded bytes, or undefined when they would be more than `cap`. */
type Decoder = (input: Buffer, cap: number) => Buffer | undefined | Promise<Buffer | undefined>;

/**
 * zlib, as pdfjs reads it: the zlib header is required, a cut-off stream gives what it
 * holds, and a damaged one what comes before the damage. Whole streams are inflated at
 * once (the usual stream is a few KB: a 1,000-page statement's 1,000 streams take ~20 ms).
 * A damaged one is measured by the longest start of it that inflates without an error (a
 * cut-off start gives what it holds), found by halving: inflating it piece by piece as a
 * stream lost the last piece before the damage, up to 16 KiB a stream, and with it a
 * document of many small damaged streams passed the document limit uncounted.
 */
function inflate(input: Buffer, cap: number): Buffer | undefined {
  const whole = inflateUpTo(input, cap);
  if (whole !== DAMAGED) return whole;
  // `good` bytes of input inflate without an error, `bad` bytes do not
  let good = 0;
  let bad = input.length;
  let out: Buffer = Buffer.alloc(0);
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    const part = inflateUpTo(input.subarray(0, mid), cap);
    if (part === undefined) return undefined;
    if (part === DAMAGED) bad = mid;
    else {
      good = mid;
      out = part;
    }
  }
  return out;
}

const DAMAGED = Symbol('damaged');

/** The inflated bytes, undefined when they are more than `cap`, DAMAGED when zlib fails on them. */
function inflateUpTo(input: Buffer, cap: number): Buffer | undefined | typeof DAMAGED {
  try {
    // output pieces in proportion to the input: a few KB for the usual stream, 1 MiB for one that inflates far
    // Stryker disable next-line ArithmeticOperator,MethodExpression: the size of zlib's output pieces changes the time taken, not the bytes
    const chunkSize = Math.min(1024 * 1024, Math.max(16 * 1024, input.length * 16));
    const out = inflateSync(input, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: cap + 1, chunkSize });
    return out.length > cap ? undefined : out;
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? undefined : DAMAGED;
  }
}

/** A growing output with a cap. */
class Output {
  private buf = Buffer.allocUnsafe(64 * 1024);
  size = 0;

  constructor(private readonly cap: number) {}

  /** false once the output would pass the cap */
  push(byte: number): boolean {
    if (this.size >= this.cap) return false;
    if (this.size === this.buf.length) {
      // Stryker disable next-line MethodExpression,ArithmeticOperator: a larger buffer holds the same bytes (the cap is checked above)
      const grown = Buffer.allocUnsafe(Math.min(this.cap, this.buf.length * 2));
      this.buf.copy(grown);
      this.buf = grown;
    }
    this.buf[this.size++] = byte;
    return true;
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.size);
  }
}

/** LZW with early change, as PDF writes it (9- to 12-bit codes, 256 clears, 257 ends). */
function lzwDecode(input: Buffer, cap: number): Buffer | undefined {
  const prefix = new Int32Array(4096).fill(-1);
  const suffix = new Uint8Array(4096);
  const length = new Int32Array(4096);
  for (let c = 0; c < 256; c++) {
    suffix[c] = c;
    length[c] = 1;
  }
  const string = new Uint8Array(4097);
  const out = new Output(cap);
  let next = 258;
  let width = 9;
  let previous = -1;
  let bits = 0;
  let acc = 0;
  for (const byte of input) {
    acc = (acc << 8) | byte; // the bits above the next code shift out
    bits += 8;
    while (bits >= width) {
      bits -= width;
      const code = (acc >>> bits) & ((1 << width) - 1);
      if (code === 256) {
        next = 258;
        width = 9;
        previous = -1;
        continue;
      }
      if (code === 257 || code > next || (code === next && previous === -1)) return out.bytes(); // the end, or damage
      // the string of `code` (or, for the code being defined, of the previous one), back to front
      const source = code < next ? code : previous;
      let len = length[source]!;
      for (let e = source, k = len; e !== -1; e = prefix[e]!) string[--k] = suffix[e]!;
      if (code === next) string[len++] = string[0]!;
      for (let j = 0; j < len; j++) if (!out.push(string[j]!)) return undefined;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a full table's next entry (4096) is past the typed arrays, whose writes are ignored, and no 12-bit code reaches it
      const tableFull = next >= 4096;
      if (previous !== -1 && !tableFull) {
        prefix[next] = previous;
        suffix[next] = string[0]!;
        length[next] = length[previous]! + 1;
        next++;
      }
      previous = code;
      if (next + 1 >= 1 << width && width < 12) width++;
    }
  }
  return out.bytes();
}

/** RunLengthDecode: a length byte, then that many bytes plus one, or one byte repeated 257 - length times; 128 ends. */
function runLengthDecode(input: Buffer, cap: number): Buffer | undefined {
  const out = new Output(cap);
  for (let i = 0; i < input.length; ) {
    const n = input[i++]!;
    if (n === 128) break;
    if (n < 128) {
      for (let j = 0; j <= n && i < input.length; j++) if (!out.push(input[i++]!)) return undefined;
    } else if (i < input.length) {
      const byte = input[i++]!;
      for (let j = 0; j < 257 - n; j++) if (!out.push(byte)) return undefined;
    }
  }
  return out.bytes();
}

/** ASCIIHexDecode: pairs of hex digits, whitespace ignored, `>` ends. Never longer than its input. */
function asciiHexDecode(input: Buffer): Buffer {
  const out = new Output(input.length);
  let high = -1;
  for (const byte of input) {
    if (byte === 0x3e) break;
    const digit = hexDigit(byte);
    if (digit === -1) continue;
    if (high === -1) high = digit;
    else {
      out.push((high << 4) | digit);
      high = -1;
    }
  }
  if (high !== -1) out.push(high << 4);
  return out.bytes();
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** ASCII85Decode: groups of five characters `!`..`u` to four bytes, `z` four zeros, `~>` ends. */
function ascii85Decode(input: Buffer, cap: number): Buffer | undefined {
  const out = new Output(cap);
  const group: number[] = [];
  const emit = (count: number): boolean => {
    let value = 0;
    for (let j = 0; j < 5; j++) value = value * 85 + (group[j] ?? 84);
    group.length = 0;
    for (let j = 0; j < count; j++) if (!out.push(Math.floor(value / 2 ** (24 - 8 * j)) & 0xff)) return false;
    return true;
  };
  for (const byte of input) {
    if (byte === 0x7e) break;
    if (byte === 0x7a && group.length === 0) {
      for (let j = 0; j < 4; j++) if (!out.push(0)) return undefined;
      continue;
    }
    if (byte < 0x21 || byte > 0x75) continue;
    group.push(byte - 0x21);
    if (group.length === 5 && !emit(4)) return undefined;
  }
  if (!emit(group.length - 1)) return undefined; // a lone last character, or none, gives no byte
  return out.bytes();
}

const DECODERS: ReadonlyMap<string, Decoder> = new Map<string, Decoder>([
  ['FlateDecode', inflate],
  ['LZWDecode', lzwDecode],
  ['RunLengthDecode', runLengthDecode],
  ['ASCIIHexDecode', asciiHexDecode],
  ['ASCII85Decode', ascii85Decode],
]);
