import { describe, expect, it, vi } from 'vitest';
import { accountDomain, companyNameKey, countryKey, domainOfEmail, isFreeMailDomain, normalizeCountry, personNameKey, phoneKey } from '../../functions/core/entities/normalize.ts';

describe('accountDomain', () => {
  it('folds scheme, www., path, case and a trailing dot into one domain', () => {
    for (const raw of ['https://www.Acme.example/', 'ACME.EXAMPLE', 'http://acme.example', 'www.acme.example./about?x=1', 'acme.example:8080']) {
      expect(accountDomain(raw), raw).toBe('acme.example');
    }
  });

  it('never makes an account of a free-mail domain or of text that is no domain', () => {
    expect(accountDomain('gmail.com')).toBeUndefined();
    expect(accountDomain('https://www.web.de')).toBeUndefined();
    expect(accountDomain('not a domain')).toBeUndefined();
    expect(accountDomain(42)).toBeUndefined();
  });
});

describe('domainOfEmail', () => {
  it('takes the company domain of an address, not a mailbox provider', () => {
    expect(domainOfEmail('jane@Sales.Acme.example')).toBe('sales.acme.example');
    expect(domainOfEmail('jane@gmail.com')).toBeUndefined();
    expect(domainOfEmail('jane@yahoo.co.uk')).toBeUndefined();
    expect(isFreeMailDomain('outlook.com')).toBe(true);
  });
});

describe('companyNameKey', () => {
  it('removes case, punctuation and legal forms of many countries', () => {
    const same: [string, string][] = [
      ['Acme, Inc.', 'acme'],
      ['ACME Incorporated', 'acme'],
      ['Acme Corp', 'acme'],
      ['Acme LLC', 'acme'],
      ['Acme Ltd', 'acme'],
      ['Acme Limited', 'acme'],
      ['Acme PLC', 'acme'],
      ['Acme GmbH', 'acme'],
      ['Müller GmbH & Co. KG', 'muller'],
      ['Siemens AG', 'siemens'],
      ['Carrefour S.A.', 'carrefour'],
      ['Dassault Systèmes SE', 'dassault systemes'],
      ['Telefónica, S.A.', 'telefonica'],
      ['Grupo Bimbo, S.A.B. de C.V.', 'grupo bimbo'],
      ['Luxottica S.p.A.', 'luxottica'],
      ['Natura Cosméticos Ltda.', 'natura cosmeticos'],
      ['Philips N.V.', 'philips'],
      ['Booking B.V.', 'booking'],
      ['Volvo AB (publ)', 'volvo'],
      ['Maersk A/S', 'maersk'],
      ['Equinor ASA', 'equinor'],
      ['Nokia Oyj', 'nokia'],
      ['Allegro Sp. z o.o.', 'allegro'],
      ['Škoda Auto a.s.', 'skoda auto'],
      ['PT Astra International Tbk', 'astra international'],
      ['OOO Romashka', 'romashka'],
      ['Atlassian Pty Ltd', 'atlassian'],
      ['Infosys Private Limited', 'infosys'],
      ['Petronas Sdn Bhd', 'petronas'],
      ['トヨタ自動車株式会社', 'トヨタ自動車'],
      ['Sony Kabushiki Kaisha', 'sony'],
      ['The Acme Company', 'acme'],
    ];
    for (const [raw, key] of same) expect(companyNameKey(raw), raw).toBe(key);
  });

  it('keeps a name that is nothing but a legal form, and words that only look like one inside a name', () => {
    expect(companyNameKey('Limited')).toBe('limited');
    expect(companyNameKey('Co-op Group')).toBe('co op group');
    expect(companyNameKey('   ')).toBeUndefined();
  });
});

describe('normalizeCountry', () => {
  it('reads names in several languages, codes and common aliases', () => {
    for (const raw of ['USA', 'United States', 'U.S.', 'us', 'Vereinigte Staaten', 'États-Unis', 'Estados Unidos']) expect(normalizeCountry(raw)?.code, raw).toBe('US');
    expect(normalizeCountry('Deutschland')).toEqual({ code: 'DE', name: 'Germany' });
    expect(normalizeCountry('UK')?.name).toBe('United Kingdom');
    expect(normalizeCountry('Atlantis')).toBeUndefined();
    expect(countryKey('Atlantis')).toBe('atlantis');
  });

  it('finds names of every language once English ones were read (names are indexed a language at a time, on a miss)', () => {
    expect(normalizeCountry('Sweden')?.code).toBe('SE');
    for (const [raw, code] of [['Curaçao', 'CW'], ['キュラソー', 'CW'], ['Russia', 'RU'], ['Allemagne', 'DE'], ['日本', 'JP'], ['Schweden', 'SE'], ['Szwecja', 'SE'], ['스웨덴', 'SE']]) {
      expect(normalizeCountry(raw)?.code, raw).toBe(code);
    }
  });
});

describe('normalize.ts at import', () => {
  it('makes no Intl.DisplayNames until a country is read (the first one loads ICU region data, ~12 ms of a cold start)', async () => {
    vi.resetModules();
    const original = Intl.DisplayNames;
    const intl = Intl as { DisplayNames: typeof original };
    let made = 0;
    intl.DisplayNames = new Proxy(original, { construct: (target, args: ConstructorParameters<typeof original>) => (made++, new target(...args)) });
    try {
      const fresh = await import('../../functions/core/entities/normalize.ts');
      fresh.accountDomain('acme.example');
      expect(made).toBe(0);
      expect(fresh.normalizeCountry('Deutschland')?.name).toBe('Germany');
      expect(made).toBeGreaterThan(0);
    } finally {
      intl.DisplayNames = original;
    }
  });
});

describe('contact keys', () => {
  it('folds person names and accepts only E.164 phones', () => {
    expect(personNameKey('José', 'Álvarez')).toBe('jose alvarez');
    expect(personNameKey(undefined, undefined, 'Jane  Doe')).toBe('jane doe');
    expect(phoneKey('+1 415 555 0100')).toBe('+14155550100');
    expect(phoneKey('415-555-0100')).toBeUndefined();
  });
});
