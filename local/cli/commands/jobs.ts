import { parseArgs } from 'node:util';
import { GLOBAL_OPTIONS, printJson, withTarget, type Command } from '../target.ts';
import type { ApiJob } from '../../../functions/core/jobs/job.ts';

export const jobsCommand: Command = {
  usage: [
    '  jobs list [--status S] [--limit N] [--cursor C] [--json]',
    '  jobs get <jobId> [--json]',
    '  jobs records <jobId> [--limit N] [--cursor C]      (JSON)',
    '  jobs errors <jobId> [--limit N] [--cursor C]       (JSON)',
    '  jobs cancel|retry|delete <jobId> [--json]',
    '  jobs output <jobId> [--format ndjson|csv]          a short-lived download URL',
    '  jobs stats [--json]',
  ].join('\n'),
  async run(argv) {
    const { values: flags, positionals } = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, status: { type: 'string' }, limit: { type: 'string' }, cursor: { type: 'string' }, format: { type: 'string' } },
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
          const job = await target.api.post<ApiJob>(`/v1/jobs/${encodeURIComponent(jobId)}/${sub}`);
          if (flags.json) printJson(job);
          else process.stdout.write(`${job.jobId}: ${job.status} (attempt ${job.attempt})\n`);
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
          if (flags.json) printJson(res);
          else process.stdout.write(`${res.url}\n`);
          return 0;
        }
        case 'stats': {
          printJson(await target.api.get('/v1/jobs/stats'), !flags.json);
          return 0;
        }
        default:
          throw new Error(`Unknown jobs command '${sub ?? ''}': use list, get, records, errors, cancel, retry, delete, output or stats`);
      }
    });
  },
};
