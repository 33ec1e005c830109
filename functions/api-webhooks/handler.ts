import { httpApi, type ApiRequest, type Route } from '../shared/http/api.ts';
import { json, noContent } from '../shared/http/responses.ts';
import { parseBody, parseQuery } from '../shared/http/request-input.ts';
import { pageQuery } from '../shared/contract/paging.ts';
import { badRequest, conflict, notFound } from '../shared/http/errors.ts';
import { createWebhookBody, patchWebhookBody } from '../shared/contract/webhooks.ts';
import { newDeliveryId, newWebhookId, webhookStore } from '../adapters/webhook-store.ts';
import { dnsResolver, sendDeliveryAttempt, urlPolicyFromEnv, type AttemptResult } from '../adapters/webhook-sender.ts';
import { buildTestEvent, TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES, webhookMessageId } from '../core/webhooks/events.ts';
import { generateWebhookSecret, rotateSecret } from '../core/webhooks/secrets.ts';
import { checkWebhookUrl, WebhookUrlError, type Resolver } from '../core/webhooks/url-policy.ts';
import { statusAfterManualAttempt, toApiDelivery, toApiWebhook, type WebhookDelivery, type WebhookEndpoint } from '../core/webhooks/model.ts';

// Config once per cold start: loopback receivers only where the local stack allows them.
const policy = urlPolicyFromEnv();

/**
 * The SSRF policy at the API edge: syntax, scheme and every resolved address; a refusal is a
 * 400 naming `url`. The sender checks again on every delivery (DNS can change after this).
 */
async function validateUrl(raw: string, resolve: Resolver): Promise<string> {
  try {
    return (await checkWebhookUrl(raw, policy, resolve)).url.href;
  } catch (err) {
    if (err instanceof WebhookUrlError) throw badRequest('Request body is invalid', [{ field: 'url', message: `URL ${err.message}` }]);
    throw err;
  }
}

async function requireWebhook(req: ApiRequest): Promise<WebhookEndpoint> {
  // Another tenant's id reads exactly like a missing one: the key includes the caller's tenant.
  const endpoint = await webhookStore.getEndpoint(req.principal.tenantId, req.params.webhookId ?? '');
  if (!endpoint) throw notFound('Webhook');
  return endpoint;
}

/** What `test` and `replay` answer: the attempt's result and the delivery as it now stands. */
const attemptAnswer = (result: AttemptResult, delivery: WebhookDelivery | undefined) => ({
  success: result.outcome === 'delivered',
  statusCode: result.attempt.statusCode ?? null,
  latencyMs: result.attempt.latencyMs,
  error: result.attempt.error ?? null,
  delivery: delivery ? toApiDelivery(delivery) : null,
});

/** A manual attempt can also meet a 410: the endpoint is disabled just as for an automatic one. */
async function disableIfGone(endpoint: WebhookEndpoint, result: AttemptResult): Promise<void> {
  if (result.outcome !== 'gone') return;
  await webhookStore.updateEndpoint(endpoint.tenantId, endpoint.webhookId, { enabled: false, disabledReason: 'the endpoint answered 410 Gone' });
}

/** The route table, exported so unit tests can call it without the auth middleware. */
export function webhookRoutes(resolve: Resolver = dnsResolver): Record<string, Route> {
  return {
    'GET /v1/webhooks': {
      role: 'viewer',
      handle: async (req) => {
        const q = parseQuery(req.event, pageQuery);
        const page = await webhookStore.listEndpoints(req.principal.tenantId, q);
        return json(200, { items: page.items.map(toApiWebhook), nextCursor: page.nextCursor });
      },
    },

    'POST /v1/webhooks': {
      role: 'admin',
      handle: async (req) => {
        const body = parseBody(req.event, createWebhookBody);
        const url = await validateUrl(body.url, resolve);
        const at = new Date().toISOString();
        const endpoint: WebhookEndpoint = {
          tenantId: req.principal.tenantId,
          webhookId: newWebhookId(),
          url,
          description: body.description ?? '',
          events: body.events ?? [...WEBHOOK_EVENT_TYPES],
          enabled: body.enabled ?? true,
          secret: generateWebhookSecret(),
          createdAt: at,
          updatedAt: at,
        };
        await webhookStore.createEndpoint(endpoint);
        // The only time the secret is shown (besides rotate): the caller must keep it now.
        return json(201, { ...toApiWebhook(endpoint), secret: endpoint.secret });
      },
    },

    'GET /v1/webhooks/{webhookId}': { role: 'viewer', handle: async (req) => json(200, toApiWebhook(await requireWebhook(req))) },

    'PATCH /v1/webhooks/{webhookId}': {
      role: 'admin',
      handle: async (req) => {
        const body = parseBody(req.event, patchWebhookBody);
        await requireWebhook(req);
        const url = body.url === undefined ? undefined : await validateUrl(body.url, resolve);
        const updated = await webhookStore.updateEndpoint(req.principal.tenantId, req.params.webhookId ?? '', {
          url,
          events: body.events,
          description: body.description,
          enabled: body.enabled,
          // Re-enabling clears why the service had disabled it.
          ...(body.enabled === true ? { disabledReason: null } : {}),
        });
        if (!updated) throw notFound('Webhook');
        return json(200, toApiWebhook(updated));
      },
    },

    'DELETE /v1/webhooks/{webhookId}': {
      role: 'admin',
      handle: async (req) => {
        if (!(await webhookStore.deleteEndpoint(req.principal.tenantId, req.params.webhookId ?? ''))) throw notFound('Webhook');
        return noContent();
      },
    },

    'POST /v1/webhooks/{webhookId}/rotate-secret': {
      role: 'admin',
      handle: async (req) => {
        const endpoint = await requireWebhook(req);
        const next = rotateSecret(endpoint, new Date());
        const updated = await webhookStore.replaceSecrets(endpoint.tenantId, endpoint.webhookId, endpoint.secret, next);
        if (!updated) throw conflict('The webhook changed while its secret was being rotated; try again');
        return json(200, { ...toApiWebhook(updated), secret: next.secret });
      },
    },

    'POST /v1/webhooks/{webhookId}/test': {
      role: 'member',
      handle: async (req) => {
        const endpoint = await requireWebhook(req);
        const now = new Date();
        const deliveryId = newDeliveryId();
        const event = buildTestEvent({ tenantId: endpoint.tenantId, webhookId: endpoint.webhookId, id: `evt_test_${deliveryId.slice('dlv_'.length)}`, now });
        const delivery: WebhookDelivery = {
          tenantId: endpoint.tenantId,
          webhookId: endpoint.webhookId,
          deliveryId,
          eventId: event.id,
          eventType: TEST_EVENT_TYPE,
          messageId: webhookMessageId(endpoint.webhookId, event.id),
          payload: JSON.stringify(event),
          status: 'pending',
          autoAttempts: 0,
          attempts: [],
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        };
        await webhookStore.createDelivery(delivery);
        // Sent now, even to a disabled endpoint or one not subscribed to anything: it checks the wiring.
        const result = await sendDeliveryAttempt(endpoint, delivery, { trigger: 'test', policy, resolve });
        await disableIfGone(endpoint, result);
        const status = statusAfterManualAttempt('pending', result.outcome === 'delivered', 'test');
        const updated = await webhookStore.recordAttempt(endpoint.tenantId, endpoint.webhookId, deliveryId, result.attempt, {
          status,
          ...(status === 'failed' ? { failureReason: result.outcome === 'gone' ? 'endpoint_gone' : 'test_failed' } : {}),
        });
        return json(200, attemptAnswer(result, updated));
      },
    },

    'GET /v1/webhooks/{webhookId}/deliveries': {
      role: 'viewer',
      handle: async (req) => {
        const q = parseQuery(req.event, pageQuery);
        const endpoint = await requireWebhook(req);
        const page = await webhookStore.listDeliveries(endpoint.tenantId, endpoint.webhookId, q);
        return json(200, { items: page.items.map(toApiDelivery), nextCursor: page.nextCursor });
      },
    },

    'POST /v1/webhooks/{webhookId}/deliveries/{deliveryId}/replay': {
      role: 'member',
      handle: async (req) => {
        const endpoint = await requireWebhook(req);
        const delivery = await webhookStore.getDelivery(endpoint.tenantId, endpoint.webhookId, req.params.deliveryId ?? '');
        if (!delivery) throw notFound('Delivery');
        // A new attempt of the same delivery: same body, same webhook-id, fresh timestamp and signatures.
        const result = await sendDeliveryAttempt(endpoint, delivery, { trigger: 'replay', policy, resolve });
        await disableIfGone(endpoint, result);
        const status = statusAfterManualAttempt(delivery.status, result.outcome === 'delivered', 'replay');
        const updated = await webhookStore.recordAttempt(endpoint.tenantId, endpoint.webhookId, delivery.deliveryId, result.attempt, {
          status,
          ...(status === 'delivered' ? {} : { failureReason: delivery.failureReason, nextAttemptAt: delivery.nextAttemptAt }),
        });
        return json(200, attemptAnswer(result, updated));
      },
    },
  };
}

export const handler = httpApi(webhookRoutes());
