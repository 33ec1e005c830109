import type { Account, Contact, HistoryEntry, Provenance, SourceRef, TechnologySighting } from './model.ts';

/*
 * How entities are written to storage: every provenance names one of the entity's sources,
 * so it is stored as `[sourceIndex, row]` (plus its time when that differs from the source's
 * first time, as for repeated API edits) instead of a repeated `{ jobId, row, at, via }`:
 * a contact's JSON shrinks to about a third. A provenance without a matching source (its
 * source dropped past the cap) is stored whole. Decoding gives back the same entity.
 */

type StoredProv = Provenance | [number, number | null] | [number, number | null, string];
type StoredSighting = TechnologySighting | [number, number | null, string, TechnologySighting['how']];

function encodeProv(p: Provenance, sources: readonly SourceRef[]): StoredProv {
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    if (s.jobId === p.jobId && s.via === p.via) return p.at === s.firstAt ? [i, p.row] : [i, p.row, p.at];
  }
  return p;
}

function decodeProv(p: StoredProv, sources: readonly SourceRef[]): Provenance {
  if (!Array.isArray(p)) return p;
  const source = sources[p[0]];
  if (!source) throw new Error(`stored provenance names source ${p[0]}, which the entity does not have`);
  return { jobId: source.jobId, row: p[1], at: p[2] ?? source.firstAt, via: source.via };
}

// A sighting keeps only its job id: any source of the same job id names it (a source without one is an edit's or a merge's).
function encodeSighting(f: TechnologySighting, sources: readonly SourceRef[]): StoredSighting {
  const i = sources.findIndex((s) => s.jobId === f.jobId);
  return i < 0 ? f : [i, f.row, f.field, f.how];
}

function decodeSighting(f: StoredSighting, sources: readonly SourceRef[]): TechnologySighting {
  if (!Array.isArray(f)) return f;
  return { jobId: sources[f[0]]?.jobId ?? null, row: f[1], field: f[2], how: f[3] };
}

const mapValues = <A, B>(o: Record<string, A>, fn: (a: A) => B): Record<string, B> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fn(v)]));

// Encoding runs over every entity of each shard a change writes (60,000 for a contact file
// into a 10,000-account store), so it copies each object once, with plain loops.
function encodeCommon<T extends Account | Contact>(e: T): Record<string, unknown> {
  const prov: Record<string, StoredProv> = {};
  for (const field in e.prov) prov[field] = encodeProv(e.prov[field]!, e.sources);
  // Stryker disable next-line ConditionalExpression: an empty history maps to an empty list; the test only spares the call
  const history = e.history.length === 0 ? [] : e.history.map((h) => ({ ...h, source: encodeProv(h.source, e.sources) }));
  return { ...e, prov, history };
}

function decodeCommon(stored: Record<string, unknown>): Record<string, unknown> {
  const sources = stored.sources as SourceRef[];
  return {
    ...stored,
    prov: mapValues(stored.prov as Record<string, StoredProv>, (p) => decodeProv(p, sources)),
    history: (stored.history as (Omit<HistoryEntry, 'source'> & { source: StoredProv })[]).map((h) => ({ ...h, source: decodeProv(h.source, sources) })),
  };
}

export function encodeAccount(a: Account): Record<string, unknown> {
  const stored = encodeCommon(a);
  stored.technologies = a.technologies.map((t) => ({ ...t, found: t.found.map((f) => encodeSighting(f, a.sources)) }));
  return stored;
}

export function decodeAccount(stored: Record<string, unknown>): Account {
  const base = decodeCommon(stored);
  const sources = stored.sources as SourceRef[];
  const technologies = (stored.technologies as { name: string; category: string | null; found: StoredSighting[] }[]).map((t) => ({ ...t, found: t.found.map((f) => decodeSighting(f, sources)) }));
  return { ...base, technologies } as unknown as Account;
}

export const encodeContact = (c: Contact): Record<string, unknown> => encodeCommon(c);
export const decodeContact = (stored: Record<string, unknown>): Contact => decodeCommon(stored) as unknown as Contact;
