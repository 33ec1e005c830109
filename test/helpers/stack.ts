import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { issueApiKey, startLocalStack, type LocalStack } from '../../local/stack.ts';
import { ApiClient } from '../../local/cli/api-client.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';

export interface TestStack extends LocalStack {
  dataDir: string;
  /** an API client for a fresh tenant (every test uses its own) */
  tenant(role?: 'admin' | 'member' | 'viewer', tenantId?: string, rateLimitRps?: number): Promise<{ api: ApiClient; apiKey: string; tenantId: string }>;
  stop(): Promise<void>;
}

let tenantSeq = 0;

/** The real local stack on random ports with a throwaway data folder. */
export async function startTestStack(): Promise<TestStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'afp-test-'));
  const stack = await startLocalStack({ dataDir });
  return {
    ...stack,
    dataDir,
    async tenant(role = 'admin', tenantId = `t${process.pid}x${++tenantSeq}`, rateLimitRps = 10_000) {
      // Tests poll fast; the rate limit itself is tested with a key that asks for a low one.
      const apiKey = await issueApiKey(tenantId, role, { rateLimitRps });
      return { api: new ApiClient(stack.httpUrl, apiKey), apiKey, tenantId };
    },
    async stop() {
      await stack.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const TERMINAL = ['succeeded', 'failed', 'cancelled', 'needs_mapping'];

/** Poll a job until it stops (bounded), so a stuck job fails the test instead of hanging it. */
export async function waitForJob(api: ApiClient, jobId: string, timeoutMs = 30_000): Promise<ApiJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await api.get<ApiJob>(`/v1/jobs/${jobId}`);
    if (TERMINAL.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status} (${job.stage}) after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A WebSocket client that records every frame it receives. */
export async function openSocket(wsUrl: string, token: string) {
  const url = new URL(wsUrl);
  url.searchParams.set('token', token);
  const socket = new WebSocket(url);
  const messages: Record<string, unknown>[] = [];
  socket.on('message', (data: WebSocket.RawData) => messages.push(JSON.parse(String(data)) as Record<string, unknown>));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  return {
    socket,
    messages,
    send: (msg: object) => socket.send(JSON.stringify(msg)),
    async waitFor(predicate: (m: Record<string, unknown>) => boolean, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching message; got ${JSON.stringify(messages.slice(-5))}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => socket.close(),
  };
}
