import type { Classification, JobOptions, JobStatus, MappingResult, ParseResult, ResumePoint, Stage } from '../pipeline-types.ts';
import type { LiveChunkCounts } from './live-progress.ts';
import { mergeWarnings, type JobWarning } from './warnings.ts';
import type { JobQuality } from '../quality/quality-report.ts';
import { mappingJobWarnings } from '../quality/self-checks.ts';
import type { UpsertCounts } from '../entities/upsert.ts';
import { retentionView, type JobRetention } from '../retention/retention.ts';

/** A job as stored (one DynamoDB item per job; rows live in S3). */
export interface JobRecord {
  tenantId: string;
  jobId: string;
  status: JobStatus;
  stage?: Stage;
  attempt: number;
  schema: string;
  options: JobOptions;
  /** sha256: what the client declared (hex, lower case); Classify checks the bytes against it */
  source: { sessionId?: string; bucket: string; key: string; filename: string; size: number; contentType?: string; sha256?: string };
  progress: {
    rowsRead: number;
    rowsWritten: number;
    rowsRejected: number;
    rowsSkipped: number;
    bytesRead: number;
    /** a split file: bytes of the ranges enriched so far (its rows are counted as the ranges are read) */
    bytesEnriched?: number;
  };
  stages: Partial<Record<Stage, { startedAt: string; endedAt?: string; durationMs?: number }>>;
  classification?: Classification;
  /** Parse's chunk list: what a later attempt reuses instead of parsing again */
  parsed?: ParseResult;
  mapping?: MappingResult;
  error?: JobError;
  /**
   * The last error a stage raised in this attempt (stored by the stage itself): a failed
   * child of the distributed Map reaches the state machine only as a generic threshold
   * failure, so MarkFailed reads the real type and message here.
   */
  lastStageError?: JobError & { attempt: number };
  /** Enrich chunks of this attempt whose counts are in `progress` (a retried chunk adds nothing twice) */
  enrichedChunks?: Set<number>;
  /** Enrich chunks still running: their counts so far, keyed by chunk index (see live-progress.ts) */
  enrichLive?: Record<string, LiveChunkCounts>;
  output?: JobOutput;
  /** every stage's warnings, merged: stored once, by Persist, when the attempt succeeds */
  warnings?: JobWarning[];
  /** the data-quality report of a succeeded attempt: per field, filled, empty, unread values and why (Persist) */
  quality?: JobQuality;
  /** a succeeded company_account or contact job: how its records are getting into the tenant's accounts store */
  accountsStore?: AccountsStoreRun;
  /** every final status an attempt reached (`<attempt>:<status>`, see outcomeKey): what a late completion event is checked against */
  outcomes?: Set<string>;
  executionName?: string;
  /** when the job's file, outputs and record go (its tenant's retention when it was created; core/retention) */
  retention?: JobRetention;
  /** the record's TTL (epoch seconds): DynamoDB deletes it on AWS; readers treat it as gone once past */
  expiresAtEpoch?: number;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

/**
 * The accounts store's catch-up after a company_account or contact job commits: `pending`
 * from the commit until the stage after Persist has merged the records (`applied`), left them
 * out (`skipped`, with the reason) or given up (`failed`, with the error; the job's records
 * stand, and retrying the job brings them in).
 */
export interface AccountsStoreRun {
  state: 'pending' | 'applied' | 'skipped' | 'failed';
  attempt: number;
  /** accounts and contacts created and merged, records with nothing to match on (applied) */
  counts?: UpsertCounts;
  reason?: string;
  error?: JobError;
  /** the merge's time, from reading the records to the store's write */
  durationMs?: number;
  updatedAt: string;
}

export interface JobError {
  type: string;
  message: string;
  stage?: Stage;
}

export interface JobOutput {
  bucket: string;
  recordsKeys: string[];
  errorsKeys: string[];
  manifestKey: string;
  /** every record field, first-seen order: the columns of the CSV download */
  columns?: string[];
}

/** Share of the overall percent that each stage covers when it ends. */
const STAGE_END_PERCENT: Record<Stage, number> = { classify: 2, parse: 45, map: 47, enrich: 97, persist: 100 };

/**
 * Overall progress 0-100: Parse advances by bytes read, Enrich by rows processed (bytes of a split file),
 * the quick stages jump. Derived on read so it can never disagree with the counts.
 */
export function computePercent(job: Pick<JobRecord, 'status' | 'stage' | 'progress' | 'source'>): number {
  if (job.status === 'succeeded') return 100;
  if (job.status === 'queued' || !job.stage) return 0;
  const { progress } = job;
  const start = (stage: Stage) => {
    const order: Stage[] = ['classify', 'parse', 'map', 'enrich', 'persist'];
    const i = order.indexOf(stage);
    return i === 0 ? 0 : STAGE_END_PERCENT[order[i - 1] as Stage];
  };
  const span = (stage: Stage) => STAGE_END_PERCENT[stage] - start(stage);
  let fraction = 0;
  if (job.stage === 'parse') fraction = job.source.size > 0 ? progress.bytesRead / job.source.size : 0;
  if (job.stage === 'enrich') {
    // A split file's rows are only known as its ranges are read: its progress is in bytes.
    if (progress.bytesEnriched !== undefined) fraction = job.source.size > 0 ? progress.bytesEnriched / job.source.size : 0;
    else fraction = progress.rowsRead > 0 ? (progress.rowsWritten + progress.rowsRejected) / progress.rowsRead : 0;
  }
  const percent = start(job.stage) + span(job.stage) * Math.min(1, Math.max(0, fraction));
  return Math.round(percent * 10) / 10;
}

/** The public shape of a job (GET /v1/jobs/{id}, CLI --json). */
/** The fields of a job that stats over many jobs read (jobStore.listSince). */
export type JobSummary = Pick<JobRecord, 'jobId' | 'status' | 'stages' | 'progress' | 'createdAt'>;

export function toApiJob(job: JobRecord) {
  const stages = Object.fromEntries(
    Object.entries(job.stages).map(([name, t]) => [name, { startedAt: t.startedAt, endedAt: t.endedAt, durationMs: t.durationMs }]),
  );
  return {
    jobId: job.jobId,
    status: job.status,
    stage: job.stage ?? null,
    attempt: job.attempt,
    schema: job.schema,
    options: job.options,
    source: { filename: job.source.filename, size: job.source.size, contentType: job.source.contentType, sessionId: job.source.sessionId, sha256: job.source.sha256 },
    progress: {
      rowsRead: job.progress.rowsRead,
      rowsWritten: job.progress.rowsWritten,
      rowsRejected: job.progress.rowsRejected,
      rowsSkipped: job.progress.rowsSkipped,
      percent: computePercent(job),
    },
    stages,
    classification: job.classification ?? null,
    mapping: job.mapping
      ? {
          status: job.mapping.status,
          schema: job.mapping.schema,
          confidence: job.mapping.confidence,
          missingRequired: job.mapping.missingRequired,
          source: job.mapping.source ?? null,
          templateId: job.mapping.templateId ?? null,
          templateVersion: job.mapping.templateVersion ?? null,
          fields: job.mapping.fields,
          // non-empty columns no field took, and what a person should check (stable codes)
          unmappedColumns: job.mapping.unmappedColumns ?? [],
          warnings: job.mapping.warnings ?? [],
          // the country the file was read in when the job named none, and what in the file said so
          region: job.mapping.region ?? null,
        }
      : null,
    error: job.error ?? null,
    warnings: jobWarnings(job),
    quality: job.quality ?? null,
    accountsStore: job.accountsStore ? accountsStoreView(job.accountsStore) : null,
    output: job.output ? outputView(job.output) : null,
    executionName: job.executionName ?? null,
    retention: retentionView(job.retention, Date.now()),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt ?? null,
  };
}

export type ApiJob = ReturnType<typeof toApiJob>;

function outputView(output: JobOutput) {
  const url = (key: string) => `s3://${output.bucket}/${key}`;
  return { records: output.recordsKeys.map(url), errors: output.errorsKeys.map(url), manifest: url(output.manifestKey) };
}

function accountsStoreView(run: AccountsStoreRun) {
  return {
    state: run.state,
    ...(run.counts && { counts: { records: run.counts.records, skipped: run.counts.skipped, accounts: run.counts.accounts, contacts: run.counts.contacts } }),
    ...(run.reason !== undefined && { reason: run.reason }),
    ...(run.error && { error: { type: run.error.type, message: run.error.message } }),
    ...(run.durationMs !== undefined && { durationMs: run.durationMs }),
    updatedAt: run.updatedAt,
  };
}

/**
 * The job's warnings: as Persist stored them, or, before that (running, needs_mapping, or
 * failed), what Classify, Parse and Map found so far.
 */
export function jobWarnings(job: Pick<JobRecord, 'warnings' | 'classification' | 'parsed' | 'mapping'>): JobWarning[] {
  return job.warnings ?? mergeWarnings(job.classification?.warnings, job.parsed?.warnings, mappingJobWarnings(job.mapping));
}

/**
 * Where a retry can pick up: after the last stage whose output is still good. A failure
 * in Classify or Parse starts over; in Map, Map runs again on the parsed chunks; in
 * Enrich or Persist, the chunks are enriched again with the stored mapping.
 */
export function resumePointFor(job: Pick<JobRecord, 'parsed' | 'mapping' | 'classification' | 'error' | 'stage'>): ResumePoint | undefined {
  const failedStage = job.error?.stage ?? job.stage;
  if (!job.classification || !job.parsed) return undefined;
  if (failedStage === 'map' || !job.mapping) return 'map';
  if (failedStage === 'enrich' || failedStage === 'persist') return job.mapping.status === 'mapped' ? 'enrich' : 'map';
  return undefined;
}

/** Execution names must be unique per state machine: one per attempt. */
export const executionNameFor = (jobId: string, attempt: number) => `${jobId}-${attempt}`;
