import Uppy from '@uppy/core';
import AwsS3 from '@uppy/aws-s3';
import Dashboard from '@uppy/dashboard';
import GoldenRetriever from '@uppy/golden-retriever';
import coreCss from '@uppy/core/css/style.min.css?inline';
import dashboardCss from '@uppy/dashboard/css/style.min.css?inline';
import type { Job, JobStatus } from '../api-types.ts';
import { repairDashboardA11y } from '../components/uppy-a11y.ts';

/*
 * <afp-importer token="afpu_..." api-url="https://api.example.com">: the upload flow as a
 * web component any page can embed with an upload token its backend minted (POST
 * /v1/upload-tokens). It holds nothing but the token: Uppy uploads through the token's
 * companion routes, and each job is followed through GET {companionEndpoint}/jobs/{id}.
 *
 * Events (bubbling, composed): `job-created` { jobId, filename } when an upload has started
 * its job; `job-finished` { job } when the job stops: succeeded, failed, cancelled, or
 * needs_mapping (a person confirms that mapping in the console or through the API).
 *
 * Styling: --afp-accent, --afp-font, --afp-radius, --afp-border, --afp-text on the element.
 *
 * An upload interrupted by a reload continues from the parts S3 already holds, when the page
 * gives the element the same token again (an upload can be continued only by the token that
 * began it): Golden Retriever keeps the files' state under a name derived from the token, so
 * another token never sees them. It needs a secure context (https or localhost) for that name.
 */

const STOPPED: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled', 'needs_mapping'];
const POLL_MS = 1000;

// The module's own origin: where a page loads the importer from the stack's console, the API is there too.
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

const OWN_CSS = `
:host { display: block; font-family: var(--afp-font, system-ui, sans-serif); color: var(--afp-text, #1b1f24); }
.frame { border: 1px solid var(--afp-border, #d0d7de); border-radius: var(--afp-radius, 8px); padding: 12px; }
.uppy-Dashboard-browse, .uppy-Dashboard-browse:hover { color: var(--afp-accent, #0b5cad); }
.uppy-StatusBar-actionBtn--upload { background-color: var(--afp-accent, #0b5cad); }
ul { list-style: none; padding: 0; margin: 12px 0 0; }
li { padding: 4px 0; }
.status { font-weight: 600; color: var(--afp-accent, #0b5cad); }
.error { color: #a4161a; font-weight: 600; }
`;

export class AfpImporter extends HTMLElement {
  static observedAttributes = ['token', 'api-url'];

  #uppy: Uppy | undefined;
  #list: HTMLUListElement | undefined;
  #target: HTMLDivElement | undefined;
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #stopRepair: (() => void) | undefined;

  get companionEndpoint(): string | undefined {
    const token = this.getAttribute('token');
    if (!token) return undefined;
    const api = (this.getAttribute('api-url') ?? SCRIPT_ORIGIN).replace(/\/+$/, '');
    return `${api}/v1/companion/${encodeURIComponent(token)}`;
  }

  connectedCallback(): void {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.innerHTML = '';
    const style = document.createElement('style');
    style.textContent = `${coreCss}\n${dashboardCss}\n${OWN_CSS}`;
    const frame = document.createElement('div');
    frame.className = 'frame';
    this.#target = document.createElement('div');
    this.#list = document.createElement('ul');
    this.#list.setAttribute('aria-live', 'polite');
    this.#list.setAttribute('aria-label', 'Uploaded files');
    frame.append(this.#target, this.#list);
    root.append(style, frame);
    this.#stopRepair?.();
    this.#stopRepair = repairDashboardA11y(this.#target);
    void this.#mount();
  }

  disconnectedCallback(): void {
    this.#mounting++;
    this.#stopRepair?.();
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#uppy?.destroy();
    this.#uppy = undefined;
  }

  attributeChangedCallback(): void {
    if (this.isConnected && this.#target) void this.#mount();
  }

  #mounting = 0;

  async #mount(): Promise<void> {
    const mounting = ++this.#mounting;
    this.#uppy?.destroy();
    this.#uppy = undefined;
    const endpoint = this.companionEndpoint;
    if (!endpoint || !this.#target) return;
    const storeId = await restoreStoreId(this.getAttribute('token')!);
    // a newer token or a disconnect came while the name was worked out
    if (mounting !== this.#mounting || !this.isConnected) return;
    const uppy = new Uppy({ autoProceed: false, ...(storeId && { id: storeId }) })
      .use(Dashboard, { inline: true, target: this.#target, width: '100%', height: 280, proudlyDisplayPoweredByUppy: false })
      // multipart always: its complete call answers with the job
      .use(AwsS3, { companionEndpoint: endpoint, shouldUseMultipart: true });
    if (storeId) uppy.use(GoldenRetriever);
    uppy.on('upload-success', (file, response) => {
      const jobId = (response.body as { jobId?: string } | undefined)?.jobId ?? /\/v1\/jobs\/([^/?#]+)$/.exec((response.body as { location?: string } | undefined)?.location ?? '')?.[1];
      if (!jobId) return;
      const filename = file?.name ?? jobId;
      const row = this.#row(filename, 'queued');
      this.dispatchEvent(new CustomEvent('job-created', { detail: { jobId, filename }, bubbles: true, composed: true }));
      this.#follow(endpoint, jobId, row);
    });
    this.#uppy = uppy;
  }

  #row(filename: string, status: string): HTMLElement {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = `${filename}: `;
    const state = document.createElement('span');
    state.className = 'status';
    state.textContent = status;
    li.append(name, state);
    this.#list?.append(li);
    return state;
  }

  /** Poll the token's job route until the job stops; a failed read is shown and retried. */
  #follow(endpoint: string, jobId: string, status: HTMLElement): void {
    const poll = async () => {
      try {
        const res = await fetch(`${endpoint}/jobs/${encodeURIComponent(jobId)}`);
        const body = (await res.json()) as Job & { error?: { message?: string } };
        if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
        status.className = 'status';
        status.textContent = body.status;
        if (STOPPED.includes(body.status)) {
          this.dispatchEvent(new CustomEvent('job-finished', { detail: { job: body }, bubbles: true, composed: true }));
          return;
        }
      } catch (err) {
        status.className = 'error';
        status.textContent = err instanceof Error ? err.message : String(err);
      }
      this.#schedule(poll);
    };
    this.#schedule(poll);
  }

  #schedule(poll: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      void poll();
    }, POLL_MS);
    this.#timers.add(timer);
  }
}

/**
 * Golden Retriever's store name for a token: a digest, so the token itself is never written to
 * IndexedDB. Undefined where the page is not a secure context (no crypto.subtle): no resume.
 */
async function restoreStoreId(token: string): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`afp-importer:${token}`)));
  return `afp-importer-${Array.from(digest.subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

if (!customElements.get('afp-importer')) customElements.define('afp-importer', AfpImporter);
