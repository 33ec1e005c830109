import { objectStore } from '../adapters/object-store.ts';
import { jobStore } from '../adapters/job-store.ts';
import { publishProgress } from '../adapters/progress-notifier.ts';
import { PROGRESS_INTERVAL_MS, runStage, throttle } from '../shared/stage.ts';
import { parseDelimitedRows } from '../core/parse/delimited-rows.ts';
import { NoDataRowsError } from '../core/errors.ts';
import { jobKeys } from '../core/jobs/keys.ts';
import type { ChunkRef, ParseResult, PipelineState } from '../core/pipeline-types.ts';

/** Rows per parsed chunk: the unit Enrich fans out over (and a bounded buffer here). */
export const CHUNK_ROWS = 100_000;

/**
 * Parse: stream the upload from S3 and write its rows as NDJSON chunks (one JSON array
 * [rowNumber, cells] per line). Later stages and retries read the chunks, never the
 * original file again. Each line is [rowNumber, cells] or [rowNumber, cells, parseError].
 */
export async function parse(state: PipelineState): Promise<ParseResult> {
  return runStage(state, 'parse', async (job) => {
    const classification = state.classification;
    if (!classification?.delimiter) throw new Error('Parse needs the classification of a delimited text file');
    const source = await objectStore.stream(state.bucket, state.key);
    const chunks: ChunkRef[] = [];
    let lines: string[] = [];
    let firstRow = 0;
    let rowsRead = 0;
    let bytesRead = 0;
    const every = throttle(PROGRESS_INTERVAL_MS);

    const flush = async () => {
      if (lines.length === 0) return;
      const index = chunks.length;
      const key = jobKeys.parsedChunk(state.tenantId, state.jobId, state.attempt, index);
      await objectStore.put(state.bucket, key, lines.join('\n') + '\n');
      chunks.push({ index, key, rows: lines.length, firstRow });
      lines = [];
    };

    const rows = parseDelimitedRows(source, {
      encoding: classification.encoding,
      delimiter: classification.delimiter,
      headerRow: classification.headerRow,
    });
    for await (const batch of rows) {
      for (const row of batch.rows) {
        if (lines.length === 0) firstRow = row.row;
        // A row the tokenizer could not read cleanly travels with its reason and is rejected in Enrich.
        lines.push(JSON.stringify(row.error ? [row.row, row.cells, row.error] : [row.row, row.cells]));
        rowsRead += 1;
        if (lines.length >= CHUNK_ROWS) await flush();
      }
      bytesRead = batch.bytesRead;
      await every(async () => publishProgress(await jobStore.setParseProgress(state.tenantId, state.jobId, state.attempt, rowsRead, bytesRead)));
    }
    await flush();
    if (rowsRead === 0) throw new NoDataRowsError('The file has a header row but no data rows');
    await jobStore.setParseProgress(state.tenantId, state.jobId, state.attempt, rowsRead, state.size);
    const parsed: ParseResult = { rowsRead, headers: classification.headers, chunks };
    const done = await jobStore.exitStage(state.tenantId, state.jobId, state.attempt, 'parse', job.stages.parse?.startedAt ?? new Date().toISOString(), {
      rowsRead,
      rowsSkipped: rows.skipped(),
      parsed,
    });
    await publishProgress(done);
    return parsed;
  });
}

export const handler = parse;
