import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * One X-Ray tracer for every handler (the functions run with active tracing on AWS). Off
 * wherever no Lambda runtime hosts the code (the local stack, tests: the Tracer checks
 * AWS_EXECUTION_ENV, and the local stack also sets POWERTOOLS_TRACE_ENABLED=false), so no
 * segment is ever sent to an X-Ray daemon that is not there.
 */
export const tracer = new Tracer({ serviceName: 'ai-file-parser' });

/** Trace an SDK client's calls (a subsegment per call) where tracing is on; the client itself otherwise. */
export function traced<T>(client: T): T {
  return tracer.isTracingEnabled() ? tracer.captureAWSv3Client(client) : client;
}

/** Run `work` in a subsegment of its own (`## <name>`), with its error recorded on it. */
export async function inSubsegment<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!tracer.isTracingEnabled()) return work();
  const parent = tracer.getSegment();
  const subsegment = parent?.addNewSubsegment(`## ${name}`);
  if (!parent || !subsegment) return work();
  tracer.setSegment(subsegment);
  try {
    return await work();
  } catch (err) {
    subsegment.addError(err as Error);
    throw err;
  } finally {
    subsegment.close();
    tracer.setSegment(parent);
  }
}
