import http from 'node:http';
import https from 'node:https';
import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { bareHostname, checkWebhookUrl, WebhookUrlError, type ResolvedAddress, type Resolver, type UrlPolicy } from '../core/webhooks/url-policy.ts';
import { signWebhook } from '../core/webhooks/signing.ts';
import { webhookStore } from './webhook-store.ts';
import { classifyResponse, type ResponseClass } from '../core/webhooks/backoff.ts';
import type { AttemptTrigger, DeliveryAttempt, WebhookDelivery, WebhookEndpoint } from '../core/webhooks/model.ts';
import { optionalEnv } from '../shared/config.ts';
import { meterUsage } from './usage-meter.ts';
import { ENV } from '../shared/env-names.ts';
import { emitMetrics } from '../shared/metrics.ts';
import { DIMENSION, METRIC } from '../shared/metric-names.ts';

/** A subscriber gets 10 s from our first byte of DNS to its last byte of answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** We only need the status line and headers; a chatty receiver's body is read this far, then dropped. */
const MAX_RESPONSE_BYTES = 64 * 1024;
const USER_AGENT = 'ai-file-parser-webhooks/1';

/** The URL policy of this deployment: loopback only where the local stack switched it on. */
export const urlPolicyFromEnv = (): UrlPolicy => ({ allowLoopback: optionalEnv(ENV.allowLoopbackWebhooks) === 'true' });

/** The system resolver (getaddrinfo, like every HTTP client), every address of the name. */
export const dnsResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

export interface PostResult {
  statusCode?: number;
  latencyMs: number;
  error?: string;
  retryAfter?: string;
}

/**
 * A connect-time lookup that always answers the address validated beforehand. Node would
 * otherwise resolve the name again at connect time, and a second answer (DNS rebinding)
 * could point at 127.0.0.1 or 169.254.169.254. The Host header and TLS SNI still carry the
 * original name, so certificates and virtual hosts work as usual.
 */
function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

const describeError = (err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  return e?.code ? `${e.code}: ${e.message}` : String(e?.message ?? err);
};

/**
 * POST a body to a subscriber URL: the URL policy is checked again (after DNS) on every call,
 * the connection goes to the validated address, redirects are not followed (a 3xx is just a
 * failed attempt), 10 s in all. Never throws for the receiver's or the network's faults.
 */
export async function postWebhook(input: {
  url: string;
  headers: Record<string, string>;
  body: string;
  policy: UrlPolicy;
  timeoutMs?: number;
  resolve?: Resolver;
}): Promise<PostResult> {
  const timeoutMs = input.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  try {
    let checked: Awaited<ReturnType<typeof checkWebhookUrl>>;
    try {
      checked = await Promise.race([
        checkWebhookUrl(input.url, input.policy, input.resolve ?? dnsResolver),
        new Promise<never>((_, reject) => deadline.signal.addEventListener('abort', () => reject(deadline.signal.reason as Error), { once: true })),
      ]);
    } catch (err) {
      if (err instanceof WebhookUrlError) return { latencyMs: elapsed(), error: `refused by the URL policy: URL ${err.message}` };
      return { latencyMs: elapsed(), error: describeError(err) };
    }
    const { url, target } = checked;
    const host = bareHostname(url);
    const client = url.protocol === 'https:' ? https : http;
    return await new Promise<PostResult>((resolve) => {
      const req = client.request({
        method: 'POST',
        protocol: url.protocol,
        hostname: host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        headers: {
          ...input.headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(input.body)),
          'user-agent': USER_AGENT,
        },
        // No pooled sockets: each attempt connects to the address validated for it.
        agent: false,
        lookup: pinnedLookup(target),
        servername: isIP(host) ? undefined : host,
        signal: deadline.signal,
      });
      req.on('error', (err) => resolve({ latencyMs: elapsed(), error: deadline.signal.aborted ? describeError(deadline.signal.reason) : describeError(err) }));
      req.on('response', (res) => {
        const statusCode = res.statusCode ?? 0;
        const retryAfter = typeof res.headers['retry-after'] === 'string' ? res.headers['retry-after'] : undefined;
        const done = () => {
          const cls = classifyResponse(statusCode);
          let error: string | undefined;
          if (cls !== 'delivered') {
            error = statusCode >= 300 && statusCode < 400 ? `HTTP ${statusCode}: redirects are not followed` : `HTTP ${statusCode}`;
          }
          resolve({ statusCode, latencyMs: elapsed(), error, retryAfter });
        };
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > MAX_RESPONSE_BYTES) {
            res.destroy();
            done();
          }
        });
        res.on('end', done);
        // The status is what counts; a body cut short by the deadline does not undo it.
        res.on('error', done);
      });
      req.end(input.body);
    });
  } finally {
    clearTimeout(timer);
  }
}

export interface AttemptResult {
  attempt: DeliveryAttempt;
  outcome: ResponseClass;
  retryAfter?: string;
}

/**
 * Make one attempt of a delivery: sign the stored body with the endpoint's active secrets
 * (both during a rotation) at this moment's timestamp, under the delivery's fixed webhook-id,
 * and POST it.
 */
export async function sendDeliveryAttempt(
  endpoint: WebhookEndpoint,
  delivery: Pick<WebhookDelivery, 'messageId' | 'payload'>,
  opts: { trigger: AttemptTrigger; autoAttempt?: number; policy: UrlPolicy; resolve?: Resolver },
): Promise<AttemptResult> {
  const now = new Date();
  const headers = signWebhook({ msgId: delivery.messageId, timestamp: now, payload: delivery.payload, secrets: await webhookStore.openSigningSecrets(endpoint, now) });
  const result = await postWebhook({ url: endpoint.url, headers: { ...headers }, body: delivery.payload, policy: opts.policy, resolve: opts.resolve });
  const outcome = classifyResponse(result.statusCode);
  await meterUsage(endpoint.tenantId, { webhookDeliveries: 1, webhookDeliveriesFailed: outcome === 'delivered' ? 0 : 1 });
  emitMetrics(
    { [METRIC.webhookAttempts]: 1 },
    { [DIMENSION.outcome]: outcome === 'retry' ? 'failed' : outcome },
    { tenantId: endpoint.tenantId, webhookId: endpoint.webhookId, trigger: opts.trigger, statusCode: result.statusCode, latencyMs: result.latencyMs },
  );
  return {
    attempt: {
      trigger: opts.trigger,
      ...(opts.autoAttempt === undefined ? {} : { autoAttempt: opts.autoAttempt }),
      at: now.toISOString(),
      ...(result.statusCode === undefined ? {} : { statusCode: result.statusCode }),
      latencyMs: result.latencyMs,
      ...(result.error === undefined ? {} : { error: result.error }),
    },
    outcome,
    retryAfter: result.retryAfter,
  };
}
