import { describe, expect, it } from 'vitest';
import { tokenizeRecords, UNCLOSED_QUOTE, type TokenizedRecord } from '../../functions/core/parse/csv-tokenizer.ts';

const cellsOf = (records: TokenizedRecord[]) => records.map((r) => r.cells);

/** The whole text at once, as the last piece. */
function tokenizeAll(text: string, delimiter = ',', maxBreaks?: number): TokenizedRecord[] {
  return tokenizeRecords(text, delimiter, 1, true, maxBreaks).records;
}

/**
 * The text in pieces of `size` characters, the way a stream reader feeds it: what a piece
 * leaves unconsumed is put in front of the next one, and the last piece is final.
 */
function tokenizeInPieces(text: string, size: number, delimiter = ','): TokenizedRecord[] {
  const records: TokenizedRecord[] = [];
  let pending = '';
  let line = 1;
  for (let at = 0; at < text.length || pending.length > 0; at += size) {
    const final = at + size >= text.length;
    const input = pending + text.slice(at, at + size);
    const result = tokenizeRecords(input, delimiter, line, final);
    records.push(...result.records);
    pending = input.slice(result.consumed);
    line = result.nextLine;
    if (final) {
      expect(pending).toBe('');
      break;
    }
  }
  return records;
}

describe('tokenizeRecords: the last record', () => {
  it('keeps a last row without a line break that ends in a quoted cell', () => {
    expect(cellsOf(tokenizeAll('id,name\n1,Ann\n2,"Bob"'))).toEqual([['id', 'name'], ['1', 'Ann'], ['2', 'Bob']]);
  });

  it('keeps a last row that ends in a delimiter after a quoted cell, with its empty last cell', () => {
    expect(cellsOf(tokenizeAll('a,b,c\n1,"2",'))).toEqual([['a', 'b', 'c'], ['1', '2', '']]);
    expect(cellsOf(tokenizeAll('a,b,c\n1,"2",\n'))).toEqual([['a', 'b', 'c'], ['1', '2', '']]);
  });

  it('keeps a last row that is a single quoted cell, or an unquoted cell after a quoted one', () => {
    expect(cellsOf(tokenizeAll('"a"'))).toEqual([['a']]);
    expect(cellsOf(tokenizeAll('"a",b'))).toEqual([['a', 'b']]);
    expect(cellsOf(tokenizeAll('x\n"a,1",b'))).toEqual([['x'], ['a,1', 'b']]);
  });

  it('leaves a record not ended by a line break unconsumed unless the piece is final', () => {
    for (const text of ['1,"2"', '1,"2",', '"a', '1,"2"x', '"a""', 'a,b']) {
      const result = tokenizeRecords(`h\n${text}`, ',', 7, false);
      expect(cellsOf(result.records)).toEqual([['h']]);
      expect(result.consumed).toBe(2);
      expect(result.nextLine).toBe(8);
    }
  });

  it('waits for the rest of a quoted cell over several lines unless the piece is final', () => {
    const result = tokenizeRecords('"a\nb" ', ',', 1, false);
    expect(result).toEqual({ records: [], consumed: 0, nextLine: 1 });
    expect(cellsOf(tokenizeRecords('"a\nb" ', ',', 1, true).records)).toEqual([['a\nb']]);
  });
});

describe('tokenizeRecords: records and their positions', () => {
  it('counts lines, lengths with the line break, and the breaks inside quoted cells', () => {
    const records = tokenizeAll('a,b\r\n"x\ny",z\n\n"q"\r\n');
    expect(records).toEqual([
      { cells: ['a', 'b'], line: 1, length: 5, innerBreaks: 0 },
      { cells: ['x\ny', 'z'], line: 2, length: 8, innerBreaks: 1 },
      { cells: [''], line: 4, length: 1, innerBreaks: 0 },
      { cells: ['q'], line: 5, length: 5, innerBreaks: 0 },
    ]);
  });

  it('starts counting at the line it is given and says where the rest starts', () => {
    const result = tokenizeRecords('a\n"b\nc"\nrest', ',', 40, false);
    expect(result.records.map((r) => r.line)).toEqual([40, 41]);
    expect(result.consumed).toBe(8);
    expect(result.nextLine).toBe(43);
  });

  it('drops the CR of a CRLF after a closing quote and after an unquoted cell, and keeps one inside quotes', () => {
    expect(cellsOf(tokenizeAll('"a"\r\n"b"\r\nc,"d"\r\n'))).toEqual([['a'], ['b'], ['c', 'd']]);
    expect(cellsOf(tokenizeAll('"a",b\r\n'))).toEqual([['a', 'b']]);
    expect(cellsOf(tokenizeAll('"a\r\nb",c\r\n'))).toEqual([['a\r\nb', 'c']]);
    expect(tokenizeAll('"a"\r\n')[0]).not.toHaveProperty('error');
  });

  it('drops the CR of a CRLF that ends text after a closing quote', () => {
    const records = tokenizeAll('"a"x\r\nb\r\n');
    expect(cellsOf(records)).toEqual([['ax'], ['b']]);
    expect(records[0]!.error).toBe('malformed quotes: text after a closing quote');
  });

  it('reads doubled quotes, delimiters and empty quoted cells inside quotes', () => {
    expect(cellsOf(tokenizeAll('"say ""hi""","a,b","",""""\n'))).toEqual([['say "hi"', 'a,b', '', '"']]);
  });

  it('keeps text after a closing quote in the cell and marks the record', () => {
    const [record] = tokenizeAll('"a"b,c\n');
    expect(record!.cells).toEqual(['ab', 'c']);
    expect(record!.error).toBe('malformed quotes: text after a closing quote');
    expect(tokenizeAll('"a"  ,c\n')[0]).not.toHaveProperty('error');
  });

  it('splits on a delimiter of several characters, quoted or not', () => {
    expect(cellsOf(tokenizeAll('a||b\n"c||d"||e\n"f"||\n', '||'))).toEqual([['a', 'b'], ['c||d', 'e'], ['f', '']]);
  });

  it('allows spaces and tabs between a multi-line cell\'s closing quote and the delimiter, but not a tab that is the delimiter', () => {
    expect(cellsOf(tokenizeAll('"a\nb" \t,c\n'))).toEqual([['a\nb', 'c']]);
    expect(cellsOf(tokenizeAll('"a\nb"\tc\n', '\t'))).toEqual([['a\nb', 'c']]);
    expect(cellsOf(tokenizeAll('"a\nb"||c\n', '||'))).toEqual([['a\nb', 'c']]);
  });
});

describe('tokenizeRecords: quotes that are never closed', () => {
  it('cuts the record at the end of the quote\'s line when the input ends inside the quote', () => {
    const records = tokenizeAll('1,"open\r\n2,b\n3,c');
    expect(cellsOf(records)).toEqual([['1', 'open'], ['2', 'b'], ['3', 'c']]);
    expect(records[0]).toMatchObject({ error: UNCLOSED_QUOTE, unclosedQuote: true, line: 1, length: 9, innerBreaks: 0 });
    expect(records[1]).toMatchObject({ line: 2 });
  });

  it('keeps the rest of the line as the cell when the quote opens on the last line', () => {
    expect(tokenizeAll('a\n"open, still')).toEqual([
      { cells: ['a'], line: 1, length: 2, innerBreaks: 0 },
      { cells: ['open, still'], line: 2, length: 12, innerBreaks: 0, error: UNCLOSED_QUOTE, unclosedQuote: true },
    ]);
  });

  it('cuts a multi-line cell whose closing quote is followed by text', () => {
    const records = tokenizeAll('1,"a\n2,"b\n');
    expect(cellsOf(records)).toEqual([['1', 'a'], ['2', 'b']]);
    expect(records[0]!.unclosedQuote).toBe(true);
    expect(records[1]!.unclosedQuote).toBe(true);
  });

  it('follows a quote over at most maxQuotedBreaks line breaks', () => {
    expect(cellsOf(tokenizeAll('"a\nb\nc",d\n', ',', 2))).toEqual([['a\nb\nc', 'd']]);
    const cut = tokenizeAll('"a\nb\nc",d\n', ',', 1);
    expect(cellsOf(cut)).toEqual([['a'], ['b'], ['c"', 'd']]);
    expect(cut[0]!.unclosedQuote).toBe(true);
  });

  it('keeps the first error of a record', () => {
    const [record] = tokenizeAll('"a"x,"b\n');
    expect(record!.error).toBe('malformed quotes: text after a closing quote');
    expect(record!.unclosedQuote).toBe(true);
  });
});

describe('tokenizeRecords: fed piece by piece', () => {
  const texts = [
    'id,name\n1,Ann\n2,"Bob"',
    'a,b,c\n1,"2",',
    'a,b\r\n"x\r\ny","say ""hi"""\r\n"",\r\n"last"\r\n',
    '"q"\r\n"r""",s\n"t\nu"  ,v\n"w"x,y\n',
    '1,"open\n2,b\n3,"c"',
    'h||i\n"j||k"||"l\nm"||\n',
  ];
  for (const text of texts) {
    it(`reads ${JSON.stringify(text)} the same in pieces of every size`, () => {
      const delimiter = text.includes('||') ? '||' : ',';
      const whole = tokenizeAll(text, delimiter);
      for (let size = 1; size <= text.length; size++) expect(tokenizeInPieces(text, size, delimiter)).toEqual(whole);
    });
  }
});

/*
 * Written against the survivors of a mutation run (test/mutation/equivalent.md): each case
 * below tells the fast path (lines without a quote) from the quoted one, or pins an edge
 * that a changed comparison would move.
 */
describe('tokenizeRecords: the fast and the quoted path agree', () => {
  it('drops a CR that ends the text, whichever path reads the line', () => {
    expect(cellsOf(tokenizeAll('a,b\r'))).toEqual([['a', 'b']]);
    expect(cellsOf(tokenizeAll('"q",b\r'))).toEqual([['q', 'b']]);
    expect(cellsOf(tokenizeAll('"a"x\r'))).toEqual([['ax']]);
  });

  it('reads the lines after a quote on the fast path again (the next quote is looked up afresh)', () => {
    // a quote at index 1, then a plain line ending the text with a CR
    expect(cellsOf(tokenizeAll('a"\nb,c\r'))).toEqual([['a"'], ['b', 'c']]);
    expect(cellsOf(tokenizeAll('"q",1\na,b\r'))).toEqual([['q', '1'], ['a', 'b']]);
  });

  it('keeps a CR that does not end the line, in a quoted record', () => {
    expect(cellsOf(tokenizeAll('x,"q",a\r,b\n'))).toEqual([['x', 'q', 'a\r', 'b']]);
    expect(cellsOf(tokenizeAll('"a"x\r,b\n'))).toEqual([['ax\r', 'b']]);
  });

  it('keeps all the text after a closing quote, up to the line break', () => {
    expect(cellsOf(tokenizeAll('"a"xy\n'))).toEqual([['axy']]);
  });
});

describe('tokenizeRecords: edges of a quoted record', () => {
  it('unescapes doubled quotes in a cell whose quote is never closed on the last line', () => {
    const [record] = tokenizeAll('x,"a""b');
    expect(record!.cells).toEqual(['x', 'a"b']);
    expect(record!.unclosedQuote).toBe(true);
  });

  it('keeps the malformed-quotes mark on a last record without a line break, with or without a last empty cell', () => {
    for (const [text, cells] of [['"a"x', ['ax']], ['"a"x,', ['ax', '']]] as const) {
      const [record] = tokenizeAll(text);
      expect(record!.cells).toEqual(cells);
      expect(record!.error).toBe('malformed quotes: text after a closing quote');
    }
  });

  it('ends the last cell at a delimiter of several characters when the text has no line break left', () => {
    expect(cellsOf(tokenizeAll('"a"||b', '||'))).toEqual([['a', 'b']]);
    expect(cellsOf(tokenizeAll('x||"a"||b', '||'))).toEqual([['x', 'a', 'b']]);
  });

  it('cuts, in the final piece, a multi-line cell followed by only the start of a several-character delimiter', () => {
    const records = tokenizeAll('"a\nb"|', '||');
    expect(cellsOf(records)).toEqual([['a'], ['b"|']]);
    expect(records[0]!.unclosedQuote).toBe(true);
  });

  it('waits for the rest of a several-character delimiter split after a multi-line cell, whatever its first characters', () => {
    const text = '"a\nb"~|~c\nd~|~e\n';
    expect(cellsOf(tokenizeAll(text, '~|~'))).toEqual([['a\nb', 'c'], ['d', 'e']]);
    for (const size of [6, 7]) expect(cellsOf(tokenizeInPieces(text, size, '~|~'))).toEqual([['a\nb', 'c'], ['d', 'e']]);
  });
});

describe('tokenizeRecords: a non-final piece', () => {
  it('gives the complete quoted records it holds and keeps only the unfinished one', () => {
    const result = tokenizeRecords('"a",b\n"c",d', ',', 1, false);
    expect(cellsOf(result.records)).toEqual([['a', 'b']]);
    expect(result.consumed).toBe(6);
  });

  it('drops only the CR of the line break after text that follows a closing quote', () => {
    expect(cellsOf(tokenizeAll('"a"xy\r\n'))).toEqual([['axy']]);
    expect(tokenizeAll('"a')[0]!.error).toBe(UNCLOSED_QUOTE);
    expect(UNCLOSED_QUOTE).toMatch(/^unclosed quote: /);
  });
});
