// The multipart calls s3rver 3.7.1 lacks or gets dangerously wrong, served over its own store:
//   GET    /{bucket}/{key}?uploadId=X  ListParts             (s3rver: 405)
//   DELETE /{bucket}/{key}?uploadId=X  AbortMultipartUpload  (s3rver: 405)
//   GET    /{bucket}?uploads           ListMultipartUploads  (s3rver: 501)
//   PUT    /{bucket}/{key}?uploadId=X  UploadPart            (s3rver: creates the upload folder for
//                                       any id, and leaks a half-written part on client abort)
//   POST   /{bucket}/{key}?uploadId=X  CompleteMultipartUpload (s3rver: a part never uploaded
//                                       crashes the process; ETags and S3's 5 MiB minimum part
//                                       size are not checked)
// CreateMultipartUpload stays with s3rver; it decides the folder layout read here (see
// FilesystemStore in s3rver-internals.ts).
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, readdir, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { AwsChunkedDecoder, isAwsChunked } from './aws-chunked.ts';
import {
  createAuthMiddleware,
  createCorsMiddleware,
  isS3Error,
  objectMetadata,
  S3Error,
  type FilesystemStore,
  type S3rverContext,
  type S3rverMiddleware,
} from './s3rver-internals.ts';
import { commitObject } from './put-object.ts';
import { UploadLocks } from './upload-locks.ts';
import { parseCompleteMultipartUpload, renderS3Xml, type XmlElement } from './xml.ts';

/** s3rver makes upload ids with randomBytes(16).toString('hex'); anything else cannot exist. */
const UPLOAD_ID = /^[0-9a-f]{32}$/;
const MAX_PART_NUMBER = 10_000;
/** S3's part sizes: every part but the last at least 5 MiB (checked at complete), none over 5 GiB. */
const MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PART_BYTES = 5 * 1024 * 1024 * 1024;
const MAX_LIST_ITEMS = 1000;
/** 10,000 parts with checksums stay well under this; anything bigger is not a parts list. */
const MAX_COMPLETE_BODY_BYTES = 4 * 1024 * 1024;
/** s3rver's only account (lib/models/account.js DUMMY_ACCOUNT). */
const OWNER: XmlElement = { ID: '123456789000', DisplayName: 'S3rver' };

interface OpenUpload {
  key: string;
  uploadId: string;
  initiated: Date;
}

interface StoredPart {
  number: number;
  md5: string;
  size: number;
  lastModified: Date;
}

type Operation = 'ListParts' | 'AbortMultipartUpload' | 'UploadPart' | 'CompleteMultipartUpload' | 'ListMultipartUploads';

const OPERATION_BY_METHOD: Partial<Record<string, Operation>> = {
  GET: 'ListParts',
  DELETE: 'AbortMultipartUpload',
  PUT: 'UploadPart',
  POST: 'CompleteMultipartUpload',
};

interface Target {
  operation: Operation;
  bucket: string;
  key: string;
}

/**
 * Koa middleware to mount in front of s3rver's router. Requests it does not own go straight to
 * s3rver; the ones it owns pass s3rver's own CORS and auth middleware first, so browsers get the
 * same CORS headers and expired presigned URLs the same 403 as on s3rver's routes.
 */
export function createMultipartMiddleware(): S3rverMiddleware {
  const cors = createCorsMiddleware();
  const auth = createAuthMiddleware();
  const locks = new UploadLocks();

  return async (ctx, next) => {
    const target = matchTarget(ctx);
    if (!target) return next();
    ctx.params = { bucket: target.bucket, key: target.key || undefined };
    await cors(ctx, async () =>
      auth(ctx, async () => {
        if (!(await ctx.store.getBucket(target.bucket))) {
          throw new S3Error('NoSuchBucket', 'The specified bucket does not exist', { BucketName: target.bucket });
        }
        await handle(ctx, target, locks);
      }),
    );
  };
}

function matchTarget(ctx: S3rverContext): Target | undefined {
  const match = /^\/([^/]+)\/?(.*)$/s.exec(ctx.path);
  if (!match?.[1]) return undefined;
  let bucket: string;
  let key: string;
  try {
    bucket = decodeURIComponent(match[1]);
    key = decodeURIComponent(match[2] ?? '');
  } catch {
    return undefined; // malformed escapes: leave the answer to s3rver
  }
  const has = (name: string): boolean => ctx.query[name] !== undefined;
  if (!key) return ctx.method === 'GET' && has('uploads') ? { operation: 'ListMultipartUploads', bucket, key } : undefined;
  if (!has('uploadId')) return undefined;
  const operation = OPERATION_BY_METHOD[ctx.method];
  return operation ? { operation, bucket, key } : undefined;
}

async function handle(ctx: S3rverContext, target: Target, locks: UploadLocks): Promise<void> {
  const { bucket, key } = target;
  if (target.operation === 'ListMultipartUploads') return listMultipartUploads(ctx, bucket);

  const uploadId = queryParam(ctx, 'uploadId') ?? '';
  const lockId = `${bucket}/${uploadId}`;
  switch (target.operation) {
    case 'ListParts':
      return listParts(ctx, bucket, key, uploadId);
    case 'UploadPart': {
      if (ctx.get('x-amz-copy-source')) {
        throw new S3Error('NotImplemented', 'A header you provided implies functionality that is not implemented');
      }
      const partNumber = parsePartNumber(queryParam(ctx, 'partNumber'));
      return locks.run(lockId, false, () => uploadPart(ctx, bucket, key, uploadId, partNumber));
    }
    case 'AbortMultipartUpload':
      return locks.run(lockId, true, async () => {
        const dir = await openUpload(ctx.store, bucket, key, uploadId);
        await rm(dir, { recursive: true, force: true });
        ctx.status = 204;
      });
    case 'CompleteMultipartUpload': {
      // Read the (small) body outside the lock: a slow client must not hold up the upload.
      await openUpload(ctx.store, bucket, key, uploadId);
      const xml = await readBody(ctx.req, MAX_COMPLETE_BODY_BYTES);
      return locks.run(lockId, true, () => completeMultipartUpload(ctx, bucket, key, uploadId, xml));
    }
  }
}

// ---------------------------------------------------------------------------------------------

async function listParts(ctx: S3rverContext, bucket: string, key: string, uploadId: string): Promise<void> {
  const dir = await openUpload(ctx.store, bucket, key, uploadId);
  const maxParts = Math.min(readCount(ctx, 'max-parts', MAX_LIST_ITEMS), MAX_LIST_ITEMS);
  const marker = readCount(ctx, 'part-number-marker', 0);
  const after = (await readParts(dir)).filter((part) => part.number > marker);
  const page = after.slice(0, maxParts);
  sendXml(
    ctx,
    renderS3Xml('ListPartsResult', {
      Bucket: bucket,
      Key: key,
      UploadId: uploadId,
      Initiator: OWNER,
      Owner: OWNER,
      StorageClass: 'STANDARD',
      PartNumberMarker: marker,
      NextPartNumberMarker: page.at(-1)?.number ?? marker,
      MaxParts: maxParts,
      IsTruncated: after.length > page.length,
      Part: page.map((part) => ({
        PartNumber: part.number,
        LastModified: part.lastModified.toISOString(),
        ETag: `"${part.md5}"`,
        Size: part.size,
      })),
    }),
  );
}

async function uploadPart(
  ctx: S3rverContext,
  bucket: string,
  key: string,
  uploadId: string,
  partNumber: number,
): Promise<void> {
  const dir = await openUpload(ctx.store, bucket, key, uploadId);
  const declaredLength = Number(ctx.get(isAwsChunked(ctx.req.headers) ? 'x-amz-decoded-content-length' : 'content-length'));
  if (declaredLength > MAX_PART_BYTES) {
    throw new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', {
      ProposedSize: String(declaredLength),
      MaxSizeAllowed: String(MAX_PART_BYTES),
    });
  }
  // Write beside the final name and rename: a re-upload that fails halfway must leave the
  // earlier copy of the part intact, and a half-written part must never be listed or assembled.
  const tempPath = path.join(dir, `.${partNumber}.${randomBytes(6).toString('hex')}.partial`);
  const hash = createHash('md5');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  const chunked = isAwsChunked(ctx.req.headers);
  try {
    if (chunked) await pipeline(ctx.req, new AwsChunkedDecoder(), measure, createWriteStream(tempPath));
    else await pipeline(ctx.req, measure, createWriteStream(tempPath));
    const declared = ctx.get(chunked ? 'x-amz-decoded-content-length' : 'content-length');
    if (declared && Number(declared) !== size) throw incompleteBody();
  } catch (err) {
    await rm(tempPath, { force: true });
    if (!isS3Error(err) && ctx.req.destroyed && !ctx.req.complete) throw incompleteBody();
    throw err;
  }
  const md5 = hash.digest('hex');
  await rename(tempPath, path.join(dir, String(partNumber)));
  await writeFile(path.join(dir, `${partNumber}.md5`), md5);
  ctx.set('ETag', `"${md5}"`);
  ctx.status = 200;
  ctx.body = '';
}

async function completeMultipartUpload(
  ctx: S3rverContext,
  bucket: string,
  key: string,
  uploadId: string,
  xml: string,
): Promise<void> {
  const dir = await openUpload(ctx.store, bucket, key, uploadId); // again: an abort may have won the lock
  const requested = parseCompleteMultipartUpload(xml);
  if (!requested) {
    throw new S3Error(
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema.',
    );
  }
  const parts = requested.map((part) => ({ number: parsePartNumber(part.partNumber), etag: part.etag.replace(/"/g, '') }));
  parts.forEach((part, i) => {
    const previous = parts[i - 1];
    if (previous && part.number <= previous.number) {
      throw new S3Error(
        'InvalidPartOrder',
        'The list of parts was not in ascending order. Parts must be ordered by part number.',
        { UploadId: uploadId },
      );
    }
  });
  const stored = new Map((await readParts(dir)).map((part) => [part.number, part]));
  for (const part of parts) {
    if (stored.get(part.number)?.md5 !== part.etag.toLowerCase()) {
      throw new S3Error(
        'InvalidPart',
        "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        { UploadId: uploadId, PartNumber: String(part.number), ETag: part.etag },
      );
    }
  }

  const tooSmall = parts.slice(0, -1).find((part) => (stored.get(part.number)?.size ?? 0) < MIN_PART_BYTES);
  if (tooSmall) {
    throw new S3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.', {
      ProposedSize: String(stored.get(tooSmall.number)?.size ?? 0),
      MinSizeAllowed: String(MIN_PART_BYTES),
      PartNumber: String(tooSmall.number),
      ETag: tooSmall.etag,
    });
  }

  // S3's multipart ETag: MD5 of the concatenated binary part MD5s, then "-<part count>". s3rver
  // would store the MD5 of the whole object; code that treats an ETag as a content MD5 works
  // locally and breaks on AWS, so the store gets the AWS form (it serves the .md5 file verbatim).
  const etag = `${multipartEtagHash(parts.map((part) => stored.get(part.number)?.md5 ?? ''))}-${parts.length}`;
  await joinParts(ctx.store, bucket, key, dir, parts, etag);
  sendXml(
    ctx,
    renderS3Xml('CompleteMultipartUploadResult', {
      Location: ctx.href.split('?')[0] ?? '',
      Bucket: bucket,
      Key: key,
      ETag: `"${etag}"`,
    }),
  );
}

/**
 * Join the parts into the object and close the upload. s3rver's putObjectMultipart streams
 * them through an MD5 of the whole object, a hash no S3 answer uses (the ETag is built from
 * the part MD5s): the MD5 alone is ~140 ms of CPU per 100 MB here, on the call that starts
 * the job. Here the bytes go through one reused buffer into a file inside the upload folder
 * (so an upload aborted after a crash takes it along), committed (commitObject) once whole:
 * a reader never sees half the bytes, and until then the upload keeps every part (a crash
 * leaves it open, to complete again or abort).
 */
async function joinParts(store: FilesystemStore, bucket: string, key: string, dir: string, parts: { number: number }[], etag: string): Promise<void> {
  const headers = JSON.parse(await readFile(path.join(dir, 'metadata'), 'utf8')) as Record<string, string>;
  const metadata = objectMetadata(bucket, key, headers);
  const joined = path.join(dir, `.object.${randomBytes(6).toString('hex')}.joining`);
  try {
    const out = await open(joined, 'w');
    try {
      const buffer = Buffer.allocUnsafe(JOIN_BUFFER_BYTES);
      for (const part of parts) await appendFileTo(out, path.join(dir, String(part.number)), buffer);
    } finally {
      await out.close();
    }
    await commitObject(store, bucket, key, metadata, etag, joined);
  } catch (err) {
    // the upload stays open with its parts; only the half-joined copy goes
    await rm(joined, { force: true });
    throw err;
  }
  await rm(dir, { recursive: true, force: true });
}

const JOIN_BUFFER_BYTES = 1024 * 1024;

async function appendFileTo(out: FileHandle, from: string, buffer: Buffer): Promise<void> {
  const source = await open(from, 'r');
  try {
    for (;;) {
      const { bytesRead } = await source.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      for (let written = 0; written < bytesRead; ) written += (await out.write(buffer, written, bytesRead - written)).bytesWritten;
    }
  } finally {
    await source.close();
  }
}

async function listMultipartUploads(ctx: S3rverContext, bucket: string): Promise<void> {
  if (queryParam(ctx, 'delimiter')) {
    throw new S3Error('NotImplemented', 'The local S3 does not implement delimiter for ListMultipartUploads');
  }
  const prefix = queryParam(ctx, 'prefix') ?? '';
  const keyMarker = queryParam(ctx, 'key-marker') ?? '';
  const uploadIdMarker = queryParam(ctx, 'upload-id-marker') ?? '';
  const maxUploads = Math.min(readCount(ctx, 'max-uploads', MAX_LIST_ITEMS), MAX_LIST_ITEMS);

  const uploadsDir = ctx.store.getResourcePath(bucket, undefined, 'uploads');
  const names = await readdir(uploadsDir).catch(ignoreMissing([] as string[]));
  const uploads = (
    await Promise.all(
      names
        .filter((name) => UPLOAD_ID.test(name))
        .map((uploadId) => readOpenUpload(uploadsDir, uploadId)),
    )
  )
    .filter((upload): upload is OpenUpload => upload !== undefined && upload.key.startsWith(prefix))
    .sort((a, b) => compare(a.key, b.key) || a.initiated.getTime() - b.initiated.getTime() || compare(a.uploadId, b.uploadId));

  // Markers point into this same ordering, so pages never skip or repeat an upload.
  const markerIndex = uploadIdMarker
    ? uploads.findIndex((upload) => upload.key === keyMarker && upload.uploadId === uploadIdMarker)
    : -1;
  const after = markerIndex >= 0 ? uploads.slice(markerIndex + 1) : uploads.filter((upload) => upload.key > keyMarker);
  const page = after.slice(0, maxUploads);
  const truncated = after.length > page.length;
  const last = page.at(-1);
  sendXml(
    ctx,
    renderS3Xml('ListMultipartUploadsResult', {
      Bucket: bucket,
      KeyMarker: keyMarker,
      UploadIdMarker: uploadIdMarker,
      NextKeyMarker: truncated && last ? last.key : undefined,
      NextUploadIdMarker: truncated && last ? last.uploadId : undefined,
      Prefix: prefix || undefined,
      MaxUploads: maxUploads,
      IsTruncated: truncated,
      Upload: page.map((upload) => ({
        Key: upload.key,
        UploadId: upload.uploadId,
        Initiator: OWNER,
        Owner: OWNER,
        StorageClass: 'STANDARD',
        Initiated: upload.initiated.toISOString(),
      })),
    }),
  );
}

// ---------------------------------------------------------------------------------------------

/** The upload's folder, or NoSuchUpload when the id is unknown, finished, aborted or for another key. */
async function openUpload(store: FilesystemStore, bucket: string, key: string, uploadId: string): Promise<string> {
  if (UPLOAD_ID.test(uploadId)) {
    const dir = path.join(store.getResourcePath(bucket, undefined, 'uploads'), uploadId);
    const storedKey = await readFile(path.join(dir, 'key'), 'utf8').catch(ignoreMissing(undefined));
    if (storedKey === key) return dir;
  }
  throw new S3Error(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    { UploadId: uploadId },
  );
}

/** An upload's key and start time (its `key` file is written once, at CreateMultipartUpload). */
async function readOpenUpload(uploadsDir: string, uploadId: string): Promise<OpenUpload | undefined> {
  const keyPath = path.join(uploadsDir, uploadId, 'key');
  try {
    const [key, info] = await Promise.all([readFile(keyPath, 'utf8'), stat(keyPath)]);
    return { key, uploadId, initiated: info.mtime };
  } catch (err) {
    return ignoreMissing(undefined)(err); // completed or aborted while listing
  }
}

/** Finished parts in part-number order; a part counts once its .md5 file is written. */
async function readParts(dir: string): Promise<StoredPart[]> {
  // A missing folder means a concurrent abort or complete; ListParts does not take the lock.
  const names = (await readdir(dir).catch(ignoreMissing([] as string[]))).filter((name) => /^\d+$/.test(name));
  const parts = await Promise.all(
    names.map(async (name): Promise<StoredPart | undefined> => {
      const partPath = path.join(dir, name);
      try {
        const [md5, info] = await Promise.all([readFile(`${partPath}.md5`, 'utf8'), stat(partPath)]);
        return { number: Number(name), md5: md5.trim(), size: info.size, lastModified: info.mtime };
      } catch (err) {
        return ignoreMissing(undefined)(err);
      }
    }),
  );
  return parts.filter((part): part is StoredPart => part !== undefined).sort((a, b) => a.number - b.number);
}

function multipartEtagHash(partMd5s: string[]): string {
  const hash = createHash('md5');
  for (const md5 of partMd5s) hash.update(Buffer.from(md5, 'hex'));
  return hash.digest('hex');
}

function parsePartNumber(value: string | undefined): number {
  const number = Number(value);
  if (!value || !/^\d+$/.test(value) || number < 1 || number > MAX_PART_NUMBER) {
    throw new S3Error('InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', {
      ArgumentName: 'partNumber',
      ArgumentValue: value ?? '',
    });
  }
  return number;
}

function readCount(ctx: S3rverContext, name: string, fallback: number): number {
  const value = queryParam(ctx, name);
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) {
    throw new S3Error('InvalidArgument', `Provided ${name} not an integer or within integer range`, {
      ArgumentName: name,
      ArgumentValue: value,
    });
  }
  return Number(value);
}

function queryParam(ctx: S3rverContext, name: string): string | undefined {
  const value = ctx.query[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        req.destroy();
        reject(new S3Error('MaxMessageLengthExceeded', 'Your request was too big.'));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    req.on('close', () => reject(incompleteBody())); // no-op once resolved
  });
}

function incompleteBody(): Error {
  return new S3Error('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header');
}

function sendXml(ctx: S3rverContext, xml: string): void {
  ctx.status = 200;
  ctx.type = 'application/xml';
  ctx.body = xml;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ignoreMissing<T>(fallback: T): (err: unknown) => T {
  return (err) => {
    if ((err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return fallback;
    throw err;
  };
}
