import { parseArgs } from 'node:util';
import { GLOBAL_OPTIONS, printJson, withTarget, type Command } from '../target.ts';

interface ApiWebhook {
  webhookId: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  secret?: string;
}

interface ApiDelivery {
  deliveryId: string;
  eventType: string;
  messageId: string;
  status: string;
  attemptCount: number;
  lastStatusCode: number | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

interface AttemptAnswer {
  success: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  delivery: ApiDelivery | null;
}

const line = (w: ApiWebhook) =>
  `${w.webhookId}  ${(w.enabled ? 'enabled' : 'disabled').padEnd(8)}  ${w.url}  [${w.events.join(',')}]${w.disabledReason ? `  (${w.disabledReason})` : ''}${w.description ? `  ${w.description}` : ''}`;

export const webhooksCommand: Command = {
  usage: [
    '  webhooks list [--limit N] [--cursor C] [--json]',
    '  webhooks create <url> [--events job.succeeded,job.failed,...] [--description D] [--json]',
    '  webhooks test <webhookId> [--json]',
    '  webhooks deliveries <webhookId> [--limit N] [--cursor C] [--json]',
  ].join('\n'),
  async run(argv) {
    const { values: flags, positionals } = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, events: { type: 'string' }, description: { type: 'string' }, limit: { type: 'string' }, cursor: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [sub, arg] = positionals;
    const page = new URLSearchParams();
    if (flags.limit) page.set('limit', flags.limit);
    if (flags.cursor) page.set('cursor', flags.cursor);
    const needId = () => {
      if (!arg) throw new Error(`webhooks ${sub ?? ''} needs a webhook id`);
      return encodeURIComponent(arg);
    };
    if (!['list', 'create', 'test', 'deliveries'].includes(sub ?? '')) {
      throw new Error(`Unknown webhooks command '${sub ?? ''}': use list, create, test or deliveries`);
    }
    if (sub === 'create' && !arg) throw new Error('webhooks create needs a URL');
    return withTarget(flags, async (target) => {
      switch (sub) {
        case 'list': {
          const res = await target.api.get<{ items: ApiWebhook[]; nextCursor: string | null }>(`/v1/webhooks?${page}`);
          if (flags.json) {
            printJson(res);
            return 0;
          }
          if (res.items.length === 0) process.stdout.write('no webhooks yet: webhooks create <url>\n');
          for (const w of res.items) process.stdout.write(`${line(w)}\n`);
          if (res.nextCursor) process.stdout.write(`more: --cursor ${res.nextCursor}\n`);
          return 0;
        }
        case 'create': {
          const events = flags.events
            ?.split(',')
            .map((e) => e.trim())
            .filter(Boolean);
          const created = await target.api.post<ApiWebhook>('/v1/webhooks', { url: arg, events, description: flags.description });
          if (flags.json) {
            printJson(created);
            return 0;
          }
          process.stdout.write(`${line(created)}\n`);
          process.stdout.write(`signing secret (shown only now, keep it): ${created.secret ?? ''}\n`);
          return 0;
        }
        case 'test': {
          const res = await target.api.post<AttemptAnswer>(`/v1/webhooks/${needId()}/test`);
          if (flags.json) printJson(res);
          else {
            const answer = res.statusCode === null ? 'no answer' : `HTTP ${res.statusCode}`;
            process.stdout.write(`${res.success ? 'delivered' : 'failed'}: ${answer} in ${res.latencyMs} ms${res.error ? ` (${res.error})` : ''}\n`);
          }
          return res.success ? 0 : 1;
        }
        default: {
          const res = await target.api.get<{ items: ApiDelivery[]; nextCursor: string | null }>(`/v1/webhooks/${needId()}/deliveries?${page}`);
          if (flags.json) {
            printJson(res);
            return 0;
          }
          if (res.items.length === 0) process.stdout.write('no deliveries yet\n');
          for (const d of res.items) {
            const last = d.lastStatusCode === null ? '-' : String(d.lastStatusCode);
            const next = d.nextAttemptAt ? `  next ${d.nextAttemptAt}` : '';
            process.stdout.write(`${d.deliveryId}  ${d.status.padEnd(9)} ${d.eventType.padEnd(17)} attempts ${d.attemptCount}  last ${last}  ${d.createdAt}${next}\n`);
          }
          if (res.nextCursor) process.stdout.write(`more: --cursor ${res.nextCursor}\n`);
          return 0;
        }
      }
    });
  },
};
