import { describe, expect, it } from 'vitest';
import { noteSaysSeconds } from '../../functions/core/map/seconds-note.ts';

describe('noteSaysSeconds', () => {
  it('reads the borrowed word for seconds in a header\'s brackets, with Bantu plural prefixes and in Cyrillic', () => {
    for (const h of ['Igihe (amasegonda)', 'Nguva yakashandiswa (masekondi)', 'Dauer (Sekunden)', 'Durée (secondes)', 'Tiempo (segundos)', 'Kesto [sekuntia]', 'Czas (sekundy)', 'Время (секунды)', 'Muda (sek.)', 'Talk （seconds）', 'Turtii (sekondii)', 'Tid (sec)']) {
      expect(noteSaysSeconds(h), h).toBe(true);
    }
  });

  it('not outside brackets, not an ordinal, not a currency or another unit', () => {
    for (const h of ['Sekunden', 'Second Number', 'Cost (second leg)', 'Copia (segunda via)', 'Zone (Secunda)', 'Amount (SEK)', 'Igiciro (FBu)', 'Length (min)', 'Dauer', '(', 'A (scan)']) {
      expect(noteSaysSeconds(h), h).toBe(false);
    }
  });
});
