import { useEffect, useRef, useState } from 'preact/hooks';
import { query } from '../api.ts';
import { FINAL_STATUSES, type Job, type Page, type RowError } from '../api-types.ts';
import { useSession } from '../context.ts';
import { ErrorNote, Pager, Section, StatusBadge, formatDuration, formatPercent, formatTime, useCursorPages, useLoad, TableHead } from '../components/common.tsx';
import { describeReason } from '../components/reasons.ts';
import { mappingHref, navigate } from '../router.ts';

const STAGES = ['classify', 'parse', 'map', 'enrich', 'persist'] as const;
const PAGE_SIZE = 20;

/**
 * One job: where it is (live over the WebSocket), what it read and decided, and what went
 * wrong row by row. A status change reloads the whole job, so details that only the API
 * answer carries (mapping, warnings, output) follow too.
 */
export function JobPage({ jobId }: { jobId: string }) {
  const { api, live } = useSession();
  const job = useLoad(() => api.get<Job>(`/v1/jobs/${encodeURIComponent(jobId)}`), [api, jobId]);
  const [progress, setProgress] = useState<Job['progress'] | null>(null);
  // The status shown, read by the live handler: one subscription for the page's life. Subscribing
  // anew on each status change sent unsubscribe + subscribe, which the ws function may take in
  // either order (one invocation each); the unsubscribe landing last left the page deaf.
  const shownStatus = useRef<string | undefined>(undefined);
  shownStatus.current = job.data?.status;
  const { reload } = job;
  // The accounts store catches up just after a company or contact job succeeds, with no status
  // message of its own: look again until it has.
  const storePending = job.data?.accountsStore?.state === 'pending';
  useEffect(() => {
    if (!storePending) return undefined;
    const timer = setTimeout(reload, 1000);
    return () => clearTimeout(timer);
  }, [storePending, job.data, reload]);

  useEffect(
    () =>
      live.subscribe(jobId, (m) => {
        if (m.type === 'job.progress' || m.type === 'job.status') {
          setProgress({ rowsRead: m.rowsRead ?? 0, rowsWritten: m.rowsWritten ?? 0, rowsRejected: m.rowsRejected ?? 0, rowsSkipped: 0, percent: m.percent ?? 0 });
        }
        if (m.type === 'job.status' && m.status !== shownStatus.current) reload();
      }),
    // not on `reload`: it only bumps a counter, and a new one each render must not resubscribe
    [live, jobId],
  );

  if (!job.data) {
    return (
      <main id="main" tabIndex={-1}>
        <h1>Job {jobId}</h1>
        {job.loading ? <p>Loading…</p> : <ErrorNote error={job.error} />}
      </main>
    );
  }
  const j = job.data;
  const final = FINAL_STATUSES.includes(j.status);
  // the API's answer is complete; live numbers only fill in while the job moves
  const p = final || !progress ? j.progress : { ...j.progress, ...progress, rowsSkipped: j.progress.rowsSkipped };
  return (
    <main id="main" tabIndex={-1}>
      <h1>{j.source.filename}</h1>
      <p class="status-line">
        <StatusBadge status={j.status} /> <span>{j.jobId}</span> · schema <strong>{j.schema}</strong> · attempt {j.attempt}
        {j.stage && !final && <> · stage {j.stage}</>}
      </p>
      <label for="job-progress">Progress</label>
      <progress id="job-progress" max={100} value={p.percent}>
        {p.percent}%
      </progress>
      <p aria-live="polite">
        {p.rowsRead} rows read · {p.rowsWritten} written · {p.rowsRejected} rejected · {p.rowsSkipped} skipped · {Math.round(p.percent)}%
      </p>
      {j.error && (
        <p class="error" role="alert">
          {j.error.type}: {j.error.message}
          {j.error.stage && ` (stage ${j.error.stage})`}
        </p>
      )}
      <JobActions job={j} onChanged={job.reload} />
      <Section title="Stages">
        <ol class="timeline">
          {STAGES.map((stage) => {
            const t = j.stages[stage];
            const state = t?.endedAt ? 'done' : t ? 'running' : 'pending';
            return (
              <li key={stage} class={`stage-${state}`}>
                <strong>{stage}</strong> <span>{state === 'done' ? formatDuration(t?.durationMs) : state}</span>
              </li>
            );
          })}
        </ol>
        <p>
          Created {formatTime(j.createdAt)} · finished {formatTime(j.finishedAt)}
        </p>
      </Section>
      {j.classification && <Classification classification={j.classification} />}
      {j.mapping && <MappingSummary job={j} />}
      {j.quality && <DataQuality quality={j.quality} />}
      {j.accountsStore && <AccountsStore run={j.accountsStore} />}
      <Warnings job={j} />
      {final && j.output && <ErrorsTable jobId={jobId} />}
      {j.status === 'succeeded' && <RecordsPreview jobId={jobId} />}
    </main>
  );
}

function JobActions({ job, onChanged }: { job: Job; onChanged: () => void }) {
  const { api } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const id = encodeURIComponent(job.jobId);
  const run = (action: () => Promise<unknown>, after = onChanged) => async () => {
    setError(null);
    try {
      await action();
      after();
    } catch (err) {
      setError(err);
    }
  };
  const download = (format: 'ndjson' | 'csv') =>
    run(async () => {
      const { url } = await api.get<{ url: string }>(`/v1/jobs/${id}/output${query({ format })}`);
      window.location.assign(url);
    }, () => undefined);
  const moving = job.status === 'queued' || job.status === 'running';
  return (
    <div class="actions">
      {job.status === 'needs_mapping' && (
        <a class="button primary" href={mappingHref(job.jobId)}>
          Review mapping
        </a>
      )}
      {(moving || job.status === 'needs_mapping') && (
        <button type="button" onClick={run(() => api.post(`/v1/jobs/${id}/cancel`))}>
          Cancel job
        </button>
      )}
      {(job.status === 'failed' || job.status === 'cancelled' || (job.status === 'succeeded' && job.accountsStore?.state === 'failed')) && (
        <button type="button" onClick={run(() => api.post(`/v1/jobs/${id}/retry`))}>
          Retry job
        </button>
      )}
      {job.status === 'succeeded' && (
        <>
          <button type="button" onClick={download('ndjson')}>
            Download NDJSON
          </button>
          <button type="button" onClick={download('csv')}>
            Download CSV
          </button>
        </>
      )}
      {!moving &&
        (confirmDelete ? (
          <>
            <button type="button" class="danger" onClick={run(() => api.delete(`/v1/jobs/${id}`), () => navigate('#/jobs'))}>
              Confirm delete
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Keep job
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)}>
            Delete job
          </button>
        ))}
      <ErrorNote error={error} />
    </div>
  );
}

function Classification({ classification }: { classification: Record<string, unknown> }) {
  const c = classification as { format?: string; encoding?: string; delimiter?: string; headerRow?: number; rowEstimate?: number; schema?: { name: string; confidence: number; reason: string } };
  const rows: [string, string | undefined][] = [
    ['Format', c.format],
    ['Encoding', c.encoding],
    ['Delimiter', c.delimiter === '\t' ? 'tab' : c.delimiter],
    ['Header row', c.headerRow === undefined ? undefined : String(c.headerRow + 1)],
    ['Rows (estimate)', c.rowEstimate === undefined ? undefined : String(c.rowEstimate)],
    ['Looks like', c.schema ? `${c.schema.name} (${formatPercent(c.schema.confidence)}): ${c.schema.reason}` : undefined],
  ];
  return (
    <Section title="Classification">
      <dl class="facts">
        {rows
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
    </Section>
  );
}

function MappingSummary({ job }: { job: Job }) {
  const m = job.mapping!;
  return (
    <Section title="Mapping">
      <p>
        {m.status === 'needs_mapping' ? 'Waiting for a person to confirm' : 'Mapped'} · confidence {formatPercent(m.confidence)}
        {m.source && <> · by {m.source}</>}
        {m.templateName && <> · template {m.templateName}</>}
      </p>
      <table>
        <TableHead caption="Fields and the columns they come from" columns={['Field', 'Source columns', 'Confidence', 'Reason']} />
        <tbody>
          {m.fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{f.field}</th>
              <td>{(f.sourceHeaders ?? []).join(', ') || '—'}</td>
              <td class="num">{f.confidence === undefined ? '—' : formatPercent(f.confidence)}</td>
              <td>{describeReason(f.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {m.missingRequired.length > 0 && <p class="error">Required fields without a column: {m.missingRequired.join(', ')}</p>}
      {m.region && (
        <p>
          Phone numbers and dates read as {m.region.region}, from the file: {m.region.evidence}. Name a region on the upload to read them as another.
        </p>
      )}
    </Section>
  );
}

/** The data-quality report of a succeeded job: how well each schema field was filled, and why values were left out. */
function DataQuality({ quality }: { quality: NonNullable<Job['quality']> }) {
  return (
    <Section title="Data quality">
      <p>
        {quality.records} records · {quality.fieldsFilled} of {quality.fieldsTotal} fields filled
      </p>
      <table>
        <TableHead caption="How each field was filled" columns={['Field', 'Filled', 'Empty', 'Fill rate', 'Blanked', 'Rejected', 'Reasons']} />
        <tbody>
          {quality.fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{f.field}</th>
              <td class="num">{f.filled}</td>
              <td class="num">{f.empty}</td>
              <td class="num">{formatPercent(f.fillRate)}</td>
              <td class="num">{f.blanked}</td>
              <td class="num">{f.rejected}</td>
              <td>
                {Object.entries(f.reasons)
                  .map(([reason, n]) => `${reason} (${n})`)
                  .join('; ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

/** Where a company or contact job's records stand in the tenant's accounts store. */
function AccountsStore({ run }: { run: NonNullable<Job['accountsStore']> }) {
  const kind = (k: { created: number; merged: number; updated: number }) => `${k.created} new, ${k.merged} merged, ${k.updated} updated`;
  return (
    <Section title="Accounts store">
      {run.state === 'pending' && <p aria-live="polite">Merging the records into the accounts store…</p>}
      {run.state === 'applied' && (
        <p>
          Merged into the accounts store{run.counts && <>: accounts {kind(run.counts.accounts)}; contacts {kind(run.counts.contacts)}</>}
          {run.counts?.skipped ? ` · ${run.counts.skipped} records had nothing to match on` : ''}
        </p>
      )}
      {run.state === 'skipped' && <p>Left out of the accounts store: {run.reason}</p>}
      {run.state === 'failed' && (
        <p class="error" role="alert">
          Not in the accounts store ({run.error?.type}: {run.error?.message}). Retry the job to bring its records in (it runs Enrich and Persist again).
        </p>
      )}
    </Section>
  );
}

function Warnings({ job }: { job: Job }) {
  const all = [...(job.warnings ?? []), ...(job.mapping?.warnings ?? [])];
  if (all.length === 0) return null;
  return (
    <Section title="Warnings">
      <ul>
        {all.map((w) => (
          <li key={w.code}>
            <code>{w.code}</code> ({w.count}): {w.message}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function ErrorsTable({ jobId }: { jobId: string }) {
  const { api } = useSession();
  const pages = useCursorPages();
  const errors = useLoad(() => api.get<Page<RowError>>(`/v1/jobs/${encodeURIComponent(jobId)}/errors${query({ limit: PAGE_SIZE, cursor: pages.cursor })}`), [api, jobId, pages.cursor]);
  return (
    <Section title="Row errors">
      <ErrorNote error={errors.error} />
      {errors.data && errors.data.items.length === 0 && pages.pageNumber === 1 && <p>No row was rejected or changed.</p>}
      {errors.data && errors.data.items.length > 0 && (
        <table>
          <TableHead caption="Rows the job rejected (error) or kept without a field (warning)" columns={['Row', 'Column', 'Value', 'Reason', 'Severity']} />
          <tbody>
            {errors.data.items.map((e, i) => (
              <tr key={`${e.row}-${e.column}-${i}`}>
                <td class="num">{e.row}</td>
                <td>{e.column ?? '—'}</td>
                <td>
                  <code>{e.value ?? ''}</code>
                </td>
                <td>{e.reason}</td>
                <td>{e.severity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {errors.data && (errors.data.nextCursor || pages.pageNumber > 1) && (
        <Pager label="Row errors" pageNumber={pages.pageNumber} hasNext={errors.data.nextCursor !== null} onNext={() => errors.data?.nextCursor && pages.next(errors.data.nextCursor)} onPrevious={pages.previous} />
      )}
    </Section>
  );
}

function RecordsPreview({ jobId }: { jobId: string }) {
  const { api } = useSession();
  const pages = useCursorPages();
  const records = useLoad(() => api.get<Page<Record<string, unknown>>>(`/v1/jobs/${encodeURIComponent(jobId)}/records${query({ limit: 10, cursor: pages.cursor })}`), [api, jobId, pages.cursor]);
  const columns = [...new Set((records.data?.items ?? []).flatMap((r) => Object.keys(r)))];
  return (
    <Section title="Records">
      <ErrorNote error={records.error} />
      {records.data && records.data.items.length > 0 && (
        <div class="scroll" tabIndex={0} role="region" aria-label="Records table, scrolls sideways">
          <table>
            <TableHead caption="Records as written" columns={columns} />
            <tbody>
              {records.data.items.map((r, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c}>{r[c] === undefined || r[c] === null ? '' : typeof r[c] === 'object' ? JSON.stringify(r[c]) : String(r[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {records.data && (
        <Pager label="Records" pageNumber={pages.pageNumber} hasNext={records.data.nextCursor !== null} onNext={() => records.data?.nextCursor && pages.next(records.data.nextCursor)} onPrevious={pages.previous} />
      )}
    </Section>
  );
}
