import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from './aws-clients.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import { toApiJob, type JobRecord } from '../core/jobs/job.ts';

export type JobEventType = 'job.succeeded' | 'job.failed' | 'job.needs_mapping' | 'job.cancelled';

/**
 * Put a job's completion event on the events queue (consumed by webhook delivery).
 * The event id is deterministic per job attempt and type, so a redelivered message
 * can be recognised downstream.
 */
export async function emitJobEvent(type: JobEventType, job: JobRecord): Promise<void> {
  const event = {
    id: `evt_${job.jobId}_${job.attempt}_${type.split('.')[1]}`,
    type,
    tenantId: job.tenantId,
    createdAt: new Date().toISOString(),
    data: toApiJob(job),
  };
  await sqsClient().send(new SendMessageCommand({ QueueUrl: requiredEnv(ENV.eventsQueueUrl), MessageBody: JSON.stringify(event) }));
}
