import { describe, expect, it } from 'vitest';
import { noteSaysSeconds } from '../../functions/core/map/seconds-note.ts';

describe('noteSaysSeconds at its edges', () => {
  it('reads the word among other words of the note, with spaces inside the brackets', () => {
    for (const h of ['Dauer (in Sekunden)', 'Talk ( sec )', 'Tiempo (total segundos)', 'Igihe [mu masegonda]', 'Время (в секундах)']) {
      expect(noteSaysSeconds(h), h).toBe(true);
    }
  });

  it('reads the stem with no vowel after the s and with two of its consonants', () => {
    for (const h of ['Czas (sknd)', 'Tid (seckunder)', 'Muda (sekkunde)', 'Kesto (sekunt)']) {
      expect(noteSaysSeconds(h), h).toBe(true);
    }
  });

  it('reads the short forms only as whole words', () => {
    for (const h of ['Tid (sec.)', 'Tid (secs)', 'Tiempo (seg.)', 'Время (сек)', 'Время (сек.)', 'Muda (sek.)']) {
      expect(noteSaysSeconds(h), h).toBe(true);
    }
    for (const h of ['Zone (sector)', 'Part (segment)', 'Latency (msec)', 'Latenz (msek.)', 'Rate (sek./min)', 'Rate (sec/min)', 'Rate (sek.x)', 'Время (мсек)']) {
      expect(noteSaysSeconds(h), h).toBe(false);
    }
  });

  it('reads the stem only at the start of a word: milli- and nanoseconds are not seconds', () => {
    for (const h of ['Latency (milliseconds)', 'Latency (nanoseconds)', 'Задержка (миллисекунды)', 'Dauer (Millisekunden)']) {
      expect(noteSaysSeconds(h), h).toBe(false);
    }
  });

  it('takes none of the ordinals for the unit', () => {
    for (const h of ['Copie (seconde)', 'Copia (secondo)', 'Copia (seconda)', 'Copia (segundo)', 'Copia (segunda)', 'Zone (secunda)', 'Cost (second)']) {
      expect(noteSaysSeconds(h), h).toBe(false);
    }
  });
});
