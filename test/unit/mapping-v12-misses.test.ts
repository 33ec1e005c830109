import { describe, expect, it } from 'vitest';
import { parseInteger } from '../../functions/core/enrich/number.ts';
import { measuredWithinBilled, saysBilledLength } from '../../functions/core/map/billed-length.ts';
import { isOwnerHeader, refusesField } from '../../functions/core/map/negative-cues.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { headerScale } from '../../functions/core/map/units.ts';
import { kindShare } from '../../functions/core/map/value-kinds.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

/**
 * Rules made on the misses of v12/tuning (2026-12-07). Each input is a file of the same kind
 * as the miss, not the miss itself.
 */

const calls = getSchema('call_record');
const contact = getSchema('contact');
const company = getSchema('company_account');
const byField = (m: ReturnType<typeof suggestMapping>) => Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));

describe('a billed length beside the length measured', () => {
  it('reads billing words, not Asterisk\'s billsec', () => {
    expect(saysBilledLength('billed sec')).toBe(true);
    expect(saysBilledLength('minutos facturados')).toBe(true);
    expect(saysBilledLength('abgerechnete dauer')).toBe(true);
    expect(saysBilledLength('billsec')).toBe(false);
    expect(saysBilledLength('duration')).toBe(false);
  });

  it('finds a length within the billed one, not a rate or an id', () => {
    const billed = { header: 'billed_sec', values: ['60', '120', '780'] };
    const columns = [
      { column: 1, header: 'answered_sec', values: ['7', '65', '765'] },
      { column: 2, header: 'rate', values: ['0.0040', '0.0035', '0.0110'] },
      { column: 3, header: 'leg', values: ['1', '2', '3'] },
      { column: 4, header: 'wait (s)', values: ['70', '3', '1'] }, // longer than the billed length on a row
    ];
    expect(measuredWithinBilled(billed, columns)).toEqual([1]);
  });

  it('takes the measured length, for a person to confirm, and keeps a billed length that stands alone', () => {
    const headers = ['uuid', 'start_time', 'direction', 'from', 'to', 'answered_sec', 'billed_sec', 'cost'];
    const rows = [
      ['a1', '2026-10-01T09:00:00Z', 'outbound', '+13125550101', '+13125550190', '42', '60', '0.0040'],
      ['a2', '2026-10-01T10:00:00Z', 'inbound', '+13125550177', '+13125550101', '61', '120', '0.0080'],
      ['a3', '2026-10-01T11:00:00Z', 'outbound', '+13125550101', '+13125550133', '300', '300', '0.0200'],
    ];
    const m = suggestMapping(headers, rows, calls);
    expect(byField(m).duration_seconds).toEqual(['answered_sec']);
    expect(m.status).toBe('needs_mapping');
    const alone = suggestMapping(headers.filter((h) => h !== 'answered_sec'), rows.map((r) => r.filter((_, i) => i !== 5)), calls);
    expect(byField(alone).duration_seconds).toEqual(['billed_sec']);
  });
});

describe('revenue in rupee crore', () => {
  it('reads "Cr" beside the rupee as ten million, and not on its own', () => {
    expect(headerScale('Revenue (₹ Cr)')?.factor).toBe(1e7);
    expect(headerScale('Turnover (Rs. Cr.)')?.factor).toBe(1e7);
    expect(headerScale('Sales INR Cr')?.factor).toBe(1e7);
    expect(headerScale('Revenue (CR)')).toBeUndefined();
    expect(headerScale('Credit (USD)')).toBeUndefined();
  });
});

describe('an exact figure beside its band', () => {
  it('takes the exact revenue, not the band a lexicon word names as surely', () => {
    const headers = ['Firmenname', 'Ort', 'Umsatz (Mio. EUR)', 'Umsatzklasse'];
    const rows = [
      ['Wendler Stahlbau GmbH', 'Kassel', '12,5', '10-25 Mio. €'],
      ['Ostholt Logistik KG', 'Münster', '48,0', '25-50 Mio. €'],
      ['Brinkmann Druck GmbH', 'Bielefeld', '3,1', '2-5 Mio. €'],
    ];
    const revenue = suggestMapping(headers, rows, company).fields.find((f) => f.field === 'annual_revenue');
    expect(revenue?.sourceHeaders).toEqual(['Umsatz (Mio. EUR)']);
    expect(revenue?.transforms).toContainEqual({ kind: 'scale', factor: 1e6 });
  });
});

describe('a headcount with its counter word', () => {
  it('reads "125명", "86人", "40名" as counts', () => {
    expect(parseInteger('125명')).toEqual({ ok: true, value: 125 });
    expect(parseInteger('1,260 人')).toEqual({ ok: true, value: 1260 });
    expect(parseInteger('40名')).toEqual({ ok: true, value: 40 });
    expect(parseInteger('명').ok).toBe(false);
  });

  it('maps a Korean company list\'s headcount printed with 명', () => {
    const headers = ['기업명', '업종', '사원수', '홈페이지'];
    const rows = [
      ['우리정밀(주)', '금속 가공업', '214명', 'woori.example'],
      ['새벽식품 주식회사', '식품 제조업', '57명', 'saebyeok.example'],
      ['한결물류(주)', '운송업', '1,030명', 'hangyeol.example'],
    ];
    expect(byField(suggestMapping(headers, rows, company)).employee_count).toEqual(['사원수']);
  });
});

describe('an owner written inside a CJK header', () => {
  it('reads the owner words of Chinese, Japanese and Korean CRMs', () => {
    expect(isOwnerHeader('负责人所属部门')).toBe(true);
    expect(isOwnerHeader('所有者')).toBe(true);
    expect(isOwnerHeader('소유자 이름')).toBe(true);
    expect(isOwnerHeader('客户名称')).toBe(false);
    expect(isOwnerHeader('担当者')).toBe(false);
  });

  it('never takes the company from the owner\'s department, and takes the firms by their legal forms', () => {
    const companyField = contact.fields.find((f) => f.name === 'company')!;
    expect(refusesField(companyField, '负责人所属部门', ['华北销售部', '华南销售部'])).toBe(true);
    const headers = ['联系人名称', '客户名称', '职务', '手机', '负责人', '负责人所属部门'];
    const rows = [
      ['张伟', '北京华信电子有限公司', '采购经理', '13900001111', '李娜', '华北销售部'],
      ['陈静', '深圳海岸物流有限公司', '总经理', '13600002222', '李娜', '华北销售部'],
      ['周强', '成都天府食品有限公司', '财务总监', '13800003333', '王磊', '西南销售部'],
    ];
    expect(byField(suggestMapping(headers, rows, contact)).company).toEqual(['客户名称']);
  });
});

describe('a name column of firms beside the person\'s own name', () => {
  const headers = ['Nombre', 'Email', 'Persona de contacto', 'Teléfono'];
  it('is the company, for a person to confirm', () => {
    const rows = [
      ['Maderas Ugalde S.L.', 'pedidos@ugalde.example', 'Ane Ugalde', '943 000 111'],
      ['Ferretería Luna', 'info@ferreterialuna.example', 'Pablo Luna', '957 000 222'],
      ['Conservas Miño S.A.', 'ventas@mino.example', 'Rosa Miño', '986 000 333'],
    ];
    const m = suggestMapping(headers, rows, contact);
    expect(byField(m).company).toEqual(['Nombre']);
    expect(byField(m).full_name).toEqual(['Persona de contacto']);
    expect(m.status).toBe('needs_mapping');
  });

  it('is not when the column holds people', () => {
    const rows = [
      ['Ane Ugalde', 'ane@ugalde.example', 'Ane Ugalde', '943 000 111'],
      ['Pablo Luna', 'pablo@luna.example', 'Pablo Luna', '957 000 222'],
      ['Rosa Miño', 'rosa@mino.example', 'Rosa Miño', '986 000 333'],
    ];
    expect(byField(suggestMapping(headers, rows, contact)).company).toBeUndefined();
  });
});

describe('Brazil\'s frequent given names', () => {
  it('reads a Portuguese "Nome" of whole names as the full name', () => {
    expect(kindShare(['Fernanda Lima', 'Bruno Tavares', 'Juliana Rocha', 'Marcos Vieira'], 'person_name').share).toBe(1);
    const headers = ['Nome', 'Empresa', 'E-mail'];
    const rows = [
      ['Aline Souza', 'Padaria Pão Quente Ltda.', 'aline@paoquente.example'],
      ['Rodrigo Alves', 'Alves Transportes S.A.', 'rodrigo@alvestransp.example'],
      ['Patrícia Melo', 'Clínica Vida Ltda.', 'patricia@clinicavida.example'],
    ];
    const m = byField(suggestMapping(headers, rows, contact));
    expect(m.full_name).toEqual(['Nome']);
    expect(m.first_name).toBeUndefined();
  });
});

describe('a number\'s header over names', () => {
  it('does not take a customer column of firm names for the account number', () => {
    const headers = ['Tarih', 'Yön', 'Aranan', 'Müşteri', 'Konuşma Süresi'];
    const rows = [
      ['01.10.2026 09:12:00', 'Giden', '0532 000 11 22', 'Deniz Tekstil A.Ş.', '00:03:12'],
      ['01.10.2026 10:40:10', 'Gelen', '0212 000 33 44', 'Kuzey Yapı Ltd. Şti.', '00:01:05'],
      ['02.10.2026 14:02:33', 'Giden', '0312 000 55 66', 'Ege Gıda San.', '00:07:40'],
    ];
    expect(byField(suggestMapping(headers, rows, calls)).account_number).toBeUndefined();
  });

  it('keeps an account code of one word', () => {
    const headers = ['calldate', 'src', 'dst', 'billsec', 'accountcode'];
    const rows = [
      ['2026-10-01 09:12:00', '201', '4155550142', '161', 'SALES'],
      ['2026-10-01 10:40:10', '202', '2125550123', '402', 'SUPPORT'],
      ['2026-10-02 14:02:33', '201', '4155550177', '75', 'SALES'],
    ];
    expect(byField(suggestMapping(headers, rows, calls)).account_number).toEqual(['accountcode']);
  });
});

describe('the total of a bill\'s fee columns', () => {
  it('is the charge, where the amounts are read by their values alone', () => {
    const headers = ['序号', '起始时间', '对方号码', '通话时长', '基本费(元)', '漫游费(元)', '小计(元)'];
    const rows = [
      ['1', '2026-10-01 09:12:00', '13900001111', '95', '0.20', '0.00', '0.20'],
      ['2', '2026-10-01 10:40:10', '13600002222', '300', '0.00', '1.50', '1.50'],
      ['3', '2026-10-02 14:02:33', '13800003333', '61', '0.10', '0.60', '0.70'],
    ];
    expect(byField(suggestMapping(headers, rows, calls)).cost_minor).toEqual(['小计(元)']);
  });

  it('takes the charge from the total rather than the one fee a header names, for a person to confirm', () => {
    const headers = ['序号', '起始时间', '对方号码', '通话时长', '市话费(元)', '漫游费(元)', '合计(元)'];
    const rows = [
      ['1', '2026-10-01 09:12:00', '13900001111', '95', '0.20', '0.00', '0.20'],
      ['2', '2026-10-01 10:40:10', '13600002222', '300', '0.00', '1.50', '1.50'],
      ['3', '2026-10-02 14:02:33', '13800003333', '61', '0.10', '0.60', '0.70'],
    ];
    const m = suggestMapping(headers, rows, calls);
    expect(byField(m).cost_minor).toEqual(['合计(元)']);
    expect(m.status).toBe('needs_mapping');
  });
});
