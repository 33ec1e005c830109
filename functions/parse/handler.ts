import { objectStore } from '../adapters/object-store.ts';
import { jobStore } from '../adapters/job-store.ts';
import { publishProgress } from '../adapters/progress-notifier.ts';
import { logger } from '../shared/logger.ts';
import { runStage } from '../shared/pipeline/stage.ts';
import { PROGRESS_INTERVAL_MS, throttle } from '../shared/pipeline/progress-pace.ts';
import { isSplittable, openDelimitedRange, openRowSource, type RowStream } from '../core/parse/row-source.ts';
import { RowBoundaryScanner } from '../core/parse/row-boundaries.ts';
import { SAMPLE_ROWS } from '../adapters/file-sample.ts';
import { rangeSource } from '../adapters/range-source.ts';
import { positiveIntEnv } from '../shared/config.ts';
import { parseLimitsFromEnv } from '../shared/parse-limits.ts';
import { ChunkBuilder, widenLine } from '../core/parse/chunk-builder.ts';
import { assertHeaderSize } from '../core/detect/classify-text.ts';
import { NoDataRowsError } from '../core/errors.ts';
import { jobKeys } from '../core/jobs/keys.ts';
import type { ChunkRef, Classification, ParseResult, PipelineState } from '../core/pipeline-types.ts';
import { observedHandler } from '../shared/observability.ts';

/** Rows per parsed chunk: the unit Enrich fans out over (and a bounded buffer here). */
export const CHUNK_ROWS = 100_000;
/** ...and at most about this many bytes, so wide rows keep a chunk (and Enrich's memory) bounded too. */
const CHUNK_BYTES = 16 * 1024 * 1024;

/**
 * Byte ranges a large delimited file is split into (PARSE_RANGE_BYTES, default 4 MiB:
 * ~45,000 call records, whose records Enrich holds in memory at once).
 */
const rangeBytes = () => positiveIntEnv('PARSE_RANGE_BYTES', 4 * 1024 * 1024);
/**
 * At most this many ranges: the chunk list, and the Map's result with one entry per chunk
 * (~1 KB together), travel in the execution's state, which Step Functions caps at 256 KiB.
 * A 5 GiB upload (the largest accepted) gets ~34 MiB ranges.
 */
const MAX_RANGES = 150;

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
    // A split pass found other columns further down: its counts go, the file is read in one pass.
    if (state.wholeFile) await jobStore.resetRowProgress(state.tenantId, state.jobId, state.attempt);
    if (!state.wholeFile && isSplittable(classification) && state.size > rangeBytes()) {
      const split = await splitIntoRanges(state, classification);
      if (split !== undefined) {
        const done = await jobStore.exitStage(state.tenantId, state.jobId, state.attempt, 'parse', job.stages.parse?.startedAt ?? new Date().toISOString(), { parsed: split });
        await publishProgress(done);
        return split;
      }
    }
    const rows = await openRowSource(classification, {
      stream: () => objectStore.stream(state.bucket, state.key),
      readAll: () => objectStore.readAll(state.bucket, state.key),
      size: state.size,
      limits: parseLimitsFromEnv(),
    });
    const chunks: (ChunkRef & { width: number })[] = [];
    const pending = new ChunkBuilder(rows);
    // the same bound on the number of chunks as for ranges (a very large JSON file)
    const minChunkBytes = Math.ceil(state.size / MAX_RANGES);
    let rowsRead = 0;
    const every = throttle(PROGRESS_INTERVAL_MS);

    const flush = async () => {
      if (pending.size === 0) return;
      const index = chunks.length;
      const key = jobKeys.parsedChunk(state.tenantId, state.jobId, state.attempt, index);
      const { body, width } = pending.take();
      await objectStore.put(state.bucket, key, body);
      chunks.push({ index, key, width });
    };

    for await (const batch of rows) {
      for (const row of batch.rows) {
        pending.add(row);
        rowsRead += 1;
        if ((pending.size >= CHUNK_ROWS || pending.bytes >= CHUNK_BYTES) && pending.bytes >= minChunkBytes) await flush();
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
    const warnings = rows.warnings();
    logger.info('parsed', { format: classification.format, rowsRead, malformedRows: stats.malformedRows, skipped: stats.skipped, columns: headers.length, warnings: warnings.map((w) => w.code) });
    const parsed: ParseResult = { rowsRead, headers, chunks: chunks.map(({ width: _w, ...ref }) => ref), ...(warnings.length > 0 ? { warnings } : {}) };
    const done = await jobStore.exitStage(state.tenantId, state.jobId, state.attempt, 'parse', job.stages.parse?.startedAt ?? new Date().toISOString(), {
      rowsRead,
      rowsSkipped: rows.skipped(),
      parsed,
    });
    await publishProgress(done);
    return parsed;
  });
}

/**
 * Large delimited text: one quote-aware pass over the bytes finds record starts about
 * every PARSE_RANGE_BYTES (RowBoundaryScanner, the tokenizer's own quoting rules), and
 * the ranges become the chunks Enrich fans out over, each parsed where it is processed.
 * The header and the first rows are parsed here (the columns and samples Map needs).
 * Undefined when the file turns out to be one range, or has no rows after its header.
 */
async function splitIntoRanges(state: PipelineState, c: Classification): Promise<ParseResult | undefined> {
  const scanner = new RowBoundaryScanner(c.delimiter!.charCodeAt(0), Math.max(rangeBytes(), Math.ceil(state.size / MAX_RANGES)), c.headerRow);
  const every = throttle(PROGRESS_INTERVAL_MS);
  let bytesRead = 0;
  for await (const piece of await objectStore.stream(state.bucket, state.key)) {
    scanner.push(piece as Buffer);
    bytesRead += (piece as Buffer).length;
    await every(async () => publishProgress(await jobStore.setParseProgress(state.tenantId, state.jobId, state.attempt, 0, bytesRead)));
  }
  const { headerEnd, ranges } = scanner.end();
  if (ranges.length < 2) return undefined;
  const dataLine = ranges[0]!.firstLine;
  const chunks: ChunkRef[] = ranges.map((r, index) => ({ index, key: state.key, range: { ...r, headerEnd, dataLine } }));

  // The header and the first rows, read the way Enrich will read the first range; the
  // header's warnings are this read's, the rows' are each range's own.
  const rows = openDelimitedRange(c, rangeSource(state.bucket, chunks[0]!), 0, { batchSize: SAMPLE_ROWS, warnings: 'header' });
  const sample = new ChunkBuilder(rows);
  for await (const batch of rows) {
    for (const row of batch.rows) sample.add(row);
    break;
  }
  if (sample.size === 0) return undefined;
  const headers = rows.headers();
  assertHeaderSize(headers);
  const sampleKey = jobKeys.parsedSample(state.tenantId, state.jobId, state.attempt);
  await objectStore.put(state.bucket, sampleKey, sample.take().body);
  await jobStore.setParseProgress(state.tenantId, state.jobId, state.attempt, 0, state.size);
  logger.info('split', { format: c.format, ranges: chunks.length, headerEnd, columns: headers.length });
  const warnings = rows.warnings();
  return { rowsRead: 0, headers, chunks, split: true, sampleKey, ...(warnings.length > 0 ? { warnings } : {}) };
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

export const handler = observedHandler(parse);
