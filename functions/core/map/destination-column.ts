import { foldText } from './normalize-header.ts';
import { isLabelColumn } from './left-out-evidence.ts';
import { ratio } from './value-patterns.ts';
import { isCountry } from './value-kinds.ts';

/**
 * Headers that say only "what this row is" ("Description", "Libellé", "Beschreibung"): on a
 * carrier bill whose call type has a column of its own, such a column names where the call
 * went ("UK landline", "International - France", "Mobile data").
 */
const DESCRIPTION_HEADERS = new Set([
  'description', 'desc', 'details', 'call description', 'call details', 'beschreibung', 'omschrijving', 'descripcion',
  'descricao', 'descrizione', 'libelle', 'beskrivelse', 'beskrivning', 'kuvaus', 'opis', 'popis', 'leiras', 'kirjeldus',
]);

/**
 * Words of the destination classes bills print (fixed or mobile network, national or
 * international, roaming, freephone), in the languages of the bills that print them.
 */
const DESTINATION_WORDS = new Set([
  'landline', 'fixed', 'mobile', 'mobiles', 'international', 'national', 'local', 'roaming', 'freephone', 'premium', 'onnet', 'offnet',
  'fixe', 'fixes', 'internationale', 'festnetz', 'mobilfunk', 'ausland', 'inland', 'fijo', 'movil', 'moviles', 'internacional', 'nacional',
  'fisso', 'internazionale', 'nazionale', 'vast', 'mobiel', 'buitenland', 'fastnet', 'mobil', 'utland', 'udland', 'stacjonarny', 'komorkowy',
]);

/** share of the values that must name a destination class or a country */
const DESTINATION_SHARE = 0.5;

// the empty words at either end are no destination word
// Stryker disable next-line Regex: equivalent, the empty words one separator at a time leaves are no destination word either
const words = (v: string): string[] => foldText(v).split(/[^\p{L}\p{N}]+/u);

/** True when a column under a bare "Description" header holds destination labels (see above). */
export function describesDestination(normalizedHeader: string, values: readonly string[]): boolean {
  if (!DESCRIPTION_HEADERS.has(normalizedHeader) || !isLabelColumn(values)) return false;
  const destination = (v: string) => {
    const w = words(v);
    // a country as a word of its own ("International - France"), or the destination class
    // (isCountry trims the parts, so of the spaces before a dash the one next to it is enough)
    return w.some((x) => DESTINATION_WORDS.has(x)) || v.split(/\s[-–:]\s+|,\s*/).some((part) => isCountry(part));
  };
  return ratio(values, destination).ratio >= DESTINATION_SHARE;
}
