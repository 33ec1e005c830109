import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { buildApp } from 'fauxqs';
import { receiveFifoGroupsAsSqsDoes } from './fauxqs-fifo.ts';

export interface QueueDesign {
  name: string;
  /** receives after which a message moves to the `<name>-dlq` queue */
  maxReceiveCount: number;
  /** FIFO, as on AWS: `<name>.fifo` and `<name>-dlq.fifo`, still listed under `name` and `<name>-dlq` */
  fifo?: boolean;
}

/**
 * fauxqs (SQS protocol, in memory) with each queue wired to its dead-letter queue as
 * on AWS. Messages do not survive a restart of the local stack; jobs and files do.
 *
 * The server is built with fauxqs's `buildApp` and listened here, on `host`: its own
 * `startFauxqs` always listens on 0.0.0.0, and fauxqs checks no credentials, so anyone
 * who could reach the port could put a forged completion event on the events queue.
 */
export async function startLocalSqs(opts: { host: string; port?: number; queues: QueueDesign[] }) {
  if (!(await receiveFifoGroupsAsSqsDoes())) console.warn('[local] fauxqs changed: FIFO receives hand out one message per group');
  const app = buildApp({ logger: false });
  const endpoint = await app.listen({ port: opts.port ?? 0, host: opts.host });
  // Queues are made through the protocol, so their URLs carry the address clients reach.
  const client = new SQSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const queueUrls: Record<string, string> = {};
  try {
    const create = async (name: string, fifo: boolean, attributes: Record<string, string>) => {
      const { QueueUrl } = await client.send(
        new CreateQueueCommand({ QueueName: fifo ? `${name}.fifo` : name, Attributes: { ...attributes, ...(fifo && { FifoQueue: 'true' }) } }),
      );
      queueUrls[name] = QueueUrl!;
      return QueueUrl!;
    };
    for (const q of opts.queues) {
      const fifo = q.fifo ?? false;
      const dlqUrl = await create(`${q.name}-dlq`, fifo, { MessageRetentionPeriod: '1209600' });
      const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }));
      await create(q.name, fifo, { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: Attributes!.QueueArn, maxReceiveCount: String(q.maxReceiveCount) }) });
    }
  } catch (err) {
    await app.close();
    throw err;
  } finally {
    client.destroy();
  }
  return { endpoint, queueUrls, close: () => app.close() };
}
