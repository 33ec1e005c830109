import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../local/cli/main.ts';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { startFakeAnthropic, userText, type FakeAnthropic, type FakeMessagesRequest } from '../../local/fake-anthropic.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import type { ApiClient } from '../../local/cli/api-client.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';
import type { ApiAccount, ApiAccountDetail, ApiContact } from '../../functions/core/entities/api-shape.ts';

/*
 * The accounts/contacts store end to end on the real local stack: two overlapping company
 * exports (different headers, domain spellings, legal forms) and a contact list become one
 * deduplicated, linked, searchable store; exports, edits, roles, tenants, the webhook event,
 * a deleted job, and AI insights through the fake Anthropic server (ok, failing, slow).
 */

const COMPANIES_HUBSPOT = [
  'Company name,Company Domain Name,Industry,Number of Employees,Country/Region,Technologies',
  'Acme Inc.,https://www.Acme.example/,Computer Software,120,United States,"Salesforce; HubSpot"',
  'Globex GmbH,globex.example,Manufacturing,5400,Germany,"SAP, AWS"',
  'Initech LLC,,Software,85,USA,Slack',
  'Umbrella Corporation,http://umbrella.example,Pharmaceuticals,90000,United Kingdom,',
];
const COMPANIES_SALESFORCE = [
  'Account Name,Website,Industry,Employees,Billing Country,Tech Stack',
  'ACME,ACME.EXAMPLE,Software,150,US,"runs PostgreSQL, Stripe, Twilio in production"',
  'Globex,http://globex.example./,Industrial Manufacturing,5400,DE,Kubernetes',
  'Initech Inc.,,Software,90,United States,',
  'Hooli,hooli.example,Internet,20000,United States,Google Cloud | BigQuery',
  '=HYPERLINK("http://evil.example"),evil.example,Software,3,United States,',
];
const CONTACTS = [
  'First Name,Last Name,Email,Phone,Job Title,Company',
  'Jane,Doe,jane.doe@acme.example,+1 415 555 0100,CTO,Acme',
  'John,Smith,JOHN@GLOBEX.EXAMPLE,,Head of IT,Globex GmbH',
  'Maria,Garcia,maria.garcia@gmail.com,,Founder,Initech',
  'Wei,Zhang,wei@newco.example,,CEO,NewCo Ltd',
  'Ann,Lee,ann@gmail.com,,Consultant,',
  'Jane,Doe,Jane.Doe@Acme.Example,,Chief Technology Officer,Acme Inc',
];

type AccountDetail = Omit<ApiAccountDetail, 'insights'> & { insights: { status: string; reason?: string; summary?: string; fitScore?: number | null; industry?: string; model?: string } };
interface AccountList {
  items: ApiAccount[];
  nextCursor: string | null;
  total: number;
  facets: { industry: Record<string, number>; technology: Record<string, number>; country: Record<string, number> };
}

const FAKE_KEY = 'sk-ant-test-not-a-real-key';
let stack: TestStack;
let fake: FakeAnthropic;
let receiver: Server;
const hooks: { body: string }[] = [];

/** Insights answers for the fake: one entry per account id the prompt lists; mapping prompts get no suggestion. */
function fakeAnswer(req: FakeMessagesRequest): string {
  if (!req.system?.includes('B2B sales analyst')) return '{"mappings":[]}';
  const facts = JSON.parse(userText(req).split('Accounts:\n')[1] ?? '[]') as { id: string; name: string }[];
  return JSON.stringify({
    accounts: facts.map((f) => ({ id: f.id, summary: `${f.name} makes things. It is a company.`, industry: 'Software & Internet', fitScore: 72, fitReason: 'uses a modern stack' })),
  });
}

beforeAll(async () => {
  fake = await startFakeAnthropic();
  process.env.ANTHROPIC_API_KEY = FAKE_KEY;
  process.env.ANTHROPIC_BASE_URL = fake.url;
  process.env.ANTHROPIC_TIMEOUT_MS = '1000';
  stack = await startTestStack();
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      hooks.push({ body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((r) => receiver?.close(r));
  await stack?.stop();
  await fake?.close();
  delete process.env.ANTHROPIC_API_KEY;
  delete process.env.ANTHROPIC_BASE_URL;
  delete process.env.ANTHROPIC_TIMEOUT_MS;
});
beforeEach(() => {
  fake.reset();
  fake.respondWith(fakeAnswer);
});

let fileSeq = 0;
async function ingest(api: ApiClient, lines: string[], schema: string): Promise<ApiJob> {
  const file = await stack.writeScratch(`accounts-${++fileSeq}.csv`, `${lines.join('\n')}\n`);
  const { jobId } = await uploadFile(api, file, { schema });
  const job = await waitForJob(api, jobId, 60_000);
  expect(job.status, JSON.stringify(job.error ?? job.stage)).toBe('succeeded');
  return job;
}

const byName = (list: AccountList, name: string) => list.items.find((a) => a.name === name);

describe('accounts store from two company exports and a contact list', () => {
  let api: ApiClient;
  let apiKey: string;
  let tenantId: string;
  let jobs: ApiJob[];
  let all: AccountList;

  beforeAll(async () => {
    ({ api, apiKey, tenantId } = await stack.tenant('admin'));
    const port = (receiver.address() as AddressInfo).port;
    await api.post('/v1/webhooks', { url: `http://127.0.0.1:${port}/accounts`, events: ['accounts.updated'] });
    jobs = [await ingest(api, COMPANIES_HUBSPOT, 'company_account'), await ingest(api, COMPANIES_SALESFORCE, 'company_account'), await ingest(api, CONTACTS, 'contact')];
    all = await api.get<AccountList>('/v1/accounts?limit=100');
  });

  it('dedupes accounts across headers, domain spellings and legal forms, and links contacts', async () => {
    expect(all.items.map((a) => a.name).sort()).toEqual(['=HYPERLINK("http://evil.example")', 'Acme Inc.', 'Globex GmbH', 'Hooli', 'Initech LLC', 'NewCo Ltd', 'Umbrella Corporation'].sort());
    expect(all.total).toBe(7);
    const acme = byName(all, 'Acme Inc.')!;
    expect(acme).toMatchObject({ domain: 'acme.example', industry: 'Software', employees: 150, country: 'United States', contactCount: 1 });
    expect(acme.technologies).toEqual(['Salesforce', 'HubSpot', 'PostgreSQL', 'Stripe', 'Twilio']);
    expect(acme.sources.map((s) => s.jobId)).toEqual([jobs[0]!.jobId, jobs[1]!.jobId, jobs[2]!.jobId]);
    expect(byName(all, 'Globex GmbH')).toMatchObject({ domain: 'globex.example', country: 'Germany', technologies: ['SAP', 'Amazon Web Services', 'Kubernetes'], contactCount: 1 });
    expect(byName(all, 'Initech LLC')).toMatchObject({ domain: null, employees: 90, contactCount: 1 });
    expect(byName(all, 'Hooli')!.technologies).toEqual(['Google Cloud Platform', 'Google BigQuery']);
    expect(byName(all, 'NewCo Ltd')).toMatchObject({ domain: 'newco.example', contactCount: 1 });

    const contacts = await api.get<{ items: ApiContact[]; total: number }>('/v1/contacts?limit=100');
    expect(contacts.total).toBe(5);
    const jane = contacts.items.find((c) => c.email === 'jane.doe@acme.example')!;
    expect(jane).toMatchObject({ accountId: acme.accountId, phone: '+14155550100', title: 'Chief Technology Officer' });
    expect(contacts.items.find((c) => c.email === 'maria.garcia@gmail.com')!.accountId).toBe(byName(all, 'Initech LLC')!.accountId);
    expect(contacts.items.find((c) => c.email === 'ann@gmail.com')!.accountId).toBeNull();

    const detail = await api.get<AccountDetail>(`/v1/accounts/${acme.accountId}`);
    expect(detail.contacts.map((c) => c.email)).toEqual(['jane.doe@acme.example']);
    expect(detail.history).toContainEqual(expect.objectContaining({ field: 'industry', value: 'Computer Software', source: expect.objectContaining({ jobId: jobs[0]!.jobId }) }));
    expect(detail.technologyDetails.find((t) => t.name === 'Twilio')!.found).toEqual([{ jobId: jobs[1]!.jobId, row: 1, field: 'technologies', how: 'text' }]);
  });

  it('counts facets over the whole filtered set and filters by technology, country, size and text', async () => {
    expect(all.facets.country).toEqual({ 'United States': 4, Germany: 1, 'United Kingdom': 1 });
    expect(all.facets.industry).toEqual({ Software: 3, 'Industrial Manufacturing': 1, Internet: 1, Pharmaceuticals: 1 });
    expect(all.facets.technology).toMatchObject({ Salesforce: 1, 'Amazon Web Services': 1, Twilio: 1 });
    const page = await api.get<AccountList>('/v1/accounts?industry=software&limit=1&sort=-employees');
    expect(page).toMatchObject({ total: 3, items: [{ name: 'Acme Inc.' }], facets: { industry: { Software: 3 } } });
    const next = await api.get<AccountList>(`/v1/accounts?industry=software&limit=5&sort=-employees&cursor=${page.nextCursor}`);
    expect(next.items.map((a) => a.name)).toEqual(['Initech LLC', '=HYPERLINK("http://evil.example")']);
    expect((await api.get<AccountList>('/v1/accounts?technology=aws')).items.map((a) => a.name)).toEqual(['Globex GmbH']);
    expect((await api.get<AccountList>('/v1/accounts?country=USA&minEmployees=1000')).items.map((a) => a.name)).toEqual(['Hooli']);
    expect((await api.get<AccountList>('/v1/accounts?q=globex.example')).total).toBe(1);
    await expect(api.get('/v1/accounts?minEmployees=10&maxEmployees=5')).rejects.toMatchObject({ status: 400, details: [{ field: 'maxEmployees' }] });
    await expect(api.get('/v1/accounts?cursor=bogus')).rejects.toMatchObject({ status: 400, details: [{ field: 'cursor' }] });
  });

  it('answers the CLI: accounts list|get|export and contacts list', async () => {
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => out.push(String(chunk)) > 0);
      try {
        return { code: await main([...args, '--endpoint', stack.httpUrl, '--api-key', apiKey]), out: out.join('') };
      } finally {
        spy.mockRestore();
      }
    };
    const list = await run('accounts', 'list', '--technology', 'aws', '--json');
    expect(list.code).toBe(0);
    expect((JSON.parse(list.out) as AccountList).items.map((a) => a.name)).toEqual(['Globex GmbH']);
    const text = await run('accounts', 'list', '--country', 'Germany');
    expect(text.out).toContain('Globex GmbH');
    expect(text.out).toContain('1 of 1');
    const acme = byName(all, 'Acme Inc.')!;
    expect((await run('accounts', 'get', acme.accountId)).out).toContain('jane.doe@acme.example');
    expect(JSON.parse((await run('contacts', 'list', '--account', acme.accountId, '--json')).out)).toMatchObject({ total: 1 });
    const file = `${stack.dataDir}/accounts-cli.xlsx`;
    expect((await run('accounts', 'export', '--format', 'xlsx', '--out', file)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets[0]!.rowCount).toBe(1 + 7);
  });

  it('sends accounts.updated with the counts of each job', async () => {
    const deadline = Date.now() + 20_000;
    while (hooks.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const events = hooks.map((h) => JSON.parse(h.body) as { type: string; tenantId: string; data: { jobId: string; accounts: Record<string, number>; contacts: Record<string, number> } });
    expect(events.every((e) => e.type === 'accounts.updated' && e.tenantId === tenantId)).toBe(true);
    const of = (job: ApiJob) => events.find((e) => e.data.jobId === job.jobId)!.data;
    expect(of(jobs[0]!).accounts).toEqual({ created: 4, merged: 0, updated: 0 });
    expect(of(jobs[1]!).accounts).toEqual({ created: 2, merged: 3, updated: 3 });
    expect(of(jobs[2]!)).toMatchObject({ accounts: { created: 1, merged: 4, updated: 0 }, contacts: { created: 5, merged: 1, updated: 0 } });
  });

  it('exports the whole filtered set: XLSX with one row per account, CSV formula-safe', async () => {
    const xlsx = await api.get<{ url: string; expiresAt: string }>('/v1/accounts/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await fetch(xlsx.url)).arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + 7);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['accountId', 'name', 'domain', 'industry', 'employees', 'annualRevenue', 'country', 'city', 'technologies', 'contactCount', 'updatedAt']);
    const names = Array.from({ length: 7 }, (_, i) => sheet.getRow(i + 2).getCell(2).value);
    expect(names).toContain('Acme Inc.');

    const csv = await api.get<{ url: string }>('/v1/accounts/export?format=csv&country=United%20States');
    const text = await (await fetch(csv.url)).text();
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 4);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines.some((l) => /(^|,)=/.test(l))).toBe(false);

    const contacts = await api.get<{ url: string }>('/v1/contacts/export?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await fetch(contacts.url)).arrayBuffer());
    expect(book.worksheets[0]!.rowCount).toBe(1 + 5);
  });

  it('keeps another tenant out and enforces roles: viewer reads, member edits and merges, admin deletes', async () => {
    const acme = byName(all, 'Acme Inc.')!;
    const other = await stack.tenant('admin');
    await expect(other.api.get(`/v1/accounts/${acme.accountId}`)).rejects.toMatchObject({ status: 404 });
    await expect(other.api.request('PATCH', `/v1/accounts/${acme.accountId}`, { name: 'Mine' })).rejects.toMatchObject({ status: 404 });
    expect((await other.api.get<AccountList>('/v1/accounts')).total).toBe(0);

    const viewer = await stack.tenant('viewer', tenantId);
    const member = await stack.tenant('member', tenantId);
    expect((await viewer.api.get<AccountList>('/v1/accounts')).total).toBe(7);
    await expect(viewer.api.request('PATCH', `/v1/accounts/${acme.accountId}`, { industry: 'SaaS' })).rejects.toMatchObject({ status: 403 });
    const patched = await member.api.request<ApiAccount>('PATCH', `/v1/accounts/${acme.accountId}`, { industry: 'SaaS', technologies: ['Salesforce', 'aws'] });
    expect(patched).toMatchObject({ industry: 'SaaS', technologies: ['Salesforce', 'Amazon Web Services'] });
    await expect(member.api.request('PATCH', `/v1/accounts/${acme.accountId}`, { domain: 'gmail.com' })).rejects.toMatchObject({ status: 400, details: [{ field: 'domain' }] });
    await expect(member.api.request('PATCH', `/v1/accounts/${acme.accountId}`, { domain: 'hooli.example' })).rejects.toMatchObject({ status: 409, details: [{ field: 'domain' }] });

    const newco = byName(all, 'NewCo Ltd')!;
    const merged = await member.api.post<ApiAccount>(`/v1/accounts/${acme.accountId}/merge`, { otherId: newco.accountId });
    expect(merged.contactCount).toBe(2);
    await expect(api.get(`/v1/accounts/${newco.accountId}`)).rejects.toMatchObject({ status: 404 });
    await expect(member.api.post(`/v1/accounts/${acme.accountId}/merge`, { otherId: acme.accountId })).rejects.toMatchObject({ status: 400 });

    const evil = byName(all, '=HYPERLINK("http://evil.example")')!;
    await expect(member.api.delete(`/v1/accounts/${evil.accountId}`)).rejects.toMatchObject({ status: 403 });
    await api.delete(`/v1/accounts/${evil.accountId}`);
    expect((await api.get<AccountList>('/v1/accounts')).total).toBe(5);

    const ann = (await api.get<{ items: ApiContact[] }>('/v1/contacts?q=ann%40gmail')).items[0]!;
    expect((await member.api.request<ApiContact>('PATCH', `/v1/contacts/${ann.contactId}`, { accountId: acme.accountId })).accountId).toBe(acme.accountId);
    expect((await api.get<{ total: number }>(`/v1/contacts?accountId=${acme.accountId}`)).total).toBe(3);
    await api.delete(`/v1/contacts/${ann.contactId}`);
    await expect(api.get(`/v1/contacts/${ann.contactId}`)).rejects.toMatchObject({ status: 404 });
  });

  it('keeps a deleted job’s values; the sources say the job is gone', async () => {
    await api.delete(`/v1/jobs/${jobs[1]!.jobId}`);
    const hooli = await api.get<AccountDetail>(`/v1/accounts/${byName(all, 'Hooli')!.accountId}`);
    expect(hooli).toMatchObject({ name: 'Hooli', domain: 'hooli.example' });
    expect(hooli.sources).toEqual([expect.objectContaining({ jobId: jobs[1]!.jobId, jobDeleted: true })]);
  });
});

describe('a retried upsert', () => {
  it('applies the same job twice without double-counting or changing the store', async () => {
    const { api, tenantId } = await stack.tenant('admin');
    const job = await ingest(api, COMPANIES_HUBSPOT, 'company_account');
    const { jobStore } = await import('../../functions/adapters/job-store.ts');
    const { upsertJobEntities } = await import('../../functions/adapters/entity-sync.ts');
    const record = (await jobStore.get(tenantId, job.jobId))!;
    const again = await upsertJobEntities(record, record.output!, 4);
    expect(again).toMatchObject({ status: 'applied', counts: { records: 4, accounts: { created: 4, merged: 0, updated: 0 } }, version: 1 });
    const list = await api.get<AccountList>('/v1/accounts');
    expect(list.total).toBe(4);
    expect(list.items.every((a) => a.sources.length === 1 && a.sources[0]!.rows.length === 1)).toBe(true);
  });
});

describe('the accounts store after the commit (the accounts-store stage)', () => {
  afterAll(() => {
    delete process.env.FAULT_INJECTION;
  });

  it('says on the job where its records stand: applied with the counts; nothing for a call log', async () => {
    const { api } = await stack.tenant('admin');
    const job = await ingest(api, COMPANIES_HUBSPOT, 'company_account');
    expect(job.accountsStore).toMatchObject({ state: 'applied', counts: { records: 4, skipped: 0, accounts: { created: 4, merged: 0, updated: 0 } } });
    expect(job.accountsStore!.durationMs).toEqual(expect.any(Number));
    expect(Date.parse(job.accountsStore!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(job.finishedAt!));
    const calls = await ingest(api, ['Start Time,Direction,Phone Number,Duration', '2025-09-14T16:16:00Z,Outgoing,+15123359335,12:34'], 'call_record');
    expect(calls.accountsStore).toBeNull();
  });

  it('refuses to delete a job while its records are being merged, and deletes it after', async () => {
    const { api, tenantId } = await stack.tenant('admin');
    const job = await ingest(api, COMPANIES_HUBSPOT, 'company_account');
    const { jobStore } = await import('../../functions/adapters/job-store.ts');
    // the moment between the commit and the store's update, held still
    await jobStore.setAccountsStore(tenantId, job.jobId, job.attempt, { state: 'pending', attempt: job.attempt, updatedAt: new Date().toISOString() });
    await expect(api.delete(`/v1/jobs/${job.jobId}`)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/merged into the accounts store/) as unknown });
    await jobStore.setAccountsStore(tenantId, job.jobId, job.attempt, job.accountsStore as never);
    await api.delete(`/v1/jobs/${job.jobId}`);
    await expect(api.get(`/v1/jobs/${job.jobId}`)).rejects.toMatchObject({ status: 404 });
  });

  it('retries a failed update, and one that keeps failing leaves the job succeeded with the store failed and why', async () => {
    const { api, tenantId } = await stack.tenant('admin');
    process.env.FAULT_INJECTION = JSON.stringify({ tenantId, stage: 'persist', when: 'accounts-store', times: 1, error: 'TransientError' });
    const retried = await ingest(api, COMPANIES_HUBSPOT, 'company_account');
    expect(retried.accountsStore).toMatchObject({ state: 'applied', counts: { records: 4 } });

    const other = await stack.tenant('admin');
    process.env.FAULT_INJECTION = JSON.stringify({ tenantId: other.tenantId, stage: 'persist', when: 'accounts-store', times: 10 });
    const failed = await ingest(other.api, COMPANIES_SALESFORCE, 'company_account');
    expect(failed.accountsStore).toMatchObject({ state: 'failed', error: { type: 'InjectedFaultError', message: expect.stringContaining('Injected fault') as unknown } });
    expect(failed.progress.rowsWritten).toBe(5);
    expect((await other.api.get<AccountList>('/v1/accounts')).total).toBe(0);

    // the remedy: retrying the job (a new attempt from Enrich) brings the records in
    delete process.env.FAULT_INJECTION;
    const retry = await other.api.post<ApiJob>(`/v1/jobs/${failed.jobId}/retry`, {});
    expect(retry).toMatchObject({ attempt: 2, accountsStore: null, output: null });
    expect(['queued', 'running']).toContain(retry.status);
    const again = await waitForJob(other.api, failed.jobId, 60_000);
    expect(again).toMatchObject({ status: 'succeeded', attempt: 2, accountsStore: { state: 'applied', counts: { records: 5 } } });
    expect((await other.api.get<AccountList>('/v1/accounts')).total).toBe(5);
    // the job's rows count once in usage, though its second attempt read them again
    const day = new Date().toISOString().slice(0, 10);
    const usage = await other.api.get<{ totals: { rowsProcessed: number } }>(`/v1/usage?from=${day}&to=${day}`);
    expect(usage.totals.rowsProcessed).toBe(5);
    // an applied store leaves nothing to retry
    await expect(other.api.post(`/v1/jobs/${failed.jobId}/retry`, {})).rejects.toMatchObject({ status: 409 });
  });
});

describe('AI insights', () => {
  it('summarise, normalise the industry and score fit against the ideal customer; cached by content', async () => {
    const { api } = await stack.tenant('admin');
    await api.request('PUT', '/v1/settings/icp', { text: 'B2B software companies with 50-500 employees in the US' });
    await ingest(api, COMPANIES_HUBSPOT.slice(0, 3), 'company_account');
    const acme = (await api.get<AccountList>('/v1/accounts?q=acme')).items[0]!;
    let detail: AccountDetail;
    const deadline = Date.now() + 20_000;
    do detail = await api.get<AccountDetail>(`/v1/accounts/${acme.accountId}`);
    while (detail.insights.status !== 'ready' && Date.now() < deadline && (await new Promise((r) => setTimeout(r, 100)), true));
    expect(detail.insights).toMatchObject({ status: 'ready', summary: 'Acme Inc. makes things. It is a company.', industry: 'Software & Internet', fitScore: 72, model: expect.any(String) });
    // this tenant's calls only (the one with an ideal customer): an earlier test's job may still be asking for its own
    const insightCalls = fake.requests.filter((r) => r.body.system?.includes('B2B sales analyst') && userText(r.body).includes('Ideal customer: B2B software'));
    expect(insightCalls).toHaveLength(1);
    expect(userText(insightCalls[0]!.body)).toContain('Ideal customer: B2B software');
    // only account facts leave the service
    expect(userText(insightCalls[0]!.body)).not.toMatch(/@/);
    const refreshed = await api.post<{ status: string }>(`/v1/accounts/${acme.accountId}/insights/refresh`);
    expect(refreshed.status).toBe('ready');
  });

  it('a failing or slow AI leaves the store updated and says why insights are missing', async () => {
    for (const mode of ['error', 'hang'] as const) {
      const { api } = await stack.tenant('admin');
      fake.setMode(mode);
      await ingest(api, COMPANIES_HUBSPOT.slice(0, 2), 'company_account');
      const list = await api.get<AccountList>('/v1/accounts');
      expect(list.total).toBe(1);
      // Insights are asked for once the job stands succeeded: wait until the attempt has ended.
      let detail: AccountDetail;
      const deadline = Date.now() + 20_000;
      do detail = await api.get<AccountDetail>(`/v1/accounts/${list.items[0]!.accountId}`);
      while (detail.insights.reason?.startsWith('not generated yet') && Date.now() < deadline && (await new Promise((r) => setTimeout(r, 100)), true));
      expect(detail.insights.status).toBe('missing');
      expect(detail.insights.reason).toMatch(mode === 'error' ? /AI call failed: HTTP 500/ : /AI call failed: timed out/);
    }
  });

  it('is off without a key, and says so', async () => {
    const { api } = await stack.tenant('admin');
    await ingest(api, COMPANIES_HUBSPOT.slice(0, 2), 'company_account');
    const id = (await api.get<AccountList>('/v1/accounts')).items[0]!.accountId;
    delete process.env.ANTHROPIC_API_KEY;
    try {
      expect((await api.get<AccountDetail>(`/v1/accounts/${id}`)).insights).toEqual({ status: 'unavailable', reason: expect.stringContaining('ANTHROPIC_API_KEY') });
    } finally {
      process.env.ANTHROPIC_API_KEY = FAKE_KEY;
    }
  });
});
