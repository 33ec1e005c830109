import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../../functions/core/map/normalize-header.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const byField = (m: ReturnType<typeof suggestMapping>) => Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));

describe('headers in Vietnamese, Indonesian, Arabic, Hebrew and Hindi', () => {
  it('folds Arabic hamza and vowel marks, Hebrew points and the Devanagari nukta', () => {
    expect(normalizeHeader('البريد الإلكتروني')).toBe(normalizeHeader('البريد الالكتروني'));
    expect(normalizeHeader('الاسم الأوَّل')).toBe(normalizeHeader('الاسم الاول'));
    expect(normalizeHeader('फ़ोन')).toBe(normalizeHeader('फोन'));
    expect(normalizeHeader('שֵׁם')).toBe('שם');
  });

  it('maps contact headers in each of the five languages', () => {
    const contact = getSchema('contact');
    const row = ['Nguyễn Văn An', 'an@cty.example', '0900 000 001', 'Giám đốc', 'Công ty TNHH Minh Phát'];
    expect(byField(suggestMapping(['Họ và tên', 'Email', 'Điện thoại', 'Chức vụ', 'Công ty'], [row], contact))).toMatchObject({
      full_name: ['Họ và tên'], phone: ['Điện thoại'], title: ['Chức vụ'], company: ['Công ty'],
    });
    expect(byField(suggestMapping(['Nama Depan', 'Nama Belakang', 'No. HP', 'Jabatan', 'Perusahaan'], [['Budi', 'Santoso', '0812 0000 0001', 'Manajer', 'PT Maju Jaya']], contact))).toMatchObject({
      first_name: ['Nama Depan'], last_name: ['Nama Belakang'], phone: ['No. HP'], title: ['Jabatan'], company: ['Perusahaan'],
    });
    expect(byField(suggestMapping(['الاسم الكامل', 'البريد الإلكتروني', 'المسمى الوظيفي', 'جهة العمل'], [['أحمد علي', 'a@x.example', 'مدير', 'شركة النور']], contact))).toMatchObject({
      full_name: ['الاسم الكامل'], email: ['البريد الإلكتروني'], title: ['المسمى الوظيفي'], company: ['جهة العمل'],
    });
    expect(byField(suggestMapping(['שם פרטי', 'שם משפחה', 'תפקיד', 'חברה'], [['דנה', 'כהן', 'מנהלת', 'אלפא בע"מ']], contact))).toMatchObject({
      first_name: ['שם פרטי'], last_name: ['שם משפחה'], title: ['תפקיד'], company: ['חברה'],
    });
  });

  it('maps a Hindi call log and a Hebrew company list', () => {
    const calls = suggestMapping(['नंबर', 'दिनांक', 'अवधि (सेकंड)'], [['+91 90000 00001', '2026-11-02 10:15', '134']], getSchema('call_record'));
    expect(byField(calls)).toMatchObject({ counterpart_number: ['नंबर'], started_at: ['दिनांक'], duration_seconds: ['अवधि (सेकंड)'] });
    const companies = suggestMapping(['שם החברה', 'ענף', 'מספר עובדים', 'עיר'], [['אלפא בע"מ', 'תוכנה', '120', 'חיפה']], getSchema('company_account'));
    expect(byField(companies)).toMatchObject({ name: ['שם החברה'], industry: ['ענף'], employee_count: ['מספר עובדים'], city: ['עיר'] });
  });

  it('reads a bill\'s "line" column of phone numbers as the subscriber\'s own number', () => {
    const rows = [['600 000 001', '2026-11-02 10:15', '600 000 777', '0:45']];
    expect(byField(suggestMapping(['Línea', 'Fecha', 'Número llamado', 'Duración'], rows, getSchema('call_record'))).subscriber_number).toEqual(['Línea']);
  });
});
