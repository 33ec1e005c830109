import { describe, expect, it } from 'vitest';
import { JsonRecordSplitter, flattenRecord, parseJsonRows, type JsonParseOptions } from '../../functions/core/parse/json-rows.ts';
import type { ParsedRow } from '../../functions/core/parse/table-assembler.ts';
import { CorruptFileError, LimitExceededError, NoDataRowsError } from '../../functions/core/errors.ts';

// Edges of the JSON reader, each written against what a reader of the file would expect:
// where a document ends, which limit is named when two are passed, what is held in memory.

function piecesOf(whole: string, size: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < whole.length; at += size) out.push(whole.slice(at, at + size));
  return out;
}

function split(text: string, size: number, maxChars?: number, maxDepth?: number): string[] {
  const s = new JsonRecordSplitter(maxChars, maxDepth);
  const records: string[] = [];
  for (const piece of piecesOf(text, size)) records.push(...s.write(piece));
  records.push(...s.end());
  return records;
}

async function* source(pieces: Iterable<string>): AsyncGenerator<Buffer> {
  for (const p of pieces) yield Buffer.from(p);
}

async function* bytesOf(pieces: Buffer[]): AsyncGenerator<Buffer> {
  yield* pieces;
}

async function read(text: string, opts: Partial<JsonParseOptions> & Pick<JsonParseOptions, 'mode'>, size = 7) {
  const stream = parseJsonRows(source(piecesOf(text, size)), { encoding: 'utf-8', ...opts });
  const rows: ParsedRow[] = [];
  for await (const b of stream) rows.push(...b.rows);
  return { rows, stream };
}

describe('a JSON document that is one number or literal', () => {
  it('has no records, as a lone string has, wherever the pieces end', async () => {
    for (const doc of ['42', ' 42 ', '-2.5E+3', '1e-7', 'true', 'false', 'null', '"abc"', '7']) {
      for (const size of [1, 2, 100]) {
        expect(split(doc, size), `${doc} in pieces of ${size}`).toEqual([]);
        await expect(read(doc, { mode: 'json' }, size)).rejects.toThrow(new NoDataRowsError('The JSON document has no records'));
      }
    }
  });

  it('is followed by nothing but white space: a second value is refused, where it starts', () => {
    for (const size of [1, 3, 100]) {
      expect(() => split('42 43', size)).toThrow(/goes on after its end \(at character 3\)/);
      expect(() => split('true\nfalse', size)).toThrow(/goes on after its end \(at character 5\)/);
      expect(() => split('42"x"', size)).toThrow(/goes on after its end \(at character 2\)/);
      expect(() => split('"a"1', size)).toThrow(/goes on after its end \(at character 3\)/);
      expect(() => split('12{"a": 1}', size)).toThrow(CorruptFileError);
    }
  });

  it('goes on with the characters of numbers and literals only', () => {
    const scalar = /[a-z0-9+\-.E]/;
    for (let c = 0x21; c < 0x7f; c++) {
      const ch = String.fromCharCode(c);
      if (ch === '"' || ch === '[' || ch === '{') continue; // these open a value of their own, refused or truncated
      const doc = `4${ch}`;
      if (scalar.test(ch)) expect(split(doc, 1), doc).toEqual([]);
      else expect(() => split(doc, 1), doc).toThrow(/goes on after its end \(at character 1\)/);
    }
  });
});

describe('JsonRecordSplitter: two limits passed at one character', () => {
  it('names the length, which raising the depth limit would not cure', () => {
    // the record starts at character 1; its 12th character, an opening bracket, is both one
    // past the length limit of 10 and a second level past the depth limit of 1
    const doc = '[{"abcdefg":[1]}]';
    for (const size of [1, 5, 100]) {
      expect(() => split(doc, size, 10, 1), `pieces of ${size}`).toThrow(new LimitExceededError('A JSON record is longer than the limit of 10 characters'));
      // each limit alone is passed there
      expect(() => split(doc, size, 100, 1)).toThrow(/nests objects and arrays more than 1 levels deep/);
      expect(() => split(doc, size, 10, 2)).toThrow(/longer than the limit of 10/);
    }
    // one character shorter, the record is within the length limit where it nests too deep
    expect(() => split('[{"abcdef":[1]}]', 100, 10, 1)).toThrow(/nests objects and arrays more than 1 levels deep/);
  });
});

describe('JsonRecordSplitter: white space', () => {
  it('takes every kind of JSON white space (and a byte order mark) between values and after the document', () => {
    for (const ws of [' ', '\t', '\r', '\n', '\uFEFF']) {
      expect(split(`[{"a": 1},${ws}2${ws}]${ws}`, 1), JSON.stringify(ws)).toEqual(['{"a": 1}', '2']);
      // after a colon it still leads to the records array
      const s = new JsonRecordSplitter();
      expect(s.write(`{"data":${ws}[{"a": 1}]}${ws}`)).toEqual(['{"a": 1}']);
      expect(s.path).toBe('$.data');
    }
  });

  it('reads a document that starts with no JSON value as a lone value: no records, and refuses a second one', () => {
    for (const doc of ['#4', '}1', ']', ',']) expect(split(doc, 1), doc).toEqual([]);
    expect(() => split('}1 2', 1)).toThrow(/goes on after its end \(at character 3\)/);
  });
});

describe('parseJsonRows: batches and counts', () => {
  it('hands over a batch as soon as it holds a thousand rows, and no empty batch at the end', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `{"i": ${i}}\n`);
    const stream = parseJsonRows(source(lines), { mode: 'ndjson', encoding: 'utf-8' });
    const sizes: number[] = [];
    for await (const b of stream) sizes.push(b.rows.length);
    expect(sizes).toEqual([1000, 1000]);
  });

  it('counts a record ending in a multi-byte character cut by the end of the file as holding undecodable bytes', async () => {
    const stream = parseJsonRows(bytesOf([Buffer.from('{"a": 1}\n'), Buffer.from([0xe2, 0x82])]), { mode: 'ndjson', encoding: 'utf-8' });
    const rows: ParsedRow[] = [];
    for await (const b of stream) rows.push(...b.rows);
    expect(rows.map((r) => r.line)).toEqual([1, 2]);
    expect(stream.warnings()).toEqual([expect.objectContaining({ count: 1, message: expect.stringContaining('first in record 2') as unknown })]);
  });

  it('gives out copies of the headers, which a caller may change without changing the reader', async () => {
    const { stream } = await read('[{"a": 1, "b": 2}]', { mode: 'json' });
    stream.headers().push('x');
    stream.stats.headers?.push('y');
    expect(stream.headers()).toEqual(['a', 'b']);
    expect(stream.stats.headers).toEqual(['a', 'b']);
  });
});

describe('parseJsonRows: undecodable bytes', () => {
  it('counts only the records that hold a replacement character, not those after the first', async () => {
    const bytes = Buffer.concat([Buffer.from('{"a": "'), Buffer.from([0xff]), Buffer.from('"}\n{"a": "ok"}\n{"a": "fine"}\n')]);
    const stream = parseJsonRows(bytesOf([bytes]), { mode: 'ndjson', encoding: 'utf-8' });
    for await (const _ of stream) void _;
    expect(stream.warnings()).toEqual([expect.objectContaining({ count: 1 })]);
  });
});

describe('flattenRecord: numbers', () => {
  it('writes a number as JavaScript does, not as JSON would (NaN is not null)', () => {
    expect(flattenRecord({ n: NaN, i: -Infinity, t: true })).toEqual([
      ['n', 'NaN'],
      ['i', '-Infinity'],
      ['t', 'true'],
    ]);
  });
});

describe('JsonRecordSplitter: elements without a comma between them', () => {
  it('keeps a value and what follows it up to the comma as one record (rejected when read), never drops the first', async () => {
    for (const size of [1, 4, 100]) {
      expect(split('["a" "b", 1 {"c": 2, "d": 3}, "x" 3, 4 [5]]', size)).toEqual(['"a" "b"', '1 {"c": 2, "d": 3}', '"x" 3', '4 [5]']);
    }
    const { rows } = await read('[{"n": 1}, 7 "b", {"n": 2}]', { mode: 'json' });
    expect(rows.map((r) => [r.row, r.error?.startsWith('invalid JSON in record 2') ?? false])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
  });
});

describe('JsonRecordSplitter: stray commas', () => {
  it('keeps a colon and what follows it in the record before the next comma', () => {
    expect(split('[1: [{"a": 2}], 3]', 1)).toEqual(['1: [{"a": 2}]', '3']);
  });

  it('adds no record for a trailing comma or an empty place between commas', () => {
    for (const size of [1, 100]) {
      expect(split('[1, 2,]', size)).toEqual(['1', '2']);
      expect(split('[1,,2]', size)).toEqual(['1', '2']);
      expect(split('[{"a": 1},]', size)).toEqual(['{"a": 1}']);
    }
  });
});

describe('JsonRecordSplitter: where the records are', () => {
  it('names a property without a name as such', () => {
    const s = new JsonRecordSplitter();
    expect(s.write('{: [{"a": 1}]}')).toEqual(['{"a": 1}']);
    expect(s.path).toBe('$.');
  });

  it('does not take an array of objects inside an earlier property for the records', () => {
    for (const size of [1, 100]) {
      const s = new JsonRecordSplitter();
      const records: string[] = [];
      for (const p of piecesOf('{"meta": {"list": [{"x": 1}]}, "data": [{"a": 1}]}', size)) records.push(...s.write(p));
      expect(records).toEqual(['{"a": 1}']);
      expect(s.path).toBe('$.data');
    }
  });

  it('takes no value of an object nested in the top-level one for a record, even with a comma missing', () => {
    const doc = '{"m": {"k": [] {"x": 1}}}';
    for (const size of [1, 100]) expect(split(doc, size)).toEqual([doc]);
  });
});

describe('JsonRecordSplitter: the record limit', () => {
  it('measures an object record to its brace, not to the comma after it', () => {
    // `{"a":"xx"}` is 10 characters
    for (const size of [1, 100]) expect(split('[{"a":"xx"}   , 1]', size, 10)).toEqual(['{"a":"xx"}', '1']);
  });

  it('refuses a long string record arriving in small pieces before its end', () => {
    const s = new JsonRecordSplitter(40);
    expect(() => {
      for (const p of piecesOf(`["${'x'.repeat(100)}`, 5)) s.write(p);
    }).toThrow(/longer than the limit of 40/);
  });
});

describe('JsonRecordSplitter: what it holds', () => {
  it('holds no more than the last piece after a lone top-level object', () => {
    const s = new JsonRecordSplitter();
    expect(s.write('{"a": 1}  ')).toEqual(['{"a": 1}']);
    expect(s.write('\n\n')).toEqual([]);
    expect(s.held).toBe(2);
  });

  it('holds no long string value of a wrapper, nor a long key after its records', () => {
    for (const text of [`{"note": "${'m'.repeat(300)}", "data": [{"a": 1}]}`, `{"data": [{"a": 1}], "${'k'.repeat(300)}": 1}`]) {
      const s = new JsonRecordSplitter(100);
      const records: string[] = [];
      let most = 0;
      for (const p of piecesOf(text, 10)) {
        records.push(...s.write(p));
        most = Math.max(most, s.held);
      }
      expect(records).toEqual(['{"a": 1}']);
      expect(most).toBeLessThan(120);
    }
    // and still names the records' property when its key arrives in pieces after the metadata was let go
    for (const size of [1, 10]) {
      const s = new JsonRecordSplitter(100);
      for (const p of piecesOf(`{"note": "${'m'.repeat(300)}", "data": [{"a": 1}]}`, size)) s.write(p);
      expect(s.path).toBe('$.data');
    }
  });
});

describe('JsonRecordSplitter: a key of the top-level object before its records', () => {
  const fed = (key: string) => {
    const s = new JsonRecordSplitter(100);
    const records: string[] = [];
    let most = 0;
    for (const p of piecesOf(`{"${key}": [{"a": 1}]}`, 1)) {
      records.push(...s.write(p));
      most = Math.max(most, s.held);
    }
    return { records, most, path: s.path };
  };

  it('is held while it is read, up to the record limit, and names the records', () => {
    const key = 'k'.repeat(99); // with its opening quote 100 characters, and the object's brace before it
    expect(fed(key)).toEqual({ records: ['{"a": 1}'], most: 101, path: `$.${key}` });
  });

  it('is refused, not held, one character past it', () => {
    expect(() => fed('k'.repeat(100))).toThrow(LimitExceededError);
    expect(() => fed('k'.repeat(100))).toThrow("A key of the JSON document's top-level object is longer than the limit of 100 characters");
  });
});

describe('parseJsonRows: an NDJSON line past the limit', () => {
  it('is refused before the next piece of the file is read', async () => {
    let pulled = 0;
    async function* pieces(): AsyncGenerator<Buffer> {
      for (const p of [`{"b":1}\n${'x'.repeat(41)}`, 'more', '\n']) {
        pulled++;
        yield Buffer.from(p);
      }
    }
    const stream = parseJsonRows(pieces(), { mode: 'ndjson', encoding: 'utf-8', maxRecordChars: 40 });
    await expect((async () => { for await (const _ of stream) void _; })()).rejects.toThrow('Line 2 is longer than the limit of 40 characters');
    expect(pulled).toBe(1);
  });
});
