import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { consoleContentSecurityPolicy } from '../lib/console-csp.ts';

/*
 * The web console at the API's own origin, under /console/: its built files, plus a
 * config.json that tells it where the API and the WebSocket are (on AWS the deploy writes
 * the same file next to the assets). Same origin means the API key never crosses origins
 * and the browser sends no preflight for the console's own calls.
 */

export const CONSOLE_PATH = '/console/';

export interface ConsoleConfig {
  apiUrl: string;
  wsUrl: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/** What the page may call: the API, the WebSocket and the bucket the presigned uploads go to. */
function contentSecurityPolicy(config: ConsoleConfig, uploadOrigin: string): string {
  return consoleContentSecurityPolicy([new URL(config.apiUrl).origin, new URL(config.wsUrl).origin, uploadOrigin]);
}

/**
 * A request handler for the console's paths: answers and returns true for /console and
 * everything under it, returns false for any other path (the API's).
 */
export function consoleSite(dist: string, config: () => ConsoleConfig, uploadOrigin: string) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (path === '/console') {
      res.writeHead(308, { location: CONSOLE_PATH }).end();
      return true;
    }
    if (!path.startsWith(CONSOLE_PATH)) return false;
    const headers = {
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': contentSecurityPolicy(config(), uploadOrigin),
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return true;
    }
    if (path === `${CONSOLE_PATH}config.json`) {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.json'], 'cache-control': 'no-store' }).end(JSON.stringify(config()));
      return true;
    }
    const relativePath = path.slice(CONSOLE_PATH.length) || 'index.html';
    const file = normalize(join(dist, relativePath));
    if (!file.startsWith(dist + sep)) {
      res.writeHead(404, headers).end();
      return true;
    }
    readFile(file).then(
      (body) => {
        // hashed asset names change with their content; index.html must be fetched fresh to name them
        const cache = relativePath.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        // scripts and styles are public: any web app's page may load the embeddable importer (a module script, fetched with CORS)
        const cors = ['.js', '.css'].includes(extname(file)) ? { 'access-control-allow-origin': '*' } : {};
        res.writeHead(200, { ...headers, ...cors, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => res.writeHead(404, headers).end(),
    );
    return true;
  };
}
