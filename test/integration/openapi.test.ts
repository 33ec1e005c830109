import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SwaggerParser from '@apidevtools/swagger-parser';
import { join } from 'node:path';
import { startTestStack, waitForJob, type TestStack } from '../helpers/stack.ts';
import { uploadFile } from '../../local/cli/upload.ts';
import { HTTP_ROUTES } from '../../functions/shared/routes.ts';
import { WEBHOOK_EVENT_TYPES } from '../../functions/core/webhooks/events.ts';
import { errorBodySchema, jobSchema, pageOf, uploadCreatedSchema, uploadSessionSchema, uploadTokenIssuedSchema, uploadTokenSchema } from '../../functions/shared/contract/responses.ts';

/*
 * GET /v1/openapi.json: valid OpenAPI 3.1 by an independent validator, every route of
 * routes.ts in it, roles as the handlers enforce them, and the documented answer shapes equal
 * to real answers (a field added or dropped on one side only fails it).
 */

let stack: TestStack;
let doc: Record<string, unknown> & { paths: Record<string, Record<string, { 'x-required-role'?: string; security?: unknown[] }>> };

beforeAll(async () => {
  stack = await startTestStack();
  const res = await fetch(`${stack.httpUrl}/v1/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as typeof doc;
});
afterAll(async () => {
  await stack?.stop();
});

/** zod strips keys it does not know: parsing must give back the answer unchanged. */
function expectShape(schema: { parse(v: unknown): unknown }, answer: unknown) {
  expect(schema.parse(answer)).toEqual(answer);
}

describe('GET /v1/openapi.json', () => {
  it('is valid OpenAPI 3.1 (swagger-parser), served without a key, with this API as its server', async () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: stack.httpUrl }]);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('has every route of routes.ts, the error shape, the API key scheme and the four webhook events', () => {
    for (const { routeKey } of HTTP_ROUTES) {
      const [method, path] = routeKey.split(' ') as [string, string];
      expect(doc.paths[path]?.[method.toLowerCase()], routeKey).toBeDefined();
    }
    const operations = Object.values(doc.paths).flatMap((p) => Object.keys(p));
    expect(operations).toHaveLength(HTTP_ROUTES.length);
    const components = doc.components as { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    expect(components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(components.schemas.Error).toMatchObject({ properties: { error: { required: ['code', 'message'] } } });
    expect(Object.keys(doc.webhooks as object).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
  });

  it('documents the roles the handlers enforce', async () => {
    const { tenantId } = await stack.tenant('admin');
    const viewer = await stack.tenant('viewer', tenantId);
    const member = await stack.tenant('member', tenantId);
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const role = op['x-required-role'];
        if (!role) continue;
        const url = `${stack.httpUrl}${path.replace(/\{[^}]+\}/g, 'x')}`;
        const as = async (apiKey: string) =>
          (await fetch(url, { method: method.toUpperCase(), headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: method === 'get' ? undefined : '{}' })).status;
        // a role below the documented one is refused before anything else; the documented one is not
        if (role !== 'viewer') expect(await as(viewer.apiKey), `${method} ${path} as viewer`).toBe(403);
        if (role === 'admin') expect(await as(member.apiKey), `${method} ${path} as member`).toBe(403);
        if (role === 'member') expect(await as(member.apiKey), `${method} ${path} as member`).not.toBe(403);
        if (role === 'viewer') expect(await as(viewer.apiKey), `${method} ${path} as viewer`).not.toBe(403);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('describes real answers exactly: a job, a list, an upload session, an upload token, an error', async () => {
    const { api } = await stack.tenant('member');
    const { jobId, sessionId } = await uploadFile(api, join(import.meta.dirname, '../fixtures/call-logs/generic-export.csv'), { schema: 'call_record' });
    const job = await waitForJob(api, jobId);
    expect(job.status).toBe('succeeded');
    expectShape(jobSchema, await api.get(`/v1/jobs/${jobId}`));
    expectShape(pageOf(jobSchema), await api.get('/v1/jobs?limit=5'));
    expectShape(uploadSessionSchema, await api.get(`/v1/uploads/${sessionId}`));
    expectShape(uploadCreatedSchema, await api.post('/v1/uploads', { filename: 'x.csv', contentType: 'text/csv', size: 10, sha256: 'a'.repeat(64) }));
    const issued = await api.post('/v1/upload-tokens', { schema: 'call_record', options: { timezone: 'UTC' } });
    expectShape(uploadTokenIssuedSchema, issued);
    expectShape(pageOf(uploadTokenSchema), await api.get('/v1/upload-tokens'));
    const refused = await fetch(`${stack.httpUrl}/v1/jobs`, { method: 'POST', headers: { authorization: `Bearer ${(await stack.tenant('member')).apiKey}`, 'content-type': 'application/json' }, body: '{}' });
    expectShape(errorBodySchema, await refused.json());
  });
});
