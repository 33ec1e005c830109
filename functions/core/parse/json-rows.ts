import { createDecoder } from '../detect/encoding.ts';
import { assertIsError, CorruptFileError, LimitExceededError, NoDataRowsError, TruncatedFileError } from '../errors.ts';
import type { ByteSource } from './delimited-rows.ts';
import { emptySkipped, type ParsedRow } from './table-assembler.ts';
import { OnceRowStream } from './once-row-stream.ts';
import { DEFAULT_BATCH_ROWS, type RowBatch, type RowStream, type RowStreamStats } from './row-stream.ts';
import { WARNING_CODES, WarningTally, type JobWarning } from '../jobs/warnings.ts';
import { DEFAULT_PARSE_LIMITS, LIMIT_SETTINGS } from './parse-limits.ts';

export type JsonMode = 'json' | 'ndjson';

/** Longest JSON record (NDJSON line) accepted, in characters: the same bound as a delimited line. */
export const MAX_JSON_RECORD_CHARS = 1024 * 1024;
/**
 * Deepest nesting of objects and arrays accepted in one record. Records are flattened
 * (nested objects to dotted keys, deeper values to JSON text); a record nested thousands
 * deep is not data, and turning it back into text would overflow the stack.
 */
export const MAX_JSON_DEPTH = DEFAULT_PARSE_LIMITS.jsonMaxDepth;
const MAX_DEPTH_FLATTENED = 8;

const enum C {
  Quote = 0x22,
  Backslash = 0x5c,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
  OpenBracket = 0x5b,
  CloseBracket = 0x5d,
  Comma = 0x2c,
  Colon = 0x3a,
}

function tooDeep(maxDepth: number, where: string): LimitExceededError {
  return new LimitExceededError(`${where} nests objects and arrays more than ${maxDepth} levels deep, the limit for a JSON record (${LIMIT_SETTINGS.jsonMaxDepth})`);
}

/**
 * Throws LimitExceededError when the JSON text nests objects and arrays more than
 * `maxDepth` deep (outside strings). Cheap for ordinary records: only text with more
 * opening brackets than the limit is scanned.
 */
export function assertJsonDepth(text: string, maxDepth: number, where: string): void {
  let opens = 0;
  // Stryker disable next-line StringLiteral,LogicalOperator,ConditionalExpression,ArithmeticOperator: equivalent, these only count more openings, which runs the full scan below
  for (let i = text.indexOf('{'); i !== -1 && opens <= maxDepth; i = text.indexOf('{', i + 1)) opens++;
  // Stryker disable next-line StringLiteral,LogicalOperator,ConditionalExpression,ArithmeticOperator: equivalent, these only count more openings, which runs the full scan below
  for (let i = text.indexOf('['); i !== -1 && opens <= maxDepth; i = text.indexOf('[', i + 1)) opens++;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a needless full scan finds the same depth
  if (opens <= maxDepth) return;
  let depth = 0;
  let inString = false;
  // Stryker disable next-line EqualityOperator: equivalent, charCodeAt past the end is NaN, which matches no bracket
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === C.Backslash) i++;
      else if (c === C.Quote) inString = false;
    } else if (c === C.Quote) inString = true;
    else if (c === C.OpenBrace || c === C.OpenBracket) {
      if (++depth > maxDepth) throw tooDeep(maxDepth, where);
    } else if (c === C.CloseBrace || c === C.CloseBracket) depth--;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;
}

/** A character of a number, `true`, `false` or `null` (lower-case letters, digits, `+ - . E`). */
function isScalarChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e || c === 0x45;
}

/**
 * Cuts the records out of a JSON document as it streams in, without parsing the whole:
 * the elements of a top-level array (`$`), or of the first property of a top-level
 * object whose value is an array of objects or arrays (`$.data`, `$.records`, ...); a
 * top-level object with no such property is one record. Each record is returned as its
 * JSON text, for JSON.parse. Memory is bounded by the longest record.
 */
export class JsonRecordSplitter {
  /** where the records are, once known: "$" or "$.<key>" */
  path: string | undefined;
  private buf = '';
  private pos = 0;
  /** characters dropped from the front of buf */
  private consumed = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private recordsDepth = -1;
  private probing = false;
  private recordsDone = false;
  private recordStart = -1;
  // Stryker disable next-line BooleanLiteral: equivalent, startRecord sets it before it is read
  private primitive = false;
  // Stryker disable next-line BooleanLiteral: equivalent, read only with recordsDepth < 0 or at the close of a document whose records are done, never so in a top-level array
  private topObject = false;
  private topStart = -1;
  /** the top-level object passed the record limit before any records were found in it */
  private topTooLong = false;
  private keyStart = -1;
  private lastKey: string | undefined;
  // Stryker disable next-line BooleanLiteral: equivalent, read at the first character, which is no '[' after a colon of a top-level object
  private afterColon = false;
  private started = false;
  /** where the next character of a top-level number, `true`, `false` or `null` would be (counted from the start of the text) */
  private scalarNext = 0; // (no character after the first is at 0)
  /** records cut so far */
  private records = 0;

  constructor(
    private readonly maxRecordChars = MAX_JSON_RECORD_CHARS,
    private readonly maxDepth = MAX_JSON_DEPTH,
  ) {}

  /** Characters held in memory: the last piece written and what is kept of earlier ones, the unfinished record or object, or a key being read (a bound the tests check). */
  get held(): number {
    return this.buf.length;
  }

  /** Feeds text; returns the records completed by it. */
  write(text: string): string[] {
    const out: string[] = [];
    this.compact();
    this.buf += text;
    this.scan(out);
    return out;
  }

  /** The end of the document: throws TruncatedFileError when it stops inside a value. */
  end(): string[] {
    // Every record is inside an array (depth >= 1) or is the top-level object, cut at its
    // closing brace: a record still open here is inside a value that did not close.
    if (this.inString || this.depth > 0) {
      throw new TruncatedFileError(`The JSON document ends inside ${this.inString ? 'a string' : 'an object or array'}: the file is truncated or not valid JSON`);
    }
    return [];
  }

  /** Where the text still needed starts: the unfinished record, top-level object or key, else the scan's position. */
  private keepFrom(): number {
    let keep = this.pos;
    for (const i of [this.recordStart, this.topStart, this.keyStart]) if (i >= 0) keep = Math.min(keep, i);
    return keep;
  }

  private compact(): void {
    const keep = this.keepFrom();
    this.consumed += keep;
    this.buf = this.buf.slice(keep);
    this.pos -= keep;
    // A start below 0 is none, and stays below 0.
    this.recordStart -= keep;
    this.topStart -= keep;
    this.keyStart -= keep;
  }

  private scan(out: string[]): void {
    const buf = this.buf;
    const n = buf.length;
    let i = this.pos;
    for (; i < n; i++) {
      const c = buf.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === C.Backslash) this.escaped = true;
        else if (c === C.Quote) {
          this.inString = false;
          if (this.keyStart >= 0) {
            this.lastKey = JSON.parse(buf.slice(this.keyStart, i + 1)) as string;
            this.keyStart = -1;
          }
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (this.started && this.depth === 0) {
        // A document that is one number or literal (`42`, `true`) goes on to its end, and is no
        // records, as a lone string is. Checked here only, where a document's records never are.
        if (this.consumed + i === this.scalarNext && isScalarChar(c)) {
          this.scalarNext++;
          continue;
        }
        // Another value after the document: concatenated JSON, or NDJSON sniffed as JSON.
        throw new CorruptFileError(`The JSON document goes on after its end (at character ${this.consumed + i}): several top-level values are not one JSON document (is it NDJSON?)`);
      }
      if (!this.started) {
        this.started = true;
        if (c === C.OpenBracket) {
          this.recordsDepth = 1;
          this.path = '$';
        } else if (c === C.OpenBrace) {
          this.topObject = true;
          this.topStart = i;
        } else if (c !== C.Quote) {
          // A number or literal (or what is no JSON): no records; scanned on for what follows it.
          this.scalarNext = this.consumed + i + 1;
          continue;
        }
      } else if (
        this.probing &&
        // Stryker disable next-line ConditionalExpression: equivalent, the first character after '[' is at the level probed (a ']' too, before the switch)
        this.depth === this.recordsDepth
      ) {
        // The first element of a candidate array decides whether it holds the records.
        this.probing = false;
        if (c === C.OpenBrace || c === C.OpenBracket) this.path = `$.${this.lastKey ?? ''}`;
        else this.recordsDepth = -1;
      }
      // Before the switch, so that a record passing the length limit on the character that also
      // nests it too deep is refused for its length: raising JSON_MAX_DEPTH would only move the
      // failure to the length at the same character, while a shorter record reads. (The record
      // a character starts or ends is measured where it is cut.)
      if (this.recordStart >= 0 && i - this.recordStart > this.maxRecordChars) this.tooLong();
      const colon = this.afterColon;
      this.afterColon = false;
      // (the depth is never below 0: a document's first character is no ']' or '}' the switch sees)
      const inRecords = !this.recordsDone && this.depth === this.recordsDepth;
      switch (c) {
        case C.Quote:
          this.inString = true;
          if (inRecords && this.recordStart < 0) this.startRecord(i, true);
          else if (
            this.topObject &&
            this.depth === 1 &&
            // Stryker disable next-line EqualityOperator: equivalent for <= 0, recordsDepth is -1, 1 or 2, never 0
            this.recordsDepth < 0 &&
            !colon
          )
            this.keyStart = i;
          break;
        case C.OpenBrace:
        case C.OpenBracket:
          if (inRecords && this.recordStart < 0) this.startRecord(i, false);
          // a value after a colon of the top-level object (depth 1) before its records are found
          else if (
            // Stryker disable next-line ConditionalExpression: equivalent for the '[', an object probed is refused at its first character, a key or its '}'
            c === C.OpenBracket &&
            colon &&
            // Stryker disable next-line EqualityOperator: equivalent for <= 0, recordsDepth is -1, 1 or 2, never 0
            this.recordsDepth < 0
          ) {
            this.recordsDepth = 2;
            this.probing = true;
          }
          this.depth++;
          // counted from the records' own level (a wrapper object and its array are not the record's)
          if (this.depth - Math.max(0, this.recordsDepth) > this.maxDepth) throw tooDeep(this.maxDepth, `JSON record ${this.records + 1}`);
          break;
        case C.CloseBrace:
        case C.CloseBracket:
          if (this.recordStart >= 0 && this.primitive && this.depth === this.recordsDepth) this.endRecord(i, out);
          this.depth--;
          if (this.recordStart >= 0 && !this.primitive && this.depth === this.recordsDepth) this.endRecord(i + 1, out);
          // The records array closed: no records after it. (An empty candidate array was refused at its ']', before the switch.)
          else if (this.depth === this.recordsDepth - 1) this.recordsDone = true;
          // Back at depth 0, records found in the object would have been closed (recordsDone).
          if (this.depth === 0 && this.topObject && !this.recordsDone) {
            // A top-level object without an array of records: it is the one record, held to the record limit.
            if (this.topTooLong || i + 1 - this.topStart > this.maxRecordChars) this.tooLong();
            // (the document ends here: what follows is refused above)
            this.path = '$';
            out.push(buf.slice(this.topStart, i + 1));
            this.topStart = -1;
          }
          break;
        case C.Comma:
          if (this.recordStart >= 0 && this.primitive && this.depth === this.recordsDepth) this.endRecord(i, out);
          break;
        case C.Colon:
          if (this.depth === 1) this.afterColon = true;
          break;
        default:
          if (inRecords && this.recordStart < 0) this.startRecord(i, true);
      }
      // The top-level object is let go once the records are found (a wrapper, not a record:
      // compact() keeps the text from topStart on); kept while a candidate array is probed, since
      // an array of values (`{"tags": []}`, `{"tags": ["a"]}`) leaves the object the one record.
      // Stryker disable next-line EqualityOperator: equivalent, recordsDepth is -1, 1 or 2, never 0
      if (this.recordsDepth > 0 && !this.probing) this.topStart = -1;
    }
    this.pos = i;
    // The checks above do not run inside a string: a long one is measured here, once per piece.
    if (this.recordStart >= 0 && n - this.recordStart > this.maxRecordChars) this.tooLong();
    // A key of the top-level object read before its records is kept whole, since it may name them;
    // one longer than a record may be is refused rather than held.
    if (this.keyStart >= 0 && n - this.keyStart > this.maxRecordChars) {
      throw new LimitExceededError(`A key of the JSON document's top-level object is longer than the limit of ${this.maxRecordChars} characters`);
    }
    // Past the record limit the top-level object is let go too, and fails the file if it turns out
    // to be the record; a wrapper whose records come after long metadata reads on.
    if (this.topStart >= 0) {
      // Stryker disable next-line EqualityOperator: equivalent, one character past this bound is too long anyway, as the emit checks exactly
      if (n - this.topStart > this.maxRecordChars) this.letTopGo();
    }
  }

  /** The top-level object passed the record limit: its text is let go, and it fails the file if it is the record. */
  private letTopGo(): void {
    this.topStart = -1;
    this.topTooLong = true;
  }

  private tooLong(): never {
    throw new LimitExceededError(`A JSON record is longer than the limit of ${this.maxRecordChars} characters`);
  }

  private startRecord(i: number, primitive: boolean): void {
    this.recordStart = i;
    this.primitive = primitive;
  }

  private endRecord(end: number, out: string[]): void {
    if (end - this.recordStart > this.maxRecordChars) this.tooLong();
    out.push(this.buf.slice(this.recordStart, end).trim());
    this.records++;
    this.recordStart = -1;
  }
}

/** A record's columns: nested objects as dotted keys, lists of values joined by "; ". */
export function flattenRecord(value: unknown): [key: string, value: string][] {
  const out: [string, string][] = [];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) flattenInto(value as Record<string, unknown>, '', 0, out);
  else out.push(['value', cellText(value)]);
  return out;
}

function flattenInto(obj: Record<string, unknown>, prefix: string, depth: number, out: [string, string][]): void {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix + k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < MAX_DEPTH_FLATTENED) flattenInto(v as Record<string, unknown>, `${key}.`, depth + 1, out);
    else out.push([key, cellText(v)]);
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  // (true and false are written by JSON.stringify below, as String would)
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) return v.map((x) => cellText(x)).join('; ');
  return JSON.stringify(v);
}

/** The union of the records' keys, first seen first, and each record's cells under it. */
export class KeyUnion {
  private readonly index = new Map<string, number>();
  readonly names: string[] = [];

  constructor(
    initial: readonly string[] = [],
    private readonly maxColumns = 10_000,
  ) {
    for (const k of initial) this.add(k);
  }

  /** The record's cells under the union as it is after adding the record's keys. */
  cells(pairs: readonly [string, string][]): string[] {
    for (const [k] of pairs) this.add(k);
    const out = new Array<string>(this.names.length).fill('');
    for (const [k, v] of pairs) out[this.index.get(k)!] = v;
    return out;
  }

  private add(key: string): void {
    if (this.index.has(key)) return;
    if (this.names.length >= this.maxColumns) {
      throw new LimitExceededError(`The records have more than ${this.maxColumns} distinct keys`);
    }
    this.index.set(key, this.names.length);
    this.names.push(key);
  }
}

export interface JsonParseOptions {
  mode: JsonMode;
  encoding: string;
  /** column order known from the Classification; keys seen later are appended */
  headers?: readonly string[];
  maxRecordChars?: number;
  maxColumns?: number;
  /** deepest nesting of a record (default MAX_JSON_DEPTH) */
  maxDepth?: number;
}

/**
 * Streams the records of a JSON document (array of objects) or NDJSON (an object per
 * line) as rows under the union of their keys. A record that is not valid JSON, or not
 * an object, becomes a row with an `error` (rejected, never dropped); blank NDJSON lines
 * are skipped and counted. Throws TruncatedFileError when a JSON document stops inside a
 * value, LimitExceededError for a record over `maxRecordChars`, nested deeper than
 * `maxDepth` or with more than `maxColumns` keys, NoDataRowsError when there are no
 * records. Records holding undecodable bytes (U+FFFD) are counted in `warnings()`.
 */
export function parseJsonRows(source: ByteSource, opts: JsonParseOptions): RowStream {
  return new JsonRowReader(source, opts);
}

class JsonRowReader extends OnceRowStream<RowStreamStats> implements RowStream {
  private readonly union: KeyUnion;
  private rowsEmitted = 0;
  private malformed = 0;
  private blank = 0;
  private bytesRead = 0;
  private line = 0;
  private pendingLine = '';
  private batch: ParsedRow[] = [];
  private readonly maxRecord: number;
  private readonly maxDepth: number;
  private readonly tally = new WarningTally();
  /** the text decoded so far held U+FFFD: look for it in the records */
  // Stryker disable next-line BooleanLiteral: equivalent, a fast path: set from the start it only has takeRecord look for U+FFFD in each record
  private undecodable = false;

  constructor(
    private readonly source: ByteSource,
    private readonly opts: JsonParseOptions,
  ) {
    super();
    this.union = new KeyUnion(opts.headers ?? [], opts.maxColumns);
    this.maxRecord = opts.maxRecordChars ?? MAX_JSON_RECORD_CHARS;
    this.maxDepth = opts.maxDepth ?? MAX_JSON_DEPTH;
  }

  warnings(): JobWarning[] {
    return this.tally.list();
  }

  override get stats(): RowStreamStats {
    return {
      headers: this.union.names.slice(),
      headerLine: undefined,
      rowsEmitted: this.rowsEmitted,
      malformedRows: this.malformed,
      skipped: { ...emptySkipped(), blank: this.blank },
      bytesRead: this.bytesRead,
    };
  }

  headers(): string[] {
    return this.union.names.slice();
  }

  columnCount(): number {
    return this.union.names.length;
  }

  fillFor(_row: number, fromWidth: number): string[] {
    return new Array<string>(Math.max(0, this.union.names.length - fromWidth)).fill('');
  }

  protected async *run(): AsyncGenerator<RowBatch, void, undefined> {
    const decoder = createDecoder(this.opts.encoding);
    const splitter = this.opts.mode === 'json' ? new JsonRecordSplitter(this.maxRecord, this.maxDepth) : undefined;
    const size = DEFAULT_BATCH_ROWS;
    const take = (texts: string[]) => {
      for (const t of texts) this.takeRecord(t, splitter ? this.rowsEmitted + 1 : this.line);
    };
    for await (const chunk of this.source as AsyncIterable<Uint8Array | string>) {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: equivalent, set more often the flag only has takeRecord look for U+FFFD in each record, as it does anyway
      if (!this.undecodable && text.includes('\uFFFD')) this.undecodable = true;
      this.bytesRead += Buffer.byteLength(chunk);
      if (splitter) take(splitter.write(text));
      else this.takeLines(text, false);
      if (this.batch.length >= size) {
        yield { rows: this.batch, bytesRead: this.bytesRead };
        this.batch = [];
      }
    }
    const rest = decoder.end();
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, set more often the flag only has takeRecord look for U+FFFD in each record, as it does anyway
    if (rest.includes('\uFFFD')) this.undecodable = true;
    if (splitter) {
      take(splitter.write(rest));
      take(splitter.end());
    } else this.takeLines(rest, true);
    if (this.batch.length > 0) yield { rows: this.batch, bytesRead: this.bytesRead };
    if (this.rowsEmitted === 0) throw new NoDataRowsError(this.opts.mode === 'json' ? 'The JSON document has no records' : 'The NDJSON file has no records');
  }

  private takeLines(text: string, final: boolean): void {
    const buf = this.pendingLine + text;
    let start = 0;
    for (let nl = buf.indexOf('\n'); nl !== -1; nl = buf.indexOf('\n', start)) {
      this.line++;
      this.takeLine(buf.slice(start, nl));
      start = nl + 1;
    }
    this.pendingLine = buf.slice(start);
    if (final && this.pendingLine.length > 0) {
      this.line++;
      this.takeLine(this.pendingLine);
    }
    if (this.pendingLine.length > this.maxRecord) {
      throw new LimitExceededError(`Line ${this.line + 1} is longer than the limit of ${this.maxRecord} characters`);
    }
  }

  private takeLine(raw: string): void {
    if (raw.length > this.maxRecord) throw new LimitExceededError(`Line ${this.line} is longer than the limit of ${this.maxRecord} characters`);
    const text = raw.trim();
    if (text.length === 0) {
      this.blank++;
      return;
    }
    this.takeRecord(text, this.line);
  }

  private takeRecord(text: string, line: number): void {
    let value: unknown;
    let error: string | undefined;
    // (the splitter checks a JSON document's records as it cuts them)
    // Stryker disable next-line ConditionalExpression: equivalent for true, the splitter has refused a JSON record nested deeper with the same limit
    if (this.opts.mode === 'ndjson') assertJsonDepth(text, this.maxDepth, `The record on line ${line}`);
    if (
      // Stryker disable next-line ConditionalExpression: equivalent for true, the flag is a fast path: a record holding U+FFFD comes from text that set it
      this.undecodable &&
      text.includes('\uFFFD')
    ) {
      this.tally.add(WARNING_CODES.invalidCharacters, 1, () => `Some bytes are not valid ${this.opts.encoding} and were read as the replacement character U+FFFD, first in record ${line}; the count is of records holding one`);
    }
    try {
      value = JSON.parse(text);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) error = `record ${line} is not a JSON object`;
    } catch (err) {
      assertIsError(err);
      error = `invalid JSON in record ${line}: ${err.message}`;
    }
    const cells = error === undefined ? this.union.cells(flattenRecord(value)) : new Array<string>(this.union.names.length).fill('');
    const row: ParsedRow = { row: ++this.rowsEmitted, line, cells };
    if (error !== undefined) {
      row.error = error;
      this.malformed++;
    }
    this.batch.push(row);
  }
}
