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

define(DIRECTIONS, 'inbound', [
  'inbound', 'incoming', 'incoming call', 'in call', 'received', 'receive', 'recv', 'rcvd', 'rcv', 'recd', 'mt',
  'mobile terminated', 'mobile terminating', 'terminating', 'terminated', 'missed', 'missed call', 'inc', 'incom',
  'forwarded', 'forwarding', 'call forwarding', 'voicemail', 'vm', 'rejected', 'blocked', 'declined',
  // Asterisk/FreePBX dialplan contexts of calls that came in from the network
  'from trunk', 'from pstn', 'from did', 'from did direct', 'ext did', 'from external', 'from sip external',
  'trunk', 'did',
  // Twilio and other cloud telephony
  'trunking terminating', 'sms mt', 'mt sms', 'mms mt', 'mt mms', 'sms in', 'text in', 'text received', 'sms received',
  'mtc', 'mt call', 'voice mt', 'mt voice', 'inbound call', 'call in', 'received call',
  'in', 'i', 'from', 'rec', 'term',
].join('|'));
define(DIRECTIONS, 'outbound', [
  'outbound', 'outgoing', 'outgoing call', 'out call', 'dialed', 'dialled', 'placed', 'sent', 'send', 'mo',
  'mobile originated', 'mobile originating', 'originating', 'originated', 'outg', 'call out',
  'from internal', 'outbound api', 'outbound dial', 'outbound call', 'outbound reply', 'trunking originating',
  'sms mo', 'mo sms', 'mms mo', 'mo mms', 'sms out', 'text out', 'text sent', 'sms sent',
  'moc', 'mo call', 'voice mo', 'mo voice', 'outbound call', 'dialed call',
  'out', 'o', 'to', 'called', 'orig',
].join('|'));
// Ambiguous alone: counted only in a column about direction or type.
for (const w of 'in|i|from|rec|term|out|o|to|called|orig|mo|mt|trunk|did|inc|send|t|v|d|call|calls|phone|message|msg|talk|web|edge|internet|kb|mb|gb|minutes|mou|3g|4g|5g|lte|rcv|recd'.split('|')) {
  WEAK.add(w);
}

define(RECORD_TYPES, 'voice', [
  'voice', 'call', 'calls', 'phone', 'phone call', 'voice call', 'telephony', 'talk', 'v', 'vc', 'voip', 'wifi call',
  'wi fi call', 'wifi calling', 'minutes', 'mou', 'conference', 'voice calls', 'calling', 'call forwarding', 'forwarded call',
  'moc', 'mtc', 'mo call', 'mt call', 'voice mo', 'voice mt', 'mo voice', 'mt voice', 'inbound call', 'outbound call', 'incoming call', 'outgoing call',
  'missed call', 'received call', 'dialed call',
].join('|'));
define(RECORD_TYPES, 'sms', [
  'sms', 'text', 'texts', 'txt', 'text message', 'message', 'msg', 'messaging', 'sms text', 'sms message', 'imessage', 't',
  'sms mo', 'sms mt', 'mo sms', 'mt sms', 'smsmo', 'smsmt', 'sms in', 'sms out', 'text messages', 'messages', 'rcs',
].join('|'));
define(RECORD_TYPES, 'mms', [
  'mms', 'picture', 'picture message', 'pic', 'pix', 'photo', 'multimedia', 'multimedia message', 'video message', 'pix msg',
  'picture video', 'pix flix', 'mms mo', 'mms mt',
].join('|'));
define(RECORD_TYPES, 'data', [
  'data', 'gprs', 'internet', 'mobile data', 'web', 'lte', '4g', '5g', '3g', 'edge', 'umts', 'kb', 'mb', 'gb', 'data session', 'd',
  'data usage', 'pdp', 'pdp context', 'apn',
].join('|'));

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
  if (!RECORD_TYPES.has(key)) RECORD_TYPES.set(key, 'voice');
  WEAK.add(key);
}

// The same codes as carriers print them in other languages (itemised bills and portals of
// Nordic, Baltic, Slavic, Greek, Hungarian, Turkish, CJK and western European carriers).
const DIRECTIONS_ELSEWHERE: Record<CallDirection, string> = {
  inbound:
    'inkommande|mottaget|indgående|innkommende|modtaget|saapuva|tuleva|vastaanotettu|eingehend|ankommend|empfangen|inkomend|ontvangen|entrant|reçu|entrante|recibida|ricevuta|recebida|entrada|przychodzące|przychodzący|odebrane|příchozí|prichádzajúci|dohodni|dolazni|bejövő|primit|intrare|įeinantis|gaunamas|ienākošs|sissetulev|εισερχόμενη|εισερχόμενη κλήση|входящ|входящий|входящая|вх|вхідний|gelen|gelen arama|着信|呼入|被叫|来电|수신|착신',
  outbound:
    'utgående|udgående|lähtevä|soitettu|ausgehend|abgehend|uitgaand|sortant|émis|saliente|realizada|uscente|effettuata|efetuada|saída|wychodzące|wychodzący|odchozí|odchádzajúci|odhodni|odlazni|kimenő|ieșire|efectuat|išeinantis|izejošs|väljaminev|εξερχόμενη|εξερχόμενη κλήση|изходящ|исходящий|исходящая|исх|вихідний|giden|giden arama|発信|呼出|主叫|去电|발신',
};
const RECORD_TYPES_ELSEWHERE: Record<CallRecordType, string> = {
  voice:
    'samtal|röstsamtal|opkald|samtale|puhelu|gespräch|anruf|telefonat|gesprek|appel|appel vocal|llamada|chiamata|chamada|połączenie|połączenie głosowe|hovor|hívás|apel|skambutis|zvans|kõne|κλήση|φωνή|разговор|звонок|вызов|голосовой вызов|дзвінок|голосовий виклик|arama|sesli arama|görüşme|通話|音声|通话|语音|통화|음성',
  sms: 'textmeddelande|tekstbesked|tekstmelding|tekstiviesti|textnachricht|mensaje|messaggio|mensagem|wiadomość|zpráva|üzenet|mesaj|сообщение|смс|повідомлення|短信|ショートメッセージ|メッセージ|문자|문자메시지',
  mms: 'multimediameddelande|bildmeddelande|multimediaviesti|мультимедийное сообщение|ммс|彩信|멀티메일',
  data: 'mobilsurf|datatrafik|dataliikenne|mobiilidata|datenverbindung|transmisja danych|internet mobilny|datové služby|adatforgalom|передача данных|мобильный интернет|интернет|veri|mobil internet|パケット|データ通信|流量|上网|数据|데이터',
};

for (const [dir, words] of Object.entries(DIRECTIONS_ELSEWHERE) as [CallDirection, string][]) {
  for (const w of words.split('|')) DIRECTIONS.set(codeKey(w), dir);
}
for (const [type, words] of Object.entries(RECORD_TYPES_ELSEWHERE) as [CallRecordType, string][]) {
  for (const w of words.split('|')) RECORD_TYPES.set(codeKey(w), type);
}

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
  if (hit !== undefined) return hit ?? undefined;
  const found = readUncached(raw);
  if (memo.size >= 10_000) memo.clear();
  memo.set(raw, found ?? null);
  return found;
}

function readUncached(raw: string): CallCode | undefined {
  const key = codeKey(raw);
  if (key.length === 0) return undefined;
  if (INTERNAL.has(key)) return { weak: false, internal: true };
  const compact = key.replace(/ /g, '');
  const trimmed = raw.trim();
  // 3GPP names are one identifier ("mSOriginatingSMSinMSC", "SMS-MO", "sgw_record"), never a phrase
  const named = !/\s/.test(trimmed) || /^[a-z0-9]+(?:[-_][a-z0-9]+)+$/i.test(trimmed) ? fromRecordName(compact) : undefined;
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
  if (space < 0) return undefined;
  const second = key.indexOf(' ', space + 1);
  const first = (second > 0 ? codeOf(key.slice(0, second)) : undefined) ?? codeOf(key.slice(0, space));
  if (first !== undefined && !first.weak) return first;
  // "Roaming ankommend", "Ausland abgehend": a qualifier first and the code last, as German
  // and Nordic bills print them; only a code that means the same anywhere counts there
  const placed = placeSuffixDirection(trimmed);
  if (placed !== undefined && first === undefined) return { direction: placed, weak: false };
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
