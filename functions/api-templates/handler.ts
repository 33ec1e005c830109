import { ulid } from 'ulid';
import * as z from 'zod/mini';
import { httpApi, type ApiRequest } from '../shared/http/api.ts';
import { json, noContent } from '../shared/http/responses.ts';
import { parseBody, parseQuery } from '../shared/http/request-input.ts';
import { pageQuery } from '../shared/contract/paging.ts';
import { badRequest, conflict, HttpError, notFound } from '../shared/http/errors.ts';
import { schemaOr400 } from '../shared/job-request.ts';
import { putMappingBody, suggestBody, templateFromJobBody } from '../shared/contract/templates.ts';
import { logger } from '../shared/logger.ts';
import type { FileSample } from '../adapters/file-sample.ts';
import { jobStore } from '../adapters/job-store.ts';
import { objectStore } from '../adapters/object-store.ts';
import { MAX_CUSTOM_SCHEMAS, schemaStore, SchemaExistsError } from '../adapters/schema-store.ts';
import { TemplateConflictError, templateSourceFor, templateStore } from '../adapters/template-store.ts';
import { uploadStore } from '../adapters/upload-store.ts';
import { DomainError, messageOf } from '../core/errors.ts';
import { toApiJob, type JobRecord } from '../core/jobs/job.ts';
import { describeMapping } from '../core/map/mapping-report.ts';
import type { MappingResult } from '../core/pipeline-types.ts';
import { compactSchema, isBuiltinSchema, schemaDefinitionSchema, type SchemaDefinition } from '../core/schemas/index.ts';
import { layoutFingerprint } from '../core/templates/fingerprint.ts';
import {
  resolveFieldMappings,
  templateInputSchema,
  toFieldMappings,
  type FieldMappingInput,
  type MappingIssue,
  type Template,
  type TemplateContent,
} from '../core/templates/template-model.ts';
import { etagFor, parseIfMatch } from '../core/templates/versioning.ts';
import { refuseExpired } from '../shared/job-expiry.ts';

/*
 * Templates, schemas, mapping suggestions, and a job's mapping (GET to review, PUT to
 * confirm and resume). Thin: validation at the edge, rules in core/templates, storage in
 * the adapters. Domain outcomes map to HTTP here: stale If-Match or a template in use 409,
 * a mapping that does not fit the schema 400 naming the field.
 */

const newTemplateId = () => `tpl_${ulid()}`;

/*
 * The mapping core (the header lexicon in 77 languages, the country and city names, the value
 * readers: about 0.7 MB of this function's bundle), the file sampler, the AI client and the job
 * launcher are loaded by the first request that needs them (a suggestion, a job's mapping, a
 * template made from a job), so the template and schema routes start without them
 * (docs/performance.md; mapping-modules.ts says why in one import()).
 */
const mappingModules = () => import('./mapping-modules.ts');

// ---------------------------------------------------------------------------------------
// helpers

const invalid = (issues: MappingIssue[]) => badRequest('The mapping does not fit the schema or the file', issues);

async function candidateSchemas(tenantId: string): Promise<SchemaDefinition[]> {
  return (await schemaStore.listAll(tenantId)).map((s) => s.definition);
}

async function requireJob(req: ApiRequest): Promise<JobRecord> {
  const job = await jobStore.get(req.principal.tenantId, req.params.jobId ?? '');
  if (!job) throw notFound('Job');
  refuseExpired(job, 'record');
  return job;
}

/** A mapping as the API shows it: the schema by name (the embedded definition is for Enrich). */
function mappingView(m: MappingResult) {
  const { schemaDefinition: _definition, ...rest } = m;
  return rest;
}

const withEtag = (status: number, t: Template) => json(status, t, { etag: etagFor(t.version) });

/** A template is one DynamoDB item (at most 400 KB); leave room for usage and the open jobs. */
const MAX_TEMPLATE_BYTES = 300_000;

function checkSize(content: TemplateContent): TemplateContent {
  if (Buffer.byteLength(JSON.stringify(content)) > MAX_TEMPLATE_BYTES) {
    throw badRequest('The template is too large', [{ field: 'layout.headers', message: `a template may take at most ${MAX_TEMPLATE_BYTES} bytes; this layout has too many or too long columns` }]);
  }
  return content;
}

/** The content of a template from a validated body (the fields resolved against its layout). */
async function contentFrom(tenantId: string, body: z.infer<typeof templateInputSchema>): Promise<TemplateContent> {
  const schema = await schemaOr400(tenantId, body.schema, 'schema');
  const resolved = resolveFieldMappings(schema, body.layout.headers, body.fields, 'fields');
  if (!resolved.ok) throw invalid(resolved.issues);
  return {
    name: body.name,
    ...(body.description !== undefined ? { description: body.description } : {}),
    schema: schema.name,
    layout: layoutFingerprint(body.layout),
    fields: resolved.fields,
  };
}

/** A template's fields as mapping input (by index and header). */
const asInput = (fields: MappingResult['fields']): FieldMappingInput[] =>
  fields.map((f) => ({ field: f.field, sources: f.sources, sourceHeaders: f.sourceHeaders, ...(f.transforms ? { transforms: f.transforms } : {}) }));

// ---------------------------------------------------------------------------------------
// schemas

async function listSchemas(req: ApiRequest) {
  const all = await schemaStore.listAll(req.principal.tenantId);
  return json(200, { items: all.map((s) => ({ ...s.definition, builtin: s.builtin, createdAt: s.createdAt ?? null })), nextCursor: null });
}

async function getSchemaRoute(req: ApiRequest) {
  const found = await schemaStore.get(req.principal.tenantId, req.params.name ?? '');
  if (!found) throw notFound('Schema');
  return json(200, { ...found.definition, builtin: found.builtin, createdAt: found.createdAt ?? null });
}

async function createSchema(req: ApiRequest) {
  const definition = parseBody(req.event, schemaDefinitionSchema) as SchemaDefinition;
  const tenantId = req.principal.tenantId;
  if (isBuiltinSchema(definition.name)) throw conflict(new SchemaExistsError(definition.name).message);
  if ((await schemaStore.listCustom(tenantId)).length >= MAX_CUSTOM_SCHEMAS) {
    throw conflict(`A tenant can have at most ${MAX_CUSTOM_SCHEMAS} custom schemas`);
  }
  try {
    const stored = await schemaStore.create(tenantId, definition);
    return json(201, { ...stored.definition, builtin: false, createdAt: stored.createdAt ?? null });
  } catch (err) {
    if (err instanceof SchemaExistsError) throw conflict(err.message);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------
// templates

async function listTemplates(req: ApiRequest) {
  const q = parseQuery(req.event, pageQuery);
  const tenantId = req.principal.tenantId;
  const page = await templateStore.list(tenantId, q);
  // fold finished jobs into the usage of the templates that have open ones
  const items = await Promise.all(
    page.items.map(async (t) => (t.usage.running > 0 ? ((await templateStore.settleUsage(tenantId, t.templateId)) ?? t) : t)),
  );
  return json(200, { items, nextCursor: page.nextCursor });
}

async function createTemplate(req: ApiRequest) {
  const tenantId = req.principal.tenantId;
  const probe = parseBody(req.event, z.looseObject({ fromJob: z.optional(z.unknown()) }));
  if (probe.fromJob !== undefined) {
    const body = parseBody(req.event, templateFromJobBody);
    const job = await jobStore.get(tenantId, body.fromJob);
    if (!job) throw badRequest('Unknown job', [{ field: 'fromJob', message: `no job ${body.fromJob}` }]);
    refuseExpired(job, 'record');
    if (!job.mapping || !job.parsed) throw conflict(`Job ${job.jobId} has no mapping yet (it is ${job.status})`);
    const schema = await schemaOr400(tenantId, job.mapping.schema, 'fromJob');
    const resolved = resolveFieldMappings(schema, job.parsed.headers, asInput(job.mapping.fields), 'fromJob.mapping.fields');
    if (!resolved.ok) throw invalid(resolved.issues);
    const { layoutOf } = await mappingModules();
    const content: TemplateContent = {
      name: body.name,
      ...(body.description !== undefined ? { description: body.description } : {}),
      schema: schema.name,
      layout: layoutFingerprint({ ...layoutOf(job.classification), headers: job.parsed.headers }),
      fields: resolved.fields,
    };
    return withEtag(201, await templateStore.create(tenantId, newTemplateId(), checkSize(content), { jobId: job.jobId }));
  }
  const body = parseBody(req.event, templateInputSchema);
  const content = checkSize(await contentFrom(tenantId, body));
  return withEtag(201, await templateStore.create(tenantId, newTemplateId(), content));
}

async function getTemplate(req: ApiRequest) {
  const t = await templateStore.settleUsage(req.principal.tenantId, req.params.templateId ?? '');
  if (!t) throw notFound('Template');
  return withEtag(200, t);
}

async function updateTemplate(req: ApiRequest) {
  const tenantId = req.principal.tenantId;
  const header = req.event.headers?.['if-match'];
  const expected = parseIfMatch(header);
  if (expected === null) throw badRequest('If-Match is not a template version', [{ field: 'If-Match', message: 'use the ETag of the version you edited, e.g. "3"' }]);
  const body = parseBody(req.event, templateInputSchema);
  const content = checkSize(await contentFrom(tenantId, body));
  try {
    const updated = await templateStore.update(tenantId, req.params.templateId ?? '', content, expected);
    if (!updated) throw notFound('Template');
    return withEtag(200, updated);
  } catch (err) {
    if (err instanceof TemplateConflictError) throw conflict(err.message, { currentVersion: err.currentVersion });
    throw err;
  }
}

async function deleteTemplate(req: ApiRequest) {
  const outcome = await templateStore.remove(req.principal.tenantId, req.params.templateId ?? '');
  if (outcome === 'deleted') return noContent();
  if (outcome === 'not_found') throw notFound('Template');
  if (outcome === 'changed') throw conflict('A job started using the template while it was being deleted; try again when it has finished');
  throw conflict(`The template is in use by ${outcome.inUse.length} running job(s); delete it when they have finished`, { jobIds: outcome.inUse });
}

async function listVersions(req: ApiRequest) {
  const versions = await templateStore.versions(req.principal.tenantId, req.params.templateId ?? '');
  if (!versions) throw notFound('Template');
  return json(200, { items: versions, nextCursor: null });
}

// ---------------------------------------------------------------------------------------
// suggestions

/** The file a suggestion is about: an upload session (parsed or not), or headers and rows sent inline. */
async function sampleForSuggest(tenantId: string, body: z.infer<typeof suggestBody>): Promise<FileSample> {
  if (body.headers !== undefined) {
    return {
      headers: body.headers,
      sampleRows: body.sampleRows ?? [],
      layout: { ...(body.format !== undefined ? { format: body.format } : {}), ...(body.delimiter !== undefined ? { delimiter: body.delimiter } : {}) },
    };
  }
  const session = body.sessionId ? await uploadStore.get(tenantId, body.sessionId) : await uploadStore.getByUploadId(tenantId, body.uploadId ?? '');
  if (!session) throw notFound('Upload session');
  if (session.status !== 'completed') throw conflict(`Upload session is ${session.status}; complete the upload first`);
  const job = session.jobId ? await jobStore.get(tenantId, session.jobId) : undefined;
  const { sampleFromParsed, sampleFromUpload } = await mappingModules();
  if (job?.parsed) return sampleFromParsed(session.bucket, job.parsed, job.classification);
  const head = await objectStore.head(session.bucket, session.key);
  if (!head) throw conflict('The uploaded file no longer exists');
  try {
    return await sampleFromUpload(session.bucket, session.key, head.size, { filename: session.filename, contentType: session.contentType });
  } catch (err) {
    if (err instanceof DomainError) throw new HttpError(422, 'unreadable_file', `The file cannot be read for a suggestion: ${err.message}`);
    throw err;
  }
}

async function suggest(req: ApiRequest) {
  const tenantId = req.principal.tenantId;
  const body = parseBody(req.event, suggestBody);
  if (body.schema !== undefined) await schemaOr400(tenantId, body.schema, 'schema');
  const sample = await sampleForSuggest(tenantId, body);
  const { suggestForFile, aiSuggesterFor } = await mappingModules();
  const result = await suggestForFile(
    { ...sample, schemas: await candidateSchemas(tenantId), requestedSchema: body.schema },
    templateSourceFor(tenantId),
    aiSuggesterFor(tenantId),
  );
  return json(200, {
    fingerprint: result.fingerprint.hash,
    layout: result.fingerprint,
    headers: sample.headers,
    suggestion: mappingView(result.mapping),
    templates: result.templates.map(({ ranked, mapping }) => ({
      templateId: ranked.template.templateId,
      name: ranked.template.name,
      version: ranked.template.version,
      schema: ranked.template.schema,
      match: ranked.match,
      score: ranked.score,
      confidence: mapping.confidence,
      status: mapping.status,
      missingRequired: mapping.missingRequired,
    })),
    schemas: result.schemas,
  });
}

// ---------------------------------------------------------------------------------------
// a job's mapping

const SAMPLE_VALUES_SHOWN = 5;

async function getJobMapping(req: ApiRequest) {
  const tenantId = req.principal.tenantId;
  const job = await requireJob(req);
  if (!job.mapping || !job.parsed) throw conflict(`Job ${job.jobId} has no mapping yet (it is ${job.status}${job.stage ? ` in ${job.stage}` : ''})`);
  const sample = await (await mappingModules()).sampleFromParsed(job.source.bucket, job.parsed, job.classification);
  const schema = job.mapping.schemaDefinition ?? (await schemaStore.get(tenantId, job.mapping.schema))?.definition;
  const { suggestForFile, fieldAlternatives } = await mappingModules();
  const region = job.options.defaultRegion ?? job.mapping.region?.region;
  const ranked = await suggestForFile({ ...sample, schemas: await candidateSchemas(tenantId), defaultRegion: region }, templateSourceFor(tenantId)).catch(
    (err: unknown) => {
      logger.warn('could not rank alternatives', { error: messageOf(err) });
      return undefined;
    },
  );
  return json(200, {
    jobId: job.jobId,
    status: job.status,
    attempt: job.attempt,
    mapping: mappingView(job.mapping),
    headers: sample.headers,
    samples: sample.headers.map((header, column) => ({
      column,
      header,
      values: sample.sampleRows.map((r) => r[column] ?? '').filter((v) => v.trim() !== '').slice(0, SAMPLE_VALUES_SHOWN),
    })),
    alternatives: {
      fields: schema ? fieldAlternatives(sample.headers, sample.sampleRows, schema, { defaultRegion: region ?? 'US' }) : {},
      templates: (ranked?.templates ?? []).map(({ ranked: r, mapping }) => ({
        templateId: r.template.templateId,
        name: r.template.name,
        version: r.template.version,
        schema: r.template.schema,
        match: r.match,
        score: r.score,
        mapping: mappingView(mapping),
      })),
      schemas: ranked?.schemas ?? [],
    },
  });
}

async function putJobMapping(req: ApiRequest) {
  const tenantId = req.principal.tenantId;
  const body = parseBody(req.event, putMappingBody);
  const job = await requireJob(req);
  // the confirmed mapping resumes Enrich from the parsed chunks kept with the outputs
  refuseExpired(job, 'outputs');
  if (job.status !== 'needs_mapping') throw conflict(`Job is ${job.status}; only a job in needs_mapping takes a mapping`);
  if (!job.parsed) throw conflict('The job has no parsed rows to map');
  const schemaName = body.mapping.schema ?? job.mapping?.schema ?? (job.schema !== 'auto' ? job.schema : job.classification?.schema.name);
  if (schemaName === undefined) throw badRequest('Say which schema', [{ field: 'mapping.schema', message: 'required: the job has no schema yet' }]);
  const schema = await schemaOr400(tenantId, schemaName, 'mapping.schema');
  const headers = job.parsed.headers;
  const resolved = resolveFieldMappings(schema, headers, body.mapping.fields, 'mapping.fields');
  if (!resolved.ok) throw invalid(resolved.issues);
  const { layoutOf, applyPersonValueMaps, unknownValuesWarning, summarizeMapping } = await mappingModules();
  const fingerprint = layoutFingerprint({ ...layoutOf(job.classification), headers });
  const confirmedFields = toFieldMappings(resolved.fields, 1, 'confirmed');
  // what the person left out is listed too (columns by header: the samples are not read here)
  const { unmappedColumns, warnings } = describeMapping(confirmedFields, headers, []);
  // what the values of enum columns mean: the job's answers, with the person's on top
  const values = applyPersonValueMaps(schema, confirmedFields, job.mapping?.valueMaps, body.mapping.valueMaps ?? []);
  if (!values.ok) throw invalid(values.issues.map((i) => ({ field: `mapping.${i.path}`, message: i.message })));
  const unknownValues = unknownValuesWarning(values.maps);
  let mapping: MappingResult = {
    ...summarizeMapping(schema, confirmedFields),
    unmappedColumns,
    warnings: unknownValues === undefined ? warnings : [...warnings, unknownValues],
    ...(values.maps.length > 0 ? { valueMaps: values.maps } : {}),
    fingerprint: fingerprint.hash,
    source: 'person',
    // the region the file showed still applies to the person's mapping
    ...(job.mapping?.region !== undefined ? { region: job.mapping.region } : {}),
    ...(isBuiltinSchema(schema.name) ? {} : { schemaDefinition: compactSchema(schema) }),
  };
  let template: Template | undefined;
  if (body.saveAsTemplate) {
    const content: TemplateContent = {
      name: body.saveAsTemplate.name,
      ...(body.saveAsTemplate.description !== undefined ? { description: body.saveAsTemplate.description } : {}),
      schema: schema.name,
      layout: fingerprint,
      fields: resolved.fields,
    };
    template = await templateStore.create(tenantId, newTemplateId(), checkSize(content), { jobId: job.jobId });
    mapping = { ...mapping, templateId: template.templateId, templateVersion: template.version, templateName: template.name };
    await templateStore.recordUse(tenantId, template.templateId, job.jobId);
  }
  // resume at Enrich: the parsed chunks are reused, the confirmed mapping travels with the attempt
  const resumed = await (await mappingModules()).resumeJob(job, ['needs_mapping'], 'enrich', { mapping });
  if (!resumed) {
    if (template) await templateStore.remove(tenantId, template.templateId).catch(() => undefined);
    throw conflict('The job left needs_mapping meanwhile (another confirmation or a cancel); fetch it again');
  }
  // learning by default: the next file of this layout maps itself (reason `learned`) without a named template
  if (!template) {
    await templateStore
      .putLearned(tenantId, fingerprint.hash, {
        schema: schema.name,
        fields: resolved.fields,
        ...(values.maps.length > 0 ? { valueMaps: values.maps } : {}),
        jobId: job.jobId,
        learnedAt: new Date().toISOString(),
      })
      .catch((err: unknown) => {
        logger.warn('could not remember the confirmed mapping', { error: messageOf(err) });
      });
  }
  return json(202, { job: toApiJob(resumed), mapping: mappingView(mapping), template: template ?? null });
}

export const handler = httpApi({
  'GET /v1/schemas': { role: 'viewer', handle: listSchemas },
  'POST /v1/schemas': { role: 'admin', handle: createSchema },
  'GET /v1/schemas/{name}': { role: 'viewer', handle: getSchemaRoute },
  'GET /v1/templates': { role: 'viewer', handle: listTemplates },
  'POST /v1/templates': { role: 'member', handle: createTemplate },
  'POST /v1/templates/suggest': { role: 'member', handle: suggest },
  'GET /v1/templates/{templateId}': { role: 'viewer', handle: getTemplate },
  'PUT /v1/templates/{templateId}': { role: 'member', handle: updateTemplate },
  'DELETE /v1/templates/{templateId}': { role: 'member', handle: deleteTemplate },
  'GET /v1/templates/{templateId}/versions': { role: 'viewer', handle: listVersions },
  'GET /v1/jobs/{jobId}/mapping': { role: 'viewer', handle: getJobMapping },
  'PUT /v1/jobs/{jobId}/mapping': { role: 'member', handle: putJobMapping },
});
