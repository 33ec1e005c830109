import { describe, expect, it } from 'vitest';
import { detectDateTimeShape, parseDate, parseDateTime } from '../../functions/core/enrich/datetime.ts';

// The edges of what parseDateTime reads: each accepted cell with the instant it names (from
// Date.UTC), each refused one next to the accepted cell it differs from by one character.

const UTC = { timezone: 'UTC' };

function read(cell: string, time?: string): string | undefined {
  const r = parseDateTime(cell, time, UTC);
  return r.ok ? r.iso : undefined;
}

const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(Date.UTC(y, mo - 1, d, h, mi, s)).toISOString().replace('.000Z', 'Z');

describe('a date and a time joined by "@"', () => {
  it('reads the time after the "@", as after "at"', () => {
    expect(read('Nov 3, 2025 @ 2:05 PM')).toBe(at(2025, 11, 3, 14, 5));
    expect(read('2025-11-03@14:05')).toBe(at(2025, 11, 3, 14, 5));
    expect(read('03.11.2025 @14:05:09')).toBe(at(2025, 11, 3, 14, 5, 9));
  });

  it('reads "@" nowhere else', () => {
    for (const cell of ['@ 2025-11-03', '11@03@2025', 'Nov 3 @ 2025', '2025-11-03 14:05 @', '2025-11-03 @ @ 14:05', '2025-11-03 14@05']) {
      expect(read(cell), cell).toBeUndefined();
    }
  });
});
