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

  it("calls an error with no type of its own (none, or Lambda's generic 'Error') InternalError, keeping its message", () => {
    const cause = JSON.stringify({ errorType: 'Error', errorMessage: 'socket hang up' });
    expect(describeFailure({ Error: 'Error', Cause: cause })).toEqual({ type: 'InternalError', message: 'socket hang up' });
    expect(describeFailure({ Cause: cause })).toEqual({ type: 'InternalError', message: 'socket hang up' });
    expect(describeFailure({ Error: '', Cause: cause })).toEqual({ type: 'InternalError', message: 'socket hang up' });
    expect(describeFailure({ Error: 'Errors', Cause: cause })).toEqual({ type: 'Errors', message: 'socket hang up' });
  });

  it('keeps a plain-text cause as it is, and JSON without an errorMessage too', () => {
    expect(describeFailure({ Error: 'States.Runtime', Cause: 'The JSONPath $.x could not be found' })).toEqual({ type: 'States.Runtime', message: 'The JSONPath $.x could not be found' });
    expect(describeFailure({ Error: 'X', Cause: '{"errorMessage":42}' })).toEqual({ type: 'X', message: '{"errorMessage":42}' });
  });

  it("says a timeout in words rather than Step Functions' cause", () => {
    expect(describeFailure({ Error: 'States.Timeout', Cause: 'Task timed out after 900.00 seconds' })).toEqual({ type: 'States.Timeout', message: 'The stage took longer than its time limit' });
  });

  it('never answers an empty message, and caps a long one at 1,000 characters', () => {
    expect(describeFailure({ Error: 'X' })).toEqual({ type: 'X', message: 'The stage failed without a message' });
    expect(describeFailure({ Error: 'X', Cause: '' })).toEqual({ type: 'X', message: 'The stage failed without a message' });
    expect(describeFailure({ Error: 'X', Cause: 'a'.repeat(1001) }).message).toBe('a'.repeat(1000));
  });
});
