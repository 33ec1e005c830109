import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { closeServer, listen } from './http-server.ts';

/**
 * A tiny stand-in for the Anthropic Messages API (POST /v1/messages), for tests and local
 * development without a key or a network: point ANTHROPIC_BASE_URL at it. It counts calls,
 * keeps the requests it got (to check what left the service), and can be told to answer
 * normally, fail with a 500, answer with text that is not JSON, or hang.
 *
 *   node --import tsx local/fake-anthropic.ts [--port 8787]
 */

export type FakeMode = 'ok' | 'error' | 'garbage' | 'hang';

export interface FakeMessagesRequest {
  model: string;
  max_tokens: number;
  system?: string;
  messages: { role: string; content: string | { type: string; text?: string }[] }[];
}

export interface FakeAnthropic {
  /** base URL for ANTHROPIC_BASE_URL */
  url: string;
  /** POST /v1/messages requests received, whatever the mode */
  readonly calls: number;
  /** the requests received: headers (lower-case) and body */
  readonly requests: { headers: Record<string, string | string[] | undefined>; body: FakeMessagesRequest }[];
  setMode(mode: FakeMode): void;
  /** the text of a normal answer, from the request (default: no mappings) */
  respondWith(answer: (req: FakeMessagesRequest) => string): void;
  reset(): void;
  close(): Promise<void>;
}

/** The API key a request carried (either header). */
export function apiKeyOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const x = headers['x-api-key'];
  if (typeof x === 'string') return x;
  const auth = headers.authorization;
  return typeof auth === 'string' ? auth.replace(/^Bearer /, '') : undefined;
}

/** The user message's text of a request. */
export function userText(req: FakeMessagesRequest): string {
  const content = req.messages.find((m) => m.role === 'user')?.content ?? '';
  return typeof content === 'string' ? content : content.map((c) => c.text ?? '').join('');
}

export async function startFakeAnthropic(opts: { port?: number; host?: string } = {}): Promise<FakeAnthropic> {
  let mode: FakeMode = 'ok';
  let answer: (req: FakeMessagesRequest) => string = () => '{"mappings":[]}';
  let calls = 0;
  const requests: FakeAnthropic['requests'] = [];

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_fake_${calls}` });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || !(req.url ?? '').startsWith('/v1/messages')) {
        send(res, 404, { type: 'error', error: { type: 'not_found_error', message: `${req.method} ${req.url} is not faked` } });
        return;
      }
      calls++;
      let body: FakeMessagesRequest;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as FakeMessagesRequest;
      } catch {
        send(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'body is not JSON' } });
        return;
      }
      requests.push({ headers: { ...req.headers }, body });
      // the SDK sends the key as x-api-key or as a bearer token, depending on its version
      if (!req.headers['x-api-key'] && !/^Bearer \S+/.test(req.headers.authorization ?? '')) {
        send(res, 401, { type: 'error', error: { type: 'authentication_error', message: 'an API key (x-api-key or Authorization: Bearer) is required' } });
        return;
      }
      if (mode === 'hang') return; // never answer; the client's timeout must end it
      if (mode === 'error') {
        send(res, 500, { type: 'error', error: { type: 'api_error', message: 'fake internal error' } });
        return;
      }
      const text = mode === 'garbage' ? 'I think the first column is probably the date, but I am not sure.' : answer(body);
      send(res, 200, {
        id: `msg_fake_${calls}`,
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: [{ type: 'text', text }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: Math.ceil(userText(body).length / 4), output_tokens: Math.ceil(text.length / 4) },
      });
    });
  });
  const port = await listen(server, opts.port ?? 0, opts.host ?? '127.0.0.1');

  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    get calls() {
      return calls;
    },
    requests,
    setMode(m) {
      mode = m;
    },
    respondWith(fn) {
      answer = fn;
    },
    reset() {
      calls = 0;
      requests.length = 0;
      mode = 'ok';
    },
    close: () => closeServer(server),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 8787;
  const fake = await startFakeAnthropic({ port });
  process.stdout.write(`fake Anthropic Messages API on ${fake.url} (ANTHROPIC_BASE_URL=${fake.url})\n`);
}
