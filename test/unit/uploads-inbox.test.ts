import { describe, expect, it } from 'vitest';
import {
  INBOX_METADATA,
  INBOX_PREFIX,
  inboxKey,
  inboxSessionId,
  metadataFor,
  readInboxEvent,
  requestFromMetadata,
  type InboxObject,
  type ObjectCreatedEvent,
} from '../../functions/core/uploads/inbox.ts';

const created = (key: string, object: Partial<ObjectCreatedEvent['detail']['object']> = { sequencer: '0062' }): ObjectCreatedEvent => ({
  source: 'aws.s3',
  'detail-type': 'Object Created',
  detail: { bucket: { name: 'uploads' }, object: { key, ...object } },
});

describe('inboxKey', () => {
  it('puts an upload under its tenant folder, in a folder of its own', () => {
    expect(INBOX_PREFIX).toBe('inbox/');
    expect(inboxKey('t1', 'f9', 'calls.csv')).toBe('inbox/t1/f9/calls.csv');
  });
});

describe('readInboxEvent', () => {
  it('reads the tenant, bucket, key, file name and write of an inbox object', () => {
    expect(readInboxEvent(created('inbox/t1/f9/calls.csv'))).toEqual({
      tenantId: 't1',
      bucket: 'uploads',
      key: 'inbox/t1/f9/calls.csv',
      filename: 'calls.csv',
      versionMarker: '0062',
    });
    expect(readInboxEvent(created('inbox/t1/calls.csv'))).toMatchObject({ tenantId: 't1', filename: 'calls.csv' });
  });

  it('ignores events that are not S3 object creations, naming the event', () => {
    expect(readInboxEvent({ ...created('inbox/t1/a.csv'), source: 'aws.ec2' })).toEqual({ ignored: 'not an S3 Object Created event (Object Created)' });
    expect(readInboxEvent({ ...created('inbox/t1/a.csv'), 'detail-type': 'Object Deleted' })).toEqual({ ignored: 'not an S3 Object Created event (Object Deleted)' });
  });

  it('ignores objects outside the inbox, outside a tenant folder or with no tenant id', () => {
    expect(readInboxEvent(created('other/t1/a.csv'))).toEqual({ ignored: 'outside inbox/' });
    expect(readInboxEvent(created('xinbox/t1/a.csv'))).toEqual({ ignored: 'outside inbox/' });
    expect(readInboxEvent(created('inbox/a.csv'))).toEqual({ ignored: 'not in a tenant folder (inbox/<tenantId>/<file>)' });
    expect(readInboxEvent(created('inbox//a.csv'))).toEqual({ ignored: 'no tenant id after inbox/' });
    expect(readInboxEvent(created('inbox/a b/a.csv'))).toEqual({ ignored: 'no tenant id after inbox/' });
    expect(readInboxEvent(created('inbox/a.b/a.csv'))).toEqual({ ignored: 'no tenant id after inbox/' });
    expect(readInboxEvent(created('inbox/x\u00e9/a.csv'))).toEqual({ ignored: 'no tenant id after inbox/' });
  });

  it('takes tenant ids of letters, digits, _ and - up to 64 characters', () => {
    const longest = 'aZ0_-'.repeat(12) + 'abcd';
    expect(readInboxEvent(created(`inbox/${longest}/a.csv`))).toMatchObject({ tenantId: longest });
    expect(readInboxEvent(created(`inbox/${longest}e/a.csv`))).toEqual({ ignored: 'no tenant id after inbox/' });
    expect(readInboxEvent(created('inbox/T/a.csv'))).toMatchObject({ tenantId: 'T' });
  });

  it('ignores folders, and names a file whose name is only unsafe characters "upload"', () => {
    expect(readInboxEvent(created('inbox/t1/f9/'))).toEqual({ ignored: 'a folder, not a file' });
    expect(readInboxEvent(created('inbox/t1/'))).toEqual({ ignored: 'a folder, not a file' });
    expect(readInboxEvent(created('inbox/t1/f9/\u202E\u0000'))).toMatchObject({ filename: 'upload' });
    expect(readInboxEvent(created('inbox/t1/f9/in\u202Evoice.csv'))).toMatchObject({ filename: 'invoice.csv', key: 'inbox/t1/f9/in\u202Evoice.csv' });
  });

  it('tells writes apart by the version id, else the sequencer, else the ETag, and ignores an object with none', () => {
    expect(readInboxEvent(created('inbox/t1/a.csv', { 'version-id': 'v1', sequencer: 's1', etag: 'e1' }))).toMatchObject({ versionMarker: 'v1' });
    expect(readInboxEvent(created('inbox/t1/a.csv', { sequencer: 's1', etag: 'e1' }))).toMatchObject({ versionMarker: 's1' });
    expect(readInboxEvent(created('inbox/t1/a.csv', { etag: 'e1' }))).toMatchObject({ versionMarker: 'e1' });
    expect(readInboxEvent(created('inbox/t1/a.csv', {}))).toEqual({ ignored: 'no version id, sequencer or ETag to tell writes apart' });
    expect(readInboxEvent(created('inbox/t1/a.csv', { etag: '' }))).toEqual({ ignored: 'no version id, sequencer or ETag to tell writes apart' });
  });
});

describe('inboxSessionId', () => {
  const object: InboxObject = { tenantId: 't1', bucket: 'uploads', key: 'inbox/t1/a.csv', filename: 'a.csv', versionMarker: 's1' };

  it('is one id per write of a key, stable across deliveries and releases (stored upload records are found by it)', () => {
    expect(inboxSessionId(object)).toBe(inboxSessionId({ ...object }));
    expect(inboxSessionId(object)).toBe('inb_c8b1833468fb2584fbddbd50a6aaee652774c4b2');
  });

  it('differs for another bucket, key or write, however the three are cut', () => {
    const ids = new Set([
      inboxSessionId(object),
      inboxSessionId({ ...object, bucket: 'other' }),
      inboxSessionId({ ...object, key: 'inbox/t1/b.csv' }),
      inboxSessionId({ ...object, versionMarker: 's2' }),
      inboxSessionId({ ...object, bucket: 'uploadsi', key: 'nbox/t1/a.csv' }),
      inboxSessionId({ ...object, key: 'inbox/t1/a.csvs', versionMarker: '1' }),
    ]);
    expect(ids.size).toBe(6);
  });
});

describe('job settings in object metadata', () => {
  it('writes only the settings given, under the names the inbox reads', () => {
    expect(metadataFor({})).toEqual({});
    expect(metadataFor({ schema: 'calls', options: { timezone: 'Europe/Paris' } })).toEqual({ schema: 'calls', timezone: 'Europe/Paris' });
    const all = { schema: 'calls', options: { timezone: 'UTC', defaultRegion: 'FR', defaultCurrency: 'EUR', onDuplicate: 'skip' as const } };
    expect(metadataFor(all)).toEqual({ schema: 'calls', timezone: 'UTC', region: 'FR', currency: 'EUR', 'on-duplicate': 'skip' });
    for (const name of Object.keys(metadataFor(all))) expect(INBOX_METADATA).toHaveProperty(name);
    expect(requestFromMetadata(metadataFor(all))).toEqual({ schema: 'calls', options: all.options });
  });

  it('reads no settings from empty metadata or blank values', () => {
    expect(requestFromMetadata({})).toStrictEqual({ options: {} });
    const blank = { schema: ' ', timezone: '', region: ' ', currency: '\t', 'on-duplicate': '', template: ' ', sha256: '', 'max-bytes': ' ' };
    expect(requestFromMetadata(blank)).toStrictEqual({ options: {} });
  });

  it('trims values and folds codes to the case the API expects', () => {
    const metadata = { schema: ' calls ', timezone: ' Europe/Paris ', region: 'fr', currency: 'eur', 'on-duplicate': 'SKIP', template: ' tpl_1 ', sha256: ' ABCDEF ' };
    expect(requestFromMetadata(metadata)).toEqual({
      schema: 'calls',
      options: { timezone: 'Europe/Paris', defaultRegion: 'FR', defaultCurrency: 'EUR', onDuplicate: 'skip' },
      templateId: 'tpl_1',
      sha256: 'abcdef',
    });
  });

  it('keeps an upload token\'s byte limit only when it is a positive whole number', () => {
    expect(requestFromMetadata({ 'max-bytes': '1' })).toEqual({ options: {}, maxBytes: 1 });
    expect(requestFromMetadata({ 'max-bytes': ' 5368709120 ' })).toEqual({ options: {}, maxBytes: 5_368_709_120 });
    for (const bad of ['0', '-5', '1.5', 'abc', '9007199254740993', 'Infinity']) expect(requestFromMetadata({ 'max-bytes': bad })).toEqual({ options: {} });
  });
});
