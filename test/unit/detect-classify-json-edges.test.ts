import { describe, expect, it } from 'vitest';
import { classifyJson } from '../../functions/core/detect/classify-json.ts';
import { MIME } from '../../functions/core/detect/sniff-format.ts';
import { MAX_JSON_RECORD_CHARS } from '../../functions/core/parse/json-rows.ts';
import { HeaderNotFoundError, LimitExceededError, TruncatedFileError } from '../../functions/core/errors.ts';

const sniffed = (format: 'json' | 'ndjson') => ({ format, detectedType: MIME[format], typeMismatch: false });

describe('classifyJson: is the head the whole file?', () => {
  const one = Buffer.from('{"a":"1"}');

  it('reads a last line without a line break as a record only when the head is the whole file', () => {
    expect(classifyJson(one, sniffed('ndjson'), { size: 9 })).toMatchObject({ headers: ['a'], rowEstimate: 1 });
    expect(classifyJson(one, sniffed('ndjson'), { truncated: false })).toMatchObject({ headers: ['a'], rowEstimate: 1 });
    const cut = new HeaderNotFoundError('No whole JSON record in the first 9 bytes');
    // one byte more in the file, no size, or a head said to be cut: the line may go on
    expect(() => classifyJson(one, sniffed('ndjson'), { size: 10 })).toThrow(cut);
    expect(() => classifyJson(one, sniffed('ndjson'), {})).toThrow(cut);
    expect(() => classifyJson(one, sniffed('ndjson'), { size: 9, truncated: true })).toThrow(cut);
  });

  it('counts a whole file ending in a cut character as having a broken last record', () => {
    const head = Buffer.concat([Buffer.from('{"a":"1"}\n{"a":"2"}\n'), Buffer.from([0xc3])]);
    const c = classifyJson(head, sniffed('ndjson'), { size: head.length });
    expect(c.rowEstimate).toBe(3);
    expect(c.sampleRows).toEqual([['1'], ['2']]);
  });

  it('calls a whole JSON document that never closes truncated, and reads the records of a cut head', () => {
    const head = Buffer.from('[{"a":"1"},{"a":"2"}');
    expect(() => classifyJson(head, sniffed('json'), { truncated: false })).toThrow(TruncatedFileError);
    expect(classifyJson(head, sniffed('json'), { truncated: true })).toMatchObject({ headers: ['a'], rowEstimate: 2, recordsPath: '$' });
  });
});

describe('classifyJson: the row estimate of a longer file', () => {
  it('scales the NDJSON records by the bytes their whole lines fill, blank lines included', () => {
    // 10 records of 19 characters (20 bytes: the ë) and a blank line after each; a cut line
    const line = '{"n":"Zoë","m":"3"}';
    const head = Buffer.from(`${line}\n\n`.repeat(10) + line.slice(0, 10));
    expect([head.length, head.toString().length]).toEqual([231, 220]);
    // 210 of the 220 characters are whole lines: 10 records in 231 * 210 / 220 bytes
    expect(classifyJson(head, sniffed('ndjson'), { size: 3000 }).rowEstimate).toBe(136);
  });

  it('scales the records of a JSON document by the head they came from', () => {
    const head = Buffer.from('[' + Array.from({ length: 4 }, () => '{"a":"Zoë"}').join(',') + ',{"a"');
    expect(head.length).toBe(57);
    expect(classifyJson(head, sniffed('json'), { size: 1000 }).rowEstimate).toBe(70);
  });

  it('counts what it saw when the size is not known', () => {
    const head = Buffer.from('{"a":"1"}\n{"a":"2"}\n{"a"');
    expect(classifyJson(head, sniffed('ndjson'), { truncated: true }).rowEstimate).toBe(2);
  });
});

describe('classifyJson: the limits', () => {
  const atLimit = `{"a":"${'x'.repeat(MAX_JSON_RECORD_CHARS - 8)}"}`;

  it('takes a line of exactly the record limit, whole or cut, and refuses one character more, naming the line', () => {
    expect(atLimit).toHaveLength(MAX_JSON_RECORD_CHARS);
    expect(classifyJson(Buffer.from(`{"a":"1"}\n${atLimit}\n`), sniffed('ndjson'), { truncated: false }).rowEstimate).toBe(2);
    expect(classifyJson(Buffer.from(`{"a":"1"}\n${atLimit}`), sniffed('ndjson'), { truncated: true }).rowEstimate).toBe(1);
    const tooLong = new LimitExceededError(`Line 2 is longer than the limit of ${MAX_JSON_RECORD_CHARS} characters`);
    expect(() => classifyJson(Buffer.from(`{"a":"1"}\n${atLimit}x\n{"a":"2"}\n`), sniffed('ndjson'), { truncated: false })).toThrow(tooLong);
    expect(() => classifyJson(Buffer.from(`{"a":"1"}\n${atLimit}x`), sniffed('ndjson'), { truncated: true })).toThrow(tooLong);
  });

  it('takes the header and the depth check from the first 500 records only', () => {
    const lines = Array.from({ length: 501 }, (_, i) => JSON.stringify(i === 500 ? { n: 'x', late: { deep: { er: 'y' } } } : { n: String(i) }));
    const c = classifyJson(Buffer.from(lines.join('\n') + '\n'), sniffed('ndjson'), { truncated: false }, 2);
    expect(c.headers).toEqual(['n']);
    expect(c.rowEstimate).toBe(501);
  });

  it('names how many records it looked at when none has keys', () => {
    const scalars = Array.from({ length: 600 }, (_, i) => String(i)).join('\n') + '\n';
    expect(() => classifyJson(Buffer.from(scalars), sniffed('ndjson'), { truncated: false })).toThrow(
      new HeaderNotFoundError('None of the first 500 JSON records is an object with keys'),
    );
  });
});

describe('classifyJson: the encoding', () => {
  it('warns when it guessed the encoding, and says when a byte order mark was there', () => {
    const latin = classifyJson(Buffer.from('{"a":"caf\xe9"}\n', 'latin1'), sniffed('ndjson'), { truncated: false });
    expect(latin).toMatchObject({ encoding: 'windows-1252', hasBom: false, sampleRows: [['café']] });
    expect(latin.warnings?.map((w) => w.code)).toEqual(['encoding_guessed']);
    const bom = classifyJson(Buffer.from('\ufeff{"a":"é"}\n'), sniffed('ndjson'), { truncated: false });
    expect(bom).toMatchObject({ encoding: 'utf-8', hasBom: true, headers: ['a'], sampleRows: [['é']] });
    expect(bom).not.toHaveProperty('warnings');
  });
});
