import { isBlankCell } from '../../functions/core/enrich/result.ts';
import { fieldTerms, headerCandidates } from '../../functions/core/map/header-match.ts';
import { normalizeHeader } from '../../functions/core/map/normalize-header.ts';
import { valueFit } from '../../functions/core/map/suggest-mapping.ts';
import { kindShare } from '../../functions/core/map/value-kinds.ts';
import type { MappingResult } from '../../functions/core/pipeline-types.ts';
import { BUILTIN_SCHEMAS } from '../../functions/core/schemas/registry.ts';
import type { SchemaDefinition } from '../../functions/core/schemas/schema-types.ts';

/**
 * Signals a layout-level gate could hold a layout on, computed from what a suggestion knows
 * (its headers, samples and mapping), for the gate study of `--part-unknown-headers`. Each is
 * true when it would hold the layout.
 */
export type GateSignals = Record<string, boolean>;

/** value types whose values say what a column holds (a phone number, a date, money, a length, a link) */
const TELLING_TYPES = new Set(['phone', 'email', 'url', 'datetime', 'date', 'money', 'duration']);

/** every word (three letters or more) of every header term of the built-in schemas, normalised as headers are */
let lexiconWords: Set<string> | undefined;
function knownWords(): Set<string> {
  if (lexiconWords !== undefined) return lexiconWords;
  lexiconWords = new Set<string>();
  for (const s of BUILTIN_SCHEMAS.values()) for (const terms of fieldTerms(s)) for (const t of terms) for (const w of normalizeHeader(t).split(/\s+/)) if ([...w].length >= 3) lexiconWords.add(w);
  return lexiconWords;
}

export function gateSignals(headers: readonly string[], rows: readonly (readonly string[])[], schema: SchemaDefinition, m: MappingResult): GateSignals {
  const column = (c: number) => rows.map((r) => r[c] ?? '');
  const filled = (c: number) => column(c).filter((v) => !isBlankCell(v)).length;
  const nonEmpty = headers.map((_, c) => c).filter((c) => filled(c) > 0);
  const normalized = headers.map(normalizeHeader);
  const read = new Set<number>();
  for (const s of BUILTIN_SCHEMAS.values()) for (const h of headerCandidates(s, headers, normalized)) read.add(h.column);
  for (const f of m.fields) if (f.reason !== 'value_pattern') for (const c of f.sources) read.add(c);
  const unread = nonEmpty.filter((c) => !read.has(c));
  // a header with a word of any field's term in it (an "Account Owner", a "Created Date"): read at word level
  const words = knownWords();
  const unreadWords = unread.filter((c) => !(normalized[c] ?? '').split(/\s+/).some((w) => words.has(w)));
  const wordShare = nonEmpty.length === 0 ? 1 : (nonEmpty.length - unreadWords.length) / nonEmpty.length;
  const variedText = (c: number) => {
    const vs = column(c).filter((v) => !isBlankCell(v)).map((v) => v.trim());
    return vs.length >= 2 && new Set(vs).size > 1 && vs.filter((v) => /\p{L}{2}/u.test(v) && !/\d{3}/.test(v)).length * 2 > vs.length;
  };
  const share = nonEmpty.length === 0 ? 1 : (nonEmpty.length - unread.length) / nonEmpty.length;
  const used = new Set(m.fields.flatMap((f) => f.sources));
  const mappedNames = new Set(m.fields.map((f) => f.field));
  const open = schema.fields.filter((f) => !mappedNames.has(f.name) && f.microsField === undefined);
  const ctx = { defaultRegion: m.region?.region ?? 'US' };
  const unreadUnused = unread.filter((c) => !used.has(c) && filled(c) >= 2);
  const byKind = unreadUnused.some((c) => open.some((f) => f.kind !== undefined && kindShare(column(c), f.kind).share >= 0.5 && kindShare(column(c), f.kind).count >= 2));
  const byType = unreadUnused.some((c) => open.some((f) => f.kind === undefined && TELLING_TYPES.has(f.type) && valueFit(f, column(c), ctx) >= 0.8));
  const byNumber = unreadUnused.some((c) => open.some((f) => (f.type === 'integer' || f.type === 'number') && valueFit(f, column(c), ctx) >= 0.8));
  return {
    'read share < 0.5': share < 0.5,
    'read share < 0.6': share < 0.6,
    'read share < 0.7': share < 0.7,
    'read share < 0.8': share < 0.8,
    'read share < 0.9': share < 0.9,
    'any unread column': unread.length > 0,
    '2+ unread columns': unread.length >= 2,
    '(b) unread unused column of a name/company/place kind': byKind,
    '(b) ... of a telling type (phone, date, money, length, link)': byType,
    '(b) ... of a count or number': byNumber,
    '(b) any of the three': byKind || byType || byNumber,
    '(b) kind or telling type': byKind || byType,
    '(c) a field mapped from values only': m.fields.some((f) => f.reason === 'value_pattern'),
    'unread column and (b kind or type)': unread.length > 0 && (byKind || byType),
    '(d) word-level read share < 0.7': wordShare < 0.7,
    '(d) word-level read share < 0.8': wordShare < 0.8,
    '(d) word-level read share < 0.9': wordShare < 0.9,
    '(d) any column unread at word level': unreadWords.length > 0,
    '(d) 2+ columns unread at word level': unreadWords.length >= 2,
    '(d) unused column unread at word level, varied text': unreadWords.some((c) => !used.has(c) && variedText(c)),
    '(d) unused column unread (candidates), varied text': unread.some((c) => !used.has(c) && variedText(c)),
    '(d) unread unused column and at most half the fields mapped': unreadUnused.length > 0 && m.fields.length * 2 <= schema.fields.filter((f) => f.microsField === undefined).length,
    '(d) ... at most 40 % of the fields mapped': unreadUnused.length > 0 && m.fields.length * 2.5 <= schema.fields.filter((f) => f.microsField === undefined).length,
    '(d) ... at most half, and 2+ unread unused columns': unreadUnused.length >= 2 && m.fields.length * 2 <= schema.fields.filter((f) => f.microsField === undefined).length,
    '(d) ... at most half, and an unread unused column of varied text': unread.some((c) => !used.has(c) && variedText(c)) && m.fields.length * 2 <= schema.fields.filter((f) => f.microsField === undefined).length,
    '(d) unread unused columns outnumber the fields mapped': unread.filter((c) => !used.has(c)).length > m.fields.length,
  };
}
