import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MAPPING_CONFIDENCE_THRESHOLD } from '../../functions/core/map/suggest-mapping.ts';
import type { MappingResult } from '../../functions/core/pipeline-types.ts';
import { BUILTIN_SCHEMAS, getSchema } from '../../functions/core/schemas/registry.ts';
import type { SchemaDefinition } from '../../functions/core/schemas/schema-types.ts';
import { suggestForFile } from '../../functions/core/templates/suggest.ts';
import { gateSignals, type GateSignals } from './gate-signals.ts';
import { withPartUnknownHeaders, withUnknownHeaders } from './unknown-headers.ts';

/**
 * Mapping evaluation (heuristics only: no templates, no AI) over every fixture set under
 * test/fixtures/mapping-eval/: a folder holding call_record.json, contact.json and/or
 * company_account.json is one set. For each set it prints field accuracy (the case
 * format and the scoring rule are in that folder's README), how often the right schema is
 * ranked first among the built-ins, the expected fields that are wrong or missing in
 * layouts the mapper would auto-accept (status `mapped`), the right field mappings it was
 * not sure of (below the auto-accept threshold), unit scales (`scale`), the time per layout,
 * and a calibration table of field confidence against correctness.
 */

type Answer = string | string[] | null;
export interface EvalCase {
  id: string;
  source: string;
  headers: string[];
  rows: string[][];
  expect: Record<string, string | string[]>;
  alternatives?: Record<string, Answer[]>;
  /** expected unit multiplier a number/money field's mapping carries (e.g. 1000 for "(in 000s USD)") */
  scale?: Record<string, number>;
}
export interface EvalFile {
  schema: string;
  cases: EvalCase[];
}

export const FIXTURES = join(import.meta.dirname, '../fixtures/mapping-eval');
const SCHEMA_FILES = ['call_record.json', 'contact.json', 'company_account.json'];

/**
 * Floors per set, set a little under what was measured on 2026-12-06 (see the README):
 * accuracy, ranked-first rate, and the most wrong-or-missing fields tolerated in
 * auto-accepted layouts. A set without an entry (e.g. a new holdout) gets DEFAULT_FLOOR.
 * Every tuning set tolerates no auto-accepted error: a job that succeeds with a field lost is
 * worse than one a person confirms.
 */
export const FLOORS: Record<string, { accuracy: number; rankedFirst: number; errorsAccepted: number }> = {
  // measured 99.7 %, 49/51, 0
  '.': { accuracy: 0.97, rankedFirst: 0.94, errorsAccepted: 0 },
  // measured 99.3 %, 27/27, 0
  holdout: { accuracy: 0.95, rankedFirst: 0.96, errorsAccepted: 0 },
  // measured 100 %, 24/24, 0 (the set the lexicon and value checks were tuned on)
  'v2/tuning': { accuracy: 0.97, rankedFirst: 0.95, errorsAccepted: 0 },
  // measured 95.4 %, 31/32, 0 (90.0 % and 3 layouts as v2/holdout; moved to tuning 2026-12-06 after repeated measurement);
  // 97.9 % (191/195), 32/32, 0 on 2026-12-07 (Cisco epoch start, docomo 通話先, Croatian Web-mjesto)
  'v2/tuning-b': { accuracy: 0.93, rankedFirst: 0.9, errorsAccepted: 0 },
  // measured 98.2 %, 46/46, 0 (written as a holdout, measured once at 70.5 %, then tuned on)
  'v3/tuning': { accuracy: 0.96, rankedFirst: 0.95, errorsAccepted: 0 },
  // measured 95.5 %, 32/34, 0 (90.1 % and 5 layouts as v4/holdout; moved to tuning 2026-12-06 after repeated measurement);
  // 97.4 % (191/196), 32/34, 0 on 2026-12-07 (Yeastar's Call To and Communication Type);
  // 98.0 % (192/196), 33/34, 0 after the v11 tuning rules (Hungary's "Értékesítés nettó árbevétele")
  'v4/tuning': { accuracy: 0.93, rankedFirst: 0.9, errorsAccepted: 0 },
  // measured 99.2 %, 42/42, 0 (80.7 %, 39/42 and 7 layouts before it was tuned on)
  'v5/tuning': { accuracy: 0.97, rankedFirst: 0.95, errorsAccepted: 0 },
  // measured 100 %, 30/30, 0 (76.1 %, 29/30 and 2 layouts with 3 fields before it was tuned on)
  'v7/tuning': { accuracy: 0.97, rankedFirst: 0.96, errorsAccepted: 0 },
  // 29 layouts in 19 languages the lexicon did not cover (Persian, Uzbek, Armenian, Mongolian,
  // Afrikaans, Urdu, Bengali, Nepali, Khmer, Tamil, Sinhala, Hausa, Yoruba, Amharic, Kyrgyz),
  // written 2026-12-07 before the lexicon entries for them: measured 36.4 % (60/165), 27/29, no
  // layout auto-accepted; after them 100 % (165/165), 29/29, 28 auto-accepted, 0 errors.
  'v10/tuning': { accuracy: 0.97, rankedFirst: 0.96, errorsAccepted: 0 },
  // Written 2026-12-06 as v6/holdout, the independent held-out set: measured four times, totals
  // only (84.0 %, 83.9 %, 85.3 %, 85.3 %; at best 5 fields in 4 auto-accepted layouts), then moved
  // to tuning on 2026-12-06 when v8/holdout was written; tuned on since: 91.6 % (197/215), 33/36, 0;
  // 95.4 % (206/216), 34/36, 0 on 2026-12-07; 96.7 % (207/214), 34/36, 0 after the v10 tuning rules.
  'v6/tuning': { accuracy: 0.93, rankedFirst: 0.9, errorsAccepted: 0 },
  // Written 2026-12-06 as v8/holdout, the independent held-out set: totals only, first 89.9 % (186/207),
  // 34/36, 3 fields in 3 auto-accepted layouts; then 92.7 % and 94.1-95.1 % (193/205 to 194/204),
  // 35/36, each time 1 field in 1 auto-accepted layout. Moved to tuning on 2026-12-07 after
  // repeated measurement (v10/holdout is the independent measure); its misses are read since.
  // Tuned on (2026-12-07, see docs/mapping.md): 99.5 % (200/201), 35/36, 0; 25 layouts auto-accepted, 10 right ones held.
  'v8/tuning': { accuracy: 0.97, rankedFirst: 0.94, errorsAccepted: 0 },
  // Written 2026-12-07 as v9/holdout, a second independent held-out set: totals only, first 73.5 %
  // (136/185), 28/34, 1 field in 1 auto-accepted layout; then 77.8 % and 93.5 % (173/185), 33/34,
  // each time 1 field in 1 auto-accepted layout (95.1 %, 176/185, with the mapper of the day it
  // moved). Moved to tuning on 2026-12-07 after repeated measurement; its misses are read since.
  // Tuned on (2026-12-07, see docs/mapping.md): 98.4 % (181/184), 33/34, 0; 21 layouts auto-accepted, 11 right ones held.
  'v9/tuning': { accuracy: 0.96, rankedFirst: 0.94, errorsAccepted: 0 },
  // Written 2026-12-07 as v10/holdout, a third independent held-out set, in languages no earlier set
  // uses (Bengali, Urdu, Sinhala, Amharic, Khmer, Kyrgyz, Tamil, Hausa, Nepali, Welsh) and the v9
  // ones; totals only, measured five times as totals, 46.0 % first (87/189, before any mapper change
  // for it), 94.8 % last (181/191), each later time with 1 field in 1 auto-accepted layout. Moved to
  // tuning on 2026-12-07 after repeated measurement (v11/holdout is the independent measure); its
  // misses are read since. Tuned on (2026-12-07, see docs/mapping.md): 98.4 % (188/191), 35/35, 0;
  // 25 layouts auto-accepted, 7 right ones held.
  'v10/tuning-b': { accuracy: 0.97, rankedFirst: 0.97, errorsAccepted: 0 },
  // Written 2026-12-07 as v11/holdout, a fourth independent held-out set (46 layouts, 18 header
  // languages, export tools no earlier set uses): totals only, measured repeatedly at 96.0 % (264/275),
  // 46/46, 4 fields in 3 auto-accepted layouts. Moved to tuning on 2026-12-07 after repeated
  // measurement (v12/holdout and v13/holdout are the independent measures); its misses are read since.
  // Tuned on (2026-12-07, see docs/mapping.md): 100 % (271/271), 46/46, 0; 36 layouts auto-accepted, 10 right ones held.
  'v11/tuning': { accuracy: 0.97, rankedFirst: 0.97, errorsAccepted: 0 },
  // Written 2026-12-07 as v12/holdout, a fifth independent held-out set (37 layouts, 14 header
  // languages, columns that sound like a field and mean another): totals only, measured repeatedly
  // at 96.2 % (225/234), 36/37, 1 field in 1 of 24 auto-accepted layouts. Moved to tuning on
  // 2026-12-07 after repeated measurement (v13/holdout is the independent measure); its misses are read since.
  // Tuned on (2026-12-07, see docs/mapping.md): 100 % (232/232), 36/37, 0; 25 layouts auto-accepted, 12 right ones held.
  'v12/tuning': { accuracy: 0.97, rankedFirst: 0.95, errorsAccepted: 0 },
  // Written 2026-12-07 as v13/holdout, a sixth independent held-out set (45 layouts, 25 header
  // languages, export tools from Iceland to Kazakhstan): totals only, measured repeatedly at 97.4 %
  // (263/270), 45/45, 2 fields in 2 of 29 auto-accepted layouts. Moved to tuning on 2026-12-07 after
  // repeated measurement (v15/holdout is the independent measure); its misses are read since.
  // Tuned on (2026-12-07, see docs/mapping.md): 98.9 % (267/270), 45/45, 0; 30 layouts auto-accepted, 12 right ones held.
  'v13/tuning': { accuracy: 0.97, rankedFirst: 0.97, errorsAccepted: 0 },
  // Written 2026-12-07 as v14/holdout, a seventh independent held-out set (42 layouts, 16 header
  // languages, 15 of them in no earlier set: Lao, Burmese, Pashto, Sorani Kurdish, Turkmen, Somali,
  // Faroese, eight Indic and African ones): totals only, measured once at 81.5 % (198/243), 34/42,
  // 6 fields in 5 of 21 auto-accepted layouts. Moved to tuning on 2026-12-07 (v15/holdout is the
  // independent measure); its misses are read since. Tuned on (2026-12-07, see docs/mapping.md):
  // 100 % (243/243), 42/42, 0; 34 layouts auto-accepted, 8 right ones held.
  'v14/tuning': { accuracy: 0.97, rankedFirst: 0.95, errorsAccepted: 0 },
  // Written 2026-12-07 as v15/holdout, an eighth independent held-out set (42 layouts, 28 header
  // languages, 10 of them in no earlier set): totals only, 79.6 % (187/235), 36/42, 3 fields in 3 of
  // 17 auto-accepted layouts before the v13/v14 tuning and the same after it. Moved to tuning on
  // 2026-12-07 once v17/holdout was written; its misses are read since. Tuned on (2026-12-07, see
  // docs/mapping.md): 82.6 % (194/235), 38/42, 0; 14 layouts auto-accepted, 12 right ones held.
  'v15/tuning': { accuracy: 0.81, rankedFirst: 0.88, errorsAccepted: 0 },
  // Written 2026-12-07 as v16/holdout, a ninth (42 layouts, 31 header languages, 14 in no earlier
  // set): totals only, 81.1 % (197/243), 37/42, 3 fields in 3 of 17 before the v13/v14 tuning;
  // 82.3 % (200/243), 38/42, 3 in 3 of 17 after it. Moved to tuning with v15. Tuned on: 86.4 %
  // (209/242), 39/42, 0; 13 layouts auto-accepted, 15 right ones held.
  'v16/tuning': { accuracy: 0.85, rankedFirst: 0.9, errorsAccepted: 0 },
  // Written 2026-12-07 as v17/holdout, a tenth independent held-out set (42 layouts, 36 header
  // languages, 14 in no earlier set), before any tuning on v15 and v16: totals only, 77.4 %
  // (178/230), 34/42, 1 field in 1 of 13 auto-accepted layouts; after that tuning and the
  // unread-column hold, 77.4 %, 34/42, 1 field in 1 of 8. Moved to tuning on 2026-12-08 once
  // v18/holdout was written. Tuned on: 90.2 % (203/225), 38/42, 0; 8 layouts auto-accepted.
  'v17/tuning': { accuracy: 0.88, rankedFirst: 0.88, errorsAccepted: 0 },
  // Written 2026-12-07 as an eleventh independent held-out set (42 layouts, 38 header languages, 14
  // in no earlier set), before any tuning on v17: totals only, 78.8 % (189/240), 37/42, 0 fields
  // in 6 auto-accepted layouts, 3/4 unit scales, on the mapper as it was then. After the tuning on
  // v17 (2026-12-08): 83.3 % (199/239), 40/42, 1 field in 1 of 6 auto-accepted layouts (not looked
  // at: the set stays held out), 3/4.
  'v18/holdout': { accuracy: 0.82, rankedFirst: 0.9, errorsAccepted: 1 },
};
/** A set measured for the first time (a new holdout): fail only below what the mapper did before this work on unseen layouts (61.5 %). */
const DEFAULT_FLOOR = { accuracy: 0.6, rankedFirst: 0.75, errorsAccepted: Number.POSITIVE_INFINITY };

const same = (a: Answer, b: Answer) => JSON.stringify(a === null ? null : [a].flat()) === JSON.stringify(b === null ? null : [b].flat());

export interface FieldOutcome {
  field: string;
  correct: boolean;
  /** the field was expected (not only predicted) */
  expected: boolean;
  predicted: boolean;
  confidence: number;
}

/**
 * Score one case's fields. A field is scored when it is expected, or predicted, or has
 * alternatives without `null`; correct when the predicted headers equal the expected ones
 * or an alternative. Correctly unmapped fields are not scored.
 */
export function scoreCase(c: EvalCase, predicted: Record<string, { headers: string[]; confidence: number }>, fields: string[]): FieldOutcome[] {
  const out: FieldOutcome[] = [];
  for (const field of fields) {
    const expected: Answer = c.expect[field] ?? null;
    const alternatives = c.alternatives?.[field] ?? [];
    const p = predicted[field];
    const got: Answer = p?.headers ?? null;
    if (got === null && expected === null) continue;
    if (got === null && alternatives.includes(null)) continue;
    const correct = same(got, expected) || alternatives.some((a) => same(got, a));
    out.push({ field, correct, expected: expected !== null, predicted: got !== null, confidence: p?.confidence ?? 0 });
  }
  return out;
}

export interface SetResult {
  set: string;
  cases: number;
  correct: number;
  scored: number;
  rankedFirst: number;
  /** wrong or missing expected fields in layouts whose mapping was auto-accepted */
  errorsAccepted: number;
  /** layouts auto-accepted with at least one wrong or missing field */
  layoutsAcceptedWrong: number;
  layoutsAccepted: number;
  /** right field mappings whose confidence is below the threshold */
  rightBelow: number;
  scaleRight: number;
  scaleExpected: number;
  msPerLayout: number;
  fields: FieldOutcome[];
  layouts: { id: string; status: MappingResult['status']; confidence: number; allRight: boolean; signals?: GateSignals }[];
  lines: string[];
}

/** Folders under the fixtures root that hold at least one schema file, as paths relative to it ("." for the root). */
export function findSets(root = FIXTURES): string[] {
  const sets: string[] = [];
  const walk = (dir: string) => {
    if (SCHEMA_FILES.some((f) => existsSync(join(dir, f)))) sets.push(relative(root, dir) || '.');
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
    }
  };
  walk(root);
  return sets;
}

/** The schema files of one set, each with its schema and cases. */
function readSet(set: string, root: string): { schema: SchemaDefinition; cases: EvalCase[] }[] {
  return SCHEMA_FILES.map((f) => join(root, set, f))
    .filter((path) => existsSync(path))
    .map((path) => {
      const file = JSON.parse(readFileSync(path, 'utf8')) as EvalFile;
      return { schema: getSchema(file.schema), cases: file.cases };
    });
}

/** Evaluate one set (a folder of schema files). */
/**
 * Mapping runs on promises that are already resolved, so a whole evaluation never lets the
 * event loop turn: under `npm test` on a busy machine it held vitest's worker past the 60 s
 * its messages to the runner wait for ("Timeout calling onTaskUpdate", a failed run whose
 * tests all passed). One turn per layout costs nothing measurable.
 */
const letTheLoopRun = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function evaluateSet(set: string, root = FIXTURES, rewrite: (c: EvalCase) => EvalCase = (c) => c, withSignals = false): Promise<SetResult> {
  const r: SetResult = {
    set, cases: 0, correct: 0, scored: 0, rankedFirst: 0, errorsAccepted: 0, layoutsAcceptedWrong: 0, layoutsAccepted: 0,
    rightBelow: 0, scaleRight: 0, scaleExpected: 0, msPerLayout: 0, fields: [], layouts: [], lines: [],
  };
  const schemas = [...BUILTIN_SCHEMAS.values()];
  const none = { findByFingerprint: async () => [], listRecent: async () => [] };
  let elapsed = 0;
  for (const { schema, cases } of readSet(set, root)) {
    for (const c of cases.map(rewrite)) {
      await letTheLoopRun();
      r.cases++;
      const t0 = performance.now();
      const chosen = await suggestForFile({ headers: c.headers, sampleRows: c.rows, layout: {}, schemas, requestedSchema: schema.name }, none);
      const auto = await suggestForFile({ headers: c.headers, sampleRows: c.rows, layout: {}, schemas }, none);
      elapsed += performance.now() - t0;
      const m = chosen.mapping;
      if (auto.schemas[0]?.name === schema.name) r.rankedFirst++;
      else r.lines.push(`    rank ${c.id}: ${auto.schemas.map((s) => `${s.name} ${s.confidence}`).join(', ')}`);
      const predicted = Object.fromEntries(m.fields.map((x) => [x.field, { headers: x.sourceHeaders, confidence: x.confidence }]));
      const outcomes = scoreCase(c, predicted, schema.fields.map((x) => x.name));
      const wrong = outcomes.filter((o) => !o.correct);
      r.fields.push(...outcomes);
      r.scored += outcomes.length;
      r.correct += outcomes.length - wrong.length;
      const accepted = m.status === 'mapped';
      r.layouts.push({ id: c.id, status: m.status, confidence: m.confidence, allRight: wrong.length === 0, ...(withSignals ? { signals: gateSignals(c.headers, c.rows, schema, m) } : {}) });
      if (accepted) {
        r.layoutsAccepted++;
        r.errorsAccepted += wrong.length;
        if (wrong.length > 0) r.layoutsAcceptedWrong++;
      }
      r.rightBelow += outcomes.filter((o) => o.correct && o.predicted && o.confidence < MAPPING_CONFIDENCE_THRESHOLD).length;
      for (const w of wrong) {
        const got = predicted[w.field];
        r.lines.push(`    miss ${c.id}.${w.field}: got ${JSON.stringify(got?.headers ?? null)} (${got?.confidence ?? '-'}), want ${JSON.stringify(c.expect[w.field] ?? null)}${accepted ? '  [auto-accepted]' : ''}`);
      }
      for (const [field, want] of Object.entries(c.scale ?? {})) {
        r.scaleExpected++;
        const fm = m.fields.find((x) => x.field === field);
        const got = fm?.transforms?.find((t) => t.kind === 'scale');
        const factor = got?.kind === 'scale' ? got.factor : 1;
        if (factor === want) r.scaleRight++;
        else r.lines.push(`    scale ${c.id}.${field}: got ${factor}, want ${want}`);
      }
    }
  }
  r.msPerLayout = r.cases === 0 ? 0 : elapsed / r.cases;
  return r;
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

/** Field confidence buckets against the share of right answers (mapped fields only). */
export function calibrationTable(fields: readonly FieldOutcome[]): string[] {
  const edges = [0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01];
  const lines = ['  field confidence  mapped  right  share'];
  for (let i = 0; i < edges.length - 1; i++) {
    const lo = edges[i]!;
    const hi = edges[i + 1]!;
    const inBucket = fields.filter((f) => f.predicted && f.confidence >= lo && f.confidence < hi);
    const right = inBucket.filter((f) => f.correct).length;
    lines.push(`  [${lo.toFixed(2)}, ${Math.min(hi, 1).toFixed(2)}${hi > 1 ? ']' : ')'}      ${String(inBucket.length).padStart(5)}  ${String(right).padStart(5)}  ${pct(right, inBucket.length)}`);
  }
  return lines;
}

/** Thresholds 0.50, 0.55 ... up to `last`, as exact two-decimal numbers (0.5 + 3 x 0.05 is 0.6500000000000001, which would count a field at 0.65 as below it). */
function sweepSteps(last: number): number[] {
  const steps: number[] = [];
  for (let i = 0; 0.5 + i * 0.05 <= last + 1e-9; i++) steps.push(Math.round((0.5 + i * 0.05) * 100) / 100);
  return steps;
}

/**
 * For each candidate threshold: wrong field mappings at or above it (they would be
 * auto-accepted) and right ones below it (a person is asked for nothing). The threshold is
 * chosen from this table on the tuning sets, never on a holdout.
 */
export function thresholdSweep(fields: readonly FieldOutcome[]): string[] {
  const lines = ['  threshold  wrong >= t  right < t'];
  for (const t of sweepSteps(0.95)) {
    const wrong = fields.filter((f) => f.predicted && !f.correct && f.confidence >= t).length;
    const right = fields.filter((f) => f.predicted && f.correct && f.confidence < t).length;
    lines.push(`  ${t.toFixed(2)}       ${String(wrong).padStart(5)}      ${String(right).padStart(5)}${Math.abs(t - MAPPING_CONFIDENCE_THRESHOLD) < 1e-9 ? '   <- in use' : ''}`);
  }
  return lines;
}

/**
 * The same choice by layout, which is what a person sees: for each candidate threshold, the
 * tuning layouts that would be auto-accepted with a wrong or missing expected field, and the
 * layouts with every field right that would still go to a person. Layouts are mapped again
 * with each threshold (a threshold also decides which weak fields block acceptance).
 */
export async function layoutSweep(sets: readonly string[], root = FIXTURES): Promise<string[]> {
  const schemas = [...BUILTIN_SCHEMAS.values()];
  const none = { findByFingerprint: async () => [], listRecent: async () => [] };
  const lines = ['  threshold  layouts accepted with an error  right layouts not accepted'];
  for (const t of sweepSteps(0.9)) {
    let acceptedWrong = 0;
    let rightHeld = 0;
    for (const set of sets) {
      for (const { schema, cases } of readSet(set, root)) {
        for (const c of cases) {
          await letTheLoopRun();
          const m = (await suggestForFile({ headers: c.headers, sampleRows: c.rows, layout: {}, schemas, requestedSchema: schema.name, threshold: t }, none)).mapping;
          const predicted = Object.fromEntries(m.fields.map((x) => [x.field, { headers: x.sourceHeaders, confidence: x.confidence }]));
          const allRight = scoreCase(c, predicted, schema.fields.map((x) => x.name)).every((o) => o.correct);
          if (m.status === 'mapped' && !allRight) acceptedWrong++;
          if (m.status !== 'mapped' && allRight) rightHeld++;
        }
      }
    }
    lines.push(`  ${t.toFixed(2)}       ${String(acceptedWrong).padStart(5)}                           ${String(rightHeld).padStart(5)}${Math.abs(t - MAPPING_CONFIDENCE_THRESHOLD) < 1e-9 ? '   <- in use' : ''}`);
  }
  return lines;
}

/** The whole mapping evaluation, as `npm run eval` prints it. */
/** What the mapping evaluation printed, and one line per floor it missed (empty when all held). */
export interface EvalOutcome {
  report: string[];
  failures: string[];
}

/**
 * `--skip-set=v18/holdout,...` leaves those sets out altogether (not run, not printed, no
 * floor checked): a held-out set that may be read only once is kept out of the runs made
 * while the mapper is being changed.
 */
function skippedSets(argv: readonly string[]): Set<string> {
  const arg = argv.find((a) => a.startsWith('--skip-set='));
  return new Set(arg === undefined ? [] : arg.slice('--skip-set='.length).split(',').filter(Boolean));
}

export async function evaluateMapping(argv: readonly string[] = process.argv): Promise<EvalOutcome> {
  if (argv.includes('--unknown-headers')) return { report: await unknownHeadersReport(skippedSets(argv)), failures: [] };
  const part = argv.find((a) => a.startsWith('--part-unknown-headers='));
  if (part !== undefined) {
    const share = Number(part.slice('--part-unknown-headers='.length));
    if (!(share > 0 && share < 1)) throw new Error(`--part-unknown-headers wants a share between 0 and 1, not ${part}`);
    return { report: await unknownHeadersReport(skippedSets(argv), share), failures: [] };
  }
  const report: string[] = [];
  const failures: string[] = [];
  const tuning: FieldOutcome[] = [];
  const tuningSets: string[] = [];
  const skipped = skippedSets(argv);
  for (const set of findSets().filter((s) => !skipped.has(s))) {
    const r = await evaluateSet(set);
    const held = set.split('/').includes('holdout');
    if (!held) {
      tuning.push(...r.fields);
      tuningSets.push(set);
    }
    const acc = r.scored === 0 ? 0 : r.correct / r.scored;
    const ranked = r.cases === 0 ? 0 : r.rankedFirst / r.cases;
    report.push(
      `set ${set}: ${r.cases} layouts`,
      `  field accuracy            ${r.correct}/${r.scored} = ${pct(r.correct, r.scored)}`,
      `  schema ranked first       ${r.rankedFirst}/${r.cases} = ${pct(r.rankedFirst, r.cases)}`,
      `  auto-accepted layouts     ${r.layoutsAccepted} (${r.layoutsAcceptedWrong} with a wrong or missing field; ${r.errorsAccepted} such fields)`,
      `  right layouts not accepted ${r.layouts.filter((l) => l.allRight && l.status !== 'mapped').length} (all fields right, but a person is asked)`,
      `  right fields below ${MAPPING_CONFIDENCE_THRESHOLD}   ${r.rightBelow}`,
      ...(r.scaleExpected > 0 ? [`  unit scales               ${r.scaleRight}/${r.scaleExpected}`] : []),
      `  suggestion time           ${r.msPerLayout.toFixed(1)} ms per layout (requested schema + auto-detection over the built-ins)`,
      // a held-out set's misses are not printed unless asked for: read, they would steer the next change
      ...(!held || process.argv.includes('--show-holdout') ? r.lines : [`  (per-layout misses hidden for a held-out set; --show-holdout prints them)`]),
    );
    const floor = FLOORS[set] ?? DEFAULT_FLOOR;
    if (acc < floor.accuracy) failures.push(`${set}: field accuracy ${pct(r.correct, r.scored)} < ${floor.accuracy * 100}%`);
    if (ranked < floor.rankedFirst) failures.push(`${set}: ranked first ${pct(r.rankedFirst, r.cases)} < ${floor.rankedFirst * 100}%`);
    if (r.errorsAccepted > floor.errorsAccepted) failures.push(`${set}: ${r.errorsAccepted} wrong or missing fields auto-accepted > ${floor.errorsAccepted}`);
  }
  report.push(
    'calibration on the tuning sets (holdouts left out):',
    ...calibrationTable(tuning),
    'auto-accept threshold on the tuning sets, by field:',
    ...thresholdSweep(tuning),
    'auto-accept threshold on the tuning sets, by layout:',
    ...(await layoutSweep(tuningSets)),
  );
  return { report, failures };
}

/**
 * `--unknown-headers`: the tuning sets again with every header in a script no lexicon knows
 * (test/eval/unknown-headers.ts), as totals beside the same sets read as written. No floor:
 * it is a measure of what the values carry, not a gate. Held-out sets are left out (their
 * totals read this way would still be a reading of them).
 *
 * `--part-unknown-headers=<share>`: the same with about that share of each layout's headers in
 * the script (a fixed draw per layout and column), the rest as written: a layout the mapper
 * reads in part, as a tool in an unknown language with a few English words would print it.
 * It also prints the gate study: for each signal a layout-level gate could hold a layout on
 * (test/eval/gate-signals.ts), the layouts auto-accepted with an error it would catch and the
 * right auto-accepted layouts it would hold, on the partly unreadable sets and as written.
 */
async function unknownHeadersReport(skipped: ReadonlySet<string>, partShare?: number): Promise<string[]> {
  const rewrite = partShare === undefined ? withUnknownHeaders : withPartUnknownHeaders(partShare);
  const study = partShare !== undefined;
  const lines = [
    partShare === undefined
      ? 'tuning sets with their headers in an unknown script (values as written):'
      : `tuning sets with about ${partShare} of each layout's headers in an unknown script (the rest and the values as written):`,
    '  set             fields right        as written     accepted with an error  accepted  right layouts held',
  ];
  const sum = { correct: 0, scored: 0, plainCorrect: 0, plainScored: 0, wrongLayouts: 0, wrongFields: 0, accepted: 0, rightHeld: 0 };
  const layouts: { ciphered: SetResult['layouts']; plain: SetResult['layouts'] } = { ciphered: [], plain: [] };
  for (const set of findSets().filter((s) => !skipped.has(s) && !s.split('/').includes('holdout'))) {
    const plain = await evaluateSet(set, FIXTURES, (c) => c, study);
    const r = await evaluateSet(set, FIXTURES, rewrite, study);
    const rightHeld = r.layouts.filter((l) => l.allRight && l.status !== 'mapped').length;
    layouts.ciphered.push(...r.layouts);
    layouts.plain.push(...plain.layouts);
    Object.assign(sum, {
      correct: sum.correct + r.correct, scored: sum.scored + r.scored, plainCorrect: sum.plainCorrect + plain.correct, plainScored: sum.plainScored + plain.scored,
      wrongLayouts: sum.wrongLayouts + r.layoutsAcceptedWrong, wrongFields: sum.wrongFields + r.errorsAccepted, accepted: sum.accepted + r.layoutsAccepted, rightHeld: sum.rightHeld + rightHeld,
    });
    lines.push(`  ${set.padEnd(14)}  ${`${r.correct}/${r.scored} = ${pct(r.correct, r.scored)}`.padEnd(18)}  ${pct(plain.correct, plain.scored).padEnd(13)}  ${`${r.layoutsAcceptedWrong} (${r.errorsAccepted} fields)`.padEnd(22)}  ${`${r.layoutsAccepted} of ${r.cases}`.padEnd(8)}  ${rightHeld}`);
  }
  lines.push(`  all             ${`${sum.correct}/${sum.scored} = ${pct(sum.correct, sum.scored)}`.padEnd(18)}  ${pct(sum.plainCorrect, sum.plainScored).padEnd(13)}  ${`${sum.wrongLayouts} (${sum.wrongFields} fields)`.padEnd(22)}  ${String(sum.accepted).padEnd(8)}  ${sum.rightHeld}`);
  if (study) lines.push(...gateStudy(layouts.ciphered, layouts.plain));
  return lines;
}

/** For each gate signal: accepted layouts with an error it catches, right accepted layouts it holds, partly unreadable and as written. */
function gateStudy(ciphered: SetResult['layouts'], plain: SetResult['layouts']): string[] {
  const count = (ls: SetResult['layouts'], name: string) => {
    const accepted = ls.filter((l) => l.status === 'mapped');
    const wrong = accepted.filter((l) => !l.allRight);
    const right = accepted.filter((l) => l.allRight);
    return { caught: `${wrong.filter((l) => l.signals?.[name]).length}/${wrong.length}`, held: `${right.filter((l) => l.signals?.[name]).length}/${right.length}` };
  };
  const names = Object.keys(ciphered.find((l) => l.signals !== undefined)?.signals ?? {});
  const lines = ['gate study (hold an auto-accepted layout when ...):', '  signal                                                        partly unreadable: errors caught  right held   as written: errors caught  right held'];
  for (const name of names) {
    const c = count(ciphered, name);
    const p = count(plain, name);
    lines.push(`  ${name.padEnd(62)}  ${c.caught.padEnd(32)}  ${c.held.padEnd(10)}   ${p.caught.padEnd(25)}  ${p.held}`);
  }
  return lines;
}
