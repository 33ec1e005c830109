/**
 * Reads up to `bytes` bytes from the start of a byte source, then stops reading: a Node
 * stream is destroyed by the early return, so open it for the head only (on S3, a
 * ranged GET) and again for the full parse.
 */
export async function readHead(
  source: AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream,
  bytes = 64 * 1024,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  if (bytes <= 0) return Buffer.alloc(0);
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    // Stryker disable next-line ConditionalExpression: Buffer.from copies a Uint8Array's own bytes too; the view only saves the copy
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    parts.push(buf);
    total += buf.length;
    if (total >= bytes) break;
  }
  return Buffer.concat(parts, Math.min(total, bytes));
}
