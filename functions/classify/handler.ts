import { objectStore } from '../adapters/object-store.ts';
import { jobStore } from '../adapters/job-store.ts';
import { runStage } from '../shared/stage.ts';
import { classifyText } from '../core/detect/classify-text.ts';
import { scoreSchemas } from '../core/map/score-schemas.ts';
import { EmptyFileError } from '../core/errors.ts';
import type { Classification, PipelineState } from '../core/pipeline-types.ts';

/** Enough bytes to see past a long preamble and judge the delimiter on many lines. */
const HEAD_BYTES = 256 * 1024;

/** Classify: sniff format, encoding, delimiter and header row; say which schema the file looks like. */
export async function classify(state: PipelineState): Promise<Classification> {
  return runStage(state, 'classify', async (job) => {
    if (state.size === 0) throw new EmptyFileError('The file is empty (0 bytes)');
    const head = await objectStore.readHead(state.bucket, state.key, Math.min(HEAD_BYTES, state.size));
    const text = classifyText(head, { filename: state.filename, declaredType: state.declaredType, size: state.size, truncated: head.length < state.size });
    const schema = scoreSchemas(text.headers, text.sampleRows, state.schema === 'auto' ? undefined : state.schema);
    const { sampleRows: _sample, ...rest } = text;
    const classification: Classification = { ...rest, schema };
    await jobStore.exitStage(state.tenantId, state.jobId, state.attempt, 'classify', job.stages.classify?.startedAt ?? new Date().toISOString(), { classification });
    return classification;
  });
}

export const handler = classify;
