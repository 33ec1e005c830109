import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SQSEvent } from 'aws-lambda';
import { logger } from './logger.ts';
import { tracedInvocation } from './tracer.ts';

/**
 * What every handler's middy chain starts with: the Lambda context on each log line and the
 * keys a request appended (tenantId, jobId...) cleared when it ends, a correlation id taken
 * from the event, and the invocation traced (a no-op that loads nothing where tracing is off).
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
    ...tracedInvocation<E>(),
  ];
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
