import { describe, expect, it } from 'vitest';
import { describesDestination } from '../../functions/core/map/destination-column.ts';
import { namesTechnologies } from '../../functions/core/map/software-names.ts';

describe('namesTechnologies at its edges', () => {
  it('reads a product of two words across any run of punctuation between them', () => {
    expect(namesTechnologies(['Power / BI', 'Office - 365', 'Acme'])).toBe(true);
    expect(namesTechnologies(['(Power BI)', '"New Relic"', 'Acme'])).toBe(true);
  });

  it('leaves blank cells out of the share', () => {
    expect(namesTechnologies(['Salesforce', 'HubSpot', '', ' ', 'n/a'])).toBe(true);
  });

  it('takes one name with spaces around it as the same name', () => {
    expect(namesTechnologies(['Slack', ' Slack ', 'Slack'])).toBe(false);
  });
});

describe('describesDestination at its edges', () => {
  it('takes a country after a comma with or without a space, and after a dash between spaces of any length', () => {
    expect(describesDestination('description', ['Intl,France', 'Intl,Spain', 'Intl x', 'Intl y'])).toBe(true);
    expect(describesDestination('description', ['Intl,  France ', 'Intl  -  Spain', 'Intl x', 'Intl y'])).toBe(true);
    expect(describesDestination('description', ['France , Intl', 'Spain\t:\tIntl', 'Intl x', 'Intl y'])).toBe(true);
  });

  it('gives a separator all the spaces after it: a second dash after them stays with the country', () => {
    expect(describesDestination('description', ['Intl -  – France', 'Intl :  - Spain', 'Intl x', 'Intl y'])).toBe(false);
    expect(describesDestination('description', ['Intl - – France', 'Intl,  - Spain', 'Intl x', 'Intl y'])).toBe(false);
  });

  it('reads destination words among punctuation', () => {
    expect(describesDestination('description', ['(mobile)', '--landline--', 'Call x', 'Call y'])).toBe(true);
  });
});
