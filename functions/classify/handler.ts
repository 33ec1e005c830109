import { objectStore } from '../adapters/object-store.ts';
import { jobStore } from '../adapters/job-store.ts';
import { runStage } from '../shared/pipeline/stage.ts';
import { classifyFile } from '../core/detect/classify-file.ts';
import { scoreSchema, scoreSchemas } from '../core/map/score-schemas.ts';
import { schemaStore } from '../adapters/schema-store.ts';
import { ChecksumMismatchError, EmptyFileError } from '../core/errors.ts';
import { parseLimitsFromEnv } from '../shared/parse-limits.ts';
import type { Classification, PipelineState } from '../core/pipeline-types.ts';
import { observedHandler } from '../shared/observability.ts';

/** Enough bytes to see past a long preamble and judge the delimiter on many lines. */
const HEAD_BYTES = 256 * 1024;

/**
 * Classify: sniff the format from the bytes, then encoding, delimiter, header row and
 * sections (text: from the first HEAD_BYTES; XLSX, DOCX, PDF: the whole file, within each
 * format's size cap), and say which schema the file looks like.
 */
export async function classify(state: PipelineState): Promise<Classification> {
  return runStage(state, 'classify', async (job) => {
    if (state.size === 0) throw new EmptyFileError('The file is empty (0 bytes)');
    // The declared SHA-256 is checked on the whole file while the head is sniffed, and before
    // anything is stored for the job: a file that is not what was sent goes no further.
    const checksum = state.sha256 ? objectStore.sha256(state.bucket, state.key) : undefined;
    checksum?.catch(() => undefined); // awaited below; a failure then is the stage's
    const head = await objectStore.readHead(state.bucket, state.key, Math.min(HEAD_BYTES, state.size));
    let text: Awaited<ReturnType<typeof classifyFile>>;
    try {
      text = await classifyFile(
        {
          head,
          readAll: () => objectStore.readAll(state.bucket, state.key),
          readHead: (bytes) => objectStore.readHead(state.bucket, state.key, Math.min(bytes, state.size)),
        },
        { filename: state.filename, declaredType: state.declaredType, size: state.size, truncated: head.length < state.size },
        parseLimitsFromEnv(),
      );
    } catch (err) {
      // bytes that are not what was sent explain a file that cannot be read better than its symptom
      if (checksum) await verifyChecksum(state.sha256!, checksum);
      throw err;
    }
    // A requested schema (built-in or the tenant's own) is scored alone; otherwise the best built-in.
    const requested = state.schema === 'auto' ? undefined : state.schema;
    const schema = requested
      ? scoreSchema(text.headers, text.sampleRows, await schemaStore.require(state.tenantId, requested))
      : scoreSchemas(text.headers, text.sampleRows);
    if (checksum) await verifyChecksum(state.sha256!, checksum);
    const { sampleRows: _sample, ...rest } = text;
    const classification: Classification = { ...rest, schema };
    await jobStore.exitStage(state.tenantId, state.jobId, state.attempt, 'classify', job.stages.classify?.startedAt ?? new Date().toISOString(), { classification });
    return classification;
  });
}

async function verifyChecksum(declared: string, actual: Promise<string>): Promise<void> {
  const found = await actual;
  if (found !== declared.toLowerCase()) {
    throw new ChecksumMismatchError(`The file's SHA-256 is ${found}, not the ${declared.toLowerCase()} declared at upload: it was changed or cut on the way`);
  }
}

export const handler = observedHandler(classify);
