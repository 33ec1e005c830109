import { describe, expect, it } from 'vitest';
import { countsRows, isQuantityColumn } from '../../functions/core/map/left-out-evidence.ts';
import { suggestMapping } from '../../functions/core/map/suggest-mapping.ts';
import { getSchema } from '../../functions/core/schemas/registry.ts';

/**
 * Rules made on the misses of v10/tuning-b (2026-12-07). Each input is a file of the same kind
 * as the miss, not the miss itself.
 */

const company = getSchema('company_account');
const byField = (m: ReturnType<typeof suggestMapping>) => Object.fromEntries(m.fields.map((f) => [f.field, f.sourceHeaders]));
const revenue = company.fields.find((f) => f.name === 'annual_revenue')!;

describe('a sheet\'s row number is no quantity', () => {
  it('tells 1, 2, 3 down the rows from counts and amounts', () => {
    expect(countsRows(['1', '2', '3'])).toBe(true);
    expect(countsRows(['17', '18', '19', '20'])).toBe(true);
    expect(countsRows(['1', '3', '2'])).toBe(false);
    expect(countsRows(['1', '', '3'])).toBe(false);
    expect(countsRows(['12', '380', '24'])).toBe(false);
    expect(isQuantityColumn(revenue, 'No.', ['1', '2', '3'], { defaultRegion: 'US' })).toBe(false);
    expect(isQuantityColumn(revenue, 'Amount', ['120', '45', '3'], { defaultRegion: 'US' })).toBe(true);
  });

  it('does not hold a company list whose first column numbers the rows', () => {
    const headers = ['No.', 'Company Name', 'Website', 'Industry', 'Employees'];
    const rows = [
      ['1', 'Alpha Trading Ltd', 'alpha.example', 'Wholesale', '120'],
      ['2', 'Beta Foods Ltd', 'betafoods.example', 'Food processing', '45'],
      ['3', 'Gamma Print Ltd', 'gammaprint.example', 'Printing', '12'],
    ];
    const m = suggestMapping(headers, rows, company);
    expect(byField(m)).toMatchObject({ name: ['Company Name'], domain: ['Website'], industry: ['Industry'], employee_count: ['Employees'] });
    expect(m.status).toBe('mapped');
  });
});
