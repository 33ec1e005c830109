import { describe, expect, it } from 'vitest';
import { actorName, AUDIT_ACTIONS, AUDITED_ROUTES, auditTarget, type AuditedRoute } from '../../functions/core/audit/audited-routes.ts';
import { HTTP_ROUTES } from '../../functions/shared/routes.ts';

// Which calls the audit trail records, and the id of what each touched.

describe('the audited routes', () => {
  const routes = Object.entries(AUDITED_ROUTES);

  it('are routes the API has, each with its own action, and only the operator\'s tenant actions are recorded elsewhere', () => {
    const keys = new Set(HTTP_ROUTES.map((r) => r.routeKey));
    for (const [routeKey] of routes) expect(keys.has(routeKey), routeKey).toBe(true);
    const actions = routes.map(([, r]) => r.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(AUDIT_ACTIONS.filter((a) => !actions.includes(a))).toEqual(['tenant.create', 'tenant.disable', 'tenant.enable', 'tenant.set_quota']);
  });

  it('name each action after the resource of its path', () => {
    const resource: Record<string, string> = {
      api_key: 'api-keys', upload_token: 'upload-tokens', webhook: 'webhooks', template: 'templates', mapping: 'jobs', schema: 'schemas',
      job: 'jobs', account: 'accounts', contact: 'contacts', tenant: 'settings',
    };
    for (const [routeKey, r] of routes) expect(routeKey.split(' ')[1]?.split('/')[2], routeKey).toBe(resource[r.action.split('.')[0]!]);
  });

  it('find the target in a parameter of the path, or in the answer of a create', () => {
    for (const [routeKey, r] of routes) {
      const target = r.target;
      if (target === undefined) {
        expect(routeKey).toBe('POST /v1/jobs/bulk');
      } else if ('param' in target) {
        expect(routeKey, routeKey).toContain(`{${target.param}}`);
        // the last parameter of the path is the thing acted on
        expect(routeKey.match(/\{(\w+)\}/g)?.at(-1), routeKey).toBe(`{${target.param}}`);
      } else {
        expect(routeKey, routeKey).toMatch(/^(POST|PUT) /);
        expect(target.answer, routeKey).toMatch(/^(name|[a-z]+Id)$/);
        expect(routeKey.includes('{'), routeKey).toBe(false);
      }
    }
    expect(AUDITED_ROUTES['POST /v1/api-keys']?.target).toEqual({ answer: 'keyId' });
    expect(AUDITED_ROUTES['POST /v1/schemas']?.target).toEqual({ answer: 'name' });
    expect(AUDITED_ROUTES['PUT /v1/settings/retention']?.target).toEqual({ answer: 'tenantId' });
  });
});

describe('auditTarget', () => {
  const byParam: AuditedRoute = { action: 'job.cancel', target: { param: 'jobId' } };
  const byAnswer: AuditedRoute = { action: 'template.create', target: { answer: 'templateId' } };

  it('reads the path parameter, or null when the call had none', () => {
    expect(auditTarget(byParam, { jobId: 'job_1' }, undefined)).toBe('job_1');
    expect(auditTarget(byParam, {}, '{"jobId":"x"}')).toBeNull();
  });

  it('reads a text field of the JSON answer, and null for anything else', () => {
    expect(auditTarget(byAnswer, {}, '{"templateId":"tpl_1","version":1}')).toBe('tpl_1');
    expect(auditTarget(byAnswer, {}, '{"templateId":7}')).toBeNull();
    expect(auditTarget(byAnswer, {}, '{"error":"bad"}')).toBeNull();
    expect(auditTarget(byAnswer, {}, 'not json')).toBeNull();
    expect(auditTarget(byAnswer, {}, '')).toBeNull();
    expect(auditTarget(byAnswer, { templateId: 'from-path' }, undefined)).toBeNull();
  });

  it('is null for an action on many things at once', () => {
    expect(auditTarget({ action: 'job.bulk' }, { jobId: 'j' }, '{"jobId":"j"}')).toBeNull();
  });
});

describe('actorName', () => {
  it('names a key by its id and the operator as such', () => {
    expect(actorName({ type: 'apiKey', keyId: 'key_1', role: 'admin' })).toBe('key_1');
    expect(actorName({ type: 'operator' })).toBe('operator');
  });
});
