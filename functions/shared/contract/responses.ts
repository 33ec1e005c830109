import * as z from 'zod';
import { JOB_STATUSES, jobOptionsSchema } from './common.ts';
import { WEBHOOK_EVENT_TYPES } from '../../core/webhooks/event-types.ts';

/*
 * The shapes of the main answers, for the OpenAPI document. Handlers build their answers with
 * plain functions (toApiJob, ...), so these are checked against real answers instead:
 * test/integration/openapi.test.ts parses a real job, upload, token and webhook event with
 * them (objects are strict there, so a field added on one side only fails it).
 */

const isoTime = z.string().describe('ISO 8601 time');

/**
 * Every error answer: `{ error: { code, message, details? } }`; a validation error names each
 * wrong field. Here, not beside the request schemas in common.ts: registering it is a call
 * esbuild keeps, so every function that imported common.ts built it at init.
 */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .register(z.globalRegistry, { id: 'Error' });

const stageTimes = z.object({ startedAt: isoTime, endedAt: isoTime.optional(), durationMs: z.number().optional() });

const counts = z.record(z.string(), z.number().int());

export const jobWarningSchema = z
  .object({
    code: z.string().describe('stable: invalid_characters, encoding_guessed, duplicate_columns, unclosed_quote, expected_field_missing, mapped_field_empty, rows_mostly_rejected, unmapped_columns, empty_mapped_field, schema_low_coverage, range_values, unit_scale, unsettled_fields, unread_columns, ai_unavailable, ai_refused, enum_values_unknown, times_read_as_utc, region_guessed'),
    message: z.string(),
    count: z.number().int(),
    fields: z.array(z.string()).optional().describe('the schema fields it concerns'),
  })
  .meta({ id: 'JobWarning' });

const fieldQualitySchema = z.object({
  field: z.string(),
  mapped: z.boolean().describe('a source column (or a default) is mapped to the field'),
  expected: z.boolean().describe('the schema expects the field on a file of this kind'),
  filled: z.number().int().describe('records with a value'),
  empty: z.number().int().describe('records without one'),
  notApplicable: z.number().int().describe('of the empty: records the field does not apply to (a data session has no other party)'),
  fillRate: z.number().describe('filled / (records - notApplicable), 3 decimals'),
  blanked: z.number().int().describe('values that could not be read and were left out of written records'),
  rejected: z.number().int().describe('rows rejected over this field'),
  reasons: counts.describe('reason -> count, for blanked and rejected values (quoted values left out)'),
  distinct: z.number().int().nullable().describe('distinct values, null when over 100'),
  values: counts.optional().describe('enum fields: value -> records'),
});

export const jobQualitySchema = z
  .object({
    records: z.number().int().describe('records written'),
    fieldsFilled: z.number().int(),
    fieldsTotal: z.number().int(),
    fields: z.array(fieldQualitySchema),
    fieldsOmitted: z.number().int().optional(),
    rowReasons: counts.describe('problems no field explains: an empty row, a wrong cell count, a value in a column no mapping names ("<column>: <reason>"): reason -> count'),
  })
  .meta({ id: 'JobQuality' });

export const jobSchema = z
  .object({
    jobId: z.string(),
    status: z.enum(JOB_STATUSES),
    stage: z.enum(['classify', 'parse', 'map', 'enrich', 'persist']).nullable(),
    attempt: z.number().int(),
    schema: z.string().describe('the target schema, or "auto" until Classify picks one'),
    options: jobOptionsSchema,
    source: z.object({
      filename: z.string(),
      size: z.number().int(),
      contentType: z.string().optional(),
      sessionId: z.string().optional(),
      sha256: z.string().optional(),
    }),
    progress: z.object({
      rowsRead: z.number().int(),
      rowsWritten: z.number().int(),
      rowsRejected: z.number().int(),
      rowsSkipped: z.number().int(),
      percent: z.number(),
    }),
    stages: z.record(z.string(), stageTimes),
    classification: z.record(z.string(), z.unknown()).nullable().describe('format, encoding, delimiter, headerRow, sections, schema fit'),
    mapping: z.record(z.string(), z.unknown()).nullable().describe('status, schema, confidence, fields with source columns, reasons and confidences; region: the country national phone numbers and numeric dates were read in when the job named none, read from the file ({ region, evidence }), else null'),
    error: z.object({ type: z.string(), message: z.string(), stage: z.string().optional() }).passthrough().nullable(),
    warnings: z.array(jobWarningSchema).describe('what the job bent to read, what its mapping and its self-checks found; stable codes'),
    quality: jobQualitySchema.nullable().describe('the data-quality report of a succeeded job, per schema field'),
    accountsStore: z
      .object({
        state: z.enum(['pending', 'applied', 'skipped', 'failed']).describe('pending from the commit until the stage after it has merged the records (applied), left them out (skipped) or given up (failed)'),
        counts: z
          .object({
            records: z.number().int(),
            skipped: z.number().int().describe('records with nothing to match on'),
            accounts: z.object({ created: z.number().int(), merged: z.number().int(), updated: z.number().int() }),
            contacts: z.object({ created: z.number().int(), merged: z.number().int(), updated: z.number().int() }),
          })
          .optional(),
        reason: z.string().optional().describe('why the records were left out (skipped)'),
        error: z.object({ type: z.string(), message: z.string() }).optional().describe('why the update gave up (failed); retrying the job brings the records in'),
        durationMs: z.number().int().optional(),
        updatedAt: isoTime,
      })
      .nullable()
      .describe("a succeeded company_account or contact job: where its records stand in the tenant's accounts store (GET /v1/accounts); null for other jobs"),
    output: z.object({ records: z.array(z.string()), errors: z.array(z.string()), manifest: z.string() }).nullable(),
    executionName: z.string().nullable(),
    retention: z.object({ uploadExpiresAt: isoTime, outputsExpireAt: isoTime, recordExpiresAt: isoTime, uploadExpired: z.boolean(), outputsExpired: z.boolean() }).nullable().describe('when the file, outputs and record go (the tenant\'s retention when the job was created); null for jobs created before retention'),
    createdAt: isoTime,
    updatedAt: isoTime,
    finishedAt: isoTime.nullable(),
  })
  .meta({ id: 'Job' });

/** `{ items, nextCursor }`: every list; pass nextCursor back as ?cursor= for the next page. */
export const pageOf = (item: z.core.$ZodType) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** The tenant's latest job over a file with the same declared SHA-256. */
const duplicateSchema = z.object({ jobId: z.string(), status: z.enum(JOB_STATUSES) });

export const uploadCreatedSchema = z.object({
  uploadId: z.string(),
  key: z.string(),
  sessionId: z.string(),
  partSize: z.number().int().describe('recommended part size; any size S3 accepts works'),
  partCount: z.number().int(),
  expiresAt: isoTime,
  duplicateOf: duplicateSchema.nullable().describe('set when sha256 was given and the tenant already sent these bytes'),
});

const partSchema = z.object({ PartNumber: z.number().int(), Size: z.number().int(), ETag: z.string() });

export const uploadSessionSchema = z.object({
  sessionId: z.string(),
  uploadId: z.string(),
  key: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().nullable(),
  partSize: z.number().int(),
  partCount: z.number().int().nullable(),
  status: z.enum(['open', 'completed', 'aborted']),
  jobId: z.string().nullable(),
  createdAt: isoTime,
  expiresAt: isoTime,
  parts: z.array(partSchema),
});

export const signedPartSchema = z.object({ url: z.string(), expiresAt: isoTime });

export const uploadCompletedSchema = z.object({
  location: z.string().describe("the job's URL under this API"),
  jobId: z.string(),
  duplicateOf: duplicateSchema.optional(),
  skipped: z.literal(true).optional().describe('options.onDuplicate was "skip": jobId is the earlier job, no new one started'),
});

export const uploadTokenSchema = z.object({
  tokenId: z.string(),
  name: z.string().nullable(),
  schema: z.string().optional(),
  options: z.optional(jobOptionsSchema),
  maxBytes: z.number().int(),
  rateLimitRps: z.number().int(),
  createdAt: isoTime,
  expiresAt: isoTime,
  revokedAt: isoTime.nullable(),
});

export const uploadTokenIssuedSchema = uploadTokenSchema.extend({
  token: z.string().describe('shown once; stored as a SHA-256 hash'),
  companionEndpoint: z.string().describe("Uppy's companionEndpoint: an absolute URL holding the token"),
});

export const companionCreatedSchema = z.object({ key: z.string(), uploadId: z.string(), duplicateOf: duplicateSchema.nullable() });
export const companionSignedSchema = z.object({ url: z.string(), expires: isoTime });
export const companionPartsSchema = z.array(partSchema);
export const companionParamsSchema = z.object({
  method: z.literal('POST'),
  url: z.string(),
  fields: z.record(z.string(), z.string()).describe('the form fields, in order, before the file'),
  expires: isoTime,
});
export const companionSignedRequestSchema = z.object({
  url: z.string(),
  key: z.string().optional().describe('the key the object gets (create and single-request uploads)'),
  headers: z.record(z.string(), z.string()).optional().describe('signed headers the request must carry'),
  fields: z.record(z.string(), z.string()).optional().describe('POST policy form fields (single-request upload)'),
});
export const companionCompletedSchema = uploadCompletedSchema.extend({ key: z.string() });

/** A webhook delivery's body (Standard Webhooks: signed with the endpoint's secret). */
export const webhookEventSchema = (type: (typeof WEBHOOK_EVENT_TYPES)[number]) =>
  z.object({
    id: z.string().describe('the event id; webhook-id differs per endpoint and stays the same across retries'),
    type: z.literal(type),
    timestamp: isoTime.describe("Standard Webhooks' payload timestamp: when the event happened"),
    tenantId: z.string(),
    createdAt: isoTime.describe('the same as timestamp'),
    data: jobSchema,
  });
