import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueUrlCommand, ReceiveMessageCommand, SendMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { downloadRecords, serveProcess, startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import { ApiClient } from '../../local/cli/api-client.ts';
import { writeCallRecordCsv } from '../../bench/call-records.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';

/*
 * Faults (issue 6): a stage that throws is retried by the state machine without
 * duplicating output; a stack killed mid-job leaves the job failed, and retry completes it;
 * what exhausts its retries on a queue lands in that queue's DLQ.
 */

const ROWS = 60_000;
let stack: TestStack;
let file: string;

beforeAll(async () => {
  stack = await startTestStack();
  file = await stack.writeScratch('calls.csv', ''); // filled by the generator
  await writeCallRecordCsv(file, ROWS, 5);
});
afterAll(async () => {
  delete process.env.FAULT_INJECTION;
  delete process.env.PARSE_RANGE_BYTES;
  await stack?.stop();
});

describe('a stage that throws is retried by the state machine', () => {
  it.each([
    ['Enrich, after writing its output', { stage: 'enrich', when: 'after' }],
    ['Persist, before committing', { stage: 'persist', when: 'before' }],
  ])('%s: the job ends with exactly its records', async (_name, fault) => {
    const { api, tenantId } = await stack.tenant();
    process.env.PARSE_RANGE_BYTES = String(256 * 1024);
    process.env.FAULT_INJECTION = JSON.stringify({ tenantId, ...fault, times: 1, error: 'TransientError' });
    try {
      const { jobId } = await uploadFile(api, file, { schema: 'call_record' });
      const job = await waitForJob(api, jobId, 90_000);
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
      expect(JSON.parse(process.env.FAULT_INJECTION_FIRED ?? '{}')[process.env.FAULT_INJECTION]).toBe(1);
      expect(job.attempt).toBe(1); // retried inside the execution, not by a new attempt
      expect(job.progress).toMatchObject({ rowsRead: ROWS, rowsWritten: ROWS, rowsRejected: 0 });
      const records = await downloadRecords(api, jobId);
      expect(records).toHaveLength(ROWS);
      expect(new Set(records).size).toBeGreaterThan(ROWS * 0.99); // not one chunk twice
    } finally {
      delete process.env.FAULT_INJECTION;
      delete process.env.PARSE_RANGE_BYTES;
    }
  });
});

describe('a Persist that fails after its commit', () => {
  it('is retried, finds the attempt succeeded and still queues job.succeeded', async () => {
    const { api, tenantId } = await stack.tenant();
    // a subscriber, so the event shows as a delivery
    const receiver = createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const hook = await api.post<{ webhookId: string }>('/v1/webhooks', { url, events: ['job.succeeded'] });
      process.env.FAULT_INJECTION = JSON.stringify({ tenantId, stage: 'persist', when: 'committed', times: 1, error: 'TransientError' });
      const { jobId } = await uploadFile(api, file, { schema: 'call_record' });
      const job = await waitForJob(api, jobId, 90_000);
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
      expect(job.attempt).toBe(1);

      const eventId = `evt_${jobId}_1_succeeded`;
      const deadline = Date.now() + 20_000;
      let delivered: { eventId: string; eventType: string }[] = [];
      while (delivered.length === 0 && Date.now() < deadline) {
        const page = await api.get<{ items: { eventId: string; eventType: string }[] }>(`/v1/webhooks/${hook.webhookId}/deliveries`);
        delivered = page.items.filter((d) => d.eventId === eventId);
        if (delivered.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(delivered).toHaveLength(1);
      expect(delivered[0]!.eventType).toBe('job.succeeded');
      // read only now: the job shows succeeded from its commit, a moment before the fault fires
      expect(JSON.parse(process.env.FAULT_INJECTION_FIRED ?? '{}')[process.env.FAULT_INJECTION]).toBe(1);
    } finally {
      delete process.env.FAULT_INJECTION;
      await new Promise((resolve) => receiver.close(resolve));
    }
  }, 120_000);
});

interface Served {
  child: ChildProcess;
  api: ApiClient;
}

/** `ai-file-parser serve` on `dataDir`, in its own process (so it can be killed). */
async function serve(dataDir: string, env: Record<string, string> = {}): Promise<Served> {
  const { child, info } = await serveProcess(dataDir, env);
  return { child, api: new ApiClient(info.httpUrl, info.apiKey) };
}

async function stop(served: Served, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise((r) => served.child.once('exit', r));
  served.child.kill(signal);
  await exited;
}

describe('a local stack killed in the middle of a job', () => {
  it('leaves the job failed (ExecutionAborted) at the next start, and retry completes it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'afp-killed-'));
    // small ranges: many chunks, so the job is surely mid-Enrich when it is killed
    const env = { PARSE_RANGE_BYTES: String(64 * 1024) };
    let served = await serve(dataDir, env);
    try {
      const { jobId } = await uploadFile(served.api, file, { schema: 'call_record' });
      const deadline = Date.now() + 60_000;
      let job: ApiJob;
      do {
        job = await served.api.get<ApiJob>(`/v1/jobs/${jobId}`);
        if (job.status === 'running' && job.stage === 'enrich' && job.progress.rowsWritten > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      } while (Date.now() < deadline && job.status !== 'succeeded');
      expect(job.status, 'the job finished before it could be killed').toBe('running');
      await stop(served, 'SIGKILL');

      served = await serve(dataDir, env);
      const after = await waitForJob(served.api, jobId, 20_000);
      expect(after.status).toBe('failed');
      expect(after.error).toMatchObject({ type: 'ExecutionAborted', stage: 'enrich' });

      await served.api.post(`/v1/jobs/${jobId}/retry`, {});
      const retried = await waitForJob(served.api, jobId, 90_000);
      expect(retried.status, JSON.stringify(retried.error)).toBe('succeeded');
      expect(retried.attempt).toBe(2);
      expect(retried.progress).toMatchObject({ rowsRead: ROWS, rowsWritten: ROWS, rowsRejected: 0 });
      expect(await downloadRecords(served.api, jobId)).toHaveLength(ROWS);
    } finally {
      await stop(served, 'SIGTERM');
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 200_000);
});

describe('the events queue', () => {
  it('moves a message its consumer cannot read to the DLQ after the receive limit', async () => {
    const sqs = new SQSClient({ endpoint: process.env.AWS_ENDPOINT_URL_SQS, useQueueUrlAsEndpoint: false });
    const { QueueUrl: queueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'afp-local-events' }));
    const { QueueUrl: dlqUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'afp-local-events-dlq' }));
    // one-second visibility: the five receives before the DLQ take seconds, not minutes
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { VisibilityTimeout: '1' } }));
    const poison = `not json ${Date.now()}`;
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: poison }));
    const deadline = Date.now() + 30_000;
    let found: string | undefined;
    while (!found && Date.now() < deadline) {
      const res = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageSystemAttributeNames: ['All'] }));
      const hit = (res.Messages ?? []).find((m) => m.Body === poison);
      if (hit) {
        found = hit.Body;
        // the consumer's five receives (the queue's maxReceiveCount) travel with it, then ours
        expect(Number(hit.Attributes?.ApproximateReceiveCount ?? 0)).toBeGreaterThan(5);
      }
    }
    expect(found).toBe(poison);
  }, 40_000);
});
