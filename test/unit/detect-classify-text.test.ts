import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { classifyText } from '../../functions/core/detect/classify-text.ts';
import { readHead } from '../../functions/core/detect/read-head.ts';
import { BinaryContentError, EmptyFileError, LimitExceededError, UnsupportedFormatError } from '../../functions/core/errors.ts';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url));

describe('classifyText', () => {
  it('returns the delimited-text part of a Classification for an AT&T export', () => {
    const bytes = fixture('att-wireless-calls.csv');
    const c = classifyText(bytes, { filename: 'wireless.csv', declaredType: 'text/csv', size: bytes.length });
    expect(c).toMatchObject({
      format: 'csv',
      declaredType: 'text/csv',
      detectedType: 'text/csv',
      typeMismatch: false,
      encoding: 'utf-8',
      hasBom: false,
      delimiter: ',',
      headerRow: 4,
      lineEnding: 'lf',
      rowEstimate: 9, // the whole file was seen: an exact count
    });
    expect(c.headers[0]).toBe('Item');
    expect(c.sampleRows).toHaveLength(9);
  });

  it('reads a UTF-16LE file with BOM', () => {
    const bytes = iconv.encode(fixture('verizon-usage.tsv').toString('utf8'), 'utf-16le', { addBOM: true });
    const c = classifyText(bytes, { filename: 'usage.txt', size: bytes.length });
    expect(c).toMatchObject({ encoding: 'utf-16le', hasBom: true, delimiter: '\t', detectedType: 'text/tab-separated-values', headerRow: 0 });
    expect(c.headers).toContain('Origination');
  });

  it('reads a Windows-1252 export with accented characters', () => {
    const text = fixture('european-export-semicolon.csv').toString('utf8').replace('Einzelverbindungsnachweis', 'Einzelverbindungsübersicht für Müller');
    const rows = Array.from({ length: 20 }, (_, i) => `0${(i % 9) + 1}.02.2024;10:0${i % 10}:00;+33 1 4020 5317;ausgehend;${60 + i};0,${10 + i} (Café)\n`);
    const bytes = iconv.encode(text + rows.join(''), 'windows-1252');
    const c = classifyText(bytes, { filename: 'evn.csv' });
    expect(c).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headerRow: 4 });
  });

  it('estimates the row count of a large file from its head', () => {
    const line = '1,TUE,01/02/2024,8:14AM,972-555-0143,"DALLAS, TX",3,NW,,$0.00,$0.00,$0.00\n';
    const head = Buffer.from(fixture('att-wireless-calls.csv').toString('utf8').split('Subtotal')[0] + line.repeat(200));
    const size = 1_000_000 * line.length;
    const c = classifyText(head, { size });
    expect(c.rowEstimate).toBeGreaterThan(900_000);
    expect(c.rowEstimate).toBeLessThan(1_100_000);
  });

  it('counts past the records it examines when the head is the whole file', () => {
    const body = Array.from({ length: 2000 }, (_, i) => `${i + 1},972-555-${String(i).padStart(4, '0')},${i % 30}\n`).join('');
    const bytes = Buffer.from(`Item,Number,Min\n${body}`);
    const c = classifyText(bytes, { size: bytes.length });
    expect(c.rowEstimate).toBeGreaterThan(1900); // an estimate: the first rows are shorter
    expect(c.rowEstimate).toBeLessThan(2100);
  });

  it('leaves formats that are not delimited text to classifyFile', () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('xl/workbook.xml')]);
    expect(() => classifyText(zip, { filename: 'usage.xlsx' })).toThrow(UnsupportedFormatError);
    expect(() => classifyText(zip, { filename: 'usage.xlsx' })).toThrow('Not delimited text: the file looks like XLSX');
    expect(() => classifyText(Buffer.from('%PDF-1.4\n'), {})).toThrow(/looks like PDF/);
    expect(() => classifyText(Buffer.from('{"a":1}\n{"a":2}\n'), {})).toThrow(/looks like NDJSON/);
    // a format classifyFile does not read either is named by its type
    expect(() => classifyText(Buffer.from('<html><body>x</body></html>'), {})).toThrow('Not delimited text: the file looks like text/html');
  });

  it('lists the sections of a multi-section export and the unified header Parse will emit', () => {
    const text = [
      'AT&T',
      'Account Number: 287-445-1093',
      'Voice Usage',
      'Item,Date,Number Called,Min',
      '1,10/02/2025,(415) 604-1791,3',
      '2,10/02/2025,(415) 604-1792,4',
      'Total,,,7',
      '',
      'AT&T',
      'Account Number: 287-445-1093',
      'Data Usage',
      'Item,Date,Type,KB',
      '1,10/03/2025,Data,1000',
    ].join('\n');
    const c = classifyText(Buffer.from(text), { size: text.length });
    expect(c).toMatchObject({
      headerRow: 3,
      headers: ['Item', 'Date', 'Number Called', 'Min', 'Account Number', 'Type', 'KB', 'Section'],
      contextColumns: ['Account Number', 'Section'],
      sections: [
        { kind: 'voice', title: 'Voice Usage', headerRow: 3, accountNumber: '287-445-1093', headers: ['Item', 'Date', 'Number Called', 'Min'] },
        { kind: 'data', title: 'Data Usage', headerRow: 11, accountNumber: '287-445-1093', headers: ['Item', 'Date', 'Type', 'KB'] },
      ],
      rowEstimate: 3,
    });
    expect(c.sampleRows[2]).toEqual(['1', '10/03/2025', '', '', '287-445-1093', 'Data', '1000', 'data']);
  });

  it('refuses a header too long to store on the job', () => {
    const wide = Array.from({ length: 3000 }, (_, i) => `A rather long column name number ${i}`).join(',');
    const row = Array.from({ length: 3000 }, (_, i) => String(i)).join(',');
    expect(() => classifyText(Buffer.from(`${wide}\n${row}\n`), {})).toThrow(LimitExceededError);
  });

  it('passes on empty and binary errors', () => {
    expect(() => classifyText(Buffer.alloc(0), {})).toThrow(EmptyFileError);
    expect(() => classifyText(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), {})).toThrow(BinaryContentError);
  });
});

describe('readHead', () => {
  it('returns the first bytes and stops reading the source', async () => {
    let pulled = 0;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield Buffer.alloc(1000, 0x61 + (i % 26));
      }
    }
    const head = await readHead(chunks(), 2500);
    expect(head.length).toBe(2500);
    expect(head.subarray(2000).toString()).toBe('c'.repeat(500));
    expect(pulled).toBe(3);
  });

  it('returns the whole of a short Node stream', async () => {
    const head = await readHead(Readable.from([Buffer.from('Name,Phone\n'), Buffer.from('Ada,555-0100\n')]), 64 * 1024);
    expect(head.toString()).toBe('Name,Phone\nAda,555-0100\n');
  });
});
