import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/** Small printing helpers shared by the benchmarks. */

export const perSecond = (rows: number, ms: number) => (ms > 0 ? (rows / ms) * 1000 : NaN);

export const fmtInt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');

export const fmtRatio = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');

export const fmtMs = (ms: number) => (Number.isFinite(ms) ? (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`) : 'n/a');

export interface Verdict {
  target: string;
  measured: string;
  pass: boolean;
}

export function printVerdicts(title: string, verdicts: Verdict[]): void {
  console.log(`\n${title}`);
  const width = Math.max(...verdicts.map((v) => v.target.length));
  for (const v of verdicts) console.log(`  ${v.pass ? 'PASS' : 'MISS'}  ${v.target.padEnd(width)}  ${v.measured}`);
}

/** The machine and how busy it is: numbers on a shared 2-core box mean little without it. */
export function machineLine(): string {
  const [one, five] = loadavg();
  return `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), load avg 1m ${one?.toFixed(2)} / 5m ${five?.toFixed(2)}`;
}

export const loadNow = () => loadavg()[0]?.toFixed(2) ?? '?';

/** A left-aligned table with a header row. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

/** Idle and total CPU ticks of the whole machine (Linux /proc/stat). */
function cpuTicks(): { idle: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: idle + iowait count as idle
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    return { idle: (fields[3] ?? 0) + (fields[4] ?? 0), total };
  } catch {
    return undefined;
  }
}

/**
 * How busy the machine is before we start, over `ms`: other people's work (possibly in
 * other containers, invisible to ps) that competes with the measurement for the cores.
 */
export async function machineBusyPercent(ms = 1000): Promise<string> {
  const a = cpuTicks();
  await sleep(ms);
  const b = cpuTicks();
  if (!a || !b || b.total === a.total) return 'n/a';
  return `${Math.round((1 - (b.idle - a.idle) / (b.total - a.total)) * 100)}%`;
}
