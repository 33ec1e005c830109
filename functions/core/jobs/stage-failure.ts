import type { JobError } from './job.ts';

/**
 * Turn a Step Functions Catch payload into the job's `{ type, message }`. Lambda puts a
 * JSON `{ errorType, errorMessage, trace }` in Cause; keep the message, never the trace.
 * `noted` is the error the stage itself stored for this attempt.
 */
export function describeFailure(error: { Error?: string; Cause?: string }, noted?: JobError): Pick<JobError, 'type' | 'message'> {
  // A distributed Map reports a failed child only as exceeding its failure threshold; the chunk noted what failed.
  if (error.Error === 'States.ExceedToleratedFailureThreshold') {
    if (noted?.stage === 'enrich') return { type: noted.type, message: noted.message };
    // No handler code ran to note it: the chunk's function timed out, ran out of memory or could not start.
    return {
      type: 'ChunkFailedError',
      message: 'A chunk of the file failed without reporting why (it ran out of time or memory, or its function could not start); the Map Run in the Step Functions console shows the failed child execution',
    };
  }
  const type = error.Error && error.Error !== 'Error' ? error.Error : 'InternalError';
  let message = error.Cause ?? '';
  try {
    const cause = JSON.parse(message) as { errorMessage?: unknown; errorType?: unknown };
    if (typeof cause.errorMessage === 'string') message = cause.errorMessage;
  } catch {
    // Cause was plain text (States.Timeout and friends); keep it as it is.
  }
  if (type === 'States.Timeout') message = 'The stage took longer than its time limit';
  return { type, message: message.slice(0, 1000) || 'The stage failed without a message' };
}
