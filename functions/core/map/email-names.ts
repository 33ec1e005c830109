import { isBlankCell } from '../enrich/result.ts';
import { foldText } from './normalize-header.ts';

/**
 * A person's given and family name read from the same row's e-mail address: most personal
 * and work addresses are written `given.family@` ("awa.diop@", "chidinma.okonkwo@"), in
 * every language. A column whose values open the address on most rows holds the given name,
 * one whose values follow it the family name, whatever its header says and whether or not
 * the names are in any list (Wolof "Tur"/"Sant", Igbo "Aha mbụ"/"Aha ezinụlọ"). Addresses
 * written the other way round (`diop.awa@`) swap the two, so the evidence stays below the
 * auto-accept threshold.
 */

export type NamePart = 'given' | 'family';

const ADDRESS = /^([^@\s]+)@[^@\s]+\.[^@\s]+$/;

/** The words of an address's local part, folded ("Hanza.Nowak2@" -> hanza, nowak); two at least, or undefined. */
function localWords(address: string): string[] | undefined {
  const m = ADDRESS.exec(address.trim());
  if (m === null) return undefined;
  // Stryker disable next-line Regex: equivalent, the empty words one separator at a time leaves between two are filtered out below
  const parts = foldText(m[1]!).split(/[._-]+/);
  const words = parts
    .map((w) => w.replace(/\d+$/, ''))
    .filter((w) => w.length > 0);
  return words.length >= 2 ? words : undefined;
}

/** A name's words as an address would spell them: folded, letters only ("Hańža" -> hanza, "O'Brien" -> obrien). */
function spelledAsInAddress(name: string): string[] {
  // Stryker disable next-line Regex: equivalent, the empty words one space at a time leaves between two are shorter than two letters and filtered out below
  const parts = name.split(/\s+/);
  return parts
    .map((w) => foldText(w).replace(/[^\p{L}]/gu, ''))
    .filter((w) => w.length >= 2);
}

/** The values of the column that holds e-mail addresses on most of its filled rows (the first such), or undefined. */
export function emailColumnValues(columns: number, columnValues: (c: number) => readonly string[]): readonly string[] | undefined {
  for (let c = 0; c < columns; c++) {
    const values = columnValues(c);
    const filled = values.filter((v) => !isBlankCell(v));
    if (filled.length >= 2 && filled.filter((v) => ADDRESS.test(v.trim())).length * 2 > filled.length) return values;
  }
  return undefined;
}

/**
 * Which part of a name a column holds by the same rows' addresses: the part most of the
 * compared rows agree on, its share of them, and how many rows were compared (a row is
 * compared when both cells are filled and the address has two words or more). A value two of
 * whose words are in the address is a whole name, neither part, and counts against both; a value
 * none of whose words is there counts for the part its initial stands for, if one does.
 */
export function namePartByEmail(values: readonly string[], addresses: readonly string[]): { part: NamePart; share: number; count: number } | undefined {
  let compared = 0;
  let given = 0;
  let family = 0;
  values.forEach((value, row) => {
    // Stryker disable next-line StringLiteral: equivalent, any text that is not an address reads as no address, as the empty one does
    const local = localWords(addresses[row] ?? '');
    const words = spelledAsInAddress(value);
    if (local === undefined || words.length === 0) return;
    compared++;
    // a part of several words written as one word of the address ("Te Whata", aroha.tewhata@)
    const joinedAt = words.length > 1 ? local.indexOf(words.join('')) : -1;
    if (joinedAt >= 0) {
      if (joinedAt === 0) given++;
      else family++;
      return;
    }
    const inAddress = words.filter((w) => local.includes(w));
    if (inAddress.length > 1) return;
    // the rest of a whole name written as one word of the address ("Sanne de Vries", sanne.devries@)
    const rest = words.filter((w) => !local.includes(w)).join('');
    if (inAddress.length === 1 && local.includes(rest)) return;
    if (inAddress.length === 1) {
      if (local[0] === inAddress[0]) given++;
      else family++;
      return;
    }
    // an initial in the address stands for the part it abbreviates ("d.macaoidh@", "aslat.b@"),
    // when the value is one word: "Mohamed El Amrani" at m.elamrani@ is a whole name
    if (words.length > 1) return;
    const initial = words[0]![0];
    if (local[0] === initial) given++;
    else if (local.slice(1).includes(initial!)) family++;
  });
  if (compared < 2) return undefined;
  const part: NamePart = given >= family ? 'given' : 'family';
  return { part, share: Math.max(given, family) / compared, count: compared };
}
