import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { postWebhook, sendDeliveryAttempt } from '../../functions/adapters/webhook-sender.ts';
import { generateWebhookSecret, rotateSecret } from '../../functions/core/webhooks/secrets.ts';
import type { Resolver } from '../../functions/core/webhooks/url-policy.ts';
import type { WebhookEndpoint } from '../../functions/core/webhooks/model.ts';

/*
 * The sender against real sockets on this machine's loopback (no outside network): a
 * receiver per test, with the loopback allowance the local stack uses.
 */
const LOCAL = { allowLoopback: true };
const servers: Server[] = [];

interface Seen {
  headers: IncomingMessage['headers'];
  body: string;
  url: string;
}

async function receiver(host: string, answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ headers: req.headers, body, url: req.url ?? '' });
      answer(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { seen, port: (server.address() as AddressInfo).port };
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

const counting = (answers: Record<string, string[]>) => {
  const calls: string[] = [];
  const resolve: Resolver = async (host) => {
    calls.push(host);
    return (answers[host] ?? []).map((address) => ({ address, family: 4 as const }));
  };
  return { calls, resolve };
};

describe('postWebhook', () => {
  it('connects to the address validated beforehand (DNS asked once), keeping the original Host', async () => {
    // Listening on 127.0.0.2 only: the system resolver's localhost (127.0.0.1) would be refused,
    // so an answer proves the connection used the pinned address.
    const { seen, port } = await receiver('127.0.0.2', (_req, res) => res.writeHead(204).end());
    const dns = counting({ localhost: ['127.0.0.2'] });
    const result = await postWebhook({ url: `http://localhost:${port}/hook?x=1`, headers: { 'webhook-id': 'msg_1' }, body: '{"a":1}', policy: LOCAL, resolve: dns.resolve });
    expect(result).toMatchObject({ statusCode: 204 });
    expect(result.error).toBeUndefined();
    expect(dns.calls).toEqual(['localhost']);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ url: '/hook?x=1', body: '{"a":1}' });
    expect(seen[0]?.headers).toMatchObject({ host: `localhost:${port}`, 'content-type': 'application/json', 'webhook-id': 'msg_1' });
  });

  it('does not follow redirects: a 302 is a failed attempt and the Location is never requested', async () => {
    const { seen, port } = await receiver('127.0.0.1', (req, res) => {
      if (req.url === '/hook') res.writeHead(302, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
      else res.writeHead(200).end();
    });
    const result = await postWebhook({ url: `http://127.0.0.1:${port}/hook`, headers: {}, body: '{}', policy: LOCAL });
    expect(result.statusCode).toBe(302);
    expect(result.error).toMatch(/redirects are not followed/);
    expect(seen.map((s) => s.url)).toEqual(['/hook']);
  });

  it('gives up after the timeout', async () => {
    const { port } = await receiver('127.0.0.1', () => undefined);
    const started = Date.now();
    const result = await postWebhook({ url: `http://127.0.0.1:${port}/slow`, headers: {}, body: '{}', policy: LOCAL, timeoutMs: 300 });
    expect(result.statusCode).toBeUndefined();
    expect(result.error).toMatch(/no answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports Retry-After and the status of a 429', async () => {
    const { port } = await receiver('127.0.0.1', (_req, res) => res.writeHead(429, { 'retry-after': '7' }).end('slow down'));
    const result = await postWebhook({ url: `http://127.0.0.1:${port}/`, headers: {}, body: '{}', policy: LOCAL });
    expect(result).toMatchObject({ statusCode: 429, retryAfter: '7', error: 'HTTP 429' });
  });

  it('reports a refused connection without throwing', async () => {
    const { port } = await receiver('127.0.0.1', () => undefined);
    servers[0]?.close();
    await new Promise((r) => setTimeout(r, 20));
    const result = await postWebhook({ url: `http://127.0.0.1:${port}/`, headers: {}, body: '{}', policy: LOCAL });
    expect(result.error).toMatch(/ECONNREFUSED/);
  });

  it('never connects when the URL policy refuses the target (loopback not allowed)', async () => {
    const { seen, port } = await receiver('127.0.0.1', (_req, res) => res.writeHead(200).end());
    const strict = { allowLoopback: false };
    const byName = counting({ 'hooks.attacker.example': ['127.0.0.1'] });
    for (const url of [`http://127.0.0.1:${port}/`, `https://127.0.0.1:${port}/`, `https://hooks.attacker.example:${port}/`, 'https://169.254.169.254/latest/meta-data/']) {
      const result = await postWebhook({ url, headers: {}, body: '{}', policy: strict, resolve: byName.resolve });
      expect(result.statusCode, url).toBeUndefined();
      expect(result.error, url).toMatch(/refused by the URL policy/);
    }
    expect(seen).toHaveLength(0);
  });
});

describe('sendDeliveryAttempt', () => {
  it('signs with both secrets during a rotation; receivers on either secret verify it', async () => {
    const { seen, port } = await receiver('127.0.0.1', (_req, res) => res.writeHead(200).end());
    const oldSecret = generateWebhookSecret();
    const endpoint: WebhookEndpoint = {
      tenantId: 't1',
      webhookId: 'wh_1',
      url: `http://127.0.0.1:${port}/hook`,
      description: '',
      events: ['job.succeeded'],
      enabled: true,
      ...rotateSecret({ secret: oldSecret }, new Date()),
      createdAt: '',
      updatedAt: '',
    };
    const payload = JSON.stringify({ id: 'evt_1', type: 'job.succeeded', data: {} });
    const result = await sendDeliveryAttempt(endpoint, { messageId: 'msg_fixed', payload }, { trigger: 'replay', policy: LOCAL });
    expect(result.outcome).toBe('delivered');
    expect(result.attempt).toMatchObject({ trigger: 'replay', statusCode: 200 });
    const got = seen[0]!;
    const headers = { 'webhook-id': String(got.headers['webhook-id']), 'webhook-timestamp': String(got.headers['webhook-timestamp']), 'webhook-signature': String(got.headers['webhook-signature']) };
    expect(headers['webhook-id']).toBe('msg_fixed');
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(oldSecret).verify(got.body, headers)).toMatchObject({ id: 'evt_1' });
    expect(new Webhook(endpoint.secret).verify(got.body, headers)).toMatchObject({ id: 'evt_1' });
  });
});
