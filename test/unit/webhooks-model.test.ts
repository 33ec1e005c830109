import { describe, expect, it } from 'vitest';
import { statusAfterManualAttempt, toApiDelivery, toApiWebhook, type WebhookDelivery, type WebhookEndpoint } from '../../functions/core/webhooks/model.ts';

const endpoint: WebhookEndpoint = {
  tenantId: 't1',
  webhookId: 'wh_1',
  url: 'https://hooks.example/in',
  description: 'crm',
  events: ['job.succeeded'],
  enabled: true,
  secret: 'whsec_current',
  previousSecret: 'whsec_previous',
  previousSecretExpiresAt: '2026-12-07T00:00:00.000Z',
  secretRotatedAt: '2026-12-06T00:00:00.000Z',
  disabledReason: 'the endpoint answered 410 Gone',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-06T00:00:00.000Z',
};

describe('toApiWebhook', () => {
  it('shows the endpoint and its rotation without any secret', () => {
    const view = toApiWebhook(endpoint, 0);
    expect(view).toEqual({
      webhookId: 'wh_1',
      url: 'https://hooks.example/in',
      description: 'crm',
      events: ['job.succeeded'],
      enabled: true,
      disabledReason: 'the endpoint answered 410 Gone',
      secretRotatedAt: '2026-12-06T00:00:00.000Z',
      previousSecretExpiresAt: '2026-12-07T00:00:00.000Z',
      circuit: { state: 'closed', consecutiveFailures: 0, openUntil: null },
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-06T00:00:00.000Z',
    });
    expect(JSON.stringify(view)).not.toContain('whsec_');
  });

  it('says null, not undefined, for what an endpoint does not have', () => {
    const { disabledReason: _d, secretRotatedAt: _r, previousSecret: _p, previousSecretExpiresAt: _e, ...fresh } = endpoint;
    const view = toApiWebhook(fresh, 0);
    expect(view.disabledReason).toBeNull();
    expect(view.secretRotatedAt).toBeNull();
    expect(view.previousSecretExpiresAt).toBeNull();
  });
});

describe('toApiDelivery', () => {
  const delivery: WebhookDelivery = {
    tenantId: 't1',
    deliveryId: 'dl_1',
    webhookId: 'wh_1',
    eventId: 'evt_1',
    eventType: 'job.succeeded',
    messageId: 'msg_1',
    payload: '{}',
    autoAttempts: 1,
    status: 'retrying',
    failureReason: 'HTTP 503',
    attempts: [
      { trigger: 'auto', autoAttempt: 1, at: '2026-12-06T10:00:00.000Z', statusCode: 503, latencyMs: 120, error: 'HTTP 503' },
      { trigger: 'replay', at: '2026-12-06T10:05:00.000Z', latencyMs: 3000, error: 'timed out' },
    ],
    nextAttemptAt: '2026-12-06T10:10:00.000Z',
    createdAt: '2026-12-06T10:00:00.000Z',
    updatedAt: '2026-12-06T10:05:00.000Z',
  };

  it('numbers the attempts from 1 in the order made and takes the last one for the summary', () => {
    const view = toApiDelivery(delivery);
    expect(view.attempts).toEqual([
      { attempt: 1, trigger: 'auto', autoAttempt: 1, at: '2026-12-06T10:00:00.000Z', statusCode: 503, latencyMs: 120, error: 'HTTP 503' },
      { attempt: 2, trigger: 'replay', autoAttempt: null, at: '2026-12-06T10:05:00.000Z', statusCode: null, latencyMs: 3000, error: 'timed out' },
    ]);
    expect(view).toMatchObject({
      deliveryId: 'dl_1',
      webhookId: 'wh_1',
      eventId: 'evt_1',
      eventType: 'job.succeeded',
      messageId: 'msg_1',
      status: 'retrying',
      failureReason: 'HTTP 503',
      attemptCount: 2,
      lastStatusCode: null,
      lastAttemptAt: '2026-12-06T10:05:00.000Z',
      nextAttemptAt: '2026-12-06T10:10:00.000Z',
      createdAt: '2026-12-06T10:00:00.000Z',
      updatedAt: '2026-12-06T10:05:00.000Z',
    });
  });

  it('gives nulls for a delivery not attempted yet', () => {
    const view = toApiDelivery({ ...delivery, status: 'pending', attempts: [], failureReason: undefined, nextAttemptAt: undefined });
    expect(view).toMatchObject({ attemptCount: 0, lastStatusCode: null, lastAttemptAt: null, nextAttemptAt: null, failureReason: null, attempts: [] });
    const delivered = toApiDelivery({ ...delivery, attempts: [{ trigger: 'auto', autoAttempt: 1, at: 'x', statusCode: 204, latencyMs: 5 }] });
    expect(delivered.lastStatusCode).toBe(204);
    expect(delivered.attempts[0]!.error).toBeNull();
  });
});

describe('statusAfterManualAttempt', () => {
  it('delivers on success; fails only a pending delivery after a failed test; leaves the rest as they were', () => {
    expect(statusAfterManualAttempt('failed', true, 'replay')).toBe('delivered');
    expect(statusAfterManualAttempt('pending', false, 'test')).toBe('failed');
    expect(statusAfterManualAttempt('pending', false, 'replay')).toBe('pending');
    expect(statusAfterManualAttempt('retrying', false, 'test')).toBe('retrying');
    expect(statusAfterManualAttempt('delivered', false, 'test')).toBe('delivered');
    expect(statusAfterManualAttempt('retrying', false, 'replay')).toBe('retrying');
    expect(statusAfterManualAttempt('delivered', false, 'replay')).toBe('delivered');
  });
});
