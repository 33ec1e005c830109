import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { FilesystemStore } from './s3rver-internals.ts';
import { UploadLocks } from './upload-locks.ts';

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
 * the way, and is committed (commitObject) only once whole: a body that breaks off leaves
 * the old object as it was.
 */
export function installWholePutObject(store: FilesystemStore & { putObject?: unknown }): void {
  store.putObject = (object: StoredObject) => putWholeObject(store, object);
}

async function putWholeObject(store: FilesystemStore, object: StoredObject): Promise<{ size: number; md5: string }> {
  const body = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
  // The body may fail while the folder is made, before the pipeline below listens: the
  // pipeline still sees that error, and without a listener now it would end the process.
  body.on('error', () => undefined);
  const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
  await mkdir(path.dirname(objectPath), { recursive: true });
  const writing = tempBeside(objectPath);
  const md5 = createHash('md5');
  let size = 0;
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
    await commitObject(store, object.bucket, object.key, object.metadata, etag, writing);
    return { size, md5: etag };
  } catch (err) {
    await rm(writing, { force: true });
    throw err;
  }
}

const WRITING = /^\.[0-9a-f]{12}\.writing$/;
/** A temp file untouched this long belongs to no PUT in progress: a PUT writes as its bytes arrive. */
const STALE_AFTER_MS = 10 * 60 * 1000;

/**
 * Removes the bytes of PUTs that a stopped or killed server never finished: temp files not
 * written to for 10 minutes, so a PUT in progress on another server over the same folder
 * keeps its file. Folders are left alone (a key may have a segment that looks like one).
 */
export async function sweepUnfinishedPuts(dataDir: string, now = Date.now()): Promise<void> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  const stale = entries.filter((e) => e.isFile() && WRITING.test(e.name)).map((e) => path.join(e.parentPath ?? e.path, e.name));
  await Promise.all(
    stale.map(async (file) => {
      const info = await stat(file).catch(() => undefined);
      if (info && now - info.mtimeMs > STALE_AFTER_MS) await rm(file, { force: true });
    }),
  );
}

/**
 * A name in the object's folder for bytes not yet committed. Short, so a key whose last
 * segment is near the file-name limit still fits (s3rver's own longest suffix is
 * `._S3rver_metadata.json`), and never an object to listings, which only take names
 * ending in `._S3rver_object`.
 */
export function tempBeside(objectPath: string): string {
  return path.join(path.dirname(objectPath), `.${randomBytes(6).toString('hex')}.writing`);
}

// One commit at a time per object file: two PUTs of one key that interleaved their ETag
// writes and renames would leave one's bytes under the other's ETag for good.
const commits = new UploadLocks();

/**
 * Makes the complete file `from` the object: its ETag and metadata are written first, then
 * the file is renamed into place. In that order because an object found without its ETag
 * file would have s3rver hash it and store that MD5 as its ETag for good. Over an existing
 * key, a read in between sees the old bytes with the new ETag, and a failed rename leaves
 * them so (S3 is atomic here; this emulator is not).
 */
export async function commitObject(store: FilesystemStore, bucket: string, key: string, metadata: Record<string, string>, etag: string, from: string): Promise<void> {
  const objectPath = store.getResourcePath(bucket, key, 'object');
  await commits.run(objectPath, true, async () => {
    await mkdir(path.dirname(objectPath), { recursive: true });
    await store.putMetadata(bucket, key, metadata, etag);
    await rename(from, objectPath);
  });
}
