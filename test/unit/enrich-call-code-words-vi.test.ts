import { describe, expect, it } from 'vitest';
import { CALL_CODE_WORDS } from '../../functions/core/enrich/call-code-words.ts';
import { readCallCodeAnyLanguage } from '../../functions/core/map/call-code-reading.ts';

describe('Vietnamese call codes', () => {
  it('reads a call in and out as contact centres print them ("Gọi vào", "Gọi ra"), and as carriers do', () => {
    expect(readCallCodeAnyLanguage('Gọi vào')?.direction).toBe('inbound');
    expect(readCallCodeAnyLanguage('Cuộc gọi vào')?.direction).toBe('inbound');
    expect(readCallCodeAnyLanguage('Gọi ra')?.direction).toBe('outbound');
    expect(readCallCodeAnyLanguage('Cuộc gọi đến')?.direction).toBe('inbound');
    expect(readCallCodeAnyLanguage('Gọi đi')?.direction).toBe('outbound');
  });

  it('reads a voice call, a text message and mobile data', () => {
    expect(readCallCodeAnyLanguage('Thoại')?.recordType).toBe('voice');
    expect(readCallCodeAnyLanguage('Tin nhắn')?.recordType).toBe('sms');
    expect(readCallCodeAnyLanguage('Dữ liệu di động')?.recordType).toBe('data');
  });

  it('holds the five kinds of words', () => {
    expect(Object.keys(CALL_CODE_WORDS.vi).sort()).toEqual(['data', 'inbound', 'outbound', 'sms', 'voice']);
  });
});
