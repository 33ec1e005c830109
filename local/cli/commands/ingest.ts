import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { GLOBAL_OPTIONS, withTarget, type Command, type Target } from '../target.ts';
import type { ApiClient } from '../api-client.ts';
import { uploadFile } from '../upload.ts';
import { watchJob } from '../watch.ts';
import type { ApiJob } from '../../../functions/core/jobs/job.ts';

const OPTIONS = {
  ...GLOBAL_OPTIONS,
  schema: { type: 'string' },
  timezone: { type: 'string' },
  region: { type: 'string' },
  currency: { type: 'string' },
  'no-wait': { type: 'boolean' },
} as const;

export const ingestCommand: Command = {
  usage: [
    '  ingest <file> [--schema S] [--timezone TZ] [--region CC] [--currency CUR] [--no-wait] [--json]',
    '                          upload a file, start its job, follow it to the end',
  ].join('\n'),
  async run(argv) {
    const { values: flags, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const file = positionals[0];
    if (!file) throw new Error('ingest needs a file: ai-file-parser ingest <file>');
    if (!existsSync(file)) throw new Error(`No such file: ${file}`);
    return withTarget(flags, (target) => ingest(target, file, flags));
  },
};

type IngestFlags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function ingest(target: Target, file: string, flags: IngestFlags): Promise<number> {
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
    onProgress: (p) =>
      bar?.update(Math.floor(p.percent), { phase: 'process ', detail: `${p.stage ?? 'queued'} · ${p.rowsRead.toLocaleString()} rows read · ${p.rowsWritten.toLocaleString()} written` }),
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
  const schema = job.mapping?.fields ? (job.classification?.schema.name ?? job.schema) : job.schema;
  const lines = [
    `${job.status === 'succeeded' ? '✔' : '✖'} ${job.status}  ${job.source.filename} -> ${schema}  (job ${job.jobId})`,
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
  if (job.status === 'needs_mapping') lines.push(`  mapping needs a person: ai-file-parser jobs get ${job.jobId} (then PUT /v1/jobs/${job.jobId}/mapping)`);
  if (job.output) lines.push(`  output: ${job.output.records.join(', ')}`);
  if (p.rowsRejected > 0) lines.push(`  rejected rows: ai-file-parser jobs errors ${job.jobId}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (job.status === 'succeeded' && p.rowsWritten > 0) {
    const { items } = await api.get<{ items: unknown[] }>(`/v1/jobs/${job.jobId}/records?limit=3`);
    process.stdout.write(`  first records:\n${items.map((r) => `    ${JSON.stringify(r)}`).join('\n')}\n`);
  }
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
