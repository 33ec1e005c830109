import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/*
 * fauxqs 1.9 hands out at most one message of a FIFO message group per ReceiveMessage (it
 * locks the group after the first). SQS hands out up to MaxNumberOfMessages of one group in
 * a call, in order, and locks the group until they are deleted or visible again. Consumers
 * that coalesce a group's messages within a batch (the progress fan-out) never see more
 * than one locally without this: a burst of a job's ticks is worked off one receive at a
 * time, each waiting for the last.
 *
 * This makes a receive keep taking from the groups it just handed out, in their order,
 * until it has MaxNumberOfMessages or they are empty: fauxqs's own dequeue is called again
 * with only those groups unlocked, so its visibility, receive counts and dead-letter moves
 * apply to every message as before. Groups locked by earlier receives stay locked.
 */
interface InflightEntry {
  message: { messageGroupId?: string };
}
interface FifoQueue {
  isFifo(): boolean;
  fifoMessages: Map<string, unknown[]>;
  fifoLockedGroups: Map<string, number>;
  inflightMessages: Map<string, InflightEntry>;
  dequeueFifo(maxCount: number, visibilityTimeout?: number, dlqResolver?: unknown): { ReceiptHandle: string }[];
}

let patched = false;

/** fauxqs's queue module, the one its app imports (the package exports only its entry point). */
function sqsStoreModule(): string | undefined {
  for (const dir of createRequire(import.meta.url).resolve.paths('fauxqs') ?? []) {
    const file = join(dir, 'fauxqs', 'dist', 'sqs', 'sqsStore.js');
    if (existsSync(file)) return pathToFileURL(file).href;
  }
  return undefined;
}

/** Patch fauxqs's queue class once per process; false if its shape is not the one this was written for. */
export async function receiveFifoGroupsAsSqsDoes(): Promise<boolean> {
  if (patched) return true;
  const url = sqsStoreModule();
  if (!url) return false;
  const store = (await import(url)) as { SqsQueue?: { prototype: FifoQueue } };
  const proto = store.SqsQueue?.prototype;
  if (typeof proto?.dequeueFifo !== 'function') return false;
  const dequeueOnePerGroup = proto.dequeueFifo;
  proto.dequeueFifo = function dequeueFifo(this: FifoQueue, maxCount, visibilityTimeout, dlqResolver) {
    const handed = dequeueOnePerGroup.call(this, maxCount, visibilityTimeout, dlqResolver);
    const limit = Math.min(maxCount, 10);
    while (handed.length > 0 && handed.length < limit) {
      // The groups this receive took from that still hold messages: all their locks are this receive's.
      const groups = new Set<string>();
      for (const m of handed) {
        const group = this.inflightMessages.get(m.ReceiptHandle)?.message.messageGroupId ?? '__default';
        if ((this.fifoMessages.get(group)?.length ?? 0) > 0) groups.add(group);
      }
      if (groups.size === 0) break;
      const held = new Map([...groups].map((g) => [g, this.fifoLockedGroups.get(g) ?? 0]));
      for (const g of groups) this.fifoLockedGroups.delete(g);
      let more: { ReceiptHandle: string }[];
      try {
        more = dequeueOnePerGroup.call(this, limit - handed.length, visibilityTimeout, dlqResolver);
      } finally {
        for (const [g, n] of held) this.fifoLockedGroups.set(g, n + (this.fifoLockedGroups.get(g) ?? 0));
      }
      if (more.length === 0) break;
      handed.push(...more);
    }
    return handed;
  };
  patched = true;
  return true;
}
