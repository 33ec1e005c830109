import iconv from 'iconv-lite';
import { READ_WHOLE_MAX_BYTES, XLSX_LIMITS } from '../../functions/core/parse/container-limits.ts';
import { describe, expect, it } from 'vitest';
import { classifyFile, type FileBytes } from '../../functions/core/detect/classify-file.ts';
import { EmptyFileError, LimitExceededError, UnsupportedFormatError, ZipBombError } from '../../functions/core/errors.ts';
import { callLogDocx, callLogPdf, callLogXlsx, entry, manyEntriesZip, writeZip } from '../fixtures/formats/builders.ts';
import { rezipBehindPadding } from '../helpers/rezip.ts';

const HEAD = 256 * 1024;

function bytes(buf: Buffer): FileBytes & { reads: number } {
  const b = {
    reads: 0,
    head: buf.subarray(0, HEAD),
    readAll: () => {
      b.reads++;
      return Promise.resolve(buf);
    },
    readHead: (n: number) => Promise.resolve(buf.subarray(0, n)),
  };
  return b;
}

const classify = (buf: Buffer, filename?: string, declaredType?: string) =>
  classifyFile(bytes(buf), { size: buf.length, truncated: buf.length > HEAD, ...(filename ? { filename } : {}), ...(declaredType ? { declaredType } : {}) });

describe('classifyFile', () => {
  it('tells every format from its bytes, whatever the name says', async () => {
    const [xlsx, docx, pdf] = await Promise.all([callLogXlsx(), callLogDocx(), callLogPdf({ pages: 1, rowsPerPage: 5 })]);
    expect(await classify(xlsx, 'calls.csv', 'text/csv')).toMatchObject({ format: 'xlsx', typeMismatch: true, declaredType: 'text/csv' });
    expect(await classify(docx, 'calls.docx')).toMatchObject({ format: 'docx', typeMismatch: false });
    // the lines of a PDF split at its header: the title and account line above it, the calls below
    const fromPdf = await classify(pdf, 'calls.pdf');
    expect(fromPdf).toMatchObject({
      format: 'pdf',
      detectedType: 'application/pdf',
      encoding: 'utf-8',
      hasBom: false,
      pages: 1,
      rowEstimate: 5,
      headerRow: 2,
      headers: ['Date', 'Time', 'Number', 'Location', 'Minutes', 'Charge', 'Account Number'],
      contextColumns: ['Account Number'],
      sections: [
        { kind: 'voice', title: 'Acme Wireless - Call Detail', headerRow: 2, headers: ['Date', 'Time', 'Number', 'Location', 'Minutes', 'Charge'], accountNumber: '555-123-9876' },
      ],
    });
    expect(fromPdf.sampleRows).toHaveLength(5);
    expect(fromPdf.sampleRows[0]).toEqual(['10/02/2025', '2:01 PM', '(415) 604-1701', 'BOSTON MA', '2', '$1.10', '555-123-9876']);
    expect(fromPdf).not.toHaveProperty('warnings');
    expect(await classify(Buffer.from('[{"number":"+14155550100","minutes":3}]'), 'calls.json')).toMatchObject({ format: 'json', headers: ['number', 'minutes'] });
    expect(await classify(Buffer.from('{"n":"+14155550100"}\n{"n":"+14155550101"}\n'), 'calls.ndjson')).toMatchObject({ format: 'ndjson', headers: ['n'], rowEstimate: 2 });
  });

  it('detects UTF-16 LE/BE and Windows-1252 encodings of the same export', async () => {
    const text = 'Date,Number,City,Minutes\r\n10/02/2025,(415) 604-1791,Zürich,3\r\n10/03/2025,(415) 604-1792,Besançon,4\r\n';
    expect(await classify(iconv.encode(text, 'utf-16le', { addBOM: true }))).toMatchObject({ encoding: 'utf-16le', hasBom: true, rowEstimate: 2 });
    expect(await classify(iconv.encode(text, 'utf-16be'))).toMatchObject({ encoding: 'utf-16be', hasBom: false, rowEstimate: 2 });
    const cp = await classify(iconv.encode(text.repeat(3).replace(/\r\nDate,Number,City,Minutes/g, ''), 'windows-1252'));
    expect(cp).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
    expect(cp.sampleRows[0]![2]).toBe('Zürich');
    expect(await classify(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toMatchObject({ encoding: 'utf-8', hasBom: true });
  });

  it('refuses legacy XLS, HTML, other ZIPs and OpenDocument with a clear UnsupportedFormatError', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    await expect(classify(ole, 'old.xls')).rejects.toThrow(/Legacy Excel 97-2003 \(\.xls\) workbooks are not supported/);
    await expect(classify(Buffer.from('<html><table><tr><td>x</td></tr></table></html>'), 'report.xls')).rejects.toThrow(/looks like text\/html/);
    await expect(classify(writeZip([entry('photos/a.txt', 'x')]))).rejects.toThrow('This ZIP archive is not an XLSX or DOCX file');
    await expect(classify(writeZip([entry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), entry('content.xml', '<x/>')]))).rejects.toThrow(
      /OpenDocument files/,
    );
    for (const f of [ole, Buffer.from('<html></html>')]) await expect(classify(f)).rejects.toThrow(UnsupportedFormatError);
  });

  it('finds a workbook whose first local headers do not name xl/ from its central directory', async () => {
    // Re-zip a real workbook behind 300 KiB of stored padding: the head shows no xl/ entry.
    const padded = await rezipBehindPadding(await callLogXlsx(), 'XLSX', XLSX_LIMITS);
    expect(padded.subarray(0, HEAD).includes('xl/')).toBe(false);
    expect(await classify(padded, 'calls.xlsx')).toMatchObject({ format: 'xlsx', sheet: 'Calls', rowEstimate: 10 });
  });

  it('refuses a container over its size cap without reading it', async () => {
    const xlsx = await callLogXlsx();
    const b = bytes(xlsx);
    const err = await classifyFile(b, { size: READ_WHOLE_MAX_BYTES.xlsx + 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LimitExceededError);
    expect((err as Error).message).toMatch(/XLSX files are read whole and may be at most 104857600 bytes/);
    expect(b.reads).toBe(0);
  });

  it('fails empty files and entry-count bombs with their own error types', async () => {
    await expect(classify(Buffer.alloc(0))).rejects.toThrow(EmptyFileError);
    await expect(classify(manyEntriesZip(10_001))).rejects.toThrow(ZipBombError);
  });

  it('reads further than the head for a JSON record longer than the head', async () => {
    const big = JSON.stringify([{ note: 'x'.repeat(300 * 1024), number: '+14155550100' }, { number: '+14155550101' }]);
    expect(await classify(Buffer.from(big), 'big.json')).toMatchObject({ format: 'json', headers: ['note', 'number'] });
  });
});
