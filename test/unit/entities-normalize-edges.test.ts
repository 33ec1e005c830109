import { describe, expect, it, vi } from 'vitest';
import { companyNameKey, countryKey, domainOfEmail, emailKey, isFreeMailDomain, normalizeCountry, personNameKey, phoneKey } from '../../functions/core/entities/normalize.ts';

/* The keys two records of one company or person must share, at their edges. */

describe('free-mail and e-mail domains', () => {
  it('knows a mailbox provider whatever the case of its domain', () => {
    expect(isFreeMailDomain('GMail.COM')).toBe(true);
    expect(isFreeMailDomain('acme.example')).toBe(false);
  });

  it('takes the part after the last @, and nothing from text without one', () => {
    expect(domainOfEmail('@acme.example')).toBe('acme.example');
    expect(domainOfEmail('"a@b"@acme.example')).toBe('acme.example');
    expect(domainOfEmail('acme.example')).toBeUndefined();
    expect(domainOfEmail('')).toBeUndefined();
    expect(domainOfEmail(undefined)).toBeUndefined();
  });
});

describe('companyNameKey at its edges', () => {
  it('keeps a name that is all legal forms (the last form stays), front or back', () => {
    expect(companyNameKey('Co Ltd')).toBe('co');
    expect(companyNameKey('The Company')).toBe('the');
    expect(companyNameKey('PT')).toBe('pt');
    expect(companyNameKey('The')).toBe('the');
    expect(companyNameKey('株式会社')).toBe('株式会社');
  });

  it('removes legal forms on both sides, repeatedly, and CJK forms before or after', () => {
    expect(companyNameKey('The Acme Holdings Company Ltd.')).toBe('acme holdings');
    expect(companyNameKey('PT The Acme Tbk')).toBe('acme');
    expect(companyNameKey('株式会社トヨタ')).toBe('トヨタ');
    expect(companyNameKey('  株式会社トヨタ ')).toBe('トヨタ');
    expect(companyNameKey('PT The Acme')).toBe('acme');
    expect(companyNameKey('(株)トヨタ')).toBe('トヨタ');
    expect(companyNameKey('トヨタ有限会社')).toBe('トヨタ');
  });

  it('joins dots, commas, apostrophes and slashes, reads & as "and", and folds accents and wide letters', () => {
    expect(companyNameKey("McDonald's")).toBe('mcdonalds');
    expect(companyNameKey('McDonald’s Corp.')).toBe('mcdonalds');
    expect(companyNameKey('AT&T')).toBe('at and t');
    expect(companyNameKey('Ｓｏｎｙ')).toBe('sony');
    expect(companyNameKey('  Ärzte   ohne Grenzen e.V.')).toBe('arzte ohne grenzen');
    expect(companyNameKey('Acme/Beta')).toBe('acmebeta');
    expect(companyNameKey('Acme, Beta')).toBe('acme beta');
  });

  it('gives no key to text without a letter or digit, or to what is not text', () => {
    expect(companyNameKey('...')).toBeUndefined();
    expect(companyNameKey('&')).toBe('and');
    expect(companyNameKey(42)).toBeUndefined();
    expect(companyNameKey(undefined)).toBeUndefined();
  });

  it('gives the same key on a second ask (the memo)', () => {
    expect(companyNameKey('Globex GmbH')).toBe('globex');
    expect(companyNameKey('Globex GmbH')).toBe('globex');
    expect(companyNameKey('...')).toBeUndefined();
  });
});

describe('personNameKey', () => {
  it('joins first and last name, else takes the full name; blank parts count for nothing', () => {
    expect(personNameKey(' ', 'Doe')).toBe('doe');
    expect(personNameKey('Jane', undefined, 'Other Name')).toBe('jane');
    expect(personNameKey('', '  ', 'Jane  Doe')).toBe('jane doe');
    expect(personNameKey(undefined, undefined)).toBeUndefined();
    expect(personNameKey(undefined, undefined, '--')).toBeUndefined();
    expect(personNameKey("O'Neil", 'Müller-Lüdenscheidt')).toBe('o neil muller ludenscheidt');
  });
});

describe('emailKey', () => {
  it('lower-cases and trims an address, and refuses what is not one', () => {
    expect(emailKey('  Jane.Doe@Acme.Example ')).toBe('jane.doe@acme.example');
    for (const bad of ['jane doe@acme.example', 'jane@acme', '@acme.example', 'jane@.', 'jane@acme.example x', 'x jane@acme.example', 'a@b@c.example', 42, undefined]) {
      expect(emailKey(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('phoneKey', () => {
  it('accepts E.164 numbers of 7 to 15 digits, spaces, dots, dashes and brackets aside', () => {
    expect(phoneKey('+1 (415) 555.01-00')).toBe('+14155550100');
    expect(phoneKey('+1234567')).toBe('+1234567');
    expect(phoneKey('+123456789012345')).toBe('+123456789012345');
    for (const bad of ['+123456', '+1234567890123456', '+0123456789', '14155550100', '+1415555010a', 'x+14155550100', '+14155550100x', 14155550100, undefined]) {
      expect(phoneKey(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('normalizeCountry', () => {
  it('gives the ISO code a country has today, not a retired one Intl names the same', () => {
    const today: [string, string][] = [
      ['France', 'FR'],
      ['United Kingdom', 'GB'],
      ['Burkina Faso', 'BF'],
      ['Benin', 'BJ'],
      ['Congo - Kinshasa', 'CD'],
      ['Serbia', 'RS'],
      ['Timor-Leste', 'TL'],
      ['Myanmar (Burma)', 'MM'],
      ['Vanuatu', 'VU'],
      ['Zimbabwe', 'ZW'],
      ['Russia', 'RU'],
      ['Vietnam', 'VN'],
      ['Yemen', 'YE'],
      ['Curaçao', 'CW'],
      ['Germany', 'DE'],
    ];
    for (const [name, code] of today) expect(normalizeCountry(name), name).toEqual({ code, name });
    expect(countryKey('France')).toBe(countryKey('FR'));
    expect(countryKey('United Kingdom')).toBe(countryKey('UK'));
  });

  it('reads every common alias and three-letter code', () => {
    const aliases: [string, string][] = [
      ['usa', 'US'], ['U.S.A.', 'US'], ['U.S.', 'US'], ['us', 'US'], ['America', 'US'], ['United States of America', 'US'],
      ['uk', 'GB'], ['U.K.', 'GB'], ['Great Britain', 'GB'], ['Britain', 'GB'], ['England', 'GB'], ['Scotland', 'GB'], ['Wales', 'GB'], ['Northern Ireland', 'GB'],
      ['Holland', 'NL'], ['The Netherlands', 'NL'], ['South Korea', 'KR'], ['Republic of Korea', 'KR'], ['Korea, Republic of', 'KR'], ['Korea', 'KR'],
      ['Russian Federation', 'RU'], ['UAE', 'AE'], ['Czech Republic', 'CZ'], ['Czechia', 'CZ'], ['Viet Nam', 'VN'],
      ['DEU', 'DE'], ['GBR', 'GB'], ['FRA', 'FR'], ['ESP', 'ES'], ['ITA', 'IT'], ['NLD', 'NL'], ['CHE', 'CH'], ['AUT', 'AT'], ['SWE', 'SE'], ['NOR', 'NO'], ['DNK', 'DK'], ['FIN', 'FI'],
      ['POL', 'PL'], ['CAN', 'CA'], ['AUS', 'AU'], ['JPN', 'JP'], ['CHN', 'CN'], ['IND', 'IN'], ['BRA', 'BR'], ['MEX', 'MX'], ['KOR', 'KR'], ['IRL', 'IE'], ['BEL', 'BE'], ['PRT', 'PT'],
    ];
    for (const [raw, code] of aliases) expect(normalizeCountry(raw)?.code, raw).toBe(code);
  });

  it('knows the codes and names from AA to ZZ that are countries, and no reserved or unassigned code', () => {
    for (const [raw, code] of [['Austria', 'AT'], ['Zambia', 'ZM'], ['za', 'ZA'], ['Canada', 'CA'], ['New Zealand', 'NZ'], ['ad', 'AD'], ['zw', 'ZW']]) expect(normalizeCountry(raw)?.code, raw).toBe(code);
    for (const raw of ['AA', 'zz', 'Unknown Region', 'QO1', 'fx', 'yu', '   ', '']) expect(normalizeCountry(raw), raw).toBeUndefined();
    expect(normalizeCountry(42)).toBeUndefined();
  });

  it('keeps the country of the language read first when a later one names another the same', () => {
    // "Kongo" is Congo - Kinshasa in a language read before Polish, where it is Congo - Brazzaville
    expect(normalizeCountry('스웨덴')?.code).toBe('SE');
    expect(normalizeCountry('Kongo')?.code).toBe('CD');
  });

  it('keys an account\'s country by its code, or by its folded text when unknown', () => {
    expect(countryKey(undefined)).toBe('');
    expect(countryKey('')).toBe('');
    expect(countryKey('Deutschland')).toBe('DE');
    expect(countryKey('  Atlantis,  North ')).toBe('atlantis north');
  });
});

describe('normalize.ts read afresh', () => {
  // The tables are built on first use and the keys remembered per process: a fresh module
  // builds them again under what this test asks first.
  it('builds its tables and keys the same way in a new process', async () => {
    vi.resetModules();
    const fresh = await import('../../functions/core/entities/normalize.ts');
    expect(fresh.companyNameKey('PT The Acme')).toBe('acme');
    expect(fresh.companyNameKey('The Acme Holdings Company Ltd.')).toBe('acme holdings');
    expect(fresh.normalizeCountry('AA')).toBeUndefined();
    expect(fresh.normalizeCountry('zz')).toBeUndefined();
    expect(fresh.normalizeCountry('U.S.')?.code).toBe('US');
    expect(fresh.normalizeCountry('New Zealand')?.code).toBe('NZ');
    expect(fresh.normalizeCountry('Atlantis')).toBeUndefined();
    expect(fresh.normalizeCountry('Kongo')?.code).toBe('CD');
    expect(fresh.normalizeCountry('France')?.code).toBe('FR');
  });
});
