import { parseArgs } from 'node:util';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { ApiClient, ApiError } from './api-client.ts';
import { uploadFile } from './upload.ts';
import { watchJob } from './watch.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';

const USAGE = `Usage: ai-file-parser <command> [options]

Commands:
  ingest <file> [--schema S] [--timezone TZ] [--region CC] [--currency CUR] [--no-wait] [--json]
                          upload a file, start its job, follow it to the end
  jobs list [--status S] [--limit N] [--cursor C] [--json]
  jobs get <jobId> [--json]
  jobs records <jobId> [--limit N] [--cursor C]      (JSON)
  jobs errors <jobId> [--limit N] [--cursor C]       (JSON)
  serve [--port N] [--data-dir D] [--json]           run the local stack until Ctrl-C

Targets: with no --endpoint the embedded local stack runs in this process (state in
./.local-stack, or --data-dir), or a running 'serve' on that data folder is used.
  --endpoint URL --api-key KEY [--ws-endpoint URL]   a deployed stack
  (or AI_FILE_PARSER_ENDPOINT, AI_FILE_PARSER_API_KEY, AI_FILE_PARSER_WS_ENDPOINT)`;

const options = {
  schema: { type: 'string' },
  timezone: { type: 'string' },
  region: { type: 'string' },
  currency: { type: 'string' },
  'no-wait': { type: 'boolean' },
  json: { type: 'boolean' },
  status: { type: 'string' },
  limit: { type: 'string' },
  cursor: { type: 'string' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  endpoint: { type: 'string' },
  'api-key': { type: 'string' },
  'ws-endpoint': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

interface Target {
  api: ApiClient;
  apiKey: string;
  wsUrl?: string;
  close(): Promise<void>;
}

/** Written by `serve` so other commands on the same data folder use it instead of a second stack. */
const serverFile = (dataDir: string) => join(dataDir, 'server.json');

/** Exit codes: 0 success, 1 the job did not succeed, 2 usage or request error. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values: flags, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (flags.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || flags.help ? 0 : 2;
  }
  try {
    switch (command) {
      case 'serve':
        return await serve(flags);
      case 'ingest':
        return await withTarget(flags, (t) => ingest(t, rest[0], flags));
      case 'jobs':
        return await withTarget(flags, (t) => jobs(t, rest, flags));
      default:
        process.stderr.write(`Unknown command '${command}'\n\n${USAGE}\n`);
        return 2;
    }
  } catch (err) {
    if (err instanceof ApiError) {
      const details = err.details ? ` ${JSON.stringify(err.details)}` : '';
      process.stderr.write(`Error: ${err.message} (${err.code}, HTTP ${err.status})${details}\n`);
    } else {
      process.stderr.write(`Error: ${(err as Error).message}\n`);
    }
    return 2;
  }
}

async function withTarget(flags: Flags, run: (t: Target) => Promise<number>): Promise<number> {
  const target = await resolveTarget(flags);
  try {
    return await run(target);
  } finally {
    await target.close();
  }
}

async function resolveTarget(flags: Flags): Promise<Target> {
  const endpoint = flags.endpoint ?? process.env.AI_FILE_PARSER_ENDPOINT;
  if (endpoint) {
    const apiKey = flags['api-key'] ?? process.env.AI_FILE_PARSER_API_KEY;
    if (!apiKey) throw new Error('--endpoint needs --api-key (or AI_FILE_PARSER_API_KEY)');
    return { api: new ApiClient(endpoint, apiKey), apiKey, wsUrl: flags['ws-endpoint'] ?? process.env.AI_FILE_PARSER_WS_ENDPOINT, close: async () => undefined };
  }
  const dataDir = resolve(flags['data-dir'] ?? '.local-stack');
  const running = readRunningServer(dataDir);
  if (running) return { api: new ApiClient(running.httpUrl, running.apiKey), apiKey: running.apiKey, wsUrl: running.wsUrl, close: async () => undefined };
  const { startLocalStack } = await import('../stack.ts');
  const stack = await startLocalStack({ dataDir });
  return { api: new ApiClient(stack.httpUrl, stack.apiKey), apiKey: stack.apiKey, wsUrl: stack.wsUrl, close: () => stack.close() };
}

function readRunningServer(dataDir: string): { httpUrl: string; wsUrl: string; apiKey: string } | undefined {
  const file = serverFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; httpUrl: string; wsUrl: string; apiKey: string };
    process.kill(info.pid, 0);
    return info;
  } catch {
    return undefined; // stale file from a stack that is gone
  }
}

async function serve(flags: Flags): Promise<number> {
  const dataDir = resolve(flags['data-dir'] ?? '.local-stack');
  if (readRunningServer(dataDir)) throw new Error(`A local stack is already serving ${dataDir}`);
  const port = flags.port ? Number(flags.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65534) throw new Error('--port must be a port number');
  const { startLocalStack } = await import('../stack.ts');
  const stack = await startLocalStack({ dataDir, port });
  const info = { httpUrl: stack.httpUrl, wsUrl: stack.wsUrl, apiKey: stack.apiKey };
  writeFileSync(serverFile(dataDir), JSON.stringify({ ...info, pid: process.pid }), { mode: 0o600 });
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(info)}\n`);
  } else {
    process.stdout.write(
      `ai-file-parser local stack is running (data in ${dataDir})\n` +
        `  HTTP API:  ${info.httpUrl}/v1\n  WebSocket: ${info.wsUrl}\n  API key:   ${info.apiKey}   (tenant "dev", admin)\n` +
        `Press Ctrl-C to stop.\n`,
    );
  }
  await new Promise<void>((resolveStop) => {
    process.once('SIGINT', () => resolveStop());
    process.once('SIGTERM', () => resolveStop());
  });
  rmSync(serverFile(dataDir), { force: true });
  await stack.close();
  return 0;
}

async function ingest(target: Target, file: string | undefined, flags: Flags): Promise<number> {
  if (!file) throw new Error('ingest needs a file: ai-file-parser ingest <file>');
  if (!existsSync(file)) throw new Error(`No such file: ${file}`);
  const started = Date.now();
  const bar = flags.json ? undefined : new SingleBar({ format: ' {phase} [{bar}] {percentage}% | {detail}', hideCursor: true, stream: process.stderr }, Presets.shades_classic);
  bar?.start(100, 0, { phase: 'upload  ', detail: '' });
  const jobOptions: Record<string, string> = {};
  if (flags.timezone) jobOptions.timezone = flags.timezone;
  if (flags.region) jobOptions.defaultRegion = flags.region;
  if (flags.currency) jobOptions.defaultCurrency = flags.currency;
  let jobId: string;
  try {
    ({ jobId } = await uploadFile(target.api, file, {
      schema: flags.schema,
      options: jobOptions,
      onProgress: (sent, total) => bar?.update(total ? Math.floor((sent / total) * 100) : 100, { phase: 'upload  ', detail: `${formatBytes(sent)} of ${formatBytes(total)}` }),
    }));
  } catch (err) {
    bar?.stop();
    throw err;
  }
  if (flags['no-wait']) {
    bar?.stop();
    const job = await target.api.get<ApiJob>(`/v1/jobs/${jobId}`);
    process.stdout.write(flags.json ? `${JSON.stringify(job)}\n` : `Started job ${jobId}\n`);
    return 0;
  }
  bar?.update(0, { phase: 'process ', detail: 'queued' });
  const job = await watchJob(target.api, jobId, {
    wsUrl: target.wsUrl,
    apiKey: target.apiKey,
    onProgress: (p) => bar?.update(Math.floor(p.percent), { phase: 'process ', detail: `${p.stage ?? 'queued'} · ${p.rowsRead.toLocaleString()} rows read · ${p.rowsWritten.toLocaleString()} written` }),
  });
  if (job.status === 'succeeded') bar?.update(100);
  bar?.stop();
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(job)}\n`);
  } else {
    await printSummary(target.api, job, Date.now() - started);
  }
  return job.status === 'succeeded' ? 0 : 1;
}

async function printSummary(api: ApiClient, job: ApiJob, elapsedMs: number) {
  const p = job.progress;
  const lines = [
    `${job.status === 'succeeded' ? '✔' : '✖'} ${job.status}  ${job.source.filename} -> ${job.mapping?.fields ? (job.classification?.schema.name ?? job.schema) : job.schema}  (job ${job.jobId})`,
    `  rows:   ${p.rowsRead.toLocaleString()} read, ${p.rowsWritten.toLocaleString()} written, ${p.rowsRejected.toLocaleString()} rejected${p.rowsSkipped ? `, ${p.rowsSkipped} summary lines skipped` : ''}`,
    `  time:   ${(elapsedMs / 1000).toFixed(1)} s  (${Object.entries(job.stages)
      .map(([s, t]) => `${s} ${t.durationMs ?? '?'} ms`)
      .join(', ')})`,
  ];
  if (job.classification) {
    const c = job.classification;
    lines.push(`  file:   ${c.format}, ${c.encoding}${c.delimiter ? `, delimiter ${JSON.stringify(c.delimiter)}` : ''}, header on line ${c.headerRow + 1}`);
  }
  if (job.error) lines.push(`  error:  ${job.error.type} in ${job.error.stage ?? 'pipeline'}: ${job.error.message}`);
  if (job.output) lines.push(`  output: ${job.output.records.join(', ')}`);
  if (p.rowsRejected > 0) lines.push(`  rejected rows: ai-file-parser jobs errors ${job.jobId}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (job.status === 'succeeded' && p.rowsWritten > 0) {
    const { items } = await api.get<{ items: unknown[] }>(`/v1/jobs/${job.jobId}/records?limit=3`);
    process.stdout.write(`  first records:\n${items.map((r) => `    ${JSON.stringify(r)}`).join('\n')}\n`);
  }
}

async function jobs(target: Target, args: string[], flags: Flags): Promise<number> {
  const [sub, jobId] = args;
  const page = new URLSearchParams();
  if (flags.limit) page.set('limit', flags.limit);
  if (flags.cursor) page.set('cursor', flags.cursor);
  switch (sub) {
    case 'list': {
      if (flags.status) page.set('status', flags.status);
      const res = await target.api.get<{ items: ApiJob[]; nextCursor: string | null }>(`/v1/jobs?${page}`);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(res)}\n`);
      } else {
        for (const j of res.items) {
          process.stdout.write(`${j.jobId}  ${j.status.padEnd(13)} ${String(j.progress.rowsWritten).padStart(9)} rows  ${j.createdAt}  ${j.source.filename}\n`);
        }
        if (res.nextCursor) process.stdout.write(`more: --cursor ${res.nextCursor}\n`);
      }
      return 0;
    }
    case 'get': {
      if (!jobId) throw new Error('jobs get needs a job id');
      const job = await target.api.get<ApiJob>(`/v1/jobs/${jobId}`);
      process.stdout.write(flags.json ? `${JSON.stringify(job)}\n` : `${JSON.stringify(job, null, 2)}\n`);
      return 0;
    }
    case 'records':
    case 'errors': {
      if (!jobId) throw new Error(`jobs ${sub} needs a job id`);
      const res = await target.api.get<unknown>(`/v1/jobs/${jobId}/${sub}?${page}`);
      process.stdout.write(`${JSON.stringify(res)}\n`);
      return 0;
    }
    default:
      throw new Error(`Unknown jobs command '${sub ?? ''}': use list, get, records or errors`);
  }
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
