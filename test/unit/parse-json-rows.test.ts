import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { JsonRecordSplitter, flattenRecord, parseJsonRows, type JsonParseOptions } from '../../functions/core/parse/json-rows.ts';
import { classifyJson } from '../../functions/core/detect/classify-json.ts';
import { sniffFormat } from '../../functions/core/detect/sniff-format.ts';
import type { ParsedRow } from '../../functions/core/parse/table-assembler.ts';
import { LimitExceededError, NoDataRowsError, TruncatedFileError } from '../../functions/core/errors.ts';
import { inChunks } from '../helpers/byte-chunks.ts';

async function parse(text: string | Buffer, opts: Partial<JsonParseOptions> & Pick<JsonParseOptions, 'mode'>, size = 7) {
  const stream = parseJsonRows(inChunks(Buffer.isBuffer(text) ? text : Buffer.from(text), size), { encoding: 'utf-8', ...opts });
  const rows: ParsedRow[] = [];
  for await (const b of stream) rows.push(...b.rows);
  return { rows, stream, full: rows.map((r) => [...r.cells, ...stream.fillFor(r.row, r.cells.length)]) };
}

function split(text: string, size: number): { records: string[]; path: string | undefined } {
  const s = new JsonRecordSplitter();
  const records: string[] = [];
  for (let i = 0; i < text.length; i += size) records.push(...s.write(text.slice(i, i + size)));
  records.push(...s.end());
  return { records, path: s.path };
}

describe('JsonRecordSplitter', () => {
  it('cuts the elements of a top-level array, whatever the chunking, strings with brackets and escapes included', () => {
    const doc = '[ {"a": "x ] } \\" [", "b": [1, {"c": 2}]},\n {"a": "y"} ]';
    for (const size of [1, 3, 1000]) {
      const { records, path } = split(doc, size);
      expect(path).toBe('$');
      expect(records.map((r) => JSON.parse(r) as unknown)).toEqual([{ a: 'x ] } " [', b: [1, { c: 2 }] }, { a: 'y' }]);
    }
  });

  it('finds the records array inside a wrapper object, skipping earlier properties', () => {
    const doc = '{"meta": {"count": 2, "tags": ["a", "b"]}, "empty": [], "data": [{"n": 1}, {"n": 2}], "more": [{"n": 3}]}';
    const { records, path } = split(doc, 5);
    expect(path).toBe('$.data');
    expect(records).toEqual(['{"n": 1}', '{"n": 2}']);
  });

  it('takes a lone top-level object as one record', () => {
    expect(split('{"number": "+14155550100", "duration": 12}', 4).records).toEqual(['{"number": "+14155550100", "duration": 12}']);
  });

  it('refuses content after the document instead of dropping it', () => {
    expect(() => split('{"a": 1}\n{"a": 2}\n', 100)).toThrow(/goes on after its end \(at character 9\)/);
  });

  it('says a document cut inside a value is truncated', () => {
    const s = new JsonRecordSplitter();
    s.write('[{"a": 1}, {"a": "unterminated');
    expect(() => s.end()).toThrow(TruncatedFileError);
  });

  it('refuses a record longer than the limit instead of buffering it', () => {
    const s = new JsonRecordSplitter(100);
    expect(() => s.write(`[{"a": "${'x'.repeat(200)}"}]`)).toThrow(LimitExceededError);
  });
});

describe('flattenRecord', () => {
  it('turns nested objects into dotted keys and value lists into text', () => {
    expect(flattenRecord({ caller: { number: '+1415', name: null }, tags: ['a', 'b'], legs: [{ x: 1 }], ok: true, n: 2.5 })).toEqual([
      ['caller.number', '+1415'],
      ['caller.name', ''],
      ['tags', 'a; b'],
      ['legs', '[{"x":1}]'],
      ['ok', 'true'],
      ['n', '2.5'],
    ]);
  });
});

describe('parseJsonRows', () => {
  it('emits an array of objects under the union of their keys, padding earlier rows for late keys', async () => {
    const doc = JSON.stringify([{ number: '+14155550100', minutes: 3 }, { number: '+14155550101', direction: 'in' }, { minutes: 1 }]);
    const { rows, stream, full } = await parse(doc, { mode: 'json' });
    expect(stream.headers()).toEqual(['number', 'minutes', 'direction']);
    expect(full).toEqual([
      ['+14155550100', '3', ''],
      ['+14155550101', '', 'in'],
      ['', '1', ''],
    ]);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('keeps the classified column order and appends keys first seen later', async () => {
    const { stream } = await parse('[{"b": 1, "a": 2}, {"c": 3}]', { mode: 'json', headers: ['a', 'b'] });
    expect(stream.headers()).toEqual(['a', 'b', 'c']);
  });

  it('reads NDJSON, rejecting bad lines with a reason and counting blank ones', async () => {
    const text = '{"n": 1}\r\n\n{"n": 2, "m": "x"}\nnot json\n[1, 2]\n{"n": 3}';
    const { rows, stream } = await parse(text, { mode: 'ndjson' }, 4);
    expect(rows.map((r) => [r.row, r.line, r.error === undefined])).toEqual([
      [1, 1, true],
      [2, 3, true],
      [3, 4, false],
      [4, 5, false],
      [5, 6, true],
    ]);
    expect(rows[2]!.error).toMatch(/invalid JSON in record 4/);
    expect(rows[3]!.error).toMatch(/not a JSON object/);
    expect(stream.stats).toMatchObject({ malformedRows: 2, skipped: { blank: 1 } });
  });

  it('decodes UTF-16LE JSON with a BOM', async () => {
    const bytes = iconv.encode('[{"city": "Zürich", "number": "+41445550100"}]', 'utf-16le', { addBOM: true });
    const { full } = await parse(bytes, { mode: 'json', encoding: 'utf-16le' }, 3);
    expect(full).toEqual([['Zürich', '+41445550100']]);
  });

  it('fails an empty array with NoDataRowsError and a truncated document with TruncatedFileError', async () => {
    await expect(parse('[]', { mode: 'json' })).rejects.toThrow(NoDataRowsError);
    await expect(parse('[{"a": 1}, {"a": 2', { mode: 'json' })).rejects.toThrow(TruncatedFileError);
  });
});

describe('classifyJson', () => {
  it('reports the union of keys, the records path and a row estimate from the head', () => {
    const records = Array.from({ length: 2000 }, (_, i) => ({ started_at: `2025-10-02T10:${String(i % 60).padStart(2, '0')}:00Z`, number: `+1415555${String(1000 + (i % 9000))}`, ...(i === 3 ? { extra: { note: 'x' } } : {}) }));
    const bytes = Buffer.from(JSON.stringify({ meta: { source: 'portal' }, records }));
    const head = bytes.subarray(0, 16 * 1024);
    const sniffed = sniffFormat(head, { filename: 'calls.json' });
    expect(sniffed.format).toBe('json');
    const c = classifyJson(head, { ...sniffed, format: 'json' }, { size: bytes.length, truncated: true });
    expect(c).toMatchObject({ format: 'json', recordsPath: '$.records', headers: ['started_at', 'number', 'extra.note'], headerRow: 0 });
    expect(c.rowEstimate).toBeGreaterThan(1800);
    expect(c.rowEstimate).toBeLessThan(2200);
    expect(c.sampleRows[0]).toHaveLength(3);
  });
});
