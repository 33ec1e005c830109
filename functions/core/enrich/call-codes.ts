/**
 * Carrier codes for call direction and record type. Carriers print these in many ways
 * ("Incoming", "MT", "Dialed", "TXT", "Picture"), sometimes with a qualifier after the
 * code ("Incoming, CL", "Voice Call - Roaming"): a value is matched whole first, then by
 * its first word.
 */

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
  const key = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
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
