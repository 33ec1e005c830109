import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { useHandlerEnv } from '../helpers/process-env.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);

useHandlerEnv({ JOBS_TABLE: 'jobs', QUOTAS_TABLE: 'quotas', UPLOADS_TABLE: 'uploads', TENANTS_TABLE: 'tenants', EVENTS_QUEUE_URL: 'https://sqs.local/events' });

// imported once the environment is set: the logger reads its level when it is created
let recordRejectedJob: (typeof import('../../functions/adapters/job-launcher.ts'))['recordRejectedJob'];
beforeAll(async () => {
  ({ recordRejectedJob } = await import('../../functions/adapters/job-launcher.ts'));
});

beforeEach(() => {
  ddb.reset();
  sqs.reset();
  ddb.on(GetCommand).resolves({});
  ddb.on(PutCommand).resolves({});
  ddb.on(UpdateCommand).resolves({});
  sqs.on(SendMessageCommand).resolves({});
});

const source = { sessionId: 'inbox_1', bucket: 'b', key: 'inbox/t1/bad.csv', filename: 'bad.csv', size: 10 };

describe('recordRejectedJob (an inbox file with bad metadata)', () => {
  it('stores the job failed in one write: it is never queued for an admission slot nor seen queued', async () => {
    const job = await recordRejectedJob({ tenantId: 't1', source }, { type: 'InvalidMetadataError', message: 'x-amz-meta-timezone: unknown' });
    expect(job).toMatchObject({ status: 'failed', error: { type: 'InvalidMetadataError' } });
    const jobWrites = ddb.commandCalls(PutCommand).map((c) => c.args[0].input).filter((i) => i.TableName === 'jobs');
    expect(jobWrites).toHaveLength(1);
    expect(jobWrites[0]!.Item).toMatchObject({ status: 'failed', error: { type: 'InvalidMetadataError' }, finishedAt: expect.any(String) });
    expect([...(jobWrites[0]!.Item!.outcomes as Set<string>)]).toEqual(['1:failed']);
    // nothing put in an admission queue, and no later update from queued to failed
    const queueWrites = ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item as { pk?: string }).filter((i) => i.pk?.startsWith('QUEUE#'));
    expect(queueWrites).toEqual([]);
    expect(ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input.TableName)).not.toContain('jobs');
    expect(JSON.parse(sqs.commandCalls(SendMessageCommand)[0]!.args[0].input.MessageBody!)).toMatchObject({ type: 'job.failed', data: { status: 'failed' } });
  });

  it('schedules the file of a rejected job to expire with the tenant\'s retention (its bytes were counted as stored)', async () => {
    await recordRejectedJob({ tenantId: 't1', source }, { type: 'QuotaExceededError', message: 'quota_stored_bytes: over' });
    const entries = ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item as { pk?: string; part?: string; key?: string }).filter((i) => i.pk?.startsWith('EXPIRES#'));
    expect(entries.map((e) => e.part).sort()).toEqual(['outputs', 'record', 'upload']);
    expect(entries.find((e) => e.part === 'upload')).toMatchObject({ key: 'inbox/t1/bad.csv', sessionId: 'inbox_1' });
    // the inbox record holds the file until this job's upload time
    const hold = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input).find((i) => i.TableName === 'uploads');
    expect(hold).toMatchObject({ Key: { tenantId: 't1', sessionId: 'inbox_1' }, UpdateExpression: expect.stringContaining('fileExpiresAt') });
  });
});
