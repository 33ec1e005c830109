import type * as z from 'zod/mini';
import type { ApiRequest } from '../shared/http/api.ts';
import { json } from '../shared/http/responses.ts';
import { parseBody } from '../shared/http/request-input.ts';
import { badRequest, conflict, HttpError, notFound } from '../shared/http/errors.ts';
import { schemaOr400 } from '../shared/job-request.ts';
import { putMappingBody, suggestBody } from '../shared/contract/templates.ts';
import { logger } from '../shared/logger.ts';
import type { FileSample } from '../adapters/file-sample.ts';
import { jobStore } from '../adapters/job-store.ts';
import { objectStore } from '../adapters/object-store.ts';
import { schemaStore } from '../adapters/schema-store.ts';
import { templateSourceFor, templateStore } from '../adapters/template-store.ts';
import { uploadStore } from '../adapters/upload-store.ts';
import { DomainError, messageOf } from '../core/errors.ts';
import { toApiJob, type JobRecord } from '../core/jobs/job.ts';
import { WARNING_CODES } from '../core/jobs/warnings.ts';
import { describeMapping } from '../core/map/mapping-report.ts';
import type { MappingResult } from '../core/pipeline-types.ts';
import { compactSchema, isBuiltinSchema, type SchemaDefinition } from '../core/schemas/index.ts';
import { layoutFingerprint } from '../core/templates/fingerprint.ts';
import { resolveFieldMappings, toFieldMappings, type Template, type TemplateContent } from '../core/templates/template-model.ts';
import { refuseExpired } from '../shared/job-expiry.ts';
import { checkSize, invalid, newTemplateId } from './template-parts.ts';
import { applyPersonValueMaps, aiSuggesterFor, fieldAlternatives, layoutOf, resumeJob, sampleFromParsed, sampleFromUpload, suggestForFile, summarizeMapping, unknownValuesWarning } from './mapping-modules.ts';

/**
 * The templates API's mapping routes: a suggestion, a job's mapping to review and its
 * confirmation, with the mapping core, the file sampler, the AI client and the job launcher
 * (mapping-modules.ts): handler.ts loads this module on their first request, so the template
 * and schema routes start without them.
 */

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

export async function suggest(req: ApiRequest) {
  const tenantId = req.principal.tenantId;
  const body = parseBody(req.event, suggestBody);
  if (body.schema !== undefined) await schemaOr400(tenantId, body.schema, 'schema');
  const sample = await sampleForSuggest(tenantId, body);
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

export async function getJobMapping(req: ApiRequest) {
  const tenantId = req.principal.tenantId;
  const job = await requireJob(req);
  if (!job.mapping || !job.parsed) throw conflict(`Job ${job.jobId} has no mapping yet (it is ${job.status}${job.stage ? ` in ${job.stage}` : ''})`);
  const sample = await sampleFromParsed(job.source.bucket, job.parsed, job.classification);
  const schema = job.mapping.schemaDefinition ?? (await schemaStore.get(tenantId, job.mapping.schema))?.definition;
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

export async function putJobMapping(req: ApiRequest) {
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
  const fingerprint = layoutFingerprint({ ...layoutOf(job.classification), headers });
  const confirmedFields = toFieldMappings(resolved.fields, 1, 'confirmed');
  // what the person left out is listed too (columns by header: the samples are not read here)
  const { unmappedColumns, warnings } = describeMapping(confirmedFields, headers, []);
  // what the values of enum columns mean: the job's answers, with the person's on top
  const values = applyPersonValueMaps(schema, confirmedFields, job.mapping?.valueMaps, body.mapping.valueMaps ?? []);
  if (!values.ok) throw invalid(values.issues.map((i) => ({ field: `mapping.${i.path}`, message: i.message })));
  const unknownValues = unknownValuesWarning(values.maps);
  // the region the file showed still applies to the person's mapping, and so does its being a guess
  const regionGuess = job.mapping?.warnings?.find((w) => w.code === WARNING_CODES.regionGuessed);
  let mapping: MappingResult = {
    ...summarizeMapping(schema, confirmedFields),
    unmappedColumns,
    warnings: [...warnings, ...(unknownValues === undefined ? [] : [unknownValues]), ...(regionGuess === undefined ? [] : [regionGuess])],
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
  const resumed = await resumeJob(job, ['needs_mapping'], 'enrich', { mapping });
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

/** A template made from a job reads its layout (template-routes.ts), loading this group for it. */
export { layoutOf };
