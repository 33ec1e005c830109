import { describe, expect, it } from 'vitest';
import { EntityBook } from '../../functions/core/entities/entity-book.ts';
import { applyJobRecords, type JobContext, type JobRecordRow } from '../../functions/core/entities/upsert.ts';
import { deleteAccount, EntityEditError, mergeAccounts, patchAccount } from '../../functions/core/entities/edits.ts';

function context(jobId: string, schema: JobContext['schema'], at: string): JobContext {
  let n = 0;
  return { jobId, schema, at, now: at, newAccountId: () => `acc_${jobId}_${++n}`, newContactId: () => `con_${jobId}_${++n}` };
}

const rows = (...records: Record<string, unknown>[]): JobRecordRow[] => records.map((record, i) => ({ row: i + 1, record }));

const companiesA = rows(
  { name: 'Acme, Inc.', domain: 'https://www.Acme.example/', industry: 'Software', employee_count: 120, country: 'USA', technologies: ['Salesforce', 'AWS'] },
  { name: 'Globex GmbH', domain: 'globex.example', industry: 'Manufacturing', country: 'Deutschland', technologies: ['SAP'] },
  { name: 'Initech LLC', industry: 'Software', country: 'United States' },
);
const companiesB = rows(
  { name: 'ACME', domain: 'ACME.EXAMPLE', industry: 'Computer Software', employee_count: 150, technologies: ['runs PostgreSQL, Stripe, Twilio in production'] },
  { name: 'Initech, Inc.', country: 'US', city: 'Austin' },
  { name: 'Umbrella Corp', domain: 'http://umbrella.example', country: 'UK' },
);

describe('applyJobRecords: companies', () => {
  it('dedupes by domain, else by name without legal form plus country, and counts what it did', () => {
    const book = new EntityBook([], []);
    const first = applyJobRecords(book, context('job1', 'company_account', '2026-01-01T00:00:00.000Z'), companiesA);
    expect(first.accounts).toEqual({ created: 3, merged: 0, updated: 0 });
    const second = applyJobRecords(book, context('job2', 'company_account', '2026-02-01T00:00:00.000Z'), companiesB);
    expect(second.accounts).toEqual({ created: 1, merged: 2, updated: 2 });
    expect(book.accounts.size).toBe(4);

    const acme = book.findAccount({ domain: 'acme.example' })!;
    // "ACME" is the same name written differently: no conflict, the first spelling stays
    expect(acme.name).toBe('Acme, Inc.');
    expect(acme.history.filter((h) => h.field === 'name')).toEqual([]);
    // newest value wins, the older one is in the history with its provenance
    expect(acme.industry).toBe('Computer Software');
    expect(acme.employees).toBe(150);
    expect(acme.history).toContainEqual(expect.objectContaining({ field: 'industry', value: 'Software', source: expect.objectContaining({ jobId: 'job1', row: 1 }) }));
    expect(acme.prov.industry).toMatchObject({ jobId: 'job2', row: 1 });
    // empty fields filled from the first source, with its provenance
    expect(acme.country).toBe('United States');
    expect(acme.prov.country).toMatchObject({ jobId: 'job1', row: 1 });
    expect(acme.technologies.map((t) => t.name)).toEqual(['Salesforce', 'Amazon Web Services', 'PostgreSQL', 'Stripe', 'Twilio']);
    expect(acme.technologies.find((t) => t.name === 'Twilio')?.found).toEqual([{ jobId: 'job2', row: 1, field: 'technologies', how: 'text' }]);
    expect(acme.sources.map((s) => [s.jobId, s.rows])).toEqual([
      ['job1', [1]],
      ['job2', [1]],
    ]);

    const initech = book.findAccount({ nameKey: 'initech', country: 'US' })!;
    expect(initech.city).toBe('Austin');
    expect(initech.sources.map((s) => s.jobId)).toEqual(['job1', 'job2']);
  });

  it('changes nothing and reports the same counts when the same job is applied again (a retried stage)', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('job1', 'company_account', '2026-01-01T00:00:00.000Z'), companiesA);
    const ctx = context('job2', 'company_account', '2026-02-01T00:00:00.000Z');
    const once = applyJobRecords(book, ctx, companiesB);
    const settled = new EntityBook(book.accounts.values(), book.contacts.values());
    const again = applyJobRecords(settled, { ...ctx, now: '2026-03-01T00:00:00.000Z' }, companiesB);
    expect(again).toEqual(once);
    expect(settled.changed).toBe(false);
  });

  it('settles conflicts inside one job the same way every time (the later row wins, at the same time)', () => {
    const book = new EntityBook([], []);
    const ctx = context('job1', 'company_account', '2026-01-01T00:00:00.000Z');
    const conflicting = rows({ name: 'Acme', domain: 'acme.example', industry: 'Software' }, { name: 'ACME', domain: 'acme.example', industry: 'Computer Software' });
    applyJobRecords(book, ctx, conflicting);
    const settled = new EntityBook(book.accounts.values(), book.contacts.values());
    applyJobRecords(settled, ctx, conflicting);
    expect(settled.changed).toBe(false);
    expect(settled.findAccount({ domain: 'acme.example' })).toMatchObject({ industry: 'Computer Software', history: [expect.objectContaining({ value: 'Software' })] });
  });

  it('keeps two companies of the same name apart when their domains or countries differ', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('j', 'company_account', '2026-01-01T00:00:00.000Z'), rows(
      { name: 'Acme Ltd', domain: 'acme.co.uk' },
      { name: 'Acme GmbH', domain: 'acme.de' },
      { name: 'Nova SA', country: 'France' },
      { name: 'Nova S.A.', country: 'Spain' },
      { name: 'Nova', country: 'FR' },
    ));
    expect(book.accounts.size).toBe(4);
  });

  it('skips a record with nothing to match on and says so', () => {
    const book = new EntityBook([], []);
    const counts = applyJobRecords(book, context('j', 'company_account', '2026-01-01T00:00:00.000Z'), rows({ domain: 'gmail.com' }, { name: 'Real Co', domain: 'real.example' }));
    expect(counts.skipped).toBe(1);
    expect(book.accounts.size).toBe(1);
  });
});

describe('applyJobRecords: contacts', () => {
  it('dedupes by e-mail, else phone, else name at the account, and links to the account of the e-mail domain or company', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('job1', 'company_account', '2026-01-01T00:00:00.000Z'), companiesA);
    const counts = applyJobRecords(book, context('job2', 'contact', '2026-02-01T00:00:00.000Z'), rows(
      { first_name: 'Jane', last_name: 'Doe', email: 'Jane@Acme.example', title: 'CTO' },
      { first_name: 'Jane', last_name: 'Doe', email: 'jane@acme.example', phone: '+14155550100' },
      { full_name: 'Bob Stone', email: 'bob.stone@gmail.com', company: 'Globex' },
      { full_name: 'Robert Stone', phone: '+4930123456', company: 'Hooli Inc.' },
      { first_name: 'Ann', last_name: 'Lee', email: 'ann@gmail.com' },
      { first_name: 'Ann', last_name: 'Lee', email: 'ann.lee@yahoo.com' },
    ));
    // the two Ann Lees have different e-mails and no account: two people as far as the store can tell
    expect(counts.contacts).toEqual({ created: 5, merged: 1, updated: 0 });
    // Hooli is new (from the company name); gmail/yahoo never make an account
    expect(counts.accounts.created).toBe(1);
    expect(book.accounts.size).toBe(4);
    const jane = book.findContact({ email: 'jane@acme.example' })!;
    expect(jane).toMatchObject({ title: 'CTO', phone: '+14155550100', accountId: book.findAccount({ domain: 'acme.example' })!.accountId });
    expect(book.findContact({ email: 'bob.stone@gmail.com' })!.accountId).toBe(book.findAccount({ nameKey: 'globex' })!.accountId);
    expect(book.findContact({ email: 'ann@gmail.com' })!.accountId).toBeNull();
    expect(book.findAccount({ domain: 'acme.example' })!.contactCount).toBe(1);
    expect(book.findAccount({ nameKey: 'globex' })!.contactCount).toBe(1);
  });

  it('never merges two people who share a phone but not an e-mail', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('j', 'contact', '2026-01-01T00:00:00.000Z'), rows(
      { full_name: 'A One', email: 'a@corp.example', phone: '+14155550123' },
      { full_name: 'B Two', email: 'b@corp.example', phone: '+14155550123' },
      { full_name: 'A One', phone: '+14155550123' },
    ));
    expect(book.contacts.size).toBe(2);
  });
});

describe('edits', () => {
  it('merges one account into another: fields, domains, technologies and contacts move, the other goes', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('job1', 'company_account', '2026-01-01T00:00:00.000Z'), rows(
      { name: 'Acme', domain: 'acme.example', technologies: ['Salesforce'] },
      { name: 'Acme Europe', domain: 'acme.eu', industry: 'Software', technologies: ['SAP'] },
    ));
    applyJobRecords(book, context('job2', 'contact', '2026-01-02T00:00:00.000Z'), rows({ full_name: 'Eve', email: 'eve@acme.eu' }));
    const keep = book.findAccount({ domain: 'acme.example' })!;
    const other = book.findAccount({ domain: 'acme.eu' })!;
    const merged = mergeAccounts(book, keep.accountId, other.accountId, '2026-01-03T00:00:00.000Z')!;
    expect(book.accounts.size).toBe(1);
    expect(merged).toMatchObject({ domain: 'acme.example', altDomains: ['acme.eu'], industry: 'Software', contactCount: 1 });
    expect(merged.technologies.map((t) => t.name)).toEqual(['Salesforce', 'SAP']);
    expect(book.findAccount({ domain: 'acme.eu' })?.accountId).toBe(keep.accountId);
    expect(() => mergeAccounts(book, keep.accountId, keep.accountId, '2026-01-03T00:00:00.000Z')).toThrow(EntityEditError);
  });

  it('patches with history and refuses a domain another account holds; deleting unlinks contacts', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('job1', 'company_account', '2026-01-01T00:00:00.000Z'), rows({ name: 'Acme', domain: 'acme.example' }, { name: 'Beta', domain: 'beta.example' }));
    applyJobRecords(book, context('job2', 'contact', '2026-01-02T00:00:00.000Z'), rows({ full_name: 'Eve', email: 'eve@beta.example' }));
    const acme = book.findAccount({ domain: 'acme.example' })!;
    const patched = patchAccount(book, acme.accountId, { name: 'Acme Corporation', technologies: ['aws'] }, '2026-01-05T00:00:00.000Z')!;
    expect(patched.name).toBe('Acme Corporation');
    expect(patched.history).toContainEqual(expect.objectContaining({ field: 'name', value: 'Acme' }));
    expect(patched.technologies.map((t) => t.name)).toEqual(['Amazon Web Services']);
    expect(() => patchAccount(book, acme.accountId, { domain: 'beta.example' }, '2026-01-05T00:00:00.000Z')).toThrow(/merge/);
    const beta = book.findAccount({ domain: 'beta.example' })!;
    expect(deleteAccount(book, beta.accountId, '2026-01-06T00:00:00.000Z')).toBe(true);
    expect([...book.contacts.values()][0]!.accountId ?? null).toBeNull();
  });
});
