import { describe, expect, it } from 'vitest';
import { foldSpellingVariants, nearFieldTerm, prepareNearHeader, withinOneEdit } from '../../functions/core/map/near-header.ts';
import type { FieldDefinition, SchemaDefinition } from '../../functions/core/schemas/schema-types.ts';

const field = (name: string, synonyms: string[]): FieldDefinition => ({ name, type: 'string', required: false, synonyms, description: '' });
// a schema without a lexicon: a field's terms are its name and synonyms
const schema = (): SchemaDefinition => ({
  name: 'near_header_edges',
  fields: [
    field('title', ['Job Title', 'Job Title', 'Position', 'পদবী', 'মূল্য', 'Rank', '---']),
    field('code', ['abcdef', 'abcdefg', 'abcdefxy']),
    field('other_code', ['abcdef', 'abcdefxy']),
  ],
});

describe('withinOneEdit', () => {
  it('is true for the same word and one letter changed, added or removed anywhere', () => {
    expect(withinOneEdit('title', 'title')).toBe(true);
    expect(withinOneEdit('title', 'tetle')).toBe(true);
    expect(withinOneEdit('title', 'titlx')).toBe(true);
    expect(withinOneEdit('title', 'xitle')).toBe(true);
    expect(withinOneEdit('title', 'titles')).toBe(true);
    expect(withinOneEdit('titles', 'title')).toBe(true);
    expect(withinOneEdit('title', 'xtitle')).toBe(true);
    expect(withinOneEdit('title', 'tittle')).toBe(true);
    expect(withinOneEdit('', 'a')).toBe(true);
  });

  it('is false for two edits or two letters of length', () => {
    expect(withinOneEdit('title', 'titel')).toBe(false);
    expect(withinOneEdit('title', 'tiles')).toBe(false);
    expect(withinOneEdit('title', 'titless')).toBe(false);
    expect(withinOneEdit('titless', 'title')).toBe(false);
    expect(withinOneEdit('title', 'xtitlx')).toBe(false);
    expect(withinOneEdit('abc', 'xbx')).toBe(false);
    expect(withinOneEdit('ab', 'ba')).toBe(false);
  });
});

describe('foldSpellingVariants', () => {
  it('writes the Bengali long vowels ী and ূ as the short ি and ু', () => {
    expect(foldSpellingVariants('পদবী')).toBe('পদবি');
    expect(foldSpellingVariants('মূল্য')).toBe('মুল্য');
    expect(foldSpellingVariants('শ্রেণী শ্রেণী')).toBe('শ্রেণি শ্রেণি');
    expect(foldSpellingVariants('Position')).toBe('Position');
  });
});

describe('nearFieldTerm', () => {
  it('finds the term one letter off, as the term is written', () => {
    expect(nearFieldTerm(schema(), 0, 'Job Tittle')).toBe('jobtitle');
    expect(nearFieldTerm(schema(), 0, 'Titles')).toBe('title');
    expect(nearFieldTerm(schema(), 0, 'Tittle')).toBe('title');
    expect(nearFieldTerm(schema(), 0, 'Positon')).toBe('position');
  });

  it('finds the same word in another spelling, however short', () => {
    expect(nearFieldTerm(schema(), 0, 'পদবি')).toBe('পদবী');
    expect(nearFieldTerm(schema(), 0, 'মুল্য')).toBe('মূল্য');
  });

  it('compares by a letter only words of five letters or more', () => {
    expect(nearFieldTerm(schema(), 0, 'Titl')).toBeUndefined();
    expect(nearFieldTerm(schema(), 0, 'Ranks')).toBeUndefined();
    expect(nearFieldTerm(schema(), 0, 'Rnk')).toBeUndefined();
  });

  it('gives nothing for the term itself, a blank header, two letters off or a field that is not there', () => {
    expect(nearFieldTerm(schema(), 0, 'Job Title')).toBeUndefined();
    expect(nearFieldTerm(schema(), 0, 'পদবী')).toBeUndefined();
    expect(nearFieldTerm(schema(), 0, '---')).toBeUndefined();
    expect(nearFieldTerm(schema(), 0, 'Titel')).toBeUndefined();
    expect(nearFieldTerm(schema(), 0, 'Job Titles Held')).toBeUndefined();
    expect(nearFieldTerm(schema(), 3, 'Titles')).toBeUndefined();
    expect(nearFieldTerm(schema(), 1, 'Titles')).toBeUndefined();
  });

  it('prefers a term of the same length, then one letter shorter, then one longer', () => {
    // abcdeg is one letter off abcdef (changed) and abcdefg (added)
    expect(nearFieldTerm(schema(), 1, 'abcdeg')).toBe('abcdef');
    // abcdefx is one letter off abcdef (added), abcdefg (changed) and abcdefxy (removed)
    expect(nearFieldTerm(schema(), 1, 'abcdefx')).toBe('abcdefg');
    expect(nearFieldTerm(schema(), 2, 'abcdefx')).toBe('abcdef');
    expect(nearFieldTerm(schema(), 2, 'abcdexy')).toBe('abcdefxy');
    expect(nearFieldTerm(schema(), 1, 'abcdefgz')).toBe('abcdefg');
  });

  it('takes a header prepared once, and gives the same answers for a schema asked again', () => {
    const s = schema();
    const h = prepareNearHeader('পদবি');
    expect(h).toEqual({ raw: 'পদবি', folded: 'পদবি' });
    expect(prepareNearHeader('মূল্য ')).toEqual({ raw: 'মূল্য', folded: 'মুল্য' });
    expect(nearFieldTerm(s, 0, h)).toBe('পদবী');
    expect(nearFieldTerm(s, 0, 'Titles')).toBe('title');
    expect(nearFieldTerm(s, 1, 'abcdeg')).toBe('abcdef');
  });
});
