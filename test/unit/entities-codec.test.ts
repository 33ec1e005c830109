import { describe, expect, it } from 'vitest';
import { decodeAccount, decodeContact, encodeAccount, encodeContact } from '../../functions/core/entities/codec.ts';
import { EntityBook } from '../../functions/core/entities/entity-book.ts';
import { mergeAccounts, patchAccount } from '../../functions/core/entities/edits.ts';
import { applyJobRecords } from '../../functions/core/entities/upsert.ts';

function storeWithHistory(): EntityBook {
  let n = 0;
  const ctx = (jobId: string, schema: 'company_account' | 'contact', at: string) => ({ jobId, schema, at, now: at, newAccountId: () => `acc_${++n}`, newContactId: () => `con_${++n}` });
  const book = new EntityBook([], []);
  applyJobRecords(book, ctx('job_01M950MV10JPYPD7KS4E3CWAJA', 'company_account', '2026-01-01T00:00:00.000Z'), [
    { row: 1, record: { name: 'Acme', domain: 'acme.example', industry: 'Software', technologies: ['AWS', 'uses Stripe heavily'] } },
    { row: 2, record: { name: 'Beta', domain: 'beta.example', industry: 'Retail' } },
  ]);
  applyJobRecords(book, ctx('job_01M950MV10JPYPD7KS4E3CWAJB', 'company_account', '2026-01-02T00:00:00.000Z'), [{ row: 7, record: { name: 'Acme', domain: 'acme.example', industry: 'SaaS' } }]);
  applyJobRecords(book, ctx('job_01M950MV10JPYPD7KS4E3CWAJC', 'contact', '2026-01-03T00:00:00.000Z'), [{ row: 1, record: { full_name: 'Jane Doe', email: 'jane@acme.example', phone: '+14155550100' } }]);
  const acme = book.findAccount({ domain: 'acme.example' })!;
  const beta = book.findAccount({ domain: 'beta.example' })!;
  patchAccount(book, acme.accountId, { city: 'Austin' }, '2026-01-04T00:00:00.000Z');
  patchAccount(book, acme.accountId, { city: 'Dallas', technologies: ['AWS', 'Snowflake'] }, '2026-01-05T00:00:00.000Z');
  mergeAccounts(book, acme.accountId, beta.accountId, '2026-01-06T00:00:00.000Z');
  return book;
}

describe('entity codec', () => {
  it('gives back the same accounts and contacts: provenance, history, sightings, API edits and merges included', () => {
    const book = storeWithHistory();
    for (const a of book.accounts.values()) expect(decodeAccount(JSON.parse(JSON.stringify(encodeAccount(a))) as Record<string, unknown>)).toEqual(a);
    for (const c of book.contacts.values()) expect(decodeContact(JSON.parse(JSON.stringify(encodeContact(c))) as Record<string, unknown>)).toEqual(c);
  });

  it('stores provenance as source references, a fraction of the plain JSON (job ids as long as real ones)', () => {
    const contact = [...storeWithHistory().contacts.values()][0]!;
    const plain = JSON.stringify(contact).length;
    const stored = JSON.stringify(encodeContact(contact));
    expect(stored).not.toContain('"via":"job","at"');
    expect(stored.length).toBeLessThan(plain * 0.6);
  });
});
