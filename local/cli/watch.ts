import WebSocket from 'ws';
import type { ApiClient } from './api-client.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled', 'needs_mapping']);
/** A safety net under the WebSocket: the job is also polled, so a lost frame never hangs the CLI. */
const POLL_MS = 1000;

export interface ProgressUpdate {
  stage: string | null;
  percent: number;
  rowsRead: number;
  rowsWritten: number;
}

/**
 * Follow a job until it stops: live progress over the WebSocket API when a URL is
 * known, polling GET /v1/jobs/{id} as a fallback; resolves with the final job.
 */
export async function watchJob(api: ApiClient, jobId: string, opts: { wsUrl?: string; apiKey: string; onProgress?: (p: ProgressUpdate) => void; timeoutMs?: number }): Promise<ApiJob> {
  let socket: WebSocket | undefined;
  let done = false;
  // A terminal job.status frame wakes the loop at once instead of at the next poll.
  let wake: (() => void) | undefined;
  const deadline = Date.now() + (opts.timeoutMs ?? 24 * 60 * 60 * 1000);
  if (opts.wsUrl) {
    const url = new URL(opts.wsUrl);
    url.searchParams.set('token', opts.apiKey);
    socket = new WebSocket(url);
    socket.on('open', () => socket?.send(JSON.stringify({ action: 'subscribe', jobId })));
    socket.on('message', (data: WebSocket.RawData) => {
      const msg = JSON.parse(String(data)) as { type: string; jobId?: string } & Partial<ProgressUpdate>;
      if (msg.jobId !== jobId || done) return;
      if (msg.type === 'job.progress' || msg.type === 'job.status') {
        opts.onProgress?.({ stage: msg.stage ?? null, percent: msg.percent ?? 0, rowsRead: msg.rowsRead ?? 0, rowsWritten: msg.rowsWritten ?? 0 });
      }
      if (msg.type === 'job.status' && TERMINAL.has(String((msg as { status?: string }).status))) wake?.();
    });
    socket.on('error', () => undefined); // polling carries on without it
  }
  try {
    for (;;) {
      const job = await api.get<ApiJob>(`/v1/jobs/${jobId}`);
      if (TERMINAL.has(job.status)) {
        done = true;
        return job;
      }
      if (!socket || socket.readyState !== WebSocket.OPEN) {
        opts.onProgress?.({ stage: job.stage, percent: job.progress.percent, rowsRead: job.progress.rowsRead, rowsWritten: job.progress.rowsWritten });
      }
      if (Date.now() > deadline) throw new Error(`Job ${jobId} did not finish in time; it is ${job.status}`);
      await new Promise<void>((r) => {
        const timer = setTimeout(r, POLL_MS);
        wake = () => {
          clearTimeout(timer);
          r();
        };
      });
    }
  } finally {
    socket?.close();
  }
}
