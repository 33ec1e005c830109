import { describe, expect, it } from 'vitest';
import { cloneAccount, cloneContact, isNewer, noteSource, noteTechnology, offerField, sameValue, setField } from '../../functions/core/entities/merge.ts';
import { LIMITS, type Account, type Contact, type Provenance } from '../../functions/core/entities/model.ts';

/* One field of one company offered by several files: which value stays, what goes to the history. */

const NOW = '2026-03-01T00:00:00.000Z';

function account(values: Partial<Account> = {}): Account {
  return { accountId: 'acc_1', altDomains: [], technologies: [], contactCount: 0, prov: {}, history: [], sources: [], createdAt: NOW, updatedAt: NOW, createdByJob: 'job1', ...values };
}

function contact(values: Partial<Contact> = {}): Contact {
  return { contactId: 'con_1', accountId: null, prov: {}, history: [], sources: [], createdAt: NOW, updatedAt: NOW, createdByJob: 'job1', ...values };
}

const job = (jobId: string | null, row: number | null, at: string): Provenance => ({ jobId, row, at, via: 'job' });
const JAN = '2026-01-01T00:00:00.000Z';
const FEB = '2026-02-01T00:00:00.000Z';

describe('isNewer', () => {
  it('puts the later ingestion first, whatever the job and row', () => {
    expect(isNewer(job('a', 1, FEB), job('z', 9, JAN))).toBe(true);
    expect(isNewer(job('z', 9, JAN), job('a', 1, FEB))).toBe(false);
  });

  it('at the same time, puts the later job id first, whatever the row', () => {
    expect(isNewer(job('job2', 1, JAN), job('job1', 9, JAN))).toBe(true);
    expect(isNewer(job('job1', 9, JAN), job('job2', 1, JAN))).toBe(false);
    // an edit (no job) is older than any job at the same instant
    expect(isNewer(job('job1', 1, JAN), job(null, 9, JAN))).toBe(true);
    expect(isNewer(job(null, 9, JAN), job('job1', 1, JAN))).toBe(false);
  });

  it('in one job at one time, puts the later row first; a source is not newer than itself', () => {
    expect(isNewer(job('job1', 3, JAN), job('job1', 2, JAN))).toBe(true);
    expect(isNewer(job('job1', 2, JAN), job('job1', 3, JAN))).toBe(false);
    expect(isNewer(job('job1', 2, JAN), job('job1', 2, JAN))).toBe(false);
    expect(isNewer(job('job1', 1, JAN), job('job1', null, JAN))).toBe(true);
    expect(isNewer(job('job1', null, JAN), job('job1', 1, JAN))).toBe(false);
    expect(isNewer(job('job1', -1, JAN), job('job1', null, JAN))).toBe(false);
    // sources without a job (edits, merges) at one time are ordered by row too
    expect(isNewer(job(null, 2, JAN), job(null, 1, JAN))).toBe(true);
    expect(isNewer(job(null, 1, JAN), job(null, 2, JAN))).toBe(false);
  });

  it('puts a source without a job before every job, whatever the job id', () => {
    for (const jobId of ['0', 'A', 'job1', '~']) {
      expect(isNewer(job(jobId, 1, JAN), job(null, 1, JAN)), jobId).toBe(true);
      expect(isNewer(job(null, 1, JAN), job(jobId, 1, JAN)), jobId).toBe(false);
    }
  });
});

describe('sameValue', () => {
  it('reads two texts as one value across case and surrounding spaces, nothing else', () => {
    expect(sameValue(' Software ', 'software')).toBe(true);
    expect(sameValue('Software', 'Soft ware')).toBe(false);
    expect(sameValue(120, 120)).toBe(true);
    expect(sameValue(120, '120')).toBe(false);
    expect(sameValue('120', 120)).toBe(false);
  });
});

describe('offerField', () => {
  it('fills an empty field with the value and its source', () => {
    for (const empty of [undefined, null, '']) {
      const a = account({ industry: empty as string | undefined });
      expect(offerField(a, 'industry', 'Software', job('job1', 1, JAN), NOW)).toBe(true);
      expect(a).toMatchObject({ industry: 'Software', prov: { industry: job('job1', 1, JAN) }, history: [] });
    }
  });

  it('ignores an empty offer', () => {
    for (const empty of [undefined, null, '']) {
      const a = account({ industry: 'Software', prov: { industry: job('job1', 1, JAN) } });
      expect(offerField(a, 'industry', empty, job('job2', 1, FEB), NOW)).toBe(false);
      expect(a.industry).toBe('Software');
      expect(a.prov.industry).toEqual(job('job1', 1, JAN));
    }
  });

  it('keeps the first source of the same value, written another way', () => {
    const a = account({ industry: 'Software', prov: { industry: job('job1', 1, JAN) } });
    expect(offerField(a, 'industry', ' SOFTWARE', job('job2', 1, FEB), NOW)).toBe(false);
    expect(a).toMatchObject({ industry: 'Software', prov: { industry: job('job1', 1, JAN) }, history: [] });
  });

  it('takes a newer value and moves the older one to the history with its source', () => {
    const a = account({ industry: 'Software', prov: { industry: job('job1', 1, JAN) } });
    expect(offerField(a, 'industry', 'SaaS', job('job2', 4, FEB), NOW)).toBe(true);
    expect(a.industry).toBe('SaaS');
    expect(a.prov.industry).toEqual(job('job2', 4, FEB));
    expect(a.history).toEqual([{ field: 'industry', value: 'Software', source: job('job1', 1, JAN), recordedAt: NOW }]);
  });

  it('keeps the current value against an older one, which goes to the history once', () => {
    const a = account({ industry: 'SaaS', prov: { industry: job('job2', 4, FEB) } });
    expect(offerField(a, 'industry', 'Software', job('job1', 1, JAN), NOW)).toBe(true);
    expect(a.industry).toBe('SaaS');
    expect(a.prov.industry).toEqual(job('job2', 4, FEB));
    expect(a.history).toEqual([{ field: 'industry', value: 'Software', source: job('job1', 1, JAN), recordedAt: NOW }]);
    // the same losing value from the same source again (a retried job) changes nothing
    expect(offerField(a, 'industry', 'software ', job('job1', 1, JAN), '2026-04-01T00:00:00.000Z')).toBe(false);
    expect(a.history).toHaveLength(1);
  });

  it('records a losing value again when any part of its source differs', () => {
    const sources = [job('job0', 1, JAN), job('job1', 2, JAN), job('job1', 1, '2025-12-31T00:00:00.000Z')];
    const a = account({ industry: 'SaaS', prov: { industry: job('job2', 4, FEB) } });
    offerField(a, 'industry', 'Software', job('job1', 1, JAN), NOW);
    for (const source of sources) expect(offerField(a, 'industry', 'Software', source, NOW)).toBe(true);
    expect(offerField(a, 'employees', 5, job('job1', 1, JAN), NOW)).toBe(true);
    expect(offerField(a, 'employees', 6, job('job0', 1, JAN), NOW)).toBe(true);
    expect(a.history.map((h) => [h.field, h.value, h.source])).toEqual([
      ['industry', 'Software', job('job1', 1, JAN)],
      ...sources.map((s) => ['industry', 'Software', s]),
      ['employees', 6, job('job0', 1, JAN)],
    ]);
  });

  it('records every losing value of one source: two values of one field, one value in two fields', () => {
    const a = account({ industry: 'SaaS', city: 'Dallas', prov: { industry: job('job2', 4, FEB), city: job('job2', 4, FEB) } });
    expect(offerField(a, 'industry', 'Software', job('job1', 1, JAN), NOW)).toBe(true);
    expect(offerField(a, 'industry', 'Retail', job('job1', 1, JAN), NOW)).toBe(true);
    expect(offerField(a, 'city', 'Retail', job('job1', 1, JAN), NOW)).toBe(true);
    expect(a.history.map((h) => [h.field, h.value])).toEqual([
      ['industry', 'Software'],
      ['industry', 'Retail'],
      ['city', 'Retail'],
    ]);
  });

  it('takes an offer over a value that has no source, without a history entry', () => {
    const a = account({ industry: 'Software' });
    expect(offerField(a, 'industry', 'SaaS', job('job1', 1, JAN), NOW)).toBe(true);
    expect(a).toMatchObject({ industry: 'SaaS', prov: { industry: job('job1', 1, JAN) }, history: [] });
  });

  it('uses the given sameness: a name with its legal form is the same name', () => {
    const a = account({ name: 'Acme', prov: { name: job('job1', 1, JAN) } });
    const sameCompany = (x: unknown, y: unknown) => String(x).replace(/,? Inc\.$/, '') === String(y).replace(/,? Inc\.$/, '');
    expect(offerField(a, 'name', 'Acme, Inc.', job('job2', 1, FEB), NOW, sameCompany)).toBe(false);
    expect(a.name).toBe('Acme');
  });

  it('keeps the newest history entries when the cap is reached', () => {
    const a = account({ industry: 'Current', prov: { industry: job('job9', 1, '2027-01-01T00:00:00.000Z') } });
    for (let i = 1; i <= LIMITS.history + 2; i++) offerField(a, 'industry', `Old ${i}`, job('job1', i, JAN), NOW);
    expect(a.history).toHaveLength(LIMITS.history);
    expect(a.history[0]!.value).toBe('Old 3');
    expect(a.history.at(-1)!.value).toBe(`Old ${LIMITS.history + 2}`);
  });
});

describe('setField (an edit)', () => {
  const edit: Provenance = { jobId: null, row: null, at: FEB, via: 'api' };

  it('sets a value, moving the old one with its source to the history', () => {
    const a = account({ city: 'Austin', prov: { city: job('job1', 1, JAN) } });
    expect(setField(a, 'city', 'Dallas', edit, NOW)).toBe(true);
    expect(a).toMatchObject({ city: 'Dallas', prov: { city: edit } });
    expect(a.history).toEqual([{ field: 'city', value: 'Austin', source: job('job1', 1, JAN), recordedAt: NOW }]);
  });

  it('sets a first value without a history entry, and a value with no source without one', () => {
    const a = account();
    expect(setField(a, 'city', 'Dallas', edit, NOW)).toBe(true);
    expect(a).toMatchObject({ city: 'Dallas', prov: { city: edit }, history: [] });
    const b = account({ city: 'Austin' });
    expect(setField(b, 'city', 'Dallas', edit, NOW)).toBe(true);
    expect(b).toMatchObject({ city: 'Dallas', history: [] });
  });

  it('changes nothing when the value is already there, exactly', () => {
    const a = account({ city: 'Austin', prov: { city: job('job1', 1, JAN) } });
    expect(setField(a, 'city', 'Austin', edit, NOW)).toBe(false);
    expect(a.prov.city).toEqual(job('job1', 1, JAN));
    expect(a.history).toEqual([]);
    // another spelling is an edit
    expect(setField(a, 'city', 'AUSTIN', edit, NOW)).toBe(true);
    expect(a.city).toBe('AUSTIN');
  });

  it('clears a field on null or an empty text, keeping the old value in the history', () => {
    for (const empty of [null, '']) {
      const a = account({ city: 'Austin', prov: { city: job('job1', 1, JAN) } });
      expect(setField(a, 'city', empty, edit, NOW)).toBe(true);
      expect('city' in a).toBe(false);
      expect('city' in a.prov).toBe(false);
      expect(a.history).toEqual([{ field: 'city', value: 'Austin', source: job('job1', 1, JAN), recordedAt: NOW }]);
    }
    const noSource = account({ city: 'Austin' });
    expect(setField(noSource, 'city', null, edit, NOW)).toBe(true);
    expect(noSource.history).toEqual([]);
    expect('city' in noSource).toBe(false);
  });

  it('reports no change when clearing a field that is not set', () => {
    const a = account();
    expect(setField(a, 'city', null, edit, NOW)).toBe(false);
    expect(a.history).toEqual([]);
  });
});

describe('noteSource', () => {
  it('lists each job once with the rows it matched and the span of its times', () => {
    const c = contact();
    expect(noteSource(c, job('job1', 2, FEB))).toBe(true);
    expect(noteSource(c, job('job1', 2, FEB))).toBe(false);
    expect(noteSource(c, job('job1', 5, FEB))).toBe(true);
    expect(noteSource(c, job('job1', 5, '2026-03-01T00:00:00.000Z'))).toBe(true);
    expect(noteSource(c, job('job1', 5, JAN))).toBe(true);
    expect(noteSource(c, job('job1', 5, FEB))).toBe(false);
    expect(noteSource(c, job('job2', 1, FEB))).toBe(true);
    expect(noteSource(c, { jobId: 'job2', row: 1, at: FEB, via: 'merge' })).toBe(true);
    expect(c.sources).toEqual([
      { jobId: 'job1', via: 'job', rows: [2, 5], firstAt: JAN, lastAt: '2026-03-01T00:00:00.000Z' },
      { jobId: 'job2', via: 'job', rows: [1], firstAt: FEB, lastAt: FEB },
      { jobId: 'job2', via: 'merge', rows: [1], firstAt: FEB, lastAt: FEB },
    ]);
  });

  it('notes an edit (no row) without a row', () => {
    const c = contact();
    expect(noteSource(c, { jobId: null, row: null, at: FEB, via: 'api' })).toBe(true);
    expect(noteSource(c, { jobId: null, row: null, at: FEB, via: 'api' })).toBe(false);
    expect(c.sources).toEqual([{ jobId: null, via: 'api', rows: [], firstAt: FEB, lastAt: FEB }]);
  });

  it('caps the rows of a job and says so once', () => {
    const c = contact();
    for (let row = 1; row <= LIMITS.sourceRows; row++) noteSource(c, job('job1', row, JAN));
    expect(c.sources[0]!.rows).toHaveLength(LIMITS.sourceRows);
    expect(c.sources[0]!.rowsTruncated).toBeUndefined();
    expect(noteSource(c, job('job1', LIMITS.sourceRows + 1, JAN))).toBe(true);
    expect(c.sources[0]!.rowsTruncated).toBe(true);
    expect(noteSource(c, job('job1', LIMITS.sourceRows + 2, JAN))).toBe(false);
    expect(c.sources[0]!.rows).toHaveLength(LIMITS.sourceRows);
  });

  it('keeps the newest jobs when the cap is reached', () => {
    const c = contact();
    for (let i = 1; i <= LIMITS.sources + 2; i++) noteSource(c, job(`job${i}`, 1, JAN));
    expect(c.sources).toHaveLength(LIMITS.sources);
    expect(c.sources[0]!.jobId).toBe('job3');
    expect(c.sources.at(-1)!.jobId).toBe(`job${LIMITS.sources + 2}`);
  });
});

describe('noteTechnology', () => {
  const sighting = (row: number, field = 'technologies', how: 'list' | 'text' = 'list') => ({ jobId: 'job1', row, field, how });

  it('adds a technology once, whatever its case, with each sighting once', () => {
    const a = account();
    expect(noteTechnology(a, 'Stripe', 'Payments', sighting(1))).toBe(true);
    expect(noteTechnology(a, 'stripe', 'Payments', sighting(1))).toBe(false);
    expect(noteTechnology(a, 'STRIPE', 'Payments', sighting(2))).toBe(true);
    expect(noteTechnology(a, 'Stripe', 'Payments', sighting(2, 'notes'))).toBe(true);
    expect(noteTechnology(a, 'Stripe', 'Payments', sighting(2, 'notes', 'text'))).toBe(true);
    expect(noteTechnology(a, 'Stripe', 'Payments', { ...sighting(2, 'notes', 'text'), jobId: 'job2' })).toBe(true);
    expect(a.technologies).toEqual([{ name: 'Stripe', category: 'Payments', found: [sighting(1), sighting(2), sighting(2, 'notes'), sighting(2, 'notes', 'text'), { ...sighting(2, 'notes', 'text'), jobId: 'job2' }] }]);
  });

  it('stops listing sightings at the cap, and still adds a new technology', () => {
    const a = account();
    for (let row = 1; row <= LIMITS.sightings; row++) expect(noteTechnology(a, 'Stripe', null, sighting(row))).toBe(true);
    expect(noteTechnology(a, 'Stripe', null, sighting(LIMITS.sightings + 1))).toBe(false);
    expect(a.technologies[0]!.found).toHaveLength(LIMITS.sightings);
  });
});

describe('cloneAccount and cloneContact', () => {
  it('give a copy whose lists can be edited without touching the original', () => {
    const a = account({
      name: 'Acme',
      altDomains: ['acme.eu'],
      prov: { name: job('job1', 1, JAN) },
      history: [{ field: 'name', value: 'ACME', source: job('job0', 1, JAN), recordedAt: NOW }],
      sources: [{ jobId: 'job1', via: 'job', rows: [1], firstAt: JAN, lastAt: JAN }],
      technologies: [{ name: 'Stripe', category: null, found: [{ jobId: 'job1', row: 1, field: 'technologies', how: 'list' }] }],
    });
    const before = structuredClone(a);
    const copy = cloneAccount(a);
    expect(copy).toEqual(a);
    copy.altDomains.push('acme.de');
    copy.prov.city = job('job2', 1, FEB);
    copy.history.push({ field: 'city', value: 'x', source: job('job2', 1, FEB), recordedAt: NOW });
    copy.sources.push({ jobId: 'job2', via: 'job', rows: [], firstAt: FEB, lastAt: FEB });
    copy.sources[0]!.rows.push(2);
    copy.sources[0]!.lastAt = FEB;
    copy.technologies.push({ name: 'SAP', category: null, found: [] });
    copy.technologies[0]!.found.push({ jobId: 'job2', row: 1, field: 'notes', how: 'text' });
    copy.technologies[0]!.category = 'Payments';
    expect(a).toEqual(before);

    const c = contact({ email: 'a@b.example', prov: { email: job('job1', 1, JAN) }, history: [{ field: 'email', value: 'old@b.example', source: job('job0', 1, JAN), recordedAt: NOW }], sources: [{ jobId: 'job1', via: 'job', rows: [1], firstAt: JAN, lastAt: JAN }] });
    const contactBefore = structuredClone(c);
    const contactCopy = cloneContact(c);
    expect(contactCopy).toEqual(c);
    contactCopy.prov.phone = job('job2', 1, FEB);
    contactCopy.history.push({ field: 'phone', value: 'x', source: job('job2', 1, FEB), recordedAt: NOW });
    contactCopy.sources[0]!.rows.push(2);
    contactCopy.sources[0]!.lastAt = FEB;
    contactCopy.sources.push({ jobId: 'job2', via: 'job', rows: [], firstAt: FEB, lastAt: FEB });
    expect(c).toEqual(contactBefore);
  });
});
