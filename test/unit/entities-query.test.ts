import { describe, expect, it } from 'vitest';
import { AccountIndex, ContactIndex, QueryCursorError } from '../../functions/core/entities/query.ts';
import type { Account, Contact } from '../../functions/core/entities/model.ts';
import { toSafeCsvCell } from '../../functions/core/entities/safe-csv-cell.ts';

const at = '2026-01-01T00:00:00.000Z';
function account(i: number, extra: Partial<Account>): Account {
  return { accountId: `acc_${String(i).padStart(4, '0')}`, altDomains: [], technologies: [], contactCount: 0, prov: {}, history: [], sources: [], createdAt: at, updatedAt: at, createdByJob: null, ...extra };
}
const tech = (...names: string[]) => names.map((name) => ({ name, category: null, found: [] }));

const accounts = Array.from({ length: 50 }, (_, i) =>
  account(i, {
    name: `Company ${i}`,
    domain: `c${i}.example`,
    industry: i % 2 ? 'Software' : 'Retail',
    country: i % 5 === 0 ? 'Germany' : 'United States',
    employees: i % 10 === 9 ? undefined : i * 10,
    technologies: i % 3 === 0 ? tech('Salesforce', 'Amazon Web Services') : tech('HubSpot'),
  }),
);

describe('AccountIndex.query', () => {
  const index = new AccountIndex(accounts);

  it('filters, counts facets over the whole filtered set (not the page) and totals', () => {
    const res = index.query({ industry: 'software', technology: 'AWS', sort: 'name', descending: false, limit: 2 });
    const expected = accounts.filter((a) => a.industry === 'Software' && a.technologies.some((t) => t.name === 'Amazon Web Services'));
    expect(res.total).toBe(expected.length);
    expect(res.items).toHaveLength(2);
    expect(res.facets.industry).toEqual({ Software: expected.length });
    expect(res.facets.technology).toEqual({ 'Amazon Web Services': expected.length, Salesforce: expected.length });
    expect(Object.values(res.facets.country).reduce((a, b) => a + b, 0)).toBe(expected.length);
  });

  it('matches a text query on every word, and employee ranges', () => {
    expect(index.query({ q: 'GERMANY software', sort: 'name', descending: false, limit: 100 }).items.map((a) => a.name)).toEqual(['Company 15', 'Company 25', 'Company 35', 'Company 45', 'Company 5']);
    expect(index.query({ q: 'c12.example', sort: 'name', descending: false, limit: 10 }).total).toBe(1);
    const range = index.query({ minEmployees: 100, maxEmployees: 200, sort: 'employees', descending: false, limit: 100 });
    expect(range.items.map((a) => a.employees)).toEqual([100, 110, 120, 130, 140, 150, 160, 170, 180, 200]);
  });

  it('pages through every item exactly once with the cursor, missing values last', () => {
    const seen: (number | undefined)[] = [];
    let cursor: string | undefined;
    do {
      const page = index.query({ sort: 'employees', descending: true, limit: 7, cursor });
      seen.push(...page.items.map((a) => a.employees));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(50);
    expect(seen.slice(0, 2)).toEqual([480, 470]);
    expect(seen.slice(-5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('refuses a cursor of another sort or a forged one', () => {
    const page = index.query({ sort: 'name', descending: false, limit: 5 });
    expect(() => index.query({ sort: 'employees', descending: false, limit: 5, cursor: page.nextCursor! })).toThrow(QueryCursorError);
    expect(() => index.query({ sort: 'name', descending: false, limit: 5, cursor: 'not-a-cursor' })).toThrow(QueryCursorError);
  });
});

describe('ContactIndex.query', () => {
  it('lists by name, filters by account and text', () => {
    const contact = (id: string, lastName: string, accountId: string | null): Contact => ({ contactId: id, accountId, lastName, firstName: 'A', email: `${lastName.toLowerCase()}@x.example`, prov: {}, history: [], sources: [], createdAt: at, updatedAt: at, createdByJob: null });
    const index = new ContactIndex([contact('c1', 'Zed', 'a1'), contact('c2', 'Abe', 'a1'), contact('c3', 'Moe', null)]);
    expect(index.query({ limit: 10 }).items.map((c) => c.contactId)).toEqual(['c2', 'c3', 'c1']);
    expect(index.query({ accountId: 'a1', limit: 1 })).toMatchObject({ total: 2, items: [{ contactId: 'c2' }] });
    expect(index.query({ q: 'moe@x', limit: 10 }).total).toBe(1);
  });
});

describe('toSafeCsvCell', () => {
  it('turns text a spreadsheet would run as a formula into text, and quotes as RFC 4180 says', () => {
    expect(toSafeCsvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(toSafeCsvCell('+1 415')).toBe('+1 415'); // a phone number, as in the job output
    expect(toSafeCsvCell('+cmd|calc')).toBe("'+cmd|calc");
    expect(toSafeCsvCell('\t=1+1')).toBe("'\t=1+1");
    expect(toSafeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(toSafeCsvCell('-2+3')).toBe("'-2+3");
    expect(toSafeCsvCell('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(toSafeCsvCell(-5)).toBe('-5');
    expect(toSafeCsvCell(undefined)).toBe('');
  });
});
