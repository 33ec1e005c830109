const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Decodes the character references of XML text or attribute values (OOXML parts, and
 * mammoth's HTML, whose &nbsp; becomes a plain space). An unknown named reference, and a
 * numeric one past the last code point (U+10FFFF, which String.fromCodePoint refuses with
 * a RangeError), are kept as they are.
 */
export function decodeXmlEntities(s: string): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a fast path, the replace below gives text without `&` back unchanged
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named !== undefined) return NAMED[named.toLowerCase()] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
