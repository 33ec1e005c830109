import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { breakTie, inferFileRegion } from '../../functions/core/map/file-region.ts';

const region = (headers: string[], rows: string[][]) => inferFileRegion(headers, rows)?.region;

describe('inferFileRegion', () => {
  it('reads a French bill by its national numbers', () => {
    const r = inferFileRegion(
      ['Numéro de ligne', 'Date', 'Heure', "Type d'appel", 'Numéro appelé', 'Durée', 'Montant TTC (€)'],
      [
        ['06 12 34 56 78', '01/10/2026', '08:15:02', 'Appel sortant', '01 42 68 53 00', '00:02:41', '0,00'],
        ['06 12 34 56 78', '01/10/2026', '09:47:55', 'Appel entrant', '07 81 23 45 67', '00:00:58', '0,00'],
        ['06 12 34 56 78', '02/10/2026', '18:22:40', 'Appel sortant', '04 91 12 34 56', '00:12:05', '3,84'],
      ],
    );
    expect(r?.region).toBe('FR');
    expect(r?.evidence).toBe('6 of 6 national numbers are valid FR numbers (0 are valid US numbers)');
  });

  it('keeps the United States for an American file, its demo 555 numbers included', () => {
    const headers = ['Date', 'Time', 'To/From', 'Direction'];
    expect(region(headers, [['11/03/2025', '2:05 PM', '(555) 123-4567', 'Sent'], ['11/03/2025', '2:06 PM', '(917) 555-2671', 'Received'], ['11/04/2025', '9:41 AM', '(212) 555-0188', 'Sent']])).toBeUndefined();
    expect(region(headers, [['11/03/2025', '2:05 PM', '(415) 692-0101', 'Sent'], ['11/03/2025', '2:06 PM', '(212) 736-3100', 'Received'], ['11/04/2025', '9:41 AM', '(617) 253-1000', 'Sent']])).toBeUndefined();
  });

  it('tries the English-speaking countries for a file with English headers', () => {
    expect(region(['Date', 'Number dialled', 'Duration'], [['03/11/2025', '07911 123456', '00:05:12'], ['03/11/2025', '020 7123 4567', '00:12:00'], ['04/11/2025', '0161 496 0000', '00:01:00']])).toBe('GB');
  });

  it('follows the currency of the headers over numbers that could be American ("Amount (₹)")', () => {
    // ten-digit mobiles that are valid numbers in both countries (New York's 917 and 646)
    const rows = [['05-Nov-2026', '9176543210', '0.00'], ['05-Nov-2026', '6463217890', '1.50'], ['06-Nov-2026', '9176543210', '0.00']];
    expect(region(['Date', 'Number', 'Amount (₹)'], rows)).toBe('IN');
    expect(region(['Date', 'Number', 'Amount'], rows)).toBeUndefined();
  });

  it('takes the country most international numbers carry', () => {
    const r = inferFileRegion(['Name', 'Phone'], [['Anna', '+49 30 12345678'], ['Ben', '+49 151 23456789'], ['Cem', '+49 89 1234567'], ['Dan', '+44 20 7123 4567']]);
    expect(r).toEqual({ region: 'DE', evidence: '3 of 4 international numbers are DE numbers' });
    expect(region(['Name', 'Phone'], [['Anna', '+49 30 12345678'], ['Ben', '+44 20 7123 4567'], ['Cem', '+33 6 12 34 56 78']])).toBeUndefined();
  });

  it('reads bare international digits (newsletter exports) as international, not as national numbers of somewhere', () => {
    expect(region(['Email', 'SMS'], [['a@x.fr', '33612345678'], ['b@x.fr', '33781234567'], ['c@x.fr', '33142685300']])).toBe('FR');
  });

  it('falls back on the headers’ language when no number speaks', () => {
    expect(inferFileRegion(['Firma', 'Straße', 'Postleitzahl', 'Ort', 'Umsatz'], [['Muster GmbH', 'Hauptstr. 1', '10115', 'Berlin', '1.000']])).toEqual({ region: 'DE', evidence: '3 headers are in de' });
    // English headers say nothing
    expect(region(['Company', 'Street', 'City'], [['Acme', 'Main St 1', 'Springfield']])).toBeUndefined();
  });

  it('leaves out dates and bare identifier columns, which look like numbers but are none', () => {
    // a Portuguese register: 9-digit tax numbers are valid Brazilian phone numbers, but are no phones
    const rows = [['Conservas, Lda.', '500000017', '1987-06-11'], ['Vinhos, S.A.', '500000025', '2001-09-03'], ['Code Studio, Lda.', '500000033', '2018-02-20']];
    expect(region(['Nome', 'NIF', 'Data de Constituição'], rows)).not.toBe('BR');
    // slash dates are digits and separators too
    expect(region(['Date', 'Note'], [['01/10/2026', 'a'], ['02/10/2026', 'b'], ['03/10/2026', 'c']])).toBeUndefined();
  });

  it('says nothing when the national numbers are valid nowhere it looks', () => {
    expect(region(['Date', 'Number'], [['1', '0000 123 456'], ['2', '0000 123 457'], ['3', '0000 123 458']])).toBeUndefined();
  });
});

describe('inferFileRegion with the numbers sample files use', () => {
  it('takes Ofcom drama numbers for British ones (not for the Indian mobiles they also spell)', () => {
    const rows = [['03/11/2025', '07700 900123', '00:05:12'], ['03/11/2025', '020 7946 0958', '00:12:00'], ['04/11/2025', '0161 496 0123', '00:01:00']];
    expect(region(['Date', 'Number dialled', 'Duration'], rows)).toBe('GB');
    expect(region(['Date', 'Number dialled', 'Cost (£)'], [['03/11/2025', '07700 900123', '1'], ['03/11/2025', '07700 900456', '2'], ['04/11/2025', '07700 900789', '3']])).toBe('GB');
  });
});

describe('inferFileRegion weighing its evidence', () => {
  const calls = (numbers: string[]) => numbers.map((n, i) => [`0${i + 1}/10/2026`, n]);

  it('does not let calls abroad outvote the language of the headers', () => {
    // a Brazilian contact list (Portuguese headers) whose few international numbers are Dutch
    const r = inferFileRegion(['Nome', 'Sobrenome', 'Celular'], [['Ana', 'Silva', '+31 6 12345678'], ['Bruno', 'Costa', '+31 6 23456789'], ['Carla', 'Souza', '+31 6 34567890']]);
    expect(r?.region).not.toBe('NL');
  });

  it('keeps the United States for dollar amounts over ten-digit numbers, and takes another country only when it reads most of them', () => {
    expect(region(['Date', 'Number', 'Amount (USD)'], [['1', '9176543210', '1'], ['2', '6463217890', '2'], ['3', '9176543210', '3']])).toBeUndefined();
    // two of five French numbers, three that are nobody's: the column says nothing, the headers still do
    expect(inferFileRegion(['Date', 'Numéro appelé', 'Durée'], calls(['06 12 34 56 78', '01 42 68 53 00', '0000 000 01', '0000 000 02', '0000 000 03']).map((r) => [...r, '60']))?.evidence).toBe('2 headers are in fr');
    // four of five French: France
    expect(region(['Date', 'Numéro appelé', 'Durée'], calls(['06 12 34 56 78', '01 42 68 53 00', '07 81 23 45 67', '04 91 12 34 56', '0000 000 01']).map((r) => [...r, '60']))).toBe('FR');
  });

  it('reads bare digits as numbers only under a phone header', () => {
    // Italian mobiles without a trunk 0; two of the three are also valid American numbers
    const mobiles = [['Rossi', '3331234567', 'Roma'], ['Bianchi', '3472345678', 'Milano'], ['Verdi', '3203456789', 'Torino']];
    expect(inferFileRegion(['Cognome', 'Cellulare', 'Città'], mobiles)).toEqual({ region: 'IT', evidence: '3 of 3 national numbers are valid IT numbers (2 are valid US numbers)' });
    // the same digits under a code header say nothing; the Italian headers still do
    expect(inferFileRegion(['Cognome', 'Codice', 'Città'], mobiles)?.evidence).toBe('2 headers are in it');
  });

  it('takes bare digits that are an international number nowhere valid as no evidence', () => {
    // Chinese mobiles printed without +86 read as +1 3800…, which is nothing: the Chinese headers decide
    const r = inferFileRegion(['姓名', '手机', '邮箱'], [['王伟', '13800138000', 'a@x.cn'], ['李娜', '13912345678', 'b@x.cn'], ['张敏', '13698765432', 'c@x.cn']]);
    expect(r?.region).toBe('CN');
  });

  it('reads a column for numbers only when most of its values look like phone numbers, short codes and long ids not counted', () => {
    const rows = [['Paris', '06 12 34 56 78'], ['Lyon', 'appeler plus tard'], ['Nice', 'absent'], ['Lille', 'absent']];
    expect(region(['City', 'Note'], rows)).toBeUndefined();
    expect(region(['Date', 'Number'], calls(['3250', '3250', '36 15', '36 15']))).toBeUndefined();
    expect(region(['Date', 'Number'], calls(['0612 3456 7812 3456', '0612 3456 7812 3457', '0612 3456 7812 3458']))).toBeUndefined();
  });

  it('needs two headers in a language, more than say English, and no other language as many', () => {
    expect(region(['Vorname', 'Name', 'Email'], [['Jonas', 'Becker', 'j@x.de']])).toBeUndefined();
    expect(region(['Vorname', 'Nachname', 'Firma'], [['Jonas', 'Becker', 'Becker GmbH']])).toBe('DE');
    expect(region(['First name', 'Last name', 'Company', 'Vorname', 'Nachname'], [['a', 'b', 'c', 'd', 'e']])).toBeUndefined();
  });
});

describe('inferFileRegion, the details', () => {
  it('takes the country of most international numbers, written with + or 00, and none for fewer than three', () => {
    const rows = [['a', '+44 20 7123 4567'], ['b', '0049 30 12345678'], ['c', '+49 151 23456789'], ['d', '+49 89 1234567']];
    expect(inferFileRegion(['Name', 'Phone'], rows)).toEqual({ region: 'DE', evidence: '3 of 4 international numbers are DE numbers' });
    expect(region(['Name', 'Phone'], rows.slice(0, 3))).toBeUndefined();
    // American numbers abroad or at home: the default stands
    expect(region(['Name', 'Phone'], [['a', '+1 415 692 0101'], ['b', '+1 212 736 3100'], ['c', '+1 617 253 1000']])).toBeUndefined();
  });

  it('prefers the candidate that reads the numbers, not the first one the language names', () => {
    // Belgian numbers in a French-language file: 9-digit Brussels lines are no French numbers
    const r = inferFileRegion(['Nom', 'Prénom', 'Téléphone'], [['Dubois', 'Marc', '02 511 23 45'], ['Lambert', 'Julie', '02 512 34 56'], ['Peeters', 'Luc', '03 231 45 67']]);
    expect(r?.region).toBe('BE');
  });

  it('needs 80 % of all the national numbers in one country', () => {
    const rows = [
      ['07911 123456', '020 7123 4567'], ['07922 123456', '0161 496 0123'], ['07933 123456', '0113 496 0123'],
      ['0000 111 222', '0000 111 333'], ['0000 111 444', '0000 111 555'],
    ];
    expect(region(['Number', 'Other number'], rows)).toBeUndefined();
    expect(region(['Number', 'Other number'], rows.slice(0, 3))).toBe('GB');
  });

  it('keeps the United States when a language speaks but American numbers are as valid as any', () => {
    expect(region(['Nombre', 'Apellido', 'Teléfono'], [['Ana', 'García', '(212) 736-3100'], ['Luis', 'Pérez', '(415) 692-0101'], ['Eva', 'Ruiz', '(617) 253-1000']])).toBeUndefined();
  });

  it('reads padded cells, ignores cells beyond the headers, and takes a phone field’s own wording (lexicon or synonym)', () => {
    const padded = [['Jonas', 'Becker', ' 0171 2345678 '], ['Anna', 'Schulz', ' 0160 9876543'], ['Mehmet', 'Yilmaz', '0151 23456789 ']];
    expect(inferFileRegion(['Vorname', 'Nachname', 'Telefon'], padded)?.evidence).toMatch(/3 of 3 national numbers are valid DE numbers/);
    // a number column past the last header is no column
    expect(region(['Name'], [['a', '06 12 34 56 78'], ['b', '06 98 76 54 32'], ['c', '07 81 23 45 67']])).toBeUndefined();
    // "Handy" (German for a mobile) is a synonym of the phone field: its bare digits count; a customer number's do not
    const bare = [['Becker', '1712345678', 'A'], ['Schulz', '1609876543', 'B'], ['Yilmaz', '1701234567', 'C']];
    expect(inferFileRegion(['Nachname', 'Handy', 'Firma'], bare)?.evidence).toMatch(/national numbers are valid DE numbers/);
    expect(inferFileRegion(['Nachname', 'Kundennummer', 'Firma'], bare)?.evidence).toMatch(/headers are in de/);
  });
});

describe('inferFileRegion: two countries that explain the same numbers', () => {
  // libphonenumber-js (max metadata) is the oracle: each number is checked valid in both countries before it is used
  const validIn = (v: string, country: CountryCode) => parsePhoneNumberFromString(v, { defaultCountry: country, extract: false })?.isValid() === true;
  const bothValid = (numbers: string[], a: CountryCode, b: CountryCode) => {
    for (const n of numbers) expect(validIn(n, a) && validIn(n, b), `${n} in ${a} and ${b}`).toBe(true);
    return numbers;
  };
  /** Belgian mobiles (04xx, ten digits), which are French geographic numbers in the south-east too. */
  // written in one piece, so how they are grouped says nothing (see the grouping test below)
  const belgianMobiles = () => bothValid(['0470123456', '0475987654', '0486112233', '0470554433', '0478203040'], 'BE', 'FR');
  const frenchLog = (numbers: string[]) => numbers.map((n, i) => [`0${i + 1}/10/2026`, n, '00:01:00']);

  it('says a French-headed log of Belgian mobiles is a tie, read as France, and names Belgium', () => {
    const r = inferFileRegion(['Date', 'Numéro', 'Durée'], frenchLog(belgianMobiles()));
    expect(r?.region).toBe('FR');
    expect(r?.evidence).toBe("a tie: 5 of 5 national numbers are valid FR numbers and as many are valid BE numbers, and nothing else in the file tells them apart; read as FR, a guess: name the job's region if it is BE (0 are valid US numbers)");
  });

  it('breaks the tie by the international numbers of one of the two, even one', () => {
    const r = inferFileRegion(['Date', 'Numéro', 'Durée'], frenchLog([...belgianMobiles(), '+32 470 99 88 77']));
    expect(r).toEqual({ region: 'BE', evidence: '5 of 5 national numbers are valid BE numbers, as many as are valid FR numbers; 1 of its international numbers are BE numbers (0 are valid US numbers)' });
    // a call to France among them does not: more of the calls abroad must be to one of the two
    const even = inferFileRegion(['Date', 'Numéro', 'Durée'], frenchLog([...belgianMobiles(), '+32 470 99 88 77', '+33 6 12 34 56 78']));
    expect(even?.region).toBe('FR');
    expect(even?.evidence).toMatch(/^a tie: /);
  });

  it('breaks it by how the numbers are grouped: as each country prints them, a trunk 0 dropped or not', () => {
    // "0470 12 34 56" is how Belgium writes a mobile France writes "04 70 12 34 56"
    const spaced = bothValid(['0470 12 34 56', '0475 98 76 54', '0486 11 22 33', '0470 55 44 33', '0478 20 30 40'], 'BE', 'FR');
    expect(inferFileRegion(['Date', 'Numéro', 'Durée'], frenchLog(spaced))).toEqual({
      region: 'BE',
      evidence: '5 of 5 national numbers are valid BE numbers, as many as are valid FR numbers; 5 of them are grouped as BE writes its numbers (0 as FR does) (0 are valid US numbers)',
    });
    expect(inferFileRegion(['Date', 'Numéro', 'Durée'], frenchLog(spaced.map((n) => n.replace(/^0(\d)(\d\d) /, '0$1 $2 '))))?.region).toBe('FR');
    // German mobiles as Germans group them; Austria prints the same digits as a Vienna number, "01 712345678"
    const german = bothValid(['0171 2345678', '0160 9876543', '0151 23456789'], 'DE', 'AT');
    expect(inferFileRegion(['Vorname', 'Nachname', 'Telefon'], german.map((n) => ['Anna', 'Schulz', n]))?.evidence).toMatch(/; [23] of them are grouped as DE writes its numbers \(0 as AT does\)/);
    // a Slovak mobile without its 0, "905 123 456", is grouped as Slovakia prints "0905 123 456": no reason for Czechia
    const slovak = bothValid(['905 123 456', '910 123 456', '905 222 333'], 'SK', 'CZ');
    const read = inferFileRegion(['Číslo', 'Čas', 'Typ', 'Cena'], slovak.map((n) => [n, '10:00', 'hovor', '1,00']));
    expect(read?.region).toBe('SK');
    expect(read?.evidence).not.toContain('grouped');
  });

  it('looks beyond the English-speaking countries when English headers carry numbers grouped as none of them writes them', () => {
    // "06 12 34 56 78" is valid in South Africa too, which prints it "061 234 5678"
    const french = ['06 12 34 56 78', '06 98 76 54 32', '07 81 22 33 44', '01 42 68 53 00', '04 91 12 34 56'].map((n) => ['Jean Dupont', n]);
    expect(inferFileRegion(['Name', 'Phone'], french)).toEqual({
      region: 'FR',
      evidence: '5 of 5 national numbers are valid FR numbers, as many as are valid ZA numbers; 5 of them are grouped as FR writes its numbers (0 as ZA does) (0 are valid US numbers)',
    });
    // in one piece they say nothing, and the English-speaking countries are all there is
    expect(inferFileRegion(['Name', 'Phone'], french.map(([name, n]) => [name!, n!.replace(/ /g, '')]))?.region).toBe('ZA');
    // British numbers grouped as Britain prints them bring in no one else
    const british = ['07700 900123', '020 7946 0018', '0161 496 0123', '07911 123456'].map((n) => ['Ann', n]);
    expect(inferFileRegion(['Name', 'Phone'], british)?.region).toBe('GB');
  });

  describe('numbers grouped as no candidate writes them', () => {
    const frenchGrouped = ['06 12 34 56 78', '06 98 76 54 32', '07 81 22 33 44', '01 42 68 53 00', '04 91 12 34 56'];
    const southAfricanGrouped = ['061 234 5678', '069 876 5432', '078 122 3344'];
    const onePiece = (n: string) => n.replace(/ /g, '');
    const under = (header: string, numbers: string[]) => inferFileRegion(['Name', header], numbers.map((n) => ['Jean Dupont', n]))?.region;

    it('needs three of them, written in groups; numbers in one piece do not count either way', () => {
      // three are weighed (Morocco groups these three alike, so it is a tie, and said to be one)
      const three = inferFileRegion(['Name', 'Phone'], frenchGrouped.slice(0, 3).map((n) => ['Jean Dupont', n]));
      expect(three?.tiedWith).toContain('FR');
      const two = inferFileRegion(['Name', 'Phone'], [...frenchGrouped.slice(0, 2), ...frenchGrouped.slice(2).map(onePiece)].map((n) => ['Jean Dupont', n]));
      expect(two).toEqual({ region: 'ZA', evidence: '5 of 5 national numbers are valid ZA numbers (0 are valid US numbers)' });
      // three grouped among four in one piece are enough: the ones in one piece say nothing
      expect(under('Phone', [...frenchGrouped.slice(0, 3), ...frenchGrouped.slice(3).map(onePiece), '0611223344', '0655667788'])).toBe('FR');
    });

    it('brings a country in when it groups four in five of them so, not fewer', () => {
      expect(under('Phone', [...frenchGrouped.slice(0, 4), southAfricanGrouped[0]!])).toBe('FR');
      expect(under('Phone', [...frenchGrouped.slice(0, 3), ...southAfricanGrouped.slice(0, 2)])).toBe('ZA');
    });
  });

  it('hears the language of a header as it is written: "Téléphone" folds to the English "telephone" but is French', () => {
    const rows = ['0612345678', '0698765432', '0142685300', '0781234567'].map((n) => ['Max', n]);
    for (const header of ['Téléphone', 'TÉLÉPHONE', 'Te\u0301le\u0301phone', 'Téléphone  (bureau)']) {
      expect(inferFileRegion(['Name', header], rows), header).toEqual({ region: 'FR', evidence: expect.stringContaining('; the headers are in fr') });
    }
    expect(inferFileRegion(['Name', 'Telephone'], rows)?.region).not.toBe('FR');
    // accents no language writes it with: English still
    expect(inferFileRegion(['Name', 'Télephone'], rows)?.region).not.toBe('FR');
  });

  it('breaks it by the currency of the headers, or the line types the numbers are in each country', () => {
    // Slovak mobiles written without their 0 are Czech premium-rate and VoIP numbers: headers as Czech as Slovak, a Slovak file
    const slovak = bothValid(['905 123 456', '910 123 456', '905 222 333', '910 555 444'], 'SK', 'CZ');
    const headers = ['Číslo', 'Čas', 'Typ', 'Cena'];
    const rows = slovak.map((n) => [n, '10:00', 'hovor', '1,00']);
    expect(inferFileRegion(headers, rows)).toEqual({
      region: 'SK',
      evidence: '4 of 4 national numbers are valid SK numbers, as many as are valid CZ numbers; 4 of them are mobile or fixed lines there (0 in CZ) (0 are valid US numbers)',
    });
    // a Swiss franc in the headers over numbers Switzerland and France both hold
    const swissOrFrench = bothValid(['0223456789', '0211234567', '0269876543'], 'CH', 'FR');
    const swiss = inferFileRegion(['Date', 'Numéro appelé', 'Durée', 'Montant (CHF)'], swissOrFrench.map((n) => ['01.10.2026', n, '00:01:00', '1.00']));
    expect(swiss?.region).toBe('CH');
    expect(swiss?.evidence).toMatch(/as many as are valid FR numbers; the headers' currency is CH's/);
  });

  it('takes the country whose currency the headers print: French mobiles that Morocco and Switzerland also hold, under "(€)"', () => {
    const mobiles = bothValid(bothValid(['06 12 34 56 78', '07 81 23 45 67', '06 98 76 54 32'], 'FR', 'MA'), 'FR', 'CH');
    const rows = mobiles.map((n, i) => [`0${i + 1}/10/2026`, n, '00:02:41', '1,20']);
    const euros = inferFileRegion(['Date', 'Numéro appelé', 'Durée', 'Montant TTC (€)'], rows);
    expect(euros).toEqual({ region: 'FR', evidence: expect.stringMatching(/^3 of 3 national numbers are valid FR numbers, as many as are valid (CH|MA), (CH|MA) numbers; the headers' currency is FR's/) });
    // without it, a guess, said to be one
    expect(inferFileRegion(['Date', 'Numéro appelé', 'Durée', 'Montant TTC'], rows)?.evidence).toMatch(/^a tie: 3 of 3 national numbers are valid FR numbers and as many are valid/);
  });

  it('says a German list whose mobiles Austria also holds is a tie (read as Germany), never a certainty', () => {
    const german = bothValid(['01712345678', '01609876543', '015123456789'], 'DE', 'AT');
    const r = inferFileRegion(['Vorname', 'Nachname', 'Telefon'], german.map((n) => ['Anna', 'Schulz', n]));
    expect(r?.region).toBe('DE');
    expect(r?.evidence).toMatch(/^a tie: 3 of 3 national numbers are valid DE numbers and as many are valid AT numbers/);
  });
});

describe('breakTie', () => {
  const none = { national: [], international: [], money: [], currencies: [], language: undefined };
  it('leaves a tie that nothing breaks, or that two things break both ways', () => {
    expect(breakTie(['FR', 'BE'], none)).toBeUndefined();
    expect(breakTie(['FR', 'BE'], { ...none, international: ['+32 470 12 34 56'], money: ['FR'] })).toBeUndefined();
  });

  it('takes the country more of the file names, with what named it', () => {
    expect(breakTie(['NL', 'BE'], { ...none, language: 'fr' })).toEqual({ region: 'BE', why: 'the headers are in fr' });
    expect(breakTie(['FR', 'BE'], { ...none, international: ['+32 470 12 34 56', '+32 475 98 76 54', '+33 6 12 34 56 78'], money: ['BE'] })).toEqual({
      region: 'BE',
      why: "2 of its international numbers are BE numbers, the headers' currency is BE's",
    });
  });
});
