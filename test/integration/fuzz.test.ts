import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { existsSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import { ApiClient } from '../../local/cli/api-client.ts';
import { PROJECT_ROOT } from '../../lib/project-paths.ts';
import { HTTP_ROUTES, functionEntry, type HttpRoute } from '../../functions/shared/routes.ts';

/*
 * Abuse tests (SPEC §7, issue 6): random and malformed bodies, headers, path ids and query
 * strings against every HTTP route on the real local stack. The contract: never a 5xx,
 * and every 4xx answered with `{ error: { code, message } }` — except API Gateway's own
 * `{ message: "Not Found" }` when the path matches no route at all (as on AWS).
 *
 * Every violation is collected with the exact request, so one run lists all of them.
 * Deterministic by default; explore with FUZZ_SEED=<n> (and FUZZ_RUNS=<runs per route>);
 * FUZZ_REPORT=<file> writes every violation found as JSON.
 *
 * The same file checks that no API key ever reaches a log line: handler output (the
 * Powertools logger and console) is captured for the whole file, at DEBUG level.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_251_103);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 12);

// Before the stack loads the handlers: log everything, so a leak has every chance to show.
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';

// ---- log capture -------------------------------------------------------------------------

const captured: string[] = [];
const textOf = (args: unknown[]) =>
  args
    .map((a) => {
      if (typeof a === 'string') return a;
      if (a instanceof Uint8Array) return Buffer.from(a).toString('utf8');
      if (a instanceof Error) return `${a.name}: ${a.message}\n${a.stack ?? ''}`;
      try {
        return JSON.stringify(a);
      } catch {
        return String(a);
      }
    })
    .join(' ');

/** Kept for the checks below, not echoed: at DEBUG the file's handlers log thousands of lines. */
function captureLogs() {
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation(((...args: unknown[]) => {
      captured.push(textOf(args.slice(0, 1)));
      // a writer waiting for its callback (write(chunk, cb) or write(chunk, encoding, cb)) gets it
      (args.find((a) => typeof a === 'function') as (() => void) | undefined)?.();
      return true;
    }) as typeof stream.write);
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      captured.push(textOf(args));
    });
  }
}

// ---- raw HTTP: full control of the path (no URL normalisation), headers and body ---------

interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

interface RawResponse {
  status: number;
  contentType: string;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });
let base: URL;

function send(req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(req.body.length);
    const r = request({ host: base.hostname, port: base.port, method: req.method, path: req.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

/** Percent-encode every byte but the unreserved ones; lone surrogates become U+FFFD (as UTF-8 would). */
const pctEncode = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

/** Characters Node's HTTP client accepts unescaped in a request path. */
const rawSafe = (s: string) => /^[\x21-\x7e]*$/.test(s) && !s.includes('?') && !s.includes('#');

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Would API Gateway route this path to `routeKey`'s template (same segments, non-empty params)? */
function matchesTemplate(routeKey: string, rawPath: string): boolean {
  const template = routeKey.split(' ')[1]!.slice(1).split('/');
  const parts = rawPath.split('?')[0]!.slice(1).split('/');
  return template.length === parts.length && template.every((seg, i) => (seg.startsWith('{') ? parts[i] !== '' : safeDecode(parts[i]!) === seg));
}

// ---- the contract ------------------------------------------------------------------------

interface Violation {
  route: string;
  problem: string;
  request: string;
  response: string;
}

const violations: Violation[] = [];
const keysToRedact: Record<string, string> = {};

const redact = (s: string) => Object.entries(keysToRedact).reduce((out, [key, name]) => out.split(key).join(`<${name}>`), s);
const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}... (${s.length} chars)` : s);

function describeRequest(req: RawRequest): string {
  const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${clip(v, 120)}`);
  const body = req.body === undefined ? '' : `\n  body: ${clip(JSON.stringify(req.body.toString('utf8')))}`;
  return redact(`${req.method} ${clip(req.path, 160)}\n  ${headers.join('\n  ')}${body}`);
}

/** The problem with a response, or undefined when it keeps the contract. */
function contractProblem(routeKey: string, req: RawRequest, res: RawResponse): string | undefined {
  if (res.status >= 500) return `HTTP ${res.status}`;
  let parsed: unknown;
  if (res.text.length > 0 && res.contentType.includes('json')) {
    try {
      parsed = JSON.parse(res.text);
    } catch {
      return `HTTP ${res.status} with a body that is not JSON`;
    }
  }
  if (res.status < 400) return undefined;
  const isGatewayNotFound = res.status === 404 && res.text === '{"message":"Not Found"}';
  if (isGatewayNotFound) return matchesTemplate(routeKey, req.path) ? 'API Gateway answered "Not Found" for a path that matches the route' : undefined;
  const error = (parsed as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (typeof error?.code !== 'string' || error.code === '' || typeof error.message !== 'string') {
    return `HTTP ${res.status} without { error: { code, message } }`;
  }
  return undefined;
}

async function check(routeKey: string, req: RawRequest): Promise<void> {
  const res = await send(req);
  const problem = contractProblem(routeKey, req, res);
  if (problem) violations.push({ route: routeKey, problem, request: describeRequest(req), response: redact(`${res.status} ${clip(res.text)}`) });
}

// ---- what the fuzzer sends ---------------------------------------------------------------

interface Fixtures {
  adminKey: string;
  /** a key issued through POST /v1/api-keys (its id is a path fixture) */
  issuedKey: string;
  viewerKey: string;
  otherTenantKey: string;
  adminTenant: string;
  /** real ids of the admin's tenant, by path parameter name */
  ids: Record<string, string[]>;
}

const NASTY_IDS = [
  '..', '../..', '../../health', '%2e%2e', '%2e%2e%2fhealth', '.', '%00', '\u0000', '%', '%ZZ', '%C3%28', '%E0%A4%A',
  ' ', '\t', '\n', '\r\n', 'null', 'undefined', 'NaN', '-1', '0', '1e309', '9'.repeat(40), '__proto__', 'constructor',
  'toString', "' OR '1'='1", '{"$ne":null}', '<script>alert(1)</script>', 'stats', 'bulk', 'job_', 'upl_',
  'job_01ARZ3NDEKTSV4RRFFQ69G5FAV', 'upl_01ARZ3NDEKTSV4RRFFQ69G5FAV', '😀', 'ÿ', 'İ', '\u202e', '\ud800', 'a'.repeat(1025),
  'a'.repeat(2049), 'a'.repeat(8000), '😀'.repeat(300),
];

const JUNK_QUERY_VALUES = [
  '-1', '0', '1', '100', '101', '1000', '1001', 'abc', '1e3', '1.5', 'NaN', 'Infinity', '-0', '0x10', '', ' ', '[]', '{}',
  'null', 'true', 'succeeded', 'running', 'call_record', 'ndjson', 'csv', 'xml', '%', '%ZZ', 'a'.repeat(3000), '😀',
];

const INVALID_JSON = ['{', '{"a":', '}', 'undefined', "{'a':1}", '{"a":1,}', '[1,2', 'NaN', '\u0000', '\ufeff{}', '{"a":"\\x"}', '"unterminated', '01', '--'];

/** Cursors shaped like the ones the API hands out (base64url JSON), with wrong contents. */
const structuredCursor = (f: Fixtures) =>
  fc
    .oneof(
      // records/errors pages: (part, byte offset)
      fc.record({ part: fc.integer({ min: -2, max: 3 }), offset: fc.oneof(fc.integer({ min: -1, max: 2000 }), fc.constant(2 ** 53), fc.constant(1e20)) }),
      // job lists: a DynamoDB key of this tenant (or another) with a wrong sort key
      fc.record(
        { tenantId: fc.oneof(fc.constant(f.adminTenant), fc.string()), jobId: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object()) },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    )
    .map((v) => Buffer.from(JSON.stringify(v) ?? 'null').toString('base64url'));

const junkValue = fc.oneof(
  fc.constantFrom(null, -1, 0, 1.5, 1e308, -1e308, '', ' ', 'a'.repeat(100_000), [], {}, true, false, [null], { '': '' }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

const FIXTURE = join(import.meta.dirname, '../fixtures/call-logs/generic-export.csv');
const FIXTURE_HEADERS = ['Start Time', 'Direction', 'Phone Number', 'Duration', 'Type', 'Location', 'Cost', 'Account'];
// the fixture file's layout, so a valid mapping or template passes validation and reaches the handler's logic
const FIXTURE_FIELDS = [{ field: 'started_at', sourceHeaders: ['Start Time'] }, { field: 'counterpart_number', sources: [2] }];
const TEMPLATE_BODY = { name: 'fuzz layout', schema: 'call_record', layout: { headers: FIXTURE_HEADERS, delimiter: ',' }, fields: FIXTURE_FIELDS };

/** A plausible body for each route (one that passes validation), which the fuzzer then breaks one field at a time. */
function validBody(routeKey: string, f: Fixtures): Record<string, unknown> {
  const session = f.ids.sessionId?.[0] ?? 'upl_x';
  const jobId = f.ids.jobId?.[0] ?? 'job_x';
  const options = { timezone: 'America/Chicago', defaultRegion: 'US', defaultCurrency: 'USD' };
  const bodies: Record<string, Record<string, unknown>> = {
    'POST /v1/uploads': { filename: 'calls.csv', contentType: 'text/csv', size: 1234, sha256: 'a'.repeat(64) },
    'POST /v1/uploads/{sessionId}/parts': { partNumbers: [1, 2] },
    'POST /v1/uploads/{sessionId}/complete': { parts: [{ PartNumber: 1, ETag: '"d41d8cd98f00b204e9800998ecf8427e"' }], schema: 'call_record', options },
    'POST /v1/jobs': { sessionId: session, schema: 'call_record', options },
    'POST /v1/jobs/bulk': { action: 'cancel', jobIds: [jobId] },
    'PUT /v1/jobs/{jobId}/mapping': { mapping: { schema: 'call_record', fields: FIXTURE_FIELDS }, saveAsTemplate: { name: 'fuzz layout' } },
    'POST /v1/templates': TEMPLATE_BODY,
    'PUT /v1/templates/{templateId}': TEMPLATE_BODY,
    'POST /v1/templates/suggest': { headers: ['Date', 'Number'], sampleRows: [['2025-01-01', '+13125550100']], schema: 'call_record' },
    'POST /v1/schemas': { name: 'fuzz_schema', fields: [{ name: 'a', type: 'string', required: true }] },
    // loopback: the local stack allows it, and no name needs a DNS answer
    'POST /v1/webhooks': { url: 'http://127.0.0.1:9/hook', events: ['job.succeeded'] },
    'PATCH /v1/webhooks/{webhookId}': { enabled: false, events: ['job.failed'] },
    'POST /v1/api-keys': { role: 'viewer', name: 'fuzz' },
    'PATCH /v1/accounts/{accountId}': { name: 'Fuzz Co', industry: 'Software', employees: 10, technologies: ['AWS'] },
    'POST /v1/accounts/{accountId}/merge': { otherId: f.ids.accountId?.[1] ?? 'acc_x' },
    'PATCH /v1/contacts/{contactId}': { title: 'CTO', email: 'fuzz@fuzz.example' },
    'PUT /v1/settings/icp': { text: 'B2B software companies' },
    'PUT /v1/settings/retention': { uploadsDays: 20, outputsDays: 60, jobRecordsDays: 365 },
    'POST /v1/upload-tokens': { schema: 'call_record', options, expiresIn: 600, maxBytes: 1_000_000, name: 'fuzz' },
    'POST /v1/companion/{uploadToken}/s3/multipart': { filename: 'calls.csv', type: 'text/csv', metadata: { sha256: 'a'.repeat(64) } },
    'POST /v1/companion/{uploadToken}/s3/multipart/{uploadId}/complete': { parts: [{ PartNumber: 1, ETag: '"d41d8cd98f00b204e9800998ecf8427e"' }] },
  };
  return structuredClone(bodies[routeKey] ?? {});
}

/** Every path into a JSON value, so a mutation can reach nested fields and array items. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

function setPath(root: Record<string, unknown>, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return root;
}

function bodyArb(routeKey: string, f: Fixtures): fc.Arbitrary<Buffer | undefined> {
  const valid = validBody(routeKey, f);
  const paths = pathsOf(valid);
  const mutated = fc
    .tuple(fc.constantFrom(...paths), fc.oneof(fc.constantFrom('set', 'delete', 'add'), fc.constant('set')), fc.string({ maxLength: 12 }), junkValue)
    .map(([path, op, newKey, junk]) => {
      const body = structuredClone(valid);
      if (op === 'add') return JSON.stringify(setPath(body, [...path.slice(0, -1), newKey || '__proto__'], junk));
      if (op === 'delete' && path.length > 0) {
        const parent = path.slice(0, -1).reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], body) as Record<string | number, unknown>;
        if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
        else delete parent[path[path.length - 1]!];
        return JSON.stringify(body);
      }
      return JSON.stringify(setPath(body, path, junk));
    });
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(JSON.stringify(valid)) },
    { weight: 6, arbitrary: mutated },
    { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
    { weight: 2, arbitrary: fc.constantFrom(...INVALID_JSON) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 256 }).map((a) => Buffer.from(a)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        JSON.stringify({ ...valid, filename: 'x'.repeat(1 << 20) }),
        '['.repeat(50_000) + ']'.repeat(50_000),
        '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
        `{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}`,
        JSON.stringify(Array.from({ length: 10_000 }, (_, i) => i)),
      ),
    },
  ).map((b) => (b === undefined ? undefined : Buffer.isBuffer(b) ? b : Buffer.from(b, 'utf8')));
}

function segmentArb(param: string, f: Fixtures): fc.Arbitrary<string> {
  const real = f.ids[param] ?? [];
  const id = fc.oneof(
    ...(real.length ? [{ weight: 4, arbitrary: fc.constantFrom(...real) }] : []),
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_IDS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1500 }) },
  );
  // Mostly percent-encoded as a client library would; sometimes raw, as a hand-made request.
  return fc.tuple(id, fc.boolean()).map(([s, raw]) => (raw && rawSafe(s) ? s : pctEncode(s)));
}

function queryArb(f: Fixtures): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom('limit', 'cursor', 'status', 'schema', 'format', 'token', 'limit', 'key', 'filename', 'type'), fc.string({ maxLength: 10 }));
  const value = fc.oneof(fc.constantFrom(...JUNK_QUERY_VALUES, ...(f.ids.key ?? [])), structuredCursor(f), fc.string({ unit: 'binary', maxLength: 30 }), fc.base64String({ maxLength: 60 }));
  const pairs = fc.array(fc.tuple(key, value, fc.boolean()), { maxLength: 4 }).map((kvs) =>
    kvs.map(([k, v, raw]) => `${raw && rawSafe(k) && !k.includes('&') && !k.includes('=') ? k : pctEncode(k)}=${raw && rawSafe(v) && !v.includes('&') ? v : pctEncode(v)}`).join('&'),
  );
  return fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight: 5, arbitrary: pairs }, { weight: 1, arbitrary: fc.constantFrom('&&&', '=', '==&=', 'limit', 'limit=', '%', 'a=%ZZ', ';', 'limit=1;cursor=x') });
}

function headersArb(f: Fixtures): fc.Arbitrary<Record<string, string>> {
  const auth = fc.oneof(
    { weight: 12, arbitrary: fc.constant(`Bearer ${f.adminKey}`) },
    { weight: 2, arbitrary: fc.constant(`Bearer ${f.viewerKey}`) },
    { weight: 1, arbitrary: fc.constant(`Bearer ${f.otherTenantKey}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'Bearer', 'Bearer ', 'Bearer afp_' + 'x'.repeat(32), 'Basic YWRtaW46YWRtaW4=', `bearer ${f.adminKey}`, `Bearer   ${f.adminKey}   `,
        `Bearer ${f.adminKey} extra`, f.adminKey, `Bearer ${'a'.repeat(4000)}`, `Token ${f.adminKey}`, `Bearer \t${f.adminKey}`,
        `Bearer ${f.adminKey}x`, `Bearer ${f.adminKey.slice(0, -1)}`, 'Bearer null', 'Bearer %00', `Bearer ${f.adminKey},Bearer ${f.viewerKey}`,
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')) },
  );
  // Mostly JSON: a body of any other type is refused with 415 before the route reads it, and
  // the mutated bodies are meant to reach each route's own validation.
  const contentType = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=----x', 'application/octet-stream',
        'application/json; charset=utf-16le', 'image/png', '*/*', ';;;',
      ),
    },
  );
  const extra = fc.option(fc.tuple(fc.constantFrom('if-match', 'x-forwarded-for', 'origin', 'accept', 'x-api-key'), fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''))), { nil: undefined });
  return fc.tuple(auth, contentType, extra).map(([a, ct, x]) => ({
    ...(a === undefined ? {} : { authorization: a }),
    ...(ct === undefined ? {} : { 'content-type': ct }),
    ...(x === undefined ? {} : { [x[0]]: x[1] }),
  }));
}

function requestArb(route: HttpRoute, f: Fixtures): fc.Arbitrary<RawRequest> {
  const [method, template] = route.routeKey.split(' ') as [string, string];
  const params = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const segments = fc.tuple(...params.map((p) => segmentArb(p, f)));
  return fc.tuple(segments, queryArb(f), headersArb(f), bodyArb(route.routeKey, f)).map(([values, query, headers, body]) => {
    let i = 0;
    const path = template.replace(/\{[^}]+\}/g, () => values[i++]!);
    return { method, path: query ? `${path}?${query}` : path, headers, ...(body === undefined ? {} : { body }) };
  });
}

/** Hand-picked requests every route gets whatever the seed: the cases most likely to break. */
function examplesFor(route: HttpRoute, f: Fixtures): RawRequest[] {
  const [method, template] = route.routeKey.split(' ') as [string, string];
  const fill = (id: (param: string) => string) => template.replace(/\{([^}]+)\}/g, (_, p: string) => id(p));
  const real = fill((p) => f.ids[p]?.[0] ?? 'x');
  const json = { 'content-type': 'application/json' };
  const auth = { authorization: `Bearer ${f.adminKey}` };
  const valid = Buffer.from(JSON.stringify(validBody(route.routeKey, f)));
  const out: RawRequest[] = [
    { method, path: real, headers: {} },
    { method, path: real, headers: { authorization: 'Bearer afp_notarealkeynotarealkeynotarealkey00' } },
    { method, path: real, headers: { ...auth, ...json }, body: Buffer.from('{"a":') },
    { method, path: real, headers: { ...auth, 'content-type': 'application/octet-stream' }, body: Buffer.from([0xff, 0xfe, 0x00, 0x7b]) },
    { method, path: real, headers: { ...auth, 'content-type': 'text/plain' }, body: valid },
    { method, path: `${real}?limit=-1&cursor=garbage`, headers: auth },
    { method, path: `${real}?limit=abc`, headers: auth },
    { method, path: `${real}?cursor=${Buffer.from('{"part":0,"offset":7}').toString('base64url')}&limit=5`, headers: auth },
    { method, path: `${real}?cursor=${Buffer.from('{"part":0,"offset":1000000}').toString('base64url')}`, headers: auth },
  ];
  // list cursors are DynamoDB keys: the right tenant with a wrong or missing sort key
  out.push({ method, path: `${real}?cursor=${Buffer.from(JSON.stringify({ tenantId: f.adminTenant })).toString('base64url')}`, headers: auth });
  out.push({ method, path: `${real}?cursor=${Buffer.from(JSON.stringify({ tenantId: f.adminTenant, jobId: { S: 1 } })).toString('base64url')}`, headers: auth });
  // the companion routes name their upload by ?key= as well
  for (const key of f.ids.key ?? []) out.push({ method, path: `${real}?key=${pctEncode(key)}`, headers: json, body: valid });
  if (template.includes('{')) {
    out.push({ method, path: fill(() => 'a'.repeat(1100)), headers: { ...auth, ...json }, body: valid });
    out.push({ method, path: fill(() => 'a'.repeat(2100)), headers: { ...auth, ...json }, body: valid });
    out.push({ method, path: fill(() => pctEncode('😀'.repeat(300))), headers: { ...auth, ...json }, body: valid });
    out.push({ method, path: fill(() => '..'), headers: { ...auth, ...json }, body: valid });
    out.push({ method, path: fill(() => '%ZZ'), headers: auth });
    out.push({ method, path: fill(() => '%00'), headers: auth });
  }
  return out;
}

// ---- the suite ---------------------------------------------------------------------------

const handlerExists = (route: HttpRoute) => existsSync(join(PROJECT_ROOT, functionEntry(route.fn)));
let stack: TestStack;
let fixtures: Fixtures;
let receiver: Server;

beforeAll(async () => {
  captureLogs();
  stack = await startTestStack();
  base = new URL(stack.httpUrl);
  const admin = await stack.tenant('admin');
  const viewer = await stack.tenant('viewer', admin.tenantId);
  const other = await stack.tenant('admin');
  // A subscriber that answers, created before the fixture job: its job.succeeded goes through
  // the queues and webhook-delivery while the logs are captured.
  receiver = createServer((_req, res) => res.writeHead(204).end());
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const { webhookId } = await admin.api.post<{ webhookId: string }>('/v1/webhooks', { url: hookUrl, events: ['job.succeeded'] });
  const { sessionId, jobId } = await uploadFile(admin.api, FIXTURE, { schema: 'call_record' });
  await waitForJob(admin.api, jobId);
  const open = await admin.api.post<{ sessionId: string }>('/v1/uploads', { filename: 'open.csv', contentType: 'text/csv', size: 100 });
  // one of each thing a path can name, so requests get past the lookup into the handler's logic
  const { templateId } = await admin.api.post<{ templateId: string }>('/v1/templates', TEMPLATE_BODY);
  const { delivery } = await admin.api.post<{ delivery: { deliveryId: string } }>(`/v1/webhooks/${webhookId}/test`, {});
  const extraKey = await admin.api.post<{ keyId: string; apiKey: string }>('/v1/api-keys', { role: 'viewer', name: 'fuzz' });
  // a contact file: two accounts (one to merge into the other) and their contacts
  const people = await stack.writeScratch('fuzz-contacts.csv', 'First Name,Last Name,Email,Company\nJane,Doe,jane@acme.example,Acme\nJohn,Roe,john@globex.example,Globex\n');
  await waitForJob(admin.api, (await uploadFile(admin.api, people, { schema: 'contact' })).jobId);
  const accounts = (await admin.api.get<{ items: { accountId: string }[] }>('/v1/accounts')).items.map((a) => a.accountId);
  const contacts = (await admin.api.get<{ items: { contactId: string }[] }>('/v1/contacts')).items.map((c) => c.contactId);
  // an upload token with an upload of its own open (the companion routes' ids), and a second
  // token for the revoke route, so revoking does not end the companion routes' fuzzing
  const uploadToken = await admin.api.post<{ token: string }>('/v1/upload-tokens', { schema: 'call_record' });
  const spareToken = await admin.api.post<{ tokenId: string }>('/v1/upload-tokens', {});
  const opened = (await (
    await fetch(`${stack.httpUrl}/v1/companion/${uploadToken.token}/s3/multipart`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ filename: 'fuzz.csv', type: 'text/csv' }),
    })
  ).json()) as { key: string; uploadId: string };
  fixtures = {
    adminKey: admin.apiKey,
    issuedKey: extraKey.apiKey,
    viewerKey: viewer.apiKey,
    otherTenantKey: other.apiKey,
    adminTenant: admin.tenantId,
    ids: {
      jobId: [jobId],
      sessionId: [sessionId, open.sessionId],
      partNumber: ['1', '2', '0', '10001'],
      name: ['call_record', 'contact'],
      templateId: [templateId],
      webhookId: [webhookId],
      deliveryId: [delivery.deliveryId],
      keyId: [extraKey.keyId],
      accountId: accounts,
      contactId: contacts,
      uploadToken: [uploadToken.token],
      tokenId: [spareToken.tokenId],
      uploadId: [opened.uploadId],
      key: [opened.key],
    },
  };
  Object.assign(keysToRedact, { [admin.apiKey]: 'admin key', [viewer.apiKey]: 'viewer key', [other.apiKey]: 'other tenant key', [stack.apiKey]: 'dev key', [extraKey.apiKey]: 'issued key', [uploadToken.token]: 'upload token' });
});

afterAll(async () => {
  // FUZZ_REPORT=<file>: every violation as JSON, for a bug list.
  if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ seed: SEED, violations }, null, 2));
  agent.destroy();
  await new Promise((resolve) => receiver?.close(resolve));
  await stack?.stop();
  vi.restoreAllMocks();
});

const formatViolations = (list: Violation[]) =>
  list.map((v) => `${v.problem} on ${v.route}\n  request: ${v.request}\n  response: ${v.response}`).join('\n\n');

// Deleting routes last: fuzzed with the fixtures' real ids, they remove what the other routes need.
const FUZZ_ORDER = [...HTTP_ROUTES.filter((r) => !r.routeKey.startsWith('DELETE ')), ...HTTP_ROUTES.filter((r) => r.routeKey.startsWith('DELETE '))];

describe('every HTTP route under random and malformed requests', () => {
  for (const route of FUZZ_ORDER) {
    it(`${route.routeKey}: no 5xx, every 4xx is { error: { code, message } }`, async () => {
      expect(handlerExists(route), `${functionEntry(route.fn)} does not exist`).toBe(true);
      const before = violations.length;
      for (const example of examplesFor(route, fixtures)) await check(route.routeKey, example);
      await fc.assert(
        fc.asyncProperty(requestArb(route, fixtures), async (req) => {
          await check(route.routeKey, req);
        }),
        { numRuns: RUNS_PER_ROUTE, seed: SEED },
      );
      const mine = violations.slice(before);
      expect(mine.length, `seed ${SEED}: ${mine.length} violation(s)\n\n${formatViolations(mine)}\n`).toBe(0);
    });
  }
});

describe('the WebSocket API under random messages', () => {
  it('answers every message as its contract says, never fails a route, and keeps the connection', async () => {
    // a job of its own: the HTTP fuzzing deletes the shared one
    const admin = new ApiClient(stack.httpUrl, fixtures.adminKey);
    const { jobId } = await uploadFile(admin, FIXTURE, { schema: 'call_record' });
    await waitForJob(admin, jobId);
    const action = fc.constantFrom('subscribe', 'unsubscribe');
    const messages = fc.sample(
      fc.oneof(
        // well-formed: the fixture job, missing and hostile ids, both actions
        {
          weight: 3,
          arbitrary: fc
            .tuple(action, fc.oneof({ weight: 2, arbitrary: fc.constant(jobId) }, { weight: 1, arbitrary: fc.constantFrom('job_missing', ...NASTY_IDS) }))
            .map(([a, id]) => JSON.stringify({ action: a, jobId: id })),
        },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
        { weight: 1, arbitrary: fc.constantFrom(...INVALID_JSON) },
        { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
        {
          weight: 2,
          arbitrary: fc
            .record({ action: fc.oneof(action, fc.constantFrom('$default', '$connect', ''), junkValue), jobId: fc.oneof(fc.constant(jobId), junkValue) }, { requiredKeys: [] })
            .map((m) => JSON.stringify(m)),
        },
      ),
      { numRuns: 80, seed: SEED },
    );
    // The contract: one answer per message, except a subscribe to a job the tenant has, which
    // gets two (subscribed, then the job's status).
    const answers = (m: string) => {
      try {
        const v = JSON.parse(m) as { action?: unknown; jobId?: unknown };
        return v?.action === 'subscribe' && v.jobId === jobId && Object.keys(v).length === 2 ? 2 : 1;
      } catch {
        return 1;
      }
    };
    expect(messages.filter((m) => answers(m) === 2).length, 'the sample subscribes the fixture job').toBeGreaterThan(3);

    const url = new URL(stack.wsUrl);
    url.searchParams.set('token', fixtures.adminKey);
    const ws = new WebSocket(url);
    const replies: string[] = [];
    ws.on('message', (data) => replies.push(String(data)));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const failedBefore = captured.filter((line) => line.includes('websocket route failed')).length;
    try {
      // one at a time, each message's answers counted before the next is sent
      for (const m of messages) {
        const expected = replies.length + answers(m);
        ws.send(m);
        const deadline = Date.now() + 5_000;
        while (replies.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
        expect(replies.length, `answers to ${JSON.stringify(m)}`).toBe(expected);
      }
      await new Promise((r) => setTimeout(r, 100)); // nothing more trails in
      expect(replies.length).toBe(messages.reduce((n, m) => n + answers(m), 0));
      expect(ws.readyState).toBe(WebSocket.OPEN);
    } finally {
      ws.close();
    }
    for (const reply of replies) {
      const body = JSON.parse(reply) as { type?: unknown; code?: unknown; message?: unknown };
      expect(typeof body.type, reply).toBe('string');
      if (body.type === 'error') expect([typeof body.code, typeof body.message], reply).toEqual(['string', 'string']);
    }
    const types = new Set(replies.map((r) => (JSON.parse(r) as { type: string }).type));
    expect([...types].sort()).toEqual(expect.arrayContaining(['error', 'subscribed', 'unsubscribed']));
    expect(captured.filter((line) => line.includes('websocket route failed')).length).toBe(failedBefore);
  });
});

describe('no API key or webhook signing secret reaches a log line', () => {
  it('captures handler logs (the capture itself works)', async () => {
    const { logger } = await import('../../functions/shared/logger.ts');
    logger.error('fuzz-log-capture-probe');
    console.error('fuzz-console-capture-probe');
    const all = captured.join('\n');
    expect(all).toContain('fuzz-log-capture-probe');
    expect(all).toContain('fuzz-console-capture-probe');
  });

  it('logs no key sent in headers, query strings or WebSocket connects, valid or not', async () => {
    const unknownKey = 'afp_' + 'Zq9'.repeat(11);
    const keys = [fixtures.adminKey, fixtures.viewerKey, fixtures.otherTenantKey, fixtures.issuedKey, stack.apiKey, unknownKey];
    for (const route of HTTP_ROUTES) {
      const path = route.routeKey.split(' ')[1]!.replace(/\{([^}]+)\}/g, (_, p: string) => fixtures.ids[p]?.[0] ?? 'x');
      for (const key of [fixtures.adminKey, unknownKey]) {
        const method = route.routeKey.split(' ')[0]!;
        await send({ method, path: `${path}?token=${key}&api_key=${key}`, headers: { authorization: `Bearer ${key}`, 'x-api-key': key, 'content-type': 'application/json' }, body: Buffer.from(`{"broken":`) });
        await send({ method, path, headers: { authorization: `bearer  ${key}  `, 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ apiKey: 'not-a-key' })) });
      }
    }
    for (const token of [fixtures.adminKey, unknownKey]) {
      const url = new URL(stack.wsUrl);
      url.searchParams.set('token', token);
      const ws = new WebSocket(url);
      await new Promise<void>((resolve) => {
        ws.once('open', () => {
          ws.send('not json');
          ws.send(JSON.stringify({ action: 'subscribe', jobId: fixtures.ids.jobId?.[0] }));
          ws.send(JSON.stringify({ action: 'subscribe', jobId: 'job_missing' }));
          ws.send(JSON.stringify({ action: 'explode', token }));
          setTimeout(() => {
            ws.close();
            resolve();
          }, 300);
        });
        ws.once('unexpected-response', () => resolve());
        ws.once('error', () => resolve());
      });
    }
    // Everything logged by this file so far, the fuzzing above included; the fixture job's
    // event reached the subscriber through webhook-delivery (its log line shows it ran here).
    const all = captured.join('\n');
    expect(all).toContain('webhook delivered');
    for (const key of keys) {
      expect(all.includes(key), `an API key (${key.slice(0, 8)}...) appears in the logs`).toBe(false);
      expect(all.includes(key.slice(4)), `an API key's secret part (${key.slice(4, 10)}...) appears in the logs`).toBe(false);
    }
    // Any key-shaped or signing-secret-shaped text, whole or in part: the fuzzed requests sent
    // many more keys than the list above, and rotate-secret made secrets this test never saw.
    expect(all.match(/afp_[A-Za-z0-9_-]{12,}/)?.[0], 'key-shaped text in the logs').toBeUndefined();
    expect(all.match(/afpu_[A-Za-z0-9_-]{12,}/)?.[0], 'an upload token in the logs').toBeUndefined();
    expect(all.match(/whsec_[A-Za-z0-9+/]{12,}/)?.[0], 'a webhook signing secret in the logs').toBeUndefined();
  });
});
