import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startLocalSqs } from '../../local/sqs.ts';

/*
 * The local SQS's FIFO queues hand out a message group as SQS does: up to
 * MaxNumberOfMessages of one group in one receive, in order, and nothing more of that group
 * until they are deleted. (fauxqs alone hands out one message per group per receive, so a
 * consumer could never coalesce a group's messages within a batch.)
 */

let sqs: Awaited<ReturnType<typeof startLocalSqs>>;
let client: SQSClient;
let queueUrl: string;
beforeAll(async () => {
  sqs = await startLocalSqs({ host: '127.0.0.1', queues: [{ name: 'fifo-test', maxReceiveCount: 5, fifo: true }] });
  client = new SQSClient({ endpoint: sqs.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  queueUrl = sqs.queueUrls['fifo-test']!;
});
afterAll(async () => {
  client?.destroy();
  await sqs?.close();
});

let seq = 0;
const send = (group: string, body: string) =>
  client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body, MessageGroupId: group, MessageDeduplicationId: `d${++seq}` }));
const receive = async (max: number) =>
  (await client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: max, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['MessageGroupId'] }))).Messages ?? [];
const remove = (messages: { ReceiptHandle?: string }[]) =>
  client.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })) }));

describe('local SQS FIFO receive', () => {
  it('hands out several messages of one group in one receive, in the order they were sent', async () => {
    for (let i = 1; i <= 5; i++) await send('job-a', `a${i}`);
    for (let i = 1; i <= 2; i++) await send('job-b', `b${i}`);
    const batch = await receive(10);
    expect(batch.filter((m) => m.Attributes?.MessageGroupId === 'job-a').map((m) => m.Body)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(batch.filter((m) => m.Attributes?.MessageGroupId === 'job-b').map((m) => m.Body)).toEqual(['b1', 'b2']);
    await remove(batch);
    expect(await receive(10)).toEqual([]);
  });

  it('stops at MaxNumberOfMessages and keeps a group whose messages are in flight locked until they are deleted', async () => {
    for (let i = 1; i <= 4; i++) await send('job-c', `c${i}`);
    const first = await receive(3);
    expect(first.map((m) => m.Body)).toEqual(['c1', 'c2', 'c3']);
    await send('job-d', 'd1');
    // c4 waits for c1-c3; another group goes on
    const other = await receive(10);
    expect(other.map((m) => m.Body)).toEqual(['d1']);
    await remove(other);
    await remove(first);
    const rest = await receive(10);
    expect(rest.map((m) => m.Body)).toEqual(['c4']);
    await remove(rest);
  });
});
