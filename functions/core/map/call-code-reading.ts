import { readCallCode, type CallCode, type CallDirection, type CallRecordType } from '../enrich/call-codes.ts';
import { ADDED_CALL_CODE_WORDS } from '../schemas/lexicon/call-code-words-added.ts';
import { foldText } from './normalize-header.ts';

/**
 * Call codes as the mapper reads them: Enrich's reading (enrich/call-codes.ts) first, then
 * the words of the languages the lexicon added (schemas/lexicon/call-code-words-added.ts),
 * so a Persian "تماس خروجی" or an Armenian "Ելքային" column counts as a direction column
 * by its values. A phrase is read whole, then by its words and word pairs: "پیامک خروجی"
 * says a text (پیامک) and outbound (خروجی).
 */

const DIRECTIONS = new Map<string, CallDirection>();
const RECORD_TYPES = new Map<string, CallRecordType>();

/** A code as looked up: folded like headers (case, diacritics, any script), punctuation as single spaces. */
function codeKey(raw: string): string {
  return foldText(raw).replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim();
}

for (const words of Object.values(ADDED_CALL_CODE_WORDS)) {
  for (const w of words.inbound.split('|')) DIRECTIONS.set(codeKey(w), 'inbound');
  for (const w of words.outbound.split('|')) DIRECTIONS.set(codeKey(w), 'outbound');
  for (const type of ['voice', 'sms', 'data'] as const) for (const w of words[type].split('|')) RECORD_TYPES.set(codeKey(w), type);
}

/** The added languages' reading of one value, or undefined. */
function readAdded(raw: string): CallCode | undefined {
  const key = codeKey(raw);
  if (key.length === 0) return undefined;
  let direction = DIRECTIONS.get(key);
  let recordType = RECORD_TYPES.get(key);
  if (direction === undefined || recordType === undefined) {
    const words = key.split(' ');
    const parts = [...words, ...words.slice(1).map((w, i) => `${words[i]} ${w}`)];
    for (const p of parts) {
      direction ??= DIRECTIONS.get(p);
      recordType ??= RECORD_TYPES.get(p);
    }
  }
  if (direction === undefined && recordType === undefined) return undefined;
  return { ...(direction !== undefined ? { direction } : {}), ...(recordType !== undefined ? { recordType } : {}), weak: false };
}

const memo = new Map<string, CallCode | null>();

/** What one cell says about a call, in any language of the lexicon, or undefined. */
export function readCallCodeAnyLanguage(raw: string | undefined): CallCode | undefined {
  if (raw === undefined) return undefined;
  const known = readCallCode(raw);
  if (known?.direction !== undefined && known.recordType !== undefined) return known;
  const hit = memo.get(raw);
  let added: CallCode | undefined;
  if (hit !== undefined) added = hit ?? undefined;
  else {
    added = readAdded(raw);
    if (memo.size >= 10_000) memo.clear();
    memo.set(raw, added ?? null);
  }
  if (added === undefined) return known;
  if (known === undefined) return added;
  // Enrich's reading says one thing ("SMS"), the added words the other ("SMS خروجی")
  return { ...known, ...(known.direction === undefined && added.direction !== undefined ? { direction: added.direction } : {}), ...(known.recordType === undefined && added.recordType !== undefined ? { recordType: added.recordType } : {}) };
}
