import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspectZip, listZipEntries, openZipEntries, type ZipLimits } from '../../functions/core/detect/zip-archive.ts';
import { CorruptFileError, LimitExceededError, TruncatedFileError, ZipBombError } from '../../functions/core/errors.ts';
import { zipHeaders } from '../fixtures/formats/builders.ts';

const LIMITS: ZipLimits = { maxArchiveBytes: 1024 * 1024, maxEntries: 10, maxInflatedBytes: 1_000_000, maxEntryInflatedBytes: 500_000 };

interface Part {
  name: string;
  text: string;
  /** bytes stored as they are (default: deflated) */
  data?: Buffer;
  method?: number;
  /** inflated size written in the headers (default: the text's) */
  size?: number;
  /** compressed size written in the central directory (default: the data's) */
  centralCompressed?: number;
  /** junk bytes before the entry's local header, which the directory offsets skip */
  gapBefore?: number;
  /** the local header offset written in the central directory (default: where the header is) */
  offset?: number;
}

interface Layout {
  /** the central directory's records in this order of the parts (default: as written) */
  order?: number[];
  /** junk bytes between the last entry and the central directory */
  directoryGap?: number;
  comment?: Buffer;
  /** the directory's offset in a ZIP64 end record, the classic record saying 0xffffffff */
  zip64?: boolean;
}

/** A ZIP written by hand, each header where `parts` and `layout` put it. */
function layout(parts: Part[], options: Layout = {}): Buffer {
  const out: Buffer[] = [];
  const centrals: Buffer[] = [];
  let at = 0;
  const push = (b: Buffer) => {
    out.push(b);
    at += b.length;
  };
  for (const p of parts) {
    if (p.gapBefore) push(Buffer.alloc(p.gapBefore, 0x41));
    const raw = Buffer.from(p.text);
    const method = p.method ?? 8;
    const data = p.data ?? (method === 8 ? deflateRawSync(raw) : raw);
    const name = Buffer.from(p.name);
    const { local, central } = zipHeaders({ name, method, crc: crc32(raw), compressed: data.length, size: p.size ?? raw.length, centralCompressed: p.centralCompressed ?? data.length, offset: p.offset ?? at });
    centrals.push(central);
    push(Buffer.concat([local, name, data]));
  }
  if (options.directoryGap) push(Buffer.alloc(options.directoryGap, 0x41));
  const cdStart = at;
  const cd = Buffer.concat((options.order ?? parts.map((_, i) => i)).map((i) => centrals[i]!));
  push(cd);
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(parts.length), 24);
    record.writeBigUInt64LE(BigInt(parts.length), 32);
    record.writeBigUInt64LE(BigInt(cd.length), 40);
    record.writeBigUInt64LE(BigInt(cdStart), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(at), 8);
    locator.writeUInt32LE(1, 16);
    push(record);
    push(locator);
  }
  const comment = options.comment ?? Buffer.alloc(0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : cdStart, 16);
  end.writeUInt16LE(comment.length, 20);
  push(end);
  push(comment);
  return Buffer.concat(out);
}

const A = { name: 'a.xml', text: '<a>first</a>' };
const B = { name: 'b.xml', text: '<b>second</b>' };
const read = async (zip: Buffer): Promise<string> => {
  let text = '';
  await inspectZip(zip, 'XLSX', LIMITS, () => (chunk) => (text += String(chunk)));
  return text;
};
const failure = (zip: Buffer): Promise<unknown> => inspectZip(zip, 'XLSX', LIMITS).catch((err: unknown) => err);

describe('inspectZip: how the entries tile the archive', () => {
  it('reads an archive written by hand, as the fixtures write one', async () => {
    expect(await read(layout([A, B]))).toBe('<a>first</a><b>second</b>');
  });

  it('reads folder names written with backslashes, as some Windows tools write them, as paths', async () => {
    const names: string[] = [];
    const result = await inspectZip(layout([{ ...A, name: 'xl\\a.xml' }, B]), 'XLSX', LIMITS, (name) => (names.push(name), undefined));
    expect(result.entries.map((e) => e.name)).toEqual(['xl/a.xml', 'b.xml']);
    expect(names).toEqual(['xl/a.xml', 'b.xml']);
    expect(await listZipEntries(layout([{ ...A, name: 'xl\\a.xml' }]), 'ZIP')).toEqual(['xl/a.xml']);
  });

  it('takes a directory that lists the entries in another order than they are stored', async () => {
    const zip = layout([A, B], { order: [1, 0] });
    const result = await inspectZip(zip, 'XLSX', LIMITS);
    expect(result.entries.map((e) => e.name)).toEqual(['b.xml', 'a.xml']);
    expect(result.inflatedBytes).toBe(A.text.length + B.text.length);
  });

  it('allows up to 24 bytes (a data descriptor) between entries, and refuses 25, naming the entry after them', async () => {
    expect(await read(layout([A, { ...B, gapBefore: 24 }]))).toBe('<a>first</a><b>second</b>');
    expect(await failure(layout([A, { ...B, gapBefore: 25 }]))).toEqual(new CorruptFileError('The XLSX file is not a well-formed ZIP: 25 unlisted bytes sit before "b.xml"'));
    expect(await failure(layout([{ ...A, gapBefore: 25 }, B]))).toEqual(new CorruptFileError('The XLSX file is not a well-formed ZIP: 25 unlisted bytes sit before "a.xml"'));
  });

  it('refuses two entries that share their bytes', async () => {
    expect(await failure(layout([A, { ...B, offset: 0 }]))).toEqual(new CorruptFileError('The XLSX file is not a well-formed ZIP: entries overlap'));
  });

  it('allows up to 24 bytes before the central directory, and refuses 25', async () => {
    expect(await read(layout([A, B], { directoryGap: 24 }))).toBe('<a>first</a><b>second</b>');
    expect(await failure(layout([A, B], { directoryGap: 25 }))).toEqual(new CorruptFileError('The XLSX file is not a well-formed ZIP: 25 unlisted bytes sit before its directory'));
  });

  it('refuses an entry whose declared data runs into the central directory', async () => {
    const zip = layout([A, { ...B, centralCompressed: deflateRawSync(B.text).length + 5 }]);
    expect(await failure(zip)).toEqual(new CorruptFileError('The XLSX file is not a well-formed ZIP: entries overlap its directory'));
  });

  it('finds the directory behind an archive comment, up to the longest comment a ZIP can have', async () => {
    for (const length of [100, 0xffff]) {
      const comment = Buffer.alloc(length, 0x20);
      expect(await read(layout([A, B], { comment }))).toBe('<a>first</a><b>second</b>');
      expect(await failure(layout([A, B], { comment, directoryGap: 25 }))).toEqual(
        new CorruptFileError('The XLSX file is not a well-formed ZIP: 25 unlisted bytes sit before its directory'),
      );
    }
  });

  it('reads a ZIP64 archive, whose directory offset is in its ZIP64 record', async () => {
    expect(await read(layout([A, B], { zip64: true }))).toBe('<a>first</a><b>second</b>');
  });

  it('refuses an entry whose data runs past the end of the file, naming it', async () => {
    const zip = layout([A, { ...B, centralCompressed: 10_000 }]);
    const err = await failure(zip);
    expect(err).toBeInstanceOf(CorruptFileError);
    expect((err as Error).message).toMatch(/^The XLSX file is not a readable ZIP archive \(entry "b\.xml"\): file data overflows file bounds/);
  });
});

describe('inspectZip: what each broken part is called', () => {
  it('calls a bad local header corrupt, naming its entry', async () => {
    const zip = layout([A, B]);
    zip.writeUInt8(0, 0);
    expect(await failure(zip)).toEqual(new CorruptFileError('The XLSX file is not a readable ZIP archive (entry "a.xml"): invalid local file header signature: 0x4034b00'));
  });

  it('calls a bad central directory record corrupt, in every reader', async () => {
    const zip = layout([A, B]);
    const cd = zip.readUInt32LE(zip.length - 22 + 16);
    zip.writeUInt8(0, cd);
    const expected = new CorruptFileError('The XLSX file is not a readable ZIP archive: invalid central directory file header signature: 0x2014b00');
    expect(await failure(zip)).toEqual(expected);
    expect(await listZipEntries(zip, 'XLSX').catch((err: unknown) => err)).toEqual(expected);
    expect(await openZipEntries(zip, 'XLSX').catch((err: unknown) => err)).toEqual(expected);
  });

  it('calls a stored entry whose two sizes differ corrupt', async () => {
    const err = await failure(layout([A, { ...B, method: 0, size: 3 }]));
    expect(err).toEqual(new CorruptFileError('The XLSX file is not a readable ZIP archive: compressed/uncompressed size mismatch for stored file: 13 != 3'));
  });

  it('calls an entry that inflates to less than its directory declares truncated, naming it', async () => {
    const err = await failure(layout([A, { ...B, size: 20 }]));
    expect(err).toEqual(new TruncatedFileError('The XLSX file is truncated (entry "b.xml"): not enough bytes in the stream. expected 20. got only 13'));
  });

  it('calls deflated data cut short truncated, and deflated data that is not deflate corrupt', async () => {
    const long = 'x'.repeat(2000) + Array.from({ length: 500 }, (_, i) => i).join(',');
    const whole = deflateRawSync(long);
    const cut = await failure(layout([A, { name: 'b.xml', text: long, data: whole.subarray(0, whole.length >> 1) }]));
    expect(cut).toBeInstanceOf(TruncatedFileError);
    expect((cut as Error).message).toBe('The XLSX file is truncated (entry "b.xml"): unexpected end of file');
    const junk = await failure(layout([A, { ...B, data: Buffer.from([0xff, 0xff, 0xff, 0xff]) }]));
    expect(junk).toEqual(new CorruptFileError('The XLSX file is not a readable ZIP archive (entry "b.xml"): invalid block type'));
  });

  it('calls a compression method it cannot inflate corrupt, naming the entry', async () => {
    const err = await failure(layout([A, { ...B, method: 12, data: Buffer.from('BZh9') }]));
    expect(err).toEqual(new CorruptFileError('The XLSX file is not a readable ZIP archive (entry "b.xml"): unsupported compression method: 12'));
  });
});

describe('inspectZip: what the tap throws', () => {
  it("passes a reader's own limit and corruption errors on as they are", async () => {
    for (const thrown of [new LimitExceededError('The shared strings table is too big'), new CorruptFileError('The sheet is not XML'), new ZipBombError('Too many cells')]) {
      const err = await inspectZip(layout([A, B]), 'XLSX', LIMITS, (name) =>
        name === 'b.xml'
          ? () => {
              throw thrown;
            }
          : undefined,
      ).catch((e: unknown) => e);
      expect(err).toBe(thrown);
    }
  });

  it('calls anything else the tap throws a corrupt entry, naming it', async () => {
    const tap = () => () => {
      throw 'no sheet data';
    };
    const err = await inspectZip(layout([A, B]), 'XLSX', LIMITS, tap).catch((e: unknown) => e);
    expect(err).toEqual(new CorruptFileError('The XLSX file is not a readable ZIP archive (entry "a.xml"): no sheet data'));
  });
});

describe('openZipEntries', () => {
  it('opens nothing once closed', async () => {
    const entries = await openZipEntries(layout([A, B]), 'DOCX');
    entries.close();
    expect(await entries.open('a.xml').catch((err: unknown) => err)).toEqual(new CorruptFileError('The DOCX file is not a readable ZIP archive (entry "a.xml"): closed'));
  });
});
