/**
 * `npm run eval`: runs every evaluation module and exits non-zero when one of them falls
 * under its floors. Each module measures one thing on fixtures it finds itself and prints
 * its own report; this file only dispatches. `npm run eval -- mapping` runs one module;
 * `npm run eval -- records --half=dev,tuning` runs the records evaluation on those halves;
 * `npm run eval -- mapping --skip-set=v10/holdout` leaves a mapping set out.
 */
import { evaluateMapping } from './mapping.ts';
import { evaluate as evaluateRecords, HALVES } from './records.ts';

/** `--half=dev,tuning` limits the records evaluation to those halves (default: all present). */
const halfArg = process.argv.find((a) => a.startsWith('--half='));
const halves = halfArg === undefined ? HALVES : halfArg.slice('--half='.length).split(',').filter(Boolean);

/** Each module prints its report and answers whether every floor held. */
const MODULES: Record<string, () => Promise<boolean>> = {
  mapping: async () => {
    const outcome = await evaluateMapping();
    process.stdout.write(`${outcome.report.join('\n')}\n`);
    for (const f of outcome.failures) process.stdout.write(`FLOOR MISSED (mapping): ${f}\n`);
    return outcome.failures.length === 0;
  },
  records: async () => (await evaluateRecords(halves)).passed,
};

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !(w in MODULES));
  if (unknown.length > 0) {
    console.error(`[eval] no evaluation module named ${unknown.join(', ')} (have: ${Object.keys(MODULES).join(', ')})`);
    return 2;
  }
  let failed = 0;
  for (const [name, run] of Object.entries(MODULES)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    process.stdout.write(`\n== ${name}\n`);
    try {
      const passed = await run();
      process.stdout.write(`[eval] ${name}: ${passed ? 'PASS' : 'FAIL (under its floor)'}\n`);
      if (!passed) failed++;
    } catch (err) {
      failed++;
      console.error(`[eval] ${name}: ERROR`, err);
    }
  }
  return failed > 0 ? 1 : 0;
}

// exit explicitly: the records evaluation leaves a local stack's servers and timers behind
process.exit(await main());
