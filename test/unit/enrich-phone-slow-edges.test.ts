import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../functions/core/enrich/phone.ts';

// normalizePhone's general path (libphonenumber-js with the retries and reasons around it) at
// the edges a StrykerJS run of phone.ts left: short-code bounds, vanity letters at both ends
// of the alphabet, default regions in lower case or unknown, and the international retry.

describe('short codes', () => {
  it.each([
    ['three digits', '611', '611'],
    ['six digits', '123456', '123456'],
    ['a star code', '*86', '*86'],
    ['a hash code closed by a hash', '#12#', '#12#'],
    ['a code in brackets', '(611)', '611'],
    ['a code in a tel: URI', 'tel:611', '611'],
  ])('keeps %s as a short code', (_name, raw, shortCode) => {
    expect(normalizePhone(raw, 'US')).toEqual({ ok: false, reason: 'short code (no E.164 form)', shortCode });
  });

  it.each([
    ['seven digits', '1234567', 'too few digits for US'],
    ['a star and one digit', '*1', 'not a phone number'],
    ['two digits', '12', 'too few digits for US'],
  ])('reads %s as no short code', (_name, raw, reason) => {
    expect(normalizePhone(raw, 'US')).toEqual({ ok: false, reason });
  });
});

describe('vanity numbers', () => {
  it('turns letters from both ends of the alphabet into keypad digits', () => {
    expect(normalizePhone('1-800-ABC-WXYZ', 'US')).toMatchObject({ ok: true, e164: '+18002229999' });
    expect(normalizePhone('1-800-abc-wxyz', 'US')).toMatchObject({ ok: true, e164: '+18002229999' });
    expect(normalizePhone('(1-800) FLOWERS', 'US')).toMatchObject({ ok: true, e164: '+18003569377' });
  });

  it.each([
    ['punctuation after the letters', '1-800-FLOWERS!'],
    ['digits after the letters but three before them', '800-FLOWERS-1234'],
    ['a mark before the digits', '#1-800-FLOWERS'],
    ['a URI mark that is not at the start', '+44 20 7946 0958 (tel:)'],
  ])('refuses %s', (_name, raw) => {
    expect(normalizePhone(raw, 'US')).toEqual({ ok: false, reason: 'not a phone number' });
  });
});

describe('the 64-character bound', () => {
  const cell = (length: number) => '+44' + ' '.repeat(length - 15) + '20 7946 0958';
  it('reads a cell of 64 characters, and one padded beyond them', () => {
    expect(cell(64)).toHaveLength(64);
    expect(normalizePhone(cell(64), 'GB')).toMatchObject({ ok: true, e164: '+442079460958' });
    expect(normalizePhone(`    ${cell(64)}    `, 'GB')).toMatchObject({ ok: true, e164: '+442079460958' });
  });

  it('refuses 65', () => {
    expect(normalizePhone(cell(65), 'GB')).toEqual({ ok: false, reason: 'too long for a phone number' });
  });
});

describe('default regions', () => {
  it('reads a region in lower case (and an answer has no extension key without one)', () => {
    expect(normalizePhone('020 7946 0958', 'gb')).toStrictEqual({ ok: true, e164: '+442079460958', region: 'GB', lineType: 'fixed_line', valid: true });
  });

  it('reads international numbers under a region it does not know, and nothing national', () => {
    expect(normalizePhone('+44 20 7946 0958', 'XX')).toMatchObject({ ok: true, e164: '+442079460958', region: 'GB' });
    expect(normalizePhone('+1 800 GOFEDEX', 'XX')).toMatchObject({ ok: true, e164: '+18004633339', region: 'US' });
    expect(normalizePhone('020 7946 0958', 'XX')).toEqual({ ok: false, reason: 'not a phone number' });
    // a NANP number of no region stays without one, under an unknown region or another country's
    expect(normalizePhone('+1 555 010 0100', 'XX')).toMatchObject({ ok: true, e164: '+15550100100', region: null });
    expect(normalizePhone('+1 555 010 0100', 'GB')).toMatchObject({ ok: true, e164: '+15550100100', region: null });
    // and names no region in a reason
    expect(normalizePhone('020 7946 0958 1234567', 'XX')).toEqual({ ok: false, reason: 'not a phone number' });
  });
});

describe('lengths and the international retry', () => {
  it.each([
    ['too few digits, read in the region', '1234567', 'US', 'too few digits for US'],
    ['too few digits, written with its +', '+44 20 794', 'GB', 'too few digits'],
    ['too many digits after spaces and a +', '  +44 20 7946 0958 1234567', 'GB', 'too many digits'],
    ['too many digits for a NANP number written with +1', '+1 555 0100 0100', 'GB', 'too many digits'],
    ['an unknown calling code', '+999 1234 5678', 'US', 'not a phone number'],
    ['00 and too few digits to retry', '00 1234567', 'DE', 'too few digits for DE'],
    ['a short international number without its +, not retried', '00 683 4002', 'US', 'too few digits for US'],
  ])('%s', (_name, raw, region, reason) => {
    expect(normalizePhone(raw, region)).toEqual({ ok: false, reason });
  });

  it.each([
    ['a switch record\'s bare 11 digits, kept although unassigned', '15550100100', 'GB', { e164: '+15550100100', region: null, valid: false, lineType: 'unknown' }],
    ['00 and a possible NANP number', '0015550100100', 'DE', { e164: '+15550100100', region: null, valid: false }],
    ['a British number without its +, from the US', '44 20 7946 0958', 'US', { e164: '+442079460958', region: 'GB', valid: true }],
    ['ten digits that are a possible US number, not a British one', '4420794609', 'US', { e164: '+14420794609', region: 'US', valid: false }],
  ])('reads %s', (_name, raw, region, expected) => {
    expect(normalizePhone(raw, region)).toMatchObject({ ok: true, ...expected });
  });
});
