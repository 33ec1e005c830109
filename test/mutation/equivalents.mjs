#!/usr/bin/env node
// Lists the mutants marked equivalent in the core: every `// Stryker disable` comment under
// functions/core with its file, the line it covers, the mutators and the reason. The comments
// are the one list (test/mutation/equivalent.md says how they are written); this prints it,
// and exits 1 when a comment has no reason, names a mutator StrykerJS does not have, or
// disables a whole block instead of one line.
//
//   node test/mutation/equivalents.mjs            # the list, by file
//   node test/mutation/equivalents.mjs --count    # how many comments per file
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
// StrykerJS 9.6's JavaScript/TypeScript mutators
const MUTATORS = new Set([
  'ArithmeticOperator', 'ArrayDeclaration', 'ArrowFunction', 'AssignmentOperator', 'BlockStatement', 'BooleanLiteral',
  'ConditionalExpression', 'EqualityOperator', 'LogicalOperator', 'MethodExpression', 'ObjectLiteral', 'OptionalChaining',
  'Regex', 'StringLiteral', 'UnaryOperator', 'UpdateOperator',
]);
const DIRECTIVE = /\/\/\s?Stryker (disable|restore)(?: (next-line))? ([a-zA-Z, ]+)(?::(.*))?$/;

export function listEquivalents() {
  const found = [];
  const problems = [];
  const dir = join(root, 'functions', 'core');
  for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
    if (!name.endsWith('.ts')) continue;
    const file = `functions/core/${name}`;
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    lines.forEach((text, i) => {
      const m = DIRECTIVE.exec(text.trim());
      if (m === null) return;
      const [, kind, scope, names, reason] = m;
      const mutators = names.split(',').map((s) => s.trim());
      const where = `${file}:${i + 1}`;
      if (kind !== 'disable' || scope !== 'next-line') problems.push(`${where}: only "disable next-line" is used here, so each mark covers one line`);
      for (const mutator of mutators) if (!MUTATORS.has(mutator)) problems.push(`${where}: no mutator "${mutator}"`);
      if (reason === undefined || reason.trim().length < 10) problems.push(`${where}: no reason`);
      found.push({ file, line: i + 2, mutators, reason: reason?.trim() ?? '', code: lines[i + 1]?.trim() ?? '' });
    });
  }
  return { found, problems };
}

if (process.argv[1] === import.meta.filename) {
  const { found, problems } = listEquivalents();
  if (process.argv.includes('--count')) {
    const perFile = new Map();
    for (const e of found) perFile.set(e.file, (perFile.get(e.file) ?? 0) + 1);
    for (const [file, n] of perFile) console.log(`${String(n).padStart(3)}  ${file}`);
    console.log(`${String(found.length).padStart(3)}  in all`);
  } else {
    let last;
    for (const e of found) {
      if (e.file !== last) console.log(`\n${e.file}`);
      last = e.file;
      console.log(`  ${e.line} ${e.mutators.join(',')}: ${e.reason}\n      ${e.code}`);
    }
  }
  for (const p of problems) console.error(p);
  process.exit(problems.length > 0 ? 1 : 0);
}
