import { objectStore } from '../adapters/object-store.ts';
import { jobStore } from '../adapters/job-store.ts';
import { runStage } from '../shared/stage.ts';
import { getSchema } from '../core/schemas/index.ts';
import { suggestMapping } from '../core/map/suggest-mapping.ts';
import type { MappingResult, PipelineState } from '../core/pipeline-types.ts';

/** Rows of the first chunk used as value samples for the mapping. */
const SAMPLE_ROWS = 50;
const SAMPLE_BYTES = 128 * 1024;

/** Map: choose the target schema's field for each source column (or park the job for a person). */
export async function map(state: PipelineState): Promise<MappingResult> {
  return runStage(state, 'map', async (job) => {
    const parsed = state.parsed;
    if (!parsed) throw new Error('Map needs the result of Parse');
    const schemaName = state.schema === 'auto' ? (state.classification?.schema.name ?? 'call_record') : state.schema;
    const schema = getSchema(schemaName);
    const sample = await readSampleRows(state.bucket, parsed.chunks[0]?.key);
    const mapping = suggestMapping(parsed.headers, sample, schema);
    await jobStore.exitStage(state.tenantId, state.jobId, state.attempt, 'map', job.stages.map?.startedAt ?? new Date().toISOString(), { mapping });
    return mapping;
  });
}

async function readSampleRows(bucket: string, key: string | undefined): Promise<string[][]> {
  if (!key) return [];
  const head = await objectStore.readRange(bucket, key, 0, SAMPLE_BYTES);
  if (!head) return [];
  const lines = head.toString('utf8').split('\n');
  // The last line may be cut by the byte range; keep whole lines only.
  if (head.length === SAMPLE_BYTES) lines.pop();
  return lines
    .filter((l) => l.length > 0)
    .slice(0, SAMPLE_ROWS)
    .map((l) => (JSON.parse(l) as [number, string[]])[1]);
}

export const handler = map;
