import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { httpApi, type ApiRequest } from '../shared/http/api.ts';
import { json, noContent } from '../shared/http/responses.ts';
import { parseBody, parseQuery } from '../shared/http/request-input.ts';
import { badRequest, conflict, notFound } from '../shared/http/errors.ts';
import { auditQuery, createApiKeyBody, MAX_USAGE_DAYS, retentionOverridesSchema, usageQuery } from '../shared/contract/admin.ts';
import { usageByDay } from '../adapters/usage-meter.ts';
import { daysBetween, sumUsage, zeroUsage } from '../core/usage/usage.ts';
import { optionalEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import { sqsClient } from '../adapters/sqs-client.ts';
import { apiKeyStore } from '../adapters/api-key-store.ts';
import { auditStore } from '../adapters/audit-store.ts';
import { openWebhookCircuits } from '../adapters/webhook-circuits.ts';
import { aiCircuitItem, circuitStore } from '../adapters/circuit-store.ts';
import { circuitView } from '../core/circuit-breaker.ts';
import { jobStore } from '../adapters/job-store.ts';
import { ROLES } from '../core/auth/api-keys.ts';
import { DEFAULT_RATE_LIMIT_RPS } from '../core/auth/rate-limit.ts';
import { computeJobStats } from '../core/jobs/stats.ts';
import { jobIdFloor } from '../core/jobs/job-actions.ts';
import { DEFAULT_RETENTION, type TenantRetention } from '../core/retention/retention.ts';
import { RetentionSettingError, setTenantRetention, tenantRetention } from '../adapters/tenant-retention.ts';

async function createKey(req: ApiRequest) {
  const body = parseBody(req.event, createApiKeyBody);
  const { apiKey, keyId } = await apiKeyStore.issue({
    tenantId: req.principal.tenantId,
    role: body.role as (typeof ROLES)[number],
    name: body.name,
    rateLimitRps: body.rateLimitRps,
  });
  // The plaintext is in this answer only; it is stored as a hash.
  return json(201, { apiKey, keyId, name: body.name, role: body.role, rateLimitRps: body.rateLimitRps ?? DEFAULT_RATE_LIMIT_RPS });
}

async function revokeKey(req: ApiRequest) {
  const keyId = req.params.keyId ?? '';
  // Revoking the key that makes the request would lock the caller out mid-session.
  if (keyId === req.principal.keyId) throw conflict('Cannot revoke the API key used for this request; use another admin key');
  if (!(await apiKeyStore.revoke(req.principal.tenantId, keyId))) throw notFound('API key');
  return noContent();
}

/** Messages waiting in each queue (and its dead-letter queue): the backlog operators watch. */
async function queueDepths() {
  const queues = { events: ENV.eventsQueueUrl, webhooks: ENV.webhooksQueueUrl, eventsDeadLetter: ENV.eventsDlqUrl, webhooksDeadLetter: ENV.webhooksDlqUrl };
  const entries = await Promise.all(
    Object.entries(queues).map(async ([name, env]) => {
      const url = optionalEnv(env);
      if (!url) return [name, null] as const;
      try {
        const res = await sqsClient().send(
          new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
        );
        return [name, { visible: Number(res.Attributes?.ApproximateNumberOfMessages ?? 0), inFlight: Number(res.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0) }] as const;
      } catch {
        return [name, null] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** GET /v1/metrics: the tenant's throughput and error rates over the last hour, and queue depths. */
async function metrics(req: ApiRequest) {
  const to = new Date().toISOString();
  const from = new Date(Date.now() - 60 * 60 * 1000).toISOString();
  const jobs = await jobStore.listSince(req.principal.tenantId, jobIdFloor(from), 5000);
  const stats = computeJobStats(jobs, { from, to });
  const finished = stats.byStatus.succeeded + stats.byStatus.failed;
  return json(200, {
    window: stats.window,
    jobs: { total: stats.jobs, byStatus: stats.byStatus },
    throughput: { rowsPerSecond: stats.rowsPerSecond, rowsWritten: stats.rows.written },
    errorRates: {
      jobFailureRate: finished > 0 ? stats.byStatus.failed / finished : null,
      rowRejectionRate: stats.rows.read > 0 ? stats.rows.rejected / stats.rows.read : null,
    },
    queues: await queueDepths(),
    // endpoints whose deliveries wait because they failed too often in a row
    webhookCircuits: await openWebhookCircuits(req.principal.tenantId),
    // Claude for the whole service: open = mapping runs on heuristics only for now
    aiCircuit: circuitView(await circuitStore.read(aiCircuitItem()), Date.now()),
  });
}

/** The tenant's usage per UTC day (every day of the range, zeros included) and the range's totals. */
async function usage(req: ApiRequest) {
  const q = parseQuery(req.event, usageQuery);
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const to = q.to ?? (q.from ? day(Math.min(Date.now(), Date.parse(q.from) + (MAX_USAGE_DAYS - 1) * 86_400_000)) : day(Date.now()));
  const from = q.from ?? day(Date.parse(to) - 29 * 86_400_000);
  if (from > to) throw badRequest('Query is invalid', [{ field: 'from', message: 'from must not be after to' }]);
  const stored = await usageByDay(req.principal.tenantId, from, to);
  const days = daysBetween(from, to).map((d) => ({ day: d, ...(stored.get(d) ?? zeroUsage()) }));
  return json(200, { from, to, totals: sumUsage([...stored.values()]), days });
}

const retentionAnswer = (tenantId: string, r: { retention: TenantRetention; overrides: Partial<TenantRetention> }) =>
  json(200, { tenantId, ...r.retention, defaults: DEFAULT_RETENTION, overrides: r.overrides });

/** PUT /v1/settings/retention: some of the tenant's retention; jobs created from now on get it. */
async function setRetention(req: ApiRequest) {
  const change = parseBody(req.event, retentionOverridesSchema);
  try {
    return retentionAnswer(req.principal.tenantId, await setTenantRetention(req.principal.tenantId, change));
  } catch (err) {
    if (err instanceof RetentionSettingError) throw badRequest('Retention is inconsistent', [{ field: err.field, message: err.message }]);
    throw err;
  }
}

export const handler = httpApi({
  'GET /v1/api-keys': { role: 'admin', handle: async (req) => json(200, { items: await apiKeyStore.list(req.principal.tenantId), nextCursor: null }) },
  'POST /v1/api-keys': { role: 'admin', handle: createKey },
  'DELETE /v1/api-keys/{keyId}': { role: 'admin', handle: revokeKey },
  'GET /v1/metrics': { role: 'admin', handle: metrics },
  'GET /v1/usage': { role: 'admin', handle: usage },
  'GET /v1/settings/retention': { role: 'viewer', handle: async (req) => retentionAnswer(req.principal.tenantId, await tenantRetention(req.principal.tenantId)) },
  'PUT /v1/settings/retention': { role: 'admin', handle: setRetention },
  'GET /v1/audit': { role: 'admin', handle: async (req) => json(200, await auditStore.list(req.principal.tenantId, parseQuery(req.event, auditQuery))) },
});
