import { describe, expect, it } from 'vitest';
import { classifyFile, type FileBytes } from '../../functions/core/detect/classify-file.ts';
import { DOCX_LIMITS, READ_WHOLE_MAX_BYTES } from '../../functions/core/parse/container-limits.ts';
import { HeaderNotFoundError, TruncatedFileError, UnsupportedFormatError } from '../../functions/core/errors.ts';
import { callLogDocx, callLogXlsx, entry, writeZip } from '../fixtures/formats/builders.ts';
import { rezipBehindPadding } from '../helpers/rezip.ts';

const HEAD = 256 * 1024;

function bytes(buf: Buffer, withReadHead = true): FileBytes & { reads: number } {
  const b: FileBytes & { reads: number } = {
    reads: 0,
    head: buf.subarray(0, HEAD),
    readAll: () => {
      b.reads++;
      return Promise.resolve(buf);
    },
  };
  if (withReadHead) b.readHead = (n: number) => Promise.resolve(buf.subarray(0, n));
  return b;
}

describe('classifyFile: ZIPs told by their central directory', () => {
  it('finds a DOCX whose first local headers do not name word/', async () => {
    const padded = await rezipBehindPadding(await callLogDocx(), 'DOCX', DOCX_LIMITS);
    expect(padded.subarray(0, HEAD).includes('word/')).toBe(false);
    expect(await classifyFile(bytes(padded), { size: padded.length, filename: 'calls.docx' })).toMatchObject({ format: 'docx', table: 1 });
  });

  it('reads an unknown ZIP up to the XLSX cap, and refuses a larger one unread', async () => {
    const zip = writeZip([entry('photos/a.txt', 'x')]);
    const atCap = bytes(zip);
    await expect(classifyFile(atCap, { size: READ_WHOLE_MAX_BYTES.xlsx })).rejects.toThrow('This ZIP archive is not an XLSX or DOCX file');
    expect(atCap.reads).toBe(1);
    const over = bytes(zip);
    await expect(classifyFile(over, { size: READ_WHOLE_MAX_BYTES.xlsx + 1 })).rejects.toThrow('This ZIP archive is not an XLSX or DOCX file');
    expect(over.reads).toBe(0);
  });

  it('names OpenDocument only when both its mimetype and content.xml are there', async () => {
    for (const names of [['content.xml'], ['mimetype']]) {
      const zip = writeZip(names.map((n) => entry(n, '<x/>')));
      const err = await classifyFile(bytes(zip), { size: zip.length }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnsupportedFormatError);
      expect((err as Error).message).toBe('This ZIP archive is not an XLSX or DOCX file');
    }
  });
});

describe('classifyFile: a JSON record longer than the head', () => {
  const big = Buffer.from(JSON.stringify([{ note: 'x'.repeat(300 * 1024), number: '+14155550100' }, { number: '+14155550101' }]));

  it('reads further only when the file is longer than the head and more can be read', async () => {
    // the head is the whole file by its size: the record is cut, nothing more to read
    await expect(classifyFile(bytes(big), { size: HEAD })).rejects.toThrow(TruncatedFileError);
    await expect(classifyFile(bytes(big, false), { size: big.length })).rejects.toThrow(HeaderNotFoundError);
    expect(await classifyFile(bytes(big), { size: big.length })).toMatchObject({ format: 'json', headers: ['note', 'number'], rowEstimate: 2 });
  });

  it('does not read further for a whole file without a header', async () => {
    const scalars = Buffer.from('[1,2]');
    let more = 0;
    const b: FileBytes = { head: scalars, readAll: () => Promise.resolve(scalars), readHead: (n) => (more++, Promise.resolve(scalars.subarray(0, n))) };
    await expect(classifyFile(b, { size: scalars.length })).rejects.toThrow(HeaderNotFoundError);
    expect(more).toBe(0);
  });

  it('sniffs again on the longer head: a long first NDJSON line', async () => {
    const lines = Buffer.from(`${JSON.stringify({ note: 'y'.repeat(300 * 1024), n: '+14155550100' })}\n{"note":"z","n":"+14155550101"}\n`);
    expect(await classifyFile(bytes(lines), { size: lines.length, filename: 'calls.ndjson' })).toMatchObject({
      format: 'ndjson',
      detectedType: 'application/x-ndjson',
      headers: ['note', 'n'],
      rowEstimate: 2,
    });
  });
});

describe('classifyFile: a sheet longer than the sample', () => {
  it('estimates its rows from the declared used range, not the records sampled', async () => {
    const xlsx = await callLogXlsx({ rows: 1200 });
    const c = await classifyFile(bytes(xlsx), { size: xlsx.length });
    expect(c).toMatchObject({ format: 'xlsx', sheet: 'Calls', sheetNames: ['Read me', 'Calls'] });
    // the used range's last row, less the rows above the header: about the 1200 calls and the total row
    expect(c.rowEstimate).toBeGreaterThanOrEqual(1200);
    expect(c.rowEstimate).toBeLessThan(1210);
  });
});
