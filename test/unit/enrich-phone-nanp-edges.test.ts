import fc from 'fast-check';
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { normalizePhone, normalizePhoneUncached } from '../../functions/core/enrich/phone.ts';

// The NANP fast path answers from a memo of verdicts per leading digits; these tests hold it
// to libphonenumber-js asked directly, and to the uncached reading for spellings it must leave
// alone. Edges a StrykerJS run of phone.ts left: the line types no example reached, and
// spellings next to the plain ones the fast path takes.

/** What normalizePhone must answer for a number libphonenumber reads as possible, from the library alone. */
function libraryAnswer(raw: string, region: CountryCode) {
  const number = parsePhoneNumberFromString(raw, region);
  if (number === undefined || !number.isPossible()) return undefined;
  const valid = number.isValid();
  const type = valid ? number.getType() : undefined;
  // a number of a shared calling code that fits no region takes the default region when that shares the code
  const sharedRegion = getCountryCallingCode(region) === number.countryCallingCode ? region : null;
  return { ok: true, e164: number.number, region: number.country ?? sharedRegion, lineType: type === undefined ? 'unknown' : type.toLowerCase(), valid };
}

const NANP_REGIONS: CountryCode[] = ['US', 'CA', 'JM', 'DO', 'PR', 'BS', 'TT', 'GU', 'AG', 'VI'];
const AREAS = ['212', '415', '876', '658', '809', '787', '242', '868', '671', '268', '340', '800', '888', '900', '500', '555', '311'];
const nationalNumber = fc
  .tuple(fc.oneof(fc.constantFrom(...AREAS), fc.integer({ min: 200, max: 999 }).map(String)), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([area, rest]) => area + String(rest).padStart(7, '0'));
const WRITE_AS = [
  (d: string) => d,
  (d: string) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `+1 ${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  (d: string) => `1${d}`,
];
const written = fc.tuple(nationalNumber, fc.integer({ min: 0, max: WRITE_AS.length - 1 })).map(([d, w]) => WRITE_AS[w]!(d));

describe('NANP numbers against libphonenumber-js', () => {
  it('give the E.164 form, region, line type and validity the library gives, memo or not', () => {
    fc.assert(
      fc.property(written, fc.constantFrom(...NANP_REGIONS), (raw, region) => {
        const expected = libraryAnswer(raw, region);
        fc.pre(expected !== undefined);
        // twice: the second answer comes from the memo of its leading digits
        expect(normalizePhone(raw, region), `${raw} in ${region}`).toEqual(expected);
        expect(normalizePhone(raw, region), `${raw} in ${region}, again`).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('read a spelling next to a plain one as the uncached reading does, whatever the memo holds', () => {
    const noise = fc.constantFrom('+', 'x', '#', '/', ',', '*', ';', '1', '0', ' ', '-', '.', '(', ')', '\t', 'A', 'e', '++', '  ');
    const regions = fc.constantFrom<CountryCode>(...NANP_REGIONS, 'GB', 'DE', 'FR', 'AU');
    fc.assert(
      fc.property(written, noise, fc.nat(), regions, (raw, extra, at, region) => {
        normalizePhone(raw, region); // the memo now knows the plain number's leading digits
        const cut = at % (raw.length + 1);
        const noisy = raw.slice(0, cut) + extra + raw.slice(cut);
        expect(normalizePhone(noisy, region), `${JSON.stringify(noisy)} in ${region}`).toEqual(normalizePhoneUncached(noisy, region));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a cell over 64 characters even when its digits are a known NANP number', () => {
    expect(normalizePhone('212 555 0100', 'US')).toMatchObject({ ok: true, e164: '+12125550100' });
    const spaced = `212${' '.repeat(60)}555 0101`;
    expect(normalizePhone(spaced, 'US')).toEqual({ ok: false, reason: 'too long for a phone number' });
  });
});

describe('every line type, named as libphonenumber-js names it', () => {
  it.each([
    ['fixed_line', '020 7946 0958', 'GB'],
    ['mobile', '0660 123456', 'AT'],
    ['fixed_line_or_mobile', '201 555 0123', 'US'],
    ['toll_free', '0800 123 4567', 'GB'],
    ['premium_rate', '0909 879 0000', 'GB'],
    ['shared_cost', '0810 12 34 56', 'FR'],
    ['voip', '056 1234 5678', 'GB'],
    ['personal_number', '070 1234 5678', 'GB'],
    ['pager', '076 4012 3456', 'GB'],
    ['uan', '055 1234 5678', 'GB'],
    ['voicemail', '088 191 08032', 'IE'],
  ] as const)('%s (%s in %s)', (lineType, raw, region) => {
    expect(libraryAnswer(raw, region)?.lineType).toBe(lineType);
    expect(normalizePhone(raw, region)).toMatchObject({ ok: true, valid: true, lineType });
  });
});
