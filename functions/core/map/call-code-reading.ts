import { readCallCode, type CallCode, type CallDirection, type CallRecordType } from '../enrich/call-codes.ts';
import { CALL_CODE_WORDS } from '../enrich/call-code-words.ts';
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

/**
 * Korean, Japanese and Chinese write a call's kind and direction as one word ("음성발신", a
 * voice call made; "국제음성발신", "LTE데이터", "SMS발신"; "语音呼出"): the words of Enrich's
 * ko, ja and zh tables are looked for inside each run of such characters, longest first. A run
 * counts when those words make all of it, or when one of them is a direction.
 */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const CJK_WORDS: { word: string; direction?: CallDirection; recordType?: CallRecordType }[] = (['ko', 'ja', 'zh'] as const)
  .flatMap((lang) => {
    const w = CALL_CODE_WORDS[lang];
    const split = (list: string) => list.split('|').map((x) => codeKey(x)).filter((x) => x.length >= 2 && !x.includes(' '));
    return [
      ...split(w.inbound).map((word) => ({ word, direction: 'inbound' as const })),
      ...split(w.outbound).map((word) => ({ word, direction: 'outbound' as const })),
      ...(['voice', 'sms', 'data'] as const).flatMap((type) => split(w[type]).map((word) => ({ word, recordType: type }))),
    ];
  })
  .sort((a, b) => b.word.length - a.word.length);

/** What the CJK runs of a value say, word by word inside them, or undefined. */
function readCompounds(raw: string): CallCode | undefined {
  const runs = raw.match(CJK_RUN);
  if (runs === null) return undefined;
  let direction: CallDirection | undefined;
  let recordType: CallRecordType | undefined;
  for (const run of runs) {
    let rest = codeKey(run);
    let d: CallDirection | undefined;
    let t: CallRecordType | undefined;
    for (const w of CJK_WORDS) {
      if (!rest.includes(w.word)) continue;
      rest = rest.replace(w.word, ' ');
      d ??= w.direction;
      t ??= w.recordType;
    }
    // a kind with words left over and no direction is a class of destination ("国内通話", a
    // domestic call; "本地通话"), not a code; a direction holds beside them ("국제음성발신")
    if (rest.trim().length > 0 && d === undefined) continue;
    direction ??= d;
    recordType ??= t;
  }
  if (direction === undefined && recordType === undefined) return undefined;
  return { ...(direction !== undefined ? { direction } : {}), ...(recordType !== undefined ? { recordType } : {}), weak: false };
}

/**
 * A weak word ("voz", "dati", "tale": a voice call or data only in a column about codes)
 * beside a strong code for the other half ("Voz Saliente", "Dati uscente") says its half too:
 * the strong word makes the column one about calls.
 */
function withWeakWords(code: CallCode, raw: string): CallCode {
  if (code.weak || (code.direction !== undefined && code.recordType !== undefined)) return code;
  const words = codeKey(raw).split(' ');
  if (words.length < 2) return code;
  let { direction, recordType } = code;
  for (const w of words) {
    const part = readCallCode(w);
    direction ??= part?.direction;
    recordType ??= part?.recordType;
  }
  return { ...code, ...(direction !== undefined ? { direction } : {}), ...(recordType !== undefined ? { recordType } : {}) };
}

/** Two readings of one value joined: the first's halves first, the second fills what it lacks. */
function joinCodes(a: CallCode | undefined, b: CallCode | undefined): CallCode | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return { ...a, ...(a.direction === undefined && b.direction !== undefined ? { direction: b.direction } : {}), ...(a.recordType === undefined && b.recordType !== undefined ? { recordType: b.recordType } : {}) };
}

const memo = new Map<string, CallCode | null>();

/** What one cell says about a call, in any language of the lexicon, or undefined. */
export function readCallCodeAnyLanguage(raw: string | undefined): CallCode | undefined {
  if (raw === undefined) return undefined;
  const known = readCallCode(raw);
  if (known?.direction !== undefined && known.recordType !== undefined) return known;
  const hit = memo.get(raw);
  if (hit !== undefined) return hit ?? undefined;
  // Enrich's reading says one thing ("SMS"), the added words or a compound the other ("SMS خروجی", "SMS발신")
  const joined = joinCodes(joinCodes(known, readAdded(raw)), readCompounds(raw));
  const found = joined === undefined ? undefined : withWeakWords(joined, raw);
  if (memo.size >= 10_000) memo.clear();
  memo.set(raw, found ?? null);
  return found;
}
