// Readers/writer lock per id. Per upload: part uploads of one upload run side by side (shared);
// complete and abort run alone (exclusive). Without it, a complete racing an abort would join
// parts the abort is deleting, and a part rewritten during the join would end up half in the
// object. Per object file (put-object.ts): one commit of its ETag and bytes at a time.

interface Waiter {
  exclusive: boolean;
  grant: () => void;
}

interface LockState {
  readers: number;
  writer: boolean;
  queue: Waiter[];
}

export class UploadLocks {
  private readonly locks = new Map<string, LockState>();

  async run<T>(id: string, exclusive: boolean, fn: () => Promise<T>): Promise<T> {
    await this.acquire(id, exclusive);
    try {
      return await fn();
    } finally {
      this.release(id, exclusive);
    }
  }

  private acquire(id: string, exclusive: boolean): Promise<void> {
    let state = this.locks.get(id);
    if (!state) {
      state = { readers: 0, writer: false, queue: [] };
      this.locks.set(id, state);
    }
    const lock = state;
    return new Promise((resolve) => {
      lock.queue.push({ exclusive, grant: resolve });
      this.drain(id, lock);
    });
  }

  private release(id: string, exclusive: boolean): void {
    const state = this.locks.get(id);
    if (!state) return;
    if (exclusive) state.writer = false;
    else state.readers -= 1;
    this.drain(id, state);
  }

  /** Grants waiters in arrival order, so a waiting complete/abort is not starved by new parts. */
  private drain(id: string, state: LockState): void {
    for (let next = state.queue[0]; next; next = state.queue[0]) {
      if (state.writer || (next.exclusive && state.readers > 0)) break;
      state.queue.shift();
      if (next.exclusive) state.writer = true;
      else state.readers += 1;
      next.grant();
    }
    if (!state.writer && state.readers === 0 && state.queue.length === 0) this.locks.delete(id);
  }
}
