import { z } from 'zod';
import { json, parseBody, parseQuery } from '../shared/http.ts';
import { badRequest, notFound } from '../shared/http-errors.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import { uploadTokenApi, type TokenRequest } from '../shared/upload-token-http.ts';
import { ulid } from 'ulid';
import { companionCompleteBody, companionCreateBody, companionKeyQuery, companionParamsQuery } from '../shared/contract/uploads.ts';
import { abortUploadSession, completeUploadSession, jobUrl, openUploadSession, requireOpen, uploadedParts } from '../shared/upload-flow.ts';
import { objectStore } from '../adapters/object-store.ts';
import { uploadStore, type UploadSession } from '../adapters/upload-store.ts';
import { duplicateIndex } from '../adapters/duplicate-index.ts';
import { MAX_PARTS, MIB } from '../core/uploads/part-size.ts';
import { inboxKey, metadataFor } from '../core/uploads/inbox.ts';
import { sanitizeFilename } from '../core/jobs/keys.ts';

/*
 * The routes @uppy/aws-s3 6.x calls in companion mode (its CompanionS3 client), under
 * /v1/companion/{uploadToken}: the upload token in the path is the only credential. Answers
 * have Companion's shapes; errors keep the API's error body (Uppy reads only the status).
 */

const bucket = requiredEnv(ENV.uploadBucket);

/** The token's own session for an S3 upload id and key; anything else is not found (another token's upload included). */
async function requireSession(req: TokenRequest): Promise<UploadSession> {
  const { key } = parseQuery(req.event, companionKeyQuery);
  const uploadId = req.params.uploadId ?? '';
  const session = uploadId.length <= 1024 ? await uploadStore.getByUploadId(req.token.tenantId, uploadId) : undefined;
  if (!session || session.tokenId !== req.token.tokenId || session.key !== key) throw notFound('Upload');
  return session;
}

/**
 * The highest part number an upload within the token's limit can use: every part but the
 * last holds at least 5 MiB, so part n means at least (n - 1) x 5 MiB before it.
 */
const maxPartNumber = (maxBytes: number) => Math.min(MAX_PARTS, Math.floor(maxBytes / (5 * MIB)) + 1);

export const handler = uploadTokenApi({
  'POST /v1/companion/{uploadToken}/s3/multipart': async (req) => {
    const body = parseBody(req.event, companionCreateBody);
    const session = await openUploadSession({
      tenantId: req.token.tenantId,
      bucket,
      filename: body.filename,
      contentType: body.type,
      sha256: body.metadata?.sha256,
      maxBytes: req.token.maxBytes,
      tokenId: req.token.tokenId,
    });
    const duplicateOf = (session.sha256 && (await duplicateIndex.find(req.token.tenantId, session.sha256))) || null;
    return json(200, { key: session.key, uploadId: session.uploadId, duplicateOf });
  },

  'GET /v1/companion/{uploadToken}/s3/multipart/{uploadId}/{partNumber}': async (req) => {
    const session = await requireSession(req);
    requireOpen(session);
    const highest = maxPartNumber(req.token.maxBytes);
    const n = z.coerce.number().int().min(1).max(highest).safeParse(req.params.partNumber);
    if (!n.success) throw badRequest('Part number is invalid', [{ field: 'partNumber', message: `must be an integer from 1 to ${highest}` }]);
    const { url, expiresAt } = await objectStore.signPart(bucket, session.key, session.uploadId, n.data);
    return json(200, { url, expires: expiresAt });
  },

  'GET /v1/companion/{uploadToken}/s3/multipart/{uploadId}': async (req) => json(200, await uploadedParts(await requireSession(req))),

  'POST /v1/companion/{uploadToken}/s3/multipart/{uploadId}/complete': async (req) => {
    const { parts } = parseBody(req.event, companionCompleteBody);
    const session = await requireSession(req);
    const done = await completeUploadSession(session, parts, { schema: req.token.schema, options: req.token.options });
    return json(200, { location: jobUrl(req.event, done.jobId), key: session.key, ...done });
  },

  // A single-request upload: a form POST into the tenant's inbox, whose Object Created event
  // starts the job (functions/inbox) with the token's settings carried as object metadata.
  'GET /v1/companion/{uploadToken}/s3/params': async (req) => {
    const { filename, type } = parseQuery(req.event, companionParamsQuery);
    const key = inboxKey(req.token.tenantId, `${req.token.tokenId}-${ulid()}`, sanitizeFilename(filename));
    const metadata = Object.entries(metadataFor(req.token)).map(([name, value]) => [`x-amz-meta-${name}`, value]);
    const { url, fields, expiresAt } = await objectStore.presignPost(bucket, key, {
      maxBytes: req.token.maxBytes,
      fields: { 'Content-Type': type, ...Object.fromEntries(metadata) },
    });
    return json(200, { method: 'POST', url, fields, expires: expiresAt });
  },

  'DELETE /v1/companion/{uploadToken}/s3/multipart/{uploadId}': async (req) => {
    await abortUploadSession(await requireSession(req));
    return json(200, {});
  },
});
