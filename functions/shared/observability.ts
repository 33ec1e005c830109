import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SQSEvent } from 'aws-lambda';
import { initDurationMs, logger } from './logger.ts';
import { tracedInvocation } from './tracer.ts';
import { emitMetrics } from './metrics.ts';
import { DIMENSION, METRIC } from './metric-names.ts';

/**
 * What every handler's middy chain starts with: the Lambda context on each log line and the
 * keys a request appended (tenantId, jobId...) cleared when it ends, a correlation id taken
 * from the event, the invocation traced (a no-op that loads nothing where tracing is off), and
 * the container's cold start counted on its first invocation.
 */
export function observed<E>(correlationIdOf?: (event: E) => string | undefined): middy.MiddlewareObj<E>[] {
  const correlate: middy.MiddlewareObj<E> = {
    before: (request) => {
      const id = correlationIdOf?.(request.event);
      if (id) logger.setCorrelationId(id);
    },
  };
  return [
    injectLambdaContext(logger, { resetKeys: true }) as middy.MiddlewareObj<E>,
    correlate,
    coldStartCounter<E>(),
    ...tracedInvocation<E>(),
  ];
}

/**
 * ColdStart (and InitDuration, the import time logger.ts measured) once per handler chain: on
 * Lambda a function's container builds its chain once, so once per container. By function name,
 * a dimension of a few dozen values; without one (a test calling a handler) by service alone.
 */
function coldStartCounter<E>(): middy.MiddlewareObj<E> {
  let counted = false;
  return {
    before: (request) => {
      if (counted) return;
      counted = true;
      const functionName = request.context?.functionName || process.env.AWS_LAMBDA_FUNCTION_NAME;
      const initMs = initDurationMs();
      emitMetrics(
        { [METRIC.coldStart]: 1, ...(initMs === undefined ? {} : { [METRIC.initDuration]: initMs }) },
        functionName ? { [DIMENSION.functionName]: functionName } : {},
      );
    },
  };
}

/** API Gateway (HTTP and WebSocket): the request id, which the access log and a 500's body point to. */
export const byRequestId = (event: { requestContext?: { requestId?: string } }) => event.requestContext?.requestId;

/** An SQS batch: its message ids (each record's log lines also name their own). */
export const byMessageIds = (event: SQSEvent) => event.Records?.map((r) => r.messageId).join(',');

/**
 * A handler that API Gateway does not call (pipeline stages, queue consumers, the inbox, the
 * watchdog): the function itself behind observed(). The context is optional, as a test or the
 * local stack's state machine calls a stage with its input alone.
 */
export function observedHandler<E, R>(fn: (event: E) => Promise<R>, correlationIdOf?: (event: E) => string | undefined): (event: E, context?: Context) => Promise<R> {
  const wrapped = middy<E, R, Error, Context>().use(observed(correlationIdOf)).handler(fn);
  return (event, context) => wrapped(event, context ?? ({} as Context));
}
