/*
 * The API's answers as the console reads them, from the same zod schemas and core types the
 * handlers use (type-only imports: nothing of functions/ is bundled into the page).
 */
import type { z } from 'zod';
import type { jobSchema, uploadTokenIssuedSchema } from '../../functions/shared/contract/responses.ts';
import type { JOB_STATUSES } from '../../functions/shared/contract/common.ts';
import type { FieldMapping, MappingResult } from '../../functions/core/pipeline-types.ts';
import type { JobWarning } from '../../functions/core/jobs/warnings.ts';
import type { FieldDefinition } from '../../functions/core/schemas/schema-types.ts';

export type JobStatus = (typeof JOB_STATUSES)[number];
export type Job = z.infer<typeof jobSchema> & { warnings?: JobWarning[]; mapping: MappingResult | null };
export type { FieldMapping, MappingResult, JobWarning, FieldDefinition };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface RowError {
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
  severity: 'error' | 'warning';
}

export interface SchemaSummary {
  name: string;
  description?: string;
  fields: FieldDefinition[];
}

/** GET /v1/jobs/{id}/mapping */
export interface JobMappingView {
  jobId: string;
  status: JobStatus;
  mapping: MappingResult;
  headers: string[];
  samples: { column: number; header: string; values: string[] }[];
  alternatives: {
    fields: Record<string, { column: number; header: string; score: number; why?: string }[]>;
    schemas: { name: string; confidence: number; reason: string }[];
  };
}

export type UploadTokenIssued = z.infer<typeof uploadTokenIssuedSchema>;

/** What the WebSocket pushes for a subscribed job. */
export interface LiveMessage {
  type: 'job.progress' | 'job.status' | 'subscribed' | 'unsubscribed' | 'error';
  jobId?: string;
  status?: JobStatus;
  stage?: string | null;
  rowsRead?: number;
  rowsWritten?: number;
  rowsRejected?: number;
  percent?: number;
  message?: string;
}

export const FINAL_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];
