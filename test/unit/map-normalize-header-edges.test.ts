import { describe, expect, it } from 'vitest';
import {
  compactHeader,
  editDistance,
  foldText,
  headerSimilarity,
  normalizeHeader,
  prepareHeader,
  preparedSimilarity,
} from '../../functions/core/map/normalize-header.ts';

describe('foldText: text folded for comparison in any script', () => {
  it.each([
    ['ABC', 'abc'],
    ['Příjmení', 'prijmeni'],
    ['Ülke', 'ulke'],
    ['Første', 'forste'],
    ['Straße', 'strasse'],
    ['ＡＢＣ', 'abc'],
    ['ﬁ', 'fi'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['λόγος', 'λογοσ'],
  ])('%s folds to %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('transliterates each Latin letter without a decomposition', () => {
    const letters = 'ø æ œ ß ł đ ð þ ı ħ ŧ ŋ ɓ ɗ ƙ ƴ Ø Æ Œ Ł Đ Þ Ŋ';
    expect(foldText(letters)).toBe('o ae oe ss l d d th i h t n b d k y o ae oe l d th n');
  });

  it('folds Arabic-script variant letters, vowel points, tatweel and digits', () => {
    expect(foldText('الأسم')).toBe(foldText('الاسم'));
    expect(foldText('إسم آخر')).toBe('اسم اخر');
    expect(foldText('ی ى ے ې ۍ')).toBe('ي ي ي ي ي');
    expect(foldText('ک ہ ھ ۃ ۀ ة')).toBe('ك ه ه ه ه ه');
    expect(foldText('مُحَمَّد')).toBe('محمد');
    // Persian heh with yeh above (the ezafe of "شمارۀ تلفن") is heh, not the Kurdish ae its decomposition starts with
    expect(normalizeHeader('شمارۀ تلفن')).toBe(normalizeHeader('شماره تلفن'));
    expect(foldText('ۂ')).toBe('ه');
    expect(foldText('ـبـ')).toBe('ب');
    expect(foldText('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
  });

  it('drops Hebrew points and the Devanagari and Gurmukhi nukta', () => {
    expect(foldText('שָׁלוֹם')).toBe('שלום');
    expect(foldText('फ़ोन')).toBe('फोन');
    expect(foldText('ਫ਼ੋਨ')).toBe('ਫੋਨ');
  });

  it('writes Malayalam chillu letters as the consonant and virama', () => {
    expect([...foldText('ൺ ൻ ർ ൽ ൾ')].map((c) => c.codePointAt(0)!.toString(16)).join(' ')).toBe(
      'd23 d4d 20 d28 d4d 20 d30 d4d 20 d32 d4d 20 d33 d4d',
    );
  });

  it('folds the Ethiopic letters Amharic spells either way, keeping the vowel order', () => {
    expect(foldText('ሠ ሡ ሦ')).toBe('ሰ ሱ ሶ');
    expect(foldText('ኀ ኁ ሐ ሑ')).toBe('ሀ ሁ ሀ ሁ');
    expect(foldText('ዐ ዑ ፀ ፁ')).toBe('አ ኡ ጸ ጹ');
    expect(foldText('ሰ ካ ሀ አ ጸ ሇ')).toBe('ሰ ካ ሀ አ ጸ ሇ');
  });

  it('reads a zero-width non-joiner as a space and drops a zero-width joiner', () => {
    expect(foldText('نام\u200cخانوادگی')).toBe('نام خانوادگي');
    expect(foldText('විද්\u200dයුත්')).toBe('විද්යුත්');
  });

  it('keeps Hangul syllables and kana voicing marks composed', () => {
    expect(foldText('전화번호')).toBe('전화번호');
    expect(foldText('ガギ')).toBe('ガギ');
    expect(foldText('ｶﾞ')).toBe('ガ');
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['E-mail Address', 'e mail address'],
    ["Add'l Charges", 'addl charges'],
    ['startedAt', 'started at'],
    ['callID2X', 'call id2 x'],
    ['Téléphone', 'telephone'],
    ['Phone #', 'phone number'],
    ['R&D', 'r and d'],
    ['Number of Employees', 'number employees'],
    ['\uFEFFName', 'name'],
    ["Type d'appel", 'type appel'],
    ['Secteur d’activité', 'secteur activite'],
    ["L'adresse", 'adresse'],
    ['Qoʻngʻiroq', 'qongiroq'],
    ['Oʼzbek', 'ozbek'],
    ['a`b ‘c’', 'ab c'],
    ['The Date of Call', 'date call'],
    ['  ', ''],
    ['__Name__', 'name'],
    ['Télé—phone', 'tele phone'],
  ])('%j -> %j', (header, normalized) => {
    expect(normalizeHeader(header)).toBe(normalized);
  });

  it('drops every stopword beside a word that is none', () => {
    expect(normalizeHeader('Name of the a an in de del la le les du des di da der die das')).toBe('name');
    expect(normalizeHeader('Anzahl der Mitarbeiter')).toBe('anzahl mitarbeiter');
    expect(normalizeHeader('Número de empleados')).toBe('numero empleados');
  });

  it('keeps a header of stopwords alone: it is a word of another language', () => {
    expect(normalizeHeader('Lè')).toBe('le');
    expect(normalizeHeader('De / La')).toBe('de la');
  });

  it('keeps combining marks of scripts that write with them', () => {
    expect(normalizeHeader('फ़ोन नंबर')).toBe('फोन नंबर');
  });
});

describe('compactHeader and editDistance', () => {
  it('removes the spaces', () => {
    expect(compactHeader('e mail address')).toBe('emailaddress');
  });

  it('counts changes, additions and removals', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same', 0)).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(2);
  });

  it('stops at one past the limit', () => {
    expect(editDistance('a', 'abcd', 2)).toBe(3);
    expect(editDistance('a', 'abc', 2)).toBe(2);
    expect(editDistance('abc', 'abd', 1)).toBe(1);
    expect(editDistance('abcd', 'wxyz', 1)).toBe(2);
    expect(editDistance('abcd', 'wxyz', 3)).toBe(4);
    expect(editDistance('abcd', 'wxyz', 4)).toBe(4);
  });
});

describe('headerSimilarity', () => {
  it('is 1 for the same header, the Dice overlap of the words otherwise', () => {
    expect(headerSimilarity('name', 'name')).toBe(1);
    expect(headerSimilarity('a b', 'b a')).toBe(1);
    expect(headerSimilarity('x y z w', 'z')).toBeCloseTo(0.4);
    expect(headerSimilarity('abc', 'abd')).toBe(0);
  });

  it('rates a term contained whole by its share of the header and its words', () => {
    expect(headerSimilarity('call start time utc', 'call start time')).toBeCloseTo(0.94);
    expect(headerSimilarity('company name latin alphabet', 'company name')).toBeCloseTo(0.87);
    expect(headerSimilarity('company name code', 'company name')).toBeCloseTo(0.75 + 0.2 * (2 / 3) + 0.02);
    expect(headerSimilarity('guo name', 'name')).toBeCloseTo(0.85);
    expect(headerSimilarity('a b name', 'name')).toBeCloseTo(0.75 + 0.2 / 3);
  });

  it('needs a one-word term of four letters in a header of three words at most', () => {
    expect(headerSimilarity('xy abc', 'abc')).toBeCloseTo(2 / 3);
    expect(headerSimilarity('xy abcd', 'abcd')).toBeCloseTo(0.85);
    expect(headerSimilarity('a b c name', 'name')).toBeCloseTo(0.4);
    expect(headerSimilarity('a b c d', 'b c')).toBeCloseTo(0.75 + 0.1 + 0.02);
  });

  it('counts the edit distance of the compact forms from minEditLength letters, within 30 %', () => {
    expect(headerSimilarity('email', 'e mail')).toBe(1);
    expect(headerSimilarity('email', 'e mail', 5)).toBe(1);
    expect(headerSimilarity('email', 'e mail', 6)).toBe(0);
    expect(headerSimilarity('phone', 'phones')).toBeCloseTo(5 / 6);
    expect(headerSimilarity('phone', 'phonesx')).toBeCloseTo(5 / 7);
    expect(headerSimilarity('abcdefghij', 'abcdefgxyz')).toBeCloseTo(0.7);
    expect(headerSimilarity('abcdefghij', 'abcdefwxyz')).toBe(0);
    expect(headerSimilarity('abcdefghij', 'abcdefg')).toBeCloseTo(0.7);
    expect(headerSimilarity('abcdefghij', 'abcdef')).toBe(0);
    expect(headerSimilarity('abc', 'abd', 3)).toBe(0);
    expect(headerSimilarity('abcd', 'abce')).toBeCloseTo(0.75);
  });

  it('gives the same with headers prepared once', () => {
    const h = prepareHeader('call start time utc');
    expect(h).toEqual({ text: 'call start time utc', words: ['call', 'start', 'time', 'utc'], compact: 'callstarttimeutc' });
    expect(preparedSimilarity(h, prepareHeader('call start time'))).toBeCloseTo(0.94);
    expect(preparedSimilarity(prepareHeader('email'), prepareHeader('e mail'), 6)).toBe(0);
  });
});
