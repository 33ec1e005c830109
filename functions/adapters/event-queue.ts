import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from './sqs-client.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import { toApiJob, type JobRecord } from '../core/jobs/job.ts';
import { TransientError } from '../core/errors.ts';
import { jobEventId } from '../core/webhooks/job-event-claims.ts';

export type JobEventType = 'job.succeeded' | 'job.failed' | 'job.needs_mapping' | 'job.cancelled';

/**
 * Put a job's completion event on the events queue (consumed by webhook delivery).
 * The event id is deterministic per job attempt and type, so a redelivered message
 * can be recognised downstream. A queue that cannot take it is a TransientError, which
 * the state machine retries for Persist and MarkFailed (three times, over ~7 s), and each
 * retry emits again; a cancel answers 500, and the client's repeated cancel emits again.
 * Not covered: a queue down for longer than the state machine's retries, and the
 * watchdog, whose retry finds the job already failed.
 */
export async function emitJobEvent(type: JobEventType, job: JobRecord): Promise<void> {
  await emitEvent({ id: jobEventId(job.jobId, job.attempt, type), type, tenantId: job.tenantId, data: toApiJob(job) });
}

/** Put any tenant event on the events queue (the same at-least-once rules as job events). */
export async function emitEvent(input: { id: string; type: string; tenantId: string; data: unknown }): Promise<void> {
  const at = new Date().toISOString();
  // Standard Webhooks' payload is { type, timestamp, data }; id, tenantId and createdAt stay for existing receivers.
  const event = { id: input.id, type: input.type, timestamp: at, tenantId: input.tenantId, createdAt: at, data: input.data };
  try {
    await sqsClient().send(new SendMessageCommand({ QueueUrl: requiredEnv(ENV.eventsQueueUrl), MessageBody: JSON.stringify(event) }));
  } catch (err) {
    throw new TransientError(`The ${input.type} event could not be queued: ${err instanceof Error ? err.message : String(err)}`);
  }
}
