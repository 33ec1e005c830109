import { describe, expect, it } from 'vitest';
import { emailColumnValues, namePartByEmail } from '../../functions/core/map/email-names.ts';

// the edges of reading a name's part from the address beside it (mutation tests: each case
// tells a changed pattern or check apart)
describe('namePartByEmail at its edges', () => {
  it('reads an address with spaces around it', () => {
    expect(namePartByEmail(['Awa', 'Moussa'], ['  awa.diop@mail.example ', '\tmoussa.ndiaye@mail.example'])).toEqual({ part: 'given', share: 1, count: 2 });
  });

  it('reads no address with other text before or after it in the cell', () => {
    expect(namePartByEmail(['Awa', 'Moussa'], ['Mrs awa.diop@mail.example', 'moussa.ndiaye@mail.example (work)'])).toBeUndefined();
  });

  it('skips separators that open the local part, and a word that is all digits', () => {
    // "_awa.diop", "2024.moussa.ndiaye": the first word is still the given name
    expect(namePartByEmail(['Awa', 'Moussa'], ['_awa.diop@mail.example', '2024.moussa.ndiaye@mail.example'])).toEqual({ part: 'given', share: 1, count: 2 });
    // a local part of one word and a number is one word: not compared
    expect(namePartByEmail(['Awa', 'Moussa', 'Fatou'], ['awa.1990@mail.example', 'moussa.ndiaye@mail.example', 'fatou.fall@mail.example'])).toEqual({ part: 'given', share: 1, count: 2 });
  });

  it('drops only the digits that end a word, all of them', () => {
    expect(namePartByEmail(['Ndiaye', 'Fall'], ['moussa.ndiaye22@mail.example', 'fatou.fall007@mail.example'])).toEqual({ part: 'family', share: 1, count: 2 });
    // digits inside a word keep it from matching the name
    expect(namePartByEmail(['Awa', 'Fatou'], ['a2wa.diop@mail.example', 'fat0u.fall@mail.example'])).toEqual({ part: 'given', share: 0, count: 2 });
  });

  it('compares no row past the end of the addresses', () => {
    expect(namePartByEmail(['Awa', 'Moussa', 'Fatou'], ['awa.diop@mail.example', 'moussa.ndiaye@mail.example'])).toEqual({ part: 'given', share: 1, count: 2 });
    expect(namePartByEmail(['Awa', 'Moussa'], ['awa.diop@mail.example'])).toBeUndefined();
  });

  it('reads a name with spaces around and between its words', () => {
    expect(namePartByEmail(['  Quispe   Mamani ', ' Huamán\u00a0 Condori'], ['rosa.quispe@mail.example', 'juan.huaman@mail.example'])).toEqual({ part: 'family', share: 1, count: 2 });
  });
});

describe('emailColumnValues at its edges', () => {
  const columnOf = (rows: string[][]) => (c: number) => rows.map((r) => r[c] ?? '');

  it('counts the filled cells only: two addresses among blank cells are a column of addresses', () => {
    const rows = [['a.b@c.example'], [''], ['   '], ['d.e@f.example']];
    expect(emailColumnValues(1, columnOf(rows))).toEqual(['a.b@c.example', '', '   ', 'd.e@f.example']);
  });

  it('reads addresses with spaces around them', () => {
    const rows = [[' a.b@c.example'], ['d.e@f.example '], ['x']];
    expect(emailColumnValues(1, columnOf(rows))).toEqual([' a.b@c.example', 'd.e@f.example ', 'x']);
  });

  it('takes no cell with text around an address for one', () => {
    const rows = [['Mail: a.b@c.example'], ['d.e@f.example today'], ['g.h@i.example']];
    expect(emailColumnValues(1, columnOf(rows))).toBeUndefined();
  });
});
