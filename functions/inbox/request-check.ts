import { jobOptionsSchema, schemaNameSchema } from '../shared/contract/common.ts';
import { validationDetails } from '../shared/http/request-input.ts';
import { schemaStore } from '../adapters/schema-store.ts';
import { templateStore } from '../adapters/template-store.ts';
import type { InboxRequest } from '../core/uploads/inbox.ts';

/** A job request from an object's metadata, checked: the job's settings, or what is wrong with them. */
export type CheckedRequest = { schema?: string; options: InboxRequest['options']; sha256?: string } | { problem: string };

/**
 * The same checks the API makes on a job request, with the metadata's names in the message:
 * a schema the tenant has, valid options, a template of the tenant's (whose schema the job
 * then targets; Map matches templates by the file's layout, as for every job).
 */
export async function checkRequest(tenantId: string, request: InboxRequest): Promise<CheckedRequest> {
  if (request.sha256 !== undefined && !/^[a-f0-9]{64}$/.test(request.sha256)) return { problem: 'x-amz-meta-sha256: must be a hex SHA-256' };
  const options = jobOptionsSchema.safeParse(request.options);
  if (!options.success) {
    const names: Record<string, string> = { timezone: 'timezone', defaultRegion: 'region', defaultCurrency: 'currency', onDuplicate: 'on-duplicate' };
    return { problem: validationDetails(options.error).map((d) => `x-amz-meta-${names[d.field] ?? d.field}: ${d.message}`).join('; ') };
  }
  let schema = request.schema;
  if (request.templateId) {
    const template = await templateStore.get(tenantId, request.templateId);
    if (!template) return { problem: `x-amz-meta-template: no template ${request.templateId} for this tenant` };
    if (schema && schema !== template.schema) return { problem: `x-amz-meta-schema: ${schema} is not the schema of template ${request.templateId} (${template.schema})` };
    schema = template.schema;
  }
  if (schema !== undefined) {
    if (!schemaNameSchema.safeParse(schema).success || !(await schemaStore.get(tenantId, schema))) {
      return { problem: `x-amz-meta-schema: no schema named "${schema}"; GET /v1/schemas lists them` };
    }
  }
  return { ...(schema ? { schema } : {}), options: options.data, ...(request.sha256 ? { sha256: request.sha256 } : {}) };
}
