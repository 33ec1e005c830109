import { ENV } from './env-names.ts';

/**
 * DynamoDB table designs, shared by the CDK stateful stack and the local stack's table
 * bootstrap so both create exactly the same keys. Tenant id is in every key of tenant data.
 */
export interface TableDesign {
  /** logical name, also the suffix of the physical name */
  name: string;
  /** the env var that carries the physical name: `ENV.<key>Table` of the table's key in TABLES */
  envName: string;
  partitionKey: string;
  sortKey?: string;
  indexes: { indexName: string; partitionKey: string; sortKey?: string }[];
  /** attribute holding an epoch-seconds expiry; AWS TTL deletes it, readers also check it */
  ttlAttribute?: string;
}

const DESIGNS = {
  /** pk tenantId, sk jobId (time-sortable ULID, so a Query lists newest first) */
  jobs: {
    name: 'jobs',
    partitionKey: 'tenantId',
    sortKey: 'jobId',
    indexes: [],
    ttlAttribute: 'expiresAtEpoch',
  },
  /** upload sessions: pk tenantId, sk sessionId; byUploadId finds one by its S3 upload id */
  uploads: {
    name: 'uploads',
    partitionKey: 'tenantId',
    sortKey: 'sessionId',
    indexes: [{ indexName: 'byUploadId', partitionKey: 'tenantId', sortKey: 'uploadId' }],
    ttlAttribute: 'expiresAtEpoch',
  },
  /** pk is the SHA-256 of the key; the plaintext is never stored. byTenant lists a tenant's keys. */
  apiKeys: {
    name: 'api-keys',
    partitionKey: 'keyHash',
    indexes: [{ indexName: 'byTenant', partitionKey: 'tenantId', sortKey: 'keyId' }],
  },
  /**
   * Upload tokens (a browser's upload-only credential): pk is the SHA-256 of the token, which
   * is never stored. byTenant lists and revokes a tenant's tokens by id.
   */
  uploadTokens: {
    name: 'upload-tokens',
    partitionKey: 'tokenHash',
    indexes: [{ indexName: 'byTenant', partitionKey: 'tenantId', sortKey: 'tokenId' }],
    ttlAttribute: 'expiresAtEpoch',
  },
  /**
   * WebSocket subscriptions: pk connectionId, sk "SUB#<jobId>" (a connection alone has no
   * row since the ws-authorizer carries its tenant; older "CONN" rows expire by TTL).
   * byJob (pk "<tenantId>#<jobId>") finds the subscribers of a job; the tenant in the key
   * means a push can only ever reach the job's own tenant.
   */
  connections: {
    name: 'connections',
    partitionKey: 'connectionId',
    sortKey: 'sk',
    indexes: [{ indexName: 'byJob', partitionKey: 'jobKey', sortKey: 'connectionId' }],
    ttlAttribute: 'expiresAtEpoch',
  },
  /**
   * Templates (with every immutable version) and custom schemas, per tenant: pk tenantId,
   * sk e.g. "TPL#<id>" (current), "TPL#<id>#V#00001" (versions), "SCHEMA#<name>".
   * byFingerprint (pk "<tenantId>#<layout fingerprint>") finds the tenant's templates for a layout.
   */
  templates: {
    name: 'templates',
    partitionKey: 'tenantId',
    sortKey: 'sk',
    indexes: [{ indexName: 'byFingerprint', partitionKey: 'fpKey', sortKey: 'sk' }],
  },
  /**
   * Webhook endpoints and their delivery log: pk tenantId, sk "WH#<id>" (endpoint) or
   * "DLV#<webhookId>#<deliveryId>" (one attempt log per delivery, newest ids sort last).
   */
  webhooks: {
    name: 'webhooks',
    partitionKey: 'tenantId',
    sortKey: 'sk',
    indexes: [],
    ttlAttribute: 'expiresAtEpoch',
  },
  /**
   * The accounts/contacts store's coordination, per tenant: pk tenantId, sk "META" (the store
   * version, the S3 keys of its entity shards, counts), "JOB#<jobId>" (what a job did to the
   * store), "SETTINGS#icp" and "AI#..." (insights budget and cache). The entities themselves
   * are S3 shards (functions/adapters/entity-store.ts says why).
   */
  entities: {
    name: 'entities',
    partitionKey: 'tenantId',
    sortKey: 'sk',
    indexes: [],
  },
  /**
   * The tenants an operator created (`ai-file-parser admin tenants`): pk tenantId, with its
   * name and status. A tenant with no item here (keys made before tenants were recorded, the
   * local dev tenant) counts as active.
   */
  tenants: {
    name: 'tenants',
    partitionKey: 'tenantId',
    indexes: [],
  },
  /**
   * The audit trail of sensitive actions: pk tenantId, sk auditId (a ULID, so a Query lists
   * a time range newest first). Records are put once and never changed; TTL ends them after
   * the retention (400 days).
   */
  audit: {
    name: 'audit',
    partitionKey: 'tenantId',
    sortKey: 'auditId',
    indexes: [],
    ttlAttribute: 'expiresAtEpoch',
  },
  /**
   * Quotas and job admission (functions/adapters/admission-store.ts): pk "SLOTS", sk a
   * tenant id or "*" (the jobs holding a running slot, tenant-wide and service-wide);
   * pk "QUEUE#<tenantId>", sk "<size tier>#<jobId>" (jobs waiting for a slot, served in sk
   * order); pk "WAITING", sk tenant id (tenants that queued, with when one of theirs was last
   * admitted: the round-robin order); pk "UPLOADED#<tenantId>", sk a UTC day and pk "STORED",
   * sk tenant id (byte counters of the upload quotas).
   */
  quotas: {
    name: 'quotas',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [],
    ttlAttribute: 'expiresAtEpoch',
  },
  /**
   * Usage per tenant and UTC day (functions/adapters/usage-meter.ts): pk tenantId, sk the day
   * (YYYY-MM-DD), one number attribute per counter of core/usage, raised by atomic ADDs.
   */
  usage: {
    name: 'usage',
    partitionKey: 'tenantId',
    sortKey: 'day',
    indexes: [],
  },
  /**
   * Per-API-key request counters, one item per key and one-second window
   * (pk "<keyId>#<epochSecond>"); expired by TTL on AWS, ignored once past locally.
   */
  rateLimits: {
    name: 'rate-limits',
    partitionKey: 'bucket',
    indexes: [],
    ttlAttribute: 'expiresAtEpoch',
  },
} as const satisfies Record<string, Omit<TableDesign, 'envName'>>;

type TableKey = keyof typeof DESIGNS;
type TableEnvName<K extends TableKey> = (typeof ENV)[`${K}Table`];

/**
 * Each table's env var is derived from its key (`jobs` -> `ENV.jobsTable`), never written
 * again here: a table added without its name in env-names.ts fails to compile.
 */
export const TABLES = Object.fromEntries(
  Object.entries(DESIGNS).map(([key, design]) => [key, { ...design, envName: ENV[`${key as TableKey}Table`] }]),
) as { [K in TableKey]: (typeof DESIGNS)[K] & { envName: TableEnvName<K> } };
