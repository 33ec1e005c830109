import { MAX_QUOTED_LINE_BREAKS } from './csv-tokenizer.ts';

/**
 * Splits delimited text into byte ranges that each start at the beginning of a record, so
 * the ranges can be parsed independently and in parallel. "The beginning of a record"
 * follows the tokenizer's own rules (csv-tokenizer.ts): a quote opens a quoted cell only
 * at the start of a cell, `""` inside it is an escaped quote, and a line break inside
 * quotes belongs to the cell. The first `headerRow` lines (preamble) are skipped as plain
 * lines, as the row reader skips them.
 *
 * Lines are counted as the row reader counts them: it makes each lone CR (one not followed
 * by a LF) a LF before tokenizing, so a stray lone CR, inside quotes or out, is a line break
 * of its own and ends a preamble line. Cuts are made only at line feeds.
 *
 * A quote that the tokenizer takes as never closed (a quoted cell over several lines whose
 * closing quote does not end the cell, or one holding more than `maxQuotedBreaks` line
 * breaks) does not keep the scan inside quotes: the tokenizer cuts that record back at the
 * end of the quote's line and reads on from there, and the scan takes up the state that
 * reading has at the point where it notices (see push). Cuts are not made inside such a
 * cell; they do not need to be made at every record start, only at record starts.
 *
 * Works on bytes, one piece at a time (bounded memory): valid for encodings where the
 * quote, CR, line feed and delimiter bytes only ever mean those characters (ASCII, UTF-8,
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
const SPACE = 0x20;
const TAB = 0x09;
const BOM = [0xef, 0xbb, 0xbf];

/** Index of the first `byte` in piece[from, ...), or the piece's length when there is none. */
function indexIn(piece: Uint8Array, byte: number, from: number): number {
  const at = piece.indexOf(byte, from);
  return at === -1 ? piece.length : at;
}

export class RowBoundaryScanner {
  private offset = 0;
  /** bytes of a UTF-8 byte order mark read at the file's start so far (-1: it has none) */
  private bomBytes = 0;
  private lines = 1;
  private preambleLeft: number;
  private inQuotes = false;
  /** inside quotes, the last byte seen was a quote: closing, or the first half of `""` */
  private quotePending = false;
  /** the byte before the current one: a quote opens a cell only after a delimiter or a line feed */
  private prev = LF;
  /** the record being read has a delimiter outside quotes: only after such a record is a cut made */
  private delimited = false;
  /** the previous piece ended with a CR: a line break of its own unless this piece starts with a LF */
  private pendingCR = false;
  /** index in the current piece from which its lone CRs are not yet counted */
  private crFrom = 0;
  /** the next delimiter in the current piece at or after the last position asked about (the piece's length: none) */
  // Stryker disable next-line UnaryOperator: equivalent, push sets it to -1 before the scan first reads it
  private delimAt = -1;
  /** the next position at or after which a record start ends the current range (0: the header's end is one wherever it is) */
  private target = 0;
  private headerEnd = -1;
  // Stryker disable next-line ArrayDeclaration: equivalent, end() makes no range from an entry without a start (`to > undefined` is false) and reads the rest in order
  private readonly starts: { at: number; line: number }[] = [];
  /** line breaks (LF, lone CR) inside the current quoted cell */
  private cellBreaks = 0;
  /** the byte before the current run of quotes inside a quoted cell */
  private runPrev = LF;
  /** a quoted cell over several lines has just closed: the bytes after it must end the cell */
  private closeCheck = false;
  /** the previous piece ended with a CR inside a quoted cell: a line break of the cell unless this piece starts with a LF */
  // Stryker disable next-line BooleanLiteral: equivalent, the first piece that reaches the check is outside quotes, so a true here is only cleared
  private pendingCellCR = false;
  /**
   * the header record itself holds a quote the tokenizer takes as never closed, or ends at a
   * lone CR (cuts are made at line feeds only): the file is not split
   */
  private headerBroken = false;
  /** the previous piece ended with a CR outside quotes in the header record */
  private headerCR = false;

  constructor(
    private readonly delimiter: number,
    private readonly rangeBytes: number,
    headerRow: number,
    private readonly maxQuotedBreaks = MAX_QUOTED_LINE_BREAKS,
  ) {
    if (rangeBytes < 1) throw new RangeError('rangeBytes must be positive');
    this.preambleLeft = headerRow;
  }

  push(piece: Uint8Array): void {
    let i = 0;
    const n = piece.length;
    // a UTF-8 byte order mark is not part of the first line (a quote after it opens a cell),
    // however the pieces cut it
    while (this.bomBytes >= 0 && this.bomBytes < 3 && i < n) {
      if (piece[i] === BOM[this.bomBytes]) {
        this.bomBytes++;
        i++;
      } else {
        // only the start of one: ordinary bytes, so what follows them starts no cell
        if (this.bomBytes > 0 && this.preambleLeft === 0) this.prev = BOM[0]!;
        this.bomBytes = -1;
      }
    }
    if (this.pendingCR && n > 0) {
      this.pendingCR = false;
      if (piece[0] !== LF) this.lineBreak();
    }
    // The row reader makes each lone CR a LF before it skips the preamble, so a preamble
    // line ends at a lone CR too (where it ends decides how a quote after it reads).
    let lfAt = -1;
    let crAt = -1;
    while (this.preambleLeft > 0 && i < n) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for -> true and <=, a line feed found at or after i is the first there (i only grows), so searching again finds it
      if (lfAt < i) lfAt = indexIn(piece, LF, i);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for -> true and <=, as for the line feed above
      if (crAt < i) crAt = indexIn(piece, CR, i);
      if (crAt < lfAt && piece[crAt + 1] !== LF) {
        i = crAt + 1;
        if (i === n) this.pendingCR = true;
        else this.lineBreak();
      } else if (lfAt < n) {
        i = lfAt + 1;
        this.lineBreak();
      } else i = n;
    }
    // (a piece the preamble takes whole leaves i at n: nothing below reads it)
    this.crFrom = i;
    this.delimAt = -1;
    // The next quote and the next line feed at or after the scan position (n: none left in
    // the piece). The scan only moves forward, so each is searched for again only once the
    // scan has passed it: a line feed found past a quoted cell is the one the scan meets next.
    let quoteAt = -1;
    lfAt = -1;
    crAt = -1;
    if (this.headerCR && n > 0) {
      this.headerCR = false;
      // (the header has not ended: a CR is pending only at the end of a piece that did not end it)
      if (piece[0] !== LF) this.headerBroken = true;
    }
    if (this.pendingCellCR && n > 0) {
      this.pendingCellCR = false;
      // Stryker disable next-line ConditionalExpression: equivalent for inQuotes -> true, a CR is left pending only inside a quoted cell, which nothing leaves before this check
      if (this.inQuotes && piece[0] !== LF && ++this.cellBreaks > this.maxQuotedBreaks) this.quoteNeverClosed(false);
    }
    scan: while (i < n) {
      const c = piece[i]!;
      if (this.closeCheck) {
        // After a quoted cell over several lines: spaces, then the cell's end, or the tokenizer
        // takes the quote that opened it as never closed and reads on from that quote's line.
        // What it reads here: the run of quotes just passed opens a quoted cell if a cell
        // starts there (after a delimiter or line break), else it is text in one.
        if ((c === SPACE || c === TAB) && c !== this.delimiter) {
          this.prev = c;
          i++;
          continue;
        }
        this.closeCheck = false;
        if (c !== this.delimiter && c !== LF && c !== CR) {
          // this byte is inside the cell that run opened if it opened one (read below either way)
          this.quoteNeverClosed(this.runPrev === this.delimiter || this.runPrev === LF || this.runPrev === CR);
        }
      }
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
          if (this.cellBreaks > 0) {
            this.closeCheck = true;
            continue;
          }
        } else {
          // jump to the next quote, counting the line breaks inside the cell (lone CRs are
          // counted as lines by countLoneCRs, but as the cell's breaks here)
          // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for -> true and <=, a quote found at or after i is the first there (the scan only moves forward)
          if (quoteAt < i) quoteAt = indexIn(piece, QUOTE, i);
          let from = i;
          for (;;) {
            // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for -> true and <=, a line feed found at or after `from` is the first there (it only grows)
            if (lfAt < from) lfAt = indexIn(piece, LF, from);
            // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for -> true and <=, as for the line feed above
            if (crAt < from) crAt = indexIn(piece, CR, from);
            // Stryker disable next-line EqualityOperator: equivalent for <=, a line feed and a CR are never at one index, so the two are equal only as the piece's length
            const at = lfAt < crAt ? lfAt : crAt;
            if (at >= quoteAt) break;
            from = at + 1;
            if (at === lfAt) this.lines++;
            else if (at + 1 === n) {
              this.pendingCellCR = true; // CRLF or a lone CR: the next piece says
              break;
            } else if (piece[at + 1] === LF) continue; // CRLF: its LF is the break
            if (++this.cellBreaks > this.maxQuotedBreaks) {
              // More lines than a cell holds: the tokenizer cut the record back and read on;
              // this line break ends a record there.
              this.quoteNeverClosed(false);
              this.prev = piece[at]!;
              i = at + 1;
              continue scan;
            }
          }
          if (quoteAt < n) {
            this.quotePending = true;
            const before = quoteAt > i ? piece[quoteAt - 1]! : this.prev;
            if (before !== QUOTE) this.runPrev = before;
          }
          this.prev = piece[quoteAt - 1] ?? this.prev;
          i = quoteAt + 1;
          continue;
        }
      }
      // (a lone CR is a line break to the row reader, so a quote after it opens a cell too)
      if (c === QUOTE && (this.prev === this.delimiter || this.prev === LF || this.prev === CR)) {
        this.inQuotes = true;
        this.cellBreaks = 0;
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
        if (next > this.target && this.delimited) {
          this.countLoneCRs(piece, i);
          this.recordStart(next);
        }
        this.delimited = false;
      } else if (c === this.delimiter) {
        this.delimited = true;
      }
      // Outside quotes only a quote, or a line feed past the target, matters: jump to the nearer.
      // Stryker disable next-line ConditionalExpression: equivalent for -> true, a quote found after i is the first there (the scan only moves forward)
      if (quoteAt <= i) quoteAt = indexIn(piece, QUOTE, i + 1);
      // Stryker disable next-line ConditionalExpression: equivalent for -> true, as for the quote above
      if (lfAt <= i) lfAt = indexIn(piece, LF, i + 1);
      // Line feeds before the target, or after a record without a delimiter, are no cut:
      // count them and go on; stop at the first one that is.
      let from = i + 1; // where the bytes of the current record not yet looked at begin
      const cutFrom = this.target - this.offset; // a line feed here or later is past the target
      // Stryker disable next-line ConditionalExpression: equivalent for -> false, the scan above then meets each line feed itself and passes it the same way
      while (lfAt < quoteAt) {
        // Stryker disable next-line ConditionalExpression: equivalent for -> true, a line feed before the target then leaves the loop and the scan above passes it with no cut
        const pastTarget = lfAt >= cutFrom;
        if (pastTarget && (this.delimited || this.hasDelimiter(piece, from, lfAt))) {
          this.delimited = true;
          break;
        }
        this.lines++;
        this.delimited = false;
        from = lfAt + 1;
        lfAt = indexIn(piece, LF, lfAt + 1);
      }
      // Stryker disable next-line EqualityOperator: equivalent for <=, a line feed and a quote are never at one index, so the two are equal only as the piece's length
      const resume = lfAt < quoteAt ? lfAt : quoteAt;
      if (!this.delimited) this.delimited = this.hasDelimiter(piece, from, resume);
      if (this.headerEnd === -1 && !this.headerBroken) this.headerBroken = this.hasLoneCR(piece, i, resume);
      this.prev = piece[resume - 1]!;
      i = resume;
    }
    this.countLoneCRs(piece, n);
    this.offset += n;
  }

  /**
   * The tokenizer takes the open quoted cell's quote as never closed: it cut that record
   * back and read on from the quote's line, and here, where the scan notices, its reading
   * is inside a quoted cell only if `inCell` (one that opened at the quotes just passed).
   * Up to here the scan made no cuts, as it does not inside quotes; whether the current
   * record has a delimiter is not known, so none is assumed (a cut may come a line later).
   */
  private quoteNeverClosed(inCell: boolean): void {
    if (this.headerEnd === -1) this.headerBroken = true;
    this.inQuotes = inCell;
    this.quotePending = false;
    this.cellBreaks = 0;
    this.delimited = false;
  }

  /** a preamble line, or a lone CR after it, has ended */
  private lineBreak(): void {
    this.lines++;
    // below 0 once the preamble is over (a lone CR at a piece's end in the data): it is only asked whether it is above 0
    this.preambleLeft--;
  }

  /**
   * Counts the lone CRs in piece[crFrom, to) as line breaks, inside quotes or not, as the
   * row reader does (it makes each a LF before tokenizing). Their line count matters only
   * at a cut, so they are counted there and at the end of the piece, in a pass apart from
   * the scan: a file without CRs pays one search of each stretch, a CRLF file one per line.
   */
  private countLoneCRs(piece: Uint8Array, to: number): void {
    // searched within [crFrom, to) only: at a cut, the rest of the piece is searched later
    const stretch = piece.subarray(0, to);
    for (let c = stretch.indexOf(CR, this.crFrom); c !== -1; c = stretch.indexOf(CR, c + 1)) {
      if (c + 1 === piece.length) this.pendingCR = true; // decided by the next piece's first byte
      else if (piece[c + 1] !== LF) this.lines++;
    }
    this.crFrom = to;
  }

  /** A lone CR (outside quotes) in piece[from, to); one at the piece's end is decided by the next piece. */
  private hasLoneCR(piece: Uint8Array, from: number, to: number): boolean {
    // Stryker disable next-line EqualityOperator: equivalent for <=, `to` is the index of a line feed or a quote, or the piece's length, never of a CR
    for (let c = piece.indexOf(CR, from); c !== -1 && c < to; c = piece.indexOf(CR, c + 1)) {
      if (c + 1 === piece.length) this.headerCR = true;
      else if (piece[c + 1] !== LF) return true;
    }
    return false;
  }

  /**
   * A delimiter byte in piece[from, to). `from` only grows within a piece, so the next
   * delimiter is searched for again only once it is passed: a file whose lines hold none
   * would otherwise search to the piece's end at every line.
   */
  private hasDelimiter(piece: Uint8Array, from: number, to: number): boolean {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for -> true and <=, a cached delimiter at or after `from` is the first there (`from` only grows), so searching again finds it
    if (this.delimAt < from) this.delimAt = indexIn(piece, this.delimiter, from);
    return this.delimAt < to;
  }

  private recordStart(at: number): void {
    if (this.headerEnd === -1) this.headerEnd = at;
    this.starts.push({ at, line: this.lines });
    this.target = at + this.rangeBytes - 1;
  }

  /** The ranges, once every byte has been pushed; `size` is the file's length. */
  end(): RowBoundaries {
    const size = this.offset;
    if (this.headerEnd === -1 || this.headerBroken) return { headerEnd: size, ranges: [] };
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
