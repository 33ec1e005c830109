import { isBlankCell } from '../enrich/result.ts';
import { foldText } from './normalize-header.ts';
import { isCompanyName } from './value-kinds.ts';

/**
 * Software a company runs, by its maker's or its product's name: the vendors and products
 * that technographic exports (BuiltWith, HG Insights, Datanyze, Wappalyzer, Store Leads) list
 * most, across their CRM, marketing, analytics, cloud, database, e-commerce, collaboration,
 * finance and HR categories, as those tools' public category pages name them. Folded like
 * headers; a product of two words is matched as a phrase (one whose first word is a name of
 * its own, "Microsoft 365", "Google Analytics", "Amazon Web Services", is found by that word).
 */
const SOFTWARE_NAMES = new Set([
  'salesforce', 'hubspot', 'marketo', 'pardot', 'mailchimp', 'klaviyo', 'braze', 'iterable', 'sendgrid', 'twilio', 'intercom', 'drift', 'zendesk', 'freshdesk',
  'freshworks', 'pipedrive', 'zoho', 'gong', 'outreach', 'salesloft', 'zoominfo', 'apollo', 'gainsight', 'qualtrics', 'surveymonkey', 'typeform',
  'microsoft', 'azure', 'office 365', 'dynamics', 'sharepoint', 'teams', 'google',
  'amazon', 'aws', 'oracle', 'netsuite', 'sap', 'successfactors', 'workday', 'servicenow', 'adobe', 'ibm', 'vmware', 'citrix',
  'snowflake', 'databricks', 'tableau', 'looker', 'power bi', 'segment', 'mixpanel', 'amplitude', 'hotjar', 'optimizely', 'datadog', 'splunk', 'new relic',
  'mongodb', 'mysql', 'postgresql', 'redis', 'elasticsearch', 'kubernetes', 'docker', 'cloudflare', 'akamai', 'fastly', 'okta', 'auth0',
  'shopify', 'magento', 'woocommerce', 'bigcommerce', 'wordpress', 'drupal', 'squarespace', 'wix', 'webflow', 'stripe', 'paypal', 'adyen', 'braintree',
  'slack', 'zoom', 'atlassian', 'jira', 'confluence', 'github', 'gitlab', 'bitbucket', 'asana', 'trello', 'notion', 'airtable', 'dropbox', 'docusign',
  'quickbooks', 'xero', 'sage', 'odoo', 'bamboohr', 'adp', 'gusto', 'heroku', 'vercel', 'netlify', 'digitalocean',
]);

/** share of the filled values that must name known software */
const SOFTWARE_SHARE = 0.6;

function namesSoftware(raw: string): boolean {
  // the empty words at either end name nothing, alone or as "<word> " / " <word>"
  const words = foldText(raw).split(/[^\p{L}\p{N}]+/u);
  return words.some((w, i) => {
    // Stryker disable next-line StringLiteral: equivalent, after the last word neither "<word> " nor "<word> Stryker was here!" is a name in the table
    const next = words[i + 1] ?? '';
    return SOFTWARE_NAMES.has(w) || SOFTWARE_NAMES.has(`${w} ${next}`);
  });
}

/**
 * True when a column names the software companies run ("Salesforce Sales Cloud", "Microsoft
 * Dynamics 365", "Amazon Web Services (AWS)"): most filled values (at least two, of two
 * names or more) name known software, and none is a company's legal name ("Microsoft
 * Corporation" is a company, a parent or a customer, not a technology) or a link.
 */
export function namesTechnologies(values: readonly string[]): boolean {
  const filled = values.filter((v) => !isBlankCell(v)).map((v) => v.trim());
  // a link or an address ("https://www.google.com/maps/...", "ann@zoom.example") names a host, not the software in use
  if (new Set(filled).size < 2 || filled.some((v) => isCompanyName(v) || /:\/\/|www\.|@|\.[a-z]{2,}\//i.test(v))) return false;
  return filled.filter(namesSoftware).length / filled.length >= SOFTWARE_SHARE;
}
