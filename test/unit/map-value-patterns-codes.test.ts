import { describe, expect, it } from 'vitest';
import { fitsField } from '../../functions/core/map/value-patterns.ts';
import type { FieldDefinition } from '../../functions/core/schemas/schema-types.ts';

const ctx = { defaultRegion: 'US' };
const code: FieldDefinition = { name: 'currency', type: 'string', required: false, description: 'ISO 4217 code', synonyms: [] };

describe('fitsField for a text field that is no name', () => {
  it('takes codes, places and numbers', () => {
    for (const v of ['KRW', 'Seoul', 'ACC-0012', '4711', 'n/a']) expect(fitsField(code, v, ctx)).toBe(true);
  });

  it('refuses dates, date-times and clock times: a code is never one', () => {
    for (const v of ['2026.11.03', '03/11/2026', '2026-11-03 08:14', '08:14:22']) expect(fitsField(code, v, ctx)).toBe(false);
  });
});
