import './afp-importer.ts';

/* The sample host page: hand the token to the importer and list the events it emits. */

const importer = document.querySelector('afp-importer')!;
const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
if (token) importer.setAttribute('token', token);

const events = document.getElementById('events')!;
for (const type of ['job-created', 'job-finished']) {
  importer.addEventListener(type, (event) => {
    const detail = (event as CustomEvent<{ jobId?: string; job?: { jobId: string; status: string; progress: { rowsWritten: number } } }>).detail;
    const li = document.createElement('li');
    li.textContent = detail.job ? `${type}: ${detail.job.jobId} ${detail.job.status}, ${detail.job.progress.rowsWritten} rows written` : `${type}: ${detail.jobId}`;
    events.append(li);
  });
}
