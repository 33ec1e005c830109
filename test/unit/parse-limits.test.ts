import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkPdfInflation } from '../../functions/core/parse/pdf-streams.ts';
import { readPdfTable } from '../../functions/core/parse/pdf-table.ts';
import { readWorkbookParts } from '../../functions/core/parse/xlsx-rows.ts';
import { classifyFile } from '../../functions/core/detect/classify-file.ts';
import { openRowSource } from '../../functions/core/parse/row-source.ts';
import { JsonRecordSplitter, parseJsonRows } from '../../functions/core/parse/json-rows.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../../functions/core/parse/parse-limits.ts';
import { readFileSync } from 'node:fs';
import { DomainError, LimitExceededError, NoTextLayerError, TransientError } from '../../functions/core/errors.ts';
import type { Classification } from '../../functions/core/pipeline-types.ts';
import { callLogPdf, callLogXlsx, scannedPdf } from '../fixtures/formats/builders.ts';
import { asciiHex, deflate, deflateRepeated, lzwEncode, nestedJson, pdfWithStreams, sharedStringsBombXlsx, tablePageContent } from '../fixtures/formats/hostile.ts';
import { inChunks } from '../helpers/byte-chunks.ts';

const MiB = 1024 * 1024;
const limits = (over: Partial<ParseLimits>): ParseLimits => ({ ...DEFAULT_PARSE_LIMITS, ...over });
const HEAD = 256 * 1024;
const classify = (buf: Buffer, filename: string, l: ParseLimits = DEFAULT_PARSE_LIMITS) =>
  classifyFile({ head: buf.subarray(0, HEAD), readAll: () => Promise.resolve(buf), readHead: (n) => Promise.resolve(buf.subarray(0, n)) }, { filename, size: buf.length, truncated: buf.length > HEAD }, l);

describe('PDF streams are held to the inflate limits before pdfjs reads them', () => {
  it('refuses a content stream that inflates past the per-stream limit, naming the limit, without inflating it all', async () => {
    const bomb = pdfWithStreams([{ data: await deflateRepeated(' ', 256 * MiB), filter: '/FlateDecode' }]);
    expect(bomb.length).toBeLessThan(512 * 1024);
    const started = performance.now();
    const error = await readPdfTable(bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitExceededError);
    expect((error as Error).message).toMatch(/stream of the PDF \(object 5 0\) inflates to more than 67108864 bytes, the limit of 67108864 bytes per stream \(PDF_MAX_STREAM_INFLATED_BYTES\)/);
    // pdfjs took 14-19 s on a 1 GiB one; counting to the limit takes a fraction of a second (generous for a busy machine)
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses streams that each stay under the per-stream limit but together pass the document limit', async () => {
    const page = deflate(tablePageContent(20));
    const parts = Array.from({ length: 6 }, () => ({ data: Buffer.concat([deflate(' '.repeat(MiB))]), filter: '/FlateDecode' }));
    const pdf = pdfWithStreams([{ data: page, filter: '/FlateDecode' }, ...parts]);
    await expect(checkPdfInflation(pdf, limits({ pdfMaxStreamInflatedBytes: 2 * MiB, pdfMaxInflatedBytes: 5 * MiB }))).rejects.toThrow(/inflate to more than 5242880 bytes in all.*PDF_MAX_INFLATED_BYTES/);
    expect((await checkPdfInflation(pdf, limits({ pdfMaxStreamInflatedBytes: 2 * MiB, pdfMaxInflatedBytes: 7 * MiB }))).streams).toBe(7);
  });

  it('decodes filter chains and the other general-purpose filters as pdfjs does: a bomb cannot hide behind them', async () => {
    const l = limits({ pdfMaxStreamInflatedBytes: MiB });
    const spaces = Buffer.alloc(2 * MiB, 0x20);
    // Flate of Flate: the first layer is small, the second is the bomb
    const twice = pdfWithStreams([{ data: deflate(deflate(spaces)), filter: '[/FlateDecode /FlateDecode]' }]);
    await expect(checkPdfInflation(twice, l)).rejects.toThrow(LimitExceededError);
    await expect(checkPdfInflation(pdfWithStreams([{ data: asciiHex(deflate(spaces)), filter: '[/AHx /Fl]' }]), l)).rejects.toThrow(LimitExceededError);
    await expect(checkPdfInflation(pdfWithStreams([{ data: lzwEncode(spaces), filter: '/LZWDecode' }]), l)).rejects.toThrow(LimitExceededError);
    const runs = Buffer.alloc(2 * 20_000);
    for (let i = 0; i < runs.length; i += 2) [runs[i], runs[i + 1]] = [129, 0x20]; // 128 spaces per two bytes
    await expect(checkPdfInflation(pdfWithStreams([{ data: runs, filter: '/RunLengthDecode' }]), l)).rejects.toThrow(LimitExceededError);
    // a bomb whose deflate data is damaged after the bomb still counts what comes before the damage
    const damaged = Buffer.concat([deflate(spaces).subarray(0, -64), Buffer.alloc(64, 0xff)]);
    await expect(checkPdfInflation(pdfWithStreams([{ data: damaged, filter: '/FlateDecode' }]), l)).rejects.toThrow(LimitExceededError);
  });

  it('reads ordinary PDFs as before, whatever their filters, and the check is cheap', async () => {
    const content = tablePageContent(20);
    for (const [data, filter] of [
      [deflate(content), '/FlateDecode'],
      [lzwEncode(Buffer.from(content, 'latin1')), '/LZWDecode'],
      [asciiHex(deflate(content)), '[/ASCIIHexDecode /FlateDecode]'],
    ] as const) {
      const pdf = pdfWithStreams([{ data, filter }]);
      expect(await checkPdfInflation(pdf, DEFAULT_PARSE_LIMITS)).toEqual({ streams: 1, inflatedBytes: filter.startsWith('[') ? deflate(content).length + content.length : content.length });
      expect((await readPdfTable(pdf)).headers).toEqual(['Date', 'Number', 'Minutes']);
    }
    const statement = await callLogPdf({ pages: 200, rowsPerPage: 40 });
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      const check = await checkPdfInflation(statement, DEFAULT_PARSE_LIMITS);
      times.push(performance.now() - t);
      expect(check.streams).toBe(200);
    }
    // ~20 ms here for 200 pages (4 MB of content), where pdfjs takes seconds: generous for a busy machine
    expect(Math.min(...times)).toBeLessThan(500);
  });

  it('leaves image streams to pdfjs, which does not decode them for text: a scan still says it has no text', async () => {
    const image = { data: await deflateRepeated('\0', 128 * MiB), filter: '/FlateDecode', extra: '/Type /XObject /Subtype /Image /Width 8192 /Height 16384 /ColorSpace /DeviceGray /BitsPerComponent 8' };
    const pdf = pdfWithStreams([{ data: deflate(tablePageContent(5)), filter: '/FlateDecode' }, image]);
    expect((await checkPdfInflation(pdf, DEFAULT_PARSE_LIMITS)).streams).toBe(1);
    await expect(readPdfTable(await scannedPdf(1))).rejects.toThrow(NoTextLayerError);
  });
});

describe('XLSX shared strings are held to the limits before the workbook is read', () => {
  it('refuses a table whose declared size passes the byte limit from the directory, before inflating a byte', async () => {
    const bomb = await sharedStringsBombXlsx(12 * MiB);
    const error = await readWorkbookParts(bomb, limits({ xlsxMaxSharedStringsBytes: 10 * MiB })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitExceededError);
    expect((error as Error).message).toMatch(/shared-strings table \(xl\/sharedStrings.xml\) holds 1258\d{4} bytes or more, more than the limit of 10485760 bytes \(XLSX_MAX_SHARED_STRINGS_BYTES\)/);
  });

  it('refuses too many strings: at the declared count, or, when the table does not say, as they are counted', async () => {
    const l = limits({ xlsxMaxSharedStrings: 100_000 });
    const declared = await sharedStringsBombXlsx(2 * MiB, { declareUnique: true });
    await expect(readWorkbookParts(declared, l)).rejects.toThrow(/holds 123361 or more strings, more than the limit of 100000 strings \(XLSX_MAX_SHARED_STRINGS\)/);
    const silent = await sharedStringsBombXlsx(2 * MiB);
    await expect(readWorkbookParts(silent, l)).rejects.toThrow(/holds 10\d{4} or more strings, more than the limit of 100000/);
    // at the default limits the same table is read
    expect((await readWorkbookParts(silent)).sheets.map((s) => s.name)).toEqual(['Calls']);
  });

  it('applies in Classify and in Parse, both before the reader starts', async () => {
    const bomb = await sharedStringsBombXlsx(12 * MiB);
    const l = limits({ xlsxMaxSharedStringsBytes: 10 * MiB });
    await expect(classify(bomb, 'calls.xlsx', l)).rejects.toThrow(/XLSX_MAX_SHARED_STRINGS_BYTES/);
    const good = await callLogXlsx({ rows: 5 });
    const { sampleRows: _s, ...classified } = await classify(good, 'calls.xlsx');
    const c: Classification = { ...classified, schema: { name: 'call_record', confidence: 0, reason: '' } };
    const input = (buf: Buffer) => ({ stream: () => Promise.resolve(Readable.from([buf])), readAll: () => Promise.resolve(buf), size: buf.length, limits: l });
    await expect(openRowSource(c, input(bomb)).then(async (rows) => { for await (const _b of rows) void _b; })).rejects.toThrow(/XLSX_MAX_SHARED_STRINGS_BYTES/);
    let read = 0;
    for await (const b of await openRowSource(c, input(good))) read += b.rows.length;
    expect(read).toBe(5);
  });
});

describe('JSON records are held to the depth limit', () => {
  it('refuses a record nested deeper than the limit in a JSON document, naming the record', () => {
    const s = new JsonRecordSplitter(DEFAULT_PARSE_LIMITS.jsonMaxDepth * 1000, 64);
    expect(() => s.write(`[{"ok": 1}, ${nestedJson(65)}]`)).toThrow(/JSON record 2 nests objects and arrays more than 64 levels deep.*JSON_MAX_DEPTH/);
    // 64 levels, and a wrapper object around the records array, are fine
    const t = new JsonRecordSplitter();
    expect(t.write(`{"data": [${nestedJson(64)}]}`)).toHaveLength(1);
  });

  it('refuses an NDJSON record nested 5,000 deep with LimitExceededError instead of overflowing the stack', async () => {
    const text = `{"a":1}\n{"b":${nestedJson(5000)}}\n{"a":2}\n`;
    const stream = parseJsonRows(inChunks(Buffer.from(text), 4096), { mode: 'ndjson', encoding: 'utf-8' });
    const error = await (async () => {
      for await (const _b of stream) void _b;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitExceededError);
    expect((error as Error).message).toMatch(/record on line 2 nests objects and arrays more than 64 levels deep/);
    // a deep string is no nesting
    const rows: unknown[] = [];
    for await (const b of parseJsonRows(inChunks(Buffer.from(`{"a":"${'{['.repeat(5000)}"}\n`), 64), { mode: 'ndjson', encoding: 'utf-8' })) rows.push(...b.rows);
    expect(rows).toHaveLength(1);
  });

  it('Classify: JSON 100,000 deep fails on the limit, not with a misleading "no header"', async () => {
    await expect(classify(Buffer.from(`[${nestedJson(100_000)}]`), 'calls.json')).rejects.toThrow(/JSON record 1 nests objects and arrays more than 64 levels deep/);
    await expect(classify(Buffer.from(`{"a":1}\n${nestedJson(5000)}\n`), 'calls.ndjson')).rejects.toThrow(/NDJSON record 2 nests/);
  });

  it('Classify: NDJSON whose first record is longer than the head is NDJSON, up to the record limit', async () => {
    const long = JSON.stringify({ number: '+14155550100', notes: 'x'.repeat(600 * 1024) });
    const c = await classify(Buffer.from(`${long}\n{"number":"+14155550101","notes":"y"}\n`), 'calls.txt');
    expect(c).toMatchObject({ format: 'ndjson', headers: ['number', 'notes'] });
    // a first record of 200 KB and a second of 100 KB: the head holds one whole line and the start of the next
    const two = `${JSON.stringify({ n: 'a'.repeat(200 * 1024) })}\n${JSON.stringify({ n: 'b'.repeat(100 * 1024) })}\n{"n":"c"}\n`;
    expect((await classify(Buffer.from(two), 'calls.jsonl')).format).toBe('ndjson');
    const tooLong = JSON.stringify({ notes: 'x'.repeat(1100 * 1024) });
    await expect(classify(Buffer.from(`${tooLong}\n{"notes":"y"}\n`), 'calls.ndjson')).rejects.toThrow(/Line 1 is longer than the limit of 1048576 characters/);
  });

  it('warns about records with undecodable bytes', async () => {
    const bytes = Buffer.concat([Buffer.from('{"city":"Z'), Buffer.from([0xff]), Buffer.from('rich"}\n{"city":"Bern"}\n')]);
    const stream = parseJsonRows(inChunks(bytes, 5), { mode: 'ndjson', encoding: 'utf-8' });
    for await (const _b of stream) void _b;
    expect(stream.warnings()).toEqual([{ code: 'invalid_characters', count: 1, message: expect.stringMatching(/first in record 1;/) }]);
  });
});

describe('a limit error fails the job', () => {
  it('keeps its type through the stage wrapper, and no state of the pipeline retries it', () => {
    const error = new LimitExceededError('x');
    expect(error.name).toBe('LimitExceededError');
    // runStage passes DomainErrors through as they are (anything else becomes InternalError)
    expect(error).toBeInstanceOf(DomainError);
    expect(error).not.toBeInstanceOf(TransientError);
    const asl = JSON.parse(readFileSync(new URL('../../statemachines/pipeline.asl.json', import.meta.url), 'utf8')) as unknown;
    const retried: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'Retry') for (const r of value as { ErrorEquals: string[] }[]) retried.push(...r.ErrorEquals);
          else walk(value);
        }
      }
    };
    walk(asl);
    expect(retried).toContain('TransientError');
    for (const name of ['LimitExceededError', 'DomainError', 'States.ALL', 'States.TaskFailed']) expect(retried).not.toContain(name);
  });
});
