import { describe, expect, it } from 'vitest';
import { decodeAccount, decodeContact, encodeAccount, encodeContact } from '../../functions/core/entities/codec.ts';
import { deleteAccount, deleteContact, EntityEditError, markJobDeleted, mergeAccounts, patchAccount, patchContact } from '../../functions/core/entities/edits.ts';
import { EntityBook } from '../../functions/core/entities/entity-book.ts';
import type { Account, Contact, Provenance, SourceRef } from '../../functions/core/entities/model.ts';

/* One tenant's store in memory: finding the entity a record is, copy-on-write edits, API edits and merges, storage. */

const JAN = '2026-01-01T00:00:00.000Z';
const FEB = '2026-02-01T00:00:00.000Z';
const MAR = '2026-03-01T00:00:00.000Z';
const job = (jobId: string, row: number, at = JAN): Provenance => ({ jobId, row, at, via: 'job' });

function account(accountId: string, extra: Partial<Account> = {}): Account {
  return { accountId, altDomains: [], technologies: [], contactCount: 0, prov: {}, history: [], sources: [{ jobId: 'job1', via: 'job', rows: [1], firstAt: JAN, lastAt: JAN }], createdAt: JAN, updatedAt: JAN, createdByJob: 'job1', ...extra };
}
function contact(contactId: string, extra: Partial<Contact> = {}): Contact {
  return { contactId, accountId: null, prov: {}, history: [], sources: [{ jobId: 'job1', via: 'job', rows: [1], firstAt: JAN, lastAt: JAN }], createdAt: JAN, updatedAt: JAN, createdByJob: 'job1', ...extra };
}

describe('EntityBook.findAccount', () => {
  it('finds an account by its domain or one merged into it', () => {
    const book = new EntityBook([account('a1', { name: 'Acme', domain: 'acme.example', altDomains: ['acme.eu'] })], []);
    expect(book.findAccount({ domain: 'acme.example' })?.accountId).toBe('a1');
    expect(book.findAccount({ domain: 'acme.eu' })?.accountId).toBe('a1');
    expect(book.findAccount({ domain: 'other.example' })).toBeUndefined();
    expect(book.findAccount({})).toBeUndefined();
  });

  it('follows a domain to its new holder once the old one gave it up', () => {
    const book = new EntityBook([account('a1', { name: 'Acme', domain: 'acme.example' })], []);
    book.updateAccount('a1', (a) => ((a.domain = 'acme.com'), true));
    book.addAccount(account('a2', { name: 'Other', domain: 'acme.example' }));
    expect(book.findAccount({ domain: 'acme.example' })?.accountId).toBe('a2');
    expect(book.findAccount({ domain: 'acme.com' })?.accountId).toBe('a1');
    // a domain the index still names but whose holder is gone finds nothing
    book.deleteAccount('a2');
    expect(book.findAccount({ domain: 'acme.example' })).toBeUndefined();
  });

  it('keeps a domain with its first holder while that one still has it', () => {
    const book = new EntityBook([account('a1', { name: 'Acme', domain: 'acme.example' }), account('a2', { name: 'Other', altDomains: ['acme.example'] })], []);
    expect(book.findAccount({ domain: 'acme.example' })?.accountId).toBe('a1');
  });

  it('matches by name where neither domain nor country contradicts, the same country first', () => {
    const book = new EntityBook(
      [
        account('a1', { name: 'Nova GmbH', domain: 'nova.de', country: 'Germany' }),
        account('a2', { name: 'Nova SA', country: 'France' }),
        account('a3', { name: 'Nova' }),
      ],
      [],
    );
    expect(book.findAccount({ nameKey: 'nova', country: 'FR' })?.accountId).toBe('a2');
    expect(book.findAccount({ nameKey: 'nova', country: 'DE' })?.accountId).toBe('a1');
    // another country: the account without a country
    expect(book.findAccount({ nameKey: 'nova', country: 'ES' })?.accountId).toBe('a3');
    // no country asked: the first of the name
    expect(book.findAccount({ nameKey: 'nova', country: '' })?.accountId).toBe('a1');
    // another domain rules out the account with a domain, not those without
    expect(book.findAccount({ nameKey: 'nova', domain: 'nova.fr', country: '' })?.accountId).toBe('a2');
    expect(book.findAccount({ nameKey: 'nova', domain: 'nova.de', country: 'FR' })?.accountId).toBe('a1');
    expect(book.findAccount({ nameKey: 'other' })).toBeUndefined();
  });

  it('prefers the same country over an earlier account without one, and skips a deleted account', () => {
    const book = new EntityBook([account('a3', { name: 'Nova' }), account('a2', { name: 'Nova SA', country: 'France' }), account('a4', { name: 'Gone' })], []);
    expect(book.findAccount({ nameKey: 'nova', country: 'FR' })?.accountId).toBe('a2');
    book.deleteAccount('a4');
    expect(book.findAccount({ nameKey: 'gone' })).toBeUndefined();
  });

  it('does not match a name an account no longer has', () => {
    const book = new EntityBook([account('a1', { name: 'Nova' })], []);
    book.updateAccount('a1', (a) => ((a.name = 'Stella'), true));
    expect(book.findAccount({ nameKey: 'nova' })).toBeUndefined();
    expect(book.findAccount({ nameKey: 'stella' })?.accountId).toBe('a1');
  });
});

describe('EntityBook.findContact', () => {
  const book = () =>
    new EntityBook(
      [],
      [
        contact('c1', { email: 'jane@acme.example', phone: '+14155550100', fullName: 'Jane Doe', accountId: 'a1' }),
        contact('c2', { phone: '+14155550199', fullName: 'Bob Roe', accountId: 'a1' }),
        contact('c3', { fullName: 'Ann Lee', accountId: null }),
      ],
    );

  it('finds by e-mail, else phone, else name at the same account', () => {
    const b = book();
    expect(b.findContact({ email: 'jane@acme.example' })?.contactId).toBe('c1');
    expect(b.findContact({ phone: '+14155550199' })?.contactId).toBe('c2');
    expect(b.findContact({ nameKey: 'bob roe', accountId: 'a1' })?.contactId).toBe('c2');
    expect(b.findContact({ nameKey: 'bob roe', accountId: 'a2' })).toBeUndefined();
    expect(b.findContact({ nameKey: 'bob roe', accountId: null })).toBeUndefined();
    expect(b.findContact({ nameKey: 'ann lee', accountId: null })).toBeUndefined();
  });

  it('never takes a contact with another e-mail by its phone or name', () => {
    const b = book();
    expect(b.findContact({ email: 'john@acme.example', phone: '+14155550100' })).toBeUndefined();
    expect(b.findContact({ email: 'john@acme.example', nameKey: 'jane doe', accountId: 'a1' })).toBeUndefined();
    // a contact without an e-mail is compatible
    expect(b.findContact({ email: 'bob@acme.example', phone: '+14155550199' })?.contactId).toBe('c2');
    expect(b.findContact({ email: 'bob@acme.example', nameKey: 'bob roe', accountId: 'a1' })?.contactId).toBe('c2');
  });

  it('does not follow a key the contact no longer has', () => {
    const b = book();
    b.updateContact('c1', (c) => ((c.email = 'jane@acme.com'), (c.phone = '+14155550111'), (c.fullName = 'Jane Roe'), true));
    expect(b.findContact({ email: 'jane@acme.example' })).toBeUndefined();
    expect(b.findContact({ phone: '+14155550100' })).toBeUndefined();
    expect(b.findContact({ nameKey: 'jane doe', accountId: 'a1' })).toBeUndefined();
    expect(b.findContact({ email: 'jane@acme.com' })?.contactId).toBe('c1');
    // another contact can take the old keys
    b.addContact(contact('c4', { email: 'jane@acme.example', phone: '+14155550100', fullName: 'Jane Doe', accountId: 'a1' }));
    expect(b.findContact({ email: 'jane@acme.example' })?.contactId).toBe('c4');
    expect(b.findContact({ phone: '+14155550100' })?.contactId).toBe('c4');
    expect(b.findContact({ nameKey: 'jane doe', accountId: 'a1' })?.contactId).toBe('c4');
  });

  it('keeps a key with its first holder while that one still has it', () => {
    const b = book();
    b.addContact(contact('c5', { email: 'jane@acme.example', phone: '+14155550100', fullName: 'Jane Doe', accountId: 'a1' }));
    expect(b.findContact({ email: 'jane@acme.example' })?.contactId).toBe('c1');
    expect(b.findContact({ phone: '+14155550100' })?.contactId).toBe('c1');
    expect(b.findContact({ nameKey: 'jane doe', accountId: 'a1' })?.contactId).toBe('c1');
  });
});

describe('EntityBook edits', () => {
  it('edits a copy, so a reader holding the entity sees it unchanged, and marks it dirty only when it changed', () => {
    const original = account('a1', { name: 'Acme', altDomains: ['acme.eu'] });
    const book = new EntityBook([original], [contact('c1', { fullName: 'Jane' })]);
    expect(book.changed).toBe(false);
    expect(book.updateAccount('a1', () => false)).toBe(original);
    expect(book.dirtyAccounts.size).toBe(0);
    const edited = book.updateAccount('a1', (a) => ((a.city = 'Berlin'), a.altDomains.push('acme.de'), true))!;
    expect(original.city).toBeUndefined();
    expect(original.altDomains).toEqual(['acme.eu']);
    expect(edited).toMatchObject({ city: 'Berlin', altDomains: ['acme.eu', 'acme.de'] });
    expect(book.accounts.get('a1')).toBe(edited);
    expect([...book.dirtyAccounts]).toEqual(['a1']);
    expect(book.changed).toBe(true);
    // the second edit of the change works on the copy already made
    expect(book.updateAccount('a1', (a) => ((a.city = 'Bonn'), true))).toBe(edited);
    expect(edited.city).toBe('Bonn');
    expect(book.updateAccount('nope', () => true)).toBeUndefined();

    const jane = book.contacts.get('c1')!;
    expect(book.updateContact('c1', () => false)).toBe(jane);
    expect(book.dirtyContacts.size).toBe(0);
    const janeEdited = book.updateContact('c1', (c) => ((c.title = 'CTO'), true))!;
    expect(jane.title).toBeUndefined();
    expect(book.updateContact('c1', (c) => ((c.title = 'CEO'), true))).toBe(janeEdited);
    expect(janeEdited.title).toBe('CEO');
    expect([...book.dirtyContacts]).toEqual(['c1']);
    expect(book.updateContact('nope', () => true)).toBeUndefined();
  });

  it('counts a change that only deleted or added contacts', () => {
    const book = new EntityBook([], [contact('c1')]);
    expect(book.deleteContact('nope')).toBe(false);
    expect(book.changed).toBe(false);
    expect(book.deleteContact('c1')).toBe(true);
    expect(book.changed).toBe(true);
    const other = new EntityBook([], []);
    other.addContact(contact('c2', { email: 'x@y.example' }));
    expect(other.changed).toBe(true);
    expect(other.findContact({ email: 'x@y.example' })?.contactId).toBe('c2');
  });

  it('recounts contacts per account, touching only accounts whose count moved', () => {
    const book = new EntityBook([account('a1', { contactCount: 2 }), account('a2', { contactCount: 1 }), account('a3', { contactCount: 0 })], [contact('c1', { accountId: 'a1' }), contact('c2', { accountId: 'a1' }), contact('c3', { accountId: 'a3' })]);
    book.recountContacts();
    expect([...book.accounts.values()].map((a) => a.contactCount)).toEqual([2, 0, 1]);
    expect([...book.dirtyAccounts].sort()).toEqual(['a2', 'a3']);
    expect(book.contactsOf('a1').map((c) => c.contactId)).toEqual(['c1', 'c2']);
  });
});

describe('patchAccount', () => {
  const setup = () => new EntityBook([account('a1', { name: 'Acme', domain: 'acme.example', industry: 'Software', technologies: [{ name: 'Stripe', category: 'Payments', found: [] }, { name: 'SAP', category: null, found: [] }] }), account('a2', { name: 'Beta', domain: 'beta.example' })], []);

  it('changes nothing, not even the dates, when the patch holds the current values', () => {
    const book = setup();
    const patched = patchAccount(book, 'a1', { name: 'Acme', domain: 'acme.example' }, FEB)!;
    expect(patched.updatedAt).toBe(JAN);
    expect(patched.sources).toHaveLength(1);
    expect(book.changed).toBe(false);
    // technologies named by an edit are confirmed by it once (a sighting of the API), then nothing changes
    expect(patchAccount(book, 'a1', { technologies: ['stripe', 'SAP'] }, FEB)!.technologies.map((t) => t.found)).toEqual([[{ jobId: null, row: null, field: 'technologies', how: 'api' }], [{ jobId: null, row: null, field: 'technologies', how: 'api' }]]);
    expect(patchAccount(book, 'a1', { technologies: ['Stripe', 'sap'] }, MAR)!.updatedAt).toBe(FEB);
  });

  it('sets, clears and replaces the technologies, and notes the edit as a source', () => {
    const book = setup();
    const patched = patchAccount(book, 'a1', { industry: null, city: 'Berlin', technologies: ['stripe', ' Homegrown CRM '] }, FEB)!;
    expect(patched).toMatchObject({ city: 'Berlin', updatedAt: FEB });
    expect('industry' in patched).toBe(false);
    expect(patched.technologies.map((t) => [t.name, t.category])).toEqual([
      ['Stripe', 'Payments'],
      ['Homegrown CRM', null],
    ]);
    expect(patched.sources.at(-1)).toEqual({ jobId: null, via: 'api', rows: [], firstAt: FEB, lastAt: FEB });
    // only removing a technology is a change too
    expect(patchAccount(book, 'a1', { technologies: ['Stripe'] }, MAR)!.updatedAt).toBe(MAR);
  });

  it('sets every account field an edit names', () => {
    const book = setup();
    const values = { name: 'Acme Corp', domain: 'acme.com', industry: 'SaaS', employees: 12, annualRevenue: 3.5, country: 'France', city: 'Paris' };
    expect(patchAccount(book, 'a1', values, FEB)).toMatchObject(values);
    const other = setup();
    mergeAccounts(other, 'a2', 'a1', FEB);
    expect(other.accounts.get('a2')).toMatchObject({ domain: 'beta.example', altDomains: ['acme.example'], industry: 'Software' });
    const bare = new EntityBook([account('k'), account('o', { employees: 5, annualRevenue: 7, country: 'Spain', city: 'Madrid' })], []);
    expect(mergeAccounts(bare, 'k', 'o', FEB)).toMatchObject({ employees: 5, annualRevenue: 7, country: 'Spain', city: 'Madrid' });
  });

  it('accepts its own domain, refuses another account\'s, and answers undefined for an unknown account', () => {
    const book = setup();
    expect(patchAccount(book, 'a1', { domain: 'acme.example', city: 'Berlin' }, FEB)!.city).toBe('Berlin');
    const error = (() => {
      try {
        patchAccount(book, 'a1', { domain: 'beta.example' }, FEB);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(EntityEditError);
    expect(error).toMatchObject({ name: 'EntityEditError', field: 'domain', message: 'domain beta.example belongs to account a2; merge the two instead' });
    expect(patchAccount(book, 'nope', { city: 'x' }, FEB)).toBeUndefined();
    expect(patchAccount(book, 'nope', { domain: 'beta.example' }, FEB)).toBeUndefined();
  });
});

describe('mergeAccounts', () => {
  it('fills the kept account from the other, keeps its domains, technologies, sources and history, and moves its contacts', () => {
    const keep = account('a1', { name: 'Acme', industry: 'Software', prov: { name: job('job1', 1), industry: job('job1', 1) }, technologies: [{ name: 'Stripe', category: null, found: [{ jobId: 'job1', row: 1, field: 'technologies', how: 'list' }] }] });
    const other = account('a2', {
      name: 'Acme Europe',
      domain: 'acme.eu',
      altDomains: ['acme.de', 'acme.fr'],
      industry: 'SaaS',
      city: 'Berlin',
      prov: { name: job('job2', 4, FEB), domain: job('job2', 4, FEB), industry: job('job2', 4, FEB) },
      technologies: [{ name: 'SAP', category: null, found: [] }, { name: 'Stripe', category: null, found: [{ jobId: 'job2', row: 4, field: 'notes', how: 'text' }] }],
      history: [{ field: 'city', value: 'Munich', source: job('job0', 2), recordedAt: JAN }],
      sources: [
        { jobId: 'job2', via: 'job', rows: [4, 5], firstAt: FEB, lastAt: MAR },
        { jobId: null, via: 'api', rows: [], firstAt: FEB, lastAt: MAR },
      ],
    });
    const book = new EntityBook([keep, other], [contact('c1', { accountId: 'a2' }), contact('c2', { accountId: 'a1' })]);
    const merged = mergeAccounts(book, 'a1', 'a2', MAR)!;
    expect(book.accounts.has('a2')).toBe(false);
    expect(merged).toMatchObject({ name: 'Acme Europe', industry: 'SaaS', city: 'Berlin', domain: 'acme.eu', altDomains: ['acme.de', 'acme.fr'], contactCount: 2, updatedAt: MAR });
    expect(merged.prov.city).toEqual({ jobId: null, row: null, at: MAR, via: 'merge' });
    expect(merged.prov.domain).toEqual(job('job2', 4, FEB));
    expect(merged.technologies.map((t) => [t.name, t.found.map((f) => [f.jobId, f.how])])).toEqual([
      ['Stripe', [['job1', 'list'], ['job2', 'text']]],
      ['SAP', [[null, 'api']]],
    ]);
    expect(merged.technologies[1]!.found).toEqual([{ jobId: null, row: null, field: 'technologies', how: 'api' }]);
    expect(merged.sources).toEqual([
      { jobId: 'job1', via: 'job', rows: [1], firstAt: JAN, lastAt: JAN },
      { jobId: 'job2', via: 'job', rows: [4, 5], firstAt: FEB, lastAt: MAR },
      { jobId: null, via: 'api', rows: [], firstAt: FEB, lastAt: MAR },
      { jobId: null, via: 'merge', rows: [], firstAt: MAR, lastAt: MAR },
    ]);
    expect(merged.history).toEqual([
      { field: 'name', value: 'Acme', source: job('job1', 1), recordedAt: MAR },
      { field: 'industry', value: 'Software', source: job('job1', 1), recordedAt: MAR },
      { field: 'city', value: 'Munich', source: job('job0', 2), recordedAt: JAN },
      { field: 'mergedAccount', value: 'a2', source: { jobId: null, row: null, at: MAR, via: 'merge' }, recordedAt: MAR },
    ]);
    expect(book.contacts.get('c1')!.accountId).toBe('a1');
    expect(book.findAccount({ domain: 'acme.fr' })?.accountId).toBe('a1');
  });

  it('keeps its own domain and takes the other\'s as alternatives, without repeats', () => {
    const book = new EntityBook([account('a1', { domain: 'acme.example', altDomains: ['acme.de'] }), account('a2', { domain: 'acme.eu', altDomains: ['acme.de', 'acme.example'] })], []);
    expect(mergeAccounts(book, 'a1', 'a2', MAR)).toMatchObject({ domain: 'acme.example', altDomains: ['acme.de', 'acme.eu'] });
    // an account without domains gives none
    const bare = new EntityBook([account('a1', { name: 'A' }), account('a2', { name: 'B' })], []);
    expect(mergeAccounts(bare, 'a1', 'a2', MAR)).toMatchObject({ altDomains: [] });
    expect('domain' in bare.accounts.get('a1')!).toBe(false);
  });

  it('takes the other\'s first alternative domain when it has no main one', () => {
    const book = new EntityBook([account('a1'), account('a2', { altDomains: ['acme.de', 'acme.fr'] })], []);
    expect(mergeAccounts(book, 'a1', 'a2', MAR)).toMatchObject({ domain: 'acme.de', altDomains: ['acme.fr'], prov: { domain: { via: 'merge', at: MAR } } });
  });

  it('refuses an unknown other account or the account itself, and answers undefined for an unknown kept one', () => {
    const book = new EntityBook([account('a1'), account('a2')], []);
    expect(mergeAccounts(book, 'nope', 'a2', MAR)).toBeUndefined();
    expect(book.accounts.has('a2')).toBe(true);
    expect(() => mergeAccounts(book, 'a1', 'nope', MAR)).toThrow(expect.objectContaining({ field: 'otherId', message: 'account nope not found' }));
    expect(() => mergeAccounts(book, 'a1', 'a1', MAR)).toThrow(expect.objectContaining({ field: 'otherId', message: 'an account cannot be merged into itself' }));
    expect(book.accounts.size).toBe(2);
  });
});

describe('deleteAccount, patchContact, deleteContact, markJobDeleted', () => {
  it('unlinks the contacts of a deleted account and recounts', () => {
    const book = new EntityBook([account('a1', { contactCount: 1 }), account('a2', { contactCount: 1 })], [contact('c1', { accountId: 'a1', prov: { accountId: job('job1', 1) } }), contact('c2', { accountId: 'a2' })]);
    expect(deleteAccount(book, 'nope', MAR)).toBe(false);
    expect(deleteAccount(book, 'a1', MAR)).toBe(true);
    const c1 = book.contacts.get('c1')!;
    expect('accountId' in c1).toBe(false);
    expect(c1.history).toEqual([{ field: 'accountId', value: 'a1', source: job('job1', 1), recordedAt: MAR }]);
    expect(book.contacts.get('c2')!.accountId).toBe('a2');
  });

  it('patches a contact, moves it between accounts and refuses an e-mail or account that is not its to take', () => {
    const book = new EntityBook([account('a1'), account('a2', { contactCount: 1 })], [contact('c1', { email: 'jane@acme.example', accountId: 'a2' }), contact('c2', { email: 'bob@acme.example' })]);
    const patched = patchContact(book, 'c1', { title: 'CTO', accountId: 'a1', email: 'jane@acme.example' }, FEB)!;
    expect(patched).toMatchObject({ title: 'CTO', accountId: 'a1', updatedAt: FEB });
    expect(patched.sources.at(-1)).toMatchObject({ via: 'api', firstAt: FEB });
    expect(book.accounts.get('a1')!.contactCount).toBe(1);
    expect(book.accounts.get('a2')!.contactCount).toBe(0);
    expect(patchContact(book, 'c1', { title: 'CTO' }, MAR)!.updatedAt).toBe(FEB);
    expect(() => patchContact(book, 'c1', { email: 'bob@acme.example' }, MAR)).toThrow(expect.objectContaining({ field: 'email', message: 'e-mail bob@acme.example belongs to contact c2' }));
    expect(() => patchContact(book, 'c1', { accountId: 'nope' }, MAR)).toThrow(expect.objectContaining({ field: 'accountId', message: 'account nope not found' }));
    expect(patchContact(book, 'c1', { accountId: null }, MAR)!.accountId).toBeUndefined();
    expect(patchContact(book, 'nope', { title: 'x' }, MAR)).toBeUndefined();
    expect(patchContact(book, 'nope', { accountId: 'nope' }, MAR)).toBeUndefined();
  });

  it('deletes a contact and recounts its account', () => {
    const book = new EntityBook([account('a1', { contactCount: 1 })], [contact('c1', { accountId: 'a1' })]);
    expect(deleteContact(book, 'nope')).toBe(false);
    expect(deleteContact(book, 'c1')).toBe(true);
    expect(book.accounts.get('a1')!.contactCount).toBe(0);
  });

  it('marks the sources of a deleted job on every entity it fed, once', () => {
    const fed: SourceRef[] = [{ jobId: 'job1', via: 'job', rows: [1], firstAt: JAN, lastAt: JAN }, { jobId: 'job2', via: 'job', rows: [2], firstAt: JAN, lastAt: JAN }];
    const book = new EntityBook([account('a1', { sources: fed }), account('a2', { sources: [fed[1]!] })], [contact('c1', { sources: fed })]);
    expect(markJobDeleted(book, 'job1')).toBe(2);
    expect(book.accounts.get('a1')!.sources.map((s) => s.jobDeleted)).toEqual([true, undefined]);
    expect(book.contacts.get('c1')!.sources[0]!.jobDeleted).toBe(true);
    expect(fed[0]!.jobDeleted).toBeUndefined();
    expect(markJobDeleted(book, 'job1')).toBe(0);
  });
});

describe('entity codec', () => {
  it('stores a provenance whose source is gone whole, and one at another time with its time', () => {
    const a = account('a1', {
      name: 'Acme',
      city: 'Berlin',
      industry: 'Software',
      prov: { name: job('job9', 3), city: { jobId: null, row: null, at: MAR, via: 'api' }, industry: job('job1', 2) },
      sources: [
        { jobId: 'job1', via: 'job', rows: [2], firstAt: JAN, lastAt: JAN },
        { jobId: null, via: 'api', rows: [], firstAt: FEB, lastAt: MAR },
      ],
      history: [{ field: 'city', value: 'Bonn', source: { jobId: null, row: null, at: FEB, via: 'api' }, recordedAt: MAR }],
      technologies: [{ name: 'Stripe', category: null, found: [{ jobId: 'job9', row: 3, field: 'notes', how: 'text' }, { jobId: null, row: null, field: 'technologies', how: 'api' }, { jobId: 'job1', row: 2, field: 'technologies', how: 'list' }] }],
    });
    const stored = encodeAccount(a);
    expect(stored.prov).toEqual({ name: job('job9', 3), city: [1, null, MAR], industry: [0, 2] });
    expect(stored.history).toEqual([{ field: 'city', value: 'Bonn', source: [1, null], recordedAt: MAR }]);
    expect((stored.technologies as { found: unknown[] }[])[0]!.found).toEqual([{ jobId: 'job9', row: 3, field: 'notes', how: 'text' }, [1, null, 'technologies', 'api'], [0, 2, 'technologies', 'list']]);
    expect(decodeAccount(JSON.parse(JSON.stringify(stored)) as Record<string, unknown>)).toEqual(a);
    // the stored form is a copy: the entity is untouched
    expect(a.prov.industry).toEqual(job('job1', 2));
  });

  it('refuses a stored provenance that names a source the entity does not have', () => {
    const c = contact('c1', { email: 'x@y.example', prov: { email: job('job1', 1) } });
    const stored = encodeContact(c);
    expect(decodeContact(stored)).toEqual(c);
    expect(() => decodeContact({ ...stored, prov: { email: [3, 1] } })).toThrow('stored provenance names source 3, which the entity does not have');
    // a sighting naming a source the entity no longer has reads as one without a job
    const acme = account('a1', { technologies: [{ name: 'Stripe', category: null, found: [] }] });
    const storedAccount = { ...encodeAccount(acme), technologies: [{ name: 'Stripe', category: null, found: [[4, 2, 'notes', 'text']] }] };
    expect(decodeAccount(storedAccount).technologies[0]!.found).toEqual([{ jobId: null, row: 2, field: 'notes', how: 'text' }]);
  });
});
