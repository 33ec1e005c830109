import * as z from 'zod/mini';
import type { ApiRequest } from '../shared/http/api.ts';
import { json, noContent } from '../shared/http/responses.ts';
import { parseBody, parseQuery } from '../shared/http/request-input.ts';
import { pageQuery } from '../shared/contract/paging.ts';
import { badRequest, conflict, notFound } from '../shared/http/errors.ts';
import { schemaOr400 } from '../shared/job-request.ts';
import { templateFromJobBody } from '../shared/contract/templates.ts';
import { jobStore } from '../adapters/job-store.ts';
import { TemplateConflictError, templateStore } from '../adapters/template-store.ts';
import type { MappingResult } from '../core/pipeline-types.ts';
import { layoutFingerprint } from '../core/templates/fingerprint.ts';
import { resolveFieldMappings, templateInputSchema, type FieldMappingInput, type Template, type TemplateContent } from '../core/templates/template-model.ts';
import { etagFor, parseIfMatch } from '../core/templates/versioning.ts';
import { refuseExpired } from '../shared/job-expiry.ts';
import { checkSize, invalid, newTemplateId } from './template-parts.ts';

/** The templates API's template routes: list, create (from a body or a job's mapping), read, update, delete, versions (handler.ts loads this module on their first request). */

const withEtag = (status: number, t: Template) => json(status, t, { etag: etagFor(t.version) });

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

export async function listTemplates(req: ApiRequest) {
  const q = parseQuery(req.event, pageQuery);
  const tenantId = req.principal.tenantId;
  const page = await templateStore.list(tenantId, q);
  // fold finished jobs into the usage of the templates that have open ones
  const items = await Promise.all(
    page.items.map(async (t) => (t.usage.running > 0 ? ((await templateStore.settleUsage(tenantId, t.templateId)) ?? t) : t)),
  );
  return json(200, { items, nextCursor: page.nextCursor });
}

export async function createTemplate(req: ApiRequest) {
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
    // the mapping routes' module, with the sampler that reads a layout: one lazily loaded group, not a second way to the same modules
    const { layoutOf } = await import('./mapping-routes.ts');
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

export async function getTemplate(req: ApiRequest) {
  const t = await templateStore.settleUsage(req.principal.tenantId, req.params.templateId ?? '');
  if (!t) throw notFound('Template');
  return withEtag(200, t);
}

export async function updateTemplate(req: ApiRequest) {
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

export async function deleteTemplate(req: ApiRequest) {
  const outcome = await templateStore.remove(req.principal.tenantId, req.params.templateId ?? '');
  if (outcome === 'deleted') return noContent();
  if (outcome === 'not_found') throw notFound('Template');
  if (outcome === 'changed') throw conflict('A job started using the template while it was being deleted; try again when it has finished');
  throw conflict(`The template is in use by ${outcome.inUse.length} running job(s); delete it when they have finished`, { jobIds: outcome.inUse });
}

export async function listVersions(req: ApiRequest) {
  const versions = await templateStore.versions(req.principal.tenantId, req.params.templateId ?? '');
  if (!versions) throw notFound('Template');
  return json(200, { items: versions, nextCursor: null });
}
