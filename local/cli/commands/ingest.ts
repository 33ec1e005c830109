import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { GLOBAL_OPTIONS, withTarget, type Command, type Target } from '../target.ts';
import { createInterface } from 'node:readline/promises';
import { ApiError, type ApiClient } from '../api-client.ts';
import { applyMappingEdit, type EditableField } from './templates.ts';
import { uploadFile } from '../upload.ts';
import { followJob, startProgressBar } from '../follow-job.ts';
import { printSummary } from '../job-summary.ts';
import type { ApiJob } from '../../../functions/core/jobs/job.ts';

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
  const bar = flags.json ? undefined : startProgressBar('upload  ', '');
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
  let job = await followJob(target, jobId, bar);
  bar?.stop();
  // A person at a terminal confirms (or fixes) the mapping right here; scripts get the parked job.
  const interactive = !flags.json && !flags['no-confirm'] && process.stdin.isTTY === true && process.stderr.isTTY === true;
  if (job.status === 'needs_mapping' && interactive && (await confirmMapping(target.api, job))) {
    const again = startProgressBar('process ', 'resumed');
    job = await followJob(target, jobId, again);
    again.stop();
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(job)}\n`);
  } else {
    await printSummary(target.api, job, Date.now() - started);
  }
  return job.status === 'succeeded' ? 0 : 1;
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

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
