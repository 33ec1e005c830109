import * as z from 'zod/mini';
import '../../core/zod-mini.ts';
import { JOB_STATUSES, jobOptionsSchema, schemaNameSchema } from './common.ts';
import { pageShape } from './paging.ts';

// Every schema is z.lazy: built on its first parse, not at every cold start (docs/performance.md);
// the OpenAPI generator reads a lazy query's shape through it.

/** Jobs: create over an upload, list, pages of output, bulk actions, download, stats. */

export const createJobBody = z.lazy(() =>
  z
    .object({
      sessionId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
      uploadId: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
      schema: z.optional(schemaNameSchema),
      options: z.optional(jobOptionsSchema),
    })
    .check(z.refine((b) => Boolean(b.sessionId) !== Boolean(b.uploadId), { message: 'give exactly one of sessionId or uploadId', path: ['sessionId'] })),
);

export const listJobsQuery = z.lazy(() => z.object({ ...pageShape(), status: z.optional(z.enum(JOB_STATUSES)), schema: z.optional(schemaNameSchema) }));

/** Records and error-report pages: up to 1,000 lines each. */
export const outputPageQuery = z.lazy(() => z.object({ ...pageShape(), limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 100) }));

export const bulkJobsBody = z.lazy(() =>
  z.object({
    action: z.enum(['retry', 'cancel', 'delete']),
    jobIds: z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.minLength(1), z.maxLength(100)),
  }),
);

export const outputQuery = z.lazy(() => z.object({ format: z._default(z.enum(['ndjson', 'csv']), 'ndjson') }));

export const statsQuery = z.lazy(() =>
  z.object({
    from: z.optional(z.iso.datetime({ offset: true })),
    to: z.optional(z.iso.datetime({ offset: true })),
  }),
);
