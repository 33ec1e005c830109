import { describe, expect, it } from 'vitest';
import { auditQuery, createApiKeyBody, retentionOverridesSchema } from '../../functions/shared/contract/admin.ts';
import { createWebhookBody, patchWebhookBody } from '../../functions/shared/contract/webhooks.ts';
import { pageQuery } from '../../functions/shared/contract/paging.ts';
import { completeUploadBody, createUploadBody } from '../../functions/shared/contract/uploads.ts';
import { listJobsQuery } from '../../functions/shared/contract/jobs.ts';
import { putMappingBody, templateInputSchema } from '../../functions/shared/contract/templates.ts';
import { accountPatchBody, contactPatchBody } from '../../functions/shared/contract/accounts.ts';
import { parseSchemaDefinition, recordValidator } from '../../functions/core/schemas/index.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

// Every contract and core schema is zod/mini, and this file loads no classic zod (which would
// configure English messages for every zod schema in the process): what every bundle gets.
describe('the zod/mini contracts', () => {
  it('answer a wrong field in English, as the classic contracts do', () => {
    const issue = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => r.error!.issues[0]!;
    expect(issue(createApiKeyBody.safeParse({ name: '  ', role: 'admin' }))).toMatchObject({ path: ['name'], message: 'Too small: expected string to have >=1 characters' });
    expect(issue(createWebhookBody.safeParse({ url: 'https://example.com/h', events: [] }))).toMatchObject({ path: ['events'], message: 'subscribe to at least one event' });
    expect(issue(pageQuery.safeParse({ limit: '500' }))).toMatchObject({ path: ['limit'], message: 'Too big: expected number to be <=100' });
    expect(issue(retentionOverridesSchema.safeParse({ uploadsDays: 2.5 }))).toMatchObject({ path: ['uploadsDays'], message: 'Invalid input: expected int, received number' });
    expect(issue(createUploadBody.safeParse({ filename: 'a.csv', size: 1.5 }))).toMatchObject({ path: ['size'], message: 'Invalid input: expected int, received number' });
    expect(issue(completeUploadBody.safeParse({ parts: [] }))).toMatchObject({ path: ['parts'], message: 'Too small: expected array to have >=1 items' });
    expect(issue(listJobsQuery.safeParse({ status: 'done' }))).toMatchObject({ path: ['status'], message: expect.stringMatching(/^Invalid option: expected one of "queued"\|/) });
    expect(issue(templateInputSchema.safeParse({ name: 'n', schema: 'call_record', layout: { headers: ['a'] }, fields: [{ field: 'x' }], extra: 1 }))).toMatchObject({ path: [], message: 'Unrecognized key: "extra"' });
    expect(issue(accountPatchBody.safeParse({ employees: -1 }))).toMatchObject({ path: ['employees'], message: 'Too small: expected number to be >=0' });
    expect(issue(recordValidator(getSchema('call_record')!).safeParse({ started_at: 'yesterday' }))).toMatchObject({ path: ['started_at'], message: 'Invalid ISO datetime' });
  });

  it('keep the messages and paths the API answered with classic zod: custom checks, transforms, strict keys, defaults', () => {
    const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => r.error?.issues.map(({ path, message }) => ({ path, message }));
    expect(createUploadBody.parse({ filename: ' a\u202e.csv ', size: 10 })).toEqual({ filename: 'a.csv', contentType: 'application/octet-stream', size: 10 });
    expect(issues(createUploadBody.safeParse({ filename: '\u202e', size: 6e12 }))).toEqual([
      { path: ['filename'], message: 'must contain a visible character' },
      { path: ['size'], message: 'must be at most 5368709120 bytes (5 GiB)' },
    ]);
    expect(issues(completeUploadBody.safeParse({ parts: [{ PartNumber: '2', ETag: 'e' }], options: { timezone: 'Nope/X', defaultRegion: 'us' } }))).toEqual([
      { path: ['options', 'timezone'], message: 'must be an IANA time zone such as America/New_York' },
      { path: ['options', 'defaultRegion'], message: 'must be an ISO 3166 alpha-2 region such as US' },
    ]);
    expect(issues(accountPatchBody.safeParse({ domain: 'gmail.com' }))).toEqual([{ path: ['domain'], message: 'not a company domain (a free-mail domain never names an account)' }]);
    expect(accountPatchBody.parse({ domain: 'https://www.Acme.com/x', country: 'deutschland' })).toEqual({ domain: 'acme.com', country: 'Germany' });
    expect(issues(contactPatchBody.safeParse({}))).toEqual([{ path: ['(body)'], message: 'give at least one field to change' }]);
    expect(issues(contactPatchBody.safeParse({ email: 'nope' }))).toEqual([{ path: ['email'], message: 'not an e-mail address' }]);
    const mapping = { fields: [{ field: 'started_at', sources: [0], confidence: 0.4, reason: 'r', transforms: [{ kind: 'regex', pattern: '(a+)+' }] }], status: 'needs_mapping' };
    expect(issues(putMappingBody.safeParse({ mapping, jobId: 'j' }))).toEqual([{ path: ['mapping', 'fields', 0, 'transforms', 0, 'pattern'], message: 'nested quantifiers like (a+)+ are not allowed' }]);
    expect(() => parseSchemaDefinition({ name: 'inv', fields: [{ name: 'a', type: 'string' }, { name: 'a', type: 'enum' }] })).toThrow(/duplicate field \\"a\\"/);
  });

  it('parse as before: defaults, coercion, trimming, refinements and de-duplicated events', () => {
    expect(pageQuery.parse({})).toEqual({ limit: 25 });
    expect(pageQuery.parse({ limit: '7', cursor: 'c' })).toEqual({ limit: 7, cursor: 'c' });
    expect(createApiKeyBody.parse({ name: ' ci ', role: 'member' })).toEqual({ name: 'ci', role: 'member' });
    expect(createWebhookBody.parse({ url: 'https://example.com/h', events: ['job.succeeded', 'job.succeeded'] }).events).toEqual(['job.succeeded']);
    expect(patchWebhookBody.safeParse({}).error?.issues[0]?.path).toEqual(['url']);
    expect(auditQuery.safeParse({ from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' }).error?.issues[0]).toMatchObject({ path: ['from'], message: 'from must not be after to' });
    expect(retentionOverridesSchema.safeParse({}).success).toBe(false);
  });
});
