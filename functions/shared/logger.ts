import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured JSON logger for every handler. Locally the stack sets
 * POWERTOOLS_LOG_LEVEL (quiet by default) so the CLI's output stays readable.
 */
export const logger = new Logger({ serviceName: 'ai-file-parser' });
