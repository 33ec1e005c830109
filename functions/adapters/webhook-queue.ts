import { ChangeMessageVisibilityCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import * as z from 'zod/mini';
import { sqsClient } from './sqs-client.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';

/**
 * One message on the webhooks queue = one automatic attempt of one delivery. It only points
 * at the delivery (the body to send lives in the delivery item), so it stays small and a
 * replayed or stale message can always be checked against the stored state. zod/mini: the
 * delivery function validates nothing else, and classic zod would add ~30 ms to its cold start.
 */
export const deliveryMessageSchema = z.object({
  v: z.literal(1),
  tenantId: z.string().check(z.minLength(1)),
  webhookId: z.string().check(z.minLength(1)),
  deliveryId: z.string().check(z.minLength(1)),
  /** the automatic attempt this message is for, 1..MAX_ATTEMPTS */
  attempt: z.int().check(z.minimum(1)),
  /** epoch ms before which the attempt must not be made (waits longer than SQS's 15 min) */
  notBefore: z.int().check(z.minimum(0)),
  /** set once every attempt failed: the message is only on its way to the dead-letter queue */
  exhausted: z.optional(z.object({ reason: z.string(), lastError: z.optional(z.string()) })),
});
export type DeliveryMessage = z.infer<typeof deliveryMessageSchema>;

export const webhookQueue = {
  async send(message: DeliveryMessage, delaySeconds = 0): Promise<void> {
    await sqsClient().send(
      new SendMessageCommand({
        QueueUrl: requiredEnv(ENV.webhooksQueueUrl),
        MessageBody: JSON.stringify(message),
        DelaySeconds: Math.max(0, Math.min(900, Math.floor(delaySeconds))),
      }),
    );
  },

  /**
   * Make a message visible again at once, so a message that is being failed on purpose
   * (exhausted, unreadable) reaches the queue's maxReceiveCount, and so its dead-letter
   * queue, in seconds instead of five visibility timeouts.
   */
  async releaseNow(receiptHandle: string): Promise<void> {
    await sqsClient().send(
      new ChangeMessageVisibilityCommand({ QueueUrl: requiredEnv(ENV.webhooksQueueUrl), ReceiptHandle: receiptHandle, VisibilityTimeout: 0 }),
    );
  },
};
