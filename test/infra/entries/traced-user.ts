import { observedHandler } from '../../../functions/shared/observability.ts';
import { inSubsegment, tracerReady } from '../../../functions/shared/tracer.ts';

/*
 * An entry for test/infra/lazy-packages.test.ts, bundled as a Lambda is: a handler in the house
 * middleware chain, which loads the Powertools Tracer (and its handler middleware) from the files
 * shipped beside the bundle where the function was deployed with tracing.
 */

/** The names of the segments the handler and a stage inside it run in (undefined where tracing is off). */
export const handler = observedHandler(async () => {
  const tracer = await tracerReady();
  const outer = tracer?.getSegment()?.name;
  const inner = await inSubsegment('parse', async () => tracer?.getSegment()?.name);
  return [outer ?? null, inner ?? null];
});
