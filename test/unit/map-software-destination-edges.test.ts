import { describe, expect, it } from 'vitest';
import { describesDestination } from '../../functions/core/map/destination-column.ts';
import { namesTechnologies } from '../../functions/core/map/software-names.ts';

describe('namesTechnologies', () => {
  it('is true when most of two or more different filled values name known software, a product of two words as a phrase', () => {
    expect(namesTechnologies(['Salesforce Sales Cloud', 'Microsoft Dynamics 365', 'Amazon Web Services (AWS)'])).toBe(true);
    expect(namesTechnologies(['Salesforce', 'HubSpot', ''])).toBe(true);
    expect(namesTechnologies(['Power BI', 'Google Analytics'])).toBe(true);
    expect(namesTechnologies(['New Relic', 'Apollo'])).toBe(true);
    expect(namesTechnologies(['Office 365', 'Teams'])).toBe(true);
    expect(namesTechnologies(['SALESFORCE', ' hubspot '])).toBe(true);
  });

  it('needs three in five', () => {
    expect(namesTechnologies(['Salesforce', 'HubSpot', 'Zoom', 'Acme', 'Bar'])).toBe(true);
    expect(namesTechnologies(['Salesforce', 'HubSpot', 'Acme', 'Foo', 'Bar'])).toBe(false);
  });

  it('is false for one value, one name repeated, or words that are only part of a product', () => {
    expect(namesTechnologies(['Salesforce'])).toBe(false);
    expect(namesTechnologies(['Salesforce', '', ' '])).toBe(false);
    expect(namesTechnologies(['Salesforce', 'Salesforce'])).toBe(false);
    expect(namesTechnologies(['Power', 'Relic'])).toBe(false);
    expect(namesTechnologies(['new', 'relic'])).toBe(false);
  });

  it('is false when a value is a company or a link or address', () => {
    expect(namesTechnologies(['Microsoft Corporation', 'Salesforce', 'Slack'])).toBe(false);
    expect(namesTechnologies(['https://www.google.com/maps', 'Salesforce', 'Slack'])).toBe(false);
    expect(namesTechnologies(['www.slack.com', 'Salesforce', 'Slack'])).toBe(false);
    expect(namesTechnologies(['ann@zoom.example', 'Slack', 'Zoom'])).toBe(false);
    expect(namesTechnologies(['acme.io/x', 'Slack', 'Zoom'])).toBe(false);
    expect(namesTechnologies(['Slack', 'Zoom', 'Jira.IO/'])).toBe(false);
    expect(namesTechnologies(['Slack', 'Zoom', 'Jira.x/'])).toBe(true);
  });
});

describe('describesDestination', () => {
  it('reads a column of destination classes under a bare "Description", from half the values', () => {
    expect(describesDestination('description', ['Call landline', 'Call mobile', 'Call foo', 'Call bar'])).toBe(true);
    expect(describesDestination('description', ['Call landline', 'Call foo', 'Call bar', 'Call baz'])).toBe(false);
    expect(describesDestination('description', ['Call Festnetz', 'Call Ausland', 'Call x', 'Call y'])).toBe(true);
    expect(describesDestination('kuvaus', ['Call onnet', 'Call offnet'])).toBe(true);
    expect(describesDestination('libelle', ['Appel vers fixe', 'Appel vers mobile'])).toBe(true);
    expect(describesDestination('description', ['Call MÓVIL', 'Call móviles'])).toBe(true);
    expect(describesDestination('description', ['Call-landline', 'Call foo'])).toBe(true);
  });

  it('takes a country written as a part of its own', () => {
    expect(describesDestination('description', ['Intl - France', 'Intl, Spain', 'Intl x', 'Intl y'])).toBe(true);
    expect(describesDestination('description', ['Intl France', 'Intl Spain', 'Intl x', 'Intl y'])).toBe(false);
    expect(describesDestination('description', ['Intl -France', 'Intl -Spain', 'Intl x', 'Intl y'])).toBe(false);
    expect(describesDestination('description', ['Intl : France', 'Intl – Spain', 'Intl x', 'Intl y'])).toBe(true);
  });

  it('is false under another header or for a column that is no labels', () => {
    expect(describesDestination('notes', ['Call landline', 'Call mobile', 'Call foo', 'Call bar'])).toBe(false);
    expect(describesDestination('call type', ['Call landline', 'Call mobile'])).toBe(false);
    expect(describesDestination('description', ['x'])).toBe(false);
    expect(describesDestination('description', ['1', '2', '3'])).toBe(false);
  });
});
