import { Webhook } from 'standardwebhooks';

/** The three Standard Webhooks headers of one delivery attempt. */
export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Sign one attempt with every active secret. The `standardwebhooks` library computes each
 * `v1,<base64 HMAC-SHA256(id.timestamp.body)>`; several signatures are space-separated,
 * which its verifier (and every Standard Webhooks library) accepts when any one matches.
 * The timestamp is the attempt's own time: receivers reject ones older than 5 minutes.
 */
export function signWebhook(input: { msgId: string; timestamp: Date; payload: string; secrets: readonly string[] }): SignedHeaders {
  if (input.secrets.length === 0) throw new Error('signWebhook needs at least one secret');
  const signatures = input.secrets.map((secret) => new Webhook(secret).sign(input.msgId, input.timestamp, input.payload));
  return {
    'webhook-id': input.msgId,
    'webhook-timestamp': String(Math.floor(input.timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
