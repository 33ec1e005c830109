import type * as z from 'zod';
import { HttpError, badRequest } from './errors.ts';
import type { HttpEvent } from './responses.ts';

/** A classic or zod/mini schema (core/zod-mini.ts): both parse with zod's core and report the same issues. */
type Schema = z.core.$ZodType & { safeParse(data: unknown): { success: true; data: unknown } | { success: false; error: z.core.$ZodError } };

/** Turn a zod failure into the 400 body: each wrong field by its path. */
export function validationDetails(error: z.core.$ZodError) {
  return error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
}

/**
 * The largest JSON body a route reads. On AWS a body over 10 MB is refused by API Gateway
 * (a 413 with only a `message`, which the API cannot shape) and a Lambda event over 6 MB by
 * Lambda (base64 bodies grow by a third), so this sits below both and answers in the API's
 * error shape. The largest legitimate bodies: an inline sample for /templates/suggest (100
 * rows of a wide file: a few MB) and a completion listing 10,000 parts (~560 KB).
 */
export const MAX_JSON_BODY_BYTES = 4 * 1024 * 1024;

/** Parse and validate a JSON body; any problem is a 400 naming the field (413 when it is too large). */
export function parseBody<T extends Schema>(event: HttpEvent, schema: T): z.output<T> {
  let raw: unknown = {};
  if (event.body) {
    const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_JSON_BODY_BYTES) {
      throw new HttpError(413, 'payload_too_large', `Request body is ${bytes} bytes; the limit is ${MAX_JSON_BODY_BYTES}`, [
        { field: '(body)', message: `at most ${MAX_JSON_BODY_BYTES} bytes` },
      ]);
    }
    try {
      raw = JSON.parse(text);
    } catch {
      throw badRequest('Request body is not valid JSON');
    }
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw badRequest('Request body is invalid', validationDetails(result.error));
  return result.data as z.output<T>;
}

/** Validate query parameters the same way. */
export function parseQuery<T extends Schema>(event: HttpEvent, schema: T): z.output<T> {
  const result = schema.safeParse(event.queryStringParameters ?? {});
  if (!result.success) throw badRequest('Query parameters are invalid', validationDetails(result.error));
  return result.data as z.output<T>;
}
