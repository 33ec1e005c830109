import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '../../functions/core/enrich/datetime.ts';
import { isCurrencyCode } from '../../functions/core/enrich/money.ts';
import { REGIONS_WITH_DEFAULTS, regionDefaults } from '../../functions/core/records/region-defaults.ts';

describe('regionDefaults', () => {
  it('gives a single-zone country its zone and currency, in any case', () => {
    expect(regionDefaults('fr')).toEqual({ currency: 'EUR', timezone: 'Europe/Paris' });
    expect(regionDefaults('GB')).toEqual({ currency: 'GBP', timezone: 'Europe/London' });
  });

  it('gives a country of several zones its currency only, and an unknown region nothing', () => {
    expect(regionDefaults('US')).toEqual({ currency: 'USD' });
    expect(regionDefaults('AU')).toEqual({ currency: 'AUD' });
    expect(regionDefaults('ZZ')).toEqual({});
  });

  it('holds only zones and currency codes the runtime knows', () => {
    for (const region of REGIONS_WITH_DEFAULTS) {
      const { currency, timezone } = regionDefaults(region);
      expect(isCurrencyCode(currency!), `${region} ${currency}`).toBe(true);
      if (timezone !== undefined) expect(isValidTimeZone(timezone), `${region} ${timezone}`).toBe(true);
    }
  });
});
