import { z } from 'zod';
import { json, noContent, parseBody, type ApiRequest, type Route } from '../shared/http.ts';
import { notFound } from '../shared/http-errors.ts';
import { jobOptionsSchema, schemaNameSchema, schemaOr400 } from '../shared/job-request.ts';
import { apiBaseUrl } from '../shared/upload-flow.ts';
import { uploadTokenStore } from '../adapters/upload-token-store.ts';
import { DEFAULT_TOKEN_TTL_SECONDS, MAX_TOKEN_TTL_SECONDS } from '../core/auth/upload-tokens.ts';
import { MAX_UPLOAD_BYTES } from '../core/uploads/part-size.ts';

export const createUploadTokenBody = z
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
  })
  .strict();

/** Where Uppy's AwsS3 plugin sends its calls in companion mode: the token is in the path. */
export const companionEndpointFor = (req: ApiRequest, token: string) => `${apiBaseUrl(req.event)}/v1/companion/${token}`;

/** Issue a token for browser uploads; the plaintext (and the endpoint holding it) is in this answer only. */
async function issue(req: ApiRequest) {
  const body = parseBody(req.event, createUploadTokenBody);
  if (body.schema) await schemaOr400(req.principal.tenantId, body.schema);
  const issued = await uploadTokenStore.issue(
    req.principal.tenantId,
    { schema: body.schema, options: body.options, maxBytes: body.maxBytes },
    body.expiresIn,
    body.name,
  );
  return json(201, { ...issued, companionEndpoint: companionEndpointFor(req, issued.token) });
}

export const uploadTokenRoutes: Record<string, Route> = {
  'POST /v1/upload-tokens': { role: 'member', handle: issue },
  'GET /v1/upload-tokens': {
    role: 'member',
    handle: async (req) => json(200, { items: await uploadTokenStore.list(req.principal.tenantId), nextCursor: null }),
  },
  'DELETE /v1/upload-tokens/{tokenId}': {
    role: 'member',
    handle: async (req) => {
      if (!(await uploadTokenStore.revoke(req.principal.tenantId, req.params.tokenId ?? ''))) throw notFound('Upload token');
      return noContent();
    },
  },
};
