import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import type { MappingResult } from '../../functions/core/pipeline-types.ts';
import { CALL_RECORD_LEXICON } from '../../functions/core/schemas/lexicon/call-record.ts';
import { COMPANY_ACCOUNT_LEXICON } from '../../functions/core/schemas/lexicon/company-account.ts';
import { CONTACT_LEXICON } from '../../functions/core/schemas/lexicon/contact.ts';
import { BUILTIN_LEXICONS, lexiconTerms, type LexiconBlock } from '../../functions/core/schemas/lexicon/index.ts';
import { CALL_RECORD_ZH_HANT, COMPANY_ACCOUNT_ZH_HANT, CONTACT_ZH_HANT } from '../../functions/core/schemas/lexicon/traditional-chinese.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

const SETS: [schema: string, base: readonly LexiconBlock[], hant: readonly LexiconBlock[]][] = [
  ['call_record', CALL_RECORD_LEXICON, CALL_RECORD_ZH_HANT],
  ['contact', CONTACT_LEXICON, CONTACT_ZH_HANT],
  ['company_account', COMPANY_ACCOUNT_LEXICON, COMPANY_ACCOUNT_ZH_HANT],
];

function byField(m: MappingResult): Record<string, string[]> {
  return Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));
}

describe.each(SETS)('Traditional Chinese wordings of %s', (schemaName, base, hant) => {
  const schema = getSchema(schemaName);
  const fields = new Set(schema.fields.flatMap((f) => [f.name, `${f.name}.time`]));

  it('has blocks only for fields of the schema that have zh terms, with a zh entry only', () => {
    expect(hant.length).toBeGreaterThan(0);
    for (const block of hant) {
      expect(fields.has(block.field), block.field).toBe(true);
      expect(base.some((b) => b.field === block.field && b.terms.zh !== undefined), block.field).toBe(true);
      expect(base.some((b) => b.field === block.field && b.source === block.source && b.terms.zh !== undefined), `${block.field} ${block.source}`).toBe(true);
      expect(Object.keys(block.terms)).toEqual(['zh']);
    }
  });

  it('holds no empty term, no term twice and no term the zh blocks already hold for that field', () => {
    for (const block of hant) {
      const terms = (block.terms.zh ?? '').split('|');
      for (const term of terms) {
        expect(term.trim(), `${block.field}: "${block.terms.zh}"`).not.toBe('');
        expect(term, block.field).toBe(term.trim());
      }
      expect(new Set(terms).size, block.field).toBe(terms.length);
      const present = new Set(lexiconTerms(base, block.field).filter((t) => t.lang === 'zh').map((t) => t.term));
      for (const term of terms) expect(present.has(term), `${block.field}: ${term}`).toBe(false);
    }
  });

  it('is part of the built-in lexicon of the schema', () => {
    const lexicon = BUILTIN_LEXICONS.get(schemaName) ?? [];
    for (const block of hant) expect(lexicon).toContain(block);
  });
});

describe('suggestMapping with Traditional Chinese headers', () => {
  it('maps a Taiwanese contact export', () => {
    const headers = ['姓名', '職稱', '公司名稱', '行動電話', '電子郵件', '備註'];
    const rows = [
      ['陳怡君', '業務經理', '好日子貿易股份有限公司', '0912-000-123', 'yijun.chen@haorizi.example', '展會認識'],
      ['林建宏', '資深工程師', '青山軟體有限公司', '0928-000-456', 'chienhung.lin@qingshan.example', ''],
      ['王美玲', '採購專員', '大河食品股份有限公司', '0933-000-789', 'meiling.wang@dahe.example', '下週回電'],
    ];
    const m = suggestMapping(headers, rows, getSchema('contact'));
    expect(byField(m)).toEqual({
      full_name: ['姓名'],
      title: ['職稱'],
      company: ['公司名稱'],
      phone: ['行動電話'],
      email: ['電子郵件'],
    });
    for (const f of m.fields) expect(f.reason, f.field).toBe('synonym');
  });

  it('maps a Taiwanese company list', () => {
    const headers = ['公司名稱', '產業類別', '員工人數', '營業額', '縣市', '網址'];
    const rows = [
      ['好日子貿易股份有限公司', '批發及零售業', '45', '120000000', '臺北市', 'https://www.haorizi.example'],
      ['青山軟體有限公司', '資訊服務業', '120', '350000000', '新竹市', 'https://qingshan.example'],
      ['大河食品股份有限公司', '食品製造業', '310', '980000000', '臺中市', 'www.dahe.example'],
    ];
    const m = suggestMapping(headers, rows, getSchema('company_account'));
    expect(byField(m)).toEqual({
      name: ['公司名稱'],
      industry: ['產業類別'],
      employee_count: ['員工人數'],
      annual_revenue: ['營業額'],
      city: ['縣市'],
      domain: ['網址'],
    });
    for (const f of m.fields) expect(f.reason, f.field).toBe('synonym');
  });
});
