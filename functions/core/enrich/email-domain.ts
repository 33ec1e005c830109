import { EMPTY, fail, isBlankCell, type ParseFailure } from './result.ts';

export type TextResult = { ok: true; value: string } | ParseFailure;

// Deliberately simple: exports carry typos, not RFC 5322 corner cases; a value passes
// when it has one "@", a local part, and a host with a dot and an alphabetic TLD.
const EMAIL = /^[^\s@<>(),;:"]+@([a-z0-9-]+\.)+[a-z]{2,63}$/;

// Mailbox providers: their domain says nothing about a contact's company.
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'ymail.com', 'hotmail.com', 'outlook.com', 'live.com', 'msn.com', 'aol.com',
  'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'web.de', 'mail.com', 'yandex.ru',
  'zoho.com', 'comcast.net', 'att.net', 'verizon.net', 'sbcglobal.net', 'qq.com', '163.com', 'fastmail.com', 'hey.com',
]);

/**
 * Normalise an e-mail address: trimmed and lower-cased, with "mailto:", angle brackets
 * and a display name removed ("Jane Doe <Jane@Acme.com>" -> "jane@acme.com"). A cell
 * with several addresses keeps the first.
 */
export function normalizeEmail(raw: string): TextResult {
  if (isBlankCell(raw)) return EMPTY;
  // Stryker disable next-line MethodExpression: equivalent, the trim after the angle brackets trims whatever is left
  let s = raw.trim();
  const angle = s.indexOf('<');
  if (angle >= 0) {
    const close = s.indexOf('>', angle);
    // Stryker disable next-line EqualityOperator: equivalent for < 0 -> <= 0, the closing bracket is searched after the opening one, so never at 0
    if (close < 0) return fail('not an e-mail address');
    s = s.slice(angle + 1, close);
  }
  s = s.trim().toLowerCase();
  if (s.startsWith('mailto:')) s = s.slice(7);
  const sep = s.search(/[;,\s]/);
  // Stryker disable next-line EqualityOperator: equivalent, a cell starting with ; or , is refused by the address pattern whether cut to nothing or not
  if (sep > 0) s = s.slice(0, sep);
  if (!EMAIL.test(s)) return fail('not an e-mail address');
  return { ok: true, value: s };
}

/**
 * A bare host name from a domain, URL or e-mail address: lower case, no scheme, path,
 * port or leading "www." ("https://www.Acme.com/about" -> "acme.com"). International
 * names are returned in their ASCII (punycode) form.
 */
export function normalizeDomain(raw: string): TextResult {
  if (isBlankCell(raw)) return EMPTY;
  let s = raw.trim();
  const at = s.lastIndexOf('@');
  // Stryker disable next-line ConditionalExpression: equivalent for -> true, without an @ slice(0) keeps the whole text
  if (at >= 0) s = s.slice(at + 1);
  let host = plainHost(s) ?? hostByUrl(s);
  if (host === undefined) return fail('not a domain');
  if (host.startsWith('www.')) host = host.slice(4);
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (!/^([a-z0-9-]{1,63}\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(host)) return fail('not a domain');
  return { ok: true, value: host };
}

/**
 * A domain or http(s) address spelled in plain ASCII letters, digits, dots and hyphens, up
 * to the end or a path, query or fragment ("acme.com", "HTTPS://www.Acme.com/about"): its
 * host as the URL parser gives it (ASCII lower-cased, nothing else changes), without
 * building a URL, which was most of a 10,000-company upsert's domain work. Anything else
 * (a port, escapes, another scheme, control characters, non-ASCII or punycode names that
 * IDNA must check) is left to the parser: undefined.
 */
const PLAIN_HOST = /^(?:https?:\/\/)?([a-z0-9.-]+)(?=[/?#]|$)/i;
function plainHost(s: string): string | undefined {
  // Stryker disable next-line OptionalChaining: equivalent, the pattern's one group is always set when it matches
  const host = PLAIN_HOST.exec(s)?.[1]?.toLowerCase();
  return host === undefined || host.includes('xn--') ? undefined : host;
}

/** The host the URL parser reads from a domain or address (taken as http when it has no scheme). */
function hostByUrl(s: string): string | undefined {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : 'http://' + s).hostname;
  // Stryker disable next-line BlockStatement: equivalent, an empty catch block also returns undefined
  } catch {
    return undefined;
  }
}

/** The company domain of an e-mail address, or undefined for free-mail providers and bad input. */
export function companyDomainFromEmail(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 0) return undefined;
  const domain = email.slice(at + 1).toLowerCase();
  return FREE_MAIL.has(domain) ? undefined : domain;
}

/**
 * Normalise a web address: "acme.com/about" -> "https://acme.com/about". Only http(s);
 * a missing scheme is taken as https.
 */
export function normalizeUrl(raw: string): TextResult {
  if (isBlankCell(raw)) return EMPTY;
  const s = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : 'https://' + s;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return fail('not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('not a web address');
  if (!url.hostname.includes('.')) return fail('not a URL');
  return { ok: true, value: url.href };
}
