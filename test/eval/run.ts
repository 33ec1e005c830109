/**
 * `npm run eval`: runs every evaluation module and exits non-zero when one of them falls
 * under its floors. Each module measures one thing on fixtures it finds itself and prints
 * its own report; this file only dispatches. `npm run eval -- mapping` runs one module.
 */
import { evaluateMapping } from './mapping.ts';

export interface EvalOutcome {
  /** what the module printed, line by line */
  report: string[];
  /** one line per floor that was missed; empty when all held */
  failures: string[];
}

const MODULES: Record<string, () => Promise<EvalOutcome> | EvalOutcome> = {
  mapping: evaluateMapping,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
let failed = 0;
for (const [name, run] of Object.entries(MODULES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const outcome = await run();
  process.stdout.write(`== ${name}\n${outcome.report.join('\n')}\n`);
  for (const f of outcome.failures) process.stdout.write(`FLOOR MISSED (${name}): ${f}\n`);
  failed += outcome.failures.length;
}
process.exitCode = failed > 0 ? 1 : 0;
