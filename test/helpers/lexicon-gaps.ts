import { BUILTIN_LEXICONS, lexiconTerms, type HeaderLanguage } from '../../functions/core/schemas/lexicon/index.ts';
import { BUILTIN_SCHEMAS } from '../../functions/core/schemas/registry.ts';

/**
 * Per built-in schema field, the given languages the lexicon has no term in for it
 * (`{ "<schema>.<field>": [langs] }`, empty when every field is covered). A money field's
 * micro-units are written with it, never read from a column of their own, so they are left out.
 */
export function lexiconGaps(languages: readonly HeaderLanguage[]): Record<string, HeaderLanguage[]> {
  const gaps: Record<string, HeaderLanguage[]> = {};
  for (const schema of BUILTIN_SCHEMAS.values()) {
    const blocks = BUILTIN_LEXICONS.get(schema.name)!;
    const written = new Set(schema.fields.flatMap((f) => (f.microsField === undefined ? [] : [f.microsField])));
    for (const f of schema.fields) {
      if (written.has(f.name)) continue;
      const langs = new Set(lexiconTerms(blocks, f.name).map((t) => t.lang));
      const missing = languages.filter((l) => !langs.has(l));
      if (missing.length > 0) gaps[`${schema.name}.${f.name}`] = missing;
    }
  }
  return gaps;
}
