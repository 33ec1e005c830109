import type { LexiconBlock } from './lexicon-types.ts';

/**
 * Header wordings for the `call_record` schema's fields in 49 languages (see
 * lexicon-types.ts for the source tags). `started_at` holds date and date-time wordings;
 * `started_at.time` the time-of-day column a date column pairs with.
 */
export const CALL_RECORD_LEXICON: readonly LexiconBlock[] = [
  {
    field: 'started_at',
    source: 'carrier',
    terms: {
      bg: 'дата|дата и час|дата на разговора|начало', hr: 'datum|datum i vrijeme|datum poziva|početak', cs: 'datum|datum a čas|datum hovoru|začátek hovoru|čas zahájení',
      da: 'dato|dato og tid|opkaldsdato|tidspunkt|starttidspunkt', nl: 'datum|datum en tijd|datum/tijd|begintijd', en: 'date|call date|date/time|start time|call time',
      et: 'kuupäev|kuupäev ja kellaaeg|algus|alguse aeg', fi: 'päivämäärä|pvm|päivä|aika|päivämäärä ja aika|alkuaika|puhelun alkuaika', fr: 'date|date et heure|date d\'appel|début',
      de: 'datum|datum/uhrzeit|beginn|verbindungsbeginn|startzeit', el: 'ημερομηνία|ημερομηνία και ώρα|ημ/νία|έναρξη|ώρα έναρξης', hu: 'dátum|dátum és idő|hívás időpontja|időpont|kezdés|hívás kezdete',
      ga: 'dáta|dáta agus am', it: 'data|data e ora|data chiamata|inizio|ora inizio', lv: 'datums|datums un laiks|sākuma laiks|zvana datums', lt: 'data|data ir laikas|pradžia|skambučio data|pradžios laikas',
      mt: 'data|data u ħin', pl: 'data|data i godzina|data połączenia|data i godzina połączenia|początek połączenia|data rozpoczęcia', pt: 'data|data e hora|data da chamada|início',
      ro: 'data|dată|data și ora|data apelului|început', sk: 'dátum|dátum a čas|dátum hovoru|začiatok hovoru', sl: 'datum|datum in čas|začetek|datum klica',
      es: 'fecha|fecha y hora|inicio|fecha de llamada', sv: 'datum|datum och tid|tidpunkt|starttid|samtalsdatum',
      ja: '日時|日付|通話日時|通話開始日時|開始日時|利用日時|発信日時|年月日', zh: '日期|时间|通话时间|开始时间|通话日期|起始时间|通话起始时间|日期时间|呼叫时间',
      ko: '일시|날짜|통화일시|통화 일시|시작 시간|사용일시|발신일시', tr: 'tarih|tarih saat|başlangıç|arama tarihi|görüşme tarihi|başlangıç zamanı',
      ru: 'дата|дата и время|дата/время|начало|время начала|дата звонка|дата вызова', no: 'dato|dato og tid|tidspunkt|starttid|samtaledato', uk: 'дата|дата і час|дата та час|початок|час початку|дата дзвінка',
    },
  },
  {
    field: 'started_at.time',
    source: 'carrier',
    terms: {
      bg: 'час|начален час', hr: 'vrijeme|sat|vrijeme poziva', cs: 'čas|čas hovoru', da: 'tid|klokkeslæt|tidspunkt', nl: 'tijd|tijdstip', en: 'time|call time',
      et: 'kellaaeg|aeg', fi: 'kellonaika|klo|aika', fr: 'heure|heure d\'appel', de: 'uhrzeit|zeit', el: 'ώρα|ώρα κλήσης', hu: 'idő|időpont|óra', ga: 'am',
      it: 'ora|orario', lv: 'laiks|pulksteņa laiks', lt: 'laikas', mt: 'ħin', pl: 'godzina|godz.|czas rozpoczęcia', pt: 'hora', ro: 'ora|oră', sk: 'čas', sl: 'čas|ura',
      es: 'hora', sv: 'klockslag|tid|kl.', ja: '時刻|通話開始時刻|開始時刻', zh: '时刻|时间', ko: '시간|시각|통화시각', tr: 'saat|zaman', ru: 'время', no: 'klokkeslett|tid', uk: 'час',
    },
  },
  {
    field: 'direction',
    source: 'carrier',
    terms: {
      bg: 'посока|вид на разговора|входящ/изходящ', hr: 'vrsta poziva|smjer|dolazni/odlazni', cs: 'typ hovoru|směr|směr hovoru|příchozí/odchozí', da: 'opkaldstype|retning|ind/ud|indgående/udgående',
      nl: 'soort gesprek|richting|inkomend/uitgaand', en: 'direction|call direction|in/out', et: 'kõne tüüp|suund|sissetulev/väljaminev', fi: 'puhelun tyyppi|suunta|tuleva/lähtevä|puhelun suunta',
      fr: 'type d\'appel|sens|sens de l\'appel|entrant/sortant', de: 'anrufart|richtung|eingehend/ausgehend|anrufrichtung', el: 'τύπος κλήσης|κατεύθυνση|εισερχόμενη/εξερχόμενη', hu: 'hívás típusa|irány|hívás iránya|bejövő/kimenő',
      ga: 'treo', it: 'tipo chiamata|direzione|entrante/uscente|verso', lv: 'zvana veids|virziens|ienākošs/izejošs', lt: 'skambučio tipas|kryptis|įeinantis/išeinantis|skambučio kryptis', mt: 'direzzjoni',
      pl: 'kierunek połączenia|przychodzące/wychodzące|typ połączenia', pt: 'tipo de chamada|sentido|direção|entrada/saída', ro: 'tip apel|direcție|direcția apelului|intrare/ieșire',
      sk: 'typ hovoru|typ volania|smer|smer hovoru|prichádzajúci/odchádzajúci', sl: 'vrsta klica|smer|dohodni/odhodni', es: 'tipo de llamada|sentido|dirección|entrante/saliente', sv: 'riktning|inkommande/utgående|samtalsriktning',
      ja: '発着信|発着|発信/着信|発着区分|着発信', zh: '通信方式|呼叫方式|呼叫类型|通话类型|呼叫方向|主叫/被叫|呼入/呼出|类型(主叫/被叫)', ko: '발신/수신|발착신|통화구분|수발신',
      tr: 'arama tipi|arama yönü|yön|gelen/giden|arama türü', ru: 'направление|тип вызова|вх/исх|входящий/исходящий|тип звонка', no: 'samtaletype|retning|inn/ut|innkommende/utgående',
      uk: 'напрямок|тип виклику|вхідний/вихідний|тип дзвінка',
    },
  },
  {
    field: 'counterpart_number',
    source: 'carrier',
    terms: {
      bg: 'номер|набран номер|телефонен номер|номер на абоната|викан номер', hr: 'broj|birani broj|pozvani broj|broj telefona', cs: 'číslo|volané číslo|telefonní číslo|volající|číslo protistrany',
      da: 'nummer|kaldt nummer|opkaldt nummer|telefonnummer|modtager', nl: 'nummer|gebeld nummer|telefoonnummer|bestemming nummer', en: 'number|called number|to|phone number',
      et: 'number|valitud number|telefoninumber|helistatud number', fi: 'numero|soitettu numero|puhelinnumero|vastapuolen numero|b-numero', fr: 'numéro|numéro appelé|correspondant|numéro de téléphone',
      de: 'rufnummer|gewählte rufnummer|zielrufnummer|nummer|gegenstelle', el: 'αριθμός|καλούμενος αριθμός|αριθμός κλήσης|αριθμός τηλεφώνου|καλών αριθμός', hu: 'szám|hívott szám|telefonszám|hívószám|hívott fél',
      ga: 'uimhir|uimhir a glaodh', it: 'numero|numero chiamato|numero di telefono|numero composto', lv: 'numurs|zvanītais numurs|tālruņa numurs|izsauktais numurs',
      lt: 'numeris|telefono numeris|skambintas numeris|kviečiamas numeris|abonento numeris', mt: 'numru|numru mċempel', pl: 'numer|numer docelowy|wybrany numer|numer telefonu|numer wybierany|numer abonenta',
      pt: 'número|número chamado|número marcado|número de telefone|destino', ro: 'număr|număr apelat|număr de telefon|numărul apelat', sk: 'číslo|volané číslo|telefónne číslo',
      sl: 'številka|klicana številka|telefonska številka', es: 'número|número llamado|número marcado|número de teléfono', sv: 'nummer|till nummer|uppringt nummer|telefonnummer|motpart',
      ja: '相手先番号|相手番号|通話先|電話番号|通話先番号|発信先|着信番号|相手先電話番号', zh: '对方号码|对方号|被叫号码|主叫号码|电话号码|号码|通话号码|對方號碼',
      ko: '상대번호|상대방 번호|통화번호|착신번호|전화번호|발신번호', tr: 'aranan numara|arayan numara|numara|telefon numarası|karşı numara|aranan',
      ru: 'номер|номер абонента|вызываемый номер|набранный номер|номер телефона|номер собеседника|абонент', no: 'nummer|oppringt nummer|til nummer|telefonnummer|motpart',
      uk: 'номер|номер абонента|набраний номер|номер телефону|абонент',
    },
  },
  {
    field: 'subscriber_number',
    source: 'carrier',
    terms: {
      bg: 'абонатен номер|собствен номер|номер на линията|msisdn', hr: 'pretplatnički broj|broj pretplatnika|vaš broj|broj linije', cs: 'číslo účastníka|vaše číslo|číslo služby|číslo linky',
      da: 'abonnentnummer|dit nummer|eget nummer|linjenummer', nl: 'abonneenummer|uw nummer|eigen nummer|lijnnummer', en: 'subscriber number|line number|wireless number|my number|msisdn',
      et: 'kliendi number|teie number|abonendi number|liini number', fi: 'liittymänumero|oma numero|liittymän numero', fr: 'numéro d\'abonné|votre numéro|numéro de ligne|ligne',
      de: 'eigene rufnummer|ihre rufnummer|teilnehmernummer|anschlussnummer|rufnummer des anschlusses', el: 'αριθμός συνδρομητή|ο αριθμός σας|αριθμός γραμμής', hu: 'előfizetői szám|saját szám|vonalszám',
      ga: 'uimhir an tsíntiúsóra|d\'uimhir', it: 'numero utenza|numero abbonato|il tuo numero|numero linea|utenza|linea', lv: 'abonenta numurs|jūsu numurs|līnijas numurs',
      lt: 'jūsų numeris|linijos numeris|paslaugos numeris', mt: 'numru tal-abbonat|in-numru tiegħek', pl: 'twój numer|własny numer|numer linii|numer usługi',
      pt: 'número do assinante|o seu número|número da linha|linha', ro: 'număr abonat|numărul dumneavoastră|număr linie', sk: 'číslo účastníka|vaše číslo|číslo linky',
      sl: 'številka naročnika|vaša številka|številka linije', es: 'número de abonado|número de línea|su número|línea', sv: 'abonnemangsnummer|ditt nummer|eget nummer',
      ja: '契約電話番号|ご利用電話番号|自分の番号|回線番号', zh: '本机号码|用户号码|本方号码|计费号码|門號|本機號碼|用戶號碼', ko: '가입자 번호|이용 번호|내 번호|회선 번호',
      tr: 'abone numarası|hat numarası|numaranız', ru: 'ваш номер|абонентский номер|собственный номер|номер линии', no: 'abonnementsnummer|ditt nummer|eget nummer',
      uk: 'ваш номер|абонентський номер|власний номер',
    },
  },
  {
    field: 'duration_seconds',
    source: 'carrier',
    terms: {
      bg: 'продължителност|времетраене|продължителност на разговора', hr: 'trajanje|trajanje poziva', cs: 'délka|doba trvání|délka hovoru|trvání', da: 'varighed|samtalevarighed|tid brugt',
      nl: 'duur|gespreksduur|belduur', en: 'duration|talk time|talking|call length', et: 'kestus|kõne kestus', fi: 'kesto|puhelun kesto|kestoaika', fr: 'durée|durée de l\'appel',
      de: 'dauer|gesprächsdauer|verbindungsdauer', el: 'διάρκεια|διάρκεια κλήσης', hu: 'időtartam|hívás időtartama|hossz|beszélgetés hossza', ga: 'fad|fad an ghlao',
      it: 'durata|durata chiamata', lv: 'ilgums|zvana ilgums|sarunas ilgums', lt: 'trukmė|skambučio trukmė|pokalbio trukmė', mt: 'tul|tul tat-telefonata',
      pl: 'czas trwania|czas połączenia|długość połączenia|czas', pt: 'duração|duração da chamada', ro: 'durată|durata|durata apelului', sk: 'trvanie|dĺžka hovoru|doba trvania',
      sl: 'trajanje|trajanje klica', es: 'duración|duración de la llamada', sv: 'varaktighet|samtalstid|längd', ja: '通話時間|通話秒数|利用時間|秒数',
      zh: '通信时长|通话时长|时长|通话时间长度|持续时间|通話時長|通話秒數|秒數|通话秒数', ko: '통화시간|통화 시간|사용시간', tr: 'süre|görüşme süresi|konuşma süresi|arama süresi',
      ru: 'длительность|продолжительность|время разговора|длит.', no: 'varighet|samtaletid|lengde', uk: 'тривалість|тривалість розмови|час розмови',
    },
  },
  {
    field: 'record_type',
    source: 'carrier',
    terms: {
      bg: 'вид|вид услуга|тип|услуга', hr: 'vrsta|vrsta usluge|usluga|tip', cs: 'typ|druh|služba|typ služby|druh hovoru', da: 'type|tjeneste|opkaldstype|samtaletype',
      nl: 'soort|dienst|type|soort gesprek', en: 'type|service|usage type|record type', et: 'tüüp|teenus|teenuse liik|liik', fi: 'tyyppi|palvelu|laji|palvelun tyyppi|puhelutyyppi',
      fr: 'type|service|type d\'appel|nature', de: 'art|typ|dienst|verbindungsart|leistung', el: 'τύπος|υπηρεσία|είδος|είδος κλήσης', hu: 'típus|szolgáltatás|hívástípus|fajta',
      ga: 'cineál|seirbhís', it: 'tipo|servizio|tipologia|tipo chiamata|tipo traffico|traffico', lv: 'veids|pakalpojums|tips|pakalpojuma veids', lt: 'paslauga|tipas|rūšis|paslaugos tipas',
      mt: 'tip|servizz', pl: 'rodzaj usługi|usługa|typ|rodzaj|typ usługi', pt: 'tipo|serviço|tipo de chamada', ro: 'tip|serviciu|tip serviciu|tip apel', sk: 'typ|služba|druh|typ služby',
      sl: 'vrsta|storitev|tip|vrsta storitve', es: 'tipo|servicio|tipo de servicio', sv: 'samtalstyp|typ|tjänst|trafiktyp', ja: '種別|通話種別|サービス|区分|利用種別|種類',
      zh: '业务类型|类型|通信类型|业务|服务类型|業務類型', ko: '구분|서비스|유형|통화유형|서비스 구분', tr: 'tür|hizmet|hizmet türü|tip|servis',
      ru: 'тип услуги|услуга|тип|вид услуги|вид связи', no: 'type|tjeneste|samtaletype', uk: 'тип послуги|послуга|тип|вид послуги|тип з\'єднання|вид з\'єднання|тип зв\'язку',
    },
  },
  {
    field: 'location',
    source: 'carrier',
    terms: {
      bg: 'местоположение|зона|дестинация', hr: 'odredište|lokacija|zona|mreža', cs: 'cíl|lokalita|zóna|destinace|síť', da: 'destination|zone|lokation|sted',
      nl: 'bestemming|locatie|zone', en: 'destination|location|zone', et: 'sihtkoht|asukoht|tsoon', fi: 'kohde|sijainti|vyöhyke|määränpää', fr: 'destination|lieu|zone|ville|ville appelée|lieu appelé',
      de: 'ziel|zone|ort|zielnetz|tarifzone', el: 'προορισμός|τοποθεσία|ζώνη|δίκτυο', hu: 'célállomás|hely|zóna|irányszám|hívott hálózat', ga: 'ceann scríbe|suíomh',
      it: 'destinazione|luogo|zona|località', lv: 'galamērķis|atrašanās vieta|zona', lt: 'kryptis (zona)|vieta|zona|paskirties vieta|tinklas', mt: 'destinazzjoni|post',
      pl: 'strefa|kierunek|miejsce|lokalizacja|sieć', pt: 'destino|local|zona', ro: 'destinație|locație|zonă|rețea', sk: 'cieľ|lokalita|zóna|sieť', sl: 'cilj|lokacija|cona|omrežje',
      es: 'destino|ubicación|zona|población', sv: 'destination|plats|zon|område', ja: '通話先地域|地域|発信地|着信地|エリア|通話エリア', zh: '通信地点|通话地点|通话地点|归属地|对方归属地|通话地|地区|漫游地',
      ko: '지역|발신지역|착신지역', tr: 'yer|konum|bölge|hedef', ru: 'направление вызова|зона|местоположение|регион|населённый пункт', no: 'destinasjon|sted|sone',
      uk: 'напрямок виклику|зона|місцезнаходження|регіон',
    },
  },
  {
    field: 'cost_minor',
    source: 'carrier',
    terms: {
      bg: 'цена|сума|стойност|такса', hr: 'iznos|cijena|trošak|naknada', cs: 'cena|částka|cena bez dph|cena s dph|poplatek', da: 'beløb|pris|takst|afgift',
      nl: 'bedrag|kosten|prijs', en: 'cost|amount|charge|price', et: 'summa|hind|maksumus|tasu', fi: 'hinta|summa|veloitus|maksu|euroa',
      fr: 'montant|coût|prix|montant ht|montant ttc|frais|frais totaux|total des frais', de: 'betrag|kosten|preis|entgelt|gebühr', el: 'χρέωση|κόστος|ποσό|τιμή', hu: 'díj|összeg|ár|költség|bruttó díj|nettó díj',
      ga: 'costas|méid', it: 'importo|costo|addebito|prezzo', lv: 'summa|cena|maksa|izmaksas', lt: 'kaina|suma|mokestis|kaina, eur', mt: 'spiża|ammont|prezz',
      pl: 'kwota|kwota netto|kwota brutto|koszt|opłata|cena|wartość', pt: 'valor|custo|preço|montante', ro: 'cost|sumă|valoare|preț|tarif', sk: 'cena|suma|poplatok|čiastka',
      sl: 'znesek|cena|strošek', es: 'importe|coste|costo|precio|cargo', sv: 'belopp|kostnad|pris|avgift', ja: '料金|通話料|通話料金|金額|請求額|利用料金',
      zh: '通信费|实收通信费|实收费用|应收通信费|费用|话费|金额|通话费|计费|费用(元)|通話費', ko: '요금|금액|통화요금|사용요금', tr: 'tutar|ücret|fiyat|maliyet',
      ru: 'стоимость|сумма|цена|списание|тариф', no: 'beløp|pris|kostnad', uk: 'вартість|сума|ціна|списання',
    },
  },
  {
    field: 'currency',
    source: 'std',
    terms: {
      bg: 'валута', hr: 'valuta', cs: 'měna', da: 'valuta', nl: 'valuta|munteenheid', en: 'currency', et: 'valuuta', fi: 'valuutta', fr: 'devise|monnaie', de: 'währung',
      el: 'νόμισμα', hu: 'pénznem|deviza', ga: 'airgeadra', it: 'valuta', lv: 'valūta', lt: 'valiuta', mt: 'munita', pl: 'waluta', pt: 'moeda', ro: 'monedă|valută',
      sk: 'mena', sl: 'valuta', es: 'moneda|divisa', sv: 'valuta', ja: '通貨', zh: '币种|货币', ko: '통화|화폐', tr: 'para birimi|döviz', ru: 'валюта', no: 'valuta', uk: 'валюта',
    },
  },
  {
    field: 'account_number',
    source: 'carrier',
    terms: {
      bg: 'клиентски номер|номер на договор|абонатен номер', hr: 'broj korisnika|broj ugovora|pretplatnički broj', cs: 'zákaznické číslo|číslo smlouvy|účastnické číslo|číslo účtu',
      da: 'abonnement|kundenummer|abonnementsnummer|kontonummer', nl: 'klantnummer|abonnement|abonnementsnummer', en: 'account number|subscriber|line number|account sid',
      et: 'kliendinumber|lepingu number|liitumisnumber', fi: 'asiakasnumero|liittymä|liittymänumero|sopimusnumero', fr: 'numéro de compte|numéro client',
      de: 'kundennummer|vertragsnummer|anschluss|teilnehmer', el: 'αριθμός λογαριασμού|κωδικός πελάτη|σύνδεση|αριθμός σύνδεσης', hu: 'ügyfélszám|előfizetés|szerződésszám|előfizetői szám',
      ga: 'uimhir chuntais', it: 'numero cliente|codice cliente', lv: 'klienta numurs|līguma numurs|abonents', lt: 'kliento numeris|sutarties numeris|sutarties nr.|kliento nr.|abonentas|abonento nr.',
      mt: 'numru tal-kont', pl: 'numer klienta|numer konta|abonent|numer umowy|msisdn', pt: 'número de cliente|conta', ro: 'cod client|număr cont|abonament|număr abonat',
      sk: 'zákaznícke číslo|číslo zmluvy|účastnícke číslo', sl: 'številka naročnika|naročnik|številka pogodbe', es: 'número de cuenta|cuenta|número de cliente',
      sv: 'abonnemang|kundnummer|avtalsnummer|anknytning', ja: 'ご契約番号|契約番号|お客様番号|回線番号|契約電話番号', zh: '本机号码|账户|账号|客户号|本机号',
      ko: '가입번호|고객번호|회선번호|계약번호', tr: 'abone no|müşteri no|hat numarası|abone numarası|hesap numarası', ru: 'лицевой счёт|номер договора|лицевой счет|абонентский номер',
      no: 'abonnement|kundenummer|abonnementsnummer', uk: 'особовий рахунок|номер договору|абонентський номер',
    },
  },
  // Vietnamese, Indonesian, Arabic, Hebrew, Hindi: the words carriers of those countries print on
  // itemised bills and the Android call log's localized labels.
  { field: 'started_at', source: 'carrier', terms: { vi: 'ngày|ngày gọi|thời gian|thời gian bắt đầu|ngày giờ|thời điểm|thời điểm bắt đầu|bắt đầu', id: 'tanggal|tanggal dan waktu|waktu mulai|tanggal panggilan|tgl', ar: 'التاريخ|التاريخ والوقت|تاريخ المكالمة|وقت البدء', he: 'תאריך|תאריך ושעה|מועד|תאריך שיחה', hi: 'तारीख|दिनांक|तिथि|दिनांक और समय' } },
  { field: 'started_at.time', source: 'carrier', terms: { vi: 'giờ|giờ gọi', id: 'jam|waktu|jam mulai', ar: 'الوقت|الساعة', he: 'שעה|שעת שיחה', hi: 'समय' } },
  { field: 'direction', source: 'carrier', terms: { vi: 'hướng gọi|chiều gọi|loại cuộc gọi|hướng cuộc gọi|chiều cuộc gọi', id: 'arah|arah panggilan|jenis panggilan', ar: 'الاتجاه|اتجاه المكالمة|نوع المكالمة', he: 'כיוון|כיוון שיחה|סוג שיחה', hi: 'दिशा|कॉल का प्रकार|कॉल प्रकार' } },
  { field: 'counterpart_number', source: 'carrier', terms: { vi: 'số bị gọi|số gọi đến|số đối phương|số điện thoại|số máy|số khách hàng|sđt khách hàng', id: 'nomor tujuan|nomor|nomor telepon|nomor yang dihubungi', ar: 'الرقم|الرقم المطلوب|رقم الطرف الآخر|رقم الهاتف|الرقم المتصل به', he: 'מספר|מספר מחויג|מספר יעד|מספר טלפון', hi: 'नंबर|फ़ोन नंबर|मोबाइल नंबर|संख्या' } },
  { field: 'subscriber_number', source: 'carrier', terms: { vi: 'số thuê bao|thuê bao|số tổng đài|tổng đài|số hotline', id: 'msisdn|nomor anda|nomor kartu', ar: 'رقم الخدمة|رقم المشترك|رقمك', he: 'מספר מנוי|מספר קו|המספר שלך', hi: 'आपका नंबर|ग्राहक नंबर' } },
  { field: 'duration_seconds', source: 'carrier', terms: { vi: 'thời lượng|thời lượng gọi|thời gian gọi|thời gian đàm thoại|đàm thoại', id: 'durasi|lama panggilan|lama bicara', ar: 'المدة|مدة المكالمة', he: 'משך|משך שיחה|זמן שיחה', hi: 'अवधि|कॉल अवधि' } },
  { field: 'record_type', source: 'carrier', terms: { vi: 'loại dịch vụ|dịch vụ|loại', id: 'layanan|jenis layanan|jenis', ar: 'الخدمة|نوع الخدمة', he: 'סוג שירות|שירות|סוג', hi: 'सेवा|सेवा प्रकार|प्रकार' } },
  { field: 'location', source: 'carrier', terms: { vi: 'vị trí|khu vực|địa điểm|hướng', id: 'lokasi|wilayah|area', ar: 'الموقع|الوجهة|المنطقة', he: 'יעד|מיקום|אזור', hi: 'स्थान|क्षेत्र|गंतव्य' } },
  { field: 'cost_minor', source: 'carrier', terms: { vi: 'cước|cước phí|phí|số tiền|thành tiền', id: 'biaya|jumlah|harga|tagihan', ar: 'التكلفة|المبلغ|الرسوم|القيمة', he: 'עלות|סכום|חיוב|מחיר', hi: 'शुल्क|राशि|लागत' } },
  { field: 'currency', source: 'std', terms: { vi: 'tiền tệ|đơn vị tiền tệ', id: 'mata uang', ar: 'العملة', he: 'מטבע', hi: 'मुद्रा' } },
  { field: 'account_number', source: 'carrier', terms: { vi: 'mã khách hàng|số hợp đồng|số tài khoản', id: 'nomor pelanggan|no. pelanggan|nomor akun', ar: 'رقم الحساب|رقم العميل', he: 'מספר לקוח|מספר חשבון', hi: 'खाता संख्या|ग्राहक संख्या' } },
  // Thai, Malay, Icelandic, Catalan and Basque: standard translations (dictionaries) and the
  // wording the carriers, registers and address books of those countries print.
  { field: 'started_at', source: 'carrier', terms: { th: 'วันที่|วันที่และเวลา|วันเวลา|วันที่โทร', ms: 'tarikh|tarikh dan masa|tarikh panggilan|masa mula', is: 'dagsetning|dags|dagsetning og tími', ca: 'data|data i hora|data de la trucada', eu: 'data|data eta ordua|deiaren data' } },
  { field: 'started_at.time', source: 'carrier', terms: { th: 'เวลา|เวลาเริ่ม|เวลาโทร', ms: 'masa|waktu|masa panggilan', is: 'tími|klukkan|kl', ca: 'hora|hora d\'inici|hora de la trucada', eu: 'ordua|hasiera ordua' } },
  { field: 'direction', source: 'carrier', terms: { th: 'ทิศทาง|ประเภทการโทร', ms: 'arah|arah panggilan|jenis panggilan', is: 'átt|stefna|tegund símtals', ca: 'direcció|sentit|tipus de trucada', eu: 'norabidea|dei mota' } },
  { field: 'counterpart_number', source: 'carrier', terms: { th: 'หมายเลขปลายทาง|หมายเลขที่โทร|หมายเลขที่ติดต่อ|เบอร์ปลายทาง|หมายเลขโทรศัพท์|เบอร์โทร', ms: 'nombor dihubungi|nombor dipanggil|nombor destinasi|nombor telefon|nombor', is: 'hringt í|númer|símanúmer|viðtakandi', ca: 'número trucat|número de destí|número|número de telèfon|destinatari', eu: 'deitutako zenbakia|helmuga zenbakia|zenbakia|telefono zenbakia' } },
  { field: 'duration_seconds', source: 'carrier', terms: { th: 'ระยะเวลา|ระยะเวลาโทร|เวลาที่ใช้|จำนวนนาที', ms: 'tempoh|tempoh panggilan|durasi|masa bercakap', is: 'lengd|tímalengd|lengd símtals|mínútur|sekúndur', ca: 'durada|durada de la trucada', eu: 'iraupena|deiaren iraupena' } },
  { field: 'record_type', source: 'carrier', terms: { th: 'ประเภทบริการ|บริการ|ประเภท', ms: 'perkhidmatan|jenis perkhidmatan|jenis', is: 'tegund|þjónusta|tegund þjónustu', ca: 'servei|tipus de servei|tipus', eu: 'zerbitzua|zerbitzu mota|mota' } },
  { field: 'location', source: 'carrier', terms: { th: 'ปลายทาง|พื้นที่|สถานที่', ms: 'destinasi|lokasi|kawasan', is: 'áfangastaður|staðsetning|svæði', ca: 'destinació|ubicació|zona', eu: 'helmuga|kokapena|eremua' } },
  { field: 'subscriber_number', source: 'carrier', terms: { th: 'หมายเลขผู้ใช้บริการ|หมายเลขของคุณ', ms: 'nombor talian|no. talian|nombor anda', is: 'þitt númer|númer áskrifanda|áskriftarnúmer', ca: 'número d\'abonat|número de línia', eu: 'harpidedun zenbakia|zure zenbakia|linea zenbakia' } },
  { field: 'cost_minor', source: 'carrier', terms: { th: 'ค่าบริการ|ค่าโทร|จำนวนเงิน|ราคา', ms: 'caj|amaun|jumlah|harga|kos', is: 'upphæð|verð|kostnaður|gjald', ca: 'import|cost|preu|import total', eu: 'zenbatekoa|kostua|prezioa|guztira' } },
  { field: 'currency', source: 'std', terms: { th: 'สกุลเงิน', ms: 'mata wang', is: 'gjaldmiðill', ca: 'moneda|divisa', eu: 'moneta|dibisa' } },
  { field: 'account_number', source: 'carrier', terms: { th: 'เลขที่บัญชี|หมายเลขบัญชี|รหัสลูกค้า|เลขที่สัญญา', ms: 'no. akaun|nombor akaun|nombor pelanggan|akaun', is: 'reikningsnúmer|samningsnúmer|viðskiptanúmer', ca: 'número de compte|número de client|número de contracte', eu: 'kontu zenbakia|bezero zenbakia|kontratu zenbakia' } },
  // Serbian (Cyrillic and Latin), Macedonian, Albanian, Belarusian, Kazakh, Azerbaijani,
  // Georgian and Galician: standard translations (EU terminology (IATE) where the term is
  // there, national dictionaries and the wording of those countries' registers and bills).
  { field: 'started_at', source: 'carrier', terms: { sr: 'датум|датум и време|датум позива|почетак|datum i vreme|datum poziva|početak', mk: 'датум|датум и време|датум на повикот|почеток', sq: 'data|data dhe ora|data e thirrjes|fillimi', be: 'дата|дата і час|дата званка|пачатак', kk: 'күні|күні мен уақыты|қоңырау күні|басталуы|дата', az: 'tarix|tarix və saat|zəng tarixi|başlanğıc', ka: 'თარიღი|თარიღი და დრო|ზარის თარიღი|დაწყება', gl: 'data|data e hora|data da chamada|inicio' } },
  { field: 'started_at.time', source: 'carrier', terms: { sr: 'време|време позива|vreme|vreme poziva', mk: 'време|час', sq: 'ora|koha', be: 'час|час званка', kk: 'уақыты|уақыт', az: 'saat|vaxt', ka: 'დრო|საათი', gl: 'hora' } },
  { field: 'direction', source: 'carrier', terms: { sr: 'смер|смер позива|врста позива|долазни/одлазни|smer|smer poziva|vrsta poziva', mk: 'насока|насока на повикот|тип на повик|дојдовен/појдовен', sq: 'drejtimi|drejtimi i thirrjes|lloji i thirrjes|hyrëse/dalëse', be: 'кірунак|кірунак выкліку|тып выкліку|уваходны/выходны', kk: 'бағыты|бағыт|қоңырау бағыты|кіріс/шығыс', az: 'istiqamət|zəngin istiqaməti|zəng növü|daxil olan/çıxan', ka: 'მიმართულება|ზარის მიმართულება|ზარის ტიპი|შემომავალი/გამავალი', gl: 'sentido|dirección|tipo de chamada|entrante/saínte' } },
  { field: 'counterpart_number', source: 'carrier', terms: { sr: 'број|позвани број|бирани број|број телефона|број саговорника|pozvani broj|birani broj|broj telefona|broj sagovornika', mk: 'број|повикан број|биран број|телефонски број|број на соговорник', sq: 'numri|numri i thirrur|numri i telefonit|numri i formuar|numri i bashkëbiseduesit', be: 'нумар|нумар суразмоўцы|набраны нумар|нумар тэлефона|абанент', kk: 'нөмір|нөмірі|телефон нөмірі|терілген нөмір|әңгімелесуші нөмірі', az: 'nömrə|zəng edilən nömrə|telefon nömrəsi|yığılan nömrə|qarşı tərəfin nömrəsi', ka: 'ნომერი|აკრეფილი ნომერი|ტელეფონის ნომერი|აბონენტის ნომერი', gl: 'número|número chamado|número marcado|número de teléfono' } },
  { field: 'subscriber_number', source: 'carrier', terms: { sr: 'претплатнички број|број претплатника|ваш број|pretplatnički broj|broj pretplatnika|vaš broj', mk: 'претплатнички број|број на претплатник|ваш број', sq: 'numri i abonentit|nr i abonentit|numri juaj', be: 'ваш нумар|абаненцкі нумар|уласны нумар', kk: 'сіздің нөміріңіз|абоненттік нөмір', az: 'abunəçi nömrəsi|sizin nömrəniz|xətt nömrəsi', ka: 'თქვენი ნომერი|საკუთარი ნომერი|ხაზის ნომერი', gl: 'número de abonado|o seu número|número de liña' } },
  { field: 'duration_seconds', source: 'carrier', terms: { sr: 'трајање|трајање позива|trajanje|trajanje poziva', mk: 'времетраење|траење|времетраење на повикот', sq: 'kohëzgjatja|kohëzgjatja e thirrjes|zgjatja', be: 'працягласць|працягласць размовы|час размовы', kk: 'ұзақтығы|ұзақтық|сөйлесу ұзақтығы', az: 'müddət|zəngin müddəti|danışıq müddəti', ka: 'ხანგრძლივობა|საუბრის ხანგრძლივობა|ზარის ხანგრძლივობა', gl: 'duración|duración da chamada' } },
  { field: 'record_type', source: 'carrier', terms: { sr: 'врста услуге|услуга|тип|врста саобраћаја|vrsta usluge|usluga|vrsta saobraćaja', mk: 'тип на услуга|услуга|тип|вид на услуга', sq: 'lloji|lloji i shërbimit|shërbimi|tipi', be: 'від паслугі|паслуга|тып|тып паслугі', kk: 'қызмет түрі|қызмет|түрі', az: 'xidmət növü|xidmət|növ', ka: 'სერვისი|მომსახურების ტიპი|ტიპი|სახეობა', gl: 'tipo|servizo|tipo de servizo' } },
  { field: 'location', source: 'carrier', terms: { sr: 'одредиште|зона|локација|odredište|zona|lokacija', mk: 'дестинација|зона|локација', sq: 'destinacioni|zona|vendndodhja', be: 'зона|месцазнаходжанне|рэгіён', kk: 'аймақ|орналасқан жері|бағыт аймағы', az: 'zona|məkan|istiqamət zonası', ka: 'ზონა|მდებარეობა|მიმართულების ზონა', gl: 'destino|zona|localización' } },
  { field: 'cost_minor', source: 'carrier', terms: { sr: 'износ|цена|трошак|iznos|cena|trošak', mk: 'цена|износ|трошок|сума', sq: 'kosto|shuma|çmimi|tarifa|vlera', be: 'кошт|сума|цана', kk: 'құны|сомасы|сома|бағасы', az: 'məbləğ|qiymət|dəyər|xərc', ka: 'თანხა|ღირებულება|ფასი', gl: 'importe|custo|prezo' } },
  { field: 'currency', source: 'std', terms: { sr: 'валута|valuta', mk: 'валута', sq: 'monedha|valuta', be: 'валюта', kk: 'валюта', az: 'valyuta', ka: 'ვალუტა', gl: 'moeda|divisa' } },
  { field: 'account_number', source: 'carrier', terms: { sr: 'број корисника|број уговора|кориснички број|broj korisnika|broj ugovora', mk: 'број на корисник|број на договор|кориснички број', sq: 'numri i llogarisë|numri i klientit|numri i kontratës', be: 'асабовы рахунак|нумар дагавора', kk: 'дербес шот|келісімшарт нөмірі|шот нөмірі', az: 'hesab nömrəsi|müştəri nömrəsi|müqavilə nömrəsi', ka: 'ანგარიშის ნომერი|კლიენტის ნომერი|ხელშეკრულების ნომერი', gl: 'número de conta|número de cliente' } },
  // the place called as Türk Telekom and other Turkish bills print it
  { field: 'location', source: 'carrier', terms: { tr: 'aranan yer|aranan yer adı' } },
  // Swahili (Kenya, Tanzania) and Tagalog (Filipino): standard translations (the Swahili and
  // Filipino dictionaries and the terms the Android, Google Forms and Facebook localizations
  // use) and the wording of those countries' forms, member sheets and bills.
  { field: 'started_at', source: 'carrier', terms: { sw: 'tarehe|tarehe na saa|tarehe ya simu', tl: 'petsa|petsa at oras|petsa ng tawag' } },
  { field: 'started_at.time', source: 'carrier', terms: { sw: 'saa|saa ya simu', tl: 'oras|oras ng tawag' } },
  { field: 'direction', source: 'carrier', terms: { sw: 'mwelekeo|mwelekeo wa simu|aina ya simu', tl: 'direksyon|uri ng tawag' } },
  { field: 'counterpart_number', source: 'carrier', terms: { sw: 'namba|nambari|namba iliyopigwa|namba ya simu|mpokeaji', tl: 'numero|numero ng telepono|tinawagang numero|numerong tinawagan' } },
  { field: 'subscriber_number', source: 'carrier', terms: { sw: 'namba yako|namba ya mteja|namba ya mtumiaji', tl: 'iyong numero|numero ng subscriber' } },
  { field: 'duration_seconds', source: 'carrier', terms: { sw: 'muda|muda wa simu|urefu wa simu|dakika|sekunde', tl: 'tagal|tagal ng tawag|haba ng tawag|minuto|segundo' } },
  { field: 'record_type', source: 'carrier', terms: { sw: 'huduma|aina ya huduma|aina', tl: 'serbisyo|uri ng serbisyo|uri' } },
  { field: 'location', source: 'carrier', terms: { sw: 'eneo|mahali|unakoenda', tl: 'destinasyon|lokasyon|lugar' } },
  { field: 'cost_minor', source: 'carrier', terms: { sw: 'gharama|kiasi|bei|malipo', tl: 'halaga|singil|presyo|bayad' } },
  { field: 'currency', source: 'std', terms: { sw: 'sarafu', tl: 'pera|salapi' } },
  { field: 'account_number', source: 'carrier', terms: { sw: 'namba ya akaunti|akaunti|namba ya mkataba', tl: 'numero ng account|numero ng kontrata' } },
  // Persian, Uzbek (Latin and Cyrillic script), Armenian, Mongolian, Afrikaans, Urdu, Bengali,
  // Nepali, Tamil, Sinhala, Khmer, Amharic, Hausa, Yoruba, Kyrgyz and Tajik: the standard
  // telephony terms of each language (Wiktionary and Wikipedia translations of date, time,
  // number, duration, cost, the Android and iOS call-log labels in that language) as the
  // self-care portals and bills of Irancell, Hamrah-e Aval, Ucell, Beeline UZ, Ucom, Viva,
  // Unitel, Mobicom, Vodacom, Jazz, Grameenphone, Ncell, Dialog, Cellcard, Ethio telecom,
  // MTN Nigeria, O! and Tcell print them. Persian and Urdu are written with their own
  // letters (ی, ک, ہ); the Arabic-keyboard spellings match after folding.
  { field: 'started_at', source: 'carrier', terms: {
    fa: 'تاریخ|تاریخ و ساعت|تاریخ و زمان|تاریخ تماس|زمان شروع|زمان تماس', uz: 'sana|sana va vaqt|qo\'ng\'iroq sanasi|boshlanish vaqti|сана|сана ва вақт|қўнғироқ санаси',
    hy: 'ամսաթիվ|ամսաթիվ և ժամ|զանգի ամսաթիվ|սկիզբ', mn: 'огноо|огноо цаг|ярьсан огноо|эхэлсэн огноо|эхэлсэн хугацаа', af: 'datum|datum en tyd|oproepdatum',
    ur: 'تاریخ|تاریخ اور وقت|کال کی تاریخ', bn: 'তারিখ|তারিখ ও সময়|কলের তারিখ', ne: 'मिति|मिति र समय|कल मिति', ta: 'தேதி|தேதி மற்றும் நேரம்|அழைப்பு தேதி',
    si: 'දිනය|දිනය සහ වේලාව|ඇමතුම් දිනය', km: 'កាលបរិច្ឆេទ|ថ្ងៃខែ|ថ្ងៃទី|ថ្ងៃខែឆ្នាំ', am: 'ቀን|ቀን እና ሰዓት|የጥሪ ቀን', ha: 'kwanan wata|rana|kwanan wata da lokaci',
    yo: 'ọjọ́|ọjọ́ àti àkókò|ọjọ́ ìpè', ky: 'күнү|чалуу күнү|күнү жана убактысы', tg: 'сана|таърих|сана ва вақт',
  } },
  { field: 'started_at.time', source: 'carrier', terms: {
    fa: 'ساعت|زمان|ساعت تماس|ساعت شروع', uz: 'vaqt|soat|вақт|соат', hy: 'ժամ|ժամանակ|զանգի ժամ', mn: 'цаг|эхэлсэн цаг|ярьсан цаг', af: 'tyd|begintyd|oproeptyd',
    ur: 'وقت|کال کا وقت', bn: 'সময়|কলের সময়', ne: 'समय|कल समय', ta: 'நேரம்|அழைப்பு நேரம்', si: 'වේලාව|ඇමතුම් වේලාව', km: 'ម៉ោង|ពេលវេលា',
    am: 'ሰዓት|ጊዜ', ha: 'lokaci|lokacin kira', yo: 'àkókò|aago', ky: 'убакыт|убактысы|саат', tg: 'вақт|соат',
  } },
  { field: 'direction', source: 'carrier', terms: {
    fa: 'جهت|جهت تماس|نوع تماس|نوع ارتباط|ورودی/خروجی', uz: 'yo\'nalish|qo\'ng\'iroq turi|kiruvchi/chiquvchi|йўналиш|қўнғироқ тури|кирувчи/чиқувчи',
    hy: 'ուղղություն|զանգի ուղղություն|զանգի տեսակ|մուտքային/ելքային', mn: 'чиглэл|дуудлагын чиглэл|дуудлагын төрөл|ирсэн/гарсан',
    af: 'rigting|oproeprigting|oproeptipe|inkomend/uitgaande', ur: 'کال کی قسم|سمت|کال کی سمت|آنے والی/جانے والی', bn: 'কলের ধরন|দিক|কলের দিক|ইনকামিং/আউটগোয়িং',
    ne: 'कलको प्रकार|दिशा|कलको दिशा|इनकमिङ/आउटगोइङ', ta: 'அழைப்பு வகை|திசை|அழைப்பின் திசை', si: 'ඇමතුම් වර්ගය|දිශාව|ඇමතුම් දිශාව', km: 'ប្រភេទការហៅ|ទិសដៅ|ទិសដៅការហៅ',
    am: 'የጥሪ አይነት|የጥሪ ዓይነት|አቅጣጫ|የጥሪ አቅጣጫ', ha: 'nau\'in kira|alkibla|alkiblar kira', yo: 'irú ìpè|ìdarí ìpè', ky: 'багыт|чалуунун түрү|чалуунун багыты|кирүүчү/чыгуучу',
    tg: 'самт|навъи занг|самти занг|воридотӣ/содиротӣ',
  } },
  { field: 'counterpart_number', source: 'carrier', terms: {
    fa: 'شماره|شماره مقصد|شماره طرف مقابل|شماره تماس گیرنده|شماره گرفته شده|شماره تلفن|شماره مخاطب', uz: 'raqam|telefon raqami|terilgan raqam|qo\'ng\'iroq qilingan raqam|suhbatdosh raqami|рақам|телефон рақами|терилган рақам|суҳбатдош рақами',
    hy: 'համար|հեռախոսահամար|հեռախոսի համար|հավաքված համար|զրուցակցի համար', mn: 'дугаар|утасны дугаар|залгасан дугаар|холбогдсон дугаар|хүлээн авагчийн дугаар',
    af: 'nommer|nommer geskakel|geskakelde nommer|ontvanger|telefoonnommer|bestemmingsnommer', ur: 'نمبر|فون نمبر|ملایا گیا نمبر|موبائل نمبر|وصول کنندہ', bn: 'নম্বর|ফোন নম্বর|মোবাইল নম্বর|প্রাপকের নম্বর|ডায়াল করা নম্বর',
    ne: 'नम्बर|फोन नम्बर|मोबाइल नम्बर|डायल गरिएको नम्बर', ta: 'எண்|தொலைபேசி எண்|அழைக்கப்பட்ட எண்|கைபேசி எண்', si: 'අංකය|දුරකථන අංකය|ඇමතූ අංකය',
    km: 'លេខ|លេខទូរស័ព្ទ|លេខដែលបានហៅ', am: 'ቁጥር|ስልክ ቁጥር|የተደወለ ቁጥር', ha: 'lamba|lambar waya|lambar da aka kira', yo: 'nọ́mbà|nọ́mbà fóònù|nọ́mbà tí a pè',
    ky: 'номер|телефон номери|терилген номер', tg: 'рақам|рақами телефон|рақами гирифташуда',
  } },
  { field: 'subscriber_number', source: 'carrier', terms: {
    fa: 'شماره مشترک|شماره سیم کارت|شماره خط|شماره شما', uz: 'sizning raqamingiz|abonent raqami|liniya raqami|сизнинг рақамингиз|абонент рақами', hy: 'ձեր համարը|բաժանորդային համար|բաժանորդի համար|գծի համար',
    mn: 'таны дугаар|үйлчилгээний дугаар|хэрэглэгчийн дугаар', af: 'jou nommer|selnommer|lynnommer|intekenaarnommer', ur: 'آپ کا نمبر|صارف نمبر', bn: 'আপনার নম্বর|গ্রাহক নম্বর',
    ne: 'तपाईंको नम्बर|ग्राहक नम्बर', ta: 'உங்கள் எண்|சந்தாதாரர் எண்', si: 'ඔබේ අංකය|ගනුදෙනුකරු අංකය', km: 'លេខរបស់អ្នក', am: 'የእርስዎ ቁጥር|የደንበኛ ስልክ ቁጥር',
    ha: 'lambarka|lambar mai biyan kuɗi', yo: 'nọ́mbà rẹ', ky: 'сиздин номериңиз|абоненттик номер', tg: 'рақами шумо|рақами муштарӣ',
  } },
  { field: 'duration_seconds', source: 'carrier', terms: {
    fa: 'مدت|مدت مکالمه|مدت زمان|مدت تماس|مدت زمان مکالمه|زمان مکالمه', uz: 'davomiyligi|davomiylik|suhbat davomiyligi|muddati|давомийлиги|давомийлик|суҳбат давомийлиги',
    hy: 'տևողություն|զանգի տևողություն|խոսակցության տևողություն', mn: 'үргэлжлэх хугацаа|хугацаа|ярьсан хугацаа|ярианы хугацаа', af: 'duur|tydsduur|oproepduur|lengte',
    ur: 'دورانیہ|کال کا دورانیہ|مدت', bn: 'স্থিতিকাল|সময়কাল|কলের সময়কাল|মেয়াদ', ne: 'अवधि|कल अवधि|समयावधि', ta: 'கால அளவு|அழைப்பு கால அளவு|நேர அளவு',
    si: 'කාලය|ඇමතුම් කාලය|කාල සීමාව', km: 'រយៈពេល|រយៈពេលហៅ', am: 'የቆይታ ጊዜ|ቆይታ|የጥሪ ቆይታ', ha: 'tsawon lokaci|tsawon kira', yo: 'gígùn ìpè|iye àkókò',
    ky: 'узактыгы|сүйлөшүү узактыгы|убакыт узактыгы', tg: 'давомнокӣ|давомнокии сӯҳбат',
  } },
  { field: 'record_type', source: 'carrier', terms: {
    fa: 'نوع سرویس|سرویس|نوع خدمت|خدمت|نوع', uz: 'xizmat turi|xizmat|turi|хизмат тури|хизмат|тури', hy: 'ծառայություն|ծառայության տեսակ|տեսակ', mn: 'үйлчилгээний төрөл|үйлчилгээ|төрөл',
    af: 'tipe|diens|soort|dienstipe', ur: 'سروس|سروس کی قسم|قسم', bn: 'সেবা|সেবার ধরন|ধরন|সার্ভিস', ne: 'सेवा|सेवाको प्रकार|प्रकार', ta: 'சேவை|சேவை வகை|வகை',
    si: 'සේවාව|සේවා වර්ගය|වර්ගය', km: 'សេវាកម្ម|ប្រភេទសេវាកម្ម|ប្រភេទ', am: 'አገልግሎት|የአገልግሎት አይነት|አይነት|ዓይነት', ha: 'sabis|nau\'in sabis|nau\'i', yo: 'iṣẹ́|irú iṣẹ́',
    ky: 'кызмат түрү|кызмат|түрү', tg: 'навъи хизматрасонӣ|хизматрасонӣ|навъ',
  } },
  { field: 'location', source: 'carrier', terms: {
    fa: 'مقصد|منطقه|محل|موقعیت', uz: 'hudud|joylashuv|yo\'nalish hududi|ҳудуд|жойлашув', hy: 'գոտի|վայր|գտնվելու վայր', mn: 'бүс|байршил|чиглэлийн бүс', af: 'bestemming|ligging|area|streek',
    ur: 'مقام|علاقہ|منزل', bn: 'স্থান|এলাকা|গন্তব্য', ne: 'स्थान|गन्तव्य', ta: 'இடம்|பகுதி|சேருமிடம்', si: 'ස්ථානය|ප්‍රදේශය|ගමනාන්තය', km: 'ទីតាំង|តំបន់',
    am: 'ቦታ|አካባቢ|መድረሻ', ha: 'wuri|yanki', yo: 'ibi|agbègbè', ky: 'аймак|жайгашкан жери', tg: 'минтақа|макон',
  } },
  { field: 'cost_minor', source: 'carrier', terms: {
    fa: 'مبلغ|هزینه|بها|قیمت|هزینه مکالمه|مبلغ قابل پرداخت', uz: 'summa|narx|narxi|to\'lov|xarajat|qiymati|сумма|нарх|нархи|тўлов|қиймати', hy: 'գումար|արժեք|գին|վճար',
    mn: 'дүн|төлбөр|үнэ|зардал|нийт дүн', af: 'koste|bedrag|prys|heffing', ur: 'رقم|قیمت|چارجز|لاگت|خرچ', bn: 'খরচ|মূল্য|চার্জ|পরিমাণ', ne: 'शुल्क|रकम|मूल्य|लागत',
    ta: 'கட்டணம்|தொகை|விலை', si: 'ගාස්තුව|මුදල|මිල', km: 'តម្លៃ|ថ្លៃ|ចំនួនទឹកប្រាក់', am: 'ክፍያ|ዋጋ|መጠን', ha: 'kuɗi|farashi|caji', yo: 'owó|iye owó',
    ky: 'сумма|наркы|баасы|төлөм', tg: 'маблағ|арзиш|нарх',
  } },
  { field: 'currency', source: 'std', terms: {
    fa: 'واحد پول|ارز', uz: 'valyuta|валюта', hy: 'արժույթ', mn: 'валют|мөнгөн тэмдэгт', af: 'geldeenheid|valuta', ur: 'کرنسی', bn: 'মুদ্রা', ne: 'मुद्रा', ta: 'நாணயம்',
    si: 'මුදල් ඒකකය|ව්‍යවහාර මුදල්', km: 'រូបិយប័ណ្ណ', am: 'ምንዛሬ|የገንዘብ ዓይነት', ha: 'nau\'in kuɗi', yo: 'irú owó', ky: 'валюта', tg: 'асъор',
  } },
  { field: 'account_number', source: 'carrier', terms: {
    fa: 'شماره حساب|کد مشتری|شماره قرارداد|شماره اشتراک', uz: 'shaxsiy hisob|hisob raqami|shartnoma raqami|шахсий ҳисоб|ҳисоб рақами|шартнома рақами',
    hy: 'հաշվի համար|պայմանագրի համար|անձնական հաշիվ|հաճախորդի համար', mn: 'гэрээний дугаар|хэрэглэгчийн код|дансны дугаар', af: 'rekeningnommer|kliëntnommer|kontraknommer',
    ur: 'اکاؤنٹ نمبر|کسٹمر نمبر|معاہدہ نمبر', bn: 'অ্যাকাউন্ট নম্বর|গ্রাহক আইডি|হিসাব নম্বর', ne: 'खाता नम्बर|सम्झौता नम्बर', ta: 'கணக்கு எண்|வாடிக்கையாளர் எண்',
    si: 'ගිණුම් අංකය', km: 'លេខគណនី', am: 'የሂሳብ ቁጥር|የደንበኛ ቁጥር', ha: 'lambar asusu', yo: 'nọ́mbà àkọọ́lẹ̀', ky: 'жеке эсеп|келишим номери|эсеп номери', tg: 'суратҳисоб|рақами шартнома',
  } },
  // PBX CDR exports (Yeastar P-Series, Grandstream UCM) print the party called as "Call To"
  // beside "Call From"; a carrier's "Call To" of places is told apart by its values.
  { field: 'counterpart_number', source: 'carrier', terms: { en: 'call to|called to' } },
  // Cloud phone systems (Aircall, Ringover, JustCall, CloudTalk, Kixie) log each call against a
  // contact of the CRM they sync with, and print the other party as the contact's number, in
  // the language of their interface; the company's own line is the tool's number beside it.
  { field: 'counterpart_number', source: 'carrier', terms: {
    en: 'contact phone number|contact phone', fr: 'numéro du contact|numéro de contact|téléphone du contact', es: 'número del contacto|teléfono del contacto',
    de: 'kontaktnummer|nummer des kontakts|telefonnummer des kontakts', it: 'numero del contatto|telefono del contatto', pt: 'número do contato|número do contacto|telefone do contato',
    nl: 'nummer van contact|telefoonnummer van contact',
  } },
  // Japanese carriers' statements (docomo 通話明細, au, SoftBank) print the area called as
  // "通話先" beside "通話先電話番号", the number; the whole header is the place
  { field: 'location', source: 'carrier', terms: { ja: '通話先|通話先地域名|相手先地域' } },
  // Marathi, Telugu, Gujarati, Punjabi (Gurmukhi), Malayalam, Kannada, Lao, Burmese, Zulu and
  // Pashto: standard translations (Wiktionary, the Android call-log and contact labels in those
  // languages) as carriers' apps (Jio, Airtel, Vi, Lao Telecom, MPT, Vodacom, Roshan) print them.
  { field: 'started_at', source: 'carrier', terms: { mr: 'दिनांक|तारीख|दिनांक आणि वेळ', te: 'తేదీ|తేదీ మరియు సమయం', gu: 'તારીખ|તારીખ અને સમય', pa: 'ਮਿਤੀ|ਤਾਰੀਖ|ਮਿਤੀ ਅਤੇ ਸਮਾਂ', ml: 'തീയതി|തീയതിയും സമയവും', kn: 'ದಿನಾಂಕ|ದಿನಾಂಕ ಮತ್ತು ಸಮಯ', lo: 'ວັນທີ|ວັນທີ ແລະ ເວລາ', my: 'ရက်စွဲ|နေ့စွဲ', zu: 'usuku|idethi|usuku nesikhathi', ps: 'نېټه|نیټه|نېټه او وخت' } },
  { field: 'started_at.time', source: 'carrier', terms: { mr: 'वेळ', te: 'సమయం', gu: 'સમય', pa: 'ਸਮਾਂ', ml: 'സമയം', kn: 'ಸಮಯ', lo: 'ເວລາ', my: 'အချိန်', zu: 'isikhathi', ps: 'وخت' } },
  { field: 'direction', source: 'carrier', terms: { mr: 'कॉलचा प्रकार|दिशा', te: 'కాల్ రకం|దిశ', gu: 'કૉલનો પ્રકાર|દિશા', pa: 'ਕਾਲ ਦੀ ਕਿਸਮ|ਦਿਸ਼ਾ', ml: 'കോൾ തരം|ദിശ', kn: 'ಕರೆ ಪ್ರಕಾರ|ದಿಕ್ಕು', lo: 'ປະເພດການໂທ|ທິດທາງ', my: 'ခေါ်ဆိုမှုအမျိုးအစား|ဦးတည်ရာ', zu: 'uhlobo lwekholi|isiqondiso', ps: 'د زنګ ډول|لوری' } },
  { field: 'counterpart_number', source: 'carrier', terms: { mr: 'क्रमांक|फोन नंबर|मोबाईल नंबर|नंबर', te: 'నంబర్|ఫోన్ నంబర్|మొబైల్ నంబర్', gu: 'નંબર|ફોન નંબર|મોબાઇલ નંબર', pa: 'ਨੰਬਰ|ਫ਼ੋਨ ਨੰਬਰ|ਮੋਬਾਈਲ ਨੰਬਰ', ml: 'നമ്പർ|ഫോൺ നമ്പർ|മൊബൈൽ നമ്പർ', kn: 'ಸಂಖ್ಯೆ|ಫೋನ್ ಸಂಖ್ಯೆ|ಮೊಬೈಲ್ ಸಂಖ್ಯೆ|ನಂಬರ್', lo: 'ເບີໂທ|ເບີໂທລະສັບ|ໝາຍເລກ', my: 'ဖုန်းနံပါတ်|နံပါတ်', zu: 'inombolo|inombolo yocingo|inombolo eshayelwe', ps: 'شمېره|شمیره|د تلیفون شمېره' } },
  { field: 'subscriber_number', source: 'carrier', terms: { mr: 'तुमचा नंबर|ग्राहक क्रमांक', te: 'మీ నంబర్', gu: 'તમારો નંબર', pa: 'ਤੁਹਾਡਾ ਨੰਬਰ', ml: 'നിങ്ങളുടെ നമ്പർ', kn: 'ನಿಮ್ಮ ಸಂಖ್ಯೆ', lo: 'ເບີຂອງທ່ານ', my: 'သင့်နံပါတ်', zu: 'inombolo yakho', ps: 'ستاسو شمېره' } },
  { field: 'duration_seconds', source: 'carrier', terms: { mr: 'कालावधी|कॉल कालावधी', te: 'వ్యవధి|కాల్ వ్యవధి', gu: 'સમયગાળો|અવધિ', pa: 'ਮਿਆਦ|ਅਵਧੀ', ml: 'ദൈർഘ്യം|കോൾ ദൈർഘ്യം', kn: 'ಅವಧಿ|ಕರೆ ಅವಧಿ', lo: 'ໄລຍະເວລາ|ໄລຍະເວລາໂທ', my: 'ကြာချိန်|ခေါ်ဆိုချိန်', zu: 'ubude|isikhathi sekholi', ps: 'موده|د زنګ موده' } },
  { field: 'record_type', source: 'carrier', terms: { mr: 'सेवा|सेवेचा प्रकार|प्रकार', te: 'సేవ|సేవ రకం|రకం', gu: 'સેવા|સેવાનો પ્રકાર|પ્રકાર', pa: 'ਸੇਵਾ|ਕਿਸਮ', ml: 'സേവനം|തരം', kn: 'ಸೇವೆ|ಪ್ರಕಾರ', lo: 'ບໍລິການ|ປະເພດບໍລິການ|ປະເພດ', my: 'ဝန်ဆောင်မှု|အမျိုးအစား', zu: 'isevisi|uhlobo', ps: 'خدمت|ډول' } },
  { field: 'location', source: 'carrier', terms: { mr: 'ठिकाण|क्षेत्र', te: 'ప్రదేశం|ప్రాంతం', gu: 'સ્થળ|વિસ્તાર', pa: 'ਸਥਾਨ|ਖੇਤਰ', ml: 'സ്ഥലം|പ്രദേശം', kn: 'ಸ್ಥಳ|ಪ್ರದೇಶ', lo: 'ສະຖານທີ່|ເຂດ', my: 'နေရာ|ဒေသ', zu: 'indawo|isifunda', ps: 'ځای|سیمه' } },
  { field: 'cost_minor', source: 'carrier', terms: { mr: 'शुल्क|रक्कम|किंमत', te: 'ఛార్జీ|మొత్తం|ధర', gu: 'ચાર્જ|રકમ|કિંમત', pa: 'ਖਰਚਾ|ਰਕਮ|ਕੀਮਤ', ml: 'നിരക്ക്|തുക|വില', kn: 'ಶುಲ್ಕ|ಮೊತ್ತ|ಬೆಲೆ', lo: 'ຄ່າບໍລິການ|ຈຳນວນເງິນ|ລາຄາ', my: 'ကျသင့်ငွေ|ငွေပမာဏ|စျေးနှုန်း', zu: 'izindleko|inani|intengo', ps: 'لګښت|مبلغ|بیه' } },
  { field: 'currency', source: 'std', terms: { mr: 'चलन', te: 'కరెన్సీ', gu: 'ચલણ', pa: 'ਮੁਦਰਾ', ml: 'കറൻസി', kn: 'ಕರೆನ್ಸಿ', lo: 'ສະກຸນເງິນ', my: 'ငွေကြေး', zu: 'uhlobo lwemali', ps: 'اسعار' } },
  { field: 'account_number', source: 'carrier', terms: { mr: 'खाते क्रमांक', te: 'ఖాతా సంఖ్య', gu: 'ખાતા નંબર', pa: 'ਖਾਤਾ ਨੰਬਰ', ml: 'അക്കൗണ്ട് നമ്പർ', kn: 'ಖಾತೆ ಸಂಖ್ಯೆ', lo: 'ເລກບັນຊີ', my: 'အကောင့်နံပါတ်', zu: 'inombolo ye-akhawunti', ps: 'د حساب شمېره' } },
  // Kyrgyz possessive forms as bills print them ("Суммасы (сом)", its amount); Armenian
  // "բաժանորդի կոդ" (the subscriber's code: the customer account on a business bill)
  { field: 'cost_minor', source: 'carrier', terms: { ky: 'суммасы|наркысы|баасы' } },
  { field: 'account_number', source: 'carrier', terms: { hy: 'բաժանորդի կոդ|բաժանորդային կոդ' } },
  // Welsh: the standard terms of the Welsh Government's term bank (TermCymru) and the Welsh
  // interfaces of Microsoft and Google, as public bodies' and events' registration forms print them
  { field: 'started_at', source: 'std', terms: { cy: 'dyddiad|dyddiad ac amser' } },
  { field: 'started_at.time', source: 'std', terms: { cy: 'amser' } },
  { field: 'direction', source: 'std', terms: { cy: 'cyfeiriad yr alwad|i mewn/allan' } },
  { field: 'counterpart_number', source: 'std', terms: { cy: 'rhif a alwyd|rhif a ddeialwyd' } },
  { field: 'duration_seconds', source: 'std', terms: { cy: 'hyd|hyd yr alwad' } },
  { field: 'record_type', source: 'std', terms: { cy: 'math o alwad|math o wasanaeth' } },
  { field: 'location', source: 'std', terms: { cy: 'cyrchfan' } },
  { field: 'subscriber_number', source: 'std', terms: { cy: 'rhif y tanysgrifiwr|rhif y llinell' } },
  { field: 'cost_minor', source: 'std', terms: { cy: 'cost|tâl' } },
  { field: 'currency', source: 'std', terms: { cy: 'arian cyfred' } },
  { field: 'account_number', source: 'std', terms: { cy: 'rhif cyfrif' } },
  // Sorani Kurdish (ckb, Arabic script), Turkmen, Somali and Faroese: standard translations
  // (Wiktionary, the Android call-log labels in those languages) as carriers' self-care portals
  // and itemised bills print them (Korek, Asiacell, TMCELL, Hormuud, Telesom, Føroya Tele, Hey)
  { field: 'started_at', source: 'carrier', terms: { ckb: 'بەروار|بەروار و کات|ڕێکەوت', tk: 'senesi|sene|senesi we wagty', so: 'taariikhda|taariikh|taariikhda iyo waqtiga', fo: 'dagfesting|dato|dagur' } },
  { field: 'started_at.time', source: 'carrier', terms: { ckb: 'کات', tk: 'wagty|wagt', so: 'waqtiga|saacadda', fo: 'klokkan|klokkutíð' } },
  { field: 'direction', source: 'carrier', terms: { ckb: 'ئاراستە|ئاراستەی پەیوەندی', tk: 'ugry|ugur|jaňyň ugry', so: 'jihada|jiho', fo: 'leið|kós' } },
  { field: 'counterpart_number', source: 'carrier', terms: { ckb: 'ژمارەی پەیوەندیکراو|ژمارەی تەلەفۆن|ژمارە', tk: 'telefon belgisi|belgi|jaň edilen belgi', so: 'lambarka|nambarka|lambarka la wacay', fo: 'ringt til|nummar|telefonnummar|móttakari' } },
  { field: 'subscriber_number', source: 'carrier', terms: { ckb: 'ژمارەی هێڵ|هێڵ', tk: 'abonent belgisi|siziň belgiňiz', so: 'lambarkaaga|lambarka macmiilka', fo: 'títt nummar|haldaranummar' } },
  { field: 'duration_seconds', source: 'carrier', terms: { ckb: 'ماوە|ماوەی پەیوەندی', tk: 'dowamlylygy|dowamlylyk|gepleşigiň dowamlylygy', so: 'muddada|mudada|muddada wicitaanka', fo: 'tíð|longd|samrøðutíð' } },
  { field: 'record_type', source: 'carrier', terms: { ckb: 'جۆری خزمەتگوزاری|جۆر|خزمەتگوزاری', tk: 'görnüşi|görnüş|hyzmatyň görnüşi', so: 'nooca|nooca adeegga|adeegga', fo: 'slag|tænasta' } },
  { field: 'location', source: 'carrier', terms: { ckb: 'شوێن|ناوچە', tk: 'ýeri|sebit|ugur ýeri', so: 'goobta|meesha', fo: 'økið|øki|staður' } },
  { field: 'cost_minor', source: 'carrier', terms: { ckb: 'نرخ|تێچوو|بڕی پارە', tk: 'bahasy|baha|tölegi|jemi', so: 'qiimaha|kharashka|lacagta', fo: 'prísur|upphædd|gjald' } },
  { field: 'currency', source: 'std', terms: { ckb: 'دراو', tk: 'walýuta|pul birligi', so: 'nooca lacagta|lacag', fo: 'gjaldoyra' } },
  { field: 'account_number', source: 'carrier', terms: { ckb: 'ژمارەی هەژمار|هەژمار', tk: 'hasap belgisi|şahsy hasap', so: 'lambarka akoonka|akoonka', fo: 'kundanummar|kontonummar' } },
  // Lao bills name the number called "the destination's number" and the charge "the call's fee"
  // (Lao Telecom, Unitel); Indonesian bills the customer's id (Telkomsel, IndiHome, PLN: "ID Pelanggan")
  { field: 'counterpart_number', source: 'carrier', terms: { lo: 'ເບີປາຍທາງ|ເບີທີ່ໂທ' } },
  { field: 'cost_minor', source: 'carrier', terms: { lo: 'ຄ່າໂທ' } },
  { field: 'account_number', source: 'carrier', terms: { id: 'id pelanggan' } },
  // call-tracking and PBX reports name the talk time by the conversation itself ("Разговор, сек",
  // "Розмова"); Hungarian bills the kind of traffic ("Forgalom típusa"); Japanese bills the call's
  // class ("通話種別"); Finnish PBX reports the start time ("Aloitusaika"); Spanish VoIP statements
  // the own direct-dial number it called from ("DDI origen"), Chinese contact-centre records the customer's number
  { field: 'duration_seconds', source: 'carrier', terms: { ru: 'разговор|время разговора|длительность разговора', uk: 'розмова|тривалість розмови|час розмови', be: 'размова' } },
  { field: 'record_type', source: 'carrier', terms: { hu: 'forgalom típusa|forgalomtípus|forgalom', ja: '通話種別|種別' } },
  { field: 'started_at', source: 'carrier', terms: { fi: 'aloitusaika|alkamisaika|alkuaika' } },
  { field: 'subscriber_number', source: 'carrier', terms: { es: 'ddi origen|ddi de origen' } },
  { field: 'counterpart_number', source: 'carrier', terms: { zh: '客户号码|客户电话|对方号码' } },
];
