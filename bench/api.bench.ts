import { readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import WebSocket from 'ws';
import { ApiClient } from '../local/cli/api-client.ts';
import { uploadFile } from '../local/cli/upload.ts';
import type { ApiJob } from '../functions/core/jobs/job.ts';
import { writeCallRecordCsv } from './call-records.ts';
import { writeCompanyCsv, writeContactCsv } from './accounts-data.ts';
import { fmtInt, loadNow, machineBusyPercent, machineLine, printTable, printVerdicts, type Verdict } from './report.ts';
import { serve, type Served } from './serve.ts';

/*
 * npm run bench:api [-- --connections 50 --duration 10 --jobs 12 --rows 30000] [-- --only accounts] [-- --cpu-prof DIR]
 *
 * The local stack runs in its own process (`serve --json`), as a server would; the load
 * generator and the WebSocket client run here. Two measurements (SPEC §7):
 *   1. GET /v1/jobs/{id} under autocannon with 50 connections: p50/p99 latency, req/s.
 *   2. progress events: small ingests followed over the WebSocket; for each pushed
 *      job.status, the time from the DynamoDB write that changed the job (the stage's
 *      startedAt, or finishedAt, as the job stores them) to arrival here; for each
 *      job.progress, the time from its `at` stamp to arrival. One machine, one clock.
 *   3. the accounts store: a 10,000-row company export and a 50,000-row contact list
 *      ingested into one tenant (the store is updated after each job commits: Persist's share
 *      bounds what it adds to the job's time, and the store's lag behind the job is printed), then GET /v1/accounts with facets and a text query from 8 concurrent clients.
 */

const TARGET_P99_MS = 50;
const TARGET_EVENT_MS = 100;
const TARGET_ACCOUNTS_P95_MS = 200;
const TARGET_UPSERT_SHARE = 0.2;

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    jobs: { type: 'string', default: '12' },
    rows: { type: 'string', default: '30000' },
    accounts: { type: 'string', default: '10000' },
    contacts: { type: 'string', default: '50000' },
    'list-requests': { type: 'string', default: '400' },
    /** `accounts`: section 3 alone (the store's upsert and lists), e.g. to compare a change before and after */
    only: { type: 'string' },
    /** a folder: the stack's process writes its CPU profile there when it stops (node --cpu-prof) */
    'cpu-prof': { type: 'string' },
  },
});

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, '.bench');

async function waitForJob(api: ApiClient, jobId: string): Promise<ApiJob> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const job = await api.get<ApiJob>(`/v1/jobs/${jobId}`);
    if (['succeeded', 'failed', 'cancelled', 'needs_mapping'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await sleep(100);
  }
}

/** The job once the accounts store has its records (the stage after the commit), polled as waitForJob does. */
async function storeCaughtUp(api: ApiClient, job: ApiJob): Promise<ApiJob> {
  const deadline = Date.now() + 120_000;
  while (job.status === 'succeeded' && job.accountsStore?.state === 'pending') {
    if (Date.now() > deadline) throw new Error(`job ${job.jobId}'s accounts store still pending`);
    await sleep(50);
    job = await api.get<ApiJob>(`/v1/jobs/${job.jobId}`);
  }
  return job;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
};

/** CPU seconds (user + system) the process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux)
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

async function measureGetJob(server: Served, jobId: string, apiKey: string) {
  const options: autocannon.Options = {
    url: `${server.httpUrl}/v1/jobs/${jobId}`,
    connections: Number(values.connections),
    duration: Number(values.duration),
    headers: { authorization: `Bearer ${apiKey}` },
  };
  // Warm up (handler loads, connection pools) so the measured window is steady state.
  await autocannon({ ...options, duration: 2 });
  const cpuBefore = cpuSeconds(server.child.pid);
  const result = await autocannon(options);
  // Share of one core the server used: near 100% means it is CPU-bound (one event loop).
  const serverCpu = (cpuSeconds(server.child.pid) - cpuBefore) / Number(values.duration);
  return { result, serverCpu };
}

interface Received {
  msg: Record<string, unknown>;
  receivedAt: number;
}

/** Ingest small files one after another, following each over the WebSocket. */
async function measureProgressEvents(server: Served, file: string, jobs: number) {
  const url = new URL(server.wsUrl);
  url.searchParams.set('token', server.apiKey);
  const socket = new WebSocket(url);
  const received: Received[] = [];
  socket.on('message', (data: WebSocket.RawData) => received.push({ msg: JSON.parse(String(data)) as Record<string, unknown>, receivedAt: Date.now() }));
  await new Promise<void>((resolveOpen, reject) => {
    socket.once('open', () => resolveOpen());
    socket.once('error', reject);
  });
  const api = new ApiClient(server.httpUrl, server.apiKey);
  const statusLatencies: number[] = [];
  const progressLatencies: number[] = [];
  const statusPushLatencies: number[] = [];
  try {
    for (let i = 0; i < jobs; i++) {
      const { jobId } = await uploadFile(api, file, { schema: 'call_record' });
      socket.send(JSON.stringify({ action: 'subscribe', jobId }));
      const job = await waitForJob(api, jobId);
      await sleep(200); // the final push may land just after the job reads as finished
      const mine = received.filter((r) => r.msg.jobId === jobId);
      // The first job.status after `subscribed` is the snapshot sent on subscribe, not a change.
      const snapshot = mine.findIndex((r) => r.msg.type === 'job.status');
      const seenStages = new Set<string>();
      for (const [idx, r] of mine.entries()) {
        if (r.msg.type === 'job.progress' && typeof r.msg.at === 'string') {
          progressLatencies.push(r.receivedAt - Date.parse(r.msg.at));
        }
        if (r.msg.type !== 'job.status' || idx === snapshot) continue;
        if (typeof r.msg.at === 'string') statusPushLatencies.push(r.receivedAt - Date.parse(r.msg.at));
        const status = String(r.msg.status);
        const stage = String(r.msg.stage);
        let changedAt: string | null | undefined;
        if (status === 'running') {
          // Enrich's parallel chunks each re-enter the stage; only the first entry wrote startedAt.
          if (seenStages.has(stage)) continue;
          seenStages.add(stage);
          changedAt = job.stages[stage as keyof typeof job.stages]?.startedAt;
        } else {
          changedAt = job.finishedAt;
        }
        if (changedAt) statusLatencies.push(r.receivedAt - Date.parse(changedAt));
      }
    }
  } finally {
    socket.close();
  }
  return { status: summary(statusLatencies), statusPush: summary(statusPushLatencies), progress: summary(progressLatencies) };
}

/** A finished job's time from Classify's start to the end, and Persist's part of it (which holds the store upsert). */
function persistShare(job: ApiJob) {
  const started = Date.parse(job.stages.classify?.startedAt ?? job.createdAt);
  const total = Date.parse(job.finishedAt ?? '') - started;
  const persist = job.stages.persist?.durationMs ?? NaN;
  return { total, persist, share: persist / (total - persist) };
}

const LIST_QUERIES = [
  '/v1/accounts?q=labs&limit=25',
  '/v1/accounts?q=acme&industry=Software&limit=25',
  '/v1/accounts?technology=Stripe&country=Germany&sort=-employees&limit=25',
  '/v1/accounts?q=nova%20systems&minEmployees=1000&limit=50',
  '/v1/accounts?q=robotics&technology=aws&sort=-updatedAt&limit=25',
  '/v1/accounts?industry=Healthcare&country=US&limit=100',
];

/** 3. The accounts store at scale: ingest, then faceted, text-searched lists from 8 clients. */
async function measureAccounts(server: Served) {
  const { apiKey } = await new ApiClient(server.httpUrl, server.apiKey).post<{ apiKey: string }>('/v1/api-keys', { name: 'bench accounts', role: 'admin', rateLimitRps: 10_000 });
  const api = new ApiClient(server.httpUrl, apiKey);
  const companiesFile = join(WORK, `companies-${values.accounts}.csv`);
  const contactsFile = join(WORK, `contacts-${values.contacts}.csv`);
  const companies = await writeCompanyCsv(companiesFile, Number(values.accounts), 11);
  await writeContactCsv(contactsFile, Number(values.contacts), companies, 12);
  try {
    // A small call log first: the stages' code is loaded and warm when the measured jobs run,
    // as in a container that has served a job before (it adds nothing to the store).
    const warmFile = join(WORK, 'calls-warm-up.csv');
    await writeCallRecordCsv(warmFile, 20, 3);
    await waitForJob(api, (await uploadFile(api, warmFile, { schema: 'call_record' })).jobId);
    await rm(warmFile, { force: true });
    const companyJob = await storeCaughtUp(api, await waitForJob(api, (await uploadFile(api, companiesFile, { schema: 'company_account' })).jobId));
    const contactJob = await storeCaughtUp(api, await waitForJob(api, (await uploadFile(api, contactsFile, { schema: 'contact' })).jobId));
    const coldStart = performance.now();
    const first = await api.get<{ total: number }>(LIST_QUERIES[0]!);
    const coldMs = performance.now() - coldStart;
    const totals = await api.get<{ total: number }>('/v1/accounts?limit=1');
    const contactTotal = await api.get<{ total: number }>('/v1/contacts?limit=1');
    const latencies: number[] = [];
    let next = 0;
    const count = Number(values['list-requests']);
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < count) {
          const path = LIST_QUERIES[next++ % LIST_QUERIES.length]!;
          const t0 = performance.now();
          await api.get(path);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const sorted = latencies.sort((a, b) => a - b);
    return { companyJob, contactJob, coldMs, firstTotal: first.total, accounts: totals.total, contacts: contactTotal.total, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), n: sorted.length };
  } finally {
    await rm(companiesFile, { force: true });
    await rm(contactsFile, { force: true });
  }
}

/** 3., measured and printed; its verdicts. */
/** What the accounts-store stage logs about an upsert (functions/adapters/entity-sync.ts), when the stack logs at INFO. */
interface UpsertLog {
  records: number;
  durationMs: number;
  readMs: number;
  loadMs: number;
  mergeMs: number;
  writeMs: number;
}

/**
 * The stack's log lines (pretty-printed JSON objects, one key a line) as objects: the
 * 'accounts store updated' ones go into `into`, in the order the jobs ran.
 */
function collectUpsertLogs(into: UpsertLog[]): (line: string) => void {
  let buffer: string[] | undefined;
  return (line) => {
    if (line === '{') buffer = [];
    if (!buffer) return;
    buffer.push(line);
    if (line !== '}') return;
    const text = buffer.join('\n');
    buffer = undefined;
    if (!text.includes('accounts store updated')) return;
    try {
      into.push(JSON.parse(text) as UpsertLog);
    } catch {
      // not one object after all: nothing to learn from it
    }
  };
}

/** How long after the job succeeded its records were in the accounts store (the stage after the commit). */
const storeLagMs = (job: ApiJob) => (job.accountsStore ? Date.parse(job.accountsStore.updatedAt) - Date.parse(job.finishedAt ?? '') : NaN);
const upsertSplit = (u: UpsertLog | undefined) =>
  u ? `${fmtInt(u.durationMs)} ms: read records ${u.readMs}, load store ${u.loadMs}, merge ${u.mergeMs}, write ${u.writeMs}` : 'n/a (run with --only accounts)';

/** 3., measured and printed; its verdicts. `upserts` fills with the stack's upsert logs as the jobs run. */
async function reportAccounts(server: Served, upserts: readonly UpsertLog[]): Promise<Verdict[]> {
  console.log(`\n3. Accounts store: ${fmtInt(Number(values.accounts))} companies + ${fmtInt(Number(values.contacts))} contacts, then lists from 8 clients [load ${loadNow()}]`);
  const acc = await measureAccounts(server);
  const companyShare = persistShare(acc.companyJob);
  const contactShare = persistShare(acc.contactJob);
  const [companyUpsert, contactUpsert] = [upserts.find((u) => u.records === Number(values.accounts)), upserts.find((u) => u.records === Number(values.contacts))];
  const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : 'n/a');
  const lag = (job: ApiJob) => `${job.accountsStore?.state ?? 'no store run'}, ${fmtInt(storeLagMs(job))} ms after the job succeeded`;
  printTable(
    ['', 'value'],
    [
      ['company job (classify -> succeeded) / its Persist', `${acc.companyJob.status}: ${fmtInt(companyShare.total)} ms / ${fmtInt(companyShare.persist)} ms (${pct(companyShare.share)} of the rest)`],
      ['  its store update (after the commit) / in the store', `${upsertSplit(companyUpsert)} / ${lag(acc.companyJob)}`],
      ['contact job / its Persist', `${acc.contactJob.status}: ${fmtInt(contactShare.total)} ms / ${fmtInt(contactShare.persist)} ms (${pct(contactShare.share)} of the rest)`],
      ['  its store update (after the commit) / in the store', `${upsertSplit(contactUpsert)} / ${lag(acc.contactJob)}`],
      ['accounts / contacts in the store', `${fmtInt(acc.accounts)} / ${fmtInt(acc.contacts)}`],
      ['first list after the change (loads the store)', `${Math.round(acc.coldMs)} ms`],
      [`list latency p50 / p95 / p99 (n=${acc.n})`, `${Math.round(acc.p50)} / ${Math.round(acc.p95)} / ${Math.round(acc.p99)} ms`],
    ],
  );
  // The store is updated after the commit, so what it adds to the job's time is at most
  // Persist's share (the commit notes the store as pending); the update's own time and how
  // long after the job the store had the records are printed above.
  const share = companyShare.share;
  return [
    { target: `accounts list (facets + text) p95 < ${TARGET_ACCOUNTS_P95_MS} ms`, measured: `${Math.round(acc.p95)} ms over ${fmtInt(acc.accounts)} accounts`, pass: acc.accounts > 0 && acc.p95 < TARGET_ACCOUNTS_P95_MS },
    {
      target: `the store adds < ${TARGET_UPSERT_SHARE * 100}% to the company job's time to succeeded (Persist's share, an upper bound)`,
      measured: `${pct(share)}; in the store ${fmtInt(storeLagMs(acc.companyJob))} ms later`,
      pass: acc.companyJob.status === 'succeeded' && acc.companyJob.accountsStore?.state === 'applied' && share < TARGET_UPSERT_SHARE,
    },
  ];
}

async function main() {
  const dataDir = join(WORK, `api-stack-${process.pid}`);
  await mkdir(WORK, { recursive: true });
  const file = join(WORK, `api-bench-${values.rows}.csv`);
  await writeCallRecordCsv(file, Number(values.rows), 7);
  console.log('ai-file-parser API bench (local stack in its own process)');
  console.log(`  ${machineLine()}; machine ${await machineBusyPercent()} busy before the run`);
  // Section 3 alone runs the stack with INFO logs, to read each upsert's own time; the full
  // run keeps the stack quiet, as logging every request would cost the GET load measurement.
  const upserts: UpsertLog[] = [];
  const accountsOnly = values.only === 'accounts';
  const server = await serve(dataDir, {
    ...(accountsOnly ? { env: { POWERTOOLS_LOG_LEVEL: 'INFO' }, onLine: collectUpsertLogs(upserts) } : {}),
    ...(values['cpu-prof'] ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', resolve(values['cpu-prof'])] } : {}),
  });
  try {
    if (accountsOnly) {
      printVerdicts(`Target [load at end ${loadNow()}]`, await reportAccounts(server, upserts));
      return;
    }
    const api = new ApiClient(server.httpUrl, server.apiKey);
    const { jobId } = await uploadFile(api, file, { schema: 'call_record' });
    const job = await waitForJob(api, jobId);
    console.log(`  job ${jobId} ${job.status} (${fmtInt(job.progress.rowsRead)} rows): the target of the GET load`);

    console.log(`\n1. GET /v1/jobs/{id}: ${values.connections} connections, ${values.duration} s (after a 2 s warm-up) [load ${loadNow()}]`);
    // A key whose rate limit is above what the load reaches: requests are still counted
    // against it (the limiter's cost is measured), but none is refused with a cheap 429.
    const { apiKey: loadKey } = await api.post<{ apiKey: string }>('/v1/api-keys', { name: 'bench load', role: 'viewer', rateLimitRps: 10_000 });
    const { result: r, serverCpu } = await measureGetJob(server, jobId, loadKey);
    printTable(
      ['', 'value'],
      [
        ['requests/s (mean)', fmtInt(r.requests.average)],
        ['latency p50', `${r.latency.p50} ms`],
        ['latency p90', `${r.latency.p90} ms`],
        ['latency p99', `${r.latency.p99} ms`],
        ['latency max', `${r.latency.max} ms`],
        ['responses (2xx / non-2xx)', `${fmtInt(r['2xx'])} / ${fmtInt(r.non2xx)}`],
        ['errors / timeouts', `${r.errors} / ${r.timeouts}`],
        ['server CPU (share of one core)', `${Math.round(serverCpu * 100)}%`],
        ['server CPU per request', `${((serverCpu * 1000) / r.requests.average).toFixed(2)} ms`],
      ],
    );

    console.log(`\n2. Progress events: ${values.jobs} ingests of ${fmtInt(Number(values.rows))} rows, followed over the WebSocket [load ${loadNow()}]`);
    const ev = await measureProgressEvents(server, file, Number(values.jobs));
    printTable(
      ['', 'n', 'p50', 'p99', 'max'],
      [
        ['job.status: DynamoDB write -> client', String(ev.status.n), `${ev.status.p50} ms`, `${ev.status.p99} ms`, `${ev.status.max} ms`],
        ['job.status: message `at` -> client', String(ev.statusPush.n), `${ev.statusPush.p50} ms`, `${ev.statusPush.p99} ms`, `${ev.statusPush.max} ms`],
        ['job.progress: message `at` -> client', String(ev.progress.n), `${ev.progress.p50} ms`, `${ev.progress.p99} ms`, `${ev.progress.max} ms`],
      ],
    );
    console.log('  (timestamps have millisecond resolution; the write time is the stage start or finish the job records)');

    const accountVerdicts = await reportAccounts(server, upserts);

    const verdicts: Verdict[] = [
      { target: `GET /v1/jobs/{id} p99 < ${TARGET_P99_MS} ms (${values.connections} conns)`, measured: `${r.latency.p99} ms, ${fmtInt(r.requests.average)} req/s`, pass: r.latency.p99 < TARGET_P99_MS && r.non2xx === 0 && r.errors === 0 },
      { target: `status change -> event p99 < ${TARGET_EVENT_MS} ms`, measured: `${ev.status.p99} ms (p50 ${ev.status.p50} ms, n=${ev.status.n})`, pass: ev.status.n > 0 && ev.status.p99 < TARGET_EVENT_MS },
      { target: `progress push p99 < ${TARGET_EVENT_MS} ms`, measured: `${ev.progress.p99} ms (p50 ${ev.progress.p50} ms, n=${ev.progress.n})`, pass: ev.progress.n > 0 && ev.progress.p99 < TARGET_EVENT_MS },
      ...accountVerdicts,
    ];
    printVerdicts(`Targets (SPEC §7) [load at end ${loadNow()}]`, verdicts);
  } finally {
    if (server.child.exitCode === null) {
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
    await rm(file, { force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
