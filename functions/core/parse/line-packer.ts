/** Lines kept as strings before they are packed into the Buffer. */
const PACK_LINES = 2_000;

/**
 * Collects NDJSON lines into one Buffer, packing every few thousand lines, so a chunk's
 * hundred thousand lines sit outside the JS heap instead of as strings the collector must
 * carry into its old generation (and copy again to join and encode them).
 */
export class LinePacker {
  private buf: Buffer;
  private used = 0;
  private lines: string[] = [];
  private count = 0;

  constructor(initialBytes = 1024 * 1024) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  /** lines added since the last reset */
  get size(): number {
    return this.count;
  }

  add(line: string): void {
    this.lines.push(line);
    this.count++;
    if (this.lines.length >= PACK_LINES) this.pack();
  }

  /** bytes packed so far (the last few thousand lines may not be counted yet) */
  get packedBytes(): number {
    return this.used;
  }

  /** Every line, each ending in LF: a view of the packer's buffer, valid until the next add() after reset(). */
  bytes(): Buffer {
    this.pack();
    return this.buf.subarray(0, this.used);
  }

  /** Start over, keeping the buffer for the next chunk. */
  reset(): void {
    this.lines = [];
    this.used = 0;
    this.count = 0;
  }

  private pack(): void {
    if (this.lines.length === 0) return;
    const text = this.lines.join('\n') + '\n';
    this.lines = [];
    const bytes = Buffer.byteLength(text);
    if (this.used + bytes > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + bytes));
      this.buf.copy(grown, 0, 0, this.used);
      this.buf = grown;
    }
    this.used += this.buf.write(text, this.used);
  }
}
