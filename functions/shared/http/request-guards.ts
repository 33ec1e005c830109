import { HttpError, notFound } from './errors.ts';
import type { HttpEvent } from './responses.ts';

/*
 * What every request of the API passes before its route runs (routeGuards in api.ts): a JSON
 * body declared as such, well-formed path ids. Apart from the body and query parsers
 * (request-input.ts), which only the routes that validate load, so the middleware chain loaded
 * at init does not share a module with them (a chunk of its own read at init, lib/bundling.ts).
 */

/**
 * A request body must be JSON, declared as `application/json` (any case, optional
 * parameters; a charset, if named, must be UTF-8, the only one JSON allows). Anything else
 * is a 415 before a route reads it, so a form post or a text/plain "simple request" from a
 * browser page is never taken for JSON. An empty body needs no type: body-less POSTs
 * (cancel, retry, rotate-secret) are sent without one by curl and most clients.
 */
export function requireJsonBody(event: HttpEvent): void {
  if (!event.body) return;
  const declared = event.headers?.['content-type'];
  if (declared !== undefined && isJsonMediaType(declared)) return;
  const mediaType = declared?.split(';')[0]?.trim().toLowerCase() ?? '';
  const named = /^[\w.+-]+\/[\w.+-]+$/.test(mediaType) ? ` (got ${mediaType})` : '';
  throw new HttpError(415, 'unsupported_media_type', `Request body must be JSON sent as Content-Type: application/json${named}`, [
    { field: 'content-type', message: 'must be application/json (charset utf-8, if given)' },
  ]);
}

function isJsonMediaType(header: string): boolean {
  const [type, ...params] = header.split(';');
  if (type?.trim().toLowerCase() !== 'application/json') return false;
  return params.every((param) => {
    const [name, value] = param.split('=').map((part) => part.trim().toLowerCase());
    return name !== 'charset' || /^"?utf-?8"?$/.test(value ?? '');
  });
}

const PATH_PARAM = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Every id this API issues is short and URL-safe; anything else names nothing that exists. */
export function requireWellFormedPathParameters(event: HttpEvent): void {
  for (const [name, value] of Object.entries(event.pathParameters ?? {})) {
    if (!value || !PATH_PARAM.test(value)) throw notFound(name === 'name' ? 'Schema' : `Resource ${name}`);
  }
}
