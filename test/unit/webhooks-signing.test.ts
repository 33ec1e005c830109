import { describe, expect, it } from 'vitest';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { signWebhook } from '../../functions/core/webhooks/signing.ts';
import { generateWebhookSecret, rotateSecret, signingSecrets, ROTATION_OVERLAP_MS } from '../../functions/core/webhooks/secrets.ts';
import { buildTestEvent, isSubscribed, webhookMessageId } from '../../functions/core/webhooks/events.ts';
import { toApiWebhook, type WebhookEndpoint } from '../../functions/core/webhooks/model.ts';

const payload = JSON.stringify({ id: 'evt_job_1_1_succeeded', type: 'job.succeeded', data: { jobId: 'job_1', rows: 3, name: 'Zoë — ünïcode' } });
const headersAt = (secrets: string[], at = new Date(), msgId = 'msg_abc') => signWebhook({ msgId, timestamp: at, payload, secrets });

describe('generateWebhookSecret', () => {
  it('makes whsec_ + base64 of 32 random bytes, different every time', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});

describe('signWebhook', () => {
  it('produces Standard Webhooks headers that the standardwebhooks library verifies', () => {
    const secret = generateWebhookSecret();
    const headers = headersAt([secret]);
    expect(headers['webhook-id']).toBe('msg_abc');
    expect(headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(secret).verify(payload, { ...headers })).toEqual(JSON.parse(payload));
  });

  it('fails verification for a changed body, another secret or another id', () => {
    const secret = generateWebhookSecret();
    const headers = headersAt([secret]);
    expect(() => new Webhook(secret).verify(payload.replace('3', '4'), { ...headers })).toThrow(WebhookVerificationError);
    expect(() => new Webhook(generateWebhookSecret()).verify(payload, { ...headers })).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(payload, { ...headers, 'webhook-id': 'msg_other' })).toThrow(WebhookVerificationError);
  });

  it('signs with the attempt time: a 10-minute-old signature is rejected by receivers', () => {
    const secret = generateWebhookSecret();
    const old = headersAt([secret], new Date(Date.now() - 10 * 60_000));
    expect(() => new Webhook(secret).verify(payload, { ...old })).toThrow(/too old/);
  });

  it('puts one space-separated v1 signature per secret, and each secret verifies on its own', () => {
    const oldSecret = generateWebhookSecret();
    const newSecret = generateWebhookSecret();
    const headers = headersAt([newSecret, oldSecret]);
    const parts = headers['webhook-signature'].split(' ');
    expect(parts).toHaveLength(2);
    expect(parts.every((p) => p.startsWith('v1,'))).toBe(true);
    expect(new Webhook(newSecret).verify(payload, { ...headers })).toBeTruthy();
    expect(new Webhook(oldSecret).verify(payload, { ...headers })).toBeTruthy();
  });

  it('refuses to sign without a secret', () => {
    expect(() => headersAt([])).toThrow(/at least one secret/);
  });
});

describe('rotateSecret / signingSecrets', () => {
  const t0 = new Date('2026-03-01T12:00:00Z');

  it('signs with both secrets for 24 h after a rotation, then only the new one', () => {
    const original = { secret: generateWebhookSecret() };
    const rotated = rotateSecret(original, t0);
    expect(rotated.secret).not.toBe(original.secret);
    expect(rotated.previousSecret).toBe(original.secret);
    expect(Date.parse(rotated.previousSecretExpiresAt) - t0.getTime()).toBe(ROTATION_OVERLAP_MS);
    expect(signingSecrets(rotated, new Date(t0.getTime() + 23 * 3600_000))).toEqual([rotated.secret, original.secret]);
    expect(signingSecrets(rotated, new Date(t0.getTime() + 24 * 3600_000))).toEqual([rotated.secret]);
  });

  it('keeps only the latest previous secret when rotating twice within the overlap', () => {
    const first = { secret: generateWebhookSecret() };
    const second = rotateSecret(first, t0);
    const third = rotateSecret(second, new Date(t0.getTime() + 3600_000));
    expect(signingSecrets(third, new Date(t0.getTime() + 2 * 3600_000))).toEqual([third.secret, second.secret]);
  });

  it('verifies a delivery across a rotation: a receiver on the old secret and one on the new both accept it', () => {
    const original = { secret: generateWebhookSecret() };
    const rotated = rotateSecret(original, t0);
    const now = new Date();
    const headers = signWebhook({ msgId: 'msg_rot', timestamp: now, payload, secrets: signingSecrets(rotated, new Date(t0.getTime() + 60_000)) });
    expect(new Webhook(original.secret).verify(payload, { ...headers })).toBeTruthy();
    expect(new Webhook(rotated.secret).verify(payload, { ...headers })).toBeTruthy();
  });
});

describe('webhookMessageId', () => {
  it('is stable for an event and endpoint, different across endpoints and events', () => {
    const id = webhookMessageId('wh_1', 'evt_a');
    expect(id).toBe(webhookMessageId('wh_1', 'evt_a'));
    expect(id).toMatch(/^msg_[A-Za-z0-9_-]{32}$/);
    expect(webhookMessageId('wh_2', 'evt_a')).not.toBe(id);
    expect(webhookMessageId('wh_1', 'evt_b')).not.toBe(id);
  });
});

describe('isSubscribed', () => {
  it('needs the endpoint enabled and the type in its filter', () => {
    expect(isSubscribed({ enabled: true, events: ['job.succeeded'] }, 'job.succeeded')).toBe(true);
    expect(isSubscribed({ enabled: true, events: ['job.succeeded'] }, 'job.failed')).toBe(false);
    expect(isSubscribed({ enabled: false, events: ['job.succeeded'] }, 'job.succeeded')).toBe(false);
  });
});

describe('toApiWebhook', () => {
  it('never exposes the current or previous secret', () => {
    const endpoint: WebhookEndpoint = {
      tenantId: 't1',
      webhookId: 'wh_1',
      url: 'https://example.com/hook',
      description: '',
      events: ['job.succeeded'],
      enabled: true,
      ...rotateSecret({ secret: generateWebhookSecret() }, new Date()),
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    };
    const text = JSON.stringify(toApiWebhook(endpoint));
    expect(text).not.toContain('whsec_');
    expect(text).not.toContain(endpoint.secret.slice(6, 20));
    expect(toApiWebhook(endpoint)).not.toHaveProperty('secret');
  });
});

describe('buildTestEvent', () => {
  it('shapes the ping like a real event', () => {
    const e = buildTestEvent({ tenantId: 't1', webhookId: 'wh_1', id: 'evt_test_1', now: new Date('2026-01-01T00:00:00Z') });
    expect(e).toMatchObject({ id: 'evt_test_1', type: 'webhook.test', tenantId: 't1', createdAt: '2026-01-01T00:00:00.000Z', data: { webhookId: 'wh_1' } });
  });
});

describe('signing secrets and the test event: edges', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  const later = new Date(now.getTime() + 60_000).toISOString();
  const earlier = new Date(now.getTime() - 60_000).toISOString();

  it('signs with the previous secret only while it has one and its overlap lasts', () => {
    expect(signingSecrets({ secret: 'a', previousSecretExpiresAt: later }, now)).toEqual(['a']);
    expect(signingSecrets({ secret: 'a', previousSecret: 'b', previousSecretExpiresAt: earlier }, now)).toEqual(['a']);
    expect(signingSecrets({ secret: 'a', previousSecret: 'b' }, now)).toEqual(['a']);
    expect(signingSecrets({ secret: 'a', previousSecret: 'b', previousSecretExpiresAt: later }, now)).toEqual(['a', 'b']);
  });

  it('tells the reader of a test event that it is one', () => {
    const event = buildTestEvent({ tenantId: 't1', webhookId: 'wh_1', id: 'evt_1', now });
    expect(event.data).toEqual({ webhookId: 'wh_1', message: expect.stringMatching(/^Test event from ai-file-parser/) });
  });
});
