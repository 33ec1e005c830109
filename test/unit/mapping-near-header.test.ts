import { describe, expect, it } from 'vitest';
import { foldSpellingVariants, nearFieldTerm, withinOneEdit } from '../../functions/core/map/near-header.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

/**
 * Rules made on the misses of v10/tuning-b (2026-12-07): a column whose header nearly names a
 * field the mapping lacks keeps the layout from being auto-accepted. Each input is a file of the
 * same kind as the miss, not the miss itself.
 */

const contact = getSchema('contact');
const field = (name: string) => contact.fields.findIndex((f) => f.name === name);

describe('a header that nearly names a field', () => {
  it('folds Bengali vowel length, as the standard spelling writes it (পদবী / পদবি, শ্রেণী / শ্রেণি)', () => {
    expect(foldSpellingVariants('পদবি')).toBe(foldSpellingVariants('পদবী'));
    expect(foldSpellingVariants('শ্রেণি')).toBe(foldSpellingVariants('শ্রেণী'));
    expect(foldSpellingVariants('Position')).toBe('Position');
  });

  it('finds the term a header is another spelling of, or one letter off', () => {
    expect(nearFieldTerm(contact, field('title'), 'পদবি')).toBeDefined();
    expect(nearFieldTerm(contact, field('title'), 'Job Tittle')).toBeDefined();
    // the term itself is a match, not a near miss; short words are never compared by a letter
    expect(nearFieldTerm(contact, field('title'), 'Job Title')).toBeUndefined();
    expect(nearFieldTerm(contact, field('title'), 'Pos')).toBeUndefined();
    expect(nearFieldTerm(contact, field('email'), 'Jinsi')).toBeUndefined();
  });

  it('holds a staff list whose designation column is headed in the reformed spelling (পদবি), not taken without it', () => {
    const headers = ['নাম', 'পদবি', 'প্রতিষ্ঠান', 'মোবাইল নম্বর', 'ইমেইল'];
    const rows = [
      ['করিম উদ্দিন', 'হিসাবরক্ষক', 'সবুজ বাংলা সংস্থা', '01711-000321', 'karim@sobuj.example'],
      ['নাসরিন সুলতানা', 'প্রশিক্ষক', 'সবুজ বাংলা সংস্থা', '01819-000654', 'nasrin@sobuj.example'],
      ['তপন রায়', 'গাড়িচালক', 'আলো যুব ফোরাম', '01550-000987', ''],
    ];
    const m = suggestMapping(headers, rows, contact);
    expect(m.status).toBe('needs_mapping');
    expect(m.warnings?.find((w) => w.code === 'unsettled_fields')?.message).toContain('title <- "পদবি"');
  });

  it('still accepts the same list when the designation is headed in the lexicon\'s spelling (পদবী)', () => {
    const headers = ['নাম', 'পদবী', 'প্রতিষ্ঠান', 'মোবাইল নম্বর', 'ইমেইল'];
    const rows = [
      ['করিম উদ্দিন', 'হিসাবরক্ষক', 'সবুজ বাংলা সংস্থা', '01711-000321', 'karim@sobuj.example'],
      ['নাসরিন সুলতানা', 'প্রশিক্ষক', 'সবুজ বাংলা সংস্থা', '01819-000654', 'nasrin@sobuj.example'],
      ['তপন রায়', 'গাড়িচালক', 'আলো যুব ফোরাম', '01550-000987', ''],
    ];
    const m = suggestMapping(headers, rows, contact);
    expect(Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]))).toMatchObject({ title: ['পদবী'] });
    expect(m.status).toBe('mapped');
  });
});

describe('one letter off', () => {
  it('is one letter changed, added or removed, never two', () => {
    expect(withinOneEdit('position', 'positon')).toBe(true);
    expect(withinOneEdit('position', 'positiion')).toBe(true);
    expect(withinOneEdit('position', 'positiom')).toBe(true);
    expect(withinOneEdit('position', 'position')).toBe(true);
    expect(withinOneEdit('jobtitle', 'jobtitel')).toBe(false);
    expect(withinOneEdit('company', 'compayn')).toBe(false);
    expect(withinOneEdit('staat', 'straat')).toBe(true);
  });
});
