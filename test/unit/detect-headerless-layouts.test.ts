import { describe, expect, it } from 'vitest';
import { recognizeHeaderless } from '../../functions/core/detect/headerless-layouts.ts';

/** One row of Asterisk's `Master.csv` (18 columns), with cells replaced by index. */
function cdr(over: Record<number, string> = {}, width = 18): string[] {
  const row = [
    '', '101', '200', 'from-internal', '"Desk" <101>', 'SIP/101-0000', 'SIP/200-0001', 'Dial', 'SIP/200,30',
    '2025-11-03 09:01:00', '2025-11-03 09:01:05', '2025-11-03 09:11:00', '600', '595', 'ANSWERED', 'DOCUMENTATION',
    '1730624460.1', '',
  ].slice(0, width);
  for (const [i, v] of Object.entries(over)) row[Number(i)] = v;
  return row;
}
const one = (row: string[]): string | undefined => recognizeHeaderless([row])?.name;

describe('recognizeHeaderless: Asterisk Master.csv', () => {
  it('names the layout and the columns for its width (16 to 18)', () => {
    expect(recognizeHeaderless([cdr(), cdr()])).toEqual({
      name: 'asterisk-cdr-csv',
      headers: [
        'accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata',
        'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags', 'uniqueid', 'userfield',
      ],
    });
    expect(recognizeHeaderless([cdr({}, 16)])?.headers).toHaveLength(16);
    expect(recognizeHeaderless([cdr({}, 17)])?.headers.at(-1)).toBe('uniqueid');
  });

  it('takes no row narrower than 16 or wider than 18 columns', () => {
    expect(one(cdr({}, 15))).toBeUndefined();
    expect(one([...cdr(), 'extra'])).toBeUndefined();
  });

  it('has nothing to recognize in no rows or blank rows', () => {
    expect(recognizeHeaderless([])).toBeUndefined();
    expect(recognizeHeaderless([['', ' '], ['\t']])).toBeUndefined();
  });

  it('checks each time column against the full YYYY-MM-DD HH:MM:SS shape', () => {
    expect(one(cdr({ 9: '2025-11-03' }))).toBeUndefined();
    expect(one(cdr({ 9: 'x2025-11-03 09:01:00' }))).toBeUndefined();
    expect(one(cdr({ 9: '2025-11-03 09:01:00x' }))).toBeUndefined();
    expect(one(cdr({ 11: '2025-11-03 9:11' }))).toBeUndefined();
    expect(one(cdr({ 10: 'soon' }))).toBeUndefined();
  });

  it('takes an empty answer time (an unanswered call) and trims the cells', () => {
    expect(one(cdr({ 10: '', 14: 'NO ANSWER' }))).toBe('asterisk-cdr-csv');
    expect(one(cdr({ 9: ' 2025-11-03 09:01:00 ', 12: ' 600 ', 14: ' BUSY ' }))).toBe('asterisk-cdr-csv');
  });

  it('needs whole seconds in duration and billsec', () => {
    expect(one(cdr({ 12: '6.5' }))).toBeUndefined();
    expect(one(cdr({ 12: 'a600' }))).toBeUndefined();
    expect(one(cdr({ 13: '595s' }))).toBeUndefined();
    expect(one(cdr({ 13: '' }))).toBeUndefined();
  });

  it('knows the dispositions and AMA flags in any case, or a numeric flag', () => {
    for (const d of ['answered', 'NO ANSWER', 'Busy', 'FAILED', 'congestion']) expect(one(cdr({ 14: d }))).toBe('asterisk-cdr-csv');
    expect(one(cdr({ 14: 'HUNG UP' }))).toBeUndefined();
    for (const f of ['documentation', 'BILLING', 'Omit', 'DEFAULT', '3']) expect(one(cdr({ 15: f }))).toBe('asterisk-cdr-csv');
    expect(one(cdr({ 15: 'FREE' }))).toBeUndefined();
    expect(one(cdr({ 15: '3a' }))).toBeUndefined();
  });

  it('needs 80 % of the non-blank rows in the shape and width of the first', () => {
    const bad = cdr({ 14: 'HUNG UP' });
    expect(recognizeHeaderless([cdr(), cdr(), cdr(), cdr(), bad])?.name).toBe('asterisk-cdr-csv');
    expect(recognizeHeaderless([cdr(), cdr(), cdr(), bad, bad])).toBeUndefined();
    // blank rows do not count against the share
    expect(recognizeHeaderless([cdr(), [''], [' ', ''], cdr(), cdr(), cdr(), bad])?.name).toBe('asterisk-cdr-csv');
    // a row of another width does not count for it, though it has the shape
    expect(recognizeHeaderless([cdr(), cdr({}, 17), cdr({}, 17), cdr({}, 17), cdr({}, 17)])).toBeUndefined();
  });
});
