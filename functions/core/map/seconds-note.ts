import { foldText } from './normalize-header.ts';

/**
 * A header's note that its numbers are seconds, in any language that borrowed the word: the
 * stem of "second" (secondes, segundos, Sekunden, sekuntia, sekundy) with the prefixes of Bantu
 * plurals (Kirundi "amasegonda", Chichewa and Shona "masekondi"), and the Cyrillic one
 * ("секунды"), and their short forms ("sec", "sek.", "seg"). Read in the brackets of a header ("Igihe (amasegonda)"), never from its words:
 * "Sekunden" alone is a header a lexicon reads already.
 */
const SECONDS_STEM = /^(?:ama|ma|mi|ma-|ama-)?s[aei]?[ckgq]{1,2}o?u?n[dt]|^секунд|^(?:sec|secs|seg|сек)\.?$|^sek\.$/u;

/** the same words as ordinals ("(second leg)", "(segunda via)"): no unit */
const ORDINALS = new Set(['second', 'seconde', 'secondo', 'seconda', 'segundo', 'segunda', 'secunda']);

/** True when a bracketed note of the header is a word for seconds (see {@link SECONDS_STEM}). */
export function noteSaysSeconds(header: string): boolean {
  const notes = [...header.matchAll(/[([（]([^)\]）]*)[)\]）]/gu)].map((m) => foldText(m[1]!));
  // Stryker disable next-line Regex: equivalent, the empty words one space at a time leaves are no word for seconds
  return notes.some((n) => n.split(/\s+/).some((w) => SECONDS_STEM.test(w) && !ORDINALS.has(w)));
}
