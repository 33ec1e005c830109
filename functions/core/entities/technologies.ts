import { createRequire } from 'node:module';

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

/**
 * The dictionary's entries, read on first use through a require of this module's own (which
 * esbuild leaves alone): the Lambda bundles ship technologies.json beside themselves
 * (lib/bundling.ts, PROJECT_DATA_REQUIRED_LAZILY) instead of compiling it into an object literal
 * that every cold start of the accounts API and store built (~4 ms of CPU), though most of their
 * requests never match a technology.
 */
let entries: readonly TechnologyEntry[] | undefined;
const requireHere = createRequire(import.meta.url);
export function technologyDictionary(): readonly TechnologyEntry[] {
  entries ??= (requireHere('./technologies.json') as { technologies: TechnologyEntry[] }).technologies;
  return entries;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
/** What ends a list item but not a name ("Salesforce." in a sentence-like list). */
const TRAILING_PUNCTUATION = /[.;:,]+$/;

/** An alias in capitals (AWS, SAP, GCP) is an acronym: "sap" in prose is not SAP. */
const isAcronym = (alias: string) => /^[A-Z0-9]{2,5}$/.test(alias);

/**
 * Words of a text as the matcher sees them: split on spaces, hyphens and punctuation that
 * ends a word, keeping what belongs to product names (C++, C#, .NET, Node.js, S/4HANA); a
 * sentence's final dot or colon is not part of the word.
 */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[\s,;:!?()[\]{}"'“”‘’|•·-]+/)
    .map((w) => w.replace(/[.]+$/, ''))
    .filter((w) => w.length > 0);
}

interface Compiled {
  byAlias: Map<string, TechnologyEntry>;
  /** aliases exactly as the dictionary writes them: most list items, found without folding */
  asWritten: Map<string, TechnologyEntry>;
  /** free-text aliases any case may write, by their folded words */
  anyCase: Map<string, TechnologyEntry>;
  /** free-text aliases that must be written as the dictionary does */
  textAsWritten: Map<string, TechnologyEntry>;
  /** the most words an alias has */
  longest: number;
  /** lower-cased first words of free-text aliases: a word not here starts no name */
  firstWords: Set<string>;
}

function compile(entries: readonly TechnologyEntry[]): Compiled {
  const byAlias = new Map<string, TechnologyEntry>();
  const anyCase = new Map<string, TechnologyEntry>();
  const textAsWritten = new Map<string, TechnologyEntry>();
  let longest = 1;
  const firstWords = new Set<string>();
  for (const entry of entries) {
    for (const alias of [entry.name, ...entry.aliases]) {
      byAlias.set(fold(alias), entry);
      if (entry.listOnly) continue;
      const phrase = words(alias);
      longest = Math.max(longest, phrase.length);
      firstWords.add(phrase[0]!.toLowerCase());
      if (entry.ambiguous || isAcronym(alias)) textAsWritten.set(phrase.join(' '), entry);
      else anyCase.set(phrase.join(' ').toLowerCase(), entry);
    }
  }
  // An item spelled as an alias folds to that alias's key, so it names the same entry, unless
  // the folded alias ends in what recogniseTechnology strips from an item (none does today).
  const asWritten = new Map<string, TechnologyEntry>();
  // Stryker disable next-line BlockStatement: asWritten is a fast path to the entry byAlias gives the same item
  for (const entry of entries) {
    // Stryker disable next-line ArrayDeclaration,BlockStatement: asWritten is a fast path to the entry byAlias gives the same item
    for (const alias of [entry.name, ...entry.aliases]) {
      const key = fold(alias);
      // Stryker disable next-line BooleanLiteral,ConditionalExpression: no alias ends in list punctuation, and byAlias gives the entry of any that would
      if (!TRAILING_PUNCTUATION.test(key)) asWritten.set(alias, byAlias.get(key)!);
    }
  }
  return { byAlias, asWritten, anyCase, textAsWritten, longest, firstWords };
}

let compiled: Compiled | undefined;
const dictionaryIndex = () => (compiled ??= compile(technologyDictionary()));

/** The dictionary entry a whole list item names ("aws", "Amazon Web Services " -> Amazon Web Services). */
export function recogniseTechnology(item: string): TechnologyEntry | undefined {
  const { asWritten, byAlias } = dictionaryIndex();
  return asWritten.get(item) ?? byAlias.get(fold(item).replace(TRAILING_PUNCTUATION, ''));
}

/**
 * Every dictionary product named in a text, once each, in the order first named. Whole
 * words only ("Go" is not in "Google", "Java" not in "JavaScript"), the longest name first
 * ("Amazon Web Services" before "Amazon"): one pass over the words with map lookups.
 */
export function findTechnologiesInText(text: string): TechnologyEntry[] {
  const { anyCase, textAsWritten, longest, firstWords } = dictionaryIndex();
  const w = words(text);
  const found = new Set<TechnologyEntry>();
  for (let i = 0; i < w.length; ) {
    let step = 1;
    const starts = firstWords.has(w[i]!.toLowerCase());
    for (let n = starts ? Math.min(longest, w.length - i) : 0; n >= 1; n--) {
      const phrase = w.slice(i, i + n).join(' ');
      const entry = textAsWritten.get(phrase) ?? anyCase.get(phrase.toLowerCase());
      if (entry) {
        found.add(entry);
        step = n;
        break;
      }
    }
    i += step;
  }
  return [...found];
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
