import { SingleBar, Presets } from 'cli-progress';
import type { ApiClient } from './api-client.ts';
import type { Target } from './target.ts';
import { watchJob } from './watch.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';

/*
 * Following a job to its end on a terminal: a progress bar on stderr (stdout stays for the
 * answer) fed by the WebSocket, or by polling. `ingest` follows the job it started;
 * `jobs mapping --set` and `jobs retry` follow the one they resumed when the stack is their
 * own, which stops when the command exits.
 */

/** A progress bar on stderr, started at 0 in `phase` with `detail`. */
export function startProgressBar(phase: string, detail: string): SingleBar {
  const bar = new SingleBar({ format: ' {phase} [{bar}] {percentage}% | {detail}', hideCursor: true, stream: process.stderr }, Presets.shades_classic);
  bar.start(100, 0, { phase, detail });
  return bar;
}

/** Follow a job until it stops (succeeded, failed, cancelled or waiting for its mapping), moving `bar`; the final job. */
export async function followJob(target: Target, jobId: string, bar: SingleBar | undefined): Promise<ApiJob> {
  const job = await watchJob(target.api, jobId, {
    wsUrl: target.wsUrl,
    apiKey: target.apiKey,
    onProgress: (p) =>
      bar?.update(Math.floor(p.percent), { phase: 'process ', detail: `${p.stage ?? 'queued'} · ${p.rowsRead.toLocaleString()} rows read · ${p.rowsWritten.toLocaleString()} written` }),
  });
  if (job.status === 'succeeded') bar?.update(100);
  return storeCaughtUp(target.api, job, bar);
}

/**
 * A company or contact job's records reach the accounts store just after the job commits:
 * wait for that too, so the summary (and a script's next `accounts list`) sees them.
 */
async function storeCaughtUp(api: ApiClient, job: ApiJob, bar: SingleBar | undefined): Promise<ApiJob> {
  while (job.status === 'succeeded' && job.accountsStore?.state === 'pending') {
    bar?.update(100, { phase: 'store   ', detail: 'merging into the accounts store' });
    await new Promise((r) => setTimeout(r, 200));
    job = await api.get<ApiJob>(`/v1/jobs/${job.jobId}`);
  }
  return job;
}

/** A job a command resumed, followed to its end with a progress bar (none with --json). */
export async function followResumed(target: Target, jobId: string, opts: { json?: boolean; detail: string }): Promise<ApiJob> {
  const bar = opts.json ? undefined : startProgressBar('process ', opts.detail);
  try {
    return await followJob(target, jobId, bar);
  } finally {
    bar?.stop();
  }
}
