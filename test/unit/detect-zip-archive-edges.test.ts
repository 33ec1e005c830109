import { describe, expect, it } from 'vitest';
import { inspectZip, listZipEntries, openZipEntries, type ZipLimits } from '../../functions/core/detect/zip-archive.ts';
import { CorruptFileError, LimitExceededError, UnsupportedFormatError, ZipBombError } from '../../functions/core/errors.ts';
import { entry, writeZip } from '../fixtures/formats/builders.ts';

const LIMITS: ZipLimits = { maxArchiveBytes: 1024 * 1024, maxEntries: 10, maxInflatedBytes: 10_000, maxEntryInflatedBytes: 5_000 };
const text = async (stream: NodeJS.ReadableStream): Promise<string> => {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out;
};

describe('inspectZip: the limits at their bounds', () => {
  it('takes an archive, an entry count and inflated sizes exactly at the limits', async () => {
    const zip = writeZip([entry('a.xml', 'a'.repeat(5_000)), entry('b.xml', 'b'.repeat(5_000))]);
    const limits = { maxArchiveBytes: zip.length, maxEntries: 2, maxInflatedBytes: 10_000, maxEntryInflatedBytes: 5_000 };
    const seen: string[] = [];
    const result = await inspectZip(zip, 'XLSX', limits, undefined, (e) => seen.push(`${e.name}:${e.uncompressedSize}`));
    expect(result.inflatedBytes).toBe(10_000);
    expect(result.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['a.xml', 5_000],
      ['b.xml', 5_000],
    ]);
    expect(seen).toEqual(['a.xml:5000', 'b.xml:5000']);
  });

  it('refuses one byte over each limit, naming the file and the limit', async () => {
    const zip = writeZip([entry('a.xml', 'a'.repeat(5_000)), entry('b.xml', 'b'.repeat(5_001))]);
    await expect(inspectZip(zip, 'XLSX', { ...LIMITS, maxArchiveBytes: zip.length - 1 })).rejects.toThrow(
      new LimitExceededError(`The XLSX file is ${zip.length} bytes, more than the limit of ${zip.length - 1} for this format`),
    );
    await expect(inspectZip(zip, 'DOCX', { ...LIMITS, maxEntries: 1 })).rejects.toThrow(new ZipBombError('The DOCX file has 2 ZIP entries, more than the limit of 1'));
    await expect(inspectZip(zip, 'XLSX', LIMITS)).rejects.toThrow(
      new ZipBombError('The XLSX entry "b.xml" would inflate to 5001 bytes, more than the limit of 5000'),
    );
    await expect(inspectZip(zip, 'XLSX', { ...LIMITS, maxEntryInflatedBytes: 6_000 })).rejects.toThrow(
      new ZipBombError('The XLSX file would inflate to more than 10000 bytes (a zip bomb, or too large to read)'),
    );
  });

  it('skips directory entries and hands the tap only the entries it asks for', async () => {
    const zip = writeZip([entry('xl/', ''), entry('xl/a.xml', '<a/>'), entry('xl/b.xml', '<b/>')]);
    const taps: string[] = [];
    const got: string[] = [];
    const result = await inspectZip(zip, 'XLSX', LIMITS, (name) => {
      taps.push(name);
      return name.endsWith('a.xml') ? (chunk) => got.push(String(chunk)) : undefined;
    });
    expect(taps).toEqual(['xl/a.xml', 'xl/b.xml']);
    expect(got.join('')).toBe('<a/>');
    expect(result.inflatedBytes).toBe(8);
  });

  it('refuses an encrypted entry as password-protected', async () => {
    const zip = writeZip([entry('a.xml', '<a/>')]);
    // general-purpose flag bit 0 (encrypted) in the local and the central header
    zip.writeUInt16LE(zip.readUInt16LE(6) | 1, 6);
    const central = zip.readUInt32LE(zip.length - 22 + 16);
    zip.writeUInt16LE(zip.readUInt16LE(central + 8) | 1, central + 8);
    await expect(inspectZip(zip, 'XLSX', LIMITS)).rejects.toThrow(UnsupportedFormatError);
    await expect(inspectZip(zip, 'XLSX', LIMITS)).rejects.toThrow('The XLSX file is password-protected');
  });
});

describe('listZipEntries', () => {
  it('lists the names, and refuses more entries than asked', async () => {
    const zip = writeZip([entry('a.xml', '<a/>'), entry('b.xml', '<b/>')]);
    expect(await listZipEntries(zip, 'ZIP')).toEqual(['a.xml', 'b.xml']);
    expect(await listZipEntries(zip, 'ZIP', 2)).toEqual(['a.xml', 'b.xml']);
    await expect(listZipEntries(zip, 'ZIP', 1)).rejects.toThrow(new ZipBombError('The ZIP file has 2 ZIP entries, more than the limit of 1'));
  });
});

describe('openZipEntries', () => {
  it('opens entries by name in any order, and names a missing one', async () => {
    const zip = writeZip([entry('a.xml', '<a/>'), entry('b.xml', '<b/>')]);
    const entries = await openZipEntries(zip, 'XLSX');
    try {
      expect(entries.has('b.xml')).toBe(true);
      expect(entries.has('c.xml')).toBe(false);
      expect(await text(await entries.open('b.xml'))).toBe('<b/>');
      expect(await text(await entries.open('a.xml'))).toBe('<a/>');
      await expect(entries.open('c.xml')).rejects.toThrow(new CorruptFileError('The XLSX file has no entry "c.xml"'));
    } finally {
      entries.close();
    }
  });

  it('calls a file without a directory truncated', async () => {
    await expect(openZipEntries(Buffer.from('PK\x03\x04 not a zip'), 'DOCX')).rejects.toThrow(
      'The DOCX file is truncated or not a complete ZIP archive: its central directory is missing',
    );
  });
});
