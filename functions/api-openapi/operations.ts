import * as z from 'zod';
import type { Role } from '../core/auth/api-keys.ts';
import { pageQuery } from '../shared/contract/paging.ts';
import { auditQuery, auditRecordSchema, createApiKeyBody, retentionOverridesSchema, retentionSettingsSchema, usageQuery, usageReportSchema } from '../shared/contract/admin.ts';
import { bulkJobsBody, createJobBody, listJobsQuery, outputPageQuery, outputQuery, statsQuery } from '../shared/contract/jobs.ts';
import { putMappingBody, schemaDefinitionSchema, suggestBody, templateFromJobBody, templateInputSchema } from '../shared/contract/templates.ts';
import {
  companionCompleteBody,
  companionCreateBody,
  companionKeyQuery,
  companionParamsQuery,
  companionSignBody,
  completeUploadBody,
  createUploadBody,
  createUploadTokenBody,
  signPartsBody,
} from '../shared/contract/uploads.ts';
import { createWebhookBody, patchWebhookBody } from '../shared/contract/webhooks.ts';
import { accountExportQuery, accountListQuery, accountPatchBody, contactExportQuery, contactListQuery, contactPatchBody, icpBody, mergeBody } from '../shared/contract/accounts.ts';
import {
  companionCompletedSchema,
  companionCreatedSchema,
  companionParamsSchema,
  companionPartsSchema,
  companionSignedRequestSchema,
  companionSignedSchema,
  jobSchema,
  pageOf,
  signedPartSchema,
  uploadCompletedSchema,
  uploadCreatedSchema,
  uploadSessionSchema,
  uploadTokenIssuedSchema,
  uploadTokenSchema,
} from '../shared/contract/responses.ts';

/** How a route authenticates: an API key (Bearer), the upload token in its path, or not at all. */
export type Auth = { kind: 'apiKey'; role: Role } | { kind: 'uploadToken' } | { kind: 'none' };

export interface Operation {
  summary: string;
  tag: string;
  auth: Auth;
  /** the zod schema the handler validates the JSON body with */
  body?: z.core.$ZodType;
  /** the zod object the handler validates the query string with (or a z.lazy of one: built on its first parse) */
  query?: z.core.$ZodObject | z.core.$ZodLazy<z.core.$ZodObject>;
  success: { status: number; description: string; schema?: z.core.$ZodType };
  /** error statuses this route answers beyond those of its auth and input */
  errors?: number[];
}

const key = (role: Role): Auth => ({ kind: 'apiKey', role });
const token: Auth = { kind: 'uploadToken' };
const ok = (description: string, schema?: z.core.$ZodType, status = 200) => ({ status, description, schema });
const noContent = (description: string) => ({ status: 204, description });

/**
 * Every HTTP route of functions/shared/routes.ts, keyed by its route key, with the zod schemas
 * its handler validates with. The document builder refuses a route without an entry here (and
 * an entry without a route), and a test checks the roles against the running handlers.
 */
export const OPERATIONS: Record<string, Operation> = {
  'GET /v1/health': { summary: 'Service health: DynamoDB, S3 and Step Functions', tag: 'Operations', auth: { kind: 'none' }, success: ok('All checks pass'), errors: [503] },
  'GET /v1/openapi.json': { summary: 'This document', tag: 'Operations', auth: { kind: 'none' }, success: ok('OpenAPI 3.1') },
  'GET /v1/metrics': { summary: "Last hour's throughput, error rates, queue and DLQ depths", tag: 'Operations', auth: key('admin'), success: ok('Metrics') },

  'POST /v1/uploads': { summary: 'Open an upload session (an S3 multipart upload)', tag: 'Uploads', auth: key('member'), body: createUploadBody, success: ok('Session', uploadCreatedSchema, 201) },
  'GET /v1/uploads/{sessionId}': { summary: 'A session and the parts S3 holds (resume)', tag: 'Uploads', auth: key('viewer'), success: ok('Session', uploadSessionSchema) },
  'GET /v1/uploads/{sessionId}/parts/{partNumber}': { summary: 'Presign one part (15 min)', tag: 'Uploads', auth: key('member'), success: ok('Presigned UploadPart', signedPartSchema), errors: [409] },
  'POST /v1/uploads/{sessionId}/parts': { summary: 'Presign up to 100 parts', tag: 'Uploads', auth: key('member'), body: signPartsBody, success: ok('Presigned UploadParts'), errors: [409] },
  'POST /v1/uploads/{sessionId}/complete': { summary: 'Complete the upload and start the job', tag: 'Uploads', auth: key('member'), body: completeUploadBody, success: ok('The job started (or the one a repeated complete started)', uploadCompletedSchema), errors: [409] },
  'DELETE /v1/uploads/{sessionId}': { summary: 'Abort the upload', tag: 'Uploads', auth: key('member'), success: noContent('Aborted'), errors: [409] },

  'POST /v1/upload-tokens': { summary: "Issue an upload token for a browser (Uppy's companionEndpoint)", tag: 'Upload tokens', auth: key('member'), body: createUploadTokenBody, success: ok('The token, shown once', uploadTokenIssuedSchema, 201) },
  'GET /v1/upload-tokens': { summary: "The tenant's unexpired upload tokens", tag: 'Upload tokens', auth: key('member'), success: ok('Tokens (never the token itself)', pageOf(uploadTokenSchema)) },
  'DELETE /v1/upload-tokens/{tokenId}': { summary: 'Revoke an upload token (at once)', tag: 'Upload tokens', auth: key('member'), success: noContent('Revoked') },

  'POST /v1/companion/{uploadToken}/s3/multipart': { summary: 'Uppy: create a multipart upload', tag: 'Uppy companion', auth: token, body: companionCreateBody, success: ok('The upload', companionCreatedSchema) },
  'GET /v1/companion/{uploadToken}/s3/multipart/{uploadId}/{partNumber}': { summary: 'Uppy: presign one part', tag: 'Uppy companion', auth: token, query: companionKeyQuery, success: ok('Presigned UploadPart', companionSignedSchema), errors: [409] },
  'GET /v1/companion/{uploadToken}/s3/multipart/{uploadId}': { summary: 'Uppy: the parts S3 holds (resume)', tag: 'Uppy companion', auth: token, query: companionKeyQuery, success: ok('Parts', companionPartsSchema) },
  'POST /v1/companion/{uploadToken}/s3/multipart/{uploadId}/complete': { summary: "Uppy: complete the upload and start the job with the token's schema and options", tag: 'Uppy companion', auth: token, query: companionKeyQuery, body: companionCompleteBody, success: ok('The job started', companionCompletedSchema), errors: [409] },
  'GET /v1/companion/{uploadToken}/s3/params': { summary: "Uppy: a presigned POST for a single-request upload into the tenant's inbox (the job starts from the object's event)", tag: 'Uppy companion', auth: token, query: companionParamsQuery, success: ok('{ method: "POST", url, fields, expires }', companionParamsSchema) },
  'POST /v1/companion/{uploadToken}/s3/sign': { summary: "Uppy's signRequest mode: presign one S3 request (create, part, list, complete, abort, or a form for a single-request upload) for the tenant's inbox", tag: 'Uppy companion', auth: token, body: companionSignBody, success: ok('{ url, key?, headers?, fields? } (Uppy\'s PresignedResponse)', companionSignedRequestSchema) },
  'GET /v1/companion/{uploadToken}/jobs/{jobId}': { summary: 'A job started by an upload of this token (an embedded importer following its upload); any other job is not found', tag: 'Uppy companion', auth: token, success: ok('The job', jobSchema) },
  'DELETE /v1/companion/{uploadToken}/s3/multipart/{uploadId}': { summary: 'Uppy: abort the upload', tag: 'Uppy companion', auth: token, query: companionKeyQuery, success: ok('Aborted'), errors: [409] },

  'POST /v1/jobs': { summary: 'A new job over an uploaded file', tag: 'Jobs', auth: key('member'), body: createJobBody, success: ok('The job', jobSchema, 202), errors: [409, 410] },
  'GET /v1/jobs': { summary: 'Jobs, newest first', tag: 'Jobs', auth: key('viewer'), query: listJobsQuery, success: ok('A page of jobs', pageOf(jobSchema)) },
  'GET /v1/jobs/{jobId}': { summary: 'A job: status, stage, progress, timings, classification, mapping, error, output', tag: 'Jobs', auth: key('viewer'), success: ok('The job', jobSchema), errors: [410] },
  'GET /v1/jobs/{jobId}/records': { summary: 'A page of records', tag: 'Jobs', auth: key('viewer'), query: outputPageQuery, success: ok('{ items, nextCursor }'), errors: [409, 410] },
  'GET /v1/jobs/{jobId}/errors': { summary: 'A page of the row-level error report', tag: 'Jobs', auth: key('viewer'), query: outputPageQuery, success: ok('{ items: [{ row, column, value, reason, severity }], nextCursor }'), errors: [409, 410] },
  'GET /v1/jobs/{jobId}/output': { summary: 'A presigned download of all records (5 min)', tag: 'Jobs', auth: key('viewer'), query: outputQuery, success: ok('{ format, url, expiresAt }'), errors: [409, 410] },
  'POST /v1/jobs/{jobId}/cancel': { summary: 'Cancel a job (idempotent)', tag: 'Jobs', auth: key('member'), success: ok('The job', jobSchema), errors: [409] },
  'POST /v1/jobs/{jobId}/retry': { summary: 'A new attempt from the last good stage', tag: 'Jobs', auth: key('member'), success: ok('The job', jobSchema, 202), errors: [409, 410] },
  'DELETE /v1/jobs/{jobId}': { summary: 'Delete a job and its outputs', tag: 'Jobs', auth: key('member'), success: noContent('Deleted'), errors: [409] },
  'POST /v1/jobs/bulk': { summary: 'Retry, cancel or delete up to 100 jobs', tag: 'Jobs', auth: key('member'), body: bulkJobsBody, success: ok('One result per id') },
  'GET /v1/jobs/stats': { summary: 'Counts, success rate, rows/s and stage durations', tag: 'Jobs', auth: key('viewer'), query: statsQuery, success: ok('Statistics') },
  'GET /v1/jobs/{jobId}/mapping': { summary: "The job's suggested mapping: fields, confidences, samples, alternatives, and value maps (what each code of an enum column means, and who said so)", tag: 'Jobs', auth: key('viewer'), success: ok('The suggestion'), errors: [409] },
  'PUT /v1/jobs/{jobId}/mapping': { summary: "Confirm a mapping (and what codes of enum columns mean: mapping.valueMaps) and resume a needs_mapping job", tag: 'Jobs', auth: key('member'), body: putMappingBody, success: ok('{ job, mapping, template }', undefined, 202), errors: [409] },

  'GET /v1/templates': { summary: "The tenant's templates", tag: 'Templates', auth: key('viewer'), query: pageQuery, success: ok('A page of templates') },
  'POST /v1/templates': { summary: "Create a template (or one from a job's mapping: { name, fromJob })", tag: 'Templates', auth: key('member'), body: z.union([templateInputSchema, templateFromJobBody]), success: ok('The template (ETag: its version)', undefined, 201), errors: [409, 413] },
  'POST /v1/templates/suggest': { summary: 'Ranked templates and schemas and a mapping for a file', tag: 'Templates', auth: key('member'), body: suggestBody, success: ok('Suggestions'), errors: [413] },
  'GET /v1/templates/{templateId}': { summary: 'A template with its usage', tag: 'Templates', auth: key('viewer'), success: ok('The template (ETag: its version)') },
  'PUT /v1/templates/{templateId}': { summary: 'A new version (If-Match: the version edited)', tag: 'Templates', auth: key('member'), body: templateInputSchema, success: ok('The new version'), errors: [409, 413] },
  'DELETE /v1/templates/{templateId}': { summary: 'Delete a template no running job uses', tag: 'Templates', auth: key('member'), success: noContent('Deleted'), errors: [409] },
  'GET /v1/templates/{templateId}/versions': { summary: "A template's immutable versions", tag: 'Templates', auth: key('viewer'), success: ok('Versions') },
  'GET /v1/schemas': { summary: "Built-in schemas and the tenant's own", tag: 'Schemas', auth: key('viewer'), success: ok('Schemas') },
  'POST /v1/schemas': { summary: 'Add a schema', tag: 'Schemas', auth: key('admin'), body: schemaDefinitionSchema, success: ok('The schema', undefined, 201), errors: [409] },
  'GET /v1/schemas/{name}': { summary: 'A schema', tag: 'Schemas', auth: key('viewer'), success: ok('The schema') },

  'GET /v1/accounts': { summary: 'Accounts built from ingested company and contact files (filters, sort, facets)', tag: 'Accounts', auth: key('viewer'), query: accountListQuery, success: ok('A page of accounts with facets') },
  'GET /v1/accounts/export': { summary: 'The filtered accounts as CSV or XLSX', tag: 'Accounts', auth: key('viewer'), query: accountExportQuery, success: ok('A download URL') },
  'GET /v1/accounts/{accountId}': { summary: 'An account with its contacts, sources and AI insights', tag: 'Accounts', auth: key('viewer'), success: ok('The account') },
  'PATCH /v1/accounts/{accountId}': { summary: 'Correct an account (null clears a field)', tag: 'Accounts', auth: key('member'), body: accountPatchBody, success: ok('The account'), errors: [409] },
  'DELETE /v1/accounts/{accountId}': { summary: 'Remove an account', tag: 'Accounts', auth: key('admin'), success: noContent('Removed') },
  'POST /v1/accounts/{accountId}/merge': { summary: 'Merge another account into this one', tag: 'Accounts', auth: key('member'), body: mergeBody, success: ok('The merged account'), errors: [409] },
  'POST /v1/accounts/{accountId}/insights/refresh': { summary: 'Generate the AI insights again', tag: 'Accounts', auth: key('member'), success: ok('The insights, or why there are none') },
  'GET /v1/settings/icp': { summary: 'The ideal-customer profile insights are written against', tag: 'Accounts', auth: key('viewer'), success: ok('The profile') },
  'PUT /v1/settings/icp': { summary: 'Set the ideal-customer profile', tag: 'Accounts', auth: key('admin'), body: icpBody, success: ok('The profile') },
  'GET /v1/contacts': { summary: 'Contacts built from ingested files', tag: 'Accounts', auth: key('viewer'), query: contactListQuery, success: ok('A page of contacts') },
  'GET /v1/contacts/export': { summary: 'The filtered contacts as CSV or XLSX', tag: 'Accounts', auth: key('viewer'), query: contactExportQuery, success: ok('A download URL') },
  'GET /v1/contacts/{contactId}': { summary: 'A contact with its sources', tag: 'Accounts', auth: key('viewer'), success: ok('The contact') },
  'PATCH /v1/contacts/{contactId}': { summary: 'Correct a contact (null clears a field)', tag: 'Accounts', auth: key('member'), body: contactPatchBody, success: ok('The contact'), errors: [409] },
  'DELETE /v1/contacts/{contactId}': { summary: 'Remove a contact', tag: 'Accounts', auth: key('admin'), success: noContent('Removed') },
  'GET /v1/webhooks': { summary: 'Webhook endpoints', tag: 'Webhooks', auth: key('viewer'), query: pageQuery, success: ok('A page of endpoints') },
  'POST /v1/webhooks': { summary: 'Add an endpoint (https, public addresses; the secret is shown once)', tag: 'Webhooks', auth: key('admin'), body: createWebhookBody, success: ok('The endpoint and its whsec_ secret', undefined, 201) },
  'GET /v1/webhooks/{webhookId}': { summary: 'An endpoint', tag: 'Webhooks', auth: key('viewer'), success: ok('The endpoint') },
  'PATCH /v1/webhooks/{webhookId}': { summary: 'Change url, events, description or enabled', tag: 'Webhooks', auth: key('admin'), body: patchWebhookBody, success: ok('The endpoint') },
  'DELETE /v1/webhooks/{webhookId}': { summary: 'Remove an endpoint', tag: 'Webhooks', auth: key('admin'), success: noContent('Removed') },
  'POST /v1/webhooks/{webhookId}/test': { summary: 'Send a signed webhook.test event now', tag: 'Webhooks', auth: key('member'), success: ok("The attempt's result") },
  'POST /v1/webhooks/{webhookId}/rotate-secret': { summary: 'A new secret; the old one signs too for 24 h', tag: 'Webhooks', auth: key('admin'), success: ok('The endpoint and its new secret') },
  'GET /v1/webhooks/{webhookId}/deliveries': { summary: 'The delivery log', tag: 'Webhooks', auth: key('viewer'), query: pageQuery, success: ok('A page of deliveries') },
  'POST /v1/webhooks/{webhookId}/deliveries/{deliveryId}/replay': { summary: 'Deliver again now', tag: 'Webhooks', auth: key('member'), success: ok("The attempt's result") },

  'GET /v1/api-keys': { summary: "The tenant's API keys (never the hash)", tag: 'API keys', auth: key('admin'), success: ok('Keys') },
  'POST /v1/api-keys': { summary: 'Issue a key (the plaintext is shown once)', tag: 'API keys', auth: key('admin'), body: createApiKeyBody, success: ok('The key', undefined, 201) },
  'DELETE /v1/api-keys/{keyId}': { summary: 'Revoke a key', tag: 'API keys', auth: key('admin'), success: noContent('Revoked'), errors: [409] },

  'GET /v1/audit': {
    summary: 'The audit trail: one record per sensitive action (keys, tokens, webhooks, templates, mapping, schemas, job actions, account merges and deletes, tenant changes), newest first, kept 400 days',
    tag: 'Audit',
    auth: key('admin'),
    query: auditQuery,
    success: ok('Records (never a secret)', pageOf(auditRecordSchema)),
  },
  'GET /v1/settings/retention': {
    summary: "How long the tenant's uploads, job outputs and job records are kept (days), with the defaults and the tenant's overrides",
    tag: 'Audit',
    auth: key('viewer'),
    success: ok('The retention', retentionSettingsSchema),
  },
  'PUT /v1/settings/retention': {
    summary: 'Change some of the retention (whole days, 1-3650; uploads and outputs at most the job records); applies to jobs created after the change',
    tag: 'Audit',
    auth: key('admin'),
    body: retentionOverridesSchema,
    success: ok('The retention after the change', retentionSettingsSchema),
  },
  'GET /v1/usage': {
    summary: "The tenant's metered usage per UTC day (files, bytes uploaded, rows processed and rejected, AI calls and tokens, webhook deliveries) and the range's totals; from/to are days (YYYY-MM-DD, inclusive, at most 366), default the last 30",
    tag: 'Audit',
    auth: key('admin'),
    query: usageQuery,
    success: ok('Usage per day, every day of the range', usageReportSchema),
  },
};
