import { describe, expect, it } from 'vitest';
import { readCallCodeAnyLanguage } from '../../functions/core/map/call-code-reading.ts';

const read = (raw: string | undefined) => {
  const c = readCallCodeAnyLanguage(raw);
  return c === undefined ? undefined : { direction: c.direction, recordType: c.recordType, weak: c.weak };
};

describe('readCallCodeAnyLanguage', () => {
  it("keeps Enrich's reading when it says both halves, or nothing is added", () => {
    expect(read('Outgoing call')).toEqual({ direction: 'outbound', recordType: 'voice', weak: false });
    expect(read('incoming')).toEqual({ direction: 'inbound', recordType: undefined, weak: false });
    expect(read('수신 문자')).toEqual({ direction: 'inbound', recordType: 'sms', weak: false });
    expect(read(undefined)).toBeUndefined();
    expect(read('')).toBeUndefined();
    expect(read('  ')).toBeUndefined();
    expect(read('xyz')).toBeUndefined();
  });

  it("reads the added languages' words, whole, by word and by word pair", () => {
    expect(read('تماس خروجی')).toEqual({ direction: 'outbound', recordType: 'voice', weak: false });
    expect(read('خروجی')).toEqual({ direction: 'outbound', recordType: undefined, weak: false });
    expect(read('پیامک')).toEqual({ direction: undefined, recordType: 'sms', weak: false });
    expect(read('پیامک خروجی')).toEqual({ direction: 'outbound', recordType: 'sms', weak: false });
    expect(read('foo پیامک bar خروجی')).toEqual({ direction: 'outbound', recordType: 'sms', weak: false });
    expect(read('ورودی پیام کوتاه')).toEqual({ direction: 'inbound', recordType: 'sms', weak: false });
    expect(read('Ելքային')).toEqual({ direction: 'outbound', recordType: undefined, weak: false });
    expect(read('ելքային, զանգ!')).toEqual({ direction: 'outbound', recordType: 'voice', weak: false });
  });

  it("fills the half Enrich's reading lacks from the added words or a compound", () => {
    expect(read('SMS خروجی')).toEqual({ direction: 'outbound', recordType: 'sms', weak: false });
    expect(read('Incoming پیامک')).toEqual({ direction: 'inbound', recordType: 'sms', weak: false });
    expect(read('SMS발신')).toEqual({ direction: 'outbound', recordType: 'sms', weak: false });
  });

  it('reads Korean, Japanese and Chinese compounds word by word, a kind with words left over only beside a direction', () => {
    expect(read('음성발신')).toEqual({ direction: 'outbound', recordType: 'voice', weak: false });
    expect(read('국제음성발신')).toEqual({ direction: 'outbound', recordType: 'voice', weak: false });
    expect(read('LTE데이터')).toEqual({ direction: undefined, recordType: 'data', weak: false });
    expect(read('语音呼出')).toEqual({ direction: 'outbound', recordType: 'voice', weak: false });
    expect(read('国内通話')).toBeUndefined();
    expect(read('本地通话')).toBeUndefined();
    expect(read('国内通話 呼出')).toEqual({ direction: 'outbound', recordType: undefined, weak: false });
  });

  it('lets a weak word say its half beside a strong word for the other, and not alone', () => {
    expect(read('Voz Saliente')).toEqual({ direction: 'outbound', recordType: 'voice', weak: false });
    expect(read('Dati uscente')).toEqual({ direction: 'outbound', recordType: 'data', weak: false });
    expect(read('voz')).toEqual({ direction: undefined, recordType: 'voice', weak: true });
    expect(read('voz xyz')).toEqual({ direction: undefined, recordType: 'voice', weak: true });
    expect(read('Saliente')).toEqual({ direction: 'outbound', recordType: undefined, weak: false });
  });

  it('gives the same reading when asked again', () => {
    expect(read('پیامک خروجی')).toEqual(read('پیامک خروجی'));
    expect(read('国内通話')).toBeUndefined();
    expect(read('xyz')).toBeUndefined();
  });
});
