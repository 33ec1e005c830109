import type { LiveMessage } from './api-types.ts';

/*
 * Live job status over the WebSocket API: one connection per signed-in session, any number
 * of job subscriptions on it. The server sends a job's current status on subscribe, so a
 * (re)subscription never misses where a job is; after a dropped connection every job is
 * subscribed again.
 */

type Listener = (message: LiveMessage) => void;

export class LiveJobs {
  #socket: WebSocket | undefined;
  #listeners = new Map<string, Set<Listener>>();
  #retryMs = 500;
  #closed = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly wsUrl: string,
    private readonly apiKey: string,
  ) {}

  /** Follow a job; the returned function stops following it. */
  subscribe(jobId: string, listener: Listener): () => void {
    let set = this.#listeners.get(jobId);
    if (!set) {
      set = new Set();
      this.#listeners.set(jobId, set);
      this.#send({ action: 'subscribe', jobId });
    }
    set.add(listener);
    this.#connect();
    return () => {
      const current = this.#listeners.get(jobId);
      current?.delete(listener);
      if (current?.size === 0) {
        this.#listeners.delete(jobId);
        this.#send({ action: 'unsubscribe', jobId });
      }
    };
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#socket?.close();
  }

  #send(message: object): void {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
    // not open yet: the open handler subscribes every job
  }

  #connect(): void {
    if (this.#socket || this.#closed) return;
    const url = new URL(this.wsUrl);
    url.searchParams.set('token', this.apiKey);
    const socket = new WebSocket(url);
    this.#socket = socket;
    socket.addEventListener('open', () => {
      this.#retryMs = 500;
      for (const jobId of this.#listeners.keys()) socket.send(JSON.stringify({ action: 'subscribe', jobId }));
    });
    socket.addEventListener('message', (event) => {
      let message: LiveMessage;
      try {
        message = JSON.parse(String(event.data)) as LiveMessage;
      } catch {
        return;
      }
      if (message.jobId) for (const listener of this.#listeners.get(message.jobId) ?? []) listener(message);
    });
    socket.addEventListener('close', () => {
      this.#socket = undefined;
      if (this.#closed || this.#listeners.size === 0) return;
      // back off up to 10 s; the screens still show the last status they read
      this.#timer = setTimeout(() => this.#connect(), this.#retryMs);
      this.#retryMs = Math.min(this.#retryMs * 2, 10_000);
    });
  }
}
