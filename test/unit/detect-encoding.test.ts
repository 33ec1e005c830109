import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createDecoder, detectEncoding } from '../../functions/core/detect/encoding.ts';
import { EncodingError } from '../../functions/core/errors.ts';

const CALLS = 'Date,Time,Number,Origination,Minutes\n01/02/2024,08:14 AM,972-555-0143,"Zürich, CH",3\n01/03/2024,12:47 PM,469-555-0199,"Montréal, QC",1\n';

describe('detectEncoding', () => {
  it('trusts a UTF-8 BOM', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CALLS)]))).toEqual({
      encoding: 'utf-8',
      hasBom: true,
      confidence: 1,
    });
  });

  it('trusts UTF-16 BOMs', () => {
    expect(detectEncoding(iconv.encode(CALLS, 'utf-16le', { addBOM: true }))).toMatchObject({ encoding: 'utf-16le', hasBom: true });
    expect(detectEncoding(iconv.encode(CALLS, 'utf-16be', { addBOM: true }))).toMatchObject({ encoding: 'utf-16be', hasBom: true });
  });

  it('finds UTF-16 without BOM by its NUL pattern', () => {
    expect(detectEncoding(iconv.encode(CALLS, 'utf-16le'))).toMatchObject({ encoding: 'utf-16le', hasBom: false });
    expect(detectEncoding(iconv.encode(CALLS, 'utf-16be'))).toMatchObject({ encoding: 'utf-16be', hasBom: false });
  });

  it('calls valid multi-byte UTF-8 utf-8 with full confidence, pure ASCII with less', () => {
    expect(detectEncoding(Buffer.from(CALLS))).toEqual({ encoding: 'utf-8', hasBom: false, confidence: 1 });
    expect(detectEncoding(Buffer.from('Date,Number\n01/02/2024,972-555-0143\n')).confidence).toBeLessThan(1);
  });

  it('does not mistake a character cut by the end of the head for invalid UTF-8', () => {
    const bytes = Buffer.from(`${CALLS}01/04/2024,10:05 AM,214-555-0177,"Zü`);
    const cut = bytes.subarray(0, bytes.length - 1); // half of the "ü"
    expect(detectEncoding(cut)).toMatchObject({ encoding: 'utf-8', confidence: 1 });
    const euro = Buffer.from('Amount\n5 €'); // 3-byte sequence cut after its first byte
    expect(detectEncoding(euro.subarray(0, euro.length - 2)).encoding).toBe('utf-8');
  });

  it('falls back to windows-1252 for Latin text written by Windows software', () => {
    const text = `${CALLS}01/04/2024,10:05 AM,214-555-0177,"Düsseldorf, DE",2\n01/05/2024,03:22 PM,011-44-20-7946,"Besançon, FR",9\n`;
    const detected = detectEncoding(iconv.encode(text, 'windows-1252'));
    expect(detected.encoding).toBe('windows-1252');
    expect(detected.hasBom).toBe(false);
  });

  it('keeps utf-8 for mostly valid UTF-8 with a stray bad byte', () => {
    const bytes = Buffer.concat([Buffer.from(CALLS.repeat(10)), Buffer.from([0xe9]), Buffer.from(',x\n')]);
    expect(detectEncoding(bytes)).toMatchObject({ encoding: 'utf-8', confidence: 0.6 });
  });
});

describe('createDecoder', () => {
  const decodeInPieces = (encoding: string, bytes: Buffer, size: number): string => {
    const decoder = createDecoder(encoding);
    let out = '';
    for (let i = 0; i < bytes.length; i += size) out += decoder.write(bytes.subarray(i, i + size));
    return out + decoder.end();
  };

  it('strips the BOM and keeps characters split across chunks whole', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CALLS)]);
    expect(decodeInPieces('utf-8', utf8, 1)).toBe(CALLS);
    expect(decodeInPieces('utf-16le', iconv.encode(CALLS, 'utf-16le', { addBOM: true }), 3)).toBe(CALLS);
    expect(decodeInPieces('utf-16be', iconv.encode(CALLS, 'utf-16be', { addBOM: true }), 5)).toBe(CALLS);
  });

  it('decodes windows-1252, including the 0x80-0x9F range ISO-8859-1 lacks', () => {
    const text = 'Name;Betrag\n“Café Müller”;12,50 €\n';
    expect(decodeInPieces('windows-1252', iconv.encode(text, 'windows-1252'), 4)).toBe(text);
    expect(decodeInPieces('ISO-8859-1', iconv.encode(text, 'windows-1252'), 4)).toBe(text);
  });

  it('decodes encodings only iconv-lite knows', () => {
    expect(decodeInPieces('cp437', Buffer.from([0x81, 0x0a]), 1)).toBe('ü\n');
  });

  it('turns invalid UTF-8 into U+FFFD instead of failing', () => {
    const bytes = Buffer.from([0x61, 0x2c, 0xff, 0xfe, 0x62, 0x0a, 0xc3]);
    expect(decodeInPieces('utf-8', bytes, 2)).toBe('a,\uFFFD\uFFFDb\n\uFFFD');
  });

  it('throws EncodingError for an unknown encoding', () => {
    expect(() => createDecoder('klingon-8')).toThrow(EncodingError);
  });
});
