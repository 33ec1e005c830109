import { parseArgs } from 'node:util';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { jobMapping } from './job-mapping.ts';
import { followResumed } from '../follow-job.ts';
import { printSummary } from '../job-summary.ts';
import { GLOBAL_OPTIONS, printJson, withTarget, type Command } from '../target.ts';
import type { ApiJob } from '../../../functions/core/jobs/job.ts';

export const jobsCommand: Command = {
  usage: [
    '  jobs list [--status S] [--limit N] [--cursor C] [--json]',
    '  jobs get <jobId> [--json]',
    '  jobs records <jobId> [--limit N] [--cursor C]      (JSON)',
    '  jobs errors <jobId> [--limit N] [--cursor C]       (JSON)',
    '  jobs cancel|retry|delete <jobId> [--json]        (retry on the embedded stack follows the job to its end)',
    '  jobs output <jobId> [--format ndjson|csv] [--out FILE]  download the records to FILE (else a short-lived URL)',
    '  jobs mapping <jobId> [--json]                      the suggested mapping: fields, columns, confidence, samples',
    '  jobs mapping <jobId> --set field=Column,... | --file mapping.json [--save-as NAME]   confirm it and resume the job',
    '                          (on the embedded stack, followed to its end: the stack stops when the command does)',
    '  jobs mapping <jobId> --value field:VALUE=enum ...  confirm it with what an enum column\'s value means (VALUE= : none of them)',
    '  jobs stats [--json]',
  ].join('\n'),
  async run(argv) {
    const { values: flags, positionals } = parseArgs({
      args: argv,
      options: {
        ...GLOBAL_OPTIONS,
        status: { type: 'string' },
        limit: { type: 'string' },
        cursor: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        set: { type: 'string' },
        file: { type: 'string' },
        'save-as': { type: 'string' },
        value: { type: 'string', multiple: true },
      },
      allowPositionals: true,
      strict: true,
    });
    const [sub, jobId] = positionals;
    const page = new URLSearchParams();
    if (flags.limit) page.set('limit', flags.limit);
    if (flags.cursor) page.set('cursor', flags.cursor);
    return withTarget(flags, async (target) => {
      switch (sub) {
        case 'list': {
          if (flags.status) page.set('status', flags.status);
          const res = await target.api.get<{ items: ApiJob[]; nextCursor: string | null }>(`/v1/jobs?${page}`);
          if (flags.json) {
            printJson(res);
            return 0;
          }
          for (const j of res.items) {
            process.stdout.write(`${j.jobId}  ${j.status.padEnd(13)} ${String(j.progress.rowsWritten).padStart(9)} rows  ${j.createdAt}  ${j.source.filename}\n`);
          }
          if (res.nextCursor) process.stdout.write(`more: --cursor ${res.nextCursor}\n`);
          return 0;
        }
        case 'get': {
          if (!jobId) throw new Error('jobs get needs a job id');
          printJson(await target.api.get<ApiJob>(`/v1/jobs/${encodeURIComponent(jobId)}`), !flags.json);
          return 0;
        }
        case 'records':
        case 'errors': {
          if (!jobId) throw new Error(`jobs ${sub} needs a job id`);
          printJson(await target.api.get<unknown>(`/v1/jobs/${encodeURIComponent(jobId)}/${sub}?${page}`));
          return 0;
        }
        case 'cancel':
        case 'retry': {
          if (!jobId) throw new Error(`jobs ${sub} needs a job id`);
          const started = Date.now();
          const job = await target.api.post<ApiJob>(`/v1/jobs/${encodeURIComponent(jobId)}/${sub}`);
          if (!flags.json) process.stdout.write(`${job.jobId}: ${job.status} (attempt ${job.attempt})\n`);
          // a retried job runs on this command's own stack, which stops when it exits: followed to its end, as ingest does
          if (sub === 'retry' && target.embedded) {
            const done = await followResumed(target, job.jobId, { json: flags.json, detail: 'retried' });
            if (flags.json) printJson(done);
            else await printSummary(target.api, done, Date.now() - started);
            return done.status === 'succeeded' ? 0 : 1;
          }
          if (flags.json) printJson(job);
          return 0;
        }
        case 'delete': {
          if (!jobId) throw new Error('jobs delete needs a job id');
          await target.api.delete(`/v1/jobs/${encodeURIComponent(jobId)}`);
          if (!flags.json) process.stdout.write(`${jobId}: deleted\n`);
          return 0;
        }
        case 'output': {
          if (!jobId) throw new Error('jobs output needs a job id');
          const res = await target.api.get<{ url: string }>(`/v1/jobs/${encodeURIComponent(jobId)}/output?format=${encodeURIComponent(flags.format ?? 'ndjson')}`);
          if (flags.out) {
            const download = await fetch(res.url);
            if (!download.ok || !download.body) throw new Error(`The download failed: HTTP ${download.status}`);
            const file = resolve(flags.out);
            await pipeline(Readable.fromWeb(download.body as import('node:stream/web').ReadableStream), createWriteStream(file));
            if (flags.json) printJson({ ...res, file });
            else process.stdout.write(`${file}\n`);
          } else if (flags.json) printJson(res);
          else process.stdout.write(`${res.url}\n`);
          return 0;
        }
        case 'mapping': {
          if (!jobId) throw new Error('jobs mapping needs a job id');
          return jobMapping(target, jobId, { set: flags.set, file: flags.file, values: flags.value, saveAs: flags['save-as'], json: flags.json });
        }
        case 'stats': {
          printJson(await target.api.get('/v1/jobs/stats'), !flags.json);
          return 0;
        }
        default:
          throw new Error(`Unknown jobs command '${sub ?? ''}': use list, get, records, errors, cancel, retry, delete, output, mapping or stats`);
      }
    });
  },
};
