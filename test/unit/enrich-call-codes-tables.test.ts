import { describe, expect, it } from 'vitest';

// Every code call-codes.ts reads besides the per-language words (the English, 3GPP and
// cloud-telephony spellings), read back whole as the meaning it has. Some have no entry of their
// own in the module's tables: the plain English words come from the English row of
// call-code-words.ts, and a phrase like 'Outbound call' or 'SMS sent' is read by its words. The
// lists pin what is read, not where it is found. The per-language words have their own test in
// enrich-call-codes.test.ts.
//
// The module builds its tables while it loads, so it is imported inside each test: a table
// that breaks the build then fails the tests instead of the file's collection, which the
// mutation runner would count as a pass.
const readCallCode = async (raw: string) => (await import('../../functions/core/enrich/call-codes.ts')).readCallCode(raw);

const words = (list: string) => list.split('|');

const INBOUND = words(
  'inbound|incoming|incoming call|in call|received|receive|recv|rcvd|rcv|recd|mt|mobile terminated|mobile terminating|terminating|terminated|' +
    'missed|missed call|inc|incom|forwarded|forwarding|call forwarding|voicemail|vm|rejected|blocked|declined|' +
    'from trunk|from pstn|from did|from did direct|ext did|from external|from sip external|trunk|did|' +
    'trunking terminating|sms mt|mt sms|mms mt|mt mms|sms in|text in|text received|sms received|' +
    'mtc|mt call|voice mt|mt voice|inbound call|call in|received call|in|i|from|rec|term',
);
const OUTBOUND = words(
  'outbound|outgoing|outgoing call|out call|dialed|dialled|placed|sent|send|mo|mobile originated|mobile originating|originating|originated|outg|call out|' +
    'from internal|outbound api|outbound dial|outbound call|outbound reply|trunking originating|' +
    'sms mo|mo sms|mms mo|mo mms|sms out|text out|text sent|sms sent|moc|mo call|voice mo|mo voice|dialed call|out|o|to|called|orig',
);
const VOICE = words(
  'voice|call|calls|phone|phone call|voice call|telephony|talk|v|vc|voip|wifi call|wi fi call|wifi calling|minutes|mou|conference|voice calls|calling|' +
    'call forwarding|forwarded call|moc|mtc|mo call|mt call|voice mo|voice mt|mo voice|mt voice|inbound call|outbound call|incoming call|outgoing call|' +
    'missed call|received call|dialed call',
);
const SMS = words(
  'sms|text|texts|txt|text message|message|msg|messaging|sms text|sms message|imessage|t|' +
    'sms mo|sms mt|mo sms|mt sms|smsmo|smsmt|sms in|sms out|text messages|messages|rcs',
);
const MMS = words(
  'mms|picture|picture message|pic|pix|photo|multimedia|multimedia message|video message|pix msg|picture video|pix flix|mms mo|mms mt|' +
    'multimediameddelande|bildmeddelande|multimediaviesti|мультимедийное сообщение|ммс|彩信|멀티메일',
);
const DATA = words('data|gprs|internet|mobile data|web|lte|4g|5g|3g|edge|umts|kb|mb|gb|data session|d|data usage|pdp|pdp context|apn');
// Ambiguous alone: a code only in a column about direction or type.
const WEAK = words(
  'in|i|from|rec|term|out|o|to|called|orig|mo|mt|trunk|did|inc|send|t|v|d|call|calls|phone|message|msg|talk|web|edge|internet|kb|mb|gb|minutes|mou|3g|4g|5g|lte|rcv|recd',
);
// The per-language words that are ordinary words elsewhere.
const WEAK_ELSEWHERE = ['masuk', 'keluar', 'кіріс', 'шығыс', 'isteach', 'amach', 'dati', 'dane', 'voz', 'veu', 'tale'];
const INTERNAL = words('internal|intern|local|ext local|extension|intra|internal call|on net|onnet|intercom|from internal xfer');
const DESTINATION_CLASSES = words(
  'landline|fixed|fixed line|mobile|cellular|national|international|long distance|premium|special number|service number|' +
    'festnetz|mobilfunk|inland|ausland|ortsgespräch|ferngespräch|sonderrufnummer|servicerufnummer|' +
    'fixe|fijo|fisso|fixo|vast|vaste lijn|fastnät|fastnett|fastnet|kiinteä|' +
    'mobil|mobiel|móvil|movil|cellulare|móvel|matkapuhelin|' +
    'nationaal|nazionale|nacional|nationell|nasjonal|internationaal|internazionale|internacional|internationell|internasjonal|utland|étranger|estero|extranjero|buitenland',
);

describe("call-codes.ts's own tables", () => {
  it.each(INBOUND)('reads %j as inbound', async (w) => expect((await readCallCode(w))?.direction).toBe('inbound'));
  it.each(OUTBOUND)('reads %j as outbound', async (w) => expect((await readCallCode(w))?.direction).toBe('outbound'));
  it.each(VOICE)('reads %j as a voice call', async (w) => expect((await readCallCode(w))?.recordType).toBe('voice'));
  it.each(SMS)('reads %j as a text', async (w) => expect((await readCallCode(w))?.recordType).toBe('sms'));
  it.each(MMS)('reads %j as a picture message', async (w) => expect((await readCallCode(w))?.recordType).toBe('mms'));
  it.each(DATA)('reads %j as data', async (w) => expect((await readCallCode(w))?.recordType).toBe('data'));
  it.each([...WEAK, ...WEAK_ELSEWHERE])('keeps %j weak', async (w) => expect((await readCallCode(w))?.weak).toBe(true));
  it.each(INTERNAL)('reads %j as a call inside the PBX', async (w) => expect(await readCallCode(w)).toEqual({ weak: false, internal: true }));
  it.each(DESTINATION_CLASSES)('reads the network %j as a voice call, weakly', async (w) => expect(await readCallCode(w)).toMatchObject({ recordType: 'voice', weak: true }));

  it('keeps the other codes strong', async () => {
    const weak = new Set(WEAK);
    const strong = [...INBOUND, ...OUTBOUND, ...VOICE, ...SMS, ...MMS, ...DATA].filter((w) => !weak.has(w));
    const notStrong: string[] = [];
    for (const w of strong) if ((await readCallCode(w))?.weak !== false) notStrong.push(w);
    expect(notStrong).toEqual([]);
  });
});
