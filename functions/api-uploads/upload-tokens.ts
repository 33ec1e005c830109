import { type ApiRequest, type Route } from '../shared/http/api.ts';
import { json, noContent } from '../shared/http/responses.ts';
import { parseBody } from '../shared/http/request-input.ts';
import { notFound } from '../shared/http/errors.ts';
import { schemaOr400 } from '../shared/job-request.ts';
import { createUploadTokenBody } from '../shared/contract/uploads.ts';
import { apiBaseUrl } from '../shared/upload-flow.ts';
import { uploadTokenStore } from '../adapters/upload-token-store.ts';

/** Where Uppy's AwsS3 plugin sends its calls in companion mode: the token is in the path. */
export const companionEndpointFor = (req: ApiRequest, token: string) => `${apiBaseUrl(req.event)}/v1/companion/${token}`;

/** Issue a token for browser uploads; the plaintext (and the endpoint holding it) is in this answer only. */
async function issue(req: ApiRequest) {
  const body = parseBody(req.event, createUploadTokenBody);
  if (body.schema) await schemaOr400(req.principal.tenantId, body.schema);
  const issued = await uploadTokenStore.issue(
    req.principal.tenantId,
    { schema: body.schema, options: body.options, maxBytes: body.maxBytes, rateLimitRps: body.rateLimitRps },
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
