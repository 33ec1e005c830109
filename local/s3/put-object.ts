import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { FilesystemStore } from './s3rver-internals.ts';

/** What s3rver's PUT and POST Object routes hand the store: the body as a stream (or bytes) and the stored metadata. */
export interface StoredObject {
  bucket: string;
  key: string;
  content: Readable | Buffer;
  metadata: Record<string, string>;
}

/**
 * Replaces s3rver's putObject, which answers once its MD5 has seen the last byte rather than
 * once the file is written (a GET right after the PUT's 200 could read a short object) and
 * writes over the object in place (a reader during an overwrite, or after a client that gave
 * up halfway, got a mix or a stub). Here the body goes to a file beside the object, hashed on
 * the way; the ETag and metadata are written, then the file is renamed into place: the PUT
 * answers only once the object is whole, and a failed body leaves the old object as it was.
 * The same order as a multipart completion (multipart.ts joinParts), for the same reason: an
 * object found without its ETag file would have s3rver store the MD5 of whatever it read.
 */
export function installWholePutObject(store: FilesystemStore & { putObject?: unknown }): void {
  store.putObject = (object: StoredObject) => putWholeObject(store, object);
}

async function putWholeObject(store: FilesystemStore, object: StoredObject): Promise<{ size: number; md5: string }> {
  const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
  await mkdir(path.dirname(objectPath), { recursive: true });
  // not an object to listings: those only take names ending in ._S3rver_object
  const writing = `${objectPath}.${randomBytes(6).toString('hex')}.writing`;
  const md5 = createHash('md5');
  let size = 0;
  const body = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
  try {
    await pipeline(
      body,
      async function* hashed(chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          md5.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(writing),
    );
    const etag = md5.digest('hex');
    await store.putMetadata(object.bucket, object.key, object.metadata, etag);
    await rename(writing, objectPath);
    return { size, md5: etag };
  } catch (err) {
    await rm(writing, { force: true });
    throw err;
  }
}
