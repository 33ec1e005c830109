import { useEffect, useRef, useState } from 'preact/hooks';
import type { JobStatus } from '../api-types.ts';
import { useSession } from '../context.ts';
import { ErrorNote } from './common.tsx';

export type BulkAction = 'retry' | 'cancel' | 'delete';

/** POST /v1/jobs/bulk: one result per id, in the order sent; one id failing never fails the others. */
export interface BulkResult {
  jobId: string;
  ok: boolean;
  status?: JobStatus | 'deleted';
  error?: { code: string; message: string };
}

const VERBS: Record<BulkAction, { button: string; done: string; confirm: string }> = {
  retry: { button: 'Retry selected', done: 'retried', confirm: 'Retry' },
  cancel: { button: 'Cancel selected', done: 'cancelled', confirm: 'Cancel' },
  delete: { button: 'Delete selected', done: 'deleted', confirm: 'Delete' },
};

const plural = (n: number) => `${n} job${n === 1 ? '' : 's'}`;

/**
 * Retry, cancel or delete the selected jobs in one call, each after a confirmation in a modal
 * dialog (focus stays inside it, Escape backs out). The outcome is announced: how many it
 * did, and each job it could not act on with the API's reason.
 */
export function BulkJobActions({ selected, nameOf, onDone }: { selected: string[]; nameOf: (jobId: string) => string; onDone: (results: BulkResult[]) => void }) {
  const { api } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<BulkAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<{ action: BulkAction; results: BulkResult[]; names: Map<string, string> } | null>(null);

  useEffect(() => {
    if (pending && !dialog.current?.open) dialog.current?.showModal();
  }, [pending]);

  const ask = (action: BulkAction) => {
    setError(null);
    setOutcome(null);
    setPending(action);
  };
  const close = () => {
    dialog.current?.close();
    setPending(null);
  };
  const run = async () => {
    const action = pending!;
    const jobIds = selected;
    // named now: a deleted job is gone from the list that would name it afterwards
    const names = new Map(jobIds.map((jobId) => [jobId, nameOf(jobId)]));
    close();
    setBusy(true);
    try {
      const { results } = await api.post<{ results: BulkResult[] }>('/v1/jobs/bulk', { action, jobIds });
      setOutcome({ action, results, names });
      onDone(results);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const count = selected.length;
  return (
    <div class="bulk">
      <div role="group" aria-label="Bulk actions" class="options">
        <span>{count === 0 ? 'No jobs selected' : `${plural(count)} selected`}</span>
        {(Object.keys(VERBS) as BulkAction[]).map((action) => (
          <button key={action} type="button" disabled={count === 0 || busy} onClick={() => ask(action)}>
            {VERBS[action].button}
          </button>
        ))}
      </div>
      <dialog ref={dialog} aria-labelledby="bulk-confirm-title" onClose={() => setPending(null)}>
        {pending && (
          <>
            <h2 id="bulk-confirm-title">
              {VERBS[pending].confirm} {plural(count)}?
            </h2>
            <ul>
              {selected.map((jobId) => (
                <li key={jobId}>{nameOf(jobId)}</li>
              ))}
            </ul>
            {pending === 'delete' && <p>Deleting removes each job, its records and its error report for good.</p>}
            <div class="options">
              <button type="button" class={pending === 'delete' ? 'danger' : undefined} onClick={run}>
                {VERBS[pending].confirm} {plural(count)}
              </button>
              <button type="button" onClick={close}>
                Keep them
              </button>
            </div>
          </>
        )}
      </dialog>
      <ErrorNote error={error} />
      <div role="status">{outcome && <BulkOutcome {...outcome} />}</div>
    </div>
  );
}

function BulkOutcome({ action, results, names }: { action: BulkAction; results: BulkResult[]; names: Map<string, string> }) {
  const failed = results.filter((r) => !r.ok);
  return (
    <>
      <p>
        {results.length - failed.length} of {plural(results.length)} {VERBS[action].done}.
      </p>
      {failed.length > 0 && (
        <ul aria-label="Jobs not changed">
          {failed.map((r) => (
            <li key={r.jobId}>
              {names.get(r.jobId) ?? r.jobId}: {r.error?.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
