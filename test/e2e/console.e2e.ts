import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { ensureConsoleBuilt } from '../../local/console-build.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';
import { launchChromium } from './browser.ts';
import { callLog } from './call-log.ts';
import { createServer } from 'node:http';
import { closeServer, listen } from '../../local/http-server.ts';

/*
 * The web console in headless Chromium against the real local stack, served at the API's
 * origin under /console/ as `serve` serves it. The test finds everything as a person with a
 * screen reader would (roles, labels, accessible names), runs axe-core on every screen, saves
 * a screenshot of each in test/e2e/artifacts/, and fails on any error in the browser console.
 */

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let stack: TestStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  const consoleDist = await ensureConsoleBuilt();
  [stack, browser] = await Promise.all([startTestStack({ consoleDist }), launchChromium()]);
  await mkdir(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await writeFile(join(ARTIFACTS, 'axe.json'), `${JSON.stringify(axeReport, null, 2)}\n`);
  await browser?.close();
  await stack?.stop();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
});
afterEach(async () => {
  await context?.close();
});

/** Every screen's axe violations of any impact, written to artifacts/axe.json for the record. */
const axeReport: Record<string, { id: string; impact: string | null; targets: string[] }[]> = {};

/** axe-core in the page: every violation, as rule, impact and the elements it names. */
async function axeViolations(): Promise<{ id: string; impact: string | null; targets: string[] }[]> {
  // evaluated over the DevTools protocol: the console's CSP (script-src 'self') stays on and still checked
  await page.evaluate(await AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations;
}

/** Each screen: no serious or critical axe violation, and a screenshot for the record. */
async function checkScreen(name: string): Promise<void> {
  const violations = await axeViolations();
  axeReport[name] = violations;
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(' ')}`);
  expect(blocking, `axe on the ${name} screen`).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function signIn(apiKey: string): Promise<void> {
  await page.goto(stack.consoleUrl!);
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Upload', level: 1 }).waitFor();
}

/** Choose a file in Uppy's Dashboard as a person does (its "browse files" button), then press its upload button. */
async function uploadThroughDashboard(file: string, schema: string, checkWithFile?: string): Promise<string> {
  await page.getByLabel('Schema').selectOption(schema);
  await page.getByText('Ready: add files').waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /browse files/i }).click();
  await (await chooser).setFiles(file);
  // the Dashboard with a file in it is a screen of its own (its file list had two serious axe findings)
  if (checkWithFile) await checkScreen(checkWithFile);
  await page.getByRole('button', { name: /^Upload 1 file/ }).click();
  // the upload opens its job
  await page.waitForURL(/#\/jobs\/job_[A-Za-z0-9]+$/);
  return decodeURIComponent(/#\/jobs\/(job_[A-Za-z0-9]+)$/.exec(page.url())![1]!);
}

/** The job page's status badge reads `status` (it follows the WebSocket; no reload). */
const waitForStatus = (status: string, timeout = 60_000) => page.locator('.status-line .badge', { hasText: new RegExp(`^${status}$`) }).waitFor({ timeout });

const partNumberOf = (url: string) => Number(new URL(url).searchParams.get('partNumber'));
const isPartPut = (method: string, url: string) => method === 'PUT' && new URL(url).searchParams.has('partNumber');

/**
 * The upload's connection stops moving after `lastThrough` parts: each later part's PUT to S3
 * (a presigned URL with `partNumber`) hangs unanswered, as on a stalled network, until the
 * page goes away. `stored` lists the parts S3 answered before `reloaded` is set and `held`
 * the ones hanging (set `reloaded` only once one hangs: a later interception is the new page's); after it,
 * `sentAfter` lists every part PUT, `answered` S3's answers to them and `listed` counts the
 * listParts calls.
 */
async function stallPartsAfter(lastThrough: number) {
  const net = { stored: [] as number[], held: [] as number[], sentAfter: [] as number[], answered: [] as string[], listed: 0, reloaded: false };
  await page.route(/[?&]partNumber=\d+/, async (route) => {
    const req = route.request();
    if (!net.reloaded && isPartPut(req.method(), req.url()) && partNumberOf(req.url()) > lastThrough) {
      // never continued: the request is dropped with the page it belongs to
      net.held.push(partNumberOf(req.url()));
      return;
    }
    await route.continue();
  });
  page.on('response', (res) => {
    const req = res.request();
    if (!isPartPut(req.method(), req.url())) return;
    if (!net.reloaded && res.status() === 200) net.stored.push(partNumberOf(req.url()));
    if (net.reloaded) net.answered.push(`part ${partNumberOf(req.url())}: HTTP ${res.status()}`);
  });
  page.on('requestfailed', (req) => {
    if (net.reloaded && isPartPut(req.method(), req.url())) net.answered.push(`part ${partNumberOf(req.url())}: ${req.failure()?.errorText ?? 'failed'}`);
  });
  page.on('request', (req) => {
    if (!net.reloaded) return;
    if (isPartPut(req.method(), req.url())) net.sentAfter.push(partNumberOf(req.url()));
    // Uppy's listParts: GET {companionEndpoint}/s3/multipart/{uploadId}?key=
    if (req.method() === 'GET' && /\/s3\/multipart\/[^/?]+\?key=/.test(req.url())) net.listed++;
  });
  return net;
}

/**
 * Golden Retriever writes the upload's state (its S3 upload id) to IndexedDB at most every
 * 500 ms; a reload before that is a fresh start. Wait until it is written (its store is Uppy's own
 * `uppy-blobs` database), as the reload this test stands for comes later than that.
 */
async function waitForResumeStateSaved(): Promise<void> {
  const read = `new Promise((resolve, reject) => {
    const open = indexedDB.open('uppy-blobs');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('metadata')) { db.close(); resolve(false); return; }
      const all = db.transaction('metadata').objectStore('metadata').getAll();
      // each record's metadata is Uppy's state as a JSON string: true once a file has its S3 upload id
      all.onsuccess = () => {
        db.close();
        resolve(all.result.some((r) => Object.values(JSON.parse(r.metadata).files ?? {}).some((f) => f.s3Multipart?.uploadId)));
      };
      all.onerror = () => { db.close(); reject(all.error); };
    };
  })`;
  for (let i = 0; i < 100; i++) {
    if ((await page.evaluate(read)) === true) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Golden Retriever never saved the upload state');
}

/**
 * No part S3 held before the reload was sent again, and each missing one was. Uppy retries a
 * part whose PUT failed (a 5xx or a dropped connection), so a missing part may go more than
 * once; `answered` says what S3 said each time.
 */
function expectOnlyMissingPartsSent(net: { stored: number[]; sentAfter: number[]; answered: string[] }, missing: number[]): void {
  expect(net.sentAfter.filter((n) => net.stored.includes(n)), `parts sent again: ${net.answered.join(', ')}`).toEqual([]);
  expect([...new Set(net.sentAfter)].sort((a, b) => a - b), `answers: ${net.answered.join(', ')}`).toEqual(missing);
}

async function until(condition: () => boolean, what: string, timeout = 30_000): Promise<void> {
  for (const end = Date.now() + timeout; !condition(); ) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Choose a file in the Dashboard through its "browse files" button. */
async function chooseFile(path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /browse files/i }).click();
  await (await chooser).setFiles(path);
}

describe('web console', () => {
  it('signs in, uploads a call log with the Dashboard and shows the job succeeded with its row counts', async () => {
    const { apiKey, api } = await stack.tenant('member');
    await page.goto(stack.consoleUrl!);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkScreen('sign-in');
    await signIn(apiKey);
    // (page code as a string: this file is type-checked as Node code, without the DOM's globals)
    expect(await page.evaluate("({ session: sessionStorage.getItem('afp.apiKey'), local: localStorage.length })")).toEqual({ session: apiKey, local: 0 });
    await checkScreen('upload');

    const jobId = await uploadThroughDashboard(join(import.meta.dirname, '../fixtures/call-logs/att-voice.csv'), 'call_record', 'upload-with-file');
    await waitForStatus('succeeded');
    const job = await api.get<ApiJob>(`/v1/jobs/${jobId}`);
    expect(job.status).toBe('succeeded');
    expect(job.progress.rowsWritten).toBeGreaterThan(0);
    const { rowsRead, rowsWritten, rowsRejected } = job.progress;
    await expect(page.getByText(`${rowsRead} rows read · ${rowsWritten} written · ${rowsRejected} rejected`).count()).resolves.toBe(1);
    // the records preview shows the first written record
    const firstRecord = (await api.get<{ items: Record<string, unknown>[] }>(`/v1/jobs/${jobId}/records?limit=1`)).items[0]!;
    await page.getByRole('table', { name: 'Records as written' }).getByRole('cell', { name: String(firstRecord.counterpart_number), exact: true }).first().waitFor();
    // the data-quality report, field by field, as the API reports it
    const quality = (job as unknown as { quality: { fields: { field: string; filled: number; empty: number }[] } }).quality;
    const qualityRows = await page.getByRole('table', { name: 'How each field was filled' }).getByRole('row').allInnerTexts();
    for (const f of quality.fields) expect(qualityRows.some((r) => r.startsWith(`${f.field}\t${f.filled}\t${f.empty}\t`)), f.field).toBe(true);
    await checkScreen('job');
    expect(consoleErrors).toEqual([]);
  });

  it('says which country a file was read in when the upload named none, and the records carry its numbers', async () => {
    const { apiKey, api } = await stack.tenant('member');
    await signIn(apiKey);
    const jobId = await uploadThroughDashboard(join(import.meta.dirname, '../fixtures/call-logs/fr-detail-communications.csv'), 'call_record');
    await waitForStatus('succeeded');
    await page.getByText(/^Phone numbers and dates read as FR, from the file: \d+ of \d+ national numbers are valid FR numbers/).waitFor();
    const first = (await api.get<{ items: Record<string, unknown>[] }>(`/v1/jobs/${jobId}/records?limit=1`)).items[0]!;
    // 06 12 34 56 78 on 01/10/2026 08:15:02: a French mobile, 1 October, Paris time
    expect(first).toMatchObject({ subscriber_number: '+33612345678', started_at: '2026-10-01T06:15:02Z', currency: 'EUR' });
    await page.getByRole('table', { name: 'Records as written' }).getByRole('cell', { name: '+33612345678', exact: true }).first().waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it("shows a company list's job merging into the accounts store, then what it created", async () => {
    const { apiKey, api } = await stack.tenant('member');
    const file = await stack.writeScratch('companies.csv', 'Company name,Website,Industry,Employees\nAcme Inc.,acme.example,Software,120\nGlobex GmbH,globex.example,Manufacturing,5400\nAcme,https://www.acme.example/,Software,150\n');
    await signIn(apiKey);
    const jobId = await uploadThroughDashboard(file, 'company_account');
    await waitForStatus('succeeded');
    const store = page.getByRole('region', { name: 'Accounts store' });
    // the page looks again while the store catches up (no status message marks that moment)
    await store.getByText('Merged into the accounts store: accounts 2 new, 1 merged, 0 updated; contacts 0 new, 0 merged, 0 updated').waitFor({ timeout: 30_000 });
    expect((await api.get<ApiJob>(`/v1/jobs/${jobId}`)).accountsStore).toMatchObject({ state: 'applied', counts: { records: 3 } });
    expect(consoleErrors).toEqual([]);
  });

  it('resolves a needs_mapping upload in the review screen, saves it as a template, and follows the job to succeeded', async () => {
    const { apiKey, api } = await stack.tenant('member');
    // headers that say nothing: only the values hint at the fields, so the mapper asks a person
    const rows = Array.from({ length: 8 }, (_, i) => `11/0${(i % 5) + 1}/2025 ${i + 1}:0${i} PM,(512) 555-01${String(i).padStart(2, '0')},${i + 1}:0${i},note ${i}`);
    const file = await stack.writeScratch('opaque-calls.csv', `fld_a,fld_b,fld_c,fld_d\n${rows.join('\n')}\n`);
    const received: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', (frame) => received.push(String(frame.payload))));
    await signIn(apiKey);
    const jobId = await uploadThroughDashboard(file, 'call_record');
    await waitForStatus('needs_mapping');
    await page.getByRole('link', { name: 'Review mapping' }).click();
    await page.getByRole('heading', { name: 'Mapping review' }).waitFor();
    await page.getByLabel('Field for column fld_a').selectOption('started_at');
    await page.getByLabel('Field for column fld_b').selectOption('counterpart_number');
    await page.getByLabel('Field for column fld_c').selectOption('duration_seconds');
    await page.getByLabel('Field for column fld_d').selectOption('');
    await page.getByLabel('Save as template').check();
    await page.getByLabel('Template name').fill('opaque call log');
    await checkScreen('mapping-review');
    await page.getByRole('button', { name: 'Confirm mapping' }).click();

    await page.waitForURL(new RegExp(`#/jobs/${jobId}$`));
    await waitForStatus('succeeded');
    await page.getByText(`${rows.length} rows read · ${rows.length} written · 0 rejected`).waitFor();
    // the page learnt it over the WebSocket (it never polls): the resumed job's progress and final status were pushed to it
    const pushed = received.map((f) => JSON.parse(f) as { type: string; jobId?: string; status?: string; attempt?: number });
    expect(pushed).toContainEqual(expect.objectContaining({ type: 'job.status', jobId, status: 'succeeded' }));
    const job = await api.get<ApiJob>(`/v1/jobs/${jobId}`);
    expect(job.mapping).toMatchObject({ status: 'mapped' });
    expect((job.mapping as { fields: { field: string; sources: number[] }[] }).fields.map((f) => [f.field, f.sources])).toEqual(
      expect.arrayContaining([
        ['started_at', [0]],
        ['counterpart_number', [1]],
        ['duration_seconds', [2]],
      ]),
    );
    const templates = await api.get<{ items: { name: string }[] }>('/v1/templates');
    expect(templates.items.map((t) => t.name)).toContain('opaque call log');
    expect(consoleErrors).toEqual([]);
  });

  it("shows each value of an enum field's column in the review, takes the person's answers with the confirmation, and the records carry them", async () => {
    const { apiKey, api } = await stack.tenant('member');
    // a carrier's own direction codes beside ones the rules know, under headers that say nothing
    const codes = ['Incoming', 'Outgoing', 'ZQ-Rel', 'ZQ-Xfr'];
    const rows = Array.from({ length: 8 }, (_, i) => `2026-03-0${(i % 5) + 1},1${i}:05,(512) 555-02${String(i).padStart(2, '0')},${codes[i % 4]}`);
    const file = await stack.writeScratch('opaque-directions.csv', `fld_a,fld_b,fld_c,fld_d\n${rows.join('\n')}\n`);
    await signIn(apiKey);
    const jobId = await uploadThroughDashboard(file, 'call_record');
    await waitForStatus('needs_mapping');
    await page.getByRole('link', { name: 'Review mapping' }).click();
    await page.getByLabel('Field for column fld_a').selectOption('started_at');
    await page.getByLabel('Field for column fld_b').selectOption('started_at');
    await page.getByLabel('Field for column fld_c').selectOption('counterpart_number');
    await page.getByLabel('Field for column fld_d').selectOption('direction');

    const values = page.getByRole('table', { name: 'Values of column fld_d for direction' });
    await values.waitFor();
    expect((await values.getByRole('rowheader').allInnerTexts()).sort()).toEqual([...codes].sort());
    await page.getByLabel('direction value for ZQ-Rel').selectOption('outbound');
    await page.getByLabel('direction value for ZQ-Xfr').selectOption('inbound');
    await checkScreen('mapping-review-values');
    await page.getByRole('button', { name: 'Confirm mapping' }).click();

    await page.waitForURL(new RegExp(`#/jobs/${jobId}$`));
    await waitForStatus('succeeded');
    const records = (await api.get<{ items: { direction?: string | null }[] }>(`/v1/jobs/${jobId}/records?limit=20`)).items;
    expect(records.map((r) => r.direction ?? null)).toEqual(['inbound', 'outbound', 'outbound', 'inbound', 'inbound', 'outbound', 'outbound', 'inbound']);
    const { mapping } = await api.get<{ mapping: { valueMaps?: { field: string; values: Record<string, string | null>; by: Record<string, string> }[] } }>(`/v1/jobs/${jobId}/mapping`);
    const direction = mapping.valueMaps?.find((m) => m.field === 'direction');
    expect(direction?.values).toMatchObject({ 'ZQ-Rel': 'outbound', 'ZQ-Xfr': 'inbound' });
    expect(direction?.by).toMatchObject({ 'ZQ-Rel': 'person', 'ZQ-Xfr': 'person' });
    expect(consoleErrors).toEqual([]);
  });

  it('lists jobs with filters and opens one with rejected rows: the errors table shows row, column, value and reason', async () => {
    const { apiKey, api } = await stack.tenant('member');
    const file = join(import.meta.dirname, '../fixtures/csv/att-wireless-calls.csv');
    const { jobId } = await uploadFile(api, file, { schema: 'call_record' });
    const job = await waitForJob(api, jobId, 60_000);
    expect(job.status).toBe('succeeded');
    expect(job.progress.rowsRejected).toBeGreaterThan(0);
    const rejected = (await api.get<{ items: { row: number; column: string; value: string; reason: string; severity: string }[] }>(`/v1/jobs/${jobId}/errors?limit=20`)).items;

    await signIn(apiKey);
    await page.getByRole('link', { name: 'Jobs' }).click();
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
    await page.getByLabel('Status').selectOption('succeeded');
    await page.getByRole('link', { name: 'att-wireless-calls.csv' }).waitFor();
    await checkScreen('jobs');
    // a filter that matches nothing says so
    await page.getByLabel('Status').selectOption('failed');
    await page.getByText('No jobs match.').waitFor();
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('link', { name: 'att-wireless-calls.csv' }).click();

    const table = page.getByRole('table', { name: /Rows the job rejected/ });
    await table.waitFor();
    const shown = await table.getByRole('row').allInnerTexts();
    for (const e of rejected) expect(shown).toContain([e.row, e.column, e.value, e.reason, e.severity].join('\t'));
    await checkScreen('job-errors');
    expect(consoleErrors).toEqual([]);
  });

  it('embeds the importer on its sample page with only an upload token: it uploads, emits job-created and job-finished, and follows the job to succeeded', async () => {
    const { api } = await stack.tenant('member');
    const { token } = await api.post<{ token: string }>('/v1/upload-tokens', { schema: 'call_record' });
    await page.goto(`${stack.consoleUrl}importer-sample.html#token=${token}`);
    await page.getByRole('heading', { name: 'Import your call log' }).waitFor();
    // the host page's custom properties reach inside the component
    const frameBorder = await page.evaluate("getComputedStyle(document.querySelector('afp-importer').shadowRoot.querySelector('.frame')).borderTopColor");
    expect(frameBorder).toBe('rgb(106, 27, 154)');
    await checkScreen('importer-sample');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /browse files/i }).click();
    await (await chooser).setFiles(join(import.meta.dirname, '../fixtures/call-logs/verizon-usage.tsv'));
    await checkScreen('importer-sample-with-file');
    await page.getByRole('button', { name: /^Upload 1 file/ }).click();

    const events = page.getByRole('list', { name: 'Importer events' });
    const created = await events.getByText(/^job-created: job_/).innerText();
    const jobId = /job_[A-Za-z0-9]+/.exec(created)![0];
    const job = await waitForJob(api, jobId, 60_000);
    expect(job).toMatchObject({ status: 'succeeded', schema: 'call_record', source: { filename: 'verizon-usage.tsv' } });
    await events.getByText(`job-finished: ${jobId} succeeded, ${job.progress.rowsWritten} rows written`).waitFor();
    await page.getByRole('list', { name: 'Uploaded files' }).getByText('succeeded').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'importer-sample-done.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('adds a webhook endpoint (secret shown once), sends a test event, replays it and rotates the secret; issues and revokes an API key', async () => {
    const { apiKey, api } = await stack.tenant('admin');
    const received: string[] = [];
    const receiver = createServer((req, res) => {
      received.push(String(req.headers['webhook-id']));
      req.resume();
      res.writeHead(204).end();
    });
    const port = await listen(receiver, 0, '127.0.0.1');
    try {
      await signIn(apiKey);
      await page.getByRole('link', { name: 'Webhooks' }).click();
      await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
      const url = `http://127.0.0.1:${port}/hooks`;
      await page.getByLabel('Endpoint URL').fill(url);
      await page.getByLabel('job.cancelled').uncheck();
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      const secret = (await page.getByRole('status').filter({ hasText: 'Signing secret' }).locator('code').innerText()).trim();
      expect(secret).toMatch(/^whsec_/);
      const [endpoint] = (await api.get<{ items: { url: string; events: string[] }[] }>('/v1/webhooks')).items;
      expect(endpoint).toMatchObject({ url, events: ['job.succeeded', 'job.failed', 'job.needs_mapping'] });

      await page.getByRole('button', { name: 'Send test event' }).click();
      const deliveries = page.getByRole('table', { name: 'Deliveries, newest first' });
      await deliveries.getByRole('cell', { name: 'delivered' }).waitFor();
      await page.getByRole('button', { name: 'Replay webhook.test' }).click();
      await deliveries.getByRole('cell', { name: '2', exact: true }).waitFor();
      expect(received).toHaveLength(2);
      // a replay is the same message: receivers dedupe on webhook-id
      expect(received[1]).toBe(received[0]);
      await page.getByRole('button', { name: 'Rotate secret' }).click();
      const rotated = (await page.getByRole('status').filter({ hasText: 'New signing secret' }).locator('code').innerText()).trim();
      expect(rotated).toMatch(/^whsec_/);
      expect(rotated).not.toBe(secret);
      await checkScreen('webhooks');

      await page.getByRole('link', { name: 'API keys' }).click();
      await page.getByLabel('Key name').fill('reporting');
      await page.getByLabel('Role').selectOption('viewer');
      await page.getByRole('button', { name: 'Issue key' }).click();
      const issued = (await page.getByRole('status').filter({ hasText: 'New API key' }).locator('code').innerText()).trim();
      const res = await fetch(`${stack.httpUrl}/v1/jobs`, { headers: { authorization: `Bearer ${issued}` } });
      expect(res.status).toBe(200);
      await page.getByRole('button', { name: 'Revoke reporting' }).click();
      await page.getByRole('button', { name: 'Confirm revoking reporting' }).click();
      await page.getByRole('button', { name: 'Revoke reporting' }).waitFor({ state: 'detached' });
      const keys = (await api.get<{ items: { name: string | null; role: string; revokedAt: string | null }[] }>('/v1/api-keys')).items;
      expect(keys.find((k) => k.name === 'reporting')).toMatchObject({ role: 'viewer', revokedAt: expect.any(String) });
      await checkScreen('api-keys');
      expect(consoleErrors).toEqual([]);
    } finally {
      await closeServer(receiver);
    }
  });

  it('lists templates and shows what changed between two versions of one', async () => {
    const { apiKey, api } = await stack.tenant('member');
    const layout = { headers: ['Start', 'Number', 'Minutes', 'City'] };
    const fields = [
      { field: 'started_at', sourceHeaders: ['Start'] },
      { field: 'counterpart_number', sourceHeaders: ['Number'] },
      { field: 'location', sourceHeaders: ['City'] },
    ];
    const created = await api.post<{ templateId: string; version: number }>('/v1/templates', { name: 'carrier export', schema: 'call_record', layout, fields });
    const changed = [...fields.slice(0, 2), { field: 'duration_seconds', sourceHeaders: ['Minutes'] }];
    const res = await fetch(`${stack.httpUrl}/v1/templates/${created.templateId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'if-match': `"${created.version}"` },
      body: JSON.stringify({ name: 'carrier export', schema: 'call_record', layout, fields: changed }),
    });
    expect(res.status).toBe(200);

    await signIn(apiKey);
    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Versions of carrier export' }).click();
    const diff = page.getByRole('table', { name: 'Fields in version 1 and version 2' });
    await diff.waitFor();
    expect(await diff.getByRole('row').allInnerTexts()).toEqual([
      'Field\tChange\tVersion 1\tVersion 2',
      'started_at\tsame\tStart\tStart',
      'counterpart_number\tsame\tNumber\tNumber',
      'duration_seconds\tadded\t—\tMinutes',
      'location\tremoved\tCity\t—',
    ]);
    await page.getByLabel('Compare version').selectOption('2');
    await page.getByRole('table', { name: 'Fields in version 2 and version 2' }).waitFor();
    await checkScreen('templates');
    expect(consoleErrors).toEqual([]);
  });

  it('creates an upload link with the chosen options, and someone without a key uploads through it', async () => {
    const { apiKey, api } = await stack.tenant('member');
    await signIn(apiKey);
    await page.getByLabel('Time zone of times without one').selectOption('America/Chicago');
    await page.getByLabel('Schema').selectOption('call_record');
    await page.getByRole('button', { name: 'Create upload link' }).click();
    const link = (await page.getByRole('status').filter({ hasText: 'Upload link' }).locator('code').innerText()).trim();
    expect(link.startsWith(`${stack.consoleUrl}#/import/afpu_`)).toBe(true);

    // a new browser profile: no API key anywhere
    const stranger = await browser.newContext();
    try {
      const other = await stranger.newPage();
      const errors: string[] = [];
      other.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await other.goto(link);
      await other.getByRole('heading', { name: 'Upload files' }).waitFor();
      expect(await other.getByLabel('API key').count()).toBe(0);
      const chooser = other.waitForEvent('filechooser');
      await other.getByRole('button', { name: /browse files/i }).click();
      await (await chooser).setFiles(join(import.meta.dirname, '../fixtures/call-logs/generic-export.csv'));
      await other.getByRole('button', { name: /^Upload 1 file/ }).click();
      await other.getByRole('list', { name: 'Uploaded files' }).getByText('succeeded').waitFor({ timeout: 60_000 });
      page = other;
      await checkScreen('upload-link');
      expect(errors).toEqual([]);
    } finally {
      await stranger.close();
    }
    const [job] = (await api.get<{ items: ApiJob[] }>('/v1/jobs')).items;
    expect(job).toMatchObject({ status: 'succeeded', schema: 'call_record', options: { timezone: 'America/Chicago' }, source: { filename: 'generic-export.csv' } });
    expect(consoleErrors).toEqual([]);
  });

  it('retries, cancels and deletes selected jobs from the list, each after a confirmation, and names the jobs it could not change', async () => {
    const { apiKey, api } = await stack.tenant('member');
    // a page of HTML is recognised and refused: a job that fails at once, and fails again when retried
    const html = await stack.writeScratch('saved-page.html', '<!doctype html><html><head><title>x</title></head><body><table><tr><td>1</td></tr></table></body></html>\n');
    const opaque = await stack.writeScratch('opaque-bulk.csv', `fld_a,fld_b\n${Array.from({ length: 6 }, (_, i) => `x${i},y${i}`).join('\n')}\n`);
    const failed = (await uploadFile(api, html, { schema: 'call_record' })).jobId;
    const waiting = (await uploadFile(api, opaque, { schema: 'call_record' })).jobId;
    const done = (await uploadFile(api, join(import.meta.dirname, '../fixtures/call-logs/generic-export.csv'), { schema: 'call_record' })).jobId;
    expect((await waitForJob(api, failed, 60_000)).status).toBe('failed');
    expect((await waitForJob(api, waiting, 60_000)).status).toBe('needs_mapping');
    expect((await waitForJob(api, done, 60_000)).status).toBe('succeeded');

    await signIn(apiKey);
    await page.getByRole('link', { name: 'Jobs' }).click();
    const bulk = page.getByRole('group', { name: 'Bulk actions' });
    await bulk.getByText('No jobs selected').waitFor();
    expect(await bulk.getByRole('button', { name: 'Retry selected' }).isDisabled()).toBe(true);

    // retry the failed one: it runs again (attempt 2) and the list follows it back to failed
    await page.getByLabel(`Select saved-page.html (${failed})`).check();
    await bulk.getByRole('button', { name: 'Retry selected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retry 1 job?' });
    await dialog.getByText('saved-page.html').waitFor();
    await dialog.getByRole('button', { name: 'Retry 1 job' }).click();
    await page.getByRole('status').getByText('1 of 1 job retried.').waitFor();
    expect((await waitForJob(api, failed, 60_000)).attempt).toBe(2);
    const failedRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'saved-page.html' }) });
    await failedRow.locator('.badge', { hasText: /^failed$/ }).waitFor();

    // cancel two: the waiting one is cancelled, the finished one is named with the API's reason
    await page.getByLabel(`Select opaque-bulk.csv (${waiting})`).check();
    await page.getByLabel(`Select generic-export.csv (${done})`).check();
    await bulk.getByText('2 jobs selected').waitFor();
    await bulk.getByRole('button', { name: 'Cancel selected' }).click();
    // backing out changes nothing
    await page.getByRole('dialog', { name: 'Cancel 2 jobs?' }).getByRole('button', { name: 'Keep them' }).click();
    expect((await api.get<ApiJob>(`/v1/jobs/${waiting}`)).status).toBe('needs_mapping');
    await bulk.getByRole('button', { name: 'Cancel selected' }).click();
    await page.getByRole('dialog', { name: 'Cancel 2 jobs?' }).getByRole('button', { name: 'Cancel 2 jobs' }).click();
    await page.getByRole('status').getByText('1 of 2 jobs cancelled.').waitFor();
    const refused = await api.post<{ results: { ok: boolean; error?: { message: string } }[] }>('/v1/jobs/bulk', { action: 'cancel', jobIds: [done] });
    await page.getByRole('list', { name: 'Jobs not changed' }).getByText(`generic-export.csv: ${refused.results[0]!.error!.message}`).waitFor();
    expect((await api.get<ApiJob>(`/v1/jobs/${waiting}`)).status).toBe('cancelled');
    const waitingRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'opaque-bulk.csv' }) });
    await waitingRow.locator('.badge', { hasText: /^cancelled$/ }).waitFor();

    // delete all three
    await page.getByLabel('Select all jobs on this page').check();
    await bulk.getByRole('button', { name: 'Delete selected' }).click();
    await page.getByRole('dialog', { name: 'Delete 3 jobs?' }).waitFor();
    await checkScreen('jobs-bulk-confirm');
    await page.getByRole('button', { name: 'Delete 3 jobs' }).click();
    await page.getByRole('status').getByText('3 of 3 jobs deleted.').waitFor();
    await page.getByText('No jobs match.').waitFor();
    expect((await api.get<{ items: ApiJob[] }>('/v1/jobs')).items).toEqual([]);
    await checkScreen('jobs-bulk-done');
    expect(consoleErrors).toEqual([]);
  });

  it('shows the API\'s own message for a wrong API key, and keeps nothing', async () => {
    await page.goto(stack.consoleUrl!);
    await page.getByLabel('API key').fill('afp_not_a_real_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const res = await fetch(`${stack.httpUrl}/v1/jobs?limit=1`, { headers: { authorization: 'Bearer afp_not_a_real_key' } });
    const { error } = (await res.json()) as { error: { message: string } };
    expect(await alert.innerText()).toBe(error.message);
    expect(await page.evaluate('sessionStorage.length + localStorage.length')).toBe(0);
    // the failed sign-in's 401 is the browser's own network log line, not a script error
    expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
  });
});

/**
 * A new tenant signs in and uploads a call log of `mib` MiB as call_record until S3 holds
 * `lastThrough` parts and the next one hangs, and the resume state is saved.
 */
async function beginStalledConsoleUpload(name: string, mib: number, lastThrough: number) {
  const { apiKey, api } = await stack.tenant('member');
  const { bytes, rows } = callLog(mib);
  const file = await stack.writeScratch(name, bytes);
  await signIn(apiKey);
  const net = await stallPartsAfter(lastThrough);
  await page.getByLabel('Schema').selectOption('call_record');
  await page.getByText('Ready: add files').waitFor();
  await chooseFile(file);
  await page.getByRole('button', { name: /^Upload 1 file/ }).click();
  await until(() => net.stored.length === lastThrough && net.held.length === 1, `${lastThrough} parts stored and the next hanging`);
  await waitForResumeStateSaved();
  return { api, net, file, bytes, rows };
}

describe('an upload interrupted by a reload', () => {
  it('continues in the console from the parts S3 already holds, with the same upload token, and completes into one job with every row', async () => {
    // four 5 MiB parts; over 10 MiB, so the browser keeps the file's state but not its bytes
    const { api, net, file, bytes, rows } = await beginStalledConsoleUpload('large-calls.csv', 16, 2);
    const tokenBefore = await page.evaluate("JSON.parse(sessionStorage.getItem('afp.uploadToken')).tokenId");

    net.reloaded = true;
    // the tenant's schema list answers late: the restored choice must show before it arrives
    let releaseSchemas!: () => void;
    const schemasHeld = new Promise<void>((resolve) => (releaseSchemas = resolve));
    await page.route(/\/v1\/schemas\b/, async (route) => {
      await schemasHeld;
      await route.continue();
    });
    const reloadedAt = Date.now();
    await page.reload();
    await page.getByText(/^Files from before the page was reloaded are back/).waitFor();
    // the schema the upload was begun with, and the same token
    expect(await page.getByLabel('Schema').inputValue()).toBe('call_record');
    releaseSchemas();
    await page.getByRole('option', { name: 'contact' }).waitFor({ state: 'attached' });
    await page.unroute(/\/v1\/schemas\b/);
    expect(await page.getByLabel('Schema').inputValue()).toBe('call_record');
    expect(await page.evaluate("JSON.parse(sessionStorage.getItem('afp.uploadToken')).tokenId")).toBe(tokenBefore);
    await checkScreen('upload-restored');
    // the Dashboard asks for the file again; choosing it brings its bytes back
    await page.getByRole('button', { name: 'Re-select' }).click();
    await chooseFile(file);
    await checkScreen('upload-restored-reselected');
    const resumedAt = Date.now();
    await page.getByRole('button', { name: /^Upload 1 file/ }).click();
    await page.waitForURL(/#\/jobs\/job_[A-Za-z0-9]+$/);
    const uploadSeconds = (Date.now() - resumedAt) / 1000;
    const jobId = decodeURIComponent(/#\/jobs\/(job_[A-Za-z0-9]+)$/.exec(page.url())![1]!);
    // ~300,000 rows: more than a minute on a loaded 2-core machine
    await waitForStatus('succeeded', 180_000);
    const secondsToJob = (Date.now() - reloadedAt) / 1000;

    expect(net.stored).toEqual([1, 2]);
    // S3 was asked what it holds, and only the two missing parts were sent
    expect(net.listed).toBeGreaterThan(0);
    expectOnlyMissingPartsSent(net, [3, 4]);
    const job = await api.get<ApiJob>(`/v1/jobs/${jobId}`);
    expect(job).toMatchObject({ status: 'succeeded', schema: 'call_record', source: { filename: 'large-calls.csv', size: bytes.length } });
    expect(job.progress).toMatchObject({ rowsRead: rows, rowsWritten: rows, rowsRejected: 0 });
    expect((await api.get<{ items: ApiJob[] }>('/v1/jobs')).items.map((j) => j.jobId)).toEqual([jobId]);
    console.info(
      `console resume: parts sent after the reload ${JSON.stringify(net.sentAfter)} (${net.answered.join(', ')}); Upload pressed to the job page ${uploadSeconds.toFixed(1)} s; reload to job succeeded ${secondsToJob.toFixed(1)} s`,
    );
    expect(consoleErrors).toEqual([]);
  }, 300_000);

  it('starts a restored file again from its first part when the tab no longer holds the token that began it, and still makes one job', async () => {
    // two parts (5 MiB + 4 MiB): under 10 MiB, the browser keeps the bytes too
    const { api, net, rows } = await beginStalledConsoleUpload('restarted-calls.csv', 9, 1);
    // as when the token is about to expire: the reload mints another (same options), which cannot reach the old upload
    await page.evaluate(
      "sessionStorage.setItem('afp.uploadToken', JSON.stringify({ ...JSON.parse(sessionStorage.getItem('afp.uploadToken')), expiresAt: new Date().toISOString() }))",
    );

    net.reloaded = true;
    await page.reload();
    await page.getByText('restarted-calls.csv: will upload again from the start', { exact: false }).waitFor();
    expect(await page.getByLabel('Schema').inputValue()).toBe('call_record');
    await page.getByText(/^Files from before the page was reloaded are back/).waitFor();
    await page.getByRole('button', { name: /^Upload 1 file/ }).click();
    await page.waitForURL(/#\/jobs\/job_[A-Za-z0-9]+$/);
    await waitForStatus('succeeded');

    expect(net.listed).toBe(0);
    expect([...new Set(net.sentAfter)]).toEqual([1, 2]);
    const jobs = (await api.get<{ items: ApiJob[] }>('/v1/jobs')).items;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.progress).toMatchObject({ rowsRead: rows, rowsWritten: rows });
    expect(consoleErrors).toEqual([]);
  });

  it('continues in the importer on its sample page after a reload with the same token: only the missing part is sent, and job-finished reports every row', async () => {
    const { api } = await stack.tenant('member');
    const { token } = await api.post<{ token: string }>('/v1/upload-tokens', { schema: 'call_record' });
    const { bytes, rows } = callLog(9);
    const file = await stack.writeScratch('embedded-calls.csv', bytes);
    await page.goto(`${stack.consoleUrl}importer-sample.html#token=${token}`);
    await page.getByRole('heading', { name: 'Import your call log' }).waitFor();
    const net = await stallPartsAfter(1);
    await chooseFile(file);
    await page.getByRole('button', { name: /^Upload 1 file/ }).click();
    await until(() => net.stored.length === 1 && net.held.length === 1, 'one part stored and the second hanging');
    await waitForResumeStateSaved();

    net.reloaded = true;
    await page.reload();
    await page.getByText('We restored all files. You can now resume the upload.').waitFor();
    await checkScreen('importer-sample-restored');
    await page.getByRole('button', { name: /^Upload 1 file/ }).click();
    const events = page.getByRole('list', { name: 'Importer events' });
    const created = await events.getByText(/^job-created: job_/).innerText();
    const jobId = /job_[A-Za-z0-9]+/.exec(created)![0];
    await events.getByText(`job-finished: ${jobId} succeeded, ${rows} rows written`).waitFor({ timeout: 60_000 });

    expect(net.stored).toEqual([1]);
    expect(net.listed).toBeGreaterThan(0);
    expectOnlyMissingPartsSent(net, [2]);
    const job = await api.get<ApiJob>(`/v1/jobs/${jobId}`);
    expect(job.progress).toMatchObject({ rowsRead: rows, rowsWritten: rows, rowsRejected: 0 });
    expect((await api.get<{ items: ApiJob[] }>('/v1/jobs')).items).toHaveLength(1);
    expect(consoleErrors).toEqual([]);
  });
});
