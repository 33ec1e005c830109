/**
 * Errors that map to an HTTP status at the edge. The body is always
 * `{ error: { code, message, details? } }` (SPEC §3).
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, 'invalid_request', message, details);
export const unauthorized = (message = 'Missing or invalid API key') => new HttpError(401, 'unauthorized', message);
/** The key or token is valid, but an operator disabled its tenant: nothing new starts until it is enabled. */
export const tenantDisabled = () => new HttpError(401, 'tenant_disabled', 'This tenant is disabled; ask the service operator to enable it');
export const forbidden = (message = 'Your API key does not allow this action') => new HttpError(403, 'forbidden', message);
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);
export const conflict = (message: string, details?: unknown) => new HttpError(409, 'conflict', message, details);
