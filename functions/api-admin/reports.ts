import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { ApiRequest } from '../shared/http/api.ts';
import { json } from '../shared/http/responses.ts';
import { parseQuery } from '../shared/http/request-input.ts';
import { badRequest } from '../shared/http/errors.ts';
import { auditQuery, MAX_USAGE_DAYS, usageQuery } from '../shared/contract/admin.ts';
import { usageByDay } from '../adapters/usage-meter.ts';
import { daysBetween, sumUsage, zeroUsage } from '../core/usage/usage.ts';
import { optionalEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import { sqsClient } from '../adapters/sqs-client.ts';
import { auditStore } from '../adapters/audit-store.ts';
import { openWebhookCircuits } from '../adapters/webhook-circuits.ts';
import { aiCircuitItem, circuitStore } from '../adapters/circuit-store.ts';
import { circuitView } from '../core/circuit-breaker.ts';
import { jobStore } from '../adapters/job-store.ts';
import { computeJobStats } from '../core/jobs/stats.ts';
import { jobIdFloor } from '../core/jobs/job-actions.ts';

/* What an operator reads: metrics with the queues' depths, usage per day, the audit trail (handler.ts loads this module on its first request). */

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
export async function metrics(req: ApiRequest) {
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
export async function usage(req: ApiRequest) {
  const q = parseQuery(req.event, usageQuery);
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const to = q.to ?? (q.from ? day(Math.min(Date.now(), Date.parse(q.from) + (MAX_USAGE_DAYS - 1) * 86_400_000)) : day(Date.now()));
  const from = q.from ?? day(Date.parse(to) - 29 * 86_400_000);
  if (from > to) throw badRequest('Query is invalid', [{ field: 'from', message: 'from must not be after to' }]);
  const stored = await usageByDay(req.principal.tenantId, from, to);
  const days = daysBetween(from, to).map((d) => ({ day: d, ...(stored.get(d) ?? zeroUsage()) }));
  return json(200, { from, to, totals: sumUsage([...stored.values()]), days });
}

/** GET /v1/audit: the tenant's audit trail, newest first, a page at a time. */
export async function audit(req: ApiRequest) {
  return json(200, await auditStore.list(req.principal.tenantId, parseQuery(req.event, auditQuery)));
}
