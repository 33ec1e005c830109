// SDK v3 sends stream bodies (PutObject/UploadPart with a Readable) as `aws-chunked` with a
// trailing checksum, because of its default flexible checksums. S3 decodes that framing; s3rver
// does not and would store `c\r\n...\r\n0\r\nx-amz-checksum-crc32:...` as the object, with
// `Content-Encoding: aws-chunked` in its metadata. Buffer and string bodies, and presigned PUTs
// from browsers, are sent plain and never reach the decoder.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { S3Error, type S3rverMiddleware } from './s3rver-internals.ts';

const CRLF = Buffer.from('\r\n');
/** A chunk header is `<hex size>[;chunk-signature=<64 hex>]`; anything much longer is garbage. */
const MAX_HEADER_BYTES = 1024;

/** True when the request body uses aws-chunked framing (plain or signed, with or without trailer). */
export function isAwsChunked(headers: IncomingHttpHeaders): boolean {
  const sha = headers['x-amz-content-sha256'];
  return (
    (typeof sha === 'string' && sha.startsWith('STREAMING-')) ||
    contentEncodings(headers).includes('aws-chunked')
  );
}

/**
 * Rewrites the headers as S3 sees them after decoding: without `aws-chunked` in Content-Encoding
 * (so it is not stored as object metadata) and with the decoded length.
 */
export function normalizeAwsChunkedHeaders(headers: IncomingHttpHeaders): void {
  const remaining = contentEncodings(headers).filter((encoding) => encoding !== 'aws-chunked');
  if (remaining.length > 0) headers['content-encoding'] = remaining.join(', ');
  else delete headers['content-encoding'];
  const decodedLength = headers['x-amz-decoded-content-length'];
  if (typeof decodedLength === 'string') headers['content-length'] = decodedLength;
}

function contentEncodings(headers: IncomingHttpHeaders): string[] {
  return (headers['content-encoding'] ?? '')
    .split(',')
    .map((encoding) => encoding.trim().toLowerCase())
    .filter(Boolean);
}

function malformed(reason: string): Error {
  return new S3Error('IncompleteBody', `The aws-chunked request body is malformed: ${reason}`);
}

/**
 * Strips aws-chunked framing: `<hex size>[;ext]\r\n<bytes>\r\n` repeated, then a zero-size chunk
 * followed by trailers, which are dropped (s3rver keeps no checksums). Fails with an S3Error,
 * so a pipeline carrying it rejects with an answer fit for the client.
 */
export class AwsChunkedDecoder extends Transform {
  private state: 'header' | 'data' | 'data-end' | 'trailer' = 'header';
  private remaining = 0;
  private pending: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (buf.length > 0) {
      if (this.state === 'trailer') break;
      if (this.state === 'data') {
        const take = Math.min(this.remaining, buf.length);
        this.push(buf.subarray(0, take));
        this.remaining -= take;
        buf = buf.subarray(take);
        if (this.remaining === 0) this.state = 'data-end';
        continue;
      }
      if (this.state === 'data-end') {
        if (buf.length < CRLF.length) break;
        if (!buf.subarray(0, CRLF.length).equals(CRLF)) return callback(malformed('chunk data longer than its size'));
        buf = buf.subarray(CRLF.length);
        this.state = 'header';
        continue;
      }
      const end = buf.indexOf(CRLF);
      if (end < 0) {
        if (buf.length > MAX_HEADER_BYTES) return callback(malformed('chunk header too long'));
        break;
      }
      const sizeField = buf.subarray(0, end).toString('latin1').split(';')[0]?.trim() ?? '';
      if (!/^[0-9a-f]{1,12}$/i.test(sizeField)) return callback(malformed(`bad chunk size "${sizeField}"`));
      buf = buf.subarray(end + CRLF.length);
      this.remaining = parseInt(sizeField, 16);
      this.state = this.remaining === 0 ? 'trailer' : 'data';
    }
    if (this.state !== 'trailer') this.pending = Buffer.from(buf);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    callback(this.state === 'trailer' ? undefined : malformed('body ended before the final chunk'));
  }
}

/**
 * For PutObject, which s3rver stores itself: the body is decoded into a temporary file first and
 * s3rver reads that instead of the socket, so a truncated or malformed body fails the request
 * before s3rver writes anything at the key (its store has no way to reject a stream midway).
 */
export function createAwsChunkedPutObjectMiddleware(): S3rverMiddleware {
  return async (ctx, next) => {
    const isPutObject =
      ctx.method === 'PUT' &&
      /^\/[^/]+\/./.test(ctx.path) &&
      ctx.query.uploadId === undefined &&
      !ctx.get('x-amz-copy-source');
    if (!isPutObject || !isAwsChunked(ctx.req.headers)) return next();

    const dir = await mkdtemp(path.join(tmpdir(), 'local-s3-body-'));
    const original = ctx.req;
    let decoded: ReturnType<typeof createReadStream> | undefined;
    try {
      const file = path.join(dir, 'body');
      await pipeline(original, new AwsChunkedDecoder(), createWriteStream(file));
      normalizeAwsChunkedHeaders(original.headers);
      decoded = createReadStream(file);
      // s3rver pipes the body without an error listener, so a read error would end the process.
      // The file is ours and stays until s3rver is done; this only turns the unthinkable into a
      // stuck request rather than a crash.
      decoded.on('error', () => undefined);
      // s3rver reads the body from ctx.req only; the headers still come from the original request.
      ctx.req = decoded as unknown as IncomingMessage;
      await next();
    } finally {
      ctx.req = original;
      decoded?.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
