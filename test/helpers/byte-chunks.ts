/**
 * Feeds bytes in fixed-size chunks, as a network stream would: records, CRLFs and
 * multi-byte characters straddle chunk edges. `counter` counts the bytes pulled so far.
 */
export async function* inChunks(bytes: Buffer, size: number, counter?: { pulled: number }): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) {
    if (counter) counter.pulled += Math.min(size, bytes.length - i);
    yield bytes.subarray(i, i + size);
  }
}
