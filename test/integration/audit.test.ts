import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { ApiError, type ApiClient } from '../../local/cli/api-client.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import { AUDITED_ROUTES, type AuditRecord } from '../../functions/core/audit/audited-routes.ts';

/*
 * The audit trail on the real local stack: every sensitive route writes exactly one record
 * per call (refused and failed calls included, with the status), names the key that acted
 * and what it touched, never holds a secret, and only the tenant's admins can read it.
 */

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const trail = async (api: ApiClient, query = '') => (await api.get<{ items: AuditRecord[]; nextCursor: string | null }>(`/v1/audit?limit=100${query}`)).items;

/** Make a call whatever it answers; its status (a 5xx would fail the test). */
async function call(run: () => Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    const body = await run();
    return { status: 200, body };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    expect(err.status, err.message).toBeLessThan(500);
    return { status: err.status, body: undefined };
  }
}

const SAMPLE = `${import.meta.dirname}/../fixtures/call-logs/att-voice.csv`;

describe('audit trail', () => {
  it('writes exactly one record per sensitive call, with actor, target, outcome and request id, and no secret', async () => {
    const { api, tenantId } = await stack.tenant('admin');
    const { jobId } = await uploadFile(api, SAMPLE, { schema: 'call_record' });
    await waitForJob(api, jobId, 60_000);

    const secrets: string[] = [];
    // [route key, the call]: every route the trail audits, once
    const calls: [string, () => Promise<unknown>][] = [
      ['POST /v1/api-keys', async () => {
        const issued = await api.post<{ apiKey: string; keyId: string }>('/v1/api-keys', { name: 'ci', role: 'member' });
        secrets.push(issued.apiKey);
        calls.push(['DELETE /v1/api-keys/{keyId}', () => api.delete(`/v1/api-keys/${issued.keyId}`)]);
        return issued;
      }],
      ['POST /v1/upload-tokens', async () => {
        const issued = await api.post<{ token: string; tokenId: string }>('/v1/upload-tokens', {});
        secrets.push(issued.token);
        calls.push(['DELETE /v1/upload-tokens/{tokenId}', () => api.delete(`/v1/upload-tokens/${issued.tokenId}`)]);
        return issued;
      }],
      ['POST /v1/webhooks', async () => {
        const created = await api.post<{ webhookId: string; secret: string }>('/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['job.succeeded'] });
        secrets.push(created.secret);
        const id = created.webhookId;
        calls.push(
          ['PATCH /v1/webhooks/{webhookId}', () => api.request('PATCH', `/v1/webhooks/${id}`, { enabled: false })],
          ['POST /v1/webhooks/{webhookId}/rotate-secret', async () => {
            const rotated = await api.post<{ secret: string }>(`/v1/webhooks/${id}/rotate-secret`, {});
            secrets.push(rotated.secret);
            return rotated;
          }],
          ['POST /v1/webhooks/{webhookId}/deliveries/{deliveryId}/replay', () => api.post(`/v1/webhooks/${id}/deliveries/dlv_missing/replay`, {})],
          ['DELETE /v1/webhooks/{webhookId}', () => api.delete(`/v1/webhooks/${id}`)],
        );
        return created;
      }],
      ['POST /v1/templates', async () => {
        const created = await api.post<{ templateId: string; version: number }>('/v1/templates', {
          name: 'crm',
          schema: 'contact',
          layout: { headers: ['Vorname', 'E-Mail'], delimiter: ';' },
          fields: [{ field: 'first_name', sourceHeaders: ['Vorname'] }, { field: 'email', sourceHeaders: ['E-Mail'] }],
        });
        calls.push(
          ['PUT /v1/templates/{templateId}', () => api.request('PUT', `/v1/templates/${created.templateId}`, { name: 'crm 2', version: created.version })],
          ['DELETE /v1/templates/{templateId}', () => api.delete(`/v1/templates/${created.templateId}`)],
        );
        return created;
      }],
      ['POST /v1/schemas', () => api.post('/v1/schemas', { name: 'audit_thing', fields: [{ name: 'code', type: 'string', required: true }] })],
      ['PUT /v1/jobs/{jobId}/mapping', () => api.request('PUT', `/v1/jobs/${jobId}/mapping`, { fields: [] })],
      ['POST /v1/jobs/{jobId}/cancel', () => api.post(`/v1/jobs/${jobId}/cancel`)],
      ['POST /v1/jobs/{jobId}/retry', () => api.post(`/v1/jobs/${jobId}/retry`)],
      ['POST /v1/jobs/bulk', () => api.post('/v1/jobs/bulk', { action: 'cancel', jobIds: [jobId] })],
      ['DELETE /v1/jobs/{jobId}', () => api.delete(`/v1/jobs/${jobId}`)],
      ['POST /v1/accounts/{accountId}/merge', () => api.post('/v1/accounts/acc_missing/merge', { accountIds: ['acc_other'] })],
      ['DELETE /v1/accounts/{accountId}', () => api.delete('/v1/accounts/acc_missing')],
      ['DELETE /v1/contacts/{contactId}', () => api.delete('/v1/contacts/con_missing')],
      ['PUT /v1/settings/retention', () => api.request('PUT', '/v1/settings/retention', { uploadsDays: 20 })],
    ];

    let before = (await trail(api)).length;
    const done = new Set<string>();
    for (let i = 0; i < calls.length; i++) {
      const [routeKey, run] = calls[i]!;
      const { status, body } = await call(run);
      const after = await trail(api);
      // exactly one new record, and it is this call's
      expect(after.length, routeKey).toBe(before + 1);
      before = after.length;
      const record = after[0]!;
      expect(record, routeKey).toMatchObject({
        tenantId,
        action: AUDITED_ROUTES[routeKey]!.action,
        actor: { type: 'apiKey', role: 'admin' },
        outcome: status < 400 ? 'succeeded' : 'failed',
        status: status < 400 ? expect.any(Number) : status,
        requestId: expect.any(String),
        sourceIp: '127.0.0.1',
      });
      const answeredId = body && typeof body === 'object' ? Object.values(body as Record<string, unknown>).find((v) => v === record.targetId) : undefined;
      if (routeKey.startsWith('POST /v1/') && 'answer' in (AUDITED_ROUTES[routeKey]!.target ?? {})) expect(answeredId, `${routeKey} names what it created`).toBeDefined();
      done.add(routeKey);
    }
    // every audited route was exercised, and most succeeded for real
    expect([...done].sort()).toEqual(Object.keys(AUDITED_ROUTES).sort());
    const records = await trail(api);
    expect(records.filter((r) => r.outcome === 'succeeded').length).toBeGreaterThanOrEqual(12);
    expect(records.find((r) => r.action === 'job.delete')).toMatchObject({ targetId: jobId, outcome: 'succeeded' });

    // reads and other calls write nothing
    await api.get('/v1/jobs');
    await api.get('/v1/webhooks');
    expect((await trail(api)).length).toBe(before);

    const text = JSON.stringify(records);
    for (const secret of secrets) expect(text).not.toContain(secret);

    // filters: one action, one actor
    expect((await trail(api, '&action=webhook.create')).map((r) => r.action)).toEqual(['webhook.create']);
    const keyId = records[0]!.actor.type === 'apiKey' ? records[0]!.actor.keyId : '';
    expect((await trail(api, `&actor=${keyId}`)).length).toBe(records.length);
    expect(await trail(api, '&actor=operator')).toEqual([]);
    expect(await trail(api, `&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
  });

  it('pages newest first, and refuses a bad range with the field named', async () => {
    const { api } = await stack.tenant('admin');
    for (let i = 0; i < 5; i++) await api.post('/v1/upload-tokens', {});
    const first = await api.get<{ items: AuditRecord[]; nextCursor: string | null }>('/v1/audit?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = await api.get<{ items: AuditRecord[]; nextCursor: string | null }>(`/v1/audit?limit=10&cursor=${first.nextCursor}`);
    const ids = [...first.items, ...second.items].map((r) => r.auditId);
    expect(ids).toHaveLength(5);
    expect([...ids].sort().reverse()).toEqual(ids);
    await expect(api.get('/v1/audit?from=2026-12-06T10:00:00Z&to=2026-12-05T10:00:00Z')).rejects.toMatchObject({ status: 400, details: [{ field: 'from' }] });
    await expect(api.get('/v1/audit?action=key.steal')).rejects.toMatchObject({ status: 400, details: [{ field: 'action' }] });
  });

  it('is for the tenant\'s admins only: a member gets 403, another tenant sees none of it', async () => {
    const owner = await stack.tenant('admin');
    await owner.api.post('/v1/upload-tokens', {});
    expect(await trail(owner.api)).toHaveLength(1);
    const member = await stack.tenant('member', owner.tenantId);
    await expect(member.api.get('/v1/audit')).rejects.toMatchObject({ status: 403 });
    const other = await stack.tenant('admin');
    expect(await trail(other.api)).toEqual([]);
    // a member's refused attempt at a sensitive action is on the trail, as a failure
    await expect(member.api.post('/v1/api-keys', { name: 'x', role: 'admin' })).rejects.toMatchObject({ status: 403 });
    const records = await trail(owner.api);
    expect(records[0]).toMatchObject({ action: 'api_key.issue', outcome: 'failed', status: 403, actor: { role: 'member' }, targetId: null });
  });
});
