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

describe('the tables, one entry at a time', () => {
  it('knows each vendor and product technographic exports list most', () => {
    const names = [
      'Salesforce', 'HubSpot', 'Marketo', 'Pardot', 'Mailchimp', 'Klaviyo', 'Braze', 'Iterable', 'SendGrid', 'Twilio', 'Intercom', 'Drift', 'Zendesk', 'Freshdesk',
      'Freshworks', 'Pipedrive', 'Zoho', 'Gong', 'Outreach', 'Salesloft', 'ZoomInfo', 'Apollo', 'Gainsight', 'Qualtrics', 'SurveyMonkey', 'Typeform',
      'Microsoft', 'Azure', 'Office 365', 'Microsoft 365', 'Dynamics', 'SharePoint', 'Teams', 'Google', 'Google Analytics', 'Google Workspace', 'Google Cloud',
      'Amazon', 'AWS', 'Amazon Web Services', 'Oracle', 'NetSuite', 'SAP', 'SuccessFactors', 'Workday', 'ServiceNow', 'Adobe', 'IBM', 'VMware', 'Citrix',
      'Snowflake', 'Databricks', 'Tableau', 'Looker', 'Power BI', 'Segment', 'Mixpanel', 'Amplitude', 'Hotjar', 'Optimizely', 'Datadog', 'Splunk', 'New Relic',
      'MongoDB', 'MySQL', 'PostgreSQL', 'Redis', 'Elasticsearch', 'Kubernetes', 'Docker', 'Cloudflare', 'Akamai', 'Fastly', 'Okta', 'Auth0',
      'Shopify', 'Magento', 'WooCommerce', 'BigCommerce', 'WordPress', 'Drupal', 'Squarespace', 'Wix', 'Webflow', 'Stripe', 'PayPal', 'Adyen', 'Braintree',
      'Slack', 'Zoom', 'Atlassian', 'Jira', 'Confluence', 'GitHub', 'GitLab', 'Bitbucket', 'Asana', 'Trello', 'Notion', 'Airtable', 'Dropbox', 'DocuSign',
      'QuickBooks', 'Xero', 'Sage', 'Odoo', 'BambooHR', 'ADP', 'Gusto', 'Heroku', 'Vercel', 'Netlify', 'DigitalOcean',
    ];
    // each beside one plain word: known only when the name is (one of two is under the 60 % share)
    const unknown = names.filter((n) => !namesTechnologies([`${n} (tier)`, `${n} Plus`, 'Acme']));
    expect(unknown).toEqual([]);
    expect(namesTechnologies(['Office', 'Power', 'Acme'])).toBe(false);
  });

  it('knows each destination word of the bills', () => {
    const words = [
      'landline', 'fixed', 'mobile', 'mobiles', 'international', 'national', 'local', 'roaming', 'freephone', 'premium', 'onnet', 'offnet',
      'fixe', 'fixes', 'internationale', 'festnetz', 'mobilfunk', 'ausland', 'inland', 'fijo', 'movil', 'moviles', 'internacional', 'nacional',
      'fisso', 'internazionale', 'nazionale', 'vast', 'mobiel', 'buitenland', 'fastnet', 'mobil', 'utland', 'udland', 'stacjonarny', 'komorkowy',
    ];
    const unknown = words.filter((w) => !describesDestination('description', [`Call ${w}`, `Call ${w}`, 'Call foo', 'Call bar']));
    expect(unknown).toEqual([]);
    const headers = ['description', 'desc', 'details', 'call description', 'call details', 'beschreibung', 'omschrijving', 'descripcion',
      'descricao', 'descrizione', 'libelle', 'beskrivelse', 'beskrivning', 'kuvaus', 'opis', 'popis', 'leiras', 'kirjeldus'];
    expect(headers.filter((h) => !describesDestination(h, ['Call mobile', 'Call landline']))).toEqual([]);
  });
});
