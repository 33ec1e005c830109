import { startFauxqs } from 'fauxqs';

export interface QueueDesign {
  name: string;
  /** receives after which a message moves to the `<name>-dlq` queue */
  maxReceiveCount: number;
}

/**
 * fauxqs (SQS protocol, in memory) with each queue wired to its dead-letter queue as
 * on AWS. Messages do not survive a restart of the local stack; jobs and files do.
 */
export async function startLocalSqs(opts: { host: string; port?: number; queues: QueueDesign[] }) {
  const server = await startFauxqs({ port: opts.port ?? 0, logger: false });
  const queueUrls: Record<string, string> = {};
  for (const q of opts.queues) {
    const dlq = server.createQueue(`${q.name}-dlq`, { attributes: { MessageRetentionPeriod: '1209600' } });
    const main = server.createQueue(q.name, {
      attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.queueArn, maxReceiveCount: String(q.maxReceiveCount) }) },
    });
    queueUrls[q.name] = main.queueUrl;
    queueUrls[`${q.name}-dlq`] = dlq.queueUrl;
  }
  return { endpoint: server.address, queueUrls, close: () => server.stop() };
}
