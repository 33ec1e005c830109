import { createRequire } from 'node:module';
import { normalizeDomain } from '../enrich/email-domain.ts';
import { CJK_FORMS, LEGAL_PREFIXES, LEGAL_SUFFIXES } from './legal-forms.ts';

/*
 * Folding of the values the store dedupes on: domains, company names, countries, e-mail
 * addresses, person names. Each returns undefined for a value that cannot name anything.
 */

/**
 * An account's domain: lower case, no scheme, `www.`, port, path or trailing dot
 * ("https://www.Acme.example/" -> "acme.example"). Free-mail domains are not a company's.
 */
export function accountDomain(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const result = normalizeDomain(raw);
  if (!result.ok || isFreeMailDomain(result.value)) return undefined;
  return result.value;
}

/**
 * Read and built on first use, not at import: most requests of the functions that load this never
 * ask. Read through a require of this module's own, which esbuild leaves alone: the Lambda bundles
 * ship the list beside themselves (lib/bundling.ts, REQUIRED_LAZILY) instead of compiling its
 * 138 KB at every cold start.
 */
let freeMail: ReadonlySet<string> | undefined;
const requireHere = createRequire(import.meta.url);

/** True for mailbox providers (gmail.com, web.de, ...: the email-providers list, ~8,700 domains). */
export function isFreeMailDomain(domain: string): boolean {
  freeMail ??= new Set(requireHere('email-providers/all.json') as string[]);
  return freeMail.has(domain.toLowerCase());
}

/** The company domain of an e-mail address, unless it is a free-mail provider's. */
export function domainOfEmail(email: string | undefined): string | undefined {
  if (!email) return undefined;
  const at = email.lastIndexOf('@');
  // Stryker disable next-line MethodExpression: normalizeDomain reads the host after an address's @ too
  return at < 0 ? undefined : accountDomain(email.slice(at + 1));
}

/** Lower case, diacritics removed, NFKC (full-width letters), trimmed. */
function fold(text: string): string {
  // Stryker disable next-line Regex: the replacement is global, so a run of marks goes one mark at a time just the same
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFKC').toLowerCase().trim();
}

function endsWithTokens(tokens: readonly string[], form: readonly string[]): boolean {
  if (form.length >= tokens.length) return false; // never the whole name
  return form.every((t, i) => tokens[tokens.length - form.length + i] === t);
}

function startsWithTokens(tokens: readonly string[], form: readonly string[]): boolean {
  if (form.length >= tokens.length) return false;
  // Stryker disable next-line MethodExpression,ConditionalExpression: every prefix form is one word, the word the form was looked up by
  return form.every((t, i) => tokens[i] === t);
}

/** Forms by their last (suffixes) or first (prefixes) token, longest first: one lookup per pass. */
function byEdgeToken(forms: readonly string[][], edge: (form: string[]) => string): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const form of forms) {
    const key = edge(form);
    // Stryker disable next-line ArrayDeclaration: a text among a key's forms would match only a name of its sixteen letters as words
    map.set(key, [...(map.get(key) ?? []), form]);
  }
  return map;
}
// Built on the first name key, like the other tables here (and so a fault in them fails a test, not the module's loading).
let legalFormIndex: { suffixesByLast: Map<string, string[][]>; prefixesByFirst: Map<string, string[][]> } | undefined;
const legalForms = () =>
  (legalFormIndex ??= {
    suffixesByLast: byEdgeToken(LEGAL_SUFFIXES as string[][], (f) => f[f.length - 1]!),
    prefixesByFirst: byEdgeToken(LEGAL_PREFIXES as string[][], (f) => f[0]!),
  });

/**
 * Name keys and countries are asked for again and again while a file is merged (every
 * candidate, every offered value): remembered per process, the memo emptied when full.
 */
function memoize<T>(fn: (raw: string) => T, limit = 50_000): (raw: string) => T {
  const memo = new Map<string, T>();
  return (raw) => {
    let value = memo.get(raw);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: fn is pure, so computing a value again gives the same value; only the cost differs
    if (value === undefined && !memo.has(raw)) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: emptying the memo early, or never, changes no value, only the cost
      if (memo.size >= limit) memo.clear();
      value = fn(raw);
      memo.set(raw, value);
    }
    return value as T;
  };
}

/**
 * The dedupe form of a company name: case, diacritics, punctuation and legal forms removed
 * ("ACME, Inc." / "Acme Inc" / "acme" -> "acme"; "Müller GmbH & Co. KG" -> "muller";
 * "トヨタ自動車株式会社" -> "トヨタ自動車"). A name that is nothing but a legal form is kept.
 */
export function companyNameKey(raw: unknown): string | undefined {
  return typeof raw === 'string' ? memoNameKey(raw) : undefined;
}

const memoNameKey = memoize(nameKeyOf);

function nameKeyOf(raw: string): string | undefined {
  let s = fold(raw);
  for (const form of CJK_FORMS) {
    if (s.length > form.length && s.startsWith(form)) s = s.slice(form.length);
    if (s.length > form.length && s.endsWith(form)) s = s.slice(0, -form.length);
  }
  // Dots, commas, apostrophes and slashes join ("S.A." -> "sa", "A/S" -> "as"); "&" reads "and".
  s = s.replace(/[.,'’/]/g, '').replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (!s) return undefined;
  const tokens = s.split(' ');
  const { suffixesByLast, prefixesByFirst } = legalForms();
  let removed = true;
  while (removed) {
    removed = false;
    const suffix = suffixesByLast.get(tokens[tokens.length - 1]!)?.find((form) => endsWithTokens(tokens, form));
    if (suffix) {
      tokens.splice(tokens.length - suffix.length, suffix.length);
      removed = true;
    }
    const prefix = prefixesByFirst.get(tokens[0]!)?.find((form) => startsWithTokens(tokens, form));
    if (prefix) {
      tokens.splice(0, prefix.length);
      removed = true;
    }
  }
  return tokens.join(' ');
}

/** A person's name for matching: folded, single spaces. */
export function personNameKey(first: string | undefined, last: string | undefined, full?: string): string | undefined {
  return memoPersonKey([first, last].filter((p) => p && p.trim()).join(' ') || full || '');
}

const memoPersonKey = memoize((joined: string) => fold(joined).replace(/[^\p{L}\p{N}]+/gu, ' ').trim() || undefined);

/** Lower-cased e-mail address, when it looks like one. */
export function emailKey(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? s : undefined;
}

/** An E.164 number (Enrich already wrote phones that way); anything else is not a dedupe key. */
export function phoneKey(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.replace(/[\s().-]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(s) ? s : undefined;
}

// Languages whose country names exports commonly use; Intl supplies the names (no table to keep).
const COUNTRY_NAME_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'tr', 'ru', 'ja', 'zh', 'ko'];
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US', 'u s a': 'US', 'u s': 'US', us: 'US', america: 'US', 'united states of america': 'US',
  uk: 'GB', 'u k': 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
  holland: 'NL', 'the netherlands': 'NL', 'south korea': 'KR', 'republic of korea': 'KR', 'korea republic of': 'KR', korea: 'KR',
  russia: 'RU', 'russian federation': 'RU', uae: 'AE', 'czech republic': 'CZ', czechia: 'CZ', vietnam: 'VN', 'viet nam': 'VN',
  deu: 'DE', gbr: 'GB', fra: 'FR', esp: 'ES', ita: 'IT', nld: 'NL', che: 'CH', aut: 'AT', swe: 'SE', nor: 'NO', dnk: 'DK', fin: 'FI',
  pol: 'PL', can: 'CA', aus: 'AU', jpn: 'JP', chn: 'CN', ind: 'IN', bra: 'BR', mex: 'MX', kor: 'KR', irl: 'IE', bel: 'BE', prt: 'PT',
};

/**
 * Made on first use, not at import: the first Intl.DisplayNames of a process loads ICU's region
 * data, ~12 ms of CPU, a third of a minimal function's whole cold start; most requests of the
 * functions that import this module (the accounts API, the accounts store) never name a country.
 */
let englishRegionNames: Intl.DisplayNames | undefined;
// Stryker disable next-line ArrayDeclaration: no locale is the default one, English on Lambda and in the tests
const englishRegion = () => (englishRegionNames ??= new Intl.DisplayNames(['en'], { type: 'region' }));

function foldCountry(raw: string): string {
  return fold(raw).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Two-letter codes Intl knows (it names unassigned ones after themselves, and a few reserved ones
 * "Unknown Region"), without the retired ones it names like their successors (FX "France", UK
 * "United Kingdom", ZR "Congo - Kinshasa"): those are aliases to a locale, which canonicalises them.
 */
let assigned: string[] | undefined;
function assignedCodes(): string[] {
  // Stryker disable next-line ConditionalExpression: listing the codes again gives the same list; only the cost differs
  if (assigned) return assigned;
  const codes: string[] = (assigned = []);
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const english = englishRegion().of(code);
      if (english && english !== code && !/unknown/i.test(english) && Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`) codes.push(code);
    }
  }
  return codes;
}

/*
 * Country names by folded text, built on first use and one language at a time: codes, English
 * names and the aliases first (what nearly every export uses; a few milliseconds), another
 * language's names only when a text is not found in those built so far. All 18 at once were
 * about 12,000 Intl lookups, 100-200 ms on the loaded 2-core machine, paid by the first
 * company record of every process.
 */
let countryNames: Map<string, string> | undefined;
let languagesIndexed = 0;

function indexLanguage(index: Map<string, string>, lang: string): void {
  const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  const own = new Map<string, string>();
  // Within a language the later code wins (no two codes kept share a name today) ...
  for (const code of assignedCodes()) {
    const name = names.of(code);
    // Stryker disable next-line ConditionalExpression: ICU names every code kept in each of the 18 languages (checked 2026-12-07)
    if (name) own.set(foldCountry(name), code);
  }
  // ... and a name already taken keeps its country: the aliases and English first, then the earlier language.
  for (const [key, code] of own) if (!index.has(key)) index.set(key, code);
}

function countryCode(folded: string): string | undefined {
  // Stryker disable next-line ConditionalExpression: indexing again from the start gives the same index; only the cost differs
  if (!countryNames) {
    countryNames = new Map();
    for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) countryNames.set(alias, code);
    for (const code of assignedCodes()) countryNames.set(code.toLowerCase(), code);
    indexLanguage(countryNames, COUNTRY_NAME_LANGUAGES[0]!);
    languagesIndexed = 1;
  }
  let code = countryNames.get(folded);
  // Stryker disable next-line ConditionalExpression: indexing on past a found name keeps it (the first language to name a text keeps it); only the cost differs
  while (code === undefined && languagesIndexed < COUNTRY_NAME_LANGUAGES.length) {
    indexLanguage(countryNames, COUNTRY_NAME_LANGUAGES[languagesIndexed++]!);
    code = countryNames.get(folded);
  }
  return code;
}

/**
 * A country as an ISO 3166-1 alpha-2 code and its English name ("USA", "Deutschland",
 * "de" -> DE / Germany), or undefined when the text names no country we know; callers keep
 * such text as printed.
 */
export function normalizeCountry(raw: unknown): { code: string; name: string } | undefined {
  // Stryker disable next-line MethodExpression: blank text folds to nothing, which names no country either
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  return memoCountry(raw);
}

const memoCountry = memoize((raw: string) => {
  const code = countryCode(foldCountry(raw));
  return code ? { code, name: englishRegion().of(code) ?? code } : undefined;
}, 5_000);

/** The country part of an account's name key: the ISO code, or the folded text when unknown. */
export function countryKey(country: string | undefined): string {
  if (!country) return '';
  return normalizeCountry(country)?.code ?? foldCountry(country);
}
