import { describe, expect, it } from 'vitest';
import { evaluateMapping, findSets, scoreCase, type EvalCase } from '../eval/mapping.ts';

/**
 * The mapping evaluation `npm run eval` prints (test/eval/mapping.ts), as a guard in
 * `npm test`: every fixture set under test/fixtures/mapping-eval/ must stay at or above
 * its floors. The scoring rule is tested on its own first.
 */
describe('mapping evaluation', () => {
  it('scores a case strictly: a wrong extra mapping and a missed field both count', () => {
    const c: EvalCase = { id: 'x', source: '', headers: ['A', 'B', 'C'], rows: [], expect: { a: 'A', b: ['B', 'C'] }, alternatives: { c: [null, 'C'] } };
    const p = (h: string[]) => ({ headers: h, confidence: 1 });
    const count = (o: ReturnType<typeof scoreCase>) => ({ correct: o.filter((x) => x.correct).length, scored: o.length });
    expect(count(scoreCase(c, { a: p(['A']), b: p(['B', 'C']) }, ['a', 'b', 'c']))).toEqual({ correct: 2, scored: 2 });
    expect(count(scoreCase(c, { a: p(['B']), b: p(['B']), d: p(['C']) }, ['a', 'b', 'c', 'd']))).toEqual({ correct: 0, scored: 3 });
    expect(count(scoreCase(c, { a: p(['A']), b: p(['B', 'C']), c: p(['C']) }, ['a', 'b', 'c']))).toEqual({ correct: 3, scored: 3 });
  });

  it('finds the development, holdout and v2 sets', () => {
    expect(findSets()).toEqual(expect.arrayContaining(['.', 'holdout', 'v2/tuning']));
  });

  it('keeps every set at or above its floors (accuracy, schema ranked first, errors auto-accepted)', async () => {
    const { report, failures } = await evaluateMapping();
    process.stdout.write(`${report.join('\n')}\n`);
    expect(failures).toEqual([]);
    // seven sets, each layout mapped again per threshold of the sweep: over a minute on a busy machine
  }, 240_000);
});
