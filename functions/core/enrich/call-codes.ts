/**
 * Carrier codes for call direction and record type. Carriers print these in many ways
 * ("Incoming", "MT", "Dialed", "TXT", "Picture"), sometimes with a qualifier after the
 * code ("Incoming, CL", "Voice Call - Roaming"), and switch records use 3GPP names
 * ("mSOriginating", "mSTerminatingSMSinMSC", "sGWRecord"); cloud telephony says
 * "outbound-api". One value can say both things ("SMS-MO" is an outbound text).
 *
 * A value is matched whole first, then without its separators ("mSOriginating" ->
 * "msoriginating"), then by its first word, then by the 3GPP word parts it contains.
 */

import { foldText } from '../map/normalize-header.ts';
import { CALL_CODE_WORDS, WEAK_CALL_CODE_WORDS } from './call-code-words.ts';

export type CallDirection = 'inbound' | 'outbound';
export type CallRecordType = 'voice' | 'sms' | 'mms' | 'data';

/** What one cell says about a call. */
export interface CallCode {
  direction?: CallDirection;
  recordType?: CallRecordType;
  /**
   * The value is a code only in a column about codes: "In", "O", "T", "Call" also occur
   * as rate codes, statuses or plain words. A strong code ("Incoming, CL",
   * "mSTerminating", "outbound-api") means the same in any column.
   */
  weak: boolean;
  /** a call between two extensions of one PBX ("Internal", "ext-local"): no direction, and no warning */
  internal?: true;
}

// Direction values for calls that never left the PBX.
const INTERNAL = new Set(['internal', 'intern', 'local', 'ext local', 'extension', 'intra', 'internal call', 'on net', 'onnet', 'intercom', 'from internal xfer']);

const DIRECTIONS = new Map<string, CallDirection>();
const RECORD_TYPES = new Map<string, CallRecordType>();
const WEAK = new Set<string>();

function define<T>(table: Map<string, T>, value: T, words: string): void {
  for (const w of words.split('|')) table.set(w, value);
}

// The plain words ('incoming', 'outbound', 'voice', 'text', 'data', 'message') are in the English
// row of call-code-words.ts, and a phrase whose words say its halves ('Outbound call', 'SMS sent',
// 'Picture message', 'Data session') is read by those words (readUncached, withOtherHalf), so
// neither is repeated here. A phrase stays when its words alone do not read as it does.
define(DIRECTIONS, 'inbound', [
  'in call', 'receive', 'recv', 'rcvd', 'rcv', 'recd', 'mt', 'mobile terminated', 'mobile terminating', 'terminating',
  'terminated', 'missed', 'inc', 'incom', 'forwarded', 'forwarding', 'voicemail', 'vm', 'rejected', 'blocked', 'declined',
  // Asterisk/FreePBX dialplan contexts of calls that came in from the network
  'from trunk', 'from pstn', 'from did', 'ext did', 'from external', 'from sip external', 'trunk', 'did',
  // Twilio and other cloud telephony
  'trunking terminating', 'sms mt', 'mt sms', 'mms mt', 'mt mms', 'sms in', 'text in',
  'mtc', 'mt call', 'voice mt', 'mt voice', 'call in', 'smsmt',
  'in', 'i', 'from', 'rec', 'term',
].join('|'));
define(DIRECTIONS, 'outbound', [
  'out call', 'placed', 'sent', 'send', 'mo', 'mobile originated', 'mobile originating', 'originating', 'originated', 'outg',
  'call out', 'from internal', 'trunking originating',
  'sms mo', 'mo sms', 'mms mo', 'mo mms', 'sms out', 'text out', 'moc', 'mo call', 'voice mo', 'mo voice', 'smsmo',
  'out', 'o', 'to', 'called', 'orig',
].join('|'));
// Ambiguous alone: counted only in a column about direction or type.
for (const w of 'in|i|from|rec|term|out|o|to|called|orig|mo|mt|trunk|did|inc|send|t|v|d|call|calls|phone|message|msg|talk|web|edge|internet|kb|mb|gb|minutes|mou|3g|4g|5g|lte|rcv|recd'.split('|')) {
  WEAK.add(w);
}

define(RECORD_TYPES, 'voice', [
  'calls', 'phone', 'phone call', 'telephony', 'talk', 'v', 'vc', 'voip', 'wifi call', 'wi fi call', 'wifi calling',
  'minutes', 'mou', 'conference', 'calling', 'call forwarding', 'forwarded call', 'moc', 'mtc', 'mo call', 'mt call',
  'inbound call', 'outbound call', 'incoming call', 'outgoing call', 'missed call', 'received call', 'dialed call',
].join('|'));
define(RECORD_TYPES, 'sms', ['texts', 'txt', 'msg', 'messaging', 'imessage', 't', 'smsmo', 'smsmt', 'messages', 'rcs'].join('|'));
define(RECORD_TYPES, 'mms', ['mms', 'picture', 'pic', 'pix', 'photo', 'multimedia', 'video message'].join('|'));
define(RECORD_TYPES, 'data', ['gprs', 'web', 'lte', '4g', '5g', '3g', 'edge', 'umts', 'kb', 'mb', 'gb', 'd', 'pdp', 'apn'].join('|'));

// An itemised bill's kind of call often names the network it went to ("UK landline", "Inland
// Festnetz", "Ausland Mobilfunk", "Sonderrufnummer"): voice, but only in a column about the
// kind of call (the same words are places and tariff zones elsewhere).
const DESTINATION_CLASSES =
  'landline|fixed|fixed line|mobile|cellular|national|international|long distance|premium|special number|service number|' +
  'festnetz|mobilfunk|inland|ausland|ortsgespräch|ferngespräch|sonderrufnummer|servicerufnummer|' +
  'fixe|fijo|fisso|fixo|vast|vaste lijn|fastnät|fastnett|fastnet|kiinteä|' +
  'mobil|mobiel|móvil|movil|cellulare|móvel|matkapuhelin|' +
  'nationaal|nazionale|nacional|nationell|nasjonal|internationaal|internazionale|internacional|internationell|internasjonal|utland|étranger|estero|extranjero|buitenland';
for (const w of DESTINATION_CLASSES.split('|')) {
  const key = codeKey(w);
  // Stryker disable next-line ConditionalExpression: equivalent, no network word is in the type tables built above, so the check is true for every word
  if (!RECORD_TYPES.has(key)) RECORD_TYPES.set(key, 'voice');
  WEAK.add(key);
}

// The same codes as carriers print them in other languages, one table per language
// (call-code-words.ts); picture messages have few names of their own.
const MMS_ELSEWHERE = 'multimediameddelande|bildmeddelande|multimediaviesti|мультимедийное сообщение|ммс|彩信|멀티메일';

for (const words of Object.values(CALL_CODE_WORDS)) {
  for (const w of words.inbound.split('|')) DIRECTIONS.set(codeKey(w), 'inbound');
  for (const w of words.outbound.split('|')) DIRECTIONS.set(codeKey(w), 'outbound');
  for (const type of ['voice', 'sms', 'data'] as const) for (const w of words[type].split('|')) RECORD_TYPES.set(codeKey(w), type);
}
for (const w of MMS_ELSEWHERE.split('|')) RECORD_TYPES.set(codeKey(w), 'mms');
for (const w of WEAK_CALL_CODE_WORDS) WEAK.add(codeKey(w));

/** A code as looked up: folded (case, diacritics, any script) and punctuation as single spaces. */
function codeKey(raw: string): string {
  return foldText(raw)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}


/**
 * Word parts of switch and CDR record names (3GPP TS 32.298 CallEventRecordType and the
 * spellings carriers derive from it), read from the value without separators:
 * moCallRecord, mtCallRecord, mSOriginating, mSTerminatingSMSinMSC, callForwarding,
 * roamingRecord, incGatewayRecord, outGatewayRecord, moSMSRecord, sgsnSMORecord,
 * sGWRecord, pGWRecord, gGSNPDPRecord, sGSNPDPRecord, eGSNPDPRecord...
 */
function fromRecordName(compact: string): Omit<CallCode, 'weak'> | undefined {
  let direction: CallDirection | undefined;
  let recordType: CallRecordType | undefined;
  if (/originat|outgoing|outbound|outgateway|^mo(?:call|sms|mms|trace|lcs)|smsmo|mmsmo|smo(?:record)?$/.test(compact)) direction = 'outbound';
  else if (/terminat|incoming|inbound|incgateway|roamingrecord|forward|^mt(?:call|sms|mms|roaming|trace|lcs)|smsmt|mmsmt|smt(?:record)?$/.test(compact)) {
    direction = 'inbound';
  }
  if (/mms/.test(compact)) recordType = 'mms';
  else if (/sms|smo(?:record)?$|smt(?:record)?$/.test(compact)) recordType = 'sms';
  else if (/pdp|gprs|sgw|pgw|ggsn|sgsn|egsn|datasession|ipcan|gtp/.test(compact)) recordType = 'data';
  else if (/callrecord|gateway|transit|forward|roamingrecord|voice|^ms(?:orig|term)|^(?:mo|mt)call/.test(compact)) recordType = 'voice';
  if (direction === undefined && recordType === undefined) return undefined;
  return { ...(direction !== undefined ? { direction } : {}), ...(recordType !== undefined ? { recordType } : {}) };
}

// raw cell -> code memo (null = no code): a column holds a handful of codes
const memo = new Map<string, CallCode | null>();

/**
 * What a carrier code says about a call: direction, record type, or both; undefined
 * when it says neither. Memoised per distinct value.
 */
export function readCallCode(raw: string | undefined): CallCode | undefined {
  if (raw === undefined) return undefined;
  const hit = memo.get(raw);
  // Stryker disable next-line ConditionalExpression: equivalent, without the memo the same answer is worked out again
  if (hit !== undefined) return hit ?? undefined;
  const found = withOtherHalf(readUncached(raw), raw);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the memo's bound changes only how often an answer is worked out again
  if (memo.size >= 10_000) memo.clear();
  memo.set(raw, found ?? null);
  return found;
}

/**
 * A phrase that says one thing as a whole and the other in one of its words or word pairs:
 * "Apel efectuat" (an outgoing call), "Väljuv kõne", "SMS trimis", "Вихідний дзвінок",
 * "Chiamata in uscita". The word or pair must be a code that means the same anywhere (not
 * "in", "o", "call" alone).
 */
function withOtherHalf(code: CallCode | undefined, raw: string): CallCode | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent for both halves known -> false, a code with both halves keeps them (??=) whatever its words say
  if (code === undefined || code.internal === true || (code.direction !== undefined && code.recordType !== undefined)) return code;
  const words = codeKey(raw).split(' ');
  // Stryker disable next-line ConditionalExpression: equivalent for -> false, the one word is the code itself and adds nothing
  if (words.length < 2) return code;
  let { direction, recordType } = code;
  // words, then word pairs: "Chiamata in uscita" says outbound in "in uscita", whose "in" alone is weak
  for (const w of [...words, ...words.slice(1).map((x, i) => `${words[i]} ${x}`)]) {
    const part = codeOf(w);
    if (part === undefined || part.weak) continue;
    direction ??= part.direction;
    recordType ??= part.recordType;
  }
  return { ...(direction !== undefined ? { direction } : {}), ...(recordType !== undefined ? { recordType } : {}), weak: code.weak };
}

function readUncached(raw: string): CallCode | undefined {
  const key = codeKey(raw);
  // Stryker disable next-line ConditionalExpression: equivalent, an empty key is in no table and has no record-name part, so every path below finds nothing
  if (key.length === 0) return undefined;
  if (INTERNAL.has(key)) return { weak: false, internal: true };
  const compact = key.replace(/ /g, '');
  const trimmed = raw.trim();
  // 3GPP names are one identifier ("mSOriginatingSMSinMSC", "SMS-MO", "sgw_record"), never a phrase
  const named = !/\s/.test(trimmed) ? fromRecordName(compact) : undefined;
  const whole = codeOf(key) ?? codeOf(compact);
  if (whole !== undefined) {
    if (named === undefined) return whole;
    // "SMS-MO": the table knows the type, the name adds the direction
    const direction = whole.direction ?? named.direction;
    const recordType = whole.recordType ?? named.recordType;
    return { ...(direction !== undefined ? { direction } : {}), ...(recordType !== undefined ? { recordType } : {}), weak: false };
  }
  if (named !== undefined) return { ...named, weak: false };
  // "Incoming, CL", "Voice Call - Roaming", "MO SMS in MSC": the first words are the code and the rest a qualifier
  const space = key.indexOf(' ');
  // Stryker disable next-line EqualityOperator: equivalent for < 0 -> <= 0, a trimmed key never starts with a space
  if (space < 0) return undefined;
  const second = key.indexOf(' ', space + 1);
  // Stryker disable next-line EqualityOperator: equivalent for > 0 -> >= 0, the second space comes after the first, so never at 0
  const first = (second > 0 ? codeOf(key.slice(0, second)) : undefined) ?? codeOf(key.slice(0, space));
  if (first !== undefined && !first.weak) return first;
  // "CHICAGO IL IN": a place, its state and the direction. A weak code in front is a word of
  // the place's name ("MT VERNON IL OU" is Mount Vernon, "O FALLON MO IN" O'Fallon), not a code.
  const placed = placeSuffixDirection(trimmed);
  if (placed !== undefined) return { direction: placed, weak: false };
  // "Roaming ankommend", "Ausland abgehend": a qualifier first and the code last, as German
  // and Nordic bills print them; only a code that means the same anywhere counts there
  const last = codeOf(key.slice(key.lastIndexOf(' ') + 1));
  return last !== undefined && (!last.weak || first === undefined) ? last : first;
}

/**
 * AT&T prints a call's direction after the place it names: "CHICAGO IL IN", "BOSTON MA OU".
 * After a two-letter state or province code the trailing IN/OU/OUT is a direction that
 * means the same in any column; elsewhere a trailing "in" stays a weak code, so
 * "FORT WAYNE IN" (Indiana) is a place.
 */
const PLACE_DIRECTION_SUFFIX = /\S\s+[A-Z]{2}\s+(IN|OU|OUT)$/;

function placeSuffixDirection(trimmed: string): CallDirection | undefined {
  const m = PLACE_DIRECTION_SUFFIX.exec(trimmed);
  if (m === null) return undefined;
  return m[1] === 'IN' ? 'inbound' : 'outbound';
}

function codeOf(key: string): CallCode | undefined {
  const direction = DIRECTIONS.get(key);
  const recordType = RECORD_TYPES.get(key);
  if (direction === undefined && recordType === undefined) return undefined;
  return {
    ...(direction !== undefined ? { direction } : {}),
    ...(recordType !== undefined ? { recordType } : {}),
    weak: WEAK.has(key),
  };
}

/**
 * Call direction from a carrier code: "In", "Incoming", "Received", "MT", "Terminating",
 * "mSTerminating", "inbound" -> 'inbound'; "Out", "Outgoing", "Dialed", "MO",
 * "Originating", "Sent", "outbound-api" -> 'outbound'; anything else -> undefined.
 * Missed and forwarded calls count as inbound.
 */
export function normalizeDirection(raw: string | undefined): CallDirection | undefined {
  return readCallCode(raw)?.direction;
}

/**
 * Record type from a carrier code: "Voice", "Call", "mSOriginating" -> 'voice'; "SMS",
 * "Text", "TXT", "mSOriginatingSMSinMSC" -> 'sms'; "MMS", "Picture" -> 'mms'; "Data",
 * "GPRS", "LTE", "sGWRecord" -> 'data'; else undefined.
 */
export function normalizeRecordType(raw: string | undefined): CallRecordType | undefined {
  return readCallCode(raw)?.recordType;
}
