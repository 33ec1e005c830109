import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { randomUUID } from 'node:crypto';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface QueuePollerOptions {
  endpoint: string;
  queueUrl: string;
  queueArn: string;
  batchSize: number;
  functionName: string;
  loadHandler: () => Promise<SqsHandler>;
}

/**
 * The local twin of a Lambda SQS event source mapping with ReportBatchItemFailures:
 * long-poll, hand the batch to the handler as a real SQS event, delete what succeeded.
 * A failed message is left to its visibility timeout and, after maxReceiveCount, the DLQ.
 */
export function startQueuePoller(opts: QueuePollerOptions): { stop(): Promise<void> } {
  const client = new SQSClient({ endpoint: opts.endpoint, useQueueUrlAsEndpoint: false });
  const abort = new AbortController();
  let stopped = false;
  const loop = (async () => {
    let handler: SqsHandler;
    try {
      handler = await opts.loadHandler();
    } catch (err) {
      console.error(`[local] cannot load ${opts.functionName}; its queue is not consumed:`, err);
      return;
    }
    while (!stopped) {
      let messages;
      try {
        const res = await client.send(
          new ReceiveMessageCommand({
            QueueUrl: opts.queueUrl,
            MaxNumberOfMessages: opts.batchSize,
            WaitTimeSeconds: 1,
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
          { abortSignal: abort.signal },
        );
        messages = res.Messages ?? [];
      } catch {
        if (stopped) break;
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      if (messages.length === 0) continue;
      const records: SQSRecord[] = messages.map((m) => ({
        messageId: m.MessageId ?? randomUUID(),
        receiptHandle: m.ReceiptHandle ?? '',
        body: m.Body ?? '',
        attributes: {
          ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? '1',
          SentTimestamp: m.Attributes?.SentTimestamp ?? String(Date.now()),
          SenderId: m.Attributes?.SenderId ?? 'local',
          ApproximateFirstReceiveTimestamp: m.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
        },
        messageAttributes: Object.fromEntries(
          Object.entries(m.MessageAttributes ?? {}).map(([k, v]) => [k, { dataType: v.DataType ?? 'String', stringValue: v.StringValue }]),
        ),
        md5OfBody: m.MD5OfBody ?? '',
        eventSource: 'aws:sqs',
        eventSourceARN: opts.queueArn,
        awsRegion: 'us-east-1',
      }));
      let failed = new Set<string>(records.map((r) => r.messageId));
      try {
        const result = await handler({ Records: records }, lambdaContext(opts.functionName));
        failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      } catch (err) {
        console.error(`[local] ${opts.functionName} failed on a batch of ${records.length}:`, err);
      }
      const done = records.filter((r) => !failed.has(r.messageId));
      if (done.length > 0) {
        await client
          .send(new DeleteMessageBatchCommand({ QueueUrl: opts.queueUrl, Entries: done.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })) }))
          .catch(() => undefined);
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      abort.abort();
      await loop.catch(() => undefined);
      client.destroy();
    },
  };
}

function lambdaContext(functionName: string): Context {
  const deadline = Date.now() + 60_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
