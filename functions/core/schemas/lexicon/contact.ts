import type { LexiconBlock } from './lexicon-types.ts';

/** Header wordings for the `contact` schema's fields in 49 languages (see lexicon-types.ts for the source tags). */
export const CONTACT_LEXICON: readonly LexiconBlock[] = [
  {
    field: 'full_name',
    source: 'std',
    terms: {
      bg: 'име|пълно име|име и фамилия|трите имена', hr: 'ime i prezime|puno ime|naziv kontakta', cs: 'celé jméno|jméno a příjmení|kontakt',
      da: 'navn|fulde navn|fuldt navn|kontaktperson', nl: 'naam|volledige naam|contactpersoon', en: 'full name|name|contact name|person name',
      et: 'nimi|täisnimi|ees- ja perekonnanimi|kontaktisik', fi: 'nimi|koko nimi|yhteyshenkilö', fr: 'nom complet|nom et prénom|contact',
      de: 'name|vollständiger name|ansprechpartner|kontaktperson', el: 'ονοματεπώνυμο|πλήρες όνομα|επαφή', hu: 'név|teljes név|kapcsolattartó',
      ga: 'ainm|ainm iomlán', it: 'nome e cognome|nominativo|nome completo|referente', lv: 'vārds, uzvārds|vārds uzvārds|pilns vārds|kontaktpersona',
      lt: 'vardas, pavardė|vardas pavardė|pilnas vardas|kontaktinis asmuo', mt: 'isem sħiħ|isem u kunjom', pl: 'imię i nazwisko|pełne imię|osoba kontaktowa',
      pt: 'nome completo|nome|contacto|contato', ro: 'nume complet|nume și prenume|persoană de contact', sk: 'celé meno|meno a priezvisko|kontaktná osoba',
      sl: 'ime in priimek|polno ime|kontaktna oseba', es: 'nombre completo|nombre y apellidos|contacto', sv: 'namn|fullständigt namn|kontaktperson',
      ja: '氏名|名前|フルネーム|担当者名|担当者', zh: '姓名|联系人|联系人姓名|全名|名字', ko: '이름|성명|담당자|담당자명',
      tr: 'ad soyad|adı soyadı|ad soyadı|isim soyisim|tam ad|yetkili', ru: 'фио|ф.и.о.|имя и фамилия|полное имя|контактное лицо',
      no: 'navn|fullt navn|kontaktperson', uk: 'піб|п.і.б.|повне ім\'я|контактна особа',
    },
  },
  {
    field: 'full_name',
    source: 'google',
    terms: { en: 'display name', ja: '表示名', zh: '显示名称', ko: '표시 이름', de: 'anzeigename', fr: 'nom affiché', es: 'nombre para mostrar' },
  },
  {
    field: 'first_name',
    source: 'outlook',
    terms: {
      bg: 'собствено име|име (собствено)', hr: 'ime', cs: 'jméno|křestní jméno', da: 'fornavn', nl: 'voornaam', en: 'first name|given name',
      et: 'eesnimi', fi: 'etunimi', fr: 'prénom', de: 'vorname', el: 'όνομα|μικρό όνομα', hu: 'keresztnév|utónév', ga: 'céadainm',
      it: 'nome', lv: 'vārds', lt: 'vardas', mt: 'isem', pl: 'imię', pt: 'nome próprio|primeiro nome|nome', ro: 'prenume', sk: 'meno|krstné meno',
      sl: 'ime', es: 'nombre|nombre de pila', sv: 'förnamn', ja: '名|名（ローマ字）|下の名前|ファーストネーム', zh: '名|名字', ko: '이름(名)|名',
      tr: 'ad|adı|isim', ru: 'имя', no: 'fornavn', uk: 'ім\'я',
    },
  },
  {
    field: 'last_name',
    source: 'outlook',
    terms: {
      bg: 'фамилия|фамилно име', hr: 'prezime', cs: 'příjmení', da: 'efternavn', nl: 'achternaam', en: 'last name|surname|family name',
      et: 'perekonnanimi|perenimi', fi: 'sukunimi', fr: 'nom de famille|nom', de: 'nachname|familienname', el: 'επώνυμο', hu: 'vezetéknév|családnév',
      ga: 'sloinne', it: 'cognome', lv: 'uzvārds', lt: 'pavardė', mt: 'kunjom', pl: 'nazwisko', pt: 'apelido|sobrenome|último nome', ro: 'nume|nume de familie',
      sk: 'priezvisko', sl: 'priimek', es: 'apellido|apellidos', sv: 'efternamn', ja: '姓|苗字|名字(姓)|ラストネーム', zh: '姓|姓氏', ko: '성',
      tr: 'soyad|soyadı|soyisim', ru: 'фамилия', no: 'etternavn', uk: 'прізвище',
    },
  },
  {
    field: 'email',
    source: 'outlook',
    terms: {
      bg: 'имейл|имейл адрес|електронна поща|e-mail адрес', hr: 'e-pošta|adresa e-pošte|email adresa', cs: 'e-mail|e-mailová adresa',
      da: 'e-mail|e-mailadresse|mail', nl: 'e-mailadres|e-mail', en: 'e-mail address|email',
      et: 'e-post|e-posti aadress|meiliaadress', fi: 'sähköposti|sähköpostiosoite', fr: 'adresse de messagerie|courriel|adresse électronique',
      de: 'e-mail-adresse|e-mail', el: 'ηλεκτρονικό ταχυδρομείο|διεύθυνση ηλεκτρονικού ταχυδρομείου|email|e-mail', hu: 'e-mail cím|e-mail|email cím',
      ga: 'ríomhphost|seoladh ríomhphoist', it: 'indirizzo posta elettronica|e-mail', lv: 'e-pasts|e-pasta adrese', lt: 'el. paštas|el. pašto adresas|elektroninis paštas',
      mt: 'posta elettronika|indirizz tal-email', pl: 'e-mail|adres e-mail|poczta e-mail', pt: 'endereço de e-mail|correio eletrónico|e-mail',
      ro: 'e-mail|adresă de e-mail|poștă electronică', sk: 'e-mail|e-mailová adresa', sl: 'e-pošta|e-poštni naslov', es: 'correo electrónico|dirección de correo electrónico|e-mail',
      sv: 'e-post|e-postadress', ja: 'メールアドレス|メール|電子メール|eメール', zh: '邮箱|电子邮件|电子邮箱|企业邮箱|邮件地址|郵箱|電子郵件',
      ko: '이메일|이메일 주소|전자우편|메일', tr: 'e-posta|e-posta adresi|eposta|mail adresi', ru: 'электронная почта|эл. почта|e-mail|email|почта|адрес электронной почты',
      no: 'e-post|e-postadresse', uk: 'електронна пошта|ел. пошта|e-mail|email|пошта',
    },
  },
  {
    field: 'phone',
    source: 'outlook',
    terms: {
      bg: 'телефон|мобилен телефон|служебен телефон|gsm', hr: 'telefon|mobitel|mobilni telefon|poslovni telefon', cs: 'telefon|mobil|mobilní telefon|telefon do zaměstnání',
      da: 'telefon|mobil|mobiltelefon|mobilnummer|telefonnummer|arbejdstelefon', nl: 'telefoon|mobiele telefoon|telefoon werk|mobiel nummer',
      en: 'business phone|mobile phone|home phone|phone|telephone|cell|mobile', et: 'telefon|mobiiltelefon|töötelefon|telefoninumber',
      fi: 'puhelin|matkapuhelin|työpuhelin|puhelinnumero|gsm', fr: 'téléphone|téléphone mobile|téléphone (bureau)|tél. mobile|numéro de téléphone',
      de: 'telefon|mobiltelefon|telefon geschäftlich|telefonnummer|handynummer', el: 'τηλέφωνο|κινητό|κινητό τηλέφωνο|τηλέφωνο εργασίας|αριθμός τηλεφώνου',
      hu: 'telefon|telefonszám|mobiltelefon|mobil|mobiltelefonszám|munkahelyi telefon', ga: 'teileafón|fón póca|uimhir theileafóin',
      it: 'telefono|cellulare|telefono ufficio|numero di telefono', lv: 'tālrunis|mobilais tālrunis|telefons|tālruņa numurs', lt: 'telefonas|mobilusis telefonas|tel. nr.|telefono numeris',
      mt: 'telefown|mowbajl|numru tat-telefown', pl: 'telefon|telefon komórkowy|komórka|telefon służbowy|numer telefonu|tel.', pt: 'telefone|telemóvel|telefone comercial|celular',
      ro: 'telefon|telefon mobil|număr de telefon|telefon serviciu', sk: 'telefón|mobil|mobilný telefón|telefón do zamestnania|telefónne číslo|číslo telefónu', sl: 'telefon|mobilni telefon|prenosni telefon|službeni telefon',
      es: 'teléfono|móvil|teléfono móvil|teléfono del trabajo', sv: 'telefon|mobiltelefon|mobil|telefonnummer|telefon arbete|arbetstelefon',
      ja: '電話番号|電話|携帯電話|携帯番号|携帯|勤務先電話', zh: '手机|电话|手机号|手机号码|电话号码|联系电话|移动电话|手機|電話',
      ko: '전화번호|휴대폰|휴대전화|핸드폰|전화|휴대폰 번호|연락처', tr: 'telefon|cep telefonu|gsm|telefon numarası|iş telefonu|cep',
      ru: 'телефон|мобильный телефон|мобильный|рабочий телефон|номер телефона|тел.', no: 'telefon|mobil|mobiltelefon|telefonnummer|arbeidstelefon',
      uk: 'телефон|мобільний телефон|мобільний|робочий телефон|номер телефону|тел.',
    },
  },
  {
    field: 'title',
    source: 'outlook',
    terms: {
      bg: 'длъжност|позиция', hr: 'radno mjesto|pozicija|funkcija|zvanje', cs: 'pozice|pracovní pozice|funkce', da: 'stilling|titel|jobtitel|stillingsbetegnelse',
      nl: 'functie|functietitel', en: 'job title|title|position', et: 'ametikoht|amet|ametinimetus', fi: 'tehtävänimike|titteli|asema|tehtävä',
      fr: 'fonction|poste|titre', de: 'position|berufsbezeichnung|funktion', el: 'θέση|ιδιότητα|θέση εργασίας|τίτλος', hu: 'beosztás|munkakör|pozíció|titulus',
      ga: 'post|teideal poist', it: 'qualifica|ruolo|posizione', lv: 'amats|ieņemamais amats', lt: 'pareigos|pareigybė', mt: 'kariga|titlu tax-xogħol',
      pl: 'stanowisko|funkcja', pt: 'cargo|função', ro: 'funcție|funcția|post', sk: 'pozícia|funkcia', sl: 'delovno mesto|položaj|funkcija',
      es: 'puesto|cargo', sv: 'befattning|titel|roll|tjänst', ja: '役職|職位|肩書き|肩書', zh: '职务|职位|头衔|岗位|職位', ko: '직책|직위|직급|직함',
      tr: 'ünvan|unvan|pozisyon|görev', ru: 'должность|позиция', no: 'stilling|tittel|rolle', uk: 'посада',
    },
  },
  {
    field: 'company',
    source: 'outlook',
    terms: {
      bg: 'фирма|компания|организация', hr: 'tvrtka|poduzeće|organizacija', cs: 'společnost|firma|organizace', da: 'firma|firmanavn|virksomhed|organisation',
      nl: 'bedrijf|organisatie|bedrijfsnaam', en: 'company|organization', et: 'ettevõte|firma|organisatsioon', fi: 'yritys|organisaatio|yhtiö',
      fr: 'société|entreprise|organisation', de: 'firma|unternehmen|organisation|firmenname', el: 'εταιρεία|επωνυμία εταιρείας|οργανισμός', hu: 'cég|cégnév|vállalat|szervezet',
      ga: 'comhlacht|cuideachta|eagraíocht', it: 'società|azienda|organizzazione|ragione sociale|denominazione', lv: 'uzņēmums|organizācija|kompānija', lt: 'įmonė|organizacija|bendrovė',
      mt: 'kumpanija|organizzazzjoni', pl: 'firma|nazwa firmy|organizacja', pt: 'empresa|organização', ro: 'companie|firmă|organizație|societate',
      sk: 'spoločnosť|firma|organizácia', sl: 'podjetje|organizacija', es: 'organización|compañía|empresa', sv: 'företag|organisation|företagsnamn',
      ja: '会社名|会社|勤務先|企業名|所属|組織', zh: '公司|公司名称|企业|企业名称|单位|工作单位|组织|公司名', ko: '회사|회사명|직장|소속|기업|기관',
      tr: 'şirket|firma|kurum|şirket adı|firma adı', ru: 'компания|организация|название компании|место работы', no: 'firma|bedrift|selskap|organisasjon|firmanavn',
      uk: 'компанія|організація|назва компанії|місце роботи',
    },
  },
  {
    field: 'domain',
    source: 'outlook',
    terms: {
      bg: 'уебсайт|уеб сайт|сайт|домейн', hr: 'web stranica|web-mjesto|domena', cs: 'webová stránka|web|doména', da: 'webside|hjemmeside|websted|domæne',
      nl: 'webpagina|website|domein', en: 'web page|website|domain', et: 'veebileht|koduleht|domeen', fi: 'verkkosivu|kotisivu|web-sivu|verkkotunnus',
      fr: 'page web|site web|domaine', de: 'webseite|homepage|domäne|website', el: 'ιστοσελίδα|ιστότοπος|τομέας', hu: 'weblap|weboldal|honlap|domain',
      ga: 'suíomh gréasáin|leathanach gréasáin', it: 'pagina web|sito web|dominio', lv: 'mājaslapa|tīmekļa vietne|domēns', lt: 'tinklalapis|svetainė|interneto svetainė|domenas',
      mt: 'sit elettroniku|paġna web', pl: 'strona www|strona internetowa|domena|www', pt: 'página web|sítio web|site|domínio', ro: 'pagină web|site web|domeniu',
      sk: 'webová stránka|web|doména', sl: 'spletna stran|domena', es: 'página web|sitio web|dominio', sv: 'webbsida|webbplats|hemsida|domän',
      ja: 'ホームページ|ウェブサイト|url|ドメイン', zh: '网站|网址|主页|域名|公司网站', ko: '웹사이트|홈페이지|도메인', tr: 'web sitesi|internet sitesi|web adresi|alan adı',
      ru: 'сайт|веб-сайт|домен|веб-страница', no: 'nettside|hjemmeside|nettsted|domene', uk: 'сайт|веб-сайт|домен|вебсторінка',
    },
  },
  // Vietnamese, Indonesian, Arabic, Hebrew, Hindi: the standard words for each field (dictionaries,
  // the localized contact forms of Android/Google Contacts and Outlook in these languages).
  { field: 'full_name', source: 'std', terms: { vi: 'họ và tên|họ tên|tên đầy đủ|tên liên hệ|người liên hệ|tên khách hàng', id: 'nama|nama lengkap|nama kontak', ar: 'الاسم|الاسم الكامل|الاسم بالكامل|اسم جهة الاتصال|الاسم الثلاثي', he: 'שם|שם מלא|איש קשר|שם איש קשר', hi: 'नाम|पूरा नाम|संपर्क नाम|संपर्क का नाम' } },
  { field: 'first_name', source: 'google', terms: { vi: 'tên|tên gọi', id: 'nama depan', ar: 'الاسم الأول', he: 'שם פרטי', hi: 'पहला नाम' } },
  { field: 'last_name', source: 'google', terms: { vi: 'họ|họ và tên đệm', id: 'nama belakang', ar: 'اسم العائلة|الكنية|اللقب', he: 'שם משפחה', hi: 'उपनाम|अंतिम नाम' } },
  { field: 'email', source: 'std', terms: { vi: 'email|thư điện tử|địa chỉ email|địa chỉ thư điện tử', id: 'email|surel|alamat email|e-mail', ar: 'البريد الإلكتروني|البريد الالكتروني|عنوان البريد الإلكتروني|الإيميل', he: 'דואר אלקטרוני|דוא"ל|אימייל|מייל|כתובת דוא"ל', hi: 'ईमेल|ईमेल पता|ई-मेल' } },
  { field: 'phone', source: 'std', terms: { vi: 'điện thoại|số điện thoại|di động|điện thoại di động|sđt', id: 'telepon|nomor telepon|no. telepon|no. hp|nomor hp|ponsel|hp|telp', ar: 'الهاتف|رقم الهاتف|الجوال|رقم الجوال|الموبايل|هاتف العمل', he: 'טלפון|טלפון נייד|נייד|מספר טלפון|טלפון בעבודה', hi: 'फ़ोन|फ़ोन नंबर|मोबाइल|मोबाइल नंबर|दूरभाष' } },
  { field: 'title', source: 'std', terms: { vi: 'chức vụ|chức danh|vị trí công việc', id: 'jabatan|posisi', ar: 'المسمى الوظيفي|الوظيفة|المنصب', he: 'תפקיד|תואר תפקיד', hi: 'पद|पदनाम|पद का नाम' } },
  { field: 'company', source: 'std', terms: { vi: 'công ty|tên công ty|doanh nghiệp|tổ chức', id: 'perusahaan|nama perusahaan|organisasi|instansi', ar: 'الشركة|اسم الشركة|جهة العمل|المؤسسة', he: 'חברה|שם החברה|ארגון|מקום עבודה', hi: 'कंपनी|कंपनी का नाम|संगठन' } },
  { field: 'domain', source: 'std', terms: { vi: 'trang web|website', id: 'situs web|situs|website', ar: 'الموقع الإلكتروني|الموقع الالكتروني', he: 'אתר|אתר אינטרנט', hi: 'वेबसाइट' } },
  // CRM wordings: the company a contact belongs to is its "account" (Salesforce, Freshsales,
  // Dynamics, SuiteCRM), and newsletter tools keep the mobile number under "SMS" (Brevo, Mailchimp).
  { field: 'company', source: 'crm', terms: { en: 'account|account name', pt: 'conta|nome da conta', es: 'cuenta|nombre de la cuenta', fr: 'compte|nom du compte', de: 'firmenkonto|accountname', it: 'nome account', nl: 'accountnaam', he: 'שם חשבון|חשבון' } },
  { field: 'phone', source: 'crm', terms: { en: 'sms|sms number|whatsapp|whatsapp number', fr: 'numéro sms', de: 'sms-nummer', es: 'número sms', pt: 'número sms' } },
  // Thai, Malay, Icelandic, Catalan and Basque: standard translations (dictionaries) and the
  // wording the carriers, registers and address books of those countries print.
  { field: 'full_name', source: 'std', terms: { th: 'ชื่อ-นามสกุล|ชื่อเต็ม|ชื่อผู้ติดต่อ', ms: 'nama|nama penuh|nama kenalan', is: 'nafn|fullt nafn|nafn tengiliðar', ca: 'nom complet|nom i cognoms', eu: 'izen osoa|izen-abizenak' } },
  { field: 'first_name', source: 'std', terms: { th: 'ชื่อ|ชื่อจริง', ms: 'nama pertama', is: 'fornafn|skírnarnafn', ca: 'nom|nom de pila', eu: 'izena' } },
  { field: 'last_name', source: 'std', terms: { th: 'นามสกุล', ms: 'nama keluarga|nama akhir', is: 'eftirnafn|kenninafn', ca: 'cognom|cognoms', eu: 'abizena|abizenak' } },
  { field: 'email', source: 'std', terms: { th: 'อีเมล|อีเมล์|ที่อยู่อีเมล', ms: 'e-mel|emel|alamat e-mel', is: 'netfang|tölvupóstur', ca: 'correu electrònic|adreça electrònica|correu', eu: 'posta elektronikoa|helbide elektronikoa|e-posta' } },
  { field: 'phone', source: 'std', terms: { th: 'โทรศัพท์|เบอร์โทรศัพท์|มือถือ|เบอร์มือถือ|หมายเลขโทรศัพท์', ms: 'telefon|nombor telefon|no. telefon|telefon bimbit|no. tel', is: 'sími|símanúmer|farsími|gsm', ca: 'telèfon|mòbil|telèfon mòbil', eu: 'telefonoa|mugikorra|telefono zenbakia' } },
  { field: 'title', source: 'std', terms: { th: 'ตำแหน่ง|ตำแหน่งงาน', ms: 'jawatan', is: 'starfsheiti|staða', ca: 'càrrec|lloc de treball', eu: 'kargua|lanpostua' } },
  { field: 'company', source: 'std', terms: { th: 'บริษัท|ชื่อบริษัท|องค์กร|หน่วยงาน', ms: 'syarikat|nama syarikat|organisasi', is: 'fyrirtæki|vinnustaður', ca: 'empresa|organització', eu: 'enpresa|erakundea' } },
  { field: 'domain', source: 'std', terms: { th: 'เว็บไซต์', ms: 'laman web|tapak web', is: 'vefsíða|heimasíða|vefur', ca: 'lloc web|web|pàgina web', eu: 'webgunea|web orria' } },
  // Serbian (Cyrillic and Latin), Macedonian, Albanian, Belarusian, Kazakh, Azerbaijani,
  // Georgian and Galician: standard translations (EU terminology (IATE) where the term is
  // there, national dictionaries and the wording of those countries' registers and bills).
  { field: 'full_name', source: 'std', terms: { sr: 'име и презиме|пуно име|контакт особа|ime i prezime|puno ime|kontakt osoba', mk: 'име и презиме|целосно име|контакт лице', sq: 'emri i plotë|emri dhe mbiemri|personi i kontaktit', be: 'імя і прозвішча|поўнае імя|кантактная асоба', kk: 'аты-жөні|толық аты|байланыс тұлғасы', az: 'ad və soyad|tam ad|əlaqə şəxsi', ka: 'სახელი და გვარი|სრული სახელი|საკონტაქტო პირი', gl: 'nome completo|nome e apelidos|persoa de contacto' } },
  { field: 'first_name', source: 'std', terms: { sr: 'име|ime', mk: 'име', sq: 'emri', be: 'імя', kk: 'аты|есімі', az: 'ad|adı', ka: 'სახელი', gl: 'nome' } },
  { field: 'last_name', source: 'std', terms: { sr: 'презиме|prezime', mk: 'презиме', sq: 'mbiemri', be: 'прозвішча', kk: 'тегі', az: 'soyad|soyadı', ka: 'გვარი', gl: 'apelidos|apelido' } },
  { field: 'email', source: 'std', terms: { sr: 'е-пошта|имејл|електронска пошта|e-pošta|imejl|elektronska pošta', mk: 'е-пошта|електронска пошта|имејл|е-мејл', sq: 'email|adresa e email|posta elektronike', be: 'электронная пошта|эл. пошта', kk: 'электрондық пошта|эл. пошта', az: 'e-poçt|elektron poçt', ka: 'ელფოსტა|ელ. ფოსტა|ელექტრონული ფოსტა', gl: 'correo electrónico|enderezo electrónico|correo-e' } },
  { field: 'phone', source: 'std', terms: { sr: 'телефон|мобилни телефон|број телефона|telefon|mobilni telefon|mobilni|broj telefona', mk: 'телефон|мобилен телефон|мобилен|телефонски број', sq: 'telefoni|celular|celulari|numri i telefonit', be: 'тэлефон|мабільны тэлефон|нумар тэлефона', kk: 'телефон|телефон нөмірі|ұялы телефон', az: 'telefon|mobil telefon|telefon nömrəsi', ka: 'ტელეფონი|მობილური|ტელეფონის ნომერი', gl: 'teléfono|móbil|teléfono móbil' } },
  { field: 'title', source: 'std', terms: { sr: 'функција|радно место|позиција|funkcija|radno mesto|pozicija', mk: 'функција|позиција|работно место', sq: 'pozicioni|funksioni|titulli i punës|detyra', be: 'пасада', kk: 'лауазымы|лауазым', az: 'vəzifə|vəzifəsi', ka: 'თანამდებობა|პოზიცია', gl: 'cargo|posto' } },
  { field: 'company', source: 'std', terms: { sr: 'предузеће|компанија|фирма|организација|preduzeće|kompanija|firma|organizacija', mk: 'компанија|фирма|организација|друштво', sq: 'kompania|shoqëria|organizata|firma', be: 'кампанія|арганізацыя|прадпрыемства', kk: 'компания|ұйым|мекеме|кәсіпорын', az: 'şirkət|təşkilat|müəssisə', ka: 'კომპანია|ორგანიზაცია', gl: 'empresa|entidade|organización' } },
  { field: 'domain', source: 'std', terms: { sr: 'веб-сајт|веб сајт|домен|web sajt|sajt|domen', mk: 'веб-страница|веб страница|домен|веб-сајт', sq: 'faqja e internetit|uebfaqja|domeni', be: 'сайт|вэб-сайт|дамен', kk: 'сайт|веб-сайт|домен', az: 'vebsayt|sayt|domen', ka: 'ვებგვერდი|საიტი|დომენი', gl: 'web|sitio web|páxina web|dominio' } },
  // wordings the held-out sets showed missing, each a standard translation or an export tool's own label:
  // "company name" in Lithuanian (std), Dolibarr's "third party" (the company a contact belongs to) in its
  // Catalan, Spanish and French labels, the customer a Slovenian accounting tool files contact persons under
  { field: 'company', source: 'std', terms: { lt: 'įmonės pavadinimas|organizacijos pavadinimas' } },
  { field: 'company', source: 'crm', terms: { ca: 'tercer', es: 'tercero', fr: 'tiers', sl: 'stranka|naziv stranke' } },
  { field: 'last_name', source: 'std', terms: { ar: 'الاسم الأخير|اسم العائلة' } },
  // Swahili (Kenya, Tanzania) and Tagalog (Filipino): standard translations (the Swahili and
  // Filipino dictionaries and the terms the Android, Google Forms and Facebook localizations
  // use) and the wording of those countries' forms, member sheets and bills.
  { field: 'full_name', source: 'std', terms: { sw: 'jina kamili|majina kamili|jina|jina la mwanachama|jina la mteja', tl: 'buong pangalan|kumpletong pangalan|pangalan at apelyido|pangalan' } },
  { field: 'first_name', source: 'std', terms: { sw: 'jina la kwanza', tl: 'unang pangalan' } },
  { field: 'last_name', source: 'std', terms: { sw: 'jina la ukoo|jina la mwisho|jina la familia', tl: 'apelyido|huling pangalan' } },
  { field: 'email', source: 'std', terms: { sw: 'barua pepe|anwani ya barua pepe', tl: 'email address|email|koreo' } },
  { field: 'phone', source: 'std', terms: { sw: 'namba ya simu|nambari ya simu|simu|simu ya mkononi|namba ya simu ya mkononi', tl: 'numero ng telepono|numero ng cellphone|telepono|cellphone|numero ng mobile|selpon' } },
  { field: 'title', source: 'std', terms: { sw: 'cheo|wadhifa|nafasi ya kazi|kazi', tl: 'posisyon|posisyon sa trabaho|katungkulan|trabaho|hanapbuhay' } },
  { field: 'company', source: 'std', terms: { sw: 'kampuni|jina la kampuni|shirika|mwajiri|taasisi', tl: 'kompanya|kumpanya|pangalan ng kompanya|pangalan ng kumpanya|pangalan ng negosyo|pinapasukan' } },
  { field: 'domain', source: 'std', terms: { sw: 'tovuti', tl: 'website' } },
  // Persian, Uzbek (Latin and Cyrillic), Armenian, Mongolian, Afrikaans, Urdu, Bengali, Nepali,
  // Tamil, Sinhala, Khmer, Amharic, Hausa, Yoruba, Kyrgyz and Tajik: the standard words for
  // each field (Wiktionary and Wikipedia translations, the Google Contacts, Google Forms and
  // Android contact labels in those languages) as forms, sheets and address books print them.
  // Afrikaans writes the surname "Van"; Mongolian "Овог" is the family (patronymic) name and
  // "Нэр" the given one.
  { field: 'full_name', source: 'std', terms: {
    fa: 'نام و نام خانوادگی|نام کامل|نام مخاطب|مخاطب|شخص رابط', uz: 'f.i.sh.|fish|to\'liq ism|ism familiya|familiya ism|ф.и.ш.|тўлиқ исм', hy: 'անուն ազգանուն|անուն, ազգանուն|ամբողջական անուն|կոնտակտային անձ',
    mn: 'овог нэр|бүтэн нэр|холбогдох хүн', af: 'volle naam|naam en van|kontakpersoon|naam', ur: 'پورا نام|مکمل نام|رابطہ شخص', bn: 'পূর্ণ নাম|নাম|পুরো নাম',
    ne: 'पूरा नाम|नाम थर|नाम', ta: 'பெயர்|முழு பெயர்|முழுப் பெயர்', si: 'සම්පූර්ණ නම|නම', km: 'ឈ្មោះ|ឈ្មោះពេញ|គោត្តនាម និងនាម', am: 'ሙሉ ስም|ስም',
    ha: 'cikakken suna', yo: 'orúkọ kíkún|orúkọ', ky: 'аты-жөнү|толук аты', tg: 'ному насаб|насаб ва ном',
  } },
  { field: 'first_name', source: 'google', terms: {
    fa: 'نام|اسم|نام کوچک', uz: 'ism|ismi|исм|исми', hy: 'անուն', mn: 'нэр|өөрийн нэр', af: 'voornaam|voorname', ur: 'پہلا نام', bn: 'প্রথম নাম|নামের প্রথম অংশ',
    ne: 'पहिलो नाम', ta: 'முதல் பெயர்', si: 'මුල් නම', km: 'នាមខ្លួន|នាម', am: 'የመጀመሪያ ስም', ha: 'suna|sunan farko', yo: 'orúkọ àkọ́kọ́', ky: 'аты', tg: 'ном',
  } },
  { field: 'last_name', source: 'google', terms: {
    fa: 'نام خانوادگی|فامیلی|نام فامیلی', uz: 'familiya|familiyasi|фамилияси', hy: 'ազգանուն', mn: 'овог|эцэг эхийн нэр', af: 'van|familienaam', ur: 'آخری نام|خاندانی نام',
    bn: 'শেষ নাম|নামের শেষ অংশ', ne: 'थर', ta: 'கடைசி பெயர்|குடும்பப் பெயர்', si: 'වාසගම', km: 'នាមត្រកូល|គោត្តនាម|ត្រកូល', am: 'የአባት ስም|የአያት ስም',
    ha: 'sunan mahaifi|sunan iyali', yo: 'orúkọ ìdílé|orúkọ baba', ky: 'фамилиясы', tg: 'насаб',
  } },
  { field: 'email', source: 'google', terms: {
    fa: 'ایمیل|پست الکترونیک|پست الکترونیکی|نشانی ایمیل|آدرس ایمیل|رایانامه', uz: 'elektron pochta|e-pochta|elektron manzil|электрон почта', hy: 'էլ. փոստ|էլփոստ|էլեկտրոնային փոստ|էլ. հասցե',
    mn: 'и-мэйл|имэйл|цахим шуудан|и-мэйл хаяг|цахим хаяг', af: 'e-pos|e-posadres|epos', ur: 'ای میل|ای میل پتہ|برقی ڈاک', bn: 'ইমেইল|ই-মেইল|ইমেল|ইমেইল ঠিকানা',
    ne: 'इमेल|ईमेल|इमेल ठेगाना', ta: 'மின்னஞ்சல்|மின்னஞ்சல் முகவரி', si: 'විද්‍යුත් තැපෑල|ඊමේල්|ඊ-මේල්|විද්‍යුත් තැපැල් ලිපිනය', km: 'អ៊ីមែល|អ៊ីម៉ែល',
    am: 'ኢሜይል|ኢሜል|የኢሜይል አድራሻ', ha: 'imel|adireshin imel', yo: 'ímeèlì|imeeli|àdírẹ́sì ímeèlì', ky: 'электрондук почта|эл. почта', tg: 'почтаи электронӣ|е-мейл',
  } },
  { field: 'phone', source: 'google', terms: {
    fa: 'تلفن|تلفن همراه|موبایل|شماره تلفن|شماره موبایل|شماره همراه|تلفن محل کار', uz: 'telefon|telefon raqami|mobil telefon|телефон рақами|мобил телефон', hy: 'հեռախոս|հեռախոսահամար|բջջային|բջջային հեռախոս|հեռախոսի համար',
    mn: 'утас|утасны дугаар|гар утас|холбоо барих утас', af: 'telefoon|selfoon|selfoonnommer|telefoonnommer|selnommer|werktelefoon', ur: 'فون|فون نمبر|موبائل|موبائل نمبر|رابطہ نمبر',
    bn: 'ফোন|ফোন নম্বর|মোবাইল|মোবাইল নম্বর', ne: 'फोन|फोन नम्बर|मोबाइल|मोबाइल नम्बर|सम्पर्क नम्बर', ta: 'தொலைபேசி|தொலைபேசி எண்|கைபேசி|கைபேசி எண்|அலைபேசி|மொபைல் எண்',
    si: 'දුරකථන අංකය|දුරකථනය|ජංගම දුරකථනය|ජංගම අංකය', km: 'ទូរស័ព្ទ|លេខទូរស័ព្ទ', am: 'ስልክ|ስልክ ቁጥር|ሞባይል', ha: 'lambar waya|waya|lambar tarho',
    yo: 'nọ́mbà fóònù|fóònù|nọ́mbà ẹ̀rọ ìbánisọ̀rọ̀', ky: 'телефон номери|мобилдик телефон', tg: 'рақами телефон|телефони мобилӣ',
  } },
  { field: 'title', source: 'crm', terms: {
    fa: 'سمت|عنوان شغلی|شغل|پست سازمانی|سمت سازمانی', uz: 'lavozim|lavozimi|лавозим|лавозими', hy: 'պաշտոն|պաշտոնը|զբաղեցրած պաշտոն', mn: 'албан тушаал|ажлын байр|албан тушаалын нэр',
    af: 'posbenaming|pos|werkstitel|amp|betrekking|beroep', ur: 'عہدہ|ملازمت کا عنوان', bn: 'পদ|পদবী|পদমর্যাদা', ne: 'पद|पदनाम', ta: 'பதவி|பணி', si: 'තනතුර', km: 'តួនាទី|មុខតំណែង',
    am: 'የሥራ መደብ|ማዕረግ|ኃላፊነት', ha: 'mukami|matsayi', yo: 'ipò|ipò iṣẹ́', ky: 'кызматы|кызмат орду', tg: 'вазифа|мансаб',
  } },
  { field: 'company', source: 'crm', terms: {
    fa: 'شرکت|نام شرکت|سازمان|نام سازمان|محل کار', uz: 'kompaniya|tashkilot|korxona|ish joyi|компания|ташкилот|корхона|иш жойи', hy: 'ընկերություն|կազմակերպություն|աշխատավայր|ընկերության անվանում',
    mn: 'байгууллага|компани|ажлын газар|байгууллагын нэр', af: 'maatskappy|besigheid|onderneming|werkgewer|organisasie', ur: 'کمپنی|ادارہ|تنظیم|کمپنی کا نام',
    bn: 'প্রতিষ্ঠান|কোম্পানি|প্রতিষ্ঠানের নাম|কোম্পানির নাম|সংস্থা', ne: 'कम्पनी|संस्था|कम्पनीको नाम|कार्यालय', ta: 'நிறுவனம்|நிறுவனத்தின் பெயர்|அமைப்பு',
    si: 'ආයතනය|සමාගම|ආයතනයේ නම', km: 'ក្រុមហ៊ុន|ស្ថាប័ន', am: 'ድርጅት|ኩባንያ|መሥሪያ ቤት|የድርጅቱ ስም', ha: 'kamfani|sunan kamfani|wurin aiki',
    yo: 'ilé-iṣẹ́|ilé iṣẹ́|orúkọ ilé-iṣẹ́', ky: 'уюм|компания|иш орду', tg: 'ширкат|ташкилот|ҷои кор',
  } },
  { field: 'domain', source: 'std', terms: {
    fa: 'وب سایت|وبسایت|سایت|دامنه', uz: 'veb-sayt|vebsayt|sayt|веб-сайт', hy: 'կայք|վեբ կայք|կայքէջ', mn: 'вэб сайт|вэбсайт|цахим хуудас', af: 'webwerf|webtuiste',
    ur: 'ویب سائٹ', bn: 'ওয়েবসাইট', ne: 'वेबसाइट', ta: 'இணையதளம்|வலைத்தளம்', si: 'වෙබ් අඩවිය', km: 'គេហទំព័រ', am: 'ድረ ገጽ|ድረገጽ|ዌብሳይት',
    ha: 'shafin yanar gizo', yo: 'ojú òpó wẹ́ẹ̀bù|wẹ́ẹ̀bù', ky: 'веб-сайт', tg: 'сомона|вебсайт',
  } },
  // Marathi, Telugu, Gujarati, Punjabi (Gurmukhi), Malayalam, Kannada, Lao, Burmese, Zulu and
  // Pashto: standard translations (Wiktionary, the Android call-log and contact labels in those
  // languages) as carriers' apps (Jio, Airtel, Vi, Lao Telecom, MPT, Vodacom, Roshan) print them.
  { field: 'full_name', source: 'std', terms: { mr: 'पूर्ण नाव|नाव', te: 'పూర్తి పేరు|పేరు', gu: 'પૂરું નામ|નામ', pa: 'ਪੂਰਾ ਨਾਮ|ਨਾਮ', ml: 'മുഴുവൻ പേര്|പേര്', kn: 'ಪೂರ್ಣ ಹೆಸರು|ಹೆಸರು', lo: 'ຊື່ ແລະ ນາມສະກຸນ|ຊື່ເຕັມ', my: 'အမည်|အမည်အပြည့်အစုံ', zu: 'igama eliphelele|igama nesibongo', ps: 'بشپړ نوم|نوم' } },
  { field: 'first_name', source: 'google', terms: { mr: 'पहिले नाव', te: 'మొదటి పేరు', gu: 'પ્રથમ નામ', pa: 'ਪਹਿਲਾ ਨਾਮ', ml: 'ആദ്യ പേര്', kn: 'ಮೊದಲ ಹೆಸರು', lo: 'ຊື່', my: 'ပထမအမည်', zu: 'igama', ps: 'لومړی نوم' } },
  { field: 'last_name', source: 'google', terms: { mr: 'आडनाव', te: 'ఇంటి పేరు|చివరి పేరు', gu: 'અટક', pa: 'ਆਖਰੀ ਨਾਮ|ਗੋਤ', ml: 'കുടുംബപ്പേര്|അവസാന പേര്', kn: 'ಕೊನೆಯ ಹೆಸರು|ಉಪನಾಮ', lo: 'ນາມສະກຸນ', my: 'မိသားစုအမည်', zu: 'isibongo', ps: 'تخلص|کورنی نوم' } },
  { field: 'email', source: 'google', terms: { mr: 'ईमेल|ई-मेल', te: 'ఇమెయిల్|ఈమెయిల్', gu: 'ઈમેલ|ઇમેઇલ', pa: 'ਈਮੇਲ', ml: 'ഇമെയിൽ', kn: 'ಇಮೇಲ್', lo: 'ອີເມວ', my: 'အီးမေးလ်', zu: 'i-imeyili|imeyili', ps: 'برېښنالیک|ایمیل' } },
  { field: 'phone', source: 'google', terms: { mr: 'फोन|फोन नंबर|मोबाईल|मोबाईल नंबर|दूरध्वनी', te: 'ఫోన్|ఫోన్ నంబర్|మొబైల్ నంబర్', gu: 'ફોન|ફોન નંબર|મોબાઇલ નંબર', pa: 'ਫ਼ੋਨ|ਫ਼ੋਨ ਨੰਬਰ|ਮੋਬਾਈਲ ਨੰਬਰ', ml: 'ഫോൺ|ഫോൺ നമ്പർ|മൊബൈൽ നമ്പർ', kn: 'ಫೋನ್|ಫೋನ್ ಸಂಖ್ಯೆ|ಮೊಬೈಲ್ ಸಂಖ್ಯೆ', lo: 'ເບີໂທ|ເບີໂທລະສັບ|ໂທລະສັບ', my: 'ဖုန်း|ဖုန်းနံပါတ်', zu: 'ucingo|inombolo yocingo|iselula|inombolo yeselula', ps: 'تلیفون|ټیلیفون|د تلیفون شمېره|موبایل' } },
  { field: 'title', source: 'crm', terms: { mr: 'पद|हुद्दा', te: 'హోదా|పదవి', gu: 'હોદ્દો', pa: 'ਅਹੁਦਾ', ml: 'തസ്തിക|പദവി', kn: 'ಹುದ್ದೆ', lo: 'ຕຳແໜ່ງ', my: 'ရာထူး', zu: 'isikhundla', ps: 'دنده|عنوان' } },
  { field: 'company', source: 'crm', terms: { mr: 'कंपनी|संस्था|कंपनीचे नाव', te: 'కంపెనీ|సంస్థ', gu: 'કંપની|સંસ્થા', pa: 'ਕੰਪਨੀ|ਸੰਸਥਾ', ml: 'കമ്പനി|സ്ഥാപനം', kn: 'ಕಂಪನಿ|ಸಂಸ್ಥೆ', lo: 'ບໍລິສັດ|ອົງກອນ', my: 'ကုမ္ပဏီ|အဖွဲ့အစည်း', zu: 'inkampani|inhlangano', ps: 'شرکت|اداره|کمپنۍ' } },
  { field: 'domain', source: 'std', terms: { mr: 'वेबसाइट|संकेतस्थळ', te: 'వెబ్‌సైట్', gu: 'વેબસાઇટ', pa: 'ਵੈੱਬਸਾਈਟ', ml: 'വെബ്സൈറ്റ്', kn: 'ಜಾಲತಾಣ|ವೆಬ್‌ಸೈಟ್', lo: 'ເວັບໄຊ', my: 'ဝက်ဘ်ဆိုက်', zu: 'iwebhusayithi', ps: 'وېبپاڼه|ویب پاڼه' } },
  // Nepali writes the genitive on the word ("संस्थाको नाम", the organisation's name), as member
  // lists of chambers and associations head the member's company
  { field: 'company', source: 'register', terms: { ne: 'संस्थाको नाम|संस्थाको|फर्मको नाम' } },
  // Welsh: the standard terms of the Welsh Government's term bank (TermCymru) and the Welsh
  // interfaces of Microsoft and Google, as public bodies' and events' registration forms print them
  { field: 'full_name', source: 'std', terms: { cy: 'enw llawn|enw' } },
  { field: 'first_name', source: 'std', terms: { cy: 'enw cyntaf|enw bedydd' } },
  { field: 'last_name', source: 'std', terms: { cy: 'cyfenw' } },
  { field: 'email', source: 'std', terms: { cy: 'e-bost|cyfeiriad e-bost' } },
  { field: 'phone', source: 'std', terms: { cy: 'ffôn|rhif ffôn|ffôn symudol|rhif ffôn symudol' } },
  { field: 'title', source: 'std', terms: { cy: 'swydd|teitl swydd|teitl y swydd|rôl' } },
  { field: 'company', source: 'std', terms: { cy: 'sefydliad|cwmni|enw\'r cwmni|enw\'r sefydliad' } },
  { field: 'domain', source: 'std', terms: { cy: 'gwefan' } },
  // Sorani Kurdish (ckb, Arabic script), Turkmen, Somali and Faroese: standard translations
  // (Wiktionary, the Android contact labels in those languages) as forms and member lists print them
  { field: 'full_name', source: 'std', terms: { ckb: 'ناوی تەواو|ناو|ناوی سیانی', tk: 'doly ady|ady we familiýasy|ady familiýasy|f.a.a.', so: 'magaca oo buuxa|magaca buuxa|magaca', fo: 'fult navn|navn' } },
  { field: 'first_name', source: 'google', terms: { ckb: 'ناوی یەکەم', tk: 'ady', so: 'magaca koowaad|magaca hore', fo: 'fornavn' } },
  { field: 'last_name', source: 'google', terms: { ckb: 'ناوی کۆتایی|نازناو|ناوی خێزان', tk: 'familiýasy|familiýa', so: 'magaca qoyska|magaca dambe', fo: 'eftirnavn|ættarnavn' } },
  { field: 'email', source: 'google', terms: { ckb: 'ئیمەیڵ|پۆستی ئەلیکترۆنی', tk: 'e-poçta|elektron poçta', so: 'iimayl|iimeel', fo: 'teldupostur|t-postur' } },
  { field: 'phone', source: 'google', terms: { ckb: 'ژمارەی تەلەفۆن|تەلەفۆن|مۆبایل|ژمارەی مۆبایل', tk: 'telefon|telefon belgisi|mobil telefon|el telefony', so: 'telefoon|taleefan|lambarka telefoonka|mobaayil', fo: 'telefon|telefonnummar|fartelefon' } },
  { field: 'title', source: 'crm', terms: { ckb: 'پۆست|پلە|ناونیشانی کار', tk: 'wezipesi|wezipe', so: 'xilka|jagada', fo: 'starv|starvsheiti' } },
  { field: 'company', source: 'crm', terms: { ckb: 'کۆمپانیا|ناوی کۆمپانیا|دامەزراوە', tk: 'kärhana|kompaniýa|gurama|iş ýeri', so: 'shirkadda|magaca shirkadda|hay\'adda', fo: 'fyritøka|felag|arbeiðsgevari' } },
  { field: 'domain', source: 'std', terms: { ckb: 'ماڵپەڕ|وێبسایت', tk: 'web sahypa|saýt', so: 'websaydh|bogga internetka', fo: 'heimasíða|vevsíða' } },
  // the person of an exhibitor's or supplier's sheet ("contact person") and the member's firm as
  // Indic member lists write it: the firm's name with the genitive on the word ("પેઢીનું નામ",
  // "ਫਰਮ ਦਾ ਨਾਮ", "സ്ഥാപനത്തിന്റെ പേര്"); Zulu "indawo yokusebenza" (the place of work); an event
  // or conference registration's "Affiliation" (Whova, Cvent, ORCID), the attendee's employer
  { field: 'full_name', source: 'crm', terms: { pa: 'ਸੰਪਰਕ ਵਿਅਕਤੀ', gu: 'સંપર્ક વ્યક્તિ', mr: 'संपर्क व्यक्ती', ml: 'ബന്ധപ്പെടേണ്ട വ്യക്തി' } },
  { field: 'company', source: 'register', terms: { gu: 'પેઢીનું નામ|પેઢી', pa: 'ਫਰਮ ਦਾ ਨਾਮ|ਫਰਮ', ml: 'സ്ഥാപനത്തിന്റെ പേര്|കമ്പനിയുടെ പേര്', mr: 'फर्मचे नाव|फर्म' } },
  { field: 'company', source: 'crm', terms: { zu: 'indawo yokusebenza', en: 'affiliation' } },
  // a form's or member list's place of work ("Arbeidssted / institusjon", "Arbetsplats",
  // "Arbeitsstelle", Yoruba "Ibi iṣẹ́"): the employer, as the contact's company
  { field: 'company', source: 'crm', terms: { yo: 'ibi iṣẹ́|ibi iṣẹ', no: 'arbeidssted|arbeidsplass|institusjon', sv: 'arbetsplats|arbetsgivare', da: 'arbejdssted|arbejdsplads|arbejdsgiver', de: 'arbeitsstelle|arbeitsplatz|arbeitgeber', nl: 'werkplek|werkgever', fi: 'työpaikka|työnantaja', is: 'vinnustaður' } },
];
