import type { Tracer } from '@aws-lambda-powertools/tracer';
import type middy from '@middy/core';
import { ENV } from './env-names.ts';

/*
 * X-Ray tracing, a deploy option (`--context tracing=true`, off by default: lib/config.ts). The
 * Powertools Tracer brings the X-Ray SDK (aws-xray-sdk-core, semver, cls-hooked: ~130 KB and
 * 25–50 ms of import) into whatever loads it, so it is a file of its own beside each bundle
 * (lib/bundling.ts, LAZY_PACKAGES), imported only where the function was deployed with tracing
 * on: its load starts at init, and the first invocation waits for it. Where tracing is off (the
 * default, the local stack, tests) nothing of the SDK is read, and every helper here is a
 * pass-through. The Tracer itself also stays off outside a Lambda runtime (it checks
 * AWS_EXECUTION_ENV), so no segment is sent to an X-Ray daemon that is not there.
 */

/** The service's name on the traces (and the logs' POWERTOOLS_SERVICE_NAME). */
const SERVICE_NAME = 'ai-file-parser';

/** Only the CDK app turns tracing on, with the variable Powertools reads too. */
const tracingDeployed = () => process.env[ENV.traceEnabled] === 'true';

let tracer: Tracer | undefined;
const loading: Promise<Tracer> | undefined = tracingDeployed()
  ? import('@aws-lambda-powertools/tracer').then(({ Tracer }) => (tracer = new Tracer({ serviceName: SERVICE_NAME })))
  : undefined;

/** The Tracer once loaded, where tracing was deployed; undefined where it is off. */
export const tracerReady = (): Promise<Tracer | undefined> => loading ?? Promise.resolve(undefined);

/**
 * Trace an SDK client's calls (a subsegment per call) where tracing is on; the client itself
 * otherwise. A client made before the Tracer has loaded is instrumented when it has (the
 * Tracer adds its middleware to the client's own stack), which is before any invocation uses it:
 * the handler middleware waits for the same load.
 */
export function traced<T>(client: T): T {
  if (tracer) return tracer.isTracingEnabled() ? tracer.captureAWSv3Client(client) : client;
  void loading?.then((t) => t.isTracingEnabled() && t.captureAWSv3Client(client));
  return client;
}

/** Run `work` in a subsegment of its own (`## <name>`), with its error recorded on it. */
export async function inSubsegment<T>(name: string, work: () => Promise<T>): Promise<T> {
  const t = await tracerReady();
  if (!t?.isTracingEnabled()) return work();
  const parent = t.getSegment();
  const subsegment = parent?.addNewSubsegment(`## ${name}`);
  if (!parent || !subsegment) return work();
  t.setSegment(subsegment);
  try {
    return await work();
  } catch (err) {
    subsegment.addError(err as Error);
    throw err;
  } finally {
    subsegment.close();
    t.setSegment(parent);
  }
}

type Middleware = middy.MiddlewareObj<unknown>;
/** Powertools' handler middleware, loaded with the Tracer (its own small file beside it). */
let handlerMiddleware: Promise<Middleware | undefined> | undefined;

/**
 * The invocation traced where tracing is on (Powertools' `captureLambdaHandler`: a `## handler`
 * subsegment, the ColdStart and Service annotations, the error as metadata; the response is not
 * recorded): a middleware to put in a middy chain, or none where tracing is off.
 */
export function tracedInvocation<E>(): middy.MiddlewareObj<E>[] {
  if (!tracingDeployed()) return [];
  const loaded = () =>
    (handlerMiddleware ??= tracerReady().then(async (t) => {
      if (!t) return undefined;
      const { captureLambdaHandler } = await import('@aws-lambda-powertools/tracer/middleware');
      return captureLambdaHandler(t, { captureResponse: false }) as Middleware;
    }));
  return [
    {
      before: async (request) => (await loaded())?.before?.(request as middy.Request),
      after: async (request) => (await loaded())?.after?.(request as middy.Request),
      onError: async (request) => (await loaded())?.onError?.(request as middy.Request),
    },
  ];
}
