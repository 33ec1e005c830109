import { httpApi } from '../shared/http/api.ts';
import { lazyRoutes } from '../shared/http/lazy-routes.ts';

/*
 * Templates, schemas, mapping suggestions, and a job's mapping (GET to review, PUT to
 * confirm and resume). Thin: validation at the edge, rules in core/templates, storage in
 * the adapters. Domain outcomes map to HTTP here: stale If-Match or a template in use 409,
 * a mapping that does not fit the schema 400 naming the field.
 *
 * The route table and its roles are all this module loads at init; each group of routes (the
 * schemas, the templates, the mappings) is loaded by its first request
 * (shared/http/lazy-routes.ts), so listing templates never compiles a schema definition's
 * validators nor the mapping contracts.
 */
const schemas = lazyRoutes(() => import('./schema-routes.ts'));
const templates = lazyRoutes(() => import('./template-routes.ts'));
const mappings = lazyRoutes(() => import('./mapping-routes.ts'));

export const handler = httpApi({
  'GET /v1/schemas': { role: 'viewer', handle: schemas('listSchemas') },
  'POST /v1/schemas': { role: 'admin', handle: schemas('createSchema') },
  'GET /v1/schemas/{name}': { role: 'viewer', handle: schemas('getSchemaRoute') },
  'GET /v1/templates': { role: 'viewer', handle: templates('listTemplates') },
  'POST /v1/templates': { role: 'member', handle: templates('createTemplate') },
  'POST /v1/templates/suggest': { role: 'member', handle: mappings('suggest') },
  'GET /v1/templates/{templateId}': { role: 'viewer', handle: templates('getTemplate') },
  'PUT /v1/templates/{templateId}': { role: 'member', handle: templates('updateTemplate') },
  'DELETE /v1/templates/{templateId}': { role: 'member', handle: templates('deleteTemplate') },
  'GET /v1/templates/{templateId}/versions': { role: 'viewer', handle: templates('listVersions') },
  'GET /v1/jobs/{jobId}/mapping': { role: 'viewer', handle: mappings('getJobMapping') },
  'PUT /v1/jobs/{jobId}/mapping': { role: 'member', handle: mappings('putJobMapping') },
});
