/**
 * Carrier codes for call direction and record type. Carriers print these in many ways
 * ("Incoming", "MT", "Dialed", "TXT", "Picture"), sometimes with a qualifier after the
 * code ("Incoming, CL", "Voice Call - Roaming"): a value is matched whole first, then by
 * its first word.
 */

import { foldText } from '../map/normalize-header.ts';

export type CallDirection = 'inbound' | 'outbound';
export type CallRecordType = 'voice' | 'sms' | 'mms' | 'data';

const DIRECTIONS = new Map<string, CallDirection>();
for (const w of [
  'in', 'i', 'inbound', 'incoming', 'incoming call', 'in call', 'received', 'receive', 'recv', 'rcvd', 'rec', 'mt',
  'mobile terminated', 'terminating', 'terminated', 'term', 'missed', 'missed call', 'from', 'answered', 'inc', 'incom',
  'forwarded', 'voicemail', 'vm',
]) {
  DIRECTIONS.set(w, 'inbound');
}
for (const w of [
  'out', 'o', 'outbound', 'outgoing', 'outgoing call', 'out call', 'dialed', 'dialled', 'placed', 'sent', 'send', 'mo',
  'mobile originated', 'originating', 'originated', 'orig', 'to', 'called', 'outg', 'call out',
]) {
  DIRECTIONS.set(w, 'outbound');
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

const RECORD_TYPES = new Map<string, CallRecordType>();
for (const w of [
  'voice', 'call', 'calls', 'phone', 'phone call', 'voice call', 'telephony', 'talk', 'v', 'vc', 'voip', 'wifi call',
  'wi fi call', 'wifi calling', 'minutes', 'mou', 'conference',
]) {
  RECORD_TYPES.set(w, 'voice');
}
for (const w of ['sms', 'text', 'texts', 'txt', 'text message', 'message', 'msg', 'messaging', 'sms text', 'sms message', 'imessage', 't']) {
  RECORD_TYPES.set(w, 'sms');
}
for (const w of [
  'mms', 'picture', 'picture message', 'pic', 'pix', 'photo', 'multimedia', 'multimedia message', 'video message', 'pix msg',
  'picture video', 'pix flix',
]) {
  RECORD_TYPES.set(w, 'mms');
}
for (const w of ['data', 'gprs', 'internet', 'mobile data', 'web', 'lte', '4g', '5g', '3g', 'edge', 'umts', 'kb', 'mb', 'gb', 'data session', 'd']) {
  RECORD_TYPES.set(w, 'data');
}

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

// raw cell -> result memo per table (null = no match): a column holds a handful of codes
const memos = new Map<Map<string, unknown>, Map<string, unknown>>();

function lookup<T>(table: Map<string, T>, raw: string | undefined): T | undefined {
  if (raw === undefined) return undefined;
  let memo = memos.get(table) as Map<string, T | null> | undefined;
  if (memo === undefined) {
    memo = new Map();
    memos.set(table, memo);
  }
  const hit = memo.get(raw);
  if (hit !== undefined) return hit ?? undefined;
  const found = lookupUncached(table, raw);
  if (memo.size >= 10_000) memo.clear();
  memo.set(raw, found ?? null);
  return found;
}

function lookupUncached<T>(table: Map<string, T>, raw: string): T | undefined {
  const direct = table.get(raw);
  if (direct !== undefined) return direct;
  const key = codeKey(raw);
  if (key.length === 0) return undefined;
  const whole = table.get(key);
  if (whole !== undefined) return whole;
  const space = key.indexOf(' ');
  return space > 0 ? table.get(key.slice(0, space)) : undefined;
}

/**
 * Call direction from a carrier code: "In", "Incoming", "Received", "MT", "Terminating"
 * -> 'inbound'; "Out", "Outgoing", "Dialed", "MO", "Originating", "Sent" -> 'outbound';
 * anything else -> undefined. Missed and forwarded calls count as inbound.
 */
export function normalizeDirection(raw: string | undefined): CallDirection | undefined {
  return lookup(DIRECTIONS, raw);
}

/**
 * Record type from a carrier code: "Voice", "Call" -> 'voice'; "SMS", "Text", "TXT" ->
 * 'sms'; "MMS", "Picture" -> 'mms'; "Data", "GPRS", "LTE" -> 'data'; else undefined.
 */
export function normalizeRecordType(raw: string | undefined): CallRecordType | undefined {
  return lookup(RECORD_TYPES, raw);
}
