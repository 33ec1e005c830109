// Just enough XML for the S3 calls s3rver lacks: we write fixed-shape responses and read one
// fixed-shape request (CompleteMultipartUpload), so a general parser would be more surface than
// use.

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** A tree of elements to render: nested objects, arrays for repeated elements, leaf values as text. */
export type XmlNode = string | number | boolean | XmlElement | XmlNode[];
export interface XmlElement {
  [tag: string]: XmlNode | undefined;
}

function renderChildren(element: XmlElement): string {
  let out = '';
  for (const [tag, value] of Object.entries(element)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      const inner = typeof item === 'object' ? renderChildren(item as XmlElement) : escapeXml(String(item));
      out += `<${tag}>${inner}</${tag}>`;
    }
  }
  return out;
}

/** Renders `<?xml ...?><root xmlns="S3">...</root>`; `undefined` children are left out. */
export function renderS3Xml(root: string, children: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_XMLNS}">${renderChildren(children)}</${root}>`;
}

export interface RequestedPart {
  partNumber: string;
  etag: string;
}

/**
 * Reads the Part list of a CompleteMultipartUpload body. Returns `undefined` when the document is
 * not a CompleteMultipartUpload with at least one Part carrying PartNumber and ETag (S3 answers
 * MalformedXML then). Checksum elements inside Part are ignored, as s3rver keeps no checksums.
 */
export function parseCompleteMultipartUpload(xml: string): RequestedPart[] | undefined {
  const root = /<CompleteMultipartUpload(?:\s[^>]*)?>([\s\S]*)<\/CompleteMultipartUpload>/.exec(xml);
  if (!root?.[1]) return undefined;
  const parts: RequestedPart[] = [];
  for (const match of root[1].matchAll(/<Part>([\s\S]*?)<\/Part>/g)) {
    const body = match[1] ?? '';
    const partNumber = /<PartNumber>([^<]*)<\/PartNumber>/.exec(body)?.[1];
    const etag = /<ETag>([^<]*)<\/ETag>/.exec(body)?.[1];
    if (partNumber === undefined || etag === undefined) return undefined;
    parts.push({ partNumber: unescapeXml(partNumber).trim(), etag: unescapeXml(etag).trim() });
  }
  return parts.length > 0 ? parts : undefined;
}
