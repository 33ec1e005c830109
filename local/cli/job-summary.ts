import type { ApiClient } from './api-client.ts';
import { qualityLines, warningLines } from './quality-lines.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';

/*
 * The summary of a job a command followed to its end: status, counts, time per stage, what
 * the file was, the region it was read in, quality and warnings, what to run next, and its
 * first records.
 */

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

/** Printed on stdout; `elapsedMs` since the command started. */
export async function printSummary(api: ApiClient, job: ApiJob, elapsedMs: number) {
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

