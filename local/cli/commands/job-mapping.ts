import { readFile } from 'node:fs/promises';
import { printJson, type Target } from '../target.ts';
import { followResumed } from '../follow-job.ts';
import { printSummary } from '../job-summary.ts';
import type { ApiJob } from '../../../functions/core/jobs/job.ts';
import type { EnumValueMap } from '../../../functions/core/pipeline-types.ts';

/** What GET /v1/jobs/{id}/mapping answers (the parts shown here). */
export interface MappingView {
  jobId: string;
  status: string;
  headers: string[];
  mapping: {
    schema: string;
    status: string;
    confidence: number;
    missingRequired: string[];
    fields: { field: string; sources: number[]; sourceHeaders: string[]; confidence: number; reason: string; transforms?: unknown[] }[];
    valueMaps?: EnumValueMap[];
    region?: { region: string; evidence: string };
  };
  samples: { column: number; header: string; values: string[] }[];
  alternatives: { fields: Record<string, { column: number; header?: string; score: number }[]> };
}

const pct = (n: number) => `${Math.round(n * 100)}%`.padStart(4);

/** The suggestion as a person reads it: each field, its column(s), confidence, why, and sample values. */
export function describeMapping(view: MappingView): string {
  const m = view.mapping;
  const lines = [`${view.jobId}: ${view.status}, schema ${m.schema}, mapping ${m.status} (confidence ${pct(m.confidence).trim()})`];
  const width = Math.max(5, ...m.fields.map((f) => f.field.length));
  for (const f of m.fields) {
    const columns = f.sourceHeaders.length ? f.sourceHeaders.join(' + ') : '(default)';
    const samples = f.sources.flatMap((c) => view.samples[c]?.values.slice(0, 3) ?? []);
    lines.push(`  ${f.field.padEnd(width)}  <- ${columns.padEnd(24)} ${pct(f.confidence)}  ${f.reason.padEnd(13)} ${samples.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  for (const field of m.missingRequired) {
    const options = (view.alternatives.fields[field] ?? []).slice(0, 3).map((a) => `${view.headers[a.column] ?? `#${a.column}`} (${pct(a.score).trim()})`);
    lines.push(`  ${field.padEnd(width)}  <- (required, not mapped)${options.length ? `  candidates: ${options.join(', ')}` : ''}`);
  }
  for (const vm of m.valueMaps ?? []) {
    const read = Object.entries(vm.values).map(([value, to]) => `${JSON.stringify(value)} = ${to ?? (vm.by[value] === undefined ? '?' : '(none)')}${vm.by[value] !== undefined && vm.by[value] !== 'rules' ? ` (${vm.by[value]})` : ''}`);
    lines.push(`  ${vm.field} values in ${vm.column}: ${read.join(', ')}`);
  }
  if (m.region) lines.push(`  numbers and dates read as ${m.region.region}: ${m.region.evidence} (the job named no region)`);
  const used = new Set(m.fields.flatMap((f) => f.sources));
  const unused = view.headers.filter((_, i) => !used.has(i));
  if (unused.length) lines.push(`  columns not used: ${unused.join(', ')}`);
  lines.push(`Confirm: ai-file-parser jobs mapping ${view.jobId} --set field=Column,...  (or --file mapping.json) [--value field:VALUE=enum ...] [--save-as NAME]`);
  return lines.join('\n');
}

/**
 * `field=Column` pairs over the suggestion: a column by header (or `#index`), several joined
 * with `+` (Date+Time); `field=` drops the field. Other fields stay as suggested.
 */
export function applySets(view: MappingView, sets: string): MappingView['mapping']['fields'] {
  const fields = [...view.mapping.fields];
  for (const pair of sets.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--set takes field=Column pairs, not '${pair}'`);
    const field = pair.slice(0, eq).trim();
    const columns = pair.slice(eq + 1).trim();
    const at = fields.findIndex((f) => f.field === field);
    if (at >= 0) fields.splice(at, 1);
    if (!columns) continue;
    const sources = columns.split('+').map((c) => columnIndex(view.headers, c.trim()));
    fields.push({ field, sources, sourceHeaders: sources.map((i) => view.headers[i]!), confidence: 1, reason: 'confirmed' });
  }
  return fields;
}

/**
 * `field:VALUE=enum` answers, one per --value (`field:VALUE=` says the value means none of
 * them), as the PUT's `valueMaps`. The value is everything between the first `:` and the last `=`.
 */
export function parseValueSets(sets: readonly string[]): { field: string; values: Record<string, string | null> }[] {
  const byField = new Map<string, Record<string, string | null>>();
  for (const set of sets) {
    const colon = set.indexOf(':');
    const eq = set.lastIndexOf('=');
    if (colon <= 0 || eq <= colon + 1) throw new Error(`--value takes field:VALUE=enum (or field:VALUE= for none of them), not '${set}'`);
    const field = set.slice(0, colon).trim();
    const to = set.slice(eq + 1).trim();
    const values = byField.get(field) ?? {};
    values[set.slice(colon + 1, eq).trim()] = to === '' ? null : to;
    byField.set(field, values);
  }
  return [...byField].map(([field, values]) => ({ field, values }));
}

function columnIndex(headers: string[], column: string): number {
  const byIndex = /^#(\d+)$/.exec(column);
  const index = byIndex ? Number(byIndex[1]) : headers.indexOf(column);
  if (index < 0 || index >= headers.length) throw new Error(`No column '${column}': the file's columns are ${headers.map((h, i) => `${h} (#${i})`).join(', ')}`);
  return index;
}

/**
 * `jobs mapping <id>`: show the suggestion, or confirm one (--set / --file) and resume the job.
 * On the command's own embedded stack the resumed job is followed to its end, as `ingest`
 * follows its job, and the exit code is ingest's (0 only when it succeeded): the stack stops
 * when the command exits.
 */
export async function jobMapping(target: Target, jobId: string, opts: { set?: string; file?: string; values?: string[]; saveAs?: string; json?: boolean }): Promise<number> {
  const started = Date.now();
  const api = target.api;
  const path = `/v1/jobs/${encodeURIComponent(jobId)}/mapping`;
  const valueMaps = opts.values !== undefined && opts.values.length > 0 ? parseValueSets(opts.values) : undefined;
  if (!opts.set && !opts.file && valueMaps === undefined) {
    const view = await api.get<MappingView>(path);
    if (opts.json) printJson(view);
    else process.stdout.write(`${describeMapping(view)}\n`);
    return 0;
  }
  if (opts.set && opts.file) throw new Error('give --set or --file, not both');
  // --file: what `jobs mapping <id> --json` printed (edited), { mapping: ... }, or a list of fields
  const view = opts.file ? undefined : await api.get<MappingView>(path);
  const body: Record<string, unknown> = opts.file
    ? wrapFile(JSON.parse(await readFile(opts.file, 'utf8')) as unknown)
    : { mapping: { fields: opts.set ? applySets(view!, opts.set) : view!.mapping.fields } };
  if (valueMaps !== undefined) body.mapping = { ...(body.mapping as Record<string, unknown> | undefined), valueMaps };
  if (opts.saveAs) body.saveAsTemplate = { name: opts.saveAs };
  const res = await api.request<{ job: ApiJob; template: { templateId: string; name: string } | null }>('PUT', path, body);
  if (!opts.json) {
    process.stdout.write(`${res.job.jobId}: mapping confirmed, ${res.job.status} (attempt ${res.job.attempt})${res.template ? `; saved as template ${res.template.name} (${res.template.templateId})` : ''}\n`);
  }
  if (!target.embedded) {
    if (opts.json) printJson(res);
    else process.stdout.write(`Follow it: ai-file-parser jobs get ${res.job.jobId}\n`);
    return 0;
  }
  const job = await followResumed(target, res.job.jobId, { json: opts.json, detail: 'resumed' });
  if (opts.json) printJson({ ...res, job });
  else await printSummary(api, job, Date.now() - started);
  return job.status === 'succeeded' ? 0 : 1;
}

function wrapFile(content: unknown): Record<string, unknown> {
  if (Array.isArray(content)) return { mapping: { fields: content } };
  if (content && typeof content === 'object') return content as Record<string, unknown>;
  throw new Error('the mapping file must hold a JSON object (as jobs mapping --json prints it) or a list of fields');
}
