import { CALL_RECORD_LEXICON } from './call-record.ts';
import { COMPANY_ACCOUNT_LEXICON } from './company-account.ts';
import { CONTACT_LEXICON } from './contact.ts';
import type { LexiconBlock } from './lexicon-types.ts';
import { CALL_RECORD_ZH_HANT, COMPANY_ACCOUNT_ZH_HANT, CONTACT_ZH_HANT } from './traditional-chinese.ts';

export * from './lexicon-types.ts';

/** The field lexicons of the built-in schemas, by schema name (custom schemas bring their own synonyms). */
export const BUILTIN_LEXICONS: ReadonlyMap<string, readonly LexiconBlock[]> = new Map([
  ['call_record', [...CALL_RECORD_LEXICON, ...CALL_RECORD_ZH_HANT]],
  ['contact', [...CONTACT_LEXICON, ...CONTACT_ZH_HANT]],
  ['company_account', [...COMPANY_ACCOUNT_LEXICON, ...COMPANY_ACCOUNT_ZH_HANT]],
]);
