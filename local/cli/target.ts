import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApiClient } from './api-client.ts';

/** Flags every command understands (where to send requests, how to print). */
export const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  endpoint: { type: 'string' },
  'api-key': { type: 'string' },
  'ws-endpoint': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface GlobalFlags {
  json?: boolean;
  'data-dir'?: string;
  endpoint?: string;
  'api-key'?: string;
  'ws-endpoint'?: string;
  verbose?: boolean;
}

/**
 * --verbose: the embedded stack's functions print their metrics as EMF lines on stdout, one per
 * event, as Lambda writes them to CloudWatch Logs. Not with --json, whose stdout is the answer alone.
 */
export function printMetricsOf(flags: GlobalFlags): boolean {
  if (flags.verbose && flags.json) throw new Error('--verbose prints metric lines on stdout: it cannot be combined with --json');
  return flags.verbose === true;
}

/** Where a command's requests go: a deployed stack, a running `serve`, or a stack booted here. */
export interface Target {
  api: ApiClient;
  apiKey: string;
  wsUrl?: string;
  /** the stack was booted by this command and stops with it: a job it starts must end first */
  embedded: boolean;
  close(): Promise<void>;
}

/** Written by `serve` so other commands on the same data folder use it instead of a second stack. */
export const serverFile = (dataDir: string) => join(dataDir, 'server.json');
export const dataDirOf = (flags: GlobalFlags) => resolve(flags['data-dir'] ?? '.local-stack');

export function readRunningServer(dataDir: string): { httpUrl: string; wsUrl: string; apiKey: string; dynamoEndpoint?: string } | undefined {
  const file = serverFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; httpUrl: string; wsUrl: string; apiKey: string; dynamoEndpoint?: string };
    process.kill(info.pid, 0);
    return info;
  } catch {
    return undefined; // stale file from a stack that is gone
  }
}

export async function resolveTarget(flags: GlobalFlags): Promise<Target> {
  const endpoint = flags.endpoint ?? process.env.AI_FILE_PARSER_ENDPOINT;
  if (endpoint) {
    const apiKey = flags['api-key'] ?? process.env.AI_FILE_PARSER_API_KEY;
    if (!apiKey) throw new Error('--endpoint needs --api-key (or AI_FILE_PARSER_API_KEY)');
    return { api: new ApiClient(endpoint, apiKey), apiKey, wsUrl: flags['ws-endpoint'] ?? process.env.AI_FILE_PARSER_WS_ENDPOINT, embedded: false, close: async () => undefined };
  }
  const dataDir = dataDirOf(flags);
  const running = readRunningServer(dataDir);
  if (running) return { api: new ApiClient(running.httpUrl, running.apiKey), apiKey: running.apiKey, wsUrl: running.wsUrl, embedded: false, close: async () => undefined };
  const { startLocalStack } = await import('../stack.ts');
  const stack = await startLocalStack({ dataDir, printMetrics: printMetricsOf(flags) });
  return {
    api: new ApiClient(stack.httpUrl, stack.apiKey),
    apiKey: stack.apiKey,
    wsUrl: stack.wsUrl,
    embedded: true,
    // stopping the stack would abort a job still running on it (ExecutionAborted): it ends first
    close: async () => {
      await stack.settle((n) => process.stderr.write(`Waiting for ${n} running job(s) to finish: this command's local stack stops when it exits (run 'ai-file-parser serve' to keep one running)\n`));
      await stack.close();
    },
  };
}

/** Run against the resolved target and always release it (a booted stack is closed). */
export async function withTarget(flags: GlobalFlags, run: (t: Target) => Promise<number>): Promise<number> {
  const target = await resolveTarget(flags);
  try {
    return await run(target);
  } finally {
    await target.close();
  }
}

/** Print an API answer: JSON with --json (or always, for data commands), else a readable form. */
export function printJson(value: unknown, pretty = false): void {
  process.stdout.write(`${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`);
}

/** A command module: its usage lines and how it runs with its own argv (after the command word). */
export interface Command {
  usage: string;
  run(argv: string[]): Promise<number>;
}
