import { describe, expect, it } from 'vitest';
import { dropOtherPeople, suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

/**
 * Rules made on the misses of v17/tuning (2026-12-07). Each input is a file of the same kind as
 * the miss, written for the test, not the miss itself.
 */

const byField = (m: ReturnType<typeof suggestMapping>) => Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));
const calls = getSchema('call_record');
const contacts = getSchema('contact');

describe('a relative beside the member', () => {
  it("does not take an emergency contact's whole name, who shares the member's family name only, for the member's", () => {
    const m = suggestMapping(['First Name', 'Last Name', 'Email', 'Next of Kin Name', 'Next of Kin Phone'], [
      ['Sione', 'Tupou', 'sione.tupou@mail.example', 'Mele Tupou', '0400 000 111'],
      ['Grace', 'Walker', 'grace.w@mail.example', 'Tom Walker', '0400 000 222'],
      ['Aroha', 'Ngata', 'aroha.ngata@mail.example', 'Wiremu Ngata', '0400 000 333'],
    ], contacts);
    expect(byField(m).full_name).toBeUndefined();
    expect(byField(m).first_name).toEqual(['First Name']);
  });

  it('keeps a whole name that holds both of its own row\'s parts', () => {
    const fields = contacts.fields;
    const at = (name: string) => fields.findIndex((f) => f.name === name);
    const columns = [['Ana Reis', 'Rui Costa'], ['Ana', 'Rui'], ['Reis', 'Costa']];
    const fieldColumns = new Map([[at('full_name'), { column: 0, confidence: 0.95 }], [at('first_name'), { column: 1, confidence: 0.95 }], [at('last_name'), { column: 2, confidence: 0.95 }]]);
    expect(dropOtherPeople(fields, fieldColumns, new Set([0, 1, 2]), (c) => columns[c]!)).toEqual([]);
    // the same whole names beside other given names: someone else's
    const others = [['Ana Reis', 'Rui Costa'], ['Lia', 'Ivo'], ['Reis', 'Costa']];
    expect(dropOtherPeople(fields, new Map(fieldColumns), new Set([0, 1, 2]), (c) => others[c]!)).toEqual([{ field: at('full_name'), column: 0 }]);
  });
});

describe('call codes by their values beside a record type a header named', () => {
  const headers = ['Ngày', 'Giờ', 'Số máy', 'Loại dịch vụ', 'ᏓᏓᏁᎸ'];
  const rows = [
    ['03/11/2026', '08:14:22', '0900 000 123', 'Thoại', 'Gọi đi'],
    ['03/11/2026', '09:30:10', '0910 000 456', 'Tin nhắn', 'Gọi đến'],
    ['03/11/2026', '11:02:45', '028 3000 0789', 'Thoại', 'Gọi đến'],
  ];

  it('takes a column that reads as both directions for the direction, under a header nobody reads', () => {
    expect(byField(suggestMapping(headers, rows, calls)).direction).toEqual(['ᏓᏓᏁᎸ']);
  });

  it('not a column of one direction only, nor a record type from values once a header gave one', () => {
    const oneWay = rows.map((r) => [...r.slice(0, 4), 'Gọi đi']);
    expect(byField(suggestMapping(headers, oneWay, calls)).direction).toBeUndefined();
    const types = rows.map((r) => [...r.slice(0, 4), r[3] === 'Thoại' ? 'SMS' : 'Thoại']);
    expect(byField(suggestMapping(headers, types, calls)).record_type).toEqual(['Loại dịch vụ']);
  });

  it('names the record type on the direction column only where that column tells two types apart', () => {
    const both = suggestMapping(['Thời điểm bắt đầu', 'Số khách hàng', 'Hướng cuộc gọi'], [
      ['03/11/2026 08:14:22', '0900 000 123', 'Cuộc gọi đi'],
      ['03/11/2026 09:30:10', '0910 000 456', 'Tin nhắn đến'],
      ['03/11/2026 11:02:45', '028 3000 0789', 'Cuộc gọi đến'],
    ], calls);
    expect(byField(both).record_type).toEqual(['Hướng cuộc gọi']);
    const callsOnly = suggestMapping(['Thời điểm bắt đầu', 'Số khách hàng', 'Hướng cuộc gọi'], [
      ['03/11/2026 08:14:22', '0900 000 123', 'Gọi ra'],
      ['03/11/2026 09:30:10', '0910 000 456', 'Gọi vào'],
      ['03/11/2026 11:02:45', '028 3000 0789', 'Gọi vào'],
    ], calls);
    expect(byField(callsOnly).direction).toEqual(['Hướng cuộc gọi']);
    expect(byField(callsOnly).record_type).toBeUndefined();
  });
});

describe('names no list holds, told by the addresses beside them', () => {
  it('maps a Wolof member list\'s given and family names by the e-mail addresses of the same rows', () => {
    const m = suggestMapping(['Lim', 'Sant', 'Tur', 'Imeel'], [
      ['1', 'Diop', 'Awa', 'awa.diop@mail.example'],
      ['2', 'Ndiaye', 'Moussa', 'moussa.ndiaye@mail.example'],
      ['3', 'Fall', 'Fatou', ''],
      ['4', 'Gueye', 'Khady', 'khady.gueye@mail.example'],
    ], contacts);
    expect(byField(m)).toMatchObject({ first_name: ['Tur'], last_name: ['Sant'] });
    expect(m.fields.find((f) => f.field === 'first_name')!.confidence).toBeLessThan(0.65);
    expect(m.status).toBe('needs_mapping');
  });

  it('not without addresses, nor from a column of whole names', () => {
    expect(byField(suggestMapping(['Lim', 'Sant', 'Tur'], [['1', 'Diop', 'Awa'], ['2', 'Ndiaye', 'Moussa'], ['3', 'Gueye', 'Khady']], contacts)).first_name).toBeUndefined();
    const whole = suggestMapping(['Lim', 'Tur', 'Imeel'], [
      ['1', 'Awa Diop', 'awa.diop@mail.example'],
      ['2', 'Moussa Ndiaye', 'moussa.ndiaye@mail.example'],
      ['3', 'Khady Gueye', 'khady.gueye@mail.example'],
    ], contacts);
    expect(byField(whole).first_name).toBeUndefined();
    expect(byField(whole).last_name).toBeUndefined();
  });
});

describe('a date is no code', () => {
  it('does not take a Korean call date (통화일자: 통화 is "call" and "currency") for the currency, and pairs it with its time', () => {
    const m = suggestMapping(['번호', '통화일자', '통화시각', '상대방 번호', '통화시간'], [
      ['1', '2026.11.03', '08:14:22', '010-0000-1234', '00:02:31'],
      ['2', '2026.11.03', '09:40:05', '010-0000-5678', '00:00:40'],
      ['3', '2026.11.04', '12:11:47', '02-000-0123', '00:05:09'],
    ], calls);
    expect(byField(m).currency).toBeUndefined();
    expect(byField(m).started_at).toEqual(['통화일자', '통화시각']);
  });
});

describe('lengths, staff and employers under headers nobody reads', () => {
  it('takes plain numbers under a header noting seconds in a borrowed word for the length', () => {
    const headers = ['Itariki', 'Isaha', 'Nomero', 'Igihe (amasegonda)'];
    const rows = [
      ['03/11/2026', '08:14', '+257 79 000 123', '151'],
      ['03/11/2026', '10:02', '+257 79 000 456', '0'],
      ['03/11/2026', '12:40', '+257 79 000 789', '42'],
    ];
    expect(byField(suggestMapping(headers, rows, calls)).duration_seconds).toEqual(['Igihe (amasegonda)']);
    // the same numbers with no such note say nothing
    expect(byField(suggestMapping([...headers.slice(0, 3), 'Igihe'], rows, calls)).duration_seconds).toBeUndefined();
  });

  it("takes a company list's only column of counts for its staff, below the threshold", () => {
    const companies = getSchema('company_account');
    const headers = ['Ennym y dellal', 'Balley', 'Fir-obbree', 'Blein'];
    const rows = [
      ['Thie Vaaish Bakery Ltd', 'Doolish', '12', '2019'],
      ['Rhumsaa Joinery Ltd', 'Rhumsaa', '4', '2021'],
      ['Balley Chashtal Digital Ltd', 'Balley Chashtal', '26', '2018'],
    ];
    const m = suggestMapping(headers, rows, companies);
    expect(byField(m).employee_count).toEqual(['Fir-obbree']);
    expect(m.fields.find((f) => f.field === 'employee_count')!.confidence).toBe(0.5);
    // not a postcode whose header says so, nor one of two columns of counts
    expect(byField(suggestMapping([...headers.slice(0, 2), 'Postcode', 'Blein'], rows, companies)).employee_count).toBeUndefined();
    const two = suggestMapping([...headers, 'Skeerey'], rows.map((r, i) => [...r, String(9 - i * 4)]), companies);
    expect(byField(two).employee_count).toBeUndefined();
    // a header that names the field still wins over the values
    expect(byField(suggestMapping(['Ennym y dellal', 'Employees', 'Fir-obbree'], rows.map((r) => [r[0]!, '7', r[2]!]), companies)).employee_count).toEqual(['Employees']);
  });

  it('takes a column of employers with no legal form in their names for the company', () => {
    const m = suggestMapping(['Sant', 'Tur', 'Imeel', 'Fi mu liggéeyé'], [
      ['Diop', 'Awa', 'awa.diop@mail.example', 'Lycée Blaise Diagne'],
      ['Ndiaye', 'Moussa', 'moussa.ndiaye@mail.example', 'Atelier Ndiaye Couture'],
      ['Fall', 'Fatou', 'fatou.fall@mail.example', 'Community Secondary School, Thiès'],
    ], contacts);
    expect(byField(m).company).toEqual(['Fi mu liggéeyé']);
  });
});

describe('a name header over given names', () => {
  it('takes a name header beside a surname (Ainm, Sloinneadh) for the given name when the addresses open with its values, below the threshold', () => {
    const m = suggestMapping(['Ainm', 'Sloinneadh', 'Post-d'], [
      ['Mòrag', 'NicLeòid', 'morag.nicleoid@post.example'],
      ['Dòmhnall', 'MacAoidh', 'd.macaoidh@post.example'],
      ['Seonag', 'Dhòmhnallach', 'seonag.dh@post.example'],
    ], contacts);
    expect(byField(m).first_name).toEqual(['Ainm']);
    expect(byField(m).full_name).toBeUndefined();
    expect(m.fields.find((f) => f.field === 'first_name')!.confidence).toBeLessThan(0.65);
  });

  it('keeps a whole name a whole name', () => {
    const m = suggestMapping(['Name', 'E-mail'], [
      ['Sanne de Vries', 'sanne.devries@groenhuis.example'],
      ['Mohamed El Amrani', 'm.elamrani@amrani.example'],
      ['Femke Visser', 'f.visser@duinzicht.example'],
    ], contacts);
    expect(byField(m).full_name).toEqual(['Name']);
  });
});

describe('a name header over one part of the name, by the addresses', () => {
  const withAddresses = (values: string[], addresses: string[]) => values.map((v, i) => [v, addresses[i]!]);
  const addresses = ['awa.diop@mail.example', 'moussa.ndiaye@mail.example', 'fatou.fall@mail.example', 'khady.gueye@mail.example', 'ibou.sarr@mail.example'];

  it('moves it to the family name when the addresses end with its values, at the evidence\'s confidence', () => {
    const m = suggestMapping(['Ainm', 'Imeel'], withAddresses(['Diop', 'Ndiaye', 'Fall', 'Gueye', 'Sarr'], addresses), contacts);
    expect(byField(m).last_name).toEqual(['Ainm']);
    expect(byField(m).full_name).toBeUndefined();
    expect(m.fields.find((f) => f.field === 'last_name')!.confidence).toBe(0.6);
  });

  it('doubts it on three rows of five (the whole name, held below the threshold, still wins), not on two', () => {
    const three = suggestMapping(['Ainm', 'Imeel'], withAddresses(['Awa', 'Moussa', 'Fatou', 'Seynabou', 'Lamine'], addresses), contacts);
    expect(byField(three).full_name).toEqual(['Ainm']);
    expect(three.fields.find((f) => f.field === 'full_name')!.confidence).toBeLessThan(0.65);
    const two = suggestMapping(['Ainm', 'Imeel'], withAddresses(['Awa', 'Moussa', 'Aminata', 'Seynabou', 'Lamine'], addresses), contacts);
    expect(two.fields.find((f) => f.field === 'full_name')!.confidence).toBe(0.95);
  });

  it('not without addresses', () => {
    const m = suggestMapping(['Ainm', 'Fòn'], [['Awa', '+221 77 000 12 34'], ['Moussa', '+221 76 000 56 78'], ['Fatou', '+221 78 000 90 12']], contacts);
    expect(m.fields.find((f) => f.field === 'full_name')!.confidence).toBe(0.95);
  });

  it('not a header of another field over the same values', () => {
    const m = suggestMapping(['Job Title', 'Imeel'], withAddresses(['Awa', 'Moussa', 'Fatou', 'Khady', 'Ibou'], addresses), contacts);
    expect(byField(m).first_name).toBeUndefined();
  });

  it("in a tenant's schema whose given name is its first field", () => {
    const schema = {
      name: 'members',
      fields: [
        { name: 'given', type: 'string' as const, required: false, description: 'Given name', synonyms: [], kind: 'given_name' as const },
        { name: 'whole', type: 'string' as const, required: false, description: 'Whole name', synonyms: ['ainm'], kind: 'person_name' as const },
        { name: 'mail', type: 'email' as const, required: false, description: 'E-mail', synonyms: ['imeel'] },
      ],
    };
    const m = suggestMapping(['Ainm', 'Imeel'], withAddresses(['Awa', 'Moussa', 'Fatou', 'Khady', 'Ibou'], addresses), schema);
    expect(Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]))).toMatchObject({ given: ['Ainm'] });
  });
});
