import '../local/polyfills.ts';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { issueApiKey, startLocalStack } from '../local/stack.ts';
import { ApiClient } from '../local/cli/api-client.ts';
import type { UploadedParts } from '../local/cli/upload.ts';
import type { ApiJob } from '../functions/core/jobs/job.ts';
import { mib, readProcMemory, resetPeakRss } from './proc-memory.ts';

/*
 * One measured ingest, in its own process: the local stack runs in-process with the
 * handlers, so this process's memory IS the pipeline's memory. It boots a fresh stack,
 * uploads the file the way the CLI does (presigned parts), resets the peak-RSS counter,
 * then times upload-complete -> succeeded and reports the job and the peak.
 *
 * Parent protocol (IPC): { type: 'pipeline-start', pid } when the clock starts, then
 * { type: 'result', result } or { type: 'error', message }. Run alone, it prints the
 * result as JSON.
 */

export interface ChildResult {
  rows: number;
  bytes: number;
  uploadMs: number;
  /** POST complete sent -> job.finishedAt (same process clock) */
  wallMs: number;
  /** first stage startedAt -> last stage endedAt, from the job's own timings */
  stagesMs: number;
  /** VmHWM after the job, counted from a reset just before complete */
  peakRssBytes: number;
  /** RSS when the job started: the booted stack plus what the upload left behind */
  startRssBytes: number;
  peakResetWorked: boolean;
  heapUsedAtEndBytes: number;
  job: ApiJob;
  /** the first records of the output, for the parity check against DuckDB's */
  sample: Record<string, unknown>[];
  /** status polls that failed while the job ran (the API shares the event loop with the stages) */
  pollErrors: number;
  /** the longest the event loop was blocked during the job: how long the API, WebSocket pushes and progress froze */
  maxLoopStallMs: number;
  /** CPU time of the whole process (all its threads) from complete to succeeded: steadier than wall time on a shared machine */
  cpuMs: number;
}

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    'data-dir': { type: 'string' },
    schema: { type: 'string', default: 'call_record' },
    timeout: { type: 'string', default: '1800' },
  },
});
if (!values.file || !values['data-dir']) {
  console.error('usage: pipeline-child --file F --data-dir D [--schema call_record] [--timeout seconds]');
  process.exit(2);
}

const SAMPLE = 200;

const send = (msg: object) => {
  if (process.send) process.send(msg);
};

/**
 * Create a session and PUT every part, without completing (the clock starts at complete).
 * In a process of its own, as a client would be: its buffers are not the pipeline's memory.
 */
async function uploadParts(stackUrl: string, apiKey: string, file: string): Promise<UploadedParts> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'upload-parts.ts'), stackUrl, file], {
    env: { ...process.env, AFP_API_KEY: apiKey },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the upload client exited with ${code}`);
  return JSON.parse(out) as UploadedParts;
}

async function main(file: string, dataDir: string): Promise<ChildResult> {
  const stack = await startLocalStack({ dataDir, warmWorkers: true });
  try {
    const apiKey = await issueApiKey('bench', 'admin');
    const api = new ApiClient(stack.httpUrl, apiKey);
    const uploadStart = Date.now();
    const upload = await uploadParts(stack.httpUrl, apiKey, file);
    const uploadMs = Date.now() - uploadStart;

    // Drop the upload's garbage and restart the peak counter: what follows is the pipeline.
    (globalThis as { gc?: () => void }).gc?.();
    const peakResetWorked = resetPeakRss();
    const startRssBytes = readProcMemory('self')?.rssBytes ?? process.memoryUsage().rss;
    send({ type: 'pipeline-start', pid: process.pid });
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    const { jobId } = await api.post<{ jobId: string }>(`/v1/uploads/${upload.sessionId}/complete`, { parts: upload.parts, schema: values.schema });

    const deadline = t0 + Number(values.timeout) * 1000;
    let job: ApiJob | undefined;
    let pollErrors = 0;
    let lastError = '';
    for (;;) {
      try {
        job = await api.get<ApiJob>(`/v1/jobs/${jobId}`);
        if (['succeeded', 'failed', 'cancelled', 'needs_mapping'].includes(job.status)) break;
      } catch (err) {
        // The API shares this process with the stages: a stage that holds the event loop
        // makes a poll fail. Count it and keep polling; the job is what is measured.
        pollErrors++;
        lastError = err instanceof Error ? `${err.message}${err.cause ? ` (${String(err.cause)})` : ''}` : String(err);
      }
      if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job?.status} (${job?.stage}) after ${values.timeout} s; last poll error: ${lastError}`);
      await sleep(250);
    }
    loopDelay.disable();
    const cpu = process.cpuUsage(cpu0);
    const end = job.finishedAt ? Date.parse(job.finishedAt) : Date.now();
    const timings = Object.values(job.stages);
    const firstStart = Math.min(...timings.map((t) => Date.parse(t.startedAt)));
    const lastEnd = Math.max(...timings.map((t) => (t.endedAt ? Date.parse(t.endedAt) : NaN)).filter(Number.isFinite));
    const mem = readProcMemory('self');
    const sample =
      job.status === 'succeeded' ? (await api.get<{ items: Record<string, unknown>[] }>(`/v1/jobs/${jobId}/records?limit=${SAMPLE}`)).items : [];
    return {
      rows: job.progress.rowsRead,
      bytes: upload.size,
      uploadMs,
      wallMs: end - t0,
      stagesMs: lastEnd - firstStart,
      peakRssBytes: mem?.hwmBytes ?? NaN,
      startRssBytes,
      peakResetWorked,
      heapUsedAtEndBytes: process.memoryUsage().heapUsed,
      job,
      sample,
      pollErrors,
      maxLoopStallMs: loopDelay.max / 1e6,
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
  } finally {
    await stack.close();
  }
}

main(values.file, values['data-dir']).then(
  (result) => {
    if (process.send) send({ type: 'result', result });
    else console.log(JSON.stringify({ ...result, peakRssMiB: mib(result.peakRssBytes).toFixed(1) }, null, 2));
    process.exit(0);
  },
  (err: unknown) => {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    if (process.send) send({ type: 'error', message });
    else console.error(message);
    process.exit(1);
  },
);
