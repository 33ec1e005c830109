import { useState } from 'preact/hooks';
import type { Page } from '../api-types.ts';
import { useSession } from '../context.ts';
import { ErrorNote, Section, formatTime, useLoad, TableHead } from '../components/common.tsx';

/*
 * Webhook endpoints: add one (its signing secret is shown once), send a test event, rotate
 * the secret (shown once again; the old one keeps signing for a day), and read the delivery
 * log with a replay for each delivery.
 */

const EVENTS = ['job.succeeded', 'job.failed', 'job.needs_mapping', 'job.cancelled', 'accounts.updated'] as const;

interface Endpoint {
  webhookId: string;
  url: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  createdAt: string;
  secret?: string;
}

interface Delivery {
  deliveryId: string;
  eventType: string;
  status: string;
  lastStatusCode: number | null;
  attemptCount: number;
  failureReason: string | null;
  lastAttemptAt: string | null;
}

/** A secret the API shows once: in a live region, to be copied now. */
function SecretNote({ label, secret }: { label: string; secret: string | null }) {
  if (!secret) return null;
  return (
    <div class="secret" role="status">
      <p>
        {label} (shown once, copy it now): <code>{secret}</code>
      </p>
    </div>
  );
}

export function Webhooks() {
  const { api } = useSession();
  const list = useLoad(() => api.get<Page<Endpoint>>('/v1/webhooks?limit=100'), [api]);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['job.succeeded', 'job.failed', 'job.needs_mapping', 'job.cancelled']);
  const [error, setError] = useState<unknown>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  async function add(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const created = await api.post<Endpoint>('/v1/webhooks', { url: url.trim(), events });
      setSecret(created.secret ?? null);
      setUrl('');
      setOpen(created.webhookId);
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <main id="main" tabIndex={-1}>
      <h1>Webhooks</h1>
      <form onSubmit={add}>
        <label for="webhook-url">Endpoint URL</label>
        <input id="webhook-url" type="url" required placeholder="https://example.com/hooks/ai-file-parser" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <fieldset>
          <legend>Events</legend>
          {EVENTS.map((name) => (
            <div class="field inline" key={name}>
              <input
                id={`event-${name}`}
                type="checkbox"
                checked={events.includes(name)}
                onChange={(e) => setEvents(e.currentTarget.checked ? [...events, name] : events.filter((x) => x !== name))}
              />
              <label for={`event-${name}`}>{name}</label>
            </div>
          ))}
        </fieldset>
        <ErrorNote error={error} />
        <button type="submit" class="primary">
          Add endpoint
        </button>
      </form>
      <SecretNote label="Signing secret" secret={secret} />
      <ErrorNote error={list.error} />
      {list.data && list.data.items.length > 0 && (
        <table>
          <TableHead caption="Endpoints" columns={['URL', 'Events', 'State', 'Created', '']} />
          <tbody>
            {list.data.items.map((w) => (
              <tr key={w.webhookId}>
                <th scope="row">{w.url}</th>
                <td>{w.events.join(', ')}</td>
                <td>{w.enabled ? 'enabled' : `disabled${w.disabledReason ? `: ${w.disabledReason}` : ''}`}</td>
                <td>{formatTime(w.createdAt)}</td>
                <td>
                  <button type="button" aria-expanded={open === w.webhookId} onClick={() => setOpen(open === w.webhookId ? null : w.webhookId)}>
                    Deliveries of {w.url}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <EndpointPanel key={open} webhookId={open} url={list.data?.items.find((w) => w.webhookId === open)?.url ?? open} />}
    </main>
  );
}

function EndpointPanel({ webhookId, url }: { webhookId: string; url: string }) {
  const { api } = useSession();
  const id = encodeURIComponent(webhookId);
  const deliveries = useLoad(() => api.get<Page<Delivery>>(`/v1/webhooks/${id}/deliveries?limit=50`), [api, id]);
  const [error, setError] = useState<unknown>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const run = (action: () => Promise<unknown>) => async () => {
    setError(null);
    try {
      await action();
      deliveries.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Section title={`Endpoint ${url}`}>
      <div class="actions">
        <button type="button" onClick={run(() => api.post(`/v1/webhooks/${id}/test`))}>
          Send test event
        </button>
        <button type="button" onClick={run(async () => setSecret((await api.post<Endpoint>(`/v1/webhooks/${id}/rotate-secret`)).secret ?? null))}>
          Rotate secret
        </button>
        <button type="button" onClick={deliveries.reload}>
          Refresh deliveries
        </button>
      </div>
      <SecretNote label="New signing secret (the old one signs too for 24 hours)" secret={secret} />
      <ErrorNote error={error ?? deliveries.error} />
      {deliveries.data && deliveries.data.items.length === 0 && <p>No deliveries yet.</p>}
      {deliveries.data && deliveries.data.items.length > 0 && (
        <table>
          <TableHead caption="Deliveries, newest first" columns={['Event', 'Status', 'HTTP status', 'Attempts', 'Last attempt', '']} />
          <tbody>
            {deliveries.data.items.map((d) => (
              <tr key={d.deliveryId}>
                <th scope="row">{d.eventType}</th>
                <td>
                  {d.status}
                  {d.failureReason && `: ${d.failureReason}`}
                </td>
                <td class="num">{d.lastStatusCode ?? '—'}</td>
                <td class="num">{d.attemptCount}</td>
                <td>{formatTime(d.lastAttemptAt)}</td>
                <td>
                  <button type="button" onClick={run(() => api.post(`/v1/webhooks/${id}/deliveries/${encodeURIComponent(d.deliveryId)}/replay`))}>
                    Replay {d.eventType}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
