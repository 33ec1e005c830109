import { describe, expect, it } from 'vitest';
import { foldText } from '../../functions/core/map/normalize-header.ts';
import { ADDED_LEXICON_LANGUAGES, LEXICON_LANGUAGES, type LexiconSource } from '../../functions/core/schemas/lexicon/lexicon-types.ts';
import { NON_FIELD_LEXICON } from '../../functions/core/schemas/lexicon/non-field-terms.ts';

const LANGUAGES = new Set<string>([...LEXICON_LANGUAGES, ...ADDED_LEXICON_LANGUAGES]);
const SOURCES = new Set<LexiconSource>(['std', 'outlook', 'google', 'crm', 'carrier', 'register', 'listing']);

// Scripts written without spaces: a header is known when it contains a term, so a term of
// one character would make nearly every header in them known.
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/u;

/** The concepts the lexicon was written for, each held in at least this many languages. */
const CORE_CONCEPTS = [
  'identifier', 'status', 'note', 'tag', 'owner', 'record date', 'address', 'postcode', 'region', 'fax',
  'tax or register number', 'legal form', 'capital', 'profit or balance sheet', 'founded', 'source', 'social profile',
  'personal details', 'department', 'rating', 'call result', 'pbx column', 'balance or tariff', 'consent', 'membership or ticket',
  'products or keywords', 'language or nationality', 'vehicle, project or contract', 'activity counts', 'reporting period',
  'bank details', 'coordinates', 'corporate structure', 'task or follow-up',
];
// Further concepts (address-book extras, customer types) are held in fewer languages.
const MIN_LANGUAGES = 80;

function termsOf(list: string): string[] {
  return list.split('|').map((t) => t.trim());
}

describe('NON_FIELD_LEXICON', () => {
  it('has blocks with a concept, a known source tag and terms', () => {
    expect(NON_FIELD_LEXICON.length).toBeGreaterThan(0);
    for (const block of NON_FIELD_LEXICON) {
      expect(block.concept.trim()).not.toBe('');
      expect(SOURCES.has(block.source), `${block.concept}: source ${block.source}`).toBe(true);
      expect(Object.keys(block.terms).length, block.concept).toBeGreaterThan(0);
    }
  });

  it('keys every term list by a header language', () => {
    for (const block of NON_FIELD_LEXICON) {
      for (const lang of Object.keys(block.terms)) expect(LANGUAGES.has(lang), `${block.concept}: ${lang}`).toBe(true);
    }
  });

  it('holds no empty term and no term twice in one block and language, after folding', () => {
    const problems: string[] = [];
    for (const block of NON_FIELD_LEXICON) {
      for (const [lang, list] of Object.entries(block.terms)) {
        const seen = new Set<string>();
        for (const term of termsOf(list)) {
          const where = `${block.concept} / ${lang} / "${term}"`;
          const folded = foldText(term);
          if (term === '' || folded.trim() === '') problems.push(`empty: ${where}`);
          else if (seen.has(folded)) problems.push(`duplicate: ${where}`);
          seen.add(folded);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('holds no one-character term in a script written without spaces', () => {
    const problems: string[] = [];
    for (const block of NON_FIELD_LEXICON) {
      for (const [lang, list] of Object.entries(block.terms)) {
        for (const term of termsOf(list)) if (UNSPACED.test(term) && [...term].length < 2) problems.push(`${block.concept} / ${lang} / "${term}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it(`covers each core concept in at least ${MIN_LANGUAGES} languages`, () => {
    for (const concept of CORE_CONCEPTS) {
      const langs = new Set<string>();
      for (const block of NON_FIELD_LEXICON) if (block.concept === concept) for (const lang of Object.keys(block.terms)) langs.add(lang);
      expect(langs.size, concept).toBeGreaterThanOrEqual(MIN_LANGUAGES);
    }
  });

  it('covers every header language in every core concept but a few', () => {
    for (const lang of LANGUAGES) {
      const missing = CORE_CONCEPTS.filter((c) => !NON_FIELD_LEXICON.some((b) => b.concept === c && b.terms[lang as keyof typeof b.terms] !== undefined));
      expect(missing.length, `${lang} lacks ${missing.join(', ')}`).toBeLessThanOrEqual(2);
    }
  });
});
