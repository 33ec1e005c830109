import { isBlankCell } from '../enrich/result.ts';
import { NON_FIELD_LEXICON } from '../schemas/lexicon/non-field-terms.ts';
import { BUILTIN_SCHEMAS } from '../schemas/registry.ts';
import type { SchemaDefinition } from '../schemas/schema-types.ts';
import { fieldTerms, headerCandidates, timeTerms } from './header-match.ts';
import { normalizeHeader } from './normalize-header.ts';

/**
 * Columns whose header the mapper cannot read at all: no field of any schema it knows is a
 * candidate for it, and none of its words is a word of a field's terms or of the headers that
 * name no field (ids, statuses, notes, owners, addresses, register numbers...,
 * lexicon/non-field-terms.ts). Such a column, filled and left unused, may hold a field in a
 * language nobody wrote words for, so the mapping is held for a person: on files read in part,
 * nearly every layout accepted with a field left out had one.
 */

/** scripts written without spaces between words: a term is found inside a header, not as one of its words */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** the shortest tail of a compound that names what it is ("Mitglieds|nummer", "Kunden|status") */
const MIN_COMPOUND_TAIL = 4;

interface KnownWords {
  /** whole words, from terms written with spaces */
  words: Set<string>;
  /** words long enough to end a compound */
  tails: Set<string>;
  /** terms in scripts written without spaces, found inside a header */
  unspaced: string[];
}

function collect(terms: readonly string[]): KnownWords {
  const known: KnownWords = { words: new Set(), tails: new Set(), unspaced: [] };
  for (const term of terms) {
    const t = normalizeHeader(term);
    // Stryker disable next-line ConditionalExpression: an empty term gives one empty word, which the length check below skips
    if (t.length === 0) continue;
    if (UNSPACED.test(t) && [...t].length >= 2) known.unspaced.push(t.replace(/ /g, ''));
    const words = t.split(' ');
    for (const w of words) {
      // a one-letter word ("n", "e") would read nearly every header; the short words of a
      // longer term ("do", "na", "at") are function words of some language, not names
      if ([...w].length < (words.length === 1 ? 2 : MIN_COMPOUND_TAIL)) continue;
      known.words.add(w);
      if ([...w].length >= MIN_COMPOUND_TAIL) known.tails.add(w);
    }
  }
  return { words: known.words, tails: known.tails, unspaced: [...new Set(known.unspaced)] };
}

const BUILTINS = [...BUILTIN_SCHEMAS.values()];

let nonFieldWords: KnownWords | undefined;
const schemaWords = new WeakMap<SchemaDefinition, KnownWords>();

function wordsOf(schema: SchemaDefinition): KnownWords {
  let known = schemaWords.get(schema);
  if (known === undefined) {
    const terms = fieldTerms(schema).flat();
    for (const def of schema.fields) if (def.type === 'datetime') terms.push(...timeTerms(schema, def));
    known = collect(terms);
    schemaWords.set(schema, known);
  }
  return known;
}

/** True when a known word of at least {@link MIN_COMPOUND_TAIL} letters ends `word` and is shorter than it */
function endsWithKnown(tails: ReadonlySet<string>, word: string): boolean {
  const letters = [...word];
  for (let n = MIN_COMPOUND_TAIL; n < letters.length; n++) if (tails.has(letters.slice(-n).join(''))) return true;
  return false;
}

function knows(known: KnownWords, normalized: string): boolean {
  const compact = normalized.replace(/ /g, '');
  for (const w of normalized.split(' ')) {
    if (known.words.has(w)) return true;
    // a plural of a known word ("Departments", "Keywords")
    if (w.endsWith('s') && known.words.has(w.slice(0, -1))) return true;
    if (endsWithKnown(known.tails, w)) return true;
  }
  // Stryker disable next-line ConditionalExpression: every unspaced term holds a letter of those scripts, so a header without one holds none
  if (!UNSPACED.test(normalized)) return false;
  return known.unspaced.some((t) => compact.includes(t));
}

/** True when some word of the header is a known word, ends with one, or (unspaced scripts) the header holds a known term. */
export function headerIsKnown(normalized: string, schemas: readonly SchemaDefinition[]): boolean {
  if (normalized.length === 0) return true;
  nonFieldWords ??= collect(NON_FIELD_LEXICON.flatMap((block) => Object.values(block.terms).flatMap((list) => list.split('|'))));
  return knows(nonFieldWords, normalized) || schemas.some((s) => knows(wordsOf(s), normalized));
}

/**
 * The filled, unused columns of a layout whose header nothing reads: not a candidate for any
 * field of the built-in schemas or of the schema being mapped, and not known word by word.
 */
export function unreadColumns(input: {
  headers: readonly string[];
  normalized: readonly string[];
  columnValues: (c: number) => readonly string[];
  usedColumns: ReadonlySet<number>;
  schema: SchemaDefinition;
}): number[] {
  const { headers, normalized, columnValues, usedColumns } = input;
  const schemas = BUILTIN_SCHEMAS.has(input.schema.name) ? BUILTINS : [...BUILTINS, input.schema];
  const read = new Set<number>();
  for (const s of schemas) for (const c of headerCandidates(s, headers, normalized)) read.add(c.column);
  const out: number[] = [];
  headers.forEach((_, c) => {
    if (usedColumns.has(c) || read.has(c)) return;
    if (!columnValues(c).some((v) => !isBlankCell(v))) return;
    if (!headerReads(headers[c] ?? '', normalized[c] ?? '', schemas)) out.push(c);
  });
  return out;
}

/** {@link headerIsKnown} for the header as normalised, or lower-cased first: a name written with inner capitals is one word ("LinkedIn", "TikTok"). */
export function headerReads(raw: string, normalized: string, schemas: readonly SchemaDefinition[]): boolean {
  return headerIsKnown(normalized, schemas) || headerIsKnown(normalizeHeader(raw.toLowerCase()), schemas);
}
