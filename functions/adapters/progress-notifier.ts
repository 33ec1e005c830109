import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { connectionStore } from './connection-store.ts';
import { ENV } from '../shared/env-names.ts';
import { optionalEnv } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { computePercent, type JobRecord } from '../core/jobs/job.ts';

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

export function progressMessage(job: JobRecord) {
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
