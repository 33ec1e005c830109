import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../../functions/core/map/normalize-header.ts';
import { headerReads } from '../../functions/core/map/unread-columns.ts';
import { BUILTIN_SCHEMAS } from '../../functions/core/schemas/registry.ts';

const builtins = [...BUILTIN_SCHEMAS.values()];
const reads = (h: string) => headerReads(h, normalizeHeader(h), builtins);

describe('headerReads', () => {
  it('reads a header split at its inner capitals ("EmpId": emp id)', () => {
    expect(reads('EmpId')).toBe(true);
    expect(reads('TaxId')).toBe(true);
  });

  it('or whole when its capitals are inside a name ("LinkedIn", "WhatsApp")', () => {
    expect(reads('LinkedIn')).toBe(true);
    expect(reads('WhatsApp')).toBe(true);
  });

  it('not a header of words nobody wrote down', () => {
    expect(reads('Fir-obbree')).toBe(false);
    expect(reads('FooBar')).toBe(false);
  });
});
