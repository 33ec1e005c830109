import { describe, expect, it } from 'vitest';
import { normalizeDirection, normalizeRecordType, readCallCode } from '../../functions/core/enrich/call-codes.ts';
import { CALL_CODE_WORDS } from '../../functions/core/enrich/call-code-words.ts';
import { LEXICON_LANGUAGES } from '../../functions/core/schemas/lexicon/index.ts';

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

describe('readCallCode', () => {
  it.each([
    // 3GPP TS 32.298 record types and the spellings carrier CDRs derive from them
    ['mSOriginating', 'outbound', 'voice'],
    ['mSTerminating', 'inbound', 'voice'],
    ['callForwarding', 'inbound', 'voice'],
    ['mSOriginatingSMSinMSC', 'outbound', 'sms'],
    ['mSTerminatingSMSinMSC', 'inbound', 'sms'],
    ['moCallRecord', 'outbound', 'voice'],
    ['mtSMSRecord', 'inbound', 'sms'],
    ['roamingRecord', 'inbound', 'voice'],
    ['sgsnSMORecord', 'outbound', 'sms'],
    ['sGWRecord', undefined, 'data'],
    ['pGWRecord', undefined, 'data'],
    ['gGSNPDPRecord', undefined, 'data'],
    ['SMS-MO', 'outbound', 'sms'],
    ['SMS MT', 'inbound', 'sms'],
    ['MO SMS in MSC', 'outbound', 'sms'],
    ['Voice Call - Roaming', undefined, 'voice'],
    // cloud telephony and PBX dialplan contexts
    ['outbound-api', 'outbound', undefined],
    ['outbound-dial', 'outbound', undefined],
    ['trunking-originating', 'outbound', undefined],
    ['from-internal', 'outbound', undefined],
    ['from-trunk', 'inbound', undefined],
    // carrier markers with a qualifier
    ['Incoming, CL', 'inbound', undefined],
    ['INCOMING CL', 'inbound', undefined],
    ['Rcvd', 'inbound', undefined],
    ['Picture/Video', undefined, 'mms'],
  ])('reads %j as %s %s', (raw, direction, recordType) => {
    const code = readCallCode(raw);
    expect(code?.direction).toBe(direction);
    expect(code?.recordType).toBe(recordType);
    expect(code?.weak).toBe(false);
  });

  it('marks short codes that are words or rate codes elsewhere as weak', () => {
    for (const raw of ['In', 'Out', 'MO', 'MT', 'IN', 'T']) expect(readCallCode(raw)?.weak).toBe(true);
  });

  it('reads calls that stayed inside a PBX as internal, with no direction', () => {
    for (const raw of ['Internal', 'ext-local']) expect(readCallCode(raw)).toEqual({ weak: false, internal: true });
  });

  it('reads no code in places, dispositions and roaming as a usage type', () => {
    for (const raw of ['Chicago, IL', 'TOLL FREE CL', 'ANSWERED', 'NO ANSWER', 'Roaming', 'NW', '']) expect(readCallCode(raw)).toBeUndefined();
  });

  it('reads the kind of network a bill names as a voice call, only in a column about the kind of call', () => {
    for (const raw of ['Inland Festnetz', 'Ausland Mobilfunk', 'Sonderrufnummer', 'UK landline', 'International']) {
      expect(readCallCode(raw), raw).toEqual({ recordType: 'voice', weak: true });
    }
    // the kind the first word names still wins ("SMS Inland", "Datenverbindung Roaming")
    expect(readCallCode('SMS Inland')).toEqual({ recordType: 'sms', weak: false });
    expect(readCallCode('Datenverbindung Roaming')).toEqual({ recordType: 'data', weak: false });
  });

  it('reads a direction printed after a qualifier ("Roaming ankommend")', () => {
    expect(readCallCode('Roaming ankommend')).toEqual({ direction: 'inbound', weak: false });
    expect(readCallCode('Ausland abgehend')).toMatchObject({ direction: 'outbound', weak: false });
  });
});

describe('call-code words in every language of the header lexicon', () => {
  it('name an incoming and an outgoing call, a voice call, a text and data in each, and read back as that meaning', () => {
    const gaps: string[] = [];
    const wrong: string[] = [];
    for (const lang of LEXICON_LANGUAGES) {
      const words = CALL_CODE_WORDS[lang];
      for (const meaning of ['inbound', 'outbound', 'voice', 'sms', 'data'] as const) {
        const list = words[meaning].split('|').filter((w) => w.trim().length > 0);
        if (list.length === 0) gaps.push(`${lang}.${meaning}`);
        for (const w of list) {
          const code = readCallCode(w);
          const got = meaning === 'inbound' || meaning === 'outbound' ? code?.direction : code?.recordType;
          if (got !== meaning) wrong.push(`${lang} "${w}": ${JSON.stringify(code)} instead of ${meaning}`);
        }
      }
    }
    // the list of languages without a word (and of words another language's table overrides) is the report
    expect(gaps).toEqual([]);
    expect(wrong).toEqual([]);
  });

  it('reads inflected forms as bills print them ("Dolazna poruka", "Вхідні", "Väljuv kõne", "Долазни позив")', () => {
    expect(readCallCode('Dolazna poruka')).toMatchObject({ direction: 'inbound' });
    expect(readCallCode('Odlazni poziv')).toMatchObject({ direction: 'outbound' });
    expect(readCallCode('Вхідні')).toMatchObject({ direction: 'inbound' });
    expect(readCallCode('Вихідний дзвінок')).toMatchObject({ direction: 'outbound' });
    expect(readCallCode('Väljuv kõne')).toMatchObject({ direction: 'outbound' });
    expect(readCallCode('Saabuv kõne')).toMatchObject({ direction: 'inbound' });
    expect(readCallCode('Долазни позив')).toMatchObject({ direction: 'inbound' });
    expect(readCallCode('Çıxan')).toMatchObject({ direction: 'outbound' });
  });

  it('keeps words that are ordinary elsewhere weak (a code only in a direction or type column)', () => {
    expect(readCallCode('masuk')).toMatchObject({ direction: 'inbound', weak: true });
    expect(readCallCode('кіріс')).toMatchObject({ direction: 'inbound', weak: true });
  });
});
