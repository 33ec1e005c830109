import * as z from 'zod';
import { displayNameSchema, jobOptionsSchema, schemaNameSchema } from './common.ts';
import { DEFAULT_TOKEN_TTL_SECONDS, MAX_TOKEN_TTL_SECONDS } from '../../core/auth/upload-tokens.ts';
import { MAX_PARTS, MAX_UPLOAD_BYTES } from '../../core/uploads/part-size.ts';

// Request bodies are z.lazy: built on their first parse, not at every cold start (docs/performance.md);
// queries stay eager, as the OpenAPI document reads their shape.

/** Upload sessions (API key), upload tokens, and Uppy's companion routes (upload token). */

/** A declared media type; it becomes the object's Content-Type header, so printable ASCII only. */
export const contentTypeSchema = z
  .string()
  .max(255)
  .regex(/^[\x21-\x7e][\x20-\x7e]*$/, 'must be a media type such as text/csv')
  .default('application/octet-stream');

const sha256Schema = z.string().regex(/^[a-f0-9]{64}$/i, 'must be a hex SHA-256');

export const createUploadBody = z.lazy(() => z.object({
  filename: displayNameSchema,
  contentType: contentTypeSchema,
  size: z.number().int().min(0).max(MAX_UPLOAD_BYTES, `must be at most ${MAX_UPLOAD_BYTES} bytes (5 GiB)`),
  sha256: sha256Schema.optional(),
}));

/**
 * Any part number S3 accepts: the client chooses its part size (Uppy's default is 5 MiB, the
 * session's `partSize` is only a recommendation), and S3 itself enforces the rest at complete
 * (parts of at least 5 MiB but the last, at most 5 GiB each); the size is checked there too.
 */
export const partNumberSchema = z.coerce.number().int().min(1).max(MAX_PARTS);

export const signPartsBody = z.lazy(() => z.object({ partNumbers: z.array(partNumberSchema).min(1).max(100) }));

const completedParts = z.array(z.object({ PartNumber: partNumberSchema, ETag: z.string().min(1).max(256) })).min(1).max(MAX_PARTS);

export const completeUploadBody = z.lazy(() => z.object({
  parts: completedParts,
  schema: schemaNameSchema.optional(),
  options: jobOptionsSchema.optional(),
}));

export const createUploadTokenBody = z.lazy(() => z
  .object({
    schema: schemaNameSchema.optional(),
    options: jobOptionsSchema.optional(),
    expiresIn: z
      .number()
      .int()
      .min(60)
      .max(MAX_TOKEN_TTL_SECONDS, `must be at most ${MAX_TOKEN_TTL_SECONDS} seconds (24 h)`)
      .default(DEFAULT_TOKEN_TTL_SECONDS),
    maxBytes: z.number().int().min(1).max(MAX_UPLOAD_BYTES, `must be at most ${MAX_UPLOAD_BYTES} bytes (5 GiB)`).default(MAX_UPLOAD_BYTES),
    name: z.string().trim().min(1).max(100).optional(),
    /** requests per second the token may make, as an API key's (default 25) */
    rateLimitRps: z.number().int().min(1).max(1000).optional(),
  })
  .strict());

export const companionCreateBody = z.lazy(() => z.object({
  filename: displayNameSchema,
  type: contentTypeSchema,
  /** Uppy sends the file's meta fields; only a declared `sha256` is used */
  metadata: z.object({ sha256: sha256Schema.optional() }).passthrough().optional(),
}));

/** Uppy's single-request upload (shouldUseMultipart false): a form POST straight to the bucket. */
export const companionParamsQuery = z.object({ filename: displayNameSchema, type: contentTypeSchema });

/** Uppy's signRequest mode: one S3 request to presign (its PresignableRequest). */
export const companionSignBody = z.lazy(() => z.object({
  method: z.enum(['GET', 'PUT', 'POST', 'DELETE']),
  key: z.string().min(1).max(1024),
  uploadId: z.string().min(1).max(1024).optional(),
  partNumber: z.number().int().min(1).max(MAX_PARTS).optional(),
  contentType: contentTypeSchema.optional(),
  expiresIn: z.number().optional(),
}));

export const companionKeyQuery = z.object({ key: z.string().min(1).max(1024) });

export const companionCompleteBody = z.lazy(() => z.object({ parts: completedParts }));
