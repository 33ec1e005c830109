import { randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients.ts';
import { getItem } from './dynamo-item.ts';
import { objectStore } from './object-store.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import { EntityBook } from '../core/entities/entity-book.ts';
import { AccountIndex, ContactIndex } from '../core/entities/query.ts';
import { decodeAccount, decodeContact, encodeAccount, encodeContact } from '../core/entities/codec.ts';
import type { Account, Contact } from '../core/entities/model.ts';
import { TransientError } from '../core/errors.ts';

/*
 * The accounts/contacts store of a tenant.
 *
 * Why S3 shards and not an item per entity: a 10,000-row company file must add little to
 * its job, and lists must filter, facet and text-search the whole tenant in well under
 * 200 ms. An item per entity costs a DynamoDB write per entity (10,000+ per file: seconds
 * locally, where dynalite takes ~7,000 items/s, and real money on AWS) and a full read of
 * the tenant for every faceted list anyway. Instead each tenant's accounts and contacts are
 * 16 JSON shards each (by a hash of the id), under immutable keys, and one DynamoDB item
 * (META) names the current shards and a version. Shards are not compressed: on the loaded
 * 2-core machine gzip of a 10,000-account store took longer than writing it plain.
 *
 *   - a change (a job's records, an edit, a merge) loads the store, applies the pure core
 *     change to an EntityBook, writes only the shards it touched under new keys, then moves
 *     META from version n to n+1 with a conditional write. A concurrent change loses that
 *     write, loads the new version and applies itself again (changes are deterministic and
 *     idempotent). No transactions needed, which dynalite lacks.
 *   - a read gets META (one GetItem) and serves from this container's cache when the version
 *     is the one it holds; otherwise it fetches the shards whose keys moved, in parallel.
 *     Lists then run in memory (core/entities/query.ts).
 *
 * The bound: the whole tenant sits in one function's memory. 10k accounts and 50k
 * contacts are ~35 MB of JSON (accounts ~550 bytes, contacts ~580 as stored); a tenant of a few hundred thousand
 * entities still fits a 1-2 GB function, but every change then rewrites megabytes. Past
 * that the path is a search engine (OpenSearch Serverless) fed from an item-per-entity
 * table's stream, with the same core merge rules; not a home-made index.
 */

const SHARDS = 16;
const MAX_CHANGE_TRIES = 8;
const table = () => requiredEnv(ENV.entitiesTable);
const bucket = () => requiredEnv(ENV.uploadBucket);

interface Meta {
  version: number;
  accountShards: (string | null)[];
  contactShards: (string | null)[];
}

const emptyMeta = (): Meta => ({ version: 0, accountShards: Array(SHARDS).fill(null), contactShards: Array(SHARDS).fill(null) });

/** FNV-1a of the id: a stable shard per entity. */
export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

/** One version of a tenant's store as read: entities plus list indexes built on first use. */
export class StoreView {
  private accountIndex?: AccountIndex;
  private contactIndex?: ContactIndex;
  private accountMap?: Map<string, Account>;
  private contactMap?: Map<string, Contact>;

  constructor(
    readonly version: number,
    readonly accounts: readonly Account[],
    readonly contacts: readonly Contact[],
  ) {}

  accountsIndex(): AccountIndex {
    return (this.accountIndex ??= new AccountIndex(this.accounts));
  }

  contactsIndex(): ContactIndex {
    return (this.contactIndex ??= new ContactIndex(this.contacts));
  }

  account(id: string): Account | undefined {
    this.accountMap ??= new Map(this.accounts.map((a) => [a.accountId, a]));
    return this.accountMap.get(id);
  }

  contact(id: string): Contact | undefined {
    this.contactMap ??= new Map(this.contacts.map((c) => [c.contactId, c]));
    return this.contactMap.get(id);
  }

  contactsOf(accountId: string): Contact[] {
    return this.contactsIndex().filter({ accountId });
  }
}

// Per container: shards by their immutable key, and the last view per tenant. Bounded:
// a container serves few tenants at a time; the least recently used go first.
const SHARD_CACHE_LIMIT = 256;
const VIEW_CACHE_LIMIT = 8;
const shardCache = new Map<string, (Account | Contact)[]>();
const viewCache = new Map<string, StoreView>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V, limit: number): void {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > limit) cache.delete(cache.keys().next().value as K);
}

async function readMeta(tenantId: string): Promise<Meta> {
  const item = await getItem<Partial<Meta>>(table(), { tenantId, sk: 'META' }, { consistent: true });
  if (!item || typeof item.version !== 'number') return emptyMeta();
  return { version: item.version, accountShards: item.accountShards ?? emptyMeta().accountShards, contactShards: item.contactShards ?? emptyMeta().contactShards };
}

async function readShard<T extends Account | Contact>(key: string | null, decode: (stored: Record<string, unknown>) => T): Promise<T[]> {
  if (!key) return [];
  const cached = shardCache.get(key);
  if (cached) return cached as T[];
  const stored = JSON.parse((await objectStore.readAll(bucket(), key)).toString('utf8')) as Record<string, unknown>[];
  const items = stored.map(decode);
  remember(shardCache, key, items, SHARD_CACHE_LIMIT);
  return items;
}

class ShardGoneError extends Error {}

async function readVersion(tenantId: string, meta: Meta): Promise<StoreView> {
  const cached = viewCache.get(tenantId);
  if (cached && cached.version === meta.version) return cached;
  try {
    const [accounts, contacts] = await Promise.all([
      Promise.all(meta.accountShards.map((k) => readShard(k, decodeAccount))),
      Promise.all(meta.contactShards.map((k) => readShard(k, decodeContact))),
    ]);
    const view = new StoreView(meta.version, accounts.flat(), contacts.flat());
    remember(viewCache, tenantId, view, VIEW_CACHE_LIMIT);
    return view;
  } catch (err) {
    // A change committed meanwhile and removed the shards this META named: read again. By name:
    // the S3 SDK's error classes load with the client, on first use (s3.ts).
    if (err instanceof Error && err.name === 'NoSuchKey') throw new ShardGoneError();
    throw err;
  }
}

async function load(tenantId: string): Promise<{ meta: Meta; view: StoreView }> {
  for (let tries = 0; ; tries++) {
    const meta = await readMeta(tenantId);
    try {
      return { meta, view: await readVersion(tenantId, meta) };
    } catch (err) {
      if (!(err instanceof ShardGoneError) || tries >= 3) throw err;
    }
  }
}

async function writeShards(tenantId: string, kind: 'accounts' | 'contacts', entities: Iterable<Account | Contact>, dirty: Set<number>, version: number): Promise<Map<number, { key: string; items: (Account | Contact)[] }>> {
  const groups = new Map<number, (Account | Contact)[]>([...dirty].map((s) => [s, []]));
  for (const e of entities) {
    const id = 'contactId' in e ? e.contactId : e.accountId;
    groups.get(shardOf(id))?.push(e);
  }
  const suffix = randomBytes(4).toString('hex');
  const written = new Map<number, { key: string; items: (Account | Contact)[] }>();
  await Promise.all(
    [...groups].map(async ([shard, items]) => {
      const key = `entities/${tenantId}/${kind}/${String(shard).padStart(2, '0')}-v${version}-${suffix}.json`;
      const stored = items.map((e) => ('contactId' in e ? encodeContact(e as Contact) : encodeAccount(e as Account)));
      // Sent as bytes: Node wrote a multi-megabyte string body to the socket 3-6 times slower
      // than the same JSON as a Buffer (writev was most of a 10,000-account write locally).
      await objectStore.put(bucket(), key, Buffer.from(JSON.stringify(stored)), 'application/json');
      written.set(shard, { key, items });
    }),
  );
  return written;
}

const shardsOf = (ids: Set<string>) => new Set([...ids].map(shardOf));

export interface ChangeOutcome<R> {
  result: R;
  /** the store version after the change */
  version: number;
  changed: boolean;
  /** how many times the change ran (more than once when another change committed first) */
  tries: number;
  /** time spent loading the store and writing it (shards and META), over all tries */
  loadMs: number;
  writeMs: number;
}

/** The store moved on while a change was being written; the caller's retries ran out. */
export class StoreContentionError extends TransientError {}

export const entityStore = {
  /** The tenant's store as it stands (a consistent version). */
  async read(tenantId: string): Promise<StoreView> {
    return (await load(tenantId)).view;
  },

  /**
   * Apply `change` to the tenant's store and commit it. `change` must be deterministic given
   * the book: it runs again on the newer version when another change commits first. It may
   * throw (an edit that is refused); nothing is written then.
   */
  async change<R>(tenantId: string, change: (book: EntityBook) => R | Promise<R>): Promise<ChangeOutcome<R>> {
    const spent = { loadMs: 0, writeMs: 0 };
    for (let tries = 0; tries < MAX_CHANGE_TRIES; tries++) {
      let t0 = Date.now();
      const { meta, view } = await load(tenantId);
      const book = new EntityBook(view.accounts, view.contacts);
      spent.loadMs += Date.now() - t0;
      const result = await change(book);
      if (!book.changed) return { result, version: meta.version, changed: false, tries: tries + 1, ...spent };
      t0 = Date.now();
      const next = meta.version + 1;
      const [accountShards, contactShards] = await Promise.all([
        writeShards(tenantId, 'accounts', book.accounts.values(), shardsOf(book.dirtyAccounts), next),
        writeShards(tenantId, 'contacts', book.contacts.values(), shardsOf(book.dirtyContacts), next),
      ]);
      const nextMeta: Meta = {
        version: next,
        accountShards: meta.accountShards.map((k, i) => accountShards.get(i)?.key ?? k),
        contactShards: meta.contactShards.map((k, i) => contactShards.get(i)?.key ?? k),
      };
      const newKeys = [...accountShards.values(), ...contactShards.values()].map((w) => w.key);
      try {
        await documentClient().send(
          new UpdateCommand({
            TableName: table(),
            Key: { tenantId, sk: 'META' },
            UpdateExpression: 'SET version = :next, accountShards = :as, contactShards = :cs, accountCount = :na, contactCount = :nc, updatedAt = :u',
            ConditionExpression: meta.version === 0 ? 'attribute_not_exists(version)' : 'version = :prev',
            ExpressionAttributeValues: {
              ':next': next,
              ':as': nextMeta.accountShards,
              ':cs': nextMeta.contactShards,
              ':na': book.accounts.size,
              ':nc': book.contacts.size,
              ':u': new Date().toISOString(),
              ...(meta.version === 0 ? {} : { ':prev': meta.version }),
            },
          }),
        );
      } catch (err) {
        if (!(err instanceof ConditionalCheckFailedException)) throw err;
        await Promise.all(newKeys.map((k) => objectStore.delete(bucket(), k).catch(() => undefined)));
        spent.writeMs += Date.now() - t0;
        continue;
      }
      for (const w of [...accountShards.values(), ...contactShards.values()]) remember(shardCache, w.key, w.items, SHARD_CACHE_LIMIT);
      remember(viewCache, tenantId, new StoreView(next, [...book.accounts.values()], [...book.contacts.values()]), VIEW_CACHE_LIMIT);
      // The replaced shards: a reader still holding the old META reads again when they are gone.
      const replaced = [...meta.accountShards, ...meta.contactShards].filter((k): k is string => k !== null && !nextMeta.accountShards.includes(k) && !nextMeta.contactShards.includes(k));
      await Promise.all(replaced.map((k) => objectStore.delete(bucket(), k).catch(() => undefined)));
      spent.writeMs += Date.now() - t0;
      return { result, version: next, changed: true, tries: tries + 1, ...spent };
    }
    throw new StoreContentionError(`The accounts store of tenant ${tenantId} kept changing under ${MAX_CHANGE_TRIES} attempts to write it`);
  },

  /** What a job did to the store (written by the job's upsert, read for its event). */
  async putJobRun(tenantId: string, jobId: string, run: Record<string, unknown>): Promise<void> {
    await documentClient().send(new PutCommand({ TableName: table(), Item: { ...run, tenantId, sk: `JOB#${jobId}` } }));
  },

  async getJobRun<T>(tenantId: string, jobId: string): Promise<T | undefined> {
    const { Item } = await documentClient().send(new GetCommand({ TableName: table(), Key: { tenantId, sk: `JOB#${jobId}` }, ConsistentRead: true }));
    if (!Item) return undefined;
    const { tenantId: _t, sk: _sk, ...rest } = Item;
    return rest as T;
  },

  /** A tenant setting (e.g. the ideal-customer description). */
  async getSetting<T>(tenantId: string, name: string): Promise<T | undefined> {
    const { Item } = await documentClient().send(new GetCommand({ TableName: table(), Key: { tenantId, sk: `SETTINGS#${name}` }, ConsistentRead: true }));
    return Item?.value as T | undefined;
  },

  async putSetting(tenantId: string, name: string, value: unknown): Promise<void> {
    await documentClient().send(new PutCommand({ TableName: table(), Item: { tenantId, sk: `SETTINGS#${name}`, value, updatedAt: new Date().toISOString() } }));
  },
};
