import type { Part, _Error as S3Error } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { s3 } from './s3.ts';

/** Some keys of a DeleteObjects call were not deleted; the message names the first few with S3's codes. */
export class DeleteObjectsError extends Error {
  constructor(
    prefix: string,
    readonly failures: S3Error[],
  ) {
    const named = failures.slice(0, 3).map((f) => `${f.Key ?? '?'} (${f.Code ?? 'unknown'}: ${f.Message ?? ''})`);
    super(`${failures.length} object(s) under ${prefix} were not deleted: ${named.join(', ')}${failures.length > 3 ? ', ...' : ''}`);
    this.name = 'DeleteObjectsError';
  }
}

/** Presigned URLs are short-lived: long enough for one part on a slow link, no longer. */
export const PART_URL_TTL_SECONDS = 15 * 60;

/** The S3 edge: uploads, streams and small objects. */
export const objectStore = {
  async createMultipartUpload(bucket: string, key: string, contentType: string): Promise<string> {
    const { client, sdk } = await s3();
    const res = await client.send(new sdk.CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType }));
    if (!res.UploadId) throw new Error('S3 returned no UploadId');
    return res.UploadId;
  },

  async signPart(bucket: string, key: string, uploadId: string, partNumber: number): Promise<{ url: string; expiresAt: string }> {
    const { client, sdk } = await s3();
    const url = await sdk.getSignedUrl(client, new sdk.UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: partNumber }), {
      expiresIn: PART_URL_TTL_SECONDS,
    });
    return { url, expiresAt: new Date(Date.now() + PART_URL_TTL_SECONDS * 1000).toISOString() };
  },

  /** Every uploaded part (follows ListParts pagination). */
  async listParts(bucket: string, key: string, uploadId: string): Promise<Part[]> {
    const { client, sdk } = await s3();
    const parts: Part[] = [];
    let marker: string | undefined;
    do {
      const res = await client.send(new sdk.ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumberMarker: marker }));
      parts.push(...(res.Parts ?? []));
      marker = res.IsTruncated ? res.NextPartNumberMarker : undefined;
    } while (marker);
    return parts;
  },

  async completeMultipartUpload(bucket: string, key: string, uploadId: string, parts: { PartNumber: number; ETag: string }[]) {
    const { client, sdk } = await s3();
    const res = await client.send(
      new sdk.CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }),
    );
    return { location: res.Location ?? `s3://${bucket}/${key}` };
  },

  async abortMultipartUpload(bucket: string, key: string, uploadId: string): Promise<void> {
    const { client, sdk } = await s3();
    await client.send(new sdk.AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
  },

  /** Size, type and user metadata (x-amz-meta-*, names lower case), or undefined when there is no such object. */
  async head(bucket: string, key: string): Promise<{ size: number; contentType?: string; metadata: Record<string, string> } | undefined> {
    const { client, sdk } = await s3();
    try {
      const res = await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: res.ContentLength ?? 0, contentType: res.ContentType, metadata: res.Metadata ?? {} };
    } catch (err) {
      if (err instanceof Error && (err.name === 'NotFound' || err.name === 'NoSuchKey')) return undefined;
      throw err;
    }
  },

  /** The object as a Node stream, optionally a byte range [start, end] inclusive. */
  async stream(bucket: string, key: string, range?: { start: number; end?: number }): Promise<Readable> {
    const { client, sdk } = await s3();
    const res = await client.send(
      new sdk.GetObjectCommand({ Bucket: bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined }),
    );
    return res.Body as Readable;
  },

  /** The first `bytes` of an object (for sniffing); empty for an empty object. */
  async readHead(bucket: string, key: string, bytes: number): Promise<Buffer> {
    if (bytes <= 0) return Buffer.alloc(0);
    return (await this.readRange(bucket, key, 0, bytes)) ?? Buffer.alloc(0);
  },

  /** A byte range as a Buffer, or undefined when the range starts past the end. */
  async readRange(bucket: string, key: string, start: number, length: number): Promise<Buffer | undefined> {
    const { client, sdk } = await s3();
    try {
      const res = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${start + length - 1}` }));
      return Buffer.from(await res.Body!.transformToByteArray());
    } catch (err) {
      if (err instanceof sdk.NoSuchKey) return undefined;
      if (err instanceof Error && err.name === 'InvalidRange') return undefined;
      throw err;
    }
  },

  /** The SHA-256 (hex) of the whole object, read as a stream. */
  async sha256(bucket: string, key: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of await this.stream(bucket, key)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  },

  async readAll(bucket: string, key: string): Promise<Buffer> {
    const { client, sdk } = await s3();
    const res = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
    const bytes = await res.Body!.transformToByteArray();
    // A view of the bytes, not a copy: the store's shards and a job's parts run to megabytes.
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },

  async put(bucket: string, key: string, body: string | Buffer, contentType = 'application/x-ndjson'): Promise<void> {
    const { client, sdk } = await s3();
    // An explicit length: the SDK cannot infer one for an empty body and would warn.
    const ContentLength = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    await client.send(new sdk.PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, ContentLength }));
  },

  async delete(bucket: string, key: string): Promise<void> {
    const { client, sdk } = await s3();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key }));
  },

  /**
   * Delete every object under a prefix (a job's outputs); returns how many were deleted.
   * DeleteObjects answers 200 even when some keys fail (AccessDenied, SlowDown, InternalError),
   * naming them in `Errors`: those throw DeleteObjectsError, after the rest of the page is
   * deleted, so a caller that repeats the call finds only what is left.
   */
  async deletePrefix(bucket: string, prefix: string): Promise<number> {
    const { client, sdk } = await s3();
    let deleted = 0;
    let token: string | undefined;
    do {
      const page = await client.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
      const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
      if (keys.length > 0) {
        const res = await client.send(new sdk.DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }));
        if (res.Errors?.length) throw new DeleteObjectsError(prefix, res.Errors);
        deleted += keys.length;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return deleted;
  },

  /**
   * A presigned POST policy (a browser's single-request form upload) for exactly `key`, at
   * most `maxBytes`, with `fields` (Content-Type, x-amz-meta-*) fixed by the policy.
   */
  async presignPost(bucket: string, key: string, opts: { maxBytes: number; fields: Record<string, string> }) {
    const { client, sdk } = await s3();
    const { url, fields } = await sdk.createPresignedPost(client, {
      Bucket: bucket,
      Key: key,
      Conditions: [['content-length-range', 0, opts.maxBytes]],
      Fields: opts.fields,
      Expires: PART_URL_TTL_SECONDS,
    });
    return { url, fields, expiresAt: new Date(Date.now() + PART_URL_TTL_SECONDS * 1000).toISOString() };
  },

  async presignGet(bucket: string, key: string, expiresIn = 300): Promise<string> {
    const { client, sdk } = await s3();
    return sdk.getSignedUrl(client, new sdk.GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn });
  },
};
