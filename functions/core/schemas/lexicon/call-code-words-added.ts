import type { CallCodeWords } from '../../enrich/call-code-words.ts';
import type { AddedLexiconLanguage } from './lexicon-types.ts';

/**
 * What carriers and phones print in a call log's direction and type columns in the languages
 * the header lexicon added on 2026-12-07, in the shape of Enrich's table
 * (functions/core/enrich/call-code-words.ts): incoming and outgoing call or message, a voice
 * call, a text message, a data session. Compiled from each language's standard telephony
 * terms (the Android and iOS call-log labels in that language, Wiktionary translations of
 * incoming/outgoing call, text message, mobile data) as carriers' self-care portals print
 * them; source tag `std` in the lexicon's sense. A missed call counts as an incoming one, as
 * in Enrich's table. The mapper reads them beside Enrich's table (map/call-code-reading.ts).
 */
export const ADDED_CALL_CODE_WORDS: Readonly<Record<AddedLexiconLanguage, CallCodeWords>> = {
  fa: { inbound: 'ورودی|تماس ورودی|دریافتی|پیامک دریافتی|دریافت شده|بی پاسخ|از دست رفته', outbound: 'خروجی|تماس خروجی|ارسالی|پیامک ارسالی|ارسال شده', voice: 'مکالمه|تماس|تماس صوتی|صوتی', sms: 'پیامک|پیام کوتاه|اس ام اس', data: 'اینترنت|دیتا|داده|اینترنت همراه' },
  uz: { inbound: 'kiruvchi|kiruvchi qo\'ng\'iroq|qabul qilingan|кирувчи|кирувчи қўнғироқ', outbound: 'chiquvchi|chiquvchi qo\'ng\'iroq|yuborilgan|чиқувчи|чиқувчи қўнғироқ', voice: 'qo\'ng\'iroq|ovozli qo\'ng\'iroq|suhbat|қўнғироқ|овозли қўнғироқ', sms: 'xabar|qisqa xabar|хабар', data: 'internet|mobil internet|интернет' },
  hy: { inbound: 'մուտքային|մուտքային զանգ|ստացված', outbound: 'ելքային|ելքային զանգ|ուղարկված', voice: 'զանգ|ձայնային զանգ|խոսակցություն', sms: 'հաղորդագրություն|կարճ հաղորդագրություն', data: 'ինտերնետ|բջջային ինտերնետ|տվյալներ' },
  mn: { inbound: 'ирсэн|ирсэн дуудлага|хүлээн авсан', outbound: 'гарсан|гарсан дуудлага|залгасан|илгээсэн', voice: 'дуудлага|яриа|дуут дуудлага', sms: 'мессеж|мэссэж|богино мессеж', data: 'дата|интернет|мобайл дата' },
  af: { inbound: 'inkomend|inkomende|inkomende oproep|ontvang', outbound: 'uitgaande|uitgaande oproep|gestuur|geskakel', voice: 'oproep|stemoproep|gesprek', sms: 'boodskap|teksboodskap', data: 'mobiele data|data' },
  ur: { inbound: 'ان کمنگ|آنے والی|آنے والی کال|موصول شدہ|وصول شدہ', outbound: 'آؤٹ گوئنگ|جانے والی|جانے والی کال|بھیجی گئی', voice: 'کال|وائس کال|صوتی کال', sms: 'ایس ایم ایس|پیغام|میسج', data: 'ڈیٹا|انٹرنیٹ|موبائل انٹرنیٹ' },
  bn: { inbound: 'আগত|ইনকামিং|আগত কল|প্রাপ্ত', outbound: 'বহির্গামী|আউটগোয়িং|বহির্গামী কল|পাঠানো', voice: 'কল|ভয়েস কল', sms: 'এসএমএস|বার্তা|মেসেজ', data: 'ডেটা|ইন্টারনেট|মোবাইল ডেটা' },
  ne: { inbound: 'इनकमिङ|आगमन|आउने कल|प्राप्त', outbound: 'आउटगोइङ|बहिर्गमन|जाने कल|पठाइएको', voice: 'कल|भ्वाइस कल', sms: 'एसएमएस|सन्देश|म्यासेज', data: 'डाटा|इन्टरनेट|मोबाइल डाटा' },
  ta: { inbound: 'உள்வரும்|உள்வரும் அழைப்பு|பெறப்பட்டது', outbound: 'வெளிச்செல்லும்|வெளிச்செல்லும் அழைப்பு|அனுப்பப்பட்டது', voice: 'அழைப்பு|குரல் அழைப்பு', sms: 'குறுஞ்செய்தி|செய்தி', data: 'டேட்டா|இணையம்|மொபைல் டேட்டா' },
  si: { inbound: 'ලැබුණු|පැමිණෙන|පැමිණෙන ඇමතුම|ලැබුණු ඇමතුම', outbound: 'පිටතට යන|පිටතට යන ඇමතුම|යැවූ|ගත් ඇමතුම', voice: 'ඇමතුම|හඬ ඇමතුම', sms: 'කෙටි පණිවිඩය|පණිවිඩය', data: 'දත්ත|අන්තර්ජාලය|ජංගම දත්ත' },
  km: { inbound: 'ហៅចូល|ការហៅចូល|ទទួល', outbound: 'ហៅចេញ|ការហៅចេញ|ផ្ញើ', voice: 'ការហៅ|ហៅ|សំឡេង', sms: 'សារ|សារខ្លី', data: 'ទិន្នន័យ|អ៊ីនធឺណិត' },
  am: { inbound: 'ገቢ|ገቢ ጥሪ|የተቀበሉት', outbound: 'ወጪ|ወጪ ጥሪ|የተላከ', voice: 'ጥሪ|የድምፅ ጥሪ', sms: 'መልዕክት|አጭር መልዕክት|ኤስኤምኤስ', data: 'ዳታ|ኢንተርኔት|የሞባይል ዳታ' },
  ha: { inbound: 'mai shigowa|kira mai shigowa|an karɓa', outbound: 'mai fita|kira mai fita|an aika', voice: 'kira|kiran murya', sms: 'saƙo|gajeren saƙo', data: 'intanet|bayanan waya' },
  yo: { inbound: 'ìpè wọlé|wọlé|tí a gbà', outbound: 'ìpè jáde|jáde|tí a fi ránṣẹ́', voice: 'ìpè|ìpè ohùn', sms: 'ọ̀rọ̀ kúkúrú|àtẹ̀jíṣẹ́', data: 'dátà|íntánẹ́ẹ̀tì' },
  ky: { inbound: 'кирүүчү|кирүүчү чалуу|келген', outbound: 'чыгуучу|чыгуучу чалуу|жөнөтүлгөн', voice: 'чалуу|сүйлөшүү|үн чалуу', sms: 'билдирүү|кыска билдирүү', data: 'мобилдик интернет|интернет' },
  tg: { inbound: 'воридотӣ|занги воридотӣ|қабулшуда', outbound: 'содиротӣ|занги содиротӣ|фиристодашуда', voice: 'занг|сӯҳбат|занги овозӣ', sms: 'паём|паёмак', data: 'интернет|интернети мобилӣ' },
  mr: { inbound: 'इनकमिंग|येणारा कॉल|प्राप्त', outbound: 'आउटगोइंग|जाणारा कॉल|पाठवलेला', voice: 'कॉल|व्हॉइस कॉल', sms: 'एसएमएस|संदेश', data: 'डेटा|इंटरनेट' },
  te: { inbound: 'ఇన్‌కమింగ్|వచ్చిన కాల్', outbound: 'అవుట్‌గోయింగ్|చేసిన కాల్', voice: 'కాల్|వాయిస్ కాల్', sms: 'ఎస్ఎంఎస్|సందేశం', data: 'డేటా|ఇంటర్నెట్' },
  gu: { inbound: 'ઇનકમિંગ|આવનાર કૉલ', outbound: 'આઉટગોઇંગ|જનાર કૉલ', voice: 'કૉલ|વૉઇસ કૉલ', sms: 'એસએમએસ|સંદેશ', data: 'ડેટા|ઇન્ટરનેટ' },
  pa: { inbound: 'ਇਨਕਮਿੰਗ|ਆਉਣ ਵਾਲੀ ਕਾਲ', outbound: 'ਆਊਟਗੋਇੰਗ|ਜਾਣ ਵਾਲੀ ਕਾਲ', voice: 'ਕਾਲ|ਵੌਇਸ ਕਾਲ', sms: 'ਐਸਐਮਐਸ|ਸੁਨੇਹਾ', data: 'ਡਾਟਾ|ਇੰਟਰਨੈੱਟ' },
  ml: { inbound: 'ഇൻകമിംഗ്|വരുന്ന കോൾ', outbound: 'ഔട്ട്ഗോയിംഗ്|പോകുന്ന കോൾ', voice: 'കോൾ|വോയ്സ് കോൾ', sms: 'എസ്എംഎസ്|സന്ദേശം', data: 'ഡാറ്റ|ഇന്റർനെറ്റ്' },
  kn: { inbound: 'ಒಳಬರುವ|ಒಳಬರುವ ಕರೆ', outbound: 'ಹೊರಹೋಗುವ|ಹೊರಹೋಗುವ ಕರೆ', voice: 'ಕರೆ|ಧ್ವನಿ ಕರೆ', sms: 'ಎಸ್ಎಂಎಸ್|ಸಂದೇಶ', data: 'ಡೇಟಾ|ಇಂಟರ್ನೆಟ್' },
  lo: { inbound: 'ສາຍເຂົ້າ|ໂທເຂົ້າ', outbound: 'ສາຍອອກ|ໂທອອກ', voice: 'ການໂທ|ໂທ', sms: 'ຂໍ້ຄວາມ|ຂໍ້ຄວາມສັ້ນ', data: 'ອິນເຕີເນັດ|ດາຕ້າ' },
  my: { inbound: 'အဝင်|အဝင်ခေါ်ဆိုမှု', outbound: 'အထွက်|အထွက်ခေါ်ဆိုမှု', voice: 'ခေါ်ဆိုမှု|အသံခေါ်ဆိုမှု', sms: 'မက်ဆေ့ချ်|စာတို', data: 'ဒေတာ|အင်တာနက်' },
  zu: { inbound: 'engenayo|ikholi engenayo', outbound: 'ephumayo|ikholi ephumayo', voice: 'ikholi|ucingo', sms: 'umlayezo|umyalezo', data: 'idatha|i-inthanethi' },
  cy: { inbound: 'galwad i mewn|i mewn|a dderbyniwyd', outbound: 'galwad allan|allan|a ddeialwyd', voice: 'galwad|galwad llais', sms: 'neges destun|neges', data: 'data symudol' },
  ps: { inbound: 'راتلونکی|راتلونکی زنګ', outbound: 'وتونکی|وتونکی زنګ', voice: 'زنګ|غږیز زنګ', sms: 'پیغام|لنډ پیغام', data: 'انټرنېټ|ډېټا' },
  ckb: { inbound: 'هاتوو|پەیوەندی هاتوو|وەرگیراو', outbound: 'دەرچوو|پەیوەندی دەرچوو|نێردراو', voice: 'دەنگ|پەیوەندی دەنگی', sms: 'نامە|کورتەنامە', data: 'ئینتەرنێت|داتا' },
  tk: { inbound: 'gelýän|gelen jaň|kabul edilen', outbound: 'çykýan|çykan jaň|iberilen', voice: 'jaň|sesli jaň|gepleşik', sms: 'gysga habar|habar', data: 'internet|mobil internet' },
  so: { inbound: 'soo galay|soo gal|la helay', outbound: 'baxay|bax|la diray', voice: 'wicitaan|wicitaanka', sms: 'fariin|farriin|fariin gaaban', data: 'xog|internet' },
  fo: { inbound: 'inngangandi|inngangandi samrøða|móttikið', outbound: 'útgangandi|útgangandi samrøða', voice: 'samrøða|uppringing', sms: 'tekstboð|sms-boð', data: 'dáta|mobildáta' },
};
