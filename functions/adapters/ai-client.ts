import { meterUsage } from './usage-meter.ts';
import { emitMetrics } from '../shared/metrics.ts';
import { METRIC } from '../shared/metric-names.ts';
import type Anthropic from '@anthropic-ai/sdk';
import { templateStore } from './template-store.ts';
import { aiKeyConfigured, resolveAiKey } from './ai-key.ts';
import { optionalEnv } from '../shared/config.ts';
import { aiCircuitItem, circuitStore } from './circuit-store.ts';
import { admit, CIRCUIT_THRESHOLD, DEFAULT_COOLDOWN_MS, type CircuitFields } from '../core/circuit-breaker.ts';
import { ENV } from '../shared/env-names.ts';
import { logger } from '../shared/logger.ts';
import { backoffMs, DEFAULT_RETRY, isRetryable, TokenBucket } from '../core/ai/call-policy.ts';
import { buildMappingPrompt } from '../core/ai/mapping-prompt.ts';
import { parseAiMapping } from '../core/ai/parse-answer.ts';
import type { AiOutcome, AiSuggester } from '../core/templates/suggest.ts';
import { buildValueMapPrompt, parseValueMapAnswer, type AiValueMapper } from '../core/map/value-maps.ts';
import { assertIsError, messageOf, nameOf } from '../core/errors.ts';

/*
 * Claude for mapping suggestions, at the edge. Off unless a key is configured (ai-key.ts:
 * ANTHROPIC_API_KEY, or on AWS the secret ANTHROPIC_API_KEY_SECRET_ARN names); the
 * Messages API base URL comes from ANTHROPIC_BASE_URL when set (tests point it at
 * local/fake-anthropic.ts). Each call is rate-limited (a token bucket per process),
 * retried with backoff on 429/5xx/connection errors, and bounded by a timeout; answers are
 * cached per tenant, layout fingerprint and schema in the templates table. Whatever goes
 * wrong, the suggester answers with a note instead of throwing: AI never fails a job.
 * The key is handed to the SDK and never logged.
 */

/** Per-request timeout override in ms (tests shorten it); not one of the deployment's names. */
export const AI_TIMEOUT_ENV = 'ANTHROPIC_TIMEOUT_MS';
const DEFAULT_TIMEOUT_MS = 8000;
export const AI_MODEL = 'claude-haiku-4-5';
/** Requests per second per process, and the burst allowed. */
const RATE_PER_SECOND = 2;
const BURST = 4;
/** Waiting longer than this for a rate-limit token gives up (the heuristics answer instead). */
const MAX_QUEUE_MS = 5000;

type AnthropicSdk = typeof import('@anthropic-ai/sdk');
let client: { apiKey: string; api: Anthropic } | undefined;
/**
 * The SDK (about 440 KB of bundle) is loaded on the first call, not at cold start: most
 * invocations of the functions that may call Claude never do (no key configured, a cached
 * answer, a request that needs no AI).
 */
let sdk: Promise<AnthropicSdk> | undefined;
const loadSdk = () => (sdk ??= import('@anthropic-ai/sdk'));
let bucket: TokenBucket | undefined;

function timeoutMs(): number {
  const v = Number(optionalEnv(AI_TIMEOUT_ENV));
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_TIMEOUT_MS;
}

/** One SDK client per container, made again only when the key changes (a new value in the secret). */
function anthropic({ default: Anthropic }: AnthropicSdk, apiKey: string): Anthropic {
  if (client?.apiKey !== apiKey) {
    const api = new Anthropic({
      apiKey,
      baseURL: optionalEnv(ENV.anthropicBaseUrl) ?? null,
      // retries are ours (policy below), so the SDK's own would multiply them
      maxRetries: 0,
      timeout: timeoutMs(),
      logLevel: 'off',
    });
    client = { apiKey, api };
  }
  return client.api;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Why a call failed, in words safe to store on a job (no key, no request body). */
export class AiCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AiCallError';
  }
}

/**
 * One Messages call under the process's rate limit, retries and timeout (mapping and account
 * insights share them), metered to `tenantId`'s usage (a call and its tokens) when it answers
 * and a tenant is named.
 */
export async function callClaude(apiKey: string, system: string, user: string, maxTokens = 1024, tenantId?: string): Promise<string> {
  const circuit = await readAiCircuit();
  const gate = admit(circuit, Date.now());
  if (gate.kind === 'wait' || (gate.kind === 'probe' && !(await circuitStore.claimProbe(AI_CIRCUIT(), Date.now(), AI_PROBE_LEASE_MS).catch(() => true)))) {
    throw new AiCallError(`paused after ${CIRCUIT_THRESHOLD} failed calls in a row, until ${new Date(gate.kind === 'wait' ? gate.until : Date.now() + AI_PROBE_LEASE_MS).toISOString()}`);
  }
  let answer: Awaited<ReturnType<typeof callClaudeNow>>;
  try {
    answer = await callClaudeNow(apiKey, system, user, maxTokens);
  } catch (err) {
    countAiCall(tenantId, err);
    if (err instanceof AiCallError) await updateAiCircuit(() => circuitStore.recordFailure(AI_CIRCUIT(), Date.now(), DEFAULT_COOLDOWN_MS));
    throw err;
  }
  countAiCall(tenantId);
  const { text, usage } = answer;
  if (tenantId !== undefined) await meterUsage(tenantId, { aiCalls: 1, aiInputTokens: usage.inputTokens, aiOutputTokens: usage.outputTokens });
  // a success ends a run of failures (no write when there was none)
  if (circuit.cbFailures !== undefined || circuit.cbOpenUntil !== undefined) await updateAiCircuit(() => circuitStore.recordSuccess(AI_CIRCUIT()));
  return text;
}

/** A call that went out (one, whatever its retries inside), and whether it failed; a call the open circuit held back is not one. */
function countAiCall(tenantId: string | undefined, failure?: unknown): void {
  emitMetrics(
    { [METRIC.aiCalls]: 1, [METRIC.aiCallFailures]: failure === undefined ? 0 : 1 },
    {},
    { tenantId, model: AI_MODEL, ...(failure === undefined ? {} : { failure: failure instanceof AiCallError ? failure.message : nameOf(failure) }) },
  );
}

/**
 * While Claude's circuit is open, mapping uses its heuristics and says so on the job
 * (ai_unavailable), instead of each job waiting through retries and timeouts.
 */
const AI_CIRCUIT = aiCircuitItem;
const AI_PROBE_LEASE_MS = 60_000;

/** Record an outcome on the circuit; losing one only makes the breaker a little late, never fails the call. */
async function updateAiCircuit(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (err) {
    logger.warn('AI circuit state not updated', { error: messageOf(err) });
  }
}

/** The breaker only ever holds calls back: when its state cannot be read, the call goes as if it were closed. */
async function readAiCircuit(): Promise<CircuitFields> {
  try {
    return await circuitStore.read(AI_CIRCUIT());
  } catch (err) {
    logger.warn('AI circuit state unreadable; calling as if closed', { error: messageOf(err) });
    return {};
  }
}

async function callClaudeNow(apiKey: string, system: string, user: string, maxTokens: number): Promise<{ text: string; usage: { inputTokens: number; outputTokens: number } }> {
  const loaded = await loadSdk();
  const { APIConnectionTimeoutError, APIError } = loaded;
  const api = anthropic(loaded, apiKey);
  bucket ??= new TokenBucket(BURST, RATE_PER_SECOND, Date.now());
  for (let attempt = 1; ; attempt++) {
    const wait = bucket.take(Date.now());
    if (wait > MAX_QUEUE_MS) throw new AiCallError('rate limited: too many AI requests in this process');
    if (wait > 0) await sleep(wait);
    try {
      const msg = await api.messages.create({ model: AI_MODEL, max_tokens: maxTokens, system, messages: [{ role: 'user', content: user }] });
      const text = msg.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
      return { text, usage: { inputTokens: msg.usage?.input_tokens ?? 0, outputTokens: msg.usage?.output_tokens ?? 0 } };
    } catch (err) {
      assertIsError(err);
      const timedOut = err instanceof APIConnectionTimeoutError;
      const status = err instanceof APIError && typeof err.status === 'number' ? err.status : undefined;
      const describe = timedOut ? `timed out after ${timeoutMs()} ms` : status !== undefined ? `HTTP ${status}` : `connection failed (${err.name})`;
      if (!isRetryable({ status, timedOut }) || attempt >= DEFAULT_RETRY.attempts) throw new AiCallError(`${describe} after ${attempt} attempt(s)`);
      const retryAfter = err instanceof APIError ? Number(err.headers?.get('retry-after') ?? Number.NaN) : Number.NaN;
      await sleep(backoffMs(attempt, DEFAULT_RETRY, Math.random(), Number.isFinite(retryAfter) ? retryAfter : undefined));
    }
  }
}

/** One cached AI request: the cache, or Claude (answer read and cached), or a note saying why not. */
async function askOnce<T>(what: string, ask: {
  tenantId: string;
  cached: () => Promise<T | undefined>;
  prompt: () => { system: string; user: string };
  read: (text: string) => T | undefined;
  store: (answer: T) => Promise<void>;
  logKeys: Record<string, string>;
}): Promise<{ answer?: T; cached: boolean; note?: string }> {
  try {
    const cached = await ask.cached();
    if (cached !== undefined) return { answer: cached, cached: true };
    const apiKey = await resolveAiKey().catch((err: unknown) => {
      throw new AiCallError(`the API key could not be read from Secrets Manager (${nameOf(err)})`);
    });
    if (apiKey === undefined) return { cached: false, note: 'AI unavailable (the API key secret has no value yet); heuristics only' };
    const prompt = ask.prompt();
    const answer = ask.read(await callClaude(apiKey, prompt.system, prompt.user, undefined, ask.tenantId));
    if (answer === undefined) {
      logger.warn(`AI ${what} answer was not JSON; using heuristics`, ask.logKeys);
      return { cached: false, note: 'the AI answer could not be read; heuristics only' };
    }
    await ask.store(answer).catch((err: unknown) => {
      logger.warn(`could not cache the AI ${what}`, { error: messageOf(err) });
    });
    return { answer, cached: false };
  } catch (err) {
    const message = err instanceof AiCallError ? err.message : `unexpected ${nameOf(err)}`;
    logger.warn(`AI ${what} unavailable; using heuristics`, { ...ask.logKeys, reason: message });
    return { cached: false, note: `AI unavailable (${message}); heuristics only` };
  }
}

/**
 * The AI port for one tenant's mapping suggestions, or undefined when no key is configured.
 * Cached answers come from the templates table; new ones are stored there.
 */
export function aiSuggesterFor(tenantId: string): AiSuggester | undefined {
  if (!aiKeyConfigured()) return undefined;
  return async ({ schema, headers, sampleRows, fingerprint, settled }): Promise<AiOutcome> => {
    let columns = headers.length;
    const { answer, ...rest } = await askOnce('mapping suggestion', {
      tenantId,
      cached: () => templateStore.getAiSuggestion(tenantId, fingerprint, schema.name),
      // one call per layout: only what the heuristics could not settle, 3 samples per column
      prompt: () => {
        const prompt = buildMappingPrompt(schema, headers, sampleRows, settled);
        columns = prompt.columns;
        return prompt;
      },
      read: (text) => parseAiMapping(text, schema, headers, columns),
      store: (suggestion) => templateStore.putAiSuggestion(tenantId, fingerprint, schema.name, suggestion, AI_MODEL),
      logKeys: { fingerprint, schema: schema.name },
    });
    return { ...(answer !== undefined ? { suggestion: answer } : {}), ...rest };
  };
}

/**
 * The AI port for one tenant's value maps (what the codes of enum columns mean), or
 * undefined when no key is configured: one request per layout and schema, cached in the
 * templates table beside the layout's mapping suggestion.
 */
export function aiValueMapperFor(tenantId: string): AiValueMapper | undefined {
  if (!aiKeyConfigured()) return undefined;
  return async ({ schema, fingerprint, questions }) => {
    const { answer, ...rest } = await askOnce('value maps', {
      tenantId,
      cached: () => templateStore.getAiValueAnswers(tenantId, fingerprint, schema),
      prompt: () => buildValueMapPrompt(questions),
      read: (text) => parseValueMapAnswer(text, questions),
      store: (answers) => templateStore.putAiValueAnswers(tenantId, fingerprint, schema, answers, AI_MODEL),
      logKeys: { fingerprint, schema },
    });
    return { ...(answer !== undefined ? { answers: answer } : {}), ...rest };
  };
}
