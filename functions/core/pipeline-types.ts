/**
 * The shapes that flow between the state machine's stages. Each Task receives the whole
 * state and its result is stored at its ResultPath (see statemachines/pipeline.asl.json),
 * so results stay small: rows live in S3, never in the state.
 */
export type JobStatus = 'queued' | 'running' | 'needs_mapping' | 'succeeded' | 'failed' | 'cancelled';
export type Stage = 'classify' | 'parse' | 'map' | 'enrich' | 'persist';

export interface JobOptions {
  /** IANA zone for wall-clock times without an offset (default UTC) */
  timezone?: string;
  /** ISO 3166 region for national phone numbers (default US) */
  defaultRegion?: string;
  /** ISO 4217 currency for amounts without a symbol (default USD) */
  defaultCurrency?: string;
}

export interface PipelineInput {
  tenantId: string;
  jobId: string;
  attempt: number;
  bucket: string;
  /** the uploaded object */
  key: string;
  filename: string;
  declaredType?: string;
  size: number;
  schema: string;
  options: JobOptions;
  /** set on a resumed attempt, with the earlier stages' results below */
  resumeFrom?: ResumePoint;
  classification?: Classification;
  parsed?: ParseResult;
  mapping?: MappingResult;
}

export type FileFormat = 'csv' | 'xlsx' | 'xls' | 'pdf' | 'docx' | 'json' | 'ndjson' | 'unknown';

export interface Classification {
  format: FileFormat;
  declaredType?: string;
  detectedType: string;
  typeMismatch: boolean;
  encoding: string;
  hasBom: boolean;
  delimiter?: string;
  /** 0-based index of the header line among the file's lines */
  headerRow: number;
  headers: string[];
  lineEnding?: 'crlf' | 'lf' | 'cr' | 'mixed';
  rowEstimate?: number;
  schema: { name: string; confidence: number; reason: string };
}

export interface ChunkRef {
  index: number;
  /** S3 key of the parsed rows: NDJSON, one JSON array of cells per line */
  key: string;
  rows: number;
  /** 1-based row number (in the source file) of the chunk's first data row */
  firstRow: number;
}

export interface ParseResult {
  rowsRead: number;
  headers: string[];
  chunks: ChunkRef[];
}

export interface FieldMapping {
  field: string;
  /** source column indexes, combined in order (e.g. Date + Time -> started_at) */
  sources: number[];
  sourceHeaders: string[];
  confidence: number;
  reason: string;
}

export interface MappingResult {
  status: 'mapped' | 'needs_mapping';
  schema: string;
  fields: FieldMapping[];
  confidence: number;
  missingRequired: string[];
}

export interface EnrichChunkInput {
  tenantId: string;
  jobId: string;
  attempt: number;
  schema: string;
  options: JobOptions;
  mapping: MappingResult;
  chunk: ChunkRef;
}

export interface EnrichChunkResult {
  index: number;
  recordsKey: string;
  errorsKey: string;
  rowsWritten: number;
  rowsRejected: number;
  /** record fields seen in this chunk, first-seen order (CSV output columns) */
  columns?: string[];
}

/** Where a later attempt starts: after the stages whose output it reuses. */
export type ResumePoint = 'map' | 'enrich';

export interface PipelineState extends PipelineInput {
  resumeFrom?: ResumePoint;
  classification?: Classification;
  parsed?: ParseResult;
  mapping?: MappingResult;
  enriched?: EnrichChunkResult[];
  error?: { Error: string; Cause?: string };
}

/** One rejected row in the error report. */
export interface RowError {
  row: number;
  column?: string;
  value?: string;
  reason: string;
}
