import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ifConditionHolds } from './dynamo-conditional.ts';
import { monotonicFactory } from 'ulid';
import { documentClient } from './aws-clients.ts';
import { decodeCursor, encodeCursor } from './page-cursor.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import type { DeliveryAttempt, DeliveryStatus, WebhookDelivery, WebhookEndpoint } from '../core/webhooks/model.ts';
import { signingSecrets, type SecretState } from '../core/webhooks/secrets.ts';
import type { CircuitItem } from './circuit-store.ts';
import { isSealed, openSecret, sealSecret, type SecretOwner } from './secret-sealer.ts';
import { logger } from '../shared/logger.ts';
import { nameOf } from '../core/errors.ts';

/*
 * The webhooks table (pk tenantId): one partition per tenant holds
 *   WH#<webhookId>                    an endpoint, secrets included
 *   DLV#<webhookId>#<deliveryId>      one delivery (event x endpoint) with its attempt log
 *   EVT#<webhookId>#<eventId>         which delivery an event became, so a redelivered event is not sent twice
 * Every key starts with the tenant, so no read here can reach another tenant's items.
 *
 * Signing secrets are stored sealed (secret-sealer.ts: KMS, with the tenant and webhook as
 * encryption context): HMAC signing needs the plaintext, so a hash cannot work, and the
 * table alone does not give it away. Writes take the plaintext and seal it; reads return
 * the sealed form, which only openSigningSecrets turns back into secrets, in the functions
 * that sign. Endpoints stored before sealing hold a plaintext `whsec_` value: it still
 * signs, and is sealed in place the first time it does. Secrets are never logged and leave
 * the API only in the create and rotate answers.
 */

const table = () => requiredEnv(ENV.webhooksTable);
const endpointKey = (tenantId: string, webhookId: string) => ({ tenantId, sk: `WH#${webhookId}` });
const deliveryKey = (tenantId: string, webhookId: string, deliveryId: string) => ({ tenantId, sk: `DLV#${webhookId}#${deliveryId}` });
const markerKey = (tenantId: string, webhookId: string, eventId: string) => ({ tenantId, sk: `EVT#${webhookId}#${eventId}` });

/** The delivery log is kept 30 days (DynamoDB TTL on AWS; readers skip expired items everywhere). */
const DELIVERY_RETENTION_SECONDS = 30 * 24 * 3600;
const nowEpoch = () => Math.floor(Date.now() / 1000);
const nowIso = () => new Date().toISOString();

// Monotonic: deliveries created in the same millisecond still sort in creation order.
const nextUlid = monotonicFactory();
export const newWebhookId = () => `wh_${nextUlid()}`;
export const newDeliveryId = () => `dlv_${nextUlid()}`;

function stripKeys<T>(item: Record<string, unknown>): T {
  const { sk: _sk, expiresAtEpoch: _exp, ...rest } = item;
  return rest as T;
}


export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A stored secret in sealed form: sealed already, or (stored before sealing) sealed now. */
const sealedForm = (stored: string, owner: SecretOwner) => (isSealed(stored) ? stored : sealSecret(stored, owner));

export const webhookStore = {
  /** Store a new endpoint; `endpoint.secret` is the new plaintext secret, stored sealed. */
  async createEndpoint(endpoint: WebhookEndpoint): Promise<void> {
    const secret = await sealSecret(endpoint.secret, endpoint);
    await documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: { ...endpoint, secret, ...endpointKey(endpoint.tenantId, endpoint.webhookId) },
        ConditionExpression: 'attribute_not_exists(sk)',
      }),
    );
  },

  /**
   * The plaintext secrets that sign a delivery made at `now` (the current one, and the
   * previous one during a rotation's overlap). Only the functions that sign call this. A
   * secret still stored in plaintext is sealed in place on the way, best effort: signing
   * never waits on that write succeeding.
   */
  async openSigningSecrets(endpoint: WebhookEndpoint, now: Date): Promise<string[]> {
    const secrets = await Promise.all(signingSecrets(endpoint, now).map((stored) => openSecret(stored, endpoint)));
    const legacy = !isSealed(endpoint.secret) || (endpoint.previousSecret !== undefined && !isSealed(endpoint.previousSecret));
    if (legacy) {
      await this.sealStoredSecrets(endpoint).catch((err: unknown) => {
        logger.warn('could not seal a webhook secret stored in plaintext; it still signs', { webhookId: endpoint.webhookId, error: nameOf(err) });
      });
    }
    return secrets;
  },

  /** Seal an endpoint's secrets stored before sealing existed, unless they changed since `endpoint` was read. */
  async sealStoredSecrets(endpoint: WebhookEndpoint): Promise<void> {
    const values: Record<string, unknown> = { ':s': await sealedForm(endpoint.secret, endpoint), ':old': endpoint.secret };
    const sets = ['secret = :s'];
    let condition = 'attribute_exists(sk) AND secret = :old';
    if (endpoint.previousSecret !== undefined) {
      Object.assign(values, { ':ps': await sealedForm(endpoint.previousSecret, endpoint), ':oldPrevious': endpoint.previousSecret });
      sets.push('previousSecret = :ps');
      condition += ' AND previousSecret = :oldPrevious';
    }
    // updatedAt stays: nothing the API shows has changed
    await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: table(),
          Key: endpointKey(endpoint.tenantId, endpoint.webhookId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
        }),
      ),
    );
  },

  async getEndpoint(tenantId: string, webhookId: string): Promise<WebhookEndpoint | undefined> {
    const { Item } = await documentClient().send(new GetCommand({ TableName: table(), Key: endpointKey(tenantId, webhookId), ConsistentRead: true }));
    return Item ? stripKeys<WebhookEndpoint>(Item) : undefined;
  },

  /** Oldest first (ids are ULIDs), `{ items, nextCursor }`. */
  async listEndpoints(tenantId: string, opts: { limit: number; cursor?: string }): Promise<Page<WebhookEndpoint>> {
    const res = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'tenantId = :t AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':t': tenantId, ':p': 'WH#' },
        Limit: opts.limit,
        ExclusiveStartKey: decodeCursor(opts.cursor, tenantId, 'sk', 'WH#'),
      }),
    );
    return { items: (res.Items ?? []).map((i) => stripKeys<WebhookEndpoint>(i)), nextCursor: encodeCursor(res.LastEvaluatedKey) };
  },

  /** Every endpoint of a tenant (the event fan-out). */
  async listAllEndpoints(tenantId: string): Promise<WebhookEndpoint[]> {
    const all: WebhookEndpoint[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listEndpoints(tenantId, { limit: 100, cursor });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  },

  /** The endpoint's circuit (core/circuit-breaker.ts) lives on its own item. */
  circuitOf(tenantId: string, webhookId: string): CircuitItem {
    return { tableName: table(), key: endpointKey(tenantId, webhookId), existing: 'sk' };
  },

  /** Apply a partial update; undefined when the endpoint does not exist (any more). */
  async updateEndpoint(
    tenantId: string,
    webhookId: string,
    patch: Partial<Pick<WebhookEndpoint, 'url' | 'description' | 'events' | 'enabled'>> & { disabledReason?: string | null },
  ): Promise<WebhookEndpoint | undefined> {
    const sets = ['updatedAt = :u'];
    const removes: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':u': nowIso() };
    for (const [field, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      names[`#${field}`] = field;
      if (value === null) removes.push(`#${field}`);
      else {
        sets.push(`#${field} = :${field}`);
        values[`:${field}`] = value;
      }
    }
    const res = await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: table(),
          Key: endpointKey(tenantId, webhookId),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_exists(sk)',
          ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return res?.Attributes ? stripKeys<WebhookEndpoint>(res.Attributes) : undefined;
  },

  /**
   * Store rotated secrets, only if the secret is still the one the rotation started from:
   * two concurrent rotations cannot both hand out a secret that then never signs.
   * `expectedSecret` and `next.previousSecret` are as stored (the current secret moves over
   * as it is, sealed if it was not yet); `next.secret` is the new plaintext, stored sealed.
   */
  async replaceSecrets(tenantId: string, webhookId: string, expectedSecret: string, next: Required<SecretState>): Promise<WebhookEndpoint | undefined> {
    const owner = { tenantId, webhookId };
    const stored = { secret: await sealSecret(next.secret, owner), previousSecret: await sealedForm(next.previousSecret, owner) };
    const at = nowIso();
    const res = await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: table(),
          Key: endpointKey(tenantId, webhookId),
          UpdateExpression: 'SET secret = :s, previousSecret = :ps, previousSecretExpiresAt = :pe, secretRotatedAt = :u, updatedAt = :u',
          ConditionExpression: 'attribute_exists(sk) AND secret = :expected',
          ExpressionAttributeValues: { ':s': stored.secret, ':ps': stored.previousSecret, ':pe': next.previousSecretExpiresAt, ':u': at, ':expected': expectedSecret },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return res?.Attributes ? stripKeys<WebhookEndpoint>(res.Attributes) : undefined;
  },

  /** Delete an endpoint; its queued deliveries find it gone and stop, its log expires. */
  async deleteEndpoint(tenantId: string, webhookId: string): Promise<boolean> {
    const res = await ifConditionHolds(() =>
      documentClient().send(new DeleteCommand({ TableName: table(), Key: endpointKey(tenantId, webhookId), ConditionExpression: 'attribute_exists(sk)' })),
    );
    return res !== undefined;
  },

  async createDelivery(delivery: WebhookDelivery): Promise<boolean> {
    const res = await ifConditionHolds(() =>
      documentClient().send(
        new PutCommand({
          TableName: table(),
          Item: { ...delivery, ...deliveryKey(delivery.tenantId, delivery.webhookId, delivery.deliveryId), expiresAtEpoch: nowEpoch() + DELIVERY_RETENTION_SECONDS },
          ConditionExpression: 'attribute_not_exists(sk)',
        }),
      ),
    );
    return res !== undefined;
  },

  async getDelivery(tenantId: string, webhookId: string, deliveryId: string): Promise<WebhookDelivery | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: table(), Key: deliveryKey(tenantId, webhookId, deliveryId), ConsistentRead: true }),
    );
    if (!Item || (typeof Item.expiresAtEpoch === 'number' && Item.expiresAtEpoch < nowEpoch())) return undefined;
    return stripKeys<WebhookDelivery>(Item);
  },

  /** An endpoint's deliveries, newest first (delivery ids are ULIDs); expired entries are skipped. */
  async listDeliveries(tenantId: string, webhookId: string, opts: { limit: number; cursor?: string }): Promise<Page<WebhookDelivery>> {
    const prefix = `DLV#${webhookId}#`;
    let lastKey = decodeCursor(opts.cursor, tenantId, 'sk', prefix);
    const items: WebhookDelivery[] = [];
    // The expiry filter can leave a page short; read on until it is full or the log ends.
    do {
      const res = await documentClient().send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'tenantId = :t AND begins_with(sk, :p)',
          FilterExpression: 'expiresAtEpoch > :now',
          ExpressionAttributeValues: { ':t': tenantId, ':p': prefix, ':now': nowEpoch() },
          ScanIndexForward: false,
          Limit: opts.limit - items.length,
          ExclusiveStartKey: lastKey,
        }),
      );
      items.push(...(res.Items ?? []).map((i) => stripKeys<WebhookDelivery>(i)));
      lastKey = res.LastEvaluatedKey;
    } while (lastKey && items.length < opts.limit);
    return { items, nextCursor: encodeCursor(lastKey) };
  },

  /**
   * Remember which delivery an event became for an endpoint. Returns the delivery id that
   * owns the event: `proposedId` when this call created the marker, the earlier one otherwise.
   */
  async claimEvent(tenantId: string, webhookId: string, eventId: string, proposedId: string): Promise<{ deliveryId: string; created: boolean }> {
    const created = await ifConditionHolds(() =>
      documentClient().send(
        new PutCommand({
          TableName: table(),
          Item: { ...markerKey(tenantId, webhookId, eventId), deliveryId: proposedId, expiresAtEpoch: nowEpoch() + DELIVERY_RETENTION_SECONDS },
          ConditionExpression: 'attribute_not_exists(sk)',
        }),
      ),
    );
    if (created) return { deliveryId: proposedId, created: true };
    const { Item } = await documentClient().send(new GetCommand({ TableName: table(), Key: markerKey(tenantId, webhookId, eventId), ConsistentRead: true }));
    return { deliveryId: String(Item?.deliveryId ?? proposedId), created: false };
  },

  /**
   * Claim automatic attempt `attempt` before making it, so a duplicated queue message cannot
   * POST the same attempt twice. A claim whose holder died (lease passed, attempt never
   * recorded) can be taken over by the redelivered message. False = someone else has it,
   * or the delivery is no longer waiting for automatic attempts.
   */
  async claimAutoAttempt(tenantId: string, webhookId: string, deliveryId: string, attempt: number, leaseMs: number): Promise<boolean> {
    const now = Date.now();
    const res = await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: table(),
          Key: deliveryKey(tenantId, webhookId, deliveryId),
          UpdateExpression: 'SET autoAttempts = :n, claimedUntil = :lease, updatedAt = :u',
          ConditionExpression:
            'attribute_exists(sk) AND #s IN (:pending, :retrying) AND (autoAttempts = :prev OR (autoAttempts = :n AND attribute_exists(claimedUntil) AND claimedUntil < :now))',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':n': attempt,
            ':prev': attempt - 1,
            ':lease': now + leaseMs,
            ':now': now,
            ':u': new Date(now).toISOString(),
            ':pending': 'pending',
            ':retrying': 'retrying',
          },
        }),
      ),
    );
    return res !== undefined;
  },

  /**
   * Append an attempt to the log and set the outcome. Releases any automatic-attempt claim,
   * so the same attempt number can never be claimed again.
   */
  async recordAttempt(
    tenantId: string,
    webhookId: string,
    deliveryId: string,
    attempt: DeliveryAttempt,
    outcome: { status: DeliveryStatus; failureReason?: string; nextAttemptAt?: string },
  ): Promise<WebhookDelivery | undefined> {
    const sets = ['attempts = list_append(if_not_exists(attempts, :empty), :a)', '#s = :s', 'updatedAt = :u'];
    const removes = ['claimedUntil'];
    const values: Record<string, unknown> = { ':a': [attempt], ':empty': [], ':s': outcome.status, ':u': nowIso() };
    if (outcome.failureReason) {
      sets.push('failureReason = :f');
      values[':f'] = outcome.failureReason;
    } else removes.push('failureReason');
    if (outcome.nextAttemptAt) {
      sets.push('nextAttemptAt = :next');
      values[':next'] = outcome.nextAttemptAt;
    } else removes.push('nextAttemptAt');
    const key = deliveryKey(tenantId, webhookId, deliveryId);
    // A success recorded meanwhile (a replay) is never overwritten by a failure's status.
    const res = await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: table(),
          Key: key,
          UpdateExpression: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}`,
          ConditionExpression: outcome.status === 'delivered' ? 'attribute_exists(sk)' : 'attribute_exists(sk) AND #s <> :delivered',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: outcome.status === 'delivered' ? values : { ...values, ':delivered': 'delivered' },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    if (res?.Attributes) return stripKeys<WebhookDelivery>(res.Attributes);
    // Already delivered (or gone): keep the attempt in the log, leave the status alone.
    const logged = await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: table(),
          Key: key,
          UpdateExpression: 'SET attempts = list_append(if_not_exists(attempts, :empty), :a), updatedAt = :u REMOVE claimedUntil',
          ConditionExpression: 'attribute_exists(sk)',
          ExpressionAttributeValues: { ':a': [attempt], ':empty': [], ':u': values[':u'] },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return logged?.Attributes ? stripKeys<WebhookDelivery>(logged.Attributes) : undefined;
  },

  /** Close a delivery without an attempt (its endpoint was disabled or deleted meanwhile). */
  async closeDelivery(tenantId: string, webhookId: string, deliveryId: string, failureReason: string): Promise<void> {
    await ifConditionHolds(() =>
      documentClient().send(
        new UpdateCommand({
          TableName: table(),
          Key: deliveryKey(tenantId, webhookId, deliveryId),
          UpdateExpression: 'SET #s = :failed, failureReason = :f, updatedAt = :u REMOVE nextAttemptAt, claimedUntil',
          ConditionExpression: 'attribute_exists(sk) AND #s IN (:pending, :retrying)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':failed': 'failed', ':f': failureReason, ':u': nowIso(), ':pending': 'pending', ':retrying': 'retrying' },
        }),
      ),
    );
  },
};
