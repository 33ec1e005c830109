import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { closeServer, listen } from '../../local/http-server.ts';

/*
 * Browser tests run Debian's chromium through playwright-core (no browser download): the
 * binary from CHROMIUM_PATH, else /usr/bin/chromium. `.ci/run` installs it when missing.
 */

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`No chromium at ${path}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // as root (CI containers) Chromium refuses to start with its sandbox
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}

/** Bundle a page script from test/e2e/pages with esbuild, from the installed npm packages (no CDN). */
export async function bundlePage(name: string): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'pages', `${name}.ts`)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

/** Serve one page: `/` is a file input and the bundled script at `/app.js`. */
export async function servePage(script: string): Promise<PageServer> {
  const html = '<!doctype html><html><head><meta charset="utf-8"><title>upload</title></head><body><input type="file" id="file"><script src="/app.js"></script></body></html>';
  const server: Server = createServer((req, res) => {
    if (req.url === '/app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}/`, close: () => closeServer(server) };
}
