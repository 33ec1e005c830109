import { describe, expect, it } from 'vitest';
import { cleanDisplayName } from '../../functions/core/uploads/display-name.ts';

describe('cleanDisplayName', () => {
  it.each([
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee.csv', 'abcde.csv'],
    ['\u2066a\u2067b\u2068c\u2069.csv', 'abc.csv'],
    ['rtl\u200F\u200E\u061Cmarks.csv', 'rtlmarks.csv'],
    ['calls\u0000.csv', 'calls.csv'],
    ['line\nbreak\r\n.csv', 'linebreak.csv'],
    ['tab\there.csv', 'tabhere.csv'],
    ['\u001b[31mred\u001b[0m.csv', '[31mred[0m.csv'],
    ['c1\u0085\u009bcontrols.csv', 'c1controls.csv'],
    ['para\u2028graph\u2029.csv', 'paragraph.csv'],
    ['lone\uD800surrogate\uDC00.csv', 'lonesurrogate.csv'],
    ['  padded.csv \u0000 ', 'padded.csv'],
  ])('removes what can hide or forge text: %j -> %j', (raw, clean) => {
    expect(cleanDisplayName(raw)).toBe(clean);
  });

  it.each(['Relevé d’appels – mars.csv', 'звонки.xlsx', '通話記録.csv', 'مكالمات.csv', 'שיחות.csv', 'report 😀.csv', 'family 👨\u200D👩\u200D👧.pdf', 'a  b.csv'])(
    'keeps every other name as it is: %j',
    (name) => {
      expect(cleanDisplayName(name)).toBe(name);
    },
  );

  it('comes out empty for a name made only of such characters (the API refuses it)', () => {
    expect(cleanDisplayName('\u202E\u0000\t \u2066')).toBe('');
  });
});
