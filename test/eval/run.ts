/**
 * `npm run eval`: runs every evaluation module in this folder (a `.ts` file that exports
 * `evaluate()`), or only those named on the command line, one after another. Exits
 * non-zero when a module reports a result under its floor or throws.
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Outcome = boolean | { passed?: boolean; ok?: boolean } | void;

async function main(): Promise<number> {
  const only = new Set(process.argv.slice(2));
  const files = (await readdir(import.meta.dirname)).filter((f) => f.endsWith('.ts') && f !== basename(import.meta.filename)).sort();
  let failed = 0;
  let ran = 0;
  for (const file of files) {
    const name = file.replace(/\.ts$/, '');
    if (only.size > 0 && !only.has(name)) continue;
    const mod = (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as { evaluate?: () => Promise<Outcome> };
    if (typeof mod.evaluate !== 'function') continue;
    ran++;
    try {
      const outcome = await mod.evaluate();
      const passed = typeof outcome === 'boolean' ? outcome : outcome === undefined ? true : (outcome.passed ?? outcome.ok ?? true);
      console.log(`\n[eval] ${name}: ${passed ? 'PASS' : 'FAIL (under its floor)'}`);
      if (!passed) failed++;
    } catch (err) {
      failed++;
      console.error(`\n[eval] ${name}: ERROR`, err);
    }
  }
  if (ran === 0) {
    console.error(`[eval] no evaluation module${only.size > 0 ? ` named ${[...only].join(', ')}` : ''}`);
    return 1;
  }
  return failed > 0 ? 1 : 0;
}

// exit explicitly: an evaluation may leave servers or timers behind
process.exit(await main());
