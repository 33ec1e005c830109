import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { aiKeyConfigured, resolveAiKey } from './ai-key.ts';
import { documentClient } from './aws-clients.ts';
import { entityStore } from './entity-store.ts';
import { logger } from '../shared/logger.ts';
import { positiveIntEnv, requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import { buildInsightPrompt, INSIGHT_BATCH, insightHash, type AccountInsight } from '../core/entities/insights.ts';
import { isEntitySchema } from '../core/entities/entity-schemas.ts';
import type { Account } from '../core/entities/model.ts';
import type { JobRecord } from '../core/jobs/job.ts';
import { messageOf, nameOf } from '../core/errors.ts';

/*
 * AI insights per account (a two-sentence summary, the industry on a fixed list, a fit score
 * against the tenant's ideal-customer description), through the same Claude client, rate
 * limit, retries and timeout as mapping. Off without ANTHROPIC_API_KEY. Stored beside the
 * store (entities table, "INSIGHT#<accountId>"), never inside it: a slow or failing AI
 * never holds up or fails the store's changes. Each insight carries the hash of what it
 * was computed from, so unchanged accounts cost no call; a daily per-tenant budget bounds
 * how many accounts are sent.
 */

/** Accounts a job may send for insights (the ones it touched first); the rest wait for a refresh. */
const INSIGHTS_PER_JOB = () => positiveIntEnv('INSIGHTS_PER_JOB', 100);
/** Accounts per tenant per UTC day. */
const DAILY_BUDGET = () => positiveIntEnv('INSIGHTS_DAILY_BUDGET', 1000);
const MAX_TOKENS_PER_ACCOUNT = 160;

const table = () => requiredEnv(ENV.entitiesTable);
const insightKey = (tenantId: string, accountId: string) => ({ tenantId, sk: `INSIGHT#${accountId}` });

interface InsightItem {
  accountId: string;
  hash: string;
  status: 'ready' | 'failed';
  insight?: AccountInsight;
  reason?: string;
  model: string;
  at: string;
}

export type ApiInsights =
  | ({ status: 'ready' | 'stale'; model: string; generatedAt: string; reason?: string } & AccountInsight)
  | { status: 'unavailable' | 'missing'; reason: string; at?: string };

async function getItemFor(tenantId: string, accountId: string): Promise<InsightItem | undefined> {
  const { Item } = await documentClient().send(new GetCommand({ TableName: table(), Key: insightKey(tenantId, accountId), ConsistentRead: true }));
  return Item as InsightItem | undefined;
}

async function putItem(tenantId: string, item: InsightItem): Promise<void> {
  await documentClient().send(new PutCommand({ TableName: table(), Item: { ...item, ...insightKey(tenantId, item.accountId) } }));
}

/** Reserve up to `wanted` accounts of today's budget (a conditional counter); how many were granted. */
async function reserveBudget(tenantId: string, wanted: number): Promise<number> {
  const day = new Date().toISOString().slice(0, 10);
  const budget = DAILY_BUDGET();
  let ask = Math.min(wanted, budget);
  for (let tries = 0; tries < 3 && ask > 0; tries++) {
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: table(),
          Key: { tenantId, sk: `AIBUDGET#${day}` },
          UpdateExpression: 'ADD used :n',
          ConditionExpression: 'attribute_not_exists(used) OR used <= :max',
          ExpressionAttributeValues: { ':n': ask, ':max': budget - ask },
        }),
      );
      return ask;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      const { Item } = await documentClient().send(new GetCommand({ TableName: table(), Key: { tenantId, sk: `AIBUDGET#${day}` }, ConsistentRead: true }));
      ask = Math.min(ask, budget - Number(Item?.used ?? 0));
    }
  }
  return 0;
}

const failedItem = (account: Account, hash: string, reason: string, model: string): InsightItem => ({ accountId: account.accountId, hash, status: 'failed', reason, model, at: new Date().toISOString() });

/** Insights for these accounts: unchanged ones skipped unless `force`; every account tried ends with an item (ready or why not). */
async function generate(tenantId: string, accounts: readonly Account[], force: boolean): Promise<void> {
  if (accounts.length === 0) return;
  // the key from the environment or the stack's secret; unreadable or empty = no insights this time
  const apiKey = await resolveAiKey().catch((err: unknown) => {
    logger.warn('account insights: the AI key could not be read', { error: nameOf(err) });
    return undefined;
  });
  if (apiKey === undefined) return;
  // The AI client (with the mapping's prompts, the value-map words and call codes) and the
  // answer's reader (zod) are loaded by the first generation, not at init: an account page that
  // shows stored insights never calls them, nor a store update without a key.
  const { AI_MODEL, AiCallError, callClaude, parseInsightAnswer } = await import('./insight-ai.ts');
  const icp = await entityStore.getSetting<string>(tenantId, 'icp');
  const hashes = new Map(accounts.map((a) => [a.accountId, insightHash(a, icp, AI_MODEL)]));
  const existing = await Promise.all(accounts.map((a) => getItemFor(tenantId, a.accountId)));
  const todo = accounts.filter((a, i) => force || existing[i]?.status !== 'ready' || existing[i]?.hash !== hashes.get(a.accountId));
  const granted = await reserveBudget(tenantId, todo.length);
  const over = todo.slice(granted);
  await Promise.all(over.map((a) => putItem(tenantId, failedItem(a, hashes.get(a.accountId)!, `the daily AI budget of ${DAILY_BUDGET()} accounts is used up; refresh tomorrow`, AI_MODEL))));
  const send = todo.slice(0, granted);
  for (let i = 0; i < send.length; i += INSIGHT_BATCH) {
    const batch = send.slice(i, i + INSIGHT_BATCH);
    let results: Map<number, AccountInsight> | undefined;
    let reason = 'the AI answer could not be read';
    try {
      const prompt = buildInsightPrompt(batch, icp);
      results = parseInsightAnswer(await callClaude(apiKey, prompt.system, prompt.user, MAX_TOKENS_PER_ACCOUNT * batch.length + 200, tenantId), batch.length, icp !== undefined);
    } catch (err) {
      reason = err instanceof AiCallError ? `the AI call failed: ${err.message}` : `the AI call failed unexpectedly (${nameOf(err)})`;
      logger.warn('account insights unavailable', { reason });
    }
    const at = new Date().toISOString();
    await Promise.all(
      batch.map((a, j) => {
        const hash = hashes.get(a.accountId)!;
        const insight = results?.get(j);
        return putItem(tenantId, insight ? { accountId: a.accountId, hash, status: 'ready', insight, model: AI_MODEL, at } : failedItem(a, hash, results ? 'the AI answer left this account out' : reason, AI_MODEL));
      }),
    );
  }
}

/** The insights part of an account's page: ready, stale (the account changed since), or why they are missing. */
export async function accountInsights(tenantId: string, account: Account): Promise<ApiInsights> {
  if (!aiKeyConfigured()) return { status: 'unavailable', reason: 'AI insights are off: no Anthropic API key is configured (set ANTHROPIC_API_KEY locally, or put the key in the stack’s Anthropic API key secret)' };
  const item = await getItemFor(tenantId, account.accountId);
  if (!item) return { status: 'missing', reason: 'not generated yet: POST /v1/accounts/{id}/insights/refresh' };
  if (item.status !== 'ready' || !item.insight) return { status: 'missing', reason: item.reason ?? 'not generated', at: item.at };
  const icp = await entityStore.getSetting<string>(tenantId, 'icp');
  const stale = item.hash !== insightHash(account, icp, item.model);
  return {
    status: stale ? 'stale' : 'ready',
    ...item.insight,
    model: item.model,
    generatedAt: item.at,
    ...(stale ? { reason: 'the account or the ideal-customer description changed since: refresh to update' } : {}),
  };
}

/** `POST /v1/accounts/{id}/insights/refresh`: one call now (within the budget), then the result. */
export async function refreshInsights(tenantId: string, account: Account): Promise<ApiInsights> {
  await generate(tenantId, [account], true);
  return accountInsights(tenantId, account);
}

/**
 * After a company or contact job succeeded: insights for the accounts it touched (at most
 * INSIGHTS_PER_JOB). Never throws: the job and the store are done whatever happens here.
 */
export async function generateJobInsights(job: JobRecord): Promise<void> {
  if (!aiKeyConfigured() || !isEntitySchema(job.mapping?.schema ?? job.schema)) return;
  try {
    const view = await entityStore.read(job.tenantId);
    const touched = view.accounts.filter((a) => a.sources.some((s) => s.jobId === job.jobId)).slice(0, INSIGHTS_PER_JOB());
    await generate(job.tenantId, touched, false);
  } catch (err) {
    logger.warn('account insights for the job failed', { error: messageOf(err) });
  }
}
