import { describe, expect, it } from 'vitest';
import { readCallCode } from '../../functions/core/enrich/call-codes.ts';

// How readCallCode puts a code together from a value's parts: the whole value, its name
// without separators, its first words, its last word, a direction after a place, and the
// other half a phrase's words add. Each answer is compared whole (toStrictEqual): a code
// carries only the keys it knows.

describe('readCallCode puts a code together', () => {
  it.each([
    // one half only: no key for the other
    ['a direction alone', 'Incoming', { direction: 'inbound', weak: false }],
    ['a type alone', 'Voice', { recordType: 'voice', weak: false }],
    ['a qualifier after a direction', 'Incoming, CL', { direction: 'inbound', weak: false }],
    ['a table direction that is no record name', 'Rcvd', { direction: 'inbound', weak: false }],
    ['a table type that is no record name', 'Picture', { recordType: 'mms', weak: false }],
    // a 3GPP record name adds what the table does not say
    ['a record name with a direction and no type', 'moTraceRecord', { direction: 'outbound', weak: false }],
    ['a record name with a type and no direction', 'sGWRecord', { recordType: 'data', weak: false }],
    ['a picture-message record name', 'mtMMSRecord', { direction: 'inbound', recordType: 'mms', weak: false }],
    ['a table code the record name completes', 'SMSMO', { direction: 'outbound', recordType: 'sms', weak: false }],
    ['a table code the record name only repeats (direction)', 'outbound-api', { direction: 'outbound', weak: false }],
    ['a table code the record name only repeats (type)', 'GPRS', { recordType: 'data', weak: false }],
    ['a record name in a padded cell', ' mSOriginating ', { direction: 'outbound', recordType: 'voice', weak: false }],
    // separators
    ['a phrase in quotes', '"Missed call"', { direction: 'inbound', recordType: 'voice', weak: false }],
    ['a phrase with a dash between its words', 'Missed - Call', { direction: 'inbound', recordType: 'voice', weak: false }],
    ['a code whose words join into one', 'i-Message', { recordType: 'sms', weak: false }],
    // a phrase's words add the half the whole does not say
    ['a direction word and a type word', 'Väljuv kõne', { direction: 'outbound', recordType: 'voice', weak: false }],
    ['a type word and a direction word', 'SMS trimis', { direction: 'outbound', recordType: 'sms', weak: false }],
    // first words, last word
    ['the first words deciding over a later one', 'Outgoing call, received', { direction: 'outbound', recordType: 'voice', weak: false }],
    ['a weak first word before an unknown one', 'In CL', { direction: 'inbound', weak: true }],
    ['a weak first word before a weak last one', 'Out calls', { direction: 'outbound', weak: true }],
    ['a weak first word before a longer code', 'In calls', { direction: 'inbound', weak: true }],
    ['a phrase read by its words, not as a record name', 'Forward to voicemail', { direction: 'inbound', weak: false }],
    // a direction after a place, with the spaces fixed-width exports print
    ['a place with double spaces', 'CHICAGO  IL  IN', { direction: 'inbound', weak: false }],
  ])('from %s (%j)', (_name, raw, code) => {
    expect(readCallCode(raw)).toStrictEqual(code);
  });

  // A code the table knows whole keeps its meaning with a qualifier after it: alone, most of these
  // would also be read as record names, but a value with a space is never one.
  it.each([
    ['Mobile Terminated - Roaming', { direction: 'inbound', weak: false }],
    ['Mobile Terminating - Roaming', { direction: 'inbound', weak: false }],
    ['Terminating, CL', { direction: 'inbound', weak: false }],
    ['Terminated, CL', { direction: 'inbound', weak: false }],
    ['Forwarded, CL', { direction: 'inbound', weak: false }],
    ['Forwarding, CL', { direction: 'inbound', weak: false }],
    ['Trunking Terminating, SIP', { direction: 'inbound', weak: false }],
    ['Mobile Originated - Roaming', { direction: 'outbound', weak: false }],
    ['Mobile Originating - Roaming', { direction: 'outbound', weak: false }],
    ['Originating, CL', { direction: 'outbound', weak: false }],
    ['Originated, CL', { direction: 'outbound', weak: false }],
    ['Trunking Originating, SIP', { direction: 'outbound', weak: false }],
    ['WiFi Calling - Roaming', { recordType: 'voice', weak: false }],
    ['SMS-MO (roaming)', { direction: 'outbound', recordType: 'sms', weak: false }],
    ['SMS-MT (roaming)', { direction: 'inbound', recordType: 'sms', weak: false }],
    ['SMSMO (roaming)', { direction: 'outbound', recordType: 'sms', weak: false }],
    ['SMSMT (roaming)', { direction: 'inbound', recordType: 'sms', weak: false }],
    ['MMS Roaming', { recordType: 'mms', weak: false }],
    ['GPRS Roaming', { recordType: 'data', weak: false }],
    ['PDP session', { recordType: 'data', weak: false }],
  ])('reads %j by the code before its qualifier', (raw, code) => {
    expect(readCallCode(raw)).toStrictEqual(code);
  });

  // The parts of a 3GPP name count where the name puts them: mo/mt at its start, SMO/SMT at its
  // end (with or without "Record"), MS before orig/term at its start.
  it.each([
    ['an SGSN text record without "Record"', 'SGSN-SMO', { direction: 'outbound', recordType: 'sms', weak: false }],
    ['an SGSN text record without "Record", incoming', 'SGSN-SMT', { direction: 'inbound', recordType: 'sms', weak: false }],
    ['"mo" inside a word', 'PromoSMS', { recordType: 'sms', weak: false }],
    ['"smo" inside a word (a network name)', 'Cosmote', undefined],
    ['"smt" inside a word', 'GSM-Trace', undefined],
    ['"mt" inside a word (a network name)', 'EMT-SMS', { recordType: 'sms', weak: false }],
    ['"smt" inside a word before a type word', 'GSM-Telephony', { recordType: 'voice', weak: false }],
    ['"ms" before "term" inside a word', 'IMS-Terminating', { direction: 'inbound', weak: false }],
    ['"mocall" inside a word', 'PromoCall', undefined],
    ['a table direction the record name gives a type to', 'Forwarded', { direction: 'inbound', recordType: 'voice', weak: false }],
    ['a table phrase the record name gives one half of', 'Incoming-Call', { direction: 'inbound', recordType: 'voice', weak: false }],
  ])('reads %s (%j) as the name says', (_name, raw, code) => {
    expect(readCallCode(raw)).toStrictEqual(code);
  });

  it.each([
    ['a name that starts with a code', 'Tom'],
    ['a place followed by a word that starts like a direction', 'NEW YORK NY INTL'],
  ])('reads no code in %s (%j)', (_name, raw) => {
    expect(readCallCode(raw)).toBeUndefined();
  });
});
