import { objectStore } from '../adapters/object-store.ts';
import { jobStore } from '../adapters/job-store.ts';
import { publishProgress } from '../adapters/progress-notifier.ts';
import { runStage } from '../shared/stage.ts';
import { schemaForMapping } from '../core/schemas/index.ts';
import { createRecordBuilder } from '../core/records/build-record.ts';
import { jobKeys } from '../core/jobs/keys.ts';
import type { EnrichChunkInput, EnrichChunkResult, RowError } from '../core/pipeline-types.ts';

/**
 * Enrich one parsed chunk: apply the mapping, normalise every field (E.164, ISO 8601,
 * seconds, minor units), validate, and write the chunk's records and rejected rows.
 * Output keys are fixed per attempt and chunk, so a retried chunk replaces its output.
 */
export async function enrichChunk(input: EnrichChunkInput): Promise<EnrichChunkResult> {
  return runStage(input, 'enrich', async (job) => {
    const { chunk, mapping } = input;
    const bucket = job.source.bucket;
    // A custom schema travels inside the mapping (Enrich has no access to the schema store).
    const schema = schemaForMapping(mapping);
    // The columns of the parsed rows, as Parse wrote them (a multi-section file's sections
    // are unified into one header), so cells line up with the mapping's column indexes.
    const headers = job.parsed?.headers ?? job.classification?.headers;
    if (!headers?.length) throw new Error('Enrich needs the headers of the parsed rows');
    const build = createRecordBuilder(mapping, schema, input.options ?? {}, headers);
    const text = (await objectStore.readAll(bucket, chunk.key)).toString('utf8');
    const records: string[] = [];
    const errors: string[] = [];
    let rowsRejected = 0;
    const columns = new Set<string>();
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      if (end > start) {
        const [row, cells, parseError] = JSON.parse(text.slice(start, end)) as [number, string[], string?];
        const result = parseError ? { ok: false as const, errors: [{ row, reason: parseError }] } : build(cells, row);
        if (result.ok) {
          records.push(JSON.stringify(result.record));
          for (const k in result.record) columns.add(k);
          // An optional field that could not be read: the row is kept, the report says what was dropped.
          for (const w of result.warnings ?? []) errors.push(JSON.stringify({ ...w, severity: 'warning' }));
        } else {
          // A row can fail on several columns; it is one rejected row with several reasons.
          rowsRejected += 1;
          for (const e of result.errors as RowError[]) errors.push(JSON.stringify({ ...e, severity: 'error' }));
        }
      }
      start = end + 1;
    }
    const recordsKey = jobKeys.recordsPart(input.tenantId, input.jobId, input.attempt, chunk.index);
    const errorsKey = jobKeys.errorsPart(input.tenantId, input.jobId, input.attempt, chunk.index);
    await Promise.all([
      objectStore.put(bucket, recordsKey, records.length ? records.join('\n') + '\n' : ''),
      objectStore.put(bucket, errorsKey, errors.length ? errors.join('\n') + '\n' : ''),
    ]);
    const updated = await jobStore.addEnrichProgress(input.tenantId, input.jobId, input.attempt, records.length, rowsRejected);
    await publishProgress(updated);
    return { index: chunk.index, recordsKey, errorsKey, rowsWritten: records.length, rowsRejected, columns: [...columns] };
  });
}

export const handler = enrichChunk;
