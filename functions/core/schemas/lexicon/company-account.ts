import type { LexiconBlock } from './lexicon-types.ts';

/** Header wordings for the `company_account` schema's fields in 49 languages (see lexicon-types.ts for the source tags). */
export const COMPANY_ACCOUNT_LEXICON: readonly LexiconBlock[] = [
  {
    field: 'name',
    source: 'register',
    terms: {
      bg: 'име|наименование|фирма|име на фирмата|наименование на търговеца', hr: 'naziv|naziv tvrtke|tvrtka|ime tvrtke', cs: 'název|obchodní firma|název firmy|firma|společnost|název společnosti',
      da: 'navn|firmanavn|virksomhedsnavn|virksomhed|firma', nl: 'naam|bedrijfsnaam|handelsnaam|statutaire naam|bedrijf', en: 'company name|account name|name|company|account|organization',
      et: 'nimi|ärinimi|ettevõtte nimi|ettevõte', fi: 'nimi|yrityksen nimi|toiminimi|yritys|yhtiö', fr: 'raison sociale|dénomination|nom de l\'entreprise|société|entreprise',
      de: 'firma|firmenname|unternehmen|unternehmensname|name', el: 'επωνυμία|επωνυμία εταιρείας|εταιρεία|όνομα εταιρείας|διακριτικός τίτλος', hu: 'név|cégnév|cég neve|cég|vállalat|vállalkozás neve',
      ga: 'ainm|ainm an chomhlachta|comhlacht', it: 'ragione sociale|denominazione|azienda|nome azienda|società', lv: 'nosaukums|uzņēmuma nosaukums|firma|uzņēmums',
      lt: 'pavadinimas|įmonės pavadinimas|įmonė|bendrovė', mt: 'isem|isem tal-kumpanija|kumpanija', pl: 'nazwa|nazwa firmy|firma|nazwa przedsiębiorstwa|przedsiębiorstwo',
      pt: 'denominação|nome da empresa|empresa|firma|razão social', ro: 'denumire|denumire firmă|firmă|companie|societate|nume firmă', sk: 'názov|obchodné meno|názov firmy|firma|spoločnosť',
      sl: 'naziv|ime podjetja|firma|podjetje', es: 'razón social|denominación|nombre de la empresa|empresa|compañía', sv: 'namn|företagsnamn|företag|firma|bolag|bolagsnamn',
      ja: '会社名|企業名|社名|商号|法人名|名称', zh: '公司名称|企业名称|公司|企业|单位名称|名称|客户名称', ko: '회사명|회사|기업명|상호|법인명|업체명|기업',
      tr: 'firma adı|şirket adı|firma|şirket|unvan|ticaret unvanı', ru: 'наименование|название компании|компания|организация|название|наименование организации',
      no: 'navn|firmanavn|foretaksnavn|selskap|bedrift|virksomhet', uk: 'найменування|назва компанії|компанія|організація|назва',
    },
  },
  {
    field: 'domain',
    source: 'register',
    terms: {
      bg: 'уебсайт|сайт|интернет страница|домейн', hr: 'web stranica|web|domena|internetska stranica', cs: 'web|www|webová stránka|doména', da: 'hjemmeside|webside|websted|domæne',
      nl: 'website|webadres|domein', en: 'website|domain|web|url', et: 'veebileht|koduleht|veebiaadress|domeen', fi: 'kotisivu|verkkosivut|www-osoite|verkkotunnus',
      fr: 'site web|site internet|domaine', de: 'webseite|internetseite|homepage|domain|website', el: 'ιστοσελίδα|ιστότοπος|διαδικτυακός τόπος', hu: 'weboldal|honlap|weblap|domain',
      ga: 'suíomh gréasáin', it: 'sito web|sito internet|dominio', lv: 'mājaslapa|tīmekļa vietne|interneta vietne', lt: 'svetainė|tinklalapis|interneto svetainė',
      mt: 'sit elettroniku|sit web', pl: 'strona www|strona internetowa|www|domena', pt: 'sítio web|website|site|domínio', ro: 'site web|pagină web|domeniu', sk: 'web|webová stránka|doména',
      sl: 'spletna stran|spletno mesto|domena', es: 'sitio web|página web|web|dominio', sv: 'webbplats|hemsida|webbadress|domän',
      ja: 'ホームページ|ウェブサイト|url|ホームページurl|ドメイン', zh: '网站|网址|官网|域名|公司网站', ko: '홈페이지|웹사이트|도메인', tr: 'web sitesi|web adresi|internet sitesi|alan adı',
      ru: 'сайт|веб-сайт|домен|адрес сайта', no: 'hjemmeside|nettside|nettsted|nettadresse|domene', uk: 'сайт|веб-сайт|домен|адреса сайту',
    },
  },
  {
    field: 'industry',
    source: 'register',
    terms: {
      bg: 'отрасъл|сектор|дейност|икономическа дейност', hr: 'djelatnost|industrija|sektor|grana', cs: 'obor|odvětví|činnost|obor činnosti|převažující činnost',
      da: 'branche|branchekode|sektor|erhverv', nl: 'branche|sector|sbi omschrijving|bedrijfstak', en: 'industry|sector|vertical|line of business',
      et: 'tegevusala|valdkond|sektor|emtak tegevusala', fi: 'toimiala|ala|teollisuudenala|toimialakoodin kuvaus', fr: 'secteur d\'activité|activité|libellé naf|branche',
      de: 'branche|wirtschaftszweig|tätigkeit|sektor', el: 'κλάδος|δραστηριότητα|τομέας|κύρια δραστηριότητα', hu: 'iparág|ágazat|tevékenység|főtevékenység|szektor',
      ga: 'earnáil|tionscal', it: 'settore|attività|settore di attività|comparto', lv: 'nozare|darbības joma|pamatdarbība', lt: 'sektorius|veiklos sritis|pramonės šaka|veikla',
      mt: 'settur|industrija', pl: 'branża|sektor|przeważająca działalność|pkd opis|rodzaj działalności', pt: 'setor|sector|atividade|ramo de atividade|indústria',
      ro: 'domeniu|industrie|sector|domeniu de activitate|cod caen descriere', sk: 'odvetvie|odbor|činnosť|predmet činnosti', sl: 'dejavnost|panoga|sektor|industrija',
      es: 'sector|industria|actividad|rubro|cnae descripción', sv: 'bransch|sektor|verksamhet|näringsgren|sni',
      ja: '業種|業界|業種分類|事業内容|産業', zh: '行业|所属行业|行业类别|产业|领域|經營範圍', ko: '업종|산업|업태|분야|산업군', tr: 'sektör|faaliyet alanı|endüstri|iş kolu|faaliyet',
      ru: 'отрасль|сфера деятельности|вид деятельности|индустрия|оквэд расшифровка', no: 'bransje|næring|næringskode|sektor|næringskode beskrivelse', uk: 'галузь|сфера діяльності|вид діяльності|квед опис',
    },
  },
  {
    // business listings and store databases file a firm under its categories (Google Business
    // Profile's "Primary category", Yelp's "Categories", e-commerce store lists)
    field: 'industry',
    source: 'listing',
    terms: { en: 'category|categories|business category|primary category|main category' },
  },
  {
    field: 'employee_count',
    source: 'register',
    terms: {
      bg: 'брой служители|служители|персонал|численост на персонала', hr: 'broj zaposlenih|zaposlenici|broj zaposlenika', cs: 'počet zaměstnanců|zaměstnanci|velikost firmy',
      da: 'antal ansatte|ansatte|medarbejdere|antal medarbejdere', nl: 'aantal medewerkers|aantal werknemers|medewerkers|werknemers|personeel',
      en: 'employees|employee count|headcount|number of employees|staff|company size', et: 'töötajate arv|töötajad|töötajate arv kokku', fi: 'henkilöstö|henkilöstömäärä|työntekijät|työntekijöiden määrä|henkilökunta',
      fr: 'effectif|effectifs|nombre d\'employés|nombre de salariés|tranche d\'effectif', de: 'mitarbeiter|mitarbeiterzahl|anzahl mitarbeiter|beschäftigte|angestellte|mitarbeiterklasse|beschäftigtenklasse|beschäftigtengrößenklasse',
      el: 'αριθμός εργαζομένων|εργαζόμενοι|προσωπικό', hu: 'létszám|alkalmazottak száma|foglalkoztatottak|dolgozók száma|munkavállalók',
      ga: 'líon fostaithe|fostaithe', it: 'dipendenti|numero dipendenti|addetti|numero addetti', lv: 'darbinieku skaits|darbinieki|nodarbināto skaits',
      lt: 'darbuotojų skaičius|darbuotojai|darbuotojų sk.', mt: 'impjegati|numru ta\' impjegati', pl: 'liczba pracowników|pracownicy|zatrudnienie|wielkość zatrudnienia',
      pt: 'número de funcionários|funcionários|colaboradores|n.º de trabalhadores|trabalhadores', ro: 'număr angajați|angajați|nr. angajați|număr salariați|salariați',
      sk: 'počet zamestnancov|zamestnanci', sl: 'število zaposlenih|zaposleni', es: 'número de empleados|empleados|plantilla|trabajadores', sv: 'antal anställda|anställda|medarbetare|antal medarbetare',
      ja: '従業員数|従業員|社員数|職員数', zh: '员工人数|员工数|员工数量|人数|公司规模|員工人數', ko: '직원수|직원 수|임직원수|종업원수|사원수',
      tr: 'çalışan sayısı|personel sayısı|çalışanlar|personel', ru: 'численность сотрудников|количество сотрудников|сотрудники|численность|штат|среднесписочная численность',
      no: 'antall ansatte|ansatte|medarbeidere', uk: 'кількість працівників|кількість співробітників|працівники|співробітники|штат',
    },
  },
  {
    field: 'annual_revenue',
    source: 'register',
    terms: {
      bg: 'оборот|приходи|нетни приходи от продажби|годишен оборот', hr: 'prihod|promet|ukupni prihod|godišnji prihod', cs: 'obrat|tržby|roční obrat|výnosy',
      da: 'omsætning|årsomsætning|nettoomsætning', nl: 'omzet|jaaromzet|netto-omzet', en: 'annual revenue|revenue|turnover|sales|revenue range',
      et: 'käive|müügitulu|aastakäive', fi: 'liikevaihto|vuosiliikevaihto|myynti', fr: 'chiffre d\'affaires|ca|ca annuel', de: 'umsatz|jahresumsatz|umsatzerlöse|umsatzklasse|umsatzgrößenklasse',
      el: 'κύκλος εργασιών|τζίρος|έσοδα|ετήσιος κύκλος εργασιών', hu: 'árbevétel|nettó árbevétel|éves árbevétel|forgalom', ga: 'láimhdeachas|ioncam',
      it: 'fatturato|ricavi|fatturato annuo', lv: 'apgrozījums|neto apgrozījums|ieņēmumi', lt: 'apyvarta|pajamos|metinė apyvarta|pardavimo pajamos', mt: 'dħul|fatturat',
      pl: 'przychód|przychody|obroty|roczny przychód|przychody ze sprzedaży', pt: 'volume de negócios|faturação|faturamento|receita|receita anual',
      ro: 'cifra de afaceri|cifră de afaceri|venituri', sk: 'obrat|tržby|ročný obrat|výnosy', sl: 'prihodki|promet|čisti prihodki od prodaje',
      es: 'facturación|ingresos|volumen de negocio|ventas', sv: 'omsättning|nettoomsättning|årsomsättning', ja: '売上高|売上|年商|売上規模|営業収益',
      zh: '营业收入|营收|年营业额|营业额|销售额|年收入|營業收入', ko: '매출액|매출|연매출|연간 매출', tr: 'ciro|yıllık ciro|gelir|satışlar|net satışlar',
      ru: 'выручка|оборот|годовой оборот|доход', no: 'omsetning|driftsinntekter|årsomsetning', uk: 'виручка|оборот|дохід|річний оборот',
    },
  },
  {
    field: 'technologies',
    source: 'crm',
    terms: {
      bg: 'технологии', hr: 'tehnologije', cs: 'technologie', da: 'teknologier', nl: 'technologieën', en: 'technologies|tech stack', et: 'tehnoloogiad', fi: 'teknologiat',
      fr: 'technologies', de: 'technologien', el: 'τεχνολογίες', hu: 'technológiák', ga: 'teicneolaíochtaí', it: 'tecnologie', lv: 'tehnoloģijas', lt: 'technologijos',
      mt: 'teknoloġiji', pl: 'technologie', pt: 'tecnologias', ro: 'tehnologii', sk: 'technológie', sl: 'tehnologije', es: 'tecnologías', sv: 'teknologier|tekniker',
      ja: '使用技術|技術スタック|テクノロジー', zh: '技术栈|使用技术|技术', ko: '기술 스택|사용 기술|기술', tr: 'teknolojiler|kullanılan teknolojiler', ru: 'технологии|стек технологий',
      no: 'teknologier', uk: 'технології',
    },
  },
  {
    field: 'country',
    source: 'register',
    terms: {
      bg: 'държава|страна', hr: 'država|zemlja', cs: 'země|stát', da: 'land', nl: 'land', en: 'country|country/region', et: 'riik', fi: 'maa|valtio', fr: 'pays',
      de: 'land|staat', el: 'χώρα', hu: 'ország', ga: 'tír', it: 'paese|nazione|stato', lv: 'valsts', lt: 'šalis|valstybė', mt: 'pajjiż', pl: 'kraj|państwo',
      pt: 'país', ro: 'țară|tara', sk: 'krajina|štát', sl: 'država', es: 'país', sv: 'land', ja: '国|国名|国・地域', zh: '国家|国家/地区|國家', ko: '국가|나라',
      tr: 'ülke', ru: 'страна', no: 'land', uk: 'країна',
    },
  },
  {
    field: 'city',
    source: 'register',
    terms: {
      bg: 'град|населено място', hr: 'grad|mjesto', cs: 'město|obec|sídlo', da: 'by|postdistrikt', nl: 'plaats|woonplaats|vestigingsplaats|stad', en: 'city|town|hq city',
      et: 'linn|asula', fi: 'kaupunki|paikkakunta|postitoimipaikka|kotipaikka', fr: 'ville|localité|commune', de: 'ort|stadt|sitz', el: 'πόλη|έδρα', hu: 'város|település|székhely',
      ga: 'cathair|baile', it: 'città|comune|località', lv: 'pilsēta|novads', lt: 'miestas|savivaldybė', mt: 'belt|lokalità', pl: 'miasto|miejscowość|siedziba',
      pt: 'cidade|localidade|concelho', ro: 'oraș|localitate|municipiu', sk: 'mesto|obec|sídlo', sl: 'mesto|kraj|pošta', es: 'ciudad|localidad|población|municipio',
      sv: 'ort|stad|postort|säte', ja: '市区町村|市町村|都市|所在地', zh: '城市|所在城市', ko: '도시|시군구|소재지', tr: 'şehir|il|kent', ru: 'город|населённый пункт',
      no: 'poststed|by|sted|kommune', uk: 'місто|населений пункт',
    },
  },
  // Vietnamese, Indonesian, Arabic, Hebrew, Hindi: the words of those countries' business
  // registers and directories (tên doanh nghiệp, nama perusahaan, اسم المنشأة, שם החברה, कंपनी का नाम).
  { field: 'name', source: 'register', terms: { vi: 'tên công ty|tên doanh nghiệp|công ty|doanh nghiệp', id: 'nama perusahaan|perusahaan|nama badan usaha', ar: 'اسم الشركة|الشركة|اسم المنشأة|المنشأة', he: 'שם החברה|חברה|שם חברה', hi: 'कंपनी का नाम|कंपनी' } },
  { field: 'domain', source: 'std', terms: { vi: 'trang web|website', id: 'situs web|website', ar: 'الموقع الإلكتروني|الموقع الالكتروني', he: 'אתר|אתר אינטרנט', hi: 'वेबसाइट' } },
  { field: 'industry', source: 'register', terms: { vi: 'ngành nghề|ngành|lĩnh vực|ngành nghề kinh doanh|lĩnh vực hoạt động', id: 'industri|bidang usaha|sektor|kegiatan usaha', ar: 'النشاط|القطاع|الصناعة|النشاط الرئيسي|نوع النشاط', he: 'ענף|תחום|תעשייה|תחום פעילות', hi: 'उद्योग|व्यवसाय का प्रकार|क्षेत्र' } },
  { field: 'employee_count', source: 'register', terms: { vi: 'số lao động|số nhân viên|quy mô nhân sự|nhân sự', id: 'jumlah karyawan|karyawan|jumlah pegawai', ar: 'عدد الموظفين|عدد العاملين|الموظفين', he: 'מספר עובדים|עובדים', hi: 'कर्मचारी|कर्मचारियों की संख्या' } },
  { field: 'annual_revenue', source: 'register', terms: { vi: 'doanh thu|doanh thu năm', id: 'pendapatan|omzet|pendapatan tahunan', ar: 'الإيرادات|المبيعات|رقم الأعمال|الإيرادات السنوية', he: 'מחזור|מחזור מכירות|הכנסות', hi: 'राजस्व|कारोबार|वार्षिक राजस्व' } },
  { field: 'technologies', source: 'std', terms: { vi: 'công nghệ', id: 'teknologi', ar: 'التقنيات', he: 'טכנולוגיות', hi: 'प्रौद्योगिकी' } },
  { field: 'country', source: 'std', terms: { vi: 'quốc gia', id: 'negara', ar: 'الدولة|البلد', he: 'מדינה|ארץ', hi: 'देश' } },
  { field: 'city', source: 'std', terms: { vi: 'thành phố|tỉnh/thành phố|tỉnh thành', id: 'kota|kabupaten/kota', ar: 'المدينة', he: 'עיר|יישוב', hi: 'शहर|नगर' } },
  // Register wordings: the activity as its classification's label (NACE and its national
  // versions: WZ, NAF, ATECO, SBI, CNAE; SIC, NIC), the registered seat as the city, the
  // headcount as "persons employed" (the KvK's and Eurostat's term).
  { field: 'industry', source: 'register', terms: { en: 'principal business activity|main activity|primary activity|nace description|nace rev 2 main section|sic description|naics description', it: 'descrizione ateco|attività prevalente', fr: 'libellé naf|activité principale|libellé ape', de: 'wz beschreibung|haupttätigkeit|tätigkeit', es: 'descripción cnae|actividad principal', pt: 'atividade principal|descrição cnae', lv: 'darbības veids|nace', nl: 'activiteit|hoofdactiviteit|sbi-omschrijving' } },
  // Poland's PKD (its NACE): rejestr.io, KRS and REGON extracts print the main one as "PKD przeważające"
  { field: 'industry', source: 'register', terms: { pl: 'pkd przeważające|przeważające pkd|przeważający kod pkd|pkd' } },
  { field: 'city', source: 'register', terms: { bg: 'седалище', de: 'sitz', fr: 'siège|siège social', it: 'sede|sede legale', es: 'domicilio social|sede', pt: 'sede|município', pl: 'siedziba', cs: 'sídlo', sk: 'sídlo', ro: 'sediu|localitate' } },
  // Hungary's income statement names its first line "Értékesítés nettó árbevétele" (the Accounting
  // Act's profit and loss schedule); OPTEN, e-beszamolo.im.gov.hu and céginformáció lists print it so
  { field: 'annual_revenue', source: 'register', terms: { hu: 'értékesítés nettó árbevétele|nettó árbevétele|árbevétele' } },
  { field: 'employee_count', source: 'register', terms: { nl: 'werkzame personen|aantal werkzame personen', en: 'persons employed|number of persons employed', de: 'tätige personen|beschäftigte', fr: 'effectif|effectifs salariés' } },
  // Thai, Malay, Icelandic, Catalan and Basque: standard translations (dictionaries) and the
  // wording the carriers, registers and address books of those countries print.
  { field: 'name', source: 'register', terms: { th: 'ชื่อบริษัท|ชื่อนิติบุคคล|บริษัท|ชื่อกิจการ', ms: 'nama syarikat|syarikat|nama perniagaan', is: 'nafn|fyrirtæki|heiti', ca: 'raó social|nom de l\'empresa|empresa|denominació', eu: 'izena|enpresaren izena|enpresa' } },
  { field: 'domain', source: 'std', terms: { th: 'เว็บไซต์', ms: 'laman web|tapak web', is: 'vefsíða|heimasíða|vefur', ca: 'lloc web|web|pàgina web', eu: 'webgunea|web orria' } },
  { field: 'industry', source: 'register', terms: { th: 'ประเภทธุรกิจ|อุตสาหกรรม|หมวดธุรกิจ', ms: 'industri|sektor|jenis perniagaan|bidang perniagaan', is: 'atvinnugrein|starfsemi', ca: 'activitat|sector|activitat principal', eu: 'jarduera|sektorea|jarduera nagusia' } },
  { field: 'employee_count', source: 'register', terms: { th: 'จำนวนพนักงาน|พนักงาน', ms: 'bilangan pekerja|pekerja|jumlah pekerja', is: 'fjöldi starfsmanna|starfsmenn|starfsmannafjöldi', ca: 'nombre de treballadors|treballadors|empleats|nombre d\'empleats', eu: 'langile kopurua|langileak' } },
  { field: 'annual_revenue', source: 'register', terms: { th: 'รายได้|รายได้รวม|ยอดขาย', ms: 'hasil|hasil tahunan|pendapatan|jualan', is: 'velta|tekjur|rekstrartekjur', ca: 'facturació|volum de negoci|ingressos', eu: 'fakturazioa|negozio zifra|diru-sarrerak' } },
  { field: 'technologies', source: 'std', terms: { th: 'เทคโนโลยี', ms: 'teknologi', is: 'tækni', ca: 'tecnologies', eu: 'teknologiak' } },
  { field: 'country', source: 'std', terms: { th: 'ประเทศ', ms: 'negara', is: 'land|ríki', ca: 'país', eu: 'herrialdea|estatua' } },
  { field: 'city', source: 'std', terms: { th: 'เมือง', ms: 'bandar|bandaraya', is: 'staður|sveitarfélag|bær', ca: 'municipi|població|ciutat|localitat', eu: 'herria|udalerria|hiria' } },
  // Serbian (Cyrillic and Latin), Macedonian, Albanian, Belarusian, Kazakh, Azerbaijani,
  // Georgian and Galician: standard translations (EU terminology (IATE) where the term is
  // there, national dictionaries and the wording of those countries' registers and bills).
  { field: 'name', source: 'register', terms: { sr: 'пословно име|назив|назив предузећа|име фирме|poslovno ime|naziv|naziv preduzeća|ime firme', mk: 'назив|име на компанија|назив на субјектот|целосен назив', sq: 'emri i subjektit|emri|emërtimi|emri i kompanisë|emri tregtar', be: 'назва|найменне|назва кампаніі', kk: 'атауы|атау|компания атауы|ұйым атауы', az: 'adı|şirkətin adı|təşkilatın adı', ka: 'დასახელება|კომპანიის სახელი|სახელწოდება', gl: 'razón social|nome da empresa|denominación' } },
  { field: 'domain', source: 'std', terms: { sr: 'веб-сајт|веб сајт|интернет страница|web sajt|internet stranica|sajt', mk: 'веб-страница|веб страница|интернет страница', sq: 'faqja e internetit|uebfaqja', be: 'сайт|вэб-сайт', kk: 'сайт|веб-сайт', az: 'vebsayt|sayt|internet səhifəsi', ka: 'ვებგვერდი|საიტი', gl: 'sitio web|páxina web|web' } },
  { field: 'industry', source: 'register', terms: { sr: 'делатност|претежна делатност|сектор|delatnost|pretežna delatnost|sektor', mk: 'дејност|приоритетна дејност|сектор|гранка', sq: 'aktiviteti|fusha e veprimtarisë|sektori|veprimtaria', be: 'галіна|від дзейнасці|сектар', kk: 'қызмет түрі|сала|экономикалық қызмет түрі', az: 'fəaliyyət növü|sahə|sektor', ka: 'საქმიანობა|საქმიანობის სფერო|სექტორი|დარგი', gl: 'sector|actividade|sector de actividade' } },
  { field: 'employee_count', source: 'register', terms: { sr: 'број запослених|запослени|broj zaposlenih|zaposleni', mk: 'вработени|број на вработени', sq: 'numri i punonjësve|punonjës|punonjësit', be: 'колькасць супрацоўнікаў|колькасць работнікаў|супрацоўнікі', kk: 'қызметкерлер саны|қызметкерлер', az: 'işçilərin sayı|işçi sayı|işçilər', ka: 'თანამშრომლების რაოდენობა|დასაქმებულთა რაოდენობა|თანამშრომლები', gl: 'persoal|número de empregados|traballadores|empregados' } },
  { field: 'annual_revenue', source: 'register', terms: { sr: 'пословни приходи|приход|промет|укупни приходи|poslovni prihodi|prihod|promet|ukupni prihodi', mk: 'приход|вкупен приход|промет', sq: 'xhiroja vjetore|xhiro|të ardhurat|qarkullimi vjetor', be: 'выручка|даход|абарот', kk: 'түсім|табыс|жылдық түсім|айналым', az: 'dövriyyə|gəlir|illik gəlir|illik dövriyyə', ka: 'შემოსავალი|ბრუნვა|წლიური შემოსავალი', gl: 'facturación|volume de negocio|ingresos|cifra de negocio' } },
  { field: 'technologies', source: 'std', terms: { sr: 'технологије|tehnologije', mk: 'технологии', sq: 'teknologjitë|teknologji', be: 'тэхналогіі', kk: 'технологиялар', az: 'texnologiyalar', ka: 'ტექნოლოგიები', gl: 'tecnoloxías' } },
  { field: 'country', source: 'std', terms: { sr: 'држава|земља|država|zemlja', mk: 'држава|земја', sq: 'shteti|vendi', be: 'краіна', kk: 'ел|мемлекет', az: 'ölkə', ka: 'ქვეყანა', gl: 'país' } },
  { field: 'city', source: 'std', terms: { sr: 'место|град|седиште|mesto|grad|sedište', mk: 'град|седиште|место', sq: 'qyteti|selia', be: 'горад|населены пункт', kk: 'қала|елді мекен', az: 'şəhər', ka: 'ქალაქი', gl: 'concello|localidade|cidade|municipio' } },
  // a register's "seat" or "location" column holds the town (Estonian, Ukrainian, Russian registers), and the
  // main activity by its national classification (KVED in Ukraine, OKVED in Russia) is the industry
  { field: 'city', source: 'register', terms: { et: 'asukoht', uk: 'місцезнаходження', ru: 'местонахождение' } },
  { field: 'industry', source: 'register', terms: { uk: 'основний квед|квед', ru: 'основной оквэд|оквэд' } },
  // Swahili (Kenya, Tanzania) and Tagalog (Filipino): standard translations (the Swahili and
  // Filipino dictionaries and the terms the Android, Google Forms and Facebook localizations
  // use) and the wording of those countries' forms, member sheets and bills.
  { field: 'name', source: 'register', terms: { sw: 'jina la kampuni|kampuni|jina la biashara|jina la shirika', tl: 'pangalan ng kompanya|pangalan ng kumpanya|kompanya|kumpanya|pangalan ng negosyo' } },
  { field: 'domain', source: 'std', terms: { sw: 'tovuti', tl: 'website' } },
  { field: 'industry', source: 'register', terms: { sw: 'sekta|aina ya biashara|shughuli|tasnia', tl: 'industriya|sektor|uri ng negosyo' } },
  { field: 'employee_count', source: 'register', terms: { sw: 'idadi ya wafanyakazi|wafanyakazi', tl: 'bilang ng empleyado|bilang ng mga empleyado|mga empleyado' } },
  { field: 'annual_revenue', source: 'register', terms: { sw: 'mapato ya mwaka|mapato|mauzo ya mwaka|mauzo', tl: 'taunang kita|kita|benta' } },
  { field: 'technologies', source: 'std', terms: { sw: 'teknolojia', tl: 'teknolohiya' } },
  { field: 'country', source: 'std', terms: { sw: 'nchi', tl: 'bansa' } },
  { field: 'city', source: 'std', terms: { sw: 'mji|jiji', tl: 'lungsod|siyudad|bayan|lungsod o bayan' } },
  // Persian, Uzbek (Latin and Cyrillic), Armenian, Mongolian, Afrikaans, Urdu, Bengali, Nepali,
  // Tamil, Sinhala, Khmer, Amharic, Hausa, Yoruba, Kyrgyz and Tajik: the wording of those
  // countries' business registers and company lists (Codal and the Iranian company gazette,
  // orginfo.uz and the Uzbek state register, e-register.am, the Mongolian legal-entity
  // register, CIPC and chamber directories in South Africa, SECP, RJSC, the Nepali Office of
  // the Company Registrar, Ethiopian and Kyrgyz registers) and standard translations for the rest.
  { field: 'name', source: 'register', terms: {
    fa: 'نام شرکت|شرکت|نام|نام سازمان|عنوان شرکت|نام شخص حقوقی', uz: 'tashkilot nomi|korxona nomi|kompaniya nomi|nomi|ташкилот номи|корхона номи|компания номи|номи',
    hy: 'անվանում|ընկերության անվանում|կազմակերպության անվանում', mn: 'байгууллагын нэр|компанийн нэр|нэр|аж ахуйн нэгжийн нэр', af: 'maatskappynaam|maatskappy|naam|besigheidsnaam|ondernemingsnaam',
    ur: 'کمپنی کا نام|کمپنی|ادارے کا نام|نام', bn: 'প্রতিষ্ঠানের নাম|কোম্পানির নাম|নাম|প্রতিষ্ঠান|কোম্পানি', ne: 'कम्पनीको नाम|संस्थाको नाम|कम्पनी|नाम',
    ta: 'நிறுவனத்தின் பெயர்|நிறுவனம்|பெயர்', si: 'සමාගමේ නම|ආයතනයේ නම|සමාගම|නම', km: 'ឈ្មោះក្រុមហ៊ុន|ក្រុមហ៊ុន|ឈ្មោះ', am: 'የድርጅቱ ስም|የድርጅት ስም|የኩባንያው ስም|ድርጅት|ስም',
    ha: 'sunan kamfani|kamfani', yo: 'orúkọ ilé-iṣẹ́|ilé-iṣẹ́', ky: 'уюмдун аталышы|аталышы|компаниянын аталышы|ишкананын аталышы', tg: 'номи ташкилот|номи ширкат|ном',
  } },
  { field: 'domain', source: 'std', terms: {
    fa: 'وب سایت|وبسایت|سایت|تارنما|دامنه', uz: 'veb-sayt|vebsayt|sayt|веб-сайт|сайт', hy: 'կայք|վեբ կայք|կայքէջ|վեբկայք', mn: 'вэб сайт|вэбсайт|цахим хуудас', af: 'webwerf|webtuiste',
    ur: 'ویب سائٹ', bn: 'ওয়েবসাইট|ওয়েব সাইট', ne: 'वेबसाइट', ta: 'இணையதளம்|வலைத்தளம்|இணையத்தளம்', si: 'වෙබ් අඩවිය', km: 'គេហទំព័រ', am: 'ድረ ገጽ|ድረገጽ|ዌብሳይት',
    ha: 'shafin yanar gizo|yanar gizo', yo: 'ojú òpó wẹ́ẹ̀bù', ky: 'сайт|веб-сайт', tg: 'сомона|вебсайт',
  } },
  { field: 'industry', source: 'register', terms: {
    fa: 'صنعت|حوزه فعالیت|زمینه فعالیت|نوع فعالیت|گروه صنعت|رشته فعالیت', uz: 'faoliyat turi|faoliyat sohasi|soha|tarmoq|фаолият тури|фаолият соҳаси|соҳа|тармоқ',
    hy: 'գործունեության տեսակ|գործունեության ոլորտ|ոլորտ|ճյուղ', mn: 'үйл ажиллагааны чиглэл|салбар|үйл ажиллагааны төрөл|эрхлэх үйл ажиллагаа', af: 'bedryf|sektor|nywerheid|bedryfsektor',
    ur: 'صنعت|شعبہ|کاروبار کی قسم', bn: 'শিল্প|শিল্প খাত|খাত|ব্যবসার ধরন', ne: 'उद्योग|व्यवसायको प्रकार|कारोबार क्षेत्र', ta: 'தொழில்|துறை|தொழில் துறை',
    si: 'කර්මාන්තය|ක්ෂේත්‍රය|ව්‍යාපාර වර්ගය', km: 'វិស័យ|ឧស្សាហកម្ម|ប្រភេទអាជីវកម្ម', am: 'የሥራ ዘርፍ|ዘርፍ|የንግድ ዘርፍ|ኢንዱስትሪ', ha: 'fanni|sana\'a|bangaren kasuwanci',
    yo: 'ẹ̀ka iṣẹ́|irú iṣẹ́|ẹ̀ka', ky: 'ишмердүүлүк түрү|тармак|ишмердүүлүк тармагы', tg: 'намуди фаъолият|соҳа',
  } },
  { field: 'employee_count', source: 'register', terms: {
    fa: 'تعداد کارکنان|تعداد کارمندان|کارکنان|تعداد پرسنل|پرسنل', uz: 'xodimlar soni|ishchilar soni|xodimlar|ходимлар сони|ишчилар сони', hy: 'աշխատողների թիվ|աշխատակիցների թիվ|աշխատակիցներ|աշխատակիցների քանակ|աշխատողների քանակ',
    mn: 'ажилчдын тоо|ажилтны тоо|ажилтнууд|ажиллагсдын тоо', af: 'aantal werknemers|werknemers|personeel|aantal personeel', ur: 'ملازمین کی تعداد|ملازمین',
    bn: 'কর্মী সংখ্যা|কর্মচারীর সংখ্যা|কর্মী', ne: 'कर्मचारी संख्या|कर्मचारीको संख्या', ta: 'ஊழியர்களின் எண்ணிக்கை|பணியாளர்கள் எண்ணிக்கை|ஊழியர்கள்', si: 'සේවක සංඛ්‍යාව|සේවකයින් ගණන',
    km: 'ចំនួនបុគ្គលិក|បុគ្គលិក', am: 'የሠራተኞች ብዛት|የሠራተኛ ብዛት|ሠራተኞች', ha: 'yawan ma\'aikata|adadin ma\'aikata|ma\'aikata', yo: 'iye òṣìṣẹ́|àwọn òṣìṣẹ́',
    ky: 'кызматкерлердин саны|кызматкерлер|иштегендердин саны', tg: 'шумораи кормандон|кормандон',
  } },
  { field: 'annual_revenue', source: 'register', terms: {
    fa: 'درآمد|درآمد عملیاتی|درآمد سالانه|فروش|فروش خالص|گردش مالی', uz: 'tushum|daromad|sotuv hajmi|yillik tushum|тушум|даромад|йиллик тушум', hy: 'հասույթ|եկամուտ|շրջանառություն|տարեկան հասույթ',
    mn: 'орлого|борлуулалтын орлого|жилийн орлого|нийт орлого', af: 'omset|jaarlikse omset|inkomste|jaarinkomste', ur: 'آمدنی|سالانہ آمدنی|فروخت|ٹرن اوور',
    bn: 'আয়|বার্ষিক আয়|বিক্রয়|রাজস্ব|টার্নওভার', ne: 'आम्दानी|वार्षिक आम्दानी|कारोबार|राजस्व', ta: 'வருவாய்|ஆண்டு வருவாய்|விற்பனை', si: 'ආදායම|වාර්ෂික ආදායම|පිරිවැටුම',
    km: 'ចំណូល|ចំណូលប្រចាំឆ្នាំ', am: 'ገቢ|ዓመታዊ ገቢ|ሽያጭ', ha: 'kudin shiga|kuɗaɗen shiga', yo: 'owó-wọlé|owó tí ń wọlé', ky: 'киреше|жылдык киреше', tg: 'даромад|даромади солона|гардиши маблағ',
  } },
  { field: 'technologies', source: 'std', terms: {
    fa: 'فناوری ها|فناوری|تکنولوژی', uz: 'texnologiyalar|технологиялар', hy: 'տեխնոլոգիաներ', mn: 'технологи', af: 'tegnologie|tegnologieë', ur: 'ٹیکنالوجی', bn: 'প্রযুক্তি', ne: 'प्रविधि',
    ta: 'தொழில்நுட்பங்கள்', si: 'තාක්ෂණය', km: 'បច្ចេកវិទ្យា', am: 'ቴክኖሎጂ', ha: 'fasaha', yo: 'ìmọ̀-ẹ̀rọ', ky: 'технологиялар', tg: 'технологияҳо',
  } },
  { field: 'country', source: 'std', terms: {
    fa: 'کشور', uz: 'mamlakat|davlat|мамлакат|давлат', hy: 'երկիր', mn: 'улс|улсын нэр', af: 'land', ur: 'ملک', bn: 'দেশ', ne: 'देश', ta: 'நாடு', si: 'රට', km: 'ប្រទេស',
    am: 'ሀገር|አገር', ha: 'ƙasa', yo: 'orílẹ̀-èdè', ky: 'өлкө', tg: 'кишвар|давлат',
  } },
  { field: 'city', source: 'std', terms: {
    fa: 'شهر', uz: 'shahar|шаҳар', hy: 'քաղաք|բնակավայր', mn: 'хот|хот/аймаг|аймаг/хот', af: 'stad|dorp|stad/dorp', ur: 'شہر', bn: 'শহর|নগর', ne: 'शहर|नगर|नगरपालिका',
    ta: 'நகரம்|ஊர்', si: 'නගරය', km: 'ទីក្រុង|ខេត្ត/ក្រុង', am: 'ከተማ', ha: 'birni|gari', yo: 'ìlú', ky: 'шаар', tg: 'шаҳр',
  } },
  // Croatian "web-mjesto" (web site), the term Microsoft's and Salesforce's Croatian interfaces use
  { field: 'domain', source: 'crm', terms: { hr: 'web-mjesto|web mjesto|web-stranica' } },
  // Marathi, Telugu, Gujarati, Punjabi (Gurmukhi), Malayalam, Kannada, Lao, Burmese, Zulu and
  // Pashto: standard translations (Wiktionary, the Android call-log and contact labels in those
  // languages) as carriers' apps (Jio, Airtel, Vi, Lao Telecom, MPT, Vodacom, Roshan) print them.
  { field: 'name', source: 'register', terms: { mr: 'कंपनीचे नाव|संस्थेचे नाव|कंपनी', te: 'కంపెనీ పేరు|సంస్థ పేరు|కంపెనీ', gu: 'કંપનીનું નામ|કંપની', pa: 'ਕੰਪਨੀ ਦਾ ਨਾਮ|ਕੰਪਨੀ', ml: 'കമ്പനിയുടെ പേര്|സ്ഥാപനത്തിന്റെ പേര്|കമ്പനി', kn: 'ಕಂಪನಿಯ ಹೆಸರು|ಸಂಸ್ಥೆಯ ಹೆಸರು|ಕಂಪನಿ', lo: 'ຊື່ບໍລິສັດ|ບໍລິສັດ', my: 'ကုမ္ပဏီအမည်|ကုမ္ပဏီ', zu: 'igama lenkampani|inkampani', ps: 'د شرکت نوم|شرکت' } },
  { field: 'domain', source: 'std', terms: { mr: 'वेबसाइट|संकेतस्थळ', te: 'వెబ్‌సైట్', gu: 'વેબસાઇટ', pa: 'ਵੈੱਬਸਾਈਟ', ml: 'വെബ്സൈറ്റ്', kn: 'ಜಾಲತಾಣ|ವೆಬ್‌ಸೈಟ್', lo: 'ເວັບໄຊ', my: 'ဝက်ဘ်ဆိုက်', zu: 'iwebhusayithi', ps: 'وېبپاڼه|ویب پاڼه' } },
  { field: 'industry', source: 'register', terms: { mr: 'उद्योग|व्यवसाय|क्षेत्र', te: 'పరిశ్రమ|రంగం', gu: 'ઉદ્યોગ|ક્ષેત્ર', pa: 'ਉਦਯੋਗ|ਖੇਤਰ', ml: 'വ്യവസായം|മേഖല', kn: 'ಉದ್ಯಮ|ಕ್ಷೇತ್ರ', lo: 'ອຸດສາຫະກຳ|ຂະແໜງການ|ປະເພດທຸລະກິດ', my: 'လုပ်ငန်းအမျိုးအစား|စက်မှုလုပ်ငန်း|ကဏ္ဍ', zu: 'imboni|umkhakha', ps: 'صنعت|سکتور|برخه' } },
  { field: 'employee_count', source: 'register', terms: { mr: 'कर्मचारी संख्या|कर्मचाऱ्यांची संख्या', te: 'ఉద్యోగుల సంఖ్య', gu: 'કર્મચારીઓની સંખ્યા', pa: 'ਕਰਮਚਾਰੀਆਂ ਦੀ ਗਿਣਤੀ', ml: 'ജീവനക്കാരുടെ എണ്ണം', kn: 'ಉದ್ಯೋಗಿಗಳ ಸಂಖ್ಯೆ|ನೌಕರರ ಸಂಖ್ಯೆ', lo: 'ຈຳນວນພະນັກງານ', my: 'ဝန်ထမ်းအရေအတွက်', zu: 'inani labasebenzi|abasebenzi', ps: 'د کارکوونکو شمېر|کارکوونکي' } },
  { field: 'annual_revenue', source: 'register', terms: { mr: 'महसूल|उत्पन्न|वार्षिक उलाढाल|उलाढाल', te: 'ఆదాయం|వార్షిక ఆదాయం|టర్నోవర్', gu: 'આવક|વાર્ષિક આવક|ટર્નઓવર', pa: 'ਆਮਦਨ|ਸਾਲਾਨਾ ਆਮਦਨ', ml: 'വരുമാനം|വാർഷിക വരുമാനം', kn: 'ಆದಾಯ|ವಾರ್ಷಿಕ ಆದಾಯ|ವಹಿವಾಟು', lo: 'ລາຍຮັບ|ລາຍຮັບປະຈຳປີ', my: 'ဝင်ငွေ|နှစ်စဉ်ဝင်ငွေ', zu: 'imali engenayo|imali engenayo yonyaka', ps: 'عواید|کلني عواید' } },
  { field: 'technologies', source: 'std', terms: { mr: 'तंत्रज्ञान', te: 'సాంకేతికతలు', gu: 'ટેકનોલોજી', pa: 'ਤਕਨਾਲੋਜੀ', ml: 'സാങ്കേതികവിദ്യകൾ', kn: 'ತಂತ್ರಜ್ಞಾನಗಳು', lo: 'ເຕັກໂນໂລຊີ', my: 'နည်းပညာ', zu: 'ubuchwepheshe', ps: 'ټکنالوژي' } },
  { field: 'country', source: 'std', terms: { mr: 'देश', te: 'దేశం', gu: 'દેશ', pa: 'ਦੇਸ਼', ml: 'രാജ്യം', kn: 'ದೇಶ', lo: 'ປະເທດ', my: 'နိုင်ငံ', zu: 'izwe', ps: 'هېواد|هیواد' } },
  { field: 'city', source: 'std', terms: { mr: 'शहर', te: 'నగరం', gu: 'શહેર', pa: 'ਸ਼ਹਿਰ', ml: 'നഗരം', kn: 'ನಗರ', lo: 'ເມືອງ|ນະຄອນ', my: 'မြို့', zu: 'idolobha', ps: 'ښار' } },
  // sales-intelligence exports print their bands as ranges (6sense's and ZoomInfo's "Employee Range")
  { field: 'employee_count', source: 'crm', terms: { en: 'employee range|employees range' } },
  // Georgian register wordings: "საფირმო სახელწოდება" (the firm name of the entrepreneurs'
  // register), "საქმიანობის სახე" (kind of activity); Mongolian "вэб хуудас" (web page)
  { field: 'name', source: 'register', terms: { ka: 'საფირმო სახელწოდება|ფირმის სახელწოდება' } },
  { field: 'industry', source: 'register', terms: { ka: 'საქმიანობის სახე' } },
  { field: 'domain', source: 'std', terms: { mn: 'вэб хуудас|вэб хуудсын хаяг' } },
  // Welsh: the standard terms of the Welsh Government's term bank (TermCymru) and the Welsh
  // interfaces of Microsoft and Google, as public bodies' and events' registration forms print them
  { field: 'name', source: 'std', terms: { cy: 'enw\'r cwmni|enw cwmni|enw\'r busnes|enw\'r sefydliad' } },
  { field: 'domain', source: 'std', terms: { cy: 'gwefan' } },
  { field: 'industry', source: 'std', terms: { cy: 'diwydiant|sector' } },
  { field: 'employee_count', source: 'std', terms: { cy: 'nifer y gweithwyr|nifer o weithwyr|gweithwyr' } },
  { field: 'annual_revenue', source: 'std', terms: { cy: 'trosiant|trosiant blynyddol|refeniw' } },
  { field: 'technologies', source: 'std', terms: { cy: 'technolegau' } },
  { field: 'country', source: 'std', terms: { cy: 'gwlad' } },
  { field: 'city', source: 'std', terms: { cy: 'tref|dinas|tref/dinas' } },
  // Sorani Kurdish (ckb, Arabic script), Turkmen, Somali and Faroese: standard translations and
  // the wording of chambers', investment boards' and registers' member lists (the KRG Board of
  // Investment, the Union of Industrialists and Entrepreneurs, the Somali Chamber, Skráseting Føroya)
  { field: 'name', source: 'register', terms: { ckb: 'ناوی کۆمپانیا|کۆمپانیا|ناوی دامەزراوە', tk: 'kärhananyň ady|kompaniýanyň ady|guramanyň ady|kärhana', so: 'magaca shirkadda|shirkadda|magaca ganacsiga', fo: 'felagsnavn|navn á felag|fyritøka' } },
  { field: 'domain', source: 'std', terms: { ckb: 'ماڵپەڕ|وێبسایت', tk: 'web sahypa|saýt', so: 'websaydh|bogga internetka', fo: 'heimasíða|vevsíða' } },
  { field: 'industry', source: 'register', terms: { ckb: 'کەرت|بوار|جۆری چالاکی', tk: 'pudagy|pudak|işiň görnüşi', so: 'qaybta ganacsiga|nooca ganacsiga|qaybta', fo: 'vinnuslag|vinnugrein' } },
  { field: 'employee_count', source: 'register', terms: { ckb: 'ژمارەی کارمەندان|کارمەندان', tk: 'işgärleriň sany|işgärler', so: 'tirada shaqaalaha|shaqaalaha', fo: 'starvsfólk|tal av starvsfólki' } },
  { field: 'annual_revenue', source: 'register', terms: { ckb: 'داهات|داهاتی ساڵانە', tk: 'ýyllyk haryt dolanyşygy|haryt dolanyşygy|girdeji|ýyllyk girdeji', so: 'dakhliga|dakhliga sanadlaha', fo: 'umsetningur|inntøka' } },
  { field: 'technologies', source: 'std', terms: { ckb: 'تەکنەلۆژیا', tk: 'tehnologiýalar', so: 'tignoolajiyada', fo: 'tøkni' } },
  { field: 'country', source: 'std', terms: { ckb: 'وڵات', tk: 'ýurt|döwlet', so: 'dalka|waddanka', fo: 'land' } },
  { field: 'city', source: 'std', terms: { ckb: 'شار', tk: 'şäher', so: 'magaalada', fo: 'býur|bygd|býur / bygd' } },
  // register and directory wordings: a unit's or an enterprise's name ("એકમનું નામ", "उद्योगाचे
  // नाव", "ຊື່ວິສາຫະກິດ"), the kind of industry, workers for the headcount, Burmese yearly sales
  { field: 'name', source: 'register', terms: { gu: 'એકમનું નામ|પેઢીનું નામ', mr: 'उद्योगाचे नाव|उद्योगाचे', lo: 'ຊື່ວິສາຫະກິດ|ວິສາຫະກິດ' } },
  { field: 'industry', source: 'register', terms: { gu: 'ઉદ્યોગનો પ્રકાર', mr: 'उद्योगाचा प्रकार' } },
  { field: 'employee_count', source: 'register', terms: { mr: 'कामगार संख्या|कामगार', gu: 'કામદારોની સંખ્યા' } },
  { field: 'annual_revenue', source: 'register', terms: { my: 'နှစ်စဉ်ရောင်းအား|ရောင်းအား' } },
  // statistical registers count the people employed ("personal ocupado", Mexico's DENUE, Spain's
  // INE; "Ücretle çalışanlar", Turkey's ISO 500); the abbreviated "Nº empleados" / "Nº de
  // funcionários"; a directory's category is the firm's line of business (Cylex, Panorama Firm)
  { field: 'employee_count', source: 'register', terms: { es: 'personal ocupado|estrato personal ocupado|nº empleados|nº de empleados', pt: 'nº de funcionários|nº funcionários|pessoal ocupado', tr: 'çalışanlar|ücretle çalışanlar|çalışan' } },
  { field: 'industry', source: 'listing', terms: { pl: 'kategoria|kategoria działalności', cs: 'kategorie', sk: 'kategória' } },
];
