import { describe, expect, it } from 'vitest';
import { coalesceTicks, ProgressPacer, throttleBackoffMs, type ProgressTick } from '../../functions/core/jobs/progress-ticks.ts';

const progress = (rowsRead: number): ProgressTick<{ type: string; rowsRead: number }> => ({ tenantId: 't', jobId: 'j', message: { type: 'job.progress', rowsRead } });
const status = (stage: string): ProgressTick<{ type: string; stage: string }> => ({ tenantId: 't', jobId: 'j', message: { type: 'job.status', stage } });

describe('coalesceTicks', () => {
  it('keeps only the newest of a run of progress ticks', () => {
    expect(coalesceTicks([progress(1), progress(2), progress(3)]).map((t) => t.message)).toEqual([{ type: 'job.progress', rowsRead: 3 }]);
  });

  it('keeps every status, in order, and drops the progress a later status supersedes', () => {
    const ticks = [progress(1), status('parse'), progress(2), progress(5), status('map'), status('enrich'), progress(9)];
    expect(coalesceTicks(ticks).map((t) => t.message)).toEqual([
      { type: 'job.status', stage: 'parse' },
      { type: 'job.status', stage: 'map' },
      { type: 'job.status', stage: 'enrich' },
      { type: 'job.progress', rowsRead: 9 },
    ]);
  });

  it('keeps a lone status and nothing else', () => {
    expect(coalesceTicks([status('persist')])).toHaveLength(1);
    expect(coalesceTicks([])).toEqual([]);
  });
});

describe('ProgressPacer', () => {
  it('lets the first progress of a job go at once and makes the next wait out the gap', () => {
    const pacer = new ProgressPacer(300, 250);
    expect(pacer.delayFor('a', 1000, 10)).toBe(0);
    pacer.sent('a', 1000);
    expect(pacer.delayFor('a', 1100, 10)).toBe(200);
    expect(pacer.delayFor('a', 1300, 10)).toBe(0);
    // another job is not held by the first
    expect(pacer.delayFor('b', 1100, 10)).toBe(0);
  });

  it('stretches the gap of a crowded job to keep its posts per second bounded', () => {
    const pacer = new ProgressPacer(300, 250);
    expect(pacer.gapMs(75)).toBe(300);
    expect(pacer.gapMs(1000)).toBe(4000);
    pacer.sent('a', 0);
    expect(pacer.delayFor('a', 1000, 1000)).toBe(3000);
  });
});

describe('throttleBackoffMs', () => {
  it('doubles from 100 ms to a 2 s cap, with half of each wait random', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => throttleBackoffMs(a, () => 0))).toEqual([50, 100, 200, 400, 800, 1000, 1000]);
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => throttleBackoffMs(a, () => 1))).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
  });
});

describe('ProgressPacer forgets quiet jobs', () => {
  // a gap far longer than a minute, so a job remembered is still held and a forgotten one is not
  const crowd = 100_000;
  const fill = (pacer: ProgressPacer, n: number) => {
    for (let i = 0; i < n; i++) pacer.sent(`job${i}`, 0);
  };

  it('once it holds more than 1,000 jobs, those quiet for over a minute', () => {
    const pacer = new ProgressPacer(300, 1);
    fill(pacer, 1000);
    pacer.sent('late', 60_001);
    expect(pacer.delayFor('job0', 60_001, crowd)).toBe(0);
    expect(pacer.delayFor('late', 60_001, crowd)).toBeGreaterThan(0);
  });

  it('keeps a job quiet for exactly a minute, and keeps all while it holds 1,000', () => {
    const exact = new ProgressPacer(300, 1);
    fill(exact, 1000);
    exact.sent('late', 60_000);
    expect(exact.delayFor('job0', 60_000, crowd)).toBeGreaterThan(0);
    const few = new ProgressPacer(300, 1);
    fill(few, 999);
    few.sent('late', 90_000);
    expect(few.delayFor('job0', 90_000, crowd)).toBeGreaterThan(0);
  });
});
