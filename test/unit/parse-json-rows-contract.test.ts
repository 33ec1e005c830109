import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonRecordSplitter, KeyUnion, assertJsonDepth, flattenRecord, parseJsonRows, type JsonParseOptions } from '../../functions/core/parse/json-rows.ts';
import type { ParsedRow } from '../../functions/core/parse/table-assembler.ts';
import { CorruptFileError, LimitExceededError, NoDataRowsError, TruncatedFileError } from '../../functions/core/errors.ts';

// The reader's contract held to things that are not the reader: JSON.parse of the same text
// gives the records, a recursive walk of the parsed value gives the nesting depth, and the
// lines of an NDJSON text (counted here) give the line numbers. Pieces are cut anywhere.

/** Pieces of the sizes given (cycled), as a network stream hands them over. */
function piecesOf<T extends Buffer | string>(whole: T, sizes: number[]): T[] {
  const out: T[] = [];
  for (let at = 0, k = 0; at < whole.length; k++) {
    const size = sizes[k % sizes.length]!;
    out.push(whole.slice(at, at + size) as T);
    at += size;
  }
  return out;
}

async function* source<T>(pieces: Iterable<T>): AsyncGenerator<T> {
  yield* pieces;
}

async function read(text: string | Buffer, opts: Partial<JsonParseOptions> & Pick<JsonParseOptions, 'mode'>, sizes = [7]) {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const stream = parseJsonRows(source(piecesOf(bytes, sizes)), { encoding: 'utf-8', ...opts });
  const rows: ParsedRow[] = [];
  const batches: number[] = [];
  for await (const b of stream) {
    rows.push(...b.rows);
    batches.push(b.bytesRead);
  }
  return { rows, stream, batches, full: rows.map((r) => [...r.cells, ...stream.fillFor(r.row, r.cells.length)]) };
}

function split(text: string, sizes: number[], maxChars?: number, maxDepth?: number): { records: string[]; path: string | undefined } {
  const s = new JsonRecordSplitter(maxChars, maxDepth);
  const records: string[] = [];
  for (const piece of piecesOf(text, sizes)) records.push(...s.write(piece));
  records.push(...s.end());
  return { records, path: s.path };
}

/** Nesting of objects and arrays in a parsed value: 0 for a primitive. */
function depthOf(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  const inner = Array.isArray(v) ? v : Object.values(v);
  return 1 + Math.max(0, ...inner.map(depthOf));
}

const sizes = fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 });
const key = fc.constantFrom('a', 'b', 'number', 'x y', 'q"uote', 'back\\slash', '{[', ']}', ',:', 'é');
/** Strings full of what matters to the splitter: quotes, backslashes, brackets, commas, colons. */
const text = fc.array(fc.constantFrom('a', ' ', '"', '\\', '[', ']', '{', '}', ',', ':', 'é', '\n'), { maxLength: 6 }).map((p) => p.join(''));
const { value: jsonValue } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', maxDepth: 4 }, fc.constant(null), fc.boolean(), fc.integer(), text, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 3 }),
}));
const record = fc.dictionary(key, jsonValue, { maxKeys: 4 });
const indent = fc.constantFrom(undefined, 0, 1, 2, '\t');

describe('JsonRecordSplitter against JSON.parse', () => {
  it('cuts the elements of a top-level array, each equal to the parsed element, wherever the pieces end', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(record, jsonValue), { maxLength: 5 }), indent, sizes, (elements, space, cut) => {
        const { records, path } = split(JSON.stringify(elements, null, space), cut);
        expect(path).toBe('$');
        expect(records.map((r) => JSON.parse(r) as unknown)).toEqual(elements);
        for (const r of records) expect(r).toBe(r.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('finds the first property of a wrapper holding an array of objects or arrays, after any other properties', () => {
    const before = fc.dictionary(fc.constantFrom('meta', 'count', 'nums', 'empty', 'note'), fc.oneof(jsonValue, fc.array(fc.integer(), { maxLength: 3 }), fc.constant([])), { maxKeys: 3 });
    fc.assert(
      fc.property(before, key, fc.array(fc.oneof(record, fc.array(jsonValue, { maxLength: 2 })), { minLength: 1, maxLength: 4 }), indent, sizes, (head, name, elements, space, cut) => {
        fc.pre(!(name in head));
        // the earlier properties hold no array of objects or arrays (those would be the records)
        const candidates = Object.values(head).filter((v) => Array.isArray(v) && v.length > 0 && v[0] !== null && typeof v[0] === 'object');
        fc.pre(candidates.length === 0);
        const doc = { ...head, [name]: elements, after: [{ not: 'these' }] };
        const { records, path } = split(JSON.stringify(doc, null, space), cut);
        expect(path).toBe(`$.${name}`);
        expect(records.map((r) => JSON.parse(r) as unknown)).toEqual(elements);
      }),
      { numRuns: 300 },
    );
  });

  it('takes a top-level object with no array of records as the one record', () => {
    fc.assert(
      fc.property(record, indent, sizes, (obj, space, cut) => {
        const candidates = Object.values(obj).filter((v) => Array.isArray(v) && v.length > 0 && v[0] !== null && typeof v[0] === 'object');
        fc.pre(candidates.length === 0);
        const whole = JSON.stringify(obj, null, space);
        const { records, path } = split(`  ${whole}\n`, cut);
        expect(path).toBe('$');
        expect(records).toEqual([whole]);
      }),
      { numRuns: 200 },
    );
  });

  it('cuts primitive elements at their commas, not at commas inside strings', () => {
    for (const cut of [[1], [2, 3], [100]]) {
      expect(split('[1, "a,b]", null , true,{"x":[1,2]}, [3, 4] ,-2.5e3]', cut).records).toEqual(['1', '"a,b]"', 'null', 'true', '{"x":[1,2]}', '[3, 4]', '-2.5e3']);
    }
  });

  it('names where a document goes on after its end, counted from the start of the text however it was cut', () => {
    for (const cut of [[1], [3], [5, 2], [1000]]) {
      expect(() => split('{"a": 1}   {"b": 2}', cut)).toThrow(/goes on after its end \(at character 11\)/);
      expect(() => split('[{"a": [1]}]\n"x"', cut)).toThrow(CorruptFileError);
    }
  });

  it('says whether a truncated document stops inside a string or inside an object or array', () => {
    expect(() => split('[{"a": "unterminated', [4])).toThrow(/ends inside a string/);
    expect(() => split('{"data": [{"a": 1}, {"a": [2', [4])).toThrow(/ends inside an object or array/);
    expect(() => split('[1, 2', [1])).toThrow(TruncatedFileError);
    expect(split('[1, 2]', [1]).records).toEqual(['1', '2']);
  });

  it('finds no records in a document that is a lone primitive or an empty array', () => {
    for (const doc of ['"text"', '[]', ' [ ] ']) expect(split(doc, [2]).records).toEqual([]);
    // an object whose arrays hold no objects is one record, whether they are empty or hold values
    for (const doc of ['{"data": []}', '{"n": 1, "tags": ["a", "b"]}', '{"tags": [], "more": [1]}']) expect(split(` ${doc} `, [2]).records).toEqual([doc]);
  });
});

describe('JsonRecordSplitter limits', () => {
  it('takes a record of exactly the limit and refuses one character more, wherever the pieces end', () => {
    for (const cut of [[1], [3], [7, 2], [1000]]) {
      const at = (n: number) => `{"a":"${'x'.repeat(n - 8)}"}`; // n characters
      expect(split(`[${at(40)}, ${at(40)}]`, cut, 40).records).toEqual([at(40), at(40)]);
      expect(() => split(`[${at(40)}, ${at(41)}]`, cut, 40)).toThrow(/A JSON record is longer than the limit of 40 characters/);
      // primitive records end at the comma, which is not theirs
      expect(split(`[${'1'.repeat(40)},${'2'.repeat(40)}]`, cut, 40).records).toEqual(['1'.repeat(40), '2'.repeat(40)]);
      expect(() => split(`[${'1'.repeat(41)},2]`, cut, 40)).toThrow(LimitExceededError);
      expect(() => split(`[1,${'2'.repeat(41)}]`, cut, 40)).toThrow(LimitExceededError);
    }
  });

  it('refuses a long record as soon as it has passed the limit, before the rest of it arrives', () => {
    const s = new JsonRecordSplitter(40);
    expect(s.write('[{"a": 1},')).toEqual(['{"a": 1}']);
    expect(() => s.write(` {"a": "${'x'.repeat(40)}`)).toThrow(/longer than the limit of 40/);
    const p = new JsonRecordSplitter(40);
    expect(() => p.write(`[${'1'.repeat(41)}`)).toThrow(/longer than the limit of 40/);
    const q = new JsonRecordSplitter(40);
    expect(q.write(`[${'1'.repeat(40)}`)).toEqual([]);
    expect(q.write(']')).toEqual(['1'.repeat(40)]);
  });

  it('names the length when a record passes the length limit before it nests too deep', () => {
    const s = new JsonRecordSplitter(40, 3);
    expect(() => s.write(`[{"a":"${'x'.repeat(40)}", "b": [[[[1]]]]}]`)).toThrow(/longer than the limit of 40 characters/);
  });

  it('refuses a record nested deeper than the limit, counted from the records level, naming the record', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 6 }), fc.boolean(), sizes, (elements, maxDepth, wrapped, cut) => {
        const doc = JSON.stringify(wrapped ? { meta: 1, rows: elements } : elements);
        const deepest = elements.findIndex((e) => depthOf(e) > maxDepth);
        if (deepest < 0) expect(split(doc, cut, undefined, maxDepth).records).toHaveLength(elements.length);
        else expect(() => split(doc, cut, undefined, maxDepth)).toThrow(`JSON record ${deepest + 1} nests objects and arrays more than ${maxDepth} levels deep, the limit for a JSON record (JSON_MAX_DEPTH)`);
      }),
      { numRuns: 300 },
    );
  });

  it('counts a lone top-level object from its own level', () => {
    expect(split('{"a": {"b": {"c": 1}}}', [2], undefined, 3).records).toHaveLength(1);
    expect(() => split('{"a": {"b": {"c": 1}}}', [2], undefined, 2)).toThrow(/JSON record 1 nests objects and arrays more than 2 levels/);
  });
});

describe('assertJsonDepth against the parsed value', () => {
  it('throws exactly when the value nests deeper than the limit, brackets in strings not counted', () => {
    fc.assert(
      fc.property(jsonValue, fc.integer({ min: 0, max: 5 }), indent, (value, maxDepth, space) => {
        const doc = JSON.stringify(value, null, space) ?? 'null';
        const check = () => assertJsonDepth(doc, maxDepth, 'The record on line 9');
        if (depthOf(value) > maxDepth) expect(check).toThrow(`The record on line 9 nests objects and arrays more than ${maxDepth} levels deep`);
        else expect(check).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('is not fooled by brackets inside strings, escaped quotes or escaped backslashes', () => {
    expect(() => assertJsonDepth('{"a": "{{{[[[", "b": "\\"[[[[", "c": "\\\\", "d": {}}', 2, 'x')).not.toThrow();
    expect(() => assertJsonDepth('{"a": "\\\\", "d": {"e": [1]}, "f": "[[[["}', 2, 'x')).toThrow(LimitExceededError);
    expect(() => assertJsonDepth('[[]] [[]] [[]]', 2, 'x')).not.toThrow();
    expect(() => assertJsonDepth(' {"a": {"b": {}}}', 2, 'x')).toThrow(LimitExceededError);
    expect(() => assertJsonDepth('{"a": [], "b": {}, "c": [1]}', 2, 'x')).not.toThrow();
    expect(() => assertJsonDepth('{"a": [], "b": {}, "c": [{}]}', 2, 'x')).toThrow(LimitExceededError);
  });
});

describe('flattenRecord', () => {
  it('writes nested objects as dotted keys down to eight levels, deeper ones as JSON text', () => {
    let deep: unknown = { leaf: 1 };
    for (let i = 9; i >= 1; i--) deep = { [`k${i}`]: deep };
    expect(flattenRecord(deep)).toEqual([['k1.k2.k3.k4.k5.k6.k7.k8.k9', '{"leaf":1}']]);
    let eight: unknown = { leaf: 1 };
    for (let i = 8; i >= 1; i--) eight = { [`k${i}`]: eight };
    expect(flattenRecord(eight)).toEqual([['k1.k2.k3.k4.k5.k6.k7.k8.leaf', '1']]);
  });

  it('writes cells of every kind of value', () => {
    expect(flattenRecord({ s: 'x', n: -0.5, t: true, f: false, z: null, b: 10n, empty: {}, list: [1, null, 'a', false], mixed: [1, [2]], arr: [] })).toEqual([
      ['s', 'x'],
      ['n', '-0.5'],
      ['t', 'true'],
      ['f', 'false'],
      ['z', ''],
      ['b', '10'],
      ['list', '1; ; a; false'],
      ['mixed', '[1,[2]]'],
      ['arr', ''],
    ]);
    expect(flattenRecord([1, 2])).toEqual([['value', '1; 2']]);
    expect(flattenRecord(null)).toEqual([['value', '']]);
    expect(flattenRecord('x')).toEqual([['value', 'x']]);
    expect(flattenRecord(undefined)).toEqual([['value', '']]);
  });
});

describe('KeyUnion', () => {
  it('takes exactly the column limit, counting the known headers, and names it when passed', () => {
    const u = new KeyUnion(['a', 'b'], 3);
    expect(u.cells([['c', '1'], ['a', '2']])).toEqual(['2', '', '1']);
    expect(u.cells([['a', '3']])).toEqual(['3', '', '']);
    expect(() => u.cells([['d', '4']])).toThrow('The records have more than 3 distinct keys');
    expect(() => new KeyUnion(['a', 'b', 'a'], 2)).not.toThrow();
  });
});

describe('parseJsonRows against JSON.parse', () => {
  it('emits the records of a JSON document as rows under the union of their keys, wherever the pieces end', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 5 }), fc.boolean(), sizes, async (elements, wrapped, cut) => {
        const doc = JSON.stringify(wrapped ? { meta: { n: 1 }, data: elements } : elements);
        const { rows, stream, full } = await read(doc, { mode: 'json' }, cut);
        const names: string[] = [];
        for (const e of elements) for (const [k] of flattenRecord(e)) if (!names.includes(k)) names.push(k);
        expect(stream.headers()).toEqual(names);
        expect(stream.columnCount()).toBe(names.length);
        expect(full).toEqual(elements.map((e) => names.map((n) => flattenRecord(e).find(([k]) => k === n)?.[1] ?? '')));
        expect(rows.map((r) => [r.row, r.line, r.error])).toEqual(elements.map((_, i) => [i + 1, i + 1, undefined]));
        expect(stream.stats).toEqual({ headers: names, headerLine: undefined, rowsEmitted: elements.length, malformedRows: 0, skipped: expect.objectContaining({ blank: 0 }) as unknown, bytesRead: Buffer.byteLength(doc) });
      }),
      { numRuns: 100 },
    );
  });

  it('rejects elements that are not objects, naming the record, and keeps them as rows', async () => {
    const { rows, stream } = await read('[{"a": 1}, 2, [3], null, "s", {"b": 2}]', { mode: 'json' }, [3]);
    expect(rows.map((r) => [r.row, r.line, r.error, r.cells])).toEqual([
      [1, 1, undefined, ['1']],
      [2, 2, 'record 2 is not a JSON object', ['']],
      [3, 3, 'record 3 is not a JSON object', ['']],
      [4, 4, 'record 4 is not a JSON object', ['']],
      [5, 5, 'record 5 is not a JSON object', ['']],
      [6, 6, undefined, ['', '2']],
    ]);
    expect(stream.stats.malformedRows).toBe(4);
  });

  it('fails a document without records with NoDataRowsError that names JSON', async () => {
    await expect(read('{"data": [1, 2]}', { mode: 'json' })).resolves.toMatchObject({ full: [['1; 2']], stream: { stats: { malformedRows: 0 } } });
    await expect(read('"text"', { mode: 'json' })).rejects.toThrow('The JSON document has no records');
    await expect(read(' \n', { mode: 'ndjson' })).rejects.toThrow('The NDJSON file has no records');
    await expect(read('', { mode: 'json' })).rejects.toThrow(NoDataRowsError);
  });

  it('applies the record, depth and column limits it is given', async () => {
    await expect(read(`[{"a": "${'x'.repeat(30)}"}]`, { mode: 'json', maxRecordChars: 20 })).rejects.toThrow('longer than the limit of 20 characters');
    await expect(read('[{"a": {"b": 1}}]', { mode: 'json', maxDepth: 1 })).rejects.toThrow('more than 1 levels deep');
    await expect(read('[{"a": {"b": 1}}]', { mode: 'json', maxDepth: 2 })).resolves.toMatchObject({ full: [['1']] });
    await expect(read('{"a": {"b": 1}}\n', { mode: 'ndjson', maxDepth: 1 })).rejects.toThrow('The record on line 1 nests objects and arrays more than 1 levels deep');
    await expect(read('[{"a": 1, "b": 2}]', { mode: 'json', maxColumns: 1 })).rejects.toThrow('more than 1 distinct keys');
    await expect(read(`[{"a": "${'{'.repeat(100)}"}]`, { mode: 'json' })).resolves.toMatchObject({ full: [['{'.repeat(100)]] });
    await expect(read(`[${'['.repeat(64)}${']'.repeat(64)}]`, { mode: 'json' })).resolves.toMatchObject({ rows: [{ error: 'record 1 is not a JSON object' }] });
    await expect(read(`[${'['.repeat(65)}${']'.repeat(65)}]`, { mode: 'json' })).rejects.toThrow('more than 64 levels deep');
    await expect(read(`${'['.repeat(65)}${']'.repeat(65)}\n`, { mode: 'ndjson' })).rejects.toThrow('more than 64 levels deep');
  });

  it('hands rows over in batches of a thousand, each with the bytes read so far', async () => {
    const doc = JSON.stringify(Array.from({ length: 2500 }, (_, i) => ({ i })));
    const { rows, batches } = await read(doc, { mode: 'json' }, [4096]);
    expect(rows).toHaveLength(2500);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches.at(-1)).toBe(doc.length);
    expect(batches[0]).toBeLessThan(doc.length);
  });

  it('pads a row read before later keys and never pads past the union', async () => {
    const { stream } = await read('[{"a": 1}, {"b": 2}]', { mode: 'json' });
    expect(stream.fillFor(1, 1)).toEqual(['']);
    expect(stream.fillFor(1, 5)).toEqual([]);
  });

  it('counts the records holding undecodable bytes, naming the first', async () => {
    const bytes = Buffer.concat([Buffer.from('{"a": "ok"}\n{"a": "'), Buffer.from([0xff]), Buffer.from('"}\n{"a": "'), Buffer.from([0xfe]), Buffer.from('"}\n')]);
    const { stream } = await read(bytes, { mode: 'ndjson' }, [3]);
    expect(stream.warnings()).toEqual([
      expect.objectContaining({ count: 2, message: 'Some bytes are not valid utf-8 and were read as the replacement character U+FFFD, first in record 2; the count is of records holding one' }),
    ]);
    const clean = await read('{"a": "\uFFFD written as text"}\n', { mode: 'ndjson' }, [3]);
    expect(clean.stream.warnings()).toHaveLength(1);
    const none = await read('{"a": 1}\n', { mode: 'ndjson' });
    expect(none.stream.warnings()).toEqual([]);
    // a cut multi-byte character at the very end is undecodable too
    const end = await read(Buffer.concat([Buffer.from('[{"a": 1}, "'), Buffer.from([0xe2, 0x82])]), { mode: 'json' }).catch((e: unknown) => e);
    expect(end).toBeInstanceOf(TruncatedFileError);
  });

  it('counts the bytes of string pieces as UTF-8', async () => {
    const doc = '{"city": "Zürich"}\n';
    const stream = parseJsonRows(source(['{"city": "Zü', 'rich"}\n']), { mode: 'ndjson', encoding: 'utf-8' });
    for await (const b of stream) expect(b.bytesRead).toBe(Buffer.byteLength(doc));
    expect(stream.stats.bytesRead).toBe(Buffer.byteLength(doc));
  });
});

describe('parseJsonRows NDJSON against the lines written', () => {
  const line = fc.oneof(
    record.map((r) => JSON.stringify(r)),
    fc.constantFrom('', ' ', '\t', 'not json', '{"a": 1', '[1, 2]', '3', 'null', '"s"'),
  );

  it('reads each line as a record numbered by its line, blank ones skipped and counted, wherever the pieces end', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), sizes, async (lines, eol, finalEol, cut) => {
        fc.pre(lines.some((l) => l.trim().length > 0));
        const doc = lines.join(eol) + (finalEol ? eol : '');
        const { rows, stream } = await read(doc, { mode: 'ndjson' }, cut);
        const expected = lines.flatMap((l, i) => {
          if (l.trim().length === 0) return [];
          let error: string | undefined;
          try {
            const v: unknown = JSON.parse(l);
            if (v === null || typeof v !== 'object' || Array.isArray(v)) error = `record ${i + 1} is not a JSON object`;
          } catch (e) {
            error = `invalid JSON in record ${i + 1}: ${(e as Error).message}`;
          }
          return [{ line: i + 1, error }];
        });
        expect(rows.map((r) => ({ line: r.line, error: r.error }))).toEqual(expected);
        expect(rows.map((r) => r.row)).toEqual(expected.map((_, i) => i + 1));
        const blank = (finalEol || lines.at(-1) !== '' ? lines : lines.slice(0, -1)).filter((l) => l.trim().length === 0).length;
        expect(stream.stats).toMatchObject({ rowsEmitted: expected.length, malformedRows: expected.filter((e) => e.error !== undefined).length, skipped: { blank } });
      }),
      { numRuns: 200 },
    );
  });

  it('takes a line of exactly the limit and refuses one character more, naming the line, wherever the pieces end', async () => {
    const at = (n: number) => `{"a":"${'x'.repeat(n - 8)}"}`; // n characters
    for (const cut of [[1], [5], [43], [44], [1000]]) {
      await expect(read(`{"b":1}\n${at(40)}\n${at(40)}`, { mode: 'ndjson', maxRecordChars: 40 }, cut)).resolves.toMatchObject({ rows: [{ line: 1 }, { line: 2 }, { line: 3 }] });
      await expect(read(`{"b":1}\n\n${at(41)}\n{"b":2}\n`, { mode: 'ndjson', maxRecordChars: 40 }, cut)).rejects.toThrow('Line 3 is longer than the limit of 40 characters');
      await expect(read(`{"b":1}\n\n${at(41)}`, { mode: 'ndjson', maxRecordChars: 40 }, cut)).rejects.toThrow('Line 3 is longer than the limit of 40 characters');
    }
    // a line still arriving is refused once it has passed the limit, before its end
    const stream = parseJsonRows(source([`{"b":1}\n${'x'.repeat(41)}`, 'never read']), { mode: 'ndjson', encoding: 'utf-8', maxRecordChars: 40 });
    await expect((async () => { for await (const _ of stream) void _; })()).rejects.toThrow('Line 2 is longer than the limit of 40 characters');
  });
});

describe('JsonRecordSplitter: the top-level object', () => {
  it('fails a lone top-level object longer than the record limit, rather than finding no records', () => {
    const long = `{"name": "${'x'.repeat(200)}", "tags": ["a"]}`;
    for (const size of [1, 7, 64, long.length]) {
      expect(() => split(long, [size], 100), `pieces of ${size}`).toThrow(/longer than the limit of 100/);
    }
    // at the limit it is the one record, one character past it is not, wherever the object starts
    const fits = `{"name": "${'x'.repeat(80)}"}`;
    expect(split(fits, [3], fits.length).records).toEqual([fits]);
    expect(split(`${' '.repeat(50)}${fits}`, [fits.length + 50], fits.length).records).toEqual([fits]);
    expect(split(`${' '.repeat(50)}${fits}`, [60], fits.length).records).toEqual([fits]);
    // white space before the document is no part of the record, however long
    expect(split(`${' '.repeat(300)}${fits}`, [40], fits.length).records).toEqual([fits]);
    expect(() => split(fits, [3], fits.length - 1)).toThrow(/longer than the limit/);
    expect(() => split(fits, [fits.length], fits.length - 1)).toThrow(/longer than the limit/);
  });

  it('reads the records of a wrapper whose metadata before them is longer than the record limit', () => {
    const text = `{"meta": {"note": "${'m'.repeat(300)}"}, "data": [${Array.from({ length: 200 }, (_, n) => `{"a": ${n}}`).join(', ')}]}`;
    expect(split(text, [5], 100).records).toEqual(Array.from({ length: 200 }, (_, n) => `{"a": ${n}}`));
    // and lets the metadata go once it is past the limit: what it holds stays near one piece
    const s = new JsonRecordSplitter(100);
    const held: number[] = [];
    for (let i = 0; i < text.length; i += 10) {
      s.write(text.slice(i, i + 10));
      held.push(s.held);
    }
    expect(Math.max(...held)).toBeLessThan(120);
  });

  it('holds only the record being read once the records of a wrapper are found, not the wrapper', () => {
    const record = (n: number) => `{"id": ${n}, "name": "row ${n}"}`;
    const text = `{"count": 2000, "data": [${Array.from({ length: 2000 }, (_, n) => record(n)).join(', ')}]}`;
    const s = new JsonRecordSplitter(1000);
    let most = 0;
    let records = 0;
    for (let i = 0; i < text.length; i += 50) {
      records += s.write(text.slice(i, i + 50)).length;
      most = Math.max(most, s.held);
    }
    records += s.end().length;
    expect(records).toBe(2000);
    // one record and one piece at most, where the whole document is ~58,000 characters
    expect(most).toBeLessThan(100);
  });
});
