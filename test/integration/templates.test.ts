import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allPages, startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { apiKeyOf, startFakeAnthropic, userText, type FakeAnthropic } from '../../local/fake-anthropic.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import { ApiError, type ApiClient } from '../../local/cli/api-client.ts';
import type { ApiJob } from '../../functions/core/jobs/job.ts';
import type { MappingResult } from '../../functions/core/pipeline-types.ts';
import type { Template, TemplateVersion } from '../../functions/core/templates/template-model.ts';

/*
 * Templates, schemas and AI-assisted mapping on the real local stack. The fake Anthropic
 * server is configured before the stack boots (handlers read their env at load).
 */

const FAKE_KEY = 'sk-ant-test-not-a-real-key';
let stack: TestStack;
let fake: FakeAnthropic;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  process.env.ANTHROPIC_API_KEY = FAKE_KEY;
  process.env.ANTHROPIC_BASE_URL = fake.url;
  process.env.ANTHROPIC_TIMEOUT_MS = '1500';
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
  await fake?.close();
  delete process.env.ANTHROPIC_API_KEY;
  delete process.env.ANTHROPIC_BASE_URL;
  delete process.env.ANTHROPIC_TIMEOUT_MS;
});
beforeEach(() => fake.reset());

let fileSeq = 0;
async function csv(lines: string[]): Promise<string> {
  return stack.writeScratch(`file-${++fileSeq}.csv`, `${lines.join('\n')}\n`);
}

interface JobMappingView {
  status: string;
  mapping: MappingResult;
  headers: string[];
  samples: { column: number; header: string; values: string[] }[];
  alternatives: { fields: Record<string, { column: number; score: number }[]>; templates: unknown[]; schemas: { name: string }[] };
}

/** A call log whose headers say nothing: only the values hint at the fields. */
const OPAQUE_HEADER = 'fld_a,fld_b,fld_c,fld_d';
const opaqueRows = (offset: number) =>
  Array.from({ length: 6 }, (_, i) => `11/0${(i % 5) + 1}/2025 ${i + 1}:0${i} PM,(512) 555-01${String(offset + i).padStart(2, '0')},${i + 1}:0${i},note ${offset + i}`);

/** The fake's answer for the opaque layout: columns 0, 1 and 2, sure of it. */
const opaqueAnswer = () =>
  'Here is the mapping:\n```json\n{"mappings":[{"field":"started_at","columns":[0],"confidence":0.95},{"field":"counterpart_number","columns":[1],"confidence":0.97},{"field":"duration_seconds","columns":["fld_c"],"confidence":0.9},{"field":"no_such_field","columns":[3]}]}\n```';

/** PUT with extra headers (If-Match), which the CLI's client does not send. */
async function put(api: ApiClient, apiKey: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(new URL(path, api.baseUrl), {
    method: 'PUT',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, etag: res.headers.get('etag') };
}

describe('the mapping a client read', () => {
  it('can be sent back as GET /v1/jobs/{id}/mapping answered it, read-only keys and all', async () => {
    const { api } = await stack.tenant('member');
    const { jobId } = await uploadFile(api, await csv([OPAQUE_HEADER, ...opaqueRows(40)]), { schema: 'call_record' });
    expect((await waitForJob(api, jobId)).status).toBe('needs_mapping');
    const view = await api.get<JobMappingView & Record<string, unknown>>(`/v1/jobs/${jobId}/mapping`);
    // a person fills in what the suggestion left out, picking from the alternatives, and sends the whole answer back
    for (const field of view.mapping.missingRequired) {
      const best = view.alternatives.fields[field]?.[0];
      expect(best, field).toBeDefined();
      view.mapping.fields.push({ field, sources: [best!.column], sourceHeaders: [view.headers[best!.column]!], confidence: best!.score, reason: 'confirmed' });
    }
    expect(Object.keys(view).sort()).toEqual(['alternatives', 'attempt', 'headers', 'jobId', 'mapping', 'samples', 'status']);
    const confirmed = await api.request<{ job: ApiJob }>('PUT', `/v1/jobs/${jobId}/mapping`, view);
    expect(confirmed.job.attempt).toBe(2);
    expect((await waitForJob(api, jobId)).status).toBe('succeeded');
    // an unknown key is still refused, so a typo does not pass unseen
    const again = await uploadFile(api, await csv([OPAQUE_HEADER, ...opaqueRows(60)]), { schema: 'call_record' });
    await waitForJob(api, again.jobId);
    await expect(api.request('PUT', `/v1/jobs/${again.jobId}/mapping`, { ...view, mappping: {} })).rejects.toMatchObject({ status: 400 });
  });
});

describe('a person confirms a mapping, and the next file of that layout maps itself', () => {
  it('parks a low-confidence file, resumes it from a confirmed mapping, then learns the layout', async () => {
    const { api } = await stack.tenant('member');
    const first = await csv([OPAQUE_HEADER, ...opaqueRows(0)]);
    const { jobId } = await uploadFile(api, first, { schema: 'call_record' });
    const parked = await waitForJob(api, jobId);
    expect(parked.status).toBe('needs_mapping');
    expect(parked.executionName).toBe(`${jobId}-1`);

    const view = await api.get<JobMappingView>(`/v1/jobs/${jobId}/mapping`);
    expect(view.headers).toEqual(['fld_a', 'fld_b', 'fld_c', 'fld_d']);
    expect(view.samples[1]?.values[0]).toBe('(512) 555-0100');
    expect(view.mapping.status).toBe('needs_mapping');
    expect(view.alternatives.fields.counterpart_number?.[0]?.column).toBe(1);

    // a mapping that does not fit the schema is refused, naming the field
    await expect(
      api.request('PUT', `/v1/jobs/${jobId}/mapping`, { mapping: { fields: [{ field: 'nope', sources: [0] }, { field: 'counterpart_number', sources: [1] }] } }),
    ).rejects.toMatchObject({ status: 400, details: expect.arrayContaining([expect.objectContaining({ field: 'mapping.fields.0.field' })]) });
    await expect(
      api.request('PUT', `/v1/jobs/${jobId}/mapping`, { mapping: { fields: [{ field: 'started_at', sources: [0] }] } }),
    ).rejects.toMatchObject({ status: 400, details: [{ field: 'mapping.fields', message: 'required field "counterpart_number" is not mapped' }] });
    await expect(
      api.request('PUT', `/v1/jobs/${jobId}/mapping`, { mapping: { fields: [{ field: 'started_at', sources: [0] }, { field: 'counterpart_number', sourceHeaders: ['Phone'] }] } }),
    ).rejects.toMatchObject({ status: 400, details: [{ field: 'mapping.fields.1.sourceHeaders' }] });

    const confirmed = await api.request<{ job: ApiJob; mapping: MappingResult; template: Template }>('PUT', `/v1/jobs/${jobId}/mapping`, {
      mapping: {
        fields: [
          { field: 'started_at', sourceHeaders: ['fld_a'] },
          { field: 'counterpart_number', sources: [1] },
          { field: 'duration_seconds', sources: [2] },
          { field: 'record_type', sources: [], transforms: [{ kind: 'default', value: 'voice' }] },
        ],
      },
      saveAsTemplate: { name: 'Opaque carrier export' },
    });
    expect(confirmed.job.attempt).toBe(2);
    const template = confirmed.template;
    expect(template).toMatchObject({ version: 1, schema: 'call_record', name: 'Opaque carrier export', createdFrom: { jobId } });

    const done = await waitForJob(api, jobId);
    expect(done.status).toBe('succeeded');
    expect(done.executionName).toBe(`${jobId}-2`);
    expect(done.progress).toMatchObject({ rowsRead: 6, rowsWritten: 6, rowsRejected: 0 });
    const { items } = await api.get<{ items: Record<string, unknown>[] }>(`/v1/jobs/${jobId}/records`);
    expect(items[0]).toMatchObject({ counterpart_number: '+15125550100', record_type: 'voice', duration_seconds: 60 });
    const audit = await api.get<JobMappingView>(`/v1/jobs/${jobId}/mapping`);
    expect(audit.mapping).toMatchObject({ source: 'person', templateId: template.templateId, templateVersion: 1 });
    // only a parked job takes a mapping
    await expect(api.request('PUT', `/v1/jobs/${jobId}/mapping`, { mapping: { fields: [] } })).rejects.toMatchObject({ status: 400 });
    await expect(
      api.request('PUT', `/v1/jobs/${jobId}/mapping`, { mapping: { fields: [{ field: 'started_at', sources: [0] }, { field: 'counterpart_number', sources: [1] }] } }),
    ).rejects.toMatchObject({ status: 409 });

    // the next file of the same layout: no person, no AI call, the template is on the record
    const callsBefore = fake.calls;
    const second = await csv([OPAQUE_HEADER, ...opaqueRows(20)]);
    const next = await uploadFile(api, second, { schema: 'call_record' });
    const learned = await waitForJob(api, next.jobId);
    expect(learned.status).toBe('succeeded');
    expect(learned.progress.rowsWritten).toBe(6);
    expect(learned.mapping?.fields.map((f) => f.reason)).toEqual(['learned', 'learned', 'learned', 'learned']);
    const learnedAudit = await api.get<JobMappingView>(`/v1/jobs/${next.jobId}/mapping`);
    expect(learnedAudit.mapping).toMatchObject({ source: 'template', templateId: template.templateId, templateVersion: 1, templateName: 'Opaque carrier export' });
    expect(fake.calls).toBe(callsBefore);

    // usage analytics: both jobs, their rows, no rejections
    const withUsage = await api.get<Template>(`/v1/templates/${template.templateId}`);
    expect(withUsage.usage).toMatchObject({ jobs: 2, succeeded: 2, running: 0, rowsRead: 12, rowsWritten: 12, rowsRejected: 0, rejectionRate: 0 });
    expect(withUsage.usage.lastUsedAt).not.toBeNull();

    // suggest by the upload session: the template, matched by fingerprint
    const suggestion = await api.post<{ suggestion: MappingResult; templates: { templateId: string; match: string }[] }>('/v1/templates/suggest', {
      sessionId: next.sessionId,
    });
    expect(suggestion.templates[0]).toMatchObject({ templateId: template.templateId, match: 'fingerprint' });
    expect(suggestion.suggestion).toMatchObject({ status: 'mapped', templateId: template.templateId });

    // tenant-private: another tenant neither sees nor learns from it
    const other = await stack.tenant();
    await expect(other.api.get(`/v1/templates/${template.templateId}`)).rejects.toMatchObject({ status: 404 });
    const theirs = await uploadFile(other.api, second, { schema: 'call_record' });
    fake.respondWith(() => '{"mappings":[]}');
    expect((await waitForJob(other.api, theirs.jobId)).status).toBe('needs_mapping');
  });
});

describe('learning by default', () => {
  it('remembers a confirmed mapping for the layout without saveAsTemplate: the next file maps itself (reason learned), for that tenant only', async () => {
    const { api } = await stack.tenant('member');
    const { jobId } = await uploadFile(api, await csv([OPAQUE_HEADER, ...opaqueRows(40)]), { schema: 'call_record' });
    expect((await waitForJob(api, jobId)).status).toBe('needs_mapping');
    const confirmed = await api.request<{ job: ApiJob; template: Template | null }>('PUT', `/v1/jobs/${jobId}/mapping`, {
      mapping: { fields: [{ field: 'started_at', sources: [0] }, { field: 'counterpart_number', sources: [1] }, { field: 'duration_seconds', sources: [2] }] },
    });
    expect(confirmed.template).toBeNull();
    const done = await waitForJob(api, jobId);
    expect(done.status).toBe('succeeded');
    // the column the person left out is on the job, with a warning of a stable code
    expect(done.mapping).toMatchObject({ unmappedColumns: [{ column: 3, header: 'fld_d' }], warnings: [{ code: 'unmapped_columns', count: 1 }] });

    const next = await uploadFile(api, await csv([OPAQUE_HEADER, ...opaqueRows(50)]), { schema: 'call_record' });
    const learned = await waitForJob(api, next.jobId);
    expect(learned.status).toBe('succeeded');
    expect(learned.progress.rowsWritten).toBe(6);
    expect(learned.mapping?.fields.map((f) => [f.field, f.sources, f.reason])).toEqual([
      ['started_at', [0], 'learned'],
      ['counterpart_number', [1], 'learned'],
      ['duration_seconds', [2], 'learned'],
    ]);
    const audit = await api.get<JobMappingView>(`/v1/jobs/${next.jobId}/mapping`);
    expect(audit.mapping).toMatchObject({ source: 'learned', learnedFrom: { jobId } });
    // the column no field took is listed, not dropped silently
    expect(learned.mapping).toMatchObject({ unmappedColumns: [{ column: 3, header: 'fld_d', samples: ['note 50', 'note 51', 'note 52'] }] });
    expect((await api.get<{ items: unknown[] }>('/v1/templates')).items).toEqual([]);

    // another tenant does not learn from it
    const other = await stack.tenant('member');
    const theirs = await uploadFile(other.api, await csv([OPAQUE_HEADER, ...opaqueRows(60)]), { schema: 'call_record' });
    expect((await waitForJob(other.api, theirs.jobId)).status).toBe('needs_mapping');
  });
});

describe('template versions', () => {
  const body = (name: string) => ({
    name,
    schema: 'contact',
    layout: { headers: ['Vorname', 'Nachname', 'E-Mail', 'Handy'], delimiter: ';' },
    fields: [
      { field: 'first_name', sourceHeaders: ['Vorname'] },
      { field: 'last_name', sourceHeaders: ['Nachname'] },
      { field: 'email', sourceHeaders: ['E-Mail'] },
      { field: 'phone', sources: [3] },
    ],
  });

  it('lets exactly one of concurrent updates from the same version win, and loses no version', async () => {
    const { api, apiKey } = await stack.tenant('member');
    const created = await api.post<Template>('/v1/templates', body('German contacts'));
    expect(created.version).toBe(1);
    expect(created.layout.headers).toEqual(['vorname', 'nachname', 'e mail', 'handy']);
    const path = `/v1/templates/${created.templateId}`;

    const racers = await Promise.all(Array.from({ length: 5 }, (_, i) => put(api, apiKey, path, body(`edit ${i}`), { 'if-match': '"1"' })));
    const statuses = racers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const winner = racers.find((r) => r.status === 200)!;
    expect(winner.etag).toBe('"2"');
    expect(racers.find((r) => r.status === 409)?.body).toMatchObject({ error: { code: 'conflict', details: { currentVersion: 2 } } });

    // a stale If-Match is refused; the current one writes version 3
    expect((await put(api, apiKey, path, body('stale'), { 'if-match': '1' })).status).toBe(409);
    expect((await put(api, apiKey, path, body('third'), { 'if-match': 'W/"2"' })).status).toBe(200);
    expect((await put(api, apiKey, path, body('bad'), { 'if-match': 'yesterday' })).status).toBe(400);

    const { items } = await api.get<{ items: TemplateVersion[] }>(`${path}/versions`);
    expect(items.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(items.map((v) => v.name)).toEqual(['German contacts', winner.body.name, 'third']);
    expect((await api.get<Template>(path)).version).toBe(3);
    const listed = await api.get<{ items: Template[] }>('/v1/templates');
    expect(listed.items.map((t) => t.templateId)).toEqual([created.templateId]);
  });

  it('pages templates with the cursor it returns, and refuses that cursor to another tenant', async () => {
    const { api } = await stack.tenant('member');
    const other = await stack.tenant('member');
    const created = [];
    for (let i = 0; i < 3; i++) created.push((await api.post<Template>('/v1/templates', body(`layout ${i}`))).templateId);
    const listed = await allPages<Template>(api, '/v1/templates?limit=1');
    expect(listed.map((t) => t.templateId)).toEqual([...created].reverse()); // newest first, each once

    const page = await api.get<{ nextCursor: string | null }>('/v1/templates?limit=1');
    expect(page.nextCursor).toBeTruthy();
    const err = await other.api.get(`/v1/templates?limit=1&cursor=${page.nextCursor}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
  });

  it('validates a template against its schema and layout', async () => {
    const { api } = await stack.tenant('member');
    const bad = { ...body('x'), fields: [{ field: 'email', sourceHeaders: ['Mail'] }, { field: 'title', sources: [9] }] };
    const err = (await api.post('/v1/templates', bad).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect((err.details as { field: string }[]).map((d) => d.field)).toEqual(['fields.0.sourceHeaders', 'fields.1.sources']);
    const none = await api.post('/v1/templates', { ...body('x'), fields: [{ field: 'title', sources: [0] }] }).catch((e: unknown) => e);
    expect(none).toMatchObject({ status: 400, details: [{ field: 'fields', message: 'map at least one of: full_name, email, phone' }] });
    await expect(api.post('/v1/templates', { ...body('x'), schema: 'invoices' })).rejects.toMatchObject({ status: 400, details: [{ field: 'schema' }] });
  });

  it('refuses to delete a template while a running job uses it', async () => {
    const { api, tenantId } = await stack.tenant('member');
    const created = await api.post<Template>('/v1/templates', body('in use'));
    const { jobStore } = await import('../../functions/adapters/job-store.ts');
    const { templateStore } = await import('../../functions/adapters/template-store.ts');
    const at = new Date().toISOString();
    const jobId = `job_running_${Date.now()}`;
    await jobStore.create({
      tenantId, jobId, status: 'running', attempt: 1, schema: 'contact', options: {}, stage: 'enrich',
      source: { bucket: stack.bucket, key: 'x', filename: 'x.csv', size: 1 },
      progress: { rowsRead: 10, rowsWritten: 0, rowsRejected: 0, rowsSkipped: 0, bytesRead: 1 }, stages: {}, createdAt: at, updatedAt: at,
    });
    expect(await templateStore.recordUse(tenantId, created.templateId, jobId)).toBe(true);
    await expect(api.delete(`/v1/templates/${created.templateId}`)).rejects.toMatchObject({ status: 409, details: { jobIds: [jobId] } });
    expect((await api.get<Template>(`/v1/templates/${created.templateId}`)).usage).toMatchObject({ running: 1, jobs: 1 });

    await jobStore.finish(tenantId, jobId, 1, { status: 'failed', error: { type: 'X', message: 'x' } });
    await api.delete(`/v1/templates/${created.templateId}`);
    await expect(api.get(`/v1/templates/${created.templateId}`)).rejects.toMatchObject({ status: 404 });
    await expect(api.get(`/v1/templates/${created.templateId}/versions`)).rejects.toMatchObject({ status: 404 });
  });
});

describe('schemas', () => {
  it('adds a custom schema for the tenant only, with validation rules, and suggests mappings to it', async () => {
    const { api } = await stack.tenant('admin');
    const created = await api.post<{ name: string; builtin: boolean }>('/v1/schemas', {
      name: 'invoice_line',
      fields: [
        { name: 'invoice_number', type: 'string', required: true, synonyms: ['invoice no', 'rechnungsnummer'], validation: { pattern: '^INV-\\d+$' } },
        { name: 'amount', type: 'money', required: true, synonyms: ['betrag'] },
        { name: 'status', type: 'enum', enumValues: ['open', 'paid'] },
      ],
    });
    expect(created).toMatchObject({ name: 'invoice_line', builtin: false });
    await expect(api.post('/v1/schemas', { name: 'invoice_line', fields: [{ name: 'a', type: 'string' }] })).rejects.toMatchObject({ status: 409 });
    await expect(api.post('/v1/schemas', { name: 'contact', fields: [{ name: 'a', type: 'string' }] })).rejects.toMatchObject({ status: 409 });
    await expect(api.post('/v1/schemas', { name: 'x_y', fields: [{ name: 'a', type: 'colour' }] })).rejects.toMatchObject({
      status: 400,
      details: [{ field: 'fields.0.type' }],
    });
    const { items } = await api.get<{ items: { name: string; builtin: boolean }[] }>('/v1/schemas');
    expect(items.map((s) => s.name)).toEqual(['call_record', 'contact', 'company_account', 'invoice_line']);
    expect(await api.get('/v1/schemas/invoice_line')).toMatchObject({ name: 'invoice_line', fields: [{ name: 'invoice_number', validation: { pattern: '^INV-\\d+$' } }, {}, {}] });

    const answer = await api.post<{ suggestion: MappingResult; schemas: { name: string }[] }>('/v1/templates/suggest', {
      headers: ['Rechnungsnummer', 'Betrag', 'Status'],
      sampleRows: [['INV-1', '12,50 €', 'paid']],
    });
    expect(answer.schemas[0]?.name).toBe('invoice_line');
    expect(answer.suggestion).toMatchObject({ schema: 'invoice_line', status: 'mapped' });
    expect(answer.suggestion).not.toHaveProperty('schemaDefinition');

    const other = await stack.tenant('admin');
    await expect(other.api.get('/v1/schemas/invoice_line')).rejects.toMatchObject({ status: 404 });
    const viewer = await stack.tenant('viewer');
    await expect(viewer.api.post('/v1/schemas', { name: 'mine', fields: [{ name: 'a', type: 'string' }] })).rejects.toMatchObject({ status: 403 });
  });
});

describe('Claude suggestions (fake Messages API)', () => {
  it('uses the AI mapping when present and answers the same layout again from the cache', async () => {
    const { api } = await stack.tenant('member');
    fake.respondWith(opaqueAnswer);
    const file = await csv([OPAQUE_HEADER, ...opaqueRows(40)]);
    const { jobId } = await uploadFile(api, file, { schema: 'call_record' });
    const job = await waitForJob(api, jobId);
    expect(job.status).toBe('succeeded');
    expect(job.mapping?.fields.filter((f) => f.reason === 'ai').map((f) => f.field).sort()).toEqual(['counterpart_number', 'duration_seconds', 'started_at']);
    expect(fake.calls).toBe(1);

    // what left the service: the key in its header, headers and at most three values per column
    const sent = fake.requests[0]!;
    expect(apiKeyOf(sent.headers)).toBe(FAKE_KEY);
    const prompt = userText(sent.body);
    expect(prompt).toContain('"fld_a"');
    expect(prompt).toContain('(512) 555-0140');
    expect(prompt).not.toContain('(512) 555-0143');
    expect(prompt).not.toContain(file);
    expect(JSON.stringify(job)).not.toContain(FAKE_KEY);

    const again = await uploadFile(api, await csv([OPAQUE_HEADER, ...opaqueRows(60)]), { schema: 'call_record' });
    const cached = await waitForJob(api, again.jobId);
    expect(cached.status).toBe('succeeded');
    expect(fake.calls).toBe(1);
    expect((await api.get<JobMappingView>(`/v1/jobs/${again.jobId}/mapping`)).mapping.ai).toEqual({ used: true, cached: true });
  });

  // fuzzy headers: the heuristics map it (below "sure"), so Claude is asked and may fail
  const FUZZY = ['Call Start Time (UTC),Phone Numbr,Call Durations', '2025-11-03 19:05:09,+1 512 555 0100,5:03', '2025-11-03 19:35:00,+1 512 555 0101,0:40'];

  for (const mode of ['error', 'hang', 'garbage'] as const) {
    it(`maps with the heuristics when the AI ${mode === 'error' ? 'answers 500' : mode === 'hang' ? 'hangs' : 'answers nonsense'}`, async () => {
      const { api } = await stack.tenant('member');
      fake.setMode(mode);
      const started = Date.now();
      const { jobId } = await uploadFile(api, await csv(FUZZY), { schema: 'call_record' });
      const job = await waitForJob(api, jobId);
      expect(job.status).toBe('succeeded');
      expect(job.progress.rowsWritten).toBe(2);
      const { mapping } = await api.get<JobMappingView>(`/v1/jobs/${jobId}/mapping`);
      expect(mapping.ai?.used).toBe(false);
      expect(mapping.ai?.note).toMatch(mode === 'error' ? /HTTP 500 after 3 attempt/ : mode === 'hang' ? /timed out/ : /could not be read/);
      expect(fake.calls).toBe(mode === 'error' ? 3 : 1);
      expect(Date.now() - started).toBeLessThan(15_000);
      // the job itself says so, with the reason and never the key
      expect(job.warnings).toContainEqual({ code: 'ai_unavailable', message: `the AI was not used for the mapping: ${mapping.ai?.note}`, count: 1 });
      expect(JSON.stringify(job)).not.toContain(FAKE_KEY);
    });
  }
});
