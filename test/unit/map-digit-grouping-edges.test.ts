import { describe, expect, it } from 'vitest';
import { dotsGroupThousands } from '../../functions/core/map/digit-grouping.ts';

describe('dotsGroupThousands', () => {
  it('groups when one number shows it beyond doubt: two dots, or a dot group then a decimal comma', () => {
    expect(dotsGroupThousands(['28.400', '1.250.000'])).toBe(true);
    expect(dotsGroupThousands(['2.415,50', '1'])).toBe(true);
    expect(dotsGroupThousands(['1.250,5'])).toBe(true);
    expect(dotsGroupThousands(['1.250.000'], 'Rate/min')).toBe(true);
  });

  it('never groups with a decimal point in the column, or a number of four digits printed without a dot', () => {
    expect(dotsGroupThousands(['4.30'])).toBe(false);
    expect(dotsGroupThousands(['0.125', '1.250'])).toBe(false);
    expect(dotsGroupThousands(['1.2500'])).toBe(false);
    expect(dotsGroupThousands(['1.250', '2.375', '1500'])).toBe(false);
    expect(dotsGroupThousands(['1.250', '2.500', '1000'])).toBe(false);
    expect(dotsGroupThousands(['1.250', '2.500', '1 000'])).toBe(false);
    expect(dotsGroupThousands(['1.250.000', '1500'])).toBe(false);
    expect(dotsGroupThousands(['1.250.000', '2.5'])).toBe(false);
  });

  it('groups two dotted numbers beside a whole amount under a thousand printed as it is', () => {
    expect(dotsGroupThousands(['1.250', '2.375'])).toBe(false);
    expect(dotsGroupThousands(['1.250', '290'])).toBe(false);
    expect(dotsGroupThousands(['1.250', '2.375', '290'])).toBe(true);
    expect(dotsGroupThousands(['', '1.250', '2.500', '99'])).toBe(true);
    expect(dotsGroupThousands(['1.250', '2.500', '999'])).toBe(true);
    expect(dotsGroupThousands(['1.250', '2.500', '12'])).toBe(true);
    expect(dotsGroupThousands(['1.250', '2.500', '1'])).toBe(true);
    expect(dotsGroupThousands(['1.250', '2.500', '0'])).toBe(false);
    expect(dotsGroupThousands(['1.250', '2.500', '012'])).toBe(false);
    expect(dotsGroupThousands(['1.250', 'x', 'n/a'])).toBe(false);
    expect(dotsGroupThousands([])).toBe(false);
  });

  it('groups any dotted number with a currency without decimals in the header or the values', () => {
    expect(dotsGroupThousands(['1.250'], 'Amount VND')).toBe(true);
    expect(dotsGroupThousands(['1.250'], 'won')).toBe(true);
    expect(dotsGroupThousands(['1.250'], '₩')).toBe(true);
    expect(dotsGroupThousands(['1.250'], "So'm")).toBe(true);
    expect(dotsGroupThousands(['1.250'], 'Summa (soʻm)')).toBe(true);
    expect(dotsGroupThousands(['1.250'], 'Số tiền (đồng)')).toBe(true);
    expect(dotsGroupThousands(['1.250 VND'])).toBe(true);
    expect(dotsGroupThousands(['Rp 1.250'])).toBe(true);
    expect(dotsGroupThousands(["1.250 so'm"])).toBe(true);
    expect(dotsGroupThousands(['28.400 đ'])).toBe(true);
    expect(dotsGroupThousands(['đ 28.400'])).toBe(true);
    expect(dotsGroupThousands(['28.400₫'])).toBe(true);
    expect(dotsGroupThousands(['1.250'], 'krone')).toBe(false);
    expect(dotsGroupThousands(['1.250'], 'Amount (wonder)')).toBe(false);
    expect(dotsGroupThousands(['1.250'], 'dram')).toBe(true);
    expect(dotsGroupThousands(['1.250'], 'dramas')).toBe(false);
  });

  it('keeps three decimals for dinars and for rates, even with a currency without decimals', () => {
    expect(dotsGroupThousands(['1.250', '2.375', '290'], 'Cost (KWD)')).toBe(false);
    expect(dotsGroupThousands(['1.250 KWD'], 'Amount VND')).toBe(false);
    expect(dotsGroupThousands(['1.250'], 'Amount (د.ك)')).toBe(false);
    expect(dotsGroupThousands(['1.250'], 'Amount (kwdx) VND')).toBe(true);
    for (const header of ['Rate/min', 'rates', 'Price per minute', 'per min VND', 'tariff', 'price (rate)', 'PPM VND', 'Preis pro Minute', 'Cost / sec VND']) {
      expect(dotsGroupThousands(['1.250', '2.375', '290'], header)).toBe(false);
    }
    expect(dotsGroupThousands(['1.250', '2.375', '290'], 'rated')).toBe(true);
    expect(dotsGroupThousands(['1.250', '2.375', '290'], 'Cost / session')).toBe(true);
  });

  it('reads the number inside a cell, without its sign, currency or spaces', () => {
    expect(dotsGroupThousands(['-28.400', '$ 1.250', '5'])).toBe(true);
    // spaces and apostrophes group the thousands there, so the dot is a decimal point
    expect(dotsGroupThousands(["1'250.000", '2.500', '5'])).toBe(false);
    expect(dotsGroupThousands(['1\u00a0250.000', '2.500', '5'])).toBe(false);
    expect(dotsGroupThousands(['1 250.000', '2.500', '5'])).toBe(false);
  });
});

describe('the currencies without decimals, one at a time', () => {
  it('groups a lone dotted amount under each, written in the header', () => {
    const words = [
      'vnd', 'dong', 'đong', 'idr', 'rp', 'rupiah', 'uzs', 'som', 'сум', 'сўм', 'krw', 'won', '원', 'irr', 'irt', 'rial', 'toman', 'ریال', 'تومان',
      'mnt', 'tugrik', 'төгрөг', 'amd', 'dram', 'դրամ', 'clp', 'pyg', 'guarani', 'isk', 'ugx', 'rwf', 'xof', 'xaf', 'gnf', 'kmf', 'lak', 'kip', 'khr', 'riel', 'mmk', 'kyat', 'iqd', 'lbp',
      '₫', '₩', '₮', '֏', '₭', '៛',
    ];
    expect(words.filter((w) => !dotsGroupThousands(['1.250'], `Amount (${w})`))).toEqual([]);
    expect(words.filter((w) => !dotsGroupThousands([`1.250 ${w}`]))).toEqual([]);
  });

  it('keeps three decimals under each dinar', () => {
    const dinars = ['BHD', 'KWD', 'OMR', 'JOD', 'TND', 'LYD', 'د.ك', 'ر.ع', 'د.ب', 'د.ت', 'د.ا'];
    expect(dinars.filter((d) => dotsGroupThousands(['1.250'], `Amount VND ${d}`))).toEqual([]);
  });
});
