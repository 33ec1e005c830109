import { createHash } from 'node:crypto';
import { compactHeader, normalizeHeader } from '../map/normalize-header.ts';

/**
 * A file's layout, as far as a mapping depends on it: the columns (normalised, in order)
 * and the shape of the container. Two files with the same layout can share a mapping by
 * column index; that is what "the next file of the same layout" means.
 */
export interface LayoutInput {
  headers: readonly string[];
  /** csv, xlsx, ... (a CSV and an XLSX export of the same table are different layouts) */
  format?: string;
  delimiter?: string;
  /** XLSX sheet name: kept for people, not hashed (monthly exports rename their sheets) */
  sheet?: string;
  /** kinds of a multi-section export's sections, in file order ("voice", "data") */
  sections?: readonly string[];
}

export interface LayoutFingerprint {
  /** 32 hex chars of SHA-256 over the version, format, delimiter, section kinds and normalised headers */
  hash: string;
  /** normalised headers, in file order ("" for a blank header) */
  headers: string[];
  columnCount: number;
  format?: string;
  delimiter?: string;
  sheet?: string;
  sections?: string[];
}

const FINGERPRINT_VERSION = 'layout-v1';

/**
 * The layout fingerprint of a file. Header text is normalised first (case, accents,
 * punctuation, spacing: "E-Mail Address" = "Email address"), so a re-export that only
 * changes those still matches; a column added, removed, renamed or moved does not.
 * Deterministic and independent of the data rows.
 */
export function layoutFingerprint(input: LayoutInput): LayoutFingerprint {
  const headers = input.headers.map((h) => normalizeHeader(h));
  const sections = input.sections?.map((s) => s.trim().toLowerCase());
  // hashed without spaces: "E-Mail" and "Email", "Phone Number" and "PhoneNumber" are one column
  const material = JSON.stringify([FINGERPRINT_VERSION, input.format ?? '', input.delimiter ?? '', sections ?? [], headers.map(compactHeader)]);
  const hash = createHash('sha256').update(material).digest('hex').slice(0, 32);
  return {
    hash,
    headers,
    columnCount: headers.length,
    ...(input.format !== undefined ? { format: input.format } : {}),
    ...(input.delimiter !== undefined ? { delimiter: input.delimiter } : {}),
    ...(input.sheet !== undefined ? { sheet: input.sheet } : {}),
    ...(sections !== undefined && sections.length > 0 ? { sections } : {}),
  };
}

/**
 * How alike two layouts' columns are, 0..1: the Dice coefficient of their normalised,
 * non-blank header multisets. 1 for the same columns in any order; an export with one
 * extra column out of ten scores ~0.95.
 */
export function layoutSimilarity(a: readonly string[], b: readonly string[]): number {
  const count = (hs: readonly string[]) => {
    const m = new Map<string, number>();
    for (const h of hs) if (h.length > 0) m.set(h, (m.get(h) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  let na = 0;
  let nb = 0;
  let common = 0;
  for (const v of ca.values()) na += v;
  for (const v of cb.values()) nb += v;
  for (const [h, v] of ca) common += Math.min(v, cb.get(h) ?? 0);
  return na + nb === 0 ? 0 : (2 * common) / (na + nb);
}
