import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { connectionStore } from './connection-store.ts';
import { ENV } from '../shared/env-names.ts';
import { optionalEnv } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { computePercent, type JobRecord } from '../core/jobs/job.ts';
import { withLiveProgress, type LiveChunkCounts } from '../core/jobs/live-progress.ts';
import { jobStore } from './job-store.ts';

let client: ApiGatewayManagementApiClient | undefined | null;
function managementClient(): ApiGatewayManagementApiClient | null {
  if (client === undefined) {
    // Without a WebSocket API (e.g. a unit test) progress pushes are simply off.
    const endpoint = optionalEnv(ENV.wsManagementEndpoint);
    client = endpoint ? new ApiGatewayManagementApiClient({ endpoint }) : null;
  }
  return client;
}

export type ProgressMessage = ReturnType<typeof progressMessage>;

/** The job's counts, with those of Enrich chunks still running (see withLiveProgress). */
export function progressMessage(stored: JobRecord) {
  const job = withLiveProgress(stored);
  return {
    type: 'job.progress' as const,
    jobId: job.jobId,
    stage: job.stage ?? null,
    rowsRead: job.progress.rowsRead,
    rowsWritten: job.progress.rowsWritten,
    rowsRejected: job.progress.rowsRejected,
    percent: computePercent(job),
    at: new Date().toISOString(),
  };
}

export function statusMessage(job: JobRecord) {
  return {
    type: 'job.status' as const,
    jobId: job.jobId,
    status: job.status,
    stage: job.stage ?? null,
    attempt: job.attempt,
    rowsRead: job.progress.rowsRead,
    rowsWritten: job.progress.rowsWritten,
    rowsRejected: job.progress.rowsRejected,
    percent: computePercent(job),
    error: job.error ?? null,
    at: new Date().toISOString(),
  };
}

/** Send a message to every connection subscribed to the job; drop the ones that are gone. */
export async function pushToSubscribers(job: JobRecord, message: object): Promise<void> {
  const api = managementClient();
  if (!api) return;
  const ids = await connectionStore.subscribers(job.tenantId, job.jobId);
  await Promise.all(ids.map((id) => pushToConnection(id, message)));
}

export async function pushToConnection(connectionId: string, message: object): Promise<void> {
  const api = managementClient();
  if (!api) return;
  try {
    await api.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.from(JSON.stringify(message)) }));
  } catch (err) {
    if (err instanceof GoneException) {
      await connectionStore.removeConnection(connectionId);
      return;
    }
    // Progress is best effort: a push failure must never fail the stage that reported it.
    logger.warn('progress push failed', { connectionId, error: String(err) });
  }
}

/** Push progress and status, never throwing. */
export async function publishProgress(job: JobRecord): Promise<void> {
  await pushToSubscribers(job, progressMessage(job)).catch((err: unknown) => logger.warn('progress publish failed', { error: String(err) }));
}

export async function publishStatus(job: JobRecord): Promise<void> {
  await pushToSubscribers(job, statusMessage(job)).catch((err: unknown) => logger.warn('status publish failed', { error: String(err) }));
}

/**
 * For one running Enrich chunk: `due()` says when its counts are worth reporting again (every
 * `intervalMs`), `report()` stores them on the job, and pushes the job's progress, unless
 * another chunk of the job did just now: subscribers get at most one message per interval
 * per job, however many chunks run, and one at least while rows move. Never throws.
 */
export function liveChunkReporter(job: { tenantId: string; jobId: string; attempt: number }, index: number, intervalMs: number) {
  let last = Date.now();
  return {
    due: (): boolean => Date.now() - last >= intervalMs,
    async report(counts: Omit<LiveChunkCounts, 'attempt' | 'index'>): Promise<void> {
      last = Date.now();
      try {
        const updated = await jobStore.reportLiveChunk(job.tenantId, job.jobId, { attempt: job.attempt, index, ...counts }, intervalMs);
        if (updated) await publishProgress(updated);
      } catch (err) {
        logger.warn('live progress report failed', { error: String(err) });
      }
    },
  };
}
