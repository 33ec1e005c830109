import { describe, expect, it } from 'vitest';
import { inspectZip, listZipEntries, type ZipLimits } from '../../functions/core/detect/zip-archive.ts';
import { CorruptFileError, LimitExceededError, TruncatedFileError, ZipBombError } from '../../functions/core/errors.ts';
import { callLogXlsx, entry, lyingZipXlsx, manyEntriesZip, writeZip, zipBombXlsx } from '../fixtures/formats/builders.ts';

const LIMITS: ZipLimits = { maxArchiveBytes: 50 * 1024 * 1024, maxEntries: 100, maxInflatedBytes: 64 * 1024 * 1024, maxEntryInflatedBytes: 32 * 1024 * 1024 };

describe('inspectZip', () => {
  it('inflates a real workbook once, handing each entry to the tap', async () => {
    const xlsx = await callLogXlsx();
    const seen = new Map<string, number>();
    const { entries, inflatedBytes } = await inspectZip(xlsx, 'XLSX', LIMITS, (name) => (chunk) => seen.set(name, (seen.get(name) ?? 0) + chunk.length));
    expect(entries.map((e) => e.name)).toContain('xl/workbook.xml');
    expect(inflatedBytes).toBe(entries.reduce((s, e) => s + e.uncompressedSize, 0));
    expect(seen.get('xl/workbook.xml')).toBe(entries.find((e) => e.name === 'xl/workbook.xml')!.uncompressedSize);
  });

  it('refuses a zip bomb from its directory, before inflating a byte', async () => {
    // two entries of 24 MiB each, honestly declared: 48 MiB against a 40 MiB limit
    const bomb = await zipBombXlsx(24);
    let tapped = 0;
    const limits = { ...LIMITS, maxInflatedBytes: 40 * 1024 * 1024 };
    const err = await inspectZip(bomb, 'XLSX', limits, () => (c) => (tapped += c.length)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZipBombError);
    expect((err as Error).message).toMatch(/would inflate to more than 41943040 bytes/);
    expect(tapped).toBe(0);
    expect(bomb.length).toBeLessThan(200 * 1024);
  });

  it('refuses one entry over the per-entry limit', async () => {
    const small = { ...LIMITS, maxEntryInflatedBytes: 1000 };
    await expect(inspectZip(writeZip([entry('xl/workbook.xml', 'x'.repeat(5000))]), 'XLSX', small)).rejects.toThrow(/entry "xl\/workbook.xml" would inflate to 5000 bytes/);
  });

  it('stops an entry that inflates past the size its directory declares', async () => {
    await expect(inspectZip(lyingZipXlsx(), 'XLSX', LIMITS)).rejects.toThrow(ZipBombError);
    await expect(inspectZip(lyingZipXlsx(), 'XLSX', LIMITS)).rejects.toThrow(/inflates to more bytes than its directory declares/);
  });

  it('refuses more entries than the limit', async () => {
    await expect(inspectZip(manyEntriesZip(150), 'XLSX', LIMITS)).rejects.toThrow(/154 ZIP entries, more than the limit of 100/);
  });

  it('calls a ZIP cut short truncated', async () => {
    const xlsx = await callLogXlsx();
    for (const cut of [0.5, 0.9, 0.99]) {
      await expect(inspectZip(xlsx.subarray(0, Math.floor(xlsx.length * cut)), 'XLSX', LIMITS)).rejects.toThrow(TruncatedFileError);
    }
    await expect(listZipEntries(xlsx.subarray(0, 100), 'ZIP')).rejects.toThrow(/central directory is missing/);
  });

  it('refuses bytes hidden between entries, where a streaming unzipper would find them', async () => {
    const a = writeZip([entry('a.xml', '<a/>')]);
    const b = entry('b.xml', '<b/>');
    // Rebuild with 100 junk bytes after the first entry's data: the directory offsets skip them.
    const zip = writeZip([entry('a.xml', '<a/>'), b]);
    const firstEnd = a.length - 22 - (46 + 'a.xml'.length);
    const junk = Buffer.alloc(100, 0x41);
    const spliced = Buffer.concat([zip.subarray(0, firstEnd), junk, zip.subarray(firstEnd)]);
    // Patch the central directory: b's offset and the directory offset move by 100.
    const cdStart = spliced.readUInt32LE(spliced.length - 22 + 16) + 100;
    spliced.writeUInt32LE(cdStart, spliced.length - 22 + 16);
    const bCentral = cdStart + 46 + 'a.xml'.length;
    spliced.writeUInt32LE(spliced.readUInt32LE(bCentral + 42) + 100, bCentral + 42);
    await expect(inspectZip(spliced, 'XLSX', LIMITS)).rejects.toThrow(CorruptFileError);
    await expect(inspectZip(spliced, 'XLSX', LIMITS)).rejects.toThrow(/100 unlisted bytes/);
  });

  it('refuses an archive over the size cap without opening it', async () => {
    await expect(inspectZip(Buffer.alloc(2048), 'DOCX', { ...LIMITS, maxArchiveBytes: 1024 })).rejects.toThrow(LimitExceededError);
  });
});
