import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients.ts';
import { queryAll } from './dynamo-query.ts';
import { jobStore } from './job-store.ts';
import { decodeCursor, encodeCursor } from './page-cursor.ts';
import { requiredEnv } from '../shared/config.ts';
import { ENV } from '../shared/env-names.ts';
import type { AiSuggestion } from '../core/ai/parse-answer.ts';
import type { ValueAnswers } from '../core/map/value-maps.ts';
import type { LearnedMapping, TemplateSource } from '../core/templates/suggest.ts';
import type { Template, TemplateContent, TemplateVersion } from '../core/templates/template-model.ts';
import { foldJob, usageView, type UsageCounters } from '../core/templates/usage.ts';
import { missingVersions, planUpdate } from '../core/templates/versioning.ts';

/*
 * Templates in the templates table (pk tenantId, sk):
 *   "TPL#<id>"              the head: the current version's content, its version number,
 *                           fpKey "<tenantId>#<fingerprint>" (the byFingerprint index finds
 *                           a layout's templates), usage counters and the open jobs using it
 *   "TPLV#<id>#<000001>"    one immutable item per version (a separate prefix, so listing
 *                           templates never reads their versions)
 *   "AICACHE#<fp>#<schema>" Claude's suggestion for a layout (see ai-client.ts)
 *   "LEARNED#<fp>#<schema>" the mapping a person last confirmed for a layout (no template needed)
 *   "SCHEMA#<name>"         custom schemas (see schema-store.ts)
 * dynalite has no transactions, so every rule holds with single-item conditional writes:
 * the head's version is the one arbiter of concurrent updates, and a version item is
 * written from the head that holds its content (and healed from it if a crash came between).
 */

const table = () => requiredEnv(ENV.templatesTable);
const headSk = (id: string) => `TPL#${id}`;
const versionPrefix = (id: string) => `TPLV#${id}#`;
const versionSk = (id: string, v: number) => `${versionPrefix(id)}${String(v).padStart(6, '0')}`;
const fpKey = (tenantId: string, hash: string) => `${tenantId}#${hash}`;
const now = () => new Date().toISOString();

/** How long a cached AI suggestion is trusted (no TTL on dynalite: checked on read). */
const AI_CACHE_DAYS = 30;
/** Open jobs folded into the totals per read, so a read stays quick. */
const SETTLE_BATCH = 25;

interface HeadItem extends TemplateVersion {
  tenantId: string;
  sk: string;
  kind: 'template';
  firstCreatedAt: string;
  fpKey: string;
  /** jobs using the template that have not been folded into the totals: jobId -> since */
  pending: Record<string, string>;
  /** bumped by every new use, so a delete can tell that a job started meanwhile */
  useSeq: number;
  usageJobs?: number;
  usageSucceeded?: number;
  usageFailed?: number;
  usageRowsRead?: number;
  usageRowsWritten?: number;
  usageRowsRejected?: number;
  lastUsedAt?: string;
}

interface VersionItem extends TemplateVersion {
  tenantId: string;
  sk: string;
  kind: 'template_version';
}

/** A template write lost to a concurrent one, or named a stale version. */
export class TemplateConflictError extends Error {
  constructor(
    message: string,
    readonly currentVersion: number,
  ) {
    super(message);
    this.name = 'TemplateConflictError';
  }
}

function toTemplate(h: HeadItem): Template {
  const totals: UsageCounters = {
    jobs: h.usageJobs ?? 0,
    succeeded: h.usageSucceeded ?? 0,
    failed: h.usageFailed ?? 0,
    rowsRead: h.usageRowsRead ?? 0,
    rowsWritten: h.usageRowsWritten ?? 0,
    rowsRejected: h.usageRowsRejected ?? 0,
  };
  return {
    templateId: h.templateId,
    version: h.version,
    name: h.name,
    ...(h.description !== undefined ? { description: h.description } : {}),
    schema: h.schema,
    layout: h.layout,
    fields: h.fields,
    createdAt: h.createdAt,
    firstCreatedAt: h.firstCreatedAt,
    ...(h.createdFrom !== undefined ? { createdFrom: h.createdFrom } : {}),
    usage: usageView(totals, Object.keys(h.pending ?? {}).length, h.lastUsedAt),
  };
}

function versionOf(item: TemplateVersion): TemplateVersion {
  return {
    templateId: item.templateId,
    version: item.version,
    name: item.name,
    ...(item.description !== undefined ? { description: item.description } : {}),
    schema: item.schema,
    layout: item.layout,
    fields: item.fields,
    createdAt: item.createdAt,
    ...(item.createdFrom !== undefined ? { createdFrom: item.createdFrom } : {}),
  };
}

function isConditionFailure(err: unknown): boolean {
  return err instanceof ConditionalCheckFailedException || (err instanceof Error && err.name === 'ConditionalCheckFailedException');
}

async function getHead(tenantId: string, id: string): Promise<HeadItem | undefined> {
  const { Item } = await documentClient().send(new GetCommand({ TableName: table(), Key: { tenantId, sk: headSk(id) }, ConsistentRead: true }));
  return Item as HeadItem | undefined;
}

/** Write a version's immutable item from a head that holds its content, unless it exists. */
async function putVersionIfMissing(head: HeadItem): Promise<void> {
  const item: VersionItem = { tenantId: head.tenantId, sk: versionSk(head.templateId, head.version), kind: 'template_version', ...versionOf(head) };
  try {
    await documentClient().send(new PutCommand({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(sk)' }));
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
}

export const templateStore = {
  /** Store a new template (version 1). */
  async create(tenantId: string, templateId: string, content: TemplateContent, createdFrom?: { jobId: string }): Promise<Template> {
    const at = now();
    const head: HeadItem = {
      tenantId,
      sk: headSk(templateId),
      kind: 'template',
      templateId,
      version: 1,
      ...content,
      createdAt: at,
      firstCreatedAt: at,
      ...(createdFrom !== undefined ? { createdFrom } : {}),
      fpKey: fpKey(tenantId, content.layout.hash),
      pending: {},
      useSeq: 0,
    };
    await documentClient().send(new PutCommand({ TableName: table(), Item: head, ConditionExpression: 'attribute_not_exists(sk)' }));
    await putVersionIfMissing(head);
    return toTemplate(head);
  },

  async get(tenantId: string, templateId: string): Promise<Template | undefined> {
    const head = await getHead(tenantId, templateId);
    return head === undefined ? undefined : toTemplate(head);
  },

  /** The tenant's templates, newest first (ids are ULIDs), with an opaque cursor. */
  async list(tenantId: string, opts: { limit: number; cursor?: string }): Promise<{ items: Template[]; nextCursor: string | null }> {
    const startKey = decodeCursor(opts.cursor, tenantId, 'sk', 'TPL#');
    const res = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'tenantId = :t AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':t': tenantId, ':p': 'TPL#' },
        ScanIndexForward: false,
        Limit: opts.limit,
        ExclusiveStartKey: startKey,
      }),
    );
    const items = ((res.Items ?? []) as HeadItem[]).map(toTemplate);
    return { items, nextCursor: encodeCursor(res.LastEvaluatedKey) };
  },

  /** Up to `max` of the tenant's newest templates (for matching similar layouts). */
  async listRecent(tenantId: string, max = 200): Promise<Template[]> {
    return (await this.list(tenantId, { limit: max })).items;
  },

  /** The tenant's templates made for exactly this layout. */
  async findByFingerprint(tenantId: string, hash: string): Promise<Template[]> {
    const res = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'byFingerprint',
        KeyConditionExpression: 'fpKey = :k',
        ExpressionAttributeValues: { ':k': fpKey(tenantId, hash) },
        Limit: 20,
      }),
    );
    // the index is eventually consistent on AWS: read each head itself
    const heads = await Promise.all(((res.Items ?? []) as HeadItem[]).map((i) => getHead(tenantId, i.templateId)));
    return heads.filter((h): h is HeadItem => h !== undefined && h.layout.hash === hash).map(toTemplate);
  },

  /**
   * Write the next version. `expected` is the If-Match version (undefined: from the version
   * read now). Throws TemplateConflictError when `expected` is stale or a concurrent update
   * moved the head first; returns undefined for an unknown template.
   */
  async update(tenantId: string, templateId: string, content: TemplateContent, expected: number | undefined): Promise<Template | undefined> {
    const head = await getHead(tenantId, templateId);
    if (head === undefined) return undefined;
    const plan = planUpdate(head.version, expected);
    if (!plan.ok) throw new TemplateConflictError(plan.reason, plan.current);
    // the version being replaced keeps its own item, whatever happened to an earlier writer
    await putVersionIfMissing(head);
    const sets: Record<string, unknown> = {
      name: content.name,
      schema: content.schema,
      layout: content.layout,
      fields: content.fields,
      version: plan.next,
      createdAt: now(),
      fpKey: fpKey(tenantId, content.layout.hash),
    };
    if (content.description !== undefined) sets.description = content.description;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':from': plan.from };
    const assignments = Object.entries(sets).map(([k, v], i) => {
      names[`#a${i}`] = k;
      values[`:a${i}`] = v;
      return `#a${i} = :a${i}`;
    });
    names['#v'] = 'version';
    names['#cf'] = 'createdFrom';
    const removes = ['#cf'];
    if (content.description === undefined) {
      names['#d'] = 'description';
      removes.push('#d');
    }
    try {
      const res = await documentClient().send(
        new UpdateCommand({
          TableName: table(),
          Key: { tenantId, sk: headSk(templateId) },
          UpdateExpression: `SET ${assignments.join(', ')} REMOVE ${removes.join(', ')}`,
          ConditionExpression: '#v = :from',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      const updated = res.Attributes as HeadItem;
      await putVersionIfMissing(updated);
      return toTemplate(updated);
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const current = await getHead(tenantId, templateId);
      if (current === undefined) return undefined;
      throw new TemplateConflictError(
        `The template was changed concurrently (version ${plan.from} -> ${current.version}); fetch it and apply your change again`,
        current.version,
      );
    }
  },

  /** Every version, oldest first (healing the current one's item if a crash left it unwritten). */
  async versions(tenantId: string, templateId: string): Promise<TemplateVersion[] | undefined> {
    const head = await getHead(tenantId, templateId);
    if (head === undefined) return undefined;
    const items = await queryAll<VersionItem>({
      TableName: table(),
      KeyConditionExpression: 'tenantId = :t AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':t': tenantId, ':p': versionPrefix(templateId) },
    });
    const missing = missingVersions(head.version, items.map((i) => i.version));
    if (missing.includes(head.version)) {
      await putVersionIfMissing(head);
      items.push({ tenantId, sk: versionSk(templateId, head.version), kind: 'template_version', ...versionOf(head) });
    }
    return items.filter((i) => i.version <= head.version).sort((a, b) => a.version - b.version).map(versionOf);
  },

  /**
   * A job starts using the template: it joins the open jobs (what blocks a delete) and
   * lastUsedAt moves. False when the template is gone (deleted meanwhile).
   */
  async recordUse(tenantId: string, templateId: string, jobId: string): Promise<boolean> {
    const at = now();
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: table(),
          Key: { tenantId, sk: headSk(templateId) },
          UpdateExpression: 'SET pending.#j = :at, lastUsedAt = :at ADD useSeq :one',
          ConditionExpression: 'attribute_exists(sk)',
          ExpressionAttributeNames: { '#j': jobId },
          ExpressionAttributeValues: { ':at': at, ':one': 1 },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  },

  /**
   * Fold the finished jobs among the open ones into the usage totals (each in one
   * conditional write that also removes it from the open set, so no job is counted twice)
   * and return the template as it then stands.
   */
  async settleUsage(tenantId: string, templateId: string): Promise<Template | undefined> {
    const head = await getHead(tenantId, templateId);
    if (head === undefined) return undefined;
    const open = Object.keys(head.pending ?? {}).slice(0, SETTLE_BATCH);
    if (open.length === 0) return toTemplate(head);
    let changed = false;
    for (const jobId of open) {
      const job = await jobStore.get(tenantId, jobId);
      const fold = foldJob(job);
      if (!fold.settle) continue;
      const a = fold.add;
      try {
        await documentClient().send(
          new UpdateCommand({
            TableName: table(),
            Key: { tenantId, sk: headSk(templateId) },
            UpdateExpression:
              'ADD usageJobs :j, usageSucceeded :s, usageFailed :f, usageRowsRead :r, usageRowsWritten :w, usageRowsRejected :x REMOVE pending.#j',
            ConditionExpression: 'attribute_exists(pending.#j)',
            ExpressionAttributeNames: { '#j': jobId },
            ExpressionAttributeValues: { ':j': a.jobs, ':s': a.succeeded, ':f': a.failed, ':r': a.rowsRead, ':w': a.rowsWritten, ':x': a.rowsRejected },
          }),
        );
        changed = true;
      } catch (err) {
        if (!isConditionFailure(err)) throw err; // another reader folded it first
      }
    }
    if (!changed) return toTemplate(head);
    const fresh = await getHead(tenantId, templateId);
    return fresh === undefined ? undefined : toTemplate(fresh);
  },

  /**
   * Delete a template and its versions, unless a job that is still queued or running uses
   * it: then `{ inUse: [jobIds] }`. A job that starts using it during the delete makes the
   * delete fail (`changed`), never the other way round.
   */
  async remove(tenantId: string, templateId: string): Promise<'deleted' | 'not_found' | 'changed' | { inUse: string[] }> {
    const settled = await this.settleUsage(tenantId, templateId);
    if (settled === undefined) return 'not_found';
    const head = await getHead(tenantId, templateId);
    if (head === undefined) return 'not_found';
    const open = Object.keys(head.pending ?? {});
    if (open.length > 0) return { inUse: open };
    try {
      await documentClient().send(
        new DeleteCommand({
          TableName: table(),
          Key: { tenantId, sk: headSk(templateId) },
          ConditionExpression: 'useSeq = :seq',
          ExpressionAttributeValues: { ':seq': head.useSeq ?? 0 },
        }),
      );
    } catch (err) {
      if (isConditionFailure(err)) return 'changed';
      throw err;
    }
    // versions go after the head: a half-finished delete leaves only unreachable items
    const keys = await queryAll<{ tenantId: string; sk: string }>({
      TableName: table(),
      KeyConditionExpression: 'tenantId = :t AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':t': tenantId, ':p': versionPrefix(templateId) },
      ProjectionExpression: 'tenantId, sk',
    });
    for (let i = 0; i < keys.length; i += 25) {
      let requests: Record<string, { DeleteRequest: { Key: Record<string, unknown> } }[]> | undefined = {
        [table()]: keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })),
      };
      for (let attempt = 0; requests !== undefined && Object.keys(requests).length > 0 && attempt < 5; attempt++) {
        const res = await documentClient().send(new BatchWriteCommand({ RequestItems: requests }));
        requests = res.UnprocessedItems as typeof requests;
      }
    }
    return 'deleted';
  },

  /** Claude's cached suggestion for a layout and schema, if fresh. */
  async getAiSuggestion(tenantId: string, fingerprint: string, schema: string): Promise<AiSuggestion | undefined> {
    return getCachedAnswer<AiSuggestion>(tenantId, `AICACHE#${fingerprint}#${schema}`);
  },

  /** Claude's cached reading of a layout's enum values (value maps), if fresh: one request per layout. */
  async getAiValueAnswers(tenantId: string, fingerprint: string, schema: string): Promise<ValueAnswers | undefined> {
    return getCachedAnswer<ValueAnswers>(tenantId, `AIVALUES#${fingerprint}#${schema}`);
  },

  async putAiValueAnswers(tenantId: string, fingerprint: string, schema: string, answers: ValueAnswers, model: string): Promise<void> {
    await putCachedAnswer(tenantId, `AIVALUES#${fingerprint}#${schema}`, 'ai_value_cache', answers, model);
  },

  /** Remember a confirmed mapping for a layout and schema (the latest confirmation wins). */
  async putLearned(tenantId: string, fingerprint: string, learned: LearnedMapping): Promise<void> {
    await documentClient().send(
      new PutCommand({ TableName: table(), Item: { tenantId, sk: `LEARNED#${fingerprint}#${learned.schema}`, kind: 'learned_mapping', ...learned } }),
    );
  },

  /** The confirmed mappings remembered for a layout, one per schema. */
  async findLearned(tenantId: string, fingerprint: string): Promise<LearnedMapping[]> {
    const items = await queryAll<LearnedMapping & { sk: string }>({
      TableName: table(),
      KeyConditionExpression: 'tenantId = :t AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':t': tenantId, ':p': `LEARNED#${fingerprint}#` },
      ConsistentRead: true,
    });
    return items.map(({ schema, fields, valueMaps, jobId, learnedAt }) => ({ schema, fields, ...(valueMaps !== undefined ? { valueMaps } : {}), jobId, learnedAt }));
  },

  async putAiSuggestion(tenantId: string, fingerprint: string, schema: string, suggestion: AiSuggestion, model: string): Promise<void> {
    await putCachedAnswer(tenantId, `AICACHE#${fingerprint}#${schema}`, 'ai_cache', suggestion, model);
  },
};

/** A cached AI answer (stored under `suggestion`), unless it has expired. */
async function getCachedAnswer<T>(tenantId: string, sk: string): Promise<T | undefined> {
  const { Item } = await documentClient().send(new GetCommand({ TableName: table(), Key: { tenantId, sk }, ConsistentRead: true }));
  const item = Item as { suggestion?: T; expiresAtEpoch?: number } | undefined;
  if (item?.suggestion === undefined) return undefined;
  if (item.expiresAtEpoch !== undefined && item.expiresAtEpoch * 1000 < Date.now()) return undefined;
  return item.suggestion;
}

async function putCachedAnswer(tenantId: string, sk: string, kind: string, suggestion: unknown, model: string): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: table(),
      Item: { tenantId, sk, kind, suggestion, model, createdAt: now(), expiresAtEpoch: Math.floor(Date.now() / 1000) + AI_CACHE_DAYS * 86_400 },
    }),
  );
}

/** The tenant's templates as the suggestion's storage port. */
export function templateSourceFor(tenantId: string): TemplateSource<Template> {
  return {
    findByFingerprint: (hash) => templateStore.findByFingerprint(tenantId, hash),
    listRecent: () => templateStore.listRecent(tenantId),
    findLearned: (hash) => templateStore.findLearned(tenantId, hash),
  };
}
