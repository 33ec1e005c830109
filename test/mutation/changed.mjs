#!/usr/bin/env node
// Mutation testing of what a change did to the core (docs/testing.md, "In CI"): only the changed
// lines of changed files under functions/core are mutated, against the unit and property tests
// of each file, in one StrykerJS run, and the run fails when a file's score on those lines is
// under its target (85 % in parse, enrich, auth, webhooks and records; 75 % elsewhere).
// Mutants marked equivalent where they are (`// Stryker disable next-line <mutator>: <reason>`)
// are left out of the score, as StrykerJS leaves them out.
//
//   npm run test:mutation:changed                        # against the base chosen below
//   MUTATION_BASE=main npm run test:mutation:changed     # the branch against main
//   npm run test:mutation:changed -- --list              # only say what it would mutate
//
// The base: MUTATION_BASE when set; else, on a branch, where it left main (the merge base with
// origin/main or main); else (on main itself) the first parent of HEAD, so a merge commit is
// checked for the whole branch it merged. A clone without that commit (shallow) is skipped.
//
// MUTATION_LINE_CAP (default 150) bounds the changed lines mutated per run, so a large change
// cannot take the run past its time limit; the lines left out are named, and a run of the
// module (`npm run test:mutation -- --mutate <file>`) covers them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import base from '../../stryker.config.mjs';

const root = join(import.meta.dirname, '..', '..');
const listOnly = process.argv.includes('--list'); // what would be mutated, against which tests; no run
const lineCap = Number(process.env.MUTATION_LINE_CAP ?? 150);
const strictDirs = ['parse', 'enrich', 'auth', 'webhooks', 'records'];
const outDir = join(root, 'reports', 'mutation', 'changed');

const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const gitOk = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
const isCommit = (ref) => gitOk('rev-parse', '--verify', '--quiet', `${ref}^{commit}`).status === 0;

/** The commit to compare HEAD with (see the header). */
function chooseBase() {
  if (process.env.MUTATION_BASE) return { ref: process.env.MUTATION_BASE, why: 'MUTATION_BASE' };
  const head = git('rev-parse', 'HEAD');
  for (const main of ['origin/main', 'main']) {
    if (!isCommit(main)) continue;
    const mergeBase = gitOk('merge-base', 'HEAD', main);
    if (mergeBase.status === 0 && mergeBase.stdout.trim() !== head) return { ref: mergeBase.stdout.trim(), why: `where HEAD left ${main}` };
  }
  return { ref: 'HEAD~1', why: 'the first parent of HEAD' };
}

/**
 * Changed line ranges per core source file, from a diff without context lines. Added lines that
 * hold only a comment or nothing are left out: they have no mutant and would use up the cap.
 */
function changedRanges(baseRef) {
  const diff = git('diff', '--unified=0', '--diff-filter=AM', '--no-color', baseRef, 'HEAD', '--', 'functions/core');
  const lines = new Map();
  let file;
  let next = 0;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4).replace(/^b\//, '');
      file = isMutated(path) ? path : undefined;
      if (file !== undefined) lines.set(file, []);
      continue;
    }
    const hunk = /^@@ -\S+ \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk !== null) next = Number(hunk[1]);
    else if (file !== undefined && line.startsWith('+')) {
      if (!/^\s*(?:$|\/\/|\/\*|\*)/.test(line.slice(1))) lines.get(file).push(next);
      next++;
    }
  }
  return [...lines].filter(([, l]) => l.length > 0).map(([f, l]) => [f, toRanges(l)]);
}

/** Sorted line numbers as [from, to] runs. */
function toRanges(lines) {
  const ranges = [];
  for (const n of lines) {
    const last = ranges.at(-1);
    if (last !== undefined && last[1] === n - 1) last[1] = n;
    else ranges.push([n, n]);
  }
  return ranges;
}

function isMutated(path) {
  return path.endsWith('.ts') && !path.endsWith('.d.ts') && !path.includes('/data/') && !path.startsWith('functions/core/schemas/lexicon/');
}

let testSources;
/** Every unit and property test file with its text, read once. */
function allTests() {
  testSources ??= ['test/unit', 'test/property'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true })
      .map((name) => join(dir, String(name)))
      .filter((path) => path.endsWith('.test.ts'))
      .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') })),
  );
  return testSources;
}

/**
 * The module's own tests: the test files that import it by its path and are named after it
 * (`money.ts` -> `enrich-money.test.ts`); when none is named after it, every file that imports
 * it. Files that only use the module on the way to something else would slow each mutant down.
 */
export function ownTests(file) {
  const wanted = new RegExp(`${file.replace(/\.ts$/, '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:\\.ts|\\.js)?['"]`);
  const importers = allTests().filter((t) => wanted.test(t.text)).map((t) => t.path);
  const name = basename(file, '.ts');
  const named = importers.filter((path) => basename(path).includes(name));
  return (named.length > 0 ? named : importers).sort();
}

/** Keeps at most `cap` changed lines, in file order; returns what was kept and what was left. */
function capRanges(files, cap) {
  let left = cap;
  const kept = [];
  const dropped = [];
  for (const [file, ranges] of files) {
    const keep = [];
    for (const [from, to] of ranges) {
      const n = to - from + 1;
      if (left >= n) {
        keep.push([from, to]);
        left -= n;
      } else if (left > 0) {
        keep.push([from, from + left - 1]);
        dropped.push(`${file}:${from + left}-${to}`);
        left = 0;
      } else dropped.push(`${file}:${from}-${to}`);
    }
    if (keep.length > 0) kept.push([file, keep]);
  }
  return { kept, dropped };
}

/** Counts, score and survivors of one file of a StrykerJS JSON report. */
export function scoreOf(mutants) {
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0 };
  const survivors = [];
  for (const m of mutants) {
    if (m.status in counts) counts[m.status]++;
    if (m.status === 'Survived' || m.status === 'NoCoverage') {
      survivors.push(`  line ${m.location.start.line}: ${m.mutatorName} -> ${JSON.stringify(m.replacement ?? '').slice(0, 100)} (${m.status})`);
    }
  }
  const valid = counts.Killed + counts.Timeout + counts.Survived + counts.NoCoverage;
  return { counts, valid, score: valid === 0 ? 100 : (100 * (counts.Killed + counts.Timeout)) / valid, survivors };
}

/** One StrykerJS run over `files` ([file, ranges][]); returns its report's files, or undefined when it failed. */
function runStryker(name, files, tests) {
  const reportFile = join(outDir, `${name}.json`);
  rmSync(reportFile, { force: true });
  const config = {
    ...base,
    mutate: files.flatMap(([file, ranges]) => ranges.map(([from, to]) => `${file}:${from}-${to}`)),
    reporters: ['json', 'progress'],
    jsonReporter: { fileName: relative(root, reportFile) },
    incremental: false,
    timeoutMS: Number(process.env.MUTATION_TIMEOUT_MS ?? 20_000),
    concurrency: Number(process.env.MUTATION_CONCURRENCY ?? base.concurrency),
    // without tests of their own, the tests vitest finds related run; a module-level mutant
    // would then re-run all of them, so those are left out (the summary says how many)
    ...(tests === undefined ? { ignoreStatic: true } : {}),
  };
  const configFile = join(outDir, `stryker.${name}.json`);
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const env = { ...process.env };
  if (tests !== undefined) env.MUTATION_TESTS = tests.join(',');
  else delete env.MUTATION_TESTS;
  const run = spawnSync('npx', ['stryker', 'run', configFile], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) return undefined;
  // a run that finds no mutant on the lines (comments, types only) writes no report
  return existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')).files : {};
}

function main() {
  const { ref: baseRef, why } = chooseBase();
  if (!isCommit(baseRef)) {
    console.log(`mutation (changed): no commit ${baseRef} (${why}) to compare with (a shallow clone?); nothing to do`);
    return 0;
  }
  const files = changedRanges(baseRef);
  if (files.length === 0) {
    console.log(`mutation (changed): no core source changed since ${baseRef} (${why})`);
    return 0;
  }
  const { kept, dropped } = capRanges(files, lineCap);
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  const withTests = kept.map(([file, ranges]) => ({ file, ranges, tests: ownTests(file) }));
  const groups = [
    { name: 'own-tests', items: withTests.filter((f) => f.tests.length > 0) },
    { name: 'related-tests', items: withTests.filter((f) => f.tests.length === 0) },
  ].filter((g) => g.items.length > 0);
  console.log(`mutation (changed): against ${baseRef} (${why})`);
  let failed = false;
  for (const group of groups) {
    const tests = group.name === 'own-tests' ? [...new Set(group.items.flatMap((f) => f.tests))].sort() : undefined;
    for (const { file, ranges, tests: own } of group.items) {
      console.log(`mutation (changed): ${file} lines ${ranges.map(([a, b]) => (a === b ? a : `${a}-${b}`)).join(',')} against ${own.length > 0 ? own.join(', ') : 'the related tests (no test imports it)'}`);
    }
    if (listOnly) continue;
    const report = runStryker(group.name, group.items.map((f) => [f.file, f.ranges]), tests);
    if (report === undefined) {
      console.error(`mutation (changed): stryker failed on ${group.items.map((f) => f.file).join(', ')}`);
      failed = true;
      continue;
    }
    for (const { file } of group.items) {
      const target = strictDirs.includes(file.split('/')[2]) ? 85 : 75;
      const { counts, valid, score, survivors } = scoreOf(report[file]?.mutants ?? []);
      const ok = score >= target;
      console.log(
        `mutation (changed): ${file}: ${valid} mutants, ${counts.Killed} killed, ${counts.Timeout} timed out, ${counts.Survived} survived, ${counts.NoCoverage} without coverage (${counts.Ignored} marked equivalent, not counted): ${score.toFixed(1)} % (target ${target} %) ${ok ? 'ok' : 'FAIL'}`,
      );
      if (survivors.length > 0) console.log(survivors.join('\n'));
      if (!ok) failed = true;
    }
  }
  if (listOnly) return 0;
  if (dropped.length > 0) console.log(`mutation (changed): over the cap of ${lineCap} changed lines, not mutated: ${dropped.join(', ')}`);
  console.log(`mutation (changed): ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return failed ? 1 : 0;
}

if (process.argv[1] === import.meta.filename) process.exit(main());
