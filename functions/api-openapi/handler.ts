import { publicHttpHandler } from '../shared/http/api.ts';
import { json } from '../shared/http/responses.ts';
import { apiBaseUrl } from '../shared/upload-flow.ts';
import type { OpenApiDocument } from './document.ts';
// Generated from the zod contract before deploy (generate-document.ts), not at cold start.
import generated from './openapi.generated.json' with { type: 'json' };

const document = generated as unknown as OpenApiDocument;

/** GET /v1/openapi.json (no auth): the contract, with this API's own URL as the server. */
export const handler = publicHttpHandler(async (event) =>
  json(200, { ...document, servers: [{ url: apiBaseUrl(event) }] }, { 'cache-control': 'public, max-age=300' }),
);
