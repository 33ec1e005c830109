import { objectStore } from '../adapters/object-store.ts';
import { jobStore } from '../adapters/job-store.ts';
import { liveChunkReporter, publishProgress } from '../adapters/progress-notifier.ts';
import { rangeSource } from '../adapters/range-source.ts';
import { runStage } from '../shared/pipeline/stage.ts';
import { PROGRESS_INTERVAL_MS } from '../shared/pipeline/progress-pace.ts';
import { schemaForMapping } from '../core/schemas/index.ts';
import { createRecordBuilder } from '../core/records/build-record.ts';
import { openDelimitedRange } from '../core/parse/row-source.ts';
import { jobKeys } from '../core/jobs/keys.ts';
import { ChunkOutput } from '../core/records/chunk-output.ts';
import { logger } from '../shared/logger.ts';
import { QualityTally } from '../core/quality/field-tally.ts';
import type { ChunkRef, Classification, EnrichChunkInput, EnrichChunkResult } from '../core/pipeline-types.ts';
import { mergeWarnings, type JobWarning } from '../core/jobs/warnings.ts';
import { observedHandler } from '../shared/observability.ts';

/**
 * Enrich one chunk: apply the mapping, normalise every field (E.164, ISO 8601, seconds,
 * minor units), validate, and write the chunk's records and rejected rows. A chunk is
 * either parsed rows written by Parse, or a byte range of the upload that is parsed here
 * (large delimited text: read, parsed, mapped and written in one pass). Output keys are
 * fixed per attempt and chunk, so a retried chunk replaces its output.
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
    const statementDate = job.classification?.statementDate;
    const out = new ChunkOutput(
      (sample) => createRecordBuilder(mapping, schema, input.options ?? {}, headers, sample, statementDate !== undefined ? { statementDate } : {}),
      new QualityTally(schema, mapping),
    );
    // subscribers see rows move within a chunk, not only when it ends (a range's chunk takes a second or more)
    const live = liveChunkReporter(input, chunk.index, PROGRESS_INTERVAL_MS);
    // The buffers go back for the next chunk however this one ends.
    try {
      let rowsSkipped: number | undefined;
      let warnings: JobWarning[] = [];
      if (chunk.range) {
        if (!job.classification) throw new Error('Enrich needs the classification to parse a byte range');
        const range = await enrichRange(bucket, chunk, job.classification, headers, out, live);
        // Not an error here: a failed child of a distributed Map reaches the state machine as
        // a generic threshold failure, so the chunk reports it and Persist raises it.
        if (range === 'layout changed') return { index: chunk.index, recordsKey: '', errorsKey: '', rowsRead: 0, rowsWritten: 0, rowsRejected: 0, layoutChanged: true };
        ({ rowsSkipped, warnings } = range);
      } else {
        await enrichParsed(bucket, chunk, out, live);
      }
      out.finish();
      // the rows' warnings (a range's read) and the builder's (clock times read as UTC), one entry per code
      warnings = mergeWarnings(warnings, out.warnings());
      const recordsKey = jobKeys.recordsPart(input.tenantId, input.jobId, input.attempt, chunk.index);
      // A range numbers its rows from its own start: a report with rows in it is renumbered
      // by Persist into the final key; an empty one is final as it is.
      const errorsKey = (chunk.range && out.errorLines > 0 ? jobKeys.rangeErrors : jobKeys.errorsPart)(input.tenantId, input.jobId, input.attempt, chunk.index);
      const qualityKey = jobKeys.qualityPart(input.tenantId, input.jobId, input.attempt, chunk.index);
      const result: EnrichChunkResult = {
        index: chunk.index,
        recordsKey,
        errorsKey,
        rowsRead: out.rowsRead,
        ...(rowsSkipped !== undefined ? { rowsSkipped } : {}),
        errorLines: out.errorLines,
        rowsWritten: out.rowsWritten,
        rowsRejected: out.rowsRejected,
        columns: out.columns(),
        ...(warnings.length > 0 ? { warnings } : {}),
        qualityKey,
      };
      // allSettled: both writes are done with the buffers before they go back, even when one fails.
      const written = await Promise.allSettled([
        objectStore.put(bucket, recordsKey, out.recordsBody()),
        objectStore.put(bucket, errorsKey, out.errorsBody()),
        objectStore.put(bucket, qualityKey, JSON.stringify(out.quality.counts()), 'application/json'),
      ]);
      for (const w of written) if (w.status === 'rejected') throw w.reason;
      const updated = await jobStore.addEnrichProgress(input.tenantId, input.jobId, input.attempt, {
        index: chunk.index,
        written: result.rowsWritten,
        rejected: result.rowsRejected,
        ...(chunk.range ? { range: { rowsRead: result.rowsRead, bytes: chunk.range.end - chunk.range.start } } : {}),
      });
      await publishProgress(updated);
      return result;
    } finally {
      out.release();
    }
  });
}

type LiveReporter = ReturnType<typeof liveChunkReporter>;

/** Rows between two looks at the clock for a live report. */
const LIVE_CHECK_ROWS = 1000;

/** Rows Parse wrote: NDJSON lines [row, cells] or [row, cells, parseError]. */
async function enrichParsed(bucket: string, chunk: ChunkRef, out: ChunkOutput, live: LiveReporter): Promise<void> {
  const text = (await objectStore.readAll(bucket, chunk.key)).toString('utf8');
  let start = 0;
  let lines = 0;
  while (start < text.length) {
    if (++lines % LIVE_CHECK_ROWS === 0 && live.due()) await live.report(out.counts());
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) {
      const [row, cells, parseError] = JSON.parse(text.slice(start, end)) as [number, string[], string?];
      out.add(row, cells, parseError);
    }
    start = end + 1;
  }
}

/**
 * A byte range of the upload, parsed here. Row numbers in its error report count from the
 * range's first row (Persist adds the rows of the ranges before it); returns the lines
 * skipped in the range (the preamble only with the first range, as a whole-file read counts
 * it once) and the warnings of its rows (Parse reported the header's), or 'layout changed'
 * when the range met columns the header does not have.
 */
async function enrichRange(
  bucket: string,
  chunk: ChunkRef,
  c: Classification,
  headers: readonly string[],
  out: ChunkOutput,
  live: LiveReporter,
): Promise<{ rowsSkipped: number; warnings: JobWarning[] } | 'layout changed'> {
  const range = chunk.range!;
  const rows = openDelimitedRange(c, rangeSource(bucket, chunk), range.firstLine - range.dataLine, { warnings: 'rows' });
  for await (const batch of rows) {
    for (const row of batch.rows) out.add(row.row, row.cells, row.error);
    if (live.due()) await live.report({ ...out.counts(), bytes: Math.min(batch.bytesRead, range.end - range.start) });
  }
  const seen = rows.headers();
  if (seen.length !== headers.length || seen.some((h, i) => h !== headers[i])) {
    logger.info('layout changed in a byte range', { chunk: chunk.index, firstLine: range.firstLine, columns: seen.length, expected: headers.length });
    return 'layout changed';
  }
  const preamble = rows.stats.skipped.preamble;
  return { rowsSkipped: chunk.index === 0 ? rows.skipped() : rows.skipped() - preamble, warnings: rows.warnings() };
}

export const handler = observedHandler(enrichChunk);
