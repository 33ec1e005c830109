import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConditionalCheckFailedException, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { layoutFingerprint } from '../../functions/core/templates/fingerprint.ts';

/*
 * The template store's rules with DynamoDB mocked: versions heal from the head, a lost
 * conditional update is a conflict, a template with open jobs is not deleted.
 */

const ddb = mockClient(DynamoDBDocumentClient);
// jobs are read through the plain client (dynamo-item.ts)
const items = mockClient(DynamoDBClient);
let templateStore: typeof import('../../functions/adapters/template-store.ts').templateStore;
let TemplateConflictError: typeof import('../../functions/adapters/template-store.ts').TemplateConflictError;

beforeAll(async () => {
  Object.assign(process.env, { TEMPLATES_TABLE: 'templates', JOBS_TABLE: 'jobs', AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' });
  ({ templateStore, TemplateConflictError } = await import('../../functions/adapters/template-store.ts'));
});
beforeEach(() => {
  ddb.reset();
  items.reset();
});

const layout = layoutFingerprint({ headers: ['Mail'] });
const content = (name: string) => ({ name, schema: 'contact', layout, fields: [{ field: 'email', sources: [0], sourceHeaders: ['Mail'] }] });
const head = (version: number, extra: Record<string, unknown> = {}) => ({
  tenantId: 't1', sk: 'TPL#tpl_1', kind: 'template', templateId: 'tpl_1', version, ...content(`v${version}`),
  createdAt: '2025-01-02T00:00:00Z', firstCreatedAt: '2025-01-01T00:00:00Z', fpKey: `t1#${layout.hash}`, pending: {}, useSeq: 0, ...extra,
});
const versionItem = (v: number) => ({ tenantId: 't1', sk: `TPLV#tpl_1#${String(v).padStart(6, '0')}`, kind: 'template_version', templateId: 'tpl_1', version: v, ...content(`v${v}`), createdAt: '2025-01-01T00:00:00Z' });
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'failed', $metadata: {} });

describe('templateStore.versions', () => {
  it('heals the current version when a crash left its item unwritten', async () => {
    ddb.on(GetCommand).resolves({ Item: head(3) });
    ddb.on(QueryCommand).resolves({ Items: [versionItem(1), versionItem(2)] });
    ddb.on(PutCommand).resolves({});
    const versions = await templateStore.versions('t1', 'tpl_1');
    expect(versions?.map((v) => [v.version, v.name])).toEqual([[1, 'v1'], [2, 'v2'], [3, 'v3']]);
    const put = ddb.commandCalls(PutCommand)[0]?.args[0].input;
    expect(put).toMatchObject({ Item: { sk: 'TPLV#tpl_1#000003', version: 3, name: 'v3' }, ConditionExpression: 'attribute_not_exists(sk)' });
  });
});

describe('templateStore.update', () => {
  it('writes the next version conditionally on the one it was made from', async () => {
    ddb.on(GetCommand).resolves({ Item: head(2) });
    ddb.on(PutCommand).resolves({});
    ddb.on(UpdateCommand).resolves({ Attributes: head(3, { name: 'new' }) });
    const t = await templateStore.update('t1', 'tpl_1', content('new'), 2);
    expect(t).toMatchObject({ version: 3, name: 'new' });
    const update = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.ConditionExpression).toBe('#v = :from');
    expect(update.ExpressionAttributeValues).toMatchObject({ ':from': 2 });
    expect(Object.values(update.ExpressionAttributeValues ?? {})).toContain(3);
    // the replaced version's item first (healed if missing), then the new one's
    expect(ddb.commandCalls(PutCommand).map((c) => (c.args[0].input.Item as { version: number }).version)).toEqual([2, 3]);
  });

  it('is a conflict when If-Match is stale, and when another update moved the head first', async () => {
    ddb.on(GetCommand).resolves({ Item: head(2) });
    await expect(templateStore.update('t1', 'tpl_1', content('x'), 1)).rejects.toBeInstanceOf(TemplateConflictError);
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);

    ddb.reset();
    ddb.on(GetCommand).resolvesOnce({ Item: head(2) }).resolves({ Item: head(3) });
    ddb.on(PutCommand).resolves({});
    ddb.on(UpdateCommand).rejects(conditionFailed());
    await expect(templateStore.update('t1', 'tpl_1', content('x'), 2)).rejects.toMatchObject({ name: 'TemplateConflictError', currentVersion: 3 });
  });

  it('answers undefined for an unknown template', async () => {
    ddb.on(GetCommand).resolves({});
    expect(await templateStore.update('t1', 'nope', content('x'), undefined)).toBeUndefined();
  });
});

describe('templateStore.remove', () => {
  it('refuses while a job using the template is still running', async () => {
    ddb.on(GetCommand, { TableName: 'templates' }).resolves({ Item: head(1, { pending: { job_1: '2025-01-01T00:00:00Z' }, useSeq: 1 }) });
    items.on(GetItemCommand, { TableName: 'jobs' }).resolves({ Item: marshall({ tenantId: 't1', jobId: 'job_1', status: 'running', progress: { rowsRead: 1, rowsWritten: 0, rowsRejected: 0 } }) });
    expect(await templateStore.remove('t1', 'tpl_1')).toEqual({ inUse: ['job_1'] });
    expect(ddb.commandCalls(DeleteCommand)).toHaveLength(0);
  });

  it('folds a finished job into the usage and deletes, unless a new use slipped in', async () => {
    const finished = head(1, { pending: { job_1: '2025-01-01T00:00:00Z' }, useSeq: 1 });
    ddb.on(GetCommand, { TableName: 'templates' }).resolvesOnce({ Item: finished }).resolves({ Item: head(1, { useSeq: 1, usageJobs: 1 }) });
    items.on(GetItemCommand, { TableName: 'jobs' }).resolves({ Item: marshall({ status: 'succeeded', progress: { rowsRead: 10, rowsWritten: 9, rowsRejected: 1 } }) });
    ddb.on(UpdateCommand).resolves({});
    ddb.on(DeleteCommand).rejects(conditionFailed());
    expect(await templateStore.remove('t1', 'tpl_1')).toBe('changed');
    const fold = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(fold.ConditionExpression).toBe('attribute_exists(pending.#j)');
    expect(fold.ExpressionAttributeValues).toMatchObject({ ':j': 1, ':s': 1, ':r': 10, ':w': 9, ':x': 1 });
    expect(ddb.commandCalls(DeleteCommand)[0]!.args[0].input).toMatchObject({ ConditionExpression: 'useSeq = :seq', ExpressionAttributeValues: { ':seq': 1 } });
  });
});
