import { cleanDisplayName } from './display-name.ts';
import { createHash } from 'node:crypto';
import type { JobOptions } from '../pipeline-types.ts';

/*
 * Direct uploads: an object created under `inbox/<tenantId>/` in the upload bucket starts a
 * job for that tenant. S3 tells us through EventBridge ("Object Created"); the local S3 emits
 * the same event. Options travel as object metadata (x-amz-meta-*).
 */

export const INBOX_PREFIX = 'inbox/';

/**
 * Where a direct upload of this tenant goes: under its inbox folder, in a folder of its own
 * (so two uploads of one file name never meet).
 */
export const inboxKey = (tenantId: string, folder: string, filename: string) => `${INBOX_PREFIX}${tenantId}/${folder}/${filename}`;

/** The metadata that carries a job's settings on a direct upload (the names requestFromMetadata reads). */
export function metadataFor(request: { schema?: string; options?: JobOptions }): Record<string, string> {
  const o = request.options ?? {};
  const entries: [keyof typeof INBOX_METADATA, string | undefined][] = [
    ['schema', request.schema],
    ['timezone', o.timezone],
    ['region', o.defaultRegion],
    ['currency', o.defaultCurrency],
    ['on-duplicate', o.onDuplicate],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as Record<string, string>;
}

/** The part of S3's EventBridge "Object Created" event this service reads. */
export interface ObjectCreatedEvent {
  /** EventBridge's event id: the correlation id of the inbox function's log lines */
  id?: string;
  source: string;
  'detail-type': string;
  time?: string;
  detail: {
    bucket: { name: string };
    object: { key: string; size?: number; etag?: string; 'version-id'?: string; sequencer?: string };
    reason?: string;
  };
}

/** Tenant ids as this service issues them: short, URL- and key-safe. */
const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface InboxObject {
  tenantId: string;
  bucket: string;
  key: string;
  /** the object's last key segment */
  filename: string;
  /**
   * The same for every delivery of one event and different for each write of the key: S3
   * gives each write a version id (versioned buckets) or a sequencer (always), which grows
   * with every write of that key.
   */
  versionMarker: string;
}

/** What an event names, or why it names nothing this service starts a job for. */
export function readInboxEvent(event: ObjectCreatedEvent): InboxObject | { ignored: string } {
  if (event.source !== 'aws.s3' || event['detail-type'] !== 'Object Created') return { ignored: `not an S3 Object Created event (${event['detail-type']})` };
  const { bucket, object } = event.detail;
  const key = object.key;
  if (!key.startsWith(INBOX_PREFIX)) return { ignored: 'outside inbox/' };
  const [tenantId, ...rest] = key.slice(INBOX_PREFIX.length).split('/');
  // Stryker disable next-line StringLiteral: rest is empty only when the tenant-folder check below returns first
  const name = rest.at(-1) ?? '';
  // shown like a name sent to the API: no control or bidi characters (a key may hold any)
  const filename = name === '' ? '' : cleanDisplayName(name) || 'upload';
  if (rest.length === 0) return { ignored: 'not in a tenant folder (inbox/<tenantId>/<file>)' };
  if (!tenantId || !TENANT_ID.test(tenantId)) return { ignored: 'no tenant id after inbox/' };
  if (filename === '') return { ignored: 'a folder, not a file' };
  const versionMarker = object['version-id'] ?? object.sequencer ?? object.etag;
  if (!versionMarker) return { ignored: 'no version id, sequencer or ETag to tell writes apart' };
  return { tenantId, bucket: bucket.name, key, filename, versionMarker };
}

/** The upload record's id for one write of one key: repeated events of that write find it again. */
export function inboxSessionId(object: InboxObject): string {
  return `inb_${createHash('sha256').update(`${object.bucket}\n${object.key}\n${object.versionMarker}`).digest('hex').slice(0, 40)}`;
}

/** Metadata keys (x-amz-meta-<name>, lower case as S3 returns them) and the job setting each fills. */
export const INBOX_METADATA = {
  schema: 'schema',
  timezone: 'options.timezone',
  region: 'options.defaultRegion',
  currency: 'options.defaultCurrency',
  template: 'template',
  sha256: 'sha256',
  'on-duplicate': 'options.onDuplicate',
  /** set by this service when it signs a browser's direct upload: the upload token's limit */
  'max-bytes': 'maxBytes',
} as const;

export interface InboxRequest {
  schema?: string;
  options: JobOptions;
  templateId?: string;
  sha256?: string;
  maxBytes?: number;
}

/** The job request the object's metadata makes (not yet validated: the handler checks it as the API does). */
export function requestFromMetadata(metadata: Record<string, string | undefined>): InboxRequest {
  const get = (name: keyof typeof INBOX_METADATA) => {
    const value = metadata[name]?.trim();
    return value ? value : undefined;
  };
  const options: JobOptions = {};
  const timezone = get('timezone');
  const region = get('region');
  const currency = get('currency');
  if (timezone) options.timezone = timezone;
  if (region) options.defaultRegion = region.toUpperCase();
  if (currency) options.defaultCurrency = currency.toUpperCase();
  const onDuplicate = get('on-duplicate');
  if (onDuplicate) options.onDuplicate = onDuplicate.toLowerCase() as JobOptions['onDuplicate'];
  const schema = get('schema');
  const templateId = get('template');
  const sha256 = get('sha256');
  const maxBytes = Number(get('max-bytes'));
  return {
    ...(schema ? { schema } : {}),
    options,
    ...(templateId ? { templateId } : {}),
    ...(sha256 ? { sha256: sha256.toLowerCase() } : {}),
    ...(Number.isSafeInteger(maxBytes) && maxBytes > 0 ? { maxBytes } : {}),
  };
}
