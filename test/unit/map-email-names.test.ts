import { describe, expect, it } from 'vitest';
import { emailColumnValues, namePartByEmail } from '../../functions/core/map/email-names.ts';

// the rows of a member list whose headers are in a language no lexicon holds
const ADDRESSES = ['awa.diop@mail.example', 'Moussa.Ndiaye2@mail.example', 'fatou_fall@mail.example', 'ibrahima-sarr@mail.example'];

describe('namePartByEmail', () => {
  it('reads the given name from the word that opens the address', () => {
    expect(namePartByEmail(['Awa', 'Moussa', 'Fatou', 'Ibrahima'], ADDRESSES)).toEqual({ part: 'given', share: 1, count: 4 });
  });

  it('reads the family name from a word after it, through case, digits, diacritics and apostrophes', () => {
    expect(namePartByEmail(['DIOP', 'Ndiaye', 'Fáll', "S'arr"], ADDRESSES)).toEqual({ part: 'family', share: 1, count: 4 });
    // two family names, the first in the address ("Quispe Mamani", rosa.quispe@)
    expect(namePartByEmail(['Quispe Mamani', 'Huamán Condori'], ['rosa.quispe@mail.example', 'juan.huaman@mail.example'])).toEqual({ part: 'family', share: 1, count: 2 });
  });

  it('takes a whole name, two of whose words are in the address, for neither part', () => {
    expect(namePartByEmail(['Awa Diop', 'Moussa Ndiaye', 'Fatou Fall'], ADDRESSES)).toEqual({ part: 'given', share: 0, count: 3 });
  });

  it('counts the rows compared: both cells filled and an address of two words or more', () => {
    const r = namePartByEmail(['Awa', '', 'Fatou', 'Ibrahima', 'Khady'], [ADDRESSES[0]!, ADDRESSES[1]!, 'fatou@mail.example', ADDRESSES[3]!, 'khady.gueye@mail.example']);
    expect(r).toEqual({ part: 'given', share: 1, count: 3 });
    // a value of one letter says nothing
    expect(namePartByEmail(['A', 'M', 'Fatou', 'Ibrahima'], ADDRESSES)).toEqual({ part: 'given', share: 1, count: 2 });
  });

  it('gives the part most rows agree on, its share, and nothing on fewer than two rows', () => {
    expect(namePartByEmail(['Awa', 'Ndiaye', 'Fall', 'Seck'], ADDRESSES)).toEqual({ part: 'family', share: 0.5, count: 4 });
    expect(namePartByEmail(['Awa', 'Ndiaye', 'Seck', 'Ly'], ADDRESSES)).toEqual({ part: 'given', share: 0.25, count: 4 });
    expect(namePartByEmail(['Awa'], ADDRESSES)).toBeUndefined();
    expect(namePartByEmail(['Awa', 'Moussa'], ['not an address', 'moussa.ndiaye@'])).toBeUndefined();
  });
});

describe('emailColumnValues', () => {
  const table = [
    ['1', 'Awa', 'awa.diop@mail.example', 'x@y.example'],
    ['2', 'Moussa', '', ''],
    ['3', 'Fatou', 'fatou.fall@mail.example', ''],
  ];
  const column = (c: number) => table.map((r) => r[c] ?? '');

  it('is the first column whose filled cells are mostly addresses', () => {
    expect(emailColumnValues(4, column)).toEqual(['awa.diop@mail.example', '', 'fatou.fall@mail.example']);
  });

  it('needs two addresses, more than half of the filled cells, among the columns it is given', () => {
    expect(emailColumnValues(2, column)).toBeUndefined();
    const half = [['a.b@c.example'], ['x'], ['d.e@f.example'], ['y']];
    expect(emailColumnValues(1, (c) => half.map((r) => r[c] ?? ''))).toBeUndefined();
    const one = [['a.b@c.example'], ['']];
    expect(emailColumnValues(1, (c) => one.map((r) => r[c] ?? ''))).toBeUndefined();
  });
});

describe('namePartByEmail on initials and names of several words', () => {
  it('reads an initial in the address as the part it stands for, for a name of one word', () => {
    const addresses = ['d.macaoidh@post.example', 'aslat.b@post.example', 'morag.nicleoid@post.example'];
    expect(namePartByEmail(['Dòmhnall', 'Áslat', 'Mòrag'], addresses)).toEqual({ part: 'given', share: 1, count: 3 });
    expect(namePartByEmail(['MacAoidh', 'Balto', 'NicLeòid'], addresses)).toEqual({ part: 'family', share: 1, count: 3 });
    // an initial that is not there says nothing
    expect(namePartByEmail(['Xavier', 'Yann'], addresses)).toEqual({ part: 'given', share: 0, count: 2 });
  });

  it('reads a part of several words written as one word of the address', () => {
    expect(namePartByEmail(['Te Whata', 'Van Dijk'], ['aroha.tewhata@mail.example', 'sam.vandijk@mail.example'])).toEqual({ part: 'family', share: 1, count: 2 });
    expect(namePartByEmail(['Mary Ann', 'Jean Luc'], ['maryann.smith@mail.example', 'jeanluc.roy@mail.example'])).toEqual({ part: 'given', share: 1, count: 2 });
  });

  it('takes a whole name whose rest is one word of the address, or whose initial alone is there, for neither part', () => {
    expect(namePartByEmail(['Sanne de Vries', 'Mohamed El Amrani', 'Femke Visser'], ['sanne.devries@x.example', 'm.elamrani@x.example', 'f.visser@x.example'])).toEqual({ part: 'family', share: 1 / 3, count: 3 });
  });
});
