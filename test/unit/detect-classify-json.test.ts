import { describe, expect, it } from 'vitest';
import { classifyJson } from '../../functions/core/detect/classify-json.ts';
import { MIME } from '../../functions/core/detect/sniff-format.ts';
import { HeaderNotFoundError, LimitExceededError, NoDataRowsError } from '../../functions/core/errors.ts';

const sniffed = (format: 'json' | 'ndjson', typeMismatch = false) => ({ format, detectedType: MIME[format], typeMismatch });
const whole = (text: string) => ({ size: Buffer.byteLength(text) });

describe('classifyJson: NDJSON', () => {
  it('takes the union of the keys in first-seen order and pads the sample rows to it', () => {
    const text = '{"a":"1"}\n\n  \n{"b":"2","a":"3"}\n{"c":{"d":"4"}}\n';
    const c = classifyJson(Buffer.from(text), sniffed('ndjson'), whole(text));
    expect(c).toMatchObject({ format: 'ndjson', detectedType: 'application/x-ndjson', headerRow: 0, headers: ['a', 'b', 'c.d'], rowEstimate: 3 });
    expect(c.sampleRows).toEqual([['1', '', ''], ['3', '2', ''], ['', '', '4']]);
    expect(c).not.toHaveProperty('declaredType');
    expect(c).not.toHaveProperty('recordsPath');
  });

  it('skips scalars, arrays, nulls and broken lines for the header, but counts them as rows', () => {
    const text = '1\n[1]\nnull\n{"a":\n{"a":"x"}\n';
    const c = classifyJson(Buffer.from(text), sniffed('ndjson'), whole(text));
    expect(c.headers).toEqual(['a']);
    expect(c.sampleRows).toEqual([['x']]);
    expect(c.rowEstimate).toBe(5);
  });

  it('keeps 50 sample rows but takes keys from every sampled record', () => {
    const lines = Array.from({ length: 60 }, (_, i) => JSON.stringify(i === 55 ? { n: String(i), late: 'y' } : { n: String(i) }));
    const text = lines.join('\n') + '\n';
    const c = classifyJson(Buffer.from(text), sniffed('ndjson'), whole(text));
    expect(c.headers).toEqual(['n', 'late']);
    expect(c.sampleRows).toHaveLength(50);
    expect(c.sampleRows[49]).toEqual(['49', '']);
  });

  it('estimates the rows of a longer file from the share of the head its whole lines fill', () => {
    const line = '{"n":"+14155550100","m":"3"}';
    const head = Buffer.from(`${line}\n`.repeat(10) + line.slice(0, 10));
    const c = classifyJson(head, sniffed('ndjson'), { size: head.length * 10 });
    expect(c.rowEstimate).toBeGreaterThanOrEqual(99);
    expect(c.rowEstimate).toBeLessThanOrEqual(105);
    // the same head as a whole file: the cut line is a broken record
    expect(classifyJson(head, sniffed('ndjson'), { size: head.length }).rowEstimate).toBe(11);
  });

  it('refuses a record nested deeper than the limit, naming it', () => {
    const text = '{"a":"1"}\n{"a":{"b":{"c":"2"}}}\n';
    expect(() => classifyJson(Buffer.from(text), sniffed('ndjson'), whole(text), 2)).toThrow(LimitExceededError);
    expect(() => classifyJson(Buffer.from(text), sniffed('ndjson'), whole(text), 2)).toThrow(/NDJSON record 2/);
  });

  it('tells a file without records from a head without a whole one', () => {
    expect(() => classifyJson(Buffer.from('\n\n'), sniffed('ndjson'), whole('\n\n'))).toThrow(new NoDataRowsError('The NDJSON file has no records'));
    expect(() => classifyJson(Buffer.from('{"a":"1'), sniffed('ndjson'), { truncated: true })).toThrow(new HeaderNotFoundError('No whole JSON record in the first 7 bytes'));
  });
});

describe('classifyJson: a JSON document', () => {
  it('reads the records of an object holding an array, and says where they are', () => {
    const text = '{"calls":[{"n":"1"},{"n":"2"}]}';
    const c = classifyJson(Buffer.from(text), sniffed('json', true), { ...whole(text), declaredType: 'text/plain' });
    expect(c).toMatchObject({ format: 'json', declaredType: 'text/plain', typeMismatch: true, headers: ['n'], rowEstimate: 2, recordsPath: '$.calls' });
  });

  it('has no records in an empty array, and none whole in a cut head', () => {
    expect(() => classifyJson(Buffer.from('[]'), sniffed('json'), whole('[]'))).toThrow(new NoDataRowsError('The JSON document has no records'));
    expect(() => classifyJson(Buffer.from('[{"n":"1"'), sniffed('json'), { truncated: true })).toThrow(HeaderNotFoundError);
    expect(() => classifyJson(Buffer.from('[1,2,3]'), sniffed('json'), whole('[1,2,3]'))).toThrow(/None of the first 3 JSON records/);
  });
});
