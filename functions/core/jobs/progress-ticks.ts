/*
 * What the progress fan-out decides, without any AWS: which of a job's queued ticks still
 * need saying, when the next job.progress may go out, and how long to back off a throttled post.
 */

/** One message a stage queued for the subscribers of one job. */
export interface ProgressTick<M extends { type: string } = { type: string }> {
  tenantId: string;
  jobId: string;
  message: M;
}

const isProgress = (tick: ProgressTick) => tick.message.type === 'job.progress';

/**
 * The ticks of one job (in the order they were queued) that are worth sending: every
 * job.status, since each marks a stage change, and a job.progress only when nothing
 * queued after it says newer (a later progress, or a status, which carries the counts
 * too). Latest state wins; no status is ever dropped.
 */
export function coalesceTicks<T extends ProgressTick>(ticks: readonly T[]): T[] {
  return ticks.filter((tick, i) => !isProgress(tick) || i === ticks.length - 1);
}

/**
 * At most one job.progress per gap per job: `delayFor` says how long until the next may go
 * (a caller leaves out one that comes sooner), `sent` records that one went out. The gap is `minGapMs`, longer for a
 * job with so many subscribers that one progress message to each would pass
 * `postsPerSecondPerJob`: a crowd hears progress less often, and the posts a job costs stay
 * bounded. Entries of jobs quiet for a while are forgotten, so the map stays small.
 */
export class ProgressPacer {
  private readonly lastSent = new Map<string, number>();

  constructor(
    private readonly minGapMs: number,
    private readonly postsPerSecondPerJob: number,
  ) {}

  gapMs(subscribers: number): number {
    return Math.max(this.minGapMs, Math.ceil((subscribers * 1000) / this.postsPerSecondPerJob));
  }

  delayFor(jobKey: string, now: number, subscribers: number): number {
    const last = this.lastSent.get(jobKey);
    return last === undefined ? 0 : Math.max(0, last + this.gapMs(subscribers) - now);
  }

  sent(jobKey: string, at: number): void {
    this.lastSent.set(jobKey, at);
    if (this.lastSent.size > 1000) {
      for (const [key, time] of this.lastSent) if (at - time > 60_000) this.lastSent.delete(key);
    }
  }
}

/**
 * Wait before retry `attempt` (1-based) of a throttled post: exponential from `baseMs`,
 * capped at `capMs`, half of it random ("equal jitter"): posters throttled together do not
 * retry in step, and none retries at once.
 */
export function throttleBackoffMs(attempt: number, random: () => number = Math.random, baseMs = 100, capMs = 2000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
