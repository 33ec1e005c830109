import { describe, expect, it } from 'vitest';
import { withLiveProgress } from '../../functions/core/jobs/live-progress.ts';

const job = (over: Partial<Parameters<typeof withLiveProgress>[0]> = {}) => ({
  attempt: 2,
  progress: { rowsRead: 1000, rowsWritten: 300, rowsRejected: 10, rowsSkipped: 0, bytesRead: 0 },
  enrichedChunks: new Set([0]),
  ...over,
});

describe('withLiveProgress', () => {
  it('adds the counts of chunks still running of this attempt to what finished chunks committed', () => {
    const live = withLiveProgress(
      job({
        enrichLive: {
          0: { attempt: 2, index: 0, read: 310, written: 300, rejected: 10 }, // committed already
          1: { attempt: 2, index: 1, read: 120, written: 118, rejected: 2 },
          2: { attempt: 1, index: 2, read: 500, written: 500, rejected: 0 }, // an earlier attempt
        },
      }),
    );
    expect(live.progress).toMatchObject({ rowsRead: 1000, rowsWritten: 418, rowsRejected: 12 });
  });

  it('counts the rows and bytes of a byte range, whose rows Parse never counted', () => {
    const live = withLiveProgress(job({ progress: { rowsRead: 0, rowsWritten: 0, rowsRejected: 0, rowsSkipped: 0, bytesRead: 0, bytesEnriched: 4096 }, enrichedChunks: undefined, enrichLive: { 3: { attempt: 2, index: 3, read: 50, written: 49, rejected: 1, bytes: 2048 } } }));
    expect(live.progress).toMatchObject({ rowsRead: 50, rowsWritten: 49, rowsRejected: 1, bytesEnriched: 6144 });
  });

  it('leaves a job without running chunks as it is', () => {
    const plain = job();
    expect(withLiveProgress(plain)).toBe(plain);
  });
});
