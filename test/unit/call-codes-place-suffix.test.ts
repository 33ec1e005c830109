import { describe, expect, it } from 'vitest';
import { readCallCode } from '../../functions/core/enrich/call-codes.ts';

// One rule for the direction AT&T prints after a place: the carrier-code reader owns it, and
// the call semantics (marker columns, learned code columns) and the value maps read it there.
describe('readCallCode: a direction printed after a place', () => {
  it.each([
    ['CHICAGO IL IN', 'inbound'],
    ['BOSTON MA OU', 'outbound'],
    ['BOSTON MA OUT', 'outbound'],
    ['ST LOUIS MO IN', 'inbound'],
    // a place whose name starts with a word that is a weak code elsewhere (Mount Vernon, O'Fallon)
    ['MT VERNON IL OU', 'outbound'],
    ['O FALLON MO IN', 'inbound'],
  ])('reads %j as %s, meaning the same in any column', (raw, direction) => {
    expect(readCallCode(raw)).toEqual({ direction, weak: false });
  });

  it('keeps a trailing "IN" after a city without a state code weak (Fort Wayne, Indiana), and a lower-case one too', () => {
    expect(readCallCode('FORT WAYNE IN')).toEqual({ direction: 'inbound', weak: true });
    expect(readCallCode('Chicago Il in')?.weak).toBe(true);
    expect(readCallCode('CHICAGO IL')).toBeUndefined();
  });
});
