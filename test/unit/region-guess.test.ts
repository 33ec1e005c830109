import { describe, expect, it } from 'vitest';
import { inferFileRegion } from '../../functions/core/map/file-region.ts';
import { regionGuessWarning } from '../../functions/core/map/region-guess.ts';

// in one piece: grouped as Germans write them ("0171 2345678"), they would be German and no tie
const germanMobiles = ['01712345678', '01609876543', '015123456789', '017612345678', '015712345678'];

describe('regionGuessWarning', () => {
  it('says nothing of a region the file settled', () => {
    expect(regionGuessWarning({ region: 'FR', evidence: '5 of 5 national numbers are valid FR numbers' })).toBeUndefined();
    expect(regionGuessWarning({ region: 'FR', evidence: 'x', tiedWith: [] })).toBeUndefined();
  });

  it('names the guess, the country it could be, the calling code that changes and how to name the region', () => {
    const w = regionGuessWarning({ region: 'DE', evidence: 'a tie: …', tiedWith: ['AT'] });
    expect(w).toEqual({ code: 'region_guessed', count: 1, message: expect.any(String) });
    expect(w?.message).toBe(
      "the file's country is a guess: its phone numbers are as valid AT numbers as DE ones and nothing else in the file tells them apart, so it was read as DE (rather than AT: national numbers get +49, not +43); name the job's region (defaultRegion, `ingest --region`) if it is AT",
    );
  });

  it('adds the currency of bare amounts when the two countries pay in different ones', () => {
    const w = regionGuessWarning({ region: 'CZ', evidence: 'a tie: …', tiedWith: ['SK'] });
    expect(w?.message).toContain('(rather than SK: national numbers get +420, not +421, amounts without a currency are CZK, not EUR)');
  });

  it('adds the zone and the order of dates only where they differ, one clause per other country', () => {
    const w = regionGuessWarning({ region: 'GB', evidence: 'a tie: …', tiedWith: ['US', 'IE'] });
    // Dublin keeps London's clock all year; the United States keeps none of its own (UTC) and reads month first
    expect(w?.message).toContain(
      '(rather than US: national numbers get +44, not +1, amounts without a currency are GBP, not USD, clock times are Europe/London time, not UTC, numeric dates are read day first; rather than IE: national numbers get +44, not +353, amounts without a currency are GBP, not EUR)',
    );
    expect(regionGuessWarning({ region: 'US', evidence: '', tiedWith: ['GB'] })?.message).toContain('clock times are UTC time, not Europe/London, numeric dates are read month first');
  });

  it('says what a region the tables do not know gets: no calling code, dollars, UTC', () => {
    // not a region a file is read as today; the wording still holds
    expect(regionGuessWarning({ region: 'ZZ', evidence: '', tiedWith: ['DE'] })?.message).toContain(
      '(rather than DE: national numbers get +?, not +49, amounts without a currency are USD, not EUR, clock times are UTC time, not Europe/Berlin)',
    );
    // Iceland keeps UTC all year: the same clock as a region without a zone
    expect(regionGuessWarning({ region: 'IS', evidence: '', tiedWith: ['ZZ'] })?.message).toContain('(rather than ZZ: national numbers get +354, not +?, amounts without a currency are ISK, not USD)');
  });

  it('names every other country in the sentence, joined by "or"', () => {
    expect(regionGuessWarning({ region: 'FR', evidence: '', tiedWith: ['BE', 'CH'] })?.message).toMatch(
      /^the file's country is a guess: its phone numbers are as valid BE or CH numbers as FR ones and nothing else in the file tells them apart, so it was read as FR \(rather than BE: .*\); name the job's region \(defaultRegion, `ingest --region`\) if it is BE or CH$/,
    );
  });

  it('tells zones apart by their clocks, not their names', () => {
    // Prague and Bratislava keep one clock; Lisbon is an hour behind Madrid all year
    expect(regionGuessWarning({ region: 'CZ', evidence: '', tiedWith: ['SK'] })?.message).not.toContain('clock times');
    expect(regionGuessWarning({ region: 'ES', evidence: '', tiedWith: ['PT'] })?.message).toContain('clock times are Europe/Madrid time, not Europe/Lisbon');
  });
});

describe('a file whose numbers fit two countries', () => {
  it('is read as the first, with the other kept, and the job is warned', () => {
    const region = inferFileRegion(['Vorname', 'Nachname', 'Mobilnummer'], germanMobiles.map((n) => ['Anna', 'Schulz', n]));
    expect(region).toMatchObject({ region: 'DE', tiedWith: ['AT'] });
    expect(regionGuessWarning(region!)?.message).toContain('read as DE (rather than AT');
  });

  it('is not a guess when the file tells them apart (one international number is enough here)', () => {
    const rows = [...germanMobiles.slice(1), '+49 151 23456789'].map((n) => ['Anna', 'Schulz', n]);
    const region = inferFileRegion(['Vorname', 'Nachname', 'Mobilnummer'], rows);
    expect(region?.region).toBe('DE');
    expect(region?.tiedWith).toBeUndefined();
    expect(regionGuessWarning(region!)).toBeUndefined();
  });
});

describe('a short list whose one header hints at a language', () => {
  it('looks for its numbers in that language\'s countries too, and says a tie is a tie', () => {
    // "Telefon" alone names no language (one header), but it is no English word: German mobiles are read as German, not American
    const region = inferFileRegion(['Name', 'Telefon'], germanMobiles.map((n) => ['Max', n]));
    expect(region).toMatchObject({ region: 'DE', tiedWith: ['AT'] });
  });

  it('hears the language in a header\'s accents: "Téléphone" folds to the English "telephone" but is French', () => {
    const rows = ['0612345678', '0698765432', '0142685300', '0781234567'].map((n) => ['Max', n]);
    expect(inferFileRegion(['Name', 'Téléphone'], rows)).toEqual({ region: 'FR', evidence: expect.stringContaining('; the headers are in fr') });
    // without them the header is English, and so are the countries tried
    expect(inferFileRegion(['Name', 'Telephone'], rows)?.region).not.toBe('FR');
  });

  it('lets that one language break a tie between its country and English-speaking ones', () => {
    // South Africa's and Kenya's plans hold these French numbers as well; "Numéro de téléphone" is French alone
    const french = ['0612345678', '0698765432', '0142685300', '0781234567'];
    const region = inferFileRegion(['Name', 'Numéro de téléphone'], french.map((n) => ['Max', n]));
    expect(region).toEqual({ region: 'FR', evidence: expect.stringContaining('as many as are valid ZA, KE numbers; the headers are in fr') });
  });
});
