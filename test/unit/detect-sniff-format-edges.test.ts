import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../functions/core/detect/sniff-format.ts';
import { BinaryContentError, EmptyFileError } from '../../functions/core/errors.ts';

const text = (s: string): Buffer => Buffer.from(s, 'utf8');
const bytes = (...b: number[]): Buffer => Buffer.from(b);
const CSV = 'Date,Number,Minutes\n01/02/2024,972-555-0143,3\n';

describe('sniffFormat: containers', () => {
  it('takes an empty ZIP for a ZIP', () => {
    expect(sniffFormat(Buffer.concat([bytes(0x50, 0x4b, 0x05, 0x06), Buffer.alloc(18)]))).toEqual({ format: 'unknown', detectedType: 'application/zip', typeMismatch: false });
  });

  it('finds a PDF header within the first 1024 bytes only', () => {
    expect(sniffFormat(text(' '.repeat(1019) + '%PDF-1.4\n')).format).toBe('pdf');
    expect(sniffFormat(text(' '.repeat(1020) + '%PDF-1.4\n')).format).toBe('csv');
  });

  it('takes no short head for a signature it only begins', () => {
    expect(sniffFormat(text('GIF')).format).toBe('csv');
    expect(sniffFormat(text('RIFFxxxxWEB')).format).toBe('csv');
  });
});

describe('sniffFormat: known binary signatures', () => {
  const after = (head: readonly number[] | string): Buffer =>
    Buffer.concat([typeof head === 'string' ? Buffer.from(head, 'latin1') : Buffer.from(head), Buffer.alloc(64, 0x41)]);

  it.each([
    ['a PNG image', after([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['a JPEG image', after([0xff, 0xd8, 0xff])],
    ['a GIF image', after('GIF89a')],
    ['a WebP image', after('RIFF\x24\x00\x00\x00WEBPVP8 ')],
    ['a TIFF image', after([0x49, 0x49, 0x2a, 0x00])],
    ['a TIFF image', after([0x4d, 0x4d, 0x00, 0x2a])],
    ['an MP4/QuickTime video', after('\x00\x00\x00\x20ftypisom')],
    ['an ELF executable', after([0x7f, 0x45, 0x4c, 0x46])],
    ['a Mach-O executable', after([0xcf, 0xfa, 0xed, 0xfe])],
    ['a WebAssembly module', after([0x00, 0x61, 0x73, 0x6d])],
    ['a gzip archive', after([0x1f, 0x8b])],
    ['a 7-Zip archive', after([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])],
    ['a RAR archive', after('Rar!\x1a\x07\x00')],
    ['an xz archive', after([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])],
    ['a zstd archive', after([0x28, 0xb5, 0x2f, 0xfd])],
    ['a SQLite database', after('SQLite format 3\0')],
  ])('names %s', (what, head) => {
    expect(() => sniffFormat(head, { filename: 'calls.csv' })).toThrow(`The file "calls.csv" looks like ${what}, not a text or spreadsheet file`);
  });

  it('takes no signature one byte off for one', () => {
    expect(sniffFormat(after('GIF7')).format).toBe('csv');
    expect(sniffFormat(after('Rar?')).format).toBe('csv');
    expect(sniffFormat(after('SQLite format 2')).format).toBe('csv');
  });
});

describe('sniffFormat: control bytes', () => {
  const with100 = (control: number, count: number): Buffer => {
    const b = Buffer.alloc(100, 0x41);
    for (let i = 0; i < count; i++) b[10 + i * 7] = control;
    return b;
  };

  it.each([0x01, 0x08, 0x0e, 0x1b, 0x1f, 0x7f])('takes 3 %i bytes in 100 for binary, 2 for text', (control) => {
    expect(sniffFormat(with100(control, 2)).format).toBe('csv');
    expect(() => sniffFormat(with100(control, 3))).toThrow('The file looks like binary data, not text: 3.0% of its first bytes are control characters');
  });

  it.each([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a])('takes %i for text', (control) => {
    expect(sniffFormat(with100(control, 10)).format).toBe('csv');
  });

  it('names where the first NUL is', () => {
    const b = text(CSV);
    b[5] = 0;
    b[20] = 0;
    expect(() => sniffFormat(b, { filename: 'a.csv' })).toThrow('The file "a.csv" looks like binary data, not text: it contains NUL bytes (first at byte 5)');
    expect(() => sniffFormat(b)).toThrow(BinaryContentError);
  });

  it('reads UTF-16 big-endian text with a BOM as text', () => {
    expect(sniffFormat(iconv.encode(CSV, 'utf-16be', { addBOM: true })).format).toBe('csv');
  });
});

describe('sniffFormat: whitespace', () => {
  it('passes a blank head of a larger file to the parser, and refuses a blank whole file', () => {
    expect(sniffFormat(text('   \n  '), { size: 7 })).toEqual({ format: 'csv', detectedType: 'text/csv', typeMismatch: false });
    expect(() => sniffFormat(text('   \n  '), { size: 6 })).toThrow(EmptyFileError);
    expect(() => sniffFormat(text('   \n  '), { filename: 'blank.csv' })).toThrow('The file "blank.csv" contains only whitespace');
    expect(() => sniffFormat(Buffer.alloc(0))).toThrow('The file is empty (0 bytes)');
  });

  it('skips every kind of blank before the first character', () => {
    for (const blank of [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\uFEFF']) {
      expect(sniffFormat(text(`${blank}{"a": 1}`)).format).toBe('json');
    }
    expect(sniffFormat(iconv.encode(`\uFEFF\uFEFF<html>`, 'utf-16le')).detectedType).toBe('text/html');
  });
});

describe('sniffFormat: markup', () => {
  it.each([
    ['<!DOCTYPE html><html>', 'text/html'],
    ['<HTML><body>', 'text/html'],
    ['<table><tr><td>1</td></tr></table>', 'text/html'],
    ['<?xml version="1.0"?><calls/>', 'application/xml'],
  ])('takes %j for %s', (head, type) => {
    expect(sniffFormat(text(`\n  ${head}`))).toMatchObject({ format: 'unknown', detectedType: type });
  });

  it('takes other text opening with < for delimited text', () => {
    expect(sniffFormat(text('<Name>,<Phone>\nAda,555-0100\n')).format).toBe('csv');
  });
});

describe('sniffFormat: JSON and NDJSON', () => {
  const format = (s: string): string => sniffFormat(text(s)).format;

  it('reads the lines from the first character on, blank lines and spaces around an object left out', () => {
    expect(format('\n'.repeat(19) + '{"n":1}\n{"n":2}\n')).toBe('ndjson');
    expect(format('{"n":1}\n\n{"n":2}\n')).toBe('ndjson');
    expect(format('  {"n":1}  \n{"n":2}\t\n')).toBe('ndjson');
  });

  it('takes lines of objects for NDJSON when more than half of them parse', () => {
    expect(format('{"n":1}\n{"n":2}\n{"n":3}\n{"n": broken}\n')).toBe('ndjson');
    expect(format('{"n":1}\n{"n":2}\n{"n": broken}\n{"n": broken}\n')).toBe('json');
    expect(format('{"n":1}\r\n{"n":2}\r\n')).toBe('ndjson');
  });

  it('needs each line to open and close as an object', () => {
    expect(format('{"n":1}\n{"n":2}\n{"n":3} tail\n')).toBe('json');
    expect(format('{"n":1}\n{"n":2}\n"n": 3}\n')).toBe('json');
  });

  it('needs two whole lines, each an object', () => {
    // the last line may be cut: one whole line and a cut one is not two
    expect(format('{"n":1}\n{"n":2')).toBe('ndjson');
    expect(format('{"n":1}\n"x"\n{"n":2}\n')).toBe('json');
    expect(format('{"n":1}\n{"n":2} x\n')).toBe('json');
  });

  it('takes one whole object line followed by the start of another for NDJSON', () => {
    expect(format('{"n":1}\n{"n":')).toBe('ndjson');
    expect(format('{"n":1}\n  {"n":')).toBe('ndjson');
    // not when that line does not parse, or what follows is no object
    expect(format('{"n":1,}\n{"n":')).toBe('json');
    expect(format('{"n":1}\n"n"')).toBe('json');
    expect(format('{"n":\n{"n":')).toBe('json');
    expect(format('{"n":1}\n{"n":2} x\n{"n":')).toBe('json');
    expect(format('[1]\n{"n":')).toBe('json');
    expect(format('{"n":')).toBe('json');
  });

  it('takes { for JSON only before a key or a closing brace', () => {
    expect(format('{}')).toBe('json');
    expect(format('{ "a": 1 }')).toBe('json');
    expect(format('{a}\n')).toBe('csv');
    expect(format('{')).toBe('csv');
  });

  it.each(['[[1]]', '[{"a":1}]', '["a"]', '[1]', '[-1]', '[]', '[true]', '[false]', '[null]', '[ 1 ]'])('takes %j for JSON', (s) => {
    expect(format(s)).toBe('json');
  });

  it.each(['[Header]\nName\n', '[', '[ ', '[x]'])('takes %j for text', (s) => {
    expect(format(s)).toBe('csv');
  });
});

describe('sniffFormat: the declared type and the file name', () => {
  const csv = text(CSV);
  const mismatch = (hints: { filename?: string; declaredType?: string }): boolean => sniffFormat(csv, hints).typeMismatch;

  it.each(['a.csv', 'a.tsv', 'a.tab', 'a.psv', 'a.txt', 'a.dat', 'A.CSV', 'a.unknown', 'noextension', 'a.csv.'])('takes %j for delimited text', (filename) => {
    expect(mismatch({ filename })).toBe(false);
  });

  it.each(['a.xlsx', 'a.xlsm', 'a.xls', 'a.pdf', 'a.docx', 'a.json', 'a.ndjson', 'a.jsonl', 'a.csv.xlsx'])('flags delimited text named %j', (filename) => {
    expect(mismatch({ filename })).toBe(true);
  });

  it.each([
    'text/csv',
    'application/csv',
    'text/x-csv',
    'text/comma-separated-values',
    'text/tab-separated-values',
    'text/plain',
    'application/vnd.ms-excel',
    'Text/CSV; charset=utf-8',
    ' text/csv ',
    'application/octet-stream',
  ])('takes %j for delimited text', (declaredType) => {
    expect(mismatch({ declaredType })).toBe(false);
  });

  it.each([
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/json',
    'application/x-ndjson',
    'application/jsonl',
    'application/json ; charset=utf-8',
  ])('flags delimited text declared %j', (declaredType) => {
    expect(mismatch({ declaredType })).toBe(true);
  });

  it('takes a name or type that is a property of every object for an unknown one (it threw a TypeError)', () => {
    for (const name of ['constructor', 'hasownproperty']) {
      expect(mismatch({ filename: `a.${name}` })).toBe(false);
      expect(mismatch({ declaredType: name })).toBe(false);
    }
  });

  it('takes JSON and NDJSON under each other\'s names', () => {
    const ndjson = text('{"n":1}\n{"n":2}\n');
    const json = text('[{"n":1}]');
    for (const filename of ['a.json', 'a.ndjson', 'a.jsonl']) {
      expect(sniffFormat(ndjson, { filename }).typeMismatch).toBe(false);
      expect(sniffFormat(json, { filename }).typeMismatch).toBe(false);
    }
    for (const declaredType of ['application/json', 'application/x-ndjson', 'application/jsonl']) {
      expect(sniffFormat(ndjson, { declaredType }).typeMismatch).toBe(false);
      expect(sniffFormat(json, { declaredType }).typeMismatch).toBe(false);
    }
  });

  it('takes each container under its own name and type', () => {
    const pdf = text('%PDF-1.7\n');
    expect(sniffFormat(pdf, { filename: 'a.pdf', declaredType: 'application/pdf' }).typeMismatch).toBe(false);
    const ole = Buffer.concat([bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), Buffer.alloc(56)]);
    expect(sniffFormat(ole, { filename: 'a.xls', declaredType: 'application/vnd.ms-excel' })).toEqual({ format: 'xls', detectedType: 'application/vnd.ms-excel', typeMismatch: false });
    expect(sniffFormat(ole, { filename: 'a.xlsx' }).typeMismatch).toBe(true);
    const zip = (name: string): Buffer => Buffer.concat([bytes(0x50, 0x4b, 0x03, 0x04), Buffer.alloc(26), Buffer.from(name)]);
    expect(sniffFormat(zip('xl/workbook.xml'), { filename: 'a.xlsm', declaredType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).toEqual({
      format: 'xlsx',
      detectedType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      typeMismatch: false,
    });
    expect(sniffFormat(zip('word/document.xml'), { filename: 'a.docx', declaredType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })).toEqual({
      format: 'docx',
      detectedType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      typeMismatch: false,
    });
  });
});
