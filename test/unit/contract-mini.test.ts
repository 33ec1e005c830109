import { describe, expect, it } from 'vitest';
import { auditQuery, createApiKeyBody, retentionOverridesSchema } from '../../functions/shared/contract/admin.ts';
import { createWebhookBody, patchWebhookBody } from '../../functions/shared/contract/webhooks.ts';
import { pageQuery } from '../../functions/shared/contract/paging.ts';

// These contracts are zod/mini, and this file loads no classic zod (which would configure
// English messages for every zod schema in the process): what a bundle without classic zod gets.
describe('the zod/mini contracts (admin, webhooks, paging)', () => {
  it('answer a wrong field in English, as the classic contracts do', () => {
    const issue = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => r.error!.issues[0]!;
    expect(issue(createApiKeyBody.safeParse({ name: '  ', role: 'admin' }))).toMatchObject({ path: ['name'], message: 'Too small: expected string to have >=1 characters' });
    expect(issue(createWebhookBody.safeParse({ url: 'https://example.com/h', events: [] }))).toMatchObject({ path: ['events'], message: 'subscribe to at least one event' });
    expect(issue(pageQuery.safeParse({ limit: '500' }))).toMatchObject({ path: ['limit'], message: 'Too big: expected number to be <=100' });
    expect(issue(retentionOverridesSchema.safeParse({ uploadsDays: 2.5 }))).toMatchObject({ path: ['uploadsDays'], message: 'Invalid input: expected int, received number' });
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
