import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { HttpError } from './errors.ts';
import { logger } from '../logger.ts';
import { InvalidCursorError } from '../../adapters/page-cursor.ts';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: body === undefined ? '' : JSON.stringify(body),
});

export const noContent = (): HttpResult => ({ statusCode: 204, headers: {}, body: '' });

const errorBody = (code: string, message: string, details?: unknown) => ({ error: { code, message, ...(details === undefined ? {} : { details }) } });

/**
 * On every answer, errors included: `nosniff` so a browser never renders a JSON body (which
 * can echo what the caller sent) as HTML or script, and `no-store` so tenant data and keys
 * shown once (API keys, webhook secrets) stay out of browser and proxy caches.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

export const securityHeaders = (): middy.MiddlewareObj<HttpEvent, HttpResult> => {
  const addHeaders = async (request: middy.Request<HttpEvent, HttpResult>) => {
    if (request.response) request.response.headers = { ...request.response.headers, ...SECURITY_HEADERS };
  };
  return { after: addHeaders, onError: addHeaders };
};

/**
 * Map any thrown error to the API's error body. Domain/HTTP errors keep their status;
 * anything else is a generic 500 whose detail goes only to the log.
 */
export const errorResponder = (): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  onError: async (request) => {
    const err = request.error;
    if (err instanceof HttpError) {
      request.response = json(err.statusCode, errorBody(err.code, err.message, err.details), err.headers);
      return;
    }
    if (err instanceof InvalidCursorError) {
      request.response = json(400, errorBody('invalid_request', 'Query parameters are invalid', [{ field: 'cursor', message: err.message }]));
      return;
    }
    logger.error('unhandled error', { error: err });
    request.response = json(500, errorBody('internal_error', 'Something went wrong on our side; the request id identifies it in our logs'));
  },
});
