import dictionary from './technologies.json' with { type: 'json' };

/**
 * Technology recognition over the curated dictionary in technologies.json (products with the
 * aliases exports use). No maintained npm package carries such a list: Wappalyzer's rules
 * are web-page fingerprints without aliases, frozen on npm since the project closed in 2023.
 */
export interface TechnologyEntry {
  name: string;
  category: string;
  aliases: string[];
  /** also an everyday word: free text must write it as the dictionary does */
  ambiguous?: boolean;
  /** too short or common for free text: recognised only as a whole list item */
  listOnly?: boolean;
}

export interface TechnologyMatch {
  name: string;
  category: string | null;
  how: 'list' | 'text';
}

export const TECHNOLOGIES: readonly TechnologyEntry[] = (dictionary as { technologies: TechnologyEntry[] }).technologies;

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An alias in capitals (AWS, SAP, GCP) is an acronym: "sap" in prose is not SAP. */
const isAcronym = (alias: string) => /^[A-Z0-9]{2,5}$/.test(alias);

interface Compiled {
  byAlias: Map<string, TechnologyEntry>;
  /** aliases free text may write in any case */
  anyCase: RegExp | undefined;
  /** aliases free text must write as the dictionary does */
  asWritten: RegExp | undefined;
  asWrittenEntries: Map<string, TechnologyEntry>;
}

// A match must not continue a word on either side ("Go" is not in "Google", "Java" not in "JavaScript").
const boundary = (alternatives: string[], flags: string) =>
  alternatives.length === 0
    ? undefined
    : new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}_]|[+#])`, flags);

function compile(entries: readonly TechnologyEntry[]): Compiled {
  const byAlias = new Map<string, TechnologyEntry>();
  const anyCase: string[] = [];
  const asWritten: string[] = [];
  const asWrittenEntries = new Map<string, TechnologyEntry>();
  for (const entry of entries) {
    for (const alias of [entry.name, ...entry.aliases]) {
      byAlias.set(fold(alias), entry);
      if (entry.listOnly) continue;
      if (entry.ambiguous || isAcronym(alias)) {
        asWritten.push(alias);
        asWrittenEntries.set(alias, entry);
      } else anyCase.push(alias);
    }
  }
  return { byAlias, anyCase: boundary(anyCase, 'giu'), asWritten: boundary(asWritten, 'gu'), asWrittenEntries };
}

let compiled: Compiled | undefined;
const dictionaryIndex = () => (compiled ??= compile(TECHNOLOGIES));

/** The dictionary entry a whole list item names ("aws", "Amazon Web Services " -> Amazon Web Services). */
export function recogniseTechnology(item: string): TechnologyEntry | undefined {
  return dictionaryIndex().byAlias.get(fold(item).replace(/[.;:,]+$/, ''));
}

/** Every dictionary product named in a text, once each, in the order first named. */
export function findTechnologiesInText(text: string): TechnologyEntry[] {
  const { anyCase, asWritten, byAlias, asWrittenEntries } = dictionaryIndex();
  const hits: { at: number; entry: TechnologyEntry }[] = [];
  for (const m of anyCase ? text.matchAll(anyCase) : []) {
    const entry = byAlias.get(fold(m[0]));
    if (entry) hits.push({ at: m.index, entry });
  }
  for (const m of asWritten ? text.matchAll(asWritten) : []) {
    const entry = asWrittenEntries.get(m[0]);
    if (entry) hits.push({ at: m.index, entry });
  }
  hits.sort((a, b) => a.at - b.at);
  return [...new Set(hits.map((h) => h.entry))];
}

/** Split a list cell: "Salesforce; HubSpot", "A, B", "A | B", bullets and line breaks. */
export function splitTechnologyList(cell: string): string[] {
  return cell
    .split(/[;,|\n\r•·]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

// A list item that names no known product is still a technology the source listed, if it
// reads like a name: short, few words. Longer text is a sentence and only yields known products.
const looksLikeProductName = (item: string) => item.length <= 40 && item.split(/\s+/).length <= 4 && /\p{L}/u.test(item);

/**
 * Technologies in a field's value: a list (array or delimited string) whose items are each a
 * known product, free text naming products, or an unknown but name-like item kept as written.
 * Each distinct product once (first how it was found wins).
 */
export function extractTechnologies(value: unknown): TechnologyMatch[] {
  const items = Array.isArray(value) ? value.flatMap((v) => (typeof v === 'string' ? splitTechnologyList(v) : [])) : typeof value === 'string' ? splitTechnologyList(value) : [];
  const out = new Map<string, TechnologyMatch>();
  const add = (m: TechnologyMatch) => {
    const key = m.name.toLowerCase();
    if (!out.has(key)) out.set(key, m);
  };
  for (const item of items) {
    const known = recogniseTechnology(item);
    if (known) {
      add({ name: known.name, category: known.category, how: 'list' });
      continue;
    }
    const inText = findTechnologiesInText(item);
    for (const entry of inText) add({ name: entry.name, category: entry.category, how: 'text' });
    if (inText.length === 0 && looksLikeProductName(item)) add({ name: item.replace(/\s+/g, ' '), category: null, how: 'list' });
  }
  return [...out.values()];
}

/** Known products named anywhere in a free-text value (descriptions, notes). */
export function extractTechnologiesFromText(text: string): TechnologyMatch[] {
  return findTechnologiesInText(text).map((e) => ({ name: e.name, category: e.category, how: 'text' as const }));
}
