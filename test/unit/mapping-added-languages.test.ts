import { describe, expect, it } from 'vitest';
import { readCallCodeAnyLanguage } from '../../functions/core/map/call-code-reading.ts';
import { normalizeHeader } from '../../functions/core/map/normalize-header.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { headerScale } from '../../functions/core/map/units.ts';
import { enumValue } from '../../functions/core/map/value-patterns.ts';
import { isCountry } from '../../functions/core/map/value-kinds.ts';
import { ADDED_CALL_CODE_WORDS } from '../../functions/core/schemas/lexicon/call-code-words-added.ts';
import { ADDED_LEXICON_LANGUAGES, BUILTIN_LEXICONS } from '../../functions/core/schemas/lexicon/index.ts';
import { lexiconGaps } from '../helpers/lexicon-gaps.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

/**
 * The languages the lexicon added on 2026-12-07 (Persian, Uzbek, Armenian, Mongolian,
 * Afrikaans, Urdu, Bengali, Nepali, Tamil, Sinhala, Khmer, Amharic, Hausa, Yoruba, Kyrgyz,
 * Tajik): per language group, headers that only their lexicon entries match, the folding
 * their scripts need, and their call-code words.
 */

const byField = (m: ReturnType<typeof suggestMapping>) => Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));
const callRecord = getSchema('call_record');
const contact = getSchema('contact');
const company = getSchema('company_account');
const direction = callRecord.fields.find((f) => f.name === 'direction')!;
const recordType = callRecord.fields.find((f) => f.name === 'record_type')!;

describe('the added languages in the lexicon', () => {
  it('have a term for every field of the three schemas, in blocks with a source tag', () => {
    expect(lexiconGaps(ADDED_LEXICON_LANGUAGES)).toEqual({});
    for (const blocks of BUILTIN_LEXICONS.values()) for (const b of blocks) expect(['std', 'outlook', 'google', 'crm', 'carrier', 'register', 'listing']).toContain(b.source);
  });

  it('know country names in those languages (CLDR via i18n-iso-countries), so a country column is taken by its values', () => {
    for (const name of ['Suid-Afrika', 'বাংলাদেশ', 'ایران', 'پاکستان', 'Հայաստան', 'Монгол', 'Oʻzbekiston', 'ኢትዮጵያ', 'கனடா', 'កម្ពុជា', 'Кыргызстан', 'Тоҷикистон']) {
      expect(isCountry(name), name).toBe(true);
    }
    const m = suggestMapping(['Maatskappynaam', 'Stad', 'Land'], [['Kaapse Wyne (Edms) Bpk', 'Stellenbosch', 'Suid-Afrika'], ['Namib Vis (Pty) Ltd', 'Walvisbaai', 'Namibië']], company);
    expect(byField(m)).toMatchObject({ name: ['Maatskappynaam'], country: ['Land'] });
  });

  it('have call-code words that read back as what they say', () => {
    for (const lang of ADDED_LEXICON_LANGUAGES) {
      const words = ADDED_CALL_CODE_WORDS[lang];
      for (const w of words.inbound.split('|')) expect(readCallCodeAnyLanguage(w)?.direction, `${lang} ${w}`).toBe('inbound');
      for (const w of words.outbound.split('|')) expect(readCallCodeAnyLanguage(w)?.direction, `${lang} ${w}`).toBe('outbound');
      for (const type of ['voice', 'sms', 'data'] as const) {
        for (const w of words[type].split('|')) expect(readCallCodeAnyLanguage(w)?.recordType, `${lang} ${w}`).toBe(type);
      }
    }
  });
});

describe('Persian and Urdu (Arabic script)', () => {
  it('folds the letters keyboards type either way, the zero-width non-joiner and Persian digits', () => {
    expect(normalizeHeader('نام\u200cخانوادگی')).toBe(normalizeHeader('نام خانوادگی'));
    expect(normalizeHeader('هزينه (ريال)')).toBe(normalizeHeader('هزینه (ریال)'));
    expect(normalizeHeader('شماره مشترك')).toBe(normalizeHeader('شماره مشترک'));
    expect(normalizeHeader('عہدہ')).toBe(normalizeHeader('عهده'));
    expect(normalizeHeader('ستون ۱۲')).toBe(normalizeHeader('ستون 12'));
  });

  it('maps a Persian CRM export with a ZWNJ in its surname header and a Persian bill typed with Arabic letters', () => {
    const fa = suggestMapping(
      ['نام', 'نام\u200cخانوادگی', 'شماره موبایل', 'پست الکترونیک', 'عنوان شغلی', 'نام سازمان'],
      [['سارا', 'کریمی', '09121111234', 'sara@example.ir', 'مدیر مالی', 'صنایع غذایی مهر']],
      contact,
      { defaultRegion: 'IR' },
    );
    expect(byField(fa)).toEqual({ first_name: ['نام'], last_name: ['نام\u200cخانوادگی'], phone: ['شماره موبایل'], email: ['پست الکترونیک'], title: ['عنوان شغلی'], company: ['نام سازمان'] });
    const bill = suggestMapping(
      ['تاريخ تماس', 'ساعت', 'شماره مقصد', 'جهت تماس', 'مدت مكالمه', 'مبلغ'],
      [['1405/07/01', '09:10:00', '02188001234', 'تماس خروجي', '125', '8,400'], ['1405/07/01', '11:45:12', '09121112233', 'تماس ورودي', '60', '0']],
      callRecord,
      { defaultRegion: 'IR' },
    );
    expect(byField(bill)).toMatchObject({ started_at: ['تاريخ تماس', 'ساعت'], counterpart_number: ['شماره مقصد'], direction: ['جهت تماس'], duration_seconds: ['مدت مكالمه'] });
    expect(enumValue(direction, 'تماس خروجي')).toBe('outbound');
    expect(enumValue(recordType, 'پیامک ارسالی')).toBe('sms');
  });

  it('maps an Urdu contact list', () => {
    const ur = suggestMapping(['مکمل نام', 'فون نمبر', 'ای میل پتہ', 'عہدہ', 'ادارہ'], [['بلال احمد', '0333 1234567', 'bilal@example.pk', 'ڈائریکٹر', 'راوی ٹریڈرز']], contact, { defaultRegion: 'PK' });
    expect(byField(ur)).toEqual({ full_name: ['مکمل نام'], phone: ['فون نمبر'], email: ['ای میل پتہ'], title: ['عہدہ'], company: ['ادارہ'] });
    expect(enumValue(direction, 'آنے والی کال')).toBe('inbound');
  });

  it('reads Persian scale words in a revenue header', () => {
    expect(headerScale('فروش خالص (میلیارد ریال)')?.factor).toBe(1e9);
    expect(headerScale('درآمد (هزار تومان)')?.factor).toBe(1e3);
  });
});

describe('Uzbek, Mongolian, Kyrgyz and Tajik (Latin and Cyrillic)', () => {
  it('folds the Uzbek turned comma like an apostrophe', () => {
    expect(normalizeHeader('Qoʻngʻiroq turi')).toBe(normalizeHeader("Qo'ng'iroq turi"));
  });

  it('maps an Uzbek company list and a Mongolian call detail', () => {
    const uz = suggestMapping(['Korxona nomi', 'Faoliyat sohasi', 'Xodimlar soni', 'Yillik tushum (mln so‘m)', 'Shahar'], [['Buxoro Gilam MChJ', 'Gilam ishlab chiqarish', '75', '4 200', 'Buxoro']], company);
    expect(byField(uz)).toMatchObject({ name: ['Korxona nomi'], industry: ['Faoliyat sohasi'], employee_count: ['Xodimlar soni'], city: ['Shahar'] });
    const mn = suggestMapping(
      ['Огноо', 'Цаг', 'Залгасан дугаар', 'Дуудлагын чиглэл', 'Ярьсан хугацаа', 'Төлбөр'],
      [['2026.10.01', '09:00:00', '99112233', 'Гарсан дуудлага', '00:03:10', '380'], ['2026.10.01', '10:15:00', '88112233', 'Ирсэн дуудлага', '00:01:00', '0']],
      callRecord,
    );
    expect(byField(mn)).toMatchObject({ started_at: ['Огноо', 'Цаг'], counterpart_number: ['Залгасан дугаар'], direction: ['Дуудлагын чиглэл'], duration_seconds: ['Ярьсан хугацаа'] });
    expect(headerScale('Орлого (сая төгрөг)')?.factor).toBe(1e6);
  });

  it('maps Kyrgyz and Tajik contact headers', () => {
    const ky = suggestMapping(['Аты', 'Фамилиясы', 'Телефон номери', 'Кызматы', 'Уюм'], [['Айгүл', 'Осмонова', '+996 555 123 456', 'Башкы эсепчи', 'Ак-Бата ЖЧК']], contact, { defaultRegion: 'KG' });
    expect(byField(ky)).toMatchObject({ first_name: ['Аты'], last_name: ['Фамилиясы'], title: ['Кызматы'], company: ['Уюм'] });
    const tg = suggestMapping(['Ном', 'Насаб', 'Вазифа', 'Ширкат'], [['Фарҳод', 'Раҳимов', 'Директор', 'Помир Савдо ҶДММ']], contact);
    expect(byField(tg)).toMatchObject({ first_name: ['Ном'], last_name: ['Насаб'], title: ['Вазифа'], company: ['Ширкат'] });
  });
});

describe('Armenian and Afrikaans', () => {
  it('maps an Armenian call detail and reads its direction words', () => {
    const hy = suggestMapping(
      ['Զանգի ամսաթիվ', 'Ժամ', 'Հեռախոսահամար', 'Զանգի տեսակ', 'Զանգի տևողություն', 'Արժեք'],
      [['01.10.2026', '09:00:00', '+37493123456', 'Ելքային զանգ', '190', '30'], ['01.10.2026', '10:00:00', '+37477123456', 'Մուտքային զանգ', '45', '0']],
      callRecord,
    );
    expect(byField(hy)).toMatchObject({ started_at: ['Զանգի ամսաթիվ', 'Ժամ'], counterpart_number: ['Հեռախոսահամար'], direction: ['Զանգի տեսակ'], duration_seconds: ['Զանգի տևողություն'] });
  });

  it('takes the Afrikaans "Van" for the surname and "Posbenaming" for the title', () => {
    const af = suggestMapping(['Voornaam', 'Van', 'E-posadres', 'Selfoon', 'Posbenaming', 'Werkgewer'], [['Marike', 'du Toit', 'marike@example.co.za', '083 123 4567', 'Verkoopsbestuurder', 'Kaapse Wyne (Edms) Bpk']], contact, { defaultRegion: 'ZA' });
    expect(byField(af)).toEqual({ first_name: ['Voornaam'], last_name: ['Van'], email: ['E-posadres'], phone: ['Selfoon'], title: ['Posbenaming'], company: ['Werkgewer'] });
    expect(headerScale('Omset (R miljoen)')?.factor).toBe(1e6);
  });
});

describe('Indic scripts, Khmer and Ethiopic', () => {
  it('folds the Bengali nukta letters and the Sinhala zero-width joiner', () => {
    expect(normalizeHeader('সম\u09df')).toBe(normalizeHeader('সম\u09af\u09bc'));
    expect(normalizeHeader('විද්\u200dයුත් තැපෑල')).toBe(normalizeHeader('විද්යුත් තැපෑල'));
  });

  it('maps Bengali, Nepali, Tamil and Sinhala headers', () => {
    const bn = suggestMapping(['কোম্পানির নাম', 'খাত', 'কর্মচারীর সংখ্যা', 'শহর'], [['যমুনা ফিশারিজ লিমিটেড', 'মৎস্য', '85', 'খুলনা']], company);
    expect(byField(bn)).toMatchObject({ name: ['কোম্পানির নাম'], industry: ['খাত'], employee_count: ['কর্মচারীর সংখ্যা'] });
    const ne = suggestMapping(['पूरा नाम', 'मोबाइल नम्बर', 'इमेल', 'पद', 'संस्था'], [['सीता श्रेष्ठ', '9841000123', 'sita@example.com.np', 'लेखापाल', 'हिमालय ट्रेडर्स']], contact, { defaultRegion: 'NP' });
    expect(byField(ne)).toEqual({ full_name: ['पूरा नाम'], phone: ['मोबाइल नम्बर'], email: ['इमेल'], title: ['पद'], company: ['संस्था'] });
    const ta = suggestMapping(['முதல் பெயர்', 'கடைசி பெயர்', 'மின்னஞ்சல் முகவரி', 'பதவி'], [['அருண்', 'குமார்', 'arun@example.lk', 'கணக்காளர்']], contact);
    expect(byField(ta)).toMatchObject({ first_name: ['முதல் பெயர்'], last_name: ['கடைசி பெயர்'], email: ['மின்னஞ்சல் முகவரி'], title: ['பதவி'] });
    const si = suggestMapping(['මුල් නම', 'වාසගම', 'ජංගම දුරකථනය', 'තනතුර', 'සමාගම'], [['කමල්', 'සිල්වා', '+94 71 123 4567', 'අධ්‍යක්ෂ', 'සිල්වා ඇන්ඩ් සන්ස්']], contact, { defaultRegion: 'LK' });
    expect(byField(si)).toMatchObject({ first_name: ['මුල් නම'], last_name: ['වාසගම'], phone: ['ජංගම දුරකථනය'], title: ['තනතුර'], company: ['සමාගම'] });
  });

  it('maps Khmer and Amharic headers, Amharic in either spelling of its old letters', () => {
    const km = suggestMapping(['ឈ្មោះក្រុមហ៊ុន', 'វិស័យ', 'ចំនួនបុគ្គលិក', 'ទីក្រុង'], [['អង្គរ ត្រេឌីង', 'ពាណិជ្ជកម្ម', '40', 'សៀមរាប']], company);
    expect(byField(km)).toMatchObject({ name: ['ឈ្មោះក្រុមហ៊ុន'], industry: ['វិស័យ'], employee_count: ['ចំនួនបុគ្គលិក'] });
    expect(normalizeHeader('የሰራተኞች ብዛት')).toBe(normalizeHeader('የሠራተኞች ብዛት'));
    const am = suggestMapping(['የኩባንያው ስም', 'ዘርፍ', 'የሰራተኞች ብዛት', 'ከተማ'], [['ሀዋሳ ጨርቃጨርቅ', 'ጨርቃጨርቅ', '300', 'ሀዋሳ']], company);
    expect(byField(am)).toMatchObject({ name: ['የኩባንያው ስም'], industry: ['ዘርፍ'], employee_count: ['የሰራተኞች ብዛት'], city: ['ከተማ'] });
    expect(enumValue(direction, 'ហៅចេញ')).toBe('outbound');
  });

  it('finds a term inside a longer Khmer or Thai header (both are written without spaces between words)', () => {
    const km = suggestMapping(['ឈ្មោះអតិថិជន', 'ព័ត៌មានលេខទូរស័ព្ទអតិថិជន', 'អ៊ីមែល'], [['សុខ ដារ៉ា', '012 345 678', 'dara@example.com.kh']], contact, { defaultRegion: 'KH' });
    expect(byField(km)).toMatchObject({ phone: ['ព័ត៌មានលេខទូរស័ព្ទអតិថិជន'] });
    const th = suggestMapping(['ชื่อบริษัท', 'ข้อมูลจำนวนพนักงานทั้งหมด'], [['บริษัท สยามฟู้ด จำกัด', '120']], company);
    expect(byField(th)).toMatchObject({ employee_count: ['ข้อมูลจำนวนพนักงานทั้งหมด'] });
  });
});

describe('Hausa and Yoruba', () => {
  it('folds Hausa hooked letters and Yoruba tone marks, and maps their form headers', () => {
    expect(normalizeHeader('Ƙasa')).toBe('kasa');
    expect(normalizeHeader('Orúkọ ìdílé')).toBe('oruko idile');
    const ha = suggestMapping(['Sunan farko', 'Sunan iyali', 'Lambar tarho', 'Matsayi'], [['Musa', 'Abdullahi', '+234 803 123 4567', 'Sakatare']], contact, { defaultRegion: 'NG' });
    expect(byField(ha)).toMatchObject({ first_name: ['Sunan farko'], last_name: ['Sunan iyali'], phone: ['Lambar tarho'], title: ['Matsayi'] });
    const yo = suggestMapping(['Orúkọ kíkún', 'Fóònù', 'Ipò iṣẹ́'], [['Bọ́lá Ahmed', '+234 805 123 4567', 'Akọ̀wé']], contact, { defaultRegion: 'NG' });
    expect(byField(yo)).toMatchObject({ full_name: ['Orúkọ kíkún'], phone: ['Fóònù'], title: ['Ipò iṣẹ́'] });
  });
});

describe('Marathi, Telugu, Gujarati, Punjabi, Malayalam and Kannada', () => {
  it('folds the Gurmukhi nukta and the Malayalam chillu letters written either way', () => {
    expect(normalizeHeader('ਫ਼ੋਨ ਨੰਬਰ')).toBe(normalizeHeader('ਫੋਨ ਨੰਬਰ'));
    expect(normalizeHeader('ഫോൺ നമ്പർ')).toBe(normalizeHeader('ഫോണ്\u200d നമ്പര്\u200d'));
  });

  it('maps their contact and company headers and reads their call codes', () => {
    const mr = suggestMapping(['पहिले नाव', 'आडनाव', 'मोबाईल नंबर', 'हुद्दा', 'कंपनी'], [['सुनील', 'पाटील', '98220 12345', 'व्यवस्थापक', 'सह्याद्री ॲग्रो']], contact, { defaultRegion: 'IN' });
    expect(byField(mr)).toMatchObject({ first_name: ['पहिले नाव'], last_name: ['आडनाव'], phone: ['मोबाईल नंबर'], title: ['हुद्दा'], company: ['कंपनी'] });
    const te = suggestMapping(['కంపెనీ పేరు', 'పరిశ్రమ', 'ఉద్యోగుల సంఖ్య', 'నగరం'], [['గోదావరి ఫుడ్స్', 'ఆహారం', '85', 'విజయవాడ']], company);
    expect(byField(te)).toMatchObject({ name: ['కంపెనీ పేరు'], industry: ['పరిశ్రమ'], employee_count: ['ఉద్యోగుల సంఖ్య'] });
    const gu = suggestMapping(['પૂરું નામ', 'ઈમેલ', 'હોદ્દો'], [['રમેશ પટેલ', 'ramesh@example.in', 'મેનેજર']], contact);
    expect(byField(gu)).toMatchObject({ full_name: ['પૂરું નામ'], email: ['ઈમેલ'], title: ['હોદ્દો'] });
    const pa = suggestMapping(['ਪੂਰਾ ਨਾਮ', 'ਫੋਨ ਨੰਬਰ', 'ਅਹੁਦਾ'], [['ਹਰਪ੍ਰੀਤ ਸਿੰਘ', '98140 12345', 'ਪ੍ਰਬੰਧਕ']], contact, { defaultRegion: 'IN' });
    expect(byField(pa)).toMatchObject({ full_name: ['ਪੂਰਾ ਨਾਮ'], phone: ['ਫੋਨ ਨੰਬਰ'], title: ['ਅਹੁਦਾ'] });
    const ml = suggestMapping(['തീയതി', 'സമയം', 'ഫോൺ നമ്പർ', 'കോൾ തരം', 'ദൈർഘ്യം'], [['01/10/2026', '09:00:00', '9847012345', 'ഔട്ട്ഗോയിംഗ്', '120'], ['01/10/2026', '10:00:00', '9847012346', 'ഇൻകമിംഗ്', '60']], callRecord, { defaultRegion: 'IN' });
    expect(byField(ml)).toMatchObject({ started_at: ['തീയതി', 'സമയം'], counterpart_number: ['ഫോൺ നമ്പർ'], direction: ['കോൾ തരം'], duration_seconds: ['ദൈർഘ്യം'] });
    expect(enumValue(direction, 'ಒಳಬರುವ ಕರೆ')).toBe('inbound');
  });
});

describe('Lao, Burmese, Zulu and Pashto', () => {
  it('maps their headers', () => {
    const lo = suggestMapping(['ຊື່ບໍລິສັດ', 'ຈຳນວນພະນັກງານ', 'ເມືອງ'], [['ບໍລິສັດ ລາວຟູດ ຈຳກັດ', '45', 'ວຽງຈັນ']], company);
    expect(byField(lo)).toMatchObject({ name: ['ຊື່ບໍລິສັດ'], employee_count: ['ຈຳນວນພະນັກງານ'] });
    const my = suggestMapping(['အမည်', 'ဖုန်းနံပါတ်', 'ရာထူး', 'ကုမ္ပဏီ'], [['အောင်အောင်', '09 421 123456', 'မန်နေဂျာ', 'ရွှေမြန်မာ ကုမ္ပဏီ']], contact, { defaultRegion: 'MM' });
    expect(byField(my)).toMatchObject({ full_name: ['အမည်'], phone: ['ဖုန်းနံပါတ်'], title: ['ရာထူး'], company: ['ကုမ္ပဏီ'] });
    const zu = suggestMapping(['Igama', 'Isibongo', 'Inombolo yeselula', 'Isikhundla', 'Inkampani'], [['Thandiwe', 'Dlamini', '082 123 4567', 'Umphathi', 'Ubuntu Logistics (Pty) Ltd']], contact, { defaultRegion: 'ZA' });
    expect(byField(zu)).toEqual({ first_name: ['Igama'], last_name: ['Isibongo'], phone: ['Inombolo yeselula'], title: ['Isikhundla'], company: ['Inkampani'] });
    const ps = suggestMapping(['لومړی نوم', 'تخلص', 'د تلیفون شمېره', 'دنده'], [['احمد', 'ځدراڼ', '0700 123 456', 'مدیر']], contact, { defaultRegion: 'AF' });
    expect(byField(ps)).toMatchObject({ first_name: ['لومړی نوم'], last_name: ['تخلص'], phone: ['د تلیفون شمېره'], title: ['دنده'] });
    expect(enumValue(direction, 'ikholi ephumayo')).toBe('outbound');
  });
});

describe('a "name" column in a language whose word for name is also the given name', () => {
  it('holds whole names when its values are two to four words of a script the name lists do not cover and no column names a surname', () => {
    const fa = suggestMapping(['نام', 'ایمیل', 'تلفن همراه'], [['علی رضایی', 'ali@example.ir', '09121234567'], ['مریم احمدی', 'maryam@example.ir', '09351234567']], contact, { defaultRegion: 'IR' });
    expect(byField(fa)).toEqual({ full_name: ['نام'], email: ['ایمیل'], phone: ['تلفن همراه'] });
    const hy = suggestMapping(['Անուն', 'Էլ. փոստ'], [['Անի Պետրոսյան', 'ani@example.am'], ['Արամ Հակոբյան', 'aram@example.am']], contact);
    expect(byField(hy)).toEqual({ full_name: ['Անուն'], email: ['Էլ. փոստ'] });
  });

  it('keeps a given name of two words a given name beside a surname column', () => {
    const fa = suggestMapping(['نام', 'نام خانوادگی', 'ایمیل'], [['محمد علی', 'رضایی', 'mohammad@example.ir'], ['فاطمه زهرا', 'احمدی', 'fatemeh@example.ir']], contact);
    expect(byField(fa)).toMatchObject({ first_name: ['نام'], last_name: ['نام خانوادگی'] });
  });
});
