import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../functions/core/detect/sniff-format.ts';
import { BinaryContentError, EmptyFileError } from '../../functions/core/errors.ts';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url));

/** Deterministic "random" bytes (xorshift), so a failure reproduces. */
function noise(length: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** The start of a ZIP: local file headers carry the entry names in plain text. */
function zipHead(...names: string[]): Buffer {
  const parts = names.map((name) => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(name.length, 26);
    return Buffer.concat([header, Buffer.from(name, 'latin1'), noise(200, name.length + 1)]);
  });
  return Buffer.concat(parts);
}

describe('sniffFormat', () => {
  it('calls delimited text csv, from the bytes', () => {
    expect(sniffFormat(fixture('att-wireless-calls.csv'), { filename: 'calls.csv', declaredType: 'text/csv' })).toEqual({
      format: 'csv',
      detectedType: 'text/csv',
      typeMismatch: false,
    });
  });

  it('recognises XLSX and DOCX by the entry names inside the ZIP', () => {
    const xlsx = zipHead('[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml');
    expect(sniffFormat(xlsx, { filename: 'usage.xlsx' })).toMatchObject({ format: 'xlsx', typeMismatch: false });
    const docx = zipHead('[Content_Types].xml', 'word/document.xml');
    expect(sniffFormat(docx, {}).format).toBe('docx');
    expect(sniffFormat(zipHead('photos/a.jpg'), {})).toMatchObject({ format: 'unknown', detectedType: 'application/zip' });
  });

  it('recognises PDF and legacy XLS (OLE2) and flags a misleading name', () => {
    const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
    expect(sniffFormat(pdf, { filename: 'statement.csv', declaredType: 'text/csv' })).toEqual({
      format: 'pdf',
      detectedType: 'application/pdf',
      typeMismatch: true,
    });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(sniffFormat(ole, { filename: 'report.xls' })).toMatchObject({ format: 'xls', typeMismatch: false });
  });

  it('flags CSV bytes behind an .xlsx name, but not behind the Excel MIME type browsers send for .csv', () => {
    const csv = fixture('pipe-delimited.txt');
    expect(sniffFormat(csv, { filename: 'export.xlsx' }).typeMismatch).toBe(true);
    expect(sniffFormat(csv, { filename: 'export.csv', declaredType: 'application/vnd.ms-excel' }).typeMismatch).toBe(false);
    expect(sniffFormat(csv, { declaredType: 'application/octet-stream' }).typeMismatch).toBe(false);
  });

  it('tells JSON from NDJSON', () => {
    const json = Buffer.from('  [\n  {"number": "+12145550187", "duration": 187},\n  {"number": "+19725550143"}\n]\n');
    expect(sniffFormat(json, { filename: 'calls.json' })).toMatchObject({ format: 'json', detectedType: 'application/json' });
    const ndjson = Buffer.from('{"number":"+12145550187","duration":187}\n{"number":"+19725550143","duration":12}\n{"number":"+14695550199"');
    expect(sniffFormat(ndjson, {})).toMatchObject({ format: 'ndjson', detectedType: 'application/x-ndjson' });
    expect(sniffFormat(Buffer.from('[Report]\nName,Phone\nAda,555-0100\n'), {}).format).toBe('csv');
    // a broken line among objects is still NDJSON (Parse rejects that row)
    expect(sniffFormat(Buffer.from('{"n":1}\n{"n":2}\n{"n": broken}\n'), {}).format).toBe('ndjson');
    expect(sniffFormat(Buffer.from('{\n  "calls": [{"n": 1}]\n}\n'), {}).format).toBe('json');
  });

  it('reads UTF-16 text as text despite its NUL bytes', () => {
    const text = 'Date,Number,Minutes\n01/02/2024,972-555-0143,3\n';
    expect(sniffFormat(iconv.encode(text, 'utf-16le', { addBOM: true }), {}).format).toBe('csv');
    expect(sniffFormat(iconv.encode(text, 'utf-16le'), {}).format).toBe('csv');
    expect(sniffFormat(iconv.encode(text, 'utf-16be'), {}).format).toBe('csv');
  });

  it('rejects a PNG named .csv, naming what it looks like', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(4096)]);
    expect(() => sniffFormat(png, { filename: 'calls.csv', declaredType: 'text/csv' })).toThrow(BinaryContentError);
    expect(() => sniffFormat(png, { filename: 'calls.csv' })).toThrow(/"calls\.csv" looks like a PNG image/);
  });

  it('rejects gzip, ELF and random bytes as binary', () => {
    expect(() => sniffFormat(Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08]), noise(100)]), {})).toThrow(/gzip archive/);
    expect(() => sniffFormat(Buffer.concat([Buffer.from('\x7fELF', 'latin1'), noise(100)]), {})).toThrow(/ELF executable/);
    expect(() => sniffFormat(noise(8192), { filename: 'junk.csv' })).toThrow(BinaryContentError);
    expect(() => sniffFormat(noise(8192), {})).toThrow(/binary data/);
  });

  it('rejects text with NUL bytes that is not UTF-16', () => {
    const text = Buffer.from('Date,Number\n01/02/2024,972-555-0143\n');
    text[12] = 0;
    expect(() => sniffFormat(text, {})).toThrow(/NUL bytes \(first at byte 12\)/);
  });

  it('throws EmptyFileError for zero bytes and for whitespace only', () => {
    expect(() => sniffFormat(Buffer.alloc(0), { filename: 'empty.csv' })).toThrow(EmptyFileError);
    expect(() => sniffFormat(Buffer.from(' \r\n\t\r\n  '), {})).toThrow(/only whitespace/);
    expect(() => sniffFormat(Buffer.from('\xef\xbb\xbf\r\n', 'latin1'), {})).toThrow(EmptyFileError);
  });

  it('reports HTML saved as .xls as an unknown format, not as CSV', () => {
    const html = Buffer.from('<html><body><table><tr><td>Date</td></tr></table></body></html>');
    expect(sniffFormat(html, { filename: 'report.xls' })).toEqual({ format: 'unknown', detectedType: 'text/html', typeMismatch: true });
  });
});
