import { beforeEach, describe, expect, it } from 'vitest';
import { AccountIndex, ContactIndex, FACET_VALUES, QueryCursorError, type AccountQuery } from '../../functions/core/entities/query.ts';
import type { Account, Contact } from '../../functions/core/entities/model.ts';

/* The accounts and contacts lists: each filter at its bounds, the order, the pages and their cursors. */

const at = '2026-01-01T00:00:00.000Z';
let n = 0;
function account(extra: Partial<Account>): Account {
  return { accountId: `acc_${String(++n).padStart(4, '0')}`, altDomains: [], technologies: [], contactCount: 0, prov: {}, history: [], sources: [], createdAt: at, updatedAt: at, createdByJob: null, ...extra };
}
const tech = (...names: string[]) => names.map((name) => ({ name, category: null, found: [] }));
const contact = (contactId: string, extra: Partial<Contact>): Contact => ({ contactId, accountId: null, prov: {}, history: [], sources: [], createdAt: at, updatedAt: at, createdByJob: null, ...extra });

const list = (index: AccountIndex, query: Partial<AccountQuery>) => index.query({ sort: 'name', descending: false, limit: 100, ...query });
const names = (index: AccountIndex, query: Partial<AccountQuery>) => list(index, query).items.map((a) => a.name);
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('AccountIndex filters', () => {
  // Built in each test: an index that throws while the file is collected would count as a pass.
  const build = () => new AccountIndex([
    account({ name: 'Small', employees: 10, industry: 'Software', country: 'Germany', technologies: tech('Amazon Web Services') }),
    account({ name: 'Middle', employees: 50, industry: ' software', country: 'France', technologies: tech('Stripe') }),
    account({ name: 'Large', employees: 100, industry: 'Retail', country: 'Atlantis', technologies: tech('In-house ERP') }),
    account({ name: 'Unknown size', industry: 'Retail' }),
  ]);
  let index: AccountIndex;
  beforeEach(() => {
    index = build();
  });

  it('keeps employee bounds inclusive and leaves out accounts without a head count', () => {
    expect(names(index, { minEmployees: 50 })).toEqual(['Large', 'Middle']);
    expect(names(index, { maxEmployees: 50 })).toEqual(['Middle', 'Small']);
    expect(names(index, { minEmployees: 51 })).toEqual(['Large']);
    expect(names(index, { maxEmployees: 49 })).toEqual(['Small']);
    expect(names(index, { minEmployees: 0 })).toEqual(['Large', 'Middle', 'Small']);
    expect(names(index, { maxEmployees: 1000 })).toEqual(['Large', 'Middle', 'Small']);
    expect(names(index, {})).toEqual(['Large', 'Middle', 'Small', 'Unknown size']);
    expect(index.size).toBe(4);
    expect(index.filter({ minEmployees: 50, sort: 'employees', descending: true }).map((a) => a.name)).toEqual(['Large', 'Middle']);
  });

  it('matches an industry whatever its case and spaces', () => {
    expect(names(index, { industry: ' SOFTWARE ' })).toEqual(['Small']);
    expect(names(index, { industry: 'retail' })).toEqual(['Large', 'Unknown size']);
  });

  it('matches a country by any of its names or its code, and an unknown one as written', () => {
    expect(names(index, { country: 'DE' })).toEqual(['Small']);
    expect(names(index, { country: 'Frankreich' })).toEqual(['Middle']);
    expect(names(index, { country: ' atlantis ' })).toEqual(['Large']);
  });

  it('matches a technology by its alias, and an unknown one as written', () => {
    expect(names(index, { technology: 'aws' })).toEqual(['Small']);
    expect(names(index, { technology: ' in-house erp ' })).toEqual(['Large']);
    expect(names(index, { technology: 'Snowflake' })).toEqual([]);
  });
});

describe('AccountIndex text query', () => {
  it('finds a word in any of name, domains, industry, country, city and technologies, accents aside', () => {
    const index = new AccountIndex([
      account({ name: 'Société Générale', domain: 'sg.example', altDomains: ['socgen.example'], industry: 'Banking', country: 'France', city: 'Paris', technologies: tech('Murex') }),
      account({ name: 'Other', domain: 'other.example' }),
    ]);
    for (const q of ['societe', 'GÉNÉRALE', 'sg.example', 'socgen', 'banking', 'france', 'paris', 'murex', 'societe  paris']) expect(names(index, { q }), q).toEqual(['Société Générale']);
    expect(names(index, { q: 'societe other' })).toEqual([]);
    expect(names(index, { q: '   ' })).toEqual(['Other', 'Société Générale']);
    expect(names(index, { q: 'undefined' })).toEqual([]);
  });

  it('does not match across two values', () => {
    const index = new AccountIndex([account({ name: 'Acme', city: 'Berlin' })]);
    expect(names(index, { q: 'acmeberlin' })).toEqual([]);
    expect(names(index, { q: 'acme berlin' })).toEqual(['Acme']);
  });
});

describe('AccountIndex order', () => {
  const build = () => new AccountIndex([
    account({ accountId: 'acc_0', employees: 30 }),
    account({ accountId: 'acc_b', name: 'beta', employees: 5, annualRevenue: 10 }),
    account({ accountId: 'acc_a', name: 'Álpha', employees: 5, annualRevenue: 30 }),
    account({ accountId: 'acc_c', name: 'Gamma', employees: 20 }),
    account({ accountId: 'acc_d', employees: 1, annualRevenue: 20 }),
  ]);
  const ids = (query: Partial<AccountQuery>, index = build()) => list(index, query).items.map((a) => a.accountId);

  it('sorts names by their folded letters, accounts without a value last either way', () => {
    expect(ids({ sort: 'name' })).toEqual(['acc_a', 'acc_b', 'acc_c', 'acc_0', 'acc_d']);
    expect(ids({ sort: 'name', descending: true })).toEqual(['acc_c', 'acc_b', 'acc_a', 'acc_0', 'acc_d']);
    expect(ids({ sort: 'annualRevenue' })).toEqual(['acc_b', 'acc_d', 'acc_a', 'acc_0', 'acc_c']);
    expect(ids({ sort: 'annualRevenue', descending: true })).toEqual(['acc_a', 'acc_d', 'acc_b', 'acc_0', 'acc_c']);
  });

  it('sorts names as a reader of the language would, not by character code', () => {
    const index = new AccountIndex([account({ accountId: 'acc_1', name: 'Pirate Co' }), account({ accountId: 'acc_2', name: 'Øresund Bank' })]);
    expect(ids({ sort: 'name' }, index)).toEqual(['acc_2', 'acc_1']);
    expect(ids({ sort: 'name', descending: true }, index)).toEqual(['acc_1', 'acc_2']);
  });

  it('breaks a tie by id, in either direction, names the collation reads as one included', () => {
    expect(ids({ sort: 'employees' })).toEqual(['acc_d', 'acc_a', 'acc_b', 'acc_c', 'acc_0']);
    expect(ids({ sort: 'employees', descending: true })).toEqual(['acc_0', 'acc_c', 'acc_a', 'acc_b', 'acc_d']);
    // asked again (the order is kept per sort), the same
    const index = build();
    expect(ids({ sort: 'employees' }, index)).toEqual(ids({ sort: 'employees' }, index));
    const softHyphen = new AccountIndex([account({ accountId: 'acc_9', name: 'Acme\u00adco' }), account({ accountId: 'acc_1', name: 'Acmeco' })]);
    expect(ids({ sort: 'name' }, softHyphen)).toEqual(['acc_1', 'acc_9']);
  });
});

describe('AccountIndex pages', () => {
  let index: AccountIndex;
  beforeEach(() => {
    index = new AccountIndex(['A', 'B', 'C', 'D'].map((name) => account({ name })));
  });

  it('gives a cursor exactly while items remain', () => {
    const first = list(index, { limit: 2 });
    expect(first.items.map((a) => a.name)).toEqual(['A', 'B']);
    const second = list(index, { limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({ nextCursor: null, total: 4 });
    expect(second.items.map((a) => a.name)).toEqual(['C', 'D']);
    expect(list(index, { limit: 4 }).nextCursor).toBeNull();
    expect(list(index, { limit: 3 }).nextCursor).not.toBeNull();
    expect(list(index, { limit: 2, q: 'nothing' })).toMatchObject({ items: [], nextCursor: null, total: 0 });
  });

  it('continues after the cursor when the item it names is gone', () => {
    const first = list(index, { limit: 2 });
    const without = new AccountIndex(list(index, {}).items.filter((a) => a.name !== 'B'));
    expect(list(without, { limit: 2, cursor: first.nextCursor! }).items.map((a) => a.name)).toEqual(['C', 'D']);
  });

  it('pages through accounts without a sort value (a null in the cursor)', () => {
    const sparse = new AccountIndex([account({ name: 'X', employees: 3 }), account({ name: 'Y' }), account({ name: 'Z' })]);
    const first = sparse.query({ sort: 'employees', descending: false, limit: 2 });
    expect(first.items.map((a) => a.name)).toEqual(['X', 'Y']);
    expect(sparse.query({ sort: 'employees', descending: false, limit: 2, cursor: first.nextCursor! }).items.map((a) => a.name)).toEqual(['Z']);
  });

  it('refuses a cursor of the other direction or one whose parts are of the wrong kind', () => {
    const first = list(index, { limit: 2 });
    expect(() => list(index, { limit: 2, descending: true, cursor: first.nextCursor! })).toThrow(QueryCursorError);
    for (const forged of [5, null, 'x', { s: 'name', v: 'b' }, { s: 'name', v: 'b', id: 5 }, { s: 'name', v: true, id: 'acc_1' }, { s: 'name', v: {}, id: 'acc_1' }, { v: 'b', id: 'acc_1' }]) {
      expect(() => list(index, { limit: 2, cursor: cursorOf(forged) }), JSON.stringify(forged)).toThrow(QueryCursorError);
    }
    expect(list(index, { limit: 2, cursor: cursorOf({ s: 'name', v: 'b', id: 'acc_zzzz' }) }).items.map((a) => a.name)).toEqual(['C', 'D']);
    expect(list(index, { limit: 2, sort: 'employees', cursor: cursorOf({ s: 'employees', v: null, id: '' }) }).items.map((a) => a.name)).toEqual(['A', 'B']);
    expect(new QueryCursorError()).toMatchObject({ name: 'QueryCursorError', message: 'cursor is not one this list returned' });
  });
});

describe('AccountIndex facets', () => {
  it('lists the most frequent values first, ties by name, at most FACET_VALUES', () => {
    const many = Array.from({ length: FACET_VALUES + 5 }, (_, i) => account({ name: `C${i}`, industry: `Industry ${String(i).padStart(3, '0')}` }));
    many.push(account({ name: 'D', industry: 'Industry 104', country: 'Germany', technologies: tech('Stripe', 'SAP') }));
    many.push(account({ name: 'E', industry: 'Industry 104', country: 'Germany', technologies: tech('Stripe') }));
    const facets = new AccountIndex(many).query({ sort: 'name', descending: false, limit: 1 }).facets;
    const industries = Object.entries(facets.industry);
    expect(industries).toHaveLength(FACET_VALUES);
    expect(industries.slice(0, 3)).toEqual([['Industry 104', 3], ['Industry 000', 1], ['Industry 001', 1]]);
    expect(facets.country).toEqual({ Germany: 2 });
    expect(Object.entries(facets.technology)).toEqual([['Stripe', 2], ['SAP', 1]]);
  });
});

describe('ContactIndex', () => {
  const build = () => new ContactIndex([
    contact('c1', { lastName: 'Zed', firstName: 'Ann', accountId: 'a1' }),
    contact('c2', { lastName: 'Zed', firstName: 'Al', accountId: 'a2' }),
    contact('c3', { fullName: 'Mo Moe', email: 'mo@x.example' }),
    contact('c4', { email: 'bob@x.example', phone: '+14155550100', title: 'CTO', company: 'Acme' }),
    contact('c5', { firstName: 'Kim' }),
    contact('c6', {}),
    contact('c7', { lastName: 'Leez', firstName: 'A' }),
    contact('c8', { lastName: 'Lee', firstName: 'Zoe' }),
  ]);
  let index: ContactIndex;
  beforeEach(() => {
    index = build();
  });

  it('orders by last then first name, else full name, else e-mail, contacts without any last', () => {
    expect(index.query({ limit: 10 }).items.map((c) => c.contactId)).toEqual(['c4', 'c5', 'c8', 'c7', 'c3', 'c2', 'c1', 'c6']);
  });

  it('finds contacts by any of their values and by account', () => {
    for (const [q, id] of [['+14155550100', 'c4'], ['cto', 'c4'], ['acme', 'c4'], ['mo moe', 'c3'], ['ann', 'c1']] as const) expect(index.filter({ q }).map((c) => c.contactId), q).toEqual([id]);
    expect(index.filter({ accountId: 'a2' }).map((c) => c.contactId)).toEqual(['c2']);
    expect(index.filter({ accountId: 'a1', q: 'al' }).map((c) => c.contactId)).toEqual([]);
    // one value at a time: no word across two of them, and nothing a missing value would write
    expect(index.filter({ q: 'moemo' })).toEqual([]);
    expect(index.filter({ q: 'undefined' })).toEqual([]);
  });

  it('pages with a cursor', () => {
    const first = index.query({ limit: 6 });
    expect(first.total).toBe(8);
    const second = index.query({ limit: 6, cursor: first.nextCursor! });
    expect(second).toMatchObject({ nextCursor: null, total: 8 });
    expect(second.items.map((c) => c.contactId)).toEqual(['c1', 'c6']);
  });

  it('refuses a cursor of the accounts list sorted by name, and the accounts list refuses its own', () => {
    const accounts = new AccountIndex(['A', 'B', 'C'].map((name) => account({ name })));
    const accountsCursor = list(accounts, { limit: 1 }).nextCursor!;
    expect(() => index.query({ limit: 6, cursor: accountsCursor })).toThrow(QueryCursorError);
    const contactsCursor = index.query({ limit: 6 }).nextCursor!;
    expect(() => list(accounts, { limit: 1, cursor: contactsCursor })).toThrow(QueryCursorError);
    // nor one that names no list, whatever place it holds
    expect(() => index.query({ limit: 6, cursor: cursorOf({ s: '', v: 'zed', id: 'c1' }) })).toThrow(QueryCursorError);
  });
});
