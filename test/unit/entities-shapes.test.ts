import { describe, expect, it } from 'vitest';
import { ACCOUNT_EXPORT_COLUMNS, CONTACT_EXPORT_COLUMNS, toApiAccount, toApiAccountDetail, toApiContact, toApiContactDetail } from '../../functions/core/entities/api-shape.ts';
import { ENTITY_SCHEMAS, isEntitySchema } from '../../functions/core/entities/entity-schemas.ts';
import { parseInsightAnswer } from '../../functions/core/entities/insight-answer.ts';
import { buildInsightPrompt, INSIGHT_INDUSTRIES, insightContent, insightHash } from '../../functions/core/entities/insights.ts';
import type { Account, Contact } from '../../functions/core/entities/model.ts';
import { toSafeCsvCell, toSafeCsvLine } from '../../functions/core/entities/safe-csv-cell.ts';

/* What the accounts API and its exports show of an entity, and the insights asked of Claude. */

const at = '2026-01-01T00:00:00.000Z';
const later = '2026-02-01T00:00:00.000Z';

function account(extra: Partial<Account> = {}): Account {
  return { accountId: 'acc_1', altDomains: [], technologies: [], contactCount: 0, prov: {}, history: [], sources: [], createdAt: at, updatedAt: later, createdByJob: null, ...extra };
}
function contact(extra: Partial<Contact> = {}): Contact {
  return { contactId: 'con_1', accountId: null, prov: {}, history: [], sources: [], createdAt: at, updatedAt: later, createdByJob: null, ...extra };
}
const tech = (...names: string[]) => names.map((name) => ({ name, category: null, found: [{ jobId: 'job1', row: 1, field: 'technologies', how: 'list' as const }] }));

const acme = account({
  name: 'Acme',
  domain: 'acme.example',
  industry: 'Software',
  employees: 120,
  annualRevenue: 5_000_000,
  country: 'Germany',
  city: 'Berlin',
  technologies: tech('Stripe', 'Amazon Web Services'),
  contactCount: 2,
  altDomains: ['acme.eu'],
  prov: { name: { jobId: 'job1', row: 1, at, via: 'job' } },
  history: [{ field: 'name', value: 'ACME', source: { jobId: 'job0', row: 3, at, via: 'job' }, recordedAt: at }],
  sources: [
    { jobId: 'job1', via: 'job', rows: [1], rowsTruncated: true, firstAt: at, lastAt: later, jobDeleted: true },
    { jobId: null, via: 'api', rows: [], firstAt: later, lastAt: later },
  ],
});

describe('toApiAccount and toApiContact', () => {
  it('show every value, null for a missing one, and each source with its flags only when set', () => {
    expect(toApiAccount(acme)).toEqual({
      accountId: 'acc_1',
      name: 'Acme',
      domain: 'acme.example',
      industry: 'Software',
      employees: 120,
      annualRevenue: 5_000_000,
      country: 'Germany',
      city: 'Berlin',
      technologies: ['Stripe', 'Amazon Web Services'],
      contactCount: 2,
      sources: [
        { jobId: 'job1', via: 'job', rows: [1], rowsTruncated: true, firstAt: at, lastAt: later, jobDeleted: true },
        { jobId: null, via: 'api', rows: [], firstAt: later, lastAt: later },
      ],
      createdAt: at,
      updatedAt: later,
    });
    expect(toApiAccount(account())).toMatchObject({ name: null, domain: null, industry: null, employees: null, annualRevenue: null, country: null, city: null, technologies: [] });
    const jane = contact({ accountId: 'acc_1', firstName: 'Jane', lastName: 'Doe', fullName: 'Jane Doe', email: 'jane@acme.example', phone: '+14155550100', title: 'CTO', company: 'Acme', sources: acme.sources });
    expect(toApiContact(jane)).toEqual({
      contactId: 'con_1',
      accountId: 'acc_1',
      firstName: 'Jane',
      lastName: 'Doe',
      fullName: 'Jane Doe',
      email: 'jane@acme.example',
      phone: '+14155550100',
      title: 'CTO',
      company: 'Acme',
      sources: toApiAccount(acme).sources,
      createdAt: at,
      updatedAt: later,
    });
    expect(toApiContact(contact())).toMatchObject({ accountId: null, firstName: null, lastName: null, fullName: null, email: null, phone: null, title: null, company: null });
  });

  it('add provenance, history, technologies and contacts on the detail pages', () => {
    const jane = contact({ fullName: 'Jane Doe', prov: { fullName: { jobId: 'job1', row: 2, at, via: 'job' } }, history: acme.history });
    expect(toApiAccountDetail(acme, [jane], { summary: 'x' })).toEqual({
      ...toApiAccount(acme),
      altDomains: ['acme.eu'],
      provenance: acme.prov,
      technologyDetails: acme.technologies,
      history: acme.history,
      contacts: [toApiContact(jane)],
      insights: { summary: 'x' },
    });
    expect(toApiContactDetail(jane)).toEqual({ ...toApiContact(jane), provenance: jane.prov, history: acme.history });
  });
});

describe('export columns', () => {
  it('write one cell per column, technologies joined, safe for a spreadsheet', () => {
    const risky = account({ ...acme, name: '=HYPERLINK("http://x","y")' });
    expect(toSafeCsvLine(ACCOUNT_EXPORT_COLUMNS.map((c) => c.header))).toBe('accountId,name,domain,industry,employees,annualRevenue,country,city,technologies,contactCount,updatedAt');
    expect(toSafeCsvLine(ACCOUNT_EXPORT_COLUMNS.map((c) => c.value(risky)))).toBe(
      `acc_1,"'=HYPERLINK(""http://x"",""y"")",acme.example,Software,120,5000000,Germany,Berlin,Stripe; Amazon Web Services,2,${later}`,
    );
    const jane = contact({ accountId: 'acc_1', firstName: 'Jane', lastName: 'Doe', fullName: 'Jane Doe', email: 'jane@acme.example', phone: '+14155550100', title: '@CTO', company: 'Acme, Inc.' });
    expect(toSafeCsvLine(CONTACT_EXPORT_COLUMNS.map((c) => c.header))).toBe('contactId,accountId,firstName,lastName,fullName,email,phone,title,company,updatedAt');
    expect(toSafeCsvLine(CONTACT_EXPORT_COLUMNS.map((c) => c.value(jane)))).toBe(`con_1,acc_1,Jane,Doe,Jane Doe,jane@acme.example,+14155550100,'@CTO,"Acme, Inc.",${later}`);
    expect(toSafeCsvLine(CONTACT_EXPORT_COLUMNS.map((c) => c.value(contact())))).toBe(`con_1,,,,,,,,,${later}`);
  });

  it('quote a cell with a quote, a comma or a line break, and write numbers and booleans as they are', () => {
    expect(toSafeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(toSafeCsvCell('two\nlines')).toBe('"two\nlines"');
    expect(toSafeCsvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(toSafeCsvCell('plain text')).toBe('plain text');
    expect(toSafeCsvCell(false)).toBe('false');
    expect(toSafeCsvCell(null)).toBe('');
    expect(toSafeCsvCell(-1.5)).toBe('-1.5');
  });
});

describe('isEntitySchema', () => {
  it('knows the company and contact schemas only', () => {
    expect(ENTITY_SCHEMAS).toEqual(['company_account', 'contact']);
    expect(isEntitySchema('company_account')).toBe(true);
    expect(isEntitySchema('contact')).toBe(true);
    expect(isEntitySchema('call_log')).toBe(false);
    expect(isEntitySchema(undefined)).toBe(false);
  });
});

describe('insights', () => {
  it('are computed from the account facts, technologies in a fixed order', () => {
    expect(insightContent(acme)).toEqual({ name: 'Acme', domain: 'acme.example', industry: 'Software', employees: 120, annualRevenue: 5_000_000, country: 'Germany', city: 'Berlin', technologies: ['Amazon Web Services', 'Stripe'] });
    const reordered = account({ ...acme, technologies: tech('Amazon Web Services', 'Stripe'), history: [], sources: [], contactCount: 9, updatedAt: at });
    expect(insightHash(reordered, 'B2B SaaS', 'm1')).toBe(insightHash(acme, 'B2B SaaS', 'm1'));
    expect(insightHash(acme, 'B2B SaaS', 'm1')).toMatch(/^[\w-]{32}$/);
    expect(insightHash(acme, 'B2B SaaS', 'm2')).not.toBe(insightHash(acme, 'B2B SaaS', 'm1'));
    expect(insightHash(acme, 'Retail', 'm1')).not.toBe(insightHash(acme, 'B2B SaaS', 'm1'));
    expect(insightHash(acme, undefined, 'm1')).not.toBe(insightHash(acme, '', 'm1'));
    expect(insightHash(account({ ...acme, city: 'Munich' }), 'B2B SaaS', 'm1')).not.toBe(insightHash(acme, 'B2B SaaS', 'm1'));
  });

  it('ask for a fit score only with an ideal customer, and send the facts with an id per account', () => {
    const withIcp = buildInsightPrompt([acme, account({ name: 'Beta' })], 'B2B SaaS in Europe');
    expect(withIcp.system).toContain(`"industry":"<one of: ${INSIGHT_INDUSTRIES.join(' | ')}>",`);
    expect(withIcp.system).toContain('"fitScore":<integer 0-100');
    expect(withIcp.system.split('\n')).toHaveLength(5);
    for (const line of ['answer with JSON only', '"summary":"<exactly two sentences', 'do not invent numbers']) expect(withIcp.system, line).toContain(line);
    expect(withIcp.user).toBe(`Ideal customer: B2B SaaS in Europe\n\nAccounts:\n${JSON.stringify([{ id: 'a1', ...insightContent(acme) }, { id: 'a2', ...insightContent(account({ name: 'Beta' })) }])}`);
    const without = buildInsightPrompt([acme], undefined);
    expect(without.system).toContain('"fitScore":null,"fitReason":null}]}');
    expect(without.system).not.toContain('<integer');
    expect(without.user).toBe(`Accounts:\n${JSON.stringify([{ id: 'a1', ...insightContent(acme) }])}`);
  });
});

describe('parseInsightAnswer', () => {
  const answer = (accounts: unknown[]) => `Here you go:\n\`\`\`json\n${JSON.stringify({ accounts })}\n\`\`\``;
  const entry = (id: string, extra: Record<string, unknown> = {}) => ({ id, summary: ' Makes anvils. Ships worldwide. ', industry: 'manufacturing ', fitScore: 72.6, fitReason: ' sells to Europe ', ...extra });

  it('reads one insight per account of the batch, the industry from the list', () => {
    const read = parseInsightAnswer(answer([entry('a1'), entry('a2', { industry: 'Space mining' })]), 2, true)!;
    expect([...read.entries()]).toEqual([
      [0, { summary: 'Makes anvils. Ships worldwide.', industry: 'Manufacturing', fitScore: 73, fitReason: 'sells to Europe' }],
      [1, { summary: 'Makes anvils. Ships worldwide.', industry: 'Other', fitScore: 73, fitReason: 'sells to Europe' }],
    ]);
  });

  it('reads ids past nine', () => {
    expect([...parseInsightAnswer(answer([entry('a12')]), 12, true)!.keys()]).toEqual([11]);
  });

  it('ignores ids outside the batch, repeated or of another form', () => {
    const read = parseInsightAnswer(answer([entry('a0'), entry('a3'), entry('b1'), entry('a1x'), entry('xa1'), entry('a2', { summary: 'First.' }), entry('a2', { summary: 'Second.' })]), 2, true)!;
    expect([...read.keys()]).toEqual([1]);
    expect(read.get(1)!.summary).toBe('First.');
  });

  it('gives no score without an ideal customer, and no reason without a score', () => {
    expect(parseInsightAnswer(answer([entry('a1')]), 1, false)!.get(0)).toMatchObject({ fitScore: null, fitReason: null });
    expect(parseInsightAnswer(answer([entry('a1', { fitScore: null })]), 1, true)!.get(0)).toMatchObject({ fitScore: null, fitReason: null });
    expect(parseInsightAnswer(answer([entry('a1', { fitReason: undefined })]), 1, true)!.get(0)).toMatchObject({ fitScore: 73, fitReason: null });
    expect(parseInsightAnswer(answer([entry('a1', { fitScore: 0 })]), 1, true)!.get(0)).toMatchObject({ fitScore: 0 });
  });

  it('refuses an answer that is not the asked JSON, or whose values are out of bounds', () => {
    expect(parseInsightAnswer('no JSON here', 1, true)).toBeUndefined();
    expect(parseInsightAnswer(answer([entry('a1', { summary: '' })]), 1, true)).toBeUndefined();
    expect(parseInsightAnswer(answer([entry('a1', { summary: 'x'.repeat(1001) })]), 1, true)).toBeUndefined();
    expect(parseInsightAnswer(answer([entry('a1', { summary: 'x'.repeat(1000) })]), 1, true)).toBeDefined();
    expect(parseInsightAnswer(answer([entry('a1', { fitScore: 101 })]), 1, true)).toBeUndefined();
    expect(parseInsightAnswer(answer([entry('a1', { fitScore: -1 })]), 1, true)).toBeUndefined();
    expect(parseInsightAnswer(answer([entry('a1', { fitScore: 100 })]), 1, true)!.get(0)!.fitScore).toBe(100);
    expect(parseInsightAnswer(answer([entry('a1', { fitReason: 'x'.repeat(501) })]), 1, true)).toBeUndefined();
    expect(parseInsightAnswer(answer([entry('a1', { fitReason: 'x'.repeat(500) })]), 1, true)).toBeDefined();
    expect(parseInsightAnswer(answer([entry('a1', { id: 1 })]), 1, true)).toBeUndefined();
    expect(parseInsightAnswer(answer([entry('a1', { industry: 5 })]), 1, true)).toBeUndefined();
    expect(parseInsightAnswer(JSON.stringify({ items: [] }), 1, true)).toBeUndefined();
  });
});
