import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../functions/core/jobs/stage-failure.ts';

describe('describeFailure', () => {
  it("keeps the Lambda error's type and message, never its trace", () => {
    const cause = JSON.stringify({ errorType: 'NoDataRowsError', errorMessage: 'No data rows after the header on line 3', trace: ['at x'] });
    expect(describeFailure({ Error: 'NoDataRowsError', Cause: cause })).toEqual({ type: 'NoDataRowsError', message: 'No data rows after the header on line 3' });
  });

  it('names what failed inside a distributed Map from the error the stage noted', () => {
    const mapRun = { Error: 'States.ExceedToleratedFailureThreshold', Cause: 'The specified tolerated failure threshold was exceeded' };
    expect(describeFailure(mapRun, { type: 'LimitExceededError', message: 'Line 9 is longer than the limit', stage: 'enrich' })).toEqual({
      type: 'LimitExceededError',
      message: 'Line 9 is longer than the limit',
    });
    // With nothing noted (or only another stage's error), no handler code ran to say why:
    // the job says a chunk failed silently and where to look, not the Map's own jargon.
    for (const failure of [describeFailure(mapRun), describeFailure(mapRun, { type: 'TransientError', message: 'S3 503', stage: 'parse' })]) {
      expect(failure.type).toBe('ChunkFailedError');
      expect(failure.message).toMatch(/ran out of time or memory.*Map Run/);
    }
  });
});
