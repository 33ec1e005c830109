import fc from 'fast-check';
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { normalizePhone, normalizePhoneUncached } from '../../functions/core/enrich/phone.ts';

// The oracle is libphonenumber-js itself, asked directly: for a valid number of a region,
// every way it is commonly written must normalise to the E.164 form the library gives it.

const REGIONS: CountryCode[] = ['US', 'CA', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'SE', 'PL', 'BR', 'MX', 'IN', 'JP', 'KR', 'CN', 'AU', 'ZA', 'TR', 'RU', 'CH', 'IE', 'NG', 'PH'];

/** A number near the region's example mobile number: its last digits replaced at random. */
const candidate = fc.record({ region: fc.constantFrom(...REGIONS), tail: fc.integer({ min: 0, max: 9999 }) }).map(({ region, tail }) => {
  const national = getExampleNumber(region, examples)!.nationalNumber;
  const digits = national.slice(0, -4) + String(tail).padStart(4, '0');
  return { region, number: parsePhoneNumberFromString(digits, region) };
});

describe('normalizePhone against libphonenumber-js', () => {
  it('reads every common spelling of a valid number to the library\'s E.164', () => {
    fc.assert(
      fc.property(candidate, fc.constantFrom(...REGIONS), ({ region, number }, otherRegion) => {
        fc.pre(number !== undefined && number.isValid());
        const e164 = number!.number;
        // In its own region: national, international, E.164 and tel: URI forms.
        for (const written of [number!.formatNational(), number!.formatInternational(), e164, number!.getURI()]) {
          expect(normalizePhone(written, region), `${written} in ${region}`).toMatchObject({ ok: true, e164, valid: true });
          expect(normalizePhoneUncached(written, region)).toEqual(normalizePhone(written, region));
        }
        // Written internationally, it reads the same in any default region.
        expect(normalizePhone(number!.formatInternational(), otherRegion)).toMatchObject({ ok: true, e164, valid: true });
        // With 00, the international prefix dialled from most of Europe, instead of the plus
        // (00 means something else where the prefix is 011, 010 or 001).
        expect(normalizePhone(`00${e164.slice(1)}`, 'DE')).toMatchObject({ ok: true, e164 });
      }),
      { numRuns: 150 },
    );
  });

  it('gives the region and line type the library gives', () => {
    fc.assert(
      fc.property(candidate, ({ region, number }) => {
        fc.pre(number !== undefined && number.isValid());
        const read = normalizePhone(number!.formatInternational(), region);
        expect(read).toMatchObject({ ok: true, region: number!.country });
        const type = number!.getType();
        if (type !== undefined) expect(read).toMatchObject({ lineType: type.toLowerCase() });
      }),
      { numRuns: 100 },
    );
  });
});
