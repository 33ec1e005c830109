import { describe, expect, it } from 'vitest';
import { decodeXmlEntities } from '../../functions/core/parse/xml-entities.ts';

describe('decodeXmlEntities', () => {
  it('decodes the five XML names and nbsp, in any case', () => {
    expect(decodeXmlEntities('AT&amp;T &lt;b&gt; &quot;x&quot; &apos;y&apos;&nbsp;z')).toBe('AT&T <b> "x" \'y\' z');
    expect(decodeXmlEntities('&AMP;&Lt;&GT;&Quot;&APOS;&NBSP;')).toBe('&<>"\' ');
    expect(decodeXmlEntities('x&lt;')).toBe('x<');
  });

  it('decodes decimal and hexadecimal references, either case, outside the basic plane too', () => {
    expect(decodeXmlEntities('&#65;&#x42;&#X43;&#x4a;&#x4B;&#128512;&#x1F600;&#0032;')).toBe('ABCJK\u{1F600}\u{1F600} ');
  });

  it('keeps what is no reference as written: unknown names, no semicolon, no digits, past the last code point', () => {
    for (const text of ['&copy;', '&amp', '& amp;', '&#;', '&#x;', '&#xZZ;', '&#12a;', 'a & b', '&#1114112;', '&#x110000;', '&#x11111111111;']) {
      expect(decodeXmlEntities(text)).toBe(text);
    }
    expect(decodeXmlEntities('&#x10FFFF;&#1114111;')).toBe('\u{10FFFF}\u{10FFFF}');
    expect(decodeXmlEntities('&copy;&amp;&#65')).toBe('&copy;&&#65');
  });

  it('gives text without an ampersand back as it is', () => {
    const text = 'plain text; #65 x41';
    expect(decodeXmlEntities(text)).toBe(text);
  });
});
