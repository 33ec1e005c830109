import * as z from 'zod/mini';
import '../../core/zod-mini.ts';
import { cleanDisplayName } from '../../core/uploads/display-name.ts';

/*
 * The API's contract as zod/mini schemas (core/zod-mini.ts): handlers validate requests with
 * these, and GET /v1/openapi.json is generated from the same objects (functions/api-openapi).
 * Modules under contract/ hold schemas only (no stores, no environment), so the document can be
 * built without loading any handler.
 */

export const JOB_STATUSES = ['queued', 'running', 'needs_mapping', 'succeeded', 'failed', 'cancelled'] as const;

// The request parts below are z.lazy: built on their first parse, not at the cold start of every
// function that imports this module (docs/performance.md).

/** Options a client may set on a job; unknown keys are refused so typos surface. */
export const jobOptionsSchema = z.lazy(() => z.strictObject({
  timezone: z.optional(
    z.string().check(
      z.maxLength(64),
      z.refine((tz) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as America/New_York'),
    ),
  ),
  defaultRegion: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 region such as US'))),
  defaultCurrency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'))),
  /** when the upload's SHA-256 matches an earlier job of the tenant: process it again (default) or answer with that job */
  onDuplicate: z.optional(z.enum(['process', 'skip'])),
}));

export const schemaNameSchema = z.lazy(() => z.string().check(z.regex(/^[a-z][a-z0-9_]{1,63}$/, 'must be a schema name such as call_record')));

/**
 * A file's display name as a client sends it: stored and echoed (session, job, exports) as
 * cleaned of control and bidi characters; a name with nothing visible left is refused.
 */
export const displayNameSchema = z.lazy(() =>
  z.pipe(
    z.pipe(z.string().check(z.maxLength(1024)), z.transform(cleanDisplayName)),
    z.string().check(z.minLength(1, 'must contain a visible character'), z.maxLength(255, 'must be at most 255 characters once control and bidi characters are removed')),
  ),
);
