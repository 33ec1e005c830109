import { describe, expect, it, vi } from 'vitest';
import { extractTechnologies, extractTechnologiesFromText, findTechnologiesInText, recogniseTechnology, technologyDictionary } from '../../functions/core/entities/technologies.ts';

const TECHNOLOGIES = technologyDictionary();

describe('technologies.json', () => {
  it('holds at least 300 products, each with a category, and no alias naming two products', () => {
    expect(TECHNOLOGIES.length).toBeGreaterThanOrEqual(300);
    const seen = new Map<string, string>();
    for (const t of TECHNOLOGIES) {
      expect(t.name.trim(), JSON.stringify(t)).toBe(t.name);
      expect(t.category, t.name).toMatch(/^[a-z-]+$/);
      for (const alias of [t.name, ...t.aliases]) {
        const key = alias.toLowerCase();
        expect(seen.get(key) ?? t.name, `${alias} is claimed by ${seen.get(key)} and ${t.name}`).toBe(t.name);
        seen.set(key, t.name);
      }
    }
  });

  it('resolves aliases to the product name', () => {
    expect(recogniseTechnology('AWS')?.name).toBe('Amazon Web Services');
    expect(recogniseTechnology(' amazon web services ')?.name).toBe('Amazon Web Services');
    expect(recogniseTechnology('Postgres')?.name).toBe('PostgreSQL');
    expect(recogniseTechnology('G Suite')?.name).toBe('Google Workspace');
  });
});

describe('findTechnologiesInText', () => {
  it('finds products in free text on word boundaries', () => {
    expect(findTechnologiesInText('runs PostgreSQL, Stripe, Twilio in production').map((t) => t.name)).toEqual(['PostgreSQL', 'Stripe', 'Twilio']);
    expect(findTechnologiesInText('Migrated from MySQL to amazon web services last year').map((t) => t.name)).toEqual(['MySQL', 'Amazon Web Services']);
  });

  it('does not match inside words, everyday words, or acronyms written in lower case', () => {
    expect(findTechnologiesInText('We love Javanese coffee and reactive programming')).toEqual([]);
    expect(findTechnologiesInText('a slack rope, a square table and tree sap')).toEqual([]);
    expect(findTechnologiesInText('Our team chats in Slack and bills with SAP').map((t) => t.name)).toEqual(['Slack', 'SAP']);
    expect(findTechnologiesInText('JavaScript and C++ and C#').map((t) => t.name)).toEqual(['JavaScript', 'C++', 'C#']);
  });
});

describe('extractTechnologies', () => {
  it('reads list cells in every common separator, resolving aliases, keeping unknown names as written', () => {
    expect(extractTechnologies('Salesforce; HubSpot').map((t) => t.name)).toEqual(['Salesforce', 'HubSpot']);
    expect(extractTechnologies(['AWS, Snowflake', 'Acme Internal CRM']).map((t) => [t.name, t.how])).toEqual([
      ['Amazon Web Services', 'list'],
      ['Snowflake', 'list'],
      ['Acme Internal CRM', 'list'],
    ]);
  });

  it('finds products in a sentence inside a list cell and says so', () => {
    expect(extractTechnologies('runs PostgreSQL, Stripe, Twilio in production').map((t) => [t.name, t.how])).toEqual([
      ['PostgreSQL', 'text'],
      ['Stripe', 'list'],
      ['Twilio', 'text'],
    ]);
    expect(extractTechnologies('We are evaluating several vendors this quarter for our new platform')).toEqual([]);
  });
});

describe('recogniseTechnology, items spelled as the dictionary writes them', () => {
  // The rule, without the index: fold the item (NFKC, lower case, single spaces, no trailing
  // list punctuation) and find the product with an alias that folds the same.
  const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const byRule = (item: string) => {
    const key = fold(item).replace(/[.;:,]+$/, '');
    return TECHNOLOGIES.find((t) => [t.name, ...t.aliases].some((a) => fold(a) === key));
  };

  it('names the product the folding rule names, for every alias and its other spellings', () => {
    const spellings = TECHNOLOGIES.flatMap((t) =>
      [t.name, ...t.aliases].flatMap((a) => [a, a.toLowerCase(), a.toUpperCase(), ` ${a} `, `${a}.`, `${a};`, a.replace(/ /g, '  '), a.normalize('NFKD'), a.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))]),
    );
    expect(spellings.length).toBeGreaterThan(5000);
    for (const item of spellings) expect(recogniseTechnology(item)?.name, item).toBe(byRule(item)?.name);
  });
});

describe('technologies.ts read afresh', () => {
  // The dictionary's index is built on first use and kept: a fresh module builds it again here.
  it('finds names in text by their words, case as the dictionary says, list-only names only in lists', async () => {
    vi.resetModules();
    const fresh = await import('../../functions/core/entities/technologies.ts');
    const names = (text: string) => fresh.findTechnologiesInText(text).map((t) => t.name);
    expect(names('moved from mysql to amazon web services and postgresql')).toEqual(['MySQL', 'Amazon Web Services', 'PostgreSQL']);
    expect(names('we close deals at the front desk, in a box; we render and use sap')).toEqual([]);
    expect(names('We deploy on Render and bill with SAP')).toEqual(['Render', 'SAP']);
    expect(fresh.extractTechnologies('Close CRM; Box.com').map((t) => [t.name, t.how])).toEqual([
      ['Close', 'list'],
      ['Box', 'list'],
    ]);
    expect(fresh.recogniseTechnology('Amazon Web Services')?.name).toBe('Amazon Web Services');
    expect(fresh.recogniseTechnology('amazon  web services.')?.name).toBe('Amazon Web Services');
  });
});

describe('extractTechnologies at its edges', () => {
  it('splits on every list mark, trims items and drops empty ones', () => {
    expect(extractTechnologies(' Salesforce ;; HubSpot\n• Stripe | Twilio · Slack,,').map((t) => t.name)).toEqual(['Salesforce', 'HubSpot', 'Stripe', 'Twilio', 'Slack']);
    expect(extractTechnologies(['Salesforce', 42, null, ' ']).map((t) => t.name)).toEqual(['Salesforce']);
    expect(extractTechnologies(42)).toEqual([]);
  });

  it('keeps an unknown item as a name only while it reads like one: up to 40 characters and 4 words, with a letter', () => {
    const kept = (item: string) => extractTechnologies(item).map((t) => t.name);
    expect(kept('Acme  Internal CRM')).toEqual(['Acme Internal CRM']);
    expect(kept('one two three four')).toEqual(['one two three four']);
    expect(kept('one two three four five')).toEqual([]);
    expect(kept('x'.repeat(40))).toEqual(['x'.repeat(40)]);
    expect(kept('x'.repeat(41))).toEqual([]);
    expect(kept('12345')).toEqual([]);
    // the same product twice, in any case, once
    expect(extractTechnologies('Acme CRM; ACME crm; aws; AWS').map((t) => t.name)).toEqual(['Acme CRM', 'Amazon Web Services']);
  });

  it('finds products in free text, words split on punctuation, a final dot aside', () => {
    expect(extractTechnologiesFromText('Stack: PostgreSQL... (and Stripe); "Twilio"-based.').map((t) => [t.name, t.how])).toEqual([
      ['PostgreSQL', 'text'],
      ['Stripe', 'text'],
      ['Twilio', 'text'],
    ]);
    expect(findTechnologiesInText('  Slack  ').map((t) => t.name)).toEqual(['Slack']);
  });
});
