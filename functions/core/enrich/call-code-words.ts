import type { LexiconLanguage } from '../schemas/lexicon/lexicon-types.ts';

/**
 * What carriers and phones print in a call log's direction and type columns, per language:
 * the words for an incoming and an outgoing call or message (with the gender and number
 * forms the language needs: "dolazni poziv", "dolazna poruka", "dolazni"), a voice call,
 * a text message and a data session. Compiled from the languages' standard telephony
 * terms (EU terminology as itemised bills and phone call logs use it, the Android and iOS
 * call-log labels, CLDR-era dictionaries); source tag `std` in the lexicon's sense. Words
 * are folded like any code (case, diacritics, any script) before they are looked up.
 * `|`-separated; every language of the header lexicon has all five.
 */
export interface CallCodeWords {
  inbound: string;
  outbound: string;
  voice: string;
  sms: string;
  data: string;
}

export const CALL_CODE_WORDS: Readonly<Record<LexiconLanguage, CallCodeWords>> = {
  bg: { inbound: 'входящ|входящо|входящи|входящ разговор|входящо обаждане|входящо повикване', outbound: 'изходящ|изходящо|изходящи|изходящ разговор|изходящо обаждане|изходящо повикване', voice: 'разговор|обаждане|повикване|гласово повикване', sms: 'смс|съобщение|текстово съобщение|sms съобщение', data: 'мобилен интернет|пренос на данни|данни' },
  hr: { inbound: 'dolazni|dolazna|dolazno|dolazni poziv|dolazna poruka|primljeni|primljena|ulazni|ulazna', outbound: 'odlazni|odlazna|odlazno|odlazni poziv|odlazna poruka|poslana|izlazni|izlazna', voice: 'poziv|govorni poziv|razgovor', sms: 'poruka|sms poruka|tekstualna poruka', data: 'podatkovni promet|prijenos podataka|mobilni internet|podaci' },
  cs: { inbound: 'příchozí|příchozí hovor|přijatý|přijatá|přijaté', outbound: 'odchozí|odchozí hovor|odeslaná|odeslaný|odeslané', voice: 'hovor|volání|hlasové volání', sms: 'zpráva|sms zpráva|textová zpráva', data: 'datové přenosy|datové služby|mobilní data|data' },
  da: { inbound: 'indgående|indgående opkald|modtaget|modtagne', outbound: 'udgående|udgående opkald|afsendt|ringet op', voice: 'opkald|samtale|tale', sms: 'tekstbesked|besked|sms besked', data: 'mobildata|datatrafik|data' },
  nl: { inbound: 'inkomend|inkomende oproep|binnenkomend|ontvangen', outbound: 'uitgaand|uitgaande oproep|verzonden|gebeld', voice: 'gesprek|oproep|spraak|bellen', sms: 'bericht|sms bericht|tekstbericht', data: 'mobiel internet|dataverkeer|data' },
  // Microsoft Teams' PSTN and Direct Routing usage reports: user_in, user_out_international, dr_out, conf_in
  en: { inbound: 'incoming|inbound|received|incoming call|user in|dr in|conf in', outbound: 'outgoing|outbound|dialed|dialled|outgoing call|user out|user out international|user out conf|dr out|dr out international|conf out', voice: 'voice|call|voice call', sms: 'sms|text|text message', data: 'data|mobile data|internet' },
  et: { inbound: 'sissetulev|sissetulev kõne|saabuv|saabuv kõne|vastuvõetud', outbound: 'väljuv|väljuv kõne|väljaminev|väljaminev kõne|saadetud', voice: 'kõne|häälkõne', sms: 'sõnum|lühisõnum|tekstisõnum', data: 'mobiilne internet|andmeside|mobiilne andmeside' },
  fi: { inbound: 'saapuva|saapuva puhelu|tuleva|tuleva puhelu|vastaanotettu', outbound: 'lähtevä|lähtevä puhelu|soitettu|lähetetty', voice: 'puhelu|äänipuhelu', sms: 'tekstiviesti|viesti', data: 'dataliikenne|mobiilidata|datasiirto' },
  fr: { inbound: 'entrant|entrante|appel entrant|reçu|reçue|appel reçu', outbound: 'sortant|sortante|appel sortant|émis|émise|appel émis|envoyé|envoyée|envoyés|envoyées', voice: 'appel|appel vocal|voix|communication', sms: 'message|texto|sms mms', data: 'données|internet mobile|données mobiles' },
  de: { inbound: 'eingehend|eingehender anruf|ankommend|empfangen', outbound: 'ausgehend|ausgehender anruf|abgehend|gesendet', voice: 'gespräch|anruf|telefonat|sprache', sms: 'textnachricht|kurznachricht|nachricht', data: 'datenverbindung|mobiles internet|daten' },
  el: { inbound: 'εισερχόμενη|εισερχόμενες|εισερχόμενο|εισερχόμενη κλήση', outbound: 'εξερχόμενη|εξερχόμενες|εξερχόμενο|εξερχόμενη κλήση', voice: 'κλήση|φωνή|φωνητική κλήση', sms: 'μήνυμα|γραπτό μήνυμα', data: 'δεδομένα|κινητό internet|κινητά δεδομένα' },
  hu: { inbound: 'bejövő|bejövő hívás|fogadott|fogadott hívás', outbound: 'kimenő|kimenő hívás|kezdeményezett|küldött', voice: 'hívás|beszélgetés|hanghívás', sms: 'üzenet|szöveges üzenet', data: 'adatforgalom|mobilinternet|adat' },
  ga: { inbound: 'isteach|glao isteach|faighte', outbound: 'amach|glao amach|seolta', voice: 'glao|guthghlao', sms: 'téacs|teachtaireacht', data: 'sonraí|sonraí móibíleacha' },
  it: { inbound: 'entrante|in entrata|ricevuta|ricevute|chiamata ricevuta', outbound: 'uscente|in uscita|effettuata|effettuate|chiamata effettuata|inviato|inviata|inviati|inviate', voice: 'chiamata|telefonata|voce', sms: 'messaggio|sms inviato', data: 'traffico dati|dati|internet mobile' },
  lv: { inbound: 'ienākošs|ienākošais|ienākošā|ienākošais zvans|saņemts|saņemtā', outbound: 'izejošs|izejošais|izejošā|izejošais zvans|nosūtīts|nosūtītā', voice: 'zvans|saruna|balss zvans', sms: 'īsziņa|ziņa', data: 'mobilie dati|dati|datu pārraide' },
  lt: { inbound: 'įeinantis|įeinantis skambutis|gaunamas|gautas|gauta', outbound: 'išeinantis|išeinantis skambutis|siunčiamas|išsiųstas|išsiųsta', voice: 'skambutis|pokalbis|balso skambutis', sms: 'žinutė|trumpoji žinutė', data: 'duomenys|mobilusis internetas|duomenų perdavimas' },
  mt: { inbound: 'dieħla|sejħa dieħla|riċevuta', outbound: 'ħierġa|sejħa ħierġa|mibgħuta', voice: 'sejħa|telefonata', sms: 'messaġġ|messaġġ test', data: 'internet mobbli|dejta' },
  pl: { inbound: 'przychodzące|przychodzący|przychodząca|połączenie przychodzące|odebrane|odebrany', outbound: 'wychodzące|wychodzący|wychodząca|połączenie wychodzące|wysłane|wysłany', voice: 'połączenie|rozmowa|połączenie głosowe', sms: 'wiadomość|wiadomość sms', data: 'transmisja danych|internet mobilny|dane' },
  pt: { inbound: 'recebida|recebidas|chamada recebida|entrada', outbound: 'efetuada|efectuada|efetuadas|chamada efetuada|saída|enviada', voice: 'chamada|voz', sms: 'mensagem|mensagem de texto', data: 'dados|dados móveis|internet móvel' },
  ro: { inbound: 'intrare|de intrare|apel primit|primit|primite', outbound: 'ieșire|de ieșire|apel efectuat|efectuat|efectuate|trimis', voice: 'apel|apel vocal|convorbire', sms: 'mesaj|mesaj text', data: 'trafic de date|internet mobil|trafic date' },
  sk: { inbound: 'prichádzajúci|prichádzajúca|prichádzajúce|prichádzajúci hovor|prijatý|prijatá', outbound: 'odchádzajúci|odchádzajúca|odchádzajúce|odchádzajúci hovor|odoslaná|odoslaný', voice: 'hovor|volanie|hlasový hovor', sms: 'správa|textová správa', data: 'dáta|mobilný internet|dátové prenosy' },
  sl: { inbound: 'dohodni|dohodni klic|prejeti|prejet|prejeto', outbound: 'odhodni|odhodni klic|poslan|poslano', voice: 'klic|pogovor|govorni klic', sms: 'sporočilo|kratko sporočilo', data: 'prenos podatkov|mobilni internet|podatki' },
  es: { inbound: 'entrante|entrantes|llamada entrante|recibida|recibidas', outbound: 'saliente|salientes|llamada saliente|realizada|realizadas|enviado|enviada', voice: 'llamada|voz', sms: 'mensaje|mensaje de texto', data: 'datos|datos móviles|internet móvil' },
  sv: { inbound: 'inkommande|inkommande samtal|mottaget|mottagna', outbound: 'utgående|utgående samtal|uppringt|skickat', voice: 'samtal|röstsamtal', sms: 'meddelande|textmeddelande', data: 'mobildata|datatrafik|mobilsurf|surf' },
  ja: { inbound: '着信|着信通話', outbound: '発信|発信通話', voice: '通話|音声|音声通話', sms: 'ショートメッセージ|メッセージ|sms送信', data: 'パケット|データ通信|パケット通信' },
  zh: {
    inbound: '呼入|被叫|来电|接听|來電|接聽|撥入|受話',
    outbound: '呼出|主叫|去电|拨出|撥出|去電|撥打|發話',
    voice: '通话|语音|语音通话|通話|語音|語音通話',
    // Taiwan's 簡訊 and Hong Kong's 短訊; mobile data as Taiwan (行動上網) and Hong Kong (流動數據) bills print it
    sms: '短信|短消息|簡訊|短訊',
    data: '流量|上网|数据|数据流量|數據|上網|數據流量|行動上網|流動數據',
  },
  ko: { inbound: '수신|착신|수신통화', outbound: '발신|발신통화', voice: '통화|음성|음성통화', sms: '문자|문자메시지', data: '데이터|데이터통신' },
  tr: { inbound: 'gelen|gelen arama|gelen çağrı', outbound: 'giden|giden arama|giden çağrı', voice: 'arama|sesli arama|görüşme|çağrı', sms: 'mesaj|kısa mesaj', data: 'veri|mobil internet|internet paketi' },
  ru: { inbound: 'входящий|входящая|входящее|входящие|вх|входящий вызов|входящий звонок', outbound: 'исходящий|исходящая|исходящее|исходящие|исх|исходящий вызов|исходящий звонок', voice: 'звонок|вызов|голосовой вызов|разговор', sms: 'смс|сообщение', data: 'передача данных|мобильный интернет|интернет' },
  no: { inbound: 'innkommende|innkommende anrop|mottatt', outbound: 'utgående|utgående anrop|oppringt|sendt', voice: 'samtale|anrop|tale', sms: 'melding|tekstmelding', data: 'mobildata|datatrafikk|data' },
  uk: { inbound: 'вхідний|вхідна|вхідне|вхідні|вхідний дзвінок|вхідний виклик', outbound: 'вихідний|вихідна|вихідне|вихідні|вихідний дзвінок|вихідний виклик', voice: 'дзвінок|виклик|розмова|голосовий виклик', sms: 'смс|повідомлення', data: 'передача даних|мобільний інтернет|інтернет' },
  vi: { inbound: 'gọi đến|cuộc gọi đến|gọi vào|cuộc gọi vào', outbound: 'gọi đi|cuộc gọi đi|gọi ra|cuộc gọi ra', voice: 'cuộc gọi|gọi|thoại', sms: 'tin nhắn|tin nhắn sms', data: 'dữ liệu|dữ liệu di động' },
  id: { inbound: 'masuk|panggilan masuk|diterima', outbound: 'keluar|panggilan keluar|dikirim', voice: 'panggilan|suara|telepon', sms: 'pesan|pesan singkat', data: 'data seluler|paket data' },
  ar: { inbound: 'واردة|وارد|مكالمة واردة', outbound: 'صادرة|صادر|مكالمة صادرة', voice: 'مكالمة|صوت|مكالمة صوتية', sms: 'رسالة|رسالة نصية', data: 'بيانات|إنترنت' },
  he: { inbound: 'נכנסת|נכנס|שיחה נכנסת', outbound: 'יוצאת|יוצא|שיחה יוצאת', voice: 'שיחה|קול', sms: 'הודעה|מסרון', data: 'נתונים|גלישה' },
  hi: { inbound: 'इनकमिंग|आने वाली|आने वाली कॉल|प्राप्त', outbound: 'आउटगोइंग|जाने वाली|जाने वाली कॉल|किया गया', voice: 'कॉल|वॉयस|वॉयस कॉल', sms: 'एसएमएस|संदेश', data: 'डेटा|इंटरनेट' },
  th: { inbound: 'สายเข้า|โทรเข้า', outbound: 'สายออก|โทรออก', voice: 'โทร|การโทร|เสียง', sms: 'ข้อความ|ข้อความสั้น', data: 'อินเทอร์เน็ต|ดาต้า' },
  ms: { inbound: 'panggilan masuk|diterima|masuk', outbound: 'panggilan keluar|dihantar|keluar', voice: 'panggilan|panggilan suara', sms: 'mesej|mesej teks', data: 'data mudah alih|internet' },
  is: { inbound: 'innhringing|móttekið|símtal inn', outbound: 'úthringing|hringt út|símtal út', voice: 'símtal|símtöl', sms: 'skilaboð|smáskilaboð', data: 'gagnamagn|netnotkun|gögn' },
  ca: { inbound: 'entrant|entrants|trucada entrant|rebuda', outbound: 'sortint|sortints|trucada sortint|realitzada|enviat', voice: 'trucada|veu', sms: 'missatge|missatge de text', data: 'dades|dades mòbils' },
  eu: { inbound: 'sarrerakoa|jasotakoa|sarrerako deia', outbound: 'irteerakoa|egindakoa|irteerako deia', voice: 'deia|ahots deia', sms: 'mezua|testu mezua', data: 'datuak|datu mugikorrak' },
  sr: { inbound: 'долазни|долазна|долазни позив|долазна порука|примљен|dolazni poziv|primljen', outbound: 'одлазни|одлазна|одлазни позив|одлазна порука|послата|odlazni poziv|poslata', voice: 'позив|говорни позив|разговор|govorni poziv', sms: 'порука|смс порука|sms poruka', data: 'пренос података|подаци|мобилни интернет|prenos podataka' },
  mk: { inbound: 'дојдовен|дојдовна|дојдовни|дојдовен повик|примен', outbound: 'појдовен|појдовна|појдовни|појдовен повик|испратен', voice: 'повик|говорен повик', sms: 'порака|смс порака', data: 'пренос на податоци|податоци' },
  sq: { inbound: 'hyrëse|thirrje hyrëse|e marrë', outbound: 'dalëse|thirrje dalëse|e dërguar', voice: 'thirrje|thirrje zanore|bisedë', sms: 'mesazh|mesazh sms', data: 'të dhëna|internet celular' },
  be: { inbound: 'уваходны|уваходная|уваходнае|уваходныя|уваходны званок', outbound: 'выходны|выходная|выходнае|выходныя|выходны званок', voice: 'званок|выклік|размова', sms: 'паведамленне|смс паведамленне', data: 'перадача даных|мабільны інтэрнэт|інтэрнэт' },
  kk: { inbound: 'кіріс|кіріс қоңырау|кіріс қоңыраулар|кіріс хабарлама', outbound: 'шығыс|шығыс қоңырау|шығыс қоңыраулар|шығыс хабарлама', voice: 'қоңырау|сөйлесу', sms: 'хабарлама|смс хабарлама', data: 'мобильді интернет|деректер беру' },
  az: { inbound: 'daxil olan|daxil olan zəng|gələn|gələn zəng', outbound: 'çıxan|çıxan zəng|gedən|gedən zəng', voice: 'zəng|danışıq|səsli zəng', sms: 'mesaj|sms mesaj', data: 'mobil internet|məlumat ötürülməsi' },
  ka: { inbound: 'შემომავალი|შემომავალი ზარი|შემოსული', outbound: 'გამავალი|გამავალი ზარი|გასული', voice: 'ზარი|საუბარი', sms: 'შეტყობინება|მოკლე შეტყობინება', data: 'მობილური ინტერნეტი|მონაცემები' },
  gl: { inbound: 'entrante|chamada entrante|recibida', outbound: 'saínte|chamada saínte|realizada', voice: 'chamada|voz', sms: 'mensaxe|mensaxe de texto', data: 'datos móbiles|datos' },
  sw: { inbound: 'inayoingia|simu inayoingia|zinazoingia|iliyopokelewa|imepokelewa', outbound: 'inayotoka|simu inayotoka|zinazotoka|iliyopigwa|imetumwa', voice: 'simu|simu ya sauti|sauti|mazungumzo', sms: 'ujumbe|ujumbe mfupi', data: 'intaneti|data za simu|bando la data' },
  tl: { inbound: 'papasok|papasok na tawag|natanggap na tawag|tinanggap', outbound: 'palabas|palabas na tawag|tinawagan|ipinadala', voice: 'tawag|boses', sms: 'mensahe|text message|text', data: 'mobile data|data' },
};

/**
 * Words of this table that are ordinary words in other columns (an "Entrada" column of a
 * building log, the Malay "masuk" that is also an entry, the Kazakh "кіріс" that is also income): codes only in a column about
 * direction or type, like the English "in" and "out".
 */
export const WEAK_CALL_CODE_WORDS = ['masuk', 'keluar', 'кіріс', 'шығыс', 'isteach', 'amach', 'dati', 'dane', 'voz', 'veu', 'tale'];
