import { objectStore } from '../adapters/object-store.ts';
import { jobStore } from '../adapters/job-store.ts';
import { publishProgress } from '../adapters/progress-notifier.ts';
import { logger } from '../shared/logger.ts';
import { PROGRESS_INTERVAL_MS, runStage, throttle } from '../shared/stage.ts';
import { openRowSource, type RowStream } from '../core/parse/row-source.ts';
import { ChunkBuilder, widenLine } from '../core/parse/chunk-builder.ts';
import { assertHeaderSize } from '../core/detect/classify-text.ts';
import { NoDataRowsError } from '../core/errors.ts';
import { jobKeys } from '../core/jobs/keys.ts';
import type { ChunkRef, ParseResult, PipelineState } from '../core/pipeline-types.ts';

/** Rows per parsed chunk: the unit Enrich fans out over (and a bounded buffer here). */
export const CHUNK_ROWS = 100_000;

/**
 * Parse: read the upload's rows, whatever its format (see openRowSource), and write them
 * as NDJSON chunks: one JSON array per line, [rowNumber, cells] or
 * [rowNumber, cells, parseError]. Later stages and retries read the chunks, never the
 * original file again. Every line's cells line up with the returned `headers`: when a
 * later section or JSON key widens the header, rows already written are padded (chunks
 * already in S3 are rewritten once, at the end).
 */
export async function parse(state: PipelineState): Promise<ParseResult> {
  return runStage(state, 'parse', async (job) => {
    const classification = state.classification;
    if (!classification) throw new Error('Parse needs the classification of the file');
    const rows = await openRowSource(classification, {
      stream: () => objectStore.stream(state.bucket, state.key),
      readAll: () => objectStore.readAll(state.bucket, state.key),
      size: state.size,
    });
    const chunks: (ChunkRef & { width: number })[] = [];
    const pending = new ChunkBuilder(rows);
    let rowsRead = 0;
    const every = throttle(PROGRESS_INTERVAL_MS);

    const flush = async () => {
      if (pending.size === 0) return;
      const index = chunks.length;
      const key = jobKeys.parsedChunk(state.tenantId, state.jobId, state.attempt, index);
      const { body, firstRow, rows: count, width } = pending.take();
      await objectStore.put(state.bucket, key, body);
      chunks.push({ index, key, rows: count, firstRow, width });
    };

    for await (const batch of rows) {
      for (const row of batch.rows) {
        pending.add(row);
        rowsRead += 1;
        if (pending.size >= CHUNK_ROWS) await flush();
      }
      await every(async () => publishProgress(await jobStore.setParseProgress(state.tenantId, state.jobId, state.attempt, rowsRead, batch.bytesRead)));
    }
    await flush();
    if (rowsRead === 0) throw new NoDataRowsError('The file has a header row but no data rows');
    const headers = rows.headers();
    assertHeaderSize(headers);
    await widenChunks(state.bucket, chunks, headers.length, rows);

    await jobStore.setParseProgress(state.tenantId, state.jobId, state.attempt, rowsRead, state.size);
    const stats = rows.stats;
    logger.info('parsed', { format: classification.format, rowsRead, malformedRows: stats.malformedRows, skipped: stats.skipped, columns: headers.length });
    const parsed: ParseResult = { rowsRead, headers, chunks: chunks.map(({ width: _w, ...ref }) => ref) };
    const done = await jobStore.exitStage(state.tenantId, state.jobId, state.attempt, 'parse', job.stages.parse?.startedAt ?? new Date().toISOString(), {
      rowsRead,
      rowsSkipped: rows.skipped(),
      parsed,
    });
    await publishProgress(done);
    return parsed;
  });
}

/** Chunks written before the header reached its final width: padded in place, one at a time. */
async function widenChunks(bucket: string, chunks: readonly (ChunkRef & { width: number })[], width: number, rows: RowStream): Promise<void> {
  for (const chunk of chunks) {
    if (chunk.width >= width) continue;
    const text = (await objectStore.readAll(bucket, chunk.key)).toString('utf8');
    const lines = text
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => widenLine(l, width, rows));
    await objectStore.put(bucket, chunk.key, lines.join('\n') + '\n');
  }
}

export const handler = parse;
