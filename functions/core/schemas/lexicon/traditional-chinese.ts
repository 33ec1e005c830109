import type { LexiconBlock } from './lexicon-types.ts';

/**
 * Traditional Chinese wordings (Taiwan, Hong Kong, Macau) of the `zh` terms of the three
 * built-in lexicons, written as those locales print them: the Traditional characters of each
 * Simplified term that changes in conversion (电话号码 → 電話號碼, 职称 → 職稱), and the words
 * Taiwanese and Hong Kong software uses where it differs in wording, not only in characters
 * (行動電話, 手提電話, 電郵, 電子信箱, 網址, 縣市, 通話秒數, 幣別 ...). Terms that are the same in both
 * scripts are in the Simplified blocks already and are left out here. The `zh` key holds both
 * scripts: headers are not folded from one script to the other.
 */

/** call_record: Taiwanese and Hong Kong carrier bills and PBX reports. */
export const CALL_RECORD_ZH_HANT: readonly LexiconBlock[] = [
  { field: 'started_at', source: 'carrier', terms: { zh: '時間|通話時間|開始時間|通話日期|起始時間|通話起始時間|日期時間|呼叫時間|通話日期時間|撥打時間|撥打日期' } },
  { field: 'started_at.time', source: 'carrier', terms: { zh: '時刻|時間' } },
  { field: 'direction', source: 'carrier', terms: { zh: '呼叫類型|通話類型|類型(主叫/被叫)|通話方向|撥入/撥出|撥出/撥入|來電/去電|去電/來電|發話/受話' } },
  { field: 'counterpart_number', source: 'carrier', terms: { zh: '對方號|被叫號碼|主叫號碼|電話號碼|號碼|通話號碼|對方電話|通話對象|撥打號碼|所撥號碼|受話號碼' } },
  { field: 'subscriber_number', source: 'carrier', terms: { zh: '本方號碼|計費號碼|手機門號|用戶門號' } },
  { field: 'duration_seconds', source: 'carrier', terms: { zh: '通信時長|時長|通話時間長度|持續時間|通話長度|通話分鐘數' } },
  { field: 'record_type', source: 'carrier', terms: { zh: '類型|通信類型|業務|服務類型|服務類別|服務項目' } },
  { field: 'location', source: 'carrier', terms: { zh: '通信地點|通話地點|歸屬地|對方歸屬地|通話地|地區|漫遊地|通話地區' } },
  { field: 'cost_minor', source: 'carrier', terms: { zh: '通信費|實收通信費|實收費用|應收通信費|費用|話費|金額|計費|費用(元)|通話費用|應付金額|收費' } },
  { field: 'currency', source: 'std', terms: { zh: '幣種|貨幣|幣別' } },
  { field: 'account_number', source: 'carrier', terms: { zh: '本機號碼|帳戶|賬戶|帳號|賬號|客戶號|本機號|客戶編號|帳戶號碼' } },
];

/** contact: zh-TW / zh-HK Outlook, Google Contacts and CRM exports. */
export const CONTACT_ZH_HANT: readonly LexiconBlock[] = [
  { field: 'full_name', source: 'std', terms: { zh: '聯絡人|聯繫人|連絡人|聯絡人姓名|聯繫人姓名' } },
  { field: 'full_name', source: 'google', terms: { zh: '顯示名稱' } },
  { field: 'email', source: 'outlook', terms: { zh: '電子郵箱|企業郵箱|郵件地址|電郵|電郵地址|電子郵件地址|電子信箱|信箱' } },
  { field: 'phone', source: 'outlook', terms: { zh: '手機號|手機號碼|電話號碼|聯絡電話|聯繫電話|連絡電話|移動電話|行動電話|手提電話|流動電話|公司電話' } },
  { field: 'title', source: 'outlook', terms: { zh: '職務|頭銜|崗位|職稱|職銜' } },
  { field: 'company', source: 'outlook', terms: { zh: '公司名稱|企業|企業名稱|單位|工作單位|組織|服務單位|機構名稱' } },
  { field: 'domain', source: 'outlook', terms: { zh: '網站|網址|主頁|公司網站|網頁|個人網頁|網域名稱' } },
];

/** company_account: Taiwanese and Hong Kong company registers, CRM and company databases. */
export const COMPANY_ACCOUNT_ZH_HANT: readonly LexiconBlock[] = [
  { field: 'name', source: 'register', terms: { zh: '公司名稱|企業名稱|企業|單位名稱|名稱|客戶名稱|商業名稱|機構名稱' } },
  { field: 'domain', source: 'register', terms: { zh: '網站|網址|官網|公司網站|官方網站|網域|網域名稱|網頁' } },
  { field: 'industry', source: 'register', terms: { zh: '行業|所屬行業|行業類別|產業|領域|產業類別|產業別|所屬產業|行業別|營業項目|所營事業' } },
  { field: 'employee_count', source: 'register', terms: { zh: '員工數|員工數量|人數|公司規模|員工規模|僱員人數' } },
  { field: 'annual_revenue', source: 'register', terms: { zh: '營收|年營業額|營業額|銷售額|年營收|年度營收' } },
  { field: 'technologies', source: 'crm', terms: { zh: '技術棧|使用技術|技術|技術堆疊' } },
  { field: 'country', source: 'register', terms: { zh: '國家/地區|國別|國家或地區' } },
  { field: 'city', source: 'register', terms: { zh: '縣市|縣/市|所在縣市' } },
];
