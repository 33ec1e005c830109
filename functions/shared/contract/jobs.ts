import * as z from 'zod';
import { JOB_STATUSES, jobOptionsSchema, schemaNameSchema } from './common.ts';
import { pageQuery } from './paging.ts';

// Request bodies are z.lazy: built on their first parse, not at every cold start (docs/performance.md);
// queries stay eager, as the OpenAPI document reads their shape.

/** Jobs: create over an upload, list, pages of output, bulk actions, download, stats. */

export const createJobBody = z.lazy(() => z
  .object({
    sessionId: z.string().min(1).max(64).optional(),
    uploadId: z.string().min(1).max(1024).optional(),
    schema: schemaNameSchema.optional(),
    options: jobOptionsSchema.optional(),
  })
  .refine((b) => Boolean(b.sessionId) !== Boolean(b.uploadId), { message: 'give exactly one of sessionId or uploadId', path: ['sessionId'] }));

export const listJobsQuery = z.object({ ...pageQuery.shape, status: z.enum(JOB_STATUSES).optional(), schema: schemaNameSchema.optional() });

/** Records and error-report pages: up to 1,000 lines each. */
export const outputPageQuery = z.object({ ...pageQuery.shape, limit: z.coerce.number().int().min(1).max(1000).default(100) });

export const bulkJobsBody = z.lazy(() => z.object({
  action: z.enum(['retry', 'cancel', 'delete']),
  jobIds: z.array(z.string().min(1).max(64)).min(1).max(100),
}));

export const outputQuery = z.object({ format: z.enum(['ndjson', 'csv']).default('ndjson') });

export const statsQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
