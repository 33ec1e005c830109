import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { documentClient } from './aws-clients.ts';
import { getItem } from './dynamo-item.ts';
import { queryAll } from './dynamo-query.ts';
import { tableName } from '../shared/config.ts';
import type { AccountsStoreRun, JobError, JobOutput, JobRecord, JobSummary } from '../core/jobs/job.ts';
import type { JobWarning } from '../core/jobs/warnings.ts';
import type { LiveChunkCounts } from '../core/jobs/live-progress.ts';
import type { JobQuality } from '../core/quality/quality-report.ts';
import type { Classification, JobStatus, MappingResult, ParseResult, ResumePoint, Stage } from '../core/pipeline-types.ts';
import { decodeCursor, encodeCursor } from './page-cursor.ts';
import { outcomeKey } from '../core/webhooks/job-event-claims.ts';

/** Thrown when a conditional write loses: the job moved on (cancelled, newer attempt...). */
export class StaleJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StaleJobError';
  }
}

const now = () => new Date().toISOString();

/**
 * What Classify, Parse and Map found (classification, parsed, mapping) is written whole,
 * once per stage, and never read or filtered by its parts, so it is stored as JSON text.
 * As nested maps it was a few hundred typed values that the SDK and DynamoDB walk one by
 * one on every read: about a sixth of the CPU of GET /v1/jobs/{id} on the local stack.
 */
const STAGE_FIELDS = ['classification', 'parsed', 'mapping'] as const;
/** ...and so are the merged warnings and the data-quality report, written once by the commit */
const TEXT_FIELDS = [...STAGE_FIELDS, 'warnings', 'quality'] as const;
const asText = (value: unknown): string => JSON.stringify(value);

function toItem(job: JobRecord): Record<string, unknown> {
  const item: Record<string, unknown> = { ...job };
  for (const f of TEXT_FIELDS) if (item[f] !== undefined) item[f] = asText(item[f]);
  return item;
}

/** A stored job as the code uses it; items written before the text fields decode as they are. */
function fromItem(item: Record<string, unknown> | undefined): JobRecord | undefined {
  if (!item) return undefined;
  for (const f of TEXT_FIELDS) if (typeof item[f] === 'string') item[f] = JSON.parse(item[f]) as unknown;
  return item as unknown as JobRecord;
}

/**
 * Jobs in DynamoDB. Every write after creation is conditional on the attempt, so an
 * older execution can never overwrite a newer attempt, and nothing revives a cancelled job.
 */
export const jobStore = {
  async create(job: JobRecord): Promise<void> {
    await documentClient().send(
      new PutCommand({ TableName: tableName.jobs(), Item: toItem(job), ConditionExpression: 'attribute_not_exists(jobId)' }),
    );
  },

  async get(tenantId: string, jobId: string): Promise<JobRecord | undefined> {
    return fromItem(await getItem(tableName.jobs(), { tenantId, jobId }, { consistent: true }));
  },

  /** Newest first; the cursor is an opaque encoding of DynamoDB's LastEvaluatedKey. */
  async list(tenantId: string, opts: { limit: number; cursor?: string; status?: JobStatus; schema?: string }) {
    const startKey = decodeCursor(opts.cursor, tenantId, 'jobId');
    // A record past its retention is left out even before it is deleted (DynamoDB TTL takes days; dynalite never does).
    const filters: string[] = ['(attribute_not_exists(expiresAtEpoch) OR expiresAtEpoch > :now)'];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':t': tenantId, ':now': Math.floor(Date.now() / 1000) };
    if (opts.status) {
      filters.push('#s = :s');
      names['#s'] = 'status';
      values[':s'] = opts.status;
    }
    if (opts.schema) {
      filters.push('#sc = :sc');
      names['#sc'] = 'schema';
      values[':sc'] = opts.schema;
    }
    const items: JobRecord[] = [];
    let lastKey = startKey;
    // A filter can leave a page short; keep reading until the page is full or the partition ends.
    do {
      const res = await documentClient().send(
        new QueryCommand({
          TableName: tableName.jobs(),
          KeyConditionExpression: 'tenantId = :t',
          ExpressionAttributeValues: values,
          ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
          FilterExpression: filters.join(' AND '),
          ScanIndexForward: false,
          Limit: opts.limit - items.length,
          ExclusiveStartKey: lastKey,
        }),
      );
      items.push(...(res.Items ?? []).map((i) => fromItem(i)!));
      lastKey = res.LastEvaluatedKey;
    } while (lastKey && items.length < opts.limit);
    return { items, nextCursor: encodeCursor(lastKey) };
  },

  async setExecution(tenantId: string, jobId: string, executionName: string): Promise<void> {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName.jobs(),
        Key: { tenantId, jobId },
        UpdateExpression: 'SET executionName = :e, updatedAt = :u',
        ExpressionAttributeValues: { ':e': executionName, ':u': now() },
      }),
    );
  },

  /** Mark a stage as started (and the job running) for this attempt. */
  async enterStage(tenantId: string, jobId: string, attempt: number, stage: Stage): Promise<{ job: JobRecord; first: boolean }> {
    const at = now();
    // Enrich chunks enter the stage in parallel: the one write that finds no start sets it
    // (and is told so: two chunks in the same millisecond cannot both be first); the others keep it.
    const enter = (first: boolean) =>
      documentClient().send(
        new UpdateCommand({
          TableName: tableName.jobs(),
          Key: { tenantId, jobId },
          UpdateExpression: `SET #s = :running, stage = :stage, stages.#st = ${first ? ':t' : 'if_not_exists(stages.#st, :t)'}, updatedAt = :u`,
          ConditionExpression: `attempt = :a AND #s IN (:queued, :running)${first ? ' AND attribute_not_exists(stages.#st)' : ''}`,
          ExpressionAttributeNames: { '#s': 'status', '#st': stage },
          ExpressionAttributeValues: {
            ':running': 'running',
            ':queued': 'queued',
            ':stage': stage,
            ':t': { startedAt: at },
            ':u': at,
            ':a': attempt,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
    try {
      return { job: fromItem((await enter(true)).Attributes)!, first: true };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
    return { job: await conditional(() => enter(false), `job ${jobId} attempt ${attempt} is no longer running`), first: false };
  },

  /** Close a stage's timing and store what it found. */
  async exitStage(
    tenantId: string,
    jobId: string,
    attempt: number,
    stage: Stage,
    startedAt: string,
    extra: { classification?: Classification; parsed?: ParseResult; mapping?: MappingResult; rowsRead?: number; rowsSkipped?: number } = {},
  ): Promise<JobRecord> {
    const endedAt = now();
    const sets = ['stages.#st = :t', 'updatedAt = :u'];
    const values: Record<string, unknown> = {
      ':t': { startedAt, endedAt, durationMs: Date.parse(endedAt) - Date.parse(startedAt) },
      ':u': endedAt,
    };
    for (const field of STAGE_FIELDS) {
      if (!extra[field]) continue;
      sets.push(`${field} = :${field}`);
      values[`:${field}`] = asText(extra[field]);
    }
    if (extra.rowsRead !== undefined) {
      sets.push('progress.rowsRead = :r');
      values[':r'] = extra.rowsRead;
    }
    if (extra.rowsSkipped !== undefined) {
      sets.push('progress.rowsSkipped = :sk');
      values[':sk'] = extra.rowsSkipped;
    }
    return updateWhileRunning(tenantId, jobId, attempt, `SET ${sets.join(', ')}`, values, { names: { '#st': stage } });
  },

  /** Parse progress: absolute counts (one writer). */
  async setParseProgress(tenantId: string, jobId: string, attempt: number, rowsRead: number, bytesRead: number) {
    return updateWhileRunning(tenantId, jobId, attempt, 'SET progress.rowsRead = :r, progress.bytesRead = :b, updatedAt = :u', { ':r': rowsRead, ':b': bytesRead, ':u': now() });
  },

  /** Forget the counts of a split pass that is being redone in one pass (ReadWholeFile). */
  async resetRowProgress(tenantId: string, jobId: string, attempt: number) {
    return updateWhileRunning(
      tenantId,
      jobId,
      attempt,
      'SET progress.rowsRead = :z, progress.rowsWritten = :z, progress.rowsRejected = :z, updatedAt = :u REMOVE progress.bytesEnriched, enrichedChunks, enrichLive',
      { ':z': 0, ':u': now() },
    );
  },

  /**
   * Where the accounts store stands for a succeeded attempt (the stage after Persist). Only
   * this attempt's succeeded job takes it: a job deleted, or retried into a newer attempt,
   * meanwhile is left alone (undefined).
   */
  async setAccountsStore(tenantId: string, jobId: string, attempt: number, run: AccountsStoreRun): Promise<JobRecord | undefined> {
    try {
      const res = await documentClient().send(
        new UpdateCommand({
          TableName: tableName.jobs(),
          Key: { tenantId, jobId },
          UpdateExpression: 'SET accountsStore = :r',
          ConditionExpression: 'attempt = :a AND #s = :succeeded',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':r': run, ':a': attempt, ':succeeded': 'succeeded' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return fromItem(res.Attributes);
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return undefined;
      throw err;
    }
  },

  /** The accounts store gave up on this succeeded attempt (its update failed, or its execution ended first): say why on the job. */
  async failAccountsStore(tenantId: string, jobId: string, attempt: number, error: Pick<JobError, 'type' | 'message'>): Promise<JobRecord | undefined> {
    return this.setAccountsStore(tenantId, jobId, attempt, { state: 'failed', attempt, error, updatedAt: now() });
  },

  /** Note a stage's error on the job, for MarkFailed (see JobRecord.lastStageError); best effort. */
  async noteStageError(tenantId: string, jobId: string, attempt: number, error: JobError): Promise<void> {
    await documentClient()
      .send(
        new UpdateCommand({
          TableName: tableName.jobs(),
          Key: { tenantId, jobId },
          UpdateExpression: 'SET lastStageError = :e',
          ConditionExpression: 'attempt = :a',
          ExpressionAttributeValues: { ':e': { ...error, attempt }, ':a': attempt },
        }),
      )
      .catch(() => undefined);
  },

  /**
   * Enrich progress: increments, because chunks run in parallel. Each chunk is counted once
   * per attempt: the chunk's index joins a set in the same conditional write, so a chunk
   * the state machine retries after its counts were added (a crash at the end of Enrich)
   * does not add them again. Returns the job as it now stands.
   */
  async addEnrichProgress(tenantId: string, jobId: string, attempt: number, chunk: { index: number; written: number; rejected: number; range?: { rowsRead: number; bytes: number } }) {
    // A byte range's rows were read here, not by Parse: they are counted as ranges finish.
    const range = chunk.range ? ', progress.rowsRead :rd, progress.bytesEnriched :be' : '';
    const values = {
      ':w': chunk.written,
      ':r': chunk.rejected,
      ...(chunk.range ? { ':rd': chunk.range.rowsRead, ':be': chunk.range.bytes } : {}),
      ':chunkSet': new Set([chunk.index]),
      ':chunk': chunk.index,
      ':u': now(),
    };
    try {
      return await updateWhileRunning(tenantId, jobId, attempt, `ADD progress.rowsWritten :w, progress.rowsRejected :r${range}, enrichedChunks :chunkSet SET updatedAt = :u`, values, {
        condition: 'NOT contains(enrichedChunks, :chunk)',
      });
    } catch (err) {
      if (!(err instanceof StaleJobError)) throw err;
      // Either this chunk was counted already (its retry), or the attempt is over.
      const job = await this.get(tenantId, jobId);
      if (job?.attempt === attempt && job.status === 'running' && job.enrichedChunks?.has(chunk.index)) return job;
      throw err;
    }
  },

  /**
   * A running Enrich chunk's counts so far, stored only when no chunk of the job stored any
   * in the last `minIntervalMs` (the write's own condition, so parallel chunks on many
   * containers share one pace): the job as it now stands, to push to subscribers, or
   * undefined when another chunk reported just now, or the chunk or its attempt is done.
   */
  async reportLiveChunk(tenantId: string, jobId: string, counts: LiveChunkCounts, minIntervalMs: number): Promise<JobRecord | undefined> {
    const at = Date.now();
    const write = () =>
      documentClient().send(
        new UpdateCommand({
          TableName: tableName.jobs(),
          Key: { tenantId, jobId },
          UpdateExpression: 'SET enrichLive.#c = :live, livePushedAt = :now',
          ConditionExpression: 'attempt = :a AND #s = :running AND NOT contains(enrichedChunks, :chunk) AND (attribute_not_exists(livePushedAt) OR livePushedAt <= :since)',
          ExpressionAttributeNames: { '#s': 'status', '#c': String(counts.index) },
          ExpressionAttributeValues: { ':live': counts, ':now': at, ':since': at - minIntervalMs, ':a': counts.attempt, ':running': 'running', ':chunk': counts.index },
          ReturnValues: 'ALL_NEW',
        }),
      );
    try {
      return fromItem((await write()).Attributes);
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return undefined;
      // The first report of the job: the map it goes into does not exist yet.
      if (!(err instanceof Error && err.name === 'ValidationException')) throw err;
      await documentClient().send(
        new UpdateCommand({
          TableName: tableName.jobs(),
          Key: { tenantId, jobId },
          UpdateExpression: 'SET enrichLive = if_not_exists(enrichLive, :empty)',
          ConditionExpression: 'attribute_exists(jobId)',
          ExpressionAttributeValues: { ':empty': {} },
        }),
      );
      try {
        return fromItem((await write()).Attributes);
      } catch (again) {
        if (again instanceof ConditionalCheckFailedException) return undefined;
        throw again;
      }
    }
  },

  /**
   * Cancel the current attempt: only from queued, running or needs_mapping. Returns the
   * cancelled job, or undefined when it had already left those states.
   */
  async cancel(job: JobRecord): Promise<JobRecord | undefined> {
    const at = now();
    try {
      const res = await documentClient().send(
        new UpdateCommand({
          TableName: tableName.jobs(),
          Key: { tenantId: job.tenantId, jobId: job.jobId },
          UpdateExpression: 'SET #s = :cancelled, updatedAt = :u, finishedAt = :u ADD outcomes :outcome',
          ConditionExpression: 'attempt = :a AND #s IN (:queued, :running, :nm)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':cancelled': 'cancelled',
            ':u': at,
            ':a': job.attempt,
            ':queued': 'queued',
            ':running': 'running',
            ':nm': 'needs_mapping',
            ':outcome': new Set([outcomeKey(job.attempt, 'cancelled')]),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return fromItem(res.Attributes);
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return undefined;
      throw err;
    }
  },

  /** Delete a job that is not in flight; false when it is queued or running (or gone). */
  async delete(job: JobRecord): Promise<boolean> {
    try {
      await documentClient().send(
        new DeleteCommand({
          TableName: tableName.jobs(),
          Key: { tenantId: job.tenantId, jobId: job.jobId },
          ConditionExpression: 'attribute_exists(jobId) AND NOT (#s IN (:queued, :running))',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':queued': 'queued', ':running': 'running' },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  },

  /**
   * Jobs created since an instant, newest first, at most `max` (stats windows). Job ids
   * are ULIDs, so the sort key itself bounds the query to the window.
   */
  async listSince(tenantId: string, sinceJobIdPrefix: string, max: number): Promise<JobSummary[]> {
    return queryAll<JobSummary>(
      {
        TableName: tableName.jobs(),
        KeyConditionExpression: 'tenantId = :t AND jobId >= :from',
        // what the stats read: not the stored classification, chunk list and mapping
        ProjectionExpression: 'jobId, #s, stages, progress, createdAt',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':t': tenantId, ':from': sinceJobIdPrefix },
        ScanIndexForward: false,
        Limit: Math.min(500, max),
      },
      max,
    );
  },

  /**
   * Open the next attempt of a finished job (retry, confirmed mapping): attempt + 1,
   * queued again, the reused stages' timings and counts kept and the rest cleared. The
   * condition on (attempt, status) makes two concurrent retries start one attempt.
   */
  async beginAttempt(
    job: JobRecord,
    allowed: JobStatus[],
    resumeFrom: ResumePoint | undefined,
    patch: { mapping?: MappingResult } = {},
  ): Promise<JobRecord | undefined> {
    const kept: Stage[] = resumeFrom === 'map' ? ['classify', 'parse'] : resumeFrom === 'enrich' ? ['classify', 'parse', 'map'] : [];
    const stages = Object.fromEntries(Object.entries(job.stages).filter(([s]) => kept.includes(s as Stage)));
    // (a split file's rows are counted again as its ranges are enriched again)
    const rowsRead = resumeFrom && !job.parsed?.split ? job.progress.rowsRead : 0;
    const progress = { rowsRead, rowsWritten: 0, rowsRejected: 0, rowsSkipped: resumeFrom ? job.progress.rowsSkipped : 0, bytesRead: resumeFrom ? job.progress.bytesRead : 0 };
    const values: Record<string, unknown> = {
      ':a': job.attempt,
      ':next': job.attempt + 1,
      ':queued': 'queued',
      ':stages': stages,
      ':progress': progress,
      ':u': now(),
      ...Object.fromEntries(allowed.map((s, i) => [`:s${i}`, s])),
    };
    const sets = ['attempt = :next', '#s = :queued', 'stages = :stages', 'progress = :progress', 'updatedAt = :u'];
    // (the warnings of the attempt before: this one collects its own)
    const removes = ['#e', 'finishedAt', '#o', 'stage', 'enrichedChunks', 'enrichLive', 'warnings', 'quality', 'accountsStore'];
    if (!resumeFrom) removes.push('parsed', 'classification', 'mapping');
    if (patch.mapping) {
      sets.push('mapping = :m');
      values[':m'] = asText(patch.mapping);
    }
    try {
      const res = await documentClient().send(
        new UpdateCommand({
          TableName: tableName.jobs(),
          Key: { tenantId: job.tenantId, jobId: job.jobId },
          UpdateExpression: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}`,
          ConditionExpression: `attempt = :a AND #s IN (${allowed.map((_, i) => `:s${i}`).join(', ')})`,
          ExpressionAttributeNames: { '#s': 'status', '#e': 'error', '#o': 'output' },
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return fromItem(res.Attributes);
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return undefined;
      throw err;
    }
  },

  /**
   * Commit the outcome of an attempt. Only a running job of this attempt can be finished,
   * so a retried Persist or a late MarkFailed does nothing twice. Returns `{ job, committed }`:
   * committed is false when the job had already left `running` (an earlier try of this
   * same call, or a cancel), and job is then the current record. The outcome is also
   * added to `outcomes`, which outlives the attempt (see outcomeKey).
   */
  async finish(
    tenantId: string,
    jobId: string,
    attempt: number,
    outcome:
      | {
          status: 'succeeded';
          output: JobOutput;
          counts: { rowsRead: number; rowsWritten: number; rowsRejected: number };
          rowsSkipped?: number;
          warnings?: JobWarning[];
          quality?: JobQuality;
          accountsStore?: AccountsStoreRun;
        }
      | { status: 'failed'; error: JobError }
      | { status: 'needs_mapping'; mapping: MappingResult },
  ): Promise<{ job: JobRecord | undefined; committed: boolean }> {
    const at = now();
    const names: Record<string, string> = { '#s': 'status' };
    const values: Record<string, unknown> = {
      ':a': attempt,
      ':status': outcome.status,
      ':u': at,
      ':active': 'running',
      ':queued': 'queued',
      ':outcome': new Set([outcomeKey(attempt, outcome.status)]),
    };
    const sets = ['#s = :status', 'updatedAt = :u'];
    if (outcome.status !== 'needs_mapping') {
      sets.push('finishedAt = :u');
    }
    if (outcome.status === 'succeeded') {
      sets.push('#o = :o', 'progress.rowsRead = :r', 'progress.rowsWritten = :w', 'progress.rowsRejected = :j');
      names['#o'] = 'output';
      Object.assign(values, { ':o': outcome.output, ':r': outcome.counts.rowsRead, ':w': outcome.counts.rowsWritten, ':j': outcome.counts.rowsRejected });
      if (outcome.rowsSkipped !== undefined) {
        // a split file's skipped lines were counted range by range
        sets.push('progress.rowsSkipped = :sk');
        values[':sk'] = outcome.rowsSkipped;
      }
      if (outcome.warnings !== undefined) {
        sets.push('warnings = :wn');
        values[':wn'] = asText(outcome.warnings);
      }
      if (outcome.quality !== undefined) {
        sets.push('quality = :q');
        values[':q'] = asText(outcome.quality);
      }
      if (outcome.accountsStore !== undefined) {
        sets.push('accountsStore = :as');
        values[':as'] = outcome.accountsStore;
      }
    } else if (outcome.status === 'failed') {
      sets.push('#e = :e');
      names['#e'] = 'error';
      values[':e'] = outcome.error;
    } else {
      sets.push('mapping = :m');
      values[':m'] = asText(outcome.mapping);
    }
    try {
      const res = await documentClient().send(
        new UpdateCommand({
          TableName: tableName.jobs(),
          Key: { tenantId, jobId },
          UpdateExpression: `SET ${sets.join(', ')} ADD outcomes :outcome`,
          ConditionExpression: 'attempt = :a AND #s IN (:active, :queued)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { job: fromItem(res.Attributes)!, committed: true };
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return { job: await this.get(tenantId, jobId), committed: false };
      throw err;
    }
  },
};

/**
 * An update only the attempt that is running may make (stage timings, progress): the job
 * as it now stands, or StaleJobError once that attempt has ended or been replaced.
 */
function updateWhileRunning(
  tenantId: string,
  jobId: string,
  attempt: number,
  update: string,
  values: Record<string, unknown>,
  opts: { names?: Record<string, string>; /** ANDed to the attempt-is-running condition */ condition?: string } = {},
): Promise<JobRecord> {
  return conditional(
    () =>
      documentClient().send(
        new UpdateCommand({
          TableName: tableName.jobs(),
          Key: { tenantId, jobId },
          UpdateExpression: update,
          ConditionExpression: `attempt = :a AND #s = :running${opts.condition ? ` AND ${opts.condition}` : ''}`,
          ExpressionAttributeNames: { ...opts.names, '#s': 'status' },
          ExpressionAttributeValues: { ...values, ':a': attempt, ':running': 'running' },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    `job ${jobId} attempt ${attempt} is no longer running`,
  );
}

async function conditional(write: () => Promise<{ Attributes?: Record<string, unknown> }>, staleMessage: string): Promise<JobRecord> {
  try {
    const res = await write();
    return fromItem(res.Attributes)!;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw new StaleJobError(staleMessage);
    throw err;
  }
}
