import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { GLOBAL_OPTIONS, withTarget, type Command, type Target } from '../target.ts';
import { createInterface } from 'node:readline/promises';
import { ApiError, type ApiClient } from '../api-client.ts';
import { applyMappingEdit, type EditableField } from './templates.ts';
import { uploadFile } from '../upload.ts';
import { watchJob } from '../watch.ts';
import type { ApiJob } from '../../../functions/core/jobs/job.ts';
import { qualityLines, warningLines } from '../quality-lines.ts';

const OPTIONS = {
  ...GLOBAL_OPTIONS,
  schema: { type: 'string' },
  timezone: { type: 'string' },
  region: { type: 'string' },
  currency: { type: 'string' },
  'no-wait': { type: 'boolean' },
  'no-confirm': { type: 'boolean' },
} as const;

export const ingestCommand: Command = {
  usage: [
    '  ingest <file> [--schema S] [--timezone TZ] [--region CC] [--currency CUR] [--no-wait] [--no-confirm] [--json] [--verbose]',
    '                          upload a file, start its job, follow it to the end; on a terminal, a job',
    '                          that needs its mapping confirmed asks you (--no-confirm leaves it parked)',
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
  let job = await follow(target, jobId, bar);
  bar?.stop();
  // A person at a terminal confirms (or fixes) the mapping right here; scripts get the parked job.
  const interactive = !flags.json && !flags['no-confirm'] && process.stdin.isTTY === true && process.stderr.isTTY === true;
  if (job.status === 'needs_mapping' && interactive && (await confirmMapping(target.api, job))) {
    const again = new SingleBar({ format: ' {phase} [{bar}] {percentage}% | {detail}', hideCursor: true, stream: process.stderr }, Presets.shades_classic);
    again.start(100, 0, { phase: 'process ', detail: 'resumed' });
    job = await follow(target, jobId, again);
    again.stop();
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(job)}\n`);
  } else {
    await printSummary(target.api, job, Date.now() - started);
  }
  return job.status === 'succeeded' ? 0 : 1;
}

async function follow(target: Target, jobId: string, bar: SingleBar | undefined): Promise<ApiJob> {
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

/** What the job did to the tenant's accounts store, in one line (company and contact jobs). */
function storeLine(store: NonNullable<ApiJob['accountsStore']>): string {
  if (store.state === 'pending') return '  store:  being merged into the accounts store';
  if (store.state === 'skipped') return `  store:  left out of the accounts store: ${store.reason ?? 'no reason given'}`;
  if (store.state === 'failed') return `  store:  NOT in the accounts store (${store.error?.type ?? 'error'}: ${store.error?.message ?? ''}); retry the job to bring it in`;
  const c = store.counts;
  if (!c) return '  store:  merged into the accounts store';
  const kind = (k: { created: number; merged: number; updated: number }) => `${k.created} new, ${k.merged} merged, ${k.updated} updated`;
  return `  store:  accounts ${kind(c.accounts)}; contacts ${kind(c.contacts)}${c.skipped ? `; ${c.skipped} records with nothing to match on` : ''}`;
}

interface JobMappingAnswer {
  mapping: {
    schema: string;
    confidence: number;
    missingRequired: string[];
    fields: { field: string; sources: number[]; sourceHeaders: string[]; confidence: number; reason: string; transforms?: unknown[] }[];
  };
  headers: string[];
  samples: { column: number; header: string; values: string[] }[];
}

/**
 * Show the suggested mapping and ask the person to accept, edit or leave it; on accept,
 * PUT it (optionally saved as a template) so the job resumes. True when the job resumed.
 */
async function confirmMapping(api: ApiClient, job: ApiJob): Promise<boolean> {
  const view = await api.get<JobMappingAnswer>(`/v1/jobs/${job.jobId}/mapping`);
  const schema = await api.get<{ fields: { name: string; required: boolean }[] }>(`/v1/schemas/${view.mapping.schema}`);
  const schemaFields = schema.fields.map((f) => f.name);
  let fields: EditableField[] = view.mapping.fields.map((f) => ({ field: f.field, sources: f.sources, ...(f.transforms ? { transforms: f.transforms } : {}) }));
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const say = (text: string) => process.stderr.write(`${text}\n`);
  try {
    say(`\nJob ${job.jobId} needs its mapping confirmed (schema ${view.mapping.schema}, confidence ${view.mapping.confidence}).`);
    say('Columns:');
    for (const c of view.samples) say(`  ${String(c.column).padStart(3)}: ${c.header}${c.values.length ? `   e.g. ${c.values.slice(0, 3).join(' | ')}` : ''}`);
    for (;;) {
      say('Mapping:');
      for (const name of schemaFields) {
        const f = fields.find((x) => x.field === name);
        const required = schema.fields.find((x) => x.name === name)?.required ? ' (required)' : '';
        say(`  ${name.padEnd(22)} <- ${f ? f.sources.map((s) => view.headers[s] ?? `#${s}`).join(' + ') : '—'}${required}`);
      }
      const choice = (await rl.question('Accept this mapping? [y]es / [e]dit / [n]o, leave the job waiting: ')).trim().toLowerCase();
      if (choice === 'n' || choice === 'no') return false;
      if (choice === 'e' || choice === 'edit') {
        say('One change per line: field=column (number or header; Date+Time for two), field= to unmap; empty line when done.');
        for (let line = (await rl.question('> ')).trim(); line !== ''; line = (await rl.question('> ')).trim()) {
          const edited = applyMappingEdit(fields, line, view.headers, schemaFields);
          if (edited.ok) fields = edited.fields;
          else say(`  ${edited.message}`);
        }
        continue;
      }
      if (choice !== '' && choice !== 'y' && choice !== 'yes') continue;
      const name = (await rl.question('Save as a template for the next file like this? Name (empty: no): ')).trim();
      try {
        await api.request('PUT', `/v1/jobs/${job.jobId}/mapping`, {
          mapping: { schema: view.mapping.schema, fields },
          ...(name ? { saveAsTemplate: { name } } : {}),
        });
        say(name ? `Mapping confirmed and saved as template "${name}"; the job resumes.` : 'Mapping confirmed; the job resumes.');
        return true;
      } catch (err) {
        if (!(err instanceof ApiError) || err.status !== 400) throw err;
        say(`The mapping was refused: ${err.message}`);
        for (const d of (err.details as { field: string; message: string }[] | undefined) ?? []) say(`  ${d.field}: ${d.message}`);
      }
    }
  } finally {
    rl.close();
  }
}

async function printSummary(api: ApiClient, job: ApiJob, elapsedMs: number) {
  const p = job.progress;
  const schema = job.mapping?.fields ? (job.classification?.schema.name ?? job.schema) : job.schema;
  const lines = [
    // a succeeded job with warnings is not shown as clean
    `${job.status !== 'succeeded' ? '✖' : job.warnings.length > 0 ? '⚠' : '✔'} ${job.status}${job.status === 'succeeded' && job.warnings.length > 0 ? ' with warnings' : ''}  ${job.source.filename} -> ${schema}  (job ${job.jobId})`,
    `  rows:   ${p.rowsRead.toLocaleString()} read, ${p.rowsWritten.toLocaleString()} written, ${p.rowsRejected.toLocaleString()} rejected${p.rowsSkipped ? `, ${p.rowsSkipped} non-data lines skipped (preamble, blank, totals)` : ''}`,
    `  time:   ${(elapsedMs / 1000).toFixed(1)} s  (${Object.entries(job.stages)
      .map(([s, t]) => `${s} ${t.durationMs ?? '?'} ms`)
      .join(', ')})`,
  ];
  if (job.classification) {
    const c = job.classification;
    lines.push(`  file:   ${c.format}, ${c.encoding}${c.delimiter ? `, delimiter ${JSON.stringify(c.delimiter)}` : ''}, header on line ${c.headerRow + 1}`);
  }
  const region = job.mapping?.region;
  if (region) lines.push(`  region: ${region.region}, read from the file: ${region.evidence}; --region CC reads it as another`);
  if (job.error) lines.push(`  error:  ${job.error.type} in ${job.error.stage ?? 'pipeline'}: ${job.error.message}`);
  if (job.accountsStore) lines.push(storeLine(job.accountsStore));
  lines.push(...qualityLines(job), ...warningLines(job));
  if (job.status === 'needs_mapping') lines.push(`  mapping needs a person: ai-file-parser jobs mapping ${job.jobId}, then confirm it with --set or --file`);
  if (job.output) lines.push(`  output: ai-file-parser jobs output ${job.jobId} --out ${job.jobId}.ndjson  (or --format csv)`);
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
