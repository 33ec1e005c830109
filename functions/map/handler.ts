import { jobStore } from '../adapters/job-store.ts';
import { aiSuggesterFor, aiValueMapperFor } from '../adapters/ai-client.ts';
import { sampleFromParsed } from '../adapters/file-sample.ts';
import { schemaStore } from '../adapters/schema-store.ts';
import { templateSourceFor, templateStore } from '../adapters/template-store.ts';
import { runStage } from '../shared/pipeline/stage.ts';
import { BUILTIN_SCHEMAS, compactSchema, isBuiltinSchema, type SchemaDefinition } from '../core/schemas/index.ts';
import { suggestForFile } from '../core/templates/suggest.ts';
import { mapEnumValues } from '../core/map/value-maps.ts';
import { inferFileRegion } from '../core/map/file-region.ts';
import { regionGuessWarning } from '../core/map/region-guess.ts';
import type { MappingResult, PipelineState } from '../core/pipeline-types.ts';
import { observedHandler } from '../shared/observability.ts';

/**
 * Map: choose the target schema's field for each source column, or park the job for a
 * person. The tenant's templates come first (a learned layout maps itself, and the job
 * records which template version mapped it), then the heuristics, with Claude's
 * suggestion merged in when configured and the heuristics are unsure.
 */
export async function map(state: PipelineState): Promise<MappingResult> {
  return runStage(state, 'map', async (job) => {
    const parsed = state.parsed;
    if (!parsed) throw new Error('Map needs the result of Parse');
    const tenantId = state.tenantId;
    const custom = (await schemaStore.listCustom(tenantId)).map((s) => s.definition);
    // an explicit custom schema is checked here (UnknownSchemaError names what exists)
    const requested = state.schema === 'auto' ? undefined : (await schemaStore.require(tenantId, state.schema)).name;
    const schemas = orderSchemas(custom, state.classification?.schema.name);
    const sample = await sampleFromParsed(state.bucket, parsed, state.classification);
    // a job that names no region is read in the one its file shows (national numbers, dates)
    const region = state.options?.defaultRegion === undefined ? inferFileRegion(sample.headers, sample.sampleRows) : undefined;
    const request = { ...sample, schemas, requestedSchema: requested, defaultRegion: state.options?.defaultRegion ?? region?.region };
    let { mapping } = await suggestForFile(request, templateSourceFor(tenantId), aiSuggesterFor(tenantId));
    if (mapping.templateId !== undefined && mapping.status === 'mapped') {
      // the use is recorded before the mapping is: a template deleted in between is not used
      const recorded = await templateStore.recordUse(tenantId, mapping.templateId, state.jobId);
      if (!recorded) ({ mapping } = await suggestForFile(request, { findByFingerprint: async () => [], listRecent: async () => [] }, aiSuggesterFor(tenantId)));
    }
    const schema = schemas.find((s) => s.name === mapping.schema);
    // what the codes of enum columns mean: rules, then Claude once per layout for the rest
    if (schema !== undefined) mapping = await mapEnumValues({ schema, mapping, headers: sample.headers, sampleRows: sample.sampleRows }, aiValueMapperFor(tenantId));
    if (schema !== undefined && !isBuiltinSchema(schema.name)) mapping = { ...mapping, schemaDefinition: compactSchema(schema) };
    // a region the file's numbers did not settle is a guess, and the job says so
    const guessed = region === undefined ? undefined : regionGuessWarning(region);
    if (region !== undefined) mapping = { ...mapping, region: { region: region.region, evidence: region.evidence } };
    if (guessed !== undefined) mapping = { ...mapping, warnings: [...(mapping.warnings ?? []), guessed] };
    await jobStore.exitStage(state.tenantId, state.jobId, state.attempt, 'map', job.stages.map?.startedAt ?? new Date().toISOString(), { mapping });
    return mapping;
  });
}

/** Built-ins and custom schemas, the one Classify chose first (so it wins ties). */
function orderSchemas(custom: SchemaDefinition[], classified: string | undefined): SchemaDefinition[] {
  const all = [...BUILTIN_SCHEMAS.values(), ...custom];
  const first = all.findIndex((s) => s.name === classified);
  if (first <= 0) return all;
  return [all[first]!, ...all.slice(0, first), ...all.slice(first + 1)];
}

export const handler = observedHandler(map);
