import { describe, expect, it } from 'vitest';
import { normalizeDirection, normalizeRecordType } from '../../functions/core/enrich/call-codes.ts';

describe('normalizeDirection', () => {
  it.each(['In', 'Incoming', 'Received', 'IN', 'MT', 'Terminating', 'inbound', 'Incoming, CL', 'Missed'])('reads %j as inbound', (raw) => {
    expect(normalizeDirection(raw)).toBe('inbound');
  });

  it.each(['Outgoing', 'Out', 'Dialed', 'MO', 'Originating', 'OUTBOUND', 'Sent'])('reads %j as outbound', (raw) => {
    expect(normalizeDirection(raw)).toBe('outbound');
  });

  it('gives undefined for anything else', () => {
    expect(normalizeDirection('Voice')).toBeUndefined();
    expect(normalizeDirection('')).toBeUndefined();
    expect(normalizeDirection(undefined)).toBeUndefined();
  });
});

describe('normalizeRecordType', () => {
  it.each([
    ['Voice', 'voice'],
    ['Call', 'voice'],
    ['SMS', 'sms'],
    ['Text', 'sms'],
    ['TXT', 'sms'],
    ['Text Message', 'sms'],
    ['MMS', 'mms'],
    ['Picture', 'mms'],
    ['Picture Message', 'mms'],
    ['Data', 'data'],
    ['GPRS', 'data'],
    ['Voice Call - Roaming', 'voice'],
  ])('reads %j as %s', (raw, type) => {
    expect(normalizeRecordType(raw)).toBe(type);
  });

  it('gives undefined for unknown codes', () => {
    expect(normalizeRecordType('Incoming')).toBeUndefined();
    expect(normalizeRecordType('NW')).toBeUndefined();
  });
});
