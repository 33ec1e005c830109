/**
 * The shapes that flow between the state machine's stages. Each Task receives the whole
 * state and its result is stored at its ResultPath (see statemachines/pipeline.asl.json),
 * so results stay small: rows live in S3, never in the state.
 */
import type { SchemaDefinition } from './schemas/schema-types.ts';
import type { FieldTransform } from './templates/transform-rules.ts';
import type { JobWarning } from './jobs/warnings.ts';

export type JobStatus = 'queued' | 'running' | 'needs_mapping' | 'succeeded' | 'failed' | 'cancelled';
export type Stage = 'classify' | 'parse' | 'map' | 'enrich' | 'persist';

export interface JobOptions {
  /** IANA zone for wall-clock times without an offset (default UTC) */
  timezone?: string;
  /** ISO 3166 region for national phone numbers (default US) */
  defaultRegion?: string;
  /** ISO 4217 currency for amounts without a symbol (default USD) */
  defaultCurrency?: string;
  /** an upload whose SHA-256 matches an earlier job of the tenant: process it again (default) or skip it */
  onDuplicate?: 'process' | 'skip';
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
  /** the SHA-256 the client declared; Classify checks the bytes against it */
  sha256?: string;
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
  /** 0-based index of the header line among the file's lines (-1: no header line, see impliedHeader) */
  headerRow: number;
  headers: string[];
  /**
   * A documented export that prints no header row (e.g. "asterisk-cdr-csv"): `headers` are
   * its known column names and every line is data
   */
  impliedHeader?: string;
  /** the statement's date printed above the table (`YYYY-MM-DD`): the year of dates printed without one */
  statementDate?: string;
  lineEnding?: 'crlf' | 'lf' | 'cr' | 'mixed';
  rowEstimate?: number;
  schema: { name: string; confidence: number; reason: string };
  /**
   * The tables of a multi-section export (AT&T-style: a header per section), in file
   * order; Parse emits all of them under `headers`, the union of their columns plus
   * `contextColumns`. A single-table file has one section.
   */
  sections?: ClassifiedSection[];
  /** columns Parse adds from each section's context (e.g. "Section", "Account Number"), last in `headers` */
  contextColumns?: string[];
  /** XLSX: every sheet in workbook order, and the one that is read (the first with a table) */
  sheetNames?: string[];
  sheet?: string;
  /** PDF: page count */
  pages?: number;
  /** DOCX: tables in the document, and the 1-based index of the one that is read (with its continuations) */
  tables?: number;
  table?: number;
  /** JSON: where the records are ("$" for a top-level array, "$.data" for an array property) */
  recordsPath?: string;
  /** what Classify had to guess (an encoding without a BOM that is not UTF-8) */
  warnings?: JobWarning[];
}

export interface ClassifiedSection {
  /** "voice", "data", "messaging", or "section N" when neither the title nor the header says */
  kind: string;
  /** the section's title line, when it has one */
  title?: string;
  /** 0-based line (row) of the section's header */
  headerRow: number;
  headers: string[];
  accountNumber?: string;
  /** the phone line named above the section ("JANE DOE,214-662-0187"), as printed */
  lineNumber?: string;
}

export interface ChunkRef {
  index: number;
  /** S3 key of the parsed rows: NDJSON, one JSON array of cells per line; or, with `range`, the upload itself */
  key: string;
  /**
   * Set when the chunk is a byte range of the uploaded file (large delimited text, split
   * at record starts): Enrich reads the file's header bytes and this range and parses them
   * itself, so the rows are read once, in parallel, with no intermediate copy.
   */
  range?: ChunkRange;
}

export interface ChunkRange {
  start: number;
  end: number;
  /** 1-based line of the file on which the range starts */
  firstLine: number;
  /** bytes of preamble and header in front of every range */
  headerEnd: number;
  /** 1-based line on which the data after the header starts */
  dataLine: number;
}

export interface ParseResult {
  /** data rows; for a file split into byte ranges, 0 here and summed from the chunks by Persist */
  rowsRead: number;
  headers: string[];
  chunks: ChunkRef[];
  /** the file was split into byte ranges (chunks have `range`) */
  split?: boolean;
  /** NDJSON of the first parsed rows, for mapping, when the chunks are not parsed rows */
  sampleKey?: string;
  /** what Parse read but had to bend (a split file's rows are read, and warned about, in Enrich) */
  warnings?: JobWarning[];
}

export interface FieldMapping {
  field: string;
  /** source column indexes, combined in order (e.g. Date + Time -> started_at); empty only with a `default` transform */
  sources: number[];
  sourceHeaders: string[];
  confidence: number;
  /** exact | synonym | fuzzy | value_pattern | learned (a tenant template) | ai | confirmed (a person) */
  reason: string;
  /** applied in order to the source cell(s) before the field's type conversion */
  transforms?: FieldTransform[];
}

/** A non-empty source column no field took, with up to three sample values. */
export interface UnmappedColumn {
  column: number;
  header: string;
  samples: string[];
}

/**
 * Something about a job a person should know, with a stable `code` (e.g. `unmapped_columns`,
 * `empty_mapped_field`, `schema_low_coverage`), a sentence, and how many things it concerns.
 */
export interface MappingWarning {
  code: string;
  message: string;
  count: number;
}

/** Who decided what a value of an enum column means. */
export type ValueMapOrigin = 'rules' | 'ai' | 'person';

/**
 * What each distinct value of an enum field's column means (see core/map/value-maps.ts):
 * source value (trimmed, as printed) -> a value of the enum, or null for none of them.
 * A value without an entry in `by` is one nobody understood.
 */
export interface EnumValueMap {
  field: string;
  /** header of the column whose values these are */
  column: string;
  values: Record<string, string | null>;
  by: Record<string, ValueMapOrigin>;
}

export interface MappingResult {
  status: 'mapped' | 'needs_mapping';
  schema: string;
  fields: FieldMapping[];
  confidence: number;
  missingRequired: string[];
  /** non-empty source columns that no field takes (from the sample rows) */
  unmappedColumns?: UnmappedColumn[];
  /** what a person should check about this mapping (codes: unmapped_columns, empty_mapped_field, schema_low_coverage, range_values, unit_scale, unsettled_fields, unread_columns) */
  warnings?: MappingWarning[];
  /** audit: the tenant template (and its version) that mapped the job */
  templateId?: string;
  templateVersion?: number;
  templateName?: string;
  /** layout fingerprint of the file the mapping was made for */
  fingerprint?: string;
  /** how the mapping came about: heuristics, a template, heuristics + Claude, or a person */
  source?: 'heuristics' | 'template' | 'ai' | 'person' | 'learned';
  /** a mapping remembered from a person's confirmation of the same layout (source `learned`) */
  learnedFrom?: { jobId: string; learnedAt: string };
  /** AI involvement: consulted, answered from the per-layout cache, or skipped/failed (why) */
  ai?: { used: boolean; cached: boolean; note?: string };
  /** what the values of its enum fields' columns mean (rules, Claude, a person) */
  valueMaps?: EnumValueMap[];
  /** Claude's answers refused because the column's values do not fit the field ("email <- \"Name\"") */
  aiRefused?: string[];
  /**
   * The country the file was read in when the job named none (`options.defaultRegion`): read
   * from the file (map/file-region.ts), with what said so. National phone numbers and numeric
   * dates are read in it. Absent: the job's region, or the United States.
   */
  region?: { region: string; evidence: string };
  /**
   * A tenant's custom schema travels with the mapping (without synonyms), because Enrich
   * has no access to the templates table; built-in schemas are looked up by name.
   */
  schemaDefinition?: SchemaDefinition;
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
  /** data rows the chunk held */
  rowsRead: number;
  /** lines skipped in a byte-range chunk (blank, summary, repeated header); Parse counts them otherwise */
  rowsSkipped?: number;
  /** lines in the error part (errors and warnings) */
  errorLines?: number;
  rowsWritten: number;
  rowsRejected: number;
  /** record fields seen in this chunk, first-seen order (CSV output columns) */
  columns?: string[];
  /** a byte range met a later section with other columns: nothing was written, the file must be read in one pass */
  layoutChanged?: boolean;
  /** what reading a byte range had to bend (see ParseResult.warnings) */
  warnings?: JobWarning[];
  /** S3 key of the chunk's data-quality counts (QualityCounts as JSON); kept out of the state, which 150 chunks would crowd */
  qualityKey?: string;
}

/** Where a later attempt starts: after the stages whose output it reuses. */
export type ResumePoint = 'map' | 'enrich';

export interface PipelineState extends PipelineInput {
  resumeFrom?: ResumePoint;
  /** set by the state machine when a byte-range chunk found the columns changing: Parse reads the file in one pass */
  wholeFile?: boolean;
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
