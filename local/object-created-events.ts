import type { ObjectCreatedEvent } from './s3/object-events.ts';

/*
 * What EventBridge does on AWS between the upload bucket and the functions of
 * OBJECT_CREATED_CONSUMERS: match the bucket and the key prefix (the rule's pattern), invoke
 * the function asynchronously, and retry a failed invoke with backoff.
 */

export type ObjectCreatedHandler = (event: ObjectCreatedEvent) => Promise<unknown>;

export interface ObjectCreatedDeliveryOptions {
  bucket: string;
  consumers: readonly { prefix: string; fn: string }[];
  loadHandler(fn: string): Promise<ObjectCreatedHandler>;
  /** waits before each retry (EventBridge backs off too); default 0.2 s, 1 s, 5 s */
  retryDelaysMs?: number[];
}

export interface ObjectCreatedDelivery {
  deliver(event: ObjectCreatedEvent): void;
  /** until every delivery in flight is done (before the stack's servers stop) */
  drain(): Promise<void>;
}

export function createObjectCreatedDelivery(opts: ObjectCreatedDeliveryOptions): ObjectCreatedDelivery {
  const delays = opts.retryDelaysMs ?? [200, 1000, 5000];
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const invoke = async (fn: string, event: ObjectCreatedEvent) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await (await opts.loadHandler(fn))(event);
        return;
      } catch (err) {
        const wait = delays[attempt];
        if (wait === undefined || stopping) {
          console.error(`[local-eventbridge] ${fn} failed on ${event.detail.object.key} after ${attempt + 1} attempt(s)`, err);
          return;
        }
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  };
  return {
    deliver(event) {
      if (stopping || event.detail.bucket.name !== opts.bucket) return;
      for (const consumer of opts.consumers) {
        if (!event.detail.object.key.startsWith(consumer.prefix)) continue;
        const delivery = invoke(consumer.fn, event).finally(() => inFlight.delete(delivery));
        inFlight.add(delivery);
      }
    },
    async drain() {
      stopping = true;
      await Promise.all([...inFlight]);
    },
  };
}
