import ipaddr from 'ipaddr.js';
import { DomainError } from '../errors.ts';

/** A webhook URL this service will not call; the message says why (shown to the API caller). */
export class WebhookUrlError extends DomainError {}

export interface UrlPolicy {
  /**
   * Local stack only (ALLOW_LOOPBACK_WEBHOOKS=true): also allow loopback addresses, and plain
   * http to loopback hosts, so development and tests can run receivers on this machine.
   * Private, link-local and every other non-public range stay refused.
   */
  allowLoopback: boolean;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** DNS resolution, injected so the policy stays pure (the sender passes node:dns lookup). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const MAX_URL_LENGTH = 2048;
const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

/** The host of a URL without IPv6 brackets. */
// Stryker disable next-line Regex: equivalent for each anchor dropped, URL.hostname holds brackets only around a whole IPv6 literal
export const bareHostname = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * The range of an IP address as ipaddr.js names it, after unwrapping IPv4-mapped IPv6
 * (::ffff:127.0.0.1 is 127.0.0.1). "unicast" is the only public range; everything else
 * (loopback, private, linkLocal incl. 169.254.169.254, carrierGradeNat, uniqueLocal fc00::/7,
 * multicast, unspecified, reserved, 6to4, teredo, NAT64 rfc6052, ...) is not.
 */
export function addressRange(address: string): string {
  if (!ipaddr.isValid(address)) return 'invalid';
  return ipaddr.process(address).range();
}

/** Whether the service may connect to this address under the policy. */
export function isAllowedAddress(address: string, policy: UrlPolicy): boolean {
  const range = addressRange(address);
  return range === 'unicast' || (policy.allowLoopback && range === 'loopback');
}

const isLoopbackHost = (host: string) => LOOPBACK_NAMES.has(host.toLowerCase()) || addressRange(host) === 'loopback';

/**
 * The checks that need no DNS: an absolute https URL (http only to a loopback host when the
 * policy allows loopback), no credentials in it, a host, a sane length; IP literals are
 * checked against the address policy right away.
 */
export function parseWebhookUrl(raw: string, policy: UrlPolicy): URL {
  if (raw.length > MAX_URL_LENGTH) throw new WebhookUrlError(`must be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlError('must be an absolute URL');
  }
  const host = bareHostname(url);
  if (url.protocol === 'http:') {
    if (!(policy.allowLoopback && isLoopbackHost(host))) throw new WebhookUrlError('must use https');
  } else if (url.protocol !== 'https:') {
    throw new WebhookUrlError('must use https');
  }
  if (url.username || url.password) throw new WebhookUrlError('must not contain credentials');
  // Stryker disable next-line ConditionalExpression,BlockStatement,StringLiteral: unreachable, the URL parser refuses an http(s) URL with an empty host before this line
  if (!host) throw new WebhookUrlError('must have a host');
  if (ipaddr.isValid(host) && !isAllowedAddress(host, policy)) {
    throw new WebhookUrlError(`points to a non-public address (${addressRange(host)})`);
  }
  return url;
}

/**
 * Resolve the URL's host once and check EVERY address it resolves to: one private answer
 * among public ones refuses the URL (a rebinding or split-horizon name). The caller must
 * connect to the returned address, never resolve the name again (DNS pinning).
 */
export async function resolveWebhookTarget(url: URL, policy: UrlPolicy, resolve: Resolver): Promise<ResolvedAddress> {
  const host = bareHostname(url);
  if (ipaddr.isValid(host)) {
    if (!isAllowedAddress(host, policy)) throw new WebhookUrlError(`points to a non-public address (${addressRange(host)})`);
    return { address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 };
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    throw new WebhookUrlError(`host ${host} does not resolve`);
  }
  if (addresses.length === 0) throw new WebhookUrlError(`host ${host} does not resolve`);
  for (const a of addresses) {
    if (!isAllowedAddress(a.address, policy)) {
      throw new WebhookUrlError(`host ${host} resolves to a non-public address (${addressRange(a.address)})`);
    }
  }
  // http is only ever allowed to loopback, so a name like localhost must resolve only there.
  if (url.protocol === 'http:' && !addresses.every((a) => addressRange(a.address) === 'loopback')) {
    throw new WebhookUrlError('must use https');
  }
  // Prefer IPv4: Lambda outside a VPC has no IPv6 egress, and every address passed anyway.
  return addresses.find((a) => a.family === 4) ?? addresses[0]!;
}

/** Both checks in one: what the API runs on create and PATCH, and the sender before every POST. */
export async function checkWebhookUrl(raw: string, policy: UrlPolicy, resolve: Resolver): Promise<{ url: URL; target: ResolvedAddress }> {
  const url = parseWebhookUrl(raw, policy);
  return { url, target: await resolveWebhookTarget(url, policy, resolve) };
}
