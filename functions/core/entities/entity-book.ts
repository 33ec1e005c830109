import { cloneAccount, cloneContact } from './merge.ts';
import { companyNameKey, countryKey, emailKey, personNameKey, phoneKey } from './normalize.ts';
import type { Account, Contact } from './model.ts';

/** What an incoming account is matched on. */
export interface AccountProbe {
  domain?: string;
  nameKey?: string;
  /** ISO code or folded country text; '' = unknown */
  country?: string;
}

/** What an incoming contact is matched on. */
export interface ContactProbe {
  email?: string;
  phone?: string;
  nameKey?: string;
  accountId?: string | null;
}

const hasDomain = (a: Account, domain: string) => a.domain === domain || a.altDomains.includes(domain);
const nameKeyOf = (a: Account) => companyNameKey(a.name);
const contactNameKey = (c: Contact) => personNameKey(c.firstName, c.lastName, c.fullName);
const contactEmailKey = (c: Contact) => emailKey(c.email);
const contactPhoneKey = (c: Contact) => phoneKey(c.phone);
const contactAtAccountKey = (c: Contact) => (c.accountId ? `${contactNameKey(c)}|${c.accountId}` : undefined);

/**
 * One tenant's accounts and contacts in memory, with the dedupe indexes, for one change
 * (a job's records, an edit, a merge). Entities are shared with readers, so an entity is
 * copied before its first edit (`updateAccount`); the dirty sets say which ones to save.
 *
 * Indexes map a key to an id and are checked on read: a stale entry (the entity changed or
 * went) is ignored, so edits never have to remove keys.
 */
export class EntityBook {
  readonly accounts: Map<string, Account>;
  readonly contacts: Map<string, Contact>;
  readonly dirtyAccounts = new Set<string>();
  readonly dirtyContacts = new Set<string>();
  private readonly byDomain = new Map<string, string>();
  private readonly byName = new Map<string, Set<string>>();
  private readonly byEmail = new Map<string, string>();
  private readonly byPhone = new Map<string, string>();
  private readonly byPersonAtAccount = new Map<string, string>();

  constructor(accounts: Iterable<Account>, contacts: Iterable<Contact>) {
    this.accounts = new Map();
    this.contacts = new Map();
    for (const a of accounts) {
      this.accounts.set(a.accountId, a);
      this.indexAccount(a);
    }
    for (const c of contacts) {
      this.contacts.set(c.contactId, c);
      this.indexContact(c);
    }
  }

  // Indexing runs after every edit of every record's entity: an entry that already names the
  // entity is left as it is, without checking its holder again (the set would not change it).
  indexAccount(a: Account): void {
    // Stryker disable next-line ConditionalExpression: an account without a domain would index undefined, a key no probe with a domain asks for
    if (a.domain) this.indexDomain(a.domain, a.accountId);
    for (const d of a.altDomains) this.indexDomain(d, a.accountId);
    const key = nameKeyOf(a);
    // Stryker disable next-line ConditionalExpression: an account without a name key would index undefined, a key no probe with one asks for
    if (key) {
      let ids = this.byName.get(key);
      if (!ids) this.byName.set(key, (ids = new Set()));
      ids.add(a.accountId);
    }
  }

  private indexDomain(domain: string, id: string): void {
    const holderId = this.byDomain.get(domain);
    // Stryker disable next-line ConditionalExpression: the holder checked below is this account, which has the domain: nothing is set either way
    if (holderId === id) return;
    // Stryker disable next-line StringLiteral: no account has either id
    const holder = this.accounts.get(holderId ?? '');
    if (holder === undefined || !hasDomain(holder, domain)) this.byDomain.set(domain, id);
  }

  indexContact(c: Contact): void {
    const email = emailKey(c.email);
    if (email && !this.contactHolds(this.byEmail, email, contactEmailKey, c.contactId)) this.byEmail.set(email, c.contactId);
    const phone = phoneKey(c.phone);
    if (phone && !this.contactHolds(this.byPhone, phone, contactPhoneKey, c.contactId)) this.byPhone.set(phone, c.contactId);
    const name = contactNameKey(c);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a key with an undefined part is never asked for (findContact needs both)
    if (name && c.accountId) {
      const key = `${name}|${c.accountId}`;
      if (!this.contactHolds(this.byPersonAtAccount, key, contactAtAccountKey, c.contactId)) this.byPersonAtAccount.set(key, c.contactId);
    }
  }

  private contactHolds(index: Map<string, string>, key: string, keyOf: (c: Contact) => string | undefined, id: string): boolean {
    const holderId = index.get(key);
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: setting the key to the id it already names changes nothing
    if (holderId === id) return true;
    // Stryker disable next-line StringLiteral: no contact has either id
    const holder = this.contacts.get(holderId ?? '');
    return holder !== undefined && keyOf(holder) === key;
  }

  /**
   * The account an incoming one is: the same domain; else the same name (legal form aside)
   * where neither side's domain or country contradicts the other, the same country first.
   */
  findAccount(probe: AccountProbe): Account | undefined {
    // Stryker disable next-line ConditionalExpression: without a domain the index gives nothing
    if (probe.domain) {
      // Stryker disable next-line StringLiteral: no account has either id
      const hit = this.accounts.get(this.byDomain.get(probe.domain) ?? '');
      if (hit && hasDomain(hit, probe.domain)) return hit;
    }
    const ids = probe.nameKey ? this.byName.get(probe.nameKey) : undefined;
    if (!ids) return undefined;
    // A loop, not a chain of filters: this runs for every record of a job, most finding nothing.
    let first: Account | undefined;
    for (const id of ids) {
      const a = this.accounts.get(id);
      if (a === undefined || nameKeyOf(a) !== probe.nameKey) continue;
      if (probe.domain && a.domain && !hasDomain(a, probe.domain)) continue;
      const country = probe.country && a.country ? countryKey(a.country) : undefined;
      if (country !== undefined && country !== probe.country) continue;
      if (country !== undefined) return a;
      first ??= a;
    }
    return first;
  }

  /** The contact an incoming one is: same e-mail; else same phone; else same name at the same account (never across different e-mails). */
  findContact(probe: ContactProbe): Contact | undefined {
    // Stryker disable next-line ConditionalExpression: without an e-mail the index gives nothing
    if (probe.email) {
      // Stryker disable next-line StringLiteral: no contact has either id
      const hit = this.contacts.get(this.byEmail.get(probe.email) ?? '');
      if (hit && emailKey(hit.email) === probe.email) return hit;
    }
    const compatible = (c: Contact | undefined) => c !== undefined && (!probe.email || !c.email || emailKey(c.email) === probe.email);
    // Stryker disable next-line ConditionalExpression: without a phone the index gives nothing
    if (probe.phone) {
      // Stryker disable next-line StringLiteral: no contact has either id
      const hit = this.contacts.get(this.byPhone.get(probe.phone) ?? '');
      if (hit && phoneKey(hit.phone) === probe.phone && compatible(hit)) return hit;
    }
    if (probe.nameKey && probe.accountId) {
      const key = `${probe.nameKey}|${probe.accountId}`;
      // Stryker disable next-line StringLiteral: no contact has either id
      const hit = this.contacts.get(this.byPersonAtAccount.get(key) ?? '');
      if (hit && hit.accountId === probe.accountId && contactNameKey(hit) === probe.nameKey && compatible(hit)) return hit;
    }
    return undefined;
  }

  addAccount(a: Account): Account {
    this.accounts.set(a.accountId, a);
    this.dirtyAccounts.add(a.accountId);
    this.indexAccount(a);
    return a;
  }

  addContact(c: Contact): Contact {
    this.contacts.set(c.contactId, c);
    this.dirtyContacts.add(c.contactId);
    this.indexContact(c);
    return c;
  }

  /**
   * Edit an account: `edit` works on a copy (the first time in this change) and says whether
   * it changed anything; only then does the copy replace the original and count as dirty.
   * The account is indexed again afterwards. Undefined when there is no such account.
   */
  updateAccount(id: string, edit: (a: Account) => boolean): Account | undefined {
    const current = this.accounts.get(id);
    if (!current) return undefined;
    const mine = this.dirtyAccounts.has(id);
    const target = mine ? current : cloneAccount(current);
    if (edit(target) && !mine) {
      this.accounts.set(id, target);
      this.dirtyAccounts.add(id);
    }
    const result = this.accounts.get(id)!;
    this.indexAccount(result);
    return result;
  }

  updateContact(id: string, edit: (c: Contact) => boolean): Contact | undefined {
    const current = this.contacts.get(id);
    if (!current) return undefined;
    const mine = this.dirtyContacts.has(id);
    const target = mine ? current : cloneContact(current);
    if (edit(target) && !mine) {
      this.contacts.set(id, target);
      this.dirtyContacts.add(id);
    }
    const result = this.contacts.get(id)!;
    this.indexContact(result);
    return result;
  }

  deleteAccount(id: string): boolean {
    if (!this.accounts.delete(id)) return false;
    this.dirtyAccounts.add(id);
    return true;
  }

  deleteContact(id: string): boolean {
    if (!this.contacts.delete(id)) return false;
    this.dirtyContacts.add(id);
    return true;
  }

  /** Contacts of an account (a scan: fine for one account's page, not for a loop over all). */
  contactsOf(accountId: string): Contact[] {
    return [...this.contacts.values()].filter((c) => c.accountId === accountId);
  }

  /**
   * Bring every account's contactCount up to date (an account copied only when its count moved).
   * Call once per change, before saving.
   */
  recountContacts(): void {
    const counts = new Map<string, number>();
    for (const c of this.contacts.values()) if (c.accountId) counts.set(c.accountId, (counts.get(c.accountId) ?? 0) + 1);
    for (const a of this.accounts.values()) {
      const n = counts.get(a.accountId) ?? 0;
      if (a.contactCount !== n) {
        this.updateAccount(a.accountId, (copy) => {
          copy.contactCount = n;
          return true;
        });
      }
    }
  }

  /** True when this change touched anything. */
  get changed(): boolean {
    return this.dirtyAccounts.size > 0 || this.dirtyContacts.size > 0;
  }
}
