import { CALL_RECORD_LEXICON } from './call-record.ts';
import { COMPANY_ACCOUNT_LEXICON } from './company-account.ts';
import { CONTACT_LEXICON } from './contact.ts';
import type { LexiconBlock } from './lexicon-types.ts';

export * from './lexicon-types.ts';

/** The field lexicons of the built-in schemas, by schema name (custom schemas bring their own synonyms). */
export const BUILTIN_LEXICONS: ReadonlyMap<string, readonly LexiconBlock[]> = new Map([
  ['call_record', CALL_RECORD_LEXICON],
  ['contact', CONTACT_LEXICON],
  ['company_account', COMPANY_ACCOUNT_LEXICON],
]);
