import { useEffect, useState } from 'preact/hooks';
import { query } from '../api.ts';
import { FINAL_STATUSES, type Job, type JobStatus, type Page } from '../api-types.ts';
import { BulkJobActions, type BulkResult } from '../components/bulk-job-actions.tsx';
import { SchemaSelect } from '../components/schema-select.tsx';
import { useSession } from '../context.ts';
import { ErrorNote, Pager, StatusBadge, formatTime, useCursorPages, useLoad } from '../components/common.tsx';
import { jobHref } from '../router.ts';

const STATUSES: JobStatus[] = ['queued', 'running', 'needs_mapping', 'succeeded', 'failed', 'cancelled'];
const PAGE_SIZE = 25;

/** The tenant's jobs, newest first, filtered by status and schema; jobs still moving follow the WebSocket. */
export function Jobs() {
  const { api, live } = useSession();
  const [status, setStatus] = useState('');
  const [schema, setSchema] = useState('');
  const pages = useCursorPages();
  const list = useLoad(() => api.get<Page<Job>>(`/v1/jobs${query({ status, schema, limit: PAGE_SIZE, cursor: pages.cursor })}`), [api, status, schema, pages.cursor]);
  const [liveJobs, setLiveJobs] = useState<Record<string, Partial<Job>>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const items = list.data?.items ?? [];
  // a selection is of the jobs on screen: a new page or filter starts a new one
  useEffect(() => setSelected([]), [list.data]);
  const toggle = (jobId: string, on: boolean) => setSelected((all) => (on ? [...all, jobId] : all.filter((id) => id !== jobId)));
  const nameOf = (jobId: string) => items.find((j) => j.jobId === jobId)?.source.filename ?? jobId;
  const afterBulk = (results: BulkResult[]) => {
    // what the WebSocket said before no longer holds (a retried job starts over): read the list again, then follow it
    const acted = new Set(results.filter((r) => r.ok).map((r) => r.jobId));
    setLiveJobs((all) => Object.fromEntries(Object.entries(all).filter(([jobId]) => !acted.has(jobId))));
    list.reload();
  };

  const moving = items.filter((j) => !FINAL_STATUSES.includes(j.status)).map((j) => j.jobId);
  useEffect(() => {
    const stops = moving.map((jobId) =>
      live.subscribe(jobId, (m) => {
        if (m.type !== 'job.status' && m.type !== 'job.progress') return;
        setLiveJobs((all) => ({
          ...all,
          [jobId]: {
            ...all[jobId],
            ...(m.status && { status: m.status }),
            progress: { rowsRead: m.rowsRead ?? 0, rowsWritten: m.rowsWritten ?? 0, rowsRejected: m.rowsRejected ?? 0, rowsSkipped: 0, percent: m.percent ?? 0 },
          },
        }));
      }),
    );
    return () => stops.forEach((stop) => stop());
  }, [live, moving.join(',')]);

  const filter = (set: (v: string) => void) => (e: Event) => {
    set((e.currentTarget as HTMLSelectElement).value);
    pages.reset();
  };

  return (
    <main id="main" tabIndex={-1}>
      <h1>Jobs</h1>
      <form class="options" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="filter-status">Status</label>
          <select id="filter-status" value={status} onChange={filter(setStatus)}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <SchemaSelect
          id="filter-schema"
          value={schema}
          onChange={(value) => {
            setSchema(value);
            pages.reset();
          }}
          anyValue=""
          anyLabel="Any schema"
        />
        <button type="button" onClick={list.reload}>
          Refresh
        </button>
      </form>
      <ErrorNote error={list.error} />
      {list.data && list.data.items.length === 0 && <p>No jobs match.</p>}
      <BulkJobActions selected={selected} nameOf={nameOf} onDone={afterBulk} />
      {items.length > 0 && (
        <table>
          <caption>Jobs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select all jobs on this page"
                  checked={selected.length === items.length}
                  onChange={(e) => setSelected((e.currentTarget as HTMLInputElement).checked ? items.map((j) => j.jobId) : [])}
                />
              </th>
              {['File', 'Status', 'Schema', 'Rows written', 'Rows rejected', 'Created'].map((name) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((listed) => {
              const job = { ...listed, ...liveJobs[listed.jobId] } as Job;
              return (
                <tr key={job.jobId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${job.source.filename} (${job.jobId})`}
                      checked={selected.includes(job.jobId)}
                      onChange={(e) => toggle(job.jobId, (e.currentTarget as HTMLInputElement).checked)}
                    />
                  </td>
                  <th scope="row">
                    <a href={jobHref(job.jobId)}>{job.source.filename}</a>
                  </th>
                  <td>
                    <StatusBadge status={job.status} />
                  </td>
                  <td>{job.schema}</td>
                  <td class="num">{job.progress.rowsWritten}</td>
                  <td class="num">{job.progress.rowsRejected}</td>
                  <td>{formatTime(job.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {list.data && (
        <Pager
          label="Jobs"
          pageNumber={pages.pageNumber}
          hasNext={list.data.nextCursor !== null}
          onNext={() => list.data?.nextCursor && pages.next(list.data.nextCursor)}
          onPrevious={pages.previous}
        />
      )}
    </main>
  );
}
