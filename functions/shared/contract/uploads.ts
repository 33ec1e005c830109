import * as z from 'zod/mini';
import '../../core/zod-mini.ts';
import { displayNameSchema, jobOptionsSchema, schemaNameSchema } from './common.ts';
import { DEFAULT_TOKEN_TTL_SECONDS, MAX_TOKEN_TTL_SECONDS } from '../../core/auth/upload-tokens.ts';
import { MAX_PARTS, MAX_UPLOAD_BYTES } from '../../core/uploads/part-size.ts';

// Request bodies are z.lazy: built on their first parse, not at every cold start (docs/performance.md);
// queries stay eager, as the OpenAPI document reads their shape.

/** Upload sessions (API key), upload tokens, and Uppy's companion routes (upload token). */

/** A declared media type; it becomes the object's Content-Type header, so printable ASCII only. */
export const contentTypeSchema = z._default(
  z.string().check(z.maxLength(255), z.regex(/^[\x21-\x7e][\x20-\x7e]*$/, 'must be a media type such as text/csv')),
  'application/octet-stream',
);

const sha256Schema = z.string().check(z.regex(/^[a-f0-9]{64}$/i, 'must be a hex SHA-256'));

/** A whole number of bytes up to the largest upload. */
const byteCount = (min: number) => z.number().check(z.int(), z.minimum(min), z.maximum(MAX_UPLOAD_BYTES, `must be at most ${MAX_UPLOAD_BYTES} bytes (5 GiB)`));

export const createUploadBody = z.lazy(() =>
  z.object({
    filename: displayNameSchema,
    contentType: contentTypeSchema,
    size: byteCount(0),
    sha256: z.optional(sha256Schema),
  }),
);

/**
 * Any part number S3 accepts: the client chooses its part size (Uppy's default is 5 MiB, the
 * session's `partSize` is only a recommendation), and S3 itself enforces the rest at complete
 * (parts of at least 5 MiB but the last, at most 5 GiB each); the size is checked there too.
 */
export const partNumberSchema = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PARTS));

export const signPartsBody = z.lazy(() => z.object({ partNumbers: z.array(partNumberSchema).check(z.minLength(1), z.maxLength(100)) }));

const completedParts = z
  .array(z.object({ PartNumber: partNumberSchema, ETag: z.string().check(z.minLength(1), z.maxLength(256)) }))
  .check(z.minLength(1), z.maxLength(MAX_PARTS));

export const completeUploadBody = z.lazy(() =>
  z.object({
    parts: completedParts,
    schema: z.optional(schemaNameSchema),
    options: z.optional(jobOptionsSchema),
  }),
);

export const createUploadTokenBody = z.lazy(() =>
  z.strictObject({
    schema: z.optional(schemaNameSchema),
    options: z.optional(jobOptionsSchema),
    expiresIn: z._default(
      z.number().check(z.int(), z.minimum(60), z.maximum(MAX_TOKEN_TTL_SECONDS, `must be at most ${MAX_TOKEN_TTL_SECONDS} seconds (24 h)`)),
      DEFAULT_TOKEN_TTL_SECONDS,
    ),
    maxBytes: z._default(byteCount(1), MAX_UPLOAD_BYTES),
    name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
    /** requests per second the token may make, as an API key's (default 25) */
    rateLimitRps: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(1000))),
  }),
);

export const companionCreateBody = z.lazy(() =>
  z.object({
    filename: displayNameSchema,
    type: contentTypeSchema,
    /** Uppy sends the file's meta fields; only a declared `sha256` is used */
    metadata: z.optional(z.looseObject({ sha256: z.optional(sha256Schema) })),
  }),
);

/** Uppy's single-request upload (shouldUseMultipart false): a form POST straight to the bucket. */
export const companionParamsQuery = z.object({ filename: displayNameSchema, type: contentTypeSchema });

/** Uppy's signRequest mode: one S3 request to presign (its PresignableRequest). */
export const companionSignBody = z.lazy(() =>
  z.object({
    method: z.enum(['GET', 'PUT', 'POST', 'DELETE']),
    key: z.string().check(z.minLength(1), z.maxLength(1024)),
    uploadId: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
    partNumber: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_PARTS))),
    contentType: z.optional(contentTypeSchema),
    expiresIn: z.optional(z.number()),
  }),
);

export const companionKeyQuery = z.object({ key: z.string().check(z.minLength(1), z.maxLength(1024)) });

export const companionCompleteBody = z.lazy(() => z.object({ parts: completedParts }));
