import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { issueApiKey, startLocalStack, type LocalStack, type LocalStackOptions } from '../../local/stack.ts';
import { ApiClient } from '../../local/cli/api-client.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';

export interface TestStack extends LocalStack {
  dataDir: string;
  /** an API client for a fresh tenant (every test uses its own) */
  tenant(role?: 'admin' | 'member' | 'viewer', tenantId?: string, rateLimitRps?: number): Promise<{ api: ApiClient; apiKey: string; tenantId: string }>;
  /** write a file to upload into the stack's data folder (gone with stop()); its path */
  writeScratch(name: string, content: string | Buffer): Promise<string>;
  stop(): Promise<void>;
}

let tenantSeq = 0;

/** The real local stack on random ports with a throwaway data folder (`opts`: e.g. the web console to serve). */
export async function startTestStack(opts: Omit<LocalStackOptions, 'dataDir'> = {}): Promise<TestStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'afp-test-'));
  const stack = await startLocalStack({ ...opts, dataDir });
  return {
    ...stack,
    dataDir,
    async tenant(role = 'admin', tenantId = `t${process.pid}x${++tenantSeq}`, rateLimitRps = 10_000) {
      // Tests poll fast; the rate limit itself is tested with a key that asks for a low one.
      const apiKey = await issueApiKey(tenantId, role, { rateLimitRps });
      return { api: new ApiClient(stack.httpUrl, apiKey), apiKey, tenantId };
    },
    async writeScratch(name, content) {
      const dir = join(dataDir, 'scratch');
      await mkdir(dir, { recursive: true });
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    async stop() {
      await stack.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const BIN = join(import.meta.dirname, '../../local/cli/bin.mjs');

/** `ai-file-parser serve --json` on `dataDir`, in a process of its own; the line it prints first says where. */
export interface ServeInfo {
  httpUrl: string;
  wsUrl: string;
  apiKey: string;
  s3Endpoint: string;
  uploadBucket: string;
  consoleUrl: string;
}

export async function serveProcess(dataDir: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; info: ServeInfo }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--json', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  child.stderr?.resume();
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (c) => reject(new Error(`serve exited with ${c}`)));
  });
  return { child, info: JSON.parse(line) as ServeInfo };
}

/** Every item of a paged list (`path` has its query; the cursor is added). */
export async function allPages<T>(api: ApiClient, path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await api.get(`${path}${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** A finished job's records as downloaded (NDJSON lines): every line once, or the test sees the duplicate. */
export async function downloadRecords(api: ApiClient, jobId: string): Promise<string[]> {
  const { url } = await api.get<{ url: string }>(`/v1/jobs/${jobId}/output?format=ndjson`);
  return (await (await fetch(url)).text()).split('\n').filter((l) => l.length > 0);
}

const TERMINAL = ['succeeded', 'failed', 'cancelled', 'needs_mapping'];

/** Poll a job until it stops (bounded), so a stuck job fails the test instead of hanging it. */
export async function waitForJob(api: ApiClient, jobId: string, timeoutMs = 30_000): Promise<ApiJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await api.get<ApiJob>(`/v1/jobs/${jobId}`);
    // a company or contact job's records reach the accounts store just after the commit
    if (TERMINAL.includes(job.status) && job.accountsStore?.state !== 'pending') return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status} (${job.stage}) after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A WebSocket client that records every frame it receives (`userAgent`: e.g. to pick it out for LOCAL_WS_POST_FAULTS). */
export async function openSocket(wsUrl: string, token: string, opts: { userAgent?: string } = {}) {
  const url = new URL(wsUrl);
  url.searchParams.set('token', token);
  const socket = new WebSocket(url, opts.userAgent ? { headers: { 'user-agent': opts.userAgent } } : {});
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
