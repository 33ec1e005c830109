import { describe, expect, it } from 'vitest';
import { EntityBook } from '../../functions/core/entities/entity-book.ts';
import { countryKey } from '../../functions/core/entities/normalize.ts';
import { accountValuesOf, applyJobRecords, contactValuesOf, JobMerge, type JobContext, type JobRecordRow } from '../../functions/core/entities/upsert.ts';

/* The values a company or contact file gives the store, and what a second file does to them. */

function context(jobId: string, schema: JobContext['schema'], at: string, now = at): JobContext {
  let n = 0;
  return { jobId, schema, at, now, newAccountId: () => `acc_${jobId}_${++n}`, newContactId: () => `con_${jobId}_${++n}` };
}

const rows = (...records: Record<string, unknown>[]): JobRecordRow[] => records.map((record, i) => ({ row: i + 1, record }));
const JAN = '2026-01-01T00:00:00.000Z';
const FEB = '2026-02-01T00:00:00.000Z';
const MAR = '2026-03-01T00:00:00.000Z';

describe('accountValuesOf', () => {
  it('trims texts and joins their inner spaces, and drops blank ones', () => {
    expect(accountValuesOf({ name: '  Acme \t  Corp\n', industry: ' ', city: '', country: '  ' })).toEqual({
      name: 'Acme Corp',
      domain: undefined,
      industry: undefined,
      employees: undefined,
      annualRevenue: undefined,
      country: undefined,
      city: undefined,
    });
    expect(accountValuesOf({ name: 42, industry: ['Software'], city: 'Austin ' })).toMatchObject({ name: undefined, industry: undefined, city: 'Austin' });
  });

  it('rounds a head count, keeps a revenue as it is, and refuses negative, infinite and non-numeric ones', () => {
    expect(accountValuesOf({ employee_count: 120.6, annual_revenue: 1_500_000.5 })).toMatchObject({ employees: 121, annualRevenue: 1_500_000.5 });
    expect(accountValuesOf({ employee_count: 0, annual_revenue: 0 })).toMatchObject({ employees: 0, annualRevenue: 0 });
    for (const bad of [-1, -0.5, Number.POSITIVE_INFINITY, Number.NaN, '120']) {
      expect(accountValuesOf({ employee_count: bad, annual_revenue: bad }), String(bad)).toMatchObject({ employees: undefined, annualRevenue: undefined });
    }
  });

  it('writes a known country by its English name and keeps an unknown one as printed', () => {
    expect(accountValuesOf({ country: ' deutschland ' }).country).toBe('Germany');
    expect(accountValuesOf({ country: 'Atlantis  Republic' }).country).toBe('Atlantis Republic');
    expect(accountValuesOf({ domain: 'https://www.Acme.example/' }).domain).toBe('acme.example');
  });
});

describe('contactValuesOf', () => {
  it('keeps an e-mail only when it is one, and a phone in E.164 when it can', () => {
    expect(contactValuesOf({ first_name: ' Jane ', last_name: 'Doe', full_name: 'Jane  Doe', email: ' Jane@Acme.Example ', phone: '+1 (415) 555-0100', title: 'CTO', company: ' Acme ' })).toEqual({
      firstName: 'Jane',
      lastName: 'Doe',
      fullName: 'Jane Doe',
      email: 'jane@acme.example',
      phone: '+14155550100',
      title: 'CTO',
      company: 'Acme',
    });
    expect(contactValuesOf({ email: 'not an address', phone: ' ext  12 ' })).toMatchObject({ email: undefined, phone: 'ext 12' });
  });
});

describe('applyJobRecords: company files', () => {
  it('finds technologies in free-text columns, not in the columns it reads as account values', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('job1', 'company_account', JAN), rows({
      name: 'Stripe Salesforce Partners',
      domain: 'stripe-partners.example',
      industry: 'Salesforce consulting',
      employee_count: 'Snowflake',
      annual_revenue: 'Twilio',
      country: 'HubSpot',
      city: 'Zendesk',
      technologies: 'AWS',
      notes: 'They run PostgreSQL',
      size: 12,
    }));
    const account = book.findAccount({ domain: 'stripe-partners.example' })!;
    expect(account.technologies.map((t) => [t.name, t.found.map((f) => [f.field, f.how])])).toEqual([
      ['Amazon Web Services', [['technologies', 'list']]],
      ['PostgreSQL', [['notes', 'text']]],
    ]);
  });

  it('dates an account by the change that last altered it', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('job1', 'company_account', JAN), rows({ name: 'Acme', domain: 'acme.example' }));
    expect(book.findAccount({ domain: 'acme.example' })).toMatchObject({ createdAt: JAN, updatedAt: JAN, createdByJob: 'job1' });
    applyJobRecords(book, context('job2', 'company_account', FEB), rows({ name: 'Acme', domain: 'acme.example', city: 'Austin' }));
    expect(book.findAccount({ domain: 'acme.example' })).toMatchObject({ createdAt: JAN, updatedAt: FEB, city: 'Austin' });
    // the same job again (a retry, later) changes nothing, so the date stays
    applyJobRecords(book, context('job2', 'company_account', FEB, MAR), rows({ name: 'Acme', domain: 'acme.example', city: 'Austin' }));
    expect(book.findAccount({ domain: 'acme.example' })!.updatedAt).toBe(FEB);
  });

  it('matches a company by name within its country, and a record without a country by name alone', () => {
    const book = new EntityBook([], []);
    const counts = applyJobRecords(book, context('job1', 'company_account', JAN), rows(
      { name: 'Nova SA', country: 'France' },
      { name: 'Nova', country: 'FR' },
      { name: 'Nova S.A.' },
      { name: 'Nova', country: 'Spain' },
    ));
    expect(counts.accounts).toEqual({ created: 2, merged: 2, updated: 0 });
    expect(book.findAccount({ nameKey: 'nova', country: countryKey('France') })!.sources[0]!.rows).toEqual([1, 2, 3]);
  });

  it('counts the records of several batches of one job as one run', () => {
    const book = new EntityBook([], []);
    const merge = new JobMerge(book, context('job1', 'company_account', JAN));
    merge.apply([{ row: 1, record: { name: 'Acme', domain: 'acme.example' } }]);
    merge.apply([{ row: 2, record: { name: 'ACME Inc.', domain: 'acme.example' } }, { row: 3, record: { industry: 'Software' } }]);
    expect(merge.finish()).toEqual({ records: 3, skipped: 1, accounts: { created: 1, merged: 1, updated: 0 }, contacts: { created: 0, merged: 0, updated: 0 } });
  });

  it('counts an account a later job found but did not change as merged, not updated', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('job1', 'company_account', JAN), rows({ name: 'Acme', domain: 'acme.example', industry: 'Software', technologies: ['SAP'] }));
    const counts = applyJobRecords(book, context('job2', 'company_account', FEB), rows({ name: 'Acme', domain: 'acme.example', industry: 'software' }));
    expect(counts.accounts).toEqual({ created: 0, merged: 1, updated: 0 });
    // a technology is a change too, a new one or a new sighting of one the account has
    const withTech = applyJobRecords(book, context('job3', 'company_account', MAR), rows({ domain: 'acme.example', technologies: ['Stripe'] }));
    expect(withTech.accounts).toEqual({ created: 0, merged: 1, updated: 1 });
    const sighting = applyJobRecords(book, context('job4', 'company_account', MAR), rows({ domain: 'acme.example', technologies: ['SAP'] }));
    expect(sighting.accounts).toEqual({ created: 0, merged: 1, updated: 1 });
  });

  it('takes a newer name that is another name, and keeps the first spelling of the same name', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('job1', 'company_account', JAN), rows({ name: 'Acme', domain: 'acme.example' }, { name: '...', domain: 'dots.example' }));
    applyJobRecords(book, context('job2', 'company_account', FEB), rows({ name: 'Acme Europe', domain: 'acme.example' }, { name: '!!!', domain: 'dots.example' }));
    expect(book.findAccount({ domain: 'acme.example' })!.name).toBe('Acme Europe');
    // two names without a letter are not the same name
    expect(book.findAccount({ domain: 'dots.example' })!.name).toBe('!!!');
    applyJobRecords(book, context('job3', 'company_account', MAR), rows({ name: 'ACME EUROPE GmbH', domain: 'acme.example' }));
    expect(book.findAccount({ domain: 'acme.example' })!.name).toBe('Acme Europe');
  });

  it('writes each record\'s job, row and time as the source of its values', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('job1', 'company_account', JAN, FEB), [{ row: 7, record: { name: 'Acme', domain: 'acme.example' } }]);
    expect(book.findAccount({ domain: 'acme.example' })).toEqual({
      accountId: 'acc_job1_1',
      name: 'Acme',
      domain: 'acme.example',
      altDomains: [],
      technologies: [],
      contactCount: 0,
      prov: { name: { jobId: 'job1', row: 7, at: JAN, via: 'job' }, domain: { jobId: 'job1', row: 7, at: JAN, via: 'job' } },
      history: [],
      sources: [{ jobId: 'job1', via: 'job', rows: [7], firstAt: JAN, lastAt: JAN }],
      createdAt: FEB,
      updatedAt: FEB,
      createdByJob: 'job1',
    });
  });

  it('keeps what a record past the cap of listed rows changes, in a later batch saved apart', () => {
    // 250 rows of one company in one file: the account lists 200 of them; a change read from
    // the store between two batches must still keep the values, technologies and links of the rest
    const book = new EntityBook([], []);
    const many = Array.from({ length: 201 }, (_, i) => ({ row: i + 1, record: { name: 'Acme', domain: 'acme.example' } }));
    applyJobRecords(book, context('job1', 'company_account', JAN), many);
    expect(book.findAccount({ domain: 'acme.example' })!.sources[0]!.rowsTruncated).toBe(true);
    const later = new EntityBook(book.accounts.values(), book.contacts.values());
    applyJobRecords(later, context('job1', 'company_account', JAN, FEB), [{ row: 230, record: { name: 'Acme', domain: 'acme.example', city: 'Berlin' } }]);
    expect(later.findAccount({ domain: 'acme.example' })).toMatchObject({ city: 'Berlin', updatedAt: FEB });
    const third = new EntityBook(later.accounts.values(), later.contacts.values());
    applyJobRecords(third, context('job1', 'company_account', JAN, MAR), [{ row: 240, record: { domain: 'acme.example', technologies: ['Stripe'] } }]);
    expect(third.findAccount({ domain: 'acme.example' })!.technologies.map((t) => t.name)).toEqual(['Stripe']);
  });
});

describe('applyJobRecords: contact files', () => {
  it('creates a contact with the record\'s values and source', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('job1', 'contact', JAN), [{ row: 3, record: { full_name: 'Jane Doe', email: 'jane@gmail.com' } }]);
    const source = { jobId: 'job1', row: 3, at: JAN, via: 'job' };
    expect(book.findContact({ email: 'jane@gmail.com' })).toEqual({
      contactId: 'con_job1_1',
      accountId: null,
      fullName: 'Jane Doe',
      email: 'jane@gmail.com',
      prov: { fullName: source, email: source },
      history: [],
      sources: [{ jobId: 'job1', via: 'job', rows: [3], firstAt: JAN, lastAt: JAN }],
      createdAt: JAN,
      updatedAt: JAN,
      createdByJob: 'job1',
    });
  });

  it('merges two records of one name at one company, without an e-mail or phone', () => {
    const book = new EntityBook([], []);
    const counts = applyJobRecords(book, context('job1', 'contact', JAN), rows({ full_name: 'Jane Doe', company: 'Acme' }, { full_name: 'jane  doe', company: 'ACME Inc.', title: 'CTO' }, { full_name: 'Jane Doe', company: 'Beta' }));
    expect(counts.contacts).toEqual({ created: 2, merged: 1, updated: 0 });
  });

  it('changes nothing when a contact file is applied again', () => {
    const book = new EntityBook([], []);
    const ctx = context('job1', 'contact', JAN);
    const file = rows({ full_name: 'Jane Doe', email: 'jane@acme.example', company: 'Acme' }, { full_name: 'Bob Roe', company: 'Acme' });
    const once = applyJobRecords(book, ctx, file);
    const settled = new EntityBook(book.accounts.values(), book.contacts.values());
    expect(applyJobRecords(settled, { ...ctx, now: FEB }, file)).toEqual(once);
    expect(settled.changed).toBe(false);
  });

  it('keeps what a contact record past the cap of listed rows changes, in a later batch saved apart', () => {
    const book = new EntityBook([], []);
    const many = Array.from({ length: 201 }, (_, i) => ({ row: i + 1, record: { full_name: 'Jane Doe', email: 'jane@gmail.com' } }));
    applyJobRecords(book, context('job1', 'contact', JAN), many);
    // an account without a name, whose rows of the same job are past the cap too
    book.addAccount({ accountId: 'acc_x', domain: 'acme.example', altDomains: [], technologies: [], contactCount: 0, prov: {}, history: [], sources: [{ jobId: 'job1', via: 'job', rows: Array.from({ length: 200 }, (_, i) => i + 1), rowsTruncated: true, firstAt: JAN, lastAt: JAN }], createdAt: JAN, updatedAt: JAN, createdByJob: 'job0' });
    const later = new EntityBook(book.accounts.values(), book.contacts.values());
    // the same values and a link to the account of the website column
    applyJobRecords(later, context('job1', 'contact', JAN, FEB), [{ row: 230, record: { full_name: 'Jane Doe', email: 'jane@gmail.com', domain: 'acme.example' } }]);
    expect(later.findContact({ email: 'jane@gmail.com' })).toMatchObject({ accountId: 'acc_x', updatedAt: FEB });
    // a company name, which the account without one takes
    const third = new EntityBook(later.accounts.values(), later.contacts.values());
    applyJobRecords(third, context('job1', 'contact', JAN, MAR), [{ row: 240, record: { full_name: 'Jane Doe', email: 'jane@gmail.com', domain: 'acme.example', company: 'Acme', title: 'CTO' } }]);
    expect(third.findContact({ email: 'jane@gmail.com' })).toMatchObject({ title: 'CTO', company: 'Acme', updatedAt: MAR });
    expect(third.accounts.get('acc_x')).toMatchObject({ name: 'Acme', updatedAt: MAR });
  });

  it('fills only the empty fields of the account a contact names: a contact file is no authority on the company', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('job1', 'company_account', JAN), rows({ name: 'Acme', domain: 'acme.example' }));
    applyJobRecords(book, context('job2', 'contact', FEB), rows({ full_name: 'Jane Doe', email: 'jane@acme.example', company: 'Acme Holdings' }));
    const acme = book.findAccount({ domain: 'acme.example' })!;
    expect(acme.name).toBe('Acme');
    expect(acme.history).toEqual([]);
    // an account without a name takes the contact's company name
    applyJobRecords(book, context('job3', 'contact', FEB), rows({ full_name: 'Bob Roe', email: 'bob@nameless.example', domain: 'ignored.example', company: 'Nameless Ltd' }));
    expect(book.findAccount({ domain: 'nameless.example' })).toMatchObject({ name: 'Nameless Ltd', createdByJob: 'job3' });
  });

  it('links a contact with a free-mail address to the account of its website column', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('job1', 'contact', JAN), rows({ full_name: 'Jane Doe', email: 'jane@gmail.com', domain: 'https://acme.example/' }));
    const acme = book.findAccount({ domain: 'acme.example' })!;
    expect(book.findContact({ email: 'jane@gmail.com' })!.accountId).toBe(acme.accountId);
  });

  it('matches a contact by a phone written another way, and skips a record with nothing to match on', () => {
    const book = new EntityBook([], []);
    const counts = applyJobRecords(book, context('job1', 'contact', JAN), rows(
      { full_name: 'Jane Doe', phone: '+1 415 555 0100' },
      { title: 'CTO', phone: '+1 (415) 555-0100', company: 'Acme' },
      { title: 'nobody', phone: '555-0100' },
    ));
    expect(counts).toMatchObject({ records: 3, skipped: 1, contacts: { created: 1, merged: 1, updated: 0 } });
    expect(book.findContact({ phone: '+14155550100' })).toMatchObject({ fullName: 'Jane Doe', title: 'CTO', phone: '+14155550100' });
  });

  it('does not treat a contact value like a company name (a name with a legal form is another value there)', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('job1', 'contact', JAN), rows({ full_name: 'Jane Doe', email: 'jane@gmail.com', company: 'Acme' }));
    applyJobRecords(book, context('job2', 'contact', FEB), rows({ full_name: 'Jane Doe', email: 'jane@gmail.com', company: 'Acme Inc.' }));
    const jane = book.findContact({ email: 'jane@gmail.com' })!;
    expect(jane.company).toBe('Acme Inc.');
    expect(jane.history).toContainEqual(expect.objectContaining({ field: 'company', value: 'Acme' }));
  });

  it('dates a contact by the change that last altered it, and counts a later job that changed it as updated', () => {
    const book = new EntityBook([], []);
    applyJobRecords(book, context('job1', 'contact', JAN), rows({ full_name: 'Jane Doe', email: 'jane@gmail.com' }));
    const counts = applyJobRecords(book, context('job2', 'contact', FEB), rows({ full_name: 'Jane Doe', email: 'jane@gmail.com', title: 'CTO' }));
    expect(counts.contacts).toEqual({ created: 0, merged: 1, updated: 1 });
    expect(book.findContact({ email: 'jane@gmail.com' })).toMatchObject({ createdAt: JAN, updatedAt: FEB, createdByJob: 'job1' });
    applyJobRecords(book, context('job2', 'contact', FEB, MAR), rows({ full_name: 'Jane Doe', email: 'jane@gmail.com', title: 'CTO' }));
    expect(book.findContact({ email: 'jane@gmail.com' })!.updatedAt).toBe(FEB);
  });
});
