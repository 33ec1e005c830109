import type Uppy from '@uppy/core';
import GoldenRetriever from '@uppy/golden-retriever';
import type { UploadTokenIssued } from './api-types.ts';

/*
 * What lets an upload continue after the page reloads. Uppy's Golden Retriever keeps each
 * file's state (its S3 upload id and key, never a credential) and, up to 10 MiB, its bytes in
 * IndexedDB; a larger file comes back as a "ghost" the person chooses again. The upload then
 * asks S3 which parts it already holds (the token's companion listParts route) and sends the
 * rest.
 *
 * A multipart upload can be continued only with the upload token that began it: the API
 * answers 404 to any other token, of the same tenant or not. So the console keeps its token,
 * like the API key, in this tab's sessionStorage (gone when the tab is closed, restored with
 * it by the browser's "reopen closed tab"), and reuses it on reload instead of minting
 * another. The safer choice than letting any token of the tenant continue any of its uploads:
 * an upload link's holder could then touch the console's uploads. A file whose upload began
 * under a token this tab no longer holds (expired, or the options changed) starts again from
 * its first part.
 */

const TOKEN_KEY = 'afp.uploadToken';
const STORE_KEY = 'afp.uploadStore';

/** The console's tokens live as long as Golden Retriever's records and the bucket's abort of unfinished uploads (a day). */
export const CONSOLE_TOKEN_TTL_SECONDS = 24 * 60 * 60;
/** A kept token is reused only while a large upload can still finish with it. */
const MIN_LIFE_LEFT_MS = 60 * 60 * 1000;

export interface KeptUploadToken {
  token: string;
  tokenId: string;
  companionEndpoint: string;
  expiresAt: string;
  /** the options the token fixes, shown again after a reload */
  schema: string;
  timezone: string;
}

function readKept(): KeptUploadToken | undefined {
  try {
    return (JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? 'null') as KeptUploadToken | null) ?? undefined;
  } catch {
    return undefined;
  }
}

/** This tab's upload token, if it has enough life left. */
export function keptUploadToken(now = Date.now()): KeptUploadToken | undefined {
  const kept = readKept();
  return kept && Date.parse(kept.expiresAt) - now >= MIN_LIFE_LEFT_MS ? kept : undefined;
}

/** The options this tab's last token was minted with, expired or not: a reload shows them again. */
export function keptUploadOptions(): { schema: string; timezone: string } | undefined {
  const kept = readKept();
  return kept && { schema: kept.schema, timezone: kept.timezone };
}

export function keepUploadToken(issued: UploadTokenIssued, options: { schema: string; timezone: string }): KeptUploadToken {
  const kept: KeptUploadToken = { token: issued.token, tokenId: issued.tokenId, companionEndpoint: issued.companionEndpoint, expiresAt: issued.expiresAt, ...options };
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(kept));
  return kept;
}

/**
 * The name Golden Retriever files this tab's uploads under: random, kept in sessionStorage, so
 * only the tab that began an upload (the one holding its token) sees it again, and someone
 * who signs in later on the same browser does not get the previous person's files.
 */
export function uploadStoreId(): string {
  let id = sessionStorage.getItem(STORE_KEY);
  if (!id) {
    id = `afp-console-${crypto.randomUUID()}`;
    sessionStorage.setItem(STORE_KEY, id);
  }
  return id;
}

/** Signing out forgets the token, the store's name and every file kept for resuming (IndexedDB is the origin's, not the tab's). */
export function forgetUploads(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(STORE_KEY);
  indexedDB.deleteDatabase('uppy-blobs');
}

/** The file's meta field naming the token (its public id) its multipart upload began under. */
const TOKEN_ID_META = 'uploadTokenId';

/**
 * Install Golden Retriever, after the uploader: a restored upload may be resumed as soon as
 * it shows. `currentTokenId` is read at restore time; a restored file begun under another
 * token loses its S3 upload (unreachable now) and starts again from part 1. Returns the
 * names of those files.
 */
export function restoreUploads(uppy: Uppy, currentTokenId: () => string | undefined, onRestarted: (names: string[]) => void): void {
  uppy.on('upload', (_uploadId, files) => {
    const tokenId = currentTokenId();
    for (const file of files) if (tokenId && !file.s3Multipart) uppy.setFileMeta(file.id, { [TOKEN_ID_META]: tokenId });
  });
  uppy.on('restored', () => {
    const restarted: string[] = [];
    for (const file of uppy.getFiles()) {
      const tokenId = currentTokenId();
      if (file.s3Multipart && file.meta[TOKEN_ID_META] !== tokenId) {
        uppy.setFileState(file.id, { s3Multipart: undefined });
        if (tokenId) uppy.setFileMeta(file.id, { [TOKEN_ID_META]: tokenId });
        restarted.push(file.name ?? file.id);
      }
    }
    if (restarted.length > 0) onRestarted(restarted);
  });
  uppy.use(GoldenRetriever);
}
