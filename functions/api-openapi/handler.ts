import { json, publicHttpHandler } from '../shared/http.ts';
import { apiBaseUrl } from '../shared/upload-flow.ts';
import { buildOpenApiDocument } from './document.ts';

/** Built once per cold start: the document only changes with a deploy. */
const document = buildOpenApiDocument();

/** GET /v1/openapi.json (no auth): the contract, with this API's own URL as the server. */
export const handler = publicHttpHandler(async (event) =>
  json(200, { ...document, servers: [{ url: apiBaseUrl(event) }] }, { 'cache-control': 'public, max-age=300' }),
);
