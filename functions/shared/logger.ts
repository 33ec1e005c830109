import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured JSON logger for every handler. Locally the stack sets
 * POWERTOOLS_LOG_LEVEL (quiet by default) so the CLI's output stays readable.
 */
export const logger = new Logger({ serviceName: 'ai-file-parser' });

let initDuration: number | undefined;

/**
 * Milliseconds from the Node process's start to the end of the handler module's import: what
 * this container's cold start spent before it could answer (issue 21). Undefined until then.
 */
export function initDurationMs(): number | undefined {
  return initDuration;
}

// Every handler imports this module, and an import graph without top-level await evaluates in
// one synchronous job: a microtask queued here runs once the whole handler module has loaded.
// Logged once per container, never per request.
queueMicrotask(() => {
  initDuration = Math.round(performance.now());
  logger.info('init', { initDurationMs: initDuration });
});
