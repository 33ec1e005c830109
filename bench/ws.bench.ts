import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { ApiClient } from '../local/cli/api-client.ts';
import { uploadFile, uploadParts } from '../local/cli/upload.ts';
import type { ApiJob } from '../functions/core/jobs/job.ts';
import { writeCallRecordCsv } from './call-records.ts';
import { fmtInt, fmtMs, fmtRatio, loadNow, machineBusyPercent, machineLine, printTable, printVerdicts, type Verdict } from './report.ts';
import { serve, type Served } from './serve.ts';

/*
 * npm run bench:ws [-- --rows 100000 --subscribers 1000 --jobs 100 --cpu-prof <dir>]
 *
 * WebSocket progress under load, in one run against one `serve` process (the clients run
 * here, so their cost is not the server's):
 *   1. the same call log ingested with no subscriber, then with 1,000 subscribed to its job:
 *      job wall time (POST complete -> finishedAt) of each and their ratio;
 *   2. of the 1,000: the most job.progress messages one subscriber got in any second, and
 *      the time from the job's finishedAt to the last subscriber's final job.status;
 *   3. 1,000 new connections spread over 100 jobs: time until all are open, then until all
 *      are subscribed.
 * One machine, one clock: receive times and finishedAt compare directly.
 *
 * The serve process's CPU time (all its threads: the pipeline's workers, dynalite, and the
 * main thread that also runs the fan-out, the ws function and the local @connections API)
 * is read from /proc for each job, and this process's (the 1,000 clients) too: the
 * difference between the two jobs is what delivery cost on the same two cores, which on
 * AWS is API Gateway's and the fan-out Lambda's, not the pipeline's.
 */

const TARGET_WALL_RATIO = 1.2;
const TARGET_PROGRESS_PER_SECOND = 4;
const TARGET_FINAL_LAG_MS = 1000;
const TARGET_CONNECT_MS = 3000;

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    subscribers: { type: 'string', default: '1000' },
    jobs: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    // where the serve process writes a V8 CPU profile when it stops (where delivery's CPU goes)
    'cpu-prof': { type: 'string' },
  },
});
const ROWS = Number(values.rows);
const SUBSCRIBERS = Number(values.subscribers);
const JOBS = Number(values.jobs);

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, '.bench'); // git-ignored
const TERMINAL = ['succeeded', 'failed', 'cancelled', 'needs_mapping'];

type Message = Record<string, unknown>;

/** CPU time (user + system, ms) of a process so far, all its threads; NaN where /proc is not there. */
function cpuMsOf(pid: number | undefined): number {
  try {
    // fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 Hz on Linux)
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** One client connection and what it heard, stamped on arrival. */
interface Client {
  socket: WebSocket;
  heard: { at: number; msg: Message }[];
}

async function ensureFile(rows: number): Promise<string> {
  const path = join(WORK, `call-records-${rows}-seed${values.seed}.csv`);
  if (!existsSync(path)) {
    await writeCallRecordCsv(`${path}.tmp`, rows, Number(values.seed));
    await rename(`${path}.tmp`, path);
  }
  return path;
}

function openClient(server: Served): Promise<Client> {
  const url = new URL(server.wsUrl);
  url.searchParams.set('token', server.apiKey);
  const socket = new WebSocket(url);
  const client: Client = { socket, heard: [] };
  socket.on('message', (data: WebSocket.RawData) => client.heard.push({ at: Date.now(), msg: JSON.parse(String(data)) as Message }));
  return new Promise((resolveOpen, reject) => {
    socket.once('open', () => resolveOpen(client));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
}

/** Open `n` connections at once; how long until the last is open (or refused), and how many were refused. */
async function openClients(server: Served, n: number): Promise<{ clients: Client[]; ms: number; refused: number }> {
  const t0 = Date.now();
  const settled = await Promise.allSettled(Array.from({ length: n }, () => openClient(server)));
  const clients = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  return { clients, ms: Date.now() - t0, refused: n - clients.length };
}

/** Wait until `check` holds or `timeoutMs` passes; whether it held. */
async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

async function waitForJob(api: ApiClient, jobId: string, timeoutMs = 900_000): Promise<ApiJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await api.get<ApiJob>(`/v1/jobs/${jobId}`);
    if (TERMINAL.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status} (${job.stage})`);
    await sleep(250);
  }
}

const isFinal = (m: Message, jobId: string) => m.type === 'job.status' && m.jobId === jobId && TERMINAL.includes(String(m.status));

/** The most of `times` (sorted) that fall in any one-second window [t, t + 1000). */
function mostInOneSecond(times: number[]): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** Ingest the file with `clients` subscribed right after complete; wall time and what the clients heard. */
async function ingest(api: ApiClient, file: string, clients: Client[], servePid: number | undefined) {
  const { sessionId, parts } = await uploadParts(api, file);
  const t0 = Date.now();
  const serveCpu0 = cpuMsOf(servePid);
  const clientCpu0 = ownCpuMs();
  const { jobId } = await api.post<{ jobId: string }>(`/v1/uploads/${sessionId}/complete`, { parts, schema: 'call_record' });
  for (const c of clients) c.socket.send(JSON.stringify({ action: 'subscribe', jobId }));
  const job = await waitForJob(api, jobId);
  if (job.status !== 'succeeded') throw new Error(`job ${jobId} ${job.status}: ${JSON.stringify(job.error)}`);
  const finishedAt = Date.parse(job.finishedAt!);
  const wallMs = finishedAt - t0;
  // CPU until the job ended (read a poll later, at most 250 ms past finishedAt)
  const serveCpuMs = cpuMsOf(servePid) - serveCpu0;
  const clientCpuMs = ownCpuMs() - clientCpu0;
  if (clients.length === 0) return { jobId, wallMs, rows: job.progress.rowsRead, serveCpuMs, clientCpuMs };
  // Everyone should hear the end; wait a while for stragglers, then count who did.
  await until(() => clients.every((c) => c.heard.some((h) => isFinal(h.msg, jobId))), 60_000);
  const finals = clients.map((c) => c.heard.find((h) => isFinal(h.msg, jobId))?.at);
  const heardFinal = finals.filter((t): t is number => t !== undefined);
  const progress = clients.map((c) => c.heard.filter((h) => h.msg.type === 'job.progress' && h.msg.jobId === jobId).map((h) => h.at));
  const progressCounts = progress.map((p) => p.length);
  // Who missed the end, and what they did hear: were they subscribed at all, did any status reach them?
  const missed = clients.filter((c) => !c.heard.some((h) => isFinal(h.msg, jobId)));
  for (const c of missed.slice(0, 5)) {
    const types = c.heard.map((h) => `${String(h.msg.type)}${h.msg.type === 'job.status' ? `:${String(h.msg.status)}/${String(h.msg.stage)}` : ''}`);
    console.log(`    missed the final status: heard ${types.length} messages [${types.join(', ')}]; socket ${c.socket.readyState === WebSocket.OPEN ? 'open' : 'closed'}`);
  }
  return {
    jobId,
    wallMs,
    serveCpuMs,
    clientCpuMs,
    rows: job.progress.rowsRead,
    heardFinal: heardFinal.length,
    finalLagMs: heardFinal.length ? Math.max(...heardFinal) - finishedAt : NaN,
    maxProgressPerSecond: Math.max(...progress.map(mostInOneSecond)),
    meanProgressMessages: progressCounts.reduce((a, b) => a + b, 0) / progressCounts.length,
  };
}

/** Until the serve process uses less than a fifth of a core over a second (at most 30 s). */
async function serveQuiet(pid: number | undefined): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const before = cpuMsOf(pid);
    await sleep(1000);
    if (!(cpuMsOf(pid) - before >= 200)) return;
  }
}

/** `n` small jobs, `concurrency` at a time: the jobs the spread connections follow. */
async function smallJobs(api: ApiClient, n: number, concurrency: number): Promise<string[]> {
  const file = join(WORK, 'ws-small.csv');
  await writeFile(file, 'Start Time,Direction,Phone Number,Duration,Type\n2025-09-14T16:16:00Z,Outgoing,+15123359335,12:34,Voice\n');
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next++;
        ids.push((await uploadFile(api, file, { schema: 'call_record' })).jobId);
      }
    }),
  );
  return ids;
}

async function main() {
  console.log(`bench:ws, ${machineLine()}, machine busy ${await machineBusyPercent()} before start`);
  await mkdir(WORK, { recursive: true });
  const file = await ensureFile(ROWS);
  const dataDir = join(WORK, 'ws-stack');
  await rm(dataDir, { recursive: true, force: true });
  const cpuProf = values['cpu-prof'];
  const server = await serve(dataDir, cpuProf ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${resolve(cpuProf)}`] } : {});
  const all: Client[] = [];
  try {
    const api = new ApiClient(server.httpUrl, server.apiKey);
    // Warm up: handlers loaded, workers bundled, before anything is timed.
    await smallJobs(api, 1, 1).then(([id]) => waitForJob(api, id!));

    console.log(`  ${fmtInt(ROWS)}-row call log, no subscriber (load ${loadNow()})`);
    const alone = await ingest(api, file, [], server.child.pid);
    console.log(`    job wall time ${fmtMs(alone.wallMs)}; serve CPU ${fmtMs(alone.serveCpuMs)}`);
    console.log(`  ${fmtInt(SUBSCRIBERS)} subscribers (load ${loadNow()})`);
    const watchers = await openClients(server, SUBSCRIBERS);
    all.push(...watchers.clients);
    console.log(`    ${fmtInt(watchers.clients.length)} connections open in ${fmtMs(watchers.ms)} (${watchers.refused} refused)`);
    const watched = await ingest(api, file, watchers.clients, server.child.pid);
    console.log(`    job wall time ${fmtMs(watched.wallMs)}; serve CPU ${fmtMs(watched.serveCpuMs)}, clients' CPU ${fmtMs(watched.clientCpuMs)}; ${fmtInt(watched.heardFinal ?? 0)} heard the final status, the last ${fmtMs(watched.finalLagMs ?? NaN)} after finishedAt`);
    for (const c of watchers.clients) c.socket.close();
    // The 1,000 $disconnects (a Query and a delete each) run now; the next connections are
    // timed once they are done, not on top of them.
    await serveQuiet(server.child.pid);

    console.log(`  ${fmtInt(SUBSCRIBERS)} connections over ${JOBS} jobs (load ${loadNow()})`);
    const jobIds = await smallJobs(api, JOBS, 8);
    const spread = await openClients(server, SUBSCRIBERS);
    all.push(...spread.clients);
    const s0 = Date.now();
    spread.clients.forEach((c, i) => c.socket.send(JSON.stringify({ action: 'subscribe', jobId: jobIds[i % jobIds.length] })));
    console.log(`    ${fmtInt(spread.clients.length)} connections open in ${fmtMs(spread.ms)} (${spread.refused} refused)`);
    const isSubscribed = (c: Client) => c.heard.some((h) => h.msg.type === 'subscribed');
    const allSubscribed = await until(() => spread.clients.every(isSubscribed), 120_000);
    const subscribeMs = allSubscribed ? Date.now() - s0 : NaN;
    if (!allSubscribed) console.log(`    only ${fmtInt(spread.clients.filter(isSubscribed).length)} subscribed within 120 s`);

    const ratio = watched.wallMs / alone.wallMs;
    console.log();
    printTable(
      ['measure', 'value'],
      [
        ['job wall time, 0 subscribers', fmtMs(alone.wallMs)],
        [`job wall time, ${fmtInt(SUBSCRIBERS)} subscribers`, fmtMs(watched.wallMs)],
        ['ratio', `${fmtRatio(ratio)}×`],
        ['serve CPU during the job, 0 / 1,000 subscribers', `${fmtMs(alone.serveCpuMs)} / ${fmtMs(watched.serveCpuMs)}`],
        ["the 1,000 clients' CPU during the job (same cores)", fmtMs(watched.clientCpuMs)],
        ['progress messages per subscriber (mean)', fmtRatio(watched.meanProgressMessages ?? NaN)],
        ['most progress messages to one subscriber in 1 s', String(watched.maxProgressPerSecond)],
        ['subscribers that heard the final status', `${fmtInt(watched.heardFinal ?? 0)} of ${fmtInt(watchers.clients.length)}`],
        ['finishedAt -> last subscriber has the final status', fmtMs(watched.finalLagMs ?? NaN)],
        [`open ${fmtInt(SUBSCRIBERS)} connections`, fmtMs(spread.ms)],
        [`subscribe them to ${JOBS} jobs`, fmtMs(subscribeMs)],
        [`open ${fmtInt(SUBSCRIBERS)} connections before the watched job`, fmtMs(watchers.ms)],
      ],
    );
    const verdicts: Verdict[] = [
      { target: `wall time with ${fmtInt(SUBSCRIBERS)} subscribers <= ${TARGET_WALL_RATIO}x none`, measured: `${fmtRatio(ratio)}x`, pass: ratio <= TARGET_WALL_RATIO },
      {
        target: `<= ${TARGET_PROGRESS_PER_SECOND} progress messages/s per subscriber`,
        measured: String(watched.maxProgressPerSecond),
        pass: (watched.maxProgressPerSecond ?? Infinity) <= TARGET_PROGRESS_PER_SECOND,
      },
      {
        target: `every subscriber has the final status within ${TARGET_FINAL_LAG_MS} ms of finishedAt`,
        measured: `${fmtInt(watched.heardFinal ?? 0)} heard it, the last after ${fmtMs(watched.finalLagMs ?? NaN)}`,
        pass: watchers.refused === 0 && watched.heardFinal === SUBSCRIBERS && (watched.finalLagMs ?? Infinity) <= TARGET_FINAL_LAG_MS,
      },
      {
        target: `${fmtInt(SUBSCRIBERS)} connections open in < ${TARGET_CONNECT_MS} ms`,
        measured: `${fmtMs(spread.ms)}, ${spread.refused} refused`,
        pass: spread.refused === 0 && spread.ms < TARGET_CONNECT_MS,
      },
    ];
    printVerdicts('Targets', verdicts);
  } finally {
    for (const c of all) c.socket.terminate();
    server.child.kill();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
