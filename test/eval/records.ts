/**
 * Records evaluation: real-shaped exports through the real pipeline on the embedded local
 * stack (one stack for the run, a tenant per file, no AI), their records compared field
 * by field with what a person expects.
 *
 * Cases live in `test/fixtures/eval/records/<half>/<case>/` as `input.<ext>` and
 * `expect.json` (schema, options, rowsRead, rowsSkipped, one expected record per data
 * row in file order; a field expected as null must be absent; an omitted field is not
 * scored). Every half present is evaluated: `dev` (written with the code), `tuning` and
 * `holdout` (written independently). Field accuracy = correct / scored, per file, per
 * half and overall; a half under its floor fails the run.
 *
 * Two figures per file: "auto" is what the job produced on its own (a job parked in
 * `needs_mapping` produced nothing and scores 0); "confirmed" is what it produces when a
 * person confirms the suggestion exactly as offered (the GET mapping PUT back unchanged).
 * The floors hold on "auto"; "confirmed" shows how much a single click would recover.
 *
 *   npm run eval                     (every module)
 *   node --import tsx test/eval/run.ts records
 *   node --import tsx test/eval/run.ts records --half=dev,tuning   (only those halves)
 *
 * The holdout half prints only its totals: its per-file lines would steer the next change.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { uploadFile } from '../../local/cli/upload.ts';
import { ApiError, type ApiClient } from '../../local/cli/api-client.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';
import { downloadRecords, startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';

/**
 * Lowest field accuracy each half may have (0..1), a regression guard set from measurements
 * (see test/fixtures/eval/records/README.md). The holdout's target is 0.85; it measured 82.1 %
 * on 2026-12-06, then 78.6 %, then 70.6 % once the mapper held every layout where the file
 * shows a field the mapping leaves out (a call code in words no rule reads, a quantity, a
 * name): more held-out files wait for one click, while what a person confirming the
 * suggestion gets stayed at 89.7 %. A right layout held is accepted; a wrong one accepted is
 * not, so the floor follows the auto figure down, rounded down, until the target is met.
 * Tuning measured 97.7 %, then 100.0 % on 2026-12-07: its floor rose from 90 % to 97 %.
 */
export const FLOORS: Readonly<Record<string, number>> = { dev: 0.97, tuning: 0.97, holdout: 0.7 };
/**
 * `npm run eval -- records --as-new-user`: every file uploaded without its options (time zone,
 * region, currency), as a new user would; what the service reads from the file alone. A
 * measurement, not a gate: the floors are not checked.
 */
const AS_NEW_USER = process.argv.includes('--as-new-user');

export const CASES_ROOT = join(import.meta.dirname, '../fixtures/eval/records');
export const HALVES: readonly string[] = ['dev', 'tuning', 'holdout'];

export interface ExpectFile {
  schema: string;
  source?: string;
  options?: { timezone?: string; defaultRegion?: string; defaultCurrency?: string };
  rowsRead: number;
  rowsSkipped?: number;
  records: Record<string, unknown>[];
  notes?: string;
}

export interface FieldTally {
  correct: number;
  scored: number;
}

export interface CaseScore {
  half: string;
  name: string;
  status: string;
  tally: FieldTally;
  byField: Map<string, FieldTally>;
  /** first misses, for the report: "row 3 direction: expected inbound, got (absent)" */
  misses: string[];
  /** the same file after a person confirms the suggested mapping unchanged (= auto when the job did not wait for one) */
  confirmed: { status: string; tally: FieldTally };
  counts: { rowsRead: number; rowsSkipped: number | undefined; rowsRejected: number; expectedRead: number; expectedSkipped: number | undefined };
}

/** One expected value against the record's: instants as instants, null as "absent", lists as sets. */
export function sameValue(field: string, expected: unknown, actual: unknown): boolean {
  if (expected === null) return actual === undefined || actual === null;
  if (actual === undefined || actual === null) return false;
  if (field === 'started_at' || field.endsWith('_at')) {
    const a = Date.parse(String(expected));
    return !Number.isNaN(a) && a === Date.parse(String(actual));
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    const norm = (xs: unknown[]) => xs.map((x) => String(x).trim().toLowerCase()).sort();
    const e = norm(expected);
    const a = norm(actual);
    return e.every((v, i) => v === a[i]);
  }
  if (typeof expected === 'number') return typeof actual === 'number' && Math.abs(actual - expected) < 1e-9;
  if (typeof expected === 'string') return typeof actual === 'string' && actual.trim() === expected.trim();
  return JSON.stringify(expected) === JSON.stringify(actual);
}

function matches(expected: Record<string, unknown>, actual: Record<string, unknown>): number {
  let n = 0;
  for (const [k, v] of Object.entries(expected)) if (sameValue(k, v, actual[k])) n++;
  return n;
}

/**
 * Pairs expected and actual records in file order (a rejected row leaves a gap): the
 * alignment with the most agreeing fields, by dynamic programming. Returns, per expected
 * record, the index of its actual record or -1.
 */
export function alignRecords(expected: readonly Record<string, unknown>[], actual: readonly Record<string, unknown>[]): number[] {
  if (expected.length === actual.length) return expected.map((_, i) => i);
  const n = expected.length;
  const m = actual.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, matches(expected[i]!, actual[j]!) + best[i + 1]![j + 1]!);
    }
  }
  const out = new Array<number>(n).fill(-1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const take = matches(expected[i]!, actual[j]!) + best[i + 1]![j + 1]!;
    if (best[i]![j] === take && take > best[i + 1]![j]!) {
      out[i] = j;
      i++;
      j++;
    } else if (best[i]![j] === best[i + 1]![j]) i++;
    else j++;
  }
  return out;
}

/** Field-level score of a job's records against the expected ones. */
export function scoreRecords(expected: readonly Record<string, unknown>[], actual: readonly Record<string, unknown>[]): Pick<CaseScore, 'tally' | 'byField' | 'misses'> {
  const pairs = alignRecords(expected, actual);
  const tally: FieldTally = { correct: 0, scored: 0 };
  const byField = new Map<string, FieldTally>();
  const misses: string[] = [];
  expected.forEach((exp, i) => {
    const act = pairs[i]! >= 0 ? actual[pairs[i]!]! : undefined;
    for (const [field, value] of Object.entries(exp)) {
      const ok = act !== undefined && sameValue(field, value, act[field]);
      const f = byField.get(field) ?? { correct: 0, scored: 0 };
      f.scored++;
      tally.scored++;
      if (ok) {
        f.correct++;
        tally.correct++;
      } else if (misses.length < 8) {
        misses.push(`record ${i + 1} ${field}: expected ${JSON.stringify(value)}, got ${act === undefined ? '(no record)' : act[field] === undefined ? '(absent)' : JSON.stringify(act[field])}`);
      }
      byField.set(field, f);
    }
  });
  return { tally, byField, misses };
}

async function listCases(halves: readonly string[]): Promise<{ half: string; name: string; dir: string }[]> {
  const out: { half: string; name: string; dir: string }[] = [];
  for (const half of halves) {
    const root = join(CASES_ROOT, half);
    const names = await readdir(root).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const dir = join(root, name);
      if ((await stat(dir)).isDirectory() && (await readdir(dir)).includes('expect.json')) out.push({ half, name, dir });
    }
  }
  return out;
}

async function runCase(stack: TestStack, c: { half: string; name: string; dir: string }): Promise<CaseScore> {
  const expect = JSON.parse(await readFile(join(c.dir, 'expect.json'), 'utf8')) as ExpectFile;
  const input = (await readdir(c.dir)).find((f) => f.startsWith('input.'));
  if (input === undefined) throw new Error(`${c.half}/${c.name}: no input.<ext>`);
  const { api } = await stack.tenant();
  // --as-new-user: the file alone, as someone who names no time zone, region or currency uploads it
  const given = AS_NEW_USER ? {} : (expect.options ?? {});
  const options = Object.fromEntries(Object.entries(given).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const { jobId } = await uploadFile(api, join(c.dir, input), { schema: expect.schema, options });
  const job = await waitForJob(api, jobId, 120_000);
  const records = job.status === 'succeeded' ? await fetchRecords(api, jobId) : [];
  const scored = scoreRecords(expect.records, records);
  const confirmed = job.status === 'needs_mapping' ? await confirmAsSuggested(api, jobId, expect.records) : { status: jobStatus(job), tally: scored.tally };
  return {
    half: c.half,
    name: c.name,
    status: jobStatus(job),
    ...scored,
    confirmed,
    counts: {
      rowsRead: job.progress.rowsRead,
      rowsSkipped: job.progress.rowsSkipped,
      rowsRejected: job.progress.rowsRejected,
      expectedRead: expect.rowsRead,
      expectedSkipped: expect.rowsSkipped,
    },
  };
}

const jobStatus = (job: ApiJob): string => (job.status === 'succeeded' ? 'succeeded' : `${job.status}${job.error ? ` (${job.error.type}: ${job.error.message})` : ''}`);

/**
 * What a person gets who clicks "confirm" on the suggestion without changing it: the GET
 * answer PUT back whole (the API accepts its read-only keys), the job resumed and scored.
 * A suggestion the API refuses (a required field left unmapped) scores 0.
 */
async function confirmAsSuggested(api: ApiClient, jobId: string, expected: readonly Record<string, unknown>[]): Promise<CaseScore['confirmed']> {
  const path = `/v1/jobs/${jobId}/mapping`;
  const view = await api.get<Record<string, unknown>>(path);
  try {
    await api.request('PUT', path, view);
  } catch (err) {
    const details = err instanceof ApiError && err.details !== undefined ? `: ${JSON.stringify(err.details)}` : '';
    return { status: `refused (${(err as Error).message}${details})`.slice(0, 300), tally: scoreRecords(expected, []).tally };
  }
  const job = await waitForJob(api, jobId, 120_000);
  const records = job.status === 'succeeded' ? await fetchRecords(api, jobId) : [];
  return { status: jobStatus(job), tally: scoreRecords(expected, records).tally };
}

async function fetchRecords(api: ApiClient, jobId: string): Promise<Record<string, unknown>[]> {
  return (await downloadRecords(api, jobId)).map((l) => JSON.parse(l) as Record<string, unknown>);
}

const pct = (t: FieldTally): string => (t.scored === 0 ? '   -  ' : `${((100 * t.correct) / t.scored).toFixed(1).padStart(5)}%`);

function report(scores: readonly CaseScore[]): { passed: boolean; lines: string[] } {
  const lines: string[] = [];
  let passed = true;
  const overall: FieldTally = { correct: 0, scored: 0 };
  const overallConfirmed: FieldTally = { correct: 0, scored: 0 };
  const add = (into: FieldTally, t: FieldTally) => {
    into.correct += t.correct;
    into.scored += t.scored;
  };
  for (const half of HALVES) {
    const mine = scores.filter((s) => s.half === half);
    if (mine.length === 0) continue;
    lines.push(`\n${half} (${mine.length} files)   auto   confirmed as suggested`);
    const total: FieldTally = { correct: 0, scored: 0 };
    const totalConfirmed: FieldTally = { correct: 0, scored: 0 };
    const fields = new Map<string, FieldTally>();
    // a held-out half's per-file lines, misses and per-field figures are not printed unless
    // asked for: read, they would steer the next change and the half would stop measuring
    const hidden = half === 'holdout' && !process.argv.includes('--show-holdout');
    for (const s of mine) {
      add(total, s.tally);
      add(totalConfirmed, s.confirmed.tally);
      for (const [k, v] of s.byField) {
        const f = fields.get(k) ?? { correct: 0, scored: 0 };
        add(f, v);
        fields.set(k, f);
      }
      if (hidden) continue;
      const c = s.counts;
      const countsOk = c.rowsRead === c.expectedRead && (c.expectedSkipped === undefined || c.rowsSkipped === c.expectedSkipped) && c.rowsRejected === 0;
      const afterConfirm = s.status === 'succeeded' ? '' : `, confirmed: ${s.confirmed.status}`;
      lines.push(
        `  ${pct(s.tally)} ${pct(s.confirmed.tally)}  ${`${s.tally.correct}/${s.tally.scored}`.padStart(9)}  ${s.name.padEnd(28)} ${s.status === 'succeeded' ? '' : `[${s.status}${afterConfirm}] `}` +
          `read ${c.rowsRead}/${c.expectedRead}, skipped ${c.rowsSkipped ?? '-'}/${c.expectedSkipped ?? '-'}, rejected ${c.rowsRejected}${countsOk ? '' : '  <- counts differ'}`,
      );
      for (const m of s.misses) lines.push(`        ${m}`);
    }
    add(overall, total);
    add(overallConfirmed, totalConfirmed);
    const floor = FLOORS[half] ?? 0;
    const ok = AS_NEW_USER || (total.scored > 0 && total.correct / total.scored >= floor);
    if (!ok) passed = false;
    if (hidden) lines.push(`  (per-file lines, misses and per-field figures hidden for the held-out half; --show-holdout prints them)`);
    else lines.push(`  by field: ${[...fields].map(([k, v]) => `${k} ${pct(v).trim()}`).join(', ')}`);
    const verdict = AS_NEW_USER ? '(as a new user: no options, floor not checked)' : `(floor ${(floor * 100).toFixed(0)}%) ${ok ? 'PASS' : 'FAIL'}`;
    lines.push(`  ${half}: ${pct(total).trim()} of ${total.scored} fields ${verdict}; confirmed as suggested ${pct(totalConfirmed).trim()}`);
  }
  lines.push(`\noverall: ${pct(overall).trim()} of ${overall.scored} fields; confirmed as suggested ${pct(overallConfirmed).trim()}`);
  return { passed, lines };
}

/**
 * Runs every case of the halves asked for (all present by default); `passed` is false when
 * one of them is under its floor.
 */
export async function evaluate(halves: readonly string[] = HALVES): Promise<{ name: string; passed: boolean }> {
  // "no AI": the heuristics alone, whatever the shell has configured
  delete process.env.ANTHROPIC_API_KEY;
  const unknown = halves.filter((h) => !HALVES.includes(h));
  if (unknown.length > 0) throw new Error(`no half named ${unknown.join(', ')} (have: ${HALVES.join(', ')})`);
  const cases = await listCases(halves);
  if (cases.length === 0) throw new Error(`no cases under ${CASES_ROOT} for ${halves.join(', ')}`);
  const stack = await startTestStack();
  const scores: CaseScore[] = [];
  try {
    for (const c of cases) scores.push(await runCase(stack, c));
  } finally {
    await stack.stop();
  }
  const { passed, lines } = report(scores);
  console.log(`records: field accuracy of ${cases.length} files through the pipeline (${halves.join(', ')})${lines.join('\n')}`);
  return { name: 'records', passed };
}
