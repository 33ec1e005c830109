/**
 * Splits delimited text into byte ranges that each start at the beginning of a record, so
 * the ranges can be parsed independently and in parallel. "The beginning of a record"
 * follows the tokenizer's own rules (csv-tokenizer.ts): a quote opens a quoted cell only
 * at the start of a cell, `""` inside it is an escaped quote, and a line break inside
 * quotes belongs to the cell. The first `headerRow` lines (preamble) are skipped as plain
 * lines, as the row reader skips them.
 *
 * Works on bytes, one piece at a time (bounded memory): valid for encodings where the
 * quote, line feed and delimiter bytes only ever mean those characters (ASCII, UTF-8,
 * Windows-1252), with LF or CRLF line ends.
 */

export interface ByteRange {
  /** first byte (inclusive) */
  start: number;
  /** last byte (exclusive) */
  end: number;
  /** 1-based physical line on which the range starts */
  firstLine: number;
}

export interface RowBoundaries {
  /** bytes of the preamble and the header record: what a range needs in front of it to parse alone */
  headerEnd: number;
  /** the data after the header, in order, covering it without gaps */
  ranges: ByteRange[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export class RowBoundaryScanner {
  private offset = 0;
  private lines = 1;
  private preambleLeft: number;
  private inQuotes = false;
  /** inside quotes, the last byte seen was a quote: closing, or the first half of `""` */
  private quotePending = false;
  /** the byte before the current one: a quote opens a cell only after a delimiter or a line feed */
  private prev = LF;
  /** the record being read has a delimiter outside quotes: only after such a record is a cut made */
  private delimited = false;
  /** the next position at or after which a record start ends the current range */
  private target = -1;
  private headerEnd = -1;
  private readonly starts: { at: number; line: number }[] = [];

  constructor(
    private readonly delimiter: number,
    private readonly rangeBytes: number,
    headerRow: number,
  ) {
    if (rangeBytes < 1) throw new RangeError('rangeBytes must be positive');
    this.preambleLeft = headerRow;
  }

  push(piece: Uint8Array): void {
    let i = 0;
    const n = piece.length;
    // a UTF-8 byte order mark is not part of the first line (a quote after it opens a cell)
    if (this.offset === 0 && n >= 3 && piece[0] === 0xef && piece[1] === 0xbb && piece[2] === 0xbf) i = 3;
    while (this.preambleLeft > 0 && i < n) {
      const nl = piece.indexOf(LF, i);
      if (nl === -1) i = n;
      else {
        i = nl + 1;
        this.lines++;
        this.preambleLeft--;
      }
    }
    if (this.preambleLeft > 0) {
      this.offset += n;
      return;
    }
    if (this.target === -1) this.target = this.offset + i;
    while (i < n) {
      const c = piece[i]!;
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === QUOTE) {
            // `""`: an escaped quote, still inside
            this.prev = c;
            i++;
            continue;
          }
          this.inQuotes = false; // the quote before closed the cell; this byte is outside
        } else {
          // jump to the next quote, counting the line breaks inside the cell
          const q = piece.indexOf(QUOTE, i);
          const stop = q === -1 ? n : q;
          for (let nl = piece.indexOf(LF, i); nl !== -1 && nl < stop; nl = piece.indexOf(LF, nl + 1)) this.lines++;
          if (q !== -1) this.quotePending = true;
          this.prev = piece[stop - 1] ?? this.prev;
          i = stop + 1;
          continue;
        }
      }
      // (a lone CR is a line break to the row reader, so a quote after it opens a cell too)
      if (c === QUOTE && (this.prev === this.delimiter || this.prev === LF || this.prev === CR)) {
        this.inQuotes = true;
        this.prev = c;
        i++;
        continue;
      }
      if (c === LF) {
        this.lines++;
        const next = this.offset + i + 1;
        // Cut only after a record of several cells: never after a blank or one-cell line, so
        // a range neither starts after a break nor ends holding rows the row judgement would
        // decide on with what follows (footers, section titles).
        if (next > this.target && this.delimited) this.recordStart(next);
        this.delimited = false;
      } else if (c === this.delimiter) {
        this.delimited = true;
      }
      // Outside quotes only a quote, or a line feed past the target, matters: jump to the nearer.
      const q = piece.indexOf(QUOTE, i + 1);
      const stop = q === -1 ? n : q;
      // Line feeds before the target, or after a record without a delimiter, are no cut:
      // count them and go on; stop at the first one that is.
      let nl = piece.indexOf(LF, i + 1);
      let from = i + 1; // where the bytes of the current record not yet looked at begin
      while (nl !== -1 && nl < stop) {
        if (this.offset + nl + 1 > this.target && (this.delimited || this.hasDelimiter(piece, from, nl))) {
          this.delimited = true;
          break;
        }
        this.lines++;
        this.delimited = false;
        from = nl + 1;
        nl = piece.indexOf(LF, nl + 1);
      }
      const resume = nl !== -1 && nl < stop ? nl : stop;
      if (!this.delimited) this.delimited = this.hasDelimiter(piece, from, resume);
      this.prev = piece[resume - 1]!;
      i = resume;
    }
    this.offset += n;
  }

  /** a delimiter byte in piece[from, to) */
  private hasDelimiter(piece: Uint8Array, from: number, to: number): boolean {
    const d = piece.indexOf(this.delimiter, from);
    return d !== -1 && d < to;
  }

  private recordStart(at: number): void {
    if (this.headerEnd === -1) this.headerEnd = at;
    this.starts.push({ at, line: this.lines });
    this.target = at + this.rangeBytes - 1;
  }

  /** The ranges, once every byte has been pushed; `size` is the file's length. */
  end(): RowBoundaries {
    const size = this.offset;
    if (this.headerEnd === -1) return { headerEnd: size, ranges: [] };
    const ranges: ByteRange[] = [];
    // the header's end is the first record start; each later one closes a range
    for (let k = 0; k < this.starts.length; k++) {
      const from = this.starts[k]!;
      const to = this.starts[k + 1]?.at ?? size;
      if (to > from.at) ranges.push({ start: from.at, end: to, firstLine: from.line });
    }
    return { headerEnd: this.headerEnd, ranges };
  }
}
