import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

/**
 * The held-out header set (test/fixtures/mapping-eval/README.md says how it was written and
 * scored). Heuristics only: no AI, no templates. The floor guards against regressions; the
 * measured number is printed so the closing note can state it.
 */

type Answer = string | string[] | null;
interface EvalCase {
  id: string;
  source: string;
  headers: string[];
  rows: string[][];
  expect: Record<string, string | string[]>;
  alternatives?: Record<string, Answer[]>;
}
interface EvalFile {
  schema: string;
  cases: EvalCase[];
}

const DIR = join(import.meta.dirname, '../fixtures/mapping-eval');
const FILES = ['call_record.json', 'contact.json', 'company_account.json'];
const load = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as EvalFile;

const same = (a: Answer, b: Answer) => JSON.stringify(a === null ? null : [a].flat()) === JSON.stringify(b === null ? null : [b].flat());

interface Score {
  correct: number;
  scored: number;
  misses: string[];
}

/** Score one case: see the README for what counts. */
export function scoreCase(c: EvalCase, predicted: Record<string, string[]>, fields: string[]): Score {
  const s: Score = { correct: 0, scored: 0, misses: [] };
  for (const field of fields) {
    const expected: Answer = c.expect[field] ?? null;
    const alternatives = c.alternatives?.[field] ?? [];
    const got: Answer = predicted[field] ?? null;
    if (got === null && expected === null) continue;
    if (got === null && alternatives.includes(null)) continue;
    s.scored++;
    if (same(got, expected) || alternatives.some((a) => same(got, a))) s.correct++;
    else s.misses.push(`${c.id}.${field}: got ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
  }
  return s;
}

function evaluate(file: EvalFile): Score & { cases: number } {
  const schema = getSchema(file.schema);
  const total: Score & { cases: number } = { correct: 0, scored: 0, misses: [], cases: file.cases.length };
  for (const c of file.cases) {
    const m = suggestMapping(c.headers, c.rows, schema);
    const predicted = Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));
    const s = scoreCase(c, predicted, schema.fields.map((f) => f.name));
    total.correct += s.correct;
    total.scored += s.scored;
    total.misses.push(...s.misses);
  }
  return total;
}

describe('mapping accuracy on the held-out header set (no AI)', () => {
  it('scores a case strictly: a wrong extra mapping and a missed field both count', () => {
    const c: EvalCase = { id: 'x', source: '', headers: ['A', 'B', 'C'], rows: [], expect: { a: 'A', b: ['B', 'C'] }, alternatives: { c: [null, 'C'] } };
    expect(scoreCase(c, { a: ['A'], b: ['B', 'C'] }, ['a', 'b', 'c'])).toMatchObject({ correct: 2, scored: 2 });
    expect(scoreCase(c, { a: ['B'], b: ['B'], d: ['C'] }, ['a', 'b', 'c', 'd'])).toMatchObject({ correct: 0, scored: 3 });
    expect(scoreCase(c, { a: ['A'], b: ['B', 'C'], c: ['C'] }, ['a', 'b', 'c'])).toMatchObject({ correct: 3, scored: 3 });
  });

  function run(label: string, files: string[]) {
    let correct = 0;
    let scored = 0;
    const lines: string[] = [];
    for (const f of files) {
      const file = load(f);
      const r = evaluate(file);
      correct += r.correct;
      scored += r.scored;
      lines.push(`  ${file.schema.padEnd(16)} ${r.cases} cases  ${r.correct}/${r.scored} fields  ${((100 * r.correct) / r.scored).toFixed(1)}%`);
      for (const m of r.misses) lines.push(`    miss ${m}`);
    }
    const accuracy = correct / scored;
    process.stdout.write(`mapping-eval ${label} field accuracy (heuristics only): ${correct}/${scored} = ${(accuracy * 100).toFixed(1)}%\n${lines.join('\n')}\n`);
    return { accuracy, scored };
  }

  it('maps the carrier, CRM and other-language variants of the development set with high field accuracy', () => {
    const { accuracy, scored } = run('development set', FILES);
    expect(scored).toBeGreaterThan(250);
    // measured 98.7% after tuning on this set (79.7% before); the floor leaves room, not slack for regressions
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('maps the holdout set (never used to tune the mapper) with high field accuracy', () => {
    const { accuracy, scored } = run('holdout set', FILES.map((f) => `holdout/${f}`));
    expect(scored).toBeGreaterThan(120);
    // measured 95.3% on its first and only run after the mapper work
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
