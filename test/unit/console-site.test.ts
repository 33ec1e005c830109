import { createServer, request, type Server } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleSite } from '../../local/console-site.ts';
import { closeServer, listen } from '../../local/http-server.ts';

/** The console's files at the API's origin: its paths answered from the build, every other path left to the API. */
describe('consoleSite', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'afp-site-'));
    const dist = join(dir, 'dist');
    await mkdir(join(dist, 'assets'), { recursive: true });
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>console</title>');
    await writeFile(join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)');
    await writeFile(join(dir, 'secret.txt'), 'not for the web');
    const site = consoleSite(dist, () => ({ apiUrl: 'http://127.0.0.1:4000', wsUrl: 'ws://127.0.0.1:4001/local' }), 'http://127.0.0.1:4002');
    server = createServer((req, res) => {
      if (!site(req, res)) res.writeHead(418).end('api');
    });
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await closeServer(server);
    await rm(dir, { recursive: true, force: true });
  });

  /** A raw request: a URL string (fetch, or request(url)) would resolve `..` in the path before sending it. */
  const raw = (path: string, method = 'GET') =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
      const { hostname, port } = new URL(base);
      const req = request({ hostname, port, path, method }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('serves index.html at /console/ with a CSP that allows only the API, the WebSocket and the bucket', async () => {
    const res = await raw('/console/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<title>console</title>');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:4000 ws://127.0.0.1:4001 http://127.0.0.1:4002");
  });

  it('serves hashed assets as immutable, and config.json with the API and WebSocket URLs', async () => {
    const asset = await raw('/console/assets/app-1a2b.js');
    expect(asset).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect(asset.headers['cache-control']).toContain('immutable');
    // another origin's page may load it as a module script (the embeddable importer); the HTML it does not share
    expect(asset.headers['access-control-allow-origin']).toBe('*');
    expect((await raw('/console/')).headers['access-control-allow-origin']).toBeUndefined();
    const config = await raw('/console/config.json');
    expect(JSON.parse(config.body)).toEqual({ apiUrl: 'http://127.0.0.1:4000', wsUrl: 'ws://127.0.0.1:4001/local' });
  });

  it('redirects /console to /console/, answers 404 for a missing file and for a path out of the build, 405 for a POST', async () => {
    expect((await raw('/console')).status).toBe(308);
    expect((await raw('/console/nope.js')).status).toBe(404);
    const escaped = await raw('/console/%2e%2e/secret.txt');
    expect(escaped.status, escaped.body).toBe(404);
    expect(escaped.body).not.toContain('not for the web');
    expect((await raw('/console/', 'POST')).status).toBe(405);
  });

  it('leaves every other path to the API', async () => {
    expect(await raw('/v1/jobs')).toMatchObject({ status: 418, body: 'api' });
    expect(await raw('/consoles')).toMatchObject({ status: 418 });
  });
});
