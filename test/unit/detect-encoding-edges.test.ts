import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createDecoder, detectEncoding, encodingWarnings, normaliseEncodingName } from '../../functions/core/detect/encoding.ts';
import { WARNING_CODES } from '../../functions/core/jobs/warnings.ts';

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

describe('detectEncoding: byte order marks', () => {
  it.each([
    [[0xef, 0xbb, 0xbe]],
    [[0xef, 0xba, 0xbf]],
    [[0xee, 0xbb, 0xbf]],
    [[0xff, 0xff]],
    [[0xfe, 0xfe]],
    [[0xfd, 0xff]],
    [[0xff, 0xfd]],
  ])('takes no BOM from %j, which is one byte off', (bom) => {
    expect(detectEncoding(Buffer.from([...bom, ...ascii('Name,City\nAda,Austin\n')])).hasBom).toBe(false);
  });
});

describe('detectEncoding: UTF-16 without a BOM', () => {
  /** 20 code units of "a", with NULs at the given byte offsets. */
  const units = (nulAt: readonly number[]): Buffer => {
    const b = Buffer.alloc(40, 0x61);
    for (const i of nulAt) b[i] = 0;
    return b;
  };
  const odd = (n: number): number[] => Array.from({ length: n }, (_, i) => 2 * i + 1);
  const even = (n: number): number[] => Array.from({ length: n }, (_, i) => 2 * i);

  it('needs NULs in more than 30 % of the odd bytes (little-endian) or even bytes (big-endian)', () => {
    expect(detectEncoding(units(odd(7))).encoding).toBe('utf-16le');
    expect(detectEncoding(units(odd(6))).encoding).toBe('utf-8');
    expect(detectEncoding(units(even(7))).encoding).toBe('utf-16be');
    expect(detectEncoding(units(even(6))).encoding).toBe('utf-8');
  });

  it('counts the last code unit, and not the first byte of one cut by the end of the head', () => {
    expect(detectEncoding(units([39, 37, 35, 33, 31, 29, 27])).encoding).toBe('utf-16le');
    // "ABC" and the first byte of "Ā" (U+0100: 00 01)
    expect(detectEncoding(iconv.encode('ABCĀ', 'utf-16le').subarray(0, 7)).encoding).toBe('utf-16le');
  });

  it('needs NULs in under 5 % of the other bytes', () => {
    expect(detectEncoding(units([...odd(10), 10])).encoding).toBe('utf-8');
    expect(detectEncoding(units([...even(10), 11])).encoding).toBe('utf-8');
  });

  it('needs two code units', () => {
    expect(detectEncoding(Buffer.from([0x41, 0x00, 0x42, 0x00]))).toEqual({ encoding: 'utf-16le', hasBom: false, confidence: 0.9 });
    expect(detectEncoding(Buffer.from([0x00, 0x41, 0x00, 0x42]))).toEqual({ encoding: 'utf-16be', hasBom: false, confidence: 0.9 });
    expect(detectEncoding(Buffer.from([0x41, 0x00, 0x42])).encoding).toBe('utf-8');
  });
});

describe('detectEncoding: UTF-8 validity', () => {
  const around = (bytes: readonly number[]): Buffer => Buffer.from([...ascii('Name,City\nAda,'), ...bytes, ...ascii(',x\n')]);

  it.each([
    [[0xc2, 0x80]],
    [[0xdf, 0xbf]],
    [[0xe0, 0xa0, 0x80]],
    [[0xe1, 0x80, 0x80]],
    [[0xef, 0xbf, 0xbd]],
    [[0xed, 0x9f, 0xbf]],
    [[0xf0, 0x90, 0x80, 0x80]],
    [[0xf1, 0x80, 0x80, 0x80]],
    [[0xf4, 0x8f, 0xbf, 0xbf]],
  ])('reads %j as a UTF-8 character', (bytes) => {
    expect(detectEncoding(around(bytes))).toEqual({ encoding: 'utf-8', hasBom: false, confidence: 1 });
  });

  it.each([
    [[0x80]],
    [[0xc0, 0x80]],
    [[0xc1, 0xbf]],
    [[0xc2, 0x7f]],
    [[0xc2, 0xc0]],
    [[0xe0, 0x9f, 0x80]],
    [[0xed, 0xa0, 0x80]],
    [[0xe1, 0x80, 0x7f]],
    [[0xe1, 0x80, 0xc0]],
    [[0xf0, 0x8f, 0x80, 0x80]],
    [[0xf4, 0x90, 0x80, 0x80]],
    [[0xf5, 0x80, 0x80, 0x80]],
    [[0xf1, 0x80, 0x80, 0xc0]],
    [[0xff]],
    [[0x80, 0x80, 0x80]],
    [[0xc1, 0x80, 0x80, 0x80]],
  ])('takes %j for no UTF-8 and guesses', (bytes) => {
    expect(detectEncoding(around(bytes))).toMatchObject({ hasBom: false, guessed: true });
  });

  it('does not take a four-byte character cut after one, two or three bytes for invalid', () => {
    const head = ascii('Name,City\nAda,Austin\n');
    for (const cut of [1, 2, 3]) {
      expect(detectEncoding(Buffer.from([...head, 0xc3, 0xa9, ...[0xf0, 0x9f, 0x93, 0x9e].slice(0, cut)]))).toEqual({ encoding: 'utf-8', hasBom: false, confidence: 1 });
    }
  });

  it('takes a character cut by the end of the head for no character: ASCII before it is still only likely UTF-8', () => {
    for (const cut of [[0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x93]]) {
      expect(detectEncoding(Buffer.from([...ascii('Name,City\nAda,'), ...cut]))).toEqual({ encoding: 'utf-8', hasBom: false, confidence: 0.8 });
    }
  });

  it('keeps UTF-8 for one bad byte in ten characters, not in nine', () => {
    const text = (n: number): Buffer => Buffer.concat([Buffer.from(`Name\n${'Zoë\n'.repeat(n)}`), Buffer.from([0xe9, 0x2c, 0x0a])]);
    expect(detectEncoding(text(10))).toEqual({ encoding: 'utf-8', hasBom: false, confidence: 0.6 });
    expect(detectEncoding(text(9))).toMatchObject({ guessed: true });
    expect(detectEncoding(text(9)).encoding).not.toBe('utf-8');
  });
});

describe('detectEncoding: a guessed legacy encoding', () => {
  it('names what chardet finds, with its confidence', () => {
    const russian = 'Иванов Пётр Сергеевич, Москва, улица Ленина, дом 5, звонок входящий\n'.repeat(3);
    expect(detectEncoding(iconv.encode(russian, 'windows-1251'))).toEqual({ encoding: 'windows-1251', hasBom: false, confidence: 0.33, guessed: true });
    const japanese = '東京都千代田区丸の内、通話記録、着信、発信\n'.repeat(3);
    expect(detectEncoding(iconv.encode(japanese, 'shift_jis'))).toEqual({ encoding: 'shift-jis', hasBom: false, confidence: 0.93, guessed: true });
  });

  it('keeps a weak guess of a Cyrillic or Greek code page, whose text windows-1252 would garble', () => {
    // chardet is not sure of these (37 and 39 of 100): they were read as windows-1252, every letter wrong
    const calls = ['Дата,Время,Номер,Направление', '01.02.2024,08:14,+7 495 123-45-67,Исходящий', '01.02.2024,09:02,+7 812 765-43-21,Входящий'].join('\n') + '\n';
    expect(detectEncoding(iconv.encode(calls.repeat(20), 'windows-1251'))).toEqual({ encoding: 'windows-1251', hasBom: false, confidence: 0.37, guessed: true });
    const greek = 'Ημερομηνία,Ώρα,Αριθμός,Κατεύθυνση\n01/02/2024,08:14,2101234567,Εξερχόμενη\n';
    expect(detectEncoding(iconv.encode(greek, 'iso-8859-7'))).toEqual({ encoding: 'iso-8859-7', hasBom: false, confidence: 0.39, guessed: true });
  });

  it('takes a weak guess of another Latin code page for windows-1252', () => {
    const polish = 'Data,Godzina,Numer,Kierunek\n01.02.2024,08:14,Łódź Wrocław Gdańsk źdźbło,Przychodzące\n';
    expect(detectEncoding(iconv.encode(polish, 'windows-1250'))).toEqual({ encoding: 'windows-1252', hasBom: false, confidence: 0.35, guessed: true });
    const turkish = 'Tarih,Saat,Numara,Yön\n01.02.2024,08:14,Gelen arama, İstanbul Şişli Çağlayan Güneşli\n';
    expect(detectEncoding(iconv.encode(turkish, 'iso-8859-9'))).toEqual({ encoding: 'windows-1252', hasBom: false, confidence: 0.4, guessed: true });
  });

  it('keeps a strong guess of another Latin code page', () => {
    const turkish = 'Ağaç üzerinde çiçekler, güzel bir gün. Şehir, İzmir, Muğla, Çanakkale, Eskişehir.\n';
    expect(detectEncoding(iconv.encode(turkish, 'windows-1254'))).toEqual({ encoding: 'iso-8859-9', hasBom: false, confidence: 0.51, guessed: true });
    const vietnamese = 'Tiếng Việt có dấu, Hà Nội, Thành phố Hồ Chí Minh, Đà Nẵng, Hải Phòng, Cần Thơ\n';
    expect(detectEncoding(iconv.encode(vietnamese, 'windows-1258'))).toEqual({ encoding: 'windows-1258', hasBom: false, confidence: 0.91, guessed: true });
    const lithuanian = 'Data,Laikas,Numeris\nVilnius, Kaunas, Šiauliai, Panevėžys, Klaipėda, Alytus, Marijampolė, Mažeikiai, Jonava, Utena, Kėdainiai, Telšiai\n';
    expect(detectEncoding(iconv.encode(lithuanian, 'windows-1257'))).toMatchObject({ encoding: 'windows-1252', guessed: true });
  });

  it('passes over an ASCII guess: the bytes are not ASCII, so windows-1252 is the bet', () => {
    // chardet finds nothing but ASCII in a short Latin-1 word
    expect(detectEncoding(iconv.encode('Café\n', 'windows-1252'))).toEqual({ encoding: 'windows-1252', hasBom: false, confidence: 0.3, guessed: true });
  });

  it('reports ISO-8859-1 as windows-1252', () => {
    expect(detectEncoding(iconv.encode('Café Müller, Düsseldorf\n', 'latin1'))).toEqual({ encoding: 'windows-1252', hasBom: false, confidence: 0.5, guessed: true });
  });
});

describe('encodingWarnings', () => {
  it('warns of a guessed encoding, naming it', () => {
    expect(encodingWarnings({ encoding: 'windows-1251', hasBom: false, confidence: 0.33, guessed: true })).toEqual([
      {
        code: WARNING_CODES.encodingGuessed,
        message:
          'The file is not UTF-8 and has no byte order mark, so it was read as windows-1251, the encoding its bytes suggest: check its accented letters and symbols (saving it as UTF-8 makes this certain)',
        count: 1,
      },
    ]);
  });

  it('says nothing of a BOM, UTF-8 or UTF-16', () => {
    expect(encodingWarnings({ encoding: 'utf-8', hasBom: false, confidence: 0.8 })).toEqual([]);
    expect(encodingWarnings({ encoding: 'utf-16le', hasBom: true, confidence: 1, guessed: false })).toEqual([]);
  });
});

describe('normaliseEncodingName', () => {
  it.each([
    ['UTF8', 'utf-8'],
    ['utf_8', 'utf-8'],
    ['UTF-8', 'utf-8'],
    ['utf16le', 'utf-16le'],
    ['UTF-16LE', 'utf-16le'],
    ['ucs2', 'utf-16le'],
    ['UCS-2', 'utf-16le'],
    ['utf16be', 'utf-16be'],
    ['UTF_16BE', 'utf-16be'],
    ['latin1', 'windows-1252'],
    ['ISO_8859_1', 'windows-1252'],
    ['CP1252', 'windows-1252'],
    ['Windows-1252', 'windows-1252'],
    ['Shift_JIS', 'shift-jis'],
  ])('reads %j as %j', (name, expected) => {
    expect(normaliseEncodingName(name)).toBe(expected);
  });
});

describe('createDecoder', () => {
  /** The bytes as a plain Uint8Array over a larger buffer, as a stream may hand them. */
  const view = (bytes: Buffer): Uint8Array => {
    const backing = new Uint8Array(bytes.length + 3);
    backing.set(bytes, 3);
    return backing.subarray(3);
  };

  it('decodes plain Uint8Arrays at an offset in their buffer', () => {
    const text = 'Name,City\nZoë,Zürich\n';
    for (const encoding of ['utf-8', 'utf-16le', 'cp437']) {
      const decoder = createDecoder(encoding);
      expect(decoder.write(view(iconv.encode(text, encoding))) + decoder.end()).toBe(text);
    }
  });

  it('decodes windows-1252 as the WHATWG standard does: its five unassigned bytes are C1 controls, not U+FFFD', () => {
    const decoder = createDecoder('windows-1252');
    expect(decoder.write(Buffer.from([0x80, 0x81, 0x8d, 0x8f, 0x90, 0x9d])) + decoder.end()).toBe('€\u0081\u008d\u008f\u0090\u009d');
  });

  it('strips a BOM only at the start', () => {
    for (const encoding of ['utf-8', 'utf-16le']) {
      const decoder = createDecoder(encoding);
      const bytes = iconv.encode('a\uFEFFb', encoding, { addBOM: true });
      expect(decoder.write(bytes) + decoder.write(iconv.encode('\uFEFFc', encoding)) + decoder.end()).toBe('a\uFEFFb\uFEFFc');
    }
  });

  it('flushes a dangling half character as U+FFFD', () => {
    const be = createDecoder('utf-16be');
    expect(be.write(Buffer.from([0x00, 0x41, 0x00])) + be.end()).toBe('A\uFFFD');
  });

  it('names the unknown encoding', () => {
    expect(() => createDecoder('klingon-8')).toThrow('Unknown text encoding "klingon-8"');
  });
});
