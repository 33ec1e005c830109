import { crc32 } from 'node:zlib';
import { inspectZip, type ZipLimits } from '../../functions/core/detect/zip-archive.ts';
import { entry, writeZip } from '../fixtures/formats/builders.ts';

/**
 * An archive written again behind 300 KiB of stored padding, its own entries unchanged: a file
 * whose first local headers name none of its parts, so only the central directory tells its kind.
 */
export async function rezipBehindPadding(archive: Buffer, format: 'XLSX' | 'DOCX', limits: ZipLimits): Promise<Buffer> {
  const parts = new Map<string, Buffer[]>();
  await inspectZip(archive, format, limits, (name) => {
    parts.set(name, []);
    return (chunk) => parts.get(name)!.push(chunk);
  });
  const padding = Buffer.alloc(300 * 1024, 0x20);
  return writeZip([
    { name: 'docProps/padding.bin', data: padding, method: 0, crc: crc32(padding), size: padding.length },
    ...[...parts].map(([name, chunks]) => entry(name, Buffer.concat(chunks))),
  ]);
}
