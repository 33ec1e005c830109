import { constants, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkPdfInflation } from '../../functions/core/parse/pdf-streams.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../../functions/core/parse/parse-limits.ts';
import { LimitExceededError } from '../../functions/core/errors.ts';
import { asciiHex, deflate, lzwEncode, packLzwCodes } from '../fixtures/formats/hostile.ts';

// The pre-scan's decoders are checked by what they give: a stream encoded by a filter and
// then deflated decodes through `[/<filter> /FlateDecode]` to the deflated text's length
// only when the filter gave back every byte right (a wrong byte breaks the zlib data).

const limits = (stream: number, document = DEFAULT_PARSE_LIMITS.pdfMaxInflatedBytes): ParseLimits => ({ ...DEFAULT_PARSE_LIMITS, pdfMaxStreamInflatedBytes: stream, pdfMaxInflatedBytes: document });
const bytes = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'latin1') : s);
/** One object holding a stream, its keyword followed by `eol`. */
const obj = (n: number, dict: string, data: string | Buffer, eol = '\n') => Buffer.concat([bytes(`${n} 0 obj\n${dict}\nstream${eol}`), bytes(data), bytes('endstream\nendobj\n')]);
const file = (...parts: (string | Buffer)[]) => Buffer.concat([bytes('%PDF-1.7\n'), ...parts.map(bytes)]);
const scan = (buf: Buffer, l: ParseLimits = DEFAULT_PARSE_LIMITS) => checkPdfInflation(buf, l);
/** What one stream decodes to, in bytes, counting every stage of its filters. */
const decoded = async (filter: string, data: string | Buffer, l?: ParseLimits) => (await scan(file(obj(1, `<< /Filter ${filter} >>`, data)), l)).inflatedBytes;

/** Text that deflates to bytes without pattern: words from a fixed pseudo-random sequence. */
function prose(length: number): string {
  const words = ['call', 'minutes', 'roaming', '415', 'Boston', 'charge', '$1.10', 'incoming', '2025-10-02', 'data', 'plan', 'x'];
  let seed = 12345;
  let out = '';
  while (out.length < length) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    out += `${words[seed % words.length]}${seed % 7 === 0 ? '\n' : ' '}${seed % 1000}`;
  }
  return out.slice(0, length);
}
const TEXT = prose(20_000);
const ZIPPED = deflate(TEXT);

/** RunLengthDecode's encoding: runs of 3 or more as repeats, the rest as literals of up to 128 bytes, then 128. */
function runLengthEncode(data: Buffer): Buffer {
  const out: number[] = [];
  let literal: number[] = [];
  const flush = () => {
    for (let k = 0; k < literal.length; k += 128) {
      const part = literal.slice(k, k + 128);
      out.push(part.length - 1, ...part);
    }
    literal = [];
  };
  for (let i = 0; i < data.length; ) {
    let run = 1;
    while (i + run < data.length && run < 128 && data[i + run] === data[i]) run++;
    if (run >= 3) {
      flush();
      out.push(257 - run, data[i]!);
      i += run;
    } else {
      literal.push(data[i]!);
      i++;
    }
  }
  flush();
  out.push(128);
  return Buffer.from(out);
}

/** ASCII85Decode's encoding, with `z` for four zeros and a short last group. */
function ascii85Encode(data: Buffer): string {
  let out = '';
  for (let i = 0; i < data.length; i += 4) {
    const group = data.subarray(i, i + 4);
    const padded = Buffer.concat([group, Buffer.alloc(4 - group.length)]);
    const value = padded.readUInt32BE(0);
    if (value === 0 && group.length === 4) {
      out += 'z';
      continue;
    }
    let digits = '';
    for (let v = value, k = 0; k < 5; k++, v = Math.floor(v / 85)) digits = String.fromCharCode(0x21 + (v % 85)) + digits;
    out += digits.slice(0, group.length + 1);
  }
  return `${out}~>`;
}

const packCodes = packLzwCodes;

describe('checkPdfInflation: which streams and what counts', () => {
  it('counts each stage of a chain, and only the streams whose first filter it decodes', async () => {
    const pdf = file(
      obj(1, '<< /Length 5 >>', 'plain'),
      obj(2, '<< /Filter /FlateDecode >>', ZIPPED),
      obj(3, '<< /Filter /DCTDecode >>', ZIPPED),
      obj(4, '<< /Filter [/DCTDecode /FlateDecode] >>', ZIPPED),
      obj(5, '<< /Filter [/FlateDecode /DCTDecode] >>', ZIPPED),
      obj(6, '<< /Filter [/ASCIIHexDecode /FlateDecode] >>', asciiHex(ZIPPED)),
      // what follows a filter it cannot decode is not decoded: the second Flate is not applied
      obj(7, '<< /Filter [/FlateDecode /Crypt /FlateDecode] >>', deflate(ZIPPED)),
    );
    expect(await scan(pdf)).toEqual({ streams: 4, inflatedBytes: TEXT.length * 3 + ZIPPED.length * 2 });
  });

  it('reads the abbreviated filter names, the /F key, and names written without spaces', async () => {
    expect(await decoded('/Fl', ZIPPED)).toBe(TEXT.length);
    expect(await decoded('[/AHx/Fl]', asciiHex(ZIPPED))).toBe(ZIPPED.length + TEXT.length);
    expect(await decoded('[/A85 /Fl]', ascii85Encode(ZIPPED))).toBe(ZIPPED.length + TEXT.length);
    expect(await decoded('[/RL /Fl]', runLengthEncode(ZIPPED))).toBe(ZIPPED.length + TEXT.length);
    expect(await decoded('[/LZW /Fl]', lzwEncode(ZIPPED))).toBe(ZIPPED.length + TEXT.length);
    expect((await scan(file(obj(1, '<< /F /Fl >>', ZIPPED)))).inflatedBytes).toBe(TEXT.length);
    // other keys starting with F are not the filter
    expect((await scan(file(obj(1, '<< /FunctionType 4 /Foo /Bar /Filter /FlateDecode >>', ZIPPED)))).inflatedBytes).toBe(TEXT.length);
    expect(await scan(file(obj(1, '<< /Font /FlateDecode >>', ZIPPED)))).toEqual({ streams: 0, inflatedBytes: 0 });
  });
});

describe('checkPdfInflation: the limits', () => {
  it('lets a stream inflate to the per-stream limit exactly, and not one byte more', async () => {
    const pdf = file(obj(12, '<< /Filter /FlateDecode >>', deflate('x'.repeat(1000))));
    expect((await scan(pdf, limits(1000))).inflatedBytes).toBe(1000);
    await expect(scan(pdf, limits(999))).rejects.toThrow(
      new LimitExceededError('A stream of the PDF (object 12 0) inflates to more than 999 bytes, the limit of 999 bytes per stream (PDF_MAX_STREAM_INFLATED_BYTES): a decompression bomb, or not a document to read as data'),
    );
  });

  it('holds every decoder to the limit exactly', async () => {
    const cases: [filter: string, data: string | Buffer, size: number][] = [
      ['/LZWDecode', lzwEncode(Buffer.from('y'.repeat(1000))), 1000],
      ['/RunLengthDecode', runLengthEncode(Buffer.from('y'.repeat(1000))), 1000],
      ['/RunLengthDecode', runLengthEncode(Buffer.from(prose(1000))), 1000],
      ['/ASCII85Decode', ascii85Encode(Buffer.from(prose(1000))), 1000],
      ['/ASCII85Decode', ascii85Encode(Buffer.alloc(1000)), 1000],
      ['/ASCII85Decode', ascii85Encode(Buffer.from(prose(998))), 998], // a short last group
    ];
    for (const [filter, data, size] of cases) {
      expect(await decoded(filter, data, limits(size))).toBe(size);
      await expect(decoded(filter, data, limits(size - 1))).rejects.toThrow(LimitExceededError);
    }
  });

  it('holds the document to its limit over all streams, naming the limit that is reached first', async () => {
    const six = deflate('x'.repeat(600));
    const pdf = file(obj(1, '<< /Filter /FlateDecode >>', six), obj(2, '<< /Filter /FlateDecode >>', six));
    expect(await scan(pdf, limits(1000, 1200))).toEqual({ streams: 2, inflatedBytes: 1200 });
    await expect(scan(pdf, limits(1000, 1199))).rejects.toThrow(
      new LimitExceededError('The streams of the PDF inflate to more than 1199 bytes in all, the limit of 1199 bytes per document (PDF_MAX_INFLATED_BYTES)'),
    );
    // the stream limit when it is no more than what is left of the document's
    const more = file(obj(1, '<< /Filter /FlateDecode >>', six), obj(2, '<< /Filter /FlateDecode >>', deflate('x'.repeat(601))));
    await expect(scan(more, limits(600, 1200))).rejects.toThrow('A stream of the PDF (object 2 0) inflates to more than 600 bytes');
    await expect(scan(more, limits(601, 1200))).rejects.toThrow('The streams of the PDF inflate to more than 1200 bytes in all');
  });

  it('counts what damaged streams give before their damage against the document limit', async () => {
    const damaged = Buffer.concat([ZIPPED.subarray(0, ZIPPED.length >> 1), Buffer.alloc(64, 0xff)]);
    const one = await decoded('/FlateDecode', damaged);
    const pdf = file(...[1, 2, 3].map((n) => obj(n, '<< /Filter /FlateDecode >>', damaged)));
    expect((await scan(pdf, limits(one, 3 * one))).inflatedBytes).toBe(3 * one);
    await expect(scan(pdf, limits(one, 3 * one - 1))).rejects.toThrow(/in all/);
  });

  it('names no object when the stream has no object header before it', async () => {
    await expect(scan(file('<< /Filter /FlateDecode >>\nstream\n', deflate('x'.repeat(100)), 'endstream'), limits(10))).rejects.toThrow(
      /^A stream of the PDF inflates to more than 10 bytes/,
    );
    await expect(scan(file('7 0 obj\n% a comment\n<< /Filter /FlateDecode >>\nstream\n', deflate('x'.repeat(100)), 'endstream'), limits(10))).rejects.toThrow(
      /^A stream of the PDF inflates/,
    );
    await expect(scan(file('  7   2\r\nobj \r\n<< /Filter /FlateDecode >>\nstream\n', deflate('x'.repeat(100)), 'endstream'), limits(10))).rejects.toThrow(
      /^A stream of the PDF \(object 7 2\) inflates/,
    );
    await expect(scan(file('3 12 obj\n<< /Filter /FlateDecode >>\nstream\n', deflate('x'.repeat(100)), 'endstream'), limits(10))).rejects.toThrow(
      /^A stream of the PDF \(object 3 12\) inflates/,
    );
  });
});

describe('checkPdfInflation: finding streams', () => {
  const rl = Buffer.from([2, 0x61, 0x62, 0x63, 128]); // "abc"

  it('starts the data after the keyword\'s line end: CRLF, LF or CR', async () => {
    for (const eol of ['\r\n', '\n', '\r']) expect((await scan(file(obj(1, '<< /Filter /RunLengthDecode >>', rl, eol)))).inflatedBytes).toBe(3);
  });

  it('takes the keyword after a dictionary and white space of any kind, and nowhere else', async () => {
    for (const space of [' ', '\n', '\r', '\t', '\f', '\0', '']) {
      expect(await scan(file(`1 0 obj\n<< /Filter /RunLengthDecode >>${space}stream\n`, rl, 'endstream'))).toEqual({ streams: 1, inflatedBytes: 3 });
    }
    // the word in text, after a lone ">", or at the very start of the file
    expect(await scan(bytes('stream\n\x02abc\x80endstream'))).toEqual({ streams: 0, inflatedBytes: 0 });
    expect(await scan(file('(upstream) Tj >stream\n', rl, 'endstream'))).toEqual({ streams: 0, inflatedBytes: 0 });
    expect(await scan(file('>> stream\n', rl, 'endstream'))).toEqual({ streams: 0, inflatedBytes: 0 });
  });

  it('matches nested dictionaries back to the stream\'s own', async () => {
    expect((await scan(file(obj(1, '<< /Filter /RunLengthDecode /DecodeParms << /Columns 4 >> >>', rl)))).inflatedBytes).toBe(3);
    expect((await scan(file(obj(1, '<</Filter/RunLengthDecode/DecodeParms<</Columns 4/X<</Y 1>>>>>>', rl)))).inflatedBytes).toBe(3);
    expect((await scan(file(obj(1, '<</Filter/RunLengthDecode/DecodeParms[<<>><<>>]>>', rl)))).inflatedBytes).toBe(3);
  });

  it('looks for the dictionary no further than 16 KiB before the keyword', async () => {
    const padded = (n: number) => `<< /Filter /RunLengthDecode /Junk (${'j'.repeat(n)}) >>`;
    expect((await scan(file(obj(1, padded(16 * 1024 - 40), rl)))).streams).toBe(1);
    expect((await scan(file(obj(1, padded(16 * 1024 - 39), rl)))).streams).toBe(0);
  });

  it('reads a stream without endstream to the end of the file, and skips the data of a stream', async () => {
    expect((await scan(file('1 0 obj\n<< /Filter /RunLengthDecode >>\nstream\n\x05abc'))).inflatedBytes).toBe(3);
    // a stream's data that looks like a stream is not one
    const inner = '<< /Filter /ASCIIHexDecode >>\nstream\n414243>';
    expect(await scan(file(obj(1, '<< /Length 40 >>', inner), obj(2, '<< /Filter /RunLengthDecode >>', rl)))).toEqual({ streams: 1, inflatedBytes: 3 });
  });

  it('leaves image streams alone, however the subtype is spaced', async () => {
    for (const dict of ['<< /Subtype /Image /Filter /RunLengthDecode >>', '<</Subtype/Image/Filter/RunLengthDecode>>', '<< /Subtype\n/Image /Filter /RunLengthDecode >>']) {
      expect((await scan(file(obj(1, dict, rl)))).streams).toBe(0);
    }
    expect((await scan(file(obj(1, '<< /Subtype /Form /Filter /RunLengthDecode >>', rl)))).streams).toBe(1);
    expect((await scan(file(obj(1, '<< /Subtype /Imagery /Filter /RunLengthDecode >>', rl)))).streams).toBe(1);
  });
});

describe('checkPdfInflation: decoders', () => {
  it('FlateDecode: a cut-off stream gives what it holds, damage what comes before it, data without a zlib header nothing', async () => {
    const whole = await decoded('/FlateDecode', ZIPPED);
    expect(whole).toBe(TEXT.length);
    const cut = await decoded('/FlateDecode', ZIPPED.subarray(0, ZIPPED.length >> 1));
    expect(cut).toBeGreaterThan(TEXT.length / 4);
    expect(cut).toBeLessThan(TEXT.length);
    const damaged = Buffer.concat([ZIPPED.subarray(0, ZIPPED.length >> 1), Buffer.alloc(64, 0xff)]);
    const before = await decoded('/FlateDecode', damaged);
    expect(before).toBeGreaterThan(TEXT.length / 4);
    expect(before).toBeLessThan(TEXT.length);
    // held to the limit exactly, on the way that counts piece by piece too
    expect(await decoded('/FlateDecode', damaged, limits(before))).toBe(before);
    await expect(decoded('/FlateDecode', damaged, limits(before - 1))).rejects.toThrow(LimitExceededError);
    expect(await decoded('/FlateDecode', ZIPPED.subarray(2))).toBe(0);
    // what comes before the damage is what the longest start that inflates without an error gives
    for (const at of [700, 1500, 2100, 3300]) {
      const hurt = Buffer.concat([ZIPPED.subarray(0, at), Buffer.alloc(16, 0xff), ZIPPED.subarray(at)]);
      let expected = 0;
      // (0xff starts a block of the reserved type: no start longer than the 16 of them inflates)
      for (let k = at + 16; k >= 0; k--) {
        try {
          expected = inflateSync(hurt.subarray(0, k), { finishFlush: constants.Z_SYNC_FLUSH }).length;
          break;
        } catch {
          // damaged within these k bytes
        }
      }
      expect(await decoded('/FlateDecode', hurt)).toBe(expected);
    }
  });

  it('LZWDecode: every code width, table resets, and the string being defined', async () => {
    const text = Buffer.from(prose(60_000));
    expect(await decoded('/LZWDecode', lzwEncode(text))).toBe(text.length);
    expect(await decoded('[/LZWDecode /FlateDecode]', lzwEncode(ZIPPED))).toBe(ZIPPED.length + TEXT.length);
    expect(await decoded('[/LZWDecode /FlateDecode]', lzwEncode(deflate('ab'.repeat(5000) + 'c'.repeat(5000))))).toBe(deflate('ab'.repeat(5000) + 'c'.repeat(5000)).length + 15_000);
  });

  it('LZWDecode: stops at the end code, at a code not defined yet, and at the string being defined right after a reset', async () => {
    expect(await decoded('/LZWDecode', packCodes([[256, 9], [65, 9], [66, 9], [257, 9], [67, 9], [68, 9]]))).toBe(2);
    expect(await decoded('/LZWDecode', packCodes([[256, 9], [65, 9], [66, 9], [300, 9], [67, 9]]))).toBe(2);
    // 258 right after 65 is the string being defined: "AA"
    expect(await decoded('/LZWDecode', packCodes([[65, 9], [258, 9], [257, 9]]))).toBe(3);
    expect(await decoded('/LZWDecode', packCodes([[256, 9], [258, 9], [65, 9]]))).toBe(0);
    // a reset mid-stream starts a new table: 258 is defined again from what follows
    expect(await decoded('/LZWDecode', packCodes([[65, 9], [66, 9], [258, 9], [256, 9], [67, 9], [68, 9], [258, 9], [257, 9]]))).toBe(2 + 2 + 2 + 2);
  });

  it('LZWDecode: keeps reading 12-bit codes once the table is full', async () => {
    // the codes of 0..255 then pairs: entries 258.. fill the table; the encoder writes the last 12-bit codes after it is full
    const codes: [number, number][] = [];
    let next = 258;
    let width = 9;
    let length = 0;
    for (let k = 0; k < 4200; k++) {
      codes.push([k % 256, width]);
      length++;
      if (k > 0 && next < 4096) next++;
      if (next + 1 >= 1 << width && width < 12) width++;
    }
    codes.push([65, 12], [257, 12]);
    expect(await decoded('/LZWDecode', packCodes(codes))).toBe(length + 1);
  });

  it('RunLengthDecode: literals, repeats, the end mark, and a stream cut short', async () => {
    expect(await decoded('/RunLengthDecode', Buffer.from([0, 0x61, 254, 0x62, 129, 0x63, 128, 5, 0x64]))).toBe(1 + 3 + 128);
    expect(await decoded('/RunLengthDecode', Buffer.from([5, 0x61, 0x62]))).toBe(2);
    expect(await decoded('/RunLengthDecode', Buffer.from([0, 0x61, 250]))).toBe(1);
    // content, through a second filter: runs of white space among hex digits
    const spaced = Buffer.from(ZIPPED.toString('hex').replace(/(.{60})/g, `$1${' '.repeat(200)}`) + '>');
    expect(await decoded('[/RunLengthDecode /ASCIIHexDecode /FlateDecode]', runLengthEncode(spaced))).toBe(spaced.length + ZIPPED.length + TEXT.length);
    // beyond the 64 KiB it starts with
    const big = Buffer.from(prose(200_000));
    expect(await decoded('[/RunLengthDecode /FlateDecode]', runLengthEncode(deflate(big)))).toBe(deflate(big).length + big.length);
  });

  it('ASCIIHexDecode: either case, other characters skipped, an odd last digit, and > as the end', async () => {
    const mixed = Buffer.from(ZIPPED.toString('hex').toUpperCase().replace(/(.{16})/g, '$1 \n\t/:@G`g') + '>ignored');
    expect(await decoded('[/ASCIIHexDecode /FlateDecode]', mixed)).toBe(ZIPPED.length + TEXT.length);
    expect(await decoded('[/ASCIIHexDecode /FlateDecode]', Buffer.from(ZIPPED.toString('hex').toLowerCase() + '>'))).toBe(ZIPPED.length + TEXT.length);
    expect(await decoded('/ASCIIHexDecode', '4a4B4>')).toBe(3);
    expect(await decoded('/ASCIIHexDecode', '41>4243')).toBe(1);
  });

  it('ASCII85Decode: groups, z, a short last group, white space, and ~> as the end', async () => {
    expect(await decoded('[/ASCII85Decode /FlateDecode]', ascii85Encode(ZIPPED).replace(/(.{50})/g, '$1\n '))).toBe(ZIPPED.length + TEXT.length);
    for (let n = 1; n <= 4; n++) {
      // zeros after the zlib data, which it ignores: every length of the last group
      const data = Buffer.concat([ZIPPED, Buffer.alloc(n, 0)]);
      expect(await decoded('[/ASCII85Decode /FlateDecode]', ascii85Encode(data))).toBe(data.length + TEXT.length);
    }
    expect(await decoded('/ASCII85Decode', 'zz~>zzz')).toBe(8);
    expect(await decoded('/ASCII85Decode', '!!~>')).toBe(1);
    expect(await decoded('/ASCII85Decode', '!!!~>')).toBe(2);
    // a lone last character is no byte; z inside a group is not four zeros
    expect(await decoded('/ASCII85Decode', '!!!!!!~>')).toBe(4);
    expect(await decoded('/ASCII85Decode', '!!z!!!~>')).toBe(4);
    expect(await decoded('/ASCII85Decode', 'z', limits(4))).toBe(4);
    await expect(decoded('/ASCII85Decode', 'zz', limits(7))).rejects.toThrow(LimitExceededError);
  });
});
