#!/usr/bin/env node
// Mutation testing of what a commit changed in the core (docs/testing.md, "In CI"):
// only the changed lines of changed files under functions/core are mutated, each file against
// the unit and property tests that import it, and the run fails when a file's score on those
// lines is under its target (85 % in parse, enrich, auth, webhooks and records; 75 % elsewhere).
//
//   npm run test:mutation:changed                        # HEAD against its parent
//   MUTATION_BASE=main npm run test:mutation:changed     # the branch against main
//
// MUTATION_LINE_CAP (default 150) bounds the changed lines mutated per run, so a large change
// cannot take the CI run past its time limit; the lines left out are named, and a run of the
// module (`npm run test:mutation -- --mutate <file>`) covers them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import base from '../../stryker.config.mjs';

const root = join(import.meta.dirname, '..', '..');
const baseRef = process.env.MUTATION_BASE ?? 'HEAD~1';
const lineCap = Number(process.env.MUTATION_LINE_CAP ?? 150);
const strictDirs = ['parse', 'enrich', 'auth', 'webhooks', 'records'];
const outDir = join(root, 'reports', 'mutation', 'changed');

const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });

if (spawnSync('git', ['rev-parse', '--verify', '--quiet', `${baseRef}^{commit}`], { cwd: root }).status !== 0) {
  console.log(`mutation (changed): no commit ${baseRef} to compare with (a shallow clone?); nothing to do`);
  process.exit(0);
}

/** Changed line ranges per core source file, from a diff without context lines. */
function changedRanges() {
  const diff = git('diff', '--unified=0', '--diff-filter=AM', '--no-color', baseRef, 'HEAD', '--', 'functions/core');
  const ranges = new Map();
  let file;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4).replace(/^b\//, '');
      file = isMutated(path) ? path : undefined;
      if (file !== undefined) ranges.set(file, []);
      continue;
    }
    const hunk = /^@@ -\S+ \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (file === undefined || hunk === null) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    if (count > 0) ranges.get(file).push([start, start + count - 1]);
  }
  return [...ranges].filter(([, r]) => r.length > 0);
}

function isMutated(path) {
  return path.endsWith('.ts') && !path.endsWith('.d.ts') && !path.includes('/data/') && !path.startsWith('functions/core/schemas/lexicon/');
}

/** Test files that import the module by its path: the module's own tests. */
function ownTests(file) {
  const wanted = new RegExp(`${file.replace(/\.ts$/, '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:\\.ts|\\.js)?['"]`);
  const found = [];
  for (const dir of ['test/unit', 'test/property']) {
    for (const name of readdirSync(join(root, dir), { recursive: true })) {
      const path = join(dir, String(name));
      if (!path.endsWith('.test.ts')) continue;
      if (wanted.test(readFileSync(join(root, path), 'utf8'))) found.push(path);
    }
  }
  return found.sort();
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

function scoreOf(report) {
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  const survivors = [];
  for (const [, file] of Object.entries(report.files)) {
    for (const m of file.mutants) {
      if (m.status in counts) counts[m.status]++;
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        survivors.push(`  line ${m.location.start.line}: ${m.mutatorName} -> ${JSON.stringify(m.replacement ?? '').slice(0, 100)} (${m.status})`);
      }
    }
  }
  const valid = counts.Killed + counts.Timeout + counts.Survived + counts.NoCoverage;
  return { counts, valid, score: valid === 0 ? 100 : (100 * (counts.Killed + counts.Timeout)) / valid, survivors };
}

const files = changedRanges();
if (files.length === 0) {
  console.log(`mutation (changed): no core source changed since ${baseRef}`);
  process.exit(0);
}
const { kept, dropped } = capRanges(files, lineCap);
mkdirSync(outDir, { recursive: true });
const started = Date.now();
let failed = false;
for (const [file, ranges] of kept) {
  const tests = ownTests(file);
  const target = strictDirs.includes(file.split('/')[2]) ? 85 : 75;
  const reportFile = join(outDir, `${file.replaceAll('/', '+')}.json`);
  const config = {
    ...base,
    mutate: ranges.map(([from, to]) => `${file}:${from}-${to}`),
    reporters: ['json', 'progress'],
    jsonReporter: { fileName: relative(root, reportFile) },
    incremental: false,
    timeoutMS: Number(process.env.MUTATION_TIMEOUT_MS ?? 20_000),
    concurrency: Number(process.env.MUTATION_CONCURRENCY ?? base.concurrency),
    // without a test of its own, the tests vitest finds related; a module-level mutant would
    // then re-run all of them, so those are left out (the summary says how many)
    ...(tests.length === 0 ? { ignoreStatic: true } : {}),
  };
  const configFile = join(outDir, 'stryker.changed.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  console.log(`mutation (changed): ${file} lines ${ranges.map(([a, b]) => (a === b ? a : `${a}-${b}`)).join(',')} against ${tests.length > 0 ? tests.join(', ') : 'the related tests (no test imports it)'}`);
  const env = { ...process.env };
  if (tests.length > 0) env.MUTATION_TESTS = tests.join(',');
  else delete env.MUTATION_TESTS;
  const run = spawnSync('npx', ['stryker', 'run', configFile], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) {
    console.error(`mutation (changed): stryker failed on ${file}`);
    failed = true;
    continue;
  }
  const { counts, valid, score, survivors } = scoreOf(JSON.parse(readFileSync(reportFile, 'utf8')));
  const ok = score >= target;
  console.log(
    `mutation (changed): ${file}: ${valid} mutants, ${counts.Killed} killed, ${counts.Timeout} timed out, ${counts.Survived} survived, ${counts.NoCoverage} without coverage: ${score.toFixed(1)} % (target ${target} %) ${ok ? 'ok' : 'FAIL'}`,
  );
  if (survivors.length > 0) console.log(survivors.join('\n'));
  if (!ok) failed = true;
}
if (dropped.length > 0) console.log(`mutation (changed): over the cap of ${lineCap} changed lines, not mutated: ${dropped.join(', ')}`);
console.log(`mutation (changed): ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
