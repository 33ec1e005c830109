import type { Account, Contact } from './model.ts';
import { normalizeCountry } from './normalize.ts';
import { recogniseTechnology } from './technologies.ts';

/*
 * Lists over one tenant's entities held in memory: filter, text query, facets, sort and a
 * keyset cursor (the last item's sort value and id), so a page stays right when entities
 * are added or removed between pages. Sorted orders are built once per index, which lives
 * as long as the store version it was built from.
 */

export class QueryCursorError extends Error {
  constructor() {
    super('cursor is not one this list returned');
    this.name = 'QueryCursorError';
  }
}

export const ACCOUNT_SORTS = ['name', 'employees', 'annualRevenue', 'updatedAt', 'contactCount'] as const;
export type AccountSortField = (typeof ACCOUNT_SORTS)[number];

export interface AccountQuery {
  q?: string;
  industry?: string;
  technology?: string;
  country?: string;
  minEmployees?: number;
  maxEmployees?: number;
  sort: AccountSortField;
  descending: boolean;
  limit: number;
  cursor?: string;
}

export interface Facets {
  industry: Record<string, number>;
  technology: Record<string, number>;
  country: Record<string, number>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

/** Facet values returned per facet (the most frequent first); the counts always cover the whole filtered set. */
export const FACET_VALUES = 100;

// Stryker disable next-line Regex: the replacement is global, so a run of marks goes one mark at a time just the same
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
// Stryker disable next-line MethodExpression,Regex: an empty token is in every text, so it selects nothing away
const queryTokens = (q: string | undefined) => (q ? fold(q).split(/\s+/).filter(Boolean) : []);

type SortValue = string | number | undefined;

/** Ascending by value with missing values last in either direction; ties by id. */
function compare(a: SortValue, aId: string, b: SortValue, bId: string, descending: boolean): number {
  if (a !== b) {
    if (a === undefined) return 1;
    if (b === undefined) return -1;
    // One field holds one type: text by locale, numbers by value (and they differ here).
    // Stryker disable next-line EqualityOperator,ConditionalExpression: the values differ here, so a <= b is a < b, and not below is above
    const order = typeof a === 'string' ? a.localeCompare(b as string) : a < (b as number) ? -1 : 1;
    if (order !== 0) return descending ? -order : order;
  }
  if (aId === bId) return 0;
  // Stryker disable next-line EqualityOperator: the ids differ here
  return aId < bId ? -1 : 1;
}

interface CursorKey {
  v: SortValue;
  id: string;
}

function encodeCursor(sort: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify({ s: sort, v: key.v ?? null, id: key.id })).toString('base64url');
}

function decodeCursor(cursor: string, sort: string): CursorKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Stryker disable next-line BlockStatement: without the throw the undefined left fails the shape check below the same way
  } catch {
    throw new QueryCursorError();
  }
  const c = parsed as { s?: unknown; v?: unknown; id?: unknown };
  if (!c || typeof c !== 'object' || c.s !== sort || typeof c.id !== 'string' || !(c.v === null || typeof c.v === 'string' || typeof c.v === 'number')) {
    throw new QueryCursorError();
  }
  return { v: c.v ?? undefined, id: c.id };
}

/** One page of an already sorted list, after the cursor's position (binary search). */
function pageAfter<T>(sorted: T[], keyOf: (t: T) => CursorKey, cmp: (a: CursorKey, b: CursorKey) => number, sort: string, limit: number, cursor?: string): { items: T[]; nextCursor: string | null } {
  let start = 0;
  if (cursor) {
    const after = decodeCursor(cursor, sort);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(keyOf(sorted[mid]!), after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const items = sorted.slice(start, start + limit);
  const last = items[items.length - 1];
  return { items, nextCursor: last && start + limit < sorted.length ? encodeCursor(sort, keyOf(last)) : null };
}

interface AccountRow {
  account: Account;
  text: string;
  industry: string | undefined;
  country: string | undefined;
  technologies: Set<string>;
}

const sortValue = (a: Account, field: AccountSortField): SortValue => (field === 'name' ? (a.name ? fold(a.name) : undefined) : a[field]);

function bump(counts: Map<string, number>, value: string | undefined): void {
  if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
}

function topValues(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, FACET_VALUES));
}

/** A tenant's accounts, ready to be listed many times. */
export class AccountIndex {
  private readonly rows: AccountRow[];
  private readonly orders = new Map<string, AccountRow[]>();

  constructor(accounts: Iterable<Account>) {
    this.rows = [...accounts].map((account) => ({
      account,
      text: fold([account.name, account.domain, ...account.altDomains, account.industry, account.country, account.city, ...account.technologies.map((t) => t.name)].filter(Boolean).join(' \u0000 ')),
      industry: account.industry?.toLowerCase(),
      country: account.country?.toLowerCase(),
      technologies: new Set(account.technologies.map((t) => t.name.toLowerCase())),
    }));
  }

  get size(): number {
    return this.rows.length;
  }

  private ordered(field: AccountSortField, descending: boolean): AccountRow[] {
    const key = `${field}:${descending}`;
    let order = this.orders.get(key);
    // Stryker disable next-line ConditionalExpression: sorting again gives the same order; only the cost differs
    if (!order) {
      const values = new Map(this.rows.map((r) => [r, sortValue(r.account, field)]));
      order = [...this.rows].sort((a, b) => compare(values.get(a), a.account.accountId, values.get(b), b.account.accountId, descending));
      this.orders.set(key, order);
    }
    return order;
  }

  /** Every account the query's filters select, in its sort order. */
  filter(query: Omit<AccountQuery, 'limit' | 'cursor'>): Account[] {
    return this.filterRows(query).map((r) => r.account);
  }

  private filterRows(query: Omit<AccountQuery, 'limit' | 'cursor'>): AccountRow[] {
    const tokens = queryTokens(query.q);
    const industry = query.industry?.trim().toLowerCase();
    const technology = query.technology ? (recogniseTechnology(query.technology)?.name ?? query.technology.trim()).toLowerCase() : undefined;
    const country = query.country ? (normalizeCountry(query.country)?.name ?? query.country.trim()).toLowerCase() : undefined;
    const { minEmployees, maxEmployees } = query;
    return this.ordered(query.sort, query.descending).filter((r) => {
      if (industry !== undefined && r.industry !== industry) return false;
      if (country !== undefined && r.country !== country) return false;
      if (technology !== undefined && !r.technologies.has(technology)) return false;
      const employees = r.account.employees;
      if (minEmployees !== undefined && (employees === undefined || employees < minEmployees)) return false;
      if (maxEmployees !== undefined && (employees === undefined || employees > maxEmployees)) return false;
      for (const t of tokens) if (!r.text.includes(t)) return false;
      return true;
    });
  }

  /** A page, the filtered total and facets counted over the whole filtered set. */
  query(query: AccountQuery): Page<Account> & { facets: Facets } {
    const rows = this.filterRows(query);
    const industry = new Map<string, number>();
    const technology = new Map<string, number>();
    const country = new Map<string, number>();
    for (const r of rows) {
      bump(industry, r.account.industry);
      bump(country, r.account.country);
      for (const t of r.account.technologies) bump(technology, t.name);
    }
    const key = (r: AccountRow): CursorKey => ({ v: sortValue(r.account, query.sort), id: r.account.accountId });
    const page = pageAfter(rows, key, (a, b) => compare(a.v, a.id, b.v, b.id, query.descending), `${query.descending ? '-' : ''}${query.sort}`, query.limit, query.cursor);
    return {
      items: page.items.map((r) => r.account),
      nextCursor: page.nextCursor,
      total: rows.length,
      facets: { industry: topValues(industry), technology: topValues(technology), country: topValues(country) },
    };
  }
}

export interface ContactQuery {
  q?: string;
  accountId?: string;
  limit: number;
  cursor?: string;
}

const contactSortValue = (c: Contact): string | undefined => {
  const name = [c.lastName, c.firstName].filter(Boolean).join(' ') || c.fullName || c.email;
  return name ? fold(name) : undefined;
};

/** A tenant's contacts, sorted by last then first name. */
export class ContactIndex {
  private readonly rows: { contact: Contact; text: string; sort: string | undefined }[];

  constructor(contacts: Iterable<Contact>) {
    this.rows = [...contacts]
      .map((contact) => ({
        contact,
        text: fold([contact.fullName, contact.firstName, contact.lastName, contact.email, contact.phone, contact.title, contact.company].filter(Boolean).join(' \u0000 ')),
        sort: contactSortValue(contact),
      }))
      .sort((a, b) => compare(a.sort, a.contact.contactId, b.sort, b.contact.contactId, false));
  }

  filter(query: Omit<ContactQuery, 'limit' | 'cursor'>): Contact[] {
    const tokens = queryTokens(query.q);
    return this.rows.filter((r) => (query.accountId === undefined || r.contact.accountId === query.accountId) && tokens.every((t) => r.text.includes(t))).map((r) => r.contact);
  }

  query(query: ContactQuery): Page<Contact> {
    const rows = this.filter(query);
    const key = (c: Contact): CursorKey => ({ v: contactSortValue(c), id: c.contactId });
    // the cursor names the list too: an accounts cursor sorted by name is no place in this one
    const page = pageAfter(rows, key, (a, b) => compare(a.v, a.id, b.v, b.id, false), 'contacts:name', query.limit, query.cursor);
    return { ...page, total: rows.length };
  }
}
