import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = resolve(import.meta.dirname, '..');

export interface Served {
  child: ChildProcess;
  httpUrl: string;
  wsUrl: string;
  apiKey: string;
}

/**
 * `ai-file-parser serve --json` on a throwaway data folder, in its own process as a server
 * would be (the benchmark's clients then cost the server nothing); the first stdout line says where.
 */
export async function serve(dataDir: string, opts: { env?: NodeJS.ProcessEnv; nodeArgs?: string[]; onLine?: (line: string) => void } = {}): Promise<Served> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), join(ROOT, 'local/cli/bin.mjs'), 'serve', '--json', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-8000);
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    // With logs on, log lines may come first: the address is the line that names httpUrl.
    new Promise<string>((resolveLine) => {
      const first = (line: string) => {
        if (!line.includes('"httpUrl"')) return;
        lines.off('line', first);
        resolveLine(line);
      };
      lines.on('line', first);
    }),
    new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))),
    sleep(60_000).then(() => {
      throw new Error(`serve did not start in 60 s: ${stderr}`);
    }),
  ]);
  const onLine = opts.onLine;
  if (onLine) lines.on('line', onLine);
  else {
    lines.close();
    child.stdout?.resume();
  }
  const info = JSON.parse(first) as { httpUrl: string; wsUrl: string; apiKey: string };
  return { child, ...info };
}
